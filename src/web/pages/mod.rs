//! The public pages and the JSON API: one module per page family.

mod api;
mod districts;
mod health;
mod home;
mod products;
mod sites;
mod view;

use actix_web::{HttpResponse, Route, guard, web};

use super::page::{ASSET_VERSION, STYLESHEET};
use crate::error::AppError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", read().to(home::home))
        .route("/districts", read().to(districts::districts))
        .route("/districts/{slug}", read().to(districts::district))
        .route("/showrooms", read().to(sites::sites))
        .route("/showrooms/{slug}", read().to(sites::site))
        .route("/products", read().to(products::products))
        .route("/products/{slug}", read().to(products::product))
        .route("/api/v1/sites", read().to(api::sites))
        .route("/api/v1/sites/{slug}", read().to(api::site))
        .route("/healthz", read().to(health::health))
        .route("/static/style.css", read().to(stylesheet));
}

/// GET, and HEAD for link checkers and uptime monitors (the server drops the body).
fn read() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

/// Everything else: a real 404 page.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// The stylesheet. Its URL carries a content hash, so it may be cached for a year.
async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .insert_header(("ETag", format!("\"{}\"", *ASSET_VERSION)))
        .body(STYLESHEET)
}
