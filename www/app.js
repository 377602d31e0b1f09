//# allFunctionsCalledOnLoad
// (V8 compile hint, Chrome 136+: most of this file runs while the page loads, so
// its functions are compiled on a background thread as it arrives, not on the
// main thread at first call. It must stay the first line.)
//
// The citizen page of ltci: a form built from catalog(), the estimate explained
// line by line, every care mode compared, the months ahead, and the contributions tab.
// Everything runs here; nothing about the person is sent or stored, nor put in
// the address bar (the browser's history keeps every address).
//
// Reuse (custom element, embed page, agent view): the render* functions take a
// root element (or shadow root) plus the catalog and the API's answer, and find
// their parts by data-* attributes, never by global ids. mount() wires one
// whole calculator into a root; main() at the bottom is only this page's glue.
import init, { catalog, estimate, contribution, plan } from "./pkg/ltci.js";

/** The few fixed strings; every other text comes from the catalog or the API. */
export const UI = {
  zh: {
    title: "长期护理保险待遇计算器",
    privacy: "全部在本机计算：不发送、不保存任何信息；地址栏也不记录所填内容，要分享请点“复制链接”。",
    disclaimer: "结果仅供参考，以医保经办机构核定为准。",
    otherLang: "English", bigText: "大字", tabs: "计算内容", tabE: "待遇估算", tabC: "缴费",
    city: "城市", insurance: "医保类型", grade: "失能等级", careMode: "护理方式", year: "缴费年度",
    levels: "国家标准：", notCovered: "（本市未覆盖）", required: "（必填）", choose: "请选择", none: "不填",
    person: "基本情况", modeInputs: "费用和服务", details: "享受条件（可不填）",
    ifEmpty: "不填时：", atMost: "最多：", monthFormat: "格式如2024-02", continuous: "连续缴费年数", cumulative: "累计缴费年数",
    result: "估算结果", fund: "基金支付", selfPay: "个人自付", cost: "费用", yuan: "元", perYear: "元/年",
    unknown: "未知", enterCharge: "请填写机构收费", totalCost: "总费用",
    notEligible: "不符合享受条件", reasons: "原因", lines: "怎么算的", notes: "说明", source: "依据：",
    allowance: "补贴", days: (n) => `护理${n}天`,
    from: (a) => `${a}起施行`, period: (a, b) => `有效期${a}至${b}`,
    status: { in_force: "现行有效", expired: "已过有效期，后续规定不在资料中", draft: "征求意见稿",
      article: "来自概述文章", not_in_force: "尚未实施", stated: "文件规定的标准",
      carried_forward: "沿用资料中最后的标准" },
    compare: "各护理方式比较", compareHelp: "同一个人、同一月份；其他护理方式按默认费用计算。",
    current: "（当前）", pick: (m) => `改选${m}`, inel: "不符合条件", seeResult: "看明细",
    fix: "请修正标出的输入：", failed: "无法加载计算器，请刷新页面。", outdated: "计算规则已更新，请刷新。", reload: "刷新",
    copy: "复制链接", copied: "链接已复制", copyFailed: "无法自动复制，请手动复制此链接：", print: "打印", link: "本结果的链接：",
    cResult: "每年缴费", individual: "个人", employer: "单位", government: "政府", medicalFund: "医保基金",
    total: "合计", payer: "缴费方", amount: "金额（元/年）",
    live: (f, s) => `基金支付${f}元，个人自付${s == null ? "未知" : s + "元"}。`,
    liveC: (t) => `每年缴费合计${t}元。`,
    ref: "案例编号：", refHelp: (v) => `相同的输入在同一规则版本（${v}）下得到相同的编号；来电咨询时报此编号即可复现本结果。`,
    rules: "规则与参数", reviewed: "规则核对日期",
    plan: (n) => `未来${n}个月`, months: "月数（1–36）", monthsHelp: "从估算的月份起；之后各月不计本月的护理天数、服务次数和辅具费用。",
    planFund: "基金支付合计", planSelf: "个人自付合计", planFrom: (m, n) => `${m}起符合享受条件，共${n}个月。`,
    planNever: "这段时间内都不符合享受条件。", when: "何时可以享受", cannot: "无法通过等待改变", since: (m) => `${m}起：`,
    month: "月份", remark: "说明", byMonth: "每月明细（元）",
    why: { insurance_not_covered: "医保类型不在保障范围", grade_not_covered: "失能等级不在保障范围", disability_too_short: "失能时间不足",
      work_injury_allowance: "领取工伤护理费", benefits_locked: "待遇封锁期", contribution_years_short: "缴费年限不足",
      contribution_interrupted: "缴费中断", waiting_period: "等待期", not_in_force: "尚未实施", before_benefit_start: "未到待遇起始月",
      disability_subsidy_higher: "残疾人护理补贴更高" },
  },
  en: {
    title: "Long-term care insurance calculator",
    privacy: "Computed on this device: nothing is sent or stored, and the address bar does not keep what you enter; to share, use “Copy link”.",
    disclaimer: "For reference only; the medical insurance agency decides.",
    otherLang: "中文", bigText: "Large text", tabs: "What to calculate", tabE: "Benefits", tabC: "Contributions",
    city: "City", insurance: "Medical insurance", grade: "Disability grade", careMode: "Care mode", year: "Contribution year",
    levels: "National standard: ", notCovered: " (not covered here)", required: " (required)", choose: "Choose…", none: "Not given",
    person: "The person", modeInputs: "Costs and services", details: "Eligibility details (optional)",
    ifEmpty: "If empty: ", atMost: "At most: ", monthFormat: "Write it as 2024-02", continuous: "Continuous years", cumulative: "Cumulative years",
    result: "Estimate", fund: "Fund pays", selfPay: "You pay", cost: "Cost", yuan: "yuan", perYear: "yuan/year",
    unknown: "Unknown", enterCharge: "Enter the provider's charge", totalCost: "Total cost",
    notEligible: "Not eligible", reasons: "Why", lines: "How it is calculated", notes: "Notes", source: "Source: ",
    allowance: "allowance", days: (n) => `${n} care days`,
    from: (a) => `in force from ${a}`, period: (a, b) => `in force ${a} to ${b}`,
    status: { in_force: "In force", expired: "Expired; later rules are not in the sources", draft: "Draft for comment",
      article: "From an overview article", not_in_force: "Not yet in force", stated: "Standard stated in the source",
      carried_forward: "Last stated standard, carried forward" },
    compare: "All care modes compared", compareHelp: "Same person and month; the other modes with their default costs.",
    current: " (selected)", pick: (m) => `Choose ${m}`, inel: "Not eligible", seeResult: "See details",
    fix: "Please correct the marked input: ", failed: "The calculator could not load; please reload the page.",
    outdated: "The calculation rules have been updated; please reload.", reload: "Reload",
    copy: "Copy link", copied: "Link copied", copyFailed: "Could not copy; copy this link by hand: ", print: "Print", link: "Link to this result: ",
    cResult: "Contributions per year", individual: "Individual", employer: "Employer", government: "Government",
    medicalFund: "Medical insurance fund", total: "Total", payer: "Payer", amount: "Amount (yuan/year)",
    live: (f, s) => `Fund pays ${f} yuan, you pay ${s == null ? "unknown" : s + " yuan"}.`,
    liveC: (t) => `Total contributions ${t} yuan a year.`,
    ref: "Case reference: ", refHelp: (v) => `The same inputs give the same reference under the same rules version (${v}); quote it when you call.`,
    rules: "Rules and figures", reviewed: "Checked against the source",
    plan: (n) => (n === 1 ? "The next month" : `The next ${n} months`), months: "Months (1–36)",
    monthsHelp: "From the month estimated; later months leave out this month's care days, visits and device costs.",
    planFund: "Fund pays in all", planSelf: "You pay in all", planFrom: (m, n) => `Eligible from ${m}: ${n} month${n === 1 ? "" : "s"}.`,
    planNever: "Not eligible in any of these months.", when: "When benefits can start", cannot: "Waiting does not change this", since: (m) => `From ${m}: `,
    month: "Month", remark: "Remarks", byMonth: "Month by month (yuan)",
    why: { insurance_not_covered: "insurance not covered", grade_not_covered: "grade not covered", disability_too_short: "disability too recent",
      work_injury_allowance: "work-injury allowance", benefits_locked: "lock period", contribution_years_short: "contribution years short",
      contribution_interrupted: "contributions interrupted", waiting_period: "waiting period", not_in_force: "not yet in force",
      before_benefit_start: "before the first benefit month", disability_subsidy_higher: "disability subsidy higher" },
  },
};

