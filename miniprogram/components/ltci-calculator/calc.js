// The calculator's state and what it shows, for the <ltci-calculator> component
// (index.js): the same values, defaults and queries as the web page's
// www/query.js and www/state.js, and the same fixed words as www/texts.js.
// Every other text comes from the catalog or the answer. No city is named here.
//
// What a person types is read by the web page's own reader (ltci/number.js, made
// from www/number.js by scripts/miniprogram.mjs). Plain ES2015: the mini-program
// runtime reads it as it is.
'use strict';

const { readInput } = require('../../ltci/number.js');

/** The few fixed words, as www/texts.js has them. */
const UI = {
  zh: {
    title: '长期护理保险待遇计算器', loading: '正在加载计算器…', failed: '无法加载计算器，请重新打开页面。',
    privacy: '全部在本机计算：不发送、不保存任何信息。', disclaimer: '结果仅供参考，以医保经办机构核定为准。',
    otherLang: 'English', bigText: '大字',
    city: '城市', insurance: '医保类型', grade: '失能等级', careMode: '护理方式',
    levels: '国家标准：', notCovered: '（不在本计算器的资料中）', required: '（必填）', choose: '请选择', none: '不填',
    person: '基本情况', modeInputs: '费用和服务', conditions: '享受条件', details: '其他情况（可不填）', yes: '是',
    ifEmpty: '不填时：', atMost: '最多：', monthFormat: '格式如2024-02', continuous: '连续缴费年数', cumulative: '累计缴费年数',
    result: '估算结果', fund: '基金支付', selfPay: '个人自付', cost: '费用', yuan: '元',
    unknown: '未知', enterCharge: '请填写机构收费', totalCost: '总费用',
    notEligible: '不符合享受条件', reasons: '原因', lines: '怎么算的', notes: '说明', source: '依据：',
    allowance: '补贴', nextSteps: '下一步', reading: '（本计算器的理解）',
    notCoveredByEstimate: '本估算不包括：评估结论、医疗费用、伙食住宿等长期护理保险不支付的费用。',
    officeDecides: '能否享受、享受多少，以医保经办机构的评估和核定为准。',
    assumed: '这个结果按以下假设计算，请核对：', fillIn: '填写',
    status: { in_force: '现行有效', expired: '已过有效期，后续规定不在资料中', superseded: '已被后续文件取代', draft: '征求意见稿',
      article: '来自概述文章', not_in_force: '尚未实施' },
    compare: '各护理方式比较', compareHelp: '同一个人、同一月份；其他护理方式按默认费用计算。',
    current: '（当前）', inel: '不符合条件', fix: '请修正标出的输入：',
    ref: '案例编号：', reviewed: '规则核对日期',
    months: '月数（1–36）', monthsHelp: '从估算的月份起；之后各月按整月护理，服务的天数、次数或时长按您本月的用法延续，辅具费用只计本月。',
    planFund: '基金支付合计', planSelf: '个人自付合计', planNever: '这段时间内都不符合享受条件。',
    when: '何时可以享受', cannot: '无法通过等待改变：', month: '月份', remark: '说明', byMonth: '每月明细（元）',
  },
  en: {
    title: 'Long-term care insurance calculator', loading: 'Loading…', failed: 'The calculator could not load; please open the page again.',
    privacy: 'Computed on this device: nothing is sent or stored.', disclaimer: 'For reference only; the medical insurance agency decides.',
    otherLang: '中文', bigText: 'Large text',
    city: 'City', insurance: 'Medical insurance', grade: 'Disability grade', careMode: 'Care mode',
    levels: 'National standard: ', notCovered: ' (not in these sources)', required: ' (required)', choose: 'Choose…', none: 'Not given',
    person: 'The person', modeInputs: 'Costs and services', conditions: 'Eligibility', details: 'Other details (optional)', yes: 'Yes',
    ifEmpty: 'If empty: ', atMost: 'At most: ', monthFormat: 'Write it as 2024-02', continuous: 'Continuous years', cumulative: 'Cumulative years',
    result: 'Estimate', fund: 'Fund pays', selfPay: 'You pay', cost: 'Cost', yuan: 'yuan',
    unknown: 'Unknown', enterCharge: "Enter the provider's charge", totalCost: 'Total cost',
    notEligible: 'Not eligible', reasons: 'Why', lines: 'How it is calculated', notes: 'Notes', source: 'Source: ',
    allowance: 'allowance', nextSteps: 'What to do next', reading: " (this calculator's reading)",
    notCoveredByEstimate: 'The estimate leaves out: the assessment\'s outcome, medical costs, and board, lodging and other costs the insurance does not pay.',
    officeDecides: 'Whether benefits are paid, and how much, is decided by the medical insurance office\'s assessment.',
    assumed: 'This result assumes the following; please check: ', fillIn: 'Fill in',
    status: { in_force: 'In force', expired: 'Expired; later rules are not in the sources', superseded: 'Replaced by a later document', draft: 'Draft for comment',
      article: 'From an overview article', not_in_force: 'Not yet in force' },
    compare: 'All care modes compared', compareHelp: 'Same person and month; the other modes with their default costs.',
    current: ' (selected)', inel: 'Not eligible', fix: 'Please correct the marked input: ',
    ref: 'Case reference: ', reviewed: 'Checked against the source',
    months: 'Months (1–36)', monthsHelp: "From the month estimated; later months count whole months of care, carry this month's days, visits or hours of service as your pattern, and leave out this month's device costs.",
    planFund: 'Fund pays in all', planSelf: 'You pay in all', planNever: 'Not eligible in any of these months.',
    when: 'When benefits can start', cannot: 'Waiting does not change this: ', month: 'Month', remark: 'Remarks', byMonth: 'Month by month (yuan)',
  },
};
/** The words made of figures, as www/texts.js has them. */
const SAY = {
  zh: {
    days: (n) => '护理' + n + '天', from: (a) => a + '起施行', period: (a, b) => '有效期' + a + '至' + b,
    refHelp: (v) => '编号由本结果（是否符合、原因、各项金额）算出，不含所填内容；任何人都能从计算器的代码在几秒内推算出它代表的结果，所以它与结果本身一样私密，仅此而已。来电咨询时报此编号即可核对结果（规则版本' + v + '）。',
    plan: (n) => '未来' + n + '个月', planFrom: (m, n) => m + '起符合享受条件，共' + n + '个月。', since: (m) => m + '起：',
    // Issue 24: the answer a person can act on (www/texts.js).
    ym: (m) => m.slice(0, 4) + '年' + Number(m.slice(5, 7)) + '月',
    pays: (f, s) => '该月基金支付' + f + '元，个人自付' + (s == null ? '未知（请填写机构收费）' : s + '元') + '。',
    canFrom: (m) => m + '起可以享受；', canNow: (m) => m + '可以享受；',
    notNow: (m, why) => m + '还不能享受（' + why + '）。', never: (n) => '未来' + n + '个月内都不能享受。',
    notIn: (m, why) => m + '不能享受：' + why,
    draftHead: (from) => '依据的是征求意见稿，尚未正式施行（拟自' + from + '实施）。',
    expiredHead: (to) => '依据的文件已于' + to + '到期，之后的规定不在本计算器的资料中，仍按该文件估算，仅供参考。',
    draftFrom: (a) => '征求意见稿，拟自' + a + '实施，尚未施行',
    missing: (x) => '请填写“' + x + '”，即可看到估算。', fixAt: (x) => '请修正“' + x + '”：见该输入框下的说明。', draftPrefix: '按征求意见稿：',
  },
  en: {
    days: (n) => n + ' care days', from: (a) => 'in force from ' + a, period: (a, b) => 'in force ' + a + ' to ' + b,
    refHelp: (v) => 'Made from this result (eligibility, reasons, amounts), not from what was entered: anyone can recover the result it stands for from the calculator\'s code in seconds, so it is as private as the result itself, no more. Quote it when you call to check the result (rules version ' + v + ').',
    plan: (n) => (n === 1 ? 'The next month' : 'The next ' + n + ' months'),
    planFrom: (m, n) => 'Eligible from ' + m + ': ' + n + ' month' + (n === 1 ? '' : 's') + '.', since: (m) => 'From ' + m + ': ',
    ym: (m) => m,
    pays: (f, s) => 'That month the fund pays ' + f + ' yuan and you pay ' + (s == null ? "an unknown amount (enter the provider's charge)" : s + ' yuan') + '.',
    canFrom: (m) => 'Benefits from ' + m + '. ', canNow: (m) => 'Benefits in ' + m + '. ',
    notNow: (m, why) => 'Not yet in ' + m + ' (' + why + '). ', never: (n) => 'No benefits in the next ' + n + ' months.',
    notIn: (m, why) => 'No benefits in ' + m + ': ' + why,
    draftHead: (from) => 'These rules are a draft for comment, not yet in force (planned from ' + from + ').',
    expiredHead: (to) => "The document expired on " + to + "; later rules are not in this calculator's sources. It is still applied, as a guide only.",
    draftFrom: (a) => 'draft, planned from ' + a + ', not in force',
    missing: (x) => 'Fill in “' + x + '” to see the estimate.', fixAt: (x) => 'Please correct “' + x + '”: see the note under it.', draftPrefix: 'Under the draft rules: ',
  },
};
const WHY = {
  zh: { insurance_not_covered: '医保类型不在保障范围', grade_not_covered: '失能等级不在保障范围', disability_too_short: '失能时间不足',
    work_injury_allowance: '领取工伤护理费', benefits_locked: '待遇封锁期', contribution_years_short: '缴费年限不足',
    contribution_interrupted: '缴费中断', waiting_period: '等待期', not_in_force: '尚未实施', before_benefit_start: '未到待遇起始月',
    disability_subsidy_higher: '残疾人护理补贴更高' },
  en: { insurance_not_covered: 'insurance not covered', grade_not_covered: 'grade not covered', disability_too_short: 'disability too recent',
    work_injury_allowance: 'work-injury allowance', benefits_locked: 'lock period', contribution_years_short: 'contribution years short',
    contribution_interrupted: 'contributions interrupted', waiting_period: 'waiting period', not_in_force: 'not yet in force',
    before_benefit_start: 'before the first benefit month', disability_subsidy_higher: 'disability subsidy higher' },
};
const UNITS = {
  'yuan/month': ['元/月', 'yuan/month'], 'yuan/day': ['元/日', 'yuan/day'], 'yuan/hour': ['元/小时', 'yuan/hour'],
  'yuan/year': ['元/年', 'yuan/year'], days: ['天', 'days'], months: ['个月', 'months'], years: ['年', 'years'],
  hours: ['小时', 'hours'], visits: ['次', 'visits'], level: ['', ''],
};

