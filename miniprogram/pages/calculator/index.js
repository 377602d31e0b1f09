// The calculator page of the sample mini-program: the same inputs and result
// lines as the web page, computed on the phone by the wasm package. What the
// person types is read by the web page's own reader (ltci/number.js, made from
// www/number.js): "3天" and "３" are 3 days, a blank is not given, "0x1d" is refused
// with words that say what to enter.
const ltci = require('../../ltci/index.js');
const { readInput } = require('../../ltci/number.js');

const TEXT = {
  zh: {
    title: '长护险待遇计算器', city: '城市', insurance: '参保类型', grade: '失能等级', mode: '护理方式',
    month: '月份', careDays: '护理天数', fund: '基金支付', selfPay: '个人自付', cost: '费用',
    unknown: '需提供机构收费', notEligible: '不符合享受条件', notes: '说明', compare: '各护理方式对比',
    reference: '案例编号', source: '依据', loading: '正在加载…', lang: 'English', optional: '选填',
    year: '未来12个月', yearFund: '基金支付合计', yearSelfPay: '个人自付合计', firstMonth: '可享受的首月', never: '12个月内都不符合条件',
    status: { in_force: '现行有效', expired: '已过有效期，后续规定不在资料中', not_in_force: '尚未实施', draft: '征求意见稿', article: '来自概述文章' },
    // The web page's words (www/texts.js, issue 24): the answer in one sentence, the assumptions, 下一步.
    ym: (m) => m.slice(0, 4) + '年' + Number(m.slice(5, 7)) + '月',
    pays: (f, s) => '该月基金支付' + f + '元，个人自付' + (s == null ? '未知（请填写机构收费）' : s + '元') + '。',
    canFrom: (m) => m + '起可以享受；', canNow: (m) => m + '可以享受；',
    notNow: (m, why) => m + '还不能享受（' + why + '）。', notIn: (m, why) => m + '不能享受：' + why, draftPrefix: '按征求意见稿：',
    why: { insurance_not_covered: '医保类型不在保障范围', grade_not_covered: '失能等级不在保障范围', disability_too_short: '失能时间不足',
      work_injury_allowance: '领取工伤护理费', benefits_locked: '待遇封锁期', contribution_years_short: '缴费年限不足',
      contribution_interrupted: '缴费中断', waiting_period: '等待期', not_in_force: '尚未实施', before_benefit_start: '未到待遇起始月',
      disability_subsidy_higher: '残疾人护理补贴更高' },
    assumed: '这个结果按以下假设计算，请核对：', conditions: '享受条件', next: '下一步', reading: '（本计算器的理解）',
    officeDecides: '能否享受、享受多少，以医保经办机构的评估和核定为准。', missing: (x) => '请填写“' + x + '”，即可看到估算。',
    yes: '是', no: '否',
  },
  en: {
    title: 'LTC insurance calculator', city: 'City', insurance: 'Insurance', grade: 'Disability grade', mode: 'Care mode',
    month: 'Month', careDays: 'Care days', fund: 'Fund pays', selfPay: 'You pay', cost: 'Cost',
    unknown: "needs the provider's charge", notEligible: 'Not eligible', notes: 'Notes', compare: 'All care modes compared',
    reference: 'Case reference', source: 'Source', loading: 'Loading…', lang: '中文', optional: 'optional',
    year: 'The next 12 months', yearFund: 'Fund pays in all', yearSelfPay: 'You pay in all', firstMonth: 'First eligible month', never: 'not eligible in the 12 months',
    status: { in_force: 'in force', expired: 'expired: later rules not in our sources', not_in_force: 'not yet in force', draft: 'draft for comment', article: 'from an overview article' },
    ym: (m) => m,
    pays: (f, s) => 'That month the fund pays ' + f + ' yuan and you pay ' + (s == null ? 'an unknown amount (enter the provider\'s charge)' : s + ' yuan') + '.',
    canFrom: (m) => 'Benefits from ' + m + '. ', canNow: (m) => 'Benefits in ' + m + '. ',
    notNow: (m, why) => 'Not yet in ' + m + ' (' + why + '). ', notIn: (m, why) => 'No benefits in ' + m + ': ' + why, draftPrefix: 'Under the draft rules: ',
    why: { insurance_not_covered: 'insurance not covered', grade_not_covered: 'grade not covered', disability_too_short: 'disability too recent',
      work_injury_allowance: 'work-injury allowance', benefits_locked: 'lock period', contribution_years_short: 'contribution years short',
      contribution_interrupted: 'contributions interrupted', waiting_period: 'waiting period', not_in_force: 'not yet in force',
      before_benefit_start: 'before the first benefit month', disability_subsidy_higher: 'disability subsidy higher' },
    assumed: 'This result assumes the following; please check: ', conditions: 'Eligibility', next: 'What to do next', reading: ' (this calculator\'s reading)',
    officeDecides: 'Whether benefits are paid, and how much, is decided by the medical insurance office\'s assessment.', missing: (x) => 'Fill in “' + x + '” to see the estimate.',
    yes: 'yes', no: 'no',
  },
};

