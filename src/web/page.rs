//! The shell every page shares, the per-request context, and rendering helpers.

use std::borrow::Cow;
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
use super::fragments::Generation;
use crate::catalog::Catalog;
use crate::domain::hanoi_date;
use crate::error::AppError;
use crate::i18n::{Lang, Texts};
use crate::web::list_query::canonical_query;

/// The stylesheet, compiled in: nothing on disk is ever served, so no path can escape.
pub const STYLESHEET: &str = include_str!("../../static/style.css");
/// The staff pages' enhancements (the pages work without it).
pub const ADMIN_SCRIPT: &str = include_str!("../../static/admin.js");

/// The public pages' enhancements ("use my location"); every page works without it.
pub const SITE_SCRIPT: &str = include_str!("../../static/site.js");

/// Changes whenever the stylesheet or a script does, so browsers may cache them forever.
pub static ASSET_VERSION: LazyLock<String> =
    LazyLock::new(|| crate::domain::text::fingerprint(&format!("{STYLESHEET}{ADMIN_SCRIPT}{SITE_SCRIPT}")));

/// Where pages find the stylesheet and their script, fingerprinted.
pub static STYLESHEET_HREF: LazyLock<String> = LazyLock::new(|| format!("/static/style.css?v={}", *ASSET_VERSION));
static SITE_SCRIPT_HREF: LazyLock<String> = LazyLock::new(|| format!("/static/site.js?v={}", *ASSET_VERSION));

/// The cookie that remembers the shopper's chosen place ("21.02870,105.85240").
pub const PLACE_COOKIE: &str = "ocop_place";

/// The remembered place, from the cookie (ignored when unreadable).
pub fn remembered_place(req: &HttpRequest) -> Option<crate::domain::GeoPoint> {
    req.cookie(PLACE_COOKIE).and_then(|c| crate::domain::GeoPoint::from_param(c.value()))
}

pub const HTML: &str = "text/html; charset=utf-8";
pub const JSON: &str = "application/json";
pub const GEOJSON: &str = "application/geo+json";

/// Where a page is, as its versions in other languages link it: the path without a language
/// prefix and the route's own query parameters in canonical order (never raw request text,
/// which a cached page would show to everyone).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageAddress {
    pub path: String,
    pub query: String,
}

impl PageAddress {
    /// The address of a request whose route reads `params`.
    pub fn of(path: &str, query: &str, params: &[&str]) -> PageAddress {
        let bare = path.strip_prefix(Lang::of_path(path).base_path()).unwrap_or(path);
        PageAddress { path: if bare.is_empty() { "/".to_owned() } else { bare.to_owned() }, query: canonical_query(query, params) }
    }

    /// This page in `lang`, as a path with its query.
    pub fn href(&self, lang: Lang) -> String {
        if self.query.is_empty() {
            [lang.base_path(), &self.path].concat()
        } else {
            [lang.base_path(), &self.path, "?", &self.query].concat()
        }
    }
}

