//! `/photos/{product}-{version}-{width}.jpg`: product photos, from the database. The version
//! changes with every upload, so a URL's bytes never change: cached for a year.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG};
use actix_web::{HttpResponse, web};

use crate::db::photos;
use crate::error::AppError;
use crate::web::AppState;

pub async fn photo(state: web::Data<AppState>, file: web::Path<String>) -> Result<HttpResponse, AppError> {
    let parts: Vec<i64> = file.strip_suffix(".jpg").ok_or(AppError::NotFound)?.split('-').map(|p| p.parse().unwrap_or(-1)).collect();
    let [product_id, version, width] = parts[..] else { return Err(AppError::NotFound) };
    if product_id < 1 || version < 1 || !(1..=4096).contains(&width) {
        return Err(AppError::NotFound);
    }
    let bytes = photos::variant(&state.db, product_id, version, width).await?.ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "image/jpeg"))
        .insert_header((CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((ETAG, format!("\"{product_id}-{version}-{width}\"")))
        .body(bytes))
}
