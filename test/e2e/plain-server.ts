// A plain static server, as S3, GitHub Pages, `python3 -m http.server` or an intranet web server are: a URL names a
// file, a directory answers with its index.html, and nothing else is rewritten (no ".html" added, unlike
// scripts/dev/serve.ts). What works here works on any static host.
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {join, normalize, sep} from "node:path";

/** Serves `dist` on 127.0.0.1 at a free port. */
export function plainServer(dist: string): Promise<{server: Server; origin: string}> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname)).replace(/^[/\\]+/, "");
    let file = join(dist, path);
    if (!path.split(sep).includes("..") && existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (path.split(sep).includes("..") || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    // No content type by extension beyond the few a browser insists on (module scripts, stylesheets, SVG images).
    const type = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".wasm": "application/wasm"}[
      /\.[^./]+$/.exec(file)?.[0] ?? ""
    ];
    response.writeHead(200, type ? {"content-type": type} : {});
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({server, origin: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`});
    })
  );
}
