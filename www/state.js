//# allFunctionsCalledOnLoad
// The calculator's state and the query string: the state a link (or a bare
// page) starts from, the link a state gives (made only when asked: copy,
// print), and the link to a city's rules and figures.
import { chinaMonth, cityOf, modeOf, detailInputs, keysOf, contributionInputs, norm } from "./query.js";

/** The link to a city's rules and figures in a month (rules.js). */
export const rulesHref = (city, month, L) => `?view=rules&city=${city}${month === chinaMonth() ? "" : "&month=" + month}${L === "en" ? "&lang=en" : ""}`;

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
