// Offline copy of the calculator's own files. scripts/site.mjs writes the build's
// version in, so each build gets a new cache and the old one is dropped.
const VERSION = "__LTCI_VERSION__";
const CACHE = "ltci-" + VERSION;
// The page with every module it imports, its call-center and rules views (agent.js, rules.js)
// and the two embeds; not the embed demo (tests/www_layers.rs checks that every www/*.js but
// this one and the demo's is here). version.json names the build's rules (scripts/site.mjs).
const FILES = ["./", "index.html", "app.js", "texts.js", "number.js", "dom.js", "query.js", "state.js", "form.js", "result.js", "plan.js",
  "notice.js", "app.css", "pkg/ltci.js", "pkg/ltci_bg.wasm", "manifest.webmanifest", "icon.svg",
  "agent.js", "rules.js", "embed.html", "embed.js", "ltci-calculator.js", "version.json"];
// Only these addresses (any query) are answered from the copy.
const OWN = new Set(FILES.map((f) => new URL(f, location).href));
const DEPLOYED = new URL("version.json", location).href;

const dropCopies = async () => Promise.all((await caches.keys()).filter((k) => k.startsWith("ltci-")).map((k) => caches.delete(k)));

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
    .then(() => self.skipWaiting(), async (err) => {
      // A newer build is deployed but could not be copied: the older worker must not
      // go on serving older rules. Every copy goes (a half-filled one too), and the
      // registration with them, so the next load comes from the server. (Not awaited:
      // the unregistration waits for this install to end.)
      await dropCopies();
      self.registration.unregister();
      throw err;
    }));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("ltci-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Cache first for the calculator's own files; the query string (the person's
// inputs) never reaches the cache key. version.json is the server's when it
// answers (the page compares its rules with the deployed ones: www/notice.js
// checkRules), else the copy's own. Every other request, other pages and unknown
// paths included, is the server's own answer: a 404 stays a 404, and offline it
// fails as it would without this worker.
self.addEventListener("fetch", (e) => {
  const r = e.request, url = new URL(r.url);
  url.search = "";
  if (r.method !== "GET" || !OWN.has(url.href)) return;
  const copy = () => caches.match(r, { cacheName: CACHE, ignoreSearch: true });
  e.respondWith(url.href === DEPLOYED
    ? fetch(r).catch(async () => (await copy()) || Response.error())
    : copy().then((hit) => hit || fetch(r)));
});
