//! Serving public pages through the page cache: the key from the route and its parsed
//! parameters, the encoding the client accepts, `ETag`/`304`, and headers for proxies.

use std::sync::Arc;

use actix_web::body::{BoxBody, MessageBody, to_bytes};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpRequest, HttpResponse, web};
use bytes::Bytes;
use chrono::{DateTime, Utc};

use super::AppState;
use super::cache::{CachedPage, Coding, Representation, Tag};
use super::page::{PageAddress, offered_language, remembered_place};
use crate::domain::{GeoPoint, next_hanoi_midnight};
use crate::error::AppError;
use crate::i18n::Lang;

/// The cookie of a signed-in session: its holder never gets or fills a cached page.
pub const SESSION_COOKIE: &str = "ocop_session";

/// Public pages may be revalidated by browsers on every view (a 304 is cheap) and held by a
/// reverse proxy or CDN for a few seconds.
const PUBLIC_CACHE_CONTROL: &str = "public, max-age=0, s-maxage=10";

/// Marks a response as cacheable: what it is and what it shows.
#[derive(Debug, Clone)]
pub struct Cacheable {
    pub content_type: &'static str,
    pub tags: Vec<Tag>,
    /// Stale from then on, if before the next Hanoi midnight (an "open now" that will change).
    pub until: Option<DateTime<Utc>>,
}

/// Whether the client lists `name` as an accepted coding (and not with q=0).
fn accepts(headers: &HeaderMap, name: &str) -> bool {
    let Some(accepted) = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()) else { return false };
    accepted.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        parts.next().is_some_and(|coding| coding.eq_ignore_ascii_case(name))
            && parts.all(|p| p.strip_prefix("q=").is_none_or(|q| q.parse::<f32>().is_ok_and(|q| q > 0.0)))
    })
}

/// The best coding the client accepts: brotli, then gzip; `None` for the body as it is.
fn negotiate(headers: &HeaderMap) -> Option<Coding> {
    if accepts(headers, "br") { Some(Coding::Brotli) } else { accepts_gzip(headers) }
}

fn accepts_gzip(headers: &HeaderMap) -> Option<Coding> {
    accepts(headers, "gzip").then_some(Coding::Gzip)
}

/// A public route as the cache sees it.
#[derive(Debug, Clone, Copy)]
pub struct CachedRoute {
    /// The scope it is registered in, e.g. "/showrooms" ("" at the root).
    pub scope: &'static str,
    /// Its pattern within the scope, e.g. "/{slug}".
    pub pattern: &'static str,
    /// The query parameters it reads; only these enter its key.
    pub params: &'static [&'static str],
    /// It orders by distance from the shopper's remembered place (a cookie), which then
    /// enters its key.
    pub by_place: bool,
    /// Its pages may be answered before routing: no middleware of its own must see every
    /// request (the search count must).
    pub before_routing: bool,
}

/// The cache key: language (and the one a browser is offered), the path the route matched with
/// its parameters as parsed, the route's own query parameters in canonical order, and the
/// shopper's place for routes ordered by it. Unknown parameters and raw request text never
/// enter it: a request whose own text is already in this form finds its page before routing.
fn page_key(lang: Lang, offer: Option<Lang>, path: &str, query: &str, place: Option<GeoPoint>) -> String {
    let mut key = String::with_capacity(16 + path.len() + query.len());
    key.push_str(lang.code());
    if let Some(offered) = offer {
        key.push('>');
        key.push_str(offered.code());
    }
    key.push('|');
    key.push_str(path);
    if !query.is_empty() {
        key.push('?');
        key.push_str(query);
    }
    if let Some(place) = place {
        key.push_str("|@");
        key.push_str(&place.rounded().to_param());
    }
    key
}

/// The key of a routed request: its route's pattern filled with the parameters it matched.
fn cache_key(req: &ServiceRequest, route: CachedRoute, address: &PageAddress) -> String {
    let lang = Lang::of_path(req.path());
    let mut path = String::with_capacity(route.scope.len() + route.pattern.len() + 32);
    path.push_str(route.scope);
    let mut rest = route.pattern;
    while let Some((before, after)) = rest.split_once('{') {
        path.push_str(before);
        let (name, after) = after.split_once('}').unwrap_or((after, ""));
        path.push_str(req.match_info().get(name).unwrap_or_default());
        rest = after;
    }
    path.push_str(rest);
    let place = route.by_place.then(|| remembered_place(req.request())).flatten();
    page_key(lang, offered_language(req.request(), lang), &path, &address.query, place)
}

/// A cached page for a request that has not been routed yet, when its path and query are
/// already in the key's form (most are: links on the site are written that way). Anything
/// else (an encoded path, an unknown or reordered parameter, a signed-in visitor) goes
/// through the router to `serve`, which keys it canonically.
pub fn early(req: &ServiceRequest) -> Option<HttpResponse> {
    if !matches!(*req.method(), Method::GET | Method::HEAD) || carries_session(req) {
        return None;
    }
    let state = req.app_data::<web::Data<AppState>>()?;
    if !state.pages.is_enabled() {
        return None;
    }
    let (full_path, query) = (req.path(), req.query_string());
    let lang = Lang::of_path(full_path);
    let path = full_path.strip_prefix(lang.base_path()).filter(|p| !p.is_empty())?;
    if path.contains(['%', '|']) || query.contains('|') {
        return None;
    }
    let (offer, now) = (offered_language(req.request(), lang), state.clock.now());
    let place = remembered_place(req.request());
    let with_place = place.and_then(|place| state.pages.get(&page_key(lang, offer, path, query, Some(place)), now));
    // Without the place: a shopper who has none, or a page that is not ordered by it.
    let without_place = || state.pages.get(&page_key(lang, offer, path, query, None), now).filter(|page| place.is_none() || !page.by_place);
    let page = with_place.or_else(without_place)?;
    if !page.before_routing {
        return None;
    }
    state.pages.count_early_answer();
    Some(respond(req.request(), &page, negotiate(req.headers())))
}

