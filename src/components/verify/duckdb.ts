// Starts DuckDB-wasm from the site's own copy of its files, only when a reader asks:
// the ~34 MB wasm is never requested by a page load. The worker is rebundled by
// Framework as an ES module, hence {type: "module"}. Its JavaScript (~300 kB) is imported
// dynamically too, so a page that shows the check button does not download it up front.
import type * as DuckDB from "@duckdb/duckdb-wasm";
import {actionButton} from "../page/action-button.js";

let db: Promise<DuckDB.AsyncDuckDB> | undefined;

/** The one DuckDB-wasm instance of this page, started on first call. */
export function startDuckDB(): Promise<DuckDB.AsyncDuckDB> {
  return (db ??= (async () => {
    const duckdb = await import("@duckdb/duckdb-wasm");
    const worker = new Worker(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), {type: "module"});
    const instance = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await instance.instantiate(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
    return instance;
  })().catch((error) => {
    db = undefined; // a failed start (e.g. a dropped connection) is tried again on the next request
    throw error;
  }));
}

/** Runs one SQL statement and returns its rows as plain objects. */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const conn = await (await startDuckDB()).connect();
  try {
    return (await conn.query(sql)).toArray().map((row) => row.toJSON());
  } finally {
    await conn.close();
  }
}

/** A button that starts DuckDB-wasm and reports its version: proof the browser engine works offline. */
export function duckdbCheck(): HTMLElement {
  const root = document.createElement("div");
  root.className = "duckdb-check";
  const {button, status} = actionButton("Start DuckDB in this browser", async (status) => {
    status.textContent = " Starting…";
    const [row] = await query("SELECT version() AS version");
    status.textContent = ` DuckDB ${row.version} is running in this browser, from this site's own files.`;
    status.dataset.state = "ready";
  }, (message) => `DuckDB could not start: ${message}`);
  root.append(button, status);
  return root;
}
