//! `/admin/products/{product}/photo`: a clerk or city staff uploads a product's photo from the
//! phone's camera; it is checked by content, resized and stored for every instance to serve.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;

use super::guard::Staff;
use super::upload::read_file;
use super::view::{AdminChrome, render, render_with, see_other};
use crate::catalog::Catalog;
use crate::db::photos;
use crate::domain::Product;
use crate::domain::photo::{self, MAX_BYTES, PhotoError};
use crate::error::AppError;
use crate::i18n::AdminTexts;
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/photo.html")]
struct PhotoPage {
    chrome: AdminChrome,
    slug: String,
    /// The current photo's URL, if any.
    current: Option<String>,
    notice: Option<&'static str>,
    problem: Option<&'static str>,
}

/// City staff may change any product's photo; a clerk only one their sites list.
fn may_change(catalog: &Catalog, staff: &Staff, product: &Product) -> bool {
    staff.account.is_admin() || catalog.stock_of(product.id).any(|row| staff.account.keeps_site(row.site_id))
}

fn page(staff: &Staff, product: &Product, notice: Option<&'static str>, problem: Option<&'static str>) -> PhotoPage {
    PhotoPage {
        chrome: AdminChrome::new(AdminTexts::vi().photo_title(&product.name), Some(staff)),
        slug: product.slug.clone(),
        current: product.photo.map(|p| format!("/photos/{}-{}-640.jpg", product.id, p.version)),
        notice,
        problem,
    }
}

pub async fn photo_form(
    state: web::Data<AppState>,
    staff: Staff,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let product = catalog.product_by_slug(&slug).ok_or(AppError::NotFound)?;
    if !may_change(&catalog, &staff, product) {
        return Err(AppError::Forbidden);
    }
    let notice = req.query_string().contains("saved=1").then_some(AdminTexts::vi().photo_saved);
    render(&page(&staff, product, notice, None))
}

pub async fn upload_photo(
    state: web::Data<AppState>,
    staff: Staff,
    slug: web::Path<String>,
    upload: Multipart,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let product = catalog.product_by_slug(&slug).ok_or(AppError::NotFound)?;
    if !may_change(&catalog, &staff, product) {
        return Err(AppError::Forbidden);
    }
    let t = AdminTexts::vi();
    let bytes = match read_file(upload, "photo", MAX_BYTES).await {
        Ok(bytes) => bytes,
        Err(AppError::BodyTooLarge) => {
            return render_with(StatusCode::PAYLOAD_TOO_LARGE, &page(&staff, product, None, Some(t.photo_too_big)));
        }
        Err(other) => return Err(other),
    };
    let prepared = web::block(move || photo::prepare(&bytes)).await.map_err(|e| AppError::Internal(e.into()))?;
    let variants = match prepared {
        Ok(variants) => variants,
        Err(error) => {
            let problem = match error {
                PhotoError::NotAnImage | PhotoError::Unreadable => t.photo_not_an_image,
                PhotoError::TooLarge => t.photo_too_big,
            };
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&staff, product, None, Some(problem)));
        }
    };
    photos::store(&state.db, product.id, &variants, &staff.account.username, Utc::now()).await?;
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/products/{}/photo?saved=1", product.slug)))
}
