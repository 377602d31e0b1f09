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
  },
  en: {
    title: 'LTC insurance calculator', city: 'City', insurance: 'Insurance', grade: 'Disability grade', mode: 'Care mode',
    month: 'Month', careDays: 'Care days', fund: 'Fund pays', selfPay: 'You pay', cost: 'Cost',
    unknown: "needs the provider's charge", notEligible: 'Not eligible', notes: 'Notes', compare: 'All care modes compared',
    reference: 'Case reference', source: 'Source', loading: 'Loading…', lang: '中文', optional: 'optional',
    year: 'The next 12 months', yearFund: 'Fund pays in all', yearSelfPay: 'You pay in all', firstMonth: 'First eligible month', never: 'not eligible in the 12 months',
    status: { in_force: 'in force', expired: 'expired: later rules not in our sources', not_in_force: 'not yet in force', draft: 'draft for comment', article: 'from an overview article' },
  },
};

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
    inputs: [], result: null, year: null, comparison: [], error: '',
  },

  onLoad(options) {
    ltci.init('/ltci/ltci_bg.wasm.br').then(() => {
      this.catalog = ltci.catalog();
      const c = this.catalog;
      const pick = (list, id, fallback) => Math.max(0, list.findIndex((x) => x.id === id), fallback || 0);
      const cityIndex = pick(c.cities, options && options.city);
      this.values = {};
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
    mode.inputs.forEach((input) => {
      // A hospital level is typed as its number here (the web page offers a choice).
      const kind = input.type === 'choice' ? 'integer' : input.type;
      const v = this.read(this.values[mode.id + '.' + input.key], input.key, input.label, kind, input.unit);
      if (v !== undefined) q[input.key] = v;
    });
    return q;
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
    } catch (e) {
      data.result = null;
      data.year = null;
      data.error = this.data.lang === 'zh' ? e.message : e.messageEn;
    }
    data.comparison = city.careModes.map((m) => {
      try {
        const e = ltci.estimate(this.query(m));
        return {
          name: this.name(m.name),
          fund: e.totals.fund,
          selfPay: e.eligible ? (e.totals.selfPay === null ? this.data.t.unknown : e.totals.selfPay) : this.data.t.notEligible,
        };
      } catch (err) {
        return { name: this.name(m.name), fund: '—', selfPay: this.data.lang === 'zh' ? err.message : err.messageEn };
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
      notes: e.notes.map((n) => ({ message: zh ? n.message : n.messageEn, citation: n.citation })),
      status: this.data.t.status[e.policy.status] || e.policy.status,
      document: e.policy.document,
      reference: e.reference,
      careDays: e.careDays,
    };
  },

  onCity(ev) {
    this.setData({ cityIndex: Number(ev.detail.value), modeIndex: 0 });
    this.refresh();
  },
  onInsurance(ev) {
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
  onLang() {
    const lang = this.data.lang === 'zh' ? 'en' : 'zh';
    this.setData({ lang, t: TEXT[lang] });
    this.refresh();
  },
});
