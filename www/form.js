//# allFunctionsCalledOnLoad
// The forms: the estimate's and the contributions', built from the catalog,
// and the mark an API error puts on the field it names.
import { UI, tx, en, unit, errorText, unCode } from "./texts.js";
import { h, fill } from "./dom.js";
import { cityOf, modeOf, common, detailInputs, keysOf, contributionInputs, own, chinaMonth } from "./query.js";

/** The eligibility inputs asked in the open wherever a city reads them: their default
 *  (6 months disabled, no subsidy, no work-injury allowance) can decide the answer.
 *  The city's other eligibility inputs are details, collapsed. */
export const ASKED = ["disabilityMonths", "disabilitySubsidy", "workInjuryCareAllowance"];
/** The document a city's rules take in `month` ("YYYY-MM"): the one in force then, else the last. */
export const docAt = (city, month) => city.documents.find((d) => d.effectiveFrom.slice(0, 7) <= month && (!d.effectiveTo || d.effectiveTo.slice(0, 7) >= month))
  || city.documents[city.documents.length - 1];

/** One labelled control with its help and its error slot, from a catalog InputInfo
 *  (its own properties only: a host page may have added to Object.prototype). */
export function fieldEl(info, v, c) {
  const L = c.lang, t = UI[L], id = c.idp + info.key.replace(/\W/g, "_");
  const u = unit(own(info, "unit"), L), options = own(info, "options"), dflt = own(info, "default");
  const label = tx(info.label, L) + (u && info.type !== "years" ? en(L, `（${u}）`, ` (${u})`) : "") + (own(info, "required") ? t.required : "");
  const help = [tx(own(info, "help"), L)];
  if (dflt != null) help.push(t.ifEmpty + dflt + (u ? " " + u : ""));
  else if (own(info, "defaultRule")) help.push(t.ifEmpty + tx(info.defaultRule, L));
  if (own(info, "maxRule")) help.push(t.atMost + tx(info.maxRule, L));
  if (info.type === "month") help.push(t.monthFormat);
  if (c.help) help.push(c.help);
  const stop = (x) => (L === "en" ? (/[.!?]$/.test(x) ? x : x + ".") : /[。！？]$/.test(x) ? x : x + "。");
  const helpEl = h("p", { class: "help", id: id + "-h" }, help.filter(Boolean).map(stop).join(en(L, "", " ")));
  const err = (k) => h("p", { class: "err", id: `${c.idp}${k.replace(/\W/g, "_")}-e`, "data-err": k, hidden: true });
  const desc = (k) => `${id}-h ${c.idp}${k.replace(/\W/g, "_")}-e`;

  if (info.type === "boolean") {
    return h("div", { class: "field check" },
      h("label", { class: "box" }, h("input", { type: "checkbox", id, "data-key": info.key, checked: own(v, info.key) === "true", "aria-describedby": desc(info.key) }), h("span", {}, label)),
      helpEl, err(info.key));
  }
  if (info.type === "years") {
    const part = (sub, name) => {
      const k = `${info.key}.${sub}`;
      return h("div", { class: "field" },
        h("label", { for: id + sub }, name + (u ? en(L, `（${u}）`, ` (${u})`) : "")),
        h("input", { type: "text", inputmode: "numeric", autocomplete: "off", id: id + sub, "data-key": k, value: own(v, k) || "", "aria-describedby": desc(k) }),
        err(k));
    };
    return h("fieldset", { class: "field years", "aria-describedby": id + "-h" }, h("legend", {}, label), helpEl,
      h("div", { class: "pair" }, part("continuous", t.continuous), part("cumulative", t.cumulative)));
  }
  let control;
  const value = own(v, info.key), required = own(info, "required");
  const base = { id, "data-key": info.key, "aria-describedby": desc(info.key), name: info.key, "aria-required": required ? "true" : null };
  if (info.type === "choice" || options) {
    control = h("select", base,
      h("option", { value: "" }, required ? t.choose : t.none),
      (options || []).map((o) => h("option", { value: o.id, selected: value === o.id }, tx(o.name, L))));
  } else if (info.type === "month") {
    // Text, not <input type="month">: that control is a plain text box in some
    // browsers anyway, and the first one on a page costs a cheap phone about
    // 30 ms (its date-format data) before the estimate can show.
    control = h("input", { ...base, type: "text", autocomplete: "off", value: value || "", placeholder: "YYYY-MM" });
  } else {
    const whole = info.type === "integer";
    control = h("input", { ...base, type: "text", autocomplete: "off", inputmode: whole ? "numeric" : "decimal",
      value: value || "", placeholder: dflt ?? "" });
  }
  return h("div", { class: "field" }, h("label", { for: id }, label), control, helpEl, err(info.key));
}

/** A select of catalog choices; `covered` marks the ones the city does not cover. */
function selectField(c, key, label, choices, value, covered, help) {
  const id = c.idp + key;
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    h("select", { id, "data-key": key, name: key, "aria-describedby": help ? `${id}-h ${id}-e` : `${id}-e` },
      choices.map((o) => h("option", { value: o.id, selected: o.id === value },
        tx(o.name, c.lang) + (covered && !covered.includes(o.id) ? UI[c.lang].notCovered : "")))),
    help ? h("p", { class: "help", id: id + "-h" }, help) : null,
    h("p", { class: "err", id: id + "-e", "data-err": key, hidden: true }));
}

