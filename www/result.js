//# allFunctionsCalledOnLoad
// The results: an estimate explained line by line, an error in its place,
// every care mode compared, and a year's contributions.
import { UI, ZH, tx, en, msg, errorText, unCode } from "./texts.js";
import { h, fill, zh, cite } from "./dom.js";
import { cityOf, modeOf, common } from "./query.js";
import { rulesHref } from "./state.js";

const PAYERS = ["individual", "employer", "government", "medicalFund"];

const amountEl = (label, value, key, L) => h("div", { class: "amt" }, h("dt", {}, label),
  h("dd", { "data-amt": key }, value == null ? UI[L].unknown : value));

/** A result's document: status (with the link to its rules and figures), period, day checked. */
function policyEl(p, L, doc, rules) {
  const t = UI[L];
  const when = p.status === "draft" ? t.draftFrom(p.effectiveFrom) : p.effectiveTo ? t.period(p.effectiveFrom, p.effectiveTo) : t.from(p.effectiveFrom);
  return h("div", { class: "policy" },
    h("p", {}, h("span", { class: `badge s-${p.status}`, "data-out": "status" }, t.status[p.status] || p.status),
      rules ? [" ", h("a", { href: rules, class: "rules", "data-act": "rules" }, t.rules)] : null),
    h("p", {}, t.source, zh(p.document, "doc"), en(L, "", " — "), h("span", { lang: ZH }, `《${p.title}》`), h("span", { class: "when" }, when),
      doc ? h("span", { class: "when" }, `${t.reviewed}${en(L, "：", ": ")}${doc.lastReviewed}`) : null));
}

const yuan = (x) => (x == null ? x : String(x).replace(/\.00$/, ""));
const why = (codes, L) => codes.map((c) => UI[L].why[c] || c).join(en(L, "、", ", "));

/** The answer in one sentence: now or not, from when, and what that month pays and costs.
 *  `plan()` gives the months ahead (called only when this month is not eligible). */
export function headline(est, plan, L) {
  return (est.policy.status === "draft" ? UI[L].draftPrefix : "") + sentence(est, plan, L);
}
function sentence(est, plan, L) {
  const t = UI[L], m = t.ym(est.month);
  if (est.eligible) return t.canNow(m) + t.pays(yuan(est.totals.fund), yuan(est.totals.selfPay));
  const p = plan && plan(), r = p && p.result, first = r && r.months.find((x) => x.eligible);
  const codes = est.reasons.map((x) => x.code);
  if (first) return t.notNow(m, why(codes, L)) + t.canFrom(t.ym(first.month)) + t.pays(yuan(first.totals.fund), yuan(first.totals.selfPay));
  return t.notIn(m, est.reasons.map((x) => msg(x, L)).join(en(L, "", " "))) + (r ? en(L, "", " ") + t.never(r.months.length) : "");
}

/** What an assumption note is about: the input to fill in (assumed_disability_months → disabilityMonths). */
const assumedKey = (code) => code.slice(8).replace(/_met$/, "").replace(/_(\w)/g, (_, c) => c.toUpperCase());

/** The estimate: the headline, what it assumed, big figures, reasons, lines with basis and clause,
 *  notes, policy, what to do next, and (in print) what was entered. */
