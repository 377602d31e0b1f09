// Native and WebAssembly give byte-identical JSON for the same query.
//
//   node tests/wasm/equality.mjs [--n 10000] [--seed 20241124]
//
// Needs target/release/ltci (cargo build --release) and pkg/ (scripts/build).
// (a) --n generated queries (scripts/gen-queries.mjs: every city and care
//     mode, valid, ineligible and invalid) through `ltci estimate --jsonl` and
//     through `estimate(query)` of pkg/ltci.js;
// (b) every query of tests/fixtures/*.json, estimates and contributions alike;
// (c) the catalog (`ltci catalog` and `catalog()`);
// (d) the parameters (`ltci params [--city] [--month]` and `parameters({city, month})`),
//     every city and all at once, with and without a month, and their errors.
// (e) plans: --n/10 generated queries with a generated `months` (some
//     invalid, some absent) through `ltci plan --jsonl` and `plan(query)`,
//     and every query of tests/fixtures/plan.json.
// An answer is compared as JSON.stringify(result); an error as
// {"error":{code, field, message, messageEn}} built from the thrown Error,
// against the command line's error object.

import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import init, { estimate, contribution, catalog, parameters, plan } from "../../pkg/ltci.js";
import { queries, line, rng } from "../../scripts/gen-queries.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg("n", 10000));
const SEED = Number(arg("seed", 20241124));
const CLI = "target/release/ltci";

await init({ module_or_path: readFileSync("pkg/ltci_bg.wasm") });

/** The wasm door's answer as the command line prints it. */
function viaWasm(fn, q) {
  try {
    return JSON.stringify(fn(q));
  } catch (e) {
    if (!(e instanceof Error) || typeof e.code !== "string") throw e; // a trap, not an input error
    return JSON.stringify({ error: { code: e.code, field: e.field, message: e.message, messageEn: e.messageEn } });
  }
}

/** The command line's answers, one line each, in order. */
function viaCli(command, lines) {
  let out;
  try {
    out = execFileSync(CLI, [command, "--jsonl"], { input: lines.join("\n") + "\n", maxBuffer: 1 << 30 });
  } catch (e) {
    if (e.status !== 2) throw e; // 2: some line was invalid input, which is expected here
    out = e.stdout;
  }
  const answers = out.toString("utf8").split("\n");
  if (answers.pop() !== "") throw new Error(`${CLI} ${command}: output does not end with a newline`);
  if (answers.length !== lines.length) throw new Error(`${CLI} ${command}: ${answers.length} answers for ${lines.length} queries`);
  return answers;
}

let failures = 0;
function compare(what, command, fn, qs) {
  const lines = qs.map(line);
  const native = viaCli(command, lines);
  let same = 0;
  const kinds = { eligible: 0, ineligible: 0, error: 0 };
  qs.forEach((q, i) => {
    // A line that is not JSON never reaches the wasm door as an object: JSON
    // text is JavaScript's to parse. Such a line must be invalid_json natively,
    // and a string given to the wasm door is refused as not an object.
    let given = q;
    if (typeof q === "string") {
      try {
        given = JSON.parse(q);
      } catch {
        const code = (s) => JSON.parse(s).error?.code;
        if (code(native[i]) === "invalid_json" && code(viaWasm(fn, q)) === "invalid_json") same++, kinds.error++;
        else if (failures++ < 10) console.error(`MISMATCH ${what} #${i}: not JSON, yet not invalid_json\n  query:  ${q}\n  native: ${native[i]}`);
        return;
      }
    }
    const wasm = viaWasm(fn, given);
    if (wasm === native[i]) {
      same++;
      const o = JSON.parse(wasm);
      kinds[o.error ? "error" : (o.eligible ?? o.eligibleMonths > 0) === false ? "ineligible" : "eligible"]++;
    } else if (failures++ < 10) {
      console.error(`MISMATCH ${what} #${i}\n  query:  ${lines[i]}\n  native: ${native[i]}\n  wasm:   ${wasm}`);
    }
  });
  const detail = command !== "contribution" ? ` (${kinds.eligible} eligible, ${kinds.ineligible} ineligible, ${kinds.error} errors)` : ` (${kinds.error} errors)`;
  console.log(`${what}: ${same}/${qs.length} byte-identical${detail}`);
}

