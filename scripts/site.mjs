// After scripts/build copied www/ and pkg/ into build/www: writes the build's
// version into the service worker (a new build gets a new offline cache) and,
// with the rules version of its wasm, into version.json (which the page asks
// the server for, past the worker's copy: www/notice.js checkRules), and
// precompresses the text files (.br, .gz) for the server. The size budgets are
// scripts/budgets.mjs's.
//
//   node scripts/site.mjs [build/www]
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = process.argv[2] || "build/www";
const walk = (dir) => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const files = walk(root).filter((p) => !/\.(br|gz)$/.test(p)).sort();

// The version: a hash of every shipped file but the two it is written into.
const OUT = ["sw.js", "version.json"];
const hash = createHash("sha256");
for (const f of files) if (!OUT.includes(relative(root, f))) hash.update(relative(root, f)).update("\0").update(readFileSync(f));
const version = hash.digest("hex").slice(0, 12);
const swPath = join(root, "sw.js");
const sw = readFileSync(swPath, "utf8");
if (!sw.includes("__LTCI_VERSION__")) throw new Error("sw.js has no __LTCI_VERSION__ placeholder");
writeFileSync(swPath, sw.replace("__LTCI_VERSION__", version));
const ltci = await import(pathToFileURL(join(root, "pkg/ltci.js")));
ltci.initSync({ module: readFileSync(join(root, "pkg/ltci_bg.wasm")) });
const { rulesVersion } = ltci.catalog();
writeFileSync(join(root, "version.json"), JSON.stringify({ version, rulesVersion }) + "\n");

const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
const text = [...new Set([...files, join(root, "version.json")])].filter((f) => /\.(html|js|css|svg|webmanifest|json)$/.test(f));
for (const f of text) {
  const raw = readFileSync(f);
  writeFileSync(f + ".br", br(raw));
  writeFileSync(f + ".gz", gzipSync(raw, { level: 9 }));
}
console.log(`site version ${version}, rules ${rulesVersion}; ${text.length} text files precompressed (.br, .gz)`);
