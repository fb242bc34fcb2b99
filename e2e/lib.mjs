// What the browser scripts (clerk.mjs, shopper.mjs, tourist.mjs) share: the environment, the
// phone, the numbered steps, the checks of accessibility, layout and page problems, screenshots,
// and the run itself with CI's closing line.

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

// An environment variable that e2e/run sets; a script run by hand without it stops at once.
export function need(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set (e2e/run sets it)`);
    process.exit(2);
  }
  return value;
}

// The app under test, without a trailing slash so that paths can be appended.
export const BASE = need("BASE_URL").replace(/\/$/, "");
// Debian's Chromium: playwright-core brings no browser of its own.
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
// Where the screenshots go (e2e/run empties it first).
const SHOTS = process.env.SCREENSHOTS || join(dirname(fileURLToPath(import.meta.url)), "screenshots");
// The narrow phone every page must fit.
export const PHONE = { width: 375, height: 812 };

// Context options of a Vietnamese phone on Hanoi time; `extra` adds or overrides.
const phone = (extra = {}) => ({
  viewport: PHONE,
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: "vi-VN",
  timezoneId: "Asia/Ho_Chi_Minh",
  ...extra,
});

// A phone context whose waits give up after 15 s (not Playwright's 30), so a stuck step fails soon.
export async function phoneContext(browser, extra) {
  const context = await browser.newContext(phone(extra));
  context.setDefaultTimeout(15_000);
  return context;
}

let stepNo = 0;
// Runs one numbered step: prints "[n] title", then "ok" with its time; the number counts for CI's closing line.
export async function step(title, body) {
  stepNo += 1;
  const started = Date.now();
  console.log(`\n[${stepNo}] ${title}`);
  await body();
  console.log(`    ok (${Date.now() - started} ms)`);
}
// Prints what a step saw, under its title.
export const note = (text) => console.log(`    - ${text}`);

// Taps something that loads the next document and waits for it; returns the main response's status.
export async function follow(page, target) {
  const answered = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && r.status() < 300,
  );
  const loaded = page.waitForEvent("load");
  await target.tap();
  const response = await answered;
  await loaded;
  return response.status();
}

// Checks that distances shown as `texts` are nearest first; `metres` reads one in the page's language.
export function nonDecreasing(texts, what, metres) {
  const values = texts.map(metres);
  note(`${what}: ${texts.join(", ")}`);
  for (let i = 1; i < values.length; i += 1) {
    assert.ok(values[i] >= values[i - 1], `${what} nearest first: ${texts[i - 1]} then ${texts[i]}`);
  }
}

// "what scrolls sideways …" when the page is wider than the phone, else null.
export async function sideScroll(page, what) {
  const [width, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  note(`${what}: scrollWidth ${width} px, window ${inner} px`);
  return width <= Math.min(inner, PHONE.width) ? null : `${what} scrolls sideways at ${PHONE.width} px: scrollWidth ${width}`;
}

// Fails the step when the page scrolls sideways on the phone.
export async function noSideScroll(page, what) {
  const problem = await sideScroll(page, what);
  assert.ok(problem === null, problem);
}

// Runs axe-core (only `tags` rules if given), prints each violation and returns "what: [impact] rule, …" for those of `impacts` (all if not given), or null.
export async function axe(page, what, { tags, impacts } = {}) {
  const builder = new AxeBuilder({ page });
  const results = await (tags ? builder.withTags(tags) : builder).analyze();
  for (const v of results.violations) {
    note(`axe ${what}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s)) ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 3)) {
      console.log(`        ${n.target.join(" ")}: ${(n.failureSummary || "").replace(/\s*\n\s*/g, " ")}`);
      console.log(`          ${n.html.slice(0, 200)}`);
    }
  }
  note(`axe ${what}: ${results.passes.length} rules passed, ${results.violations.length} violated`);
  const counted = results.violations.filter((v) => !impacts || impacts.includes(v.impact));
  return counted.length ? `${what}: ${counted.map((v) => `[${v.impact}] ${v.id}`).join(", ")}` : null;
}

// Saves a screenshot of a page (the whole of it unless `fullPage` is false) or of one element.
export async function shot(target, name, fullPage = true) {
  const path = join(SHOTS, `${name}.png`);
  await target.screenshot(fullPage ? { path, fullPage } : { path });
  note(`screenshot ${path}`);
}

// Script errors, console errors (a CSP violation is one), failed loads and unexpected 4xx/5xx, for the last step.
const problems = [];

// Makes watch(page, label), which collects a page's problems; `expected(response, url)` names the error answers asked for on purpose.
export function watcher(expected) {
  return (page, label) => {
    page.on("pageerror", (e) => problems.push(`${label}: page error: ${e.message}`));
    // The browser's own "Failed to load resource" lines are judged by their responses below instead.
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
        problems.push(`${label}: console error: ${m.text()}`);
      }
    });
    page.on("requestfailed", (r) => problems.push(`${label}: ${r.method()} ${r.url()} failed: ${r.failure()?.errorText}`));
    page.on("response", (r) => {
      const url = new URL(r.url());
      // The browser's unasked /favicon.ico is expected too.
      const wanted = expected(r, url) || url.pathname === "/favicon.ico";
      if (r.status() >= 400 && !wanted) problems.push(`${label}: ${r.request().method()} ${url.pathname}${url.search} answered ${r.status()}`);
    });
    return page;
  };
}

// The last step of every script: no watched page had a problem.
export async function noPageProblems() {
  await step("no script errors, no CSP violations, no failed loads", async () => {
    for (const p of problems) note(p);
    assert.deepEqual(problems, []);
  });
}

let inView;
// Names the page to photograph if a step fails from now on.
export const photographOnFailure = (page) => {
  inView = page;
};

// Runs a script's steps in one headless Chromium up to the first failure (photographed as failureShot.png), then prints CI's closing line.
export async function run(label, failureShot, steps) {
  await mkdir(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  let failed = false;
  try {
    await steps(browser);
  } catch (error) {
    failed = true;
    console.error(`\nFAILED at step ${stepNo}: ${error.stack || error}`);
    if (inView && !inView.isClosed()) {
      const path = join(SHOTS, `${failureShot}.png`);
      await inView.screenshot({ path, fullPage: true }).catch(() => {});
      console.error(`page: ${inView.url()} (screenshot ${path})`);
    }
  } finally {
    await browser.close();
  }
  // The plain closing line CI reads: steps passed and failed.
  if (failed) {
    console.log(`\n${label}: ${stepNo - 1} passed, 1 failed`);
    process.exit(1);
  }
  console.log(`\n${label}: ${stepNo} passed, 0 failed`);
}
