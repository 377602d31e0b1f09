// End-to-end tests of the web page (build/www; run scripts/build first) in
// Debian's headless Chromium through playwright-core, with axe-core checks.
// Prints PASS/FAIL per check and "N passed, N failed"; exits non-zero on any failure.
//
//   node tests/e2e/run.mjs            (CHROMIUM=/path/to/chromium to use another browser;
//                                      DEBUG_E2E=1 prints each console error with its page as it comes)
import { chromium } from "playwright-core";
import { ARGS, CHROMIUM, check, eq, finish, ok, until } from "./harness.mjs";
import { AxeBuilder } from "@axe-core/playwright";
import { readFileSync, mkdirSync, existsSync } from "node:fs";
import { request } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startServer, CSP, NO_FRAMING } from "../../scripts/serve.mjs";
import { createHash } from "node:crypto";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const www = join(repo, "build/www");
const shots = join(repo, "build/screenshots");
if (!existsSync(join(www, "index.html"))) {
  console.error("build/www is missing: run scripts/build first");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const started = Date.now();

// The package itself, in Node: the catalog and the API's own messages to compare with.
const ltci = await import(pathToFileURL(join(www, "pkg/ltci.js")));
await ltci.default({ module_or_path: readFileSync(join(www, "pkg/ltci_bg.wasm")) });
const cat = ltci.catalog();
/** "YYYY-MM" plus `n` months. */
const addMonths = (m, n) => { const t = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n; return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`; };
/** The month after a city's last document ends (from the catalog), or null if it does not end:
 *  checks about "after the rules in the sources" take their month from here, not from a date. */
const afterLast = (id) => { const to = cat.cities.find((c) => c.id === id).documents.at(-1).effectiveTo; return to ? addMonths(to.slice(0, 7), 1) : null; };
const city = (id) => cat.cities.find((c) => c.id === id);
const thrown = (fn, q) => { try { fn(q); } catch (e) { return e; } throw new Error("expected an error for " + JSON.stringify(q)); };



const srv = await startServer({ root: www, port: 0 });
const origin = srv.url.replace(/\/$/, "");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

// Every request, console error, page error and CSP violation, in every context.
const foreign = [], errors = [];
const watchPage = (page) => {
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    errors.push(`console: ${m.text()}`);
    if (process.env.DEBUG_E2E) console.log(`  ! ${page.url()}: ${m.text().slice(0, 120)} ${JSON.stringify(m.location())}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
};
async function newContext(opts = {}) {
  const ctx = await browser.newContext({ locale: "zh-CN", viewport: { width: 375, height: 800 }, serviceWorkers: "block",
    permissions: ["clipboard-read", "clipboard-write"], ...opts });
  ctx.on("request", (r) => { const u = r.url(); if (!u.startsWith(origin + "/") && !u.startsWith("about:")) foreign.push(u); });
  ctx.on("page", watchPage);
  await ctx.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return ctx;
}

const q = (o) => "?" + new URLSearchParams(o);
const E = "[data-panel=estimate]", C = "[data-panel=contribution]";
/** Opens the page and waits for the calculator (the page's prerendered first screen shows before it is ready). */
async function open(page, query = "") {
  await page.goto(origin + "/" + query);
  if (!query.startsWith("embed")) await ready(page);
  await page.waitForSelector("[data-panel]:not([hidden]) [data-part^=result] h2", { timeout: 10000 });
}
const ready = (page) => page.waitForSelector("[data-ltci-page][data-ready]", { state: "attached", timeout: 10000 });
/** The big figures of the estimate tab: fund and self-pay ("unknown" when the page says so). */
async function figures(page) {
  const fund = await page.locator(`${E} [data-out=fund]`).textContent({ timeout: 15000 });
  const sp = page.locator(`${E} [data-out=selfPay]`);
  return { fund, selfPay: (await sp.getAttribute("data-unknown")) !== null ? "unknown" : await sp.textContent() };
}
async function expectFigures(page, fund, selfPay) {
  // Recomputation is synchronous on input, but let the last event land.
  await page.waitForFunction(([f]) => document.querySelector("[data-panel=estimate] [data-out=fund]")?.textContent === f, [fund], { timeout: 15000 }).catch(() => {});
  const got = await figures(page);
  eq(got.fund, fund, "fund");
  eq(got.selfPay, selfPay ?? "unknown", "self-pay");
}
const opt = (text) => ({ label: text });
/** The share link that the shown tab's "copy link" button puts on the clipboard. */
async function shareLink(p) {
  await p.evaluate(() => navigator.clipboard.writeText(""));
  await p.locator("[data-panel]:not([hidden]) [data-act=copy]").click();
  // Polled here: page.waitForFunction takes a promise for a truthy value.
  for (let i = 0; i < 30; i++, await p.waitForTimeout(100)) {
    const text = await p.evaluate(() => navigator.clipboard.readText());
    if (text) return text;
  }
  throw new Error("the copy button copied nothing");
}
/** The address bar holds no inputs (the browser keeps every address in its history). */
const bareAddress = async (p, search = "") => eq(await p.evaluate(() => location.search), search, "the address bar");
const zhName = (list, id) => list.find((x) => x.id === id).name.zh;

// ---------- the server ----------
function get(path, headers = {}) {
  return new Promise((ok, fail) => {
    const u = new URL(origin + path);
    request({ host: "127.0.0.1", port: u.port, path, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", fail).end();
  });
}

await check("server: CSP header equals the page's meta policy, which adds only the page's two inline scripts (the early compile of the wasm, the prerendered screen's) by hash; MIME types; br for the wasm; no-cache; 304; no path escape", async () => {
  const page = await get("/");
  eq(page.status, 200, "GET /");
  const html = page.body.toString();
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  eq(inline.length, 2, "inline scripts");
  ok(inline[0].includes("WebAssembly.compileStreaming") && html.indexOf(inline[0]) < html.indexOf('rel="stylesheet"'), "the early compile, before the stylesheet");
  const hashes = inline.map((s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`).join(" ");
  const policy = CSP.replace("script-src 'self'", `script-src 'self' ${hashes}`);
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  eq(meta && meta[1], policy, "meta CSP");
  eq(page.headers["content-security-policy"], `${policy}; ${NO_FRAMING}`, "CSP header: the meta policy, and no framing");
  eq(page.headers["x-frame-options"], "DENY", "X-Frame-Options");
  eq((await get("/app.js")).headers["content-security-policy"], `${CSP}; ${NO_FRAMING}`, "CSP header of a script");
  const embed = await get("/embed.html");
  eq(embed.headers["content-security-policy"], embed.body.toString().match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1], "embed.html: its meta policy, framing allowed");
  eq(embed.headers["x-frame-options"], undefined, "embed.html: no X-Frame-Options");
  ok(page.headers["content-type"].startsWith("text/html"), "html type");
  const wasm = await get("/pkg/ltci_bg.wasm", { "accept-encoding": "gzip, deflate, br" });
  eq(wasm.headers["content-type"], "application/wasm", "wasm type");
  eq(wasm.headers["content-encoding"], "br", "wasm encoding");
  eq(wasm.body.length, readFileSync(join(www, "pkg/ltci_bg.wasm.br")).length, "br body");
  const plain = await get("/pkg/ltci_bg.wasm");
  eq(plain.headers["content-encoding"], undefined, "identity without accept-encoding");
  eq(plain.body.length, readFileSync(join(www, "pkg/ltci_bg.wasm")).length, "raw body");
  const sw = await get("/sw.js");
  eq(sw.headers["cache-control"], "no-cache", "sw.js cache-control");
  ok(!sw.body.toString().includes("__LTCI_VERSION__"), "sw.js has the build's version");
  eq((await get("/app.js", { "if-none-match": (await get("/app.js")).headers.etag })).status, 304, "revalidation");
  eq((await get("/../package.json")).status, 404, "path escape");
  eq((await get("/%2e%2e/package.json")).status, 404, "encoded path escape");
});

await check("framing: another site's page cannot frame the calculator's pages (frame-ancestors 'none'); it can frame embed.html", async () => {
  const fctx = await browser.newContext(); // a context of its own: the refused frames are console errors there
  const p = await fctx.newPage();
  await p.setContent(["/?view=agent", "/", "/embed-demo.html", "/embed.html"].map((u, i) => `<iframe id="f${i}" src="${origin}${u}"></iframe>`).join(""));
  await p.frameLocator("#f3").locator("[data-out=fund]").waitFor({ timeout: 10000 });
  const got = [];
  for (let i = 0; i < 4; i++) got.push((await (await p.$(`#f${i}`)).contentFrame()).url().startsWith("chrome-error:") ? "refused" : "shown");
  eq(got.join(" "), "refused refused refused shown", "agent view, page, embed demo, embed.html");
  await fctx.close();
});

// ---------- the prerendered first screen (scripts/prerender.mjs) ----------
/** The page's default query for a city (www/app.js fixEstimate): its first insurance, its most severe grade, its first mode. */
const defaults = (id, month) => {
  const c = city(id);
  return { city: c.id, insurance: c.insurance[0], grade: c.grades.at(-1), careMode: c.careModes[0].id, month };
};
/** Opens the page with its WebAssembly held back, so what shows is the page before www/app.js
 *  takes over; the returned function lets the wasm load. `month` fixes the clock in that month. */
async function held(query = "", month) {
  const pctx = await newContext(); // a context of its own: the clock is the context's
  const p = await pctx.newPage();
  p.on("close", () => pctx.close());
  if (month) await p.clock.setFixedTime(new Date(`${month}-15T04:00:00Z`));
  let release;
  const gate = new Promise((go) => (release = go));
  await p.route("**/pkg/ltci_bg.wasm", async (route) => { await gate; await route.continue(); });
  await p.goto(origin + "/" + query);
  return { p, release };
}
/** What the estimate tab shows: form and result text, and the controls' values. */
const shown = (p) => p.evaluate(() => {
  const part = (n) => document.querySelector(`[data-part=${n}]`);
  return { form: part("formE").innerText, result: part("resultE").innerText, values: [...part("formE").querySelectorAll("[data-key]")].map((el) => el.value) };
});
const first = cat.cities[0].id;

// Months counted from the one the page was built in (its data-month).
const built = (await get("/")).body.toString().match(/data-month="(\d{4}-\d{2})"/)?.[1] ?? "none";
const monthAfter = (n) => {
  const t = Number(built.slice(0, 4)) * 12 + Number(built.slice(5)) - 1 + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
};
const later = Array.from({ length: 12 }, (_, i) => monthAfter(i + 1));

await check("prerendered first screen: the figures show before the wasm loads; in the next 31-day month and the next February they and the whole screen are the calculator's own", async () => {
  ok(/^\d{4}-\d{2}$/.test(built), `index.html has no data-month: ${built}`);
  const days = (m) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)), 0)).getUTCDate();
  for (const month of [later.find((m) => days(m) === 31), later.find((m) => m.endsWith("-02"))]) {
    const { p, release } = await held("", month);
    await p.locator(`${E} [data-out=fund]`).waitFor({ timeout: 15000 });
    eq(await p.locator("[data-ltci-page]").getAttribute("data-ready"), null, `${month}: ready before the wasm`);
    const want = ltci.estimate(defaults(first, month));
    eq(await p.locator(`${E} [data-out=fund]`).textContent(), want.totals.fund, `${month}: prerendered fund`);
    eq(await p.locator(`${E} [data-out=reference]`).textContent(), want.reference, `${month}: prerendered reference`);
    eq(await p.locator(`${E} [data-key=month]`).inputValue(), month, `${month}: prerendered month`);
    const before = await shown(p);
    release();
    await ready(p);
    eq(JSON.stringify(await shown(p)), JSON.stringify(before), `${month}: the calculator's screen`);
    await p.close();
  }
});

await check("prerendered first screen: a month it has no figures for (40 months after the build) and a URL with a query show the loading note, then the calculator", async () => {
  const jc = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" };
  const far = monthAfter(40);
  const cases = [["", far, defaults(first, far)], [q(jc), undefined, jc]];
  for (const [query, month, want] of cases) {
    const { p, release } = await held(query, month);
    await p.locator("[data-part=loading]").waitFor({ state: "visible", timeout: 15000 });
    eq(await p.locator("[data-out=fund]").count(), 0, `${query || month}: no prerendered figures`);
    release();
    await ready(p);
    eq(await p.locator(`${E} [data-out=fund]`).textContent(), ltci.estimate(want).totals.fund, `${query || month}: fund`);
    await p.close();
  }
});

await check("prerendered first screen: a city chosen, a month typed and English pressed before the calculator is ready are kept", async () => {
  const { p, release } = await held();
  await p.locator(`${E} [data-out=fund]`).waitFor({ timeout: 15000 });
  await p.locator(`${E} [data-key=city]`).selectOption("jincheng");
  await p.locator(`${E} [data-key=month]`).fill("2024-02");
  await p.locator("[data-act=lang]").click();
  release();
  await ready(p);
  const want = ltci.estimate(defaults("jincheng", "2024-02"));
  eq(await p.locator(`${E} [data-out=fund]`).textContent(), want.totals.fund, "fund");
  eq(await p.locator(".title").textContent(), "Long-term care insurance calculator", "title in English");
  eq(await p.locator(`${E} [data-key=city]`).inputValue(), "jincheng", "city");
  const link = await shareLink(p);
  ok(link.includes("city=jincheng") && link.includes("month=2024-02") && link.includes("lang=en"), `share link ${link}`);
  await bareAddress(p);
  await p.close();
});

const ctx = await newContext();
const page = await ctx.newPage();
page.setDefaultTimeout(5000); // a failing check fails fast

// ---------- worked examples through the URL ----------
const URL_CASES = [
  ["jincheng home_visit 2024-02 (晋市政发〔2020〕14号 四(七)2)", { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" }, "1050.00", "450.00", "in_force"],
  ["changzhou resident severe home 2022-03 (常政办发〔2021〕71号 五(四)1)", { city: "changzhou", insurance: "resident", grade: "severe", careMode: "home", month: "2022-03" }, "620.00", "0.00", "in_force"],
  ["lianyungang elderly_institution 2026-12 (征求意见稿 三(二)2)", { city: "lianyungang", insurance: "resident", grade: "severe", careMode: "elderly_institution", month: "2026-12" }, "1240.00", null, "draft"],
  ["rizhao moderate institution 2021-06 (日政办发〔2020〕9号 三(四)2)", { city: "rizhao", insurance: "resident", grade: "moderate", careMode: "institution", month: "2021-06" }, "1530.00", "720.00", "in_force"],
  ["nantong employee severe home 2021-04 (概述文章 待遇支付差别化)", { city: "nantong", insurance: "employee", grade: "severe", careMode: "home", month: "2021-04" }, "1550.00", "85.00", "article"],
];
const STATUS_ZH = { in_force: "现行有效", expired: "已过有效期，后续规定不在资料中", superseded: "已被后续文件取代", draft: "征求意见稿", article: "来自概述文章", not_in_force: "尚未实施" };

for (const [name, query, fund, selfPay, status] of URL_CASES) {
  await check(`URL ${name} → fund ${fund}, self-pay ${selfPay ?? "unknown"}`, async () => {
    await open(page, q(query));
    await expectFigures(page, fund, selfPay);
    const lines = page.locator(`${E} .line`);
    ok((await lines.count()) > 0, "no lines");
    for (const line of await lines.all()) {
      ok(((await line.locator(".basis").textContent()) || "").length > 3, "a line without basis");
      ok(((await line.locator(".cite").textContent()) || "").includes(city(query.city).documents[0].number.slice(0, 3)), "a line without its clause");
    }
    eq(await page.locator(`${E} [data-out=status]`).textContent(), STATUS_ZH[status], "policy badge");
    ok((await page.locator(`${E} .policy`).textContent()).includes(city(query.city).documents[0].number), "source document named");
  });
  await check(`comparison ${query.city}: one row per care mode (${city(query.city).careModes.length}), chosen mode = the result`, async () => {
    const modes = city(query.city).careModes;
    eq(await page.locator(`${E} table.compare tbody tr`).count(), modes.length, "table rows");
    eq(await page.locator(`${E} .chart .row`).count(), modes.length, "chart bars");
    for (const m of modes) {
      const row = page.locator(`${E} table.compare tr[data-mode="${m.id}"]`);
      ok((await row.textContent()).includes(m.name.zh), `row of ${m.id}`);
      // A row may only fail for a required input without a default (rizhao hospitalLevel).
      const needs = m.inputs.some((i) => i.required && i.default == null);
      if (!needs) ok((await row.locator("td[data-amt=fund]").count()) === 1 || (await row.textContent()).includes("不符合条件"), `row ${m.id} has no figures`);
    }
    eq(await page.locator(`${E} tr.current td[data-amt=fund]`).textContent(), fund, "chosen mode's row");
  });
}

await check("the case reference says what it reveals: the answer, which anyone can recover from the code, and nothing of the inputs (README says so too)", async () => {
  await open(page, q(URL_CASES[0][1]));
  const help = await page.locator(`${E} .ref .help`).textContent();
  ok(help.includes("不含所填内容") && help.includes("任何人都能从计算器的代码在几秒内推算出它代表的结果") && help.includes("与结果本身一样私密"), `zh: ${help}`);
  await open(page, q({ ...URL_CASES[0][1], lang: "en" }));
  const en = await page.locator(`${E} .ref .help`).textContent();
  ok(en.includes("anyone can recover the result it stands for from the calculator's code in seconds"), `en: ${en}`);
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const device = readme.slice(readme.indexOf("## What stays on the device"), readme.indexOf("\n## ", readme.indexOf("## What stays on the device") + 5));
  ok(/case reference/.test(device) && /eligibility, the reasons and the amounts/.test(device), "README, What stays on the device: the case reference");
  const api = readFileSync(join(repo, "docs/api.md"), "utf8");
  ok(/\| `reference` \| string \|/.test(api), "docs/api.md: reference in the Estimate's fields");
});

// ---------- worked examples through the form, like a user ----------
async function formCase(name, steps, fund, selfPay, urlHas) {
  await check(`form ${name} → fund ${fund}, self-pay ${selfPay ?? "unknown"}; the link reopens it`, async () => {
    await open(page, "");
    const f = page.locator(`${E} form`);
    await steps(f);
    await expectFigures(page, fund, selfPay);
    const url = await shareLink(page);
    for (const part of urlHas) ok(url.includes(part), `URL lacks ${part}: ${url}`);
    await bareAddress(page);
    await open(page, new URL(url).search);
    await expectFigures(page, fund, selfPay);
  });
}
const pick = (f, label, text) => f.getByLabel(label, { exact: true }).selectOption(opt(text));
const type = async (f, label, text) => { const el = f.getByLabel(label); await el.fill(""); await el.pressSequentially(text); };

await formCase("changzhou employee moderate home, services 1000, family 10 days, 2022-03 (五(四)1)", async (f) => {
  await pick(f, "城市", "常州");
  await pick(f, "医保类型", zhName(cat.insuranceTypes, "employee"));
  await pick(f, "失能等级", zhName(cat.grades, "moderate"));
  await pick(f, "护理方式", "居家护理");
  await f.getByLabel("月份", { exact: true }).fill("2022-03");
  await type(f, "本月上门服务费用", "1000");
  await type(f, "亲情照护天数", "10");
}, "900.00", "100.00", ["city=changzhou", "homeServiceCost=1000", "familyCareDays=10", "month=2022-03"]);

await formCase("jincheng home_visit 10 days, 2024-03 (四(七)2)", async (f) => {
  await pick(f, "城市", "晋城");
  await pick(f, "医保类型", zhName(cat.insuranceTypes, "employee"));
  await pick(f, "失能等级", zhName(cat.grades, "severe"));
  await pick(f, "护理方式", "居家上门护理");
  await f.getByLabel("月份", { exact: true }).fill("2024-03");
  await type(f, "护理天数", "10");
}, "350.00", "150.00", ["city=jincheng", "careMode=home_visit", "careDays=10"]);

await formCase("lianyungang home_visit 14 h, 2027-01 (三(二)4); no care days input", async (f) => {
  await pick(f, "城市", "连云港");
  await pick(f, "医保类型", zhName(cat.insuranceTypes, "resident"));
  await pick(f, "护理方式", "居家上门护理");
  await f.getByLabel("月份", { exact: true }).fill("2027-01");
  await type(f, "本月上门服务时长", "14");
  eq(await f.getByLabel("护理天数").count(), 0, "care days input for a mode without care days");
}, "420.00", null, ["city=lianyungang", "visitHours=14"]);

await formCase("rizhao medical_special level 3, 10 days, 2022-05 (三(四)1、三(五)); a level not yet chosen is asked for in the result, not marked as an error, and no field id shows", async (f) => {
  await pick(f, "城市", "日照（岚山区试点）");
  await pick(f, "医保类型", zhName(cat.insuranceTypes, "resident"));
  // 日照's grades carry the document's own names (三(三) 完全失能).
  await pick(f, "失能等级", zhName(cat.cities.find((c) => c.id === "rizhao").gradeNames, "severe"));
  await pick(f, "护理方式", "医疗专护");
  await f.getByLabel("月份", { exact: true }).fill("2022-05");
  await type(f, "护理天数", "10");
  const ask = page.locator(`${E} [data-out=error].ask`);
  await ask.waitFor({ state: "visible", timeout: 3000 });
  eq(await ask.textContent(), "请填写“医院等级”，即可看到估算。", "asked for in the result");
  ok(await f.locator("[data-err=hospitalLevel]").isHidden(), "no red error before the person acted");
  eq(await f.getByLabel("医院等级").getAttribute("aria-invalid"), null, "not marked invalid");
  ok(!(await f.locator(".help").allTextContents()).join("").includes("填1、2或3"), "no 填1、2或3 for a drop-down");
  ok(!/hospitalLevel/.test(await page.locator(E).innerText()), "no field id on the page");
  await f.getByLabel("医院等级").selectOption("3"); // a choice: 一级、二级、三级医院
}, "1350.00", "800.00", ["city=rizhao", "careMode=medical_special", "hospitalLevel=3", "careDays=10"]);

await formCase("nantong resident moderate home, 16 visits, device 1000 after 5500, month typed as 2021年4月 (待遇支付差别化)", async (f) => {
  await pick(f, "城市", "南通");
  await pick(f, "医保类型", zhName(cat.insuranceTypes, "resident"));
  await pick(f, "失能等级", zhName(cat.grades, "moderate"));
  await f.getByLabel("月份", { exact: true }).fill("2021年4月");
  await type(f, "本月套餐服务次数", "16");
  await type(f, "本月辅具租售费用", "1000");
  await type(f, "今年已计入限额的辅具费用", "5500");
}, "1740.00", "680.00", ["city=nantong", "homeVisits=16", "deviceCost=1000", "deviceSpentThisYear=5500"]);

// ---------- refusals, errors, statuses ----------
await check("ineligible: jincheng resident → insurance_not_covered, its message and clause", async () => {
  const query = { city: "jincheng", insurance: "resident", grade: "severe", careMode: "institution", month: "2024-03" };
  await open(page, q(query));
  await page.locator(`${E} [data-out=ineligible]`).waitFor({ timeout: 15000 });
  const reason = ltci.estimate(query).reasons.find((r) => r.code === "insurance_not_covered");
  const li = page.locator(`${E} .reasons li[data-code=insurance_not_covered]`);
  const text = await li.textContent();
  ok(text.includes(reason.message), "reason message");
  ok(text.includes(reason.citation), `clause ${reason.citation}`);
  eq(await page.locator(`${E} [data-out=fund]`).count(), 0, "no fund figure when ineligible");
});

await check("就高 by share link: changzhou severe elderly_institution 2022-03, disabilitySubsidy 2000 → not eligible, the reason names 1550.00 and 2000.00 (五(五)2)", async () => {
  const query = { city: "changzhou", insurance: "employee", grade: "severe", careMode: "elderly_institution", month: "2022-03", disabilitySubsidy: "2000" };
  await open(page, q(query));
  await page.locator(`${E} [data-out=ineligible]`).waitFor({ timeout: 15000 });
  const reason = ltci.estimate(query).reasons.find((r) => r.code === "disability_subsidy_higher");
  ok(reason, "the API refuses with disability_subsidy_higher");
  const text = await page.locator(`${E} .reasons li[data-code=disability_subsidy_higher]`).textContent();
  ok(text.includes(reason.message), "reason message");
  ok(text.includes("1550.00") && text.includes("2000.00"), `both amounts shown: ${text}`);
  ok(text.includes(reason.citation), `clause ${reason.citation}`);
  eq(await page.locator(`${E} [data-out=fund]`).count(), 0, "no fund figure when ineligible");
  // The subsidy (就高) decides the answer: asked in the open, with the city's help, not in the collapsed details.
  const asked = page.locator(`${E} [data-part=asked]`);
  eq(await asked.locator("[data-key=disabilitySubsidy]").inputValue(), "2000", "the subsidy asked in the open");
  ok(await asked.locator("[data-key=workInjuryCareAllowance]").isVisible(), "the work-injury allowance asked in the open");
  ok((await asked.innerText()).includes("就高"), "常州's words: 就高");
});

await check("URL lianyungang home_visit 2027-01, visitHours 22, hourlyCharge 25 → 550.00 / 0.00: the monthly limit is 600 yuan, not 20 hours (三(二)4)", async () => {
  const query = { city: "lianyungang", insurance: "resident", grade: "severe", careMode: "home_visit", month: "2027-01", visitHours: "22", hourlyCharge: "25" };
  await open(page, q(query));
  await expectFigures(page, "550.00", "0.00");
  eq(await page.locator(`${E} .notes li[data-code=reading_fund_at_most_charge]`).count(), 1, "the note on a charge below the 30 yuan rate");
  eq(await page.locator(`${E} [data-out=reference]`).textContent(), ltci.estimate(query).reference, "reference");
});

await check("eligibility details: collapsed until used, one control per input the city lists; short contribution years → reason", async () => {
  await open(page, q(URL_CASES[0][1]));
  const d = page.locator(`${E} details[data-part=details]`);
  eq(await d.getAttribute("open"), null, "collapsed");
  eq(await d.locator("summary").textContent(), "其他情况（可不填）", "summary");
  await d.locator("summary").click();
  // Each input the city lists has its control: the deciding ones asked in the open, the rest here.
  const asked = page.locator(`${E} [data-part=asked]`);
  for (const key of city("jincheng").queryInputs) {
    const sel = `[data-key="${key}"], [data-key^="${key}."]`;
    ok((await d.locator(sel).count()) + (await asked.locator(sel).count()) === (key === "contributionYears" ? 2 : 1), `one control for ${key}`);
  }
  await type(d, "连续缴费年数", "1");
  await type(d, "累计缴费年数", "12");
  const li = page.locator(`${E} .reasons li[data-code=contribution_years_short]`);
  ok((await li.textContent()).includes("晋市政发〔2020〕14号 四(六)2"), "clause");
  const link = await shareLink(page);
  ok(link.includes("contributionYears.continuous=1") && link.includes("contributionYears.cumulative=12"), "URL keys");
  // An opened share link stays in the address bar until the first change.
  await open(page, new URL(link).search);
  await bareAddress(page, new URL(link).search);
  eq(await page.locator(`${E} details[data-part=details]`).getAttribute("open"), "", "open when the link carries its inputs");
  eq(await page.locator(`${E} .reasons li[data-code=contribution_years_short]`).count(), 1, "reason after reopening");
});

// ---------- share links: junk and repeated keys ----------
await check("share link with junk for a box or a choice: the form takes none of it, nor does the link it copies", async () => {
  const base = { city: "rizhao", insurance: "resident", grade: "severe", careMode: "medical_special", month: "2022-05", careDays: "10" };
  await open(page, q({ ...base, hospitalLevel: "9", benefitsLocked: "yes", interruptedContribution: "true" }));
  eq(await page.locator(`${E} [data-key=hospitalLevel]`).inputValue(), "", "hospital level shown");
  eq(await page.locator(`${E} [data-key=benefitsLocked]`).isChecked(), false, "benefitsLocked shown");
  eq(await page.locator(`${E} [data-key=interruptedContribution]`).isChecked(), true, "interruptedContribution shown");
  eq(await shareLink(page), origin + "/" + q({ ...base, interruptedContribution: "true" }), "copied link");
  const c = { tab: "contribution", city: "changzhou", year: "2024", insurance: "resident" };
  await open(page, q({ ...c, subsidized: "1", district: "mars" }));
  eq(await page.locator(`${C} [data-key=district]`).inputValue(), "", "district shown");
  eq(await shareLink(page), origin + "/" + q(c), "copied contributions link");
});

await check("a key given twice counts with its first value everywhere (inputs, tab, language)", async () => {
  const jc = q(URL_CASES[0][1]);
  await open(page, `${jc}&lang=en&city=changzhou&careMode=home&month=2022-03&lang=zh&tab=estimate&tab=contribution`);
  await expectFigures(page, "1050.00", "450.00");
  eq(await page.evaluate(() => document.documentElement.lang), "en", "language");
  eq(await shareLink(page), `${origin}/${jc}&lang=en`, "copied link");
});

// ---------- links that name what the calculator does not know (issue 23, item 4) ----------
/** An input's label in the catalog (its first, for a key several care modes have). */
const inputLabel = (key) => [...cat.queryInputs, ...cat.cities.flatMap((c) => c.careModes.flatMap((m) => m.inputs))].find((i) => i.key === key).label;
/** The lines of the notice of what the link did not take, as text. */
const linkNote = async (p, root = p.locator("[data-part=linkNote]")) => (await root.count()) ? (await root.locator("li").allTextContents()) : [];

await check("a link naming a city, care mode or key the calculator does not know says so, naming it as text, and what it shows instead", async () => {
  const evil = "shanghai<img src=x onerror=alert(1)>\u202e" + "x".repeat(50);
  await open(page, q({ city: evil, insurance: "employee" }));
  const cz = city("changzhou");
  let lines = await linkNote(page);
  eq(lines.length, 1, "one line: " + lines.join(" | "));
  eq(lines[0], `城市“${evil.slice(0, 40)}…”无法识别，现显示${cz.name.zh}。`, "the city, as text, cut at 40 characters, and 常州 instead");
  eq(await page.locator("[data-part=linkNote] img").count(), 0, "no markup from the link");
  eq(await page.locator("[data-part=linkNote] bdi").count(), 1, "the link's words isolated (bdi)");
  eq(await page.locator(`${E} [data-key=city]`).inputValue(), "changzhou", "the form shows 常州");
  const jc = city("jincheng");
  await open(page, q({ city: "jincheng", insurance: "employee", grade: "severe", careMode: "teleport", month: "2024-02", foo: "1", insuredBeforeLtci: "yes", tab: "nope" }));
  lines = await linkNote(page);
  eq(lines.join(" | "), ["“tab=nope”无法识别，已忽略。", `护理方式“teleport”无法识别，现显示${jc.careModes[0].name.zh}。`,
    `${inputLabel("insuredBeforeLtci").zh}“yes”无法识别，已忽略。`, "“foo=1”无法识别，已忽略。"].join(" | "), "each of them");
  await expectFigures(page, ltci.estimate({ city: "jincheng", insurance: "employee", grade: "severe", careMode: jc.careModes[0].id, month: "2024-02" }).totals.fund, "0.00");
  // A key of another care mode is the calculator's own, but not used here.
  await open(page, q({ city: "lianyungang", insurance: "resident", grade: "severe", careMode: "home_visit", month: "2027-01", careDays: "10", dailyCharge: "40", lang: "en" }));
  eq((await linkNote(page)).join(" | "), `${inputLabel("careDays").en} “10” does not apply here and is left out. | ${inputLabel("dailyCharge").en} “40” does not apply here and is left out.`, "not used here, in English");
  // The first change takes the notice away.
  await page.locator(`${E} [data-key=visitHours]`).fill("14");
  await page.locator("[data-part=linkNote]").waitFor({ state: "detached", timeout: 3000 });
  // A link the page made itself has nothing to say.
  await open(page, q(URL_CASES[0][1]));
  eq((await linkNote(page)).length, 0, "a clean link");
});

await check("rules and figures: a link's unknown city or unreadable month is named, with what is shown instead", async () => {
  await page.goto(origin + "/" + q({ view: "rules", city: "atlantis", month: "2024年2月" }));
  await page.locator("[data-part=params]").waitFor({ timeout: 10000 });
  eq((await linkNote(page)).join(" | "), `城市“atlantis”无法识别，现显示${city("changzhou").name.zh}。`, "the city");
  eq(await page.locator("[data-out=summary]").textContent(), `${city("changzhou").name.zh} · 2024-02`, "the month as typed, read");
  await page.goto(origin + "/" + q({ view: "rules", city: "jincheng", month: "someday" }));
  await page.locator("[data-part=params]").waitFor({ timeout: 10000 });
  const now = await page.evaluate(() => { const d = new Date(Date.now() + 8 * 3600e3); return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`; });
  eq((await linkNote(page)).join(" | "), `月份“someday”无法识别，现显示${now}。`, "the month");
});

// ---------- what a person types (www/number.js; issue 23, item 7) ----------
await check("what a person types is read by www/number.js: １０天 is 10 days, 45元/日 is 45 a day; 0x1d and .5e1 get words that say what to enter", async () => {
  const jc = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024年2月" };
  await open(page, q({ ...jc, careDays: "１０天" }));
  await expectFigures(page, "350.00", "150.00"); // 50 a day × 10 × 70%
  for (const bad of ["0x1d", ".5e1", "3 4"]) {
    await open(page, q({ ...jc, careDays: bad }));
    eq(await page.locator(`${E} [data-err=careDays]`).textContent(), "护理天数：请用数字填写整数天数，如“3”或“3天”。", `${bad}: the words at its field`);
    eq(await page.locator(`${E} [data-key=careDays]`).getAttribute("aria-invalid"), "true", `${bad}: aria-invalid`);
  }
  await open(page, q({ ...jc, careDays: " " }));
  await expectFigures(page, "1050.00", "450.00"); // a blank is not given: 29 days, not 0
  await open(page, q({ city: "changzhou", insurance: "employee", grade: "moderate", careMode: "elderly_institution", month: "2022-03", dailyCharge: "４５元/日" }));
  await expectFigures(page, "930.00", "465.00");
  await open(page, q({ city: "changzhou", insurance: "employee", grade: "moderate", careMode: "elderly_institution", month: "2022-03", dailyCharge: "45元/月", lang: "en" }));
  eq(await page.locator(`${E} [data-err=dailyCharge]`).textContent(), `${city("changzhou").careModes[1].inputs[0].label.en}: Enter an amount in yuan in digits, such as 45.`, "another unit, in English");
});

// ---------- a host page's Object.prototype (issue 23, item 8) ----------
/** The embed demo and the page, with a host script that first adds `keys` to Object.prototype:
 *  the element's and the page's figures for 晋城 home visits in 2024-02. */
async function polluted(keys) {
  const hctx = await newContext();
  await hctx.addInitScript((k) => { Object.assign(Object.prototype, k); }, keys);
  const p = await hctx.newPage();
  await p.goto(origin + "/embed-demo.html");
  const f = p.locator("#full [data-panel=estimate] form");
  await f.getByLabel("月份", { exact: true }).fill("2024-02");
  await p.waitForFunction(() => document.getElementById("full").shadowRoot.querySelector("[data-out=fund]")?.textContent === "1050.00", null, { timeout: 15000 }).catch(() => {});
  const got = { element: await p.locator("#full [data-panel=estimate] [data-out=fund]").textContent(),
    elementSelf: await p.locator("#full [data-panel=estimate] [data-out=selfPay]").textContent(),
    notices: await p.locator("#full [data-part=notice], #full [data-part=linkNote]").count() };
  await p.goto(origin + "/" + q({ city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" }));
  await ready(p);
  got.page = await p.locator(`${E} [data-out=fund]`).textContent();
  await hctx.close();
  return got;
}
await check("a host page's Object.prototype.careDays = \"3\" changes nothing: <ltci-calculator> shows 1050.00 for 晋城 home visits in 2024-02 (29 days), not 105.00", async () => {
  const got = await polluted({ careDays: "3" });
  eq(`${got.element} / ${got.elementSelf}; page ${got.page}`, "1050.00 / 450.00; page 1050.00", "the element and the page");
});
await check("every key of the form and the catalog on Object.prototype changes nothing either: the element and the page read their own properties only", async () => {
  const got = await polluted({ careDays: "3", month: "2019-01", months: "2", disabilityMonths: "1", insurance: "resident", grade: "mild",
    careMode: "home_self", city: "nantong", tab: "contribution", outdated: true, unknown: [1], open: true, options: [], when: { key: "x", values: [] } });
  eq(`${got.element} / ${got.elementSelf}; page ${got.page}; notices ${got.notices}`, "1050.00 / 450.00; page 1050.00; notices 0", "the element and the page");
});

// ---------- the months ahead (docs/plan.md) ----------
const WAIT = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02", disabilityMonths: 3 };
const P = `${E} [data-part=plan]`;
/** The plan section against plan(query): heading, totals, first eligible month, the chart
 *  (a picture, hidden from screen readers) with the table beside it that says the same, and
 *  under it what the later months assume, in words. */
async function expectPlan(p, query, root = P) {
  const want = ltci.plan(query);
  await p.waitForFunction(([sel, n]) => document.querySelector(sel)?.querySelectorAll("table.months tbody tr").length === n,
    [root.replace(`${E} `, "[data-panel=estimate] "), want.months.length], { timeout: 15000 }).catch(() => {});
  eq(await p.locator(`${root} h2`).textContent(), `未来${want.months.length}个月`, "heading");
  eq(await p.locator(`${root} [data-out=planFund]`).textContent(), want.totals.fund, "fund total");
  eq(await p.locator(`${root} [data-out=planSelf]`).textContent(), want.totals.selfPay ?? "未知", "self-pay total");
  ok((await p.locator(`${root} [data-out=planFrom]`).textContent()).includes(want.eligibleFrom ?? "都不符合"), "first eligible month");
  const chart = p.locator(`${root} figure.months-chart`);
  eq(await chart.getAttribute("aria-hidden"), "true", "the chart is hidden from screen readers");
  eq(await chart.locator("svg g").count(), want.months.length, "one bar per month");
  const table = p.locator(`${root} figure.months-chart + .scroll > table.months`);
  eq(await table.count(), 1, "the table beside the chart");
  ok((await table.locator("caption").textContent()).length > 0, "a caption");
  eq(await table.locator("thead th[scope=col]").count(), 4, "column headers");
  const rows = table.locator("tbody tr");
  eq(await rows.count(), want.months.length, "one row per month");
  for (const [i, m] of want.months.entries()) {
    const row = rows.nth(i);
    eq(await row.locator("th[scope=row]").textContent(), m.month, `row ${i}: its month`);
    eq(await row.locator("td[data-amt=fund]").textContent(), m.totals.fund, `${m.month}: fund`);
    eq(await row.locator("td[data-amt=selfPay]").textContent(), m.totals.selfPay ?? "未知", `${m.month}: self-pay`);
    if (!m.eligible) ok((await row.textContent()).includes("不符合条件"), `${m.month}: marked not eligible`);
  }
  const assumed = p.locator(`${root} .scroll:has(table.months) ~ ul[data-out=assumptions] > li`);
  eq(await assumed.count(), want.assumptions.length, "one line per assumption, under the table");
  for (const [i, a] of want.assumptions.entries()) {
    eq(await assumed.nth(i).textContent(), a.message, `assumption ${a.input}`);
    eq(await assumed.nth(i).getAttribute("data-rule"), a.rule, `assumption ${a.input}: its rule`);
  }
  return want;
}
/** Focus helpers for any page: the focused control's key, arrows on a select, Tab until a key. */
const focusOf = (p) => p.evaluate(() => ({ key: document.activeElement.dataset.key || document.activeElement.dataset.act || document.activeElement.tagName, value: document.activeElement.value }));
async function arrowsTo(p, value) {
  const [now, want] = await p.evaluate((v) => { const s = document.activeElement; return [s.selectedIndex, [...s.options].findIndex((o) => o.value === v)]; }, value);
  ok(want >= 0, `no option ${value}`);
  for (let i = 0; i < Math.abs(want - now); i++) await p.keyboard.press(want > now ? "ArrowDown" : "ArrowUp");
  eq((await focusOf(p)).value, value, "select value");
}
async function tabUntil(p, key, most = 40) {
  for (let i = 0; i < most && (await focusOf(p)).key !== key; i++) await p.keyboard.press("Tab");
  eq((await focusOf(p)).key, key, "Tab reaches");
}

await check("the months ahead by URL: the waiting case (晋城 severe home_visit 2024-02, disabilityMonths 3) is not eligible until 2024-05; 9 × 1050.00, when benefits can start with its clause, the chart with its table; months=6 from the link", async () => {
  await open(page, q(WAIT));
  const want = await expectPlan(page, WAIT);
  eq(want.eligibleFrom, "2024-05", "API: eligibleFrom");
  eq(want.totals.fund, "9450.00", "API: 9 × 1050.00");
  const li = page.locator(`${P} .ahead li[data-code=disability_too_short]`);
  const text = await li.textContent();
  ok(text.includes(want.whatWouldChange[0].message), `the whatWouldChange message: ${text}`);
  ok(text.includes("2024-05") && text.includes("晋市政发〔2020〕14号 四(二)"), "from 2024-05, with its clause");
  await open(page, q({ ...WAIT, months: "6" }));
  eq((await expectPlan(page, { ...WAIT, months: 6 })).totals.fund, "3150.00", "6 months: 3 × 1050.00");
  eq(await page.locator(`${P} [data-key=months]`).inputValue(), "6", "the months input from the link");
});

await check("the months ahead by keyboard: the waiting case with Tab and arrows, 已经失能多久了 asked in the open (3个月 typed), then 6 typed at the months input", async () => {
  await open(page, "");
  await tabUntil(page, "city");
  await arrowsTo(page, "jincheng");
  await tabUntil(page, "insurance"); await arrowsTo(page, "employee");
  await page.keyboard.press("Tab"); await arrowsTo(page, "severe");
  await page.keyboard.press("Tab"); await arrowsTo(page, "home_visit");
  await tabUntil(page, "month");
  await page.keyboard.type("2024-02");
  // How long the person has been disabled decides eligibility here: asked in the open, in the city's words.
  await tabUntil(page, "disabilityMonths");
  eq(await page.locator(`${E} label[for$=disabilityMonths]`).textContent(), "已经失能多久了（个月）", "晋城's question");
  await page.keyboard.type("3个月");
  eq(await page.locator(`${E} [data-out=ineligible]`).count(), 1, "not eligible this month");
  await expectPlan(page, WAIT);
  await tabUntil(page, "months");
  await page.keyboard.type("6");
  await expectPlan(page, { ...WAIT, months: 6 });
  const link = await shareLink(page);
  ok(link.includes("months=6") && link.includes("disabilityMonths=3"), `the link keeps months: ${link}`);
  await axe("plan, waiting case");
});

await check("the months ahead: expired rules said once above the months, a draft in the headline (not as in force), a month's reason shown; a bad months is shown at its input", async () => {
  const after = afterLast("jincheng");
  if (after) {
    const expired = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_self", month: addMonths(after, -2), months: 3 };
    await open(page, q(expired));
    await expectPlan(page, expired);
    // Said once, above the months, not on every row.
    eq(await page.locator(`${P} .badge`).count(), 0, "no status badge on the rows");
    eq(await page.locator(`${P} [data-out=planStatus]`).textContent(), `${after}起的月份所依据的文件已过有效期。`, "the expired months said once");
  }
  const lyg = { city: "lianyungang", insurance: "resident", grade: "severe", careMode: "elderly_institution", month: "2026-10", months: 4 };
  await open(page, q(lyg));
  await expectPlan(page, lyg);
  ok((await page.locator(`${E} [data-out=headline]`).textContent()).startsWith("按征求意见稿："), "the headline says it is a draft");
  ok((await page.locator(`${E} [data-out=statusHead]`).textContent()).includes("征求意见稿，尚未正式施行"), "the draft said at the top");
  ok(!(await page.locator(`${E} .policy`).textContent()).includes("2026-12-01起施行"), "never 2026-12-01起施行 for a draft");
  eq(await page.locator(`${P} .badge`).count(), 0, "no status badge on the rows");
  ok((await page.locator(`${P} tr[data-month="2026-10"]`).textContent()).includes("尚未实施"), "the reason of an ineligible month");
  const input = page.locator(`${P} [data-key=months]`);
  await input.fill("40");
  const err = page.locator(`${P} [data-err=months]`);
  await err.waitFor({ state: "visible", timeout: 3000 });
  eq(await err.textContent(), thrown(ltci.plan, { ...lyg, months: 40 }).message.replace("months", "月数"), "the error at its input, in words");
  eq(await input.getAttribute("aria-invalid"), "true", "aria-invalid");
  eq(await page.locator(`${P} table.months`).count(), 0, "no table for a bad months");
  await axe("plan, bad months");
  await input.fill("2");
  await expectPlan(page, { ...lyg, months: 2 });
  ok((await shareLink(page)).includes("months=2"), "months in the link");
});

await check("the months ahead keep the person's pattern: 常州 with 0 family-care days pays 0.00 in every month, and the page says under the table that 0 is carried and the care days are whole months", async () => {
  const none = { city: "changzhou", insurance: "employee", grade: "severe", careMode: "home", month: "2022-03", familyCareDays: 0, months: 3 };
  await open(page, q(none));
  const want = await expectPlan(page, none);
  eq(want.months.map((m) => m.totals.fund).join(" "), "0.00 0.00 0.00", "API: 0.00 every month");
  eq(await page.locator(`${P} [data-out=planFund]`).textContent(), "0.00", "the fund total");
  eq(await page.locator(`${P} [data-out=assumptions] li[data-input=familyCareDays]`).getAttribute("data-rule"), "carried", "familyCareDays carried");
  ok((await page.locator(`${P} [data-out=assumptions] li[data-input=familyCareDays]`).textContent()).includes("0"), "its words name the 0");
  eq(await page.locator(`${P} [data-out=assumptions] li[data-input=careDays]`).getAttribute("data-rule"), "default", "the care days by default");
  await axe("plan, assumptions");
});

await check("expired policy badge: the month after 晋城's last document (from the catalog) → 已过有效期，后续规定不在资料中", async () => {
  const after = afterLast("jincheng");
  if (!after) return;
  await open(page, q({ city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_self", month: after }));
  eq(await page.locator(`${E} [data-out=status]`).textContent(), STATUS_ZH.expired, "badge");
});

// ---------- rules and figures (?view=rules, www/rules.js) ----------
const RULES = { view: "rules", city: "jincheng", month: "2024-02" };
/** Opens the rules-and-figures view and waits for its list. */
async function openRules(p, query) {
  await p.goto(origin + "/" + query);
  await ready(p);
  await p.locator("[data-part=params] > li").first().waitFor({ timeout: 10000 });
}
const shownValue = (p, id) => p.locator(`[data-part=params] > li[data-id="${id}"] [data-out=value]`).first().textContent();

await check("rules and figures by share link: jincheng 2024-02, every parameter in force with its value, quote and clause; the document with 规则核对日期; axe clean", async () => {
  await openRules(page, q(RULES));
  const want = ltci.parameters({ city: "jincheng", month: "2024-02" });
  eq(await page.locator("[data-part=params] > li").count(), want.length, "one entry per parameter");
  for (const p of want) {
    const row = page.locator(`[data-part=params] > li[data-id="${p.id}"]`);
    eq(await row.locator("[data-out=quote]").first().textContent(), p.values[0].quote, `${p.id}: quote`);
    eq(await row.locator("[data-out=citation]").first().textContent(), p.values[0].citation, `${p.id}: clause`);
    eq(await row.locator("[data-out=status]").first().textContent(), STATUS_ZH.in_force, `${p.id}: in force`);
  }
  eq(await shownValue(page, "home_visit.monthly_quota"), "1500元/月", "quota");
  eq(await shownValue(page, "home_visit.fund_share"), "70%", "share");
  eq(await shownValue(page, "contribution.employer_rate"), "0.15%", "rate");
  eq(await shownValue(page, "scheme.effective_to"), "2025-12-31", "period");
  eq(await page.locator("h2[data-out=summary]").textContent(), "晋城 · 2024-02", "city and month");
  eq(await page.locator(".policy [data-out=reviewed]").textContent(), `规则核对日期：${city("jincheng").documents[0].lastReviewed}`, "规则核对日期");
  ok((await page.title()).startsWith("规则与参数"), "title");
  await axe("rules zh");
  await openRules(page, q({ ...RULES, lang: "en" }));
  eq(await shownValue(page, "home_visit.monthly_quota"), "1500 yuan/month", "in English");
  eq(await page.locator("h1").textContent(), "Rules and figures", "English heading");
  await axe("rules en");
});

await check("rules and figures: 晋城's employer share paid from the medical fund in 2022-06 (100%), by the employer in 2023-06 (0%) (四(四))", async () => {
  const id = "contribution.employer_share_from_medical_fund";
  await openRules(page, q({ ...RULES, month: "2022-06" }));
  eq(await shownValue(page, id), "100%", "2022-06");
  await openRules(page, q({ ...RULES, month: "2023-06" }));
  eq(await shownValue(page, id), "0%", "2023-06");
  ok((await page.locator(`[data-id="${id}"] [data-out=quote]`).textContent()).includes("用人单位"), "the employer pays");
  // After the last document's period: the last values, marked expired.
  const after = afterLast("jincheng");
  if (after) {
    await openRules(page, q({ ...RULES, month: addMonths(after, 2) }));
    eq(await page.locator('[data-id="home_visit.monthly_quota"] [data-out=status]').textContent(), STATUS_ZH.expired, "expired");
  }
});

await check("rules and figures are reached from the result's document badge; they print; 320 px wide", async () => {
  await open(page, q(URL_CASES[0][1]));
  await page.locator(`${E} .policy [data-act=rules]`).click();
  await page.locator("[data-part=params] > li").first().waitFor({ timeout: 10000 });
  const u = new URL(page.url());
  eq([u.searchParams.get("view"), u.searchParams.get("city"), u.searchParams.get("month")].join(" "), "rules jincheng 2024-02", "the link");
  await page.emulateMedia({ media: "print" });
  eq(await page.locator(".rules-view .actions").isVisible(), false, "no buttons on paper");
  await page.emulateMedia({ media: null });
  const pdf = await page.pdf({ format: "A4" });
  ok(pdf.length > 1000, "a PDF");
  await page.setViewportSize({ width: 320, height: 700 });
  const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  ok(w[0] <= w[1], `the view is ${w[0]} px wide in ${w[1]}`);
  await page.screenshot({ path: join(shots, "rules-320.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.locator("[data-act=back]").click();
  await page.locator(`${E} [data-out=fund]`).waitFor({ timeout: 10000 });
  eq(new URL(page.url()).searchParams.get("city"), "jincheng", "back to the calculator");
});

await check("input error shown at its field, in each language (careDays 40 in February)", async () => {
  const query = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02", careDays: "40" };
  const e = thrown(ltci.estimate, { ...query, careDays: 40 });
  await open(page, q(query));
  // The API's words, with the field's label for its id: no field code reaches a person.
  eq(await page.locator(`${E} [data-err=careDays]`).textContent(), e.message.replace("careDays", "护理天数"), "zh message");
  eq(await page.locator(`${E} [data-key=careDays]`).getAttribute("aria-invalid"), "true", "aria-invalid");
  await open(page, q({ ...query, lang: "en" }));
  eq(await page.locator(`${E} [data-err=careDays]`).textContent(), e.messageEn.replace("careDays", "Care days"), "en message");
  ok(!/careDays/.test(await page.locator(E).innerText()), "no field id on the page");
});

await check("self-pay unknown: the button focuses the provider's charge input", async () => {
  await open(page, q(URL_CASES[2][1]));
  await page.locator(`${E} .fig.self button`).click();
  eq(await page.evaluate(() => document.activeElement.dataset.key), "dailyCharge", "focused input");
  await page.keyboard.type("50");
  await expectFigures(page, "1240.00", "310.00");
});

// ---------- contributions ----------
await check("contributions via URL: jincheng 2023 employed 6000 → 108.00 / 108.00 / total 216.00", async () => {
  await open(page, q({ tab: "contribution", city: "jincheng", year: "2023", insurance: "employee", category: "employed", monthlyBase: "6000" }));
  eq(await page.locator(`${C} [data-out=individual]`).first().textContent(), "108.00", "individual");
  eq(await page.locator(`${C} td[data-out=employer]`).textContent(), "108.00", "employer");
  eq(await page.locator(`${C} td[data-out=total]`).textContent(), "216.00", "total");
  eq(await page.locator(`${C} [data-out=status]`).textContent(), "文件规定的标准", "status");
  for (const line of await page.locator(`${C} .line`).all()) ok((await line.locator(".cite").textContent()).includes("晋市政发〔2020〕14号 四(四)"), "clause");
});

await check("contributions via the form: tab, jincheng, 2023, employee, employed, base 6000", async () => {
  await open(page, "");
  await page.getByRole("tab", { name: "缴费" }).click();
  const f = page.locator(`${C} form`);
  await pick(f, "城市", "晋城");
  await type(f, "缴费年度", "2023");
  await pick(f, "医保类型", zhName(cat.insuranceTypes, "employee"));
  await pick(f, /^人员类别/, "在职职工");
  await type(f, "月缴费基数", "6000");
  eq(await page.locator(`${C} td[data-out=total]`).textContent(), "216.00", "total");
  eq(await page.locator(`${C} td[data-out=individual]`).textContent(), "108.00", "individual");
  eq(await page.locator(`${C} td[data-out=employer]`).textContent(), "108.00", "employer");
  const url = await shareLink(page);
  for (const part of ["tab=contribution", "city=jincheng", "year=2023", "category=employed", "monthlyBase=6000"]) ok(url.includes(part), `URL lacks ${part}`);
});

await check("contributions: jincheng retired → the pension input, not the base (the catalog's `when`); 2023 pension 5000 → 90.00 / 90.00 / 180.00", async () => {
  await open(page, "");
  await page.getByRole("tab", { name: "缴费" }).click();
  const f = page.locator(`${C} form`);
  await pick(f, "城市", "晋城");
  await type(f, "缴费年度", "2023");
  await pick(f, "医保类型", zhName(cat.insuranceTypes, "employee"));
  const inputs = city("jincheng").contribution.inputs;
  const label = (key) => inputs.find((i) => i.key === key).label.zh;
  await pick(f, /^人员类别/, "退休人员");
  eq(await f.getByLabel(label("monthlyPension"), { exact: false }).count(), 1, "pension input for a retired person");
  eq(await f.getByLabel(label("monthlyBase"), { exact: false }).count(), 0, "no base input for a retired person");
  await type(f, label("monthlyPension"), "5000");
  eq(await page.locator(`${C} td[data-out=individual]`).textContent(), "90.00", "individual");
  eq(await page.locator(`${C} td[data-out=government]`).textContent(), "90.00", "government");
  eq(await page.locator(`${C} td[data-out=total]`).textContent(), "180.00", "total");
  const link = await shareLink(page);
  ok(link.includes("category=retired") && link.includes("monthlyPension=5000") && !link.includes("monthlyBase"), `URL ${link}`);
  await pick(f, /^人员类别/, "在职职工");
  eq(await f.getByLabel(label("monthlyBase"), { exact: false }).count(), 1, "base input for an employed person");
  eq(await f.getByLabel(label("monthlyPension"), { exact: false }).count(), 0, "no pension input for an employed person");
});

await check("contributions: nantong → the sources give no amounts (not_in_sources)", async () => {
  await pick(page.locator(`${C} form`), "城市", "南通");
  const p = page.locator(`${C} [data-out=error]`);
  eq(await p.getAttribute("data-code"), "not_in_sources", "code");
  ok((await p.textContent()).includes(thrown(ltci.contribution, { city: "nantong", year: 2023, insurance: "employee" }).message), "message");
});

// ---------- language, accessibility, elder-friendliness ----------
await check("English switch: labels, results and the share link change; back to Chinese", async () => {
  await open(page, q(URL_CASES[0][1]));
  await page.getByRole("button", { name: "English" }).click();
  eq(await page.evaluate(() => document.documentElement.lang), "en", "html lang");
  eq(await page.locator("h1").textContent(), "Long-term care insurance calculator", "title");
  eq(await page.locator(`${E} form`).getByLabel("City", { exact: true }).count(), 1, "City label");
  ok((await page.locator(`${E} .fig.fund .lbl`).textContent()) === "Fund pays", "result label");
  ok((await page.locator(`${E} .line h4`).first().textContent()).includes("Home-visit quota"), "line labelEn");
  ok((await page.locator(`${E} .line .basis`).first().textContent()).startsWith("monthly quota"), "basisEn");
  eq(await page.getByRole("tab", { name: "Contributions" }).count(), 1, "tab name");
  eq(await page.evaluate(() => document.activeElement.dataset.act), "lang", "focus stays on the switch");
  ok((await shareLink(page)).includes("lang=en"), "share link lang=en");
  await bareAddress(page); // the link it was opened with went at the first change
  await page.getByRole("button", { name: "中文" }).click();
  eq(await page.locator(`${E} form`).getByLabel("城市", { exact: true }).count(), 1, "back to Chinese");
  ok(!(await shareLink(page)).includes("lang=en"), "share link without lang");
});

async function axe(label, p = page, options = {}) {
  const res = await new AxeBuilder({ page: p }).options(options).analyze();
  const bad = res.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length) throw new Error(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`).join("; "));
  const minor = res.violations.map((v) => `${v.id}/${v.impact}`);
  if (minor.length) console.log(`  (${label}: minor axe findings ${minor.join(", ")})`);
}
for (const lang of ["zh", "en"]) {
  await check(`axe (no serious/critical): benefits tab, ${lang}, details open`, async () => {
    await open(page, q({ ...URL_CASES[3][1], ...(lang === "en" ? { lang } : {}), assessedMonth: "2021-01" }));
    eq(await page.locator(`${E} details[data-part=details]`).getAttribute("open"), "", "details open");
    await axe(`benefits ${lang}`);
  });
  await check(`axe (no serious/critical): ineligible and error states, ${lang}`, async () => {
    await open(page, q({ city: "jincheng", insurance: "resident", grade: "mild", careMode: "home_visit", month: "2024-02", ...(lang === "en" ? { lang } : {}) }));
    await axe(`ineligible ${lang}`);
    await open(page, q({ ...URL_CASES[0][1], careDays: "x", ...(lang === "en" ? { lang } : {}) }));
    await axe(`error ${lang}`);
  });
  await check(`axe (no serious/critical): contributions tab, ${lang}`, async () => {
    await open(page, q({ tab: "contribution", city: "changzhou", year: "2024", insurance: "resident", subsidized: "true", district: "xinbei", ...(lang === "en" ? { lang } : {}) }));
    await axe(`contributions ${lang}`);
  });
}

await check("elder-friendly: base font ≥ 18 px, every control ≥ 44 px, large-text switch", async () => {
  await open(page, q({ ...URL_CASES[0][1], disabilityMonths: "6" }));
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".ltci")).fontSize));
  ok(size >= 18, `base font ${size}px`);
  const small = await page.evaluate(() => [...document.querySelectorAll("button, select, input:not([type=checkbox]), summary, label.box")]
    .filter((el) => el.offsetParent !== null)
    .map((el) => [el.dataset.key || el.dataset.act || el.textContent.trim().slice(0, 12), el.getBoundingClientRect()])
    .filter(([, r]) => r.height < 44 || r.width < 44).map(([n, r]) => `${n} ${Math.round(r.width)}×${Math.round(r.height)}`));
  eq(small.join("; "), "", "small tap targets");
  await page.getByRole("button", { name: "大字" }).click();
  const big = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".ltci")).fontSize));
  ok(big >= size * 1.2, `large text ${big}px`);
  eq(await page.getByRole("button", { name: "大字" }).getAttribute("aria-pressed"), "true", "aria-pressed");
  ok((await shareLink(page)).includes("text=large"), "share link text=large");
});

