// The report built against another cohort (COHORT_DIR), in a throwaway copy of the project (its
// own git repository, sharing node_modules), so that neither its dist/ nor Framework's cache
// touch the demo build the other end-to-end tests serve.
import {execFileSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {ROOT} from "./site.js";

export interface CohortSite {
  project: string;
  dist: string;
  remove: () => void;
}

/** Copies the project's tracked and untracked (not ignored) files, then builds it on `cohortDir` (with `env` set). */
export function buildOnCohort(cohortDir: string, env: Record<string, string> = {}): CohortSite {
  const project = mkdtempSync(join(tmpdir(), "report-cohort-"));
  const remove = () => rmSync(project, {recursive: true, force: true});
  try {
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], {cwd: ROOT, encoding: "utf8"}).split("\n").filter(Boolean);
    for (const file of files) {
      if (!existsSync(join(ROOT, file))) continue;
      mkdirSync(dirname(join(project, file)), {recursive: true});
      cpSync(join(ROOT, file), join(project, file));
    }
    symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
    // Framework's bundles of npm packages depend on their versions only: reuse them (DuckDB-wasm takes ~30 s).
    const nodeCache = join("src", ".observablehq", "cache", "_node");
    if (existsSync(join(ROOT, nodeCache))) cpSync(join(ROOT, nodeCache), join(project, nodeCache), {recursive: true});
    const git = (...args: string[]) => execFileSync("git", args, {cwd: project, stdio: "ignore"});
    git("init", "-q");
    git("-c", "user.email=test@example.invalid", "-c", "user.name=test", "add", "-A");
    git("-c", "user.email=test@example.invalid", "-c", "user.name=test", "commit", "-qm", "project");
    execFileSync("npm", ["run", "--silent", "build"], {cwd: project, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 << 20, env: {...process.env, ...env, COHORT_DIR: cohortDir}});
    return {project, dist: join(project, "dist"), remove};
  } catch (error) {
    remove();
    throw error;
  }
}
