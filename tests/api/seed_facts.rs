//! The facts the news reports give about Hanoi's network are in the demo data as stated.

use crate::helpers::{TestApp, attrs, spawn_app, text, texts};

/// The one showroom a search finds, opened.
async fn only_site(app: &TestApp, query: &str) -> scraper::Html {
    let list = app.page(&format!("/showrooms?q={query}"), 200).await;
    let links = attrs(&list, "li.card h3 a", "href");
    assert_eq!(links.len(), 1, "{query}: {links:?}");
    app.page(&links[0], 200).await
}

/// Products of a list page with their stars.
async fn products(app: &TestApp, query: &str) -> Vec<String> {
    texts(&app.page(&format!("/products?{query}"), 200).await, "ul.products li")
}

#[tokio::test]
async fn the_202_ho_tung_mau_showroom_sells_processed_food_in_bac_tu_liem() {
    let app = spawn_app().await;

    let html = only_site(&app, "202+H%E1%BB%93+T%C3%B9ng+M%E1%BA%ADu").await;

    assert!(text(&html, "dl.facts dd:first-of-type").contains("Bắc Từ Liêm"));
    assert!(texts(&html, "section h3").contains(&"Thực phẩm".to_owned()));
}

#[tokio::test]
async fn bac_tu_liem_had_two_showrooms() {
    let app = spawn_app().await;

    let html = app.page("/showrooms?district=bac-tu-liem&kind=showroom", 200).await;

    assert_eq!(text(&html, "#result-count"), "2");
}

#[tokio::test]
async fn the_soc_son_cooperative_stocks_its_named_products() {
    let app = spawn_app().await;

    let html = only_site(&app, "HTX+N%C3%B4ng+l%C3%A2m+nghi%E1%BB%87p+B%E1%BA%AFc+S%C6%A1n").await;

    let stocked = texts(&html, "table.stock tbody th").join(" | ");
    for name in
        ["Thanh Xuân", "Trung Giã", "KMS Minh Phú", "Minh Trí", "Hải Yến", "Nam Sơn", "Phú Cường", "Trái tim Hồng", "Bắc Sơn", "Tâm Ngọc"]
    {
        assert!(stocked.contains(name), "{name} missing from {stocked}");
    }
    let stars = texts(&html, "table.stock .stars");
    assert!(stars.iter().all(|s| s == "★★★☆☆" || s == "★★★★☆"), "3-4 star products only: {stars:?}");
}

#[tokio::test]
async fn cu_da_soy_sauce_is_three_stars_and_my_duc_silk_quilt_five() {
    let app = spawn_app().await;

    let cu_da = products(&app, "q=t%C6%B0%C6%A1ng+c%E1%BB%B1+%C4%91%C3%A0").await;
    let quilt = products(&app, "q=ch%C4%83n+t%C6%A1+t%E1%BA%B1m&stars=5").await;

    assert!(cu_da.iter().any(|p| p.contains("Tương Cự Đà") && p.contains("★★★☆☆") && p.contains("Thanh Oai")), "{cu_da:?}");
    assert_eq!(quilt.len(), 1, "{quilt:?}");
    assert!(quilt[0].contains("Mỹ Đức"));
}

#[tokio::test]
async fn the_phu_loi_workshop_shows_nine_four_star_items_in_phu_xuyen() {
    let app = spawn_app().await;

    let html = only_site(&app, "m%E1%BB%B9+ngh%E1%BB%87+Ph%C3%BA+L%E1%BB%A3i").await;

    assert!(text(&html, "dl.facts dd:first-of-type").contains("Phú Xuyên"));
    let phu_loi = products(&app, "q=ph%C3%BA+l%E1%BB%A3i&stars=4").await;
    assert!(phu_loi.iter().filter(|p| p.contains("★★★★☆")).count() >= 9, "{phu_loi:?}");
}

#[tokio::test]
async fn phu_xuyen_has_five_showrooms_and_soc_son_eight() {
    let app = spawn_app().await;

    let phu_xuyen = app.page("/showrooms?district=phu-xuyen&kind=showroom", 200).await;
    let soc_son = app.page("/showrooms?district=soc-son&kind=showroom", 200).await;

    assert_eq!(text(&phu_xuyen, "#result-count"), "5");
    assert_eq!(text(&soc_son, "#result-count"), "8");
}

#[tokio::test]
async fn vu_van_dinh_workshop_has_eight_four_star_products() {
    let app = spawn_app().await;

    let found = products(&app, "q=v%C5%A9+v%C4%83n+%C4%91%E1%BB%8Bnh").await;

    assert_eq!(found.iter().filter(|p| p.contains("★★★★☆")).count(), 8, "{found:?}");
}
