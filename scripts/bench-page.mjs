// Time from navigation to the first estimate on screen, in headless Chromium,
// without and with 4x CPU throttling (CDP Emulation.setCPUThrottlingRate).
//
//   node scripts/bench-page.mjs [--runs 7] [--keys 60] [--json] [--selector CSS]
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
// Then the update after a keystroke (benchKeystroke): on the page with docs/plan.md's
// waiting case (晋城, severe, home_visit, 2024-02, disabilityMonths 3), keys typed
// into the care days input one at a time; each is timed from the input event's
// timeStamp to the first task after the frame that paints the page's answer:
// the estimate, the comparison of every care mode and the 12-month plan,
// recomputed and drawn, that frame's style, layout and paint included.
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
  // Where the time went: milliseconds since the navigation started (once the
  // calculator is ready, which may come after the first estimate is painted).
  // (The static copy has no scripts and no such mark.)
  await page.waitForFunction(() => !document.querySelector("script") || performance.getEntriesByName("ltci:ready").length > 0, null, { timeout: 30000 }).catch(() => {});
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

/** Installed before the page's scripts: times each input event to the frame after it.
 *  `total`: from the event's timeStamp to the first task after the frame that paints the
 *  update; `work`: the same less the wait for that frame (the handlers, from the event to
 *  their end, then the frame's own style, layout and paint). */
const KEY_PROBE = () => {
  let start, handled;
  document.addEventListener("input", (e) => { start = e.timeStamp; }, true);
  // On window, bubbling: after the page's own handlers (on its form) have run.
  addEventListener("input", () => {
    handled = performance.now();
    const [s, h] = [start, handled];
    requestAnimationFrame(() => {
      const frame = performance.now();
      const after = (f) => (globalThis.scheduler?.postTask ? scheduler.postTask(f, { priority: "user-blocking" }) : setTimeout(f));
      after(() => {
        const painted = performance.now();
        console.debug("__ltciKey " + JSON.stringify({ total: painted - s, work: h - s + (painted - frame), handlers: h - s, frame: painted - frame }));
      });
    });
  });
};

/** The update after each of `keys` keystrokes in the care days input, at CPU throttling `rate`. */
export async function benchKeystroke(browser, url, { keys = 60, rate = 1 } = {}) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(KEY_PROBE);
  const times = [];
  let next;
  page.on("console", (m) => m.text().startsWith("__ltciKey ") && next && next(JSON.parse(m.text().slice(10))));
  await page.goto(url + "?city=jincheng&insurance=employee&grade=severe&careMode=home_visit&month=2024-02&disabilityMonths=3");
  await page.waitForSelector("[data-ltci-page][data-ready]", { state: "attached", timeout: 30000 });
  await page.waitForSelector("[data-part=plan] table.months tbody tr", { timeout: 30000 });
  const cdp = await context.newCDPSession(page);
  if (rate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await page.locator("[data-panel=estimate] [data-key=careDays]").focus();
  // 1, 12, 1, (empty), … : each key a full update (care days 1 and 12, then the default).
  const cycle = ["1", "2", "Backspace", "Backspace"];
  for (let i = 0; i < keys + 4; i++) {
    const shown = new Promise((ok) => (next = ok));
    await page.keyboard.press(cycle[i % cycle.length]);
    const ms = await Promise.race([shown, new Promise((_, no) => setTimeout(() => no(new Error("no frame after a keystroke in 10 s")), 10000))]);
    if (i >= 4) times.push(ms); // the first cycle warms up
  }
  const rows = await page.locator("[data-part=plan] table.months tbody tr").count();
  await context.close();
  const stats = (k) => {
    const xs = times.map((t) => t[k]).sort((a, b) => a - b);
    return { medianMs: median(xs), p95Ms: xs[Math.round((xs.length - 1) * 0.95)], maxMs: xs.at(-1) };
  };
  return { keys, rate, planRows: rows, total: stats("total"), work: stats("work"), handlers: stats("handlers"), frame: stats("frame"),
    works: times.map((t) => Math.round(t.work * 10) / 10) };
}

export async function benchPage({ runs = 7, keys = 60, selector = SELECTOR, root = "build/www" } = {}) {
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
    out.keystroke = await benchKeystroke(browser, server.url, { keys, rate: 1 });
    out.keystroke4x = await benchKeystroke(browser, server.url, { keys: Math.ceil(keys / 2), rate: 4 });
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchPage({ runs: Number(arg("runs", 7)), keys: Number(arg("keys", 60)), selector: arg("selector", SELECTOR) });
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
    for (const k of [r.keystroke, r.keystroke4x]) {
      const f = (x) => `median ${x.medianMs.toFixed(1)} ms, p95 ${x.p95Ms.toFixed(1)} ms, max ${x.maxMs.toFixed(1)} ms`;
      console.log(`update after a keystroke (estimate, comparison, ${k.planRows}-month plan), ${k.rate}x CPU, ${k.keys} keys:`);
      console.log(`  work (handlers ${k.handlers.medianMs.toFixed(1)} ms + the frame's style, layout, paint ${k.frame.medianMs.toFixed(1)} ms, medians): ${f(k.work)}`);
      console.log(`  event to painted (with the wait for the frame): ${f(k.total)}`);
    }
  }
}
