// A static server for dist/ on 127.0.0.1, with Framework's clean URLs (/table-1 → table-1.html).
// Used by `npm run preview` and by the end-to-end tests.
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, sep} from "node:path";

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

function locate(dist: string, urlPath: string): string | undefined {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, "");
  if (path.split(sep).includes("..")) return undefined;
  const base = join(dist, path);
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Serves `dist` on 127.0.0.1; port 0 picks a free port. Resolves to the server and its origin. */
export function serve(dist: string, port = 0): Promise<{server: Server; origin: string}> {
  const server = createServer((request, response) => {
    const file = locate(dist, new URL(request.url ?? "/", "http://localhost").pathname);
    if (!file) {
      response.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    response.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
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
  const dist = join(import.meta.dirname, "..", "dist");
  const {origin} = await serve(dist, Number(process.env.PORT ?? 3000));
  console.log(`Serving ${dist} at ${origin}/ (Ctrl-C to stop)`);
}
