// End-to-end checks of what outlives a page, in Debian's headless Chromium
// (build/www; run scripts/build first): the history a browser profile keeps
// after a session of changes, and the service worker's offline copy across
// deploys — two builds that differ in one rule, served in turn on one origin
// by scripts/serve.mjs's handler. Prints PASS/FAIL per check and
// "N passed, N failed"; exits non-zero on any failure.
//
//   node tests/e2e/persist.mjs        (CHROMIUM=/path/to/chromium to use another browser)
import { chromium } from "playwright-core";
import { ARGS, CHROMIUM, check, eq, finish, ok, until } from "./harness.mjs";
import { AxeBuilder } from "@axe-core/playwright";
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
const chromiumPath = CHROMIUM;



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
  // Asked in the open where the city reads it (issue 24).
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

// ---------- the service worker across deploys ----------
// Build A is build/www. Build B is A with one rule changed: the rules version (one
// string in the wasm, kept the same length, so every case reference changes too),
// then prerendered and versioned again as scripts/build does.
const A = www, B = join(tmp, "b"), BROKEN = join(tmp, "b-broken");
const wasmA = readFileSync(join(A, "pkg/ltci_bg.wasm"));
const pkgOf = async (dir, wasm) => {
  const m = await import(pathToFileURL(join(dir, "pkg/ltci.js")));
  m.initSync({ module: wasm });
  return m;
};
const ltciA = await pkgOf(A, wasmA);
const rulesA = ltciA.catalog().rulesVersion;
const rulesB = rulesA.slice(0, -1) + (rulesA.at(-1) === "9" ? "8" : String(Number(rulesA.at(-1)) + 1 || 1));
{
  cpSync(A, B, { recursive: true });
  for (const f of ["index.html", "sw.js"]) cpSync(join(repo, "www", f), join(B, f));
  const at = wasmA.indexOf(rulesA);
  ok(at >= 0 && wasmA.indexOf(rulesA, at + 1) < 0, `the rules version ${rulesA} is once in the wasm`);
  const wasm = Buffer.from(wasmA);
  wasm.write(rulesB, at);
  const w = join(B, "pkg/ltci_bg.wasm");
  writeFileSync(w, wasm);
  writeFileSync(w + ".br", brotliCompressSync(wasm));
  writeFileSync(w + ".gz", gzipSync(wasm));
  for (const script of ["prerender.mjs", "site.mjs"]) execFileSync(process.execPath, [join(repo, "scripts", script), B], { stdio: "ignore" });
  // The same deploy with one precached file missing: the worker's install fails.
  cpSync(B, BROKEN, { recursive: true });
  for (const f of ["embed.js", "embed.js.br", "embed.js.gz"]) rmSync(join(BROKEN, f));
}
const ltciB = await pkgOf(B, readFileSync(join(B, "pkg/ltci_bg.wasm")));
const JC = "?city=jincheng&insurance=employee&grade=severe&careMode=home_visit&month=2024-02";
const jc = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" };
const refA = ltciA.estimate(jc).reference, refB = ltciB.estimate(jc).reference;
const cacheOf = (dir) => "ltci-" + readFileSync(join(dir, "sw.js"), "utf8").match(/VERSION\s*=\s*"(\w+)"/)[1];
const deploy = (dir) => { serving = dir ? handler(dir) : null; };
const NOTICE = "计算规则已更新，请刷新";

const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
/** What the page shows once ready: the case reference, the rules version it names, the notice. */
async function shows(page, { notice = false } = {}) {
  await ready(page);
  const ref = await page.locator("[data-panel=estimate] [data-out=reference]").textContent({ timeout: 5000 });
  if (notice) await page.getByText(NOTICE).waitFor({ timeout: 5000 }).catch(() => {});
  else await page.waitForTimeout(300); // time for a notice to come
  const help = await page.locator("[data-panel=estimate] .ref .help").textContent();
  return `${ref} ${help.includes(rulesA) ? rulesA : help.includes(rulesB) ? rulesB : "?"}${(await page.getByText(NOTICE).count()) ? " + notice" : ""}`;
}
const caches = (page) => page.evaluate(async () => (await caches.keys()).join(" "));
/** Opens build A with its worker installed and in control. */
async function installedA() {
  deploy(A);
  const ctx = await browser.newContext({ locale: "zh-CN", serviceWorkers: "allow" });
  const page = await ctx.newPage();
  page.setDefaultTimeout(5000);
  await page.goto(origin + "/" + JC);
  ok(await until(page, async (c) => navigator.serviceWorker.controller && (await caches.keys()).join(" ") === c, cacheOf(A)), "A's worker in charge");
  return { ctx, page };
}
console.log(`  build A: rules ${rulesA}, reference ${refA}; build B: rules ${rulesB}, reference ${refB}`);

