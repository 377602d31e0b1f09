//# allFunctionsCalledOnLoad
// The results: an estimate explained line by line, an error in its place,
// every care mode compared, and a year's contributions.
import { UI, ZH, tx, en, msg, errorText } from "./texts.js";
import { h, fill, zh, cite } from "./dom.js";
import { cityOf, modeOf } from "./query.js";
import { rulesHref } from "./state.js";

const PAYERS = ["individual", "employer", "government", "medicalFund"];

const amountEl = (label, value, key, L) => h("div", { class: "amt" }, h("dt", {}, label),
  h("dd", { "data-amt": key }, value == null ? UI[L].unknown : value));

/** A result's document: status (with the link to its rules and figures), period, day checked. */
function policyEl(p, L, doc, rules) {
  const t = UI[L];
  const when = p.effectiveTo ? t.period(p.effectiveFrom, p.effectiveTo) : t.from(p.effectiveFrom);
  return h("div", { class: "policy" },
    h("p", {}, h("span", { class: `badge s-${p.status}`, "data-out": "status" }, t.status[p.status] || p.status),
      rules ? [" ", h("a", { href: rules, class: "rules", "data-act": "rules" }, t.rules)] : null),
    h("p", {}, t.source, zh(p.document, "doc"), en(L, "", " — "), h("span", { lang: ZH }, `《${p.title}》`), h("span", { class: "when" }, when),
      doc ? h("span", { class: "when" }, `${t.reviewed}${en(L, "：", ": ")}${doc.lastReviewed}`) : null));
}

/** The estimate: big figures, reasons, lines with basis and clause, notes, policy. */
export function renderEstimate(root, est, { cat, lang: L, query = {}, onCharge, rules }) {
  const t = UI[L], city = cityOf(cat, est.city), mode = modeOf(city, est.careMode);
  const name = (list, id) => tx((list.find((x) => x.id === id) || {}).name, L);
  const summary = [tx(city.name, L), name(cat.insuranceTypes, query.insurance), name(cat.grades, query.grade),
    tx(mode.name, L), est.month, mode.usesCareDays ? t.days(est.careDays) : null].filter(Boolean).join(" · ");
  const k = [h("h2", {}, t.result), h("p", { class: "summary", "data-out": "summary" }, summary)];
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
  k.push(policyEl(est.policy, L, city.documents.find((d) => d.number === est.policy.document), rules && rulesHref(est.city, est.month, L)));
  if (est.lines.length) {
    k.push(h("h3", {}, t.lines), h("ol", { class: "lines" }, est.lines.map((l) => h("li", { class: "line", "data-id": l.id },
      h("h4", {}, en(L, l.label, l.labelEn), l.kind === "allowance" ? h("span", { class: "tag" }, t.allowance) : null),
      h("dl", { class: "amts" }, amountEl(t.cost, l.cost, "cost", L), amountEl(t.fund, l.fund, "fund", L), amountEl(t.selfPay, l.selfPay, "selfPay", L)),
      h("p", { class: "basis" }, en(L, l.basis, l.basisEn)),
      h("p", {}, cite(l.citation, L))))));
  }
  if (est.notes.length) {
    k.push(h("h3", {}, t.notes), h("ul", { class: "notes" }, est.notes.map((n) => h("li", { "data-code": n.code }, msg(n, L), " ", cite(n.citation, L)))));
  }
  root.replaceChildren(...k);
}

/** An input error or a refusal, in place of a result. */
export function renderProblem(root, error, L, placed) {
  const t = UI[L];
  root.replaceChildren(h("h2", {}, t.result), h("p", { class: "problem", "data-out": "error", "data-code": error.code || "" },
    placed ? t.fix : "", errorText(error, L)));
}

/** Every care mode for the same person: a table and a stacked bar chart (fund, self-pay). */
export function renderComparison(root, rows, { lang: L, current, onPick }) {
  const t = UI[L];
  const ok = rows.filter((r) => r.result && r.result.eligible);
  if (!ok.length) return root.replaceChildren(); // every mode refused: the reasons above say why
  const UNK = 80; // width of an unknown self-pay segment, out of 1000
  const sum = (r) => Number(r.result.totals.fund) + Number(r.result.totals.selfPay || 0);
  const room = ok.some((r) => r.result.totals.selfPay == null) ? 1000 - UNK - 4 : 1000;
  const max = Math.max(1, ...ok.map(sum)) / room;
  const cells = (r) => {
    if (r.error) return h("td", { colspan: 2, class: "muted" }, errorText(r.error, L));
    if (!r.result.eligible) return h("td", { colspan: 2, class: "muted" }, t.inel);
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
  root.replaceChildren(
    h("h2", {}, t.compare), h("p", { class: "help" }, t.compareHelp),
    h("div", { class: "scroll" }, h("table", { class: "compare" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.careMode), h("th", { scope: "col" }, t.fund), h("th", { scope: "col" }, t.selfPay))),
      h("tbody", {}, rows.map((r) => h("tr", { "data-mode": r.mode.id, class: r.mode.id === current ? "current" : null },
        h("th", { scope: "row" }, r.mode.id === current || !onPick
          ? [modeName(r), r.mode.id === current ? h("span", { class: "sr-only" }, t.current) : null]
          : h("button", { type: "button", class: "link", "aria-label": t.pick(modeName(r)), onclick: () => onPick(r.mode.id) }, modeName(r))),
        cells(r)))))),
    h("figure", { class: "chart", "aria-hidden": "true" },
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