/** The estimate form for values `v`, into `root`. Controls carry data-key = the Query key. */
export function renderEstimateForm(root, cat, v, c) {
  const L = c.lang, t = UI[L], city = cityOf(cat, v.city), mode = modeOf(city, v.careMode);
  const names = (list) => list.map((x) => ({ id: x.id, name: x.name }));
  const details = detailInputs(cat, city);
  const asked = details.filter((i) => ASKED.includes(i.key)), rest = details.filter((i) => !ASKED.includes(i.key));
  const careDays = common(cat, "careDays");
  // The city's own grade names where its document has them (日照 半失能, 完全失能).
  const grades = cat.grades.map((g) => ({ ...g, name: (city.gradeNames.find((n) => n.id === g.id) || g).name }));
  fill(root,
    h("fieldset", { class: "group" }, h("legend", {}, t.person),
      selectField(c, "city", t.city, names(cat.cities), city.id, null, citiesHelp(cat, v, L)),
      h("details", { class: "notlisted" }, h("summary", {}, t.notListed), h("p", {}, t.notListedText)),
      selectField(c, "insurance", t.insurance, cat.insuranceTypes, v.insurance, city.insurance),
      selectField(c, "grade", t.grade, grades, v.grade, city.grades,
        t.levels + cat.grades.map((g) => tx(g.levels, L)).join(en(L, "；", "; "))),
      selectField(c, "careMode", t.careMode, names(city.careModes), mode.id, null,
        [tx(mode.help, L), " ", t.source, mode.citation].join("")),
      fieldEl(common(cat, "month"), v, c),
      mode.usesCareDays ? fieldEl(careDays, v, { ...c, help: tx(city.careDaysHelp, L) }) : null),
    asked.length ? h("fieldset", { class: "group", "data-part": "asked" }, h("legend", {}, t.conditions), asked.map((i) => fieldEl(i, v, c))) : null,
    mode.inputs.length ? h("fieldset", { class: "group" }, h("legend", {}, t.modeInputs), mode.inputs.map((i) => fieldEl(i, v, c))) : null,
    rest.length ? detailsEl(rest, v, c) : null);
}

/** The cities covered, each with its document's status in the month asked, and what to do
 *  when one's own city is not among them. */
function citiesHelp(cat, v, L) {
  const t = UI[L], month = v.month && /^\d{4}-\d{2}$/.test(v.month) ? v.month : chinaMonth();
  return [t.cities, cat.cities.map((x) => `${tx(x.name, L)}${en(L, "（", " (")}${t.brief[docAt(x, month).status] || docAt(x, month).status}${en(L, "）", ")")}`).join(en(L, "、", ", ")),
    en(L, "。", ".")].join("");
}

/** The collapsed eligibility details; their controls are built when first opened. */
function detailsEl(inputs, v, c) {
  const el = h("details", { class: "group", open: c.open, "data-part": "details", "data-keys": keysOf(inputs).join(" ") });
  const build = () => { if (el.children.length < 2) el.append(...inputs.map((i) => fieldEl(i, v, c))); };
  el.append(h("summary", { onclick: build }, UI[c.lang].details));
  if (c.open) build();
  return el;
}

export function renderContributionForm(root, cat, v, c) {
  const L = c.lang, t = UI[L], city = cityOf(cat, v.city), ci = city.contribution;
  root.replaceChildren(h("fieldset", { class: "group" }, h("legend", {}, t.tabC),
    selectField(c, "city", t.city, cat.cities.map((x) => ({ id: x.id, name: x.name })), city.id),
    ci ? [
      fieldEl({ key: "year", label: { zh: t.year, en: t.year }, type: "integer", unit: null, help: null }, v, c),
      selectField(c, "insurance", t.insurance, cat.insuranceTypes, v.insurance, ci.insurance),
      contributionInputs(city, v).map((i) => fieldEl(i, v, c)),
    ] : null));
}

/** Marks the field an API error names (or clears all marks); returns true if one was found. */
export function markError(form, error, L) {
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of form.querySelectorAll("[data-err]")) { el.hidden = true; el.textContent = ""; }
  const f = error && error.field;
  // A required input not yet given is asked for in the result, not marked as wrong.
  if (!f || error.code === "missing_field") return false;
  const named = (k) => k === f || k.startsWith(f + ".");
  const details = form.querySelector("[data-part=details]");
  // An error in the unopened eligibility details opens them (which builds their controls).
  if (details && !details.open && details.dataset.keys.split(" ").some(named)) details.querySelector("summary").click();
  const control = [...form.querySelectorAll("[data-key]")].find((el) => named(el.dataset.key));
  if (!control || f === "city") return false;
  const slot = form.querySelector(`[data-err="${control.dataset.key}"]`);
  control.setAttribute("aria-invalid", "true");
  if (slot) { slot.textContent = unCode(errorText(error, L), (k) => (named(k) ? labelOf(form, control) : null)); slot.hidden = false; }
  const d = control.closest("details");
  if (d) d.open = true;
  return true;
}

/** The words of a control's label (without its unit and 必填 marks), for a message about it. */
export function labelOf(form, control) {
  const box = control.closest(".field");
  const l = control.id && form.querySelector(`label[for="${control.id}"]`) || (box && box.querySelector("label, legend"));
  return l ? l.textContent.replace(/[（(].*$/, "").trim() : "";
}
