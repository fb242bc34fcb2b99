//! `/admin/sites/{slug}/stock`: the clerk's stock-take, phone first, and the site's assortment.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::guard::{KeptSite, Staff};
use super::stock_form::{RowInput, StockTakeForm, parse_quantity};
use super::view::{AdminChrome, render, render_with, see_other};
use crate::catalog::Catalog;
use crate::catalog::query::ProductFilter;
use crate::catalog::search::synonyms;
use crate::db::stock::{self as stock_db, StockConflict, StockWriteError};
use crate::domain::input::FieldProblem;
use crate::domain::search::Query;
use crate::domain::text::{SearchTerms, fold};
use crate::domain::{Category, StockRow, hanoi_offset};
use crate::error::AppError;
use crate::i18n::{AdminTexts, Lang};
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/stock.html")]
struct StockPage {
    chrome: AdminChrome,
    slug: String,
    /// The server-side filter (scripts off); scripts filter as the clerk types.
    filter: String,
    /// What the last save did, or what needs the clerk's attention.
    notice: Option<String>,
    problems: Vec<String>,
    /// The first row needing the clerk's attention (a refused number, a conflict), linked
    /// from the message: it may be far down a long shelf.
    first_flagged: Option<i64>,
    groups: Vec<GroupView>,
    row_count: usize,
}

struct GroupView {
    label: &'static str,
    rows: Vec<RowView>,
}

struct RowView {
    id: i64,
    name: String,
    /// The product's code, for its photo page ("" when unknown).
    slug: String,
    /// Folded name and slug, for the script's filter.
    search: String,
    stars: String,
    version: i64,
    was: i64,
    quantity: String,
    delta: i64,
    unchanged: bool,
    counted: String,
    problem: Option<String>,
    conflict: Option<ConflictView>,
}

struct ConflictView {
    mine: String,
    /// Their count; `None` when the product was taken off the site meanwhile.
    theirs: Option<i64>,
    by: String,
    at: String,
}

/// The shelf as it is in the database, with what the clerk sent laid over it.
struct Overlay<'a> {
    inputs: &'a BTreeMap<i64, RowInput>,
    problems: &'a BTreeMap<i64, FieldProblem>,
    conflicts: &'a BTreeMap<i64, StockConflict>,
}

#[derive(Deserialize)]
pub struct StockQuery {
    #[serde(default)]
    filter: String,
    saved: Option<usize>,
}

pub async fn stock_form(
    state: web::Data<AppState>,
    staff: Staff,
    site: KeptSite,
    query: web::Query<StockQuery>,
) -> Result<HttpResponse, AppError> {
    let t = AdminTexts::vi();
    let notice = query.saved.map(|n| t.stock_saved(n));
    let no_input = Overlay { inputs: &BTreeMap::new(), problems: &BTreeMap::new(), conflicts: &BTreeMap::new() };
    let page = stock_page(&state, &staff, site, &query.filter, no_input, notice, Vec::new()).await?;
    render(&page)
}

