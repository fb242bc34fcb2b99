//! The app's one error type. Handlers return it; `web::middleware::error_pages` turns it into
//! a page in the visitor's language. Internals are logged, never shown.

use actix_web::http::StatusCode;
use actix_web::http::header::{ALLOW, HeaderValue};
use actix_web::{HttpResponse, ResponseError};

use crate::domain::input::{FieldError, FieldProblem, FilterError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Unknown slug or path.
    #[error("not found")]
    NotFound,
    /// The path exists but not for this method; carries what it allows ("GET, HEAD").
    #[error("method not allowed")]
    MethodNotAllowed(&'static str),
    /// Query parameters that make no sense, each explained.
    #[error("invalid filters: {0:?}")]
    BadFilters(Vec<FilterError>),
    /// Not signed in.
    #[error("unauthorized")]
    Unauthorized,
    /// Signed in, but not allowed to do this (or a missing or wrong CSRF token).
    #[error("forbidden")]
    Forbidden,
    /// The thing changed since the visitor loaded it.
    #[error("conflict")]
    Conflict,
    /// A request body over the size limit.
    #[error("request body too large")]
    BodyTooLarge,
    /// Form fields refused, each with its reason.
    #[error("invalid fields: {0:?}")]
    Validation(Vec<FieldError>),
    /// Anything else: a database outage, a bug.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> AppError {
        AppError::Internal(error.into())
    }
}

impl AppError {
    /// A unique-constraint violation becomes "already taken" on `field`; anything else stays
    /// internal. For inserts and updates of records with unique names, slugs or codes.
    pub fn on_unique_violation(error: sqlx::Error, field: &str) -> AppError {
        match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Validation(vec![FieldError::new(field, FieldProblem::Taken)])
            }
            _ => AppError::from(error),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            AppError::BadFilters(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Conflict => StatusCode::CONFLICT,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A bare status (plus `Allow` on a 405); the error-page middleware renders the body.
    fn error_response(&self) -> HttpResponse {
        if let AppError::Internal(error) = self {
            tracing::error!(error = format!("{error:#}"), "request failed");
        }
        let mut response = HttpResponse::new(self.status_code());
        if let AppError::MethodNotAllowed(allow) = self {
            response.headers_mut().insert(ALLOW, HeaderValue::from_static(allow));
        }
        response
    }
}
