// Writes pkg/package.json and the brotli and gzip copies of the wasm.
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const cargo = readFileSync("Cargo.toml", "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, "m"))?.[1];

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
  sideEffects: ["./snippets/*"],
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