{
  const { ctx, page } = await installedA();
  await check("deploy: build A under its worker shows A's rules, no notice, online and offline", async () => {
    await page.goto(origin + "/" + JC);
    eq(await shows(page), `${refA} ${rulesA}`, "online");
    deploy(null);
    await page.goto(origin + "/" + JC);
    eq(await shows(page), `${refA} ${rulesA}`, "offline");
  });
  await check("deploy of B: the first load, from A's offline copy, says the rules were updated (axe clean)", async () => {
    deploy(B);
    await page.goto(origin + "/" + JC);
    eq(await shows(page, { notice: true }), `${refA} ${rulesA} + notice`, "first load after the deploy");
    await page.screenshot({ path: join(repo, "build/screenshots/rules-updated-1280.png") });
    const bad = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    eq(bad.map((v) => v.id).join(" "), "", "axe serious/critical");
  });
  await check("deploy of B: its reload button (one reload, at once) shows B's rules, without the notice; offline too", async () => {
    // It waits for the newer worker to be in charge, then reloads.
    await Promise.all([page.waitForEvent("load", { timeout: 15000 }), page.getByRole("button", { name: "刷新" }).click()]);
    eq(await shows(page), `${refB} ${rulesB}`, "the reload");
    deploy(null);
    await page.goto(origin + "/" + JC);
    eq(await shows(page), `${refB} ${rulesB}`, "offline");
    eq(await caches(page), cacheOf(B), "caches");
  });
  await ctx.close();
}
{
  const { ctx, page } = await installedA();
  await check("failed install (B without embed.js): the load under A's worker says the rules were updated", async () => {
    deploy(BROKEN);
    await page.goto(origin + "/" + JC);
    eq(await shows(page, { notice: true }), `${refA} ${rulesA} + notice`, "first load after the deploy");
  });
  await check("failed install: no stale worker in charge — the reload shows B's rules from the network; no worker, no cache left; offline is not A's", async () => {
    const gone = () => until(page, async () => !(await navigator.serviceWorker.getRegistration()) && !(await caches.keys()).length);
    ok(await gone(), "A's worker and copy are gone");
    await page.reload();
    eq(await shows(page), `${refB} ${rulesB}`, "the reload");
    await page.waitForTimeout(1000); // the page registers the worker again; its install fails again
    ok(await gone(), "no worker, no copy");
    deploy(null);
    const offline = await page.goto(origin + "/" + JC).then(() => shows(page), (e) => e.message.split("\n")[0]);
    ok(!offline.includes(refA), `offline: ${offline}`);
  });
  await ctx.close();
}

// ---------- the offline fallback ----------
{
  const { ctx, page } = await installedA();
  await check("offline fallback: with the worker in charge, /embed-demo.html is the demo and an unknown path a 404; offline, only the calculator's own pages load", async () => {
    // A page each: after a failed load, Chromium's error page may load again by itself.
    const visit = async (path) => {
      const p = await ctx.newPage();
      try {
        const res = await p.goto(origin + path);
        return `${res.status()} ${(await p.locator("h1").first().textContent({ timeout: 2000 }).catch(() => "-"))}`;
      } catch { return "failed"; } finally { await p.close(); }
    };
    const got = [];
    for (const path of ["/embed-demo.html", "/no-such-page", "/" + JC]) got.push(`${path} ${await visit(path)}`);
    deploy(null);
    for (const path of ["/embed-demo.html", "/no-such-page", "/" + JC, "/?view=agent"]) got.push(`offline ${path} ${await visit(path)}`);
    eq(got.join(" | "), ["/embed-demo.html 200 在门户网站嵌入长护险计算器", "/no-such-page 404 -", `/${JC} 200 长期护理保险待遇计算器`,
      "offline /embed-demo.html failed", "offline /no-such-page failed", `offline /${JC} 200 长期护理保险待遇计算器`,
      "offline /?view=agent 200 长期护理保险待遇计算器 · 坐席视图"].join(" | "), "pages");
  });
  await ctx.close();
}
await browser.close();

await new Promise((done) => server.close(done));
server.closeAllConnections();
rmSync(tmp, { recursive: true, force: true });
console.log(`\npersist e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
finish();
