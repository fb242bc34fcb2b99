//! The front layer (request logging, security headers, cached pages before routing), and the
//! one place errors become pages.

use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, web};
use askama::Template;

use super::page::{Chrome, HTML, JSON, Nav, PageAddress};
use super::{AppState, cached};
use crate::error::AppError;
use crate::i18n::Lang;

/// A request slower than this is logged even when it succeeded.
const SLOW: Duration = Duration::from_millis(500);

/// The outermost layer, in one: answers a cached public page before routing when it can
/// (`cached::early`), adds the security headers to every response (error pages included), and
/// logs. One log line (target `request`) per failed or slow request at `info`, per other
/// request at `debug`: the reverse proxy in front keeps the access log, and formatting a line
/// for every cached page cost a tenth of serving it. `RUST_LOG=info,request=debug` logs every
/// request.
pub async fn front(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, Error> {
    let started = Instant::now();
    let mut response = match cached::early(&req) {
        Some(page) => req.into_response(page),
        None => next.call(req).await?.map_into_boxed_body(),
    };
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        if !headers.contains_key(&name) {
            headers.insert(name, value);
        }
    }
    let (status, took) = (response.status(), started.elapsed());
    let noteworthy = status.is_client_error() || status.is_server_error() || took >= SLOW;
    let (method, path, micros) = (response.request().method(), response.request().path(), took.as_micros() as u64);
    if noteworthy {
        tracing::info!(target: "request", %method, path, status = status.as_u16(), micros, "request");
    } else {
        tracing::debug!(target: "request", %method, path, status = status.as_u16(), micros, "request");
    }
    Ok(response)
}

/// Headers every response carries: no framing, no sniffing, nothing loaded from elsewhere.
const SECURITY_HEADERS: [(HeaderName, HeaderValue); 3] = [
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    ),
    (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
    (header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin")),
];

#[derive(Template)]
#[template(path = "pages/error.html")]
struct ErrorPage {
    chrome: Chrome,
    heading: &'static str,
    body: &'static str,
    problems: Vec<String>,
}

/// Turns an error the app raised (an `AppError`, or the framework's own, such as a bad path)
/// into a page (or a JSON object under /api/) that says what went wrong in the visitor's
/// language. A handler's own error page (a 409 form, say) passes untouched, and so do the
/// original response's headers (`Allow` on a 405).
pub async fn error_pages(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, Error> {
    let response = next.call(req).await?;
    let status = response.status();
    if response.response().error().is_none() || !(status.is_client_error() || status.is_server_error()) {
        return Ok(response.map_into_boxed_body());
    }
    let lang = Lang::of_path(response.request().path());
    let t = lang.texts();
    let problems: Vec<String> = match response.response().error().and_then(|e| e.as_error::<AppError>()) {
        Some(AppError::BadFilters(errors)) => errors.iter().map(|e| t.filter_error(e)).collect(),
        Some(AppError::Validation(errors)) => errors.iter().map(|e| t.field_problem(&e.field, &e.problem)).collect(),
        _ => Vec::new(),
    };
    let (heading, body) = match status {
        StatusCode::NOT_FOUND => (t.error_not_found_title, t.error_not_found_body),
        StatusCode::METHOD_NOT_ALLOWED => (t.error_method_title, t.error_method_body),
        StatusCode::UNAUTHORIZED => (t.error_unauthorized_title, t.error_unauthorized_body),
        StatusCode::FORBIDDEN => (t.error_forbidden_title, t.error_forbidden_body),
        StatusCode::CONFLICT => (t.error_conflict_title, t.error_conflict_body),
        s if s.is_client_error() => (t.error_bad_request_title, t.error_bad_request_body),
        _ => (t.error_internal_title, t.error_internal_body),
    };
    let headers = response.headers().clone();
    let (request, _) = response.into_parts();
    let new_response = if request.path().starts_with("/api/") {
        let json = serde_json::json!({ "error": heading, "problems": problems });
        HttpResponse::build(status).content_type(JSON).body(json.to_string())
    } else {
        let state = request.app_data::<web::Data<AppState>>();
        let is_demo = state.is_some_and(|s| s.catalog.snapshot().is_demo);
        let public_url = state.map_or("", |s| s.public_url.as_str());
        let address = PageAddress::of(request.path(), "", &[]);
        let chrome = Chrome::new(lang, is_demo, heading.into(), Nav::None, &address, public_url);
        let page = ErrorPage { chrome, heading, body, problems };
        let html = page.render().unwrap_or_else(|_| heading.to_owned());
        HttpResponse::build(status).content_type(HTML).body(html)
    };
    let mut new_response = new_response;
    for (name, value) in headers.iter().filter(|(name, _)| **name != header::CONTENT_TYPE) {
        new_response.headers_mut().insert(name.clone(), value.clone());
    }
    new_response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    Ok(ServiceResponse::new(request, new_response.map_into_boxed_body()))
}
