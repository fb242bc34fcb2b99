//! `/near`: the nearest sites to a point the shopper gives (their location, a well-known
//! place, a ward or former district, a typed address or a pasted map link), with filters, and
//! `/place` to remember that point for every other list.

use std::borrow::Cow;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::map::MapView;
use super::view::{GoogleDirections, OsmDirections, PointText, StatusView};
use crate::atlas::atlas;
use crate::catalog::Catalog;
use crate::catalog::near::{NearFilter, NearSite};
use crate::domain::geo::FAR_M;
use crate::domain::input::{FieldError, FieldProblem, FilterError};
use crate::domain::map_link::parse_world_coordinates;
use crate::domain::text::{SearchTerms, fold};
use crate::domain::{Category, Decimals, GeoPoint, SiteKind, Stars, hanoi_instant, hanoi_offset};
use crate::error::AppError;
use crate::i18n::{NearTexts, Texts};
use crate::web::cache::Tag;
use crate::web::fragments::{FilterOptions, SiteHead};
use crate::web::list_query::shorten;
use crate::web::page::{Chrome, Ctx, Nav, PLACE_COOKIE, remembered_place, render_until};

/// Sites on one answer.
pub const NEAR_RESULTS: usize = 10;
/// Longest typed place accepted.
const MAX_WHERE_CHARS: usize = 200;

/// The query as typed, so the form shows it back.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NearQuery {
    #[serde(default)]
    pub lat: String,
    #[serde(default)]
    pub lon: String,
    /// A chosen place: "place:ho-guom", "ward:phuong-bo-de" or "district:gia-lam".
    #[serde(default)]
    pub from: String,
    /// A typed place: an address-like text, coordinates or a map link.
    #[serde(default, rename = "at")]
    pub typed: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub stars: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub in_stock: String,
    #[serde(default)]
    pub open: String,
    /// `pick=1`: show the list of places to choose from (results pages leave it out: it is
    /// most of a page's weight).
    #[serde(default)]
    pub pick: String,
}

/// Query parameters `/near` reads: the page cache keys on these only.
pub const NEAR_PARAMS: &[&str] = &["lat", "lon", "from", "at", "kind", "category", "stars", "product", "in_stock", "open", "pick"];

impl NearQuery {
    pub fn parse(query: &str) -> NearQuery {
        let mut raw = NearQuery::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let slot = match key.as_ref() {
                "lat" => &mut raw.lat,
                "lon" => &mut raw.lon,
                "from" => &mut raw.from,
                "at" => &mut raw.typed,
                "kind" => &mut raw.kind,
                "category" => &mut raw.category,
                "stars" => &mut raw.stars,
                "product" => &mut raw.product,
                "in_stock" => &mut raw.in_stock,
                "open" => &mut raw.open,
                "pick" => &mut raw.pick,
                _ => continue,
            };
            value.trim().clone_into(slot);
        }
        raw
    }

    /// The one parameter that says where (a typed place wins over a chosen one, which wins
    /// over coordinates), to carry through the filter form.
    pub fn where_params(&self) -> Vec<(&'static str, String)> {
        if !self.typed.is_empty() {
            vec![("at", self.typed.clone())]
        } else if !self.from.is_empty() {
            vec![("from", self.from.clone())]
        } else if !self.lat.is_empty() || !self.lon.is_empty() {
            vec![("lat", self.lat.clone()), ("lon", self.lon.clone())]
        } else {
            Vec::new()
        }
    }

    /// The filters, to carry through the place forms.
    pub fn filter_params(&self) -> Vec<(&'static str, String)> {
        [
            ("kind", &self.kind),
            ("category", &self.category),
            ("stars", &self.stars),
            ("product", &self.product),
            ("in_stock", &self.in_stock),
            ("open", &self.open),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.clone()))
        .collect()
    }
}

/// Where the answer is measured from, and how to say it.
#[derive(Debug, Clone)]
pub struct Located {
    pub point: GeoPoint,
    /// What the shopper chose ("Hồ Gươm", "Phường Bồ Đề"...), empty for bare coordinates.
    pub label: String,
}

