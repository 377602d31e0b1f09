//# allFunctionsCalledOnLoad
// The calculator's state and the query string: the state a link (or a bare
// page) starts from, with what in the link it did not take and what it shows
// instead; the link a state gives (made only when asked: copy, print); and the
// link to a city's rules and figures. Form values are objects without a
// prototype (blank()): a host page's Object.prototype adds none.
import { chinaMonth, cityOf, modeOf, hasCity, hasMode, detailInputs, keysOf, contributionInputs, blank, own, typed } from "./query.js";

/** The link to a city's rules and figures in a month (rules.js). */
export const rulesHref = (city, month, L) => `?view=rules&city=${city}${month === chinaMonth() ? "" : "&month=" + month}${L === "en" ? "&lang=en" : ""}`;

/** Defaults filled in; values a city does not read are kept out of the URL. `unknown`,
 *  if given, gets each value replaced because the catalog has no such choice:
 *  {key, value, instead} (`instead`: the name, zh and en, of what is shown). */
export function fixEstimate(cat, v, unknown = []) {
  const replaced = (key, list, chosen) => {
    const x = own(v, key);
    if (typed(x) && !list.some((o) => o.id === x)) unknown.push({ key, value: x, instead: chosen.name });
  };
  const city = cityOf(cat, own(v, "city"));
  replaced("city", cat.cities, city);
  v.city = city.id;
  if (!cat.insuranceTypes.some((i) => i.id === own(v, "insurance"))) {
    const id = city.insurance[0];
    replaced("insurance", cat.insuranceTypes, cat.insuranceTypes.find((i) => i.id === id));
    v.insurance = id;
  }
  if (!cat.grades.some((g) => g.id === own(v, "grade"))) {
    const id = city.grades[city.grades.length - 1];
    replaced("grade", cat.grades, cat.grades.find((g) => g.id === id));
    v.grade = id;
  }
  const mode = modeOf(city, own(v, "careMode"));
  replaced("careMode", city.careModes, mode);
  v.careMode = mode.id;
  if (own(v, "month") == null) v.month = chinaMonth();
  return v;
}

export function fixContribution(cat, v, from = blank(), unknown = []) {
  const given = own(v, "city");
  const city = cityOf(cat, given || own(from, "city")), c = city.contribution;
  if (typed(given) && !hasCity(cat, given)) unknown.push({ key: "city", value: given, instead: city.name });
  v.city = city.id;
  const ins = c ? c.insurance : city.insurance;
  const insurance = own(v, "insurance");
  if (!ins.includes(insurance)) {
    const id = ins.includes(own(from, "insurance")) ? own(from, "insurance") : ins[0];
    if (typed(insurance) && !cat.insuranceTypes.some((i) => i.id === insurance)) {
      unknown.push({ key: "insurance", value: insurance, instead: cat.insuranceTypes.find((i) => i.id === id).name });
    }
    v.insurance = id;
  }
  if (own(v, "year") == null) {
    const y = Number(chinaMonth().slice(0, 4));
    v.year = String(c ? Math.max(y, c.statedFrom) : y);
  }
  return v;
}

export function estimateKeys(cat, v) {
  const city = cityOf(cat, own(v, "city")), mode = modeOf(city, own(v, "careMode"));
  return ["city", "insurance", "grade", "careMode", "month", ...(mode.usesCareDays ? ["careDays"] : []),
    ...keysOf(detailInputs(cat, city)), ...keysOf(mode.inputs), "months"];
}
export function contributionKeys(cat, v) {
  return ["city", "year", "insurance", ...keysOf(contributionInputs(cityOf(cat, own(v, "city")), v))];
}

/** Any input's label in the catalog, or null: a key the calculator knows, if not here. */
function labelOf(cat, key) {
  const base = key.split(".")[0];
  const all = [...cat.queryInputs, ...cat.cities.flatMap((c) => [...c.careModes.flatMap((m) => m.inputs), ...(c.contribution ? c.contribution.inputs : [])])];
  const i = all.find((x) => x.key === base);
  return i ? i.label : { months: { zh: "月数", en: "Months" }, year: { zh: "缴费年度", en: "Contribution year" } }[base] || null;
}

