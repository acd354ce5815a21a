// Rewrites of the HTML pages Framework wrote into dist/, for what its options cannot say.
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";

/** Applies `rewrite` to every HTML page under `dist`; returns how many pages it changed. */
export function rewritePages(dist: string, rewrite: (html: string) => string): number {
  let pages = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) {
        const html = readFileSync(path, "utf8");
        const rewritten = rewrite(html);
        if (rewritten !== html) (writeFileSync(path, rewritten), pages++);
      }
    }
  };
  walk(dist);
  return pages;
}

export const SKIP_LINK = '<a class="skip-link" href="#observablehq-main">Skip to content</a>';

/**
 * Framework 1.13 hard-codes `maximum-scale=1` in its viewport, which stops a reader zooming on a phone (WCAG 1.4.4),
 * and has no place before its sidebar for a skip link, which must be the first thing a keyboard reaches (WCAG 2.4.1).
 */
export function accessiblePage(html: string): string {
  return html
    .replace(/(<meta name="viewport" content="[^"]*?), maximum-scale=1(")/, "$1$2")
    .replace(/<body>(?!\n?<a class="skip-link")/, `<body>\n${SKIP_LINK}`);
}