export function renderEstimate(root, est, { cat, lang: L, query = {}, onCharge, rules, plan, onAssumed }) {
  const t = UI[L], city = cityOf(cat, est.city), mode = modeOf(city, est.careMode);
  const name = (list, id) => tx((list.find((x) => x.id === id) || {}).name, L);
  const summary = [tx(city.name, L), name(cat.insuranceTypes, query.insurance), name(cat.grades, query.grade),
    tx(mode.name, L), est.month, mode.usesCareDays ? t.days(est.careDays) : null].filter(Boolean).join(" · ");
  const p = est.policy;
  const k = [h("h2", {}, t.result),
    h("p", { class: "headline" + (est.eligible ? "" : " inel"), "data-out": "headline" }, headline(est, plan, L)),
    p.status === "draft" || p.status === "expired"
      ? h("p", { class: `status-head s-${p.status}`, "data-out": "statusHead" }, p.status === "draft" ? t.draftHead(p.effectiveFrom) : t.expiredHead(p.effectiveTo)) : null];
  const assumed = est.notes.filter((n) => n.code.startsWith("assumed_"));
  if (assumed.length) {
    k.push(h("div", { class: "assumed", "data-out": "assumed" }, h("p", {}, t.assumed),
      h("ul", {}, assumed.map((n) => h("li", { "data-code": n.code }, msg(n, L), onAssumed
        ? [" ", h("button", { type: "button", class: "link", onclick: () => onAssumed(assumedKey(n.code)) }, t.fillIn)] : null)))));
  }
  k.push(h("p", { class: "summary", "data-out": "summary" }, summary));
  if (est.eligible) {
    const sp = est.totals.selfPay;
    k.push(h("div", { class: "figs" },
      h("div", { class: "fig fund" }, h("span", { class: "lbl" }, t.fund), h("strong", { "data-out": "fund" }, est.totals.fund), h("span", { class: "u" }, t.yuan)),
      h("div", { class: "fig self" + (sp == null ? " unknown" : "") }, h("span", { class: "lbl" }, t.selfPay),
        h("strong", { "data-out": "selfPay", "data-unknown": sp == null }, sp == null ? t.unknown : sp),
        sp == null
          ? (onCharge ? h("button", { type: "button", class: "link", onclick: onCharge }, t.enterCharge) : h("span", { class: "u" }, t.enterCharge))
          : h("span", { class: "u" }, t.yuan))));
    if (est.totals.cost != null) k.push(h("p", { class: "total" }, `${t.totalCost} ${est.totals.cost} ${t.yuan}`));
  } else {
    k.push(h("p", { class: "figs inel", "data-out": "ineligible" }, t.notEligible),
      h("h3", {}, t.reasons),
      h("ul", { class: "reasons" }, est.reasons.map((r) => h("li", { "data-code": r.code }, msg(r, L), " ", cite(r.citation, L)))));
  }
  k.push(h("p", { class: "ref" }, t.ref, h("strong", { "data-out": "reference" }, est.reference),
    h("span", { class: "help" }, t.refHelp(cat.rulesVersion))));
  k.push(policyEl(p, L, city.documents.find((d) => d.number === p.document), rules && rulesHref(est.city, est.month, L)));
  if (est.lines.length) {
    k.push(h("h3", {}, t.lines), h("ol", { class: "lines" }, est.lines.map((l) => h("li", { class: "line", "data-id": l.id },
      h("h4", {}, en(L, l.label, l.labelEn), l.kind === "allowance" ? h("span", { class: "tag" }, t.allowance) : null),
      h("dl", { class: "amts" }, amountEl(t.cost, l.cost, "cost", L), amountEl(t.fund, l.fund, "fund", L), amountEl(t.selfPay, l.selfPay, "selfPay", L)),
      h("p", { class: "basis" }, en(L, l.basis, l.basisEn)),
      h("p", {}, cite(l.citation, L))))));
  }
  if (est.notes.length) {
    k.push(h("h3", {}, t.notes), h("ul", { class: "notes" }, est.notes.map((n) => h("li", { "data-code": n.code }, unCode(msg(n, L)), " ", cite(n.citation, L)))));
  }
  k.push(nextEl(city, L), inputsEl(cat, city, mode, query, assumed, L));
  root.replaceChildren(...k.filter(Boolean));
}

/** 下一步 from the sources (the catalog's nextSteps), a reading marked as the calculator's;
 *  what the estimate leaves out; the office decides. */
function nextEl(city, L) {
  const t = UI[L];
  return h("div", { class: "next", "data-out": "next" }, h("h3", {}, t.next),
    h("ol", {}, (city.nextSteps || []).map((x) => h("li", { class: x.reading ? "reading" : null },
      tx(x.text, L), x.reading && !tx(x.text, L).includes(t.reading.replace(/[（）()]/g, "").trim()) ? h("em", {}, t.reading) : null, x.citation ? [" ", cite(x.citation, L)] : null))),
    h("p", {}, t.notCoveredByEstimate), h("p", {}, t.officeDecides));
}

