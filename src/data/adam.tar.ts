// The published ADaM datasets (ADSL, ADRS, ADTTE, ADAE; study days only) of the build product
// (src/core/adam/product.ts): data/adam/<table>.parquet, every table at every size; <table>.csv and <table>.xpt of the
// tables up to LIMITS.textRows rows (src/core/adam/publication.ts) with define.xml; and formats.json, which says what
// was published (rows, formats, bytes) for the pages that link the files. The same files `npm run datasets` writes.
import {mkdtempSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {DatasetFormats} from "../core/adam/publication.js";
import {LIMITS} from "../core/limits.js";
import {writeDatasets} from "../core/results/datasets.js";
import {writeTar} from "../core/tar.js";

const scratch = mkdtempSync(join(tmpdir(), "adam-tar-"));
try {
  const out = join(scratch, "adam");
  const {datasets, files} = await writeDatasets(process.env.COHORT_DIR ?? "data/cohort", out, {textRows: LIMITS.textRows});
  const formats: DatasetFormats = {
    text_rows: LIMITS.textRows,
    datasets: datasets.map((dataset) => ({
      ...dataset,
      bytes: Object.fromEntries(dataset.formats.map((format) => [format, statSync(join(out, `${dataset.table}.${format}`)).size]))
    }))
  };
  await writeTar([
    ["formats.json", Buffer.from(JSON.stringify(formats))],
    ...files.map((name) => [name, {path: join(out, name)}] as const)
  ]);
} finally {
  rmSync(scratch, {recursive: true, force: true});
}
