//! The clerk's stock-take over HTTP: saves that show at once, conflicts that lose nothing,
//! refused numbers, concurrent "sold" adjustments, the assortment, and the audit trail.

use scraper::Html;

use crate::catalogue_updates::{Listing, first_listing, set_quantity, status_on_product_page};
use crate::helpers::{Browser, TestApp, attrs, spawn_app, texts};

/// The stock form's fields as the page holds them (what a browser would submit unchanged).
fn form_fields(html: &Html) -> Vec<(String, String)> {
    let names = attrs(html, "#stocktake input[name]:not([type=checkbox]):not([type=radio])", "name");
    let values = attrs(html, "#stocktake input[name]:not([type=checkbox]):not([type=radio])", "value");
    names.into_iter().zip(values).collect()
}

fn set_field(fields: &mut [(String, String)], name: &str, value: &str) {
    fields.iter_mut().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no field {name}")).1 = value.to_owned();
}

async fn stock_page(browser: &mut Browser, listing: &Listing) -> Html {
    browser.page(&format!("/admin/sites/{}/stock", listing.site_slug), 200).await
}

async fn quantity(app: &TestApp, listing: &Listing) -> i64 {
    let rows = ocop_locator::db::stock::shelf(&app.state.db, listing.site_id).await.expect("as set up");
    rows.iter().find(|r| r.product_id == listing.product_id).expect("row").quantity
}

async fn clerk_of(app: &TestApp, listing: &Listing) -> Browser {
    app.clerk("lan", &[&listing.site_slug]).await
}

#[tokio::test]
async fn a_saved_count_shows_on_the_public_pages_on_the_next_read() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    set_quantity(&app, &listing, 10).await;
    app.state.catalog.catch_up(&app.state.db).await.expect("as set up");
    assert_eq!(status_on_product_page(&app, &listing).await, "in_stock", "cached now");
    let mut clerk = clerk_of(&app, &listing).await;
    let html = stock_page(&mut clerk, &listing).await;
    let mut fields = form_fields(&html);
    set_field(&mut fields, &format!("q-{}", listing.product_id), "0");
    let response = clerk.post_raw(&format!("/admin/sites/{}/stock", listing.site_slug), &fields).await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"].to_str().expect("as set up"), format!("/admin/sites/{}/stock?saved=1", listing.site_slug));
    assert_eq!(quantity(&app, &listing).await, 0);
    assert_eq!(status_on_product_page(&app, &listing).await, "out_of_stock", "the writer's next read");
    let saved = clerk.page(response.headers()["location"].to_str().expect("as set up"), 200).await;
    assert!(texts(&saved, "[role=status]").iter().any(|t| t.contains("Đã lưu 1 dòng")));
}

#[tokio::test]
async fn a_stale_row_keeps_the_other_count_shows_both_and_the_rest_is_saved() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut clerk = clerk_of(&app, &listing).await;
    let html = stock_page(&mut clerk, &listing).await;
    // Meanwhile a colleague counts the same row.
    set_quantity(&app, &listing, 5).await;
    let mut fields = form_fields(&html);
    set_field(&mut fields, &format!("q-{}", listing.product_id), "7");
    let other =
        fields.iter().find(|(n, _)| n.starts_with("q-") && *n != format!("q-{}", listing.product_id)).expect("a second row").0.clone();
    let other_id: i64 = other[2..].parse().expect("as set up");
    set_field(&mut fields, &other, "42");
    let response = clerk.post_raw(&format!("/admin/sites/{}/stock", listing.site_slug), &fields).await;
    assert_eq!(response.status().as_u16(), 409);
    let html = Html::parse_document(&response.text().await.expect("as set up"));
    let row = format!("#row-{}", listing.product_id);
    assert_eq!(texts(&html, &format!("{row} .mine")), vec!["7"]);
    assert_eq!(texts(&html, &format!("{row} .theirs")), vec!["5"]);
    assert_eq!(quantity(&app, &listing).await, 5, "theirs is kept");
    let other_row = ocop_locator::db::stock::shelf(&app.state.db, listing.site_id).await.expect("as set up");
    assert_eq!(other_row.iter().find(|r| r.product_id == other_id).expect("as set up").quantity, 42, "the other row was saved");

    // The clerk keeps their own number: the form now carries the current version.
    let mut fields = form_fields(&html);
    fields.push((format!("keep-{}", listing.product_id), "mine".into()));
    let response = clerk.post_raw(&format!("/admin/sites/{}/stock", listing.site_slug), &fields).await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(quantity(&app, &listing).await, 7);
}

