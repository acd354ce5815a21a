// Clicks a download button and returns the saved file's name and content.
import {readFile} from "node:fs/promises";
import type {Locator, Page} from "playwright-core";

export async function download(page: Page, button: Locator): Promise<{filename: string; content: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = await file.path();
  return {filename: file.suggestedFilename(), content: await readFile(path)};
}

export const firstLine = (content: Buffer) => content.toString("utf8").split("\n")[0]!;
