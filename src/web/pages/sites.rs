//! `/showrooms` (filtered list) and `/showrooms/{slug}` (one site and what it stocks).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::map::MapView;
use super::structured;
use super::view::{ContentText, Pager, SiteCard, StarsView, StatusView, directions_href, filter_summary, place_line, tel_href, zalo_href};
use crate::catalog::query::Paged;
use crate::domain::text::{SearchTerms, fold};
use crate::domain::{hanoi_instant, hanoi_offset};
use crate::error::AppError;
use crate::web::cache::Tag;
use crate::web::fragments::FilterOptions;
use crate::web::list_query::{MAX_TEXT_CHARS, RawQuery, canonical_query, q_param};
use crate::web::page::{Chrome, Ctx, Nav, remembered_place, render, render_until};

#[derive(Template)]
#[template(path = "pages/sites.html")]
struct SitesPage<'a> {
    chrome: Chrome,
    query: RawQuery,
    options: &'a FilterOptions,
    sites: Vec<SiteCard<'a>>,
    /// Sites matching, on every page.
    total: usize,
    pager: Pager,
    by_distance: bool,
    /// The filters in words, and how many sites there are with none.
    summary: String,
    all: usize,
    /// Only a search text is set: an empty result offers the one box, not removing filters.
    only_text: bool,
    search_all: String,
}

/// Sites per page: Hanoi's whole network fits on one; a national list pages.
const PER_PAGE: usize = 150;

pub async fn sites(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (t, catalog) = (ctx.t(), &ctx.catalog);
    let query = RawQuery::parse(req.query_string());
    let (filter, page) = query.site_filter(catalog).map_err(AppError::BadFilters)?;
    let mut found = catalog.sites(&filter, ctx.now);
    let from = remembered_place(&req);
    if let Some(from) = from {
        // Nearest first from the remembered place; name order breaks ties.
        found.sort_by(|a, b| from.distance_m(&a.site.point()).total_cmp(&from.distance_m(&b.site.point())));
    }
    let found = Paged::of(found, page, PER_PAGE);
    let link = |n: usize| format!("{}/showrooms?{}", ctx.lang.base_path(), query.with_page(n));
    let sites = found
        .items
        .iter()
        .map(|s| SiteCard {
            distance: from.map(|f| ctx.lang.near().distance(f.distance_m(&s.site.point()))),
            ..SiteCard::new(t, catalog, &ctx.fragments, s)
        })
        .collect();
    let summary = filter_summary(t, catalog, &query);
    let page = SitesPage {
        chrome: ctx.chrome(t.sites_title, Nav::Sites),
        options: ctx.fragments.filter_options(ctx.lang, catalog),
        only_text: [&query.kind, &query.district, &query.category, &query.stars].iter().all(|v| v.is_empty()),
        search_all: q_param(&query.q),
        total: found.total,
        pager: Pager::new(t, &found, link),
        query,
        sites,
        by_distance: from.is_some(),
        summary,
        all: {
            let (showrooms, centres) = catalog.site_counts(None);
            showrooms + centres
        },
    };
    render(&page, vec![Tag::SiteLists])
}

struct StockLine {
    product_slug: String,
    product_name: String,
    stars: StarsView,
    status: StatusView,
}

struct CategoryGroup {
    key: &'static str,
    label: &'static str,
    lines: Vec<StockLine>,
}

#[derive(Template)]
#[template(path = "pages/site.html")]
struct SitePage {
    chrome: Chrome,
    slug: String,
    name: String,
    kind: &'static str,
    active: bool,
    stars: Option<StarsView>,
    description: ContentText,
    address: String,
    place: String,
    district_slug: String,
    district_name: String,
    hours: Vec<String>,
    phone: Option<String>,
    phone_href: Option<String>,
    /// The number and its https://zalo.me/ link.
    zalo: Option<(String, String)>,
    /// "Temporarily closed until …" while a closure is in force.
    closure: Option<String>,
    operator: Option<String>,
    directions: String,
    /// "Đang mở cửa, đóng lúc 17:30", and its style key.
    open_text: String,
    open_key: &'static str,
    /// Closed for a while or deactivated: no hours, call or directions offered.
    closed: bool,
    /// From the remembered place.
    distance: Option<String>,
    map: MapView,
    groups: Vec<CategoryGroup>,
    total: usize,
    available: usize,
    /// The stock filter as typed (`q`) and "in stock only" (`in_stock=1`).
    stock_query: String,
    in_stock_only: bool,
    /// Rows hidden by that filter.
    filtered: bool,
}

