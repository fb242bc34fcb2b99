//! The app's one error type. Handlers return it; `web::middleware::error_pages` turns it into
//! a page in the visitor's language. Internals are logged, never shown.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::web::filters::FilterError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Unknown slug or path.
    #[error("not found")]
    NotFound,
    /// Query parameters that make no sense, each explained.
    #[error("invalid filters: {0:?}")]
    BadFilters(Vec<FilterError>),
    /// Anything else: a database outage, a bug.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> AppError {
        AppError::Internal(error.into())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadFilters(_) => StatusCode::BAD_REQUEST,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A bare status; the error-page middleware renders the body.
    fn error_response(&self) -> HttpResponse {
        if let AppError::Internal(error) = self {
            tracing::error!(error = format!("{error:#}"), "request failed");
        }
        HttpResponse::new(self.status_code())
    }
}