// ---------- small helpers (as www/texts.js and www/query.js) ----------

const has = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
/** An object's own property: never one a host put on Object.prototype. */
const own = (o, k) => (has(o, k) ? o[k] : undefined);
const blank = () => Object.create(null);
const typed = (x) => String(x == null ? '' : x).trim() !== '';
const tx = (text, L) => (text ? (text[L] != null ? text[L] : text.zh) : '');
const en = (L, zh, enText) => (L === 'en' ? enText : zh);
const msg = (m, L) => en(L, m.message, m.messageEn);
const unitText = (u, L) => (UNITS[u] ? UNITS[u][L === 'en' ? 1 : 0] : u || '');
const errorText = (e, L) => (L === 'en' ? e.messageEn || e.message : e.message) || String(e);
/** An API text without the input ids it names, as www/texts.js unCode: "careDays须在…" → "护理天数须在…"
 *  where `label(id)` knows it, "（hospitalLevel）" and "(dailyCharge)" dropped. No field code reaches a person. */
const unCode = (text, label) => String(text == null ? '' : text)
  .replace(/\s?[（(]\s*[a-z]+[A-Z][\w.]*\s*[)）]/g, '')
  .replace(/\b([a-z]+[A-Z]\w*(?:\.[a-z]\w*)?)(\s?)/g, (all, id, sp) => (label && label(id) ? label(id) + sp : ''));
