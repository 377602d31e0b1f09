// Writes the page's first screen into build/www/index.html, so a phone shows
// the form and the first estimate as soon as the HTML and CSS are in, before
// the script and the WebAssembly have loaded (www/app.js then takes over).
//
//   node scripts/prerender.mjs [build/www]
//
// The screen is the one www/app.js draws for a bare URL: mount() from app.js
// (with the modules it imports, as the page loads them), run here on a DOM
// (linkedom) with the built WebAssembly package, so it is the same code and
// the same rules. Its one input that moves is the month (the
// API's default is this month in China). The page is built in one month and
// opened in others, so a small inline script (INLINE, its hash in the CSP)
// reads the month on load and writes in what differs for it (the month, the case
// reference, and where care days follow the month's length, the figures),
// from `data-months`; for a month not there, or a URL with a query, it drops
// the prerendered body and the page loads as it did without it. Every month is
// checked here: INLINE's screen for it must be mount()'s, node for node.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseHTML } from "linkedom";

const root = resolve(process.argv[2] || "build/www");
const MONTHS_AHEAD = 36;

// Runs in the page, in the HTML right after the prerendered screen, before its
// first paint. Plain DOM calls only: the same text runs on linkedom below.
// data-months: {months: {"YYYY-MM": [patch, reference]}, patches: [[change…]…]};
// a change is ["t", i, text] (the i-th text node in .ltci) or ["a", i, name, value]
// (the i-th element's attribute); "{m}" in it stands for the month, "{r}" for the reference.
const INLINE = `(function () {
  var root = document.querySelector("[data-prerendered]"), data = JSON.parse(root.getAttribute("data-months"));
  var d = new Date(Date.now() + 288e5), m = d.getUTCFullYear() + "-" + String(d.getUTCMonth() + 1).padStart(2, "0");
  var at = data.months[m];
  if (location.search || !at) {
    var note = root.querySelector("[data-part=loading]");
    note.removeAttribute("hidden");
    note.parentNode.replaceChildren(note);
    root.setAttribute("data-prerendered", "stale");
    return;
  }
  var list = data.patches[at[0]];
  if (!list.length) return; // the month it was built in
  var box = root.querySelector(".ltci"), texts = [], els = box.querySelectorAll("*"), w = document.createTreeWalker(box, 4), n;
  while ((n = w.nextNode())) texts.push(n);
  list.forEach(function (c) {
    var v = c[c.length - 1].split("{m}").join(m).split("{r}").join(at[1]);
    if (c[0] === "t") texts[c[1]].data = v; else els[c[1]].setAttribute(c[2], v);
  });
})();`;

// app.js runs main() when imported; with no [data-ltci-page] in the document it does nothing.
globalThis.document = parseHTML("<!doctype html><html><body></body></html>").document;
globalThis.requestAnimationFrame = () => 0; // the comparison is drawn a frame after the first screen: not in it
const ltci = await import(pathToFileURL(join(root, "pkg/ltci.js")));
ltci.initSync({ module: readFileSync(join(root, "pkg/ltci_bg.wasm")) });
const app = await import(pathToFileURL(join(root, "app.js")));
const { chinaMonth } = await import(pathToFileURL(join(root, "query.js")));
const cat = ltci.catalog();

const indexPath = join(root, "index.html");
const index = readFileSync(indexPath, "utf8");
if (index.includes("data-prerendered")) throw new Error(`${indexPath} is prerendered already (scripts/build copies www/ afresh)`);
const page = parseHTML(index).document;
const shell = page.querySelector("[data-ltci-page] main");
if (!shell || !shell.querySelector("[data-part=loading]")) throw new Error(`${indexPath}: no <main> with the loading note`);
// The loading note goes into the screen's <main>, hidden (the inline script shows it
// if it drops the screen); <noscript> goes before the screen: a browser parses its
// content as one text node, linkedom as elements, and the changes count text nodes.
const note = shell.querySelector("[data-part=loading]");
note.setAttribute("hidden", "");
const loading = note.outerHTML;
const noscript = shell.querySelector("noscript")?.outerHTML ?? "";

/** The page's screen for this query string, as main() in app.js mounts it, with
 *  index.html's loading note (hidden) in its <main>; parsed back from its HTML,
 *  as the browser will see it (text nodes that mount() appended one by one are one). */
function screen(params) {
  const { document } = parseHTML(`<!doctype html><html lang="zh-CN"><body><div id="app" data-ltci-page></div></body></html>`);
  globalThis.document = document;
  const el = document.querySelector("[data-ltci-page]");
  app.mount(el, { cat, page: true, params, link: () => "" });
  el.querySelector("main").insertAdjacentHTML("afterbegin", loading);
  return parseHTML(`<!doctype html><html lang="zh-CN"><body><div id="app" data-ltci-page>${el.innerHTML}</div></body></html>`)
    .document.querySelector("[data-ltci-page]");
}
// mount() numbers each calculator's ids (ltci1-, ltci2-, …); the page has one.
const ids = (text) => text.replace(/\bltci\d+-/g, "ltci1-");
const html = (el) => ids(el.querySelector(".ltci").outerHTML);
const ref = (el) => el.querySelector('[data-out="reference"]').textContent;

