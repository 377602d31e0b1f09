//# allFunctionsCalledOnLoad
// The months ahead (docs/plan.md): the section below the estimate.
import { UI, en, msg, errorText } from "./texts.js";
import { h, fill, cite } from "./dom.js";

/** The months ahead (docs/plan.md): the totals, when benefits can start (for a person not
 *  eligible this month), a bar chart (fund, self-pay), the same figures as a table, and under
 *  it what the later months assume (an input the person did not give for them), in words.
 *  The months input is built once, so typing in it keeps its focus. */
export function renderPlan(root, r, { lang: L, idp, months, onMonths }) {
  const t = UI[L];
  if (!root.firstChild) {
    const id = idp + "months";
    root.append(h("h2", { id: idp + "p" }),
      h("div", { class: "field" }, h("label", { for: id }, t.months),
        h("input", { type: "text", inputmode: "numeric", autocomplete: "off", id, "data-key": "months", value: months || "", placeholder: "12",
          "aria-describedby": `${id}-h ${id}-e`, oninput: onMonths }),
        h("p", { class: "help", id: id + "-h" }, t.monthsHelp), h("p", { class: "err", id: id + "-e", "data-err": "months", hidden: true })),
      h("div", { "data-part": "planOut" }));
    root.setAttribute("aria-labelledby", idp + "p");
  }
  const [head, field, out] = root.children, err = field.querySelector(".err"), input = field.querySelector("input");
  const p = r.result;
  head.textContent = t.plan(p ? p.months.length : 12);
  err.hidden = !r.error;
  // The API names the input "months": the person sees its label's words.
  err.textContent = r.error ? errorText(r.error, L).replace(/^months\b/, en(L, "月数", "The number of months")) : "";
  if (r.error) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  if (!p) return out.replaceChildren();
  const sp = p.totals.selfPay, first = p.months[0], expired = p.months.find((m) => m.status === "expired");
  const why = (m) => m.reasons.map((c) => t.why[c] || c).join(en(L, "、", ", "));
  const max = Math.max(1, ...p.months.map((m) => Number(m.totals.fund) + Number(m.totals.selfPay || 0))) / 100;
  const n = p.months.length, svg = h("svg:svg", { viewBox: `0 0 ${n * 10} 100`, preserveAspectRatio: "none", class: "bars", focusable: "false" });
  p.months.forEach((m, i) => {
    const f = Number(m.totals.fund) / max, s = Number(m.totals.selfPay || 0) / max;
    const g = h("svg:g", { class: m.status === "in_force" ? null : "o" },
      m.eligible ? [h("svg:rect", { class: "f", x: i * 10 + 1, y: 100 - f, width: 8, height: f }),
        h("svg:rect", { class: "s", x: i * 10 + 1, y: 100 - f - s, width: 8, height: s })]
        : h("svg:rect", { class: "x", x: i * 10 + 1, y: 96, width: 8, height: 4 }));
    svg.append(g);
  });
  fill(out,
    h("div", { class: "figs" },
      h("div", { class: "fig" }, h("span", { class: "lbl" }, t.planFund), h("strong", { "data-out": "planFund" }, p.totals.fund), h("span", { class: "u" }, t.yuan)),
      h("div", { class: "fig sp" + (sp == null ? " unknown" : "") }, h("span", { class: "lbl" }, t.planSelf), h("strong", { "data-out": "planSelf" }, sp == null ? t.unknown : sp),
        h("span", { class: "u" }, sp == null ? t.enterCharge : t.yuan))),
    h("p", { class: "summary", "data-out": "planFrom" }, p.eligibleFrom ? t.planFrom(p.eligibleFrom, p.eligibleMonths) : t.planNever),
    first.eligible ? null : [h("h3", {}, t.when), h("ul", { class: "ahead" }, p.whatWouldChange.map((w) =>
      h("li", { "data-code": w.code }, w.from || !w.possible ? h("strong", {}, w.from ? t.since(w.from) : t.cannot + en(L, "：", ": ")) : null,
        msg(w, L), " ", cite(w.citation, L))))],
    // A document's status once, above the months (not on every row): from when it has expired.
    expired && expired !== first ? h("p", { class: "status-head s-expired", "data-out": "planStatus" }, t.expiredFrom(expired.month)) : null,
    // The chart is a picture of the table below it, which says the same to a screen reader.
    h("figure", { class: "months-chart", "aria-hidden": "true" },
      h("figcaption", {}, h("span", {}, h("span", { class: "key f" }), t.fund), h("span", {}, h("span", { class: "key s" }), t.selfPay),
        h("span", {}, `${p.from} – ${p.to}`)), svg),
    h("div", { class: "scroll" }, h("table", { class: "months" }, h("caption", {}, t.byMonth, h("span", { class: "print-only grid-head" }, t.gridHead)),
      h("thead", {}, h("tr", {}, [t.month, t.fund, t.selfPay, t.remark].map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, p.months.map((m) => h("tr", { "data-month": m.month, class: m.eligible ? null : "inel" },
        h("th", { scope: "row" }, m.month), h("td", { "data-amt": "fund" }, m.totals.fund),
        h("td", { "data-amt": "selfPay" }, m.totals.selfPay == null ? t.unknown : m.totals.selfPay),
        h("td", {}, m.eligible ? "" : t.inel + en(L, "：", ": ") + why(m))))))),
    p.assumptions.length ? [h("h3", {}, t.assumed), h("ul", { class: "assumed", "data-out": "assumptions" },
      p.assumptions.map((a) => h("li", { "data-input": a.input, "data-rule": a.rule }, msg(a, L))))] : null);
}
