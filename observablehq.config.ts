// Observable Framework configuration. Everything the site loads comes from its own
// origin: no Google Fonts (globalStylesheets), no CDN (pages import from node_modules),
// and a footer that names this version of the report (version, cut-off, data SHA-256, code
// commit, tools) without a build date, so two builds of the same inputs are byte-identical.
import {pinFrameworkClock} from "./scripts/build/framework-clock.js";
import {commitTime} from "./scripts/build/last-modified.js";
import {PRODUCT_ENV, readProduct} from "./src/core/adam/manifest.js";
import {publication, textFiles} from "./src/core/adam/publication.js";
import {LIMITS} from "./src/core/limits.js";
import {provenance} from "./src/core/provenance.js";
import {RECONSTRUCTED_NOTICE, SOURCE, type ReportIdentity} from "./src/core/report-text.js";

// Every file read as of the commit time, so two builds of one commit are byte-identical (scripts/build/framework-clock.ts).
if (process.argv[2] === "build") pinFrameworkClock(new Date(commitTime(".")));

const id = provenance(process.env.COHORT_DIR ?? "data/cohort");
const tools = Object.entries(id.tools)
  .map(([name, version]) => `${name} ${version}`)
  .join(", ");

const title = "PDNEC of rectum and anus: chemoradiotherapy";
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const [noticeHead, ...noticeRest] = RECONSTRUCTED_NOTICE.split(". ");
const reconstructedBanner =
  `<div class="notice reconstructed-banner" role="note"><strong>${escape(noticeHead!)}.</strong> ${escape(noticeRest.join(". "))}</div>`;
// The report's identity in every page's head, for what the browser makes from a page (figure and table exports).
const identity: ReportIdentity = {
  title, version: id.version, cutoff: id.cutoff, reconstructed: id.reconstructed, commit: id.commit,
  notice: id.reconstructed ? RECONSTRUCTED_NOTICE : null, source: SOURCE
};
const identityScript = `<script type="application/json" id="report-identity">${JSON.stringify(identity).replace(/</g, "\\u003c")}</script>`;

// The ADaM datasets' text downloads (CSV, XPT) of the tables small enough to publish them (src/core/adam/publication.ts).
// No page names them (the /data page reads which exist from data/adam/formats.json), so Framework copies them, as they
// are and unhashed, only when listed here. A build makes the product first (scripts/build/observable.ts); the
// preview server has none, and serves the files only as loader output under _file/: the pages learn where from a
// meta tag (src/components/derivation/shipped.ts).
const product = process.env[PRODUCT_ENV] ? readProduct(process.env[PRODUCT_ENV]) : undefined;
const textDownloads = product ? textFiles(publication(product.manifest.rows, LIMITS.textRows)).map((file) => `/data/adam/${file}`) : [];
const textFilesMeta = `<meta name="adam-text-files" content="${process.argv[2] === "build" ? "" : "_file/"}data/adam/">`;

export default {
  root: "src",
  title,
  pages: [
    {name: "Overview", path: "/"},
    {name: "Table 1", path: "/table-1"},
    {name: "Response", path: "/response"},
    {name: "Swimmer plot", path: "/swimmer"},
    {name: "Survival", path: "/survival"},
    {name: "Safety", path: "/safety"},
    {name: "Reconciliation with the paper", path: "/reconciliation"},
    {name: "Versions", path: "/versions"},
    {name: "Analysis datasets", path: "/data"},
    {name: "Verify in your browser", path: "/verify"}
  ],
  dynamicPaths: textDownloads,
  // Links keep ".html" (/table-1.html), so the site works on any plain static host (README, Hosting).
  preserveExtension: true,
  style: "style.css",
  // Framework 1.13 has no `lang` option, labels its sidebar toggle by title only and puts a
  // <label> inside the sidebar's <ol>: fix the document once it is parsed (axe, screen readers).
  head:
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' +
    textFilesMeta +
    identityScript +
    "<script>document.documentElement.lang = \"en\";" +
    "addEventListener(\"DOMContentLoaded\", () => {" +
    "document.getElementById(\"observablehq-sidebar-toggle\")?.setAttribute(\"aria-label\", \"Toggle sidebar\");" +
    "const close = document.getElementById(\"observablehq-sidebar-close\");" +
    "if (close?.parentElement?.tagName === \"OL\") close.parentElement.before(close);" +
    "});</script>",
  // On every page, before any number: the banner says when the report runs on reconstructed data (study.json).
  header: id.reconstructed ? reconstructedBanner : "",
  globalStylesheets: [],
  search: false,
  linkify: true,
  footer:
    `Report version ${id.version} · data cut-off ${id.cutoff}${id.reconstructed ? " · reconstructed demo cohort" : ""} · ` +
    `data SHA-256 <code title="${id.data_sha256_all}">${id.data_sha256_all.slice(0, 12)}</code> · ` +
    `built from commit <code title="${id.commit}">${id.commit.slice(0, 12)}</code> · ${tools}.<br>` +
    `${escape(SOURCE)}. ` +
    "Built with Observable Framework."
};
