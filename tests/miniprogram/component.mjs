// The <ltci-calculator> WeChat custom component (miniprogram/components/ltci-calculator/)
// under Tencent's component test tool, miniprogram-simulate, in one jsdom; with no
// WebAssembly, TextDecoder or TextEncoder globals — only a WXWebAssembly that, like
// the real one, takes a path inside the package and reads the .wasm.br there.
// Renders with properties and checks the figures shown, changes pickers and types
// into inputs through the component's own events, checks the events, a refused
// number, two instances sharing one wasm load, the sample page as a host, and the
// fixtures' answers against the command line; and the npm package the build made.
//
// Needs: scripts/build (miniprogram/ltci/, build/miniprogram-npm/) and target/release/ltci.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { JSDOM } from "jsdom";
import { wxWebAssembly } from "./wx-wasm.mjs";

const require = createRequire(import.meta.url);
const ROOT = resolve("miniprogram");
const COMPONENT = join(ROOT, "components/ltci-calculator");
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? "PASS" : "FAIL"} ${what}`);
  if (!ok) failures++;
};

// ---- One jsdom, then the tool; then no WebAssembly/TextDecoder/TextEncoder -------
const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
for (const k of ["window", "document", "navigator", "Event", "CustomEvent", "Node", "Element", "HTMLElement", "MouseEvent", "KeyboardEvent",
  "TouchEvent", "Touch", "DocumentFragment", "Text", "Comment", "getComputedStyle", "requestAnimationFrame", "cancelAnimationFrame", "MutationObserver"]) {
  if (dom.window[k] !== undefined) Object.defineProperty(globalThis, k, { value: dom.window[k], configurable: true, writable: true });
}
if (!globalThis.Touch) globalThis.Touch = class Touch { constructor(o) { Object.assign(this, o); } };
if (!globalThis.TouchEvent) globalThis.TouchEvent = class TouchEvent extends dom.window.Event {};
const simulate = require("miniprogram-simulate");
// The web page's own defaults and query builder (www/state.js, www/query.js, as the build ships them).
const web = existsSync("build/www/query.js") ? Object.assign({}, await import(resolve("build/www/query.js")), await import(resolve("build/www/state.js"))) : null;

// Node's own HTTP parser (undici's llhttp, a wasm it compiles as jsdom starts) needs
// WebAssembly a moment longer: the globals go once it is ready.
await new Promise((r) => setTimeout(r, 500));
const Wasm = globalThis.WebAssembly;
const loads = [];
globalThis.WXWebAssembly = wxWebAssembly(ROOT, Wasm, loads);
for (const k of ["WebAssembly", "TextDecoder", "TextEncoder"]) delete globalThis[k];
check(["WebAssembly", "TextDecoder", "TextEncoder"].every((k) => typeof globalThis[k] === "undefined"), "no WebAssembly, TextDecoder or TextEncoder globals");

// What the component asks of wx: nothing (no network, no storage).
const asked = [];
const wxReal = globalThis.wx;
globalThis.wx = new Proxy(wxReal || {}, { get(target, k) { asked.push(String(k)); return target[k]; } });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(fn, what, ms = 5000) {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) { check(false, `timed out: ${what}`); return false; }
    await sleep(5);
  }
  return true;
}

const id = simulate.load(join(COMPONENT, "index"), "ltci-calculator");
const text = (comp, sel) => { const n = comp.querySelector(sel); return n ? n.dom.textContent.trim() : null; };
const texts = (comp, sel) => comp.querySelectorAll(sel).map((n) => n.dom.textContent.trim());
async function mount(props) {
  const comp = simulate.render(id, props);
  const events = { estimate: [], plan: [], error: [] };
  for (const k of Object.keys(events)) comp.addEventListener(k, (e) => events[k].push(e.detail));
  comp.attach(document.body);
  await until(() => comp.instance.data.ready || comp.instance.data.failed, "the component loads");
  await sleep(0);
  return { comp, events };
}
/** A picker's change, as the person makes it, through the component's own event. */
async function pick(comp, sel, value) {
  const n = comp.querySelector(sel);
  if (!n) return check(false, `no ${sel}`);
  n.dispatchEvent("change", { detail: { value } });
  await sleep(1);
}
async function type(comp, sel, value) {
  const n = comp.querySelector(sel);
  if (!n) return check(false, `no ${sel}`);
  n.dispatchEvent("input", { detail: { value } });
  await sleep(1);
}
const indexOf = (comp, key, id) => comp.instance.data.form[key].ids.indexOf(id);
const shown = (comp) => `${text(comp, ".fund-amount")} / ${text(comp, ".self-amount")}${text(comp, ".error-text") ? " error: " + text(comp, ".error-text") : ""}`;

// ---- Rendered with properties --------------------------------------------------
const a = await mount({ city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe" });
check(text(a.comp, ".fund-amount") === "1050.00" && text(a.comp, ".self-amount") === "450.00", `晋城 home_visit 2024-02: ${shown(a.comp)} (want 1050.00 / 450.00)`);
check(text(a.comp, ".line-cite") === "依据：晋市政发〔2020〕14号 四(七)2" && /月定额1500元/.test(text(a.comp, ".basis")), `each line with its basis and clause: ${text(a.comp, ".basis")} ${text(a.comp, ".line-cite")}`);
check(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(text(a.comp, ".reference")) && text(a.comp, ".status") === "现行有效" && /晋市政发〔2020〕14号/.test(text(a.comp, ".doc")),
  `the case reference ${text(a.comp, ".reference")}, the document and its status: ${text(a.comp, ".status")}`);
check(texts(a.comp, ".note").length > 0 && texts(a.comp, ".step-text").length > 0, `notes (${texts(a.comp, ".note").length}) and next steps (${texts(a.comp, ".step-text").length}) from the catalog`);
check(a.events.estimate.length === 1 && a.events.estimate[0].totals.fund === "1050.00" && a.events.estimate[0].reference === text(a.comp, ".reference"),
  `the estimate event: ${a.events.estimate.length} with fund ${a.events.estimate[0] && a.events.estimate[0].totals.fund}`);
check(text(a.comp, ".plan-fund") === "12600.00" && text(a.comp, ".plan-self") === "5400.00" && a.comp.querySelector(".plan-from").dom.getAttribute("data-from") === "2024-02",
  `the next 12 months: ${text(a.comp, ".plan-fund")} / ${text(a.comp, ".plan-self")} from ${text(a.comp, ".plan-from")}`);
check(a.events.plan.length === 1 && a.events.plan[0].totals.fund === "12600.00" && a.events.plan[0].months.length === 12, "the plan event: the months shown");
check(texts(a.comp, ".compare-row").length === 4 && texts(a.comp, ".compare-fund").length >= 2, `all ${texts(a.comp, ".compare-row").length} care modes of 晋城 compared`);
check(loads.length === 1 && loads[0] === "/ltci/ltci_bg.wasm.br", `the wasm loaded once, from the package: ${loads.join(", ")}`);

const c = await mount({ city: "changzhou", careMode: "elderly_institution", month: "2022-03", insurance: "employee", grade: "moderate", inputs: { dailyCharge: "45" } });
check(text(c.comp, ".fund-amount") === "930.00" && text(c.comp, ".self-amount") === "465.00", `常州 moderate elderly_institution 2022-03, 45 a day: ${shown(c.comp)} (want 930.00 / 465.00)`);
c.comp.detach();

const c2 = await mount({ city: "changzhou", careMode: "elderly_institution", month: "2022-03", insurance: "employee", grade: "moderate" });
check(text(c2.comp, ".fund-amount") === "930.00" && text(c2.comp, ".self-amount") === "未知", `常州 moderate elderly_institution 2022-03, no charge: ${shown(c2.comp)} (930.00, self-pay unknown)`);
await type(c2.comp, ".mode-inputs .input", "４５元/日");
check(text(c2.comp, ".self-amount") === "465.00" && c2.events.estimate.at(-1).totals.selfPay === "465.00", `typed "４５元/日" is 45 a day: ${shown(c2.comp)}; estimate event ${c2.events.estimate.at(-1).totals.selfPay}`);
c2.comp.detach();

// ---- Pickers and inputs through the component's own events --------------------------------
await pick(a.comp, ".pick-careMode", indexOf(a.comp, "careMode", "home_self"));
check(a.comp.instance.data.form.careMode.ids[a.comp.instance.data.form.careMode.index] === "home_self" && a.events.estimate.at(-1).careMode === "home_self",
  `the care-mode picker: ${shown(a.comp)}, estimate event for ${a.events.estimate.at(-1).careMode}`);
await pick(a.comp, ".pick-careMode", indexOf(a.comp, "careMode", "home_visit"));
await type(a.comp, ".field-careDays .input", "１０天");
check(text(a.comp, ".fund-amount") === "350.00" && text(a.comp, ".self-amount") === "150.00" && a.events.estimate.at(-1).careDays === 10,
  `care days "１０天" are 10 days: ${shown(a.comp)} (want 350.00 / 150.00)`);
const before = a.events.estimate.length;
for (const bad of ["0x1d", ".5e1", "3 4", "-3"]) {
  await type(a.comp, ".field-careDays .input", bad);
  check(text(a.comp, ".fund-amount") === null && /护理天数：.*请用数字填写整数天数/.test(text(a.comp, ".error-text")) && /请用数字填写整数天数/.test(text(a.comp, ".field-careDays .err")) &&
    a.events.error.at(-1).code === "invalid_value" && a.events.error.at(-1).field === "careDays",
  `care days ${JSON.stringify(bad)}: the coded error, no figure: ${text(a.comp, ".error-text")}`);
}
check(a.events.estimate.length === before && a.comp.querySelector(".plan") === undefined, "no estimate event, no months ahead while the number is refused");
await type(a.comp, ".field-careDays .input", " ");
check(text(a.comp, ".fund-amount") === "1050.00" && a.events.estimate.at(-1).careDays === 29, `care days " " are not given, not 0: ${shown(a.comp)}`);
await type(a.comp, ".field-careDays .input", "30");
check(text(a.comp, ".fund-amount") === null && a.events.error.at(-1).code === "invalid_value" && /29/.test(a.events.error.at(-1).messageEn), `30 days in February 2024: the API's coded error ${a.events.error.at(-1).code}: ${a.events.error.at(-1).messageEn}`);
await type(a.comp, ".field-careDays .input", "");
await pick(a.comp, ".pick-month", "2024-03");
check(a.events.estimate.at(-1).month === "2024-03", `the month picker: ${a.events.estimate.at(-1).month}`);
await pick(a.comp, ".pick-insurance", indexOf(a.comp, "insurance", "resident"));
await pick(a.comp, ".pick-careMode", indexOf(a.comp, "careMode", "institution"));
check(/不符合享受条件/.test(text(a.comp, ".not-eligible")) && texts(a.comp, ".reason").length === 1 && a.comp.querySelector(".reason").dom.getAttribute("data-code") === "insurance_not_covered",
  `晋城 resident institution 2024-03: not eligible, the reason with its clause: ${texts(a.comp, ".reason").join(" | ")}`);

