//! What search engines and link previews read: schema.org JSON-LD on site, product and village
//! pages, `/sitemap.xml` with every page in both languages, `/robots.txt`, a description and
//! Open Graph tags on every page.

use scraper::{Html, Selector};

use crate::helpers::{TestApp, attrs, spawn_app};

fn structured_data(html: &Html) -> serde_json::Value {
    let selector = Selector::parse("script[type='application/ld+json']").expect("selector");
    let scripts: Vec<String> = html.select(&selector).map(|s| s.text().collect()).collect();
    assert_eq!(scripts.len(), 1, "one JSON-LD block");
    serde_json::from_str(&scripts[0]).expect("JSON-LD parses")
}

async fn page(app: &TestApp, path: &str) -> Html {
    app.page(path, 200).await
}

#[tokio::test]
async fn site_product_and_village_pages_carry_schema_org_data_with_the_required_fields() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    let site = catalog.sites.iter().find(|s| s.active && s.phone.is_some() && !s.hours.spans().is_empty()).expect("a site").clone();
    let store = structured_data(&page(&app, &format!("/showrooms/{}", site.slug)).await);
    assert_eq!(store["@context"], "https://schema.org");
    assert_eq!(store["@type"], "Store");
    assert_eq!(store["name"], site.name.as_str());
    assert_eq!(store["geo"]["latitude"].as_f64(), Some(site.lat));
    assert_eq!(store["geo"]["longitude"].as_f64(), Some(site.lon));
    assert_eq!(store["address"]["streetAddress"], site.address.as_str());
    assert_eq!(store["address"]["addressCountry"], "VN");
    let hours = store["openingHoursSpecification"].as_array().expect("hours");
    assert!(!hours.is_empty());
    assert!(hours.iter().all(|h| h["dayOfWeek"].is_array() && h["opens"].as_str().is_some_and(|o| o.len() == 5)));

    let row = catalog.stock_at(site.id)[0].clone();
    let product = catalog.product(row.product_id).expect("product").clone();
    let json = structured_data(&page(&app, &format!("/en/products/{}", product.slug)).await);
    assert_eq!(json["@type"], "Product");
    assert_eq!(json["name"], product.name.as_str());
    let maker = catalog.producer(product.producer_id).expect("maker");
    assert_eq!(json["brand"]["@type"], "Brand");
    assert_eq!(json["brand"]["name"], maker.name.as_str());
    let offers = json["offers"].as_array().expect("offers");
    assert_eq!(offers.len(), catalog.outlets(product.id, chrono::Utc::now()).len());
    assert!(
        offers.iter().all(|o| o["@type"] == "Offer" && o["availability"].as_str().is_some_and(|a| a.starts_with("https://schema.org/")))
    );
    assert!(
        offers.iter().all(|o| o["url"].as_str().is_some_and(|u| u.contains("/en/showrooms/"))),
        "offers link the showroom in the page's language"
    );

    let village = catalog.villages.iter().find(|v| v.active && v.name == "Làng Bát Tràng").expect("village");
    let json = structured_data(&page(&app, &format!("/villages/{}", village.slug)).await);
    assert_eq!(json["@type"], "TouristAttraction");
    assert_eq!(json["name"], "Làng Bát Tràng");
    assert!(json["geo"]["latitude"].is_number() && json["description"].as_str().is_some_and(|d| !d.is_empty()));
}

#[tokio::test]
async fn a_name_cannot_break_out_of_the_json_ld_script() {
    let hostile = serde_json::json!({ "name": "</script><script>alert(1)</script>&" });
    let safe = ocop_locator::web::structured_data_json(&hostile);
    assert!(!safe.contains('<') && !safe.contains('&'));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).expect("still JSON"), hostile);
}

#[tokio::test]
async fn the_sitemap_lists_every_site_product_and_village_in_both_languages() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    let response = app.get("/sitemap.xml").await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["content-type"].to_str().expect("ascii").starts_with("application/xml"));
    let xml = response.text().await.expect("body");
    let locs: std::collections::HashSet<String> = xml
        .split("<loc>")
        .skip(1)
        .filter_map(|part| part.split("</loc>").next())
        .map(|loc| loc.split_once("://").map_or(loc, |(_, rest)| rest.split_once('/').map_or("", |(_, path)| path)).to_owned())
        .collect();
    let has = |path: &str| locs.contains(path.trim_start_matches('/'));
    for lang_prefix in ["", "/en"] {
        for site in catalog.sites.iter().filter(|s| s.active) {
            assert!(has(&format!("{lang_prefix}/showrooms/{}", site.slug)), "{lang_prefix} {}", site.slug);
        }
        for product in catalog.products.iter().filter(|p| p.active) {
            assert!(has(&format!("{lang_prefix}/products/{}", product.slug)), "{lang_prefix} {}", product.slug);
        }
        for village in catalog.villages.iter().filter(|v| v.active) {
            assert!(has(&format!("{lang_prefix}/villages/{}", village.slug)), "{lang_prefix} {}", village.slug);
        }
    }
    assert!(xml.contains("hreflang=\"en\"") && xml.contains("hreflang=\"vi\""));
    let closed = catalog.sites.iter().find(|s| !s.active).expect("the demo has closed sites");
    assert!(!has(&format!("/showrooms/{}", closed.slug)), "a closed site is no page to index");
    let robots = app.get("/robots.txt").await.text().await.expect("body");
    assert!(robots.contains("Disallow: /admin") && robots.contains("Sitemap: ") && robots.contains("/sitemap.xml"));
}

#[tokio::test]
async fn every_page_has_a_description_and_open_graph_tags_for_link_previews() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    let site = catalog.sites.iter().find(|s| s.active).expect("site");
    for path in ["/".to_owned(), "/en/villages".to_owned(), format!("/showrooms/{}", site.slug), "/en/search?q=tea".to_owned()] {
        let html = page(&app, &path).await;
        let description = attrs(&html, "meta[name=description]", "content");
        assert_eq!(description.len(), 1, "{path}");
        assert!(description[0].len() > 20, "{path}: {description:?}");
        for property in ["og:title", "og:description", "og:url", "og:locale", "og:site_name"] {
            assert_eq!(attrs(&html, &format!("meta[property='{property}']"), "content").len(), 1, "{path}: {property}");
        }
        assert_eq!(attrs(&html, "link[rel=icon]", "href"), ["/favicon.ico"]);
    }
    let site_page = page(&app, &format!("/showrooms/{}", site.slug)).await;
    assert!(attrs(&site_page, "meta[name=description]", "content")[0].contains(&site.address), "the site's own sentence");
    assert_eq!(app.get("/favicon.ico").await.status().as_u16(), 200);
}
