//# allFunctionsCalledOnLoad
// (V8 compile hint, Chrome 136+: most of this file runs while the page loads, so
// its functions are compiled on a background thread as it arrives, not on the
// main thread at first call. It must stay the first line. The modules it imports
// carry it too.)
//
// The citizen page of ltci: a form built from catalog(), the estimate explained
// line by line, every care mode compared, the months ahead, and the contributions tab.
// Everything runs here; nothing about the person is sent or stored, nor put in
// the address bar (the browser's history keeps every address).
//
// This module is the page's entry: load() the WebAssembly, mount() one whole
// calculator into a root, and main() at the bottom, only this page's glue. The
// parts are plain ES modules, each importing only those below it (DESIGN.md,
// "What depends on what?"; tests/www_layers.rs checks it): texts.js (the UI
// strings), dom.js (h()), query.js (the catalog; form values to queries),
// state.js (the state and the query string), the views form.js, result.js,
// plan.js (the months ahead) and notice.js (the service worker's copy and the
// deployed rules); agent.js and rules.js are loaded here on demand; embed.js
// and ltci-calculator.js import load() and mount() from here.
//
// Reuse (custom element, embed page, agent view): the render* functions take a
// root element (or shadow root) plus the catalog and the API's answer, and find
// their parts by data-* attributes, never by global ids.
import init, { catalog, estimate, contribution, plan } from "./pkg/ltci.js";
import { UI, ZH, en, errorText, unCode } from "./texts.js";
import { h, afterPaint } from "./dom.js";
import { keysOf, cityOf, modeOf, detailInputs, estimateQuery, planQuery, contributionQuery, attempt, compareModes, blank, own, typed } from "./query.js";
import { fixEstimate, fixContribution, stateFromParams, paramsFromState } from "./state.js";
import { renderEstimateForm, renderContributionForm, markError, labelOf } from "./form.js";
import { renderEstimate, renderProblem, renderComparison, renderContribution, headline } from "./result.js";
import { renderPlan } from "./plan.js";
import { checkRules, notice, linkNotice } from "./notice.js";

let uidCount = 0;

// ---------- the whole calculator ----------

/**
 * Mounts a calculator into `root` (an element or a shadow root).
 * opts: cat (the catalog), params (query string), page (true: header/main/footer
 * landmarks, the print button, the share link in print), onChange(params, state)
 * after every change, link(params) → the share link (made only when asked: copy,
 * print); compact (true: benefits only, no comparison, for a narrow sidebar);
 * agent(el, {query, result | error, lang, id, params}) fills a box above the
 * result after every estimate (the call-center view, agent.js; `id` is for its
 * heading); title(lang) → the heading. Returns {state, update, outdated()}.
 */