fn carries_session(req: &ServiceRequest) -> bool {
    let is_session = |pair: &str| pair.trim().split_once('=').is_some_and(|(name, _)| name == SESSION_COOKIE);
    req.headers().get_all(header::COOKIE).any(|v| v.to_str().is_ok_and(|cookies| cookies.split(';').any(is_session)))
}

/// Serves a GET or HEAD of a public route from the cache, or renders it and caches it.
pub async fn serve(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    route: CachedRoute,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let address = PageAddress::of(req.path(), req.query_string(), route.params);
    let Some(state) = state.filter(|_| matches!(*req.method(), Method::GET | Method::HEAD) && !carries_session(&req)) else {
        req.extensions_mut().insert(address);
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let now = state.clock.now();
    let key = cache_key(&req, route, &address);
    if let Some(page) = state.pages.get(&key, now) {
        let response = respond(req.request(), &page, negotiate(req.headers()));
        return Ok(req.into_response(response));
    }
    // For the handler, which renders links from it.
    req.extensions_mut().insert(address);
    let snapshot = state.catalog.snapshot();
    req.extensions_mut().insert(Arc::clone(&snapshot));
    let response = next.call(req).await?;
    let cacheable = response.response().extensions().get::<Cacheable>().cloned();
    let Some(cacheable) = cacheable.filter(|_| response.status() == StatusCode::OK) else {
        return Ok(response.map_into_boxed_body());
    };
    let (request, response) = response.into_parts();
    // A rendered page is already one buffer: take it as it is. `to_bytes` would copy it into
    // a fresh one, in 32 KB steps (a tenth of an uncached 30 KB page's CPU in a profile).
    let body = match response.into_body().try_into_bytes() {
        Ok(body) => body,
        Err(body) => to_bytes(body).await.map_err(|e| {
            let e: Box<dyn std::error::Error> = e.into();
            AppError::Internal(anyhow::anyhow!("failed to buffer a response: {e}"))
        })?,
    };
    let expires_at = cacheable.until.filter(|t| *t > now).map_or(next_hanoi_midnight(now), |t| t.min(next_hanoi_midnight(now)));
    // One validator per page version: same snapshot, same day, same key, same bytes.
    let etag = format!("\"{:x}-{:x}-{:016x}\"", snapshot.version, expires_at.timestamp(), fnv1a(key.as_bytes()));
    let etag = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let body = if state.pages.is_enabled() { Bytes::copy_from_slice(&body) } else { body };
    let mut page = CachedPage::new(cacheable.content_type, Representation { body, etag }, expires_at, cacheable.tags);
    (page.by_place, page.before_routing) = (route.by_place, route.before_routing);
    // With the cache off every hit is a miss: compress with gzip, several times cheaper.
    let coding = negotiate(request.headers()).filter(|_| state.pages.is_enabled()).or(accepts_gzip(request.headers()));
    let response = respond(&request, &page, coding);
    state.pages.insert(&key, page, snapshot.version);
    Ok(ServiceResponse::new(request, response))
}

/// 304 when the client holds this version, else the body in `coding` (or as it is).
fn respond(req: &HttpRequest, page: &CachedPage, coding: Option<Coding>) -> HttpResponse {
    let representation = coding.map_or(&page.identity, |c| page.encoded(c));
    let not_modified = client_has(req.headers(), &representation.etag);
    let mut builder = if not_modified { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    builder
        .insert_header((header::ETAG, representation.etag.clone()))
        .insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding, Accept-Language")))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static(PUBLIC_CACHE_CONTROL)));
    if not_modified {
        return builder.finish();
    }
    if let Some(coding) = coding {
        builder.insert_header((header::CONTENT_ENCODING, HeaderValue::from_static(coding.name())));
    }
    builder.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(page.content_type))).body(representation.body.clone())
}

/// `If-None-Match` names this tag (or `*`); compared weakly, as RFC 9110 asks.
fn client_has(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let Ok(etag) = etag.to_str() else { return false };
    headers.get_all(header::IF_NONE_MATCH).filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(|tag| {
        let tag = tag.trim();
        tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag
    })
}

pub use crate::domain::text::fnv1a;

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: header::HeaderName, value: &'static str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(name, HeaderValue::from_static(value));
        map
    }

    #[test]
    fn brotli_wins_over_gzip_and_q_zero_refuses() {
        assert_eq!(negotiate(&headers(header::ACCEPT_ENCODING, "gzip, deflate, br")), Some(Coding::Brotli));
        assert_eq!(negotiate(&headers(header::ACCEPT_ENCODING, "gzip;q=0.8, br;q=0")), Some(Coding::Gzip));
        assert_eq!(negotiate(&headers(header::ACCEPT_ENCODING, "identity")), None);
        assert_eq!(negotiate(&HeaderMap::new()), None);
    }

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let tag = |t: &'static str| HeaderValue::from_static(t);
        assert!(client_has(&headers(header::IF_NONE_MATCH, "\"a\", W/\"b\""), &tag("\"b\"")));
        assert!(client_has(&headers(header::IF_NONE_MATCH, "*"), &tag("\"x\"")));
        assert!(!client_has(&headers(header::IF_NONE_MATCH, "\"a\""), &tag("\"b\"")));
    }
}