// Language and large text.
await pick(a.comp, ".pick-insurance", indexOf(a.comp, "insurance", "employee"));
await pick(a.comp, ".pick-careMode", indexOf(a.comp, "careMode", "home_visit"));
a.comp.querySelector(".lang-button").dispatchEvent("tap");
await sleep(1);
check(text(a.comp, ".line-label") === "Home-visit quota" && /monthly quota 1500 yuan/.test(text(a.comp, ".basis")) && text(a.comp, ".lang-button") === "中文", `English: ${text(a.comp, ".line-label")}`);
a.comp.querySelector(".lang-button").dispatchEvent("tap");
a.comp.querySelector(".big-button").dispatchEvent("tap");
await sleep(1);
check(a.comp.instance.data.big === true && /(^|\s|-)big(\s|$)/.test(a.comp.querySelector(".ltci").dom.className) && text(a.comp, ".line-label") === "居家上门护理定额", "大字: the large-text mode, back in Chinese");
const wxss = readFileSync(join(COMPONENT, "index.wxss"), "utf8");
check(/\.ltci \{[^}]*font-size: 18px/.test(wxss) && /\.ltci\.big \{ font-size: 23\.4px/.test(wxss) && /\.tool \{[^}]*min-height: 2\.75em/.test(wxss) && /\.control \{[^}]*min-height: 2\.75em/.test(wxss),
  "适老化 sizes as the web page: text 18px, large text 23.4px (× 1.3), controls and buttons at least 2.75em");

// Eligibility details (享受条件), a boolean among them.
a.comp.querySelector(".details-button").dispatchEvent("tap");
await sleep(1);
const sw = a.comp.querySelector(".field-workInjuryCareAllowance .switch");
check(!!sw, "the 享受条件 inputs open, with the booleans as switches");
if (sw) {
  sw.dispatchEvent("change", { detail: { value: true } });
  await sleep(1);
  check(a.events.estimate.at(-1).reasons.some((r) => r.code === "work_injury_allowance") && /不符合享受条件/.test(text(a.comp, ".not-eligible")),
    `a work-injury care allowance: not eligible (${a.events.estimate.at(-1).reasons.map((r) => r.code)})`);
  sw.dispatchEvent("change", { detail: { value: false } });
  await sleep(1);
}
await type(a.comp, ".field-contributionYears .part-continuous .input", "1年");
await type(a.comp, ".field-contributionYears .part-cumulative .input", "１０");
check(a.events.estimate.at(-1).reasons.some((r) => r.code === "contribution_years_short"), `contribution years "1年": ${a.events.estimate.at(-1).reasons.map((r) => r.code)}`);
await type(a.comp, ".field-contributionYears .part-continuous .input", "1e1");
check(/请用数字填写整数年数/.test(text(a.comp, ".field-contributionYears .err") || ""), `"1e1" years refused at its field: ${text(a.comp, ".field-contributionYears .err")}`);
await type(a.comp, ".field-contributionYears .part-continuous .input", "");
await type(a.comp, ".field-contributionYears .part-cumulative .input", "");

// The months ahead: a person not yet eligible; what would change.
await pick(a.comp, ".pick-city", indexOf(a.comp, "city", "lianyungang"));
await pick(a.comp, ".pick-month", "2026-10");
await pick(a.comp, ".pick-insurance", indexOf(a.comp, "insurance", "resident"));
await pick(a.comp, ".pick-careMode", indexOf(a.comp, "careMode", "elderly_institution"));
check(a.comp.querySelector(".plan-from").dom.getAttribute("data-from") === "2026-12" && texts(a.comp, ".change").length > 0 && texts(a.comp, ".month-row").length === 12,
  `连云港 from 2026-10: first eligible 2026-12, what would change (${texts(a.comp, ".change").length}), 12 months`);
await type(a.comp, ".months-input", "3个月");
check(texts(a.comp, ".month-row").length === 3 && a.events.plan.at(-1).months.length === 3, `months "3个月": ${texts(a.comp, ".month-row").length} months`);
await type(a.comp, ".months-input", "0x3");
check(/请用数字填写整数月数/.test(text(a.comp, ".field-months .err") || ""), `months "0x3" refused: ${text(a.comp, ".field-months .err")}`);
await type(a.comp, ".months-input", "");
// A tap on a care mode in the comparison chooses it.
await pick(a.comp, ".pick-month", "2027-01");
const other = a.comp.querySelector(".compare .mode-medical_institution");
if (other) { other.dispatchEvent("tap"); await sleep(1); }
check(a.events.estimate.at(-1).careMode === "medical_institution", `a tap in the comparison picks its care mode: ${a.events.estimate.at(-1).careMode}`);

// ---- Properties changed by the host: re-rendered, the person's common inputs kept ------------
const host = await mount({ city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe" });
await pick(host.comp, ".pick-grade", indexOf(host.comp, "grade", "moderate"));
await type(host.comp, ".field-careDays .input", "10");
host.comp.setData({ city: "rizhao", careMode: "institution" });
await sleep(1);
let e = host.events.estimate.at(-1);
check(e.city === "rizhao" && e.careMode === "institution" && e.month === "2024-02" && host.comp.instance.s.v.grade === "moderate" && e.careDays === 29,
  `city and careMode properties: ${e.city} ${e.careMode}, the person's grade (moderate) and month kept, the care days dropped (${e.careDays})`);
host.comp.setData({ lang: "en" });
await sleep(1);
check(text(host.comp, ".result .h2") === "Estimate" && host.events.estimate.at(-1) === e, `lang property: English (${text(host.comp, ".result .h2")}), the same answer (no new estimate event)`);
host.comp.setData({ month: "2021-06", insurance: "resident" });
await sleep(1);
e = host.events.estimate.at(-1);
check(e.month === "2021-06" && e.totals.fund === "1530.00" && e.totals.selfPay === "720.00", `month and insurance properties: 日照 moderate institution 2021-06 → ${e.totals.fund} / ${e.totals.selfPay}`);
check(!!host.comp.querySelector(".plan") && !!host.comp.querySelector(".compare"), "not compact: the months ahead and the comparison");
host.comp.setData({ compact: true });
await sleep(1);
check(!host.comp.querySelector(".plan") && !host.comp.querySelector(".compare") && text(host.comp, ".fund-amount") === "1530.00", "compact: the benefits only");
host.comp.setData({ compact: false });
await sleep(1);
host.comp.setData({ careMode: "medical_special" });
await sleep(1);
check(host.events.error.at(-1).field === "hospitalLevel" && text(host.comp, ".fund-amount") === null, `日照 medical_special without a hospital level: ${host.events.error.at(-1).code} ${host.events.error.at(-1).field}`);
host.comp.setData({ inputs: { hospitalLevel: "3" } });
await sleep(1);
check(host.events.estimate.at(-1).lines[0].fund === "3600.00", `a preset mode input (hospitalLevel 3): ${host.events.estimate.at(-1).lines[0].fund}`);
await pick(host.comp, ".mode-inputs .pick", 2);
check(host.events.estimate.at(-1).lines[0].fund === "2400.00" || host.events.estimate.at(-1).lines[0].fund !== "3600.00", `the hospital-level picker: ${host.events.estimate.at(-1).lines[0].fund}`);

// ---- Issue 24: an answer a person can act on, as the web page gives it -------------------------------
// (1) The questions that decide eligibility asked in the open, in the city's words; the rest collapsed.
const w = await mount({ city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe" });
const wcat = w.comp.instance.cat, wcity = wcat.cities.find((x) => x.id === "jincheng");
const calcMod = require(join(COMPONENT, "calc.js"));
const ltciApi = require(join(ROOT, "ltci/index.js"));
const askedKeys = wcity.queryInputs.filter((k) => calcMod.ASKED.includes(k));
const ownText = (wcity.inputTexts || []).find((x) => x.key === "disabilityMonths");
check(askedKeys.length > 0 && askedKeys.every((k) => !!w.comp.querySelector(`.asked .field-${k}`)) && text(w.comp, ".asked .legend") === "享受条件",
  `享受条件 asked in the open where the city reads them: ${askedKeys.join(", ")}`);
check(!!ownText && text(w.comp, ".asked .field-disabilityMonths .label").startsWith(ownText.label.zh) && text(w.comp, ".asked .field-disabilityMonths .help").startsWith(ownText.help.zh),
  `in the city's own words (catalog inputTexts): ${text(w.comp, ".asked .field-disabilityMonths .label")} — ${text(w.comp, ".asked .field-disabilityMonths .help")}`);
check(!w.comp.instance.data.open && !w.comp.querySelector(".details .field-contributionYears") && !w.comp.querySelector(".details .field-disabilityMonths") &&
  /其他情况（可不填）/.test(text(w.comp, ".details-button")), `the other eligibility inputs stay in a collapsed, optional section: ${text(w.comp, ".details-button")}`);
const everyCity = wcat.cities.map((city) => {
  const f = calcMod.render(wcat, { v: Object.assign(calcMod.blank(), { city: city.id }), lang: "zh", compact: true, open: false }, ltciApi).view.form;
  const want = city.queryInputs.filter((k) => calcMod.ASKED.includes(k));
  const words = (k) => { const x = (city.inputTexts || []).find((t) => t.key === k); return x && x.label ? x.label.zh : wcat.queryInputs.find((i) => i.key === k).label.zh; };
  const ok = JSON.stringify(f.asked.map((x) => x.key)) === JSON.stringify(want) && f.asked.every((x) => x.label.startsWith(words(x.key))) &&
    !f.details.some((x) => calcMod.ASKED.includes(x.key));
  return { id: city.id, ok, asked: f.asked.map((x) => x.label).join("、") || "—" };
});
check(everyCity.every((x) => x.ok) && everyCity.some((x) => x.asked.includes("残疾")), `every city asks what it reads of them, in its words: ${everyCity.map((x) => `${x.id}: ${x.asked}`).join("; ")}`);
// (2) The headline: one whole sentence, the page's own.
check(text(w.comp, ".headline") === "2024年2月可以享受；该月基金支付1050元，个人自付450元。", `the headline: ${text(w.comp, ".headline")}`);
// Whenever a default decided the answer, the result says so at its top.
const assumedCodes = (w.comp.instance.data.result.assumed || []).map((x) => x.code);
const noteCodes = w.events.estimate.at(-1).notes.map((n) => n.code).filter((c) => c.startsWith("assumed_"));
const domOf = (sel) => { const n = w.comp.querySelector(sel); return n ? n.dom : null; };
const before2 = (x, y) => !!(domOf(x) && domOf(y) && (domOf(x).compareDocumentPosition(domOf(y)) & 4));
const order = ["headline", "assumed", "summary-line", "figs"].map((c) => "." + c);
check(noteCodes.includes("assumed_disability_months") && JSON.stringify(assumedCodes) === JSON.stringify(noteCodes) &&
  texts(w.comp, ".assumed-item").length === noteCodes.length && order.every((x, i) => i === 0 || before2(order[i - 1], x)),
  `the defaults that decided the answer, said at the top (${order.join(" > ")}): ${texts(w.comp, ".assumed-text").join(" | ")}`);
// The waiting case: disabled 4 months in February 2024; the month is the command line's.
const waitQ = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02", disabilityMonths: 4, months: 12 };
const waitPlan = existsSync("target/release/ltci") ? JSON.parse(spawnSync("target/release/ltci", ["plan"], { input: JSON.stringify(waitQ) }).stdout.toString()) : null;
const firstOk = waitPlan && waitPlan.months.find((m) => m.eligible);
await type(w.comp, ".asked .field-disabilityMonths .input", "4");
const want = "2024年2月还不能享受（失能时间不足）。2024年4月起可以享受；该月基金支付1050元，个人自付450元。";
check(firstOk && firstOk.month === "2024-04" && firstOk.totals.fund === "1050.00" && firstOk.totals.selfPay === "450.00" && text(w.comp, ".headline") === want,
  `disabled 4 months (command line: first eligible ${firstOk && firstOk.month}): ${text(w.comp, ".headline")}`);
check(!w.comp.instance.data.result.assumed.some((x) => x.code === "assumed_disability_months"), "once given, the months disabled are no longer said to be assumed");
// The very sentence the web page makes (build/www/result.js headline) for the same answer, in both languages.
const webResult = existsSync("build/www/result.js") ? await import(resolve("build/www/result.js")) : null;
const webHeadline = (comp, L) => webResult.headline(ltciApi.estimate(calcMod.estimateQuery(wcat, comp.instance.s.v)),
  () => ({ result: ltciApi.plan(calcMod.planQuery(wcat, comp.instance.s.v)) }), L);
const sameAsPage = async (comp, what) => {
  const zhSame = text(comp, ".headline") === webHeadline(comp, "zh");
  comp.querySelector(".lang-button").dispatchEvent("tap");
  await sleep(1);
  const enText = text(comp, ".headline"), enSame = enText === webHeadline(comp, "en");
  comp.querySelector(".lang-button").dispatchEvent("tap");
  await sleep(1);
  check(!!webResult && zhSame && enSame, `${what}: the web page's own headline, in Chinese and English (${enText})`);
};
await sameAsPage(w.comp, "waiting 2 months");
await type(w.comp, ".asked .field-disabilityMonths .input", "");
// An assumption's "fill in" opens the details its input is in.
const yearsNote = w.comp.instance.data.result.assumed.find((x) => x.code === "assumed_contribution_years_met");
if (yearsNote) {
  const btn = w.comp.querySelectorAll(".fill-in")[w.comp.instance.data.result.assumed.indexOf(yearsNote)];
  btn.dispatchEvent("tap");
  await sleep(1);
  check(w.comp.instance.data.open && !!w.comp.querySelector(".details .field-contributionYears"), "填写 beside the assumed contribution years opens the details with that input");
  w.comp.querySelector(".details-button").dispatchEvent("tap");
  await sleep(1);
}
w.comp.detach();
// A draft says so in the headline; its status once at the top.
const dr = await mount({ city: "lianyungang", careMode: "elderly_institution", month: "2026-10", insurance: "resident" });
check(/^按征求意见稿：2026年10月还不能享受（.+）。2026年12月起可以享受；该月基金支付\d+元，个人自付.+。$/.test(text(dr.comp, ".headline") || "") &&
  /^依据的是征求意见稿，尚未正式施行（拟自2026-12-01实施）。$/.test(text(dr.comp, ".status-head") || "") && texts(dr.comp, ".status-head").length === 1,
  `a draft: ${text(dr.comp, ".headline")} | ${text(dr.comp, ".status-head")}`);
await sameAsPage(dr.comp, "a draft");
dr.comp.detach();
// Expired rules said once at the top.
const ex = await mount({ city: "rizhao", careMode: "institution", month: "2023-06", insurance: "resident", grade: "severe" });
check(texts(ex.comp, ".status-head").length === 1 && /^依据的文件已于2022-12-31到期，之后的规定不在本计算器的资料中/.test(text(ex.comp, ".status-head")) && !/征求意见稿/.test(text(ex.comp, ".headline")),
  `expired rules, once at the top: ${text(ex.comp, ".status-head")}`);
await sameAsPage(ex.comp, "expired rules");
ex.comp.detach();
// (3) Errors never show field codes; a required input not yet given is asked for.
const fieldCode = /\b[a-z]+[A-Z]\w*\b/;
const er = await mount({ city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe" });
await type(er.comp, ".field-careDays .input", "30");
const all = () => [text(er.comp, ".error-text"), ...texts(er.comp, ".err")].filter(Boolean).join(" | ");
check(er.events.error.at(-1).field === "careDays" && /护理天数/.test(all()) && !fieldCode.test(all()), `30 care days, in the label's words, no field code: ${all()}`);
er.comp.setData({ city: "rizhao", careMode: "medical_special", insurance: "resident" });
await sleep(1);
check(er.events.error.at(-1).code === "missing_field" && text(er.comp, ".ask-text") === `请填写“${er.comp.instance.data.form.inputs.find((x) => x.key === "hospitalLevel").label.replace(/[（(].*$/, "")}”，即可看到估算。` &&
  !er.comp.querySelector(".error-text") && texts(er.comp, ".err").length === 0 && !fieldCode.test(text(er.comp, ".ask-text")),
  `a required input not yet given is asked for, not an error: ${text(er.comp, ".ask-text")}`);
er.comp.detach();
// (4) Until the person picks an insurance, one the city's rules cover; the other marked.
const ins = await mount({ city: "jincheng", careMode: "home_visit", month: "2024-02", grade: "severe" });
const insName = () => ins.comp.instance.data.form.insurance.ids[ins.comp.instance.data.form.insurance.index];
const wrongName = ins.comp.instance.data.form.insurance.names[ins.comp.instance.data.form.insurance.ids.indexOf("resident")];
check(insName() === "employee" && wrongName.endsWith("（不在本计算器的资料中）") && ins.events.estimate.at(-1).eligible, `晋城 preselects 职工 (its rules cover it); the other: ${wrongName}`);
await pick(ins.comp, ".pick-city", indexOf(ins.comp, "city", "rizhao"));
await pick(ins.comp, ".pick-careMode", indexOf(ins.comp, "careMode", "institution"));
check(insName() === "resident" && ins.events.estimate.at(-1).city === "rizhao" && ins.events.estimate.at(-1).eligible, `日照, no insurance picked yet: ${insName()} preselected (${JSON.stringify(ins.comp.instance.data.problem)})`);
await pick(ins.comp, ".pick-insurance", indexOf(ins.comp, "insurance", "employee"));
await pick(ins.comp, ".pick-city", indexOf(ins.comp, "city", "jincheng"));
await pick(ins.comp, ".pick-city", indexOf(ins.comp, "city", "rizhao"));
check(insName() === "employee", `once the person picks an insurance, it stays: ${insName()}`);
check(/^2024年2月不能享受：.+未来12个月内都不能享受。$/.test(text(ins.comp, ".headline")), `not covered, waiting does not help: ${text(ins.comp, ".headline")}`);
await sameAsPage(ins.comp, "not covered");
ins.comp.detach();
// (5) 下一步 from the catalog, with citations; readings marked 本计算器的理解, as the page shows them.
const nx = await mount({ city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe" });
const steps = wcity.nextSteps || [];
const shownSteps = nx.comp.querySelectorAll(".next .step").map((n) => n.dom.textContent.replace(/\s+/g, ""));
check(steps.length > 0 && shownSteps.length === steps.length && steps.every((x, i) => shownSteps[i].includes(x.text.zh) && (!x.citation || shownSteps[i].includes(("依据：" + x.citation).replace(/\s+/g, "")))) &&
  steps.every((x, i) => !x.reading || shownSteps[i].includes("本计算器的理解")) && text(nx.comp, ".next .h3") === "下一步" &&
  text(nx.comp, ".next-out") === "本估算不包括：评估结论、医疗费用、伙食住宿等长期护理保险不支付的费用。" && text(nx.comp, ".next-office") === "能否享受、享受多少，以医保经办机构的评估和核定为准。",
  `下一步: ${steps.length} steps with their clauses, the readings marked, what it leaves out, the office decides`);
const reading = wcat.cities.flatMap((x) => x.nextSteps || []).find((x) => x.reading && !x.text.zh.includes("本计算器的理解"));
if (reading) {
  const rc = wcat.cities.find((x) => (x.nextSteps || []).includes(reading));
  const r2 = await mount({ city: rc.id });
  check(texts(r2.comp, ".step-reading").includes("（本计算器的理解）"), `a reading whose words do not say so is marked （本计算器的理解） (${rc.id})`);
  r2.comp.detach();
}
nx.comp.detach();

// ---- Two instances on one page share one wasm load ------------------------------------------------
const pageId = simulate.load({ template: `<ltci-calculator class="one" city="jincheng" care-mode="home_visit" month="2024-02" insurance="employee" grade="severe" />
  <ltci-calculator class="two" city="changzhou" care-mode="elderly_institution" month="2022-03" insurance="employee" grade="moderate" />`,
usingComponents: { "ltci-calculator": id } });
const page = simulate.render(pageId);
page.attach(document.body);
const one = page.querySelector(".one"), two = page.querySelector(".two");
await until(() => one.instance.data.ready && two.instance.data.ready, "two instances ready");
check(text(one, ".fund-amount") === "1050.00" && text(two, ".fund-amount") === "930.00", `two instances on one page: ${text(one, ".fund-amount")} and ${text(two, ".fund-amount")}`);
check(loads.length === 1, `one wasm load for every instance (${loads.length})`);
await type(one, ".field-careDays .input", "10");
check(text(one, ".fund-amount") === "350.00" && text(two, ".fund-amount") === "930.00", "each instance keeps its own state");

// ---- The sample mini-program's page: a host of a few lines ---------------------------------
const sample = readFileSync(join(ROOT, "pages/calculator/index.js"), "utf8");
const sampleJson = JSON.parse(readFileSync(join(ROOT, "pages/calculator/index.json"), "utf8"));
check(sampleJson.usingComponents["ltci-calculator"] === "/components/ltci-calculator/index" && !/ltci\/index\.js|estimate\(/.test(sample) && sample.split("\n").length < 30,
  "the sample page hosts the component, with no form or result logic of its own");
let pageDef;
globalThis.Page = (def) => { pageDef = def; };
require(join(ROOT, "pages/calculator/index.js"));
const samplePage = simulate.load({ template: readFileSync(join(ROOT, "pages/calculator/index.wxml"), "utf8"), usingComponents: { "ltci-calculator": id },
  data: pageDef.data, methods: { onLoad: pageDef.onLoad } });
const sp = simulate.render(samplePage);
sp.attach(document.body);
sp.instance.onLoad({ city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe" });
const inner = sp.querySelector(".calculator");
await sleep(5);
check(inner && text(inner, ".fund-amount") === "1050.00", `the sample page with ?city=jincheng&careMode=home_visit&month=2024-02: ${inner && text(inner, ".fund-amount")}`);

// ---- Nothing sent, nothing stored ----------------------------------------------------------
// The code without its comments (which say what it does not do).
const sources = ["index.js", "calc.js"].map((f) => readFileSync(join(COMPONENT, f), "utf8")).join("\n").replace(/^\s*\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
check(!/\bwx\.|setStorage|getStorage|request\(|fetch\(|uploadFile|connectSocket/.test(sources) && asked.length === 0, `no network and no storage: the component asks nothing of wx (${asked.join(", ") || "nothing"})`);
check(!/jincheng|changzhou|rizhao|nantong|lianyungang|晋城|常州|日照|南通|连云港/.test(sources), "no city's id or words in the component's code");

// ---- The same answers as the command line for the fixtures ----------------------------------
const cli = "target/release/ltci";
if (existsSync(cli)) {
  const queries = [];
  for (const f of readdirSync("tests/fixtures").filter((f) => f.endsWith(".json") && f !== "contribution.json" && f !== "plan.json")) {
    for (const x of JSON.parse(readFileSync(join("tests/fixtures", f), "utf8")).cases) {
      const q = x.query;
      // A query the form can take: the form sends only what this city and care mode read.
      if (typeof q.city === "string" && typeof q.careMode === "string" && typeof q.insurance === "string" && typeof q.grade === "string") queries.push(q);
    }
  }
  const f = await mount({});
  const calc = require(join(COMPONENT, "calc.js"));
  const cat = f.comp.instance.cat;
  const known = (q) => { const city = cat.cities.find((x) => x.id === q.city);
    return city && city.careModes.some((m) => m.id === q.careMode) && cat.insuranceTypes.some((x) => x.id === q.insurance) && cat.grades.some((x) => x.id === q.grade); };
  // Each query as the form's values (text as typed), and the query the component makes of them.
  const cases = [];
  for (const q of queries.filter(known)) {
    const v = calc.blank();
    for (const [k, x] of Object.entries(q)) {
      if (x && typeof x === "object") { if (x.continuous != null) v[k + ".continuous"] = String(x.continuous); if (x.cumulative != null) v[k + ".cumulative"] = String(x.cumulative); }
      else v[k] = typeof x === "boolean" ? (x ? "true" : "") : String(x);
    }
    try { cases.push({ v, q: calc.estimateQuery(cat, calc.fixEstimate(cat, Object.assign(calc.blank(), v))) }); } catch (err) { /* the reader's own words: not the command's */ }
  }
  // The web page makes the same query of the same values: the same properties give the same answers.
  const webSame = web ? cases.filter((x) => { const v = web.blank(); Object.assign(v, x.v);
    try { return JSON.stringify(web.estimateQuery(cat, web.fixEstimate(cat, v))) === JSON.stringify(x.q); } catch (err) { return false; } }).length : 0;
  check(webSame === cases.length, `${webSame}/${cases.length}: the web page (build/www/query.js) makes the same query of the same values`);
  const native = spawnSync(cli, ["estimate", "--jsonl"], { input: cases.map((x) => JSON.stringify(x.q)).join("\n") + "\n" }).stdout.toString().trimEnd().split("\n");
  let same = 0;
  cases.forEach((x, i) => {
    f.comp.instance.s.v = Object.assign(calc.blank(), x.v);
    f.comp.instance.refresh();
    const nat = JSON.parse(native[i]), mine = f.comp.instance.data;
    const ok = nat.error
      ? mine.problem && mine.problem.code === nat.error.code && !mine.result && f.events.error.at(-1).code === nat.error.code
      : mine.result && JSON.stringify(f.events.estimate.at(-1)) === native[i] && text(f.comp, ".reference") === nat.reference &&
        (nat.eligible ? text(f.comp, ".fund-amount") === nat.totals.fund && text(f.comp, ".self-amount") === (nat.totals.selfPay == null ? "未知" : nat.totals.selfPay)
          : texts(f.comp, ".reason").length === nat.reasons.length);
    if (ok) same++;
    else console.log(`  differs: ${JSON.stringify(x.q)}\n    component: ${JSON.stringify(mine.result || mine.problem).slice(0, 300)}\n    native:    ${native[i].slice(0, 300)}`);
  });
  check(cases.length > 200 && same === cases.length, `${same}/${cases.length} fixture queries a form can make (of ${queries.length}) shown, and sent in the estimate event, as ${cli} answers them byte for byte`);
} else {
  check(false, `${cli} is needed for the comparison`);
}

// ---- The npm package and its size -----------------------------------------------------------
const npm = "build/miniprogram-npm";
if (existsSync(npm)) {
  const pkg = JSON.parse(readFileSync(join(npm, "package.json"), "utf8"));
  const dist = join(npm, pkg.miniprogram || "miniprogram_dist");
  const files = ["index.js", "index.json", "index.wxml", "index.wxss", "calc.js", "ltci/index.js", "ltci/number.js", "ltci/ltci_bg.wasm.br"];
  check(files.every((f) => existsSync(join(dist, f))), `the npm package's ${pkg.miniprogram}/ holds the component and the adapter: ${files.join(", ")}`);
  const code = ["index.js", "calc.js"].map((f) => readFileSync(join(dist, f), "utf8")).join("\n");
  check(!code.includes("../../ltci/") && code.includes("require('./ltci/index.js')"), "in the package the component requires the adapter beside it");
  const size = files.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  check(size < 300 * 1024, `the package is ${size} bytes (the main package may have 2 MB)`);
  // The package's component, with the adapter inside its folder, renders the same figures.
  const distId = simulate.load(resolve(dist, "index"), "ltci-calculator-npm");
  const d = simulate.render(distId, { city: "jincheng", careMode: "home_visit", month: "2024-02", insurance: "employee", grade: "severe" });
  d.attach(document.body);
  await until(() => d.instance.data.ready || d.instance.data.failed, "the package's component loads");
  check(text(d, ".fund-amount") === "1050.00" && text(d, ".self-amount") === "450.00", `the package's component: 晋城 home_visit 2024-02 → ${text(d, ".fund-amount")} / ${text(d, ".self-amount")}`);
} else {
  check(false, `${npm} is made by scripts/build`);
}

console.log(failures ? `\n${failures} check(s) failed` : "\nmini-program component: all checks passed");
process.exit(failures ? 1 : 0);
