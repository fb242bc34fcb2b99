// The shopper's "near me" in a real browser (Debian's Chromium) on a 375 px phone: a mocked
// position, the nearest showrooms, 4★ herbal in stock and open now, a showroom and its
// directions, the map's pins by keyboard, a refused position, the same by forms with scripts off,
// a bad query, a remembered place on a product page, and accessibility and layout of each page.
//
// A plain Node script: prints each step, exits non-zero on the first failure.
// Env: BASE_URL (e2e/run sets it); CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (default e2e/screenshots).

import assert from "node:assert/strict";
import {
  BASE, PHONE, axe, follow, noPageProblems, noSideScroll, nonDecreasing, note, phoneContext, photographOnFailure, run, shot,
  step, watcher,
} from "./lib.mjs";

const HERE = { latitude: 21.0287, longitude: 105.8524 }; // Hồ Gươm
const HERE_PARAM = "21.02870,105.85240";

// ---------------------------------------------------------------- helpers

const rows = (page) => page.locator("ol.near-results > li");
const heading = async (page) => (await page.locator(".near-heading").textContent()).trim();
const fromForm = (page) => page.locator("form:has(select[name=from])");
const typedForm = (page) => page.locator("form:has(input[name=at])");

/** A Vietnamese distance, "80 m", "1,2 km", "1.235 km" → metres. */
function metres(text) {
  const m = text.trim().match(/^([\d.,]+)\s*(m|km)$/);
  assert.ok(m, `a distance: "${text}"`);
  const unit = m[2] === "km" ? 1000 : 1;
  const number = m[2] === "km" ? m[1].replace(/\./g, "").replace(",", ".") : m[1];
  return Number(number) * unit;
}

// Watches a page for problems; the 400 of the bad latitude is asked for on purpose.
const watch = watcher((r, url) => r.status() === 400 && url.searchParams.get("lat") === "91");

// ---------------------------------------------------------------- the run

