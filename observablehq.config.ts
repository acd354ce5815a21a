// Observable Framework configuration. Everything the site loads comes from its own
// origin: no Google Fonts (globalStylesheets), no CDN (pages import from node_modules),
// and a fixed footer so that two builds of the same inputs are byte-identical.
export default {
  root: "src",
  title: "PDNEC of rectum and anus: chemoradiotherapy",
  pages: [
    {name: "Overview", path: "/"},
    {name: "Table 1", path: "/table-1"},
    {name: "Response", path: "/response"},
    {name: "Swimmer plot", path: "/swimmer"},
    {name: "Survival", path: "/survival"},
    {name: "Safety", path: "/safety"}
  ],
  style: "style.css",
  globalStylesheets: [],
  search: false,
  linkify: true,
  footer:
    "Reanalysis of Fløe, Aggerholm-Pedersen &amp; Tabaksblat, J Cancer Res Clin Oncol 2024 (CC BY 4.0). " +
    "Built with Observable Framework."
};
