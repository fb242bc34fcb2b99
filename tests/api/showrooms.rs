use crate::helpers::{attrs, spawn_app, text, texts};

#[tokio::test]
async fn showroom_list_filters_by_kind() {
    let app = spawn_app().await;

    let all = app.page("/showrooms", 200).await;
    let showrooms = app.page("/showrooms?kind=showroom", 200).await;
    let centres = app.page("/showrooms?kind=design_centre", 200).await;

    let count = |html: &scraper::Html| text(html, "#result-count").parse::<usize>().expect("number");
    assert_eq!(count(&showrooms), texts(&showrooms, "li.card").len());
    assert_eq!(count(&centres), 16);
    assert!(count(&showrooms) >= 105, "active showrooms: {}", count(&showrooms));
    assert_eq!(count(&all), count(&showrooms) + count(&centres));
}

#[tokio::test]
async fn showroom_list_combines_district_category_stars_and_text() {
    let app = spawn_app().await;

    let html = app.page("/showrooms?district=gia-lam&category=handicrafts&stars=5", 200).await;

    let links = attrs(&html, "li.card h3 a", "href");
    assert!(!links.is_empty(), "Bát Tràng's five-star ceramics are sold in Gia Lâm");
    for link in links {
        let page = app.page(&link, 200).await;
        assert!(text(&page, "dl.facts dd:first-of-type").contains("Gia Lâm"), "{link} is in Gia Lâm");
    }
}

#[tokio::test]
async fn text_search_ignores_diacritics() {
    let app = spawn_app().await;

    let plain = app.page("/showrooms?q=bat+trang", 200).await;
    let accented = app.page("/showrooms?q=B%C3%A1t+Tr%C3%A0ng", 200).await;

    let names = texts(&plain, "li.card h3");
    assert!(!names.is_empty());
    assert_eq!(names, texts(&accented, "li.card h3"));
}

#[tokio::test]
async fn showroom_page_lists_its_stock_with_status_and_freshness() {
    let app = spawn_app().await;
    let sites = app.json("/api/v1/sites").await;
    let busiest = sites["sites"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|s| s["kind"] == "showroom")
        .max_by_key(|s| s["product_count"].as_u64())
        .expect("a showroom")
        .clone();

    let html = app.page(&format!("/showrooms/{}", busiest["slug"].as_str().expect("slug")), 200).await;

    assert_eq!(text(&html, "h1"), busiest["name"].as_str().expect("name"));
    let rows = texts(&html, "table.stock tbody tr");
    assert!(rows.len() >= 40, "a showroom stocks typically 40-120 products, found {}", rows.len());
    let statuses = attrs(&html, "table.stock tbody tr", "data-status");
    assert!(statuses.iter().all(|s| ["in_stock", "limited", "out_of_stock", "unconfirmed"].contains(&s.as_str())));
    assert!(statuses.iter().any(|s| s == "in_stock"));
    assert!(texts(&html, "small.fresh").iter().all(|f| f.starts_with("cập nhật")));
    assert!(!texts(&html, ".stars[aria-label$=sao]").is_empty(), "stars carry a spoken label");
    assert!(texts(&html, "section h3").len() >= 2, "stock is grouped by category");
    assert!(attrs(&html, "a.button", "href")[0].contains("destination="), "directions link");
}

#[tokio::test]
async fn unknown_showroom_is_a_404_page() {
    let app = spawn_app().await;

    let html = app.page("/showrooms/no-such-showroom", 404).await;

    assert_eq!(text(&html, "h1"), "Không tìm thấy trang");
}
