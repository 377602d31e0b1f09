// <ltci-calculator city="jincheng" care-mode="home_visit" lang="zh" compact>:
// the calculator as a custom element for government portals, in a shadow root,
// themed by the --ltci-* custom properties (docs/embed.md). It finds app.css,
// app.js (with the modules it imports) and pkg/ beside itself, never touches the host page's URL, and any
// number of instances may share a page (one WebAssembly instance for all).
import { UI } from "./texts.js";
import { h } from "./dom.js";
import { checkRules } from "./notice.js";
import { load, mount } from "./app.js";

const CSS = new URL("app.css", import.meta.url).href;
const PAGE = new URL("./", import.meta.url).href;
// Kept when the city or care mode attribute changes; the mode's own inputs are not.
const COMMON = ["insurance", "grade", "month", "lang", "text"];

class LtciCalculator extends HTMLElement {
  static observedAttributes = ["city", "lang", "care-mode", "compact"];

  #box; #cat; #params = new URLSearchParams();

  connectedCallback() {
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
    if (!this.#cat || old === value) return;
    if (name === "city" || name === "care-mode") return this.#render(this.#fromAttributes(this.#params));
    const p = new URLSearchParams(this.#params);
    if (name === "lang") { p.delete("lang"); if (value === "en") p.set("lang", "en"); }
    this.#render(p);
  }

  /** The query string for the attributes, keeping the person's common inputs from `prev`. */
  #fromAttributes(prev = new URLSearchParams()) {
    const p = new URLSearchParams();
    for (const k of COMMON) if (prev.has(k)) p.set(k, prev.get(k));
    const city = this.getAttribute("city"), mode = this.getAttribute("care-mode");
    if (city) p.set("city", city);
    if (mode) p.set("careMode", mode);
    if (!prev.has("lang") && this.getAttribute("lang") === "en") p.set("lang", "en");
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

if (!customElements.get("ltci-calculator")) customElements.define("ltci-calculator", LtciCalculator);
