// Draws a sample of patients in the one sample order (src/sql/sample/order.sql) as a temporary table: `file` is
// one of the sample files of the catalog (lane sample, QC sub-cohort), which say which table they draw from.
import type {Engine} from "./engine.js";
import {SAMPLE_ORDER_FILE} from "./sql-catalog.js";

export async function drawSample(engine: Engine, file: string, size: number, seed: number): Promise<void> {
  await engine.run(SAMPLE_ORDER_FILE);
  await engine.sql("SET VARIABLE sample_size = $size", {size});
  await engine.sql("SET VARIABLE sample_seed = $seed", {seed: String(seed)});
  await engine.run(file);
}
