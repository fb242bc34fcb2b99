//! Every page in Vietnamese (the default, at the root) and in English (under /en/): the switch
//! keeps the page and its filters, `lang`, `hreflang` and canonical URLs are right, an English
//! page holds no Vietnamese interface text, and a browser preferring the other language is
//! offered it, never sent there.

use scraper::Html;

use crate::helpers::{TestApp, attrs, spawn_app, text};
use ocop_locator::i18n::Lang;

/// One page of every type, as a path in the default language.
async fn page_types(app: &TestApp) -> Vec<String> {
    let catalog = app.state.catalog.snapshot();
    let site = catalog.sites.iter().find(|s| s.active && !catalog.stock_at(s.id).is_empty()).expect("a site with stock");
    let product = catalog.product(catalog.stock_at(site.id)[0].product_id).expect("a listed product");
    let village = catalog.villages.iter().find(|v| v.active && v.name == "Làng Bát Tràng").expect("Bát Tràng");
    vec![
        "/".to_owned(),
        "/near".to_owned(),
        "/near?from=place:ho-guom&category=herbal".to_owned(),
        "/villages".to_owned(),
        format!("/villages/{}", village.slug),
        "/showrooms?district=gia-lam&kind=showroom".to_owned(),
        format!("/showrooms/{}", site.slug),
        format!("/showrooms/{}/report", site.slug),
        "/products?category=food&stars=4".to_owned(),
        format!("/products/{}", product.slug),
        "/districts".to_owned(),
        "/districts/gia-lam".to_owned(),
        "/ocop".to_owned(),
        "/search?q=b%C3%A1t+tr%C3%A0ng".to_owned(),
        "/khong-co-trang-nay".to_owned(),
    ]
}

fn status_of(path: &str) -> u16 {
    if path.contains("khong-co") { 404 } else { 200 }
}

#[tokio::test]
async fn every_page_exists_in_both_languages_with_lang_alternates_and_a_switch_that_keeps_the_filters() {
    let app = spawn_app().await;
    for path in page_types(&app).await {
        for lang in Lang::ALL {
            let here = format!("{}{path}", lang.base_path());
            let html = app.page(&here, status_of(&path)).await;
            assert_eq!(attrs(&html, "html", "lang"), [lang.code()], "{here}");
            // The switch names every language in itself and leads to the same page and filters.
            let switch = attrs(&html, "nav.languages a", "href");
            let others: Vec<Lang> = Lang::ALL.into_iter().filter(|l| *l != lang).collect();
            assert_eq!(switch.len(), others.len(), "{here}");
            for (href, other) in switch.iter().zip(&others) {
                let bare = path.split('?').next().unwrap_or("");
                assert!(href.starts_with(&format!("{}{bare}", other.base_path())), "{here}: {href}");
                if path == "/showrooms?district=gia-lam&kind=showroom" {
                    assert_eq!(href, &format!("{}/showrooms?kind=showroom&district=gia-lam", other.base_path()), "filters kept");
                }
            }
            if status_of(&path) == 200 {
                let alternates = attrs(&html, "link[rel=alternate][hreflang]", "hreflang");
                assert_eq!(alternates, ["vi", "en", "x-default"], "{here}");
                let canonical = attrs(&html, "link[rel=canonical]", "href");
                assert_eq!(canonical.len(), 1, "{here}");
                assert!(
                    canonical[0].starts_with("http")
                        && canonical[0].contains(&format!("{}{}", lang.base_path(), path.split('?').next().unwrap_or(""))),
                    "{here}: {canonical:?}"
                );
            }
        }
    }
    // /en alone leads to the English home page.
    let response = app.get("/en").await;
    assert_eq!(response.status().as_u16(), 308);
    assert_eq!(response.headers()["location"], "/en/");
}

