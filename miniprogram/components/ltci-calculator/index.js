// <ltci-calculator city="jincheng" care-mode="home_visit" lang="zh" compact>: the
// calculator as a WeChat custom component (自定义组件), as www/ltci-calculator.js is
// for web portals: the same properties, the same answers. Its texts come from the
// catalog and the answers (calc.js); it sends nothing and stores nothing — no
// network, no wx.setStorage: what the person enters lives in this instance only.
//
// Events for the host page: `estimate` (detail: the estimate, as the API gives it,
// on every new answer), `plan` (the months ahead, when shown), `error` (a coded
// error: {code, field, message, messageEn}).
//
// One WebAssembly instance for every instance of the component on a page (and in
// the mini-program): the adapter loads it once, through WXWebAssembly, from the
// .wasm.br beside it (基础库 ≥ 2.14.0).
'use strict';

const ltci = require('../../ltci/index.js');
const calc = require('./calc.js');

/** The wasm, relative to this folder (scripts/miniprogram.mjs rewrites it for the npm package). */
const WASM = '../../ltci/ltci_bg.wasm.br';

let loading = null;
/** The catalog, once the wasm is loaded (shared by every instance). */
function load(path) {
  if (!loading) {
    loading = ltci.init(path).then(() => ltci.catalog());
    loading.catch(() => { loading = null; });
  }
  return loading;
}

const COMMON = ['insurance', 'grade', 'month'];
const PLACE = ['city', 'careMode'];

