// The clerk's stock-take in a real browser (Debian's Chromium) on a 375 px phone: sign in, filter,
// count with − / + and by typing, survive a reload, save, see the public page change, resolve a
// conflict between two tabs, count with scripts off, and check accessibility and layout.
//
// A plain Node script: prints each step, exits non-zero on the first failure.
// Env: BASE_URL, SITE_SLUG, CLERK_USER, CLERK_PASSWORD (e2e/run sets them);
//      CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (default e2e/screenshots).

import assert from "node:assert/strict";
import {
  BASE, axe, need, noPageProblems, noSideScroll, note, phoneContext, photographOnFailure, run, shot, step, watcher,
} from "./lib.mjs";

const SLUG = need("SITE_SLUG");
const USER = need("CLERK_USER");
const PASSWORD = need("CLERK_PASSWORD");
const STOCK = `/admin/sites/${SLUG}/stock`;

// The same folding as the app: no diacritics, đ → d, lowercase.
const fold = (text) =>
  text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();

// ---------------------------------------------------------------- helpers

async function publicStock() {
  const response = await fetch(`${BASE}/api/v1/sites/${SLUG}`);
  assert.equal(response.status, 200, `GET /api/v1/sites/${SLUG}`);
  const body = await response.json();
  return new Map(body.stock.map((s) => [s.product_slug, s]));
}

/** Every row of the stock-take form as the page shows it. */
async function formRows(page) {
  return page.locator("form#stocktake div.row").evaluateAll((rows) =>
    rows.map((row) => {
      const id = row.id.slice("row-".length);
      const label = row.querySelector("label.name");
      return {
        id,
        name: label ? label.firstChild.textContent.trim() : "",
        search: row.dataset.search,
        q: row.querySelector(`[name="q-${id}"]`).value,
        d: row.querySelector(`[name="d-${id}"]`).value,
        hidden: row.hidden,
      };
    }),
  );
}

const q = (page, id) => page.locator(`#q-${id}`);
const minus = (page, id) => page.locator(`#row-${id} button.step[data-step="-1"]`);
const plus = (page, id) => page.locator(`#row-${id} button.step[data-step="1"]`);
const saveButton = (page) => page.locator('form#stocktake button[name=action][value=save]');
const statusText = async (page) => (await page.locator("[role=status]:not([hidden])").allTextContents()).join(" | ");

/**
 * Taps a submit button and waits for the next document to load; returns the status of the POST
 * (303 for a redirect, 409 for a conflict, 200 for a page sent back).
 */
async function submit(page, button) {
  const loaded = page.waitForEvent("load");
  const posted = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.request().isNavigationRequest() && r.frame() === page.mainFrame(),
  );
  await button.tap();
  const response = await posted;
  await loaded;
  return response.status();
}

async function signIn(page) {
  await page.goto(`${BASE}/admin/login`);
  await page.locator("#username").fill(USER);
  await page.locator("#password").fill(PASSWORD);
  const loaded = page.waitForEvent("load");
  await page.getByRole("button", { name: "Đăng nhập" }).tap();
  await loaded;
  assert.equal(new URL(page.url()).pathname, "/admin", `signed in and sent to the dashboard (at ${page.url()})`);
}

// The clerk's pages fail on a serious or critical violation only; lesser ones are printed.
async function axeSerious(page, what) {
  const bad = await axe(page, what, { impacts: ["serious", "critical"] });
  assert.equal(bad, null, `axe found serious or critical violations on ${bad}`);
}

// Watches a page for problems; the 409 of a save that meets a conflict is asked for on purpose.
const watch = watcher((r) => r.status() === 409 && r.request().method() === "POST");

// ---------------------------------------------------------------- the run

