// Headless Chromium for the end-to-end tests and the dev tools (page budget, screenshots): the system's browser, never
// a download.
import {existsSync} from "node:fs";
import {chromium, type Browser, type Page} from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The Chromium executable: $CHROMIUM_PATH, else the first of the usual system paths. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found (looked for ${CANDIDATES.join(", ")}). ` +
        "Install Debian's with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary. " +
        "The tests never download a browser."
    );
  }
  return found;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}

/** What went wrong while a page was open: console errors, page errors, failed and off-origin requests. */
export interface PageProblems {
  problems: string[];
  requests: string[];
  bytes: () => Promise<number>;
}

/** Watches a page for problems; requests leaving `origin` are aborted and reported. */
export async function watch(page: Page, origin: string): Promise<PageProblems> {
  const problems: string[] = [];
  const requests: string[] = [];
  const sizes: Promise<number>[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.push(`request outside the origin: ${url}`);
    return route.abort();
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (request.url().startsWith(origin)) problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("requestfinished", (request) => {
    requests.push(request.url());
    sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize).catch(() => 0));
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {problems, requests, bytes: async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0)};
}