/** For the printout: every input given (label: value), the assumptions, the day printed. */
function inputsEl(cat, city, mode, query, assumed, L) {
  const t = UI[L];
  const info = (key) => mode.inputs.find((i) => i.key === key) || common(cat, key);
  const label = (key) => {
    const own = (city.inputTexts || []).find((x) => x.key === key);
    return tx((own && own.label) || (info(key) || {}).label, L) || key;
  };
  const shown = (key, v) => {
    const i = info(key), o = i && i.options && i.options.find((x) => String(x.id) === String(v));
    if (o) return tx(o.name, L);
    if (typeof v === "boolean") return v ? en(L, "是", "yes") : en(L, "否", "no");
    if (v && typeof v === "object") return `${t.continuous} ${v.continuous ?? "—"}, ${t.cumulative} ${v.cumulative ?? "—"}`;
    return String(v);
  };
  const rows = Object.entries(query).filter(([key]) => !["city", "insurance", "grade", "careMode", "month"].includes(key))
    .map(([key, v]) => h("li", {}, `${label(key)}${en(L, "：", ": ")}${shown(key, v)}`));
  const d = new Date();
  return h("div", { class: "print-only", "data-out": "inputs" }, h("h3", {}, t.inputs),
    h("ul", {}, rows, assumed.map((n) => h("li", {}, msg(n, L)))),
    h("p", {}, t.printed, `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`));
}

/** An input error or a refusal, in place of a result. */
export function renderProblem(root, error, L, placed, label = () => null) {
  const t = UI[L], words = unCode(errorText(error, L), label);
  const missing = error.code === "missing_field" && label(error.field);
  root.replaceChildren(h("h2", {}, t.result), h("p", { class: "problem" + (missing ? " ask" : ""), "data-out": "error", "data-code": error.code || "" },
    missing ? t.missing(missing) : placed && label(error.field) ? t.fixAt(label(error.field)) : words));
}

/** Every care mode for the same person: a table and a stacked bar chart (fund, self-pay). */
export function renderComparison(root, rows, { lang: L, current, onPick }) {
  const t = UI[L];
  const ok = rows.filter((r) => r.result && r.result.eligible);
  if (!rows.some((r) => r.result)) return root.replaceChildren();
  const UNK = 80; // width of an unknown self-pay segment, out of 1000
  const sum = (r) => Number(r.result.totals.fund) + Number(r.result.totals.selfPay || 0);
  const room = ok.some((r) => r.result.totals.selfPay == null) ? 1000 - UNK - 4 : 1000;
  const max = Math.max(1, ...ok.map(sum)) / room;
  const cells = (r) => {
    if (r.error) return h("td", { colspan: 2, class: "muted" }, unCode(errorText(r.error, L)));
    if (!r.result.eligible) return h("td", { colspan: 2, class: "muted", "data-out": "why" }, `${t.inel}${en(L, "：", ": ")}${why(r.result.reasons.map((x) => x.code), L)}`);
    const sp = r.result.totals.selfPay;
    return [h("td", { "data-amt": "fund" }, r.result.totals.fund), h("td", { "data-amt": "selfPay" }, sp == null ? t.unknown : sp)];
  };
  const bar = (r) => {
    const svg = h("svg:svg", { viewBox: "0 0 1000 20", preserveAspectRatio: "none", class: "bar", focusable: "false" });
    if (r.result && r.result.eligible) {
      const f = Number(r.result.totals.fund) / max, sp = r.result.totals.selfPay;
      svg.append(h("svg:rect", { class: "f", x: 0, y: 0, width: f, height: 20 }));
      if (sp == null) svg.append(h("svg:rect", { class: "u", x: f + 2, y: 1, width: UNK, height: 18, "vector-effect": "non-scaling-stroke" }));
      else svg.append(h("svg:rect", { class: "s", x: f, y: 0, width: Number(sp) / max, height: 20 }));
    }
    return svg;
  };
  const modeName = (r) => tx(r.mode.name, L);
  fill(root,
    h("h2", {}, t.compare), h("p", { class: "help" }, t.compareHelp),
    h("div", { class: "scroll" }, h("table", { class: "compare" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.careMode), h("th", { scope: "col" }, t.fund), h("th", { scope: "col" }, t.selfPay))),
      h("tbody", {}, rows.map((r) => h("tr", { "data-mode": r.mode.id, class: r.mode.id === current ? "current" : null },
        h("th", { scope: "row" }, r.mode.id === current || !onPick
          ? [modeName(r), r.mode.id === current ? h("span", { class: "sr-only" }, t.current) : null]
          : h("button", { type: "button", class: "link", "aria-label": t.pick(modeName(r)), onclick: () => onPick(r.mode.id) }, modeName(r))),
        cells(r)))))),
    // No chart when no mode pays: the table's reasons say it all.
    !ok.length ? null : h("figure", { class: "chart", "aria-hidden": "true" },
      h("figcaption", {}, h("span", {}, h("span", { class: "key f" }), t.fund), h("span", {}, h("span", { class: "key s" }), t.selfPay),
        h("span", {}, h("span", { class: "key u" }), `${t.selfPay}${en(L, "", ": ")}${t.unknown}`)),
      rows.map((r) => h("div", { class: "row" + (r.mode.id === current ? " current" : "") }, h("span", { class: "name" }, modeName(r)), bar(r)))));
}