/// Reads the place from the query (coordinates first, then a typed text, a landmark, a ward, a
/// former district); `Ok(None)` when none is given. Problems are sentences for the page.
pub fn locate(t: &Texts, catalog: &Catalog, query: &NearQuery) -> Result<Option<Located>, Vec<String>> {
    let near = t.lang.near();
    if !query.typed.is_empty() {
        if query.typed.chars().count() > MAX_WHERE_CHARS {
            return Err(vec![near.nowhere(&shorten(&query.typed))]);
        }
        return find_place(t, catalog, &query.typed).map(Some).ok_or_else(|| vec![near.nowhere(&shorten(&query.typed))]);
    }
    if !query.from.is_empty() {
        return chosen_place(t, catalog, &query.from).map(Some).ok_or_else(|| vec![near.unknown_place(&shorten(&query.from))]);
    }
    if query.lat.is_empty() && query.lon.is_empty() {
        return Ok(None);
    }
    if query.lat.is_empty() || query.lon.is_empty() {
        return Err(vec![near.half_coordinates.to_owned()]);
    }
    match GeoPoint::parse(&query.lat, &query.lon) {
        Ok(point) => Ok(Some(Located { point, label: String::new() })),
        Err(problem) => {
            let bad_lat = GeoPoint::parse(&query.lat, "0").is_err();
            let (field, value) = if bad_lat { ("lat", &query.lat) } else { ("lon", &query.lon) };
            Err(vec![near.point_problem(field, &shorten(value), problem)])
        }
    }
}

/// "place:ho-guom", "ward:phuong-bo-de", "district:gia-lam".
fn chosen_place(t: &Texts, catalog: &Catalog, from: &str) -> Option<Located> {
    let (kind, slug) = from.split_once(':')?;
    match kind {
        "place" => atlas().landmark(slug).map(|l| Located { point: l.point(), label: l.name_vi.clone() }),
        "ward" => catalog.ward_by_slug(slug).map(|w| Located { point: GeoPoint { lat: w.lat, lon: w.lon }, label: t.ward_name(w) }),
        "district" => catalog.district_by_slug(slug).map(|d| Located { point: GeoPoint { lat: d.lat, lon: d.lon }, label: d.name.clone() }),
        _ => None,
    }
}

/// A typed place: coordinates or a map link, else the best name match among well-known
/// places, wards, former districts and the streets of the sites.
fn find_place(t: &Texts, catalog: &Catalog, text: &str) -> Option<Located> {
    if let Some((lat, lon)) = parse_world_coordinates(text) {
        return GeoPoint::new(lat, lon).ok().map(|point| Located { point, label: String::new() });
    }
    let terms = SearchTerms::new(text);
    if terms.is_empty() {
        return None;
    }
    let wanted = fold(text);
    // An exact name wins over a name that merely contains the words.
    let best = |names: Vec<(String, GeoPoint, String)>| -> Option<Located> {
        let exact = names.iter().find(|(folded, _, _)| *folded == wanted);
        let partial = || names.iter().find(|(folded, _, _)| terms.matches(folded));
        exact.or_else(partial).map(|(_, point, label)| Located { point: *point, label: label.clone() })
    };
    let landmarks =
        atlas().landmarks.iter().map(|l| (fold(&format!("{} {}", l.name_vi, l.name_en)), l.point(), l.name_vi.clone())).collect();
    let wards = catalog.wards.iter().map(|w| (fold(&w.name), GeoPoint { lat: w.lat, lon: w.lon }, t.ward_name(w))).collect();
    let districts = catalog.districts.iter().map(|d| (fold(&d.name), GeoPoint { lat: d.lat, lon: d.lon }, d.name.clone())).collect();
    // Streets: only the sites the word index finds, not every address folded per request.
    let streets = catalog.sites_with_words(text).into_iter().map(|s| (fold(&s.address), s.point(), s.address.clone())).collect::<Vec<_>>();
    best(landmarks).or_else(|| best(wards)).or_else(|| best(districts)).or_else(|| best(streets))
}

/// The ward (and former district) the point lies in, as a place line; `None` outside Hanoi.
pub fn unit_line(t: &Texts, catalog: &Catalog, point: GeoPoint) -> Option<String> {
    let ward = catalog.ward_by_code(atlas().unit_code_at(point)?)?;
    let district = catalog.district(ward.district_id).map(|d| d.name.clone()).unwrap_or_default();
    Some(t.ward_formerly(&t.ward_name(ward), &district))
}

/// The filters of the query, or what was wrong with them.
pub fn near_filter(t: &Texts, catalog: &Catalog, query: &NearQuery) -> Result<NearFilter, Vec<String>> {
    let mut problems = Vec::new();
    let mut optional = |value: &str, parse: &dyn Fn(&str) -> bool, say: &dyn Fn(&str) -> String| {
        if !value.is_empty() && !parse(value) {
            problems.push(say(&shorten(value)));
        }
    };
    optional(&query.kind, &|v| SiteKind::parse(v).is_some(), &|v| t.filter_error(&FilterError::Kind(v.into())));
    optional(&query.category, &|v| Category::parse(v).is_some(), &|v| t.filter_error(&FilterError::Category(v.into())));
    optional(&query.stars, &|v| Stars::parse(v).is_some(), &|v| t.filter_error(&FilterError::Stars(v.into())));
    optional(&query.product, &|v| catalog.product_by_slug(v).is_some_and(|p| p.active), &|v| t.lang.near().unknown_product(v));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(NearFilter {
        kind: SiteKind::parse(&query.kind),
        category: Category::parse(&query.category),
        min_stars: Stars::parse(&query.stars),
        product_id: catalog.product_by_slug(&query.product).filter(|p| p.active).map(|p| p.id),
        in_stock: query.in_stock == "1",
        open_now: query.open == "1",
    })
}

