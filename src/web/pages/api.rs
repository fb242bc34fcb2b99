//! `/api/v1/sites` and `/api/v1/sites/{slug}`: the same data as the pages, as JSON.

use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::catalog::Catalog;
use crate::catalog::query::SiteFilter;
use crate::domain::{Site, Stars};
use crate::error::AppError;
use crate::web::cache::Tag;
use crate::web::page::{Ctx, json};

#[derive(Serialize)]
struct SiteJson<'a> {
    slug: &'a str,
    name: &'a str,
    kind: &'static str,
    district_slug: &'a str,
    district: &'a str,
    ward: String,
    lat: f64,
    lon: f64,
    address: &'a str,
    phone: Option<&'a str>,
    opening_hours: String,
    stars: Option<Stars>,
    product_count: usize,
}

impl<'a> SiteJson<'a> {
    fn new(catalog: &'a Catalog, site: &'a Site, product_count: usize) -> SiteJson<'a> {
        let district = catalog.district(site.district_id);
        SiteJson {
            slug: &site.slug,
            name: &site.name,
            kind: site.kind.key(),
            district_slug: district.map_or("", |d| d.slug.as_str()),
            district: district.map_or("", |d| d.name.as_str()),
            ward: catalog.ward(site.ward_id).map(|w| w.full_name()).unwrap_or_default(),
            lat: site.lat,
            lon: site.lon,
            address: &site.address,
            phone: site.phone.as_deref(),
            opening_hours: site.hours.to_string(),
            stars: site.stars,
            product_count,
        }
    }
}

#[derive(Serialize)]
struct SitesJson<'a> {
    count: usize,
    sites: Vec<SiteJson<'a>>,
}

/// Every active site.
pub async fn sites(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let catalog = &ctx.catalog;
    let sites: Vec<SiteJson<'_>> =
        catalog.sites(&SiteFilter::default(), ctx.now).iter().map(|s| SiteJson::new(catalog, s.site, s.product_count)).collect();
    json(&SitesJson { count: sites.len(), sites }, vec![Tag::SiteLists])
}

#[derive(Serialize)]
struct StockJson<'a> {
    product_slug: &'a str,
    product: &'a str,
    category: &'static str,
    stars: Stars,
    five_star_potential: bool,
    certified: bool,
    status: &'static str,
    quantity: i64,
    updated_at: String,
}

#[derive(Serialize)]
struct SiteDetailJson<'a> {
    #[serde(flatten)]
    site: SiteJson<'a>,
    active: bool,
    stock: Vec<StockJson<'a>>,
}

/// One site (active or not) with its stock.
pub async fn site(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (catalog, today) = (&ctx.catalog, ctx.today());
    let site = catalog.site_by_slug(&slug).ok_or(AppError::NotFound)?;
    let stock: Vec<StockJson<'_>> = catalog
        .listings_by_category(site.id, ctx.now)
        .into_iter()
        .flat_map(|(_, listings)| listings)
        .map(|l| StockJson {
            product_slug: &l.product.slug,
            product: &l.product.name,
            category: l.product.category.key(),
            stars: l.product.stars,
            five_star_potential: l.product.five_star_potential,
            certified: l.product.is_certified(today),
            status: l.status.key(),
            quantity: l.row.quantity,
            updated_at: l.row.updated_at.to_rfc3339(),
        })
        .collect();
    json(&SiteDetailJson { site: SiteJson::new(catalog, site, stock.len()), active: site.active, stock }, vec![Tag::Site(site.id)])
}
