//! The dashboard: city staff see the network's health; a clerk sees their own sites.

use crate::catalogue_updates::first_listing;
use crate::helpers::{attrs, spawn_app, texts};

#[tokio::test]
async fn city_staff_see_neglected_sites_sold_out_products_and_freshness_per_district() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(20)).timestamp();
    sqlx::query("UPDATE stock SET updated_at = $1 WHERE site_id = $2")
        .bind(long_ago)
        .bind(listing.site_id)
        .execute(&app.state.db.pool)
        .await
        .expect("age");
    sqlx::query("UPDATE stock SET quantity = 0 WHERE product_id = $1")
        .bind(listing.product_id)
        .execute(&app.state.db.pool)
        .await
        .expect("sell out");
    app.state.catalog.reload(&app.state.db).await.expect("reload");

    let mut admin = app.admin().await;
    let html = admin.page("/admin", 200).await;
    let stale = attrs(&html, "ul.compact a[href^='/admin/sites/']", "href");
    assert!(stale.contains(&format!("/admin/sites/{}/stock", listing.site_slug)), "{stale:?}");
    assert!(attrs(&html, "ul.compact a[href^='/products/']", "href").contains(&format!("/products/{}", listing.product_slug)));
    let bars = html.select(&scraper::Selector::parse("svg.chart g").expect("selector")).count();
    let rows = texts(&html, "caption + thead + tbody th").len();
    assert!(bars > 0 && bars == rows, "one bar per district in the table ({bars} vs {rows})");
}

#[tokio::test]
async fn a_clerk_sees_only_their_sites() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut clerk = app.clerk("lan", &[&listing.site_slug]).await;
    let html = clerk.page("/admin", 200).await;
    assert!(attrs(&html, "svg.chart", "class").is_empty(), "no network panels");
    assert_eq!(attrs(&html, "td a[href$='/stock']", "href"), vec![format!("/admin/sites/{}/stock", listing.site_slug)]);
}

#[tokio::test]
async fn a_keyboard_skips_the_admin_menu_straight_to_the_page() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut clerk = app.clerk("lan", &[&listing.site_slug]).await;
    for path in ["/admin".to_owned(), format!("/admin/sites/{}/stock", listing.site_slug)] {
        let html = clerk.page(&path, 200).await;
        let links = attrs(&html, "body a", "href");
        assert_eq!(links.first().map(String::as_str), Some("#main"), "{path}: the first link skips the menu");
        assert_eq!(attrs(&html, "main#main", "id").len(), 1, "{path}: the target");
        assert!(attrs(&html, "header nav a", "href").len() >= 2, "{path}: a menu to skip");
    }
}
