//! Request logging, the page cache, and the one place errors become pages.

use std::sync::Arc;
use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody, to_bytes};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse, web};
use askama::Template;
use chrono::Utc;

use super::AppState;
use super::page::{Cacheable, Chrome, HTML, JSON, Nav};
use crate::catalog::pages::{CachedPage, next_hanoi_midnight};
use crate::error::AppError;
use crate::i18n::Lang;

/// One log line per request.
pub async fn log_requests(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let (method, path) = (req.method().clone(), req.path().to_owned());
    let response = next.call(req).await?;
    tracing::info!(%method, path, status = response.status().as_u16(), micros = started.elapsed().as_micros() as u64, "request");
    Ok(response)
}

/// Serves GET responses from the current snapshot's page cache, and fills it.
pub async fn cache_pages(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let Some(state) = state.filter(|_| req.method() == Method::GET) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let snapshot = state.catalog.snapshot();
    let now = Utc::now();
    let hit = snapshot.pages.get(cache_key(&req), now);
    if let Some(page) = hit {
        let response = HttpResponse::Ok().content_type(page.content_type).body(page.body);
        return Ok(req.into_response(response));
    }
    let key = cache_key(&req).to_owned();
    req.extensions_mut().insert(Arc::clone(&snapshot));
    let response = next.call(req).await?;
    let cacheable = response.response().extensions().get::<Cacheable>().copied();
    let Some(cacheable) = cacheable.filter(|_| response.status() == StatusCode::OK) else {
        return Ok(response.map_into_boxed_body());
    };
    let (request, response) = response.into_parts();
    let (response, body) = response.into_parts();
    let body = to_bytes(body).await.map_err(|e| {
        let e: Box<dyn std::error::Error> = e.into();
        AppError::Internal(anyhow::anyhow!("failed to buffer a response: {e}"))
    })?;
    snapshot.pages.put(key, CachedPage { content_type: cacheable.content_type, body: body.clone(), expires_at: next_hanoi_midnight(now) });
    Ok(ServiceResponse::new(request, response.set_body(body).map_into_boxed_body()))
}

/// The path and query string: two URLs differing in either are different pages.
fn cache_key(req: &ServiceRequest) -> &str {
    req.uri().path_and_query().map_or(req.path(), |pq| pq.as_str())
}

#[derive(Template)]
#[template(path = "pages/error.html")]
struct ErrorPage {
    chrome: Chrome,
    heading: &'static str,
    body: &'static str,
    problems: Vec<String>,
}

/// Turns any error response into a page (or a JSON object under /api/) that says what went
/// wrong in the visitor's language.
pub async fn error_pages(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, Error> {
    let response = next.call(req).await?;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(response.map_into_boxed_body());
    }
    let lang = Lang::Vi;
    let t = lang.texts();
    let problems: Vec<String> = match response.response().error().and_then(|e| e.as_error::<AppError>()) {
        Some(AppError::BadFilters(errors)) => errors.iter().map(|e| t.filter_error(e)).collect(),
        _ => Vec::new(),
    };
    let (heading, body) = match status {
        StatusCode::NOT_FOUND => (t.error_not_found_title, t.error_not_found_body),
        s if s.is_client_error() => (t.error_bad_request_title, t.error_bad_request_body),
        _ => (t.error_internal_title, t.error_internal_body),
    };
    let (request, _) = response.into_parts();
    let new_response = if request.path().starts_with("/api/") {
        let json = serde_json::json!({ "error": heading, "problems": problems });
        HttpResponse::build(status).content_type(JSON).body(json.to_string())
    } else {
        let is_demo = request.app_data::<web::Data<AppState>>().is_some_and(|s| s.catalog.snapshot().is_demo);
        let page = ErrorPage { chrome: Chrome::new(lang, is_demo, heading.to_owned(), Nav::None), heading, body, problems };
        let html = page.render().unwrap_or_else(|_| heading.to_owned());
        HttpResponse::build(status).content_type(HTML).body(html)
    };
    Ok(ServiceResponse::new(request, new_response.map_into_boxed_body()))
}