export function mount(root, { cat, params = "", page = false, onChange = () => {}, link, compact = false, agent, title } = {}) {
  const s = stateFromParams(cat, params);
  // Until the person chooses an insurance (or a link gives one), it is one the city's rules cover.
  let insChosen = new URLSearchParams(params).has("insurance");
  if (compact) s.tab = "estimate";
  const idp = `ltci${++uidCount}-`;
  const part = (name) => app.querySelector(`[data-part="${name}"]`);
  const app = h("div", { class: "ltci" });
  let liveTimer;

  const tabBtn = (tab, label) => h("button", { type: "button", role: "tab", id: idp + "tab-" + tab, "data-tab": tab,
    "aria-controls": idp + "panel-" + tab, onclick: () => setTab(tab), onkeydown: tabKeys }, label);
  const shell = () => {
    const t = UI[s.lang];
    const head = h(page ? "header" : "div", { class: "head" },
      h(page ? "h1" : "p", { class: "title" }, title ? title(s.lang) : t.title),
      h("div", { class: "tools" },
        h("button", { type: "button", "data-act": "lang", lang: s.lang === "en" ? ZH : "en",
          onclick: () => { s.lang = s.lang === "en" ? "zh" : "en"; shell(); app.querySelector("[data-act=lang]").focus(); } }, t.otherLang),
        h("button", { type: "button", "data-act": "big", "aria-pressed": String(s.big),
          onclick: (e) => { s.big = !s.big; app.classList.toggle("big", s.big); e.currentTarget.setAttribute("aria-pressed", String(s.big)); emit(); } }, t.bigText)));
    const panel = (tab, ...kids) => h("section", compact ? { class: "panel", "data-panel": tab, "aria-label": t.tabE }
      : { role: "tabpanel", id: idp + "panel-" + tab, "aria-labelledby": idp + "tab-" + tab, class: "panel", "data-panel": tab }, ...kids);
    const body = h(page ? "main" : "div", { class: "body" },
      s.outdated ? notice(s.lang) : null,
      s.unknown.length ? linkNotice(s.unknown, s.lang) : null,
      h("p", { class: "privacy" }, t.privacy),
      compact ? null : h("div", { role: "tablist", "aria-label": t.tabs, class: "tabs" }, tabBtn("estimate", t.tabE), tabBtn("contribution", t.tabC)),
      panel("estimate",
        h("form", { class: "form", "data-part": "formE", novalidate: true, onsubmit: (e) => e.preventDefault(), oninput: onE, onchange: onE }),
        // On a phone the result is below the form: this bar keeps the figures in sight while typing.
        h("div", { class: "peek" }, h("span", { "data-part": "peek" }),
          h("button", { type: "button", onclick: () => { const r = part("resultE").firstChild; r.tabIndex = -1; r.scrollIntoView(); r.focus(); } }, t.seeResult)),
        h("div", { class: "out" },
          agent ? h("section", { class: "extra", "data-part": "agent", "aria-labelledby": idp + "x" }) : null,
          h("section", { class: "result", "data-part": "resultE", "aria-labelledby": idp + "r" }),
          compact ? null : h("section", { class: "plan", "data-part": "plan" }),
          compact ? null : h("section", { class: "comparison", "data-part": "compare" }),
          actions())),
      compact ? null : panel("contribution",
        h("form", { class: "form", "data-part": "formC", novalidate: true, onsubmit: (e) => e.preventDefault(), oninput: onC, onchange: onC }),
        h("div", { class: "out" }, h("section", { class: "result", "data-part": "resultC" }), actions())),
      h("p", { class: "sr-only", role: "status", "data-part": "live" }));
    const foot = h(page ? "footer" : "div", { class: "foot" }, h("p", {}, t.disclaimer),
      page ? h("p", { class: "print-link", "data-part": "printLink" }) : null);
    app.lang = s.lang === "en" ? "en" : ZH;
    app.classList.toggle("big", s.big);
    app.classList.toggle("compact", compact);
    app.classList.toggle("agent", !!agent);
    app.replaceChildren(head, body, foot);
    cBuilt = false;
    formE(); setTab(s.tab, false);
  };
  const actions = () => {
    const t = UI[s.lang];
    const note = h("span", { class: "copied", role: "status" });
    return h("div", { class: "actions" },
      h("button", { type: "button", "data-act": "copy", onclick: async () => {
        const url = shareLink();
        try { await navigator.clipboard.writeText(url); note.textContent = t.copied; }
        catch { note.replaceChildren(t.copyFailed, h("span", { class: "url" }, url)); }
      } }, t.copy),
      page && typeof print === "function" ? h("button", { type: "button", onclick: () => print() }, t.print) : null, note);
  };
  function tabKeys(e) {
    const tabs = ["estimate", "contribution"], i = tabs.indexOf(s.tab);
    const to = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to == null) return;
    e.preventDefault();
    const tab = tabs[(to + tabs.length) % tabs.length];
    setTab(tab);
    app.querySelector(`[data-tab="${tab}"]`).focus();
  }
  function setTab(tab, announce = true) {
    s.tab = tab;
    for (const b of app.querySelectorAll("[role=tab]")) {
      const on = b.dataset.tab === tab;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
    }
    for (const p of app.querySelectorAll("[data-panel]")) p.hidden = p.dataset.panel !== tab;
    if (compact) return updateE(announce);
    // Until the person uses the contributions form, it follows the benefits tab's city and insurance.
    if (tab === "contribution" && !s.cTouched && s.c.city !== s.e.city) { s.c = fixContribution(cat, blank(), s.e); cBuilt = false; }
    // The contributions form is built when its tab is first shown, not at page load.
    if (tab === "contribution" && !cBuilt) { formC(); cBuilt = true; }
    if (tab === "estimate") updateE(announce); else updateC(announce);
  }

  // A rebuilt form keeps the focus on the control with the same key.
  const keep = (form, build) => {
    const active = (root.getRootNode ? root.getRootNode() : document).activeElement;
    const key = active && form.contains(active) ? active.dataset.key : null;
    build();
    const again = key && form.querySelector(`[data-key="${key}"]`);
    if (again) again.focus();
  };
  const ctx = (tag) => ({ lang: s.lang, idp: idp + tag, open: s.open });
  const formE = () => {
    const form = part("formE");
    keep(form, () => renderEstimateForm(form, cat, s.e, ctx("e-")));
    const d = form.querySelector("[data-part=details]");
    if (d) d.addEventListener("toggle", () => { s.open = d.open; });
  };
  const formC = () => { const form = part("formC"); keep(form, () => renderContributionForm(form, cat, s.c, ctx("c-"))); };
  const read = (el) => (el.type === "checkbox" ? (el.checked ? "true" : "") : el.value);

  // What the opened link did not take is said until the first change.
  const changed = () => { if (s.unknown.length) { s.unknown = []; part("linkNote")?.remove(); } };
  function onE(ev) {
    const k = ev.target.dataset && ev.target.dataset.key;
    if (!k || own(s.e, k) === read(ev.target)) return;
    changed();
    const before = cityOf(cat, s.e.city), mode = modeOf(before, s.e.careMode);
    s.e[k] = read(ev.target);
    if (k === "insurance") insChosen = true;
    if (k === "city" || k === "careMode") {
      // The old mode's own inputs mean something else elsewhere: drop them.
      for (const key of keysOf(mode.inputs)) delete s.e[key];
      if (k === "city") {
        if (!insChosen) delete s.e.insurance;
        const keepKeys = keysOf(detailInputs(cat, cityOf(cat, s.e.city)));
        for (const key of keysOf(detailInputs(cat, before))) if (!keepKeys.includes(key)) delete s.e[key];
      }
      fixEstimate(cat, s.e);
      formE();
    }
    updateE(true);
  }
  function onC(ev) {
    const k = ev.target.dataset && ev.target.dataset.key;
    if (!k || own(s.c, k) === read(ev.target)) return;
    changed();
    s.cTouched = true;
    const before = cityOf(cat, s.c.city);
    s.c[k] = read(ev.target);
    if (k === "city") {
      for (const key of keysOf(before.contribution ? before.contribution.inputs : [])) delete s.c[key];
      fixContribution(cat, s.c, s.e);
      formC();
    } else if (before.contribution && before.contribution.inputs.some((i) => own(i, "when") && i.when.key === k)) {
      formC(); // another input applies now (e.g. the pension for a retired person)
    }
    updateC(true);
  }

  const announce = (text) => {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => { const live = part("live"); if (live) live.textContent = text; }, 700);
  };
  /** The words of a form control's label by its key ("护理天数" for careDays), for a message about it. */
  const labelFor = (form) => (key) => {
    const el = key && [...form.querySelectorAll("[data-key]")].find((x) => x.dataset.key === key || x.dataset.key.startsWith(key + "."));
    return el ? labelOf(form, el) : null;
  };
  /** Focuses an input by its key, opening the details it is in (an assumption's "fill in"). */
  function focusKey(key) {
    const form = part("formE"), d = form.querySelector("[data-part=details]");
    if (d && !d.open && d.dataset.keys.split(" ").some((k) => k === key || k.startsWith(key + "."))) d.querySelector("summary").click();
    const el = [...form.querySelectorAll("[data-key]")].find((x) => x.dataset.key === key || x.dataset.key.startsWith(key + "."));
    if (el) { if (el.closest("details")) el.closest("details").open = true; el.focus(); }
  }
  function focusCharge() {
    const mode = modeOf(cityOf(cat, s.e.city), s.e.careMode);
    const i = mode.inputs.find((x) => (x.type === "money" || x.type === "hours") && x.default == null && !typed(own(s.e, x.key)));
    const el = i && part("formE").querySelector(`[data-key="${i.key}"]`);
    if (el) el.focus();
  }
  let firstE = true;
  let cBuilt = false;
  function updateE(say) {
    const L = s.lang, r = attempt(estimate, () => estimateQuery(cat, s.e)), q = r.query;
    let planned;
    const months = () => (planned ||= attempt(plan, () => planQuery(cat, s.e)));
    const placed = markError(part("formE"), r.error, L);
    if (agent) agent(part("agent"), { query: q, ...r, plan: r.error ? null : months(), lang: L, id: idp + "x", params: paramsFromState(cat, s) });
    if (!compact) part("plan").hidden = !!r.error;
    if (r.error) {
      const label = labelFor(part("formE")), said = unCode(errorText(r.error, L), label);
      renderProblem(part("resultE"), r.error, L, placed, label);
      if (!compact) part("compare").replaceChildren();
      part("peek").textContent = said;
      if (say) announce(said);
    } else {
      renderEstimate(part("resultE"), r.result, { cat, lang: L, query: q, onCharge: focusCharge, rules: page, plan: months, onAssumed: focusKey });
      const compare = () => renderComparison(part("compare"), compareModes(cat, s.e), { lang: L, current: s.e.careMode,
        onPick: (id) => { for (const key of keysOf(modeOf(cityOf(cat, s.e.city), s.e.careMode).inputs)) delete s.e[key];
          s.e.careMode = id; formE(); updateE(true); part("formE").querySelector("[data-key=careMode]").focus(); } });
      const ahead = () => renderPlan(part("plan"), months(), { lang: L, idp, months: own(s.e, "months"),
        onMonths: (e) => { s.e.months = e.target.value; updateE(false); } });
      const later = () => { ahead(); compare(); };
      // On the first render the person's own figures go on screen first; the
      // months ahead and the comparison (one estimate per care mode) follow a frame later.
      if (!compact) { if (firstE) afterPaint(later); else later(); }
      firstE = false;
      // The whole answer in one sentence (now or from when, what that month pays), kept in sight on a phone.
      const said = headline(r.result, months, L);
      part("peek").textContent = said;
      if (say) announce(said);
    }
    part("resultE").firstChild.id = idp + "r";
    emit();
  }
  function updateC(say) {
    const L = s.lang, r = attempt(contribution, () => contributionQuery(cat, s.c));
    const placed = markError(part("formC"), r.error, L);
    if (r.error) {
      renderProblem(part("resultC"), r.error, L, placed);
      if (say) announce(errorText(r.error, L));
    } else {
      renderContribution(part("resultC"), r.result, { cat, lang: L });
      if (say) announce(UI[L].liveC(r.result.totals.total));
    }
    emit();
  }
  const emit = () => onChange(paramsFromState(cat, s), s);
  const shareLink = () => { const p = paramsFromState(cat, s); return link ? link(p) : "?" + p; };

  shell();
  root.replaceChildren(app);
  // Going to the rules and figures keeps what was typed for the way back (by the link or
  // by Back): in this page's history entry (history.state), not in its address.
  if (page) app.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("[data-act=rules]");
    if (!a) return;
    history.replaceState({ ltci: String(paramsFromState(cat, s)) }, "", location.href);
    // back=1: the rules view's link back is the browser's Back, to this entry.
    if (!/[?&]back=1/.test(a.getAttribute("href"))) a.setAttribute("href", a.getAttribute("href") + "&back=1");
  });
  // Print shows the share link: made for the print, dropped after it.
  if (page && typeof addEventListener === "function") {
    const printed = (text) => { const el = part("printLink"); if (el) el.textContent = text; };
    addEventListener("beforeprint", () => printed(UI[s.lang].link + shareLink()));
    addEventListener("afterprint", () => printed(""));
  }
  return { state: s, update: () => setTab(s.tab, false),
    /** Says that newer rules are deployed than these (checkRules). */
    outdated() { if (!s.outdated) { s.outdated = true; app.querySelector(".body").prepend(notice(s.lang)); } } };
}

