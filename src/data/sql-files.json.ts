// The SQL files the build runs, with their exact text, SHA-256 and dependencies (src/core/sql-files.ts).
import {sqlFiles} from "../core/sql-files.js";

process.stdout.write(JSON.stringify({files: sqlFiles()}));