await run("e2e shopper", "shopper-failure", async (browser) => {
  const context = await phoneContext(browser, { geolocation: HERE, permissions: ["geolocation"] });
  const page = watch(await context.newPage(), "located");
  photographOnFailure(page);
  let nearUrl; // the unfiltered answer for the mocked position
  let firstShowroom; // the path of the first row's showroom

  await step("geolocation granted: “use my location” opens the nearest showrooms", async () => {
    await page.goto(`${BASE}/near`);
    const button = page.locator("#use-location");
    await button.waitFor({ state: "visible" });
    note(`button: ${(await button.textContent()).trim()}`);
    await button.tap();
    await page.waitForURL((u) => u.pathname === "/near" && u.searchParams.get("lat") === "21.02870");
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("lon"), "105.85240", `lon with 5 decimals (at ${page.url()})`);
    nearUrl = page.url();
    assert.equal(await rows(page).count(), 10, "ten rows");
    const h = await heading(page);
    note(`heading: ${h}`);
    assert.match(h, /Hoàn Kiếm/);
    nonDecreasing(await page.locator("ol.near-results .distance").allTextContents(), "distances", metres);
  });

  await step("filters: 4★ herbal, in stock, open now", async () => {
    await page.locator("details.near-filters > summary").tap();
    const form = page.locator("#near-filters");
    await form.locator("select[name=category]").selectOption("herbal");
    await form.locator("select[name=stars]").selectOption("4");
    await form.locator("input[name=in_stock]").check();
    await form.locator("input[name=open]").check();
    assert.equal(await follow(page, form.locator("button[type=submit]")), 200);
    const url = new URL(page.url());
    const expected = { lat: "21.02870", lon: "105.85240", category: "herbal", stars: "4", in_stock: "1", open: "1" };
    for (const [k, v] of Object.entries(expected)) assert.equal(url.searchParams.get(k), v, `${k}=${v} in ${page.url()}`);
    const summary = (await page.locator("details.near-filters > summary").textContent()).trim();
    note(`summary: ${summary}`);
    assert.match(summary, /Thảo dược/);
    const n = await rows(page).count();
    if (n === 0) {
      assert.match(await page.locator("body").textContent(), /Không có điểm bán nào khớp/);
      note("no row: every matching showroom is closed at this hour; the row checks are skipped");
      return;
    }
    note(`${n} row(s)`);
    for (let i = 0; i < n; i += 1) {
      const row = rows(page).nth(i);
      assert.ok((await row.locator(".near-products a[href*='#product-']").count()) > 0, `row ${i + 1} lists its products`);
      const state = await row.locator(".open-state").getAttribute("class");
      assert.ok(/\b(open|unknown)\b/.test(state) && !/\bclosed\b/.test(state), `row ${i + 1} open or unknown, not "${state}"`);
    }
    nonDecreasing(await page.locator("ol.near-results .distance").allTextContents(), "distances", metres);
  });

  await step("a showroom row: directions from here, then the showroom page", async () => {
    if ((await rows(page).count()) === 0) await page.goto(nearUrl);
    const row = rows(page).first();
    const google = row.locator('a[href^="https://www.google.com/maps/dir/"]');
    assert.equal(await google.count(), 1, "one Google Maps directions link on the first row");
    const href = new URL(await google.getAttribute("href"));
    note(`directions: ${href}`);
    assert.equal(href.searchParams.get("origin"), HERE_PARAM, "from the mocked position");
    assert.match(href.searchParams.get("destination") || "", /^\d+\.\d+,\d+\.\d+$/, "to the showroom");
    assert.equal(await follow(page, row.locator("h3 a")), 200);
    const showroom = new URL(page.url()).pathname;
    assert.match(showroom, /^\/showrooms\/[^/]+$/);
    firstShowroom = showroom;
    note(`showroom ${showroom}: ${(await page.locator("h1").textContent()).trim()}`);
    if ((await page.locator(".warning[role=note]").count()) > 0) {
      note(`closed: ${(await page.locator(".warning[role=note]").textContent()).trim()}`);
    } else {
      assert.equal(await page.locator(".open-now").count(), 1, ".open-now at the top");
      note(`now: ${(await page.locator(".open-now").textContent()).trim()}`);
      assert.ok((await page.locator('.actions a[href^="https://www.google.com/maps/dir/"]').count()) > 0, "directions");
    }
  });

  await step("the map: one numbered pin per row, reachable by keyboard", async () => {
    await page.goto(nearUrl);
    const map = page.locator("svg[data-map]");
    assert.equal(await map.count(), 1, "a map");
    const labels = await map.locator("a").evaluateAll((pins) => pins.map((a) => a.getAttribute("aria-label") || ""));
    assert.equal(labels.length, await rows(page).count(), "as many pins as rows");
    for (const l of labels) assert.match(l, /^\d+\. /, `a pin's label starts with its number: "${l}"`);
    // Tab from the last link of the list: the next stop is a pin.
    await page.locator("ol.near-results a").last().focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      return { svg: e?.namespaceURI === "http://www.w3.org/2000/svg" && e.localName === "a", inMap: !!e?.closest("svg[data-map]"), label: e?.getAttribute("aria-label") };
    });
    note(`Tab → ${focused.label}`);
    assert.ok(focused.svg && focused.inMap, "Tab after the list reaches an SVG pin of the map");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.hash.startsWith("#site-"));
    const target = await page.evaluate(() => document.querySelector(":target")?.id);
    note(`Enter → #${target}`);
    assert.equal(`#${target}`, new URL(page.url()).hash, "the pin leads to its row");
    await shot(map, "shopper-map", false);
  });

  await step("geolocation denied: a message, and the place pickers still work", async () => {
    const denied = await phoneContext(browser, { permissions: [] });
    const p = watch(await denied.newPage(), "denied");
    photographOnFailure(p);
    await p.goto(`${BASE}/near`);
    await p.locator("#use-location").tap();
    const status = p.locator("#location-status");
    await p.waitForFunction(() => /Không lấy được vị trí/.test(document.getElementById("location-status")?.textContent || ""));
    note(`status: ${(await status.textContent()).trim()}`);
    assert.equal(await p.evaluate(() => document.activeElement?.id), "choose", "focus moves to the pickers");
    await shot(p, "shopper-denied");
    await fromForm(p).locator("select[name=from]").selectOption("place:ho-guom");
    assert.equal(await follow(p, fromForm(p).locator("button[type=submit]")), 200);
    assert.ok((await rows(p).count()) > 0, "results from Hồ Gươm");
    note(`${await rows(p).count()} rows; heading: ${await heading(p)}`);
    await denied.close();
    photographOnFailure(page);
  });

  await step("scripts off: the same by forms (chosen place, typed place, filters)", async () => {
    const noJs = await phoneContext(browser, { javaScriptEnabled: false });
    const p = watch(await noJs.newPage(), "no-JS");
    photographOnFailure(p);
    await p.goto(`${BASE}/near`);
    assert.ok(await p.locator("#use-location").isHidden(), "no location button without scripts");
    await fromForm(p).locator("select[name=from]").selectOption("district:gia-lam");
    assert.equal(await follow(p, fromForm(p).locator("button[type=submit]")), 200);
    assert.ok((await rows(p).count()) > 0, "results from Gia Lâm");
    assert.match(await heading(p), /Gia Lâm/);
    await typedForm(p).locator("input[name=at]").fill("bat trang");
    assert.equal(await follow(p, typedForm(p).locator("button[type=submit]")), 200);
    assert.ok((await rows(p).count()) > 0, "results from Bát Tràng");
    assert.match(await heading(p), /Bát Tràng/);
    await p.locator("details.near-filters > summary").tap();
    await p.locator("#near-filters select[name=category]").selectOption("handicrafts");
    assert.equal(await follow(p, p.locator("#near-filters button[type=submit]")), 200);
    const url = new URL(p.url());
    assert.equal(url.searchParams.get("category"), "handicrafts");
    assert.equal(url.searchParams.get("at"), "bat trang", "the typed place is kept");
    const h = await heading(p);
    note(`${await rows(p).count()} rows; heading: ${h}`);
    assert.match(h, /Bát Tràng/);
    await noSideScroll(p, "near page without scripts");
    await shot(p, "shopper-no-js");
    await noJs.close();
    photographOnFailure(page);
  });

  await step("a bad latitude answers 400 with the problem, and the page still works", async () => {
    const response = await page.goto(`${BASE}/near?lat=91&lon=105`);
    assert.equal(response.status(), 400);
    const problem = (await page.locator(".problem").textContent()).trim();
    note(`problem: ${problem}`);
    assert.match(problem, /Vĩ độ/);
    await fromForm(page).locator("select[name=from]").selectOption("place:ho-guom");
    assert.equal(await follow(page, fromForm(page).locator("button[type=submit]")), 200);
    assert.ok((await rows(page).count()) > 0, "results after the bad query");
  });

  let productSlug;
  await step("remember the place: product outlets sorted by distance, the shelf row targeted", async () => {
    await page.goto(nearUrl);
    const remember = page.locator('form[action="/place"]').filter({ has: page.locator("button", { hasText: "Ghi nhớ" }) });
    assert.equal(await follow(page, remember.locator("button")), 200);
    const url = new URL(page.url());
    assert.equal(url.pathname, "/near");
    assert.equal(`${url.searchParams.get("lat")},${url.searchParams.get("lon")}`, HERE_PARAM, `back at the place (${page.url()})`);
    const link = await rows(page).first().locator(".near-products a[href*='#product-']").first().getAttribute("href");
    productSlug = link?.split("#product-")[1];
    assert.ok(productSlug, `a product on the first row (${link})`);
    await page.goto(`${BASE}/products/${productSlug}`);
    note(`product ${productSlug}: ${(await page.locator("h1").textContent()).trim()}`);
    const cells = await page.locator("table.outlets td.distance").allTextContents();
    assert.ok(cells.length > 0, "distances on the outlets");
    nonDecreasing(cells, "outlets", metres);
    assert.equal(await follow(page, page.locator("a.shelf-link").first()), 200);
    assert.equal(await page.locator(`tr#product-${productSlug}`).count(), 1, "the product's row on the shelf");
    assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), `product-${productSlug}`, "the row is the :target");
    note(`${new URL(page.url()).pathname}${new URL(page.url()).hash} is the target`);
  });

  await step("accessibility: every page type, the map included", async () => {
    const plain = await phoneContext(browser);
    const fresh = watch(await plain.newPage(), "axe");
    photographOnFailure(fresh);
    await fresh.goto(`${BASE}/near`);
    const failures = [await axe(fresh, "/near without a place")];
    await plain.close();
    photographOnFailure(page);
    for (const [what, path] of [
      ["/near with results and map", new URL(nearUrl).pathname + new URL(nearUrl).search],
      ["a showroom page", firstShowroom],
      ["a product page", `/products/${productSlug}`],
      ["/showrooms", "/showrooms"],
      ["/products", "/products"],
      ["/districts/gia-lam", "/districts/gia-lam"],
      ["the 400 page", "/near?lat=91&lon=105"],
    ]) {
      await page.goto(`${BASE}${path}`);
      failures.push(await axe(page, what));
    }
    assert.deepEqual(failures.filter(Boolean), [], "axe found violations");
  });

  await step("layout on the phone: no sideways scroll, first result within 1.5 screens", async () => {
    await page.goto(nearUrl);
    await noSideScroll(page, "near results");
    const top = await rows(page).first().evaluate((li) => li.getBoundingClientRect().top + window.scrollY);
    note(`first row at y = ${Math.round(top)} px (limit ${PHONE.height * 1.5})`);
    assert.ok(top <= PHONE.height * 1.5, `the first row starts within 1.5 screens, not at ${top} px`);
    await shot(page, "shopper-near");
  });

  await noPageProblems();

  await context.close();
});
