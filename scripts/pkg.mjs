// Puts the V8 compile hint on pkg/ltci.js, appends the inputs' TypeScript
// declaration to pkg/ltci.d.ts, then writes pkg/package.json and the brotli
// and gzip copies of the wasm.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const cargo = readFileSync("Cargo.toml", "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, "m"))?.[1];

let glue = readFileSync("pkg/ltci.js", "utf8");
// The page and the mini-program load one module: no JS snippet may sit beside it.
if (/from '\.\/snippets\//.test(glue)) throw new Error("pkg/ltci.js imports a snippet; the glue must be one file");
// Most of the glue runs while the page loads (init, catalog, the first
// estimate). This V8 hint (Chrome 136+; a plain comment elsewhere) compiles the
// file's functions on a background thread as it arrives, instead of one by one
// on the page's main thread at first call. It must be the file's first line.
glue = "//# allFunctionsCalledOnLoad\n" + glue;
writeFileSync("pkg/ltci.js", glue);

// `Query extends QueryInputs` (src/wasm.d.ts): the inputs as declared in the library.
const inputs = execFileSync("target/release/ltci", ["catalog", "--typescript"], { encoding: "utf8" });
writeFileSync("pkg/ltci.d.ts", readFileSync("pkg/ltci.d.ts", "utf8") + "\n" + inputs);

const pkg = {
  name: "ltci",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  main: "ltci.js",
  module: "ltci.js",
  types: "ltci.d.ts",
  files: ["ltci.js", "ltci.d.ts", "ltci_bg.wasm", "ltci_bg.wasm.d.ts", "ltci_bg.wasm.br", "ltci_bg.wasm.gz"],
  sideEffects: false,
};
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");

const wasm = readFileSync("pkg/ltci_bg.wasm");
const br = brotliCompressSync(wasm, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: wasm.length },
});
const gz = gzipSync(wasm, { level: 9 });
writeFileSync("pkg/ltci_bg.wasm.br", br);
writeFileSync("pkg/ltci_bg.wasm.gz", gz);
console.log(`pkg/ltci_bg.wasm: ${wasm.length} bytes raw, ${gz.length} gzip, ${br.length} brotli`);
