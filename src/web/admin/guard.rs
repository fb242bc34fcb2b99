//! The one gate in front of every admin route: the CSRF token of a state-changing request, the
//! signed-in account (its session still current), and the route's access rule, all checked
//! before a handler runs.

use std::future::{Ready, ready};
use std::sync::Arc;

use actix_session::{Session, SessionExt};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{Error, FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
use bytes::Bytes;
use chrono::Utc;

use super::Access;
use crate::db;
use crate::domain::account::{Account, SESSION_IDLE_MINUTES};
use crate::domain::password::random_token;
use crate::error::AppError;
use crate::web::AppState;

/// The form field (or `X-CSRF-Token` header, or query parameter for uploads) carrying the token.
pub const CSRF_FIELD: &str = "csrf_token";

const ACCOUNT_KEY: &str = "account";
const EPOCH_KEY: &str = "epoch";
const CSRF_KEY: &str = "csrf";
const SEEN_KEY: &str = "seen";

/// The signed-in account making this request, and its session's CSRF token for the forms.
#[derive(Debug, Clone)]
pub struct Staff {
    pub account: Account,
    pub csrf: String,
}

impl FromRequest for Staff {
    type Error = AppError;
    type Future = Ready<Result<Staff, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(req.extensions().get::<Staff>().cloned().ok_or(AppError::Unauthorized))
    }
}

/// The site a `SiteKeeper` route is about, already checked against the account.
#[derive(Debug, Clone, Copy)]
pub struct KeptSite {
    pub id: i64,
}

impl FromRequest for KeptSite {
    type Error = AppError;
    type Future = Ready<Result<KeptSite, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(req.extensions().get::<KeptSite>().copied().ok_or(AppError::Forbidden))
    }
}

/// Runs the checks for the route matching the request's method (`rules`: each method of the
/// path with its access). A method the path does not serve passes through to its 405.
pub async fn authorize(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    rules: Arc<[(Method, Access)]>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let Some(access) = rules.iter().find(|(method, _)| method == req.method()).map(|(_, access)| *access) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    match check(&mut req, access).await {
        Ok(()) => Ok(next.call(req).await?.map_into_boxed_body()),
        Err(Refusal::SignIn) => {
            let to_login = HttpResponse::SeeOther().insert_header((header::LOCATION, "/admin/login")).finish();
            Ok(req.into_response(to_login))
        }
        Err(Refusal::Error(error)) => Ok(req.error_response(error)),
    }
}

enum Refusal {
    /// Not signed in, on a page: go to the sign-in form.
    SignIn,
    Error(AppError),
}

impl From<AppError> for Refusal {
    fn from(error: AppError) -> Refusal {
        Refusal::Error(error)
    }
}

async fn check(req: &mut ServiceRequest, access: Access) -> Result<(), Refusal> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("application state is missing")))?;
    let session = req.get_session();
    if !req.method().is_safe() {
        check_csrf(req, &session).await?;
    }
    if access == Access::Anyone {
        return Ok(());
    }
    let Some(staff) = signed_in(&session, &state.db).await? else {
        return Err(if req.method() == Method::GET { Refusal::SignIn } else { Refusal::Error(AppError::Unauthorized) });
    };
    if access == Access::Admin && !staff.account.is_admin() {
        return Err(AppError::Forbidden.into());
    }
    // Any route naming a site (a clerk's, or one only city staff may use) checks it here.
    if let Some(slug) = req.match_info().get("slug") {
        let catalog = state.catalog.snapshot();
        let site = catalog.site_by_slug(slug).ok_or(AppError::NotFound)?;
        if !staff.account.keeps_site(site.id) {
            return Err(AppError::Forbidden.into());
        }
        req.extensions_mut().insert(KeptSite { id: site.id });
    }
    req.extensions_mut().insert(staff);
    Ok(())
}

/// The account this session signed in, if the session is still good: not idle too long, the
/// account active, and no password change since (the epoch matches).
async fn signed_in(session: &Session, db: &db::Db) -> Result<Option<Staff>, AppError> {
    let now = Utc::now().timestamp();
    let get = |key| session.get::<i64>(key).ok().flatten();
    let (Some(account_id), Some(epoch), Some(seen)) = (get(ACCOUNT_KEY), get(EPOCH_KEY), get(SEEN_KEY)) else {
        return Ok(None);
    };
    let csrf = session.get::<String>(CSRF_KEY).ok().flatten().unwrap_or_default();
    if now - seen > SESSION_IDLE_MINUTES * 60 || csrf.is_empty() {
        session.purge();
        return Ok(None);
    }
    let Some((account, _)) = db::accounts::find(db, account_id).await? else { return Ok(None) };
    if !account.active || account.session_epoch != epoch {
        session.purge();
        return Ok(None);
    }
    // Refresh the idle clock at most once a minute: each refresh re-sends the cookie.
    if now - seen >= 60 {
        insert(session, SEEN_KEY, now)?;
    }
    Ok(Some(Staff { account, csrf }))
}

fn insert<T: serde::Serialize>(session: &Session, key: &str, value: T) -> Result<(), AppError> {
    session.insert(key, value).map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))
}

/// Starts a signed-in session for `account` (a fresh token: nothing from before sign-in carries
/// over).
pub fn sign_in(session: &Session, account: &Account) -> Result<(), AppError> {
    session.renew();
    session.clear();
    insert(session, ACCOUNT_KEY, account.id)?;
    insert(session, EPOCH_KEY, account.session_epoch)?;
    insert(session, CSRF_KEY, random_token())?;
    insert(session, SEEN_KEY, Utc::now().timestamp())
}

/// Keeps the current session signed in after its own account's epoch moved (a password change).
pub fn keep_signed_in(session: &Session, epoch: i64) -> Result<(), AppError> {
    insert(session, EPOCH_KEY, epoch)
}

/// The CSRF token of an anonymous visitor (the sign-in form), created on first use.
pub fn anonymous_token(session: &Session) -> Result<String, AppError> {
    if let Some(token) = session.get::<String>(CSRF_KEY).ok().flatten() {
        return Ok(token);
    }
    let token = random_token();
    insert(session, CSRF_KEY, &token)?;
    Ok(token)
}

/// A state-changing request must carry its session's token: as a header, a query parameter
/// (multipart uploads) or a field of a URL-encoded form body (read here and put back).
async fn check_csrf(req: &mut ServiceRequest, session: &Session) -> Result<(), AppError> {
    let expected = session.get::<String>(CSRF_KEY).ok().flatten().ok_or(AppError::Forbidden)?;
    let mut given = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_owned);
    if given.is_none() {
        given = field(req.query_string().as_bytes());
    }
    if given.is_none() && req.content_type() == mime_form() {
        let body = req.extract::<Bytes>().await.map_err(|_| AppError::BodyTooLarge)?;
        given = field(&body);
        req.set_payload(Payload::from(body));
    }
    match given {
        Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}

fn mime_form() -> &'static str {
    "application/x-www-form-urlencoded"
}

fn field(urlencoded: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(urlencoded)
        .ok()?
        .into_iter()
        .find_map(|(name, value)| (name == CSRF_FIELD).then_some(value))
}

/// Compares without stopping at the first difference, so timing says nothing about the token.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_found_among_other_fields() {
        assert_eq!(field(b"a=1&csrf_token=abc&b=2"), Some("abc".to_owned()));
        assert_eq!(field(b"a=1"), None);
        assert_eq!(field(b"%%%"), None);
    }

    #[test]
    fn tokens_compare_by_content_and_length() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
