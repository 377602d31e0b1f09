//# allFunctionsCalledOnLoad
// Building the page's elements: h() and the few helpers every view uses.
// Below everything but the texts (DESIGN.md, "What depends on what?").
import { UI, ZH } from "./texts.js";

const SVG = "http://www.w3.org/2000/svg";
/** Builds an element: h("p", {class: "x", onclick: f}, "text", child…). */
export function h(tag, props, ...kids) {
  const el = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat(9)) if (k != null && k !== false) el.append(k);
  return el;
}
/** Replaces root's children, skipping null and false. */
export const fill = (root, ...kids) => root.replaceChildren(...kids.flat(9).filter((k) => k != null && k !== false));
/** Chinese source text (document numbers, clauses) keeps its language for screen readers. */
export const zh = (text, cls) => h("span", { lang: ZH, class: cls }, text);
export const cite = (c, L) => h("span", { class: "cite" }, UI[L].source, zh(c));
/** Runs `f` once the next frame is painted (the first task after it). */
export const afterPaint = (f) => requestAnimationFrame(() => setTimeout(f));
