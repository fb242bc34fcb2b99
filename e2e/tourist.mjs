// The tourist's flow in English in a real browser (Debian's Chromium) on a 375 px phone: an
// English browser offered the English page on the Vietnamese home (never redirected), Hồ Gươm
// remembered as the base, the craft villages, Làng Bát Tràng, its first product, the nearest
// showroom that stocks it and the product's row on its shelf, the language switch back to
// Vietnamese, a search for "tea", and accessibility (axe's WCAG 2.0–2.2 A/AA rules, no violation
// of any impact), languages and layout of every page type in both languages.
//
// A plain Node script: prints each step, exits non-zero on the first failure.
// Env: BASE_URL (e2e/run sets it); CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (default e2e/screenshots).

import assert from "node:assert/strict";
import {
  BASE, PHONE, axe, follow, noPageProblems, nonDecreasing, note, phoneContext, photographOnFailure, run, shot, sideScroll,
  step, watcher,
} from "./lib.mjs";

const HO_GUOM = "21.02870,105.85240";
const VILLAGE = "Làng Bát Tràng";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const STOCKED = ["in_stock", "limited"];

// ---------------------------------------------------------------- helpers

const lang = (page) => page.locator("html").getAttribute("lang");
const text = async (locator) => (await locator.textContent()).trim();
const here = (page) => new URL(page.url());
/** The same page in the other language: "/en/x" ↔ "/x", "/en/" ↔ "/". */
const otherPath = (path) => (path.startsWith("/en/") ? path.slice(3) : path === "/" ? "/en/" : `/en${path}`);

/** An English distance, "80 m", "1.2 km", "1,234.5 km" → metres. */
function metres(value) {
  const m = value.trim().match(/^([\d.,]+)\s*(m|km)$/);
  assert.ok(m, `a distance: "${value}"`);
  return Number(m[1].replace(/,/g, "")) * (m[2] === "km" ? 1000 : 1);
}

/**
 * The page's languages: <html lang>, the switch to the same page (and query) in the other
 * language, both hreflang alternates, and on a Vietnamese page the offer of the English one for
 * this English browser (none on an English page). An error page offers nothing: there is no page
 * to be "available in English". Returns the problems found.
 */