const UNITS = {
  "yuan/month": ["元/月", "yuan/month"], "yuan/day": ["元/日", "yuan/day"], "yuan/hour": ["元/小时", "yuan/hour"],
  "yuan/year": ["元/年", "yuan/year"], days: ["天", "days"], months: ["个月", "months"], years: ["年", "years"],
  hours: ["小时", "hours"], visits: ["次", "visits"], level: ["", ""],
};
const PAYERS = ["individual", "employer", "government", "medicalFund"];
const ZH = "zh-CN";

// ---------- small helpers ----------

const SVG = "http://www.w3.org/2000/svg";
/** Builds an element: h("p", {class: "x", onclick: f}, "text", child…). */
export function h(tag, props, ...kids) {
  const el = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat(9)) if (k != null && k !== false) el.append(k);
  return el;
}
/** Replaces root's children, skipping null and false. */
const fill = (root, ...kids) => root.replaceChildren(...kids.flat(9).filter((k) => k != null && k !== false));
const tx = (text, L) => (text ? text[L] ?? text.zh : "");
const en = (L, zh, enText) => (L === "en" ? enText : zh);
const msg = (m, L) => en(L, m.message, m.messageEn);
const unit = (u, L) => (UNITS[u] ? UNITS[u][L === "en" ? 1 : 0] : u || "");
/** Chinese source text (document numbers, clauses) keeps its language for screen readers. */
const zh = (text, cls) => h("span", { lang: ZH, class: cls }, text);
const cite = (c, L) => h("span", { class: "cite" }, UI[L].source, zh(c));
/** Full-width digits and points from a Chinese keyboard become ASCII; spaces go. */
const norm = (s) => String(s ?? "").replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, ".").trim();
/** A month as people type it ("2024-2", "2024/02", "2024.2", "2024年2月", "202402") becomes
 *  "2024-02"; anything else goes as typed, for the API to name the field. */
const monthText = (s) => {
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})|(\d{2}))\s*月?$/.exec(s);
  return m ? `${m[1]}-${(m[2] || m[3]).padStart(2, "0")}` : s;
};
/** Runs `f` once the next frame is painted (the first task after it). */
const afterPaint = (f) => requestAnimationFrame(() => setTimeout(f));
/** Whole numbers are sent as numbers; anything else as typed, for the API to name the field. */
const int = (s) => (s === "" ? undefined : /^\d{1,9}$/.test(s) ? Number(s) : s);
let uidCount = 0;