const first = chinaMonth();
const base = screen("");
if (ref(base) === "" || !base.querySelector("[data-out=fund]")) throw new Error("the first screen has no estimate");
const months = Array.from({ length: MONTHS_AHEAD + 1 }, (_, i) => {
  const [y, m] = first.split("-").map(Number);
  const t = y * 12 + m - 1 + i;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
});
const screens = new Map(months.map((m) => [m, screen("month=" + m)]));

/** What turns screen `a` into screen `b`: changes of text and attribute values
 *  only (null if their elements differ), with b's month and reference as {m} and {r}. */
function changes(a, b, month, reference) {
  const ea = [...a.querySelectorAll("*")], eb = [...b.querySelectorAll("*")];
  const texts = (el) => { const w = el.ownerDocument.createTreeWalker(el, 4), t = []; let n; while ((n = w.nextNode())) t.push(n.data); return t; };
  const ta = texts(a), tb = texts(b);
  if (ea.length !== eb.length || ta.length !== tb.length) return null;
  const mark = (v) => v.split(month).join("{m}").split(reference).join("{r}");
  const names = (el) => el.getAttributeNames().sort().join(" ");
  const out = [];
  for (let i = 0; i < ea.length; i++) {
    const x = ea[i], y = eb[i];
    if (x.tagName !== y.tagName || names(x) !== names(y) || x.childNodes.length !== y.childNodes.length) return null;
    for (const k of y.getAttributeNames()) {
      const v = ids(y.getAttribute(k));
      if (ids(x.getAttribute(k)) !== v) out.push(["a", i, k, mark(v)]);
    }
  }
  for (let i = 0; i < ta.length; i++) if (ta[i] !== tb[i]) out.push(["t", i, mark(tb[i])]);
  return out;
}

/** The page as served, with `data`. */
function served(data) {
  const attr = JSON.stringify(data).replace(/&/g, "&amp;").replace(/'/g, "&#39;");
  const body = `<div id="app" data-ltci-page data-prerendered data-month="${first}" data-months='${attr}'>\n${noscript}\n${base.innerHTML}\n<script>${INLINE}</script>\n</div>`;
  return index.replace(/(<body>\n)[\s\S]*(\n<\/body>)/, (_, a, b) => a + body + b);
}
/** The page's root after its inline script ran on `text` in `month`, at `search`. */
function after(text, month, search = "") {
  const { document } = parseHTML(text);
  const [y, m] = month.split("-").map(Number);
  const now = Date.UTC(y, m - 1, 15);
  class At extends Date {
    constructor(...a) { super(...(a.length ? a : [now])); }
    static now() { return now; }
  }
  new Function("document", "location", "Date", INLINE)(document, { search }, At);
  return document.querySelector("[data-ltci-page]");
}

// Each month's changes from the first screen; months with the same changes share them.
const data = { months: {}, patches: [] };
const keyOf = new Map();
for (const m of months) {
  const s = screens.get(m);
  const c = changes(base.querySelector(".ltci"), s.querySelector(".ltci"), m, ref(s));
  if (!c) continue;
  const key = JSON.stringify(c);
  if (!keyOf.has(key)) keyOf.set(key, data.patches.push(c) - 1);
  data.months[m] = [keyOf.get(key), ref(s)];
}
// Every month on the final text: the inline script's screen must be mount()'s, and
// a month it has no changes for, and any query string, get the loading page.
let out = served(data);
for (const m of months) {
  const got = after(out, m);
  if (!data.months[m]) {
    if (got.getAttribute("data-prerendered") !== "stale") throw new Error(`${m}: the inline script kept a screen it has no changes for`);
    continue;
  }
  const [a, b] = [html(got), html(screens.get(m))];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a !== b) throw new Error(`${m}: the inline script's screen is not mount()'s; from "${a.slice(i - 40, i + 40)}" against "${b.slice(i - 40, i + 40)}"`);
}
if (!data.months[first]) throw new Error(`no prerendered screen for ${first}`);
if (after(out, first, "?lang=en").getAttribute("data-prerendered") !== "stale") throw new Error("a query string must drop the prerendered screen");

// The CSP allows the page's inline scripts (this one and www/index.html's early
// compile of the WebAssembly) by their hashes.
const inline = [...out.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (!inline.includes(INLINE)) throw new Error(`${indexPath}: the inline script is missing`);
const hashes = inline.map((s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`).join(" ");
if (!/script-src 'self'/.test(out)) throw new Error(`${indexPath}: no script-src 'self' in the CSP`);
out = out.replace("script-src 'self'", `script-src 'self' ${hashes}`);
writeFileSync(indexPath, out);
const n = Object.keys(data.months).length;
console.log(`prerendered the first screen of ${indexPath} (${first}); the page can show it in ${n} of the ${months.length} months to ${months.at(-1)}, with ${data.patches.length} sets of changes`);
