//! `/near`: nearest first by great-circle distance, filters that combine, every way of saying
//! where one is (with JavaScript off: plain GET forms), bad input, and the remembered place.

use chrono::{Datelike, Utc};
use scraper::Html;

use crate::helpers::{TestApp, attrs, spawn_app, text, texts};
use ocop_locator::domain::{Category, OpenState, Site, Stars};

/// Great-circle distance in metres, written out here independently of the app (haversine,
/// mean Earth radius 6,371,008.8 m).
fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6_371_008.8 * a.sqrt().asin()
}

/// The slugs of the result rows, in order.
fn result_slugs(html: &Html) -> Vec<String> {
    attrs(html, "ol.near-results > li", "id").into_iter().map(|id| id.trim_start_matches("site-").to_owned()).collect()
}

fn site(app: &TestApp, slug: &str) -> Site {
    app.state.catalog.snapshot().site_by_slug(slug).expect("site").clone()
}

const HO_GUOM: (f64, f64) = (21.0287, 105.8524);

#[tokio::test]
async fn sites_come_nearest_first_at_hand_computed_distances() {
    let app = spawn_app().await;
    let html = app.page(&format!("/near?lat={}&lon={}", HO_GUOM.0, HO_GUOM.1), 200).await;
    let slugs = result_slugs(&html);
    assert_eq!(slugs.len(), 10, "ten nearest, no radius");
    let distances: Vec<f64> = slugs.iter().map(|s| site(&app, s)).map(|s| haversine_m(HO_GUOM.0, HO_GUOM.1, s.lat, s.lon)).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1] + 0.01), "{distances:?}");
    // The first is the nearest of all active sites (brute force over the whole catalogue).
    let catalog = app.state.catalog.snapshot();
    let nearest =
        catalog.sites.iter().filter(|s| s.active).map(|s| haversine_m(HO_GUOM.0, HO_GUOM.1, s.lat, s.lon)).fold(f64::MAX, f64::min);
    assert!((distances[0] - nearest).abs() < 0.01);
    // Shown as people say it: "80 m" under a kilometre, "1,2 km" above.
    let shown = texts(&html, "ol.near-results .distance");
    for (text, metres) in shown.iter().zip(&distances) {
        let expected = if *metres < 950.0 {
            format!("{} m", ((metres / 10.0).round() * 10.0).max(10.0) as i64)
        } else {
            format!("{:.1} km", metres / 1000.0).replace('.', ",")
        };
        assert_eq!(text, &expected);
    }
    // The point is named by its ward and former district.
    assert!(text(&html, ".near-heading").contains("Phường Hoàn Kiếm (trước đây thuộc Hoàn Kiếm)"));
    // Each row offers a call (when there is a phone) and directions from the point.
    let google = attrs(&html, "ol.near-results a[href^='https://www.google.com/maps/dir/']", "href");
    assert!(google[0].contains("origin=21.02870,105.85240"), "{}", google[0]);
}

#[tokio::test]
async fn the_headline_query_combines_category_stars_stock_and_open_now() {
    let app = spawn_app().await;
    // At 10:00 in Hanoi on a weekday, when showrooms are open, whatever the hour of the run.
    let mut now = Utc::now().date_naive().and_hms_opt(3, 0, 0).expect("valid").and_utc();
    while now < Utc::now() || now.weekday().number_from_monday() > 5 {
        now += chrono::Duration::days(1);
    }
    app.state.clock.set(Some(now));
    let path = format!("/near?lat={}&lon={}&category=herbal&stars=4&in_stock=1&open=1", HO_GUOM.0, HO_GUOM.1);
    let html = app.page(&path, 200).await;
    let catalog = app.state.catalog.snapshot();
    let today = ocop_locator::domain::hanoi_date(now);
    // What the answer must be, computed here from the snapshot.
    let qualifies = |s: &Site| {
        s.active
            && !matches!(s.open_state(now), OpenState::Closed { .. })
            && catalog.stock_at(s.id).iter().any(|row| {
                let p = catalog.product(row.product_id).expect("product");
                p.category == Category::Herbal && p.stars >= Stars::FOUR && p.is_certified(today) && row.status(now).is_available()
            })
    };
    let mut expected: Vec<(f64, String)> =
        catalog.sites.iter().filter(|s| qualifies(s)).map(|s| (haversine_m(HO_GUOM.0, HO_GUOM.1, s.lat, s.lon), s.slug.clone())).collect();
    expected.sort_by(|a, b| a.0.total_cmp(&b.0));
    let expected: Vec<String> = expected.into_iter().take(10).map(|(_, slug)| slug).collect();
    assert!(!expected.is_empty(), "the demo data has 4-star herbal products in stock");
    assert_eq!(result_slugs(&html), expected);
    // Every product shown on a row matches too.
    for href in attrs(&html, "ol.near-results .near-products a[href*='#product-']", "href") {
        let slug = href.rsplit("#product-").next().expect("anchor");
        let p = catalog.product_by_slug(slug).expect("product");
        assert_eq!((p.category, p.stars >= Stars::FOUR), (Category::Herbal, true), "{slug}");
    }
    // The collapsed form says which filters are on, in words.
    assert!(text(&html, ".near-filters summary").contains("Thảo dược · Từ 4 sao · Chỉ nơi còn hàng · Đang mở cửa"));
}

