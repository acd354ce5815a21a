// A button that re-derives one result in the reader's browser and says whether it matches the published value.
// Nothing (DuckDB-wasm, the ADaM CSVs, the SQL) is fetched before the click.
import {actionButton} from "../page/action-button.js";
import {compareResult, type Rederived} from "./match.js";
import {publishedResults, rerunFile} from "./rerun.js";

/** What a re-derived result shows: its display string, else the size of its table. */
export function rederivedText(result: Rederived): string {
  return result.display ?? `${result.row.rows?.length ?? 0} rows`;
}

/**
 * The button and its status for result `resultId`: on click starts DuckDB-wasm, re-runs the SQL file that derives
 * the result on the published ADaM datasets, and shows "re-derived: … — matches published" or the differences.
 * The status element carries data-state="match" | "mismatch" | "error" when done.
 */
export function rerunButton(resultId: string): HTMLElement {
  const root = document.createElement("div");
  root.className = "rerun";
  const {button, status} = actionButton("Re-derive in this browser", async (status) => {
    const started = performance.now();
    const published = (await publishedResults()).find((result) => result.id === resultId);
    if (!published) throw new Error(`no published result ${resultId}`);
    status.textContent = ` Starting DuckDB and running ${published.source}…`;
    const rederived = (await rerunFile(published.source)).get(resultId);
    const {match, differences} = compareResult(published, rederived);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const what = rederived ? `re-derived: ${rederivedText(rederived)}` : "not re-derived";
    status.textContent = match
      ? ` ${what} — matches published (${published.source}, ${seconds} s).`
      : ` ${what} — differs from published: ${differences.join("; ")} (${published.source}, ${seconds} s).`;
    status.dataset.state = match ? "match" : "mismatch";
  }, (message) => `Could not re-derive ${resultId}: ${message}`, `Re-derive in this browser: ${resultId}`);
  root.append(button, status);
  return root;
}
