// After scripts/build copied www/ and pkg/ into build/www: writes the build's
// version into the service worker (a new build gets a new offline cache),
// precompresses the text files (.br, .gz) for the server, and checks the size
// budget: the page's own files well under 30 KB brotli, everything ≤ 100 KB.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = process.argv[2] || "build/www";
const walk = (dir) => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const files = walk(root).filter((p) => !/\.(br|gz)$/.test(p)).sort();

// The version: a hash of every shipped file but sw.js itself.
const hash = createHash("sha256");
for (const f of files) if (relative(root, f) !== "sw.js") hash.update(relative(root, f)).update("\0").update(readFileSync(f));
const version = hash.digest("hex").slice(0, 12);
const swPath = join(root, "sw.js");
const sw = readFileSync(swPath, "utf8");
if (!sw.includes("__LTCI_VERSION__")) throw new Error("sw.js has no __LTCI_VERSION__ placeholder");
writeFileSync(swPath, sw.replace("__LTCI_VERSION__", version));

const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
const rows = [];
for (const f of files) {
  const rel = relative(root, f);
  const raw = readFileSync(f);
  const b = rel === "pkg/ltci_bg.wasm" ? readFileSync(f + ".br") : br(raw);
  if (/\.(html|js|css|svg|webmanifest|json)$/.test(f)) {
    writeFileSync(f + ".br", b);
    writeFileSync(f + ".gz", gzipSync(raw, { level: 9 }));
  }
  rows.push({ rel, raw: raw.length, br: b.length, own: !rel.startsWith("pkg/") });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(6) + " KB";
console.log(`site version ${version}`);
console.log("file".padEnd(24) + "raw".padStart(9) + "brotli".padStart(9));
for (const r of rows) console.log(r.rel.padEnd(24) + kb(r.raw) + kb(r.br));
const sum = (list) => list.reduce((a, r) => a + r.br, 0);
const own = sum(rows.filter((r) => r.own)), all = sum(rows);
console.log(`page's own files: ${kb(own)} brotli (budget 30 KB); everything: ${kb(all)} brotli (budget 100 KB)`);
if (own > 30 * 1024 || all > 100 * 1024) {
  console.error("size budget exceeded");
  process.exit(1);
}