/** The eligibility inputs asked in the open wherever a city reads them (www/form.js ASKED): their
 *  default (6 months disabled, no subsidy, no work-injury allowance) can decide the answer. */
const ASKED = ['disabilityMonths', 'disabilitySubsidy', 'workInjuryCareAllowance'];

/** This month in China ("YYYY-MM"), the API's own default. */
function chinaMonth(date) {
  const d = new Date((date || new Date()).getTime() + 8 * 3600e3);
  const m = d.getUTCMonth() + 1;
  return d.getUTCFullYear() + '-' + (m < 10 ? '0' : '') + m;
}

// ---------- the catalog ----------

const cityOf = (cat, id) => cat.cities.find((c) => c.id === id) || cat.cities[0];
const modeOf = (city, id) => city.careModes.find((m) => m.id === id) || city.careModes[0];
const common = (cat, key) => cat.queryInputs.find((i) => i.key === key);
/** A common input as a city shows it: its label and help in the city's words where they differ. */
function asIn(city, info) {
  const mine = (city.inputTexts || []).find((t) => t.key === info.key);
  return mine ? Object.assign({}, info, { label: mine.label || info.label, help: mine.help || info.help }) : info;
}
/** The eligibility inputs (享受条件) a city reads, in its words. */
const detailInputs = (cat, city) => city.queryInputs.filter((k) => k !== 'month' && k !== 'careDays')
  .map((k) => common(cat, k)).filter(Boolean).map((i) => asIn(city, i));
