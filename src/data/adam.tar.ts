// The published ADaM datasets (ADSL, ADRS, ADTTE, ADAE; study days only) of the build product
// (src/core/adam/product.ts): data/adam/<table>.parquet, what the re-run in the reader's browser reads
// (src/components/verify/rerun.ts), and <table>.csv for the /data page's downloads: the same files `npm run datasets` writes.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {writeDatasets} from "../core/results/datasets.js";
import {writeTar} from "../core/tar.js";

const scratch = mkdtempSync(join(tmpdir(), "adam-tar-"));
try {
  const out = join(scratch, "adam");
  const files = await writeDatasets(process.env.COHORT_DIR ?? "data/cohort", out);
  await writeTar(files.map((name) => [name, {path: join(out, name)}] as const));
} finally {
  rmSync(scratch, {recursive: true, force: true});
}
