// The few git facts a release needs.
import {execFileSync} from "node:child_process";

export function git(root: string, ...args: string[]): string {
  return execFileSync("git", args, {cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"]}).trim();
}

/** Uncommitted changes, tracked or untracked (ignored files aside), one `git status` line each. */
export function uncommittedChanges(root: string): string[] {
  return git(root, "status", "--porcelain").split("\n").filter(Boolean);
}
