// <ltci-calculator city="jincheng" care-mode="home_visit" month="2024-02" insurance="employee"
// grade="severe" inputs='{"dailyCharge":"60"}' lang="zh" compact>:
// the calculator as a custom element for government portals, in a shadow root,
// themed by the --ltci-* custom properties (docs/embed.md). It takes the same
// properties as the WeChat component (miniprogram/components/ltci-calculator/) and
// gives the same answers. It finds app.css,
// app.js (with the modules it imports) and pkg/ beside itself, never touches the host page's URL, and any
// number of instances may share a page (one WebAssembly instance for all).
//
// What the attributes and properties give goes in as a link's query string would
// (state.js): it is read as typed input is (number.js via query.js), and what the
// calculator does not know is said as the page says it for a link.
import { UI } from "./texts.js";
import { h } from "./dom.js";
import { checkRules } from "./notice.js";
import { load, mount } from "./app.js";

const CSS = new URL("app.css", import.meta.url).href;
const PAGE = new URL("./", import.meta.url).href;
// Kept when the city or care mode attribute changes; the mode's own inputs are not.
const COMMON = ["insurance", "grade", "month", "lang", "text"];
// The person's values an attribute (and property) presets, as the query names them.
const PERSON = ["insurance", "grade", "month"];
// Keys `inputs` does not set: the place is the city and care-mode attributes', and
// the page's own keys (tab, lang, large text, view) are not a care mode's inputs.
const NOT_INPUTS = ["city", "careMode", "tab", "lang", "text", "view"];
// Properties, by their attributes; `lang` is HTMLElement's own.
const STRINGS = { city: "city", careMode: "care-mode", month: "month", insurance: "insurance", grade: "grade" };

class LtciCalculator extends HTMLElement {
  static observedAttributes = ["city", "lang", "care-mode", "compact", "month", "insurance", "grade", "inputs"];

  #box; #cat; #params = new URLSearchParams();
  /** The preset inputs: an object (own keys only are read), or the text of an `inputs`
   *  attribute that is not a JSON object (said as a link's unknown value), or null. */
  #inputs = null;

  connectedCallback() {
    // A property set before the element was defined is an own property of the element: take it.
    for (const k of [...Object.keys(STRINGS), "compact", "inputs"]) {
      if (Object.hasOwn(this, k)) { const x = this[k]; delete this[k]; this[k] = x; }
    }
    if (this.#box) return; // moved in the page: keep the state
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    // A <link>, not <style>: the portal's CSP may allow its own origin's styles but not inline ones.
    const link = h("link", { rel: "stylesheet", href: CSS });
    const styled = new Promise((ok) => { link.onload = link.onerror = ok; });
    this.#box = h("div", {}, h("div", { class: "ltci" }, h("p", { class: "loading" }, "正在加载计算器… ", h("span", { lang: "en" }, "Loading…"))));
    root.replaceChildren(link, this.#box);
    Promise.all([load(), styled]).then(([cat]) => { this.#cat = cat; this.#render(this.#fromAttributes()); },
      () => { this.#box.querySelector(".loading").textContent = UI.zh.failed + " " + UI.en.failed; });
  }

  attributeChangedCallback(name, old, value) {
    if (name === "inputs" && old !== value) this.#inputs = value == null ? null : parsed(value);
    if (!this.#cat || old === value) return;
    if (name === "city" || name === "care-mode") return this.#render(this.#fromAttributes(this.#params));
    const p = new URLSearchParams(this.#params);
    if (name === "lang") { p.delete("lang"); if (value === "en") p.set("lang", "en"); }
    // A preset that is removed or emptied leaves the value as it is (as the WeChat component does).
    if (PERSON.includes(name) && value) p.set(name, value);
    if (name === "inputs") this.#withInputs(p);
    this.#render(p);
  }

  get compact() { return this.hasAttribute("compact"); }
  set compact(x) { this.toggleAttribute("compact", !!x); }
  /** The care mode's inputs a host presets, by query key: { dailyCharge: "60" }. */
  get inputs() { return typeof this.#inputs === "string" ? null : this.#inputs; }
  set inputs(x) {
    this.#inputs = x == null ? null : typeof x === "string" ? parsed(x) : typeof x === "object" ? x : String(x);
    if (this.#cat) this.#render(this.#withInputs(new URLSearchParams(this.#params)));
  }

  /** The query string for the attributes, keeping the person's common inputs from `prev`. */
  #fromAttributes(prev = new URLSearchParams()) {
    const p = new URLSearchParams();
    for (const k of COMMON) if (prev.has(k)) p.set(k, prev.get(k));
    for (const k of PERSON) { const x = this.getAttribute(k); if (x && !p.has(k)) p.set(k, x); }
    const city = this.getAttribute("city"), mode = this.getAttribute("care-mode");
    if (city) p.set("city", city);
    if (mode) p.set("careMode", mode);
    if (!prev.has("lang") && this.getAttribute("lang") === "en") p.set("lang", "en");
    return this.#withInputs(p);
  }

  /** `p` with the preset inputs: a text each, as typed (a box's true as "true"). */
  #withInputs(p) {
    const x = this.#inputs;
    if (typeof x === "string") p.set("inputs", x); // not an object: the notice says it is not taken
    else if (x) {
      for (const k of Object.keys(x)) { // own keys only: nothing from Object.prototype
        const v = x[k];
        if (v != null && !NOT_INPUTS.includes(k)) p.set(k, typeof v === "boolean" ? (v ? "true" : "") : text(v));
      }
    }
    return p;
  }

  #render(params) {
    this.#params = params;
    const calc = mount(this.#box, {
      cat: this.#cat, params, compact: this.hasAttribute("compact"),
      onChange: (p) => { this.#params = p; },
      link: (p) => PAGE + (String(p) ? "?" + p : ""),
    });
    checkRules(this.#cat, calc); // only where the calculator's own service worker serves these files
  }
}

// The string properties reflect their attributes (as the WeChat component's properties, "" when not set).
for (const [prop, attr] of Object.entries(STRINGS)) {
  Object.defineProperty(LtciCalculator.prototype, prop, {
    get() { return this.getAttribute(attr) ?? ""; },
    set(x) { if (x == null) this.removeAttribute(attr); else this.setAttribute(attr, String(x)); },
    configurable: true, enumerable: true,
  });
}

/** A preset value as a text: a number or a string as it is, anything else as JSON. */
function text(v) {
  if (typeof v !== "object" && typeof v !== "function") return String(v);
  try { return JSON.stringify(v) ?? ""; } catch { return ""; }
}

/** An `inputs` attribute's JSON: the object, or the text itself when it is not a JSON object. */
function parsed(text) {
  try {
    const x = JSON.parse(text);
    if (x && typeof x === "object" && !Array.isArray(x)) return x;
  } catch { /* said below */ }
  return text;
}

if (!customElements.get("ltci-calculator")) customElements.define("ltci-calculator", LtciCalculator);