fn filter_summary(t: &Texts, catalog: &Catalog, filter: &NearFilter) -> String {
    let near = t.lang.near();
    let parts: Vec<String> = [
        filter.kind.map(|k| t.site_kind(k).to_owned()),
        filter.category.map(|c| t.category(c).to_owned()),
        filter.min_stars.map(|s| t.min_stars(s)),
        filter.product_id.and_then(|id| catalog.product(id)).map(|p| p.name.clone()),
        filter.in_stock.then(|| near.in_stock_only.to_owned()),
        filter.open_now.then(|| near.open_now_only.to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.join(" · ")
}

/// One result row.
pub struct NearRow<'a> {
    pub number: usize,
    pub slug: &'a str,
    pub name: &'a str,
    pub point: GeoPoint,
    /// The site's fixed parts, rendered once (see `web::fragments`).
    pub head: &'a SiteHead,
    pub distance: Cow<'static, str>,
    pub open_key: &'static str,
    pub open_text: String,
    /// A closure in force: no call, no directions.
    pub closed_for_now: bool,
    /// Where the directions start.
    pub origin: &'a PointText,
    pub listed: u32,
    pub available: u32,
    pub products: Vec<ProductLine<'a>>,
}

impl NearRow<'_> {
    /// Directions from the page's point, as the `href` attribute holds them.
    pub fn google_in_html(&self) -> String {
        GoogleDirections::in_html_to(Some(self.origin), self.head.google_destination())
    }

    pub fn osm_in_html(&self) -> String {
        OsmDirections::in_html_to(self.origin, self.head.osm_destination())
    }
}

pub struct ProductLine<'a> {
    /// Its anchor, name and stars, rendered once.
    pub tail: &'a str,
    pub status: StatusView,
}

impl<'a> NearRow<'a> {
    /// `None` only for a site the snapshot does not hold.
    pub fn new(ctx: &'a Ctx, number: usize, origin: &'a PointText, found: &NearSite<'a>) -> Option<NearRow<'a>> {
        let (t, catalog, now) = (ctx.t(), &ctx.catalog, ctx.now);
        let near = t.lang.near();
        // Everything comes from the head and the answer: the site's record stays unread.
        let head = ctx.fragments.site_head_at(ctx.lang, catalog, found.pos)?;
        let local = now.with_timezone(&hanoi_offset()).naive_local();
        let closure = found.closure;
        let open_text = match closure {
            Some(closure) => t.closed_until(closure.reopens_on, &closure.note),
            None => near.open_state(found.open, local),
        };
        Some(NearRow {
            number,
            slug: head.slug(),
            name: head.name(),
            point: found.point,
            head,
            distance: near.distance_text(found.distance_m),
            open_key: found.open.key(),
            open_text,
            closed_for_now: closure.is_some(),
            origin,
            listed: found.listed,
            available: found.available,
            products: found
                .products
                .iter()
                .map(|p| ProductLine {
                    tail: ctx.fragments.product_tail_at(ctx.lang, catalog, p.pos as usize),
                    status: StatusView::new(t, p.status, p.updated_at, now),
                })
                .collect(),
        })
    }
}

#[derive(Template)]
#[template(path = "pages/near.html")]
struct NearPage<'a> {
    chrome: Chrome,
    near: &'static NearTexts,
    query: NearQuery,
    problems: Vec<String>,
    /// "Gần Hồ Gươm — Phường Hoàn Kiếm (trước đây thuộc Hoàn Kiếm)", once a place is known.
    heading: Option<String>,
    outside_hanoi: bool,
    far: Option<String>,
    /// The point, for the remember form.
    point: Option<String>,
    rows: Vec<NearRow<'a>>,
    map: Option<MapView>,
    /// The filters' and the place picker's options.
    options: &'a FilterOptions,
    remembered: Option<String>,
    /// "Thảo dược · Từ 4 sao · Chỉ nơi còn hàng": the filters in force, for the collapsed form.
    summary: String,
    /// The list of places to choose from is on this page (no place yet, or asked for).
    show_picker: bool,
    /// The link to the page with that list, keeping the filters.
    picker_href: String,
}

