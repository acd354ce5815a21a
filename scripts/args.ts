// The one argument parser of every script: node:util parseArgs (strict) plus named positionals and required options.
// A usage error prints what is wrong and the usage line and exits 2, before anything is read or written.
import {parseArgs, type ParseArgsConfig} from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ArgSpec<O extends Options> {
  /** Printed after a usage error, e.g. "npm run --silent validate -- [--data DIR]". */
  usage: string;
  options: O;
  /** Names of the positional arguments, in order; each must be given. */
  positionals?: readonly string[];
  /** String options that must be given (no default). */
  required?: readonly (keyof O & string)[];
}

export class UsageError extends Error {}

type Values<O extends Options> = ReturnType<typeof parseArgs<{options: O; strict: true; allowPositionals: true}>>["values"];

export interface Parsed<O extends Options> {
  values: Values<O>;
  /** Positional arguments by the names of `spec.positionals`. */
  positionals: Record<string, string>;
}

/** `argv` parsed by `spec`; throws UsageError naming the first thing wrong. */
export function parse<O extends Options>(argv: readonly string[], spec: ArgSpec<O>): Parsed<O> {
  let parsed;
  try {
    parsed = parseArgs({args: [...argv], options: spec.options, strict: true, allowPositionals: true});
  } catch (error) {
    // Node's messages go on to explain its `--` convention; the first sentence says what is wrong.
    throw new UsageError((error as Error).message.split(/\.\s/)[0]!);
  }
  const names = spec.positionals ?? [];
  if (parsed.positionals.length > names.length) {
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[names.length])}`);
  }
  if (parsed.positionals.length < names.length) throw new UsageError(`missing ${names[parsed.positionals.length]}`);
  const values = parsed.values as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    if (value === "") throw new UsageError(`--${name} needs a value`);
  }
  for (const name of spec.required ?? []) {
    if (values[name] === undefined) throw new UsageError(`--${name} is required`);
  }
  const positionals = Object.fromEntries(names.map((name, i) => [name, parsed.positionals[i]!]));
  return {values: {...parsed.values} as Values<O>, positionals};
}

/** parse() of this process's arguments; on a usage error prints it with the usage line and exits 2. */
export function args<O extends Options>(spec: ArgSpec<O>, argv: readonly string[] = process.argv.slice(2)): Parsed<O> {
  try {
    return parse(argv, spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\nusage: ${spec.usage}\n`);
    process.exit(2);
  }
}