// (a) generated queries
const cat = catalog();
compare(`generated queries (seed ${SEED})`, "estimate", estimate, [...queries(cat, { n: N, seed: SEED, invalid: 0.15 })]);

// (b) the fixtures
const dir = "tests/fixtures";
const estimates = [];
const contributions = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "plan.json").sort()) {
  const doc = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
  for (const c of doc.cases ?? []) {
    // A contribution query has a year and no care mode.
    ("year" in c.query && !("careMode" in c.query) ? contributions : estimates).push(c.query);
  }
}
if (estimates.length === 0) throw new Error(`no estimate queries in ${dir}`);
compare(`fixture estimates (${dir})`, "estimate", estimate, estimates);
if (contributions.length) compare(`fixture contributions (${dir})`, "contribution", contribution, contributions);

// (e) plans: generated queries with months 1-36, absent, or out of range; the plan fixtures
const pick = rng(SEED + 1);
const withMonths = (q) => {
  if (typeof q !== "object" || !pick.chance(0.8)) return q;
  return { ...q, months: pick.chance(0.9) ? pick.int(1, 36) : pick.pick([0, 37, 1.5, "12", null]) };
};
compare(`generated plan queries (seed ${SEED + 1})`, "plan", plan, [...queries(cat, { n: Math.max(1, Math.round(N / 10)), seed: SEED + 1, invalid: 0.1 })].map(withMonths));
const plans = JSON.parse(readFileSync(`${dir}/plan.json`, "utf8")).cases.map((c) => c.query);
compare(`fixture plans (${dir}/plan.json)`, "plan", plan, plans);

// (c) the catalog (both doors take the current month for document status)
const nativeCatalog = execFileSync(CLI, ["catalog"]).toString("utf8").trimEnd();
if (JSON.stringify(cat) === nativeCatalog) console.log(`catalog: byte-identical (${nativeCatalog.length} bytes)`);
else {
  failures++;
  console.error(`MISMATCH catalog\n  native: ${nativeCatalog.slice(0, 300)}…\n  wasm:   ${JSON.stringify(cat).slice(0, 300)}…`);
}

// (d) the parameters: each query as command-line flags and as an object
const paramQueries = [{}, { month: "2024-13" }, { city: "beijing" }];
for (const city of [undefined, ...cat.cities.map((c) => c.id)]) {
  for (const month of [undefined, "2019-06", "2020-03", "2022-06", "2023-06", "2024-02", "2026-07", "2026-12", "2028-01"]) {
    paramQueries.push({ ...(city ? { city } : {}), ...(month ? { month } : {}) });
  }
}
let sameParams = 0;
for (const q of paramQueries) {
  const args = ["params", ...Object.entries(q).flatMap(([k, v]) => [`--${k}`, v])];
  let native;
  try {
    native = execFileSync(CLI, args, { maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.status !== 2) throw e;
    native = e.stdout;
  }
  native = native.toString("utf8").trimEnd();
  const wasm = viaWasm(parameters, Object.keys(q).length ? q : undefined);
  if (wasm === native) sameParams++;
  else if (failures++ < 10) console.error(`MISMATCH parameters ${args.join(" ")}\n  native: ${native.slice(0, 300)}…\n  wasm:   ${wasm.slice(0, 300)}…`);
}
console.log(`parameters: ${sameParams}/${paramQueries.length} byte-identical (every city and all, months and errors)`);

if (failures) {
  console.error(`${failures} mismatch(es) between ${CLI} and pkg/ltci.js`);
  process.exit(1);
}
