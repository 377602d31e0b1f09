// The benchmark report: runs every measurement, prints ONE markdown table
// (figure, value, target, met?) with the machine and the commands, and writes
// it to BENCHMARKS.md. Run through scripts/bench, which builds first.
//
//   node scripts/bench.mjs [--n 1000000] [--runs 3] [--page-runs 15] [--no-write]
//
// No timing here is a test: nothing fails on a slow figure.

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sizes, WASM_BUDGET, PAGE_BUDGET } from "./budgets.mjs";
import { benchPage } from "./bench-page.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg("n", 1000000));
const RUNS = Number(arg("runs", 3));
const PAGE_RUNS = Number(arg("page-runs", 15));
const CLI = "target/release/ltci";
const LATENCY = "target/release/examples/bench";
const sh = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8" }).trim();
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const pin = has("taskset") ? ["taskset", "-c", "0"] : [];
const pinText = pin.length ? "taskset -c 0 " : "";
const log = (s) => process.stderr.write(s + "\n");

for (const f of [CLI, LATENCY, "pkg/ltci_bg.wasm", "build/www/index.html"]) {
  if (!existsSync(f)) throw new Error(`${f} is missing: run scripts/bench (it builds first)`);
}

// ---------- the machine ----------
const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?(.*?)"?$/m)?.[1] : "";
const machine = {
  cpu: cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? "unknown",
  cores: cpus().length,
  os: `${osRelease} (Linux ${sh("uname", ["-r"])})`,
  rustc: sh("rustc", ["--version"]),
  node: process.version,
  load: loadavg().map((x) => x.toFixed(2)).join(", "),
};
log(`machine: ${JSON.stringify(machine)}`);

// ---------- the batch ----------
const dir = mkdtempSync(join(tmpdir(), "ltci-bench-"));
const batch = join(dir, "queries.jsonl");
log(`generating ${N} queries into ${batch}`);
{
  const fd = openSync(batch, "w");
  const r = spawnSync("node", ["scripts/gen-queries.mjs", "--n", String(N), "--seed", "1"], { stdio: ["ignore", fd, "inherit"] });
  closeSync(fd);
  if (r.status !== 0) throw new Error("gen-queries failed");
}
const batchBytes = statSync(batch).size;
// The mix of answers, read as they stream (1.5 GB of JSON for a million).
const mix = { eligible: 0, ineligible: 0, error: 0 };
let answerBytes = 0;
{
  const child = spawn(CLI, ["estimate", "--jsonl"], { stdio: [openSync(batch, "r"), "pipe", "inherit"] });
  child.stdout.on("data", (b) => (answerBytes += b.length));
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    if (line.startsWith('{"error"')) mix.error++;
    else if (line.includes('"eligible":true')) mix.eligible++;
    else mix.ineligible++;
  }
}

// ---------- native: throughput and peak RSS (the batch streams through) ----------
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const fd = openSync(batch, "r");
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %M", ...pin, CLI, "estimate", "--jsonl"], { stdio: [fd, "ignore", "pipe"] });
  closeSync(fd);
  const [wall, user, rssKb] = r.stderr.toString().trim().split("\n").pop().split(" ").map(Number);
  runs.push({ wall, user, rssKb });
  log(`native run ${i + 1}: ${wall} s wall, ${user} s user, ${rssKb} KB peak RSS`);
}
const best = runs.reduce((a, b) => (b.wall < a.wall ? b : a));
const perSecond = Math.round(N / best.wall);
const rssKb = Math.max(...runs.map((r) => r.rssKb));

// ---------- native: latency per call ----------
log("native latency per call");
const lat = JSON.parse(sh(pin[0] ?? LATENCY, pin.length ? [...pin.slice(1), LATENCY, batch] : [batch]));

// ---------- wasm in Node ----------
log("wasm in Node");
const wasm = JSON.parse(sh(pin[0] ?? "node", [...pin.slice(1), ...(pin.length ? ["node"] : []), "scripts/bench-wasm.mjs", "--json"]));

// ---------- the page ----------
log("the page in headless chromium");
const page = await benchPage({ runs: PAGE_RUNS });

// ---------- sizes ----------
const size = sizes();
rmSync(dir, { recursive: true, force: true });

// The files the page fetched (the page benchmark's list), with their sizes;
// plus sw.js, which a first visit registers and which precaches the rest.
const loadedPaths = new Set([...page.loaded.map((p) => (p.endsWith("/") ? p + "index.html" : p).slice(1)), "sw.js"]);
const loaded = size.files.filter((f) => loadedPaths.has(f.file));
const sum = (files, k) => files.reduce((a, f) => a + f[k], 0);