/** This month in China ("YYYY-MM"), the API's own default. */
export function chinaMonth(date = new Date()) {
  // China keeps UTC+8 all year. (Intl with a time zone costs tens of ms at first use.)
  const d = new Date(date.getTime() + 8 * 3600e3);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The link to a city's rules and figures in a month (rules.js). */
export const rulesHref = (city, month, L) => `?view=rules&city=${city}${month === chinaMonth() ? "" : "&month=" + month}${L === "en" ? "&lang=en" : ""}`;

// ---------- the catalog ----------

export const cityOf = (cat, id) => cat.cities.find((c) => c.id === id) || cat.cities[0];
export const modeOf = (city, id) => city.careModes.find((m) => m.id === id) || city.careModes[0];
const common = (cat, key) => cat.queryInputs.find((i) => i.key === key);
/** The eligibility inputs a city reads (catalog queryInputs it lists). */
export const detailInputs = (cat, city) =>
  city.queryInputs.filter((k) => k !== "month" && k !== "careDays").map((k) => common(cat, k)).filter(Boolean);
/** Form keys of some inputs; a years input is two keys, "contributionYears.continuous" and ".cumulative". */
const keysOf = (inputs) => inputs.flatMap((i) => (i.type === "years" ? [i.key + ".continuous", i.key + ".cumulative"] : [i.key]));

// ---------- queries: form values (strings as typed) to the API's objects ----------

function put(q, info, v) {
  const k = info.key;
  if (info.type === "years") {
    const a = norm(v[k + ".continuous"]), b = norm(v[k + ".cumulative"]);
    if (a || b) q[k] = { continuous: int(a), cumulative: int(b) };
    return;
  }
  const s = norm(v[k]);
  if (!s) return;
  if (info.type === "boolean") { if (s === "true") q[k] = true; }
  else if (info.type === "month") q[k] = monthText(s);
  else q[k] = info.type === "integer" ? int(s) : s; // money and hours stay the strings typed
}

/** The Query for these values, for `modeId` (default the chosen mode); with `own`
 *  false the mode's own inputs are left to their defaults (the comparison). */
export function estimateQuery(cat, v, modeId = v.careMode, own = true) {
  const city = cityOf(cat, v.city), mode = modeOf(city, modeId);
  const q = { city: city.id, insurance: v.insurance, grade: v.grade, careMode: mode.id };
  put(q, common(cat, "month"), v);
  if (mode.usesCareDays) put(q, common(cat, "careDays"), v);
  for (const i of detailInputs(cat, city)) put(q, i, v);
  if (own) for (const i of mode.inputs) put(q, i, v);
  return q;
}

/** The PlanQuery for these values: the estimate's query and `months` as typed (default 12). */
export function planQuery(cat, v) {
  const months = norm(v.months);
  return months ? { ...estimateQuery(cat, v), months: int(months) } : estimateQuery(cat, v);
}

/** An input applies when the catalog's `when` condition (if any) holds for these values. */
const applies = (i, v) => !i.when || i.when.values.includes(v[i.when.key]);
/** The contribution inputs of a city that apply to these values. */
const contributionInputs = (city, v) => (city.contribution ? city.contribution.inputs.filter((i) => applies(i, v)) : []);

export function contributionQuery(cat, v) {
  const city = cityOf(cat, v.city);
  const q = { city: city.id, year: int(norm(v.year)), insurance: v.insurance };
  for (const i of contributionInputs(city, v)) put(q, i, v);
  return q;
}

/** Calls an API function; returns {result} or {error}. */
export function attempt(fn, q) {
  try { return { result: fn(q) }; } catch (error) { return { error }; }
}

/** One estimate per care mode of the city: the chosen one with its inputs, the others with their defaults. */
export function compareModes(cat, v) {
  return cityOf(cat, v.city).careModes.map((mode) => ({ mode, ...attempt(estimate, estimateQuery(cat, v, mode.id, mode.id === v.careMode)) }));
}

// ---------- state and the URL ----------

/** Defaults filled in; values a city does not read are kept out of the URL. */
export function fixEstimate(cat, v) {
  const city = cityOf(cat, v.city);
  v.city = city.id;
  if (!cat.insuranceTypes.some((i) => i.id === v.insurance)) v.insurance = city.insurance[0];
  if (!cat.grades.some((g) => g.id === v.grade)) v.grade = city.grades[city.grades.length - 1];
  v.careMode = modeOf(city, v.careMode).id;
  if (v.month == null) v.month = chinaMonth();
  return v;
}

export function fixContribution(cat, v, from = {}) {
  const city = cityOf(cat, v.city || from.city), c = city.contribution;
  v.city = city.id;
  const ins = c ? c.insurance : city.insurance;
  if (!ins.includes(v.insurance)) v.insurance = ins.includes(from.insurance) ? from.insurance : ins[0];
  if (v.year == null) {
    const y = Number(chinaMonth().slice(0, 4));
    v.year = String(c ? Math.max(y, c.statedFrom) : y);
  }
  return v;
}

export function estimateKeys(cat, v) {
  const city = cityOf(cat, v.city), mode = modeOf(city, v.careMode);
  return ["city", "insurance", "grade", "careMode", "month", ...(mode.usesCareDays ? ["careDays"] : []),
    ...keysOf(detailInputs(cat, city)), ...keysOf(mode.inputs), "months"];
}
export function contributionKeys(cat, v) {
  return ["city", "year", "insurance", ...keysOf(contributionInputs(cityOf(cat, v.city), v))];
}

/** What the form takes of `v`: the keys it shows (`keys(v)`), a box only as "true",
 *  a choice only as one it offers; the rest goes, so a link copied later has none of it. */
function accepted(inputs, keys, v) {
  for (const i of inputs) {
    const x = v[i.key];
    if (x == null) continue;
    const choice = i.type === "choice" || i.options; // a select, as fieldEl builds it
    if (i.type === "boolean" ? x !== "true" : choice && !(i.options || []).some((o) => o.id === x)) delete v[i.key];
  }
  const shown = keys(v), out = {};
  for (const k of shown) if (v[k] != null) out[k] = v[k];
  return out;
}

const META = ["tab", "lang", "text"];
/** State from a query string: the Query's own keys, plus tab, lang and text=large.
 *  A key given twice counts with its first value, as URLSearchParams.get reads it. */
export function stateFromParams(cat, params) {
  const p = new URLSearchParams(params);
  const v = {};
  for (const [k, x] of p) if (!META.includes(k) && !Object.hasOwn(v, k)) v[k] = x;
  const tab = p.get("tab") === "contribution" ? "contribution" : "estimate";
  const s = { tab, lang: p.get("lang") === "en" ? "en" : "zh", big: p.get("text") === "large",
    e: tab === "estimate" ? v : { city: v.city, insurance: v.insurance }, c: tab === "contribution" ? v : {} };
  fixEstimate(cat, s.e);
  fixContribution(cat, s.c, s.e);
  const city = cityOf(cat, s.e.city), cCity = cityOf(cat, s.c.city);
  s.e = accepted([...detailInputs(cat, city), ...modeOf(city, s.e.careMode).inputs], (x) => estimateKeys(cat, x), s.e);
  s.c = accepted(cCity.contribution ? cCity.contribution.inputs : [], (x) => contributionKeys(cat, x), s.c);
  s.open = keysOf(detailInputs(cat, city)).some((k) => s.e[k]);
  s.cTouched = tab === "contribution";
  return s;
}

export function paramsFromState(cat, s) {
  const p = new URLSearchParams();
  const c = s.tab === "contribution";
  if (c) p.set("tab", "contribution");
  const v = c ? s.c : s.e;
  for (const k of c ? contributionKeys(cat, v) : estimateKeys(cat, v)) if (norm(v[k])) p.set(k, v[k]);
  if (s.lang === "en") p.set("lang", "en");
  if (s.big) p.set("text", "large");
  return p;
}

// ---------- forms ----------

/** One labelled control with its help and its error slot, from a catalog InputInfo. */
export function fieldEl(info, v, c) {
  const L = c.lang, t = UI[L], id = c.idp + info.key.replace(/\W/g, "_");
  const u = unit(info.unit, L);
  const label = tx(info.label, L) + (u && info.type !== "years" ? en(L, `（${u}）`, ` (${u})`) : "") + (info.required ? t.required : "");
  const help = [tx(info.help, L)];
  if (info.default != null) help.push(t.ifEmpty + info.default + (u ? " " + u : ""));
  else if (info.defaultRule) help.push(t.ifEmpty + tx(info.defaultRule, L));
  if (info.maxRule) help.push(t.atMost + tx(info.maxRule, L));
  if (info.type === "month") help.push(t.monthFormat);
  if (c.help) help.push(c.help);
  const stop = (x) => (L === "en" ? (/[.!?]$/.test(x) ? x : x + ".") : /[。！？]$/.test(x) ? x : x + "。");
  const helpEl = h("p", { class: "help", id: id + "-h" }, help.filter(Boolean).map(stop).join(en(L, "", " ")));
  const err = (k) => h("p", { class: "err", id: `${c.idp}${k.replace(/\W/g, "_")}-e`, "data-err": k, hidden: true });
  const desc = (k) => `${id}-h ${c.idp}${k.replace(/\W/g, "_")}-e`;

  if (info.type === "boolean") {
    return h("div", { class: "field check" },
      h("label", { class: "box" }, h("input", { type: "checkbox", id, "data-key": info.key, checked: v[info.key] === "true", "aria-describedby": desc(info.key) }), h("span", {}, label)),
      helpEl, err(info.key));
  }
  if (info.type === "years") {
    const part = (sub, name) => {
      const k = `${info.key}.${sub}`;
      return h("div", { class: "field" },
        h("label", { for: id + sub }, name + (u ? en(L, `（${u}）`, ` (${u})`) : "")),
        h("input", { type: "text", inputmode: "numeric", autocomplete: "off", id: id + sub, "data-key": k, value: v[k] || "", "aria-describedby": desc(k) }),
        err(k));
    };
    return h("fieldset", { class: "field years", "aria-describedby": id + "-h" }, h("legend", {}, label), helpEl,
      h("div", { class: "pair" }, part("continuous", t.continuous), part("cumulative", t.cumulative)));
  }
  let control;
  const base = { id, "data-key": info.key, "aria-describedby": desc(info.key), name: info.key, "aria-required": info.required ? "true" : null };
  if (info.type === "choice" || info.options) {
    control = h("select", base,
      h("option", { value: "" }, info.required ? t.choose : t.none),
      (info.options || []).map((o) => h("option", { value: o.id, selected: v[info.key] === o.id }, tx(o.name, L))));
  } else if (info.type === "month") {
    // Text, not <input type="month">: that control is a plain text box in some
    // browsers anyway, and the first one on a page costs a cheap phone about
    // 30 ms (its date-format data) before the estimate can show.
    control = h("input", { ...base, type: "text", autocomplete: "off", value: v[info.key] || "", placeholder: "YYYY-MM" });
  } else {
    const whole = info.type === "integer";
    control = h("input", { ...base, type: "text", autocomplete: "off", inputmode: whole ? "numeric" : "decimal",
      value: v[info.key] || "", placeholder: info.default ?? "" });
  }
  return h("div", { class: "field" }, h("label", { for: id }, label), control, helpEl, err(info.key));
}

/** A select of catalog choices; `covered` marks the ones the city does not cover. */
function selectField(c, key, label, choices, value, covered, help) {
  const id = c.idp + key;
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    h("select", { id, "data-key": key, name: key, "aria-describedby": help ? `${id}-h ${id}-e` : `${id}-e` },
      choices.map((o) => h("option", { value: o.id, selected: o.id === value },
        tx(o.name, c.lang) + (covered && !covered.includes(o.id) ? UI[c.lang].notCovered : "")))),
    help ? h("p", { class: "help", id: id + "-h" }, help) : null,
    h("p", { class: "err", id: id + "-e", "data-err": key, hidden: true }));
}