Component({
  options: { styleIsolation: 'isolated' },

  properties: {
    city: { type: String, value: '' },
    careMode: { type: String, value: '' },
    month: { type: String, value: '' },
    insurance: { type: String, value: '' },
    grade: { type: String, value: '' },
    lang: { type: String, value: '' },
    compact: { type: Boolean, value: false },
    /** The mode's inputs (and eligibility details) a host presets, by query key: { dailyCharge: '45' }. */
    inputs: { type: Object, value: null },
  },

  // (Not `lang`: data and properties share one namespace, and setting a property runs its observer.)
  data: { ready: false, failed: false, ui: 'zh', big: false, compactView: false, t: calc.UI.zh },

  observers: {
    'city, careMode': function () { this.changed(PLACE); },
    'insurance, grade, month': function () { this.changed(COMMON); },
    lang: function () { this.changed(['lang']); },
    compact: function () { this.changed(['compact']); },
    inputs: function () { this.changed(['inputs']); },
  },

  lifetimes: {
    attached() {
      // `chosen`: the person (or the host's insurance property) chose an insurance; until then it is
      // one the city's rules cover, as on the web page.
      this.s = { v: calc.blank(), lang: 'zh', big: false, compact: false, open: false, chosen: false };
      this.last = {};
      const L = this.properties.lang === 'en' ? 'en' : 'zh';
      this.setData({ ui: L, t: calc.UI[L] });
      load(calc.wasmPath(this.is, WASM)).then((cat) => {
        this.cat = cat;
        this.seen = {};
        this.fromProperties(true);
        this.setData({ ready: true });
        this.refresh();
      }, (e) => {
        this.setData({ failed: true });
        this.triggerEvent('error', { code: 'load_failed', field: null, message: calc.UI.zh.failed, messageEn: String(e && e.message || e) });
      });
    },
  },

  methods: {
    /** The properties into the state; `all` at first, else only those that changed. */
    fromProperties(all) {
      const p = this.properties, s = this.s, seen = this.seen;
      const moved = (k) => { const now = k === 'inputs' ? JSON.stringify(p.inputs || null) : p[k]; const was = seen[k]; seen[k] = now; return all || was !== now; };
      const changed = {};
      PLACE.concat(COMMON, ['lang', 'compact', 'inputs']).forEach((k) => { changed[k] = moved(k); });
      if (!all && (changed.city || changed.careMode)) {
        // As the web element: the person's common inputs are kept, the rest goes.
        const v = calc.blank();
        COMMON.forEach((k) => { if (calc.typed(calc.own(s.v, k)) && (k !== 'insurance' || s.chosen)) v[k] = s.v[k]; });
        s.v = v;
        if (p.city) v.city = p.city;
        if (p.careMode) v.careMode = p.careMode;
        changed.inputs = true;
      }
      if (all) {
        PLACE.forEach((k) => { if (p[k]) s.v[k] = p[k]; });
      }
      COMMON.forEach((k) => { if (changed[k] && p[k]) s.v[k] = p[k]; });
      if (p.insurance) s.chosen = true;
      if (changed.lang) s.lang = p.lang === 'en' ? 'en' : 'zh';
      if (changed.compact) s.compact = !!p.compact;
      if (changed.inputs && p.inputs && typeof p.inputs === 'object') {
        Object.keys(p.inputs).forEach((k) => {
          const x = p.inputs[k];
          if (x != null && PLACE.indexOf(k) < 0) s.v[k] = typeof x === 'boolean' ? (x ? 'true' : '') : String(x);
        });
      }
    },

    changed() {
      if (!this.cat) return;
      this.fromProperties(false);
      this.refresh();
    },

    refresh() {
      const out = calc.render(this.cat, this.s, ltci);
      const view = out.view;
      view.ui = this.s.lang;
      view.big = this.s.big;
      view.compactView = this.s.compact;
      this.setData(view);
      // The events: each new answer once.
      const say = (name, detail) => {
        const key = detail ? JSON.stringify(detail) : '';
        if (!detail || this.last[name] === key) return;
        this.last[name] = key;
        this.triggerEvent(name, detail);
      };
      if (out.error) {
        this.last.estimate = this.last.plan = '';
        say('error', out.error);
      } else {
        this.last.error = '';
        say('estimate', out.estimate);
        say('plan', out.plan);
      }
    },

    /** The form field a control names. */
    fieldOf(key) {
      const f = this.data.form;
      if (f[key] && f[key].key === key) return f[key];
      return f.asked.concat(f.inputs, f.details).filter((x) => x.key === key)[0];
    },

    onPick(e) {
      const key = e.currentTarget.dataset.key, f = this.fieldOf(key);
      if (!f) return;
      const id = f.ids[Number(e.detail.value)];
      if (id === undefined) return;
      this.set(key, id);
    },

    set(key, value) {
      const cat = this.cat, v = this.s.v;
      if (calc.own(v, key) === value) return;
      if (key === 'city' || key === 'careMode') {
        // The old mode's own inputs (and the old city's eligibility inputs) mean something else here.
        const before = calc.cityOf(cat, v.city), mode = calc.modeOf(before, v.careMode);
        v[key] = value;
        calc.dropOld(cat, v, before, mode);
        if (key === 'city' && !this.s.chosen) delete v.insurance;
      } else {
        v[key] = value;
        if (key === 'insurance') this.s.chosen = true;
      }
      this.refresh();
    },

    onMonth(e) { this.set('month', String(e.detail.value)); },
    onInput(e) { this.set(e.currentTarget.dataset.key, String(e.detail.value)); },
    onCheck(e) { this.set(e.currentTarget.dataset.key, e.detail.value ? 'true' : ''); },
    onMonths(e) { this.set('months', String(e.detail.value)); },
    onMode(e) { this.set('careMode', e.currentTarget.dataset.mode); },
    /** An assumption's "fill in": its input, opening the details it is in. */
    onAssumed(e) {
      const key = e.currentTarget.dataset.key, f = this.data.form;
      if (f.details.some((x) => x.key === key)) this.s.open = true;
      this.s.focus = key;
      this.refresh();
    },
    onDetails() {
      this.s.open = !this.data.open;
      this.setData({ open: this.s.open });
    },
    onLang() {
      this.s.lang = this.s.lang === 'en' ? 'zh' : 'en';
      this.refresh();
    },
    onBig() {
      this.s.big = !this.s.big;
      this.setData({ big: this.s.big });
    },
  },
});