await check("320 px wide: no horizontal scrolling", async () => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const query of [URL_CASES[0][1], URL_CASES[4][1], { tab: "contribution", city: "changzhou", year: "2024", insurance: "resident", district: "jingkai" }]) {
    await open(page, q({ ...query, text: "large" }));
    const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    ok(w[0] <= w[1], `${query.city}: page is ${w[0]} px wide in ${w[1]}`);
  }
  await page.setViewportSize({ width: 375, height: 800 });
});

await check("keyboard: Tab reaches every control with a visible focus ring; arrow keys switch tabs", async () => {
  await open(page, q(URL_CASES[0][1]));
  const seen = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      const el = document.activeElement, s = getComputedStyle(el);
      // Not :focus: the focus is in the control's own UI (a month input's picker button), which Chromium rings itself.
      return { key: el.dataset.key || el.dataset.act || el.getAttribute("role") || el.tagName, own: !el.matches(":focus"),
        ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
    });
    ok(f.ring || f.own, `no focus ring on ${f.key}`);
    seen.add(f.key);
  }
  for (const k of ["lang", "big", "tab", "city", "insurance", "grade", "careMode", "month", "careDays"]) ok(seen.has(k), `Tab never reached ${k}`);
  await page.locator("[role=tab][aria-selected=true]").focus();
  await page.keyboard.press("ArrowRight");
  eq(await page.locator("[role=tab][aria-selected=true]").textContent(), "缴费", "ArrowRight");
  ok(await page.locator(C).isVisible(), "contributions panel shown");
});

