//! The public pages and the JSON API: one module per page family.

mod api;
mod districts;
mod health;
mod home;
mod products;
mod sites;
mod view;

use actix_web::{HttpResponse, web};

use super::page::{ASSET_VERSION, STYLESHEET};
use crate::error::AppError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::home))
        .route("/districts", web::get().to(districts::districts))
        .route("/districts/{slug}", web::get().to(districts::district))
        .route("/showrooms", web::get().to(sites::sites))
        .route("/showrooms/{slug}", web::get().to(sites::site))
        .route("/products", web::get().to(products::products))
        .route("/products/{slug}", web::get().to(products::product))
        .route("/api/v1/sites", web::get().to(api::sites))
        .route("/api/v1/sites/{slug}", web::get().to(api::site))
        .route("/healthz", web::get().to(health::health))
        .route("/static/style.css", web::get().to(stylesheet));
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
