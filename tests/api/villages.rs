//! Craft villages for tourists: the list and its filters, each village's page with its OCOP
//! products, where to buy them nearest first, and a day trip; the OCOP explainer.

use scraper::Html;

use crate::helpers::{attrs, spawn_app, text, texts};
use ocop_locator::domain::craft::Craft;

#[tokio::test]
async fn every_village_has_a_page_and_the_list_filters_by_craft_and_district() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    let html = app.page("/villages", 200).await;
    let links = attrs(&html, "li.card h3 a", "href");
    assert_eq!(links.len(), catalog.villages.iter().filter(|v| v.active).count());
    for link in &links {
        app.page(link, 200).await;
    }
    let ceramics = app.page("/villages?craft=ceramics", 200).await;
    let names = texts(&ceramics, "li.card h3 a");
    assert!(names.contains(&"Làng Bát Tràng".to_owned()), "{names:?}");
    assert!(catalog.villages.iter().filter(|v| names.contains(&v.name)).all(|v| v.crafts().contains(&Craft::Ceramics)));
    let thuong_tin = app.page("/villages?district=thuong-tin&craft=embroidery", 200).await;
    let names = texts(&thuong_tin, "li.card h3 a");
    assert!(names.contains(&"Làng Quất Động".to_owned()) && !names.contains(&"Làng Bát Tràng".to_owned()), "{names:?}");
    assert_eq!(app.get("/villages?craft=pottery").await.status().as_u16(), 400);
    assert_eq!(app.get("/villages/khong-co").await.status().as_u16(), 404);
}

#[tokio::test]
async fn a_village_page_shows_its_products_where_to_buy_them_nearest_first_and_a_day_trip() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    let village = catalog.villages.iter().find(|v| v.name == "Làng Bát Tràng").expect("Bát Tràng").clone();
    let html = app.page(&format!("/villages/{}", village.slug), 200).await;
    assert!(text(&html, "dl.facts").contains("Xã Bát Tràng"), "the 2025 commune");
    assert!(text(&html, "dl.facts").contains("Gia Lâm"), "the former district");
    // Its products are its makers' products.
    for href in attrs(&html, "#village-products ~ ul a[href^='/products/']", "href") {
        let product = catalog.product_by_slug(href.trim_start_matches("/products/")).expect("product");
        assert_eq!(catalog.producer(product.producer_id).and_then(|p| p.village_id), Some(village.id), "{href}");
    }
    // Where to buy, nearest to the village first.
    let outlets: Vec<f64> = attrs(&html, "ol.near-results h3 a", "href")
        .iter()
        .map(|h| catalog.site_by_slug(h.trim_start_matches("/showrooms/")).expect("site").point().distance_m(&village.point()))
        .collect();
    assert!(!outlets.is_empty() && outlets.windows(2).all(|w| w[0] <= w[1]));
    // A day trip: the other villages within 10 km.
    let nearby = texts(&html, "#day-trip ~ ul li a");
    for v in catalog.villages.iter().filter(|v| v.active && v.id != village.id) {
        let within = v.point().distance_m(&village.point()) <= 10_000.0;
        assert_eq!(nearby.contains(&v.name), within, "{}", v.name);
    }
    // Every star rating explains itself.
    let stars = attrs(&html, "a.stars", "href");
    assert!(!stars.is_empty() && stars.iter().all(|h| h == "/ocop#sao"));
    let ocop = app.page("/ocop", 200).await;
    assert!(text(&ocop, "#sao + table").contains("90–100"));
    let _ = Html::parse_document("");
}
