// The largest file the site build can publish. Framework hashes every file it copies into dist with readFileSync,
// which refuses a file over 2 GiB − 1 byte (Node's buffer limit): the build then stops with ERR_FS_FILE_TOO_LARGE,
// minutes in and without naming the dataset. ADRS's CSV, about 770 bytes a patient, reaches it near 2.8 × 10^6
// patients (docs/scale.md, "Beyond 10^6").
import {statSync} from "node:fs";
import {join} from "node:path";

export const SITE_FILE_BYTES = 2 ** 31 - 1;

/** A line for each of the files `names` in `dir` larger than `limit`, naming it (as under `published`) and its size. */
export function tooLargeForSite(dir: string, names: readonly string[], published: string,
  limit = SITE_FILE_BYTES): string[] {
  return names.flatMap((name) => {
    const bytes = statSync(join(dir, name)).size;
    return bytes > limit
      ? [`${published}/${name} is ${bytes} bytes: the site build cannot publish a file over ${limit} bytes ` +
         "(Framework reads each file whole to hash it)"]
      : [];
  });
}
