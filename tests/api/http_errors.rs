//! Errors as HTTP expects them: 405 with `Allow`, security headers on every response, JSON
//! health even when unhealthy, and a handler's own error page left alone.

use actix_web::middleware::from_fn;
use actix_web::{App, HttpResponse, test, web};
use ocop_locator::error::AppError;
use ocop_locator::web::middleware::{error_pages, front};

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_wrong_method_gets_405_with_allow() {
    let app = spawn_app().await;
    for path in ["/", "/showrooms", "/products/x", "/healthz"] {
        let response = app.client.post(format!("{}{path}", app.address)).send().await.expect("sent");

        assert_eq!(response.status().as_u16(), 405, "POST {path}");
        assert_eq!(response.headers()["allow"], "GET, HEAD", "POST {path}");
    }
}

#[tokio::test]
async fn error_responses_carry_the_security_headers_and_are_not_stored() {
    let app = spawn_app().await;
    // "/" twice: rendered, then answered from the cache before routing.
    for (path, status) in [("/nowhere", 404), ("/products?stars=9", 400), ("/", 200), ("/", 200)] {
        let response = app.get(path).await;

        assert_eq!(response.status().as_u16(), status, "{path}");
        for header in ["content-security-policy", "x-content-type-options", "referrer-policy"] {
            assert!(response.headers().contains_key(header), "{header} on {path}");
        }
        if status != 200 {
            assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
        }
    }
}

#[tokio::test]
async fn health_answers_json_503_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.state.db.pool.close().await;

    let response = app.get("/healthz").await;

    assert_eq!(response.status().as_u16(), 503);
    assert!(response.headers()["content-type"].to_str().expect("ascii").starts_with("application/json"));
    assert_eq!(response.json::<serde_json::Value>().await.expect("JSON")["status"], "unavailable");
}

#[actix_web::test]
async fn a_handlers_own_409_page_keeps_its_body_while_raised_errors_become_pages() {
    let service = test::init_service(
        App::new()
            .wrap(from_fn(error_pages))
            .wrap(from_fn(front))
            .route("/form", web::post().to(|| async { HttpResponse::Conflict().body("<p>Theirs: 7. Yours: 9.</p>") }))
            .route("/raised", web::post().to(|| async { Err::<HttpResponse, _>(AppError::Conflict) })),
    )
    .await;

    let own = test::call_service(&service, test::TestRequest::post().uri("/form").to_request()).await;
    assert_eq!(own.status().as_u16(), 409);
    assert!(own.headers().contains_key("content-security-policy"));
    assert_eq!(test::read_body(own).await, "<p>Theirs: 7. Yours: 9.</p>");

    let raised = test::call_service(&service, test::TestRequest::post().uri("/raised").to_request()).await;
    assert_eq!(raised.status().as_u16(), 409);
    let body = String::from_utf8(test::read_body(raised).await.to_vec()).expect("utf-8");
    assert!(body.contains(ocop_locator::i18n::Lang::Vi.texts().error_conflict_title), "{body}");
}
