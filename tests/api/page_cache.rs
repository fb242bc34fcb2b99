//! The page cache: canonical keys, only public successful pages, precise eviction, and HTTP
//! caching as browsers and proxies expect (compression, ETag, 304, Vary).

use std::io::Read;

use chrono::Utc;
use ocop_locator::db::stock::{StockEdit, save_stock_take};

use crate::catalogue_updates::first_listing;
use crate::helpers::{TestApp, spawn_app};

fn entries(app: &TestApp) -> u64 {
    app.state.pages.entry_count()
}

#[tokio::test]
async fn the_same_filters_in_any_order_with_unknown_parameters_share_one_entry() {
    let app = spawn_app().await;
    let before = entries(&app);

    for path in ["/showrooms?kind=showroom&stars=4", "/showrooms?stars=4&kind=showroom", "/showrooms?stars=4&utm=x&kind=showroom&view=9"] {
        app.page(path, 200).await;
    }

    assert_eq!(entries(&app), before + 1);
}

/// The ETag of `path` as sent with `cookie`.
async fn etag(app: &TestApp, path: &str, cookie: &str) -> String {
    let response = app.client.get(format!("{}{path}", app.address)).header("Cookie", cookie).send().await.expect("sent");
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.headers()["etag"].to_str().expect("etag").to_owned()
}

#[tokio::test]
async fn every_form_of_an_address_finds_its_one_page_and_a_place_keys_only_pages_ordered_by_it() {
    let app = spawn_app().await;
    let slug = first_listing(&app).await.site_slug;
    let encoded = format!("/showrooms/%{:02X}{}", slug.as_bytes()[0], &slug[1..]);
    // Rendered through the router from a reordered query, then asked in canonical form (which
    // is answered before routing) and with an encoded path.
    let forms = [
        ("/showrooms?stars=4&kind=showroom", "/showrooms?kind=showroom&stars=4"),
        (encoded.as_str(), &format!("/showrooms/{slug}")),
        ("/en/products?stars=5&category=food&x=1", "/en/products?category=food&stars=5"),
    ];
    for (first, canonical) in forms {
        let rendered = etag(&app, first, "").await;
        let early = app.state.pages.answered_early();
        assert_eq!(etag(&app, canonical, "").await, rendered, "{canonical} after {first}");
        assert_eq!(app.state.pages.answered_early(), early + 1, "{canonical} is answered before routing");
        assert_eq!(etag(&app, first, "").await, rendered, "{first} again");
        assert_eq!(app.state.pages.answered_early(), early + 1, "{first} goes through the router");
    }
    let place = "ocop_place=21.02870,105.85240";
    let home = etag(&app, "/", "").await;
    let early = app.state.pages.answered_early();
    assert_eq!(etag(&app, "/", place).await, home, "the home page does not depend on the place");
    assert_eq!(app.state.pages.answered_early(), early + 1, "so it is answered before routing with one too");
    let (anywhere, here) = (etag(&app, "/showrooms", "").await, etag(&app, "/showrooms", place).await);
    assert_ne!(here, anywhere, "the list is ordered from the place");
    let early = app.state.pages.answered_early();
    assert_eq!(etag(&app, "/showrooms", place).await, here, "and cached for it");
    assert_eq!(app.state.pages.answered_early(), early + 1);
    assert_eq!(etag(&app, "/showrooms", "").await, anywhere);
}

#[tokio::test]
async fn a_flood_of_unknown_parameters_adds_nothing_to_the_cache() {
    let app = spawn_app().await;
    app.page("/products", 200).await;
    let (count, bytes) = (entries(&app), app.state.pages.weighted_size());

    let junk = "j".repeat(4096);
    for i in 0..50 {
        app.page(&format!("/products?junk{i}={junk}"), 200).await;
    }

    assert_eq!((entries(&app), app.state.pages.weighted_size()), (count, bytes));
}

#[tokio::test]
async fn admin_routes_errors_and_signed_in_requests_are_never_cached() {
    let app = spawn_app().await;
    let before = entries(&app);

    assert_eq!(app.get("/admin").await.status().as_u16(), 303, "to the sign-in form");
    app.page("/admin/login", 200).await;
    app.page("/admin/no-such-page", 404).await;
    app.page("/showrooms/no-such-site", 404).await;
    app.page("/products?stars=9", 400).await;
    let signed_in = app.client.get(format!("{}/districts", app.address)).header("Cookie", "ocop_session=abc").send().await.expect("sent");
    assert_eq!(signed_in.status().as_u16(), 200);

    assert_eq!(entries(&app), before);
}

#[tokio::test]
async fn a_signed_in_request_never_gets_a_cached_page() {
    let app = spawn_app().await;
    let anonymous = app.get("/").await;
    let etag = anonymous.headers()["etag"].to_str().expect("etag").to_owned();
    assert_eq!(app.get("/").await.headers()["etag"], etag.as_str(), "cached now");

    let signed_in = app.client.get(format!("{}/", app.address)).header("Cookie", "a=1; ocop_session=abc").send().await.expect("sent");

    assert!(signed_in.headers().get("etag").is_none(), "rendered for the session, not from the cache");
}

