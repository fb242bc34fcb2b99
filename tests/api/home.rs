use crate::helpers::{spawn_app, spawn_app_with, text, texts};

#[tokio::test]
async fn home_counts_the_110_showrooms_and_16_design_centres() {
    let app = spawn_app().await;

    let html = app.page("/", 200).await;

    assert_eq!(text(&html, "#count-showrooms"), "110");
    assert_eq!(text(&html, "#count-design-centres"), "16");
    let number = |selector: &str| text(&html, selector).replace('.', "").parse::<usize>().expect("number");
    let (five, potential, total) = (number("#count-5"), number("#count-potential"), number("#count-products"));
    assert_eq!(five, 6, "the six national five-star products are certified");
    assert!(potential > 0 && potential <= 22, "potential five-star: {potential}");
    assert!((3_000..=3_317).contains(&total), "certified products today: {total}");
    assert_eq!(texts(&html, "ul.districts li").len(), 30, "browse by all 30 former districts");
}

#[tokio::test]
async fn every_page_says_the_data_is_sample_data() {
    let app = spawn_app().await;

    for path in ["/", "/districts", "/districts/gia-lam", "/showrooms", "/products", "/products?page=2", "/no-such-page"] {
        let status = if path == "/no-such-page" { 404 } else { 200 };
        let html = app.page(path, status).await;
        assert_eq!(texts(&html, ".sample-notice").len(), 1, "sample notice on {path}");
    }
}

#[tokio::test]
async fn health_check_reports_the_database_is_reachable() {
    let app = spawn_app().await;

    let body = app.json("/healthz").await;

    assert_eq!(body["status"], "ok");
    assert!(body["catalogue_version"].as_i64().is_some_and(|v| v > 1));
}

#[tokio::test]
async fn stylesheet_is_served_with_a_long_cache_lifetime() {
    let app = spawn_app().await;
    let html = app.page("/", 200).await;
    let href = crate::helpers::attrs(&html, "link[rel=stylesheet]", "href").pop().expect("stylesheet link");

    let response = app.get(&href).await;

    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["cache-control"].to_str().expect("ascii").contains("immutable"));
    assert!(response.text().await.expect("body").contains("--brand"));
}

#[tokio::test]
async fn with_no_demo_an_empty_database_stays_empty_and_unlabelled() {
    let app = spawn_app_with(true).await;

    let html = app.page("/", 200).await;

    assert_eq!(text(&html, "#count-showrooms"), "0");
    assert!(texts(&html, ".sample-notice").is_empty(), "no sample data, no notice");
    assert_eq!(app.json("/api/v1/sites").await["count"], 0);
}