// ---------- issue 24: an answer a person can act on ----------
/** "2027-02" → "2027年2月". */
const ym = (m) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const y0 = (x) => x.replace(/\.00$/, "");
await check("issue 24 (1, 2): the waiting case (晋城 severe home_visit, disabled 4 months, this month) at 375 × 800 says, without scrolling, from when benefits start and what that month pays; the result's headline says it too; in 大字 and in English; at 1280 px the headline is on the first screen", async () => {
  const wait = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", disabilityMonths: "4" };
  const p = ltci.plan({ ...wait, disabilityMonths: 4 }), first = p.months.find((m) => m.eligible), now = p.months[0];
  ok(first && !now.eligible, "the API: not now, later");
  const want = `${ym(now.month)}还不能享受（失能时间不足）。${ym(first.month)}起可以享受；该月基金支付${y0(first.totals.fund)}元，个人自付${y0(first.totals.selfPay)}元。`;
  for (const big of [false, true]) {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(page, q({ ...wait, ...(big ? { text: "large" } : {}) }));
    const peek = page.locator(`${E} [data-part=peek]`);
    eq(await peek.textContent(), want, `the sentence in sight${big ? " (大字)" : ""}`);
    const box = await peek.boundingBox();
    ok(box && box.y >= 0 && box.y + box.height <= 800, `in the first 800 px: ${JSON.stringify(box)}`);
    eq(await page.locator(`${E} [data-out=headline]`).textContent(), want, "the result's headline");
    if (!big) await page.screenshot({ path: join(shots, "waiting-375.png") });
  }
  await open(page, q({ ...wait, lang: "en" }));
  eq(await page.locator(`${E} [data-out=headline]`).textContent(),
    `Not yet in ${now.month} (disability too recent). Benefits from ${first.month}. That month the fund pays ${y0(first.totals.fund)} yuan and you pay ${y0(first.totals.selfPay)} yuan.`, "English");
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, q(wait));
  const head = await page.locator(`${E} [data-out=headline]`).boundingBox();
  ok(head && head.y + head.height <= 800, "the headline on the first screen at 1280 px");
  await page.screenshot({ path: join(shots, "waiting-1280.png") });
  // Each care mode with its reason in a word, this one not eligible.
  await page.locator(`${E} table.compare`).waitFor({ timeout: 3000 });
  ok((await page.locator(`${E} table.compare tr.current`).textContent()).includes("不符合条件：失能时间不足"), "the comparison's reason in a word");
  await axe("waiting case, 1280");
  await page.setViewportSize({ width: 375, height: 800 });
});

