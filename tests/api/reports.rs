//! Shoppers' reports: two taps from the showroom page to the clerk's queue; three "not in
//! stock" reports make a row unconfirmed until a clerk counts it.

use scraper::Html;

use crate::catalogue_updates::{first_listing, status_on_product_page};
use crate::helpers::{TestApp, attrs, spawn_app, texts};

/// Opens the report form from the link on the showroom page and sends it as shown, plus `extra`.
async fn report(app: &TestApp, site: &str, product: &str, extra: &[(&str, &str)]) -> reqwest::Response {
    let showroom = app.page(&format!("/showrooms/{site}"), 200).await;
    let link = format!("/showrooms/{site}/report?product={product}");
    assert!(attrs(&showroom, "a.report-link", "href").contains(&link), "the showroom page links to the form");
    let form = app.page(&link, 200).await;
    let mut fields: Vec<(String, String)> = vec![
        ("token".into(), attrs(&form, "input[name=token]", "value")[0].clone()),
        ("kind".into(), attrs(&form, "input[name=kind][checked]", "value")[0].clone()),
        ("product".into(), attrs(&form, "select[name=product] option[selected]", "value")[0].clone()),
        ("website".into(), String::new()),
    ];
    for (name, value) in extra {
        fields.retain(|(n, _)| n != name);
        fields.push((name.to_string(), value.to_string()));
    }
    app.client.post(format!("{}/showrooms/{site}/report", app.address)).form(&fields).send().await.expect("sent")
}

async fn open_reports(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM reports WHERE resolution = ''").fetch_one(&app.state.db.pool).await.expect("count")
}

#[tokio::test]
async fn a_missing_product_reported_in_two_taps_reaches_the_clerks_queue() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let sent = report(&app, &listing.site_slug, &listing.product_slug, &[("note", "Hết từ sáng <b>nay</b>")]).await;
    assert_eq!(sent.status().as_u16(), 303);
    assert_eq!(open_reports(&app).await, 1);
    let stored: (String, String) = sqlx::query_as("SELECT kind, note FROM reports").fetch_one(&app.state.db.pool).await.expect("row");
    assert_eq!(stored, ("not_in_stock".to_owned(), "Hết từ sáng <b>nay</b>".to_owned()));

    let mut clerk = app.clerk("lan", &[&listing.site_slug]).await;
    let dashboard = clerk.page("/admin", 200).await;
    assert_eq!(texts(&dashboard, "a.badge-count"), vec!["1"], "a count badge");
    let queue = clerk.page(&format!("/admin/sites/{}/reports", listing.site_slug), 200).await;
    assert_eq!(texts(&queue, ".reports .note"), vec!["“Hết từ sáng <b>nay</b>”"], "the note, escaped");
    let id = attrs(&queue, ".reports li", "id")[0].trim_start_matches("report-").to_owned();
    let resolved = clerk.post(&format!("/admin/sites/{}/reports/{id}/resolve", listing.site_slug), &[("resolution", "wrong")]).await;
    assert_eq!(resolved.status().as_u16(), 303);
    assert_eq!(open_reports(&app).await, 0);
}

#[tokio::test]
async fn three_not_in_stock_reports_make_a_row_unconfirmed_until_a_clerk_counts_it() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    crate::catalogue_updates::set_quantity(&app, &listing, 20).await;
    app.state.catalog.catch_up(&app.state.db).await.expect("catch up");
    assert_eq!(status_on_product_page(&app, &listing).await, "in_stock");
    for n in 1..=3 {
        assert_eq!(report(&app, &listing.site_slug, &listing.product_slug, &[]).await.status().as_u16(), 303);
        let expected = if n < 3 { "in_stock" } else { "unconfirmed" };
        assert_eq!(status_on_product_page(&app, &listing).await, expected, "after {n} reports");
    }
    // The clerk confirms the count: the reports close and the row is trusted again.
    let mut clerk = app.clerk("lan", &[&listing.site_slug]).await;
    let html = clerk.page(&format!("/admin/sites/{}/stock", listing.site_slug), 200).await;
    let names = attrs(&html, "#stocktake input[name]:not([type=checkbox])", "name");
    let values = attrs(&html, "#stocktake input[name]:not([type=checkbox])", "value");
    let mut fields: Vec<(String, String)> = names.into_iter().zip(values).collect();
    fields.push((format!("ok-{}", listing.product_id), "on".into()));
    let saved = clerk.post_raw(&format!("/admin/sites/{}/stock", listing.site_slug), &fields).await;
    assert_eq!(saved.status().as_u16(), 303);
    assert_eq!(open_reports(&app).await, 0, "counting answered the reports");
    assert_eq!(status_on_product_page(&app, &listing).await, "in_stock");
}

#[tokio::test]
async fn a_forged_token_a_filled_honeypot_and_a_flood_change_nothing() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let forged = report(&app, &listing.site_slug, &listing.product_slug, &[("token", "1700000000.00")]).await;
    assert_eq!(forged.status().as_u16(), 403);
    let bot = report(&app, &listing.site_slug, &listing.product_slug, &[("website", "http://spam.example")]).await;
    assert_eq!(bot.status().as_u16(), 303, "a bot is told it worked");
    assert_eq!(open_reports(&app).await, 0);
    let no_product = report(&app, &listing.site_slug, &listing.product_slug, &[("product", "")]).await;
    assert_eq!(no_product.status().as_u16(), 422);
    let long = "x".repeat(501);
    assert_eq!(report(&app, &listing.site_slug, &listing.product_slug, &[("note", &long)]).await.status().as_u16(), 422);

    for _ in 0..5 {
        assert_eq!(report(&app, &listing.site_slug, &listing.product_slug, &[("kind", "wrong_hours")]).await.status().as_u16(), 303);
    }
    let flood = report(&app, &listing.site_slug, &listing.product_slug, &[("kind", "wrong_hours")]).await;
    assert_eq!(flood.status().as_u16(), 429);
    let html = Html::parse_document(&flood.text().await.expect("body"));
    assert!(!texts(&html, "[role=alert] li").is_empty(), "says why");
    assert_eq!(open_reports(&app).await, 5);
    let kept: Vec<(i64,)> = sqlx::query_as("SELECT product_id FROM reports").fetch_all(&app.state.db.pool).await.expect("rows");
    assert!(kept.iter().all(|(p,)| *p == 0), "site-level reports name no product");
}
