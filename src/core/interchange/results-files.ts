// The interchange files made from the results dataset: the ARD (cards shape) as CSV and JSON, Table 1 and the safety
// tables as Word documents. The results loader publishes them under data/results/, `npm run datasets` writes them
// beside the ADaM files.
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import type {ResultsDataset} from "../results/types.js";
import {ardCsv, ardJson, toArd} from "./ard.js";
import {safetyDocx, table1Docx} from "./report-docx.js";

export async function resultsFiles(data: ResultsDataset): Promise<[name: string, content: Buffer][]> {
  const ard = toArd(data);
  return [
    ["ard.csv", Buffer.from(ardCsv(ard))],
    ["ard.json", Buffer.from(ardJson(ard))],
    ["table-1.docx", await table1Docx(data)],
    ["safety.docx", await safetyDocx(data)],
  ];
}

/** Writes them into `dir`; returns their names. */
export async function writeResultsFiles(data: ResultsDataset, dir: string): Promise<string[]> {
  const files = await resultsFiles(data);
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  return files.map(([name]) => name);
}
