//! Producers and craft villages: city staff edit them and the public pages follow.

use scraper::Html;

use crate::catalogue_updates::first_listing;
use ocop_locator::i18n::AdminTexts;

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

#[tokio::test]
async fn a_deactivated_producer_takes_its_products_off_every_public_page_until_reactivated() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let producer_id = app.state.catalog.snapshot().product(listing.product_id).expect("product").producer_id;
    let mut admin = app.admin().await;
    let switch = format!("/admin/producers/{producer_id}/active");
    assert_eq!(admin.post(&switch, &[("active", "0")]).await.status().as_u16(), 303);

    assert_eq!(app.get(&format!("/products/{}", listing.product_slug)).await.status().as_u16(), 404);
    let showroom = app.page(&format!("/showrooms/{}", listing.site_slug), 200).await;
    let product_path = format!("/products/{}", listing.product_slug);
    assert!(!attrs(&showroom, "a", "href").contains(&product_path), "off the shelf");
    let site = app.json(&format!("/api/v1/sites/{}", listing.site_slug)).await;
    assert!(site["stock"].as_array().expect("stock").iter().all(|r| r["product_slug"] != listing.product_slug.as_str()));
    let audit = admin.get("/admin/audit.csv").await.text().await.expect("csv");
    for action in ["producer.active", "product.active", "stock.remove"] {
        assert!(audit.contains(&format!(",{action},")), "{action} audited");
    }
    let name = app.state.catalog.snapshot().producer(producer_id).expect("producer").name.clone();
    let query = serde_urlencoded::to_string([("q", name.as_str())]).expect("query");
    let list = admin.page(&format!("/admin/producers?{query}"), 200).await;
    assert!(list.html().contains(AdminTexts::vi().inactive_label), "marked in the staff list");

    // Its products cannot come back while it is deactivated; reactivating it does not bring them
    // back by itself (some may have been deactivated on their own).
    let product_switch = format!("/admin/products/{}/active", listing.product_slug);
    assert_eq!(admin.post(&product_switch, &[("active", "1")]).await.status().as_u16(), 422);
    assert_eq!(admin.post(&switch, &[("active", "1")]).await.status().as_u16(), 303);
    assert_eq!(app.get(&product_path).await.status().as_u16(), 404);
    assert_eq!(admin.post(&product_switch, &[("active", "1")]).await.status().as_u16(), 303);
    assert_eq!(app.get(&product_path).await.status().as_u16(), 200);
    assert_eq!(admin.post("/admin/producers/999999/active", &[("active", "0")]).await.status().as_u16(), 404);
}

#[tokio::test]
async fn a_new_village_shows_on_its_district_page_and_leaves_it_when_deactivated() {
    let app = spawn_app().await;
    let district_id = app.state.catalog.snapshot().districts.iter().find(|d| d.slug == "gia-lam").expect("Gia Lâm").id.to_string();
    let mut admin = app.admin().await;
    let mut fields = vec![
        ("name", "Làng Đan Thử"),
        ("district", district_id.as_str()),
        ("craft_vi", "đan lát"),
        ("craft_en", "weaving"),
        ("coordinates", "nowhere"),
        ("description", ""),
    ];
    assert_eq!(admin.post("/admin/villages/new", &fields).await.status().as_u16(), 422, "coordinates checked");
    fields[4] = ("coordinates", "21.0075, 105.9366");
    let created = admin.post("/admin/villages/new", &fields).await;
    assert_eq!(created.status().as_u16(), 303);
    let village = app.state.catalog.snapshot().villages.iter().find(|v| v.name == "Làng Đan Thử").expect("created").clone();
    assert_eq!((village.slug.as_str(), village.name_ascii.as_str(), village.active), ("lang-dan-thu", "Lang Dan Thu", true));
    assert!(app.page("/districts/gia-lam", 200).await.html().contains("Làng Đan Thử"));
    assert_eq!(admin.post("/admin/villages/new", &fields).await.status().as_u16(), 422, "the same name twice");

    assert_eq!(admin.post(&format!("/admin/villages/{}/active", village.id), &[("active", "0")]).await.status().as_u16(), 303);
    assert!(!app.page("/districts/gia-lam", 200).await.html().contains("Làng Đan Thử"));
    let form = admin.page("/admin/producers/new", 200).await;
    assert!(!texts(&form, "select[name=village] option").contains(&"Làng Đan Thử".to_owned()), "not offered to producers");
}
