// What every command that reads a cohort shares (validate, results, datasets, reconcile, diff, release): the --data
// option, and "validate first, or fail with every problem on stderr and nothing written".
import {CohortError, formatProblem, type Problem} from "../../src/core/cohort/problem.js";
import {validateCohort, type ValidationResult} from "../../src/core/cohort/validate.js";
import type {Study} from "../../src/core/cohort/types.js";

/** `--data DIR`: the cohort directory, data/cohort unless given. */
export const DATA = {data: {type: "string", default: "data/cohort"}} as const;

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