// ---------- the table ----------
const int = (x) => Math.round(x).toLocaleString("en-US");
const us = (ns) => (ns / 1000).toFixed(2) + " µs";
const kb = (b) => `${int(b)} B (${(b / 1024).toFixed(1)} KB)`;
const yes = (ok) => (ok ? "yes" : "**no**");
const rows = [
  ["Native `estimate` per call, median (parse + estimate + JSON)", us(lat.call.median), "—", "—"],
  ["Native `estimate` per call, p99", us(lat.call.p99), "—", "—"],
  [`Native \`ltci estimate --jsonl\`, ${int(N)} mixed queries, one core`, `${int(perSecond)} estimates/s (${best.wall.toFixed(2)} s)`, "≥ 100,000/s (25× OpenFisca's single-household rate)", yes(perSecond >= 100000)],
  [`Peak RSS of that run (input ${(batchBytes / 1e6).toFixed(0)} MB, output ${(answerBytes / 1e6).toFixed(0)} MB)`, `${(rssKb / 1024).toFixed(1)} MB`, "streams: ≤ 16 MB", yes(rssKb <= 16 * 1024)],
  ["Wasm `estimate(query)` in Node, median (JS↔wasm conversion included)", `${wasm.estimate.medianUs.toFixed(2)} µs`, "—", "—"],
  ["Wasm `estimate(query)` in Node, p99", `${wasm.estimate.p99Us.toFixed(2)} µs`, "—", "—"],
  [`Wasm \`plan(query)\`, ${wasm.plan.months} months, in Node, median (p99; docs/plan.md's waiting case alone)`, `${wasm.plan.medianUs.toFixed(1)} µs (${wasm.plan.p99Us.toFixed(1)} µs; ${wasm.plan.waitingMedianUs.toFixed(1)} µs)`, "—", "—"],
  ["Wasm `catalog()` once (first call; later calls)", `${(wasm.catalog.firstUs / 1000).toFixed(2)} ms; ${wasm.catalog.medianUs.toFixed(0)} µs`, "—", "—"],
  [
    `Wasm linear memory after ${int(wasm.memory.estimates)} estimates`,
    `${kb(wasm.memory.afterAll)}; after warm-up ${kb(wasm.memory.afterWarmup)}`,
    "no growth after warm-up",
    yes(wasm.memory.afterAll === wasm.memory.afterWarmup),
  ],
  ["Page: navigation → first estimate on screen (painted), no throttling (median)", `${int(page.unthrottled.medianMs)} ms`, "—", "—"],
  [
    "Page: navigation → first estimate on screen (painted), 4× CPU throttling (median)",
    `${int(page.throttled4x.medianMs)} ms (runs ${int(page.throttled4x.minMs)}–${int(page.throttled4x.maxMs)})`,
    `within 10% of the static HTML (≤ ${int(1.1 * page.throttled4x.staticMedianMs)} ms)`,
    yes(page.throttled4x.medianMs <= 1.1 * page.throttled4x.staticMedianMs),
  ],
  [
    "Page: navigation → the calculator ready to use (`ltci:ready` mark in www/app.js: wasm loaded, the prerendered screen taken over), 4× throttling (median; no throttling)",
    `${int(page.throttled4x.readyMedianMs)} ms; ${int(page.unthrottled.readyMedianMs)} ms`,
    "≤ 800 ms at 4×",
    yes(page.throttled4x.readyMedianMs <= 800),
  ],
  [
    `Page: the update after a keystroke with the ${page.keystroke.planRows}-month plan (estimate, comparison, plan: the handlers and the frame's style, layout and paint), no throttling (median; p95)`,
    `${page.keystroke.work.medianMs.toFixed(1)} ms; ${page.keystroke.work.p95Ms.toFixed(1)} ms`,
    "≤ 16 ms",
    yes(page.keystroke.work.medianMs <= 16),
  ],
  [
    "Page: the same, from the input event to the frame painted (with the wait for the frame), no throttling; 4× throttling (medians)",
    `${page.keystroke.total.medianMs.toFixed(1)} ms; ${page.keystroke4x.total.medianMs.toFixed(1)} ms`,
    "—",
    "—",
  ],
  ["Page: the start of the frame that paints it (before its layout), 4× throttling (median)", `${int(page.throttled4x.frameMedianMs)} ms`, "—", "—"],
  [
    "Page: the same first screen as static HTML with no scripts, painted, 4× throttling (median; no throttling)",
    `${int(page.throttled4x.staticMedianMs)} ms; ${int(page.unthrottled.staticMedianMs)} ms`,
    "—",
    "—",
  ],
  ["Wasm size raw / gzip / brotli", `${int(size.wasm.raw)} / ${int(size.wasm.gzip)} / ${int(size.wasm.brotli)} B`, `brotli ≤ ${int(WASM_BUDGET)} B`, yes(size.wasm.brotli <= WASM_BUDGET)],
  [`Files the page loaded on a first visit (${loaded.length}), raw / brotli`, `${int(sum(loaded, "raw"))} / ${int(sum(loaded, "brotli"))} B`, `brotli ≤ ${int(PAGE_BUDGET)} B`, yes(sum(loaded, "brotli") <= PAGE_BUDGET)],
  [`Every file under build/www (${size.files.length}; the CI budget), raw / brotli`, `${int(size.page.raw)} / ${int(size.page.brotli)} B`, `brotli ≤ ${int(PAGE_BUDGET)} B`, yes(size.page.brotli <= PAGE_BUDGET)],
];