/** Form keys of some inputs; a years input is two keys, "<key>.continuous" and "<key>.cumulative". */
const keysOf = (inputs) => [].concat.apply([], inputs.map((i) => (i.type === 'years' ? [i.key + '.continuous', i.key + '.cumulative'] : [i.key])));

// ---------- queries: values (text as typed) to the API's objects, as www/query.js ----------

/** The value under `key`, read as `kind` in `unit`: the query's value, or undefined
 *  when nothing was typed; throws the coded error with the words to show. */
function read(info, key, v, kind, unit) {
  const r = readInput(own(v, key), kind || info.type, unit === undefined ? info.unit : unit);
  if (!has(r, 'message')) return r.value;
  const label = own(info, 'label') || { zh: key, en: key };
  const err = new Error(label.zh + '：' + r.message);
  err.code = 'invalid_value';
  err.field = key;
  err.messageEn = label.en + ': ' + r.messageEn;
  throw err;
}

function put(q, info, v) {
  const k = info.key, x = own(v, k);
  if (info.type === 'years') {
    const a = read(info, k + '.continuous', v, 'integer', 'years'), b = read(info, k + '.cumulative', v, 'integer', 'years');
    if (a !== undefined || b !== undefined) q[k] = { continuous: a, cumulative: b };
  } else if (info.type === 'boolean') {
    if (String(x == null ? '' : x).trim() === 'true') q[k] = true;
  } else if (info.type === 'choice' || own(info, 'options')) {
    // An option's id; a hospital level's is its number, and the query takes a count as a number.
    if (typed(x)) q[k] = info.unit === 'level' ? read(info, k, v, 'integer') : String(x).trim();
  } else {
    const value = read(info, k, v);
    if (value !== undefined) q[k] = value;
  }
}

/** The Query for values `v` and care mode `modeId`; with `ownInputs` false the mode's own
 *  inputs are left to their defaults (the comparison). Throws the error for an input it cannot read. */
function estimateQuery(cat, v, modeId, ownInputs) {
  const city = cityOf(cat, own(v, 'city')), mode = modeOf(city, modeId === undefined ? own(v, 'careMode') : modeId);
  const q = { city: city.id, insurance: own(v, 'insurance'), grade: own(v, 'grade'), careMode: mode.id };
  put(q, common(cat, 'month'), v);
  if (mode.usesCareDays) put(q, common(cat, 'careDays'), v);
  detailInputs(cat, city).forEach((i) => put(q, i, v));
  if (ownInputs !== false) mode.inputs.forEach((i) => put(q, i, v));
  return q;
}

const MONTHS = { key: 'months', label: { zh: '月数', en: 'Months' } };
/** The PlanQuery: the estimate's query and `months` as typed (default 12). */
function planQuery(cat, v) {
  const months = read(MONTHS, 'months', v, 'integer', 'months');
  const q = estimateQuery(cat, v);
  if (months !== undefined) q.months = months;
  return q;
}

/** {query, result} or {query, error}. */
function attempt(fn, build) {
  let query;
  try {
    query = build();
    return { query, result: fn(query) };
  } catch (error) {
    return { query, error };
  }
}

