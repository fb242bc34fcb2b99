//! `/admin/accounts`: city staff create accounts, reset passwords (shown once) and deactivate.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::Utc;

use super::guard::Staff;
use super::view::{AdminChrome, render, render_with, see_other};
use crate::db::accounts::{self, NewAccount};
use crate::domain::account::{Role, parse_username};
use crate::domain::input::{FieldError, FieldProblem};
use crate::domain::password;
use crate::error::AppError;
use crate::i18n::{AdminTexts, Lang};
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/accounts.html")]
struct AccountsPage {
    chrome: AdminChrome,
    accounts: Vec<AccountRow>,
    sites: Vec<SiteChoice>,
    /// The create form as sent back with problems.
    username: String,
    role: String,
    problems: Vec<String>,
}

struct AccountRow {
    id: i64,
    username: String,
    role: &'static str,
    active: bool,
    sites: String,
}

struct SiteChoice {
    slug: String,
    name: String,
    chosen: bool,
}

#[derive(Template)]
#[template(path = "admin/password_shown.html")]
struct PasswordShownPage {
    chrome: AdminChrome,
    username: String,
    password: String,
}

pub async fn accounts(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, AppError> {
    render(&accounts_page(&state, &staff, String::new(), "clerk".into(), &[], Vec::new()).await?)
}

async fn accounts_page(
    state: &AppState,
    staff: &Staff,
    username: String,
    role: String,
    chosen: &[String],
    problems: Vec<String>,
) -> Result<AccountsPage, AppError> {
    let t = AdminTexts::vi();
    let catalog = state.catalog.snapshot();
    let accounts = accounts::list(&state.db)
        .await?
        .into_iter()
        .map(|a| AccountRow {
            id: a.id,
            role: t.role(a.role),
            active: a.active,
            sites: a.site_ids.iter().filter_map(|id| catalog.site(*id)).map(|s| s.name.as_str()).collect::<Vec<_>>().join(", "),
            username: a.username,
        })
        .collect();
    let mut sites: Vec<SiteChoice> = catalog
        .sites
        .iter()
        .filter(|s| s.active)
        .map(|s| SiteChoice { slug: s.slug.clone(), name: s.name.clone(), chosen: chosen.contains(&s.slug) })
        .collect();
    sites.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(AccountsPage { chrome: AdminChrome::new(t.accounts_title, Some(staff)), accounts, sites, username, role, problems })
}

/// Creates an account with a generated password, shown once.
pub async fn create_account(
    state: web::Data<AppState>,
    staff: Staff,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let value = |name: &str| form.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let chosen: Vec<String> = form.iter().filter(|(n, _)| n == "site").map(|(_, v)| v.clone()).collect();
    let (raw_username, raw_role) = (value("username"), value("role"));
    let mut errors = Vec::new();
    let username = parse_username(&raw_username).map_err(|p| errors.push(FieldError::new("username", p))).ok();
    let role = Role::parse(&raw_role);
    if role.is_none() {
        errors.push(FieldError::new("role", FieldProblem::Required));
    }
    let catalog = state.catalog.snapshot();
    let mut site_ids = Vec::new();
    for slug in &chosen {
        match catalog.site_by_slug(slug) {
            Some(site) => site_ids.push(site.id),
            None => errors.push(FieldError::new("site", FieldProblem::Malformed)),
        }
    }
    if role == Some(Role::Clerk) && site_ids.is_empty() && errors.is_empty() {
        errors.push(FieldError::new("site", FieldProblem::Required));
    }
    let created = match (username, role, errors.is_empty()) {
        (Some(username), Some(role), true) => {
            let new_password = password::generate_password();
            let hash = hash_blocking(new_password.clone()).await?;
            let new = NewAccount { username: &username, password_hash: &hash, role, site_ids: &site_ids };
            match accounts::create(&state.db, &new, &staff.account.username, Utc::now()).await {
                Ok(_) => Ok((username, new_password)),
                Err(AppError::Validation(mut e)) => {
                    errors.append(&mut e);
                    Err(())
                }
                Err(other) => return Err(other),
            }
        }
        _ => Err(()),
    };
    match created {
        Ok((username, password)) => password_shown(&staff, username, password),
        Err(()) => {
            let texts = Lang::Vi.texts();
            let problems = errors.iter().map(|e| texts.field_problem(AdminTexts::vi().field_label(&e.field), &e.problem)).collect();
            let page = accounts_page(&state, &staff, raw_username, raw_role, &chosen, problems).await?;
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn hash_blocking(password: String) -> Result<String, AppError> {
    web::block(move || password::hash(&password)).await.map_err(|e| AppError::Internal(e.into()))?.map_err(AppError::Internal)
}

fn password_shown(staff: &Staff, username: String, password: String) -> Result<HttpResponse, AppError> {
    let chrome = AdminChrome::new(AdminTexts::vi().password_shown_title, Some(staff));
    render(&PasswordShownPage { chrome, username, password })
}

/// Gives an account a new generated password (shown once) and signs it out everywhere.
pub async fn reset_password(state: web::Data<AppState>, staff: Staff, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (account, _) = accounts::find(&state.db, *id).await?.ok_or(AppError::NotFound)?;
    let new_password = password::generate_password();
    let hash = hash_blocking(new_password.clone()).await?;
    accounts::set_password(&state.db, account.id, &hash, &staff.account.username, Utc::now()).await?;
    password_shown(&staff, account.username, new_password)
}

/// Deactivates (or reactivates) an account; an admin cannot deactivate their own.
pub async fn set_active(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let active = form.iter().any(|(n, v)| n == "active" && v == "1");
    if *id == staff.account.id && !active {
        return Err(AppError::Forbidden);
    }
    accounts::set_active(&state.db, *id, active, &staff.account.username, Utc::now()).await?;
    Ok(see_other("/admin/accounts"))
}
