//! The database is the source of truth: a write shows on the very next read, cache or not.

use std::time::Duration;

use crate::helpers::{TestApp, attrs, spawn_app};

/// Sets one stock count behind the web layer, as another app instance would.
async fn set_quantity(app: &TestApp, site_slug: &str, product_slug: &str, quantity: i64) {
    let pool = &app.state.db.pool;
    let sql = "UPDATE stock SET quantity = $1, updated_at = $2, version = version + 1 \
               WHERE site_id = (SELECT id FROM sites WHERE slug = $3) AND product_id = (SELECT id FROM products WHERE slug = $4)";
    let result = sqlx::query(sql)
        .bind(quantity)
        .bind(chrono::Utc::now().timestamp())
        .bind(site_slug)
        .bind(product_slug)
        .execute(pool)
        .await
        .expect("update stock");
    assert_eq!(result.rows_affected(), 1);
    sqlx::query("UPDATE catalogue_version SET version = version + 1 WHERE id = 1").execute(pool).await.expect("bump version");
}

async fn first_listing(app: &TestApp) -> (String, String) {
    let sites = app.json("/api/v1/sites").await;
    let slug = sites["sites"][0]["slug"].as_str().expect("slug").to_owned();
    let site = app.json(&format!("/api/v1/sites/{slug}")).await;
    (slug, site["stock"][0]["product_slug"].as_str().expect("product").to_owned())
}

async fn status_on_page(app: &TestApp, site: &str, product: &str) -> String {
    let html = app.page(&format!("/products/{product}"), 200).await;
    let hrefs = attrs(&html, "table.outlets tbody tr th a", "href");
    let statuses = attrs(&html, "table.outlets tbody tr", "data-status");
    let at = hrefs.iter().position(|h| h == &format!("/showrooms/{site}")).expect("site listed");
    statuses[at].clone()
}

#[tokio::test]
async fn a_refreshed_write_is_visible_on_the_next_read_despite_the_page_cache() {
    let app = spawn_app().await;
    let (site, product) = first_listing(&app).await;
    set_quantity(&app, &site, &product, 10).await;
    app.state.catalog.refresh(&app.state.db).await.expect("refresh");
    assert_eq!(status_on_page(&app, &site, &product).await, "in_stock");
    assert_eq!(status_on_page(&app, &site, &product).await, "in_stock", "now served from the cache");

    set_quantity(&app, &site, &product, 0).await;
    let reloaded = app.state.catalog.refresh(&app.state.db).await.expect("refresh");

    assert!(reloaded);
    assert_eq!(status_on_page(&app, &site, &product).await, "out_of_stock");
}

#[tokio::test]
async fn writes_by_another_instance_are_picked_up_within_seconds() {
    let app = spawn_app().await;
    let (site, product) = first_listing(&app).await;
    let before = app.state.catalog.snapshot().version;

    set_quantity(&app, &site, &product, 0).await;

    let mut waited = Duration::ZERO;
    while app.state.catalog.snapshot().version == before {
        assert!(waited < Duration::from_secs(10), "the refresher never reloaded");
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += Duration::from_millis(100);
    }
    assert_eq!(status_on_page(&app, &site, &product).await, "out_of_stock");
}

#[tokio::test]
async fn a_closed_site_leaves_the_lists_but_keeps_its_page() {
    let app = spawn_app().await;
    let (site, product) = first_listing(&app).await;
    let pool = &app.state.db.pool;
    sqlx::query("UPDATE sites SET active = 0 WHERE slug = $1").bind(&site).execute(pool).await.expect("close site");
    sqlx::query("UPDATE catalogue_version SET version = version + 1 WHERE id = 1").execute(pool).await.expect("bump version");

    app.state.catalog.refresh(&app.state.db).await.expect("refresh");

    let listed = app.json("/api/v1/sites").await;
    assert!(listed["sites"].as_array().expect("array").iter().all(|s| s["slug"] != site.as_str()));
    let page = app.page(&format!("/showrooms/{site}"), 200).await;
    assert_eq!(crate::helpers::texts(&page, "p.warning").len(), 1, "the page says it has closed");
    let html = app.page(&format!("/products/{product}"), 200).await;
    assert!(!attrs(&html, "table.outlets a", "href").contains(&format!("/showrooms/{site}")), "not offered as a place to buy");
}