#[tokio::test]
async fn every_way_of_saying_where_works_without_javascript() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    let ward = catalog.wards.iter().find(|w| w.name == "Bồ Đề").expect("Bồ Đề").slug.clone();
    let cases = [
        ("from=place:ho-guom".to_owned(), "Hồ Gươm"),
        (format!("from=ward:{ward}"), "Phường Bồ Đề"),
        ("from=district:gia-lam".to_owned(), "Gia Lâm"),
        ("at=bat+trang".to_owned(), "Bát Tràng"),
        ("at=BÁT+TRÀNG".to_owned(), "Bát Tràng"),
        ("at=h%C3%A0ng+b%E1%BA%A1c".to_owned(), "Hàng Bạc"),
        ("at=https%3A%2F%2Fwww.google.com%2Fmaps%2F%4021.0287%2C105.8524%2C17z".to_owned(), "Hoàn Kiếm"),
        ("at=https%3A%2F%2Fwww.openstreetmap.org%2F%23map%3D17%2F20.9760%2F105.9136".to_owned(), "Bát Tràng"),
        ("at=21.0368%2C+105.8347".to_owned(), "Ba Đình"),
    ];
    for (query, place) in cases {
        let html = app.page(&format!("/near?{query}"), 200).await;
        assert!(text(&html, ".near-heading").contains(place), "{query}: {}", text(&html, ".near-heading"));
        assert_eq!(result_slugs(&html).len(), 10, "{query}");
    }
    // With nothing chosen: the pickers, no results, and the location button left for scripts.
    let html = app.page("/near", 200).await;
    assert!(result_slugs(&html).is_empty());
    assert_eq!(attrs(&html, "#use-location", "hidden").len(), 1, "hidden until a script can use it");
    assert!(texts(&html, "select[name=from] option").iter().any(|o| o.contains("Sân bay Nội Bài")));
    // A results page leaves the long list out and links to it, keeping the filters.
    let results = app.page("/near?from=place:ho-guom&category=food", 200).await;
    assert!(texts(&results, "select[name=from] option").is_empty());
    let link = attrs(&results, "a[href*='pick=1']", "href");
    assert_eq!(link, vec!["/near?category=food&pick=1#choose".to_owned()]);
    let picker = app.page("/near?category=food&pick=1", 200).await;
    assert!(texts(&picker, "select[name=from] option").len() > 150);
    assert_eq!(attrs(&picker, "form:has(select[name=from]) input[name=category]", "value"), vec!["food".to_owned()]);
}

