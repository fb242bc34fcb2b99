//! The public pages and the JSON API: one module per page family.

mod api;
mod districts;
mod health;
mod home;
mod map;
mod near;
mod ocop;
mod photos;
mod products;
mod reach;
mod report;
mod search;
mod sites;
mod structured;
pub(super) mod view;
mod villages;

use actix_web::dev::{HttpServiceFactory, ServiceRequest};
use actix_web::middleware::{Next, from_fn};
use actix_web::{Handler, HttpResponse, Responder, Route, guard, web};

use super::cached::{self, CachedRoute};
use super::page::{ADMIN_SCRIPT, ASSET_VERSION, SITE_SCRIPT, STYLESHEET};
use crate::error::AppError;
use crate::i18n::Lang;
pub use search::search_result_count;
pub use structured::script_json;

/// Query parameters each list reads; only these enter its cache key.
const SITE_LIST_PARAMS: &[&str] = &["kind", "district", "category", "stars", "q", "page"];
const PRODUCT_LIST_PARAMS: &[&str] = &["category", "stars", "district", "q", "page"];

/// Every page, in every language: Vietnamese at the root, the others under their prefix
/// ("/en/…"); the API, assets and photos once, at the root.
pub fn configure(cfg: &mut web::ServiceConfig) {
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::Vi) {
        let base = lang.base_path();
        // "/en" itself: its home page is "/en/".
        cfg.service(web::resource(base).route(
            read().to(move || async move { HttpResponse::PermanentRedirect().insert_header(("Location", format!("{base}/"))).finish() }),
        ));
        cfg.service(web::scope(base).configure(pages));
    }
    pages(cfg);
    cfg.service(public("", "/sitemap.xml", &[], reach::sitemap))
        .service(public("", "/robots.txt", &[], reach::robots))
        .service(public("", "/sitemap-{part}", &[], reach::sitemap_part))
        .service(public("", "/api/v1/sites.geojson", &[], api::sites_geojson))
        .service(public("", "/api/v1/near", near::NEAR_PARAMS, api::near))
        .service(web::scope("/api/v1/sites").service(public("/api/v1/sites", "", &[], api::sites)).service(public(
            "/api/v1/sites",
            "/{slug}",
            &[],
            api::site,
        )))
        .service(web::resource("/healthz").route(read().to(health::health)).default_service(web::to(method_not_allowed)))
        .service(web::resource("/static/style.css").route(read().to(stylesheet)).default_service(web::to(method_not_allowed)))
        .service(web::resource("/photos/{file}").route(read().to(photos::photo)).default_service(web::to(method_not_allowed)))
        .service(web::resource("/favicon.ico").route(read().to(icon)).default_service(web::to(method_not_allowed)))
        .service(web::resource("/static/admin.js").route(read().to(admin_script)).default_service(web::to(method_not_allowed)))
        .service(web::resource("/static/site.js").route(read().to(site_script)).default_service(web::to(method_not_allowed)));
}

/// The pages of one language. Each family under a scope with a fixed prefix: the router then
/// tests one pattern with a `{slug}` (a regex match, a tenth of a cache hit's cost) per
/// request instead of all of them.
fn pages(cfg: &mut web::ServiceConfig) {
    cfg.service(public("", "/", &[], home::home))
        .service(by_place("", "/near", near::NEAR_PARAMS, near::near))
        .service(public("", "/ocop", &[], ocop::ocop))
        // Counted outside the cache, so a search answered from it counts too.
        .service(web::scope("/search").wrap(from_fn(super::search_log::count)).service(cached_route(
            CachedRoute { scope: "/search", pattern: "", params: search::SEARCH_PARAMS, by_place: false, before_routing: false },
            search::search,
        )))
        .service(
            web::scope("/villages").service(public("/villages", "", villages::VILLAGE_LIST_PARAMS, villages::villages)).service(public(
                "/villages",
                "/{slug}",
                &[],
                villages::village,
            )),
        )
        .service(
            web::resource("/place")
                .route(web::post().to(near::remember))
                .default_service(web::to(|| async { Err::<HttpResponse, _>(AppError::MethodNotAllowed("POST")) })),
        )
        .service(web::scope("/districts").service(public("/districts", "", &[], districts::districts)).service(by_place(
            "/districts",
            "/{slug}",
            &[],
            districts::district,
        )))
        .service(
            web::scope("/showrooms")
                .service(by_place("/showrooms", "", SITE_LIST_PARAMS, sites::sites))
                .service(by_place("/showrooms", "/{slug}", sites::SITE_PARAMS, sites::site))
                .service(
                    web::resource("/{slug}/report")
                        .route(web::get().to(report::report_form))
                        .route(web::post().to(report::send_report))
                        .default_service(web::to(|| async { Err::<HttpResponse, _>(AppError::MethodNotAllowed("GET, POST")) })),
                ),
        )
        .service(web::scope("/products").service(public("/products", "", PRODUCT_LIST_PARAMS, products::products)).service(by_place(
            "/products",
            "/{slug}",
            &[],
            products::product,
        )));
}

/// A public page at `path` within `scope`: GET and HEAD (for link checkers and uptime
/// monitors; the server drops the body), served through the page cache keyed on `params`;
/// any other method gets 405.
fn public<F, Args>(scope: &'static str, path: &'static str, params: &'static [&'static str], handler: F) -> impl HttpServiceFactory
where
    F: Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: Responder + 'static,
{
    cached_route(CachedRoute { scope, pattern: path, params, by_place: false, before_routing: true }, handler)
}

/// `public` for a page ordered by distance from the shopper's remembered place.
fn by_place<F, Args>(scope: &'static str, path: &'static str, params: &'static [&'static str], handler: F) -> impl HttpServiceFactory
where
    F: Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: Responder + 'static,
{
    cached_route(CachedRoute { scope, pattern: path, params, by_place: true, before_routing: true }, handler)
}

fn cached_route<F, Args>(route: CachedRoute, handler: F) -> impl HttpServiceFactory
where
    F: Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: Responder + 'static,
{
    let path = route.pattern;
    web::resource(path)
        .wrap(from_fn(move |req: ServiceRequest, next: Next<_>| cached::serve(req, next, route)))
        .route(read().to(handler))
        .default_service(web::to(method_not_allowed))
}

fn read() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

/// Everything else: a real 404 page.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// A known path asked with a method it does not serve.
async fn method_not_allowed() -> Result<HttpResponse, AppError> {
    Err(AppError::MethodNotAllowed("GET, HEAD"))
}

async fn stylesheet() -> HttpResponse {
    asset("text/css; charset=utf-8", STYLESHEET)
}

/// A square with the brand colour and "O": browsers ask for /favicon.ico on every site.
async fn icon() -> HttpResponse {
    const ICON: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#8a1c1c\"/><circle cx=\"16\" cy=\"16\" r=\"8\" fill=\"none\" stroke=\"#fff\" stroke-width=\"4\"/></svg>";
    HttpResponse::Ok().content_type("image/svg+xml").insert_header(("Cache-Control", "public, max-age=86400")).body(ICON)
}

async fn site_script() -> HttpResponse {
    asset("text/javascript; charset=utf-8", SITE_SCRIPT)
}

async fn admin_script() -> HttpResponse {
    asset("text/javascript; charset=utf-8", ADMIN_SCRIPT)
}

/// A compiled-in file. Its URL carries a content hash, so it may be cached for a year.
fn asset(content_type: &'static str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .insert_header(("ETag", format!("\"{}\"", *ASSET_VERSION)))
        .body(body)
}
