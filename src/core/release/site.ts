// The built site against the release of its version: the footer names the commit the site was built from, a
// release records the commit it was made from; /versions says how the two relate, so they never look contradictory.
import type {Provenance} from "../provenance.js";
import type {Manifest} from "./releases.js";

export interface SiteIdentity {
  version: string;
  cutoff: string;
  /** The commit the site was built from (the footer's). */
  commit: string;
  /** The release recorded for this version, if any. */
  release: {commit: string; same_commit: boolean; same_data: boolean} | null;
}

/** The site (its provenance) and the recorded release of the same version, compared by commit and by input files. */
export function siteIdentity(site: Provenance, manifests: readonly Manifest[]): SiteIdentity {
  const manifest = manifests.find((m) => m.version === site.version);
  const recorded = (m: Manifest) => m.inputs.map((f) => [f.path.slice(m.data_dir.length + 1), f.sha256].join("\0")).sort().join("\n");
  const current = Object.entries(site.data_sha256).map(([path, sha256]) => [path, sha256].join("\0")).sort().join("\n");
  return {
    version: site.version,
    cutoff: site.cutoff,
    commit: site.commit,
    release: manifest ? {commit: manifest.commit, same_commit: manifest.commit === site.commit, same_data: recorded(manifest) === current} : null
  };
}
