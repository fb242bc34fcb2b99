//! The staff side under /admin: sign-in, stock-takes, accounts. Every route is declared once in
//! `routes()` with who may use it; the guard enforces that before any handler runs, and tests
//! walk the same table. Nothing here is ever cached.

mod accounts;
mod audit;
mod auth;
mod dashboard;
mod guard;
mod labels;
mod makers;
mod photo;
mod products;
mod reports;
mod sites;
mod stock;
mod stock_form;
mod transfer;
mod upload;
mod view;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::db::makers::{ProducerFields, VillageFields};
use actix_session::SessionMiddleware;
use actix_session::storage::CookieSessionStore;
use actix_web::cookie::{Key, SameSite};
use actix_web::http::Method;
use actix_web::middleware::{DefaultHeaders, from_fn};
use actix_web::{Route, web};

pub use guard::{CSRF_FIELD, Staff};

use super::cached::SESSION_COOKIE;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (the sign-in form).
    Anyone,
    /// Any signed-in account.
    SignedIn,
    /// An admin, or a clerk of the site named by the route's `{slug}`.
    SiteKeeper,
    // Every route with a `{slug}` checks that the account keeps that site, whatever its access.
    /// Admins only.
    Admin,
}

/// One admin route: method, path under /admin, who may use it, and the handler.
pub struct AdminRoute {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    handler: fn() -> Route,
}

impl AdminRoute {
    fn new(method: Method, path: &'static str, access: Access, handler: fn() -> Route) -> AdminRoute {
        AdminRoute { method, path, access, handler }
    }
}

/// Every admin route. Paths are relative to /admin.
pub fn routes() -> Vec<AdminRoute> {
    use Access::*;
    use Method as M;
    vec![
        AdminRoute::new(M::GET, "/login", Anyone, || web::get().to(auth::login_form)),
        AdminRoute::new(M::POST, "/login", Anyone, || web::post().to(auth::login)),
        AdminRoute::new(M::POST, "/logout", SignedIn, || web::post().to(auth::logout)),
        AdminRoute::new(M::GET, "", SignedIn, || web::get().to(dashboard::dashboard)),
        AdminRoute::new(M::GET, "/password", SignedIn, || web::get().to(auth::password_form)),
        AdminRoute::new(M::POST, "/password", SignedIn, || web::post().to(auth::change_password)),
        AdminRoute::new(M::GET, "/sites", Admin, || web::get().to(sites::sites)),
        AdminRoute::new(M::GET, "/sites/new", Admin, || web::get().to(sites::new_form)),
        AdminRoute::new(M::POST, "/sites/new", Admin, || web::post().to(sites::create_site)),
        AdminRoute::new(M::GET, "/sites/{slug}/edit", SiteKeeper, || web::get().to(sites::edit_form)),
        AdminRoute::new(M::POST, "/sites/{slug}/edit", SiteKeeper, || web::post().to(sites::save_site)),
        AdminRoute::new(M::POST, "/sites/{slug}/active", Admin, || web::post().to(sites::set_active)),
        AdminRoute::new(M::GET, "/sites/{slug}/label", SiteKeeper, || web::get().to(labels::site_label)),
        AdminRoute::new(M::GET, "/products/{product}/photo", SignedIn, || web::get().to(photo::photo_form)),
        AdminRoute::new(M::POST, "/products/{product}/photo", SignedIn, || web::post().to(photo::upload_photo)),
        AdminRoute::new(M::GET, "/products/{product}/label", SignedIn, || web::get().to(labels::product_label)),
        AdminRoute::new(M::GET, "/sites/{slug}/stock", SiteKeeper, || web::get().to(stock::stock_form)),
        AdminRoute::new(M::POST, "/sites/{slug}/stock", SiteKeeper, || web::post().to(stock::save_stock)),
        AdminRoute::new(M::GET, "/sites/{slug}/stock/add", SiteKeeper, || web::get().to(stock::add_form)),
        AdminRoute::new(M::POST, "/sites/{slug}/stock/add", SiteKeeper, || web::post().to(stock::add_product)),
        AdminRoute::new(M::POST, "/sites/{slug}/stock/remove", SiteKeeper, || web::post().to(stock::remove_product)),
        AdminRoute::new(M::GET, "/sites/{slug}/reports", SiteKeeper, || web::get().to(reports::reports)),
        AdminRoute::new(M::POST, "/sites/{slug}/reports/{id}/resolve", SiteKeeper, || web::post().to(reports::resolve_report)),
        AdminRoute::new(M::GET, "/products", Admin, || web::get().to(products::products)),
        AdminRoute::new(M::GET, "/products/new", Admin, || web::get().to(products::new_form)),
        AdminRoute::new(M::POST, "/products/new", Admin, || web::post().to(products::create_product)),
        AdminRoute::new(M::GET, "/products/{product}/edit", Admin, || web::get().to(products::edit_form)),
        AdminRoute::new(M::POST, "/products/{product}/edit", Admin, || web::post().to(products::save_product)),
        AdminRoute::new(M::POST, "/products/{product}/active", Admin, || web::post().to(products::set_active)),
        AdminRoute::new(M::GET, "/producers", Admin, || web::get().to(makers::list::<ProducerFields>)),
        AdminRoute::new(M::GET, "/producers/new", Admin, || web::get().to(makers::new_form::<ProducerFields>)),
        AdminRoute::new(M::POST, "/producers/new", Admin, || web::post().to(makers::create::<ProducerFields>)),
        AdminRoute::new(M::GET, "/producers/{id}/edit", Admin, || web::get().to(makers::edit_form::<ProducerFields>)),
        AdminRoute::new(M::POST, "/producers/{id}/edit", Admin, || web::post().to(makers::save::<ProducerFields>)),
        AdminRoute::new(M::POST, "/producers/{id}/active", Admin, || web::post().to(makers::set_active::<ProducerFields>)),
        AdminRoute::new(M::GET, "/villages", Admin, || web::get().to(makers::list::<VillageFields>)),
        AdminRoute::new(M::GET, "/villages/new", Admin, || web::get().to(makers::new_form::<VillageFields>)),
        AdminRoute::new(M::POST, "/villages/new", Admin, || web::post().to(makers::create::<VillageFields>)),
        AdminRoute::new(M::GET, "/villages/{id}/edit", Admin, || web::get().to(makers::edit_form::<VillageFields>)),
        AdminRoute::new(M::POST, "/villages/{id}/edit", Admin, || web::post().to(makers::save::<VillageFields>)),
        AdminRoute::new(M::POST, "/villages/{id}/active", Admin, || web::post().to(makers::set_active::<VillageFields>)),
        AdminRoute::new(M::GET, "/transfer", Admin, || web::get().to(transfer::transfer)),
        AdminRoute::new(M::GET, "/export/{table}", Admin, || web::get().to(transfer::export)),
        AdminRoute::new(M::POST, "/import/{table}", Admin, || web::post().to(transfer::import_file)),
        AdminRoute::new(M::GET, "/audit", Admin, || web::get().to(audit::audit_log)),
        AdminRoute::new(M::GET, "/audit.csv", Admin, || web::get().to(audit::audit_csv)),
        AdminRoute::new(M::GET, "/accounts", Admin, || web::get().to(accounts::accounts)),
        AdminRoute::new(M::POST, "/accounts", Admin, || web::post().to(accounts::create_account)),
        AdminRoute::new(M::POST, "/accounts/{id}/password", Admin, || web::post().to(accounts::reset_password)),
        AdminRoute::new(M::POST, "/accounts/{id}/active", Admin, || web::post().to(accounts::set_active)),
    ]
}