async function languages(page, what, expected, offered = true) {
  const url = here(page);
  const other = otherPath(url.pathname);
  const found = [];
  const sameQuery = (href) => {
    const u = new URL(href, BASE);
    return u.pathname === other && u.searchParams.toString() === url.searchParams.toString();
  };
  const l = await lang(page);
  if (l !== expected) found.push(`${what}: <html lang="${l}">, not "${expected}"`);
  const switchTo = expected === "en" ? "vi" : "en";
  const switches = await page.locator(`nav.languages a[hreflang=${switchTo}]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  if (switches.length !== 1 || !sameQuery(switches[0])) {
    found.push(`${what}: nav.languages a[hreflang=${switchTo}] is ${JSON.stringify(switches)}, not ${other}${url.search}`);
  }
  for (const hreflang of ["vi", "en"]) {
    const hrefs = await page.locator(`link[rel=alternate][hreflang=${hreflang}]`).evaluateAll((ls) => ls.map((x) => x.href));
    const wanted = hreflang === expected ? url.pathname : other;
    const ok = hrefs.length === 1 && new URL(hrefs[0]).pathname === wanted;
    if (!ok) found.push(`${what}: link[rel=alternate][hreflang=${hreflang}] is ${JSON.stringify(hrefs)}, not ${wanted}`);
  }
  const offers = await page.locator("p.language-offer a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  if (expected === "vi" && offered && (offers.length !== 1 || !sameQuery(offers[0]))) {
    found.push(`${what}: p.language-offer a is ${JSON.stringify(offers)}, not ${other}${url.search}`);
  }
  if (expected === "en" && offers.length !== 0) found.push(`${what}: an English page offers ${JSON.stringify(offers)}`);
  return found;
}

// The pages asked for on purpose that must answer 404.
const MISSING = ["/khong-co-trang-nay", "/en/no-such-page"];
// Watches a page for problems; the 404 of a MISSING page is asked for on purpose.
const watch = watcher((r, url) => r.status() === 404 && MISSING.includes(url.pathname));

// ---------------------------------------------------------------- the run

await run("e2e tourist", "tourist-failure", async (browser) => {
  const context = await phoneContext(browser, { locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });
  const page = watch(await context.newPage(), "tourist");
  photographOnFailure(page);

  await step("an English browser on the Vietnamese home: offered the English page, not redirected", async () => {
    const response = await page.goto(`${BASE}/`);
    assert.equal(response.status(), 200, "the Vietnamese home answers 200");
    assert.equal(response.request().redirectedFrom(), null, "no redirect on the way");
    assert.equal(here(page).pathname, "/", `still on / (at ${page.url()})`);
    assert.equal(await lang(page), "vi");
    const vary = response.headers()["vary"] || "";
    note(`Vary: ${vary}`);
    assert.match(vary, /accept-language/i, "the answer varies by Accept-Language");
    const offer = page.locator("p.language-offer a");
    assert.equal(await offer.count(), 1, "one offer of the English page");
    assert.ok(await offer.isVisible(), "the offer is shown");
    note(`offer: ${await text(offer)} → ${await offer.getAttribute("href")}`);
    assert.equal(await offer.getAttribute("href"), "/en/");
    assert.equal(await offer.getAttribute("lang"), "en", "the offer is marked as English");
    const lines = await offer.evaluate((a) => a.getClientRects().length);
    assert.equal(lines, 1, `the offer fits on one line at ${PHONE.width} px, not ${lines}`);
    await shot(page, "tourist-offer", false);
    assert.equal(await follow(page, offer), 200);
    assert.equal(here(page).pathname, "/en/");
    assert.equal(await lang(page), "en");
    assert.equal(await page.locator("p.language-offer").count(), 0, "the English page offers nothing more");
    note(`h1: ${await text(page.locator("h1"))}`);
  });

  await step("the tourist's base: Hồ Gươm remembered, so lists are sorted by distance from it", async () => {
    await page.goto(`${BASE}/en/near?from=place:ho-guom`);
    assert.equal(await lang(page), "en");
    const remember = page.locator('form[action="/en/place"]');
    assert.equal(await remember.count(), 1, "one form to remember the place");
    assert.equal(await remember.locator("input[name=point]").inputValue(), HO_GUOM);
    note(`button: ${await text(remember.locator("button"))}`);
    assert.equal(await follow(page, remember.locator("button")), 200);
    const url = here(page);
    assert.equal(url.pathname, "/en/near", `back on the English near page (at ${page.url()})`);
    assert.equal(`${url.searchParams.get("lat")},${url.searchParams.get("lon")}`, HO_GUOM);
  });

  let villagePath;
  await step(`/en/villages → “${VILLAGE}”`, async () => {
    await page.goto(`${BASE}/en/villages`);
    assert.equal(await lang(page), "en");
    note(`h1: ${await text(page.locator("h1"))}`);
    assert.match(await text(page.locator("h1")), /craft villages/i);
    const cards = page.locator("li.card h3 a");
    note(`${await cards.count()} village cards`);
    assert.ok((await cards.count()) > 0, "village cards");
    const link = cards.filter({ hasText: new RegExp(`^\\s*${VILLAGE}\\s*$`) });
    assert.equal(await link.count(), 1, `one card for ${VILLAGE}`);
    await shot(page, "tourist-villages");
    assert.equal(await follow(page, link), 200);
    villagePath = here(page).pathname;
    assert.match(villagePath, /^\/en\/villages\/[^/]+$/);
    note(`village ${villagePath}`);
  });

  let productPath;
  let productName;
  await step("the village page in English: its products, where to buy, a day trip", async () => {
    assert.equal(await lang(page), "en");
    assert.equal(await text(page.locator("h1")), VILLAGE);
    const h2s = (await page.locator("main h2").allTextContents()).map((t) => t.trim());
    note(`h2: ${h2s.join(" | ")}`);
    for (const h of ["Where", "The village's OCOP products", "Where to buy", "Day trip"]) {
      assert.ok(h2s.includes(h), `an English heading "${h}"`);
    }
    const products = page.locator("section[aria-labelledby=village-products] li.card h3 a");
    note(`${await products.count()} products shown`);
    assert.ok((await products.count()) > 0, "at least one product");
    for (const href of await products.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      assert.match(href, /^\/en\/products\/[^/#?]+$/, "product links stay in English");
    }
    const buy = page.locator("section[aria-labelledby=village-buy] ol.near-results > li");
    assert.ok((await buy.count()) > 0, "showrooms that stock the village's products");
    nonDecreasing(await buy.locator(".distance").allTextContents(), "where to buy, from the village", metres);
    const firstBuy = buy.first().locator("h3 a");
    assert.match(await firstBuy.getAttribute("href"), /^\/en\/showrooms\/[^/#?]+$/);
    note(`nearest to the village: ${await text(firstBuy)}`);
    assert.ok((await page.locator("section[aria-labelledby=day-trip] a[href^='/en/']").count()) > 0, "a day trip with links");
    await shot(page, "tourist-village");
    productName = await text(products.first());
    assert.equal(await follow(page, products.first()), 200);
    productPath = here(page).pathname;
    assert.match(productPath, /^\/en\/products\/[^/]+$/);
    note(`first product ${productPath}: ${productName}`);
  });

  let shelfHref;
  await step("the product page: where to buy, nearest first, the nearest showroom that stocks it", async () => {
    assert.equal(await lang(page), "en");
    assert.equal(await text(page.locator("h1")), productName);
    assert.equal(await text(page.locator("h2#where")), "Where to buy");
    const outlets = page.locator("section[aria-labelledby=where] table.outlets tbody tr");
    assert.ok((await outlets.count()) > 0, "showrooms on the where-to-buy list");
    const cells = await outlets.locator("td.distance").allTextContents();
    assert.equal(cells.length, await outlets.count(), "a distance on every row (from the remembered Hồ Gươm)");
    nonDecreasing(cells, "where to buy, from Hồ Gươm", metres);
    const statuses = await outlets.evaluateAll((trs) => trs.map((tr) => tr.dataset.status));
    const i = statuses.findIndex((s) => STOCKED.includes(s));
    assert.ok(i >= 0, `a showroom that has it in stock (statuses ${statuses.join(", ")})`);
    const row = outlets.nth(i);
    const name = row.locator("th a");
    const showroom = await name.getAttribute("href");
    assert.match(showroom, /^\/en\/showrooms\/[^/#?]+$/);
    const slug = productPath.split("/").pop();
    shelfHref = await row.locator("a.shelf-link").getAttribute("href");
    assert.equal(shelfHref, `${showroom}#product-${slug}`, "the row links to the product's row on that shelf");
    note(`row ${i + 1} of ${statuses.length} (${statuses[i]}, ${cells[i]}): ${await text(name)}${i > 0 ? ` (rows before: ${statuses.slice(0, i).join(", ")})` : ""}`);
    await row.scrollIntoViewIfNeeded();
    await shot(page, "tourist-product");
    assert.equal(await follow(page, row.locator("a.shelf-link")), 200);
  });

  let showroomPath;
  await step("the showroom page: the product's row is the target, highlighted and in view", async () => {
    const url = here(page);
    showroomPath = url.pathname;
    assert.equal(`${url.pathname}${url.hash}`, shelfHref, `landed on ${shelfHref} (at ${page.url()})`);
    assert.match(url.pathname, /^\/en\/showrooms\/[^/]+$/);
    assert.match(url.hash, /^#product-/);
    assert.equal(await lang(page), "en");
    const id = url.hash.slice(1);
    const row = page.locator(`[id="${id}"]`);
    assert.equal(await row.count(), 1, `one element #${id}`);
    assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), id, "the product's row is the :target");
    assert.ok((await row.locator(`a[href="${productPath}"]`).count()) > 0, "the row links back to the product");
    const look = await row.evaluate((tr) => {
      const other = [...tr.parentElement.children].find((r) => r !== tr);
      const box = tr.getBoundingClientRect();
      return {
        target: getComputedStyle(tr).backgroundColor,
        other: other ? getComputedStyle(other).backgroundColor : null,
        top: box.top,
        bottom: box.bottom,
        inner: window.innerHeight,
      };
    });
    note(`row background ${look.target} (another row ${look.other}), at y ${Math.round(look.top)}–${Math.round(look.bottom)} of ${look.inner}`);
    assert.notEqual(look.target, look.other, "the targeted row looks different from the others");
    assert.ok(look.top < look.inner && look.bottom > 0, "the targeted row is in view");
    note(`${await text(page.locator("h1"))}: ${await text(row.locator("th"))}`);
    await shot(page, "tourist-shelf", false);
  });

  await step("the language switch: the same showroom in Vietnamese", async () => {
    const vi = otherPath(showroomPath);
    const link = page.locator("nav.languages a[hreflang=vi]");
    assert.equal(await link.count(), 1, "a switch to Vietnamese");
    note(`switch: ${await text(link)} → ${await link.getAttribute("href")}`);
    assert.equal(await follow(page, link), 200);
    const url = here(page);
    assert.equal(url.pathname, vi, `the same showroom without /en (at ${page.url()})`);
    note(`hash after the switch: "${url.hash}"`);
    assert.equal(await lang(page), "vi");
    const offer = page.locator("p.language-offer a");
    assert.equal(await offer.count(), 1, "the English browser is offered the English page again");
    assert.equal(await offer.getAttribute("href"), showroomPath);
    note(`${await text(page.locator("h1"))}; offer → ${await offer.getAttribute("href")}`);
    await shot(page, "tourist-showroom-vi", false);
  });

  await step("search in English: “tea” finds Trà and Chè", async () => {
    await page.goto(`${BASE}/en/`);
    await page.locator("form.search input[name=q]").fill("tea");
    assert.equal(await follow(page, page.locator("form.search button[type=submit]")), 200);
    const url = here(page);
    assert.equal(url.pathname, "/en/search");
    assert.equal(url.searchParams.get("q"), "tea");
    assert.equal(await lang(page), "en");
    note(`status: ${await text(page.locator("#result-count"))}`);
    const names = (await page.locator("section[aria-labelledby=products] li.card h3 a").allTextContents()).map((t) => t.trim());
    note(`products: ${names.join(", ")}`);
    assert.ok(names.length > 0, "products for “tea”");
    for (const n of names) assert.match(n, /trà|chè/i, `“${n}” is a tea (Trà or Chè)`);
    assert.ok(names.some((n) => /trà/i.test(n)) && names.some((n) => /chè/i.test(n)), "both Trà and Chè");
    await shot(page, "tourist-search");
  });

  // Every page type, its Vietnamese path, its English path and what it answers.
  const village = villagePath.slice("/en".length);
  const types = [
    ["home", "/", "/en/", 200],
    ["near from Hồ Gươm", "/near?from=place:ho-guom", "/en/near?from=place:ho-guom", 200],
    ["villages", "/villages", "/en/villages", 200],
    ["a village", village, villagePath, 200],
    ["showrooms", "/showrooms", "/en/showrooms", 200],
    ["a showroom", otherPath(showroomPath), showroomPath, 200],
    ["products", "/products", "/en/products", 200],
    ["a product", otherPath(productPath), productPath, 200],
    ["districts", "/districts", "/en/districts", 200],
    ["a district", "/districts/gia-lam", "/en/districts/gia-lam", 200],
    ["OCOP", "/ocop", "/en/ocop", 200],
    ["search", `/search?q=${encodeURIComponent("trà")}`, "/en/search?q=tea", 200],
    ["404", MISSING[0], MISSING[1], 404],
  ];
  for (const [language, column] of [["vi", 1], ["en", 2]]) {
    await step(`every page type in ${language === "vi" ? "Vietnamese" : "English"}: axe (no violation of any impact), languages, no sideways scroll`, async () => {
      const found = [];
      for (const type of types) {
        const [kind, path, status] = [type[0], type[column], type[3]];
        const what = `${kind} ${path}`;
        const response = await page.goto(`${BASE}${path}`);
        const seen = [];
        if (response.status() !== status) seen.push(`${what}: answered ${response.status()}, not ${status}`);
        seen.push(...(await languages(page, what, language, status === 200)));
        seen.push(await sideScroll(page, what));
        seen.push(await axe(page, what, { tags: AXE_TAGS }));
        if (seen.some(Boolean)) await shot(page, `tourist-problem-${language}-${kind.replace(/[^a-z0-9]+/gi, "-")}`);
        found.push(...seen);
      }
      const bad = found.filter(Boolean);
      for (const b of bad) note(`PROBLEM ${b}`);
      assert.deepEqual(bad, [], `problems on the ${language} pages`);
    });
  }

  await noPageProblems();

  await context.close();
});
