#!/usr/bin/env node
// A small static server for build/www, with no dependencies: the right MIME
// types (application/wasm), the page's Content-Security-Policy as a header
// (with frame-ancestors 'none' for everything but embed.html, the page made to
// be framed by portals),
// the build's precompressed .br/.gz files when the client accepts them, and
// ETag revalidation (Cache-Control: no-cache) so a new service worker and new
// files are always picked up.
//
//   node scripts/serve.mjs [dir] [--port 8080] [--host 127.0.0.1] [--quiet]
//   import { startServer } from "./serve.mjs"  (the end-to-end tests)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The same policy as the meta element in www/index.html (the tests compare them). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
const META_CSP = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/;
/** An HTML page's own meta policy, sent as its header: build/www/index.html's also
 *  allows its one inline script by hash (scripts/prerender.mjs). */
const pagePolicy = (raw) => META_CSP.exec(raw.toString())?.[1] || CSP;
/** No other site may frame the calculator (a meta policy cannot say this; only a
 *  header can). X-Frame-Options is for browsers without frame-ancestors. */
export const NO_FRAMING = "frame-ancestors 'none'";
/** The one page any portal may frame (README: deploying). */
export const EMBED = "embed.html";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8", ".ts": "text/plain; charset=utf-8",
  ".br": "application/octet-stream", ".gz": "application/octet-stream", ".map": "application/json; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt"]);

const exists = async (p) => { try { return (await stat(p)).isFile(); } catch { return false; } };

/**
 * The path a request target names, percent escapes decoded ("/pkg/ltci.js"), or
 * null when the server cannot read it (it answers 400). A target is the origin
 * form, "/path" with an optional "?query" (ignored), without an empty segment
 * ("//") or a fragment; or the absolute form a proxy sends, "http://host/path",
 * whose path is read the same way. Its escapes must decode to UTF-8 text
 * without NUL. Never throws: one request must not stop the server.
 */
export function requestPath(target) {
  if (typeof target !== "string") return null;
  let path = target;
  if (!target.startsWith("/")) {
    // The absolute form (RFC 9112, 3.2.2): a server must accept it; its host is not read.
    if (!/^https?:\/\//i.test(target)) return null;
    let url;
    try { url = new URL(target); } catch { return null; }
    path = url.pathname;
  } else {
    path = target.split("?", 1)[0];
  }
  if (path.includes("#") || path.includes("//")) return null;
  let decoded;
  try { decoded = decodeURIComponent(path); } catch { return null; }
  return decoded.includes("\0") ? null : decoded;
}

/** Picks the file and encoding to send for a request path (decoded); null if none. */
async function locate(root, rel, accept) {
  if (rel.endsWith("/")) rel += "index.html";
  const file = resolve(root, "." + rel);
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (!(await exists(file))) return null;
  const ext = extname(file);
  if (COMPRESSIBLE.has(ext)) {
    const wants = (enc) => accept.split(",").some((part) => {
      const [name, ...params] = part.split(";").map((x) => x.trim().toLowerCase());
      const q = params.find((x) => x.startsWith("q="));
      return (name === enc || name === "*") && (!q || Number(q.slice(2)) > 0);
    });
    if (wants("br") && (await exists(file + ".br"))) return { file, body: file + ".br", encoding: "br", ext, vary: true };
    if (wants("gzip") && (await exists(file + ".gz"))) return { file, body: file + ".gz", encoding: "gzip", ext, vary: true };
    const vary = (await exists(file + ".br")) || (await exists(file + ".gz"));
    return { file, body: file, encoding: null, ext, vary };
  }
  return { file, body: file, encoding: null, ext, vary: false };
}

export function handler(rootDir, { log = () => {} } = {}) {
  const serve = answer(resolve(rootDir), log);
  // Whatever goes wrong in one request is that request's 500, never the server's end.
  return (req, res) => serve(req, res).catch((err) => {
    log(`500 ${req.method} ${req.url}: ${err && err.message}`);
    if (res.headersSent) res.destroy();
    else { res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }); res.end("server error\n"); }
  });
}

function answer(root, log) {
  return async (req, res) => {
    const base = {
      "Content-Security-Policy": `${CSP}; ${NO_FRAMING}`,
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    };
    const done = (code, headers, body) => {
      res.writeHead(code, { ...base, ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
      log(`${code} ${req.method} ${req.url}`);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return done(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }, "method not allowed\n");
    const path = requestPath(req.url);
    if (path === null) return done(400, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }, "bad request\n");
    const hit = await locate(root, path, String(req.headers["accept-encoding"] || ""));
    if (!hit) return done(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }, "not found\n");
    const body = await readFile(hit.body);
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}${hit.encoding ? "-" + hit.encoding : ""}"`;
    // Other files get CSP; a compressed page's policy is read from its raw file.
    const policy = hit.ext === ".html" ? pagePolicy(hit.encoding ? await readFile(hit.file) : body) : CSP;
    const framed = hit.file === join(root, EMBED);
    if (framed) delete base["X-Frame-Options"];
    const headers = {
      "Content-Security-Policy": framed ? policy : `${policy}; ${NO_FRAMING}`,
      "Content-Type": TYPES[hit.ext] || "application/octet-stream",
      // Always revalidate: the service worker keeps the offline copy, and a
      // new build (a new sw.js) must be seen at once.
      "Cache-Control": "no-cache",
      ETag: etag,
    };
    if (hit.encoding) headers["Content-Encoding"] = hit.encoding;
    if (hit.vary) headers.Vary = "Accept-Encoding";
    const inm = req.headers["if-none-match"];
    if (inm && inm.split(/\s*,\s*/).includes(etag)) return done(304, headers);
    headers["Content-Length"] = body.length;
    done(200, headers, body);
  };
}

/** Starts a server; resolves to {server, url, close()}. Port 0 picks a free one. */
export function startServer({ root = "build/www", port = 8080, host = "127.0.0.1", log } = {}) {
  const server = createServer(handler(root, { log }));
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const a = server.address();
      const name = host === "127.0.0.1" || host === "::1" || host === "localhost" ? "localhost" : host.includes(":") ? `[${host}]` : host;
      ok({ server, url: `http://${name}:${a.port}/`, port: a.port,
        close: () => new Promise((done) => { server.close(() => done()); server.closeAllConnections(); }) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : dflt; };
  const quiet = args.includes("--quiet") ? (args.splice(args.indexOf("--quiet"), 1), true) : false;
  const port = Number(opt("--port", process.env.PORT || 8080));
  const host = opt("--host", process.env.HOST || "127.0.0.1");
  const root = args[0] || join(fileURLToPath(new URL("..", import.meta.url)), "build", "www");
  if (!(await exists(join(root, "index.html")))) {
    console.error(`${root}/index.html is missing: run scripts/build first`);
    process.exit(1);
  }
  const { url } = await startServer({ root, port, host, log: quiet ? undefined : (line) => console.log(line) });
  console.log(`serving ${root} at ${url}  (Ctrl+C stops)`);
}