/// Session cookie settings and the key that signs (and encrypts) it.
#[derive(Clone)]
pub struct SessionSettings {
    pub key: Key,
    pub secure: bool,
}

/// The /admin scope: sessions, no caching, each path's routes behind the guard.
pub fn scope(
    sessions: SessionSettings,
) -> actix_web::Scope<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let mut by_path: BTreeMap<&'static str, Vec<AdminRoute>> = BTreeMap::new();
    for route in routes() {
        by_path.entry(route.path).or_default().push(route);
    }
    let mut scope = web::scope("/admin");
    for (path, routes) in by_path {
        let rules: Arc<[(Method, Access)]> = routes.iter().map(|r| (r.method.clone(), r.access)).collect();
        let allow: &'static str = allowed_methods(&routes);
        let mut resource = web::resource(path);
        for route in &routes {
            resource = resource.route((route.handler)());
        }
        let resource = resource
            .default_service(web::to(
                move || async move { Err::<actix_web::HttpResponse, _>(crate::error::AppError::MethodNotAllowed(allow)) },
            ))
            .wrap(from_fn(move |req, next| guard::authorize(req, next, rules.clone())));
        scope = scope.service(resource);
    }
    let session = SessionMiddleware::builder(CookieSessionStore::default(), sessions.key)
        .cookie_name(SESSION_COOKIE.to_owned())
        .cookie_path("/".to_owned())
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_secure(sessions.secure)
        .build();
    scope.wrap(session).wrap(DefaultHeaders::new().add(("Cache-Control", "no-store"))).default_service(web::to(super::not_found))
}

/// The `Allow` header of a path: its methods. Leaked: a few bytes per path per worker, once.
fn allowed_methods(routes: &[AdminRoute]) -> &'static str {
    let methods: Vec<&str> = routes.iter().map(|r| r.method.as_str()).collect();
    Box::leak(methods.join(", ").into_boxed_str())
}