/** The estimate form for values `v`, into `root`. Controls carry data-key = the Query key. */
export function renderEstimateForm(root, cat, v, c) {
  const L = c.lang, t = UI[L], city = cityOf(cat, v.city), mode = modeOf(city, v.careMode);
  const names = (list) => list.map((x) => ({ id: x.id, name: x.name }));
  const details = detailInputs(cat, city);
  const careDays = common(cat, "careDays");
  // The city's own grade names where its document has them (日照 半失能, 完全失能).
  const grades = cat.grades.map((g) => ({ ...g, name: (city.gradeNames.find((n) => n.id === g.id) || g).name }));
  fill(root,
    h("fieldset", { class: "group" }, h("legend", {}, t.person),
      selectField(c, "city", t.city, names(cat.cities), city.id),
      selectField(c, "insurance", t.insurance, cat.insuranceTypes, v.insurance, city.insurance),
      selectField(c, "grade", t.grade, grades, v.grade, city.grades,
        t.levels + cat.grades.map((g) => tx(g.levels, L)).join(en(L, "；", "; "))),
      selectField(c, "careMode", t.careMode, names(city.careModes), mode.id, null,
        [tx(mode.help, L), " ", t.source, mode.citation].join("")),
      fieldEl(common(cat, "month"), v, c),
      mode.usesCareDays ? fieldEl(careDays, v, { ...c, help: tx(city.careDaysHelp, L) }) : null),
    mode.inputs.length ? h("fieldset", { class: "group" }, h("legend", {}, t.modeInputs), mode.inputs.map((i) => fieldEl(i, v, c))) : null,
    details.length ? detailsEl(details, v, c) : null);
}

/** The collapsed eligibility details; their controls are built when first opened. */
function detailsEl(inputs, v, c) {
  const el = h("details", { class: "group", open: c.open, "data-part": "details", "data-keys": keysOf(inputs).join(" ") });
  const build = () => { if (el.children.length < 2) el.append(...inputs.map((i) => fieldEl(i, v, c))); };
  el.append(h("summary", { onclick: build }, UI[c.lang].details));
  if (c.open) build();
  return el;
}

export function renderContributionForm(root, cat, v, c) {
  const L = c.lang, t = UI[L], city = cityOf(cat, v.city), ci = city.contribution;
  root.replaceChildren(h("fieldset", { class: "group" }, h("legend", {}, t.tabC),
    selectField(c, "city", t.city, cat.cities.map((x) => ({ id: x.id, name: x.name })), city.id),
    ci ? [
      fieldEl({ key: "year", label: { zh: t.year, en: t.year }, type: "integer", unit: null, help: null }, v, c),
      selectField(c, "insurance", t.insurance, cat.insuranceTypes, v.insurance, ci.insurance),
      contributionInputs(city, v).map((i) => fieldEl(i, v, c)),
    ] : null));
}

/** Marks the field an API error names (or clears all marks); returns true if one was found. */
export function markError(form, error, L) {
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of form.querySelectorAll("[data-err]")) { el.hidden = true; el.textContent = ""; }
  const f = error && error.field;
  if (!f) return false;
  const named = (k) => k === f || k.startsWith(f + ".");
  const details = form.querySelector("[data-part=details]");
  // An error in the unopened eligibility details opens them (which builds their controls).
  if (details && !details.open && details.dataset.keys.split(" ").some(named)) details.querySelector("summary").click();
  const control = [...form.querySelectorAll("[data-key]")].find((el) => named(el.dataset.key));
  if (!control || f === "city") return false;
  const slot = form.querySelector(`[data-err="${control.dataset.key}"]`);
  control.setAttribute("aria-invalid", "true");
  if (slot) { slot.textContent = errorText(error, L); slot.hidden = false; }
  const d = control.closest("details");
  if (d) d.open = true;
  return true;
}

export const errorText = (e, L) => (L === "en" ? e.messageEn || e.message : e.message) || String(e);

// ---------- results ----------

const amountEl = (label, value, key, L) => h("div", { class: "amt" }, h("dt", {}, label),
  h("dd", { "data-amt": key }, value == null ? UI[L].unknown : value));

/** A result's document: status (with the link to its rules and figures), period, day checked. */
function policyEl(p, L, doc, rules) {
  const t = UI[L];
  const when = p.effectiveTo ? t.period(p.effectiveFrom, p.effectiveTo) : t.from(p.effectiveFrom);
  return h("div", { class: "policy" },
    h("p", {}, h("span", { class: `badge s-${p.status}`, "data-out": "status" }, t.status[p.status] || p.status),
      rules ? [" ", h("a", { href: rules, class: "rules", "data-act": "rules" }, t.rules)] : null),
    h("p", {}, t.source, zh(p.document, "doc"), en(L, "", " — "), h("span", { lang: ZH }, `《${p.title}》`), h("span", { class: "when" }, when),
      doc ? h("span", { class: "when" }, `${t.reviewed}${en(L, "：", ": ")}${doc.lastReviewed}`) : null));
}

/** The estimate: big figures, reasons, lines with basis and clause, notes, policy. */
export function renderEstimate(root, est, { cat, lang: L, query = {}, onCharge, rules }) {
  const t = UI[L], city = cityOf(cat, est.city), mode = modeOf(city, est.careMode);
  const name = (list, id) => tx((list.find((x) => x.id === id) || {}).name, L);
  const summary = [tx(city.name, L), name(cat.insuranceTypes, query.insurance), name(cat.grades, query.grade),
    tx(mode.name, L), est.month, mode.usesCareDays ? t.days(est.careDays) : null].filter(Boolean).join(" · ");
  const k = [h("h2", {}, t.result), h("p", { class: "summary", "data-out": "summary" }, summary)];
  if (est.eligible) {
    const sp = est.totals.selfPay;
    k.push(h("div", { class: "figs" },
      h("div", { class: "fig fund" }, h("span", { class: "lbl" }, t.fund), h("strong", { "data-out": "fund" }, est.totals.fund), h("span", { class: "u" }, t.yuan)),
      h("div", { class: "fig self" + (sp == null ? " unknown" : "") }, h("span", { class: "lbl" }, t.selfPay),
        h("strong", { "data-out": "selfPay", "data-unknown": sp == null }, sp == null ? t.unknown : sp),
        sp == null
          ? (onCharge ? h("button", { type: "button", class: "link", onclick: onCharge }, t.enterCharge) : h("span", { class: "u" }, t.enterCharge))
          : h("span", { class: "u" }, t.yuan))));
    if (est.totals.cost != null) k.push(h("p", { class: "total" }, `${t.totalCost} ${est.totals.cost} ${t.yuan}`));
  } else {
    k.push(h("p", { class: "figs inel", "data-out": "ineligible" }, t.notEligible),
      h("h3", {}, t.reasons),
      h("ul", { class: "reasons" }, est.reasons.map((r) => h("li", { "data-code": r.code }, msg(r, L), " ", cite(r.citation, L)))));
  }
  k.push(h("p", { class: "ref" }, t.ref, h("strong", { "data-out": "reference" }, est.reference),
    h("span", { class: "help" }, t.refHelp(cat.rulesVersion))));
  k.push(policyEl(est.policy, L, city.documents.find((d) => d.number === est.policy.document), rules && rulesHref(est.city, est.month, L)));
  if (est.lines.length) {
    k.push(h("h3", {}, t.lines), h("ol", { class: "lines" }, est.lines.map((l) => h("li", { class: "line", "data-id": l.id },
      h("h4", {}, en(L, l.label, l.labelEn), l.kind === "allowance" ? h("span", { class: "tag" }, t.allowance) : null),
      h("dl", { class: "amts" }, amountEl(t.cost, l.cost, "cost", L), amountEl(t.fund, l.fund, "fund", L), amountEl(t.selfPay, l.selfPay, "selfPay", L)),
      h("p", { class: "basis" }, en(L, l.basis, l.basisEn)),
      h("p", {}, cite(l.citation, L))))));
  }
  if (est.notes.length) {
    k.push(h("h3", {}, t.notes), h("ul", { class: "notes" }, est.notes.map((n) => h("li", { "data-code": n.code }, msg(n, L), " ", cite(n.citation, L)))));
  }
  root.replaceChildren(...k);
}