/** What the form takes of `v`: the keys it shows (`keys(v)`), a box only as "true",
 *  a choice only as one it offers; the rest goes, so a link copied later has none
 *  of it, and into `unknown`: {key, label, value, known} (a key of the calculator
 *  that is not used here is `known`). */
function accepted(cat, inputs, keys, v, unknown) {
  for (const i of inputs) {
    const x = own(v, i.key);
    if (x == null) continue;
    const options = own(i, "options"), choice = i.type === "choice" || options; // a select, as fieldEl builds it
    if (i.type === "boolean" ? x !== "true" : choice && !(options || []).some((o) => o.id === x)) {
      delete v[i.key];
      if (typed(x)) unknown.push({ key: i.key, label: i.label, value: x });
    }
  }
  const shown = keys(v), out = blank();
  for (const k of shown) if (own(v, k) != null) out[k] = v[k];
  for (const k of Object.keys(v)) if (!shown.includes(k)) unknown.push({ key: k, label: labelOf(cat, k), value: v[k], known: !!labelOf(cat, k) });
  return out;
}

/** Keys of the page, not of a query: the tab, the language, large text, the view (app.js). */
const META = { tab: ["estimate", "contribution"], lang: ["zh", "en"], text: ["large"], view: ["agent", "rules"] };
/** State from a query string: the Query's own keys, plus tab, lang and text=large.
 *  A key given twice counts with its first value, as URLSearchParams.get reads it.
 *  `unknown` lists what the link named that the form does not take (notice.js says so). */
export function stateFromParams(cat, params) {
  const p = new URLSearchParams(params);
  const v = blank(), unknown = [];
  for (const [k, x] of p) {
    if (Object.hasOwn(v, k) || (Object.hasOwn(META, k) && p.get(k) !== x)) continue;
    if (!Object.hasOwn(META, k)) v[k] = x;
    else if (!META[k].includes(x)) unknown.push({ key: k, value: x });
  }
  const tab = p.get("tab") === "contribution" ? "contribution" : "estimate";
  const e = tab === "estimate" ? v : Object.assign(blank(), { city: own(v, "city"), insurance: own(v, "insurance") });
  const s = { tab, lang: p.get("lang") === "en" ? "en" : "zh", big: p.get("text") === "large", e,
    c: tab === "contribution" ? v : blank(), open: false, cTouched: tab === "contribution", outdated: false, unknown };
  // Only the tab shown says what it did not take (the other takes the city and insurance over).
  fixEstimate(cat, s.e, tab === "estimate" ? unknown : []);
  fixContribution(cat, s.c, s.e, tab === "contribution" ? unknown : []);
  const city = cityOf(cat, s.e.city), cCity = cityOf(cat, s.c.city);
  s.e = accepted(cat, [...detailInputs(cat, city), ...modeOf(city, s.e.careMode).inputs], (x) => estimateKeys(cat, x), s.e, tab === "estimate" ? unknown : []);
  s.c = accepted(cat, cCity.contribution ? cCity.contribution.inputs : [], (x) => contributionKeys(cat, x), s.c, tab === "contribution" ? unknown : []);
  s.open = keysOf(detailInputs(cat, city)).some((k) => own(s.e, k));
  return s;
}

export function paramsFromState(cat, s) {
  const p = new URLSearchParams();
  const c = s.tab === "contribution";
  if (c) p.set("tab", "contribution");
  const v = c ? s.c : s.e;
  for (const k of c ? contributionKeys(cat, v) : estimateKeys(cat, v)) if (typed(own(v, k))) p.set(k, v[k]);
  if (s.lang === "en") p.set("lang", "en");
  if (s.big) p.set("text", "large");
  return p;
}
