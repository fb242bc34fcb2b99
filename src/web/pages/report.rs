//! `/showrooms/{slug}/report`: a shopper says what is wrong (a product missing, a wrong price,
//! hours or address, the site closed), without an account. Never cached: the form carries a
//! signed token.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, LOCATION};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::db::reports::{self, NewReport, ReportError};
use crate::domain::input::{FieldError, FieldProblem};
use crate::domain::report::{NOTE_MAX, ReportKind};
use crate::error::AppError;
use crate::web::AppState;
use crate::web::page::{Chrome, Ctx, HTML, Nav};

/// What the token of this form is for.
const PURPOSE: &str = "report";

#[derive(Template)]
#[template(path = "pages/report.html")]
struct ReportPage {
    chrome: Chrome,
    slug: String,
    site_name: String,
    token: String,
    kinds: Vec<KindChoice>,
    products: Vec<ProductChoice>,
    note: String,
    sent: bool,
    problems: Vec<String>,
}

struct KindChoice {
    key: &'static str,
    label: &'static str,
    checked: bool,
}

struct ProductChoice {
    slug: String,
    name: String,
    selected: bool,
}

#[derive(Deserialize, Default)]
pub struct ReportForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    product: String,
    #[serde(default)]
    note: String,
    /// Left empty by people; bots fill every field.
    #[serde(default)]
    website: String,
    #[serde(default)]
    token: String,
    /// `?sent=1` after a report went in.
    #[serde(default)]
    sent: String,
}

pub async fn report_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<ReportForm>,
) -> Result<HttpResponse, AppError> {
    let kind = if query.kind.is_empty() && !query.product.is_empty() { "not_in_stock" } else { query.kind.as_str() };
    let form = ReportForm { kind: kind.to_owned(), sent: query.sent.clone(), product: query.product.clone(), ..ReportForm::default() };
    respond(StatusCode::OK, &ctx, &state, &slug, &form, Vec::new())
}

pub async fn send_report(
    ctx: Ctx,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    req: HttpRequest,
    form: web::Form<ReportForm>,
) -> Result<HttpResponse, AppError> {
    let site = ctx.catalog.site_by_slug(&slug).filter(|s| s.active).ok_or(AppError::NotFound)?;
    if !state.form_tokens.verify(PURPOSE, &form.token, ctx.now) {
        return Err(AppError::Forbidden);
    }
    let sent = HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("{}/showrooms/{}/report?sent=1", ctx.lang.base_path(), site.slug)))
        .finish();
    if !form.website.is_empty() {
        return Ok(sent);
    }
    let mut errors = Vec::new();
    let kind = ReportKind::parse(&form.kind);
    if kind.is_none() {
        errors.push(FieldError::new("kind", FieldProblem::Required));
    }
    let product = match form.product.as_str() {
        "" => None,
        slug => match ctx.catalog.product_by_slug(slug).filter(|p| ctx.catalog.stock_row(site.id, p.id).is_some()) {
            Some(p) => Some(p.id),
            None => {
                errors.push(FieldError::new("product", FieldProblem::Malformed));
                None
            }
        },
    };
    if kind.is_some_and(ReportKind::is_about_a_product) && product.is_none() && errors.is_empty() {
        errors.push(FieldError::new("product", FieldProblem::Required));
    }
    if form.note.chars().count() > NOTE_MAX {
        errors.push(FieldError::new("note", FieldProblem::TooLong { max: NOTE_MAX }));
    }
    let (Some(kind), true) = (kind, errors.is_empty()) else {
        let t = ctx.t();
        let problems = errors.iter().map(|e| t.field_problem(t.report_field(&e.field), &e.problem)).collect();
        return respond(StatusCode::UNPROCESSABLE_ENTITY, &ctx, &state, &slug, &form, problems);
    };
    let product_id = if kind.is_about_a_product() { product } else { None };
    let address = req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default();
    let new = NewReport { site_id: site.id, product_id, kind, note: form.note.trim() };
    match reports::file(&state.db, &new, &address, ctx.now).await {
        Ok(_) => {
            // The report may have made a row unconfirmed: show it on this instance's next read.
            state.catalog.catch_up(&state.db).await?;
            Ok(sent)
        }
        Err(ReportError::RateLimited) => {
            let problems = vec![ctx.t().report_rate_limited.to_owned()];
            respond(StatusCode::TOO_MANY_REQUESTS, &ctx, &state, &slug, &form, problems)
        }
        Err(ReportError::Database(e)) => Err(AppError::Internal(e)),
    }
}

fn respond(
    status: StatusCode,
    ctx: &Ctx,
    state: &AppState,
    slug: &str,
    form: &ReportForm,
    problems: Vec<String>,
) -> Result<HttpResponse, AppError> {
    let t = ctx.t();
    let site = ctx.catalog.site_by_slug(slug).filter(|s| s.active).ok_or(AppError::NotFound)?;
    let mut products: Vec<ProductChoice> = ctx
        .catalog
        .stock_at(site.id)
        .iter()
        .filter_map(|row| ctx.catalog.product(row.product_id))
        .map(|p| ProductChoice { slug: p.slug.clone(), name: p.name.clone(), selected: p.slug == form.product })
        .collect();
    products.sort_by(|a, b| a.name.cmp(&b.name));
    let page = ReportPage {
        chrome: ctx.chrome(t.report_title, Nav::Sites),
        slug: site.slug.clone(),
        site_name: site.name.clone(),
        token: state.form_tokens.issue(PURPOSE, ctx.now),
        kinds: ReportKind::ALL
            .iter()
            .map(|&k| KindChoice { key: k.key(), label: t.report_kind(k), checked: k.key() == form.kind })
            .collect(),
        products,
        note: form.note.clone(),
        sent: form.sent == "1",
        problems,
    };
    let html = page.render().map_err(|e| AppError::Internal(anyhow::anyhow!("template failed: {e}")))?;
    Ok(HttpResponse::build(status).content_type(HTML).insert_header((CACHE_CONTROL, "no-store")).body(html))
}