/** An input error or a refusal, in place of a result. */
export function renderProblem(root, error, L, placed) {
  const t = UI[L];
  root.replaceChildren(h("h2", {}, t.result), h("p", { class: "problem", "data-out": "error", "data-code": error.code || "" },
    placed ? t.fix : "", errorText(error, L)));
}

/** Every care mode for the same person: a table and a stacked bar chart (fund, self-pay). */
export function renderComparison(root, rows, { lang: L, current, onPick }) {
  const t = UI[L];
  const ok = rows.filter((r) => r.result && r.result.eligible);
  if (!ok.length) return root.replaceChildren(); // every mode refused: the reasons above say why
  const UNK = 80; // width of an unknown self-pay segment, out of 1000
  const sum = (r) => Number(r.result.totals.fund) + Number(r.result.totals.selfPay || 0);
  const room = ok.some((r) => r.result.totals.selfPay == null) ? 1000 - UNK - 4 : 1000;
  const max = Math.max(1, ...ok.map(sum)) / room;
  const cells = (r) => {
    if (r.error) return h("td", { colspan: 2, class: "muted" }, errorText(r.error, L));
    if (!r.result.eligible) return h("td", { colspan: 2, class: "muted" }, t.inel);
    const sp = r.result.totals.selfPay;
    return [h("td", { "data-amt": "fund" }, r.result.totals.fund), h("td", { "data-amt": "selfPay" }, sp == null ? t.unknown : sp)];
  };
  const bar = (r) => {
    const svg = h("svg:svg", { viewBox: "0 0 1000 20", preserveAspectRatio: "none", class: "bar", focusable: "false" });
    if (r.result && r.result.eligible) {
      const f = Number(r.result.totals.fund) / max, sp = r.result.totals.selfPay;
      svg.append(h("svg:rect", { class: "f", x: 0, y: 0, width: f, height: 20 }));
      if (sp == null) svg.append(h("svg:rect", { class: "u", x: f + 2, y: 1, width: UNK, height: 18, "vector-effect": "non-scaling-stroke" }));
      else svg.append(h("svg:rect", { class: "s", x: f, y: 0, width: Number(sp) / max, height: 20 }));
    }
    return svg;
  };
  const modeName = (r) => tx(r.mode.name, L);
  root.replaceChildren(
    h("h2", {}, t.compare), h("p", { class: "help" }, t.compareHelp),
    h("div", { class: "scroll" }, h("table", { class: "compare" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.careMode), h("th", { scope: "col" }, t.fund), h("th", { scope: "col" }, t.selfPay))),
      h("tbody", {}, rows.map((r) => h("tr", { "data-mode": r.mode.id, class: r.mode.id === current ? "current" : null },
        h("th", { scope: "row" }, r.mode.id === current || !onPick
          ? [modeName(r), r.mode.id === current ? h("span", { class: "sr-only" }, t.current) : null]
          : h("button", { type: "button", class: "link", "aria-label": t.pick(modeName(r)), onclick: () => onPick(r.mode.id) }, modeName(r))),
        cells(r)))))),
    h("figure", { class: "chart", "aria-hidden": "true" },
      h("figcaption", {}, h("span", {}, h("span", { class: "key f" }), t.fund), h("span", {}, h("span", { class: "key s" }), t.selfPay),
        h("span", {}, h("span", { class: "key u" }), `${t.selfPay}${en(L, "", ": ")}${t.unknown}`)),
      rows.map((r) => h("div", { class: "row" + (r.mode.id === current ? " current" : "") }, h("span", { class: "name" }, modeName(r)), bar(r)))));
}

/** The months ahead (docs/plan.md): the totals, when benefits can start (for a person not
 *  eligible this month), a bar chart (fund, self-pay) and the same figures as a table.
 *  The months input is built once, so typing in it keeps its focus. */
