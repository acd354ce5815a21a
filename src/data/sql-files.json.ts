// The SQL files the build runs, with their exact text, SHA-256 and dependencies (src/core/lineage/sql-files.ts).
import {sqlFiles} from "../core/lineage/sql-files.js";

process.stdout.write(JSON.stringify({files: sqlFiles()}));
