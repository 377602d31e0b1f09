// The sample mini-program's one page: a host of the <ltci-calculator> component
// (components/ltci-calculator/), as a city's or a province's mini-program would
// embed it. The page's query (?city=jincheng&careMode=home_visit&month=2024-02)
// presets the calculator; the component does the rest and keeps what the person
// enters to itself.
Page({
  data: { city: '', careMode: '', month: '', insurance: '', grade: '', lang: '' },

  onLoad(options) {
    const o = options || {};
    const pick = (k) => {
      if (typeof o[k] !== 'string') return '';
      try { return decodeURIComponent(o[k]); } catch (e) { return o[k]; }
    };
    this.setData({ city: pick('city'), careMode: pick('careMode'), month: pick('month'),
      insurance: pick('insurance'), grade: pick('grade'), lang: pick('lang') });
  },
});
