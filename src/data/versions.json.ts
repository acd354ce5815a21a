// Data loader for /versions: every recorded release with its cut-off, and each headline
// result per release with its change from the previous release.
import {join} from "node:path";
import {compareHeadlines} from "../core/release/headline.js";
import {listReleases} from "../core/release/releases.js";

const releases = listReleases(join(import.meta.dirname, "..", "..", "releases"));
const versions = releases.map((release, i) => ({
  version: release.version,
  cutoff: release.manifest.cutoff,
  commit: release.manifest.commit,
  reconstructed: release.manifest.reconstructed,
  n_patients: release.results.results.find((r) => r.id === "cohort.n")?.stats.n ?? null,
  changes: compareHeadlines(releases[i - 1]?.results, release.results)
}));
process.stdout.write(JSON.stringify({versions}, null, 2));
