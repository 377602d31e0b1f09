// www/number.js, the one reader of what a person types (the web page, the
// call-center view, the embeds and the mini-program): what it takes, what it
// refuses, and the words it says instead.
//
//   node tests/number.mjs      (no build needed)
import { readInput } from "../www/number.js";

let passed = 0, failed = 0;
const check = (ok, what) => { if (ok) passed++; else failed++; if (!ok || process.env.VERBOSE) console.log(`${ok ? "PASS" : "FAIL"} ${what}`); };
const show = (r) => JSON.stringify(r);

/** [typed, kind, unit, value]: each is read as that value for the JSON query. */
const TAKEN = [
  // Counts: a JSON number.
  ["3", "integer", "days", 3], [" 3 ", "integer", "days", 3], ["\u30003\u3000", "integer", "days", 3], ["３", "integer", "days", 3],
  ["3天", "integer", "days", 3], ["3 天", "integer", "days", 3], ["３天", "integer", "days", 3], ["3日", "integer", "days", 3], ["3 days", "integer", "days", 3],
  ["29", "integer", "days", 29], ["007", "integer", "days", 7], ["0", "integer", "days", 0], ["3.0", "integer", "days", 3], ["3.", "integer", "days", 3],
  ["4个月", "integer", "months", 4], ["4月", "integer", "months", 4], ["４个月", "integer", "months", 4], ["12 months", "integer", "months", 12],
  ["8次", "integer", "visits", 8], ["3级", "integer", "level", 3], ["10年", "integer", "years", 10], ["70岁", "integer", "years", 70],
  ["2023", "integer", "year", 2023], ["2023年", "integer", "year", 2023], ["2023年度", "integer", "year", 2023], ["1,000", "integer", "days", 1000],
  ["999999999999999", "integer", "days", 999999999999999],
  // Money and hours: the decimal text (the JSON doors take money and hours as text).
  ["45", "money", "yuan/day", "45"], ["45元", "money", "yuan/day", "45"], ["45 元", "money", "yuan/day", "45"], ["45元/日", "money", "yuan/day", "45"],
  ["45元/天", "money", "yuan/day", "45"], ["45元每天", "money", "yuan/day", "45"], ["45块", "money", "yuan/day", "45"], ["¥45", "money", "yuan/day", "45"],
  ["￥45.5", "money", "yuan/day", "45.5"], ["４５．５元", "money", "yuan/day", "45.5"], ["45。5", "money", "yuan/day", "45.5"], ["45.50", "money", "yuan/day", "45.50"],
  ["1,000", "money", "yuan/month", "1000"], ["1,000.5元/月", "money", "yuan/month", "1000.5"], ["１，０００元", "money", "yuan/month", "1000"],
  ["6000元每月", "money", "yuan/month", "6000"], [".5", "money", "yuan/month", "0.5"], ["5.", "money", "yuan/month", "5"], ["0", "money", "yuan/month", "0"],
  ["25元/小时", "money", "yuan/hour", "25"], ["1000000", "money", "yuan/month", "1000000"], ["45", "money", null, "45"], ["45元", "money", null, "45"],
  ["2小时", "hours", "hours", "2"], ["2.5 小时", "hours", "hours", "2.5"], ["14h", "hours", "hours", "14"], ["２０个小时", "hours", "hours", "20"],
  // Months: "YYYY-MM".
  ["2026-12", "month", null, "2026-12"], ["2026/12", "month", null, "2026-12"], ["2026.12", "month", null, "2026-12"], ["2026年12月", "month", null, "2026-12"],
  ["2026-1", "month", null, "2026-01"], ["2026年1月", "month", null, "2026-01"], ["202612", "month", null, "2026-12"], ["２０２６年１２月", "month", null, "2026-12"],
  [" 2026 - 12 ", "month", null, "2026-12"], ["2026年12月份", "month", null, "2026-12"],
  // Nothing typed is not given (the default), never 0.
  ["", "integer", "days", undefined], [" ", "integer", "days", undefined], ["\u3000", "money", "yuan/day", undefined], [null, "month", null, undefined],
  [undefined, "integer", "days", undefined],
];
for (const [typed, kind, unit, want] of TAKEN) {
  const r = readInput(typed, kind, unit);
  check("value" in r && r.value === want && !("message" in r), `${show(typed)} as ${kind} ${unit}: ${show(r)} (want ${show(want)})`);
}

/** [typed, kind, unit, words the Chinese message has]: each is refused, with words that say what to enter. */
const REFUSED = [
  // The mini-program's Number() took these: " " as 0 days, "0x1d" as 29, ".5e1" as 5.
  ["0x1d", "integer", "days", "请用数字填写整数天数，如“3”或“3天”。"], [".5e1", "integer", "days", "整数天数"], ["1e3", "money", "yuan/day", "金额（元）"],
  ["0b11", "integer", "days", "整数天数"], ["Infinity", "integer", "days", "整数天数"], ["NaN", "money", "yuan/day", "金额"],
  // Several numbers, or one number several ways.
  ["3 4", "integer", "days", "整数天数"], ["1,5", "money", "yuan/day", "金额"], ["3-5", "integer", "days", "整数天数"], ["3天4小时", "integer", "days", "整数天数"],
  ["12,34,567", "money", "yuan/month", "金额"], ["1.2.3", "money", "yuan/month", "金额"], ["2026-12", "integer", "months", "整数月数"],
  // Another unit than the input's.
  ["3个月", "integer", "days", "请用数字填写整数天数"], ["45元/月", "money", "yuan/day", "如“45”或“45元/日”"], ["2天", "hours", "hours", "小时数"],
  ["3小时", "integer", "visits", "整数次数"], ["45美元", "money", "yuan/day", "金额"],
  // Not a whole number, a sign, words.
  ["3.5", "integer", "days", "须为整数。请用数字填写整数天数"], ["-3", "integer", "days", "不能为负数。"], ["-45元", "money", "yuan/day", "不能为负数。"],
  ["+3", "integer", "days", "整数天数"], ["三", "integer", "days", "整数天数"], ["three", "integer", "days", "整数天数"], ["1000000000000000", "integer", "days", "数字过大。"],
  // Months that are not "YYYY-MM" written some way.
  ["2026-13", "month", null, "月份须在1到12之间。"], ["2026-00", "month", null, "月份须在1到12之间。"], ["12/2026", "month", null, "请按“年-月”填写月份"],
  ["2026", "month", null, "年-月"], ["26-12", "month", null, "年-月"], ["2026-12-01", "month", null, "年-月"], ["next month", "month", null, "年-月"],
];
for (const [typed, kind, unit, words] of REFUSED) {
  const r = readInput(typed, kind, unit);
  check(!("value" in r) && r.message.includes(words) && /^[A-Z]/.test(r.messageEn) && r.messageEn.endsWith("."),
    `${show(typed)} as ${kind} ${unit} refused: ${show(r)}`);
}

// The English words name the input and give an example.
const en = (typed, kind, unit) => readInput(typed, kind, unit).messageEn;
check(en("0x1d", "integer", "days") === "Enter a whole number of days in digits, such as 3.", en("0x1d", "integer", "days"));
check(en("-1", "money", "yuan/hour") === "It cannot be negative. Enter an amount in yuan in digits, such as 45.", en("-1", "money", "yuan/hour"));
check(en("2026-13", "month") === "The month must be 1 to 12. Enter a month as year-month, such as 2026-12.", en("2026-13", "month"));

console.log(`number.js: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
