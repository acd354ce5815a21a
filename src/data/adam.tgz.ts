// The published ADaM datasets (ADSL, ADRS, ADTTE, ADAE; study days only) as DuckDB writes them
// (src/sql/export/adam.sql): data/adam/<table>.csv and .parquet for the /data page's downloads and for the re-run
// in the reader's browser (src/components/rerun.ts), the same files `npm run datasets` writes.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Readable} from "node:stream";
import {pipeline} from "node:stream/promises";
import {createGzip} from "node:zlib";
import {writeDatasets} from "../core/results/datasets.js";
import {tarFiles} from "../core/tar.js";

const scratch = mkdtempSync(join(tmpdir(), "adam-tgz-"));
try {
  const out = join(scratch, "adam");
  const files = await writeDatasets(process.env.COHORT_DIR ?? "data/cohort", out);
  // Streamed: at 10^6 patients the files are 1.3 GB. The archive only carries them to Framework, which extracts
  // them into the site, so the fastest compression: at 10^6, 14 s instead of the default level's 36 s, for 244 MB
  // instead of 204 (docs/scale.md).
  await pipeline(Readable.from(tarFiles(files.map((name) => [name, join(out, name)] as const))),
    createGzip({level: 1}), process.stdout);
} finally {
  rmSync(scratch, {recursive: true, force: true});
}