/** Defaults filled in, as www/state.js fixEstimate: the first city, its first insurance
 *  type, its highest grade, its first care mode, this month. */
function fixEstimate(cat, v) {
  const city = cityOf(cat, own(v, 'city'));
  v.city = city.id;
  if (!cat.insuranceTypes.some((i) => i.id === own(v, 'insurance'))) v.insurance = city.insurance[0];
  if (!cat.grades.some((g) => g.id === own(v, 'grade'))) v.grade = city.grades[city.grades.length - 1];
  v.careMode = modeOf(city, own(v, 'careMode')).id;
  if (own(v, 'month') == null || own(v, 'month') === '') v.month = chinaMonth();
  return v;
}

/** Drops the values the old city or care mode read that the new one does not (as the web page does). */
function dropOld(cat, v, before, beforeMode) {
  keysOf(beforeMode.inputs).forEach((k) => { delete v[k]; });
  const city = cityOf(cat, own(v, 'city'));
  if (city.id !== before.id) {
    const keep = keysOf(detailInputs(cat, city));
    keysOf(detailInputs(cat, before)).forEach((k) => { if (keep.indexOf(k) < 0) delete v[k]; });
  }
}

// ---------- what the component shows ----------

const stop = (x, L) => (L === 'en' ? (/[.!?]$/.test(x) ? x : x + '.') : /[。！？]$/.test(x) ? x : x + '。');

/** One input of the form, as www/form.js fieldEl builds it. */
function field(info, v, L, extraHelp) {
  const t = UI[L], u = unitText(own(info, 'unit'), L), options = own(info, 'options'), dflt = own(info, 'default');
  const label = tx(info.label, L) + (u && info.type !== 'years' ? en(L, '（' + u + '）', ' (' + u + ')') : '') + (own(info, 'required') ? t.required : '');
  const help = [tx(own(info, 'help'), L)];
  if (dflt != null) help.push(t.ifEmpty + dflt + (u ? ' ' + u : ''));
  else if (own(info, 'defaultRule')) help.push(t.ifEmpty + tx(info.defaultRule, L));
  if (own(info, 'maxRule')) help.push(t.atMost + tx(info.maxRule, L));
  if (info.type === 'month') help.push(t.monthFormat);
  if (extraHelp) help.push(extraHelp);
  const f = { key: info.key, label, help: help.filter(Boolean).map((x) => stop(x, L)).join(en(L, '', ' ')), error: '' };
  const value = own(v, info.key);
  if (info.type === 'boolean') {
    f.type = 'boolean';
    f.checked = value === 'true';
  } else if (info.type === 'years') {
    f.type = 'years';
    f.parts = [['continuous', t.continuous], ['cumulative', t.cumulative]].map((p) => ({
      key: info.key + '.' + p[0], sub: p[0], label: p[1] + (u ? en(L, '（' + u + '）', ' (' + u + ')') : ''), value: own(v, info.key + '.' + p[0]) || '', error: '' }));
  } else if (info.type === 'choice' || options) {
    f.type = 'choice';
    f.ids = [''].concat((options || []).map((o) => o.id));
    f.names = [own(info, 'required') ? t.choose : t.none].concat((options || []).map((o) => tx(o.name, L)));
    f.index = Math.max(0, f.ids.indexOf(value || ''));
  } else {
    f.type = 'text';
    f.value = value || '';
    f.placeholder = info.type === 'month' ? 'YYYY-MM' : dflt != null ? dflt : '';
    f.inputType = info.type === 'integer' ? 'number' : info.type === 'month' ? 'text' : 'digit';
  }
  return f;
}

/** A picker of catalog choices; `covered` marks the ones the city does not cover. */
function choice(key, label, list, value, L, covered, help) {
  const ids = list.map((o) => o.id);
  return { key, label, help: help || '', ids, index: Math.max(0, ids.indexOf(value)), error: '',
    names: list.map((o) => tx(o.name, L) + (covered && covered.indexOf(o.id) < 0 ? UI[L].notCovered : '')) };
}

/** The form for values `v`: the person (city, insurance, grade, care mode, month, care days),
 *  the eligibility questions asked in the open (ASKED, in the city's words), the mode's inputs,
 *  and the other eligibility details (collapsed). */
