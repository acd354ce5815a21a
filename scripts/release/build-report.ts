// Builds the report at `root` (a checkout, or a release's commit in a worktree) for a cohort directory, with that
// checkout's own `npm run build`: a release made from an earlier commit rebuilds with the build it was made with.
import {execFileSync} from "node:child_process";

/** `npm run build` at `root` with the cohort in `dataDir` (relative to root). Output goes to stderr. */
export function buildReport(root: string, dataDir: string): void {
  execFileSync("npm", ["run", "--silent", "build"], {
    cwd: root,
    stdio: ["ignore", process.stderr, "inherit"],
    env: {...process.env, COHORT_DIR: dataDir}
  });
}