await check("issue 24 (1): how long the person has been disabled is asked in the open where it decides (晋城, 连云港; 常州 in its words of treatment), not in 南通 or 日照; left empty, the result's top says 6 months were assumed and 填写 goes to the question", async () => {
  await open(page, q({ city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" }));
  const asked = page.locator(`${E} [data-part=asked]`);
  eq(await asked.locator("legend").textContent(), "享受条件", "its own group, open");
  ok(await asked.locator("[data-key=disabilityMonths]").isVisible(), "晋城 asks it");
  const top = page.locator(`${E} [data-out=assumed] li[data-code=assumed_disability_months]`);
  ok((await top.textContent()).includes("按6个月计算"), "the assumption said at the top");
  const order = await page.evaluate(() => { const r = document.querySelector("[data-part=resultE]"); return [...r.querySelectorAll("[data-out]")].map((e) => e.dataset.out).slice(0, 4); });
  ok(order.indexOf("assumed") >= 0 && order.indexOf("assumed") < order.indexOf("fund"), `at the top, before the figures: ${order}`);
  await top.getByRole("button", { name: "填写" }).click();
  eq(await page.evaluate(() => document.activeElement.dataset.key), "disabilityMonths", "填写 focuses the question");
  await page.keyboard.type("6");
  await until(page, () => !document.querySelector("[data-code=assumed_disability_months]"));
  eq(await page.locator(`${E} [data-code=assumed_disability_months]`).count(), 0, "no assumption once given");
  for (const [city, label] of [["lianyungang", "已经失能多久了（个月）"], ["changzhou", "失能后已治疗月数（个月）"]]) {
    await open(page, q({ city }));
    eq(await page.locator(`${E} [data-part=asked] label[for$=disabilityMonths]`).textContent(), label, `${city}'s words`);
  }
  for (const city of ["nantong", "rizhao"]) {
    await open(page, q({ city }));
    eq(await page.locator(`${E} [data-key=disabilityMonths]`).count(), 0, `${city} does not ask it`);
  }
});

await check("issue 24 (4): the reader takes 4个月, 45元, full-width digits and 2026年12月; what it cannot read is said next to its field in words (no field id), the result names the field; the JSON doors stay strict", async () => {
  const base = { city: "rizhao", insurance: "resident", grade: "severe", careMode: "institution", month: "2021-03" };
  await open(page, q(base));
  const f = page.locator(`${E} form`);
  await type(f, "每日收费（统筹范围内）（元/日）", "45元");
  await f.getByLabel("月份", { exact: true }).fill("２０２１年３月");
  await until(page, () => document.querySelector("[data-out=selfPay]"));
  eq((await figures(page)).fund, ltci.estimate({ ...base, dailyCharge: "45" }).totals.fund, "45元 read as 45");
  await type(f, "每日收费（统筹范围内）（元/日）", "4x5");
  const err = f.locator("[data-err=dailyCharge]");
  await err.waitFor({ state: "visible", timeout: 3000 });
  ok((await err.textContent()).includes("请用数字填写金额（元），如“45”"), `what to enter: ${await err.textContent()}`);
  ok((await page.locator(`${E} [data-out=error]`).textContent()).startsWith("请修正“每日收费"), "the result names the field in words");
  ok(!/dailyCharge|invalid_value/.test(await page.locator(E).innerText()), "no field id on the page");
  await open(page, q({ city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" }));
  await type(page.locator(`${E} form`), "已经失能多久了（个月）", "4个月");
  await page.locator(`${E} .reasons li[data-code=disability_too_short]`).waitFor({ timeout: 3000 });
  // The JSON door: "4个月" is not a number there.
  thrown(ltci.estimate, { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02", disabilityMonths: "4个月" });
});

await check("issue 24 (5): the covered cities listed with their documents' status, 我的城市不在列表中 says what to do; 连云港 preselects the insurance its rules cover, the other says where its scheme is (连政发〔2023〕26号), never 未覆盖", async () => {
  await open(page, "");
  const help = await page.locator(`${E} [id$=e-city-h]`).textContent();
  for (const c of cat.cities) ok(help.includes(c.name.zh), `${c.name.zh} listed`);
  ok(help.includes("征求意见稿") && help.includes("文件已过期"), `statuses: ${help}`);
  await page.getByText("我的城市不在列表中").click();
  ok(await page.getByText("12393").isVisible(), "what to do for another city");
  await pick(page.locator(`${E} form`), "城市", "连云港");
  eq(await page.locator(`${E} [data-key=insurance]`).inputValue(), "resident", "preselected: resident");
  ok(!(await page.locator(`${E} form`).textContent()).includes("未覆盖"), "never 未覆盖");
  await page.locator(`${E} [data-key=insurance]`).selectOption("employee");
  ok((await page.locator(`${E} [data-out=headline]`).textContent()).includes("连政发〔2023〕26号"), "the headline says where the employee scheme is");
  // Chosen by the person: a change of city keeps it.
  await pick(page.locator(`${E} form`), "城市", "常州");
  eq(await page.locator(`${E} [data-key=insurance]`).inputValue(), "employee", "kept once chosen");
});

for (const lang of ["zh", "en"]) {
  await check(`issue 24 (6): 下一步 from the sources after the answer, each with its clause, a reading marked as the calculator's; what the estimate leaves out; the office decides (${lang})`, async () => {
    await open(page, q({ city: "lianyungang", ...(lang === "en" ? { lang } : {}) }));
    const next = page.locator(`${E} [data-out=next]`);
    const steps = city("lianyungang").nextSteps;
    eq(await next.locator("li").count(), steps.length, "every step");
    for (const [i, st] of steps.entries()) {
      const li = next.locator("li").nth(i), text = await li.textContent();
      ok(text.includes(st.text[lang]), `step ${i}`);
      if (st.citation) ok(text.includes(st.citation), `its clause ${st.citation}`);
      eq(text.includes(lang === "en" ? "this calculator's reading" : "本计算器的理解"), st.reading || st.text[lang].includes(lang === "en" ? "this calculator's reading" : "本计算器的理解"), `reading marked ${i}`);
    }
    ok((await next.textContent()).includes(lang === "en" ? "decided by the medical insurance office" : "以医保经办机构的评估和核定为准"), "the office decides");
    await axe(`next steps ${lang}`);
  });
}

await check("issue 24 (7): the rules view in words (ids in a small line), 周岁 for an age; going there and back, by its link or by Back, keeps what was typed (care mode, the 60 yuan charge)", async () => {
  await open(page, q({ city: "lianyungang", month: "2027-01" }));
  const f = page.locator(`${E} form`);
  await f.locator("[data-key=careMode]").selectOption("elderly_institution");
  const charge = f.locator("[data-key=dailyCharge]");
  await charge.fill("60");
  await until(page, () => !document.querySelector("[data-out=selfPay][data-unknown]"));
  const before = await figures(page);
  for (const how of ["link", "Back"]) {
    await page.locator(`${E} [data-act=rules]`).click();
    await page.waitForSelector(".rules-view");
    const h3 = await page.locator(".rules-view .line h3").allTextContents();
    ok(!h3.some((x) => /[a-z]+[._][a-z]/.test(x)), `labels in words: ${h3.slice(0, 3)}`);
    ok((await page.locator(".rules-view [data-out=id]").first().textContent()).includes("."), "the id in its own small line");
    ok((await page.locator(".rules-view .line[data-id='contribution.not_financed_up_to_age'] [data-out=value]").textContent()) === "18周岁", "18周岁");
    if (how === "link") await page.locator("[data-act=back]").click(); else await page.goBack();
    await ready(page);
    await page.waitForSelector(`${E} [data-out=fund]`);
    eq(await page.locator(`${E} [data-key=careMode]`).inputValue(), "elderly_institution", `care mode kept (${how})`);
    eq(await page.locator(`${E} [data-key=dailyCharge]`).inputValue(), "60", `charge kept (${how})`);
    eq(JSON.stringify(await figures(page)), JSON.stringify(before), `same figures (${how})`);
    eq(new URL(page.url()).search, "", `the address bar has none of it (${how})`);
  }
});

await check("screen readers: a short summary in the live region, not the whole table", async () => {
  await open(page, "");
  const f = page.locator(`${E} form`);
  await pick(f, "城市", "晋城");
  await f.getByLabel("月份", { exact: true }).fill("2024-02");
  await pick(f, "护理方式", "居家上门护理");
  const live = page.locator("[role=status][data-part=live]");
  await page.waitForFunction(() => document.querySelector("[data-part=live]")?.textContent.includes("1050元"), null, { timeout: 3000 });
  const text = await live.textContent();
  // The headline: the month, what it pays and costs.
  eq(text, "2024年2月可以享受；该月基金支付1050元，个人自付450元。", "live text");
});

await check("print: a one-page summary (A4 PDF) with the share link, made for the print only; the inputs, assumptions, date, months headers and 下一步 (issue 24, 8)", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, q(URL_CASES[0][1]));
  await page.locator(`${E} [data-key=careDays]`).fill("20");
  await bareAddress(page);
  const link = await shareLink(page);
  ok(link.includes("careDays=20"), `share link ${link}`);
  const printLink = page.locator("[data-part=printLink]");
  eq(await printLink.textContent(), "", "no link before printing");
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  eq(await printLink.textContent(), "本结果的链接：" + link, "the link in print");
  ok(await printLink.isVisible(), "the link shows in print");
  await page.locator(`${P} table.months`).waitFor({ timeout: 3000 });
  ok(await page.locator(`${P} table.months`).isVisible(), "the months ahead print (their table)");
  ok(!(await page.locator(`${P} [data-key=months]`).isVisible()), "not the months input");
  // What the office needs: the inputs and the assumptions, the date printed, the months grid's headers, 下一步.
  const inputs = page.locator(`${E} [data-out=inputs]`);
  ok(await inputs.isVisible(), "the inputs print");
  const printed = await inputs.textContent();
  ok(printed.includes("护理天数：20") && printed.includes("按6个月计算"), `the inputs and the assumptions: ${printed}`);
  ok(/打印日期：\d{4}-\d{2}-\d{2}/.test(printed), "the date printed");
  ok(await page.locator(`${P} .grid-head`).isVisible(), "the months grid's headers");
  ok(await page.locator(`${E} [data-out=next]`).isVisible(), "下一步 prints");
  await page.screenshot({ path: join(shots, "print-1280.png"), fullPage: true });
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  eq(await printLink.textContent(), "", "no link after printing");
  await page.emulateMedia({ media: null }); // page.pdf() uses print media unless screen is emulated
  await page.evaluate(() => { window.printed = []; addEventListener("beforeprint", () => window.printed.push(document.querySelector("[data-part=printLink]").textContent)); });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  eq(JSON.stringify(await page.evaluate(() => window.printed)), JSON.stringify(["本结果的链接：" + link]), "the link when printing");
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  eq(pages, 1, "PDF pages");
});

await check("screenshots at 375 and 1280 px in build/screenshots/", async () => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width > 1000 ? 900 : 800 });
    await open(page, q(URL_CASES[0][1]));
    await page.screenshot({ path: join(shots, `benefits-${width}.png`), fullPage: true });
    await open(page, q({ ...URL_CASES[2][1], lang: "en" }));
    await page.screenshot({ path: join(shots, `benefits-en-${width}.png`), fullPage: true });
    await open(page, q({ city: "jincheng", insurance: "resident", grade: "severe", careMode: "institution", month: "2024-03" }));
    await page.screenshot({ path: join(shots, `ineligible-${width}.png`), fullPage: true });
    await open(page, q({ tab: "contribution", city: "jincheng", year: "2023", insurance: "employee", category: "employed", monthlyBase: "6000" }));
    await page.screenshot({ path: join(shots, `contributions-${width}.png`), fullPage: true });
  }
});

// ---------- embeds: <ltci-calculator> and the iframe, on the demo portal page ----------
const JC = { city: "jincheng", insurance: "employee", grade: "severe", careMode: "home_visit", month: "2024-02" };
const DEMO = origin + "/embed-demo.html";
const demo = await ctx.newPage();
demo.setDefaultTimeout(5000);
await demo.setViewportSize({ width: 375, height: 800 });
// What the host page receives from the iframe (top window only; the init script runs in frames too).
await demo.addInitScript(() => {
  if (window === window.top) {
    window.ltciMessages = [];
    addEventListener("message", (e) => window.ltciMessages.push({ data: e.data, fromIframe: e.source !== window }));
  }
});
const full = (sel) => demo.locator(`#full ${sel}`); // CSS locators pierce open shadow roots
const side = (sel) => demo.locator(`#side ${sel}`);
const fig = async (el, key) => {
  const x = el(`[data-panel=estimate] [data-out=${key}]`);
  await x.waitFor({ timeout: 10000 });
  return x.textContent();
};
async function openDemo() {
  await demo.goto(DEMO);
  await full("[data-out=fund]").waitFor({ timeout: 10000 });
  await side("[data-out=fund]").waitFor({ timeout: 10000 });
}

await check("<ltci-calculator city=jincheng care-mode=home_visit>: month 2024-02 typed in its form (shadow root) → 1050.00 / 450.00; host URL untouched", async () => {
  await openDemo();
  eq(await demo.evaluate(() => !!document.getElementById("full").shadowRoot), true, "a shadow root");
  eq(await demo.locator("#full link[rel=stylesheet]").getAttribute("href"), origin + "/app.css", "app.css beside the module");
  eq(await demo.evaluate(() => document.getElementById("full").shadowRoot.querySelectorAll("style, [style]").length), 0, "no inline styles");
  const f = demo.locator("#full [data-panel=estimate] form");
  eq(await f.getByLabel("城市", { exact: true }).inputValue(), "jincheng", "city from the attribute");
  eq(await f.getByLabel("护理方式", { exact: true }).inputValue(), "home_visit", "care mode from the attribute");
  await f.getByLabel("月份", { exact: true }).fill("2024-02");
  await demo.waitForFunction(() => document.getElementById("full").shadowRoot.querySelector("[data-out=fund]")?.textContent === "1050.00", null, { timeout: 15000 }).catch(() => {});
  eq(await fig(full, "fund"), "1050.00", "fund");
  eq(await fig(full, "selfPay"), "450.00", "self-pay");
  eq(await full("[data-out=reference]").textContent(), ltci.estimate(JC).reference, "reference");
  eq(demo.url(), DEMO, "host URL");
});

await check("<ltci-calculator>: attributes react (care-mode, lang, city, compact) and keep the person's month", async () => {
  await demo.evaluate(() => document.getElementById("full").setAttribute("care-mode", "home_combined"));
  const combined = ltci.estimate({ ...JC, careMode: "home_combined" });
  await demo.waitForFunction((v) => document.getElementById("full").shadowRoot.querySelector("[data-out=fund]")?.textContent === v, combined.totals.fund, { timeout: 3000 });
  eq(await fig(full, "selfPay"), combined.totals.selfPay, "home_combined self-pay, same month");
  await demo.evaluate(() => document.getElementById("full").setAttribute("lang", "en"));
  await full(".title").filter({ hasText: "Long-term care insurance calculator" }).waitFor({ timeout: 3000 });
  eq(await fig(full, "fund"), combined.totals.fund, "same result in English");
  await demo.evaluate(() => { const el = document.getElementById("full"); el.removeAttribute("lang"); el.setAttribute("city", "changzhou"); });
  await full(".title").filter({ hasText: "长期护理保险待遇计算器" }).waitFor({ timeout: 3000 });
  eq(await demo.locator("#full [data-panel=estimate] form").getByLabel("城市", { exact: true }).inputValue(), "changzhou", "city");
  ok((await full("[data-out=summary]").textContent()).includes("2024-02"), "month kept");
  await demo.evaluate(() => document.getElementById("full").setAttribute("compact", ""));
  await full("[role=tablist]").waitFor({ state: "detached", timeout: 3000 });
  await demo.evaluate(() => document.getElementById("full").removeAttribute("compact"));
  await full("[role=tablist]").waitFor({ timeout: 3000 });
  eq(demo.url(), DEMO, "host URL");
});

await check("<ltci-calculator>: two on one page; compact (no tabs, no comparison); themed by --ltci-*; the host's select sets city", async () => {
  eq(await full("[role=tablist]").count(), 1, "full: tabs");
  await full("table.compare").waitFor({ timeout: 3000 }); // drawn a frame after the result
  eq(await full("table.compare").count(), 1, "full: comparison");
  eq(await side("[role=tablist]").count(), 0, "compact: no tabs");
  eq(await side("table.compare").count(), 0, "compact: no comparison");
  eq(await side("[data-out=fund]").textContent(), ltci.estimate({ city: "nantong", insurance: "employee", grade: "severe", careMode: "home" }).totals.fund, "compact: nantong result");
  eq(await side("[data-act=lang]").evaluate((b) => getComputedStyle(b).borderTopColor), "rgb(138, 21, 56)", "--ltci-accent");
  eq(await full("[data-act=lang]").evaluate((b) => getComputedStyle(b).borderTopColor), "rgb(11, 87, 208)", "default accent");
  await demo.locator("#side-city").selectOption("rizhao");
  await demo.waitForFunction(() => document.getElementById("side").shadowRoot.querySelector("[data-key=city]")?.value === "rizhao", null, { timeout: 3000 });
  eq(await demo.locator("#full [data-panel=estimate] form").getByLabel("城市", { exact: true }).inputValue(), "changzhou", "the other instance unchanged");
});

// The element takes the WeChat component's properties (miniprogram/components/ltci-calculator/):
// month, insurance, grade and the care mode's inputs, as attributes and as properties.
/** A new <ltci-calculator id=probe> on the demo page with these attributes (and `inputs`
 *  as a property, if given); resolves when it shows a result or an error. */
async function probe(attrs, inputs) {
  await demo.evaluate(([attrs, inputs]) => {
    document.getElementById("probe")?.remove();
    const el = document.createElement("ltci-calculator");
    el.id = "probe";
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (inputs) el.inputs = inputs.inherit ? Object.assign(Object.create(inputs.inherit), inputs.own) : inputs.own;
    document.body.append(el);
  }, [attrs, inputs]);
  await demo.locator("#probe [data-panel=estimate] [data-out=fund], #probe [data-panel=estimate] [data-out=error]").first().waitFor({ timeout: 10000 });
}
const pr = (sel) => demo.locator(`#probe [data-panel=estimate] ${sel}`);
const CZ = { city: "changzhou", "care-mode": "elderly_institution", month: "2022-03", grade: "moderate" };

await check("<ltci-calculator month=2024-02 insurance=employee grade=severe city=jincheng care-mode=home_visit> → 1050.00 / 450.00, as the WeChat component's properties", async () => {
  await openDemo();
  await probe({ month: "2024-02", insurance: "employee", grade: "severe", city: "jincheng", "care-mode": "home_visit" });
  eq(`${await pr("[data-out=fund]").textContent()} / ${await pr("[data-out=selfPay]").textContent()}`, "1050.00 / 450.00", "fund / self-pay");
  eq(await pr("[data-out=reference]").textContent(), ltci.estimate(JC).reference, "reference");
  const f = demo.locator("#probe [data-panel=estimate] form");
  eq(`${await f.getByLabel("医保类型", { exact: true }).inputValue()} ${await f.getByLabel("失能等级", { exact: true }).inputValue()} ${await f.getByLabel("月份", { exact: true }).inputValue()}`,
    "employee severe 2024-02", "the form shows the attributes");
  eq(await demo.locator("#probe [data-part=linkNote]").count(), 0, "nothing to say");
  eq(await demo.evaluate(() => { const el = document.getElementById("probe"); return [el.month, el.insurance, el.grade, el.city, el.careMode].join(" "); }),
    "2024-02 employee severe jincheng home_visit", "the properties reflect the attributes");
});

await check("<ltci-calculator>: changing the month attribute (or property) re-renders, keeping the person's care days", async () => {
  await pr("[data-key=careDays]").fill("20");
  await demo.waitForFunction((v) => document.getElementById("probe").shadowRoot.querySelector("[data-out=fund]")?.textContent === v,
    ltci.estimate({ ...JC, careDays: 20 }).totals.fund, { timeout: 3000 });
  const mar = ltci.estimate({ ...JC, careDays: 20, month: "2024-03" });
  await demo.evaluate(() => document.getElementById("probe").setAttribute("month", "2024-03"));
  await demo.waitForFunction(() => document.getElementById("probe").shadowRoot.querySelector("[data-out=summary]")?.textContent.includes("2024-03"), null, { timeout: 3000 });
  eq(await pr("[data-out=fund]").textContent(), mar.totals.fund, "fund for 2024-03, 20 care days");
  eq(await pr("[data-out=reference]").textContent(), mar.reference, "reference");
  eq(await pr("[data-key=careDays]").inputValue(), "20", "the person's care days kept");
  await demo.evaluate(() => { document.getElementById("probe").month = "2024-02"; });
  await demo.waitForFunction(() => document.getElementById("probe").shadowRoot.querySelector("[data-out=summary]")?.textContent.includes("2024-02"), null, { timeout: 3000 });
  eq(await pr("[data-out=fund]").textContent(), ltci.estimate({ ...JC, careDays: 20 }).totals.fund, "the month property");
  eq(demo.url(), DEMO, "host URL");
});

await check("<ltci-calculator inputs='{\"dailyCharge\":\"60\"}'> on 常州 elderly_institution 2022-03 moderate: cost 1860.00 (60 × 31), fund 930.00; the inputs property the same, own keys only", async () => {
  const want = ltci.estimate({ city: "changzhou", careMode: "elderly_institution", month: "2022-03", grade: "moderate",
    insurance: ltci.catalog().cities.find((c) => c.id === "changzhou").insurance[0], dailyCharge: 60 });
  eq(`${want.totals.cost} ${want.totals.fund}`, "1860.00 930.00", "the API");
  for (const [how, attrs, inputs] of [["attribute", { ...CZ, inputs: '{"dailyCharge":"60"}' }],
    ["property (inherited keys not read)", CZ, { own: { dailyCharge: 60 }, inherit: { month: "2019-01", grade: "severe" } }]]) {
    await probe(attrs, inputs);
    eq(await pr("[data-out=fund]").textContent(), "930.00", `${how}: fund`);
    ok((await pr("p.total").textContent()).includes("1860.00"), `${how}: cost 1860.00`);
    eq(await pr("[data-key=dailyCharge]").inputValue(), "60", `${how}: the charge in the form`);
    eq(await pr("[data-out=reference]").textContent(), want.reference, `${how}: reference`);
  }
  // A new inputs attribute is set over what is shown.
  await demo.evaluate(() => document.getElementById("probe").setAttribute("inputs", '{"dailyCharge":"50"}'));
  await demo.waitForFunction(() => document.getElementById("probe").shadowRoot.querySelector("[data-key=dailyCharge]")?.value === "50", null, { timeout: 3000 });
  ok((await pr("p.total").textContent()).includes("1550.00"), "the inputs attribute changed: 50 × 31");
});

await check("<ltci-calculator>: a bad month attribute is said at the month, not replaced; an unknown insurance or inputs JSON is said as for a link", async () => {
  await probe({ ...CZ, month: "2024-13" });
  const f = demo.locator("#probe [data-panel=estimate] form");
  eq(await f.getByLabel("月份", { exact: true }).inputValue(), "2024-13", "the month as given");
  eq(await f.getByLabel("月份", { exact: true }).getAttribute("aria-invalid"), "true", "marked");
  ok((await pr("[data-out=error]").textContent()).includes("月份"), "the error names the month");
  eq(await pr("[data-out=fund]").count(), 0, "no figures for another month");
  await probe({ ...CZ, insurance: "bogus", inputs: "{dailyCharge: 60}" });
  const note = await demo.locator("#probe [data-part=linkNote]").textContent();
  ok(note.includes("医保类型“bogus”无法识别"), `insurance said: ${note}`);
  ok(note.includes("inputs={dailyCharge: 60}"), `inputs said: ${note}`);
  await demo.evaluate(() => document.getElementById("probe").remove());
});

await check("iframe embed.html?city=jincheng&…&month=2024-02 → 1050.00 / 450.00; it posts {type, height} and the host sizes the iframe; again on resize", async () => {
  await openDemo();
  const frame = demo.frameLocator("iframe.ltci-embed");
  await frame.locator("[data-out=fund]").waitFor({ timeout: 10000 });
  eq(await frame.locator("[data-out=fund]").textContent(), "1050.00", "fund");
  eq(await frame.locator("[data-out=selfPay]").textContent(), "450.00", "self-pay");
  const sized = async () => demo.waitForFunction(() => {
    const f = document.querySelector("iframe.ltci-embed"), m = window.ltciMessages.filter((x) => x.data && x.data.type === "ltci:height");
    return m.length && f.style.height === m[m.length - 1].data.height + "px" &&
      Math.abs(f.contentDocument.documentElement.getBoundingClientRect().height - f.clientHeight) <= 1 && f.clientHeight;
  }, null, { timeout: 15000 }).then((h) => h.jsonValue());
  const before = await sized();
  const msgs = await demo.evaluate(() => window.ltciMessages);
  ok(msgs.length >= 1 && msgs.every((m) => m.fromIframe), "messages from the iframe");
  for (const m of msgs) eq(JSON.stringify(Object.keys(m.data)), '["type","height"]', "message shape (one number)");
  const last = msgs[msgs.length - 1].data.height;
  ok(Number.isInteger(last) && last > 500 && last === before, `height ${last}, iframe ${before}`);
  await frame.getByRole("button", { name: "大字" }).click();
  const after = await sized();
  ok(after > before + 100, `iframe grew with large text: ${before} → ${after}`);
});

await check("iframe heights follow coarse form state (empty / valid / invalid charge), and the README says so", async () => {
  await demo.evaluate(() => {
    window.ltciMessages = [];
    document.querySelector("iframe.ltci-embed").src = "embed.html?city=lianyungang&insurance=resident&grade=severe&careMode=elderly_institution&month=2026-12";
  });
  const frame = demo.frameLocator("iframe.ltci-embed");
  await frame.locator("[data-out=fund]").waitFor({ timeout: 10000 });
  const heights = [];
  for (const charge of ["", "50", "abc"]) {
    await frame.locator("[data-key=dailyCharge]").fill(charge);
    await frame.locator(charge === "abc" ? "[data-out=error]" : "[data-out=fund]").waitFor({ timeout: 3000 });
    await demo.waitForTimeout(300); // the ResizeObserver's message
    heights.push(await demo.evaluate(() => window.ltciMessages.filter((m) => m.data.type === "ltci:height").at(-1).data.height));
  }
  console.log(`  (iframe heights, empty / valid / invalid charge: ${heights.join(" / ")} px)`);
  eq(new Set(heights).size, 3, `three heights ${heights.join(" / ")}`);
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  ok(!/nothing about the person/.test(readme), "README: 'nothing about the person'");
  ok(/coarse form state/.test(readme), "README: says the height reveals coarse form state");
});

await check("the months ahead in the embeds: in <ltci-calculator> and the iframe, not under compact", async () => {
  await openDemo();
  await full("[data-part=plan] table.months").waitFor({ timeout: 15000 });
  eq(await side("[data-part=plan]").count(), 0, "compact: no plan");
  const frame = demo.frameLocator("iframe.ltci-embed");
  await frame.locator("[data-part=plan] table.months").waitFor({ timeout: 15000 });
  eq(await frame.locator("[data-part=plan] [data-out=planFund]").textContent(), ltci.plan(JC).totals.fund, "iframe: the plan's fund total");
  await demo.evaluate(() => document.getElementById("full").setAttribute("compact", ""));
  await full("[role=tablist]").waitFor({ state: "detached", timeout: 3000 });
  eq(await full("[data-part=plan]").count(), 0, "compact attribute: no plan");
  await demo.evaluate(() => document.getElementById("full").removeAttribute("compact"));
});

await check("embed.html?compact=1: benefits only (no tabs, no comparison, no plan, no print)", async () => {
  await open(demo, q({ ...JC, compact: "1" }).replace("?", "embed.html?"));
  eq(await demo.locator("[data-out=fund]").textContent(), "1050.00", "fund");
  eq(await demo.locator("[role=tablist], table.compare, [data-panel=contribution], [data-part=plan]").count(), 0, "hidden parts");
  eq(await demo.getByRole("button", { name: "打印" }).count(), 0, "print");
});

await check("axe (no serious/critical): embed demo (both custom elements and the iframe)", async () => {
  await openDemo();
  await demo.frameLocator("iframe.ltci-embed").locator("[data-out=fund]").waitFor({ timeout: 10000 });
  // No CSSOM preload: for a <link> in a shadow root axe copies the sheet into a <style>,
  // which the page's CSP rightly blocks (only the css-orientation-lock rule needs it).
  await axe("embed demo", demo, { preload: false });
});

await check("screenshot: embed demo at 375 px", async () => {
  await openDemo();
  await demo.frameLocator("iframe.ltci-embed").locator("[data-out=fund]").waitFor({ timeout: 10000 });
  await demo.waitForFunction(() => document.querySelector("iframe.ltci-embed").style.height, null, { timeout: 15000 });
  await demo.screenshot({ path: join(shots, "embed-demo-375.png"), fullPage: true });
});
await demo.close();

// ---------- the call-center view (?view=agent), by keyboard only ----------
const actx = await newContext({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
const agent = await actx.newPage();
agent.setDefaultTimeout(5000);
const focused = () => agent.evaluate(() => ({ key: document.activeElement.dataset.key || document.activeElement.dataset.act || document.activeElement.tagName, value: document.activeElement.value }));
/** Arrow keys on the focused select until it shows `value`. */
async function arrowTo(value) {
  const [now, want] = await agent.evaluate((v) => { const s = document.activeElement; return [s.selectedIndex, [...s.options].findIndex((o) => o.value === v)]; }, value);
  ok(want >= 0, `no option ${value}`);
  for (let i = 0; i < Math.abs(want - now); i++) await agent.keyboard.press(want > now ? "ArrowDown" : "ArrowUp");
  eq((await focused()).value, value, "select value");
}
async function tabTo(key, back = false) {
  await agent.keyboard.press(back ? "Shift+Tab" : "Tab");
  eq((await focused()).key, key, `${back ? "Shift+Tab" : "Tab"} reaches`);
}

await check("agent view by keyboard only: 晋城 employee severe home_visit 2024-02 → 1050.00 / 450.00, the script, the reference, rules version", async () => {
  await open(agent, "?view=agent");
  eq((await focused()).key, "city", "the city has the focus on load");
  await arrowTo("jincheng");
  await tabTo("SUMMARY"); // 我的城市不在列表中
  await tabTo("insurance"); await arrowTo("employee");
  await tabTo("grade"); await arrowTo("severe");
  await tabTo("careMode"); await arrowTo("home_visit");
  await tabTo("month");
  // Tab selected the month shown, so typing replaces it.
  await agent.keyboard.type("2024-02");
  eq((await focused()).value, "2024-02", "month typed");
  await tabTo("careMode", true);
  await tabTo("month");
  await expectFigures(agent, "1050.00", "450.00");
  const script = await agent.locator("[data-out=script]").textContent();
  ok(script.startsWith("按晋城市规定，您选择居家上门护理，2024年2月基金支付1050元，个人需自付450元"), `script: ${script}`);
  // script(query), then the months ahead in one sentence (from when, the total, what changes), then its closing words.
  const [head, tail] = ltci.script(JC).split("具体以"), p = ltci.plan(JC), y = (x) => x.replace(/\.00$/, "");
  eq(script, `${head}2024年2月到2025年1月这12个月中，有${p.eligibleMonths}个月可享受，基金支付合计${y(p.totals.fund)}元，个人自付合计${y(p.totals.selfPay)}元。具体以${tail}`, "script = script(query) + the months ahead");
  eq(await agent.locator(`${E} [data-out=reference]`).textContent(), ltci.estimate(JC).reference, "reference = estimate.reference");
  ok((await agent.locator(`${E} .ref`).textContent()).includes(cat.rulesVersion), "rules version named");
  ok(agent.url().includes("view=agent"), "the agent's URL keeps view=agent");
  const rules = await agent.locator(`${E} .policy [data-act=rules]`).getAttribute("href");
  eq(rules, "?view=rules&city=jincheng&month=2024-02", "the result's document links to its rules and figures");
  eq(await agent.locator("h1").textContent(), "长期护理保险待遇计算器 · 坐席视图", "heading");
});

await check("agent view: Alt+C and the copy button (Enter) put the script and the citizen link on the clipboard", async () => {
  const link = origin + "/" + q(JC);
  const text = await agent.locator("[data-out=script]").textContent();
  ok(text.includes("这12个月中"), "the months ahead in the script");
  const want = text + "\n" + link;
  await agent.keyboard.press("Alt+C");
  await agent.waitForFunction((w) => navigator.clipboard.readText().then((t) => t === w), want, { timeout: 3000 }).catch(() => {});
  eq(await agent.evaluate(() => navigator.clipboard.readText()), want, "clipboard after Alt+C");
  await agent.evaluate(() => navigator.clipboard.writeText(""));
  for (let i = 0; i < 15 && (await focused()).key !== "copy-script"; i++) await agent.keyboard.press("Tab");
  eq((await focused()).key, "copy-script", "Tab reaches the copy button");
  eq(await agent.locator("[data-act=copy-script]").getAttribute("aria-keyshortcuts"), "Alt+C", "aria-keyshortcuts");
  await agent.keyboard.press("Enter");
  await agent.locator(".extra [role=status]").filter({ hasText: "已复制话术和链接" }).waitFor({ timeout: 3000 });
  eq(await agent.evaluate(() => navigator.clipboard.readText()), want, "clipboard after Enter");
  ok(!link.includes("view=agent"), "citizen link");
  // The citizen opens the link: the normal page, the same answer and reference.
  const citizen = await actx.newPage();
  await open(citizen, q(JC));
  eq(await citizen.locator(".extra, .agent").count(), 0, "citizen page, not the agent view");
  eq(await citizen.locator(`${E} [data-out=reference]`).textContent(), ltci.estimate(JC).reference, "same reference");
  await expectFigures(citizen, "1050.00", "450.00");
  await citizen.close();
});

await check("agent view: the waiting case's script says from when benefits can start and the total over the months shown (按目前情况，您从2024年5月起可享受…；…这12个月中，有9个月可享受…)", async () => {
  await open(agent, q({ view: "agent", ...WAIT }));
  const script = await agent.locator("[data-out=script]").textContent();
  ok(script.startsWith(ltci.script(WAIT).split("具体以")[0]), `the script of the month: ${script}`);
  ok(script.includes("按目前情况，您从2024年5月起可享受长期护理保险待遇，当月基金支付1050元，个人自付450元。2024年2月到2025年1月这12个月中，有9个月可享受，基金支付合计9450元，个人自付合计4050元。具体以"), `the sentence: ${script}`);
  ok(!(await agent.locator("[data-out=script]").textContent()).includes("undefined"), "no undefined");
  await agent.locator(`${P} table.months`).waitFor({ timeout: 3000 });
});

await check("axe (no serious/critical): agent view, zh and en; screenshot at 1280 px", async () => {
  await open(agent, q({ view: "agent", ...JC, lang: "en" }));
  await axe("agent en", agent);
  await open(agent, q({ view: "agent", ...JC }));
  await axe("agent zh", agent);
  await agent.screenshot({ path: join(shots, "agent-1280.png"), fullPage: true });
});
await actx.close();

await check("nothing stored: no localStorage, sessionStorage or cookies", async () => {
  const s = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]);
  eq(JSON.stringify(s), JSON.stringify([0, 0, ""]), "storage");
});
await ctx.close();

// ---------- offline ----------
const sctx = await newContext({ serviceWorkers: "allow" });
const swPage = await sctx.newPage();
await check("service worker: registers, caches the page, and it computes with the server stopped", async () => {
  const p = swPage;
  await open(p, q(URL_CASES[0][1]));
  await p.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 10000 });
  const cached = await p.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).length))));
  eq(JSON.stringify(cached), "[23]", "one cache of 23 files (the page and its modules, the agent and rules views, the embeds, version.json)");
  await srv.close();
  await p.goto(origin + "/" + q(URL_CASES[3][1]));
  await p.waitForSelector(`${E} [data-out=fund]`, { timeout: 10000 });
  eq(await p.locator(`${E} [data-out=fund]`).textContent(), "1530.00", "fund offline");
  eq(await p.locator(`${E} [data-out=selfPay]`).textContent(), "720.00", "self-pay offline");
});
await check("service worker: an address with a #fragment is answered from the copy too, offline (Chromium keeps the fragment in request.url)", async () => {
  const p = swPage;
  await p.goto(origin + "/" + q(URL_CASES[0][1]) + "#result").catch(() => {});
  await p.waitForSelector(`${E} [data-out=fund]`, { timeout: 10000 });
  eq(await p.locator(`${E} [data-out=fund]`).textContent(), "1050.00", "fund offline, address with a fragment");
  eq(await p.evaluate(async () => (await fetch("version.json#x").catch(() => ({ ok: false }))).ok), true, "a fetch with a fragment, offline");
});
await sctx.close();

await check("only the page's own origin was requested", async () => { eq(foreign.join(" "), "", "foreign requests"); });
await check("no console errors, page errors or CSP violations", async () => { eq(errors.join(" | "), "", "errors"); });

await browser.close();
await srv.close().catch(() => {});
console.log(`\ne2e: ${((Date.now() - started) / 1000).toFixed(1)} s, screenshots in build/screenshots/`);
finish();
