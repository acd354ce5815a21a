// The data dictionary of the published ADaM datasets (variable, label, type, derivation): labels and derivations
// from src/core/adam-metadata.ts, types from the build product's tables. Fails when the two disagree.
import {withAdam, withProduct} from "../core/adam/product.js";
import {adamDictionary} from "../core/interchange/adam-xpt.js";

const dictionary = await withProduct(process.env.COHORT_DIR ?? "data/cohort", (product) => withAdam(product, adamDictionary, "views"));
process.stdout.write(JSON.stringify(dictionary));
