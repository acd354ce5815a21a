// The SQL the build ran, as shipped to the reader's browser for the re-run (src/components/rerun.ts): the file that
// reads the published ADaM datasets back, the macro library and every analysis file, in the order the build runs
// them (src/core/engine.ts), each with its exact text and SHA-256 so a reviewer can match it to the repository.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {ANALYSIS_FILES, LIBRARY_FILES, ROOT} from "../core/engine.js";

const PUBLISHED_LOAD = "src/sql/published/load.sql";

const file = (path: string) => {
  const text = readFileSync(join(ROOT, path), "utf8");
  return {path, sha256: createHash("sha256").update(text).digest("hex"), text};
};

process.stdout.write(JSON.stringify({
  load: file(PUBLISHED_LOAD),
  library: LIBRARY_FILES.map(file),
  analysis: ANALYSIS_FILES.map(file),
}));