function form(cat, v, L) {
  const t = UI[L], city = cityOf(cat, v.city), mode = modeOf(city, v.careMode);
  const grades = cat.grades.map((g) => Object.assign({}, g, { name: (city.gradeNames.find((n) => n.id === g.id) || g).name }));
  const month = field(common(cat, 'month'), v, L);
  const r = readInput(v.month, 'month');
  month.pick = has(r, 'message') || r.value === undefined ? chinaMonth() : r.value;
  return {
    city: choice('city', t.city, cat.cities, city.id, L),
    insurance: choice('insurance', t.insurance, cat.insuranceTypes, v.insurance, L, city.insurance),
    grade: choice('grade', t.grade, grades, v.grade, L, city.grades, t.levels + cat.grades.map((g) => tx(g.levels, L)).join(en(L, '；', '; '))),
    careMode: choice('careMode', t.careMode, city.careModes, mode.id, L, null, tx(mode.help, L) + ' ' + t.source + mode.citation),
    month,
    careDays: mode.usesCareDays ? field(common(cat, 'careDays'), v, L, tx(city.careDaysHelp, L)) : null,
    asked: detailInputs(cat, city).filter((i) => ASKED.indexOf(i.key) >= 0).map((i) => field(i, v, L)),
    inputs: mode.inputs.map((i) => field(i, v, L)),
    details: detailInputs(cat, city).filter((i) => ASKED.indexOf(i.key) < 0).map((i) => field(i, v, L)),
  };
}

const fieldsOf = (f) => [f.insurance, f.grade, f.careMode, f.month].concat(f.careDays ? [f.careDays] : [], f.asked, f.inputs, f.details);
/** The words of a field's label by its key (without its unit and 必填 marks), for a message
 *  about it, as www/form.js labelOf: "护理天数" for careDays; a pair of years by its first part. */
