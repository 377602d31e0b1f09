// End-to-end checks of what outlives a page, in Debian's headless Chromium
// (build/www; run scripts/build first): the history a browser profile keeps
// after a session of changes, and the service worker's offline copy across
// deploys — two builds that differ in one rule, served in turn on one origin
// by scripts/serve.mjs's handler. Prints PASS/FAIL per check and
// "N passed, N failed"; exits non-zero on any failure.
//
//   node tests/e2e/persist.mjs        (CHROMIUM=/path/to/chromium to use another browser)
import { chromium } from "playwright-core";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { handler } from "../../scripts/serve.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const www = join(repo, "build/www");
if (!existsSync(join(www, "index.html"))) {
  console.error("build/www is missing: run scripts/build first");
  process.exit(2);
}
const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), "ltci-e2e-"));
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// ---------- the harness ----------
let passed = 0, failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`PASS ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${String(e && e.message || e).split("\n").slice(0, 3).join(" | ")}`);
  }
}
function eq(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function ok(cond, what) { if (!cond) throw new Error(what); }

// One origin whose files can be switched from one build to another (a deploy),
// or taken away (offline).
let serving = handler(www);
const server = createServer((req, res) => (serving ? serving(req, res) : req.socket.destroy()));
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const origin = `http://localhost:${server.address().port}`;
const ready = (page) => page.waitForSelector("[data-ltci-page][data-ready]", { state: "attached", timeout: 10000 });

// ---------- the browser's history ----------
/** The URLs a profile's History database holds (a SQLite file; Python's sqlite3 reads it). */
const historyUrls = (profile) => JSON.parse(execFileSync("python3", ["-c",
  "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(json.dumps([r[0] for r in c.execute('select url from urls order by id')]))",
  join(profile, "Default", "History")]).toString());

await check("history: a session of changes leaves none of the person's inputs in the profile's History database; an opened share link only itself", async () => {
  const profile = join(tmp, "profile");
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: ARGS, locale: "zh-CN" });
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.setDefaultTimeout(5000);
  await page.goto(origin + "/");
  await ready(page);
  const f = page.locator("[data-panel=estimate] form");
  const set = async (key, value) => { await f.locator(`[data-key="${key}"]`).selectOption(value); await page.waitForTimeout(150); };
  await set("city", "changzhou");
  await set("insurance", "employee");
  await set("grade", "moderate");
  await set("careMode", "elderly_institution");
  await f.locator("[data-key=dailyCharge]").pressSequentially("123", { delay: 60 });
  await f.locator("details summary").click();
  await f.locator("[data-key=workInjuryCareAllowance]").check();
  await page.waitForTimeout(150);
  await page.getByRole("button", { name: "English" }).click();
  // A share link opened, then changed.
  const link = `${origin}/?city=jincheng&insurance=employee&grade=severe&careMode=home_visit&month=2024-02`;
  await page.goto(link);
  await ready(page);
  await f.locator("[data-key=month]").fill("2024-03");
  await f.locator("[data-key=grade]").selectOption("moderate");
  await page.waitForTimeout(300);
  await ctx.close();
  const urls = historyUrls(profile);
  console.log(`  History urls: ${urls.join("  ")}`);
  const allowed = new Set([origin + "/", link]);
  eq(urls.filter((u) => !allowed.has(u)).join("  "), "", "URLs beyond the bare page and the share link opened");
});

await new Promise((done) => server.close(done));
server.closeAllConnections();
rmSync(tmp, { recursive: true, force: true });
console.log(`\npersist e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
