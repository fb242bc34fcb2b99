//! `/showrooms` (filtered list) and `/showrooms/{slug}` (one site and what it stocks).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::view::{Choice, FilterChoices, SiteCard, StarsView, StatusView, place_line};
use crate::domain::SiteKind;
use crate::error::AppError;
use crate::web::cache::Tag;
use crate::web::list_query::RawQuery;
use crate::web::page::{Chrome, Ctx, Nav, render};

#[derive(Template)]
#[template(path = "pages/sites.html")]
struct SitesPage {
    chrome: Chrome,
    query: RawQuery,
    kinds: Vec<Choice>,
    choices: FilterChoices,
    sites: Vec<SiteCard>,
}

pub async fn sites(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (t, catalog) = (ctx.t(), &ctx.catalog);
    let query = RawQuery::parse(req.query_string());
    let filter = query.site_filter(catalog).map_err(AppError::BadFilters)?;
    let sites = catalog.sites(&filter, ctx.now).iter().map(|s| SiteCard::new(t, catalog, s)).collect();
    let page = SitesPage {
        chrome: ctx.chrome(t.sites_title, Nav::Sites),
        kinds: Choice::list(&query.kind, SiteKind::ALL.map(|k| (k.key().to_owned(), t.site_kind(k).to_owned()))),
        choices: FilterChoices::new(t, catalog, &query.district, &query.category, &query.stars),
        query,
        sites,
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
    description: String,
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
    groups: Vec<CategoryGroup>,
    total: usize,
    available: usize,
}

pub async fn site(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (t, catalog, today) = (ctx.t(), &ctx.catalog, ctx.today());
    let site = catalog.site_by_slug(&slug).ok_or(AppError::NotFound)?;
    let district = catalog.district(site.district_id);
    let site_id = site.id;
    let groups: Vec<CategoryGroup> = catalog
        .listings_by_category(site.id, ctx.now)
        .into_iter()
        .map(|(category, listings)| CategoryGroup {
            label: t.category(category),
            lines: listings
                .into_iter()
                .map(|l| StockLine {
                    product_slug: l.product.slug.clone(),
                    product_name: l.product.name.clone(),
                    stars: StarsView::of_product(t, l.product, today),
                    status: StatusView::new(t, l.status, l.row, ctx.now),
                })
                .collect(),
        })
        .collect();
    let total = groups.iter().map(|g| g.lines.len()).sum();
    let available = groups.iter().flat_map(|g| &g.lines).filter(|l| l.status.available).count();
    let page = SitePage {
        chrome: ctx.chrome(site.name.clone(), Nav::Sites),
        slug: site.slug.clone(),
        name: site.name.clone(),
        kind: t.site_kind(site.kind),
        active: site.active,
        stars: site.stars.map(|s| StarsView::of(t, s)),
        description: site.description.clone(),
        address: site.address.clone(),
        place: place_line(t, catalog, site),
        district_slug: district.map(|d| d.slug.clone()).unwrap_or_default(),
        district_name: district.map(|d| d.full_name()).unwrap_or_default(),
        hours: site.hours.spans().iter().map(|span| t.hours_span(span)).collect(),
        phone_href: site
            .phone
            .as_ref()
            .map(|p| format!("tel:{}", p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())),
        phone: site.phone.clone(),
        zalo: site
            .zalo
            .as_ref()
            .map(|z| (z.clone(), format!("https://zalo.me/{}", z.chars().filter(char::is_ascii_digit).collect::<String>()))),
        closure: site.closure_on(today).map(|c| t.closed_until(c.reopens_on, &c.note)),
        operator: site.operator.clone(),
        directions: format!("https://www.google.com/maps/dir/?api=1&destination={:.6},{:.6}", site.lat, site.lon),
        groups,
        total,
        available,
    };
    render(&page, vec![Tag::Site(site_id)])
}
