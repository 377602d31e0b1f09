//# allFunctionsCalledOnLoad
// The catalog and the queries: what a city offers (cityOf, modeOf, its inputs),
// and the form's values (strings as typed) made into the API's query objects.
// No DOM and no texts: the state, the forms, the results and the page build on it.
import { estimate } from "./pkg/ltci.js";

/** Full-width digits and points from a Chinese keyboard become ASCII; spaces go. */
export const norm = (s) => String(s ?? "").replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, ".").trim();
/** A month as people type it ("2024-2", "2024/02", "2024.2", "2024年2月", "202402") becomes
 *  "2024-02"; anything else goes as typed, for the API to name the field. */
const monthText = (s) => {
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})|(\d{2}))\s*月?$/.exec(s);
  return m ? `${m[1]}-${(m[2] || m[3]).padStart(2, "0")}` : s;
};
/** Whole numbers are sent as numbers; anything else as typed, for the API to name the field. */
const int = (s) => (s === "" ? undefined : /^\d{1,9}$/.test(s) ? Number(s) : s);

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
  // Counts (a hospital level too) are JSON numbers; money and hours stay the strings typed.
  else q[k] = info.type === "integer" || info.unit === "level" ? int(s) : s;
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
export const contributionInputs = (city, v) => (city.contribution ? city.contribution.inputs.filter((i) => applies(i, v)) : []);

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
