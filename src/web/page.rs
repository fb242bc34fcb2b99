//! The shell every page shares, the per-request context, and rendering helpers.

use std::future::{Ready, ready};
use std::sync::{Arc, LazyLock};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::AppState;
use super::cache::Tag;
use super::cached::Cacheable;
use crate::catalog::Catalog;
use crate::domain::hanoi_date;
use crate::error::AppError;
use crate::i18n::{Lang, Texts};

/// The stylesheet, compiled in: nothing on disk is ever served, so no path can escape.
pub const STYLESHEET: &str = include_str!("../../static/style.css");
/// The staff pages' enhancements (the pages work without it).
pub const ADMIN_SCRIPT: &str = include_str!("../../static/admin.js");

/// The public pages' enhancements ("use my location"); every page works without it.
pub const SITE_SCRIPT: &str = include_str!("../../static/site.js");

/// Changes whenever the stylesheet or a script does, so browsers may cache them forever.
pub static ASSET_VERSION: LazyLock<String> =
    LazyLock::new(|| crate::domain::text::fingerprint(&format!("{STYLESHEET}{ADMIN_SCRIPT}{SITE_SCRIPT}")));

/// The cookie that remembers the shopper's chosen place ("21.02870,105.85240").
pub const PLACE_COOKIE: &str = "ocop_place";

/// The remembered place, from the cookie (ignored when unreadable).
pub fn remembered_place(req: &HttpRequest) -> Option<crate::domain::GeoPoint> {
    req.cookie(PLACE_COOKIE).and_then(|c| crate::domain::GeoPoint::from_param(c.value()))
}

pub const HTML: &str = "text/html; charset=utf-8";
pub const JSON: &str = "application/json";
pub const GEOJSON: &str = "application/geo+json";

/// What a handler needs to answer one request: a catalogue snapshot, the language, the time.
pub struct Ctx {
    pub catalog: Arc<Catalog>,
    pub lang: Lang,
    pub now: DateTime<Utc>,
}

impl Ctx {
    pub fn t(&self) -> &'static Texts {
        self.lang.texts()
    }

    pub fn today(&self) -> NaiveDate {
        hanoi_date(self.now)
    }

    /// The page shell with a title.
    pub fn chrome(&self, title: impl Into<String>, nav: Nav) -> Chrome {
        Chrome::new(self.lang, self.catalog.is_demo, title.into(), nav)
    }
}

impl FromRequest for Ctx {
    type Error = AppError;
    type Future = Ready<Result<Ctx, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // The cache middleware already picked the snapshot this request is answered from (and
        // will file the page under that snapshot's version).
        let Some(state) = req.app_data::<web::Data<AppState>>() else {
            return ready(Err(AppError::Internal(anyhow::anyhow!("application state is missing"))));
        };
        let catalog = req.extensions().get::<Arc<Catalog>>().cloned().unwrap_or_else(|| state.catalog.snapshot());
        ready(Ok(Ctx { catalog, lang: Lang::Vi, now: state.clock.now() }))
    }
}

/// Which navigation entry is the current section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Home,
    Near,
    Villages,
    Sites,
    Products,
    Districts,
    None,
}

/// The parts of the page around the content.
pub struct Chrome {
    pub t: &'static Texts,
    pub lang: &'static str,
    /// Prefix for internal links ("" or "/en").
    pub base: &'static str,
    pub is_demo: bool,
    pub title: String,
    pub stylesheet: String,
    pub script: String,
    pub nav: Nav,
}

impl Chrome {
    pub fn new(lang: Lang, is_demo: bool, title: String, nav: Nav) -> Chrome {
        Chrome {
            t: lang.texts(),
            lang: lang.code(),
            base: lang.base_path(),
            is_demo,
            title,
            stylesheet: format!("/static/style.css?v={}", *ASSET_VERSION),
            script: format!("/static/site.js?v={}", *ASSET_VERSION),
            nav,
        }
    }

    /// `aria-current` for the navigation entry of the current section.
    pub fn current(&self, nav: Nav) -> &'static str {
        if self.nav == nav { "page" } else { "false" }
    }
}

/// Renders a page template into a cacheable response that shows `tags` (see `cache::Tag`;
/// reference data alone needs none).
pub fn render(page: &impl Template, tags: Vec<Tag>) -> Result<HttpResponse, AppError> {
    render_until(page, tags, None)
}

/// `render` for a page that shows something true only until `until` (a site's "open now"):
/// the cache drops it then, or at the next Hanoi midnight if that comes first.
pub fn render_until(page: &impl Template, tags: Vec<Tag>, until: Option<DateTime<Utc>>) -> Result<HttpResponse, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(anyhow::anyhow!("template failed: {e}")))?;
    let mut response = HttpResponse::Ok().content_type(HTML).body(html);
    response.extensions_mut().insert(Cacheable { content_type: HTML, tags, until });
    Ok(response)
}

/// Serialises a JSON answer into a cacheable response that shows `tags`.
pub fn json(value: &impl Serialize, tags: Vec<Tag>) -> Result<HttpResponse, AppError> {
    json_response(value, tags, JSON, None)
}

/// `json` with another JSON media type (GeoJSON).
pub fn json_as(value: &impl Serialize, tags: Vec<Tag>, content_type: &'static str) -> Result<HttpResponse, AppError> {
    json_response(value, tags, content_type, None)
}

/// `json` for an answer true only until `until` (see `render_until`).
pub fn json_until(value: &impl Serialize, tags: Vec<Tag>, until: Option<DateTime<Utc>>) -> Result<HttpResponse, AppError> {
    json_response(value, tags, JSON, until)
}

fn json_response(
    value: &impl Serialize,
    tags: Vec<Tag>,
    content_type: &'static str,
    until: Option<DateTime<Utc>>,
) -> Result<HttpResponse, AppError> {
    let body = serde_json::to_vec(value).map_err(|e| AppError::Internal(e.into()))?;
    let mut response = HttpResponse::Ok().content_type(content_type).body(body);
    response.extensions_mut().insert(Cacheable { content_type, tags, until });
    Ok(response)
}