/// The language a browser prefers over `lang` among those served (`Accept-Language`), for a
/// one-line offer to switch; `None` when it prefers `lang` or none of ours.
pub fn offered_language(req: &HttpRequest, lang: Lang) -> Option<Lang> {
    let header = req.headers().get(actix_web::http::header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    Lang::preferred(header).filter(|preferred| *preferred != lang)
}

/// What a handler needs to answer one request: a catalogue snapshot, the language, the time,
/// and where the page is (for its links to itself in other languages).
pub struct Ctx {
    pub catalog: Arc<Catalog>,
    pub lang: Lang,
    pub now: DateTime<Utc>,
    pub address: PageAddress,
    pub public_url: String,
    pub offer: Option<Lang>,
    /// The cards lists repeat, rendered once (see `web::fragments`).
    pub fragments: Arc<Generation>,
}

impl Ctx {
    pub fn t(&self) -> &'static Texts {
        self.lang.texts()
    }

    pub fn today(&self) -> NaiveDate {
        hanoi_date(self.now)
    }

    /// The page shell with a title.
    pub fn chrome(&self, title: impl Into<Cow<'static, str>>, nav: Nav) -> Chrome {
        let mut chrome = Chrome::new(self.lang, self.catalog.is_demo, title.into(), nav, &self.address, &self.public_url);
        chrome.offer =
            self.offer.map(|lang| Offer { code: lang.code(), text: lang.texts().offer_this_language, href: self.address.href(lang) });
        chrome
    }

    pub fn near(&self) -> &'static crate::i18n::NearTexts {
        self.lang.near()
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
        let lang = Lang::of_path(req.path());
        let address = req.extensions().get::<PageAddress>().cloned().unwrap_or_else(|| PageAddress::of(req.path(), "", &[]));
        let offer = offered_language(req, lang);
        let now = state.clock.now();
        let fragments = state.fragments.of(&catalog, hanoi_date(now));
        ready(Ok(Ctx { catalog, lang, now, address, public_url: state.public_url.clone(), offer, fragments }))
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

/// The same page in one language, for the switch and the `hreflang` alternates.
pub struct Alternate {
    pub code: &'static str,
    /// The language's name in itself ("Tiếng Việt", "English").
    pub name: &'static str,
    pub href: String,
    /// Absolute, for search engines.
    pub url: String,
    pub current: bool,
}

/// The parts of the page around the content.
pub struct Chrome {
    pub t: &'static Texts,
    pub lang: &'static str,
    /// Prefix for internal links ("" or "/en").
    pub base: &'static str,
    pub is_demo: bool,
    /// An interface message stays borrowed: the escaper knows those by address.
    pub title: Cow<'static, str>,
    pub stylesheet: &'static str,
    pub script: &'static str,
    pub nav: Nav,
    pub alternates: Vec<Alternate>,
    /// This page's own absolute address (in this language).
    pub canonical: String,
    /// The default language's address, for `hreflang="x-default"`.
    pub default_url: String,
    /// A one-line offer of the language the browser prefers.
    pub offer: Option<Offer>,
    /// The page in a sentence, for search results and link previews.
    pub description: Cow<'static, str>,
    /// A picture for link previews (a product's photo), absolute.
    pub image: Option<String>,
    /// schema.org JSON-LD, already safe inside a script element.
    pub structured_data: Option<String>,
}

/// "This page is available in English", in that language, with its link.
pub struct Offer {
    pub code: &'static str,
    pub text: &'static str,
    pub href: String,
}

impl Chrome {
    pub fn new(lang: Lang, is_demo: bool, title: Cow<'static, str>, nav: Nav, address: &PageAddress, public_url: &str) -> Chrome {
        let alternates: Vec<Alternate> = Lang::ALL
            .into_iter()
            .map(|other| {
                let href = address.href(other);
                let url = [public_url, &href].concat();
                Alternate { code: other.code(), name: other.texts().language_name, href, url, current: other == lang }
            })
            .collect();
        let url_in = |lang: Lang| alternates.iter().find(|a| a.code == lang.code()).map(|a| a.url.clone()).unwrap_or_default();
        Chrome {
            t: lang.texts(),
            lang: lang.code(),
            base: lang.base_path(),
            is_demo,
            title,
            stylesheet: &STYLESHEET_HREF,
            script: &SITE_SCRIPT_HREF,
            nav,
            canonical: url_in(lang),
            default_url: url_in(Lang::Vi),
            alternates,
            offer: None,
            description: Cow::Borrowed(lang.texts().tagline),
            image: None,
            structured_data: None,
        }
    }

    /// With a description of its own (a sentence about this page).
    pub fn described(mut self, description: impl Into<String>) -> Chrome {
        let description: String = description.into();
        if !description.trim().is_empty() {
            self.description = Cow::Owned(description.chars().take(200).collect());
        }
        self
    }

    /// With schema.org data.
    pub fn with_structured_data(mut self, value: &serde_json::Value) -> Chrome {
        self.structured_data = Some(super::pages::script_json(value));
        self
    }

    /// The locale Open Graph names ("vi_VN", "en_GB").
    pub fn og_locale(&self) -> &'static str {
        self.t.og_locale
    }

    /// `aria-current` for the navigation entry of the current section.
    pub fn current(&self, nav: Nav) -> &'static str {
        if self.nav == nav { "page" } else { "false" }
    }
}

/// What a page's buffer starts with.
const PAGE_BUFFER_BYTES: usize = 64 * 1024;

/// A page being written. A template writes a thousand pieces, most of them its own text of a
/// known length: inlined, each is a check and a few moves, where `String`'s `write_str`, left
/// out of line in a template's long function, was a call and a `memcpy` call each.
struct PageBuffer(String);

impl std::fmt::Write for PageBuffer {
    #[inline(always)]
    fn write_str(&mut self, piece: &str) -> std::fmt::Result {
        self.0.push_str(piece);
        Ok(())
    }

    #[inline(always)]
    fn write_char(&mut self, c: char) -> std::fmt::Result {
        self.0.push(c);
        Ok(())
    }
}

/// Renders a page template into a cacheable response that shows `tags` (see `cache::Tag`;
/// reference data alone needs none).
pub fn render(page: &impl Template, tags: Vec<Tag>) -> Result<HttpResponse, AppError> {
    render_until(page, tags, None)
}

/// `render` for a page that shows something true only until `until` (a site's "open now"):
/// the cache drops it then, or at the next Hanoi midnight if that comes first.
pub fn render_until<T: Template>(page: &T, tags: Vec<Tag>, until: Option<DateTime<Utc>>) -> Result<HttpResponse, AppError> {
    // Most pages are 10–70 KB; askama's own hint (the template's fixed text) would have the
    // buffer grow and be copied three or four times on the way.
    let mut html = PageBuffer(String::with_capacity(PAGE_BUFFER_BYTES.max(T::SIZE_HINT)));
    page.render_into(&mut html).map_err(|e| AppError::Internal(anyhow::anyhow!("template failed: {e}")))?;
    let mut response = HttpResponse::Ok().content_type(HTML).body(html.0);
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
