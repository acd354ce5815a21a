// A small SQL highlighter for the derivations: comments, string literals, numbers and keywords become spans with
// classes (sql-comment, sql-string, sql-number, sql-keyword); everything else is kept as escaped text, so the
// highlighted code's text is exactly the file's text.

const KEYWORDS = new Set(
  ("ALL AND ANY AS ASC BETWEEN BY CASE CAST COPY CREATE CROSS DESC DISTINCT ELSE END EXCLUDE EXISTS FALSE FILTER FROM " +
    "FULL GROUP HAVING IN INNER INTERVAL IS JOIN LEFT LIKE LIMIT MACRO MAP NOT NULL ON OR ORDER OUTER OVER PARTITION " +
    "QUALIFY RECURSIVE REPLACE RIGHT SELECT SET TABLE THEN TO TRUE UNION USING VALUES VARIABLE WHEN WHERE WINDOW WITH")
    .split(" ")
);

// One alternative per token kind; the first that matches at a position wins.
const TOKEN = /(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^']|'')*')|("(?:[^"]|"")*")|(\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*)/g;

const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;"})[c]!);
const span = (kind: string, text: string) => `<span class="sql-${kind}">${escape(text)}</span>`;

/** The SQL text as HTML with highlighted tokens. */
export function highlightSql(sql: string): string {
  let html = "";
  let last = 0;
  for (const match of sql.matchAll(TOKEN)) {
    const [text, comment, string, , number, word] = match;
    html += escape(sql.slice(last, match.index));
    last = match.index! + text.length;
    if (comment) html += span("comment", text);
    else if (string) html += span("string", text);
    else if (number) html += span("number", text);
    else if (word && KEYWORDS.has(word.toUpperCase())) html += span("keyword", text);
    else html += escape(text); // identifiers, quoted identifiers
  }
  return html + escape(sql.slice(last));
}

/** The SQL as a scrollable, focusable code block: its text content is exactly `sql`. */
export function sqlBlock(sql: string, path: string): HTMLPreElement {
  const pre = document.createElement("pre");
  pre.className = "sql";
  pre.tabIndex = 0; // scrollable regions must be reachable by keyboard
  pre.dataset.path = path;
  const code = document.createElement("code");
  code.innerHTML = highlightSql(sql);
  pre.append(code);
  return pre;
}
