// The dev server (scripts/serve.mjs) against hostile request targets: the
// command itself, as ./scripts/run starts it, answers each with a status and
// goes on serving; then a seeded fuzz of request targets through its parser
// (requestPath) and through the live server.
//
//   node tests/serve.mjs [--n 3000] [--seed 23]     (no build needed: it serves a folder of its own)
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
// Read on its own (not imported by name), so the server's checks run even without it.
const { requestPath } = await import("../scripts/serve.mjs");

const arg = (name, dflt) => { const i = process.argv.indexOf("--" + name); return i > 0 ? process.argv[i + 1] : dflt; };
const N = Number(arg("n", 3000)), SEED = Number(arg("seed", 23));
let passed = 0, failed = 0;
const check = (ok, what) => { if (ok) passed++; else failed++; console.log(`${ok ? "PASS" : "FAIL"} ${what}`); };

// A site of its own: index.html, a script, and a secret beside (not under) the root.
const tmp = mkdtempSync(join(tmpdir(), "ltci-serve-"));
const root = join(tmp, "www");
mkdirSync(join(root, "pkg"), { recursive: true });
writeFileSync(join(root, "index.html"), "<!doctype html><title>t</title>");
writeFileSync(join(root, "app.js"), "export {};");
writeFileSync(join(tmp, "secret.txt"), "secret");

// The command as scripts/serve and scripts/run start it, on a free port.
const child = spawn(process.execPath, ["scripts/serve.mjs", root, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
let exited = null, stderr = "";
child.on("exit", (code, signal) => { exited = signal || code; });
child.stderr.on("data", (d) => { stderr += d; });
const port = await new Promise((ok, fail) => {
  let out = "";
  child.stdout.on("data", (d) => { out += d; const m = /localhost:(\d+)\//.exec(out); if (m) ok(Number(m[1])); });
  child.on("exit", () => fail(new Error(`the server exited at start: ${stderr}`)));
  setTimeout(() => fail(new Error("the server did not start")), 5000);
});

/** Sends `GET <target> HTTP/1.1` as raw bytes (no client library rewrites the
 *  target); resolves to the status code, or null when the connection is refused
 *  or dropped. `seen` collects the bodies of 200s that hold the secret. */
const seen = [];
function status(target, method = "GET") {
  return new Promise((ok) => {
    const socket = connect(port, "127.0.0.1");
    let got = "";
    socket.setTimeout(3000, () => { socket.destroy(); ok(null); });
    socket.on("error", () => ok(null));
    socket.on("data", (d) => { got += d.toString("latin1"); });
    socket.on("close", () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (m && m[1] === "200" && got.endsWith("secret")) seen.push(target);
      ok(m ? Number(m[1]) : null);
    });
    socket.write(Buffer.concat([Buffer.from(`${method} `), Buffer.from(target, "utf8"), Buffer.from(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]));
  });
}

// ---- The targets of issue 23, one by one: each answered, the server alive after each.
const CASES = [
  ["//", 400], ["//%zz", 400], ["/%zz", 400], ["/a//b", 400], ["http://[::1", 400], ["http://[::1]:8080//", 400],
  ["ftp://x/index.html", 400], ["mailto:a@b", 400], ["*", 400], ["index.html", 400], ["/%00", 400], ["/index.html#x", 400],
  ["http://127.0.0.1/index.html", 200], ["http://localhost:1/app.js?x=%zz", 200], ["http://x/../secret.txt", 404],
  ["/", 200], ["/?%zz", 200], ["/index.html?a=1&a=2", 200], ["/app.js", 200],
  ["/../secret.txt", 404], ["/%2e%2e/secret.txt", 404], ["/%2e%2e%2fsecret.txt", 404], ["/pkg/", 404], ["/nope", 404],
];
for (const [target, want] of CASES) {
  const got = await status(target);
  const alive = await status("/");
  check(got === want && alive === 200 && exited === null, `${JSON.stringify(target)} → ${got} (want ${want}); then GET / → ${alive}`);
}

// ---- A seeded fuzz of request targets ----------------------------------------
/** mulberry32: the same targets on every run for a seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = random(SEED);
const pick = (list) => list[Math.floor(r() * list.length)];
const PIECES = ["/", "//", ".", "..", "%", "%2", "%2e", "%2f", "%2F", "%5c", "%00", "%zz", "%e4%b8", "%e4%b8%ad", "?", "#", "&", "=",
  ":", "@", "[", "]", "::1", "http:", "https:", "http://", "http://x", "http://[", "//x", "\\", "index.html", "app.js", "pkg",
  "secret.txt", "a", "Z", "0", "中", "é", "😀", "~", "'", "(", ")", "*", "+", ",", ";", "!", "$"];
/** Most start as a path does, so that the parser gets past its first check. */
const fuzzTarget = () => (r() < 0.7 ? "/" : "") + Array.from({ length: 1 + Math.floor(r() * 8) }, () => pick(PIECES)).join("");

// The parser: never throws; a path it reads starts at the root ("/…", no NUL).
let parsed = 0, refusedTargets = 0;
const wrong = [];
for (let i = 0; i < N; i++) {
  const target = fuzzTarget();
  let path;
  try { path = requestPath(target); } catch (e) { wrong.push(`${JSON.stringify(target)} threw ${e.message}`); continue; }
  if (path === null) { refusedTargets++; continue; }
  parsed++;
  if (typeof path !== "string" || !path.startsWith("/") || path.includes("\0")) wrong.push(`${JSON.stringify(target)} → ${JSON.stringify(path)}`);
}
check(typeof requestPath === "function" && wrong.length === 0,
  `requestPath on ${N} fuzzed targets (seed ${SEED}): ${parsed} read, ${refusedTargets} refused, none threw${wrong.length ? ": " + wrong.slice(0, 5).join("; ") : ""}`);

// The live server on a part of them: each answered (400, 404 or 200, never the secret), the server alive.
const answers = {};
let bad = [];
for (let i = 0; i < Math.min(N, 400); i++) {
  const target = fuzzTarget();
  const got = await status(target);
  answers[got] = (answers[got] || 0) + 1;
  if (![200, 400, 404].includes(got)) bad.push(`${JSON.stringify(target)} → ${got}`);
}
const alive = await status("/");
check(bad.length === 0 && seen.length === 0 && alive === 200 && exited === null,
  `the live server on ${Math.min(N, 400)} fuzzed targets: ${JSON.stringify(answers)}; then GET / → ${alive}${bad.length ? ": " + bad.slice(0, 5).join("; ") : ""}${seen.length ? "; the secret for " + seen.join(" ") : ""}`);
check(!/TypeError|Invalid URL|Unhandled/.test(stderr), `nothing on the server's stderr${stderr ? ": " + stderr.slice(0, 300) : ""}`);

child.kill();
rmSync(tmp, { recursive: true, force: true });
console.log(`server: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