#[tokio::test]
async fn a_bad_count_is_refused_with_its_field_marked_and_nothing_saved() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let before = quantity(&app, &listing).await;
    let mut clerk = clerk_of(&app, &listing).await;
    let html = stock_page(&mut clerk, &listing).await;
    let mut fields = form_fields(&html);
    let other = fields.iter().find(|(n, _)| n.starts_with("q-") && *n != format!("q-{}", listing.product_id)).expect("as set up").0.clone();
    set_field(&mut fields, &other, "3");
    for bad in ["abc", "-1", "100001", "2.5", ""] {
        let mut sent = fields.clone();
        set_field(&mut sent, &format!("q-{}", listing.product_id), bad);
        let response = clerk.post_raw(&format!("/admin/sites/{}/stock", listing.site_slug), &sent).await;
        assert_eq!(response.status().as_u16(), 422, "{bad:?}");
        let html = Html::parse_document(&response.text().await.expect("as set up"));
        let field = format!("#q-{}", listing.product_id);
        assert_eq!(attrs(&html, &field, "aria-invalid"), vec!["true"], "{bad:?}");
        assert_eq!(attrs(&html, &field, "value"), vec![bad.to_owned()], "filled back in");
        assert_eq!(attrs(&html, &format!("#{other}"), "value"), vec!["3"], "the other entries are kept");
    }
    assert_eq!(quantity(&app, &listing).await, before, "nothing saved");
}

#[tokio::test]
async fn fifty_clerks_selling_at_once_lose_no_sale() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    set_quantity(&app, &listing, 100).await;
    app.state.catalog.catch_up(&app.state.db).await.expect("as set up");
    let mut clerk = clerk_of(&app, &listing).await;
    let html = stock_page(&mut clerk, &listing).await;
    let token = clerk.csrf().await;
    let id = listing.product_id;
    let version = attrs(&html, &format!("input[name=v-{id}]"), "value")[0].clone();
    // Each pressed − once on a page that showed 100: a delta, whatever the count is now.
    let sale = vec![
        (format!("v-{id}"), version),
        (format!("was-{id}"), "100".to_owned()),
        (format!("q-{id}"), "99".to_owned()),
        (format!("d-{id}"), "-1".to_owned()),
        ("csrf_token".to_owned(), token),
    ];
    let mut sales = Vec::new();
    for _ in 0..50 {
        let (mut browser, sale) = (Browser::clone_of(&clerk), sale.clone());
        let path = format!("/admin/sites/{}/stock", listing.site_slug);
        sales.push(tokio::spawn(async move { browser.post_raw(&path, &sale).await.status().as_u16() }));
    }
    for sale in sales {
        assert_eq!(sale.await.expect("as set up"), 303, "every sale saved, none refused as busy");
    }
    assert_eq!(quantity(&app, &listing).await, 50);
}

#[tokio::test]
async fn the_minus_button_without_scripts_moves_the_count_and_saves_nothing() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    set_quantity(&app, &listing, 10).await;
    let mut clerk = clerk_of(&app, &listing).await;
    let html = stock_page(&mut clerk, &listing).await;
    let mut fields = form_fields(&html);
    fields.push(("step".into(), format!("{}:-1", listing.product_id)));
    let response = clerk.post_raw(&format!("/admin/sites/{}/stock", listing.site_slug), &fields).await;
    assert_eq!(response.status().as_u16(), 200);
    let html = Html::parse_document(&response.text().await.expect("as set up"));
    assert_eq!(attrs(&html, &format!("#q-{}", listing.product_id), "value"), vec!["9"]);
    assert_eq!(attrs(&html, &format!("input[name=d-{}]", listing.product_id), "value"), vec!["-1"]);
    assert_eq!(quantity(&app, &listing).await, 10, "not saved yet");
    let response = clerk.post_raw(&format!("/admin/sites/{}/stock", listing.site_slug), &form_fields(&html)).await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(quantity(&app, &listing).await, 9);
}

#[tokio::test]
async fn all_counted_refreshes_every_date_and_changes_no_count() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let before = ocop_locator::db::stock::shelf(&app.state.db, listing.site_id).await.expect("as set up");
    let mut clerk = clerk_of(&app, &listing).await;
    let html = stock_page(&mut clerk, &listing).await;
    let mut fields = form_fields(&html);
    fields.push(("action".into(), "confirm_all".into()));
    let response = clerk.post_raw(&format!("/admin/sites/{}/stock", listing.site_slug), &fields).await;
    assert_eq!(response.status().as_u16(), 303);
    let after = ocop_locator::db::stock::shelf(&app.state.db, listing.site_id).await.expect("as set up");
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((a.quantity, a.version, a.updated_by.as_str()), (b.quantity, b.version + 1, "lan"));
    }
}

