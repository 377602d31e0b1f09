// The WebAssembly package in Node: per-call latency of estimate(query) with a
// plain JS object in and out (JSON.stringify of the query, the estimate, and
// building the answer's object: the JS<->wasm conversion included), catalog()
// once, the wasm linear memory over 100,000 estimates, and plan(query) of 12
// months for the same queries (--plans of them, after a tenth as warm-up).
//
//   node scripts/bench-wasm.mjs [--n 100000] [--warmup 10000] [--plans 10000] [--seed 2] [--json]
//
// Needs pkg/ (scripts/build). Queries come from scripts/gen-queries.mjs
// (every city and care mode; about 8% invalid, whose thrown Error is part of
// the call). No timing is asserted: the figures are for BENCHMARKS.md.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import init, { estimate, catalog, plan } from "../pkg/ltci.js";
import { queries } from "./gen-queries.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

const quantile = (sorted, q) => sorted[Math.round((sorted.length - 1) * q)];

/** One call of `fn`; a thrown Error (an invalid query) is part of the call. Whether it threw. */
const calls = (fn, q) => {
  try {
    fn(q);
    return false;
  } catch {
    return true;
  }
};

/** Each call of `fn` on `qs` timed: the sorted nanoseconds, and how many threw. */
function timed(fn, qs) {
  const ns = new Float64Array(qs.length);
  let errors = 0;
  qs.forEach((q, i) => {
    const t0 = process.hrtime.bigint();
    errors += calls(fn, q);
    ns[i] = Number(process.hrtime.bigint() - t0);
  });
  return { ns: ns.sort(), errors };
}

export async function benchWasm({ n = 100000, warmup = 10000, plans = 10000, seed = 2 } = {}) {
  const bytes = readFileSync("pkg/ltci_bg.wasm");
  let t = process.hrtime.bigint();
  const wasm = await init({ module_or_path: bytes });
  const initMs = Number(process.hrtime.bigint() - t) / 1e6;
  const memory = () => wasm.memory.buffer.byteLength;
  const memoryAfterInit = memory();

  t = process.hrtime.bigint();
  const cat = catalog();
  const catalogFirstUs = Number(process.hrtime.bigint() - t) / 1e3;
  const catalogTimes = [];
  for (let i = 0; i < 200; i++) {
    const t0 = process.hrtime.bigint();
    catalog();
    catalogTimes.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  catalogTimes.sort((a, b) => a - b);

  const qs = [...queries(cat, { n: warmup + n, seed })];
  for (let i = 0; i < warmup; i++) calls(estimate, qs[i]);
  const memoryAfterWarmup = memory();
  const measured = qs.slice(warmup);
  const started = process.hrtime.bigint();
  const est = timed(estimate, measured);
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  const memoryAfter = memory();

  // plan(query), 12 months: the estimate's queries with months 12, a tenth of them first as warm-up.
  const pq = qs.slice(0, Math.ceil(plans / 10) + plans).map((q) => (typeof q === "object" ? { ...q, months: 12 } : q));
  for (const q of pq.slice(0, pq.length - plans)) calls(plan, q);
  const planned = timed(plan, pq.slice(pq.length - plans));
  // The page's waiting case (docs/plan.md's first worked example, 12 months), alone.
  const WAIT = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02", disabilityMonths: 3 };
  for (let i = 0; i < 200; i++) plan(WAIT);
  const waiting = timed(plan, Array(2000).fill(WAIT));
  return {
    node: process.version,
    wasmBytes: bytes.length,
    initMs,
    catalog: { firstUs: catalogFirstUs, medianUs: quantile(catalogTimes, 0.5), bytes: JSON.stringify(cat).length },
    estimate: {
      calls: n,
      errors: est.errors,
      medianUs: quantile(est.ns, 0.5) / 1e3,
      p99Us: quantile(est.ns, 0.99) / 1e3,
      meanUs: (totalMs * 1e3) / n,
      perSecond: Math.round(n / (totalMs / 1e3)),
    },
    memory: { afterInit: memoryAfterInit, afterWarmup: memoryAfterWarmup, afterAll: memoryAfter, estimates: warmup + n },
    plan: { months: 12, calls: plans, errors: planned.errors, medianUs: quantile(planned.ns, 0.5) / 1e3, p99Us: quantile(planned.ns, 0.99) / 1e3,
      waitingMedianUs: quantile(waiting.ns, 0.5) / 1e3 },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchWasm({ n: Number(arg("n", 100000)), warmup: Number(arg("warmup", 10000)), plans: Number(arg("plans", 10000)), seed: Number(arg("seed", 2)) });
  if (process.argv.includes("--json")) console.log(JSON.stringify(r));
  else {
    const e = r.estimate;
    console.log(`node ${r.node}; init ${r.initMs.toFixed(1)} ms`);
    console.log(`catalog(): first ${r.catalog.firstUs.toFixed(0)} µs, then median ${r.catalog.medianUs.toFixed(0)} µs (${r.catalog.bytes} bytes of JSON)`);
    console.log(`estimate(query): median ${e.medianUs.toFixed(2)} µs, p99 ${e.p99Us.toFixed(2)} µs, mean ${e.meanUs.toFixed(2)} µs over ${e.calls} calls (${e.errors} threw), ${e.perSecond}/s`);
    console.log(`linear memory: ${r.memory.afterInit} bytes after init, ${r.memory.afterWarmup} after warm-up, ${r.memory.afterAll} after ${r.memory.estimates} estimates`);
    const p = r.plan;
    console.log(`plan(query), ${p.months} months: median ${p.medianUs.toFixed(1)} µs, p99 ${p.p99Us.toFixed(1)} µs over ${p.calls} calls (${p.errors} threw); the waiting case alone: median ${p.waitingMedianUs.toFixed(1)} µs`);
  }
}