#[tokio::test]
async fn bad_input_gets_a_400_that_says_what_and_keeps_the_form() {
    let app = spawn_app().await;
    let cases = [
        ("lat=91&lon=105.85", "Vĩ độ phải từ −90 đến 90"),
        ("lat=21&lon=-181", "Kinh độ phải từ −180 đến 180"),
        ("lat=abc&lon=105.85", "lat phải là một số"),
        ("lat=NaN&lon=105.85", "lat phải là một số"),
        ("lat=21.02&lon=inf", "lon phải là một số"),
        ("lat=21.02", "Cần cả vĩ độ (lat) và kinh độ (lon)"),
        ("from=place:atlantis", "Không có địa điểm"),
        ("from=nonsense", "Không có địa điểm"),
        ("at=zzqqxxyy", "Không tìm thấy nơi nào khớp với “zzqqxxyy”"),
        ("from=place:ho-guom&stars=9", "Hạng sao phải là 3, 4 hoặc 5"),
        ("from=place:ho-guom&product=khong-co", "Không có sản phẩm nào mang mã “khong-co”"),
    ];
    for (query, message) in cases {
        let response = app.get(&format!("/near?{query}")).await;
        assert_eq!(response.status().as_u16(), 400, "{query}");
        let html = Html::parse_document(&response.text().await.expect("body"));
        assert!(text(&html, ".problem").contains(message), "{query}: {}", text(&html, ".problem"));
    }
    // A bad place keeps the list of places, to choose another.
    let html = app.page("/near?lat=91&lon=105", 400).await;
    assert!(texts(&html, "select[name=from] option").len() > 150);
    // The typed text comes back in its box, escaped.
    let body = app.get("/near?at=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await.text().await.expect("body");
    assert!(!body.contains("<script>alert(1)"), "escaped");
    let html = Html::parse_document(&body);
    assert_eq!(attrs(&html, "input[name=at]", "value"), vec!["<script>alert(1)</script>".to_owned()]);
    // 500 characters of anything is harmless.
    let junk: String = "'\";<>{}%00😀".chars().cycle().take(500).collect();
    let query = serde_urlencoded::to_string([("at", junk.as_str()), ("lat", junk.as_str())]).expect("query");
    assert_eq!(app.get(&format!("/near?{query}")).await.status().as_u16(), 400);
}

#[tokio::test]
async fn a_point_far_from_hanoi_still_gets_the_nearest_sites_and_says_it_is_far() {
    let app = spawn_app().await;
    let html = app.page("/near?lat=10.7769&lon=106.7009", 200).await;
    assert_eq!(result_slugs(&html).len(), 10);
    let notes = texts(&html, "p.notice").join(" ");
    assert!(notes.contains("ngoài Hà Nội"), "{notes}");
    assert!(notes.contains("Điểm gần nhất cách"), "{notes}");
}

#[tokio::test]
async fn a_remembered_place_sorts_where_to_buy_by_distance() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    // The product sold at the most sites.
    let product =
        catalog.products.iter().filter(|p| p.active).max_by_key(|p| catalog.outlets(p.id, Utc::now()).len()).expect("product").clone();
    let path = format!("/products/{}", product.slug);
    let plain = app.page(&path, 200).await;
    assert!(texts(&plain, "table.outlets td.distance").is_empty(), "no distances without a place");

    for (lat, lon) in [(21.0287, 105.8524), (21.2147, 105.8031)] {
        let remember =
            app.client.post(format!("{}/place", app.address)).form(&[("point", format!("{lat},{lon}"))]).send().await.expect("sent");
        assert_eq!(remember.status().as_u16(), 303);
        let cookie =
            remember.headers().get("set-cookie").expect("cookie").to_str().expect("text").split(';').next().expect("pair").to_owned();
        assert!(cookie.starts_with("ocop_place="), "{cookie}");
        let response = app.client.get(format!("{}{path}", app.address)).header("Cookie", &cookie).send().await.expect("sent");
        let html = Html::parse_document(&response.text().await.expect("body"));
        let slugs: Vec<String> = attrs(&html, "table.outlets tbody tr th a", "href")
            .into_iter()
            .map(|h| h.trim_start_matches("/showrooms/").to_owned())
            .collect();
        let distances: Vec<f64> = slugs.iter().map(|s| site(&app, s)).map(|s| haversine_m(lat, lon, s.lat, s.lon)).collect();
        assert!(distances.len() > 1);
        assert!(distances.windows(2).all(|w| w[0] <= w[1] + 0.01), "from {lat},{lon}: {distances:?}");
        assert_eq!(texts(&html, "table.outlets td.distance").len(), slugs.len());
        // Each row links to the product's own row on the showroom page.
        let shelf = attrs(&html, "table.outlets a.shelf-link", "href");
        assert_eq!(shelf[0], format!("/showrooms/{}#product-{}", slugs[0], product.slug));
        let showroom = app.page(&format!("/showrooms/{}", slugs[0]), 200).await;
        assert_eq!(attrs(&showroom, &format!("tr#product-{}", product.slug), "id").len(), 1);
    }
    // A broken cookie is ignored, not an error.
    let response = app.client.get(format!("{}{path}", app.address)).header("Cookie", "ocop_place=NaN,1e999").send().await.expect("sent");
    assert_eq!(response.status().as_u16(), 200);
}