#[tokio::test]
async fn a_product_added_and_removed_changes_the_showroom_page_and_every_change_is_audited() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let catalog = app.state.catalog.snapshot();
    let newcomer = catalog.products.iter().find(|p| catalog.stock_row(listing.site_id, p.id).is_none()).expect("as set up").clone();
    let mut clerk = clerk_of(&app, &listing).await;
    let found = clerk.page(&format!("/admin/sites/{}/stock/add?q={}", listing.site_slug, newcomer.slug), 200).await;
    assert_eq!(attrs(&found, "input[name=product]", "value")[0], newcomer.slug, "found by its code");
    let added =
        clerk.post(&format!("/admin/sites/{}/stock/add", listing.site_slug), &[("product", &newcomer.slug), ("quantity", "4")]).await;
    assert_eq!(added.status().as_u16(), 303);
    let showroom = app.page(&format!("/showrooms/{}", listing.site_slug), 200).await;
    assert!(attrs(&showroom, "a", "href").contains(&format!("/products/{}", newcomer.slug)));
    let twice =
        clerk.post(&format!("/admin/sites/{}/stock/add", listing.site_slug), &[("product", &newcomer.slug), ("quantity", "4")]).await;
    assert_eq!(twice.status().as_u16(), 409);

    let removed = clerk.post(&format!("/admin/sites/{}/stock/remove", listing.site_slug), &[("remove", &newcomer.id.to_string())]).await;
    assert_eq!(removed.status().as_u16(), 303);
    let showroom = app.page(&format!("/showrooms/{}", listing.site_slug), 200).await;
    assert!(!attrs(&showroom, "a", "href").contains(&format!("/products/{}", newcomer.slug)));

    let html = stock_page(&mut clerk, &listing).await;
    let mut fields = form_fields(&html);
    set_field(&mut fields, &format!("q-{}", listing.product_id), "77");
    clerk.post_raw(&format!("/admin/sites/{}/stock", listing.site_slug), &fields).await;
    let audit: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT actor, action, before, after FROM audit_log WHERE site_id = $1 ORDER BY id")
            .bind(listing.site_id)
            .fetch_all(&app.state.db.pool)
            .await
            .expect("as set up");
    let actions: Vec<&str> = audit.iter().map(|(_, action, _, _)| action.as_str()).collect();
    assert_eq!(actions, vec!["stock.add", "stock.remove", "stock.set"]);
    assert!(audit.iter().all(|(actor, ..)| actor == "lan"));
    assert_eq!((audit[2].2.as_str(), audit[2].3.as_str()), (quantity_text(&listing, &html).as_str(), "77"));
}

fn quantity_text(listing: &Listing, html: &Html) -> String {
    attrs(html, &format!("input[name=was-{}]", listing.product_id), "value")[0].clone()
}

#[tokio::test]
async fn a_form_sent_back_for_a_bad_number_still_catches_a_count_saved_meanwhile() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut clerk = clerk_of(&app, &listing).await;
    let html = stock_page(&mut clerk, &listing).await;
    set_quantity(&app, &listing, 17).await;
    let mut fields = form_fields(&html);
    set_field(&mut fields, &format!("q-{}", listing.product_id), "3");
    let other = fields.iter().find(|(n, _)| n.starts_with("q-") && *n != format!("q-{}", listing.product_id)).expect("row").0.clone();
    set_field(&mut fields, &other, "abc");
    let path = format!("/admin/sites/{}/stock", listing.site_slug);
    let refused = clerk.post_raw(&path, &fields).await;
    assert_eq!(refused.status().as_u16(), 422);
    let html = Html::parse_document(&refused.text().await.expect("body"));
    let mut fields = form_fields(&html);
    set_field(&mut fields, &other, "4");
    let response = clerk.post_raw(&path, &fields).await;
    assert_eq!(response.status().as_u16(), 409, "the colleague's 17 is not overwritten silently");
    assert_eq!(quantity(&app, &listing).await, 17);
}

#[tokio::test]
async fn a_sale_counted_without_scripts_on_a_stale_form_is_still_one_sale() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    set_quantity(&app, &listing, 10).await;
    let mut clerk = clerk_of(&app, &listing).await;
    let html = stock_page(&mut clerk, &listing).await;
    set_quantity(&app, &listing, 20).await;
    let mut fields = form_fields(&html);
    fields.push(("step".into(), format!("{}:-1", listing.product_id)));
    let path = format!("/admin/sites/{}/stock", listing.site_slug);
    let stepped = clerk.post_raw(&path, &fields).await;
    let html = Html::parse_document(&stepped.text().await.expect("body"));
    assert_eq!(clerk.post_raw(&path, &form_fields(&html)).await.status().as_u16(), 303);
    assert_eq!(quantity(&app, &listing).await, 19, "20 less the one sold");
}