export function renderPlan(root, r, { lang: L, idp, months, onMonths }) {
  const t = UI[L];
  if (!root.firstChild) {
    const id = idp + "months";
    root.append(h("h2", { id: idp + "p" }),
      h("div", { class: "field" }, h("label", { for: id }, t.months),
        h("input", { type: "text", inputmode: "numeric", autocomplete: "off", id, "data-key": "months", value: months || "", placeholder: "12",
          "aria-describedby": `${id}-h ${id}-e`, oninput: onMonths }),
        h("p", { class: "help", id: id + "-h" }, t.monthsHelp), h("p", { class: "err", id: id + "-e", "data-err": "months", hidden: true })),
      h("div", { "data-part": "planOut" }));
    root.setAttribute("aria-labelledby", idp + "p");
  }
  const [head, field, out] = root.children, err = field.querySelector(".err"), input = field.querySelector("input");
  const p = r.result;
  head.textContent = t.plan(p ? p.months.length : 12);
  err.hidden = !r.error;
  err.textContent = r.error ? errorText(r.error, L) : "";
  if (r.error) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  if (!p) return out.replaceChildren();
  const sp = p.totals.selfPay, first = p.months[0];
  const why = (m) => m.reasons.map((c) => t.why[c] || c).join(en(L, "、", ", "));
  const max = Math.max(1, ...p.months.map((m) => Number(m.totals.fund) + Number(m.totals.selfPay || 0))) / 100;
  const n = p.months.length, svg = h("svg:svg", { viewBox: `0 0 ${n * 10} 100`, preserveAspectRatio: "none", class: "bars", focusable: "false" });
  p.months.forEach((m, i) => {
    const f = Number(m.totals.fund) / max, s = Number(m.totals.selfPay || 0) / max;
    const g = h("svg:g", { class: m.status === "in_force" ? null : "o" },
      m.eligible ? [h("svg:rect", { class: "f", x: i * 10 + 1, y: 100 - f, width: 8, height: f }),
        h("svg:rect", { class: "s", x: i * 10 + 1, y: 100 - f - s, width: 8, height: s })]
        : h("svg:rect", { class: "x", x: i * 10 + 1, y: 96, width: 8, height: 4 }));
    svg.append(g);
  });
  fill(out,
    h("div", { class: "figs" },
      h("div", { class: "fig" }, h("span", { class: "lbl" }, t.planFund), h("strong", { "data-out": "planFund" }, p.totals.fund), h("span", { class: "u" }, t.yuan)),
      h("div", { class: "fig sp" + (sp == null ? " unknown" : "") }, h("span", { class: "lbl" }, t.planSelf), h("strong", { "data-out": "planSelf" }, sp == null ? t.unknown : sp),
        h("span", { class: "u" }, sp == null ? t.enterCharge : t.yuan))),
    h("p", { class: "summary", "data-out": "planFrom" }, p.eligibleFrom ? t.planFrom(p.eligibleFrom, p.eligibleMonths) : t.planNever),
    first.eligible ? null : [h("h3", {}, t.when), h("ul", { class: "ahead" }, p.whatWouldChange.map((w) =>
      h("li", { "data-code": w.code }, w.from || !w.possible ? h("strong", {}, w.from ? t.since(w.from) : t.cannot + en(L, "：", ": ")) : null,
        msg(w, L), " ", cite(w.citation, L))))],
    // The chart is a picture of the table below it, which says the same to a screen reader.
    h("figure", { class: "months-chart", "aria-hidden": "true" },
      h("figcaption", {}, h("span", {}, h("span", { class: "key f" }), t.fund), h("span", {}, h("span", { class: "key s" }), t.selfPay),
        h("span", {}, `${p.from} – ${p.to}`)), svg),
    h("div", { class: "scroll" }, h("table", { class: "months" }, h("caption", {}, t.byMonth),
      h("thead", {}, h("tr", {}, [t.month, t.fund, t.selfPay, t.remark].map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, p.months.map((m) => h("tr", { "data-month": m.month, class: m.eligible ? null : "inel" },
        h("th", { scope: "row" }, m.month), h("td", { "data-amt": "fund" }, m.totals.fund),
        h("td", { "data-amt": "selfPay" }, m.totals.selfPay == null ? t.unknown : m.totals.selfPay),
        h("td", {}, [m.eligible ? "" : t.inel + en(L, "：", ": ") + why(m), m.status === "expired" || m.status === "draft" ? h("span", { class: `badge s-${m.status}` }, t.status[m.status]) : null])))))));
}

/** The contribution: totals per payer, the payer lines with basis and clause, status, notes. */
export function renderContribution(root, res, { cat, lang: L }) {
  const t = UI[L], city = cityOf(cat, res.city);
  const p = res.policy;
  const status = p.status === "carried_forward" ? `${t.status.carried_forward}（${p.statedTo}）` : t.status.stated;
  fill(root,
    h("h2", {}, t.cResult),
    h("p", { class: "summary", "data-out": "summary" },
      [tx(city.name, L), String(res.year), tx((cat.insuranceTypes.find((i) => i.id === res.insurance) || {}).name, L)].join(" · ")),
    h("div", { class: "figs" },
      h("div", { class: "fig self" }, h("span", { class: "lbl" }, t.individual), h("strong", { "data-out": "individual" }, res.totals.individual), h("span", { class: "u" }, t.perYear)),
      h("div", { class: "fig fund" }, h("span", { class: "lbl" }, t.total), h("strong", { "data-out": "total" }, res.totals.total), h("span", { class: "u" }, t.perYear))),
    h("table", { class: "totals" }, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.payer), h("th", { scope: "col" }, t.amount))),
      h("tbody", {}, [...PAYERS, "total"].map((k) => h("tr", { class: k === "total" ? "sum" : null },
        h("th", { scope: "row" }, t[k]), h("td", { "data-out": k }, res.totals[k]))))),
    h("div", { class: "policy" }, h("p", {}, h("span", { class: `badge s-${p.status}`, "data-out": "status" }, status)),
      h("p", {}, t.source, zh(p.document, "doc"), " ", h("span", { lang: ZH }, `《${p.title}》`))),
    res.lines.length ? [h("h3", {}, t.lines), h("ol", { class: "lines" }, res.lines.map((l) => h("li", { class: "line", "data-payer": l.payer },
      h("h4", {}, en(L, l.label, l.labelEn)),
      h("dl", { class: "amts" }, amountEl(t.payer, t[l.payer] || l.payer, "payer", L), amountEl(t.amount, l.amount, "amount", L)),
      h("p", { class: "basis" }, en(L, l.basis, l.basisEn)),
      h("p", {}, cite(l.citation, L)))))] : null,
    res.notes.length ? [h("h3", {}, t.notes), h("ul", { class: "notes" }, res.notes.map((n) => h("li", { "data-code": n.code }, msg(n, L), " ", cite(n.citation, L))))] : null);
}

// ---------- the whole calculator ----------

/**
 * Mounts a calculator into `root` (an element or a shadow root).
 * opts: cat (the catalog), params (query string), page (true: header/main/footer
 * landmarks, the print button, the share link in print), onChange(params, state)
 * after every change, link(params) → the share link (made only when asked: copy,
 * print); compact (true: benefits only, no comparison, for a narrow sidebar);
 * agent(el, {query, result | error, lang, id, params}) fills a box above the
 * result after every estimate (the call-center view, agent.js; `id` is for its
 * heading); title(lang) → the heading. Returns {state, update, outdated()}.
 */