const out = [];
out.push("| Figure | Value | Target | Met? |", "|---|---|---|---|");
for (const r of rows) out.push(`| ${r.join(" | ")} |`);
out.push(
  "",
  `Machine: ${machine.cpu}, ${machine.cores} cores; ${machine.os}; ${machine.rustc}; Node ${machine.node}; Chromium ${page.version}. Load average at start: ${machine.load}.`,
  "",
  "Command: `scripts/bench` (builds with `scripts/build` and `cargo build --release --bin ltci --example bench`, then `node scripts/bench.mjs`). The figures:",
  "",
  `- Batch: \`node scripts/gen-queries.mjs --n ${N} --seed 1\`, every city and care mode: ${int(mix.eligible)} eligible, ${int(mix.ineligible)} ineligible, ${int(mix.error)} invalid (error object).`,
  `- Throughput and peak RSS: \`/usr/bin/time -f "%e %U %M" ${pinText}${CLI} estimate --jsonl < batch > /dev/null\`, best wall time of ${RUNS} runs (${runs.map((r) => r.wall.toFixed(2) + " s").join(", ")}); peak RSS is the largest of the runs.`,
  `- Native per call: \`${pinText}${LATENCY} batch\` (examples/bench.rs, release profile): each of the ${int(lat.calls)} calls timed after a warm-up. Median parse ${us(lat.parse.median)}, estimate ${us(lat.estimate.median)}, JSON ${us(lat.serialize.median)} (valid queries only).`,
  `- Wasm: \`${pinText}node scripts/bench-wasm.mjs\`: ${int(wasm.estimate.calls)} generated queries as JS objects after ${int(wasm.memory.estimates - wasm.estimate.calls)} warm-up calls; ${int(wasm.estimate.errors)} of them threw (invalid), which counts in the call. Memory: \`memory.buffer.byteLength\` of init()'s exports. Plans: ${int(wasm.plan.calls)} of the same queries with \`months: 12\` (${int(wasm.plan.errors)} threw), and the waiting case (晋城, severe, home_visit, 2024-02, disabilityMonths 3) 2,000 times.`,
  `- Page: \`node scripts/bench-page.mjs\`: build/www from a local server, a fresh context per run (no cache, no service worker), ${PAGE_RUNS} runs each. The time is performance.now() in the first task after the frame that paints \`${page.selector}\` with a number (${page.throttled4x.total} yuan for the default query), so that frame's style, layout and paint are in it; the screen is prerendered into index.html by scripts/prerender.mjs, so this is before www/app.js has loaded the wasm (the "ready" row). Each run is paired with one of the static copy: the page's DOM when the total first shows, without scripts, with the same stylesheet; the browser's cost of this first screen with no JavaScript or WebAssembly. Loaded: ${page.loaded.join(", ")} (and sw.js, registered after the first estimate). Throttled runs: ${page.throttled4x.times.join(", ")} ms; static copy: ${page.throttled4x.staticTimes.join(", ")} ms.`,
  `- Keystrokes: the same script, \`benchKeystroke\`: the waiting case's page, ${page.keystroke.keys} keys typed into the care days input (1, 12, 1, empty, …), each timed from the input event's timeStamp; the work is that less the wait between the handlers' end and the next frame's start. Work per key: ${page.keystroke.works.join(", ")} ms.`,
  `- Sizes: \`node scripts/budgets.mjs\` (brotli quality 11 per file with node zlib; the same budgets fail CI). The page's files: ${loaded.map((f) => `${f.file} ${int(f.brotli)}`).join(", ")} B brotli.`,
);
const report = out.join("\n");
console.log(report);
if (!process.argv.includes("--no-write")) {
  // The history of earlier figures (from "## History" on) is kept as it is.
  const old = existsSync("BENCHMARKS.md") ? readFileSync("BENCHMARKS.md", "utf8") : "";
  const history = old.includes("\n## History") ? old.slice(old.indexOf("\n## History")) : "";
  writeFileSync(
    "BENCHMARKS.md",
    `# Benchmarks\n\nThe latest output of \`scripts/bench\`. Timings are for this report only: CI checks no timing, but it does fail on the size budgets (\`node scripts/budgets.mjs\`).\n\n${report}\n${history}`,
  );
  log("wrote BENCHMARKS.md");
}