pub async fn near(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (t, catalog, now) = (ctx.t(), &ctx.catalog, ctx.now);
    let near = ctx.lang.near();
    let query = NearQuery::parse(req.query_string());
    let remembered = remembered_place(&req);
    let mut problems = Vec::new();
    let filter = near_filter(t, catalog, &query).unwrap_or_else(|p| {
        problems.extend(p);
        NearFilter::default()
    });
    let located = match locate(t, catalog, &query) {
        Ok(Some(located)) => Some(located),
        Ok(None) => remembered.map(|point| Located { point, label: String::new() }),
        Err(p) => {
            problems.extend(p);
            None
        }
    };
    // Declared before the page, whose rows borrow it for their directions links.
    let origin = located.as_ref().map(|l| PointText::of(l.point));
    // The list of places shows where there is no usable place yet (none given, or a bad one).
    let show_picker = query.pick == "1" || located.is_none();
    let mut page = NearPage {
        chrome: ctx.chrome(near.title, Nav::Near),
        near,
        problems,
        heading: None,
        outside_hanoi: false,
        far: None,
        point: None,
        rows: Vec::new(),
        map: None,
        options: ctx.fragments.filter_options(ctx.lang, catalog),
        remembered: remembered.map(|p| p.to_param()),
        summary: filter_summary(t, catalog, &filter),
        show_picker,
        picker_href: {
            let mut params = query.filter_params();
            params.push(("pick", "1".to_owned()));
            let path = [ctx.lang.base_path(), "/near?"].concat();
            let start = path.len();
            let mut href = form_urlencoded::Serializer::for_suffix(path, start);
            href.extend_pairs(params);
            href.finish()
        },
        query,
    };
    if !page.problems.is_empty() {
        let mut response = render_until(&page, Vec::new(), None)?;
        *response.status_mut() = StatusCode::BAD_REQUEST;
        return Ok(response);
    }
    let mut until = None;
    if let (Some(located), Some(origin)) = (located, &origin) {
        let answer = catalog.nearest(located.point, &filter, NEAR_RESULTS, now);
        let found = answer.sites;
        let unit = unit_line(t, catalog, located.point);
        page.outside_hanoi = unit.is_none();
        let label = if located.label.is_empty() && unit.is_none() {
            near.coordinates(located.point.lat, located.point.lon)
        } else {
            located.label.clone()
        };
        page.heading = Some(near.near_label(&label, unit));
        page.far = found.first().filter(|f| f.distance_m > FAR_M).map(|f| near.far(f.distance_m));
        page.point = Some(located.point.rounded().to_param());
        until = answer.changes_at.and_then(hanoi_instant);
        page.rows = found.iter().enumerate().filter_map(|(i, f)| NearRow::new(&ctx, i + 1, origin, f)).collect();
        let pins = page
            .rows
            .iter()
            .map(|row| (row.point, ["#site-", row.slug].concat(), [&row.number.to_string(), ". ", row.name, ", ", &row.distance].concat()))
            .collect();
        page.map = Some(MapView::new(t.map_label, Some(located.point), pins));
    }
    let mut tags = vec![Tag::SiteLists];
    tags.extend(filter.product_id.map(Tag::Product));
    render_until(&page, tags, until)
}

#[derive(Deserialize)]
pub struct PlaceForm {
    #[serde(default)]
    point: String,
    #[serde(default)]
    forget: String,
}

/// Remembers (or forgets) the shopper's place, then shows the answer from it. The cookie holds
/// two numbers and nothing else; it is the shopper's to clear.
pub async fn remember(req: HttpRequest, form: web::Form<PlaceForm>) -> Result<HttpResponse, AppError> {
    use actix_web::cookie::{Cookie, SameSite, time::Duration};
    let base = crate::i18n::Lang::of_path(req.path()).base_path();
    if form.forget == "1" {
        let mut gone = Cookie::build(PLACE_COOKIE, "").path("/").same_site(SameSite::Lax).finish();
        gone.make_removal();
        return Ok(HttpResponse::SeeOther().cookie(gone).insert_header(("Location", format!("{base}/near"))).finish());
    }
    let point =
        GeoPoint::from_param(&form.point).ok_or_else(|| AppError::Validation(vec![FieldError::new("point", FieldProblem::Malformed)]))?;
    let cookie = Cookie::build(PLACE_COOKIE, point.rounded().to_param())
        .path("/")
        .same_site(SameSite::Lax)
        .http_only(true)
        .max_age(Duration::days(90))
        .finish();
    let location = format!("{base}/near?lat={}&lon={}", Decimals::<5>(point.lat), Decimals::<5>(point.lon));
    Ok(HttpResponse::SeeOther().cookie(cookie).insert_header(("Location", location)).finish())
}
