export {reconcile, countByStatus, ReconcileError} from "./reconcile.js";
export {loadPublished, checkPublished, PublishedFileError, DEFAULT_PUBLISHED} from "./published.js";
export {numberTokens, printedAs, reprint, formatLike, atPrecision} from "./numbers.js";
export {explainPercent, explainCount, explainStatistic, partition, populations} from "./explain.js";
export type {PublishedFile, PublishedValue, ReconciliationRow, Status} from "./types.js";
