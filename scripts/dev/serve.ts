// A static server for dist/ on 127.0.0.1, with Framework's clean URLs (/table-1 → table-1.html).
// Used by `npm run preview` (gzip on, as most static hosts do; `--no-gzip` to turn it off) and by
// the end-to-end tests (gzip off: the page budget must hold on a plain static server).
import {createReadStream, existsSync, readFileSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, sep} from "node:path";
import {gzipSync} from "node:zlib";
import {args} from "../args.js";
import {DIST} from "./built-site.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".sql": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".parquet": "application/octet-stream",
  ".arrow": "application/vnd.apache.arrow.file"
};

const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".sql", ".svg"]);

/** Gzipped files, computed once per file version (path, size and mtime). */
const gzipped = new Map<string, Buffer>();
function gzipOf(file: string, size: number, mtimeMs: number): Buffer {
  const key = `${file}\0${size}\0${mtimeMs}`;
  let body = gzipped.get(key);
  if (!body) gzipped.set(key, (body = gzipSync(readFileSync(file), {level: 6})));
  return body;
}

function locate(dist: string, urlPath: string): string | undefined {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, "");
  if (path.split(sep).includes("..")) return undefined;
  const base = join(dist, path);
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Serves `dist` on 127.0.0.1; port 0 picks a free port. With `gzip`, text files go out gzipped to
 * clients that accept it. Resolves to the server and its origin.
 */
export function serve(dist: string, port = 0, {gzip = false}: {gzip?: boolean} = {}): Promise<{server: Server; origin: string}> {
  const server = createServer((request, response) => {
    const file = locate(dist, new URL(request.url ?? "/", "http://localhost").pathname);
    if (!file) {
      response.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const {size, mtimeMs} = statSync(file);
    if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      const body = gzipOf(file, size, mtimeMs);
      response.writeHead(200, {"content-type": type, "content-encoding": "gzip", "content-length": body.length, vary: "accept-encoding"}).end(body);
      return;
    }
    response.writeHead(200, {"content-type": type, "content-length": size, ...(gzip ? {vary: "accept-encoding"} : {})});
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({server, origin: `http://127.0.0.1:${actual}`});
    })
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {values} = args({
    usage: "npm run preview [-- --no-gzip] [--port 3000]",
    options: {"no-gzip": {type: "boolean", default: false}, port: {type: "string", default: process.env.PORT ?? "3000"}},
  });
  const gzip = !values["no-gzip"];
  const {origin} = await serve(DIST, Number(values.port), {gzip});
  console.log(`Serving ${DIST} at ${origin}/${gzip ? " with gzip" : ""} (Ctrl-C to stop)`);
}
