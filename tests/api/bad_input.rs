use crate::helpers::{spawn_app, text, texts};

#[tokio::test]
async fn nonsense_filters_get_a_400_page_that_says_what_was_wrong() {
    let app = spawn_app().await;
    let long_text = "x".repeat(5_000);
    let cases: Vec<(String, &str)> = vec![
        ("/products?stars=9".into(), "Hạng sao phải là 3, 4 hoặc 5"),
        ("/showrooms?stars=2".into(), "Hạng sao phải là 3, 4 hoặc 5"),
        ("/products?page=-1".into(), "Số trang phải là số nguyên dương"),
        ("/products?page=abc".into(), "Số trang phải là số nguyên dương"),
        ("/products?page=0".into(), "Số trang phải là số nguyên dương"),
        ("/showrooms?district=atlantis".into(), "Không có quận, huyện nào mang mã “atlantis”"),
        ("/products?category=toys".into(), "Không có nhóm sản phẩm “toys”"),
        ("/showrooms?kind=castle".into(), "Loại điểm phải là"),
        (format!("/products?q={long_text}"), "Từ khóa dài quá 100 ký tự"),
    ];

    for (path, message) in cases {
        let html = app.page(&path, 400).await;
        let problems = texts(&html, "ul.problems li");
        assert!(problems.iter().any(|p| p.contains(message)), "{path}: expected “{message}” in {problems:?}");
        assert!(html.html().len() < 20_000, "{path}: the error page does not echo 5 KB of input");
    }
}

#[tokio::test]
async fn several_bad_filters_are_all_reported() {
    let app = spawn_app().await;

    let html = app.page("/showrooms?stars=9&district=nowhere&category=x", 400).await;

    assert_eq!(texts(&html, "ul.problems li").len(), 3);
}

#[tokio::test]
async fn empty_and_unknown_parameters_are_ignored() {
    let app = spawn_app().await;

    let html = app.page("/showrooms?kind=&district=&category=&stars=&q=&utm_source=x", 200).await;

    assert_eq!(text(&html, "#result-count").parse::<usize>().expect("number"), texts(&html, "li.card").len());
}

#[tokio::test]
async fn malformed_urls_never_cause_a_server_error() {
    let app = spawn_app().await;
    // Broken escapes in a query are searched literally (200); the rest are 4xx.
    for path in ["/products?q=%ZZ%", "/products?q=%C3%28"] {
        let status = app.get(path).await.status().as_u16();
        assert_eq!(status, 200, "{path} answered {status}");
    }
    let paths = [
        "/showrooms/%C3%28",
        "/showrooms/%00",
        "/products?page=99999999999999999999999",
        "/districts/gia-lam/extra",
        "/static/../Cargo.toml",
        "/static/..%2F..%2FCargo.toml",
        "/static/style.css/../../src/main.rs",
        "/static/%2e%2e/%2e%2e/etc/passwd",
    ];

    for path in paths {
        let response = app.get(path).await;
        let status = response.status().as_u16();
        assert!((400..500).contains(&status), "{path} answered {status}");
        let body = response.text().await.expect("body");
        assert!(!body.contains("[package]") && !body.contains("fn main") && !body.contains("root:"), "{path} leaked a file");
    }
}

#[tokio::test]
async fn head_requests_answer_like_get_without_a_body() {
    let app = spawn_app().await;

    let response = app.client.head(format!("{}/showrooms", app.address)).send().await.expect("sent");

    assert_eq!(response.status().as_u16(), 200);
    assert!(response.text().await.expect("body").is_empty());
}

#[tokio::test]
async fn other_methods_on_pages_are_refused() {
    let app = spawn_app().await;

    let response = app.client.post(format!("{}/showrooms", app.address)).send().await.expect("sent");

    assert!((400..500).contains(&response.status().as_u16()));
}
