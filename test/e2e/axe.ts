// Accessibility scan with axe-core, injected from node_modules (no request leaves the site).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Serious and critical violations on the page, one line each ("rule: target"). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({content: AXE});
  return page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (context: Document, options: object) => Promise<{violations: {id: string; impact: string; nodes: {target: string[]}[]}[]}>}}).axe;
    const {violations} = await axe.run(document, {resultTypes: ["violations"]});
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(" ")}`));
  });
}
