//# allFunctionsCalledOnLoad
// The page's fixed texts: the few UI strings, the units, and the helpers that
// pick a text's language. Every other text comes from the catalog or the API.
// Imports nothing: the lowest layer of www/ (DESIGN.md, "What depends on
// what?"; tests/www_layers.rs checks it).

/** The few fixed strings; every other text comes from the catalog or the API. */
export const UI = {
  zh: {
    title: "长期护理保险待遇计算器",
    privacy: "全部在本机计算：不发送、不保存任何信息；地址栏也不记录所填内容，要分享请点“复制链接”。",
    disclaimer: "结果仅供参考，以医保经办机构核定为准。",
    otherLang: "English", bigText: "大字", tabs: "计算内容", tabE: "待遇估算", tabC: "缴费",
    city: "城市", insurance: "医保类型", grade: "失能等级", careMode: "护理方式", year: "缴费年度",
    levels: "国家标准：", required: "（必填）", choose: "请选择", none: "不填",
    person: "基本情况", modeInputs: "费用和服务",
    ifEmpty: "不填时：", atMost: "最多：", monthFormat: "格式如2024-02", continuous: "连续缴费年数", cumulative: "累计缴费年数",
    result: "估算结果", fund: "基金支付", selfPay: "个人自付", cost: "费用", yuan: "元", perYear: "元/年",
    unknown: "未知", enterCharge: "请填写机构收费", totalCost: "总费用",
    notEligible: "不符合享受条件", reasons: "原因", lines: "怎么算的", notes: "说明", source: "依据：",
    allowance: "补贴", days: (n) => `护理${n}天`,
    from: (a) => `${a}起施行`, period: (a, b) => `有效期${a}至${b}`,
    status: { in_force: "现行有效", expired: "已过有效期，后续规定不在资料中", superseded: "已被后续文件取代", draft: "征求意见稿",
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
    // Issue 24: the answer a person can act on.
    notCovered: "（不在本计算器的资料中）", conditions: "享受条件", details: "其他情况（可不填）",
    cities: "本计算器包含的城市：", notListed: "我的城市不在列表中",
    notListedText: "本计算器只包含上面这些城市的规定。其他城市请向当地医保经办机构咨询，或拨打医保服务热线12393。",
    ym: (m) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`,
    pays: (f, s) => `该月基金支付${f}元，个人自付${s == null ? "未知（请填写机构收费）" : s + "元"}。`,
    canFrom: (m) => `${m}起可以享受；`, canNow: (m) => `${m}可以享受；`,
    notNow: (m, why) => `${m}还不能享受（${why}）。`, never: (n) => `未来${n}个月内都不能享受。`,
    notIn: (m, why) => `${m}不能享受：${why}`,
    draftHead: (from) => `依据的是征求意见稿，尚未正式施行（拟自${from}实施）。`,
    expiredHead: (to) => `依据的文件已于${to}到期，之后的规定不在本计算器的资料中，仍按该文件估算，仅供参考。`,
    draftFrom: (a) => `征求意见稿，拟自${a}实施，尚未施行`,
    assumed: "这个结果按以下假设计算，请核对：", fillIn: "填写",
    missing: (x) => `请填写“${x}”，即可看到估算。`, fixAt: (x) => `请修正“${x}”：见该输入框下的说明。`, draftPrefix: "按征求意见稿：",
    next: "下一步", reading: "（本计算器的理解）", notCoveredByEstimate: "本估算不包括：评估结论、医疗费用、伙食住宿等长期护理保险不支付的费用。",
    officeDecides: "能否享受、享受多少，以医保经办机构的评估和核定为准。",
    inputs: "所填内容和假设", printed: "打印日期：", gridHead: "月份　基金支付 / 个人自付　说明",
    planSay: (n, k, f, s) => `未来${n}个月中有${k}个月可以享受，基金支付合计${f}元${s == null ? "" : `，个人自付合计${s}元`}。`,
    expiredFrom: (m) => `${m}起的月份所依据的文件已过有效期。`,
    id: "参数代码：",
    brief: { in_force: "现行有效", expired: "文件已过期", superseded: "已被取代", draft: "征求意见稿", article: "概述文章", not_in_force: "尚未实施" },
  },
  en: {
    title: "Long-term care insurance calculator",
    privacy: "Computed on this device: nothing is sent or stored, and the address bar does not keep what you enter; to share, use “Copy link”.",
    disclaimer: "For reference only; the medical insurance agency decides.",
    otherLang: "中文", bigText: "Large text", tabs: "What to calculate", tabE: "Benefits", tabC: "Contributions",
    city: "City", insurance: "Medical insurance", grade: "Disability grade", careMode: "Care mode", year: "Contribution year",
    levels: "National standard: ", required: " (required)", choose: "Choose…", none: "Not given",
    person: "The person", modeInputs: "Costs and services",
    ifEmpty: "If empty: ", atMost: "At most: ", monthFormat: "Write it as 2024-02", continuous: "Continuous years", cumulative: "Cumulative years",
    result: "Estimate", fund: "Fund pays", selfPay: "You pay", cost: "Cost", yuan: "yuan", perYear: "yuan/year",
    unknown: "Unknown", enterCharge: "Enter the provider's charge", totalCost: "Total cost",
    notEligible: "Not eligible", reasons: "Why", lines: "How it is calculated", notes: "Notes", source: "Source: ",
    allowance: "allowance", days: (n) => `${n} care days`,
    from: (a) => `in force from ${a}`, period: (a, b) => `in force ${a} to ${b}`,
    status: { in_force: "In force", expired: "Expired; later rules are not in the sources", superseded: "Replaced by a later document", draft: "Draft for comment",
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
    notCovered: " (not in these sources)", conditions: "Eligibility", details: "Other details (optional)",
    cities: "Cities this calculator covers: ", notListed: "My city is not in the list",
    notListedText: "This calculator has the rules of the cities above only. For another city, ask the local medical insurance office, or call the medical insurance hotline 12393.",
    ym: (m) => m,
    pays: (f, s) => `That month the fund pays ${f} yuan and you pay ${s == null ? "an unknown amount (enter the provider's charge)" : s + " yuan"}.`,
    canFrom: (m) => `Benefits from ${m}. `, canNow: (m) => `Benefits in ${m}. `,
    notNow: (m, why) => `Not yet in ${m} (${why}). `, never: (n) => `No benefits in the next ${n} months.`,
    notIn: (m, why) => `No benefits in ${m}: ${why}`,
    draftHead: (from) => `These rules are a draft for comment, not yet in force (planned from ${from}).`,
    expiredHead: (to) => `The document expired on ${to}; later rules are not in this calculator's sources. It is still applied, as a guide only.`,
    draftFrom: (a) => `draft, planned from ${a}, not in force`,
    assumed: "This result assumes the following; please check: ", fillIn: "Fill in",
    missing: (x) => `Fill in “${x}” to see the estimate.`, fixAt: (x) => `Please correct “${x}”: see the note under it.`, draftPrefix: "Under the draft rules: ",
    next: "What to do next", reading: " (this calculator's reading)", notCoveredByEstimate: "The estimate leaves out: the assessment's outcome, medical costs, and board, lodging and other costs the insurance does not pay.",
    officeDecides: "Whether benefits are paid, and how much, is decided by the medical insurance office's assessment.",
    inputs: "What was entered, and what was assumed", printed: "Printed on: ", gridHead: "Month   fund / you pay   remarks",
    planSay: (n, k, f, s) => `In the next ${n} months, ${k} with benefits: the fund pays ${f} yuan in all${s == null ? "" : `, you pay ${s} yuan`}.`,
    expiredFrom: (m) => `From ${m} the document applied has expired.`,
    id: "Parameter id: ",
    brief: { in_force: "in force", expired: "document expired", superseded: "replaced", draft: "draft", article: "overview article", not_in_force: "not yet in force" },
  },
};

const UNITS = {
  "yuan/month": ["元/月", "yuan/month"], "yuan/day": ["元/日", "yuan/day"], "yuan/hour": ["元/小时", "yuan/hour"],
  "yuan/year": ["元/年", "yuan/year"], days: ["天", "days"], months: ["个月", "months"], years: ["年", "years"],
  hours: ["小时", "hours"], visits: ["次", "visits"], level: ["", ""],
};
export const ZH = "zh-CN";

export const tx = (text, L) => (text ? text[L] ?? text.zh : "");
export const en = (L, zh, enText) => (L === "en" ? enText : zh);
export const msg = (m, L) => en(L, m.message, m.messageEn);
export const unit = (u, L) => (UNITS[u] ? UNITS[u][L === "en" ? 1 : 0] : u || "");
export const errorText = (e, L) => (L === "en" ? e.messageEn || e.message : e.message) || String(e);

/** An API text without the input ids it names: "careDays须在…" → "护理天数须在…" where
 *  `label(id)` knows it, "（hospitalLevel）" and "(dailyCharge)" dropped. No field code reaches a person. */
export const unCode = (text, label = () => null) => String(text ?? "")
  .replace(/\s?[（(]\s*[a-z]+[A-Z][\w.]*\s*[)）]/g, "")
  .replace(/\b([a-z]+[A-Z]\w*(?:\.[a-z]\w*)?)(\s?)/g, (all, id, sp) => (label(id) ? label(id) + sp : ""));
