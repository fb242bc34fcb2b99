//! HTTP: routes, thin handlers, the page shell and middleware.

pub mod admin;
pub mod cache;
pub mod cached;
pub mod clock;
pub mod escape;
pub mod form_token;
pub mod fragments;
pub mod list_query;
pub mod middleware;
pub mod page;
mod pages;
pub mod search_log;

pub use pages::not_found;
/// JSON made safe inside a script element (for schema.org data).
pub use pages::script_json as structured_data_json;

use std::sync::Arc;

use actix_web::web;

use crate::catalog::CatalogStore;
use crate::db::Db;

/// What every handler can reach.
#[derive(Debug)]
pub struct AppState {
    pub db: Db,
    pub catalog: CatalogStore,
    /// Rendered public pages; told of every catalogue change.
    pub pages: Arc<cache::PageCache>,
    /// Signs the forms anyone may send (shoppers' reports).
    pub form_tokens: form_token::FormTokens,
    /// Where the public reaches the site (for QR codes), without a trailing slash.
    pub public_url: String,
    /// The time public pages are rendered at (fixed by tests).
    pub clock: clock::Clock,
    /// Searches counted since the last flush to the database.
    pub searches: search_log::SearchLog,
    /// The cards lists repeat, rendered once per language and day.
    pub fragments: fragments::Fragments,
}

/// Registers every route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    pages::configure(cfg);
}
