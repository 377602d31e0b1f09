// Time from navigation to the first estimate on screen, in headless Chromium,
// without and with 4x CPU throttling (CDP Emulation.setCPUThrottlingRate).
//
//   node scripts/bench-page.mjs [--runs 7] [--json] [--selector CSS]
//
// Serves build/www (scripts/build) from a local server, opens a fresh browser
// context for every run (no HTTP cache, no service worker), and records
// performance.now() (milliseconds since the navigation started) in the first
// animation frame after the result's fund total has text: the frame that
// paints it. Of that time, the page's own share starts where www/app.js marks
// "ltci:start" (its code begins; before it, the browser starts the renderer,
// parses and lays out the loading page). It also lists the files the page loaded.
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

/** A static server for `root` on a free port of 127.0.0.1. */
export async function serve(root = "build/www") {
  await stat(join(root, "index.html"));
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
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
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
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
      // A console message, not a polled global: Playwright's injected script
      // (waitForFunction) would compete with the page on its main thread.
      console.debug("__ltciFirstEstimate " + JSON.stringify({ seen, frame: performance.now(), text: el.textContent }));
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
    const start = performance.getEntriesByName("ltci:start")[0]?.startTime;
    return { html: nav?.responseEnd, appJs: res("/app.js"), wasm: res("/ltci_bg.wasm"), domContentLoaded: nav?.domContentLoadedEventEnd, firstContentfulPaint: fcp, pageCode: start };
  });
  await context.close();
  // The page's own part: from its code starting (www/app.js marks "ltci:start") to the frame.
  const ownMs = marks.pageCode == null ? NaN : result.frame - marks.pageCode;
  return { ms: result.frame, seenMs: result.seen, ownMs, text: result.text, loaded, marks };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchPage({ runs = 7, selector = SELECTOR, root = "build/www" } = {}) {
  const server = await serve(root);
  const browser = await chromium.launch(LAUNCH);
  try {
    const out = { selector, runs, version: browser.version() };
    await once(browser, server.url, selector, 1); // warm-up: the OS file cache, chromium's own start-up
    for (const [key, rate] of [["unthrottled", 1], ["throttled4x", 4]]) {
      const times = [];
      const own = [];
      let last;
      for (let i = 0; i < runs; i++) {
        last = await once(browser, server.url, selector, rate);
        times.push(last.ms);
        own.push(last.ownMs);
      }
      const marks = Object.fromEntries(Object.keys(last.marks).map((k) => [k, Math.round(last.marks[k] ?? NaN)]));
      out[key] = {
        medianMs: median(times),
        minMs: Math.min(...times),
        maxMs: Math.max(...times),
        times: times.map((t) => Math.round(t)),
        ownMedianMs: median(own),
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
      console.log(`${k}: median ${x.medianMs.toFixed(0)} ms (min ${x.minMs.toFixed(0)}, max ${x.maxMs.toFixed(0)}; the page's own code ${x.ownMedianMs.toFixed(0)} ms; fund total shown: ${x.total})`);
      console.log(`  last run, ms since navigation: ${JSON.stringify(x.lastRunMarks)}`);
    }
    console.log(`loaded: ${r.loaded.join(" ")}`);
  }
}