function labeller(f) {
  return (key) => {
    if (!key) return null;
    const named = (k) => k === key || k.indexOf(key + '.') === 0;
    let found = null;
    fieldsOf(f).forEach((x) => {
      (x.parts || [x]).forEach((p) => { if (!found && named(p.key)) found = p.label; });
    });
    return found ? found.replace(/[（(].*$/, '').trim() : null;
  };
}

/** Puts an error on the field it names, in its label's words (no field code); true if one was found.
 *  A required input not yet given is asked for in the result, not marked as wrong. */
function mark(f, error, L) {
  if (!error.field || error.code === 'missing_field') return false;
  const named = (k) => k === error.field || k.indexOf(error.field + '.') === 0;
  const label = labeller(f);
  let placed = false;
  fieldsOf(f).forEach((x) => {
    (x.parts || [x]).forEach((p) => {
      if (!placed && named(p.key)) { p.error = unCode(errorText(error, L), (k) => (named(k) ? label(p.key) : null)); placed = true; }
    });
  });
  return placed;
}

const yuan = (x) => (x == null ? x : String(x).replace(/\.00$/, ''));
const why = (codes, L) => codes.map((c) => WHY[L][c] || c).join(en(L, '、', ', '));

/** The answer in one sentence, as www/result.js headline: now or not, from when, and what that
 *  month pays and costs. `plan()` gives the months ahead (called only when this month is not eligible). */
function headline(est, plan, L) {
  return (est.policy.status === 'draft' ? SAY[L].draftPrefix : '') + sentence(est, plan, L);
}
function sentence(est, plan, L) {
  const t = SAY[L], m = t.ym(est.month);
  if (est.eligible) return t.canNow(m) + t.pays(yuan(est.totals.fund), yuan(est.totals.selfPay));
  const p = plan && plan(), r = p && p.result, first = r && r.months.find((x) => x.eligible);
  const codes = est.reasons.map((x) => x.code);
  if (first) return t.notNow(m, why(codes, L)) + t.canFrom(t.ym(first.month)) + t.pays(yuan(first.totals.fund), yuan(first.totals.selfPay));
  return t.notIn(m, est.reasons.map((x) => msg(x, L)).join(en(L, '', ' '))) + (r ? en(L, '', ' ') + t.never(r.months.length) : '');
}

/** What an assumption note is about: the input to fill in (assumed_disability_months → disabilityMonths). */
const assumedKey = (code) => code.slice(8).replace(/_met$/, '').replace(/_(\w)/g, (_, c) => c.toUpperCase());

/** The estimate, as www/result.js renderEstimate shows it: the headline, a draft's or an expired
 *  document's word at the top, what a default decided, then the figures and the rest. */
function result(cat, est, q, L, plan) {
  const t = UI[L], say = SAY[L], city = cityOf(cat, est.city), mode = modeOf(city, est.careMode);
  const name = (list, id) => tx((list.find((x) => x.id === id) || {}).name, L);
  const p = est.policy, doc = city.documents.find((d) => d.number === p.document);
  const sp = est.totals.selfPay;
  const reading = t.reading.replace(/[（）()]/g, '').trim();
  return {
    headline: headline(est, plan, L),
    statusHead: p.status === 'draft' ? say.draftHead(p.effectiveFrom) : p.status === 'expired' ? say.expiredHead(p.effectiveTo) : '',
    assumed: est.notes.filter((n) => n.code.indexOf('assumed_') === 0).map((n) => ({ code: n.code, key: assumedKey(n.code), text: msg(n, L) })),
    summary: [tx(city.name, L), name(cat.insuranceTypes, q.insurance), name(cat.grades, q.grade), tx(mode.name, L), est.month,
      mode.usesCareDays ? say.days(est.careDays) : null].filter(Boolean).join(' · '),
    eligible: est.eligible,
    fund: est.totals.fund,
    selfPay: sp == null ? t.unknown : sp,
    selfPayUnit: sp == null ? t.enterCharge : t.yuan,
    unknown: sp == null,
    totalCost: est.eligible && est.totals.cost != null ? t.totalCost + ' ' + est.totals.cost + ' ' + t.yuan : '',
    reasons: est.reasons.map((r) => ({ code: r.code, text: msg(r, L), citation: r.citation })),
    reference: est.reference,
    refHelp: say.refHelp(cat.rulesVersion),
    status: t.status[p.status] || p.status,
    statusCode: p.status,
    document: p.document,
    title: '《' + p.title + '》',
    when: p.status === 'draft' ? say.draftFrom(p.effectiveFrom) : p.effectiveTo ? say.period(p.effectiveFrom, p.effectiveTo) : say.from(p.effectiveFrom),
    reviewed: doc ? t.reviewed + en(L, '：', ': ') + doc.lastReviewed : '',
    lines: est.lines.map((l) => ({ id: l.id, label: en(L, l.label, l.labelEn), allowance: l.kind === 'allowance',
      cost: l.cost == null ? t.unknown : l.cost, fund: l.fund, selfPay: l.selfPay == null ? t.unknown : l.selfPay,
      basis: en(L, l.basis, l.basisEn), citation: l.citation })),
    notes: est.notes.map((n) => ({ code: n.code, text: unCode(msg(n, L)), citation: n.citation })),
    // 下一步 from the sources; a reading marked as the calculator's (unless its words say so already).
    nextSteps: (city.nextSteps || []).map((s) => ({ text: tx(s.text, L), citation: s.citation || '', reading: !!s.reading,
      mark: s.reading && tx(s.text, L).indexOf(reading) < 0 ? t.reading : '' })),
  };
}

/** The months ahead, as www/plan.js renderPlan shows them. */
function months(p, L) {
  const t = UI[L], say = SAY[L], sp = p.totals.selfPay, first = p.months[0];
  const why = (m) => m.reasons.map((c) => WHY[L][c] || c).join(en(L, '、', ', '));
  return {
    head: say.plan(p.months.length),
    fund: p.totals.fund,
    selfPay: sp == null ? t.unknown : sp,
    from: p.eligibleFrom || '',
    fromText: p.eligibleFrom ? say.planFrom(p.eligibleFrom, p.eligibleMonths) : t.planNever,
    change: first.eligible ? [] : p.whatWouldChange.map((w) => ({ code: w.code,
      lead: w.from ? say.since(w.from) : !w.possible ? t.cannot : '', text: msg(w, L), citation: w.citation || '' })),
    rows: p.months.map((m) => ({ month: m.month, eligible: m.eligible, fund: m.totals.fund,
      selfPay: m.totals.selfPay == null ? t.unknown : m.totals.selfPay,
      remark: (m.eligible ? '' : t.inel + en(L, '：', ': ') + why(m)) +
        (m.status === 'expired' || m.status === 'draft' ? (m.eligible ? '' : ' ') + t.status[m.status] : '') })),
  };
}

/**
 * Everything the component shows for state `s` ({v, lang, big, compact, open}), computed
 * with the API `api` ({estimate, plan}). Returns {view, estimate, plan, error}: `view` for
 * setData, and the answers for the component's events.
 */
function render(cat, s, api) {
  const L = s.lang === 'en' ? 'en' : 'zh', t = UI[L], v = s.v;
  fixEstimate(cat, v);
  const f = form(cat, v, L);
  // An assumption's "fill in" (s.focus): that input takes the focus, once.
  if (s.focus) {
    fieldsOf(f).forEach((x) => { if (x.key === s.focus) (x.parts ? x.parts[0] : x).focus = true; });
    s.focus = null;
  }
  const r = attempt(api.estimate, () => estimateQuery(cat, v));
  const view = { t, form: f, result: null, problem: null, plan: null, compare: null, months: own(v, 'months') || '', monthsError: '' };
  const out = { view, estimate: null, plan: null, error: null };
  // The months ahead, made once when first needed (the headline of a person not eligible this month needs them).
  let planned = null;
  const ahead = () => (planned = planned || attempt(api.plan, () => planQuery(cat, v)));
  if (r.error) {
    const placed = mark(f, r.error, L), label = labeller(f);
    if (placed && f.details.some((x) => (x.parts || [x]).some((p) => p.error))) s.open = true;
    // No field code reaches the person; a required input not yet given is asked for, not an error.
    const missing = r.error.code === 'missing_field' && label(r.error.field);
    view.problem = { code: r.error.code || '', ask: !!missing,
      text: missing ? SAY[L].missing(missing) : (placed ? t.fix : '') + unCode(errorText(r.error, L), label) };
    out.error = { code: r.error.code || 'error', field: r.error.field || null, message: r.error.message, messageEn: r.error.messageEn || r.error.message };
  } else {
    out.estimate = r.result;
    view.result = result(cat, r.result, r.query, L, ahead);
    if (!s.compact) {
      const p = ahead();
      // The API names the input "months": the person sees its label's words (www/plan.js).
      if (p.error) view.monthsError = errorText(p.error, L).replace(/^months\b/, en(L, '月数', 'The number of months'));
      else { view.plan = months(p.result, L); out.plan = p.result; }
      const city = cityOf(cat, v.city);
      const rows = city.careModes.map((mode) => {
        const x = attempt(api.estimate, () => estimateQuery(cat, v, mode.id, mode.id === v.careMode));
        const e = x.result;
        return { id: mode.id, name: tx(mode.name, L), current: mode.id === v.careMode,
          fund: e && e.eligible ? e.totals.fund : '', selfPay: e && e.eligible ? (e.totals.selfPay == null ? t.unknown : e.totals.selfPay) : '',
          note: x.error ? unCode(errorText(x.error, L)) : !e.eligible ? t.inel + en(L, '：', ': ') + why(e.reasons.map((c) => c.code), L) : '' };
      });
      // Every mode refused: the reasons above say why.
      view.compare = rows.some((x) => x.fund !== '') ? rows : null;
    }
  }
  view.open = !!s.open || keysOf(detailInputs(cat, cityOf(cat, v.city)).filter((i) => ASKED.indexOf(i.key) < 0)).some((k) => typed(own(v, k)));
  return out;
}

/** The package path of a file at `rel` from the component's folder, from the component's
 *  own path (`this.is`: "components/ltci-calculator/index", or
 *  "miniprogram_npm/ltci-miniprogram/index" when installed by npm). */
function wasmPath(is, rel) {
  const at = String(is || '').replace(/^\/+/, '').split('/');
  at.pop();
  rel.split('/').forEach((p) => {
    if (p === '..') at.pop();
    else if (p !== '.' && p !== '') at.push(p);
  });
  return '/' + at.join('/');
}

module.exports = { UI, ASKED, wasmPath, render, estimateQuery, planQuery, fixEstimate, dropOld, cityOf, modeOf, detailInputs, keysOf, own, blank, typed, chinaMonth };
