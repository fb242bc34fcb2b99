use crate::helpers::{spawn_app, text, texts};

#[tokio::test]
async fn districts_index_lists_all_30_former_districts() {
    let app = spawn_app().await;

    let html = app.page("/districts", 200).await;

    assert_eq!(texts(&html, "tbody th[scope=row] a").len(), 30);
}

#[tokio::test]
async fn every_district_page_lists_its_sites_and_its_new_wards() {
    let app = spawn_app().await;
    let sites = app.json("/api/v1/sites").await;
    let html = app.page("/districts", 200).await;
    let slugs = crate::helpers::attrs(&html, "tbody th[scope=row] a", "href");
    assert_eq!(slugs.len(), 30);

    let mut total_sites = 0;
    for href in slugs {
        let page = app.page(&href, 200).await;
        let slug = href.trim_start_matches("/districts/");
        let expected = sites["sites"].as_array().expect("array").iter().filter(|s| s["district_slug"] == slug).count();
        let cards = texts(&page, "ul.cards li.card");
        assert_eq!(cards.len(), expected, "sites listed on {href}");
        assert!(expected >= 1, "every former district has at least one site ({href})");
        assert!(!texts(&page, "ul.wards li").is_empty(), "{href} names its current wards and communes");
        total_sites += cards.len();
    }
    assert_eq!(total_sites, sites["count"].as_u64().expect("count") as usize);
}

#[tokio::test]
async fn a_district_page_shows_old_and_new_unit_names() {
    let app = spawn_app().await;

    let html = app.page("/districts/long-bien", 200).await;

    assert_eq!(text(&html, "h1"), "Quận Long Biên");
    let wards = texts(&html, "ul.wards li");
    assert!(wards.contains(&"Phường Bồ Đề".to_owned()), "{wards:?}");
    let places = texts(&html, "li.card small");
    assert!(places.iter().all(|p| p.contains("trước đây thuộc Long Biên")), "{places:?}");
}

#[tokio::test]
async fn unknown_district_is_a_404_page() {
    let app = spawn_app().await;

    let html = app.page("/districts/atlantis", 404).await;

    assert_eq!(text(&html, "h1"), "Không tìm thấy trang");
}
