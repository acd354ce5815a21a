// A table as a standalone HTML file to paste into a manuscript: plain inline styles a word processor keeps, Table 1's
// form (bold characteristics, indented categories) kept, and the report's footer lines below.
import {footerLines} from "../page/identity.js";

/** A standalone HTML document holding the table and the report's footer lines, with plain inline styles a word processor keeps. */
export function tableHtml(table: HTMLTableElement, title: string): string {
  const copy = table.cloneNode(true) as HTMLTableElement;
  for (const button of copy.querySelectorAll("button")) button.replaceWith(button.textContent ?? ""); // selectable cells
  copy.setAttribute("style", "border-collapse:collapse;font-family:Arial,sans-serif;font-size:10pt");
  for (const element of copy.querySelectorAll<HTMLElement>("th, td")) {
    element.setAttribute("style", "border-bottom:1px solid #999;padding:2pt 6pt;text-align:" + (element.classList.contains("num") ? "right" : "left"));
  }
  for (const element of copy.querySelectorAll<HTMLElement>("th[scope=row]")) element.style.fontWeight = "normal";
  // Table 1's characteristics bold, their categories indented (gtsummary's form), as on the page.
  for (const element of copy.querySelectorAll<HTMLElement>("tr.row-variable th[scope=row]")) element.style.fontWeight = "bold";
  for (const element of copy.querySelectorAll<HTMLElement>("tr.row-level th[scope=row]")) element.style.paddingLeft = "18pt";
  for (const element of copy.querySelectorAll<HTMLElement>("th.section")) element.style.fontStyle = "italic";
  for (const element of copy.querySelectorAll<HTMLElement>("tfoot td")) element.setAttribute("style", "padding:2pt 6pt;font-size:9pt");
  copy.querySelector("caption")?.setAttribute("style", "text-align:left;font-weight:bold;padding-bottom:4pt");
  const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;"})[c]!);
  const footer = footerLines().map((line) => `<p style="font-family:Arial,sans-serif;font-size:8pt;margin:2pt 0">${escape(line)}</p>`).join("\n");
  return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escape(title)}</title></head>\n<body>\n${copy.outerHTML}\n${footer}\n</body>\n</html>\n`;
}
