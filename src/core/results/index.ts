export {buildResults, resultsFromProduct} from "./build.js";
export {CATALOG, type CatalogEntry} from "./catalog.js";
export {FORMATS, round, type Format} from "./format.js";
export {QcDisagreementError} from "./check.js";
export type {Report, Result, ResultsDataset, Stats} from "./types.js";