/** The contribution: totals per payer, the payer lines with basis and clause, status, notes. */
export function renderContribution(root, res, { cat, lang: L }) {
  const t = UI[L], city = cityOf(cat, res.city);
  const p = res.policy;
  const status = p.status === "carried_forward" ? `${t.status.carried_forward}（${p.statedTo}）` : t.status.stated;
  fill(root,
    h("h2", {}, t.cResult),
    h("p", { class: "summary", "data-out": "summary" },
      [tx(city.name, L), String(res.year), tx((cat.insuranceTypes.find((i) => i.id === res.insurance) || {}).name, L)].join(" · ")),
    h("div", { class: "figs" },
      h("div", { class: "fig self" }, h("span", { class: "lbl" }, t.individual), h("strong", { "data-out": "individual" }, res.totals.individual), h("span", { class: "u" }, t.perYear)),
      h("div", { class: "fig fund" }, h("span", { class: "lbl" }, t.total), h("strong", { "data-out": "total" }, res.totals.total), h("span", { class: "u" }, t.perYear))),
    h("table", { class: "totals" }, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.payer), h("th", { scope: "col" }, t.amount))),
      h("tbody", {}, [...PAYERS, "total"].map((k) => h("tr", { class: k === "total" ? "sum" : null },
        h("th", { scope: "row" }, t[k]), h("td", { "data-out": k }, res.totals[k]))))),
    h("div", { class: "policy" }, h("p", {}, h("span", { class: `badge s-${p.status}`, "data-out": "status" }, status)),
      h("p", {}, t.source, zh(p.document, "doc"), " ", h("span", { lang: ZH }, `《${p.title}》`))),
    res.lines.length ? [h("h3", {}, t.lines), h("ol", { class: "lines" }, res.lines.map((l) => h("li", { class: "line", "data-payer": l.payer },
      h("h4", {}, en(L, l.label, l.labelEn)),
      h("dl", { class: "amts" }, amountEl(t.payer, t[l.payer] || l.payer, "payer", L), amountEl(t.amount, l.amount, "amount", L)),
      h("p", { class: "basis" }, en(L, l.basis, l.basisEn)),
      h("p", {}, cite(l.citation, L)))))] : null,
    res.notes.length ? [h("h3", {}, t.notes), h("ul", { class: "notes" }, res.notes.map((n) => h("li", { "data-code": n.code }, msg(n, L), " ", cite(n.citation, L))))] : null);
}
