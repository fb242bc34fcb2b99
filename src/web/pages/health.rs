//! `/healthz`: is the database reachable, which catalogue version is served.

use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::web::AppState;

/// 200 with the served version, or 503 when the database does not answer. Never cached.
pub async fn health(state: web::Data<AppState>) -> HttpResponse {
    let version = state.catalog.snapshot().version;
    match state.db.ping().await {
        Ok(()) => HttpResponse::Ok().json(json!({ "status": "ok", "catalogue_version": version })),
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "health check failed");
            HttpResponse::ServiceUnavailable().json(json!({ "status": "unavailable" }))
        }
    }
}