await run("e2e", "failure", async (browser) => {
  const context = await phoneContext(browser);
  const page = watch(await context.newPage(), "tab A");
  photographOnFailure(page);

  // What the public sees before anything is counted.
  const before = await publicStock();
  const slugByName = new Map();
  for (const s of before.values()) {
    assert.ok(!slugByName.has(s.product), `two products named ${s.product} on ${SLUG}`);
    slugByName.set(s.product, s.product_slug);
  }

  await step("login page: screenshot and accessibility", async () => {
    await page.goto(`${BASE}/admin/login`);
    await page.locator("#username").waitFor();
    await noSideScroll(page, "login page");
    await shot(page, "login");
    await axeSerious(page, "the login page");
  });

  let rows; // the form as first seen
  let row1, row2, row3;

  await step("a. sign in as the clerk and follow the stock link from the dashboard", async () => {
    await signIn(page);
    const link = page.locator(`a[href="${STOCK}"]`);
    assert.equal(await link.count(), 1, `one stock link for ${SLUG} on the dashboard`);
    note(`dashboard link: ${(await link.textContent()).trim()}`);
    await shot(page, "dashboard");
    const loaded = page.waitForEvent("load");
    await link.tap();
    await loaded;
    assert.equal(new URL(page.url()).pathname, STOCK);
    rows = await formRows(page);
    note(`${rows.length} rows on the form`);
    assert.ok(rows.length >= 4, "the demo site has at least four products to count");
    await noSideScroll(page, "stock page");
    // Row 1 goes down by two, row 2 up by one, row 3 is typed to 0: pick rows that are public
    // and whose counts allow it.
    const publicRows = rows.filter((r) => slugByName.has(r.name));
    row1 = publicRows.find((r) => Number(r.q) >= 2);
    row2 = publicRows.find((r) => r !== row1);
    row3 = publicRows.find((r) => r !== row1 && r !== row2 && Number(r.q) > 0);
    assert.ok(row1 && row2 && row3, "three public rows to count (one with at least 2, one above 0)");
    for (const [n, r] of [[1, row1], [2, row2], [3, row3]]) note(`row ${n}: #${r.id} ${r.name} = ${r.q}`);
  });

  await step("b. the filter hides other rows as the clerk types", async () => {
    // The word of row 1's name that the fewest other rows share (typed with its diacritics).
    const words = row1.name.split(/\s+/).filter((w) => fold(w).replace(/[^a-z0-9]/g, "").length >= 3);
    const matching = (w) => rows.filter((r) => r.search.includes(fold(w).replace(/[^a-z0-9]/g, ""))).length;
    const word = words.sort((a, b) => matching(a) - matching(b))[0].replace(/[^\p{L}\p{N}]/gu, "");
    note(`typing "${word}" (${matching(word)} of ${rows.length} rows match)`);
    assert.ok(matching(word) < rows.length, "the word leaves some rows out");
    await page.locator("#filter").tap();
    await page.locator("#filter").pressSequentially(word, { delay: 20 });
    const after = await formRows(page);
    const shown = after.filter((r) => !r.hidden);
    const hidden = after.filter((r) => r.hidden);
    note(`${shown.length} shown, ${hidden.length} hidden`);
    assert.ok(await page.locator(`#row-${row1.id}`).isVisible(), "the typed row stays visible");
    assert.ok(hidden.length > 0, "other rows are hidden");
    assert.ok(await page.locator(`#row-${hidden[0].id}`).isHidden(), "a hidden row is not shown");
    const folded = fold(word);
    for (const r of shown) assert.ok(r.search.includes(folded), `shown row ${r.name} matches "${word}"`);
    for (const r of hidden) assert.ok(!r.search.includes(folded), `hidden row ${r.name} does not match "${word}"`);
    assert.equal(new URL(page.url()).pathname, STOCK, "filtering did not leave the page");
    await page.locator("#filter").fill("");
    const cleared = await formRows(page);
    assert.equal(cleared.filter((r) => r.hidden).length, 0, "clearing the filter shows every row again");
  });

  await step("c. − twice on row 1, + once on row 2, type 0 into row 3 (in place, nothing sent)", async () => {
    let navigations = 0;
    const count = (frame) => { if (frame === page.mainFrame()) navigations += 1; };
    page.on("framenavigated", count);
    let posts = 0;
    const countPosts = (request) => { if (request.method() === "POST") posts += 1; };
    page.on("request", countPosts);

    await minus(page, row1.id).tap();
    await minus(page, row1.id).tap();
    await plus(page, row2.id).tap();
    await q(page, row3.id).tap();
    await q(page, row3.id).fill("");
    await q(page, row3.id).pressSequentially("0");

    const now = await formRows(page);
    const get = (id) => now.find((r) => r.id === id);
    assert.equal(get(row1.id).q, String(Number(row1.q) - 2), "row 1 count went down by two");
    assert.equal(get(row1.id).d, "-2", "row 1 button total");
    assert.equal(get(row2.id).q, String(Number(row2.q) + 1), "row 2 count went up by one");
    assert.equal(get(row2.id).d, "1", "row 2 button total");
    assert.equal(get(row3.id).q, "0", "row 3 typed");
    page.off("framenavigated", count);
    page.off("request", countPosts);
    assert.equal(navigations, 0, "− / + did not reload the page");
    assert.equal(posts, 0, "nothing was sent");
  });

  await step("d. a reload before saving restores the three counts", async () => {
    assert.ok(await page.locator("#restored").isHidden(), "no restored notice before the reload");
    await page.reload();
    await page.locator(`#q-${row1.id}`).waitFor();
    assert.equal(await q(page, row1.id).inputValue(), String(Number(row1.q) - 2), "row 1 restored");
    assert.equal(await q(page, row2.id).inputValue(), String(Number(row2.q) + 1), "row 2 restored");
    assert.equal(await q(page, row3.id).inputValue(), "0", "row 3 restored");
    assert.equal(await page.locator(`[name="d-${row1.id}"]`).inputValue(), "-2", "row 1 button total restored");
    assert.ok(await page.locator("#restored").isVisible(), "#restored notice shown");
    note(`notice: ${(await page.locator("#restored").textContent()).trim()}`);
  });

  await step("e. save: three rows", async () => {
    const status = await submit(page, saveButton(page));
    assert.equal(status, 303, "save redirects");
    const url = new URL(page.url());
    assert.equal(url.pathname + url.search, `${STOCK}?saved=3`);
    const text = await statusText(page);
    note(`status: ${text}`);
    assert.match(text, /Đã lưu 3 dòng/);
    assert.equal(await q(page, row1.id).inputValue(), String(Number(row1.q) - 2), "row 1 saved");
    assert.equal(await q(page, row2.id).inputValue(), String(Number(row2.q) + 1), "row 2 saved");
    assert.equal(await q(page, row3.id).inputValue(), "0", "row 3 saved");
    assert.ok(await page.locator("#restored").isHidden(), "nothing left to restore after saving");
    await noSideScroll(page, "stock page after saving");
    await shot(page, "stock");
    await axeSerious(page, "the stock page");
  });

  await step("f. the public showroom page shows the new counts", async () => {
    const expected = (n) => (n === 0 ? "out_of_stock" : n <= 2 ? "limited" : "in_stock");
    const showroom = watch(await context.newPage(), "showroom");
    photographOnFailure(showroom);
    const response = await showroom.goto(`${BASE}/showrooms/${SLUG}`);
    assert.equal(response.status(), 200);
    for (const [n, r, quantity] of [
      [1, row1, Number(row1.q) - 2],
      [2, row2, Number(row2.q) + 1],
      [3, row3, 0],
    ]) {
      const slug = slugByName.get(r.name);
      const tr = showroom.locator(`tr[data-status]:has(a[href="/products/${slug}"])`);
      assert.equal(await tr.count(), 1, `row ${n} (${slug}) on the showroom page`);
      const status = await tr.getAttribute("data-status");
      note(`row ${n} ${slug}: ${quantity} → ${status}`);
      assert.equal(status, expected(quantity), `row ${n} status for ${quantity}`);
    }
    const api = await publicStock();
    assert.equal(api.get(slugByName.get(row3.name)).quantity, 0, "the API has row 3 at 0");
    await showroom.close();
    photographOnFailure(page);
  });

  let conflictRow;
  await step("g. a conflict between two tabs: B saves 5, A saves 9, A keeps its own", async () => {
    conflictRow = rows.find((r) => r !== row1 && r !== row2 && r !== row3 && slugByName.has(r.name));
    assert.ok(conflictRow, "a fourth public row");
    const id = conflictRow.id;
    note(`row #${id} ${conflictRow.name}`);
    const tabA = page;
    const tabB = watch(await context.newPage(), "tab B");
    await tabA.goto(`${BASE}${STOCK}`);
    await tabB.goto(`${BASE}${STOCK}`);

    photographOnFailure(tabB);
    await q(tabB, id).fill("5");
    assert.equal(await submit(tabB, saveButton(tabB)), 303, "tab B saves");
    assert.match(await statusText(tabB), /Đã lưu 1 dòng/);
    assert.equal(await q(tabB, id).inputValue(), "5");

    photographOnFailure(tabA);
    await q(tabA, id).fill("9");
    assert.equal(await submit(tabA, saveButton(tabA)), 409, "tab A's save conflicts");
    const row = tabA.locator(`#row-${id}`);
    assert.equal((await row.locator(".mine").textContent()).trim(), "9", "mine");
    assert.equal((await row.locator(".theirs").textContent()).trim(), "5", "theirs");
    assert.ok(await row.locator(`input[name="keep-${id}"][value=theirs]`).isChecked(), "theirs is the default");
    assert.ok(!(await row.locator(`input[name="keep-${id}"][value=mine]`).isChecked()));
    const alert = (await tabA.locator("[role=alert]").allTextContents()).join(" | ");
    assert.match(alert, /người khác sửa/, "the conflict is announced as a problem");
    assert.equal(await q(tabA, id).inputValue(), "5", "the field shows the count that is kept unless mine is chosen");
    note(`alert: ${alert}`);
    await noSideScroll(tabA, "conflict page");
    await shot(tabA, "conflict");

    await row.locator(`input[name="keep-${id}"][value=mine]`).tap();
    assert.ok(await row.locator(`input[name="keep-${id}"][value=mine]`).isChecked(), "mine chosen");
    assert.equal(await submit(tabA, saveButton(tabA)), 303, "saving mine");
    assert.match(await statusText(tabA), /Đã lưu 1 dòng/);
    assert.equal(await q(tabA, id).inputValue(), "9", "the form shows 9");
    assert.equal((await publicStock()).get(slugByName.get(conflictRow.name)).quantity, 9, "the API has 9");
    await tabB.close();
  });

  await step("h. scripts off: − sends the form and comes back one lower, nothing saved", async () => {
    const noJs = await phoneContext(browser, { javaScriptEnabled: false });
    const p = watch(await noJs.newPage(), "no-JS");
    photographOnFailure(p);
    await signIn(p);
    await p.goto(`${BASE}${STOCK}`);
    const id = conflictRow.id;
    const was = Number(await q(p, id).inputValue());
    assert.equal(was, 9);
    assert.equal(await submit(p, minus(p, id)), 200, "the form comes back");
    assert.equal(new URL(p.url()).pathname, STOCK);
    assert.equal(await q(p, id).inputValue(), String(was - 1), "count one lower");
    assert.equal(await p.locator(`[name="d-${id}"]`).inputValue(), "-1", "button total -1");
    const text = await statusText(p);
    note(`status: ${text}`);
    assert.match(text, /Chưa lưu/);
    await noSideScroll(p, "stock page without scripts");
    const api = (await publicStock()).get(slugByName.get(conflictRow.name));
    assert.equal(api.quantity, was, "the public API still has the old count");
    await p.goto(`${BASE}${STOCK}`);
    assert.equal(await q(p, id).inputValue(), String(was), "a fresh form still has the old count");
    await noJs.close();
    photographOnFailure(page);
  });

  await noPageProblems();

  await context.close();
});
