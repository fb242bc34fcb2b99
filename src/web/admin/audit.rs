//! `/admin/audit`: every change, who made it and when, filterable by site, account and date,
//! and the same as CSV.

use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use super::guard::Staff;
use super::view::{AdminChrome, render};
use crate::catalog::Catalog;
use crate::db::audit::{self, AuditFilter, AuditRecord};
use crate::domain::hanoi_offset;
use crate::domain::input::{FieldError, FieldProblem};
use crate::error::AppError;
use crate::i18n::AdminTexts;
use crate::web::AppState;

const PER_PAGE: i64 = 100;

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: Option<i64>,
}

impl AuditQuery {
    /// The filter, or which fields make no sense.
    fn filter(&self, catalog: &Catalog) -> Result<AuditFilter, AppError> {
        let mut errors = Vec::new();
        let site_id = match self.site.trim() {
            "" => None,
            slug => catalog.site_by_slug(slug).map(|s| s.id).or_else(|| {
                errors.push(FieldError::new("site", FieldProblem::Malformed));
                None
            }),
        };
        let mut day = |field: &str, text: &str, next: bool| -> Option<i64> {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") else {
                errors.push(FieldError::new(field, FieldProblem::Malformed));
                return None;
            };
            let date = if next { date.succ_opt()? } else { date };
            Some(date.and_hms_opt(0, 0, 0)?.and_local_timezone(hanoi_offset()).single()?.timestamp())
        };
        let from = day("from", &self.from, false);
        let until = day("to", &self.to, true);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let actor = Some(self.user.trim().to_owned()).filter(|u| !u.is_empty());
        Ok(AuditFilter { site_id, actor, from, until })
    }
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    chrome: AdminChrome,
    query_site: String,
    query_user: String,
    query_from: String,
    query_to: String,
    sites: Vec<(String, String)>,
    actors: Vec<String>,
    entries: Vec<EntryView>,
    total: i64,
    page: i64,
    pages: i64,
    /// The filters as a query string, for the pager and the CSV link.
    filters: String,
}

struct EntryView {
    at: String,
    actor: String,
    action: String,
    site: String,
    what: String,
    before: String,
    after: String,
}

fn entry_view(catalog: &Catalog, e: AuditRecord) -> EntryView {
    let site = e.site_id.and_then(|id| catalog.site(id)).map(|s| s.name.clone()).unwrap_or_default();
    let product = e.product_id.and_then(|id| catalog.product(id)).map(|p| p.name.clone());
    EntryView {
        at: hanoi_time(e.at),
        actor: e.actor,
        action: e.action,
        site,
        what: product.unwrap_or(e.subject),
        before: e.before,
        after: e.after,
    }
}

fn hanoi_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&hanoi_offset()).format("%Y-%m-%d %H:%M").to_string()
}

pub async fn audit_log(state: web::Data<AppState>, staff: Staff, query: web::Query<AuditQuery>) -> Result<HttpResponse, AppError> {
    let t = AdminTexts::vi();
    let catalog = state.catalog.snapshot();
    let filter = query.filter(&catalog)?;
    let page = query.page.unwrap_or(1).max(1);
    let (records, total) = audit::list(&state.db, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let mut sites: Vec<(String, String)> = catalog.sites.iter().map(|s| (s.slug.clone(), s.name.clone())).collect();
    sites.sort_by(|a, b| a.1.cmp(&b.1));
    let filters = serde_urlencoded::to_string([("site", &query.site), ("user", &query.user), ("from", &query.from), ("to", &query.to)])
        .unwrap_or_default();
    render(&AuditPage {
        chrome: AdminChrome::new(t.audit_title, Some(&staff)),
        query_site: query.site.clone(),
        query_user: query.user.clone(),
        query_from: query.from.clone(),
        query_to: query.to.clone(),
        sites,
        actors: audit::actors(&state.db).await?,
        entries: records.into_iter().map(|e| entry_view(&catalog, e)).collect(),
        total,
        page,
        pages: (total + PER_PAGE - 1) / PER_PAGE,
        filters,
    })
}

/// Every matching entry as CSV (UTF-8, header row), oldest last like the page.
pub async fn audit_csv(state: web::Data<AppState>, query: web::Query<AuditQuery>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let filter = query.filter(&catalog)?;
    let (records, _) = audit::list(&state.db, &filter, i64::MAX, 0).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| AppError::Internal(e.into());
    out.write_record(["at", "actor", "action", "site", "product", "subject", "before", "after"]).map_err(csv_error)?;
    for e in records {
        let site = e.site_id.and_then(|id| catalog.site(id)).map(|s| s.slug.clone()).unwrap_or_default();
        let product = e.product_id.and_then(|id| catalog.product(id)).map(|p| p.slug.clone()).unwrap_or_default();
        out.write_record([hanoi_time(e.at), e.actor, e.action, site, product, e.subject, e.before, e.after]).map_err(csv_error)?;
    }
    let body = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\""))
        .body(body))
}