pub async fn save_stock(
    state: web::Data<AppState>,
    staff: Staff,
    site: KeptSite,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let t = AdminTexts::vi();
    let mut sent = StockTakeForm::parse(&form);
    let filter = form.iter().find(|(name, _)| name == "filter").map(|(_, v)| v.clone()).unwrap_or_default();
    let none = BTreeMap::new();
    if sent.step.is_some() {
        sent.apply_step();
        let overlay = Overlay { inputs: &sent.rows, problems: &none, conflicts: &BTreeMap::new() };
        return render(&stock_page(&state, &staff, site, &filter, overlay, Some(t.stock_not_saved_yet.to_owned()), Vec::new()).await?);
    }
    let edits = match sent.edits() {
        Ok(edits) => edits,
        Err(problems) => {
            let problems: BTreeMap<i64, FieldProblem> = problems.into_iter().collect();
            let overlay = Overlay { inputs: &sent.rows, problems: &problems, conflicts: &BTreeMap::new() };
            let summary = vec![t.stock_fix_rows(problems.len())];
            let page = stock_page(&state, &staff, site, &filter, overlay, None, summary).await?;
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    if edits.is_empty() {
        return Ok(see_other(&stock_url(&state, site, "?saved=0")));
    }
    let outcome = stock_db::save_stock_take(&state.db, site.id, &edits, &staff.account.username, Utc::now()).await.map_err(write_error)?;
    state.catalog.apply_stock_take(&state.db, site.id, &outcome).await?;
    if outcome.conflicts.is_empty() {
        return Ok(see_other(&stock_url(&state, site, &format!("?saved={}", outcome.applied.len()))));
    }
    let conflicts: BTreeMap<i64, StockConflict> = outcome.conflicts.into_iter().map(|c| (c.edit.product_id(), c)).collect();
    let overlay = Overlay { inputs: &sent.rows, problems: &none, conflicts: &conflicts };
    let problems = vec![t.stock_conflicts(outcome.applied.len(), conflicts.len())];
    let page = stock_page(&state, &staff, site, &filter, overlay, None, problems).await?;
    render_with(StatusCode::CONFLICT, &page)
}

fn write_error(error: StockWriteError) -> AppError {
    match error {
        StockWriteError::Invalid { product_id, problem } => {
            AppError::Validation(vec![crate::domain::input::FieldError::new(format!("q-{product_id}"), problem)])
        }
        StockWriteError::AlreadyListed | StockWriteError::NotListed => AppError::Conflict,
        StockWriteError::Unknown => AppError::NotFound,
        StockWriteError::Database(e) => AppError::Internal(e),
    }
}

fn stock_url(state: &AppState, site: KeptSite, suffix: &str) -> String {
    let slug = state.catalog.snapshot().site(site.id).map(|s| s.slug.clone()).unwrap_or_default();
    format!("/admin/sites/{slug}/stock{suffix}")
}

async fn stock_page(
    state: &AppState,
    staff: &Staff,
    site: KeptSite,
    filter: &str,
    overlay: Overlay<'_>,
    notice: Option<String>,
    problems: Vec<String>,
) -> Result<StockPage, AppError> {
    let t = AdminTexts::vi();
    let catalog = state.catalog.snapshot();
    let site_info = catalog.site(site.id).ok_or(AppError::NotFound)?;
    let shelf = stock_db::shelf(&state.db, site.id).await?;
    let terms = SearchTerms::new(filter);
    let mut by_category: BTreeMap<Category, Vec<RowView>> = BTreeMap::new();
    for row in &shelf {
        let (name, slug, category, stars) = match catalog.product(row.product_id) {
            Some(p) => (p.name.clone(), p.slug.clone(), p.category, "★".repeat(usize::from(p.stars.get()))),
            None => (format!("#{}", row.product_id), String::new(), Category::Food, String::new()),
        };
        let search = fold(&format!("{name} {slug}"));
        if !terms.matches(&search) {
            continue;
        }
        by_category.entry(category).or_default().push(row_view(t, row, (name, slug), search, stars, &overlay));
    }
    let first_flagged = overlay.problems.keys().chain(overlay.conflicts.keys()).next().copied();
    let mut row_count = 0;
    let groups = by_category
        .into_iter()
        .map(|(category, mut rows)| {
            rows.sort_by(|a, b| a.search.cmp(&b.search));
            row_count += rows.len();
            GroupView { label: Lang::Vi.texts().category(category), rows }
        })
        .collect();
    Ok(StockPage {
        chrome: AdminChrome::new(t.stock_title(&site_info.name), Some(staff)),
        slug: site_info.slug.clone(),
        filter: filter.to_owned(),
        notice,
        problems,
        first_flagged,
        groups,
        row_count,
    })
}

fn row_view(
    t: &AdminTexts,
    row: &StockRow,
    (name, slug): (String, String),
    search: String,
    stars: String,
    overlay: &Overlay<'_>,
) -> RowView {
    let input = overlay.inputs.get(&row.product_id);
    let conflict = overlay.conflicts.get(&row.product_id).map(|c| ConflictView {
        mine: input.map(|i| i.quantity.clone()).unwrap_or_default(),
        theirs: c.current.as_ref().map(|r| r.quantity),
        by: c.current.as_ref().map(|r| r.updated_by.clone()).unwrap_or_default(),
        at: c.current.as_ref().map(time_of).unwrap_or_default(),
    });
    // A form sent back unsaved (a refused number, a − / + without scripts) keeps everything the
    // clerk sent, the seen counts and versions included: a count someone else saved meanwhile
    // must still come back as a conflict. After a save with conflicts, every row shows the
    // database as it is now; a conflicting row offers the clerk's number beside it.
    let sent_back = overlay.conflicts.is_empty();
    let kept = input.filter(|_| sent_back);
    RowView {
        id: row.product_id,
        name,
        slug,
        search,
        stars,
        version: kept.map_or(row.version, |i| i.version),
        was: kept.map_or(row.quantity, |i| i.was),
        quantity: kept.map_or_else(|| row.quantity.to_string(), |i| i.quantity.clone()),
        delta: kept.map_or(0, |i| i.delta),
        unchanged: kept.is_some_and(|i| i.unchanged),
        counted: time_of(row),
        problem: overlay.problems.get(&row.product_id).map(|p| t.quantity_problem(p)),
        conflict,
    }
}

/// "24/11 14:05" in Hanoi.
fn time_of(row: &StockRow) -> String {
    row.updated_at.with_timezone(&hanoi_offset()).format("%d/%m %H:%M").to_string()
}

#[derive(Template)]
#[template(path = "admin/stock_add.html")]
struct AddPage {
    chrome: AdminChrome,
    slug: String,
    query: String,
    results: Vec<AddCandidate>,
    searched: bool,
}

struct AddCandidate {
    slug: String,
    name: String,
    stars: String,
    category: &'static str,
    listed: bool,
}

#[derive(Deserialize)]
pub struct AddQuery {
    #[serde(default)]
    q: String,
}

/// Search by name or code (the product's slug) for a product to add to the site.
pub async fn add_form(
    state: web::Data<AppState>,
    staff: Staff,
    site: KeptSite,
    query: web::Query<AddQuery>,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    render(&add_page(&catalog, &staff, site, &query.q)?)
}

fn add_page(catalog: &Catalog, staff: &Staff, site: KeptSite, query: &str) -> Result<AddPage, AppError> {
    let t = AdminTexts::vi();
    let site_info = catalog.site(site.id).ok_or(AppError::NotFound)?;
    let query = query.chars().take(100).collect::<String>();
    let searched = !query.trim().is_empty();
    let results = if searched {
        let by_code = catalog.product_by_slug(query.trim());
        let filter = ProductFilter { category: None, min_stars: None, district_id: None, text: Query::parse(&query, synonyms()) };
        let found = catalog.products(&filter, 1, 30, Utc::now()).items;
        by_code
            .into_iter()
            .chain(found.into_iter().filter(|p| Some(p.id) != by_code.map(|c| c.id)))
            .map(|p| AddCandidate {
                slug: p.slug.clone(),
                name: p.name.clone(),
                stars: "★".repeat(usize::from(p.stars.get())),
                category: Lang::Vi.texts().category(p.category),
                listed: catalog.stock_row(site.id, p.id).is_some(),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(AddPage {
        chrome: AdminChrome::new(t.add_title(&site_info.name), Some(staff)),
        slug: site_info.slug.clone(),
        query,
        results,
        searched,
    })
}

#[derive(Deserialize)]
pub struct AddForm {
    product: String,
    #[serde(default)]
    quantity: String,
}

pub async fn add_product(
    state: web::Data<AppState>,
    staff: Staff,
    site: KeptSite,
    form: web::Form<AddForm>,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let product = catalog.product_by_slug(&form.product).ok_or(AppError::NotFound)?;
    let quantity = parse_quantity(&form.quantity)
        .map_err(|problem| AppError::Validation(vec![crate::domain::input::FieldError::new(AdminTexts::vi().quantity_label, problem)]))?;
    stock_db::add_product(&state.db, site.id, product.id, quantity, &staff.account.username, Utc::now()).await.map_err(write_error)?;
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&stock_url(&state, site, "?saved=1")))
}

#[derive(Deserialize)]
pub struct RemoveForm {
    remove: i64,
}

pub async fn remove_product(
    state: web::Data<AppState>,
    staff: Staff,
    site: KeptSite,
    form: web::Form<RemoveForm>,
    _req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    stock_db::remove_product(&state.db, site.id, form.remove, &staff.account.username, Utc::now()).await.map_err(write_error)?;
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&stock_url(&state, site, "?saved=1")))
}
