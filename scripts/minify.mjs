// Minifies the deployable copy's scripts and stylesheets in place, file by
// file (no bundling: the page loads the same ES modules as www/ has), with a
// source map beside each (`app.js.map`, not loaded by the page, not in the
// size budgets). www/ stays the readable source; what a phone downloads is
// this. (The budgets, scripts/budgets.mjs: 8.6 KB brotli less JavaScript and
// CSS, measured on the files of 2026-12-02; DESIGN.md.)
//
//   node scripts/minify.mjs [build/www]
//
// Kept as written: the V8 compile hint on the first line of app.js and of each
// module it imports (texts.js, number.js, dom.js, query.js, state.js, form.js,
// result.js, plan.js, notice.js: it must stay the first line), string literals (sw.js's
// __LTCI_VERSION__ placeholder), and sw.js's top-level names (a classic worker
// script, not a module).
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { transformSync } from "esbuild";

const root = process.argv[2] || "build/www";
const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const HINT = "//# allFunctionsCalledOnLoad\n";
/** Classic scripts: their top-level names are globals, not renamed. */
const CLASSIC = new Set(["sw.js"]);

let before = 0, after = 0;
for (const path of walk(root).filter((p) => /\.(js|css)$/.test(p)).sort()) {
  const rel = relative(root, path), name = basename(path);
  const source = readFileSync(path, "utf8");
  const css = path.endsWith(".css");
  const out = transformSync(source, {
    loader: css ? "css" : "js",
    minify: true,
    format: css || CLASSIC.has(rel) ? undefined : "esm",
    // What the page already asks of the browser (ES modules, `??=`, private fields).
    target: css ? ["chrome100", "safari15", "firefox100"] : "es2022",
    legalComments: "none",
    sourcemap: "external",
    sourcefile: rel,
    sourcesContent: true,
  });
  const hint = source.startsWith(HINT) ? HINT : "";
  const link = css ? `/*# sourceMappingURL=${name}.map */` : `//# sourceMappingURL=${name}.map`;
  writeFileSync(path, hint + out.code + link + "\n");
  writeFileSync(path + ".map", out.map);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(hint + out.code + link) + 1;
}
console.log(`minified ${root}: ${before.toLocaleString("en-US")} → ${after.toLocaleString("en-US")} bytes of JavaScript and CSS (source maps beside them)`);
