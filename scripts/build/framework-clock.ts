// Framework writes each file's mtime into the modules that reference it (and so into their hashed names), and the
// mtimes of loader output are the time the loader ran: two builds of one commit would differ. Framework has one
// switch for this, its own clock override `setCurrentDate` (which its tests use): with it set, every file reads as of
// that date. Framework 1.13 exports it only from its dist/config.js, not from a documented entry point, and has no
// option or environment variable for it. So the one import of a Framework internal lives here, tied to the version
// it was checked against (test/unit/framework-clock.test.ts fails on an upgrade until it is checked again); the
// release test rebuilding a release in a fresh worktree, file for file (test/e2e/release.test.ts), shows it works.
import {setCurrentDate} from "@observablehq/framework/dist/config.js";

/** The Framework version this override was checked against (package.json pins it). */
export const CHECKED_FRAMEWORK = "1.13.4";

/** Makes this Framework process read every file's mtime as `date` (build only: the preview must see edits). */
export function pinFrameworkClock(date: Date): void {
  setCurrentDate(date);
}