export function mount(root, { cat, params = "", page = false, onChange = () => {}, link, compact = false, agent, title } = {}) {
  const s = stateFromParams(cat, params);
  if (compact) s.tab = "estimate";
  const idp = `ltci${++uidCount}-`;
  const part = (name) => app.querySelector(`[data-part="${name}"]`);
  const app = h("div", { class: "ltci" });
  let liveTimer;

  const tabBtn = (tab, label) => h("button", { type: "button", role: "tab", id: idp + "tab-" + tab, "data-tab": tab,
    "aria-controls": idp + "panel-" + tab, onclick: () => setTab(tab), onkeydown: tabKeys }, label);
  const shell = () => {
    const t = UI[s.lang];
    const head = h(page ? "header" : "div", { class: "head" },
      h(page ? "h1" : "p", { class: "title" }, title ? title(s.lang) : t.title),
      h("div", { class: "tools" },
        h("button", { type: "button", "data-act": "lang", lang: s.lang === "en" ? ZH : "en",
          onclick: () => { s.lang = s.lang === "en" ? "zh" : "en"; shell(); app.querySelector("[data-act=lang]").focus(); } }, t.otherLang),
        h("button", { type: "button", "data-act": "big", "aria-pressed": String(s.big),
          onclick: (e) => { s.big = !s.big; app.classList.toggle("big", s.big); e.currentTarget.setAttribute("aria-pressed", String(s.big)); emit(); } }, t.bigText)));
    const panel = (tab, ...kids) => h("section", compact ? { class: "panel", "data-panel": tab, "aria-label": t.tabE }
      : { role: "tabpanel", id: idp + "panel-" + tab, "aria-labelledby": idp + "tab-" + tab, class: "panel", "data-panel": tab }, ...kids);
    const body = h(page ? "main" : "div", { class: "body" },
      s.outdated ? notice() : null,
      h("p", { class: "privacy" }, t.privacy),
      compact ? null : h("div", { role: "tablist", "aria-label": t.tabs, class: "tabs" }, tabBtn("estimate", t.tabE), tabBtn("contribution", t.tabC)),
      panel("estimate",
        h("form", { class: "form", "data-part": "formE", novalidate: true, onsubmit: (e) => e.preventDefault(), oninput: onE, onchange: onE }),
        // On a phone the result is below the form: this bar keeps the figures in sight while typing.
        h("div", { class: "peek" }, h("span", { "data-part": "peek" }),
          h("button", { type: "button", onclick: () => { const r = part("resultE").firstChild; r.tabIndex = -1; r.scrollIntoView(); r.focus(); } }, t.seeResult)),
        h("div", { class: "out" },
          agent ? h("section", { class: "extra", "data-part": "agent", "aria-labelledby": idp + "x" }) : null,
          h("section", { class: "result", "data-part": "resultE", "aria-labelledby": idp + "r" }),
          compact ? null : h("section", { class: "plan", "data-part": "plan" }),
          compact ? null : h("section", { class: "comparison", "data-part": "compare" }),
          actions())),
      compact ? null : panel("contribution",
        h("form", { class: "form", "data-part": "formC", novalidate: true, onsubmit: (e) => e.preventDefault(), oninput: onC, onchange: onC }),
        h("div", { class: "out" }, h("section", { class: "result", "data-part": "resultC" }), actions())),
      h("p", { class: "sr-only", role: "status", "data-part": "live" }));
    const foot = h(page ? "footer" : "div", { class: "foot" }, h("p", {}, t.disclaimer),
      page ? h("p", { class: "print-link", "data-part": "printLink" }) : null);
    app.lang = s.lang === "en" ? "en" : ZH;
    app.classList.toggle("big", s.big);
    app.classList.toggle("compact", compact);
    app.classList.toggle("agent", !!agent);
    app.replaceChildren(head, body, foot);
    cBuilt = false;
    formE(); setTab(s.tab, false);
  };
  const notice = () => h("p", { class: "notice", role: "alert", "data-part": "notice" }, UI[s.lang].outdated, " ",
    h("button", { type: "button", "data-act": "reload", onclick: reload }, UI[s.lang].reload));
  const actions = () => {
    const t = UI[s.lang];
    const note = h("span", { class: "copied", role: "status" });
    return h("div", { class: "actions" },
      h("button", { type: "button", "data-act": "copy", onclick: async () => {
        const url = shareLink();
        try { await navigator.clipboard.writeText(url); note.textContent = t.copied; }
        catch { note.replaceChildren(t.copyFailed, h("span", { class: "url" }, url)); }
      } }, t.copy),
      page && typeof print === "function" ? h("button", { type: "button", onclick: () => print() }, t.print) : null, note);
  };
  function tabKeys(e) {
    const tabs = ["estimate", "contribution"], i = tabs.indexOf(s.tab);
    const to = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to == null) return;
    e.preventDefault();
    const tab = tabs[(to + tabs.length) % tabs.length];
    setTab(tab);
    app.querySelector(`[data-tab="${tab}"]`).focus();
  }
  function setTab(tab, announce = true) {
    s.tab = tab;
    for (const b of app.querySelectorAll("[role=tab]")) {
      const on = b.dataset.tab === tab;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
    }
    for (const p of app.querySelectorAll("[data-panel]")) p.hidden = p.dataset.panel !== tab;
    if (compact) return updateE(announce);
    // Until the person uses the contributions form, it follows the benefits tab's city and insurance.
    if (tab === "contribution" && !s.cTouched && s.c.city !== s.e.city) { s.c = fixContribution(cat, {}, s.e); cBuilt = false; }
    // The contributions form is built when its tab is first shown, not at page load.
    if (tab === "contribution" && !cBuilt) { formC(); cBuilt = true; }
    if (tab === "estimate") updateE(announce); else updateC(announce);
  }

  // A rebuilt form keeps the focus on the control with the same key.
  const keep = (form, build) => {
    const active = (root.getRootNode ? root.getRootNode() : document).activeElement;
    const key = active && form.contains(active) ? active.dataset.key : null;
    build();
    const again = key && form.querySelector(`[data-key="${key}"]`);
    if (again) again.focus();
  };
  const ctx = (tag) => ({ lang: s.lang, idp: idp + tag, open: s.open });
  const formE = () => {
    const form = part("formE");
    keep(form, () => renderEstimateForm(form, cat, s.e, ctx("e-")));
    const d = form.querySelector("[data-part=details]");
    if (d) d.addEventListener("toggle", () => { s.open = d.open; });
  };
  const formC = () => { const form = part("formC"); keep(form, () => renderContributionForm(form, cat, s.c, ctx("c-"))); };
  const read = (el) => (el.type === "checkbox" ? (el.checked ? "true" : "") : el.value);

  function onE(ev) {
    const k = ev.target.dataset && ev.target.dataset.key;
    if (!k || s.e[k] === read(ev.target)) return;
    const before = cityOf(cat, s.e.city), mode = modeOf(before, s.e.careMode);
    s.e[k] = read(ev.target);
    if (k === "city" || k === "careMode") {
      // The old mode's own inputs mean something else elsewhere: drop them.
      for (const key of keysOf(mode.inputs)) delete s.e[key];
      if (k === "city") {
        const keepKeys = keysOf(detailInputs(cat, cityOf(cat, s.e.city)));
        for (const key of keysOf(detailInputs(cat, before))) if (!keepKeys.includes(key)) delete s.e[key];
      }
      fixEstimate(cat, s.e);
      formE();
    }
    updateE(true);
  }
  function onC(ev) {
    const k = ev.target.dataset && ev.target.dataset.key;
    if (!k || s.c[k] === read(ev.target)) return;
    s.cTouched = true;
    const before = cityOf(cat, s.c.city);
    s.c[k] = read(ev.target);
    if (k === "city") {
      for (const key of keysOf(before.contribution ? before.contribution.inputs : [])) delete s.c[key];
      fixContribution(cat, s.c, s.e);
      formC();
    } else if (before.contribution && before.contribution.inputs.some((i) => i.when && i.when.key === k)) {
      formC(); // another input applies now (e.g. the pension for a retired person)
    }
    updateC(true);
  }

  const announce = (text) => {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => { const live = part("live"); if (live) live.textContent = text; }, 700);
  };
  function focusCharge() {
    const mode = modeOf(cityOf(cat, s.e.city), s.e.careMode);
    const i = mode.inputs.find((x) => (x.type === "money" || x.type === "hours") && x.default == null && !norm(s.e[x.key]));
    const el = i && part("formE").querySelector(`[data-key="${i.key}"]`);
    if (el) el.focus();
  }
  let firstE = true;
  let cBuilt = false;
  function updateE(say) {
    const L = s.lang, q = estimateQuery(cat, s.e), r = attempt(estimate, q);
    let planned;
    const months = () => (planned ||= attempt(plan, planQuery(cat, s.e)));
    const placed = markError(part("formE"), r.error, L);
    if (agent) agent(part("agent"), { query: q, ...r, plan: r.error ? null : months(), lang: L, id: idp + "x", params: paramsFromState(cat, s) });
    if (!compact) part("plan").hidden = !!r.error;
    if (r.error) {
      renderProblem(part("resultE"), r.error, L, placed);
      if (!compact) part("compare").replaceChildren();
      part("peek").textContent = errorText(r.error, L);
      if (say) announce(errorText(r.error, L));
    } else {
      renderEstimate(part("resultE"), r.result, { cat, lang: L, query: q, onCharge: focusCharge, rules: page });
      const compare = () => renderComparison(part("compare"), compareModes(cat, s.e), { lang: L, current: s.e.careMode,
        onPick: (id) => { for (const key of keysOf(modeOf(cityOf(cat, s.e.city), s.e.careMode).inputs)) delete s.e[key];
          s.e.careMode = id; formE(); updateE(true); part("formE").querySelector("[data-key=careMode]").focus(); } });
      const ahead = () => renderPlan(part("plan"), months(), { lang: L, idp, months: s.e.months,
        onMonths: (e) => { s.e.months = e.target.value; updateE(false); } });
      const later = () => { ahead(); compare(); };
      // On the first render the person's own figures go on screen first; the
      // months ahead and the comparison (one estimate per care mode) follow a frame later.
      if (!compact) { if (firstE) afterPaint(later); else later(); }
      firstE = false;
      const tot = r.result.totals;
      part("peek").textContent = r.result.eligible ? UI[L].live(tot.fund, tot.selfPay) : UI[L].notEligible;
      if (say) announce(r.result.eligible ? UI[L].live(tot.fund, tot.selfPay) : UI[L].notEligible + en(L, "。", "."));
    }
    part("resultE").firstChild.id = idp + "r";
    emit();
  }
  function updateC(say) {
    const L = s.lang, r = attempt(contribution, contributionQuery(cat, s.c));
    const placed = markError(part("formC"), r.error, L);
    if (r.error) {
      renderProblem(part("resultC"), r.error, L, placed);
      if (say) announce(errorText(r.error, L));
    } else {
      renderContribution(part("resultC"), r.result, { cat, lang: L });
      if (say) announce(UI[L].liveC(r.result.totals.total));
    }
    emit();
  }
  const emit = () => onChange(paramsFromState(cat, s), s);
  const shareLink = () => { const p = paramsFromState(cat, s); return link ? link(p) : "?" + p; };

  shell();
  root.replaceChildren(app);
  // Print shows the share link: made for the print, dropped after it.
  if (page && typeof addEventListener === "function") {
    const printed = (text) => { const el = part("printLink"); if (el) el.textContent = text; };
    addEventListener("beforeprint", () => printed(UI[s.lang].link + shareLink()));
    addEventListener("afterprint", () => printed(""));
  }
  return { state: s, update: () => setTab(s.tab, false),
    /** Says that newer rules are deployed than these (checkRules). */
    outdated() { if (!s.outdated) { s.outdated = true; app.querySelector(".body").prepend(notice()); } } };
}

