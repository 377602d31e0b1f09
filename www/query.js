//# allFunctionsCalledOnLoad
// The catalog and the queries: what a city offers (cityOf, modeOf, its inputs),
// and the form's values (strings as typed) made into the API's query objects.
// No DOM and no texts: the state, the forms, the results and the page build on it.
import { estimate } from "./pkg/ltci.js";
import { readInput } from "./number.js";

/** Full-width digits and points from a Chinese keyboard become ASCII; spaces go. */
export const norm = (s) => String(s ?? "").replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, ".").trim();

/** This month in China ("YYYY-MM"), the API's own default. */
export function chinaMonth(date = new Date()) {
  // China keeps UTC+8 all year. (Intl with a time zone costs tens of ms at first use.)
  const d = new Date(date.getTime() + 8 * 3600e3);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

// ---------- the catalog ----------

export const cityOf = (cat, id) => cat.cities.find((c) => c.id === id) || cat.cities[0];
export const modeOf = (city, id) => city.careModes.find((m) => m.id === id) || city.careModes[0];
export const common = (cat, key) => cat.queryInputs.find((i) => i.key === key);
/** A common input as a city shows it: its label and help in the city's words where they differ (inputTexts). */
const asIn = (city, info) => {
  const own = (city.inputTexts || []).find((t) => t.key === info.key);
  return own ? { ...info, label: own.label || info.label, help: own.help || info.help } : info;
};
/** The eligibility inputs a city reads (catalog queryInputs it lists), in its words. */
export const detailInputs = (cat, city) =>
  city.queryInputs.filter((k) => k !== "month" && k !== "careDays").map((k) => common(cat, k)).filter(Boolean).map((i) => asIn(city, i));
/** Form keys of some inputs; a years input is two keys, "contributionYears.continuous" and ".cumulative". */
export const keysOf = (inputs) => inputs.flatMap((i) => (i.type === "years" ? [i.key + ".continuous", i.key + ".cumulative"] : [i.key]));

// ---------- queries: form values (strings as typed) to the API's objects ----------

// What a person typed is read by www/number.js (the mini-program reads with the
// same file); what it cannot read is the form's error at that field, in the
// API's shape (code, field, message, messageEn), and no query is made.

/** The value under `key` for input `info`, read as `kind` in `unit` (the input's by default):
 *  the JSON query's value, or undefined when nothing was typed; throws what to enter. */
function read(info, key, v, kind = info.type, unit = info.unit) {
  const r = readInput(v[key], kind, unit);
  if (!("message" in r)) return r.value;
  const label = info.label || { zh: key, en: key };
  throw Object.assign(new Error(`${label.zh}：${r.message}`), { code: "invalid_value", field: key, messageEn: `${label.en}: ${r.messageEn}` });
}

function put(q, info, v) {
  const k = info.key, x = v[k];
  if (info.type === "years") {
    const a = read(info, k + ".continuous", v, "integer", "years"), b = read(info, k + ".cumulative", v, "integer", "years");
    if (a !== undefined || b !== undefined) q[k] = { continuous: a, cumulative: b };
  } else if (info.type === "boolean") {
    if (String(x ?? "").trim() === "true") q[k] = true;
  } else if (info.type === "choice" || info.options) {
    // An option's id; a hospital level's is its number, and the query takes a count as a number.
    if (norm(x)) q[k] = info.unit === "level" ? read(info, k, v, "integer") : String(x).trim();
  } else {
    const value = read(info, k, v);
    if (value !== undefined) q[k] = value;
  }
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
const MONTHS = { key: "months", label: { zh: "月数", en: "Months" } };
export function planQuery(cat, v) {
  const months = read(MONTHS, "months", v, "integer", "months");
  return months === undefined ? estimateQuery(cat, v) : { ...estimateQuery(cat, v), months };
}

/** An input applies when the catalog's `when` condition (if any) holds for these values. */
const applies = (i, v) => !i.when || i.when.values.includes(v[i.when.key]);
/** The contribution inputs of a city that apply to these values. */
export const contributionInputs = (city, v) => (city.contribution ? city.contribution.inputs.filter((i) => applies(i, v)) : []);

const YEAR = { key: "year", label: { zh: "缴费年度", en: "Contribution year" } };
export function contributionQuery(cat, v) {
  const city = cityOf(cat, v.city);
  const q = { city: city.id, year: read(YEAR, "year", v, "integer", "year"), insurance: v.insurance };
  for (const i of contributionInputs(city, v)) put(q, i, v);
  return q;
}

/** Builds a query (`build()`) and calls an API function with it: {query, result},
 *  or {query, error} with the form's error or the API's. */
export function attempt(fn, build) {
  let query;
  try { query = build(); return { query, result: fn(query) }; } catch (error) { return { query, error }; }
}

/** One estimate per care mode of the city: the chosen one with its inputs, the others with their defaults. */
export function compareModes(cat, v) {
  return cityOf(cat, v.city).careModes.map((mode) => ({ mode, ...attempt(estimate, () => estimateQuery(cat, v, mode.id, mode.id === v.careMode)) }));
}
