// Shared command-line plumbing for every script that reads a cohort (validate, results,
// datasets, release): the --data/--out options and "validate first, or fail with every
// problem on stderr and nothing written".
import {CohortError, formatProblem, type Problem} from "./cohort/problem.js";
import {validateCohort, type ValidationResult} from "./cohort/validate.js";
import type {Study} from "./cohort/types.js";

export const DEFAULT_DATA_DIR = "data/cohort";

export interface CliArgs {
  /** Cohort directory (--data DIR), default data/cohort. */
  data: string;
  /** Output directory (--out DIR), when the command takes one. */
  out?: string;
}

export interface CliSpec {
  /** Usage line printed with argument errors, e.g. "npm run --silent datasets -- [--data DIR] --out DIR". */
  usage: string;
  /** Whether --out is accepted ("optional") or must be given ("required"); default: not accepted. */
  out?: "optional" | "required";
}

export class UsageError extends Error {}

/** Parses `--data DIR` and `--out DIR` (also `--data=DIR`); throws UsageError on anything else. */
export function parseArgs(argv: readonly string[], spec: CliSpec): CliArgs {
  const args: CliArgs = {data: DEFAULT_DATA_DIR};
  const accepted = spec.out ? ["--data", "--out"] : ["--data"];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!accepted.includes(name)) throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
      throw new UsageError(`${name} needs a directory`);
    }
    if (name === "--data") args.data = value;
    else args.out = value;
  }
  if (spec.out === "required" && args.out === undefined) throw new UsageError("--out DIR is required");
  return args;
}

/** parseArgs for a script's own argv; prints the usage and exits 2 on a usage error. */
export function cliArgs(spec: CliSpec, argv: readonly string[] = process.argv.slice(2)): CliArgs {
  try {
    return parseArgs(argv, spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\nusage: ${spec.usage}\n`);
    process.exit(2);
  }
}

/** Prints every problem of an invalid cohort to stderr and exits 1: nothing reaches stdout, no file is written. */
export function exitInvalid(dir: string, problems: readonly Problem[]): never {
  const n = problems.length;
  process.stderr.write(
    `${dir}: invalid cohort, ${n} problem${n === 1 ? "" : "s"}:\n` + problems.map(formatProblem).join("\n") + "\n"
  );
  process.exit(1);
}

/**
 * Validates the cohort in `dir`, then runs `fn` with the result. If the cohort is invalid, prints
 * every problem to stderr and exits 1 before `fn` runs: nothing reaches stdout and no
 * output file is created or overwritten.
 */
export async function withValidCohort<T>(
  dir: string,
  fn: (result: ValidationResult & {study: Study}) => T | Promise<T>
): Promise<T> {
  const result = await validateCohort(dir);
  if (!result.study) exitInvalid(dir, result.problems);
  return fn(result as ValidationResult & {study: Study});
}

/**
 * Runs `fn`, which validates the cohort in `dir` itself (buildResults, writeDatasets): an invalid cohort is
 * reported as by withValidCohort, any other failure as its message; both exit 1.
 */
export async function orExit<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof CohortError) exitInvalid(dir, error.problems);
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