#[tokio::test]
async fn the_geojson_lists_every_active_site_longitude_first() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/sites.geojson").await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["content-type"].to_str().expect("type").starts_with("application/geo+json"));
    let doc: serde_json::Value = response.json().await.expect("json");
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().expect("features");
    let catalog = app.state.catalog.snapshot();
    assert_eq!(features.len(), catalog.sites.iter().filter(|s| s.active).count());
    for feature in features {
        assert_eq!(feature["type"], "Feature");
        assert_eq!(feature["geometry"]["type"], "Point");
        let slug = feature["id"].as_str().expect("id");
        let site = catalog.site_by_slug(slug).expect("site");
        let xy = feature["geometry"]["coordinates"].as_array().expect("position");
        assert_eq!((xy[0].as_f64(), xy[1].as_f64()), (Some(site.lon), Some(site.lat)), "longitude first");
        assert!((102.0..110.0).contains(&site.lon) && (8.0..24.0).contains(&site.lat));
    }
}

#[tokio::test]
async fn the_near_api_answers_the_same_question_as_json() {
    let app = spawn_app().await;
    let page = app.page("/near?from=place:ho-guom&category=food&in_stock=1", 200).await;
    let doc = app.json("/api/v1/near?from=place:ho-guom&category=food&in_stock=1").await;
    let slugs: Vec<String> = doc["sites"].as_array().expect("sites").iter().map(|s| s["slug"].as_str().expect("slug").to_owned()).collect();
    assert_eq!(slugs, result_slugs(&page), "the page and the API agree");
    let distances: Vec<i64> = doc["sites"].as_array().expect("sites").iter().map(|s| s["distance_m"].as_i64().expect("m")).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]));
    assert!(doc["sites"][0]["products"].as_array().expect("products").iter().all(|p| p["status"] != "out_of_stock"));
    for bad in ["/api/v1/near", "/api/v1/near?lat=1e999&lon=0", "/api/v1/near?from=place:ho-guom&category=tea"] {
        let response = app.get(bad).await;
        assert_eq!(response.status().as_u16(), 400, "{bad}");
        let body: serde_json::Value = response.json().await.expect("json");
        assert!(!body["errors"].as_array().expect("errors").is_empty(), "{bad}");
    }
}

#[tokio::test]
async fn the_showroom_list_follows_the_remembered_place_and_each_place_has_its_own_cache_entry() {
    let app = spawn_app().await;
    let first_by_name = result_cards(&app.page("/showrooms?kind=showroom", 200).await);
    for (lat, lon) in [(21.0287, 105.8524), (21.1379, 105.5046), (20.6180, 105.7476)] {
        let response = app
            .client
            .get(format!("{}/showrooms?kind=showroom", app.address))
            .header("Cookie", format!("ocop_place={lat:.5},{lon:.5}"))
            .send()
            .await
            .expect("sent");
        let html = Html::parse_document(&response.text().await.expect("body"));
        let slugs = result_cards(&html);
        assert_eq!(slugs.len(), first_by_name.len(), "the same sites, in another order");
        let distances: Vec<f64> = slugs.iter().map(|s| site(&app, s)).map(|s| haversine_m(lat, lon, s.lat, s.lon)).collect();
        assert!(distances.windows(2).all(|w| w[0] <= w[1] + 0.01), "from {lat},{lon}");
        assert_eq!(texts(&html, "li.card p.distance").len(), slugs.len());
        // A district's list too.
        let response = app
            .client
            .get(format!("{}/districts/gia-lam", app.address))
            .header("Cookie", format!("ocop_place={lat:.5},{lon:.5}"))
            .send()
            .await
            .expect("sent");
        let html = Html::parse_document(&response.text().await.expect("body"));
        let distances: Vec<f64> = result_cards(&html).iter().map(|s| site(&app, s)).map(|s| haversine_m(lat, lon, s.lat, s.lon)).collect();
        assert!(distances.len() > 1 && distances.windows(2).all(|w| w[0] <= w[1] + 0.01), "gia-lam from {lat},{lon}");
    }
}

