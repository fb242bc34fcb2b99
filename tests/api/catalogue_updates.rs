//! The database is the source of truth: a write shows on the very next read, cache or not, on
//! the instance that wrote and, within a second, on every other.

use std::time::{Duration, Instant};

use chrono::Utc;
use ocop_locator::db::stock::{StockEdit, save_stock_take};

use crate::helpers::{TestApp, attrs, spawn_app, spawn_instance};

/// A site, one product it lists, and that row's version.
pub struct Listing {
    pub site_slug: String,
    pub site_id: i64,
    pub product_slug: String,
    pub product_id: i64,
    pub version: i64,
}

/// The first product of the first listed site.
pub async fn first_listing(app: &TestApp) -> Listing {
    let sites = app.json("/api/v1/sites").await;
    let site_slug = sites["sites"][0]["slug"].as_str().expect("slug").to_owned();
    let site = app.json(&format!("/api/v1/sites/{site_slug}")).await;
    let product_slug = site["stock"][0]["product_slug"].as_str().expect("product").to_owned();
    let catalog = app.state.catalog.snapshot();
    let site_id = catalog.site_by_slug(&site_slug).expect("site").id;
    let product_id = catalog.product_by_slug(&product_slug).expect("product").id;
    let version = catalog.stock_row(site_id, product_id).expect("row").version;
    Listing { site_slug, site_id, product_slug, product_id, version }
}

/// Sets one count through the write API, as a clerk's save would, without telling any app.
pub async fn set_quantity(app: &TestApp, listing: &Listing, quantity: i64) {
    let rows = ocop_locator::db::stock::shelf(&app.state.db, listing.site_id).await.expect("shelf");
    let seen_version = rows.iter().find(|r| r.product_id == listing.product_id).expect("row").version;
    let edit = StockEdit::Set { product_id: listing.product_id, quantity, seen_version };
    let outcome = save_stock_take(&app.state.db, listing.site_id, &[edit], "test", Utc::now()).await.expect("save");
    assert!(outcome.conflicts.is_empty(), "{outcome:?}");
}

pub async fn status_on_product_page(app: &TestApp, listing: &Listing) -> String {
    let html = app.page(&format!("/products/{}", listing.product_slug), 200).await;
    let hrefs = attrs(&html, "table.outlets tbody tr th a", "href");
    let statuses = attrs(&html, "table.outlets tbody tr", "data-status");
    let at = hrefs.iter().position(|h| h == &format!("/showrooms/{}", listing.site_slug)).expect("site listed");
    statuses[at].clone()
}

#[tokio::test]
async fn a_write_is_visible_on_the_writers_next_read_despite_the_page_cache() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    set_quantity(&app, &listing, 10).await;
    app.state.catalog.catch_up(&app.state.db).await.expect("catch up");
    assert_eq!(status_on_product_page(&app, &listing).await, "in_stock");
    assert_eq!(status_on_product_page(&app, &listing).await, "in_stock", "now served from the cache");

    set_quantity(&app, &listing, 0).await;
    // What a write handler does after committing (the follower may have been quicker).
    app.state.catalog.catch_up(&app.state.db).await.expect("catch up");

    assert_eq!(status_on_product_page(&app, &listing).await, "out_of_stock");
    assert_eq!(app.state.catalog.reloads(), 0, "a stock change is applied, not reloaded");
}

#[tokio::test]
async fn a_second_instance_shows_a_write_within_a_second() {
    let first = spawn_app().await;
    let second = spawn_instance(&first.url).await;
    let listing = first_listing(&first).await;
    assert_eq!(status_on_product_page(&second, &listing).await, status_on_product_page(&second, &listing).await, "cached");

    set_quantity(&first, &listing, 0).await;
    first.state.catalog.catch_up(&first.state.db).await.expect("catch up");

    wait_for_status(&second, &listing, "out_of_stock", Duration::from_secs(1)).await;
    assert_eq!(second.state.catalog.reloads(), 0, "applied from the change log");
}

/// Polls the product page until `listing` shows `status`; fails after `within`.
pub async fn wait_for_status(app: &TestApp, listing: &Listing, status: &str, within: Duration) {
    let started = Instant::now();
    while status_on_product_page(app, listing).await != status {
        assert!(started.elapsed() < within, "not shown within {within:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_closed_site_leaves_the_lists_but_keeps_its_page() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    ocop_locator::db::sites::set_active(&app.state.db, listing.site_id, false, "city", Utc::now()).await.expect("close site");

    app.state.catalog.catch_up(&app.state.db).await.expect("catch up");
    assert_eq!(app.state.catalog.reloads(), 0, "a site edit re-reads the reference tables, not the stock");

    let listed = app.json("/api/v1/sites").await;
    assert!(listed["sites"].as_array().expect("array").iter().all(|s| s["slug"] != listing.site_slug.as_str()));
    let page = app.page(&format!("/showrooms/{}", listing.site_slug), 200).await;
    assert_eq!(crate::helpers::texts(&page, "p.warning").len(), 1, "the page says it has closed");
    let html = app.page(&format!("/products/{}", listing.product_slug), 200).await;
    assert!(
        !attrs(&html, "table.outlets a", "href").contains(&format!("/showrooms/{}", listing.site_slug)),
        "not offered as a place to buy"
    );
}