/// The Vietnamese interface messages an English page must not show: those that differ from
/// their English text and are long enough not to occur inside a Vietnamese name by chance.
fn vietnamese_only_messages() -> Vec<&'static str> {
    let (vi, en) = (Lang::Vi.texts(), Lang::En.texts());
    let pairs = [
        (vi.nav_home, en.nav_home),
        (vi.nav_near, en.nav_near),
        (vi.nav_villages, en.nav_villages),
        (vi.nav_sites, en.nav_sites),
        (vi.nav_products, en.nav_products),
        (vi.nav_districts, en.nav_districts),
        (vi.sample_notice, en.sample_notice),
        (vi.footer_about, en.footer_about),
        (vi.search_label, en.search_label),
        (vi.search_button, en.search_button),
        (vi.filter_heading, en.filter_heading),
        (vi.filter_submit, en.filter_submit),
        (vi.filter_reset, en.filter_reset),
        (vi.site_address, en.site_address),
        (vi.site_hours, en.site_hours),
        (vi.site_directions, en.site_directions),
        (vi.site_stock_heading, en.site_stock_heading),
        (vi.product_where_to_buy, en.product_where_to_buy),
        (vi.product_producer, en.product_producer),
        (vi.product_certificate, en.product_certificate),
        (vi.stock_in_stock, en.stock_in_stock),
        (vi.stock_out_of_stock, en.stock_out_of_stock),
        (vi.stock_limited, en.stock_limited),
        (vi.stock_unconfirmed, en.stock_unconfirmed),
        (vi.error_not_found_title, en.error_not_found_title),
        (vi.map_caption, en.map_caption),
        (vi.report_title, en.report_title),
        (vi.districts_title, en.districts_title),
        (Lang::Vi.near().title, Lang::En.near().title),
        (Lang::Vi.near().use_location, Lang::En.near().use_location),
        (Lang::Vi.tourist().villages_title, Lang::En.tourist().villages_title),
        (Lang::Vi.tourist().ocop_link, Lang::En.tourist().ocop_link),
        (Lang::Vi.search().intro, Lang::En.search().intro),
        (Lang::Vi.search().try_these, Lang::En.search().try_these),
    ];
    pairs.into_iter().filter(|(vi, en)| vi != en && vi.chars().count() >= 4).map(|(vi, _)| vi).collect()
}

fn words_of(html: &Html) -> String {
    // Everything a reader sees, plus the labels a screen reader speaks.
    let mut all = text(html, "body");
    for attribute in ["aria-label", "placeholder", "title", "alt"] {
        for value in attrs(html, &format!("[{attribute}]"), attribute) {
            all.push(' ');
            all.push_str(&value);
        }
    }
    all
}

#[tokio::test]
async fn no_vietnamese_interface_text_is_left_on_an_english_page() {
    let app = spawn_app().await;
    let vietnamese = vietnamese_only_messages();
    assert!(vietnamese.len() > 25, "the check has something to look for");
    // Names and descriptions are content, in Vietnamese on every page: a showroom called
    // "Điểm OCOP Làng nghề …" is not interface text. Those holding a message are cut out first.
    let catalog = app.state.catalog.snapshot();
    let mut content: Vec<String> = catalog
        .sites
        .iter()
        .flat_map(|s| [s.name.clone(), s.address.clone(), s.description.clone(), s.operator.clone().unwrap_or_default()])
        .chain(catalog.products.iter().flat_map(|p| [p.name.clone(), p.description.clone(), p.unit.clone()]))
        .chain(catalog.producers.iter().map(|p| p.name.clone()))
        .chain(catalog.villages.iter().flat_map(|v| [v.name.clone(), v.description.clone(), v.craft_vi.clone()]))
        .filter(|c| vietnamese.iter().any(|m| c.contains(m)))
        .collect();
    content.sort_by_key(|c| std::cmp::Reverse(c.len()));
    for path in page_types(&app).await {
        let here = format!("/en{path}");
        let mut english = words_of(&app.page(&here, status_of(&path)).await);
        for c in &content {
            english = english.replace(c.as_str(), " ");
        }
        let native = words_of(&app.page(&path, status_of(&path)).await);
        for message in &vietnamese {
            // A message the Vietnamese page shows must not be on its English twin.
            if native.contains(message) {
                assert!(!english.contains(message), "{here} still says “{message}”");
            }
        }
        // The sample-data notice (inside its landmark) is translated too.
        assert!(english.contains(Lang::En.texts().sample_notice), "{here}");
    }
}