#[tokio::test]
async fn a_stock_change_evicts_only_the_pages_that_show_it() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let catalog = app.state.catalog.snapshot();
    let elsewhere = catalog.sites.iter().find(|s| s.active && s.id != l.site_id).expect("another site");
    let unrelated = catalog.products.iter().find(|p| catalog.stock_row(l.site_id, p.id).is_none()).expect("a product not there");
    let affected = [
        format!("/showrooms/{}", l.site_slug),
        format!("/products/{}", l.product_slug),
        "/showrooms".into(),
        format!("/api/v1/sites/{}", l.site_slug),
    ];
    let untouched = [
        format!("/showrooms/{}", elsewhere.slug),
        format!("/products/{}", unrelated.slug),
        "/products".into(),
        "/".into(),
        "/districts".into(),
    ];
    for path in &affected {
        app.page(path, 200).await;
    }
    let mut etags_before = Vec::new();
    for path in &untouched {
        etags_before.push(app.get(path).await.headers()["etag"].clone());
    }
    let evicted_before = app.state.pages.evicted_by_changes();

    let edit = StockEdit::Set { product_id: l.product_id, quantity: 0, seen_version: l.version };
    save_stock_take(&app.state.db, l.site_id, &[edit], "clerk", Utc::now()).await.expect("save");
    app.state.catalog.catch_up(&app.state.db).await.expect("catch up");

    // /api/v1/sites and the lists cached by first_listing go too: they list sites with counts.
    let evicted = app.state.pages.evicted_by_changes() - evicted_before;
    assert_eq!(evicted, affected.len() as u64 + 1, "the affected pages and /api/v1/sites, nothing else");
    for (path, before) in untouched.iter().zip(etags_before) {
        assert_eq!(app.get(path).await.headers()["etag"], before, "{path} is still the cached copy");
    }
    assert_eq!(crate::catalogue_updates::status_on_product_page(&app, &l).await, "out_of_stock");
    let site = app.json(&format!("/api/v1/sites/{}", l.site_slug)).await;
    let row = site["stock"].as_array().expect("stock").iter().find(|s| s["product_slug"] == l.product_slug.as_str()).cloned();
    assert_eq!(row.expect("listed")["quantity"], 0);
}

#[tokio::test]
async fn compressed_pages_decompress_to_the_same_page() {
    let app = spawn_app().await;
    let path = format!("/showrooms/{}", first_listing(&app).await.site_slug);
    let plain = app.get(&path).await.bytes().await.expect("body");

    for (encoding, decode) in [("br", decode_brotli as fn(&[u8]) -> Vec<u8>), ("gzip", decode_gzip)] {
        let response = app.client.get(format!("{}{path}", app.address)).header("Accept-Encoding", encoding).send().await.expect("sent");
        assert_eq!(response.headers()["content-encoding"], encoding);
        assert_eq!(response.headers()["vary"], "Accept-Encoding, Accept-Language");
        let body = response.bytes().await.expect("body");
        assert!(body.len() * 3 < plain.len(), "{encoding} is much smaller: {} vs {}", body.len(), plain.len());
        assert_eq!(decode(&body), plain.to_vec(), "{encoding}");
    }
}

fn decode_gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("gzip");
    out
}

fn decode_brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096).read_to_end(&mut out).expect("brotli");
    out
}

#[tokio::test]
async fn if_none_match_gets_a_304_until_the_page_changes() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let path = format!("/showrooms/{}", l.site_slug);
    let first = app.get(&path).await;
    let etag = first.headers()["etag"].to_str().expect("etag").to_owned();
    assert!(first.headers()["cache-control"].to_str().expect("ascii").contains("public"));
    let revalidate = || app.client.get(format!("{}{path}", app.address)).header("If-None-Match", etag.clone()).send();

    let unchanged = revalidate().await.expect("sent");
    assert_eq!(unchanged.status().as_u16(), 304);
    assert_eq!(unchanged.headers()["etag"], etag.as_str());

    let edit = StockEdit::Set { product_id: l.product_id, quantity: 42, seen_version: l.version };
    save_stock_take(&app.state.db, l.site_id, &[edit], "clerk", Utc::now()).await.expect("save");
    app.state.catalog.catch_up(&app.state.db).await.expect("catch up");

    assert_eq!(revalidate().await.expect("sent").status().as_u16(), 200, "a changed page is sent again");
}

#[tokio::test]
async fn head_is_answered_from_the_cache_like_get() {
    let app = spawn_app().await;
    let get = app.get("/districts").await;
    let head = app.client.head(format!("{}/districts", app.address)).send().await.expect("sent");

    assert_eq!(head.status().as_u16(), 200);
    assert_eq!(head.headers()["etag"], get.headers()["etag"]);
}

#[tokio::test]
async fn with_the_cache_off_pages_are_still_right_and_compressed() {
    let (_db, url) = crate::helpers::fresh_database().await;
    let app = crate::helpers::start(&url, false, 0).await;

    let response = app.client.get(format!("{}/products", app.address)).header("Accept-Encoding", "gzip").send().await.expect("sent");

    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert_eq!(entries(&app), 0);
}
