use crate::helpers::{attrs, spawn_app, text, texts};

#[tokio::test]
async fn product_list_is_paginated_and_filtered() {
    let app = spawn_app().await;

    let first = app.page("/products", 200).await;
    let second = app.page("/products?page=2", 200).await;
    let five_star = app.page("/products?stars=5", 200).await;
    let food = app.page("/products?category=food&district=soc-son", 200).await;

    assert_eq!(texts(&first, "ul.products li").len(), 30);
    assert_ne!(texts(&first, "ul.products h3"), texts(&second, "ul.products h3"));
    assert_eq!(attrs(&first, "a[rel=next]", "href"), vec!["/products?page=2".to_owned()]);
    assert_eq!(text(&five_star, "#result-count"), "6");
    assert!(texts(&five_star, ".stars").iter().all(|s| s == "★★★★★"));
    assert!(texts(&food, "ul.products li").iter().all(|p| p.contains("Thực phẩm") && p.contains("Sóc Sơn")));
}

#[tokio::test]
async fn a_page_past_the_end_shows_the_last_page() {
    let app = spawn_app().await;

    let html = app.page("/products?stars=5&page=99", 200).await;

    assert_eq!(texts(&html, "ul.products li").len(), 6);
}

#[tokio::test]
async fn product_page_shows_certificate_and_where_to_buy() {
    let app = spawn_app().await;
    let sites = app.json("/api/v1/sites").await;
    let slug = sites["sites"][0]["slug"].as_str().expect("slug").to_owned();
    let site = app.json(&format!("/api/v1/sites/{slug}")).await;
    let product_slug = site["stock"][0]["product_slug"].as_str().expect("product").to_owned();

    let html = app.page(&format!("/products/{product_slug}"), 200).await;

    assert_eq!(text(&html, "h1"), site["stock"][0]["product"].as_str().expect("name"));
    assert!(text(&html, "dd.certificate").contains("/20"), "certificate dates are shown");
    let outlets = attrs(&html, "table.outlets tbody th a", "href");
    assert!(outlets.contains(&format!("/showrooms/{slug}")), "where to buy lists {slug}: {outlets:?}");
    assert!(attrs(&html, "table.outlets tbody tr", "data-status").iter().all(|s| !s.is_empty()));
}

#[tokio::test]
async fn unknown_product_is_a_404_page() {
    let app = spawn_app().await;

    app.page("/products/no-such-product", 404).await;
}

#[tokio::test]
async fn counts_agree_between_pages_say_when_they_are_filtered_and_group_thousands() {
    let app = spawn_app().await;
    let home = app.page("/", 200).await;
    let certified = text(&home, "#count-products");
    assert!(certified.contains('.'), "thousands grouped: {certified}");
    let list = app.page("/products", 200).await;
    let line = text(&list, "p[role=status]");
    assert!(line.contains(&format!("{certified} còn hiệu lực")), "the home page's count is on the list: {line}");
    assert!(text(&list, "#result-count").contains('.'), "grouped");
    let filtered = app.page("/products?category=herbal", 200).await;
    let line = text(&filtered, "p[role=status]");
    assert!(line.contains("phù hợp, trong tổng số "), "{line}");
    assert!(text(&filtered, "details.filter-box summary").contains("Thảo dược"), "the collapsed form says what is set");
    let sites = app.page("/showrooms?stars=5", 200).await;
    assert!(text(&sites, "p[role=status]").contains("phù hợp, trong tổng số"));
    assert!(text(&sites, "details.filter-box summary").contains("Từ 5 sao"));
}
