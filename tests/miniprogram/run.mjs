// The mini-program adapter in a WeChat-like sandbox: a vm context with no
// WebAssembly, TextDecoder, TextEncoder, fetch or URL — only a mock
// WXWebAssembly that, like the real one, takes a path inside the package and
// accepts a brotli-compressed .wasm.br. Runs the worked examples there, every
// fixture query against the native command line byte for byte, the reader of what
// a person types, and the <ltci-calculator> component's form and result logic
// (calc.js; the component itself: tests/miniprogram/component.mjs).
//
// Needs: scripts/build (miniprogram/ltci/) and target/release/ltci.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { wxWebAssembly } from "./wx-wasm.mjs";

const ROOT = "miniprogram";
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? "PASS" : "FAIL"} ${what}`);
  if (!ok) failures++;
};

// ---- The sandbox -------------------------------------------------------------
const loads = [];
const WXWebAssembly = wxWebAssembly(ROOT, WebAssembly, loads);
const modules = {};
const context = vm.createContext({ console, WXWebAssembly, setTimeout });
vm.runInContext("delete globalThis.WebAssembly;", context);
const missing = vm.runInContext(
  "['WebAssembly','TextDecoder','TextEncoder','fetch','URL','require','process'].filter((n) => typeof globalThis[n] !== 'undefined')",
  context,
);
check(missing.length === 0, `sandbox has no ${["WebAssembly", "TextDecoder", "TextEncoder", "fetch", "URL"].join(", ")} (present: ${missing.join(", ") || "none"})`);

/** CommonJS inside the sandbox, for the adapter, number.js and the component's logic. */
function load(file) {
  if (modules[file]) return modules[file].exports;
  const module = { exports: {} };
  modules[file] = module;
  const source = readFileSync(file, "utf8");
  const fn = vm.runInContext(`(function (module, exports, require) {${source}\n})`, context, { filename: file });
  fn(module, module.exports, (rel) => load(join(file, "..", rel)));
  return module.exports;
}

const ltci = load(join(ROOT, "ltci/index.js"));
check(
  ["init", "estimate", "catalog", "contribution", "script", "parameters", "plan"].every((n) => typeof ltci[n] === "function"),
  "the adapter exports init, estimate, catalog, contribution, script, parameters, plan",
);
await ltci.init("/ltci/ltci_bg.wasm.br");
check(loads[0] === "/ltci/ltci_bg.wasm.br", "init loads the brotli wasm through WXWebAssembly.instantiate");

// ---- Worked examples (the spec's public fixtures) ---------------------------
const examples = [
  ["changzhou", { insurance: "resident", grade: "severe", careMode: "home", month: "2022-03" }, "620.00", "0.00"],
  ["changzhou", { insurance: "employee", grade: "moderate", careMode: "home", month: "2022-03", homeServiceCost: 1000, familyCareDays: 10 }, "900.00", "100.00"],
  ["changzhou", { insurance: "employee", grade: "severe", careMode: "home", month: "2022-03", familyCareDays: 0, homeMedicalCost: 800 }, "450.00", "350.00"],
  ["changzhou", { insurance: "employee", grade: "moderate", careMode: "elderly_institution", month: "2022-03", dailyCharge: 45 }, "930.00", "465.00"],
  ["changzhou", { insurance: "resident", grade: "severe", careMode: "medical_institution", month: "2022-03", careDays: 30, medicalNursingCost: 2000 }, "2700.00", null],
  ["jincheng", { insurance: "employee", grade: "severe", careMode: "home_self", month: "2024-01" }, "930.00", "0.00"],
  ["jincheng", { insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" }, "1050.00", "450.00"],
  ["jincheng", { insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-03", careDays: 10 }, "350.00", "150.00"],
  ["lianyungang", { insurance: "resident", grade: "severe", careMode: "elderly_institution", month: "2026-12" }, "1240.00", null],
  ["lianyungang", { insurance: "resident", grade: "severe", careMode: "home_visit", month: "2027-01", visitHours: 14 }, "420.00", null],
  ["rizhao", { insurance: "resident", grade: "moderate", careMode: "institution", month: "2021-06" }, "1530.00", "720.00"],
  ["rizhao", { insurance: "resident", grade: "severe", careMode: "medical_special", hospitalLevel: 3, month: "2022-05", careDays: 10 }, "1350.00", "800.00"],
  ["nantong", { insurance: "employee", grade: "severe", careMode: "home", month: "2021-04" }, "1550.00", "85.00"],
  ["nantong", { insurance: "resident", grade: "moderate", careMode: "home", month: "2021-04", homeVisits: 16, deviceCost: 1000, deviceSpentThisYear: 5500 }, "1740.00", "680.00"],
];
for (const [city, rest, fund, selfPay] of examples) {
  const e = ltci.estimate({ city, ...rest });
  check(e.eligible && e.totals.fund === fund && e.totals.selfPay === selfPay, `${city} ${rest.careMode} ${rest.month}: fund ${e.totals.fund} (want ${fund}), self-pay ${e.totals.selfPay} (want ${selfPay})`);
}
const ineligible = [
  ["jincheng", { insurance: "resident", grade: "severe", careMode: "institution", month: "2024-03" }, "insurance_not_covered"],
  ["lianyungang", { insurance: "resident", grade: "severe", careMode: "day_care", month: "2026-11" }, "not_in_force"],
  ["rizhao", { insurance: "employee", grade: "severe", careMode: "home", month: "2021-06" }, "insurance_not_covered"],
];
for (const [city, rest, code] of ineligible) {
  const e = ltci.estimate({ city, ...rest });
  check(!e.eligible && e.reasons.map((r) => r.code).join() === code, `${city} ${rest.careMode} ${rest.month}: ineligible, ${code}`);
}
const contributions = [
  [{ city: "changzhou", year: 2022, insurance: "resident", subsidized: true }, ["0.00", "0.00", "60.00", "40.00", "100.00"]],
  [{ city: "jincheng", year: 2023, insurance: "employee", category: "employed", monthlyBase: 6000 }, ["108.00", "108.00", "0.00", "0.00", "216.00"]],
  [{ city: "jincheng", year: 2022, insurance: "employee", category: "employed", monthlyBase: 6000 }, ["108.00", "0.00", "0.00", "108.00", "216.00"]],
  [{ city: "rizhao", year: 2020, insurance: "resident" }, ["0.00", "0.00", "20.00", "30.00", "50.00"]],
];
for (const [q, want] of contributions) {
  const t = ltci.contribution(q).totals;
  const got = [t.individual, t.employer, t.government, t.medicalFund, t.total];
  check(got.join() === want.join(), `contribution ${q.city} ${q.year}: ${got.join(" / ")}`);
}
try {
  ltci.estimate({ city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02", careDays: 30 });
  check(false, "careDays 30 in February 2024 throws");
} catch (e) {
  check(e.code === "invalid_value" && e.field === "careDays" && /29/.test(e.messageEn), `errors keep code and field: ${e.code} ${e.field}`);
}
check(ltci.catalog().cities.length === 5, "catalog lists the five cities");
check(
  ltci.script({ city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" }).startsWith("按晋城市规定，您选择居家上门护理，2024年2月基金支付1050元"),
  "script speaks Chinese through the UTF-8 polyfill",
);

{
  const quota = ltci.parameters({ city: "jincheng", month: "2024-02" }).find((p) => p.id === "home_visit.monthly_quota");
  check(quota && quota.values[0].quote === "每月定额1500元" && quota.values[0].citation === "晋市政发〔2020〕14号 四(七)2",
    `parameters: the quota with its quote and clause through the UTF-8 polyfill: ${quota && quota.values[0].quote}`);
}

// ---- Every fixture query: the same bytes as the native command line ----------
const cli = "target/release/ltci";
const fixtureDir = "tests/fixtures";
if (existsSync(cli) && existsSync(fixtureDir)) {
  const queries = [];
  for (const f of readdirSync(fixtureDir).filter((f) => f.endsWith(".json") && f !== "contribution.json" && f !== "plan.json")) {
    for (const c of JSON.parse(readFileSync(join(fixtureDir, f), "utf8")).cases) queries.push(c.query);
  }
  /** How many of `qs` the adapter's `fn` answers with the bytes of `ltci <command> --jsonl`. */
  const sameAsCli = (command, fn, qs) => {
    // Exit status 2 only says some fixture queries are (deliberately) invalid.
    const native = spawnSync(cli, [command, "--jsonl"], { input: qs.map((q) => JSON.stringify(q)).join("\n") + "\n" })
      .stdout.toString()
      .trimEnd()
      .split("\n");
    let same = 0;
    qs.forEach((q, i) => {
      let mine;
      try {
        mine = JSON.stringify(fn(q));
      } catch (e) {
        mine = JSON.stringify({ error: { code: e.code, field: e.field, message: e.message, messageEn: e.messageEn } });
      }
      if (mine === native[i]) same++;
      else console.log(`  differs: ${JSON.stringify(q)}\n    mini-program: ${mine.slice(0, 300)}\n    native:       ${native[i].slice(0, 300)}`);
    });
    return same;
  };
  const same = sameAsCli("estimate", ltci.estimate, queries);
  check(same === queries.length && queries.length > 0, `${same}/${queries.length} fixture queries byte-identical to ${cli}`);
  // The plan fixtures through `ltci plan --jsonl` and the adapter's plan().
  const plans = JSON.parse(readFileSync(join(fixtureDir, "plan.json"), "utf8")).cases.map((c) => c.query);
  const samePlans = sameAsCli("plan", ltci.plan, plans);
  check(samePlans === plans.length && plans.length > 0, `${samePlans}/${plans.length} plan fixture queries byte-identical to ${cli} plan`);
} else {
  check(false, `${cli} and ${fixtureDir}/ are needed for the byte comparison`);
}

// ---- What a person types: www/number.js, the web page's reader, in the package --------
const www = readFileSync("www/number.js", "utf8");
const copied = existsSync(join(ROOT, "ltci/number.js")) ? readFileSync(join(ROOT, "ltci/number.js"), "utf8") : "";
const body = (text) => text.replace(/^\/\/# allFunctionsCalledOnLoad\n/, "").replace(/^export function /gm, "function ");
check(copied.includes(body(www)), "miniprogram/ltci/number.js is www/number.js, as CommonJS (scripts/miniprogram.mjs)");
const number = copied ? load(join(ROOT, "ltci/number.js")) : {};
if (number.readInput) {
  const read = number.readInput;
  const same = (typed, kind, unit, want) => { const r = read(typed, kind, unit); check(r.value === want && !r.message, `number.js in the sandbox: ${JSON.stringify(typed)} → ${JSON.stringify(r)}`); };
  const refused = (typed, kind, unit) => { const r = read(typed, kind, unit); check(!("value" in r) && /请用数字填写/.test(r.message) && /^Enter /.test(r.messageEn), `number.js in the sandbox refuses ${JSON.stringify(typed)}: ${r.message}`); };
  same(" ", "integer", "days", undefined);
  same("３天", "integer", "days", 3);
  same("4个月", "integer", "months", 4);
  same("45元", "money", "yuan/day", "45");
  same("2026年12月", "month", null, "2026-12");
  refused("0x1d", "integer", "days");
  refused(".5e1", "integer", "days");
  refused("3 4", "integer", "days");
}

// ---- The component's own logic (components/ltci-calculator/calc.js) in the sandbox --------
// The component itself runs under miniprogram-simulate (tests/miniprogram/component.mjs);
// here its form and result logic runs where there is no WebAssembly or TextDecoder either.
const calc = load(join(ROOT, "components/ltci-calculator/calc.js"));
const state = (v) => ({ v: Object.assign(calc.blank(), v), lang: "zh", big: false, compact: false, open: false });
let out = calc.render(ltci.catalog(), state({ city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe" }), ltci);
check(out.view.result && out.view.result.fund === "1050.00" && out.view.result.selfPay === "450.00" && out.view.result.lines[0].citation === "晋市政发〔2020〕14号 四(七)2" && out.view.plan.fund === "12600.00",
  `component logic: jincheng home_visit 2024-02 → ${out.view.result && out.view.result.fund} / ${out.view.result && out.view.result.selfPay}, 12 months ${out.view.plan && out.view.plan.fund}`);
for (const bad of ["0x1d", ".5e1", "3 4", "-3"]) {
  out = calc.render(ltci.catalog(), state({ city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe", careDays: bad }), ltci);
  check(out.view.result === null && out.estimate === null && out.error.code === "invalid_value" && /护理天数：.*请用数字填写整数天数/.test(out.view.problem.text),
    `component logic: care days ${JSON.stringify(bad)} refused with words: ${out.view.problem && out.view.problem.text}`);
}
out = calc.render(ltci.catalog(), state({ city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe", careDays: " １０天 " }), ltci);
// Where the component finds the wasm: from its own path, in the sample and installed by npm.
for (const [is, rel, want] of [["components/ltci-calculator/index", "../../ltci/ltci_bg.wasm.br", "/ltci/ltci_bg.wasm.br"],
  ["miniprogram_npm/ltci-miniprogram/index", "./ltci/ltci_bg.wasm.br", "/miniprogram_npm/ltci-miniprogram/ltci/ltci_bg.wasm.br"],
  ["/components/ltci-calculator/index", "./ltci/ltci_bg.wasm.br", "/components/ltci-calculator/ltci/ltci_bg.wasm.br"]]) {
  check(calc.wasmPath(is, rel) === want, `component: the wasm of ${is} at ${rel} is ${calc.wasmPath(is, rel)}`);
}
check(out.view.result && out.view.result.fund === "350.00" && out.estimate.careDays === 10, `component logic: care days " １０天 " are 10 days → ${out.view.result && out.view.result.fund}`);

console.log(failures ? `\n${failures} check(s) failed` : "\nmini-program: all checks passed");
process.exit(failures ? 1 : 0);
