//! `/admin/sites/{slug}/reports`: what shoppers reported at a site, for its clerks to settle.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::guard::{KeptSite, Staff};
use super::view::{AdminChrome, render, see_other};
use crate::db::reports;
use crate::domain::hanoi_offset;
use crate::domain::report::{ReportKind, Resolution};
use crate::error::AppError;
use crate::i18n::{AdminTexts, Lang};
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/reports.html")]
struct ReportsPage {
    chrome: AdminChrome,
    slug: String,
    reports: Vec<ReportView>,
}

struct ReportView {
    id: i64,
    kind: &'static str,
    is_stock: bool,
    product: String,
    note: String,
    when: String,
}

pub async fn reports(state: web::Data<AppState>, staff: Staff, site: KeptSite) -> Result<HttpResponse, AppError> {
    let t = AdminTexts::vi();
    let catalog = state.catalog.snapshot();
    let site_info = catalog.site(site.id).ok_or(AppError::NotFound)?;
    let reports = reports::open_at(&state.db, &[site.id])
        .await?
        .into_iter()
        .map(|r| ReportView {
            id: r.id,
            kind: Lang::Vi.texts().report_kind(r.kind),
            is_stock: r.kind == ReportKind::NotInStock,
            product: r.product_id.and_then(|id| catalog.product(id)).map(|p| p.name.clone()).unwrap_or_default(),
            note: r.note,
            when: r.created_at.with_timezone(&hanoi_offset()).format("%d/%m %H:%M").to_string(),
        })
        .collect();
    let chrome = AdminChrome::new(t.reports_title(&site_info.name), Some(&staff));
    render(&ReportsPage { chrome, slug: site_info.slug.clone(), reports })
}

#[derive(Deserialize)]
pub struct ResolveForm {
    resolution: String,
}

/// Closes a report as corrected or wrong. (Counting the product closes "not in stock" ones.)
pub async fn resolve_report(
    state: web::Data<AppState>,
    staff: Staff,
    site: KeptSite,
    path: web::Path<(String, i64)>,
    form: web::Form<ResolveForm>,
) -> Result<HttpResponse, AppError> {
    let resolution = match Resolution::parse(&form.resolution) {
        Some(r @ (Resolution::Corrected | Resolution::Wrong)) => r,
        _ => {
            let problem = crate::domain::input::FieldProblem::Malformed;
            return Err(AppError::Validation(vec![crate::domain::input::FieldError::new("resolution", problem)]));
        }
    };
    let (slug, report_id) = path.into_inner();
    if !reports::resolve(&state.db, report_id, site.id, resolution, &staff.account.username, Utc::now()).await? {
        return Err(AppError::NotFound);
    }
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/sites/{slug}/reports")))
}