#[tokio::test]
async fn a_browser_preferring_the_other_language_is_offered_it_and_never_redirected() {
    let app = spawn_app().await;
    let offer_on = |path: &'static str, accept: &'static str| {
        let app = &app;
        async move {
            let response = app.client.get(format!("{}{path}", app.address)).header("Accept-Language", accept).send().await.expect("sent");
            assert_eq!(response.status().as_u16(), 200, "{path} is served, not redirected");
            assert!(response.headers()["vary"].to_str().expect("ascii").contains("Accept-Language"));
            let html = Html::parse_document(&response.text().await.expect("body"));
            attrs(&html, "p.language-offer a", "href")
        }
    };
    assert_eq!(offer_on("/products?stars=5", "en-GB,en;q=0.9,vi;q=0.5").await, ["/en/products?stars=5"]);
    assert_eq!(offer_on("/products?stars=5", "vi-VN,vi;q=0.9,en;q=0.8").await, Vec::<String>::new());
    assert_eq!(offer_on("/en/products?stars=5", "vi").await, ["/products?stars=5"]);
    assert_eq!(offer_on("/en/products?stars=5", "ko-KR,ko").await, Vec::<String>::new());
    // The page cache keeps the two answers apart.
    assert_eq!(offer_on("/products?stars=5", "en").await, ["/en/products?stars=5"]);
    assert_eq!(offer_on("/products?stars=5", "vi").await, Vec::<String>::new());
}

#[tokio::test]
async fn english_pages_format_numbers_dates_and_distances_the_english_way() {
    let app = spawn_app().await;
    let home = app.page("/en/", 200).await;
    let count = text(&home, "#count-products");
    assert!(count.contains(',') && !count.contains('.'), "3,129 style: {count}");
    let near = app.page("/en/near?from=place:lang-gom-bat-trang", 200).await;
    let distances: Vec<String> = crate::helpers::texts(&near, "ol.near-results .distance");
    assert!(!distances.is_empty());
    assert!(distances.iter().all(|d| !d.contains(',')), "12.4 km, not 12,4 km: {distances:?}");
    let catalog = app.state.catalog.snapshot();
    let product = catalog.products.iter().find(|p| p.active).expect("product");
    let page = app.page(&format!("/en/products/{}", product.slug), 200).await;
    let certificate = text(&page, "main");
    let month = product.certified_on.format("%b").to_string();
    assert!(certificate.contains(&month), "dates like “1 Dec 2026” in English: {month}");
}

#[tokio::test]
async fn english_pages_show_english_content_and_mark_vietnamese_where_none_exists() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    let village = catalog.villages.iter().find(|v| v.name == "Làng Bát Tràng").expect("village");
    let html = app.page(&format!("/en/villages/{}", village.slug), 200).await;
    let main = text(&html, "main");
    assert!(!village.description_en.is_empty() && main.contains(&village.description_en), "the English description");
    assert!(!main.contains(&village.description), "not the Vietnamese one");
    let trade = text(&html, "article.village p.kind");
    assert!(trade.contains(&village.craft_en) && !trade.contains(&village.craft_vi), "the trade in English: {trade}");
    // A product with no English text yet shows the Vietnamese, marked as Vietnamese.
    let untranslated = catalog.products.iter().find(|p| p.active && p.description_en.is_empty() && !p.description.is_empty()).expect("one");
    let page = app.page(&format!("/en/products/{}", untranslated.slug), 200).await;
    assert_eq!(crate::helpers::texts(&page, "main p[lang=vi] small.untranslated"), [Lang::En.texts().content_untranslated]);
    let translated = catalog.products.iter().find(|p| p.active && !p.description_en.is_empty()).expect("one");
    let page = app.page(&format!("/en/products/{}", translated.slug), 200).await;
    assert!(text(&page, "main").contains(&translated.description_en));
    assert!(crate::helpers::texts(&page, "small.untranslated").is_empty());
    // On the Vietnamese page, the Vietnamese text, unmarked.
    let page = app.page(&format!("/products/{}", translated.slug), 200).await;
    assert!(text(&page, "main").contains(&translated.description) && crate::helpers::texts(&page, "small.untranslated").is_empty());
}
