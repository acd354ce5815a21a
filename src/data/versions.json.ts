// Data loader for /versions: this site's version and commit against the release of that version, every recorded
// release with its cut-off, and each headline result per release with its change from the previous release.
import {join} from "node:path";
import {compareHeadlines} from "../core/release/headline.js";
import {listReleases} from "../core/release/releases.js";
import {siteIdentity} from "../core/release/site.js";
import {provenance} from "../core/provenance.js";

const releases = listReleases(join(import.meta.dirname, "..", "..", "releases"));
const versions = releases.map((release, i) => ({
  version: release.version,
  cutoff: release.manifest.cutoff,
  commit: release.manifest.commit,
  reconstructed: release.manifest.reconstructed,
  n_patients: release.results.results.find((r) => r.id === "cohort.n")?.stats.n ?? null,
  changes: compareHeadlines(releases[i - 1]?.results, release.results)
}));
const site = siteIdentity(provenance(process.env.COHORT_DIR ?? "data/cohort"), releases.map((r) => r.manifest));
process.stdout.write(JSON.stringify({site, versions}, null, 2));
