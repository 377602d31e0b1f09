// Time from navigation to the first estimate on screen, in headless Chromium,
// without and with 4x CPU throttling (CDP Emulation.setCPUThrottlingRate).
//
//   node scripts/bench-page.mjs [--runs 7] [--json] [--selector CSS]
//
// Serves build/www (scripts/build) from a local server and opens a fresh
// browser context for every run (no HTTP cache, no service worker). "On
// screen" is performance.now() (milliseconds since the navigation started) in
// the first task after the frame that paints the result's fund total: that
// frame's style, layout and paint are done by then. The start of that frame
// (its animation frame callback, before its layout) is reported as well.
//
// The first screen is prerendered into index.html (scripts/prerender.mjs), so
// the estimate shows before www/app.js runs; the time the calculator is ready
// to use (app.js's "ltci:ready" mark, after it loaded the wasm and took over
// the screen) is reported too. For comparison, every run is paired with one of
// the same first screen as static HTML: the page's DOM when the total first
// shows, without scripts, with the same CSS. That is what the browser needs to
// put this content on screen with no JavaScript or WebAssembly at all.
// It also lists the files the page loaded.
//
// The selector: the page renders the estimate's fund total as
// `<strong data-out="fund">` in `[data-part="resultE"]` (www/app.js); a
// `[data-testid="fund-total"]` element is accepted as well.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
export const SELECTOR = '[data-testid="fund-total"], [data-part="resultE"] [data-out="fund"]';
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

/** A static server for `root` on a free port of 127.0.0.1; `put(path, html)`
 *  serves one more page from memory. */
export async function serve(root = "build/www") {
  await stat(join(root, "index.html"));
  const pages = new Map();
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    if (pages.has(path)) {
      res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" });
      return res.end(pages.get(path));
    }
    const file = join(root, path.endsWith("/") ? path + "index.html" : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    put: (path, html) => pages.set(path, html),
    close: () => new Promise((ok) => server.close(ok)),
  };
}

export const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

/** Installed before the page's scripts: notes the frame the total first shows in. */
const PROBE = (selector) => {
  const check = () => {
    const el = document.querySelector(selector);
    if (!el || !/\d/.test(el.textContent)) return false;
    const seen = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      // The first task after the frame: its style, layout and paint are done.
      // A user-blocking task runs ahead of the page's own timers (a timer set in
      // the same frame, like the page's comparison, would otherwise come first).
      const after = (f) => (globalThis.scheduler?.postTask ? scheduler.postTask(f, { priority: "user-blocking" }) : setTimeout(f));
      after(() => {
        const painted = performance.now();
        setTimeout(() =>
          // A console message, not a polled global: Playwright's injected script
          // (waitForFunction) would compete with the page on its main thread.
          console.debug("__ltciFirstEstimate " + JSON.stringify({ seen, frame, painted, text: el.textContent })));
      });
    });
    return true;
  };
  const mo = new MutationObserver(() => {
    if (check()) mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
};

async function once(browser, url, selector, throttle) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const loaded = [];
  page.on("response", (r) => loaded.push(new URL(r.url()).pathname));
  await page.addInitScript(PROBE, selector);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  const shown = new Promise((resolve) =>
    page.on("console", (m) => m.text().startsWith("__ltciFirstEstimate ") && resolve(JSON.parse(m.text().slice(20)))),
  );
  await page.goto(url, { waitUntil: "commit" });
  const result = await Promise.race([shown, new Promise((_, no) => setTimeout(() => no(new Error(`no ${selector} with a number in 30 s`)), 30000))]);
  // Where the time went: milliseconds since the navigation started.
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const res = (name) => performance.getEntriesByType("resource").find((r) => r.name.endsWith(name))?.responseEnd;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
    return { html: nav?.responseEnd, appJs: res("/app.js"), wasm: res("/ltci_bg.wasm"), domContentLoaded: nav?.domContentLoadedEventEnd,
      firstContentfulPaint: fcp, pageCode: mark("ltci:start"), ready: mark("ltci:ready") };
  });
  await context.close();
  return { ms: result.painted, frameMs: result.frame, seenMs: result.seen, readyMs: marks.ready ?? NaN, text: result.text, loaded, marks };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The page's DOM when the total first shows, as static HTML: no scripts, no
 *  preloads of them; the stylesheet, icon and manifest stay. */
async function firstScreen(browser, url, selector) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(selector).filter({ hasText: /\d/ }).first().waitFor();
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    for (const el of doc.querySelectorAll("script, link[rel=modulepreload], link[rel=preload]")) el.remove();
    // The comparison is rendered a frame after the total (www/app.js), so it is not part of the first screen.
    for (const el of doc.querySelectorAll('[data-part="compare"], [data-part="plan"]')) el.replaceChildren();
    return "<!doctype html>\n" + doc.outerHTML;
  });
  await context.close();
  return html;
}

export async function benchPage({ runs = 7, selector = SELECTOR, root = "build/www" } = {}) {
  const server = await serve(root);
  const browser = await chromium.launch(LAUNCH);
  try {
    const out = { selector, runs, version: browser.version() };
    await once(browser, server.url, selector, 1); // warm-up: the OS file cache, chromium's own start-up
    server.put("/first-screen.html", await firstScreen(browser, server.url, selector));
    const staticUrl = server.url + "first-screen.html";
    for (const [key, rate] of [["unthrottled", 1], ["throttled4x", 4]]) {
      const times = [];
      const frames = [];
      const ready = [];
      const still = [];
      let last;
      // Page and static copy alternate, so both see the machine in the same state.
      for (let i = 0; i < runs; i++) {
        last = await once(browser, server.url, selector, rate);
        times.push(last.ms);
        frames.push(last.frameMs);
        ready.push(last.readyMs);
        still.push((await once(browser, staticUrl, selector, rate)).ms);
      }
      const marks = Object.fromEntries(Object.keys(last.marks).map((k) => [k, Math.round(last.marks[k] ?? NaN)]));
      out[key] = {
        medianMs: median(times),
        minMs: Math.min(...times),
        maxMs: Math.max(...times),
        times: times.map((t) => Math.round(t)),
        frameMedianMs: median(frames),
        readyMedianMs: median(ready),
        staticMedianMs: median(still),
        staticTimes: still.map((t) => Math.round(t)),
        total: last.text,
        lastRunMarks: marks,
      };
      out.loaded = [...new Set(last.loaded)].sort();
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchPage({ runs: Number(arg("runs", 7)), selector: arg("selector", SELECTOR) });
  if (process.argv.includes("--json")) console.log(JSON.stringify(r));
  else {
    console.log(`chromium ${r.version}, ${r.runs} runs each, selector ${r.selector}`);
    for (const k of ["unthrottled", "throttled4x"]) {
      const x = r[k];
      console.log(`${k}: median ${x.medianMs.toFixed(0)} ms (min ${x.minMs.toFixed(0)}, max ${x.maxMs.toFixed(0)}; the calculator ready at ${x.readyMedianMs.toFixed(0)} ms; its frame started at ${x.frameMedianMs.toFixed(0)} ms; fund total shown: ${x.total})`);
      console.log(`  the same first screen as static HTML, no scripts: median ${x.staticMedianMs.toFixed(0)} ms`);
      console.log(`  last run, ms since navigation: ${JSON.stringify(x.lastRunMarks)}`);
    }
    console.log(`loaded: ${r.loaded.join(" ")}`);
  }
}
