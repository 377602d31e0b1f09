// Seeded generator of estimate queries, driven by the catalog: every city,
// every care mode, its inputs and the common query inputs. Mostly valid
// queries (some of them ineligible: a grade or insurance type the city does
// not cover, a month before the scheme), some invalid ones (bad values,
// unknown keys, broken JSON), so that benchmarks and the native/wasm equality
// test see every path.
//
//   node scripts/gen-queries.mjs [--n 1000000] [--seed 1] [--invalid 0.08]
//                                [--catalog catalog.json] > queries.jsonl
//
// Without --catalog it runs `target/release/ltci catalog`. The same seed and
// catalog give the same lines, byte for byte.
//
// As a module: `queries(catalog, {n, seed, invalid})` yields each query as a
// plain object, or as a string when the line is not a JSON object;
// `line(q)` is the JSONL line for it.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** sfc32, seeded through splitmix32: fast, small, good enough for test data. */
export function rng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  const r = {
    /** [0, 1) */
    float: () => next() / 4294967296,
    /** integer in [lo, hi] */
    int: (lo, hi) => lo + Math.floor((next() / 4294967296) * (hi - lo + 1)),
    chance: (p) => next() / 4294967296 < p,
    pick: (xs) => xs[Math.floor((next() / 4294967296) * xs.length)],
  };
  return r;
}

const pad = (n) => String(n).padStart(2, "0");
const monthOf = (date) => ({ y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)) });
const addMonths = ({ y, m }, k) => {
  const i = y * 12 + (m - 1) + k;
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
};
const monthText = ({ y, m }) => `${y}-${pad(m)}`;
const daysIn = ({ y, m }) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const cmp = (a, b) => a.y * 12 + a.m - (b.y * 12 + b.m);

/** A money value: whole, one or two decimals; sometimes a decimal string. */
function money(r, max) {
  const cents = r.int(0, Math.round(max * 100));
  let v;
  switch (r.int(0, 3)) {
    case 0:
      v = Math.round(cents / 100);
      break;
    case 1:
      v = Math.round(cents / 10) / 10;
      break;
    default:
      v = cents / 100;
  }
  return r.chance(0.15) ? v.toFixed(2) : v;
}

/** A typical range for a money input, by its unit. */
const moneyMax = (unit) => ({ "yuan/day": 400, "yuan/hour": 120, "yuan/year": 6000 })[unit] ?? 8000;

function inputValue(r, input, careDays) {
  const min = input.min == null ? 0 : Number(input.min);
  switch (input.type) {
    case "money":
      return money(r, moneyMax(input.unit));
    case "hours":
      return r.chance(0.7) ? r.int(0, 60) : r.int(0, 600) / 10;
    default: {
      let max = input.max == null ? careDays : Number(input.max);
      if (input.unit === "days") max = Math.min(max, careDays);
      if (input.unit === "visits") max = Math.min(max, 40);
      return r.int(min, Math.max(min, max));
    }
  }
}

/** A valid query (possibly ineligible) for one city and mode. */
function valid(r, catalog, city, mode) {
  const doc = r.pick(city.documents);
  const from = monthOf(doc.effectiveFrom);
  const to = doc.effectiveTo ? monthOf(doc.effectiveTo) : addMonths(from, 36);
  // Mostly within the document's period; some months before it (ineligible:
  // not in force) and after it (an expired document, computed with a note).
  let month;
  const where = r.float();
  if (where < 0.06) month = addMonths(from, -r.int(1, 24));
  else if (where < 0.12) month = addMonths(to, r.int(1, 24));
  else month = addMonths(from, r.int(0, Math.max(0, cmp(to, from))));
  const available = cmp(month, from) === 0 ? daysIn(month) + 1 - Number(doc.effectiveFrom.slice(8, 10)) : daysIn(month);

  const covered = (xs, all) => (r.chance(0.9) ? r.pick(xs) : r.pick(all));
  const q = {
    city: city.id,
    insurance: covered(city.insurance, catalog.insuranceTypes.map((i) => i.id)),
    grade: covered(city.grades, catalog.grades.map((g) => g.id)),
    careMode: mode.id,
  };
  if (!r.chance(0.01)) q.month = monthText(month); // absent: the current month
  let careDays = available;
  if (q.month && r.chance(0.5)) careDays = q.careDays = r.chance(0.2) ? available : r.int(0, available);

  for (const input of mode.inputs) {
    if (input.required || r.chance(0.6)) q[input.key] = inputValue(r, input, careDays);
  }
  for (const key of city.queryInputs) {
    if (!r.chance(0.3)) continue;
    switch (key) {
      case "disabilityMonths":
        q[key] = r.chance(0.85) ? r.int(6, 36) : r.int(0, 5);
        break;
      case "monthsSinceResumed":
        q[key] = r.int(0, 24);
        break;
      case "assessedMonth":
        q[key] = monthText(addMonths(month, -r.int(-1, 12)));
        break;
      case "contributionYears": {
        const cumulative = r.chance(0.85) ? r.int(10, 30) : r.int(0, 9);
        q[key] = { continuous: r.int(Math.min(2, cumulative), cumulative), cumulative };
        break;
      }
      case "disabilitySubsidy":
        q[key] = money(r, 300);
        break;
      default: // booleans; true makes some of them ineligible
        q[key] = r.chance(0.15);
    }
  }
  return q;
}

