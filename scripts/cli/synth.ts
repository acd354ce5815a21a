/**
 * npm run --silent synth -- --n N [--seed S] --out DIR [--cutoff YYYY-MM-DD]
 * Writes a synthetic cohort directory in the project's schema (docs/data-dictionary.md); see docs/scale.md.
 */
import {writeCohort} from "../../src/core/synth/write.js";
import {args} from "../args.js";

async function main(): Promise<void> {
  const {values} = args({
    usage: "npm run --silent synth -- --n N [--seed S] --out DIR [--cutoff YYYY-MM-DD]",
    options: {n: {type: "string"}, seed: {type: "string", default: "1"}, out: {type: "string"}, cutoff: {type: "string"}},
    required: ["n", "out"],
  });
  const started = Date.now();
  const rows = await writeCohort({n: Number(values.n), seed: Number(values.seed), out: values.out!,
    cutoff: values.cutoff});
  const summary = Object.entries(rows).map(([t, k]) => `${t} ${k}`).join(", ");
  process.stderr.write(`synth: wrote ${values.out} (${summary}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`synth: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