/** Loads the WebAssembly package once; resolves to the catalog. index.html
 *  starts compiling it as it arrives (`ltciModule`); elsewhere init() fetches it. */
let loading;
export function load() {
  return (loading ||= Promise.resolve(globalThis.ltciModule)
    .then((module) => init(module ? { module_or_path: module } : undefined))
    .then(() => catalog()));
}

// ---------- this page ----------

/** The first screen scripts/prerender.mjs wrote into the page, while it is up:
 *  what the person does in it before the calculator is ready is kept. The
 *  returned function gives the query string to start from (the changed
 *  controls, and the language, large-text and tab buttons pressed). Without
 *  that screen (or with data-prerendered="stale": its inline script dropped it
 *  for this URL or month) it is the address bar's. */
function carried(root) {
  if (root.dataset.prerendered !== "" || location.search) return () => location.search;
  const pressed = new URLSearchParams();
  const flip = (k, v) => (pressed.get(k) === v ? pressed.delete(k) : pressed.set(k, v));
  const click = (e) => {
    const b = e.target.closest("button");
    if (!b) return;
    if (b.dataset.act === "lang") flip("lang", "en");
    else if (b.dataset.act === "big") flip("text", "large");
    else if (b.dataset.tab === "contribution") pressed.set("tab", "contribution");
    else if (b.dataset.tab) pressed.delete("tab");
  };
  root.addEventListener("click", click);
  return () => {
    root.removeEventListener("click", click);
    const p = new URLSearchParams(pressed);
    for (const el of root.querySelectorAll("form [data-key]")) {
      const select = el.tagName === "SELECT", box = el.type === "checkbox";
      const was = box ? el.defaultChecked : select ? ([...el.options].find((o) => o.defaultSelected) || el.options[0] || {}).value : el.defaultValue;
      const now = box ? el.checked : el.value;
      if (now !== was) p.set(el.dataset.key, box ? (now ? "true" : "") : now);
    }
    return p.toString();
  };
}

