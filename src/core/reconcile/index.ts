// Reconciliation of the paper with the data: the published-values file, the comparison, and the explanations.
export {reconcile, countByStatus, ReconcileError} from "./reconcile.js";
export {loadPublished, checkPublished, PublishedFileError, DEFAULT_PUBLISHED} from "./published.js";
export {numberTokens, printedAs, reprint} from "./numbers.js";
export {explainPercent, explainCount} from "./explain.js";
export type {PublishedFile, PublishedValue, ReconciliationRow, Status} from "./types.js";