fn result_cards(html: &Html) -> Vec<String> {
    attrs(html, "li.card h3 a", "href").into_iter().map(|h| h.trim_start_matches("/showrooms/").to_owned()).collect()
}

#[tokio::test]
async fn maps_are_drawn_on_the_server_with_a_linked_pin_per_listed_site() {
    let app = spawn_app().await;
    let html = app.page("/near?from=place:ho-guom", 200).await;
    let rows = result_slugs(&html);
    let pins = attrs(&html, "svg[data-map] a", "href");
    // Drawn last-first so pin 1 is on top.
    let mut expected: Vec<String> = rows.iter().map(|s| format!("#site-{s}")).collect();
    expected.reverse();
    assert_eq!(pins, expected);
    let labels = attrs(&html, "svg[data-map] a", "aria-label");
    assert!(labels.last().expect("pin 1").starts_with("1. "), "{labels:?}");
    assert!(attrs(&html, "svg[data-map] .wards path", "d").len() > 3, "ward outlines around the pins");
    assert_eq!(attrs(&html, "svg[data-map] ellipse.lake", "rx").len(), 1, "Hồ Gươm for orientation");

    let district = app.page("/districts/gia-lam", 200).await;
    let cards = attrs(&district, "li.card h3 a", "href");
    let mut pins = attrs(&district, "svg[data-map] a", "href");
    pins.reverse();
    assert_eq!(pins, cards);
    let showroom = app.page(&format!("/showrooms/{}", rows[0]), 200).await;
    assert_eq!(attrs(&showroom, "svg[data-map] a", "href").len(), 1);
}

#[tokio::test]
async fn open_now_is_hanoi_time_at_fixed_instants_whatever_the_server_clock() {
    use chrono::{Datelike, NaiveDate, TimeZone, Weekday};
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    // Thursday 26 November 2026, 23:30 UTC = Friday 27 November, 06:30 in Hanoi.
    let night_utc = Utc.with_ymd_and_hms(2026, 11, 26, 23, 30, 0).single().expect("valid");
    let friday = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid");
    assert_eq!(friday.weekday(), Weekday::Fri);
    // A site that opens after 06:30 on Fridays.
    let site = catalog
        .sites
        .iter()
        .filter(|s| s.active && s.closure.is_none())
        .find(|s| {
            !s.hours.is_open_at(friday.and_hms_opt(6, 30, 0).expect("valid"))
                && s.hours.is_open_at(friday.and_hms_opt(10, 0, 0).expect("valid"))
        })
        .expect("a site opening on Friday morning")
        .clone();
    let opens = site.hours.next_change(friday.and_hms_opt(6, 30, 0).expect("valid")).expect("opens");
    let path = format!("/near?lat={}&lon={}", site.lat, site.lon);

    app.state.clock.set(Some(night_utc));
    let html = app.page(&path, 200).await;
    assert_eq!(result_slugs(&html)[0], site.slug, "the site itself is nearest");
    let state = texts(&html, "ol.near-results .open-state");
    assert_eq!(state[0], format!("Đang đóng cửa, mở lại {}", opens.format("%-H:%M")));
    // Open now only: it is left out while closed.
    let open_only = app.page(&format!("{path}&open=1"), 200).await;
    assert!(!result_slugs(&open_only).contains(&site.slug));

    // Friday 10:00 in Hanoi (03:00 UTC): open, with its closing time; the cached night answer
    // expired when the site opened.
    app.state.clock.set(Some(Utc.with_ymd_and_hms(2026, 11, 27, 3, 0, 0).single().expect("valid")));
    let closes = site.hours.next_change(friday.and_hms_opt(10, 0, 0).expect("valid")).expect("closes");
    let html = app.page(&path, 200).await;
    assert_eq!(texts(&html, "ol.near-results .open-state")[0], format!("Đang mở cửa, đóng lúc {}", closes.format("%-H:%M")));
    assert!(result_slugs(&app.page(&format!("{path}&open=1"), 200).await).contains(&site.slug));
    app.state.clock.set(None);
}
