// Inlines the JS snippets into pkg/ltci.js, then writes pkg/package.json and
// the brotli and gzip copies of the wasm.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const cargo = readFileSync("Cargo.toml", "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, "m"))?.[1];

// wasm-bindgen puts each `#[wasm_bindgen(module = ...)]` file under
// pkg/snippets/ and imports it from ltci.js. Inlined, the page and the
// mini-program load one module, not two in a row.
let glue = readFileSync("pkg/ltci.js", "utf8");
glue = glue.replace(/^import \{ ([\w, ]+) \} from '\.\/(snippets\/[^']+)';\n/gm, (_, names, path) => {
  const code = readFileSync(`pkg/${path}`, "utf8").replace(/^export function /gm, "function ");
  if (/^(export|import) /m.test(code)) throw new Error(`pkg/${path}: only "export function" is inlined`);
  return `const { ${names} } = (() => {\n${code}\nreturn { ${names} };\n})();\n`;
});
if (/from '\.\/snippets\//.test(glue)) throw new Error("pkg/ltci.js still imports a snippet");
// Most of the glue runs while the page loads (init, catalog, the first
// estimate). This V8 hint (Chrome 136+; a plain comment elsewhere) compiles the
// file's functions on a background thread as it arrives, instead of one by one
// on the page's main thread at first call. It must be the file's first line.
glue = "//# allFunctionsCalledOnLoad\n" + glue;
writeFileSync("pkg/ltci.js", glue);
rmSync("pkg/snippets", { recursive: true, force: true });

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
