// ?view=rules&city=…&month=…: every figure a city's rules read that month, with
// its period, clause and the source's words (parameters()), and the documents
// with the day they were checked (规则核对日期). Linked from a result's document
// and the call-center view; it prints.
import { UI } from "./texts.js";
import { h } from "./dom.js";
import { cityOf, hasCity, chinaMonth, typed } from "./query.js";
import { readInput } from "./number.js";
import { linkNotice } from "./notice.js";
import { parameters } from "./pkg/ltci.js";

const BACK = { zh: "返回计算器", en: "Back to the calculator" };
/** "元/日"; English spells the id ("yuan/day"). */
const ZH_UNITS = { yuan: "元", day: "日", hour: "小时", month: "月", visit: "次", year: "年", person_year: "人·年", days: "天",
  hours: "小时", months: "个月", years: "年", age: "周岁", visits_per_week: "次/周", visits_per_month: "次/月" };
const unit = (u, L) => (L === "en" ? (u === "age" ? " years of age" : " " + u.replace("_per_", "/").replace("_", " ")) : ZH_UNITS[u] || u.split("_per_").map((x) => ZH_UNITS[x]).join("/"));
/** "0.0015" → "0.15%": the point moved in the text, not a float. */
function pct(s) {
  const [i, f = ""] = s.split("."), d = i + f.padEnd(2, "0"), n = i.length + 2, frac = d.slice(n).replace(/0+$/, "");
  return d.slice(0, n).replace(/^0+(?=\d)/, "") + (frac ? "." + frac : "") + "%";
}
const shown = (u, v, L) => (u === "date" ? v : /^ratio|^rate/.test(u) ? pct(v) : v + unit(u, L));


/** Back to the calculator that linked here, as the browser's Back does: it keeps what was typed
 *  (app.js keeps it in that page's history entry, and marks the link it followed back=1).
 *  Opened otherwise, the link is followed. */
function back(e) {
  if (new URLSearchParams(location.search).get("back") === "1" && history.length > 1) {
    e.preventDefault();
    history.back();
  }
}

export function rulesView(root, cat) {
  const q = new URLSearchParams(location.search), L = q.get("lang") === "en" ? "en" : "zh", u = UI[L];
  const city = cityOf(cat, q.get("city")), name = city.name[L];
  // What the link names that the view does not know is said, with what it shows instead.
  const unknown = [];
  if (typed(q.get("city")) && !hasCity(cat, q.get("city"))) unknown.push({ key: "city", value: q.get("city"), instead: city.name });
  const asked = readInput(q.get("month"), "month");
  let month = asked.value || chinaMonth(), table;
  try { table = parameters({ city: city.id, month }); } catch { table = parameters({ city: city.id, month: (month = chinaMonth()) }); }
  if (typed(q.get("month")) && month !== asked.value) unknown.push({ key: "month", value: q.get("month"), instead: { zh: month, en: month } });
  const when = (v) => h("span", { class: "when" }, v.to ? u.period(v.from, v.to) : u.from(v.from));
  const badge = (v) => h("span", { class: `badge s-${v.status}`, "data-out": "status" }, u.status[v.status]);
  const docs = table[0].values.map((v) => { // scheme.effective_from: the month's documents
    const d = city.documents.find((x) => x.number === v.document);
    return h("div", { class: "policy" }, h("p", {}, badge(v)),
      h("p", {}, h("span", { lang: "zh-CN", class: "doc" }, d.number), " ", h("span", { lang: "zh-CN" }, `《${d.title}》`), when(v),
        h("span", { class: "when", "data-out": "reviewed" }, `${u.reviewed}${L === "en" ? ": " : "："}${d.lastReviewed}`)));
  });
  const rows = table.map((p) => h("li", { class: "line", "data-id": p.id },
    h("h3", {}, L === "en" ? p.labelEn : p.label),
    h("p", { class: "param-id" }, u.id, h("code", { "data-out": "id" }, p.id)),
    p.values.map((v) => [
      h("p", {}, h("strong", { class: "val", "data-out": "value" }, shown(p.unit, v.value, L)), " ", badge(v), when(v)),
      h("p", {}, h("q", { lang: "zh-CN", "data-out": "quote" }, v.quote)),
      h("p", { class: "cite" }, u.source, h("span", { lang: "zh-CN", "data-out": "citation" }, v.citation))])));
  root.replaceChildren(h("div", { class: "ltci rules-view", lang: L === "en" ? "en" : "zh-CN" },
    h("header", { class: "head" }, h("h1", { class: "title" }, u.rules)),
    h("main", { class: "body" },
      unknown.length ? linkNotice(unknown, L) : null,
      h("h2", { "data-out": "summary" }, `${name} · ${month}`),
      docs, h("ol", { class: "lines", "data-part": "params" }, rows),
      h("div", { class: "actions" },
        h("a", { href: `?city=${city.id}&month=${month}${L === "en" ? "&lang=en" : ""}`, "data-act": "back", onclick: back }, BACK[L]),
        h("button", { type: "button", onclick: () => print() }, u.print))),
    h("footer", { class: "foot" }, h("p", {}, u.disclaimer))));
  document.documentElement.lang = L === "en" ? "en" : "zh-CN";
  document.title = `${u.rules} · ${name} · ${month}`;
}
