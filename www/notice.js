//# allFunctionsCalledOnLoad
// The service worker's copy and the deployed rules: whether the server has newer
// rules than the copy this page runs from (checkRules), and the notice that
// says so, with its button that reloads once the newer copy is in charge. And
// the notice of what a link named that the calculator did not take (linkNotice).
import { UI, tx } from "./texts.js";
import { h } from "./dom.js";

/** Whether the rules the server deploys now differ from `cat`'s, asked once per
 *  page, only when our service worker (sw.js beside this module) is in charge: its
 *  copy may be an older build's. version.json (scripts/site.mjs) is fetched past
 *  the copy; offline, the copy is the newest there is. */
let rulesCheck;
export function checkRules(cat, calc) {
  const sw = typeof navigator !== "undefined" && navigator.serviceWorker;
  if (!sw || !sw.controller || sw.controller.scriptURL !== new URL("sw.js", import.meta.url).href) return;
  rulesCheck ||= fetch(new URL("version.json", import.meta.url), { cache: "no-store" })
    .then((r) => (r.ok ? r.json() : {}))
    .then((v) => !!v.rulesVersion && v.rulesVersion !== cat.rulesVersion, () => false);
  rulesCheck.then((stale) => {
    if (!stale) return;
    calc.outdated();
    sw.getRegistration().then((reg) => reg && reg.update()).catch(() => {}); // now, not when the browser gets to it
  });
}

/** Reloads once the newer worker, if one is on its way, is in charge (or has failed). */
async function reload() {
  const reg = await navigator.serviceWorker?.getRegistration().catch(() => null);
  if (reg) await reg.update().catch(() => {});
  const w = reg && (reg.installing || reg.waiting);
  if (w) {
    await new Promise((done) => {
      w.addEventListener("statechange", () => (w.state === "activated" || w.state === "redundant") && done());
      setTimeout(done, 10000);
    });
  }
  location.reload();
}

/** The notice that newer rules are deployed, in language `L`, with its reload button. */
export const notice = (L) => h("p", { class: "notice", role: "alert", "data-part": "notice" }, UI[L].outdated, " ",
  h("button", { type: "button", "data-act": "reload", onclick: reload }, UI[L].reload));

/** The page's own words for its keys; an input's label comes with its entry. */
const NAMED = { city: "city", insurance: "insurance", grade: "grade", careMode: "careMode", month: "month" };
/** At most 40 characters of what the link said, as the calculator's errors quote a value. */
const quoted = (x) => { const c = Array.from(String(x)); return c.length > 40 ? c.slice(0, 40).join("") + "…" : c.join(""); };

/**
 * What a link named that the calculator does not take, one line each
 * (state.js stateFromParams): a value it does not know and what it shows
 * instead, a value left out, a key it does not use here or does not know.
 * What the link said is shown as text, at most 40 characters, in a <bdi> so
 * that it cannot turn the sentence around it.
 */
export function linkNotice(unknown, L) {
  const t = UI[L];
  const item = (u) => {
    const label = u.label ? tx(u.label, L) : NAMED[u.key] ? t[NAMED[u.key]] : null;
    const said = label ? u.value : `${u.key}=${u.value}`;
    const [before, after] = u.instead ? t.linkReplaced(label, tx(u.instead, L)) : u.known ? t.linkNotHere(label) : t.linkIgnored(label || "");
    return h("li", { "data-key": u.key }, before, h("bdi", { "data-out": "said" }, quoted(said)), after);
  };
  return h("div", { class: "notice link", role: "status", "data-part": "linkNote" }, h("p", {}, t.linkHead), h("ul", {}, unknown.map(item)));
}
