// Size budgets, checked in CI after scripts/build (scripts/test runs
// `node scripts/budgets.mjs`); fails when one is exceeded:
//   - pkg/ltci_bg.wasm at most 128 KB brotli (131,072 bytes);
//   - the site at most 192 KB brotli (196,608 bytes): the sum of the brotli
//     sizes of every file a browser may load. Counted as every file under build/www (html, js, css,
//     the ES modules of www/, service worker, manifest, icons, pkg/ltci.js,
//     pkg/ltci_bg.wasm, and the embed pages if any), as scripts/minify.mjs left them: a superset of what one visit loads, so the budget
//     holds whatever the page fetches. Not counted: the .br/.gz copies made
//     for the server, typings, source maps.
// Each file is compressed here with node's zlib, brotli quality 11 (what a
// static server's precompression gives), so the figures do not depend on how
// the build precompressed. `--json` prints the figures for scripts/bench.

import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

export const WASM_BUDGET = 128 * 1024;
export const PAGE_BUDGET = 192 * 1024;
const ROOT = "build/www";
/** Not loaded by the page: server copies, typings, source maps. */
const NOT_LOADED = /\.(br|gz|map|d\.ts)$|(^|\/)package\.json$/;

export const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

/** Sizes of the wasm and of every file the page loads. */
export function sizes(root = ROOT) {
  if (!existsSync(root)) throw new Error(`${root} is missing: run scripts/build first`);
  const files = walk(root)
    .map((p) => relative(root, p))
    .filter((rel) => !NOT_LOADED.test(rel))
    .sort()
    .map((rel) => {
      const raw = readFileSync(join(root, rel));
      return { file: rel, raw: raw.length, brotli: brotli(raw) };
    });
  const wasmPath = join(root, "pkg/ltci_bg.wasm");
  if (!existsSync(wasmPath)) throw new Error(`${wasmPath} is missing`);
  const wasm = readFileSync(wasmPath);
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return {
    files,
    wasm: { raw: wasm.length, gzip: gzip(wasm), brotli: brotli(wasm) },
    page: { raw: sum("raw"), brotli: sum("brotli") },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const s = sizes();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(s));
    process.exit(0);
  }
  const n = (x) => x.toLocaleString("en-US").padStart(10);
  console.log(`${"file (build/www)".padEnd(28)}${"raw".padStart(10)}${"brotli".padStart(10)}`);
  for (const f of s.files) console.log(`${f.file.padEnd(28)}${n(f.raw)}${n(f.brotli)}`);
  console.log(`${"total".padEnd(28)}${n(s.page.raw)}${n(s.page.brotli)}`);
  const checks = [
    ["wasm (pkg/ltci_bg.wasm), brotli", s.wasm.brotli, WASM_BUDGET],
    [`every file under build/www (${s.files.length}), brotli`, s.page.brotli, PAGE_BUDGET],
  ];
  let over = false;
  console.log();
  for (const [what, size, budget] of checks) {
    const ok = size <= budget;
    over ||= !ok;
    console.log(`${ok ? "ok  " : "OVER"} ${what}: ${size.toLocaleString("en-US")} bytes of ${budget.toLocaleString("en-US")} (${((100 * size) / budget).toFixed(1)}%)`);
  }
  console.log(`     wasm raw ${s.wasm.raw.toLocaleString("en-US")} bytes, gzip ${s.wasm.gzip.toLocaleString("en-US")} bytes`);
  if (over) {
    console.error("size budget exceeded");
    process.exit(1);
  }
}