/// Query parameters of a showroom page: its stock filter.
pub const SITE_PARAMS: &[&str] = &["q", "in_stock"];

pub async fn site(ctx: Ctx, slug: web::Path<String>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (t, catalog, today) = (ctx.t(), &ctx.catalog, ctx.today());
    let site = catalog.site_by_slug(&slug).ok_or(AppError::NotFound)?;
    let district = catalog.district(site.district_id);
    let site_id = site.id;
    let raw = RawQuery::parse(req.query_string());
    let in_stock_only = canonical_query(req.query_string(), &["in_stock"]) == "in_stock=1";
    let terms = SearchTerms::new(&raw.q.chars().take(MAX_TEXT_CHARS).collect::<String>());
    let mut all = catalog.listings_by_category(site.id, ctx.now);
    // The site's own trade first: a Bát Tràng showroom opens on ceramics. Ties keep the
    // programme's order (the sort is stable).
    all.sort_by_key(|(_, listings)| std::cmp::Reverse(listings.len()));
    let total = all.iter().map(|(_, l)| l.len()).sum();
    let available = all.iter().flat_map(|(_, l)| l).filter(|l| l.status.is_available()).count();
    let groups: Vec<CategoryGroup> = all
        .into_iter()
        .map(|(category, listings)| CategoryGroup {
            key: category.key(),
            label: t.category(category),
            lines: listings
                .into_iter()
                .filter(|l| (!in_stock_only || l.status.is_available()) && terms.matches(&fold(&l.product.name)))
                .map(|l| StockLine {
                    product_slug: l.product.slug.clone(),
                    product_name: l.product.name.clone(),
                    stars: StarsView::of_product(t, l.product, today),
                    status: StatusView::new(t, l.status, l.row.updated_at, ctx.now),
                })
                .collect(),
        })
        .filter(|g: &CategoryGroup| !g.lines.is_empty())
        .collect();
    let shown: usize = groups.iter().map(|g| g.lines.len()).sum();
    let from = remembered_place(&req);
    let open = site.open_state(ctx.now);
    let local = ctx.now.with_timezone(&hanoi_offset()).naive_local();
    let page = SitePage {
        chrome: ctx
            .chrome(site.name.clone(), Nav::Sites)
            .described(format!("{} · {} · {}", t.site_kind(site.kind), site.address, place_line(t, catalog, site)))
            .with_structured_data(&structured::store(
                catalog,
                site,
                &format!("{}{}/showrooms/{}", ctx.public_url, ctx.lang.base_path(), site.slug),
            )),
        slug: site.slug.clone(),
        name: site.name.clone(),
        kind: t.site_kind(site.kind),
        active: site.active,
        stars: site.stars.map(|s| StarsView::of(t, s)),
        description: ContentText::new(ctx.lang, &site.description, &site.description_en),
        address: site.address.clone(),
        place: place_line(t, catalog, site),
        district_slug: district.map(|d| d.slug.clone()).unwrap_or_default(),
        district_name: district.map(|d| t.district_name(d)).unwrap_or_default(),
        hours: site.hours.spans().iter().map(|span| t.hours_span(span)).collect(),
        phone_href: site.phone.as_deref().map(tel_href),
        phone: site.phone.clone(),
        zalo: site.zalo.as_ref().map(|z| (z.clone(), zalo_href(z))),
        closure: site.closure_on(today).map(|c| t.closed_until(c.reopens_on, &c.note)),
        operator: site.operator.clone(),
        directions: directions_href(from, site.point()),
        open_text: ctx.lang.near().open_state(open, local),
        open_key: open.key(),
        closed: !site.active || site.closure_on(today).is_some(),
        distance: from.map(|f| ctx.lang.near().distance(f.distance_m(&site.point()))),
        map: MapView::new(
            t.map_label,
            from,
            vec![(site.point(), format!("{}/showrooms/{}", ctx.lang.base_path(), site.slug), format!("1. {}", site.name))],
        ),
        filtered: shown < total,
        groups,
        total,
        available,
        stock_query: raw.q,
        in_stock_only,
    };
    let until = open.changes_at().and_then(hanoi_instant);
    render_until(&page, vec![Tag::Site(site_id)], until)
}
