//! Products: city staff edit, create and deactivate them; the public pages follow at once.

use scraper::Html;

use crate::catalogue_updates::first_listing;
use crate::helpers::{Browser, attrs, spawn_app, texts};

async fn form_fields(admin: &mut Browser, slug: &str) -> Vec<(String, String)> {
    let html = admin.page(&format!("/admin/products/{slug}/edit"), 200).await;
    let mut fields: Vec<(String, String)> = attrs(&html, "form.wide-form input[name]:not([type=checkbox])", "name")
        .into_iter()
        .zip(attrs(&html, "form.wide-form input[name]:not([type=checkbox])", "value"))
        .collect();
    for select in ["producer", "category", "stars"] {
        fields.push((select.to_owned(), attrs(&html, &format!("select[name={select}] option[selected]"), "value")[0].clone()));
    }
    fields
}

fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.retain(|(n, _)| n != name);
    fields.push((name.to_owned(), value.to_owned()));
}

#[tokio::test]
async fn a_product_edit_shows_on_its_public_page_and_a_stale_form_is_refused() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut admin = app.admin().await;
    let mut fields = form_fields(&mut admin, &listing.product_slug).await;
    set(&mut fields, "name", "Tên mới <em>thử</em>");
    set(&mut fields, "barcode", "8930000000017");
    let path = format!("/admin/products/{}/edit", listing.product_slug);
    assert_eq!(admin.post_raw(&path, &fields).await.status().as_u16(), 303);
    let public = app.page(&format!("/products/{}", listing.product_slug), 200).await;
    assert_eq!(texts(&public, "h1"), vec!["Tên mới <em>thử</em>"], "renamed, as text");
    assert_eq!(admin.post_raw(&path, &fields).await.status().as_u16(), 409, "the old fingerprint is stale");

    let mut bad = form_fields(&mut admin, &listing.product_slug).await;
    set(&mut bad, "certified_on", "31/12/2024");
    let refused = admin.post_raw(&path, &bad).await;
    assert_eq!(refused.status().as_u16(), 422);
    let html = Html::parse_document(&refused.text().await.expect("body"));
    assert_eq!(attrs(&html, "[name=certified_on]", "aria-invalid"), vec!["true"]);
}

#[tokio::test]
async fn a_deactivated_product_leaves_every_public_page_and_a_new_one_appears() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut admin = app.admin().await;
    let gone = admin.post(&format!("/admin/products/{}/active", listing.product_slug), &[("active", "0")]).await;
    assert_eq!(gone.status().as_u16(), 303);
    assert_eq!(app.get(&format!("/products/{}", listing.product_slug)).await.status().as_u16(), 404);
    let showroom = app.get(&format!("/showrooms/{}", listing.site_slug)).await.text().await.expect("body");
    assert!(!showroom.contains(&format!("/products/{}\"", listing.product_slug)), "off the shelf");
    let name = app.state.catalog.snapshot().product(listing.product_id).expect("kept").name.clone();
    let list = app.get(&format!("/products?q={}", urlencode(&name))).await.text().await.expect("body");
    assert!(!list.contains(&format!("/products/{}\"", listing.product_slug)), "not in the list");

    let producer = attrs(&admin.page("/admin/products/new", 200).await, "select[name=producer] option", "value")[0].clone();
    let created = admin
        .post(
            "/admin/products/new",
            &[
                ("name", "Trà sen Tây Hồ mới"),
                ("producer", &producer),
                ("category", "beverages"),
                ("stars", "4"),
                ("certified_on", "2026-06-01"),
                ("unit", "hộp 100 g"),
            ],
        )
        .await;
    assert_eq!(created.status().as_u16(), 303);
    let page = app.page("/products/tra-sen-tay-ho-moi", 200).await;
    assert_eq!(texts(&page, "h1"), vec!["Trà sen Tây Hồ mới"]);
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("q", text)]).expect("encode").trim_start_matches("q=").to_owned()
}

#[tokio::test]
async fn a_renamed_product_shows_renamed_on_the_list_cards_rendered_before_the_edit() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let name = app.state.catalog.snapshot().product(listing.product_id).expect("listed").name.clone();
    let card = format!("ul.cards a[href=\"/products/{}\"]", listing.product_slug);
    let before = app.page(&format!("/products?q={}", urlencode(&name)), 200).await;
    assert_eq!(texts(&before, &card), vec![name.clone()], "its card, rendered and kept");
    let mut admin = app.admin().await;
    let mut fields = form_fields(&mut admin, &listing.product_slug).await;
    set(&mut fields, "name", "Tên mới <em>thử</em>");
    let path = format!("/admin/products/{}/edit", listing.product_slug);
    assert_eq!(admin.post_raw(&path, &fields).await.status().as_u16(), 303);
    for lang in ["", "/en"] {
        let after = app.page(&format!("{lang}/products?q=ten+moi+thu"), 200).await;
        let card = format!("ul.cards a[href=\"{lang}/products/{}\"]", listing.product_slug);
        assert_eq!(texts(&after, &card), vec!["Tên mới <em>thử</em>"], "{lang}: the card is rendered anew, escaped");
    }
}
