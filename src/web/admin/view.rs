//! The admin page shell and the helpers every admin handler renders through.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use super::guard::Staff;
use crate::error::AppError;
use crate::i18n::AdminTexts;
use crate::web::page::{ASSET_VERSION, HTML, STYLESHEET_HREF};

/// The parts of an admin page around its content.
pub struct AdminChrome {
    pub t: &'static AdminTexts,
    pub title: String,
    pub stylesheet: String,
    pub script: String,
    /// Empty when nobody is signed in (the sign-in form).
    pub username: String,
    pub is_admin: bool,
    /// For the sign-out form (and every other form on the page).
    pub csrf: String,
}

impl AdminChrome {
    pub fn new(title: impl Into<String>, staff: Option<&Staff>) -> AdminChrome {
        AdminChrome {
            t: AdminTexts::vi(),
            title: title.into(),
            stylesheet: STYLESHEET_HREF.clone(),
            script: format!("/static/admin.js?v={}", *ASSET_VERSION),
            username: staff.map(|s| s.account.username.clone()).unwrap_or_default(),
            is_admin: staff.is_some_and(|s| s.account.is_admin()),
            csrf: staff.map(|s| s.csrf.clone()).unwrap_or_default(),
        }
    }
}

/// Renders an admin page with a status (a form sent back with its problems is 422, say).
pub fn render_with(status: StatusCode, page: &impl Template) -> Result<HttpResponse, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(anyhow::anyhow!("template failed: {e}")))?;
    Ok(HttpResponse::build(status).content_type(HTML).body(html))
}

pub fn render(page: &impl Template) -> Result<HttpResponse, AppError> {
    render_with(StatusCode::OK, page)
}

/// Post/redirect/get: after a change, show the page afresh.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((actix_web::http::header::LOCATION, location)).finish()
}

/// The activate / deactivate buttons' form: `active=1` or `active=0`.
#[derive(serde::Deserialize)]
pub struct ActiveForm {
    active: String,
}

impl ActiveForm {
    pub fn is_on(&self) -> bool {
        self.active == "1"
    }
}

/// Reads a text field of a form (see `check_text`), noting its problem in `errors`.
pub fn text_field(errors: &mut Vec<crate::domain::input::FieldError>, field: &str, value: &str, max: usize, required: bool) -> String {
    let (text, problem) = crate::domain::input::check_text(value, max, required);
    if let Some(problem) = problem {
        errors.push(crate::domain::input::FieldError::new(field, problem));
    }
    text
}
