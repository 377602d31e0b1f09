//# allFunctionsCalledOnLoad
// The service worker's copy and the deployed rules: whether the server has newer
// rules than the copy this page runs from (checkRules), and the notice that
// says so, with its button that reloads once the newer copy is in charge.
import { UI } from "./texts.js";
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
