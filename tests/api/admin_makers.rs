//! Producers and craft villages: city staff edit them and the public pages follow.

use scraper::Html;

use crate::catalogue_updates::first_listing;
use crate::helpers::{attrs, spawn_app, texts};

#[tokio::test]
async fn a_renamed_producer_shows_on_its_products_and_a_stale_form_is_refused() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let producer_id = app.state.catalog.snapshot().product(listing.product_id).expect("product").producer_id;
    let mut admin = app.admin().await;
    let path = format!("/admin/producers/{producer_id}/edit");
    let html = admin.page(&path, 200).await;
    let seen = attrs(&html, "input[name=seen]", "value")[0].clone();
    let district = attrs(&html, "select[name=district] option[selected]", "value")[0].clone();
    let fields = [("name", "HTX Thử Nghiệm <b>mới</b>"), ("district", district.as_str()), ("village", "0"), ("seen", seen.as_str())];
    assert_eq!(admin.post(&path, &fields).await.status().as_u16(), 303);
    let page = app.get(&format!("/products/{}", listing.product_slug)).await.text().await.expect("body");
    assert!(
        page.contains("HTX Thử Nghiệm &#60;b&#62;mới&#60;/b&#62;") || page.contains("HTX Thử Nghiệm &lt;b&gt;mới&lt;/b&gt;"),
        "renamed, escaped"
    );
    assert_eq!(admin.post(&path, &fields).await.status().as_u16(), 409, "the old fingerprint is stale");

    let created = admin.post("/admin/producers/new", &[("name", "Cơ sở Gốm Mới"), ("district", district.as_str()), ("village", "0")]).await;
    assert_eq!(created.status().as_u16(), 303);
    let form = admin.page("/admin/products/new", 200).await;
    assert!(texts(&form, "select[name=producer] option").contains(&"Cơ sở Gốm Mới".to_owned()), "selectable for products");
}

#[tokio::test]
async fn a_village_with_coordinates_outside_vietnam_is_refused() {
    let app = spawn_app().await;
    let village_id = app.state.catalog.snapshot().villages[0].id;
    let mut admin = app.admin().await;
    let path = format!("/admin/villages/{village_id}/edit");
    let html = admin.page(&path, 200).await;
    let value = |selector: &str| attrs(&html, selector, "value")[0].clone();
    let description: String = Html::parse_document(&admin.get(&path).await.text().await.expect("body"))
        .select(&scraper::Selector::parse("textarea").expect("selector"))
        .flat_map(|e| e.text())
        .collect();
    let (name, craft_vi, craft_en, seen) =
        (value("input[name=name]"), value("input[name=craft_vi]"), value("input[name=craft_en]"), value("input[name=seen]"));
    let district = value("select[name=district] option[selected]");
    let mut fields = vec![
        ("name", name.as_str()),
        ("district", district.as_str()),
        ("craft_vi", craft_vi.as_str()),
        ("craft_en", craft_en.as_str()),
        ("coordinates", "48.85, 2.35"),
        ("description", description.as_str()),
        ("seen", seen.as_str()),
    ];
    assert_eq!(admin.post(&path, &fields).await.status().as_u16(), 422);
    fields[4] = ("coordinates", "https://www.openstreetmap.org/#map=17/20.9760/105.9136");
    assert_eq!(admin.post(&path, &fields).await.status().as_u16(), 303);
    let village = app.state.catalog.snapshot().village(village_id).expect("village").clone();
    assert_eq!((village.lat, village.lon), (20.976, 105.9136));
}