// ---------- the service worker's copy and the deployed rules ----------

/** Whether the rules the server deploys now differ from `cat`'s, asked once per
 *  page, only when our service worker (sw.js beside this module) is in charge: its
 *  copy may be an older build's. version.json (scripts/site.mjs) is fetched past
 *  the copy; offline, the copy is the newest there is. */
let rulesCheck;
export function checkRules(cat, calc) {
  const sw = typeof navigator !== "undefined" && navigator.serviceWorker;
  if (!sw || !sw.controller || sw.controller.scriptURL !== new URL("sw.js", import.meta.url).href) return;
  rulesCheck ||= fetch(new URL("version.json", import.meta.url), { cache: "no-store" })
    .then((r) => (r.ok ? r.json() : {}))
    .then((v) => !!v.rulesVersion && v.rulesVersion !== cat.rulesVersion, () => false);
  rulesCheck.then((stale) => {
    if (!stale) return;
    calc.outdated();
    sw.getRegistration().then((reg) => reg && reg.update()).catch(() => {}); // now, not when the browser gets to it
  });
}

/** Reloads once the newer worker, if one is on its way, is in charge (or has failed). */
async function reload() {
  const reg = await navigator.serviceWorker?.getRegistration().catch(() => null);
  if (reg) await reg.update().catch(() => {});
  const w = reg && (reg.installing || reg.waiting);
  if (w) {
    await new Promise((done) => {
      w.addEventListener("statechange", () => (w.state === "activated" || w.state === "redundant") && done());
      setTimeout(done, 10000);
    });
  }
  location.reload();
}

/** Loads the WebAssembly package once; resolves to the catalog. index.html
 *  starts compiling it as it arrives (`ltciModule`); elsewhere init() fetches it. */
let loading;
export function load() {
  return (loading ||= Promise.resolve(globalThis.ltciModule)
    .then((module) => init(module ? { module_or_path: module } : undefined))
    .then(() => catalog()));
}

// ---------- this page ----------

/** The first screen scripts/prerender.mjs wrote into the page, while it is up:
 *  what the person does in it before the calculator is ready is kept. The
 *  returned function gives the query string to start from (the changed
 *  controls, and the language, large-text and tab buttons pressed). Without
 *  that screen (or with data-prerendered="stale": its inline script dropped it
 *  for this URL or month) it is the address bar's. */
function carried(root) {
  if (root.dataset.prerendered !== "" || location.search) return () => location.search;
  const pressed = new URLSearchParams();
  const flip = (k, v) => (pressed.get(k) === v ? pressed.delete(k) : pressed.set(k, v));
  const click = (e) => {
    const b = e.target.closest("button");
    if (!b) return;
    if (b.dataset.act === "lang") flip("lang", "en");
    else if (b.dataset.act === "big") flip("text", "large");
    else if (b.dataset.tab === "contribution") pressed.set("tab", "contribution");
    else if (b.dataset.tab) pressed.delete("tab");
  };
  root.addEventListener("click", click);
  return () => {
    root.removeEventListener("click", click);
    const p = new URLSearchParams(pressed);
    for (const el of root.querySelectorAll("form [data-key]")) {
      const select = el.tagName === "SELECT", box = el.type === "checkbox";
      const was = box ? el.defaultChecked : select ? ([...el.options].find((o) => o.defaultSelected) || el.options[0] || {}).value : el.defaultValue;
      const now = box ? el.checked : el.value;
      if (now !== was) p.set(el.dataset.key, box ? (now ? "true" : "") : now);
    }
    return p.toString();
  };
}

async function main() {
  const root = document.querySelector("[data-ltci-page]");
  if (!root) return; // imported by another page
  // Where the page's own code starts, and below where the calculator is ready (scripts/bench-page.mjs).
  performance.mark("ltci:start");
  const params = carried(root);
  let cat;
  try { cat = await load(); } catch {
    const note = root.querySelector("[data-part=loading]");
    note.textContent = UI.zh.failed + " " + UI.en.failed;
    note.hidden = false;
    note.parentElement.replaceChildren(note); // a prerendered form would not work
    return;
  }
  // ?view=rules: a city's rules and figures (rules.js), not the calculator.
  const view = new URLSearchParams(location.search).get("view");
  if (view === "rules") {
    (await import("./rules.js")).rulesView(root, cat);
    root.dataset.ready = "";
    return;
  }
  // ?view=agent: the call-center view, the same calculator with the script box (agent.js).
  const agentView = view === "agent";
  const link = (params) => location.origin + location.pathname + (String(params) ? "?" + params : "");
  const extra = agentView ? (await import("./agent.js")).agentView(link) : {};
  const sync = (s) => {
    document.documentElement.lang = s.lang === "en" ? "en" : ZH;
    document.title = extra.title ? extra.title(s.lang) : UI[s.lang].title;
  };
  // The address bar takes none of the inputs: the browser would keep each address
  // in its history. A share link is made when asked (copy, print); one that was
  // opened stays in the address bar until the first change, then the bare page's.
  const bare = agentView ? "?view=agent" : "";
  let initial = null;
  const unlink = (params) => {
    if (initial === null) initial = String(params);
    else if (String(params) !== initial && location.search !== bare) history.replaceState(null, "", location.pathname + bare);
  };
  // The title follows every change; the first render's waits until its figures
  // are on screen (a frame), as it is no use before.
  let painted = false, latest = null;
  afterPaint(() => { painted = true; if (latest) sync(latest); });
  const active = document.activeElement, focus = root.contains(active) && (active.dataset.key || active.dataset.act);
  const calc = mount(root, { cat, page: true, params: params(), link, ...extra,
    onChange: (params, s) => { unlink(params); if (painted) sync(s); else latest = s; } });
  checkRules(cat, calc);
  root.dataset.ready = "";
  performance.mark("ltci:ready");
  if (focus) root.querySelector(`[data-key="${focus}"], [data-act="${focus}"]`)?.focus();
  else if (agentView) root.querySelector("[data-key=city]").focus();
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
}
main();
