//! Signing in and out, and changing one's own password.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::guard::{self, Staff};
use super::view::{AdminChrome, render, render_with, see_other};
use crate::db::accounts;
use crate::domain::account::{ACCOUNT_LOCK_AFTER, ADDRESS_LOCK_AFTER, Throttle, check_new_password, parse_username};
use crate::domain::hanoi_offset;
use crate::domain::input::{FieldError, FieldProblem};
use crate::domain::password;
use crate::error::AppError;
use crate::i18n::AdminTexts;
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    chrome: AdminChrome,
    username: String,
    /// Why the last attempt failed, if it did.
    problem: Option<String>,
    token: String,
}

pub async fn login_form(session: Session) -> Result<HttpResponse, AppError> {
    let token = guard::anonymous_token(&session)?;
    login_page(StatusCode::OK, String::new(), None, token)
}

fn login_page(status: StatusCode, username: String, problem: Option<String>, token: String) -> Result<HttpResponse, AppError> {
    let chrome = AdminChrome::new(AdminTexts::vi().login_title, None);
    render_with(status, &LoginPage { chrome, username, problem, token })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

/// Checks the password, unless the account or the address is locked out; every failure looks
/// the same whether the username exists or not.
pub async fn login(
    state: web::Data<AppState>,
    session: Session,
    req: HttpRequest,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let t = AdminTexts::vi();
    let now = Utc::now();
    let username = parse_username(&form.username).unwrap_or_else(|_| form.username.trim().to_lowercase());
    let address = req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default();
    let subjects = [(format!("account:{username}"), ACCOUNT_LOCK_AFTER), (format!("address:{address}"), ADDRESS_LOCK_AFTER)];
    let mut throttle = Throttle::Open;
    for (subject, lock_after) in &subjects {
        throttle = throttle.stricter(Throttle::of(accounts::failures(&state.db, subject).await?, *lock_after, now));
    }
    let token = guard::anonymous_token(&session)?;
    match throttle {
        Throttle::Locked { until } => {
            let problem = t.login_locked(&hanoi_time(until));
            return login_page(StatusCode::TOO_MANY_REQUESTS, username, Some(problem), token);
        }
        Throttle::Slow(delay) => tokio::time::sleep(delay).await,
        Throttle::Open => {}
    }
    let found = accounts::find_by_username(&state.db, &username).await?;
    let stored = found.as_ref().map_or_else(|| password::decoy_hash().to_owned(), |(_, hash)| hash.clone());
    let given = form.password.clone();
    let matches = web::block(move || password::verify(&given, &stored)).await.map_err(|e| AppError::Internal(e.into()))?;
    match found {
        Some((account, _)) if matches && account.active => {
            accounts::clear_failures(&state.db, &subjects[0].0).await?;
            guard::sign_in(&session, &account)?;
            tracing::info!(username, "signed in");
            Ok(see_other("/admin"))
        }
        _ => {
            for (subject, lock_after) in &subjects {
                accounts::record_failure(&state.db, subject, *lock_after, now).await?;
            }
            tracing::info!(username, address, "sign-in refused");
            login_page(StatusCode::UNAUTHORIZED, username, Some(t.login_failed.to_owned()), token)
        }
    }
}

/// "14:05" in Hanoi.
fn hanoi_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&hanoi_offset()).format("%H:%M").to_string()
}

/// Signs out. The session lives in the cookie, so a copy of it could be replayed: signing out
/// ends every session of the account (the epoch grows) so that no copy outlives it.
pub async fn logout(state: web::Data<AppState>, session: Session, staff: Staff) -> Result<HttpResponse, AppError> {
    accounts::end_sessions(&state.db, staff.account.id).await?;
    session.purge();
    Ok(see_other("/admin/login"))
}

#[derive(Template)]
#[template(path = "admin/password.html")]
struct PasswordPage {
    chrome: AdminChrome,
    problems: Vec<String>,
    /// Which fields the problems are about, for `aria-invalid`.
    invalid: Vec<String>,
}

impl PasswordPage {
    fn is_invalid(&self, field: &str) -> bool {
        self.invalid.iter().any(|f| f == field)
    }
}

pub async fn password_form(staff: Staff) -> Result<HttpResponse, AppError> {
    let chrome = AdminChrome::new(AdminTexts::vi().password_title, Some(&staff));
    render(&PasswordPage { chrome, problems: Vec::new(), invalid: Vec::new() })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

pub async fn change_password(
    state: web::Data<AppState>,
    session: Session,
    staff: Staff,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let mut errors = Vec::new();
    if let Err(problem) = check_new_password(&form.new) {
        errors.push(FieldError::new("new", problem));
    } else if form.new != form.repeat {
        errors.push(FieldError::new("repeat", FieldProblem::Mismatch));
    }
    let (_, stored) = accounts::find(&state.db, staff.account.id).await?.ok_or(AppError::Unauthorized)?;
    let (current, new) = (form.current.clone(), form.new.clone());
    let check_and_hash = move || (password::verify(&current, &stored), password::hash(&new));
    let (current_ok, new_hash) = web::block(check_and_hash).await.map_err(|e| AppError::Internal(e.into()))?;
    if !current_ok {
        errors.insert(0, FieldError::new("current", FieldProblem::WrongPassword));
    }
    if !errors.is_empty() {
        let t = crate::i18n::Lang::Vi.texts();
        let chrome = AdminChrome::new(AdminTexts::vi().password_title, Some(&staff));
        let problems = errors.iter().map(|e| t.field_problem(&field_label(&e.field), &e.problem)).collect();
        let invalid = errors.into_iter().map(|e| e.field).collect();
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &PasswordPage { chrome, problems, invalid });
    }
    let epoch = accounts::set_password(&state.db, staff.account.id, &new_hash?, &staff.account.username, Utc::now()).await?;
    guard::keep_signed_in(&session, epoch)?;
    Ok(see_other("/admin?done=password"))
}

fn field_label(field: &str) -> String {
    let t = AdminTexts::vi();
    match field {
        "current" => t.password_current,
        "new" => t.password_new,
        _ => t.password_repeat,
    }
    .to_owned()
}
