//# allFunctionsCalledOnLoad
// What a person types into a box, read once for every form that takes it: the
// web page, the call-center view and the embeds (query.js), and the WeChat
// mini-program (scripts/miniprogram.mjs copies this file into miniprogram/ltci/).
// The JSON doors stay strict (docs/api.md); this is the person's door.
//
// It takes what people type where it can mean one thing only: digits and
// punctuation from a Chinese keyboard (full-width "３．５", "。" for the point),
// spaces around, thousands grouped by commas ("1,000"), a unit after the
// number that is the input's own ("4个月", "45元", "45元/日", "3天", "2小时",
// "8次"), and months as "2026-12", "2026/12", "2026.12", "202612" or
// "2026年12月". It refuses what could be read more than one way or is not a
// number as people write one: several numbers ("3 4", "1,5"), another unit
// ("3个月" for days), hex ("0x1d"), exponents (".5e1"), signs. Nothing typed
// is not 0: it is "not given", and the calculator takes the default.
//
// Ranges (at most the days of the month, 1,000,000 yuan…) and decimals are the
// calculator's own checks, with its errors: this only reads.
//
// Imports nothing and uses no DOM: the lowest layer of www/ (DESIGN.md). Plain
// ES2015 besides its one export, as the mini-program runtime reads it.

/** Full-width ASCII (U+FF01–FF5E) as ASCII, the ideographic space as a space,
 *  the ideographic full stop as a point (a Chinese keyboard types it for "."). */
const halfWidth = (s) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  .replace(/\u3000/g, " ").replace(/。/g, ".").replace(/\uffe5/g, "¥");

// The unit words a number may be followed by, by the catalog's unit id; with
// what the input is (zh, en) and examples of what to type (zh, zh, en).
const YUAN = "(?:元|块钱|块|yuan|rmb|cny)";
const PER = { month: "(?:/|每|一)?个?月|/month", day: "(?:/|每|一)?[天日]|/day", hour: "(?:/|每|一)?个?小时|/h|/hr|/hour", year: "(?:/|每|一)?年|/year" };
const PER_ZH = { month: "月", day: "日", hour: "小时", year: "年" };
const money = (per) => ({ words: ["金额（元）", "an amount in yuan"], examples: ["45", `45元/${PER_ZH[per]}`, "45"], unit: `${YUAN}(?:\\s*(?:${PER[per]}))?` });
const UNITS = {
  "yuan/month": money("month"), "yuan/day": money("day"), "yuan/hour": money("hour"), "yuan/year": money("year"),
  days: { words: ["整数天数", "a whole number of days"], examples: ["3", "3天", "3"], unit: "天|日|days?" },
  hours: { words: ["小时数", "a number of hours"], examples: ["2.5", "2.5小时", "2.5"], unit: "个?小时|个?钟头|h|hrs?|hours?" },
  visits: { words: ["整数次数", "a whole number of visits"], examples: ["8", "8次", "8"], unit: "次|回|visits?|times?" },
  months: { words: ["整数月数", "a whole number of months"], examples: ["4", "4个月", "4"], unit: "个月|月|months?" },
  years: { words: ["整数年数", "a whole number of years"], examples: ["10", "10年", "10"], unit: "年|周岁|岁|years?|yrs?" },
  year: { words: ["四位数年份", "a four-digit year"], examples: ["2026", "2026年", "2026"], unit: "年度|年" },
  level: { words: ["等级（整数）", "a level (a whole number)"], examples: ["3", "3级", "3"], unit: "级" },
};
/** Without a unit: what each kind is. */
const KINDS = {
  integer: { words: ["整数", "a whole number"], examples: ["3", "3", "3"] },
  money: { words: ["金额（元）", "an amount in yuan"], examples: ["45", "45元", "45"] },
  hours: { words: ["小时数", "a number of hours"], examples: ["2.5", "2.5小时", "2.5"] },
};

/** A plain number as written: digits (grouped by thousands or not), an optional point and digits. */
const NUMBER = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))$/;

/** The words that say what to enter, in Chinese and English, after `why` (zh, en) if any. */
function what(kind, unit, why = ["", ""]) {
  if (kind === "month") {
    return { message: `${why[0]}请按“年-月”填写月份，如“2026-12”或“2026年12月”。`, messageEn: `${why[1]}Enter a month as year-month, such as 2026-12.` };
  }
  const { words: [zh, en], examples: [a, b, c] } = UNITS[unit] || KINDS[kind] || KINDS.money;
  return { message: `${why[0]}请用数字填写${zh}，如“${a}”${a === b ? "" : `或“${b}”`}。`, messageEn: `${why[1]}Enter ${en} in digits, such as ${c}.` };
}

/**
 * Reads what a person typed for one input.
 *
 *   readInput(text, kind, unit) → { value } | { message, messageEn }
 *
 * `kind` is the catalog's input type: "integer" (a count: days, visits, months,
 * a level, a year), "money", "hours" or "month". `unit` is the catalog's unit id
 * ("days", "yuan/day", …; "year" for a calendar year), which sets the unit words
 * it takes after the number; without one, none. `value` is what the JSON query
 * takes: a number for a count, the decimal text for money and hours ("1000.5"),
 * "YYYY-MM" for a month, and undefined when nothing was typed (the input is not
 * given). Otherwise the words, Chinese and English, say what to enter.
 */
export function readInput(text, kind, unit = null) {
  const s = halfWidth(text == null ? "" : String(text)).trim();
  if (s === "") return { value: undefined };
  if (kind === "month") return readMonth(s);
  // The unit words it takes: the unit's own; without a unit, yuan for money and hours for hours.
  const words = (UNITS[unit] || { money: { unit: YUAN }, hours: UNITS.hours }[kind] || {}).unit;
  let body = kind === "money" ? s.replace(/^(?:¥|rmb|cny)\s*/i, "") : s;
  if (words) body = body.replace(new RegExp(`\\s*(?:${words})$`, "i"), "");
  if (/^-\s*[\d.]/.test(body)) return what(kind, unit, ["不能为负数。", "It cannot be negative. "]);
  const m = NUMBER.exec(body);
  if (!m) return what(kind, unit);
  const whole = (m[1] || "0").replace(/,/g, "").replace(/^0+(?=\d)/, "");
  const frac = (m[2] || m[3] || "").replace(/0+$/, kind === "integer" ? "" : "$&");
  if (kind === "integer") {
    if (frac.replace(/0/g, "") !== "") return what(kind, unit, ["须为整数。", "It must be a whole number. "]);
    if (whole.length > 15) return what(kind, unit, ["数字过大。", "The number is too large. "]);
    return { value: Number(whole) };
  }
  return { value: frac === "" ? whole : `${whole}.${frac}` };
}

/** "2026-12", "2026/12", "2026.12", "2026 - 1", "202612", "2026年12月(份)" → "2026-12". */
function readMonth(s) {
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})|(\d{2}))\s*(?:月份?)?$/.exec(s);
  if (!m) return what("month");
  const month = Number(m[2] || m[3]);
  if (month < 1 || month > 12) return what("month", null, ["月份须在1到12之间。", "The month must be 1 to 12. "]);
  return { value: `${m[1]}-${month < 10 ? "0" : ""}${month}` };
}
