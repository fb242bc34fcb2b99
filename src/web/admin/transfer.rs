//! `/admin/transfer`: CSV export of sites, products and stock, and import of the same files
//! (every row checked first; all applied or none).

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;

use super::guard::Staff;
use super::upload::read_file;
use super::view::{AdminChrome, render, render_with, see_other};
use crate::db::import;
use crate::db::seed::NoProgress;
use crate::error::AppError;
use crate::i18n::{AdminTexts, Lang};
use crate::transfer::{self, Table};
use crate::web::AppState;

/// The largest file accepted: a national stock list of a million rows is ~60 MB; a city's is
/// well under this.
const FILE_LIMIT: usize = 20 * 1024 * 1024;

#[derive(Template)]
#[template(path = "admin/transfer.html")]
struct TransferPage {
    chrome: AdminChrome,
    tables: Vec<(&'static str, &'static str)>,
    notice: Option<String>,
    problems: Vec<String>,
}

fn page(staff: &Staff, notice: Option<String>, problems: Vec<String>) -> TransferPage {
    let t = AdminTexts::vi();
    TransferPage {
        chrome: AdminChrome::new(t.transfer_title, Some(staff)),
        tables: Table::ALL.iter().map(|&table| (table.key(), t.table_name(table.key()))).collect(),
        notice,
        problems,
    }
}

pub async fn transfer(staff: Staff, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let query = web::Query::<Vec<(String, String)>>::from_query(req.query_string()).map(|q| q.into_inner()).unwrap_or_default();
    let imported = query.iter().find(|(k, _)| k == "imported").and_then(|(_, v)| v.parse::<usize>().ok());
    render(&page(&staff, imported.map(|n| AdminTexts::vi().imported(n)), Vec::new()))
}

fn table_of(path: &str) -> Result<Table, AppError> {
    Table::parse(path.trim_end_matches(".csv")).ok_or(AppError::NotFound)
}

pub async fn export(state: web::Data<AppState>, table: web::Path<String>) -> Result<HttpResponse, AppError> {
    let table = table_of(&table)?;
    let catalog = state.catalog.snapshot();
    let stock: Vec<_> = catalog.sites.iter().flat_map(|s| catalog.stock_at(s.id).iter().cloned()).collect();
    let body = transfer::write(table, &catalog.data, &stock)?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((CONTENT_DISPOSITION, format!("attachment; filename=\"{}.csv\"", table.key())))
        .body(body))
}

pub async fn import_file(
    state: web::Data<AppState>,
    staff: Staff,
    table: web::Path<String>,
    upload: Multipart,
) -> Result<HttpResponse, AppError> {
    let table = table_of(&table)?;
    let bytes = read_file(upload, "file", FILE_LIMIT).await?;
    // Check against the database as it is now, not this instance's snapshot.
    state.catalog.catch_up(&state.db).await?;
    let catalog = state.catalog.snapshot();
    let rows = match transfer::read(table, &bytes, &catalog.data) {
        Ok(rows) => rows,
        Err(problems) => {
            let t = Lang::Vi.texts();
            let mut shown: Vec<String> = problems.iter().take(200).map(|p| t.csv_problem(p)).collect();
            if problems.len() > shown.len() {
                shown.push(AdminTexts::vi().more_problems(problems.len() - shown.len()));
            }
            let notice = Some(AdminTexts::vi().nothing_imported(problems.len()));
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&staff, notice, shown));
        }
    };
    let count = import::apply(&state.db, &rows, &staff.account.username, Utc::now(), &NoProgress).await?;
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/transfer?imported={count}")))
}
