// The SQL highlighter of the derivations: exact HTML for a snippet with every token kind, and text kept intact.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {test} from "node:test";
import {highlightSql} from "../../src/components/derivation/sql-highlight.js";

test("keywords, strings, numbers and comments become spans; the rest is escaped text", () => {
  const sql = "SELECT 'it''s' AS x, 50.4 -- n < 2\nFROM adsl WHERE a <> \"Select\" /* c */ AND t1 = 2";
  assert.equal(
    highlightSql(sql),
    '<span class="sql-keyword">SELECT</span> <span class="sql-string">\'it\'\'s\'</span> <span class="sql-keyword">AS</span> x, ' +
      '<span class="sql-number">50.4</span> <span class="sql-comment">-- n &lt; 2</span>\n' +
      '<span class="sql-keyword">FROM</span> adsl <span class="sql-keyword">WHERE</span> a &lt;&gt; "Select" ' +
      '<span class="sql-comment">/* c */</span> <span class="sql-keyword">AND</span> t1 = <span class="sql-number">2</span>'
  );
});

test("lower-case keywords are highlighted as written; a keyword inside a string or a comment is not", () => {
  assert.equal(highlightSql("select 'from' -- where"), '<span class="sql-keyword">select</span> <span class="sql-string">\'from\'</span> <span class="sql-comment">-- where</span>');
});

test("removing the tags and unescaping gives back the file's text", () => {
  const text = readFileSync(new URL("../../src/sql/analysis/response.sql", import.meta.url), "utf8");
  const plain = highlightSql(text).replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  assert.equal(plain, text);
});
