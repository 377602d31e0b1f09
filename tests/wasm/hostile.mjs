// Hostile values at the WebAssembly door (issue 14, items 1, 2 and 4): every
// one is a coded error naming what it can, never a trap, never "not given".
//
//   node tests/wasm/hostile.mjs        (needs pkg/: scripts/build)

import { readFileSync } from "node:fs";
import init, { estimate, contribution } from "../../pkg/ltci.js";

const wasm = await init({ module_or_path: readFileSync("pkg/ltci_bg.wasm") });

const BASE = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" };
const CZ = { city: "changzhou", insurance: "employee", grade: "severe", careMode: "elderly_institution", month: "2022-03" };
let passed = 0, failed = 0, t;

function refused(what, fn, query, code, field) {
  let got;
  try {
    got = { answer: fn(query) };
  } catch (e) {
    got = e instanceof Error && typeof e.code === "string" ? { code: e.code, field: e.field, message: e.message, messageEn: e.messageEn } : { trap: String(e) };
  }
  const ok = got.code === code && (field === undefined || got.field === field) && (got.message ?? "").length < 300;
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "PASS" : "FAIL"} ${what}: ${JSON.stringify(got).slice(0, 200)}`);
}

// Issue 23, item 6: a huge string is refused by its length on the JS side of the
// door, before it is copied into the module's memory, which stays as it was.
// (First, before anything else has grown the memory: it never shrinks.)
estimate(BASE);
const before = wasm.memory.buffer.byteLength;
const huge = "2".repeat(100 << 20);
const hugeQueries = [ // built before the clock starts: a 100 MB key costs V8 its hashing
  ["a 100 MB month", estimate, { ...BASE, month: huge }],
  ["a 100 MB key", estimate, { ...BASE, [huge]: 1 }],
  ["a 100 MB district of a contribution", contribution, { city: "changzhou", year: 2023, insurance: "resident", district: huge }],
  ["a 100 MB string inside contributionYears", estimate, { ...BASE, contributionYears: { continuous: 1, cumulative: huge } }],
];
t = performance.now();
for (const [what, fn, q] of hugeQueries) refused(what, fn, q, "invalid_value", null);
const hugeMs = performance.now() - t;
const grown = wasm.memory.buffer.byteLength - before;
if (grown <= 1 << 20) passed++;
else failed++;
console.log(`${grown <= 1 << 20 ? "PASS" : "FAIL"} wasm memory after four 100 MB strings: ${before} → ${wasm.memory.buffer.byteLength} bytes (at most 1 MB more)`);

// 4. NaN, Infinity, functions, Symbols and BigInts are invalid values, never "not given".
refused("careDays NaN", estimate, { ...BASE, careDays: NaN }, "invalid_value", "careDays");
refused("careDays Infinity", estimate, { ...BASE, careDays: Infinity }, "invalid_value", "careDays");
refused("dailyCharge NaN", estimate, { ...CZ, dailyCharge: NaN }, "invalid_value", "dailyCharge");
refused("dailyCharge -Infinity", estimate, { ...CZ, dailyCharge: -Infinity }, "invalid_value", "dailyCharge");
refused("disabilitySubsidy NaN", estimate, { ...CZ, disabilitySubsidy: NaN }, "invalid_value", "disabilitySubsidy");
refused("careDays a function", estimate, { ...BASE, careDays: () => 3 }, "invalid_value", "careDays");
refused("month a Symbol", estimate, { ...BASE, month: Symbol("2024-02") }, "invalid_value", "month");
refused("monthlyBase NaN", contribution, { city: "jincheng", year: 2023, insurance: "employee", category: "employed", monthlyBase: NaN }, "invalid_value", "monthlyBase");
refused("careDays a BigInt over the month", estimate, { ...BASE, careDays: 40n }, "invalid_value", "careDays");

// Objects that would trap or loop: coded errors.
refused("a throwing getter", estimate, Object.defineProperty({ ...BASE }, "careDays", { enumerable: true, get() { throw new Error("boom"); } }), "invalid_json");
refused("a Proxy whose ownKeys throws", estimate, new Proxy(BASE, { ownKeys() { throw new Error("boom"); } }), "invalid_json");
const cyclic = { ...BASE, contributionYears: { continuous: 2, cumulative: 10 } };
cyclic.contributionYears.self = cyclic;
refused("a cycle", estimate, cyclic, "unknown_field", "contributionYears.self");
refused("an array", estimate, [BASE], "invalid_json");
refused("a JSON string", estimate, JSON.stringify(BASE), "invalid_json");

// 1, 2. Many keys and huge values are refused at once, and the message does not repeat them.
const many = { ...BASE };
for (let i = 0; i < 100000; i++) many["k" + i] = 1;
t = performance.now();
refused("100,000 unknown keys", estimate, many, "invalid_value");
const manyMs = performance.now() - t;
const few = { ...BASE };
for (let i = 0; i < 2000; i++) few["k" + i] = 1;
refused("2,000 unknown keys (under 64 KB): the first is named", estimate, few, "unknown_field", "k0");
refused("a 1 MB month", estimate, { ...BASE, month: "2".repeat(1 << 20) }, "invalid_value");
refused("a 20 KB month: quoted short", estimate, { ...BASE, month: "2".repeat(20000) }, "invalid_value", "month");

// The module still answers after all of that.
refused("still alive: a normal estimate", (q) => { const e = estimate(q); throw Object.assign(new Error(e.totals.fund), { code: e.totals.fund, field: null }); }, BASE, "1050.00");

console.log(`(100,000 keys refused in ${manyMs.toFixed(0)} ms; four 100 MB strings in ${hugeMs.toFixed(0)} ms)`);
console.log(`wasm hostile input: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
