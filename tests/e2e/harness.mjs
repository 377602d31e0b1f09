// What both end-to-end suites share: the named checks and their tally, the
// assertions, and how Debian's headless Chromium is started here.

/** Debian's Chromium, started as this machine needs (no sandbox as root; no
 *  background connections, which the closed network would refuse). */
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const tally = { passed: 0, failed: 0 };

/** Runs one named check; a thrown error fails it, and the suite goes on. */
export async function check(name, fn) {
  try {
    await fn();
    tally.passed++;
    console.log(`PASS ${name}`);
  } catch (e) {
    tally.failed++;
    console.log(`FAIL ${name}: ${String(e && e.message || e).split("\n").slice(0, 3).join(" | ")}`);
  }
}

export function eq(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function ok(cond, what) {
  if (!cond) throw new Error(what);
}

/** Polls `fn` in the page until it gives a truthy value (page.waitForFunction does
 *  not wait for a promise); false after `timeout` ms. */
export async function until(page, fn, arg, timeout = 10000) {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((go) => setTimeout(go, 100))) {
    if (await page.evaluate(fn, arg).catch(() => false)) return true;
  }
  return false;
}

/** Prints "N passed, N failed" and exits non-zero on any failure. */
export function finish() {
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed ? 1 : 0);
}
