// npm run --silent validate -- [--data DIR]
// Validates a cohort directory and says what it checked; an invalid cohort gets every
// problem on stderr, exit status 1 and an empty stdout.
import {RULES, type FileSummary} from "../../src/core/cohort/validate.js";
import {args} from "../args.js";
import {DATA, withValidCohort} from "./with-cohort.js";

const {data} = args({usage: "npm run --silent validate -- [--data DIR]", options: DATA}).values;

await withValidCohort(data, ({study, summary}) => {
  const width = Math.max(...summary.files.map((f) => f.file.length));
  // Columns as wide as their widest value: a registry's assessments run to 10^7 rows.
  const rows = (f: FileSummary) => (f.file.endsWith(".csv") ? `${f.rows} rows` : "");
  const rowsWidth = Math.max(...summary.files.map((f) => rows(f).length));
  const bytesWidth = Math.max(...summary.files.map((f) => String(f.bytes).length));
  const lines = [
    `${data}: valid cohort ${study.study_id} version ${study.version}` +
      (study.reconstructed ? " (reconstructed: no row is a real person)" : ""),
    "",
    "files:",
    ...summary.files.map(
      (f) =>
        `  ${f.file.padEnd(width)}  ${rows(f).padStart(rowsWidth)}` +
        `  ${String(f.bytes).padStart(bytesWidth)} bytes  sha256 ${f.sha256}`
    ),
    "",
    `rules checked (${summary.rules.length}):`,
    ...summary.rules.map((rule) => `  ${rule}: ${RULES[rule]}`)
  ];
  process.stdout.write(lines.join("\n") + "\n");
});
