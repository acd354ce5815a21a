// Runs SQL in an in-memory DuckDB, and nothing else: which files run when is said by the layers above it (the cohort
// validation, the ADaM build product, the results build); the files are listed in sql-catalog.ts. Values that
// TypeScript passes in (a cohort directory, a cut-off) are bound as DuckDB variables (SET VARIABLE … = $value),
// never spliced into SQL text.
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {
  DuckDBConnection, DuckDBInstance, DuckDBTypeId, JSDuckDBValueConverter, type DuckDBType,
} from "@duckdb/node-api";

/** The project root: SQL file paths are relative to it, as cited in the results' `source`. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export type Row = Record<string, unknown>;

/** The text of a .sql file (path relative to the project root). */
export const sqlText = (file: string): string => readFileSync(resolve(ROOT, file), "utf8");

/** The query of a .sql file holding one SELECT, without its final semicolon: to build on, as a view or subquery. */
export const queryOf = (file: string): string => sqlText(file).trim().replace(/;$/, "");

/** Calendar types: none may leave the engine (only study days are published). */
const DATE_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.DATE, DuckDBTypeId.TIME, DuckDBTypeId.TIME_NS, DuckDBTypeId.TIME_TZ, DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS, DuckDBTypeId.TIMESTAMP_TZ,
]);

/** Converts one DuckDB value (as the JS conversion of node-api gives it) into plain JSON-able JS. */
const plainRow = (names: readonly string[], types: readonly DuckDBType[]) => (row: Record<string, unknown>): Row =>
  Object.fromEntries(names.map((name, i) => [name, plain(row[name], types[i]!, name)]));

function plain(value: unknown, type: DuckDBType, column: string): unknown {
  if (DATE_TYPES.has(type.typeId)) throw new Error(`column ${column} has type ${type}: no calendar date may leave the engine`);
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT: {
      const number = Number(value);
      if (!Number.isSafeInteger(number)) throw new Error(`column ${column}: ${value} is not a safe integer`);
      return number;
    }
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return (value as unknown[]).map((item) => plain(item, type.valueType, column));
    case DuckDBTypeId.STRUCT:
      return Object.fromEntries(type.entryNames.map((name, i) =>
        [name, plain((value as Record<string, unknown>)[name], type.entryTypes[i], `${column}.${name}`)]));
    case DuckDBTypeId.MAP:
      return Object.fromEntries((value as {key: unknown; value: unknown}[]).map((entry) =>
        [String(entry.key), plain(entry.value, type.valueType, `${column}.${entry.key}`)]));
    default:
      return value;
  }
}

/**
 * DuckDB's memory cap and threads (docs/scale.md). Overridden by DUCKDB_MEMORY_LIMIT (e.g. "1GB") and DUCKDB_THREADS.
 */
export const ENGINE_LIMITS = {memory_limit: process.env.DUCKDB_MEMORY_LIMIT ?? "2000MB",
  threads: process.env.DUCKDB_THREADS ?? "2"};

/**
 * A private, throw-away, in-memory DuckDB database with one connection. Tables larger than the memory cap are
 * evicted to a private temporary directory instead of failing; removed on close. (A database file would add its
 * write-ahead log and checkpoints: twice the time of reading a large cohort.)
 */
export class Engine {
  private constructor(private readonly instance: DuckDBInstance, private readonly connection: DuckDBConnection,
    private readonly spill: string) {}

  static async open(): Promise<Engine> {
    const spill = mkdtempSync(join(tmpdir(), "duckdb-"));
    const instance = await DuckDBInstance.create(":memory:", {...ENGINE_LIMITS, temp_directory: spill});
    return new Engine(instance, await instance.connect(), spill);
  }

  /** Runs SQL text (one or more statements); returns the rows of the last one. */
  async sql(text: string, params?: Record<string, string | number>): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(text, params);
    return reader.getRowObjectsJS().map(plainRow(reader.columnNames(), reader.columnTypes()));
  }

  /**
   * Runs a query and yields its rows one DuckDB chunk at a time, column by column (values as `sql` gives them): a
   * table larger than memory is never held, and no object is made per row (the SAS transport export).
   */
  async *streamColumns(text: string): AsyncGenerator<{names: string[]; rowCount: number; columns: unknown[][]}> {
    const result = await this.connection.stream(text);
    const names = result.columnNames();
    const types = result.columnTypes();
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const columns = types.map((type, i) =>
        chunk!.convertColumnValues(i, JSDuckDBValueConverter).map((value) => plain(value, type, names[i]!)));
      yield {names, rowCount: chunk.rowCount, columns};
    }
  }

  /** The column names and types of a query, without running it. */
  async describe(text: string): Promise<{names: string[]; types: DuckDBType[]}> {
    const prepared = await this.connection.prepare(text);
    const names: string[] = [];
    const types: DuckDBType[] = [];
    for (let i = 0; i < prepared.columnCount; i++) {
      names.push(prepared.columnName(i));
      types.push(prepared.columnType(i));
    }
    return {names, types};
  }

  /** Runs a .sql file (path relative to the project root); returns the rows of its last statement. */
  async run(file: string): Promise<Row[]> {
    try {
      return await this.sql(sqlText(file));
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`, {cause: error});
    }
  }

  /** Runs several files in order; returns the rows of each, keyed by file. */
  async runAll(files: readonly string[]): Promise<Map<string, Row[]>> {
    const out = new Map<string, Row[]>();
    for (const file of files) out.set(file, await this.run(file));
    return out;
  }

  private closed = false;

  /** Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.spill, {recursive: true, force: true});
  }
}