const INTEGER_UNITS = ['days', 'visits', 'level', 'months'];
// The eligibility questions asked where a city reads them: their default can decide the answer (www/form.js ASKED).
const ASKED = ['disabilityMonths', 'disabilitySubsidy', 'workInjuryCareAllowance'];
const yuan = (x) => (x == null ? x : String(x).replace(/\.00$/, ''));
/** An API text without the input ids it names (www/texts.js unCode). */
const unCode = (text, label) => String(text || '')
  .replace(/\s?[（(]\s*[a-z]+[A-Z][\w.]*\s*[)）]/g, '')
  .replace(/\b([a-z]+[A-Z]\w*)(\s?)/g, (all, id, sp) => (label(id) ? label(id) + sp : ''));

function thisMonth() {
  // China time, where the rules apply.
  const d = new Date(Date.now() + 8 * 3600 * 1000);
  const m = d.getUTCMonth() + 1;
  return d.getUTCFullYear() + '-' + (m < 10 ? '0' + m : m);
}

Page({
  data: {
    ready: false, lang: 'zh', t: TEXT.zh,
    cities: [], cityIndex: 0, insurances: [], insuranceIndex: 0, grades: [], gradeIndex: 3,
    modes: [], modeIndex: 0, month: thisMonth(), careDays: '', usesCareDays: true, careDaysHelp: '',
    inputs: [], asked: [], result: null, year: null, comparison: [], error: '', headline: '', next: [],
  },

  onLoad(options) {
    ltci.init('/ltci/ltci_bg.wasm.br').then(() => {
      this.catalog = ltci.catalog();
      const c = this.catalog;
      const pick = (list, id, fallback) => Math.max(0, list.findIndex((x) => x.id === id), fallback || 0);
      const cityIndex = pick(c.cities, options && options.city);
      this.values = {};
      this.insuranceChosen = !!(options && options.insurance);
      this.setData({
        ready: true,
        cityIndex,
        insuranceIndex: pick(c.insuranceTypes, options && options.insurance),
        gradeIndex: options && options.grade ? pick(c.grades, options.grade) : 3,
        month: (options && options.month) || thisMonth(),
      });
      this.refresh();
    });
  },

  name(text) {
    return this.data.lang === 'zh' ? text.zh : text.en;
  },

  city() {
    return this.catalog.cities[this.data.cityIndex];
  },

  mode() {
    const modes = this.city().careModes;
    return modes[Math.min(this.data.modeIndex, modes.length - 1)];
  },

  // What the person typed for one input, read as the web page reads it (ltci/number.js):
  // the query's value, undefined when nothing was typed; else it throws the words to show.
  read(text, key, label, kind, unit) {
    const r = readInput(text, kind, unit);
    if (!('message' in r)) return r.value;
    const err = new Error(label.zh + '：' + r.message);
    err.code = 'invalid_value';
    err.field = key;
    err.messageEn = label.en + ': ' + r.messageEn;
    throw err;
  },

  // The query the page shows: only the keys this city and mode read.
  query(mode) {
    const c = this.catalog;
    const month = this.read(this.data.month, 'month', { zh: TEXT.zh.month, en: TEXT.en.month }, 'month');
    const q = {
      city: this.city().id,
      insurance: c.insuranceTypes[this.data.insuranceIndex].id,
      grade: c.grades[this.data.gradeIndex].id,
      careMode: mode.id,
    };
    if (month !== undefined) q.month = month;
    if (mode.usesCareDays) {
      const days = this.read(this.data.careDays, 'careDays', { zh: TEXT.zh.careDays, en: TEXT.en.careDays }, 'integer', 'days');
      if (days !== undefined) q.careDays = days;
    }
    this.asked().forEach((input) => {
      const v = this.values['asked.' + input.key];
      if (v === undefined || v === '' || v === false) return;
      if (input.type === 'boolean') { q[input.key] = true; return; }
      const x = this.read(v, input.key, input.label, INTEGER_UNITS.indexOf(input.unit) >= 0 ? 'integer' : 'money', input.unit);
      if (x !== undefined) q[input.key] = x;
    });
    mode.inputs.forEach((input) => {
      // A hospital level is typed as its number here (the web page offers a choice).
      const kind = input.type === 'choice' ? 'integer' : input.type;
      const v = this.read(this.values[mode.id + '.' + input.key], input.key, input.label, kind, input.unit);
      if (v !== undefined) q[input.key] = v;
    });
    return q;
  },

  // The city's deciding eligibility inputs, in its words (catalog inputTexts).
  asked() {
    const city = this.city();
    return city.queryInputs.filter((k) => ASKED.indexOf(k) >= 0).map((k) => {
      const i = this.catalog.queryInputs.find((x) => x.key === k);
      const own = (city.inputTexts || []).find((x) => x.key === k) || {};
      return Object.assign({}, i, { label: own.label || i.label, help: own.help || i.help });
    });
  },

  // The label of an input by its key, for a message about it.
  labelOf(key) {
    const i = this.mode().inputs.concat(this.asked(), this.catalog.queryInputs).find((x) => x.key === key);
    return i ? this.name(i.label) : null;
  },

  // The answer in one sentence (www/result.js headline).
  headline(e, p) {
    // TEXT's functions: setData keeps only data (this.data.t has none).
    const t = TEXT[this.data.lang], m = t.ym(e.month), draft = e.policy.status === 'draft' ? t.draftPrefix : '';
    if (e.eligible) return draft + t.canNow(m) + t.pays(yuan(e.totals.fund), yuan(e.totals.selfPay));
    const first = p && p.months.find((x) => x.eligible);
    const why = e.reasons.map((r) => t.why[r.code] || r.code).join(this.data.lang === 'zh' ? '、' : ', ');
    if (first) return draft + t.notNow(m, why) + t.canFrom(t.ym(first.month)) + t.pays(yuan(first.totals.fund), yuan(first.totals.selfPay));
    return draft + t.notIn(m, e.reasons.map((r) => (this.data.lang === 'zh' ? r.message : r.messageEn)).join(' '));
  },

  refresh() {
    if (!this.catalog) return;
    const c = this.catalog;
    const city = this.city();
    const mode = this.mode();
    const data = {
      cities: c.cities.map((x) => this.name(x.name)),
      insurances: c.insuranceTypes.map((x) => this.name(x.name)),
      grades: c.grades.map((x) => this.name(x.name) + '（' + this.name(x.levels) + '）'),
      modes: city.careModes.map((x) => this.name(x.name)),
      usesCareDays: mode.usesCareDays,
      careDaysHelp: this.name(city.careDaysHelp),
      inputs: mode.inputs.map((i) => ({
        key: i.key,
        label: this.name(i.label),
        help: this.name(i.help),
        unit: i.unit,
        placeholder: i.default !== null ? i.default : (i.defaultRule ? this.name(i.defaultRule) : this.data.t.optional),
        value: this.values[mode.id + '.' + i.key] || '',
      })),
      asked: this.asked().map((i) => ({
        key: i.key, label: this.name(i.label), help: this.name(i.help), type: i.type,
        value: this.values['asked.' + i.key] || '',
      })),
      next: (city.nextSteps || []).map((x) => ({
        text: this.name(x.text) + (x.reading && this.name(x.text).indexOf(this.data.t.reading.replace(/[（）()]/g, '').trim()) < 0 ? this.data.t.reading : ''),
        citation: x.citation || '',
      })),
    };
    try {
      data.result = this.present(ltci.estimate(this.query(mode)));
      data.error = '';
      // The year ahead from the same rules (docs/plan.md): its totals and the first eligible month.
      const t = this.data.t;
      const p = ltci.plan(Object.assign(this.query(mode), { months: 12 }));
      data.year = {
        fund: p.totals.fund,
        selfPay: p.totals.selfPay === null ? t.unknown : p.totals.selfPay,
        from: p.eligibleFrom || t.never,
      };
      data.headline = this.headline(ltci.estimate(this.query(mode)), p);
    } catch (e) {
      data.result = null;
      data.year = null;
      data.headline = '';
      // No input's id reaches the person; a required input not yet given is asked for.
      const label = (k) => this.labelOf(k);
      data.error = e.code === 'missing_field' && label(e.field) ? TEXT[this.data.lang].missing(label(e.field)) : unCode(this.data.lang === 'zh' ? e.message : e.messageEn, label);
    }
    data.comparison = city.careModes.map((m) => {
      try {
        const e = ltci.estimate(this.query(m));
        return {
          name: this.name(m.name),
          fund: e.totals.fund,
          selfPay: e.eligible ? (e.totals.selfPay === null ? this.data.t.unknown : e.totals.selfPay)
            : this.data.t.notEligible + (this.data.lang === 'zh' ? '：' : ': ') + e.reasons.map((r) => this.data.t.why[r.code] || r.code).join(this.data.lang === 'zh' ? '、' : ', '),
        };
      } catch (err) {
        return { name: this.name(m.name), fund: '—', selfPay: unCode(this.data.lang === 'zh' ? err.message : err.messageEn, (k) => this.labelOf(k)) };
      }
    });
    this.setData(data);
  },

  present(e) {
    const zh = this.data.lang === 'zh';
    return {
      eligible: e.eligible,
      fund: e.totals.fund,
      selfPay: e.totals.selfPay === null ? this.data.t.unknown : e.totals.selfPay,
      lines: e.lines.map((l) => ({
        label: zh ? l.label : l.labelEn,
        cost: l.cost === null ? '—' : l.cost,
        fund: l.fund,
        selfPay: l.selfPay === null ? '—' : l.selfPay,
        basis: zh ? l.basis : l.basisEn,
        citation: l.citation,
      })),
      reasons: e.reasons.map((r) => ({ message: zh ? r.message : r.messageEn, citation: r.citation })),
      notes: e.notes.map((n) => ({ message: unCode(zh ? n.message : n.messageEn, () => null), citation: n.citation })),
      assumed: e.notes.filter((n) => n.code.indexOf('assumed_') === 0).map((n) => ({ message: zh ? n.message : n.messageEn })),
      status: this.data.t.status[e.policy.status] || e.policy.status,
      document: e.policy.document,
      reference: e.reference,
      careDays: e.careDays,
    };
  },

  onCity(ev) {
    const cityIndex = Number(ev.detail.value), city = this.catalog.cities[cityIndex];
    const patch = { cityIndex, modeIndex: 0 };
    // Until the person chooses an insurance, it is one the city's rules cover.
    if (!this.insuranceChosen) patch.insuranceIndex = Math.max(0, this.catalog.insuranceTypes.findIndex((x) => x.id === city.insurance[0]));
    this.setData(patch);
    this.refresh();
  },
  onInsurance(ev) {
    this.insuranceChosen = true;
    this.setData({ insuranceIndex: Number(ev.detail.value) });
    this.refresh();
  },
  onGrade(ev) {
    this.setData({ gradeIndex: Number(ev.detail.value) });
    this.refresh();
  },
  onMode(ev) {
    this.setData({ modeIndex: Number(ev.detail.value) });
    this.refresh();
  },
  onMonth(ev) {
    this.setData({ month: ev.detail.value });
    this.refresh();
  },
  onCareDays(ev) {
    this.setData({ careDays: ev.detail.value });
    this.refresh();
  },
  onInput(ev) {
    this.values[this.mode().id + '.' + ev.currentTarget.dataset.key] = ev.detail.value;
    this.refresh();
  },
  onAsked(ev) {
    const d = ev.detail.value;
    this.values['asked.' + ev.currentTarget.dataset.key] = Array.isArray(d) ? d.length > 0 : d;
    this.refresh();
  },
  onLang() {
    const lang = this.data.lang === 'zh' ? 'en' : 'zh';
    this.setData({ lang, t: TEXT[lang] });
    this.refresh();
  },
});
