// Offline copy of the page's own files. scripts/site.mjs writes the build's
// version in, so each build gets a new cache and the old one is dropped.
const VERSION = "__LTCI_VERSION__";
const CACHE = "ltci-" + VERSION;
// The page, its call-center and rules views (agent.js, rules.js) and the two embeds; not the embed demo.
const FILES = ["./", "index.html", "app.js", "app.css", "pkg/ltci.js", "pkg/ltci_bg.wasm", "manifest.webmanifest", "icon.svg",
  "agent.js", "rules.js", "embed.html", "embed.js", "ltci-calculator.js"];

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("ltci-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Cache first; the query string (the person's inputs) never reaches the cache key.
self.addEventListener("fetch", (e) => {
  const r = e.request;
  if (r.method !== "GET" || new URL(r.url).origin !== location.origin) return;
  e.respondWith(caches.open(CACHE).then(async (c) =>
    (await c.match(r, { ignoreSearch: true })) || (r.mode === "navigate" && (await c.match("./"))) || fetch(r)));
});
