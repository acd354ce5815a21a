// PNG screenshots of every page of the built report in light, dark and print renderings,
// and on a phone-sized screen, into screenshots/ (git-ignored), for reviewing how it reads.
// Usage: npm run screenshots [-- --no-build] [--width 1200]
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {args} from "../args.js";
import {launch} from "./browser.js";
import {serve} from "./serve.js";
import {buildSite, DIST, ROOT, routes} from "./built-site.js";

const {values} = args({
  usage: "npm run screenshots [-- --no-build] [--width 1200]",
  options: {"no-build": {type: "boolean", default: false}, width: {type: "string", default: "1200"}},
});
const width = Number(values.width);
if (!Number.isInteger(width) || width < 200) throw new Error(`--width must be a whole number of pixels ≥ 200, got ${values.width}`);
if (!values["no-build"]) buildSite();

const out = join(ROOT, "screenshots");
mkdirSync(out, {recursive: true});
const MODES = [
  {name: "light", width, media: {colorScheme: "light" as const, media: "screen" as const}},
  {name: "dark", width, media: {colorScheme: "dark" as const, media: "screen" as const}},
  {name: "print", width, media: {colorScheme: "light" as const, media: "print" as const}},
  {name: "phone", width: 390, media: {colorScheme: "light" as const, media: "screen" as const}}
];

const {server, origin} = await serve(DIST);
const browser = await launch();
try {
  for (const route of routes()) {
    for (const mode of MODES) {
      const page = await browser.newPage({viewport: {width: mode.width, height: 900}});
      await page.emulateMedia(mode.media);
      await page.goto(origin + route, {waitUntil: "networkidle"});
      const file = join(out, `${route === "/" ? "index" : route.slice(1).replaceAll("/", "-")}-${mode.name}.png`);
      await page.screenshot({path: file, fullPage: true});
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
