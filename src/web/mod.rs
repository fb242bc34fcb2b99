//! HTTP: routes, thin handlers, the page shell and middleware.

pub mod filters;
pub mod middleware;
pub mod page;
mod pages;

pub use pages::not_found;

use actix_web::web;

use crate::catalog::CatalogStore;
use crate::db::Db;

/// What every handler can reach.
#[derive(Debug)]
pub struct AppState {
    pub db: Db,
    pub catalog: CatalogStore,
}

/// Registers every route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    pages::configure(cfg);
}