async function main() {
  const root = document.querySelector("[data-ltci-page]");
  if (!root) return; // imported by another page
  // Where the page's own code starts, and below where the calculator is ready (scripts/bench-page.mjs).
  performance.mark("ltci:start");
  const params = carried(root);
  let cat;
  try { cat = await load(); } catch {
    const note = root.querySelector("[data-part=loading]");
    note.textContent = UI.zh.failed + " " + UI.en.failed;
    note.hidden = false;
    note.parentElement.replaceChildren(note); // a prerendered form would not work
    return;
  }
  // ?view=rules: a city's rules and figures (rules.js), not the calculator.
  const view = new URLSearchParams(location.search).get("view");
  if (view === "rules") {
    (await import("./rules.js")).rulesView(root, cat);
    root.dataset.ready = "";
    return;
  }
  // ?view=agent: the call-center view, the same calculator with the script box (agent.js).
  const agentView = view === "agent";
  const link = (params) => location.origin + location.pathname + (String(params) ? "?" + params : "");
  const extra = agentView ? (await import("./agent.js")).agentView(link) : {};
  const sync = (s) => {
    document.documentElement.lang = s.lang === "en" ? "en" : ZH;
    document.title = extra.title ? extra.title(s.lang) : UI[s.lang].title;
  };
  // The address bar takes none of the inputs: the browser would keep each address
  // in its history. A share link is made when asked (copy, print); one that was
  // opened stays in the address bar until the first change, then the bare page's.
  const bare = agentView ? "?view=agent" : "";
  let initial = null;
  const unlink = (params) => {
    if (initial === null) initial = String(params);
    else if (String(params) !== initial && location.search !== bare) history.replaceState(null, "", location.pathname + bare);
  };
  // The title follows every change; the first render's waits until its figures
  // are on screen (a frame), as it is no use before.
  let painted = false, latest = null;
  afterPaint(() => { painted = true; if (latest) sync(latest); });
  const active = document.activeElement, focus = root.contains(active) && (active.dataset.key || active.dataset.act);
  // Back from the rules and figures: the inputs kept in this history entry (only then).
  const nav = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  const saved = nav && nav.type === "back_forward" && history.state && typeof history.state.ltci === "string" ? history.state.ltci : null;
  const calc = mount(root, { cat, page: true, params: saved ?? params(), link, ...extra,
    onChange: (params, s) => { unlink(params); if (painted) sync(s); else latest = s; } });
  checkRules(cat, calc);
  root.dataset.ready = "";
  performance.mark("ltci:ready");
  if (focus) root.querySelector(`[data-key="${focus}"], [data-act="${focus}"]`)?.focus();
  else if (agentView) root.querySelector("[data-key=city]").focus();
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
}
main();