/** One way of breaking a valid query; each gives an error, never a panic. */
const BREAKS = [
  (r, q) => ({ ...q, city: r.pick(["beijing", "", "Jincheng", "晋城", "jincheng ", "\u0000"]) }),
  (r, q) => ({ ...q, careMode: r.pick(["hospital", "", "HOME", "home-visit"]) }),
  (r, q) => ({ ...q, insurance: r.pick(["both", "", 1, null]) }),
  (r, q) => ({ ...q, grade: r.pick(["severest", "3", 3, true]) }),
  (r, q) => ({ ...q, month: r.pick(["2024-13", "2024-1", "24-01", "2024/01", "", 202401, "２０２４-01"]) }),
  (r, q) => ({ ...q, careDays: r.pick([-1, 32, 1.5, "10", 4294967296, 1e30]) }),
  (r, q) => ({ ...q, disabilityMonths: r.pick([-3, 0.5, "6", 99999999999]) }),
  (r, q) => ({ ...q, contributionYears: r.pick([{ continuous: 5, cumulative: 2 }, { continuous: 1 }, 3, { a: 1 }]) }),
  (r, q) => ({ ...q, disabilitySubsidy: r.pick([-1, 1.005, "abc", 1e7, "1e3", true]) }),
  (r, q) => ({ ...q, [r.pick(["foo", "City", "care_mode", "dailycharge"])]: 1 }),
  (r, q) => ({ ...q, dailyCharge: r.pick([-0.01, 120.001, "NaN", 2e6]), homeServiceCost: 1 }),
  (r, q) => {
    const { city, ...rest } = q;
    const { careMode, ...rest2 } = r.chance(0.5) ? { city, ...rest } : rest;
    return r.chance(0.5) ? rest : rest2;
  },
  // Not a JSON object at all: broken, truncated, other types, empty.
  (r, q) => {
    const s = JSON.stringify(q);
    return r.pick([s.slice(0, r.int(0, s.length - 1)), "[]", "null", "42", '"x"', "", "   ", "{", s + "}", s.replace(":", "::"), "{'city':'jincheng'}"]);
  },
];

export function* queries(catalog, { n = 1000, seed = 1, invalid = 0.08 } = {}) {
  const r = rng(seed);
  const pairs = catalog.cities.flatMap((city) => city.careModes.map((mode) => [city, mode]));
  for (let i = 0; i < n; i++) {
    const [city, mode] = r.pick(pairs);
    const q = valid(r, catalog, city, mode);
    yield r.chance(invalid) ? r.pick(BREAKS)(r, q) : q;
  }
}

/** The JSONL line of a generated query. */
export const line = (q) => (typeof q === "string" ? q : JSON.stringify(q));

export function loadCatalog(path) {
  const text = path ? readFileSync(path, "utf8") : execFileSync("target/release/ltci", ["catalog"], { encoding: "utf8" });
  return JSON.parse(text);
}

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const catalog = loadCatalog(arg("catalog"));
  const gen = queries(catalog, { n: Number(arg("n", 1000000)), seed: Number(arg("seed", 1)), invalid: Number(arg("invalid", 0.08)) });
  const out = process.stdout;
  const write = () => {
    for (;;) {
      let chunk = "";
      for (let k = 0; k < 4096; k++) {
        const { value, done } = gen.next();
        if (done) {
          out.write(chunk);
          return;
        }
        chunk += line(value) + "\n";
      }
      if (!out.write(chunk)) {
        out.once("drain", write);
        return;
      }
    }
  };
  write();
}
