// The lineage of every result (src/core/lineage/): counted and population patients, for "How this was derived".
import {buildLineage} from "../core/lineage/build.js";

process.stdout.write(JSON.stringify(await buildLineage(process.env.COHORT_DIR ?? "data/cohort")));
