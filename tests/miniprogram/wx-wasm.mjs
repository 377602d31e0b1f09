// The WXWebAssembly both mini-program tests give the package: like WeChat's, it
// takes a path inside the package (the brotli copy too), and it records each load.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";

/** A WXWebAssembly reading from `root`, instantiating with `Wasm` (the real
 *  WebAssembly, kept before the test removes the global); `loads` gets each path. */
export function wxWebAssembly(root, Wasm, loads) {
  return {
    instantiate(path, imports) {
      loads.push(path);
      if (typeof path !== "string" || !path.startsWith("/") || !/\.wasm(\.br)?$/.test(path)) {
        return Promise.reject(new Error(`WXWebAssembly.instantiate: not a package path: ${path}`));
      }
      let bytes = readFileSync(join(root, path));
      if (path.endsWith(".br")) bytes = brotliDecompressSync(bytes);
      return Wasm.instantiate(bytes, imports);
    },
  };
}
