//! `/api/v1/sites`, `/api/v1/sites/{slug}`, `/api/v1/sites.geojson` and `/api/v1/near`: the
//! same data as the pages, as JSON.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use super::near::{NEAR_RESULTS, NearQuery, locate, near_filter};
use crate::catalog::Catalog;
use crate::catalog::query::SiteFilter;
use crate::domain::{Site, Stars, hanoi_instant};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::cache::Tag;
use crate::web::page::{Ctx, GEOJSON, json, json_as, json_until};

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

/// `/api/v1/sites.geojson`: every active site as an RFC 7946 FeatureCollection (longitude
/// first), for maps and open-data portals.
pub async fn sites_geojson(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let catalog = &ctx.catalog;
    let features: Vec<serde_json::Value> = catalog
        .sites(&SiteFilter::default(), ctx.now)
        .iter()
        .map(|s| {
            serde_json::json!({
                "type": "Feature",
                "id": s.site.slug,
                "geometry": { "type": "Point", "coordinates": [s.site.lon, s.site.lat] },
                "properties": SiteJson::new(catalog, s.site, s.product_count),
            })
        })
        .collect();
    json_as(&serde_json::json!({ "type": "FeatureCollection", "features": features }), vec![Tag::SiteLists], GEOJSON)
}

#[derive(Serialize)]
struct NearSiteJson<'a> {
    #[serde(flatten)]
    site: SiteJson<'a>,
    distance_m: i64,
    /// "open", "closed" or "unknown".
    open: &'static str,
    /// When that changes (Hanoi local time, ISO 8601), if known.
    open_until: Option<String>,
    matching_listed: u32,
    matching_available: u32,
    products: Vec<NearProductJson<'a>>,
}

#[derive(Serialize)]
struct NearProductJson<'a> {
    product_slug: &'a str,
    product: &'a str,
    stars: Stars,
    status: &'static str,
    quantity: i64,
}

#[derive(Serialize)]
struct NearJson<'a> {
    lat: f64,
    lon: f64,
    count: usize,
    sites: Vec<NearSiteJson<'a>>,
}

/// `/api/v1/near?lat=…&lon=…` (or `from=`, `at=`) with the same filters as `/near`.
pub async fn near(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let catalog = &ctx.catalog;
    let query = NearQuery::parse(req.query_string());
    let (filter, located) = match (near_filter(Lang::Vi.texts(), catalog, &query), locate(Lang::Vi.texts(), catalog, &query)) {
        (Ok(filter), Ok(Some(located))) => (filter, located),
        (filter, located) => {
            let mut errors = filter.err().unwrap_or_default();
            match located {
                Ok(Some(_)) => {}
                Ok(None) => errors.push(Lang::Vi.near().half_coordinates.to_owned()),
                Err(problems) => errors.extend(problems),
            }
            return Ok(HttpResponse::BadRequest().json(serde_json::json!({ "errors": errors })));
        }
    };
    let answer = catalog.nearest(located.point, &filter, NEAR_RESULTS, ctx.now);
    let found = answer.sites;
    let sites = found
        .iter()
        .map(|f| NearSiteJson {
            site: SiteJson::new(catalog, f.site, f.listed as usize),
            distance_m: f.distance_m.round() as i64,
            open: f.open.key(),
            open_until: f.open.changes_at().map(|t| t.format("%Y-%m-%dT%H:%M:00+07:00").to_string()),
            matching_listed: f.listed,
            matching_available: f.available,
            products: f
                .products
                .iter()
                .map(|p| NearProductJson {
                    product_slug: &p.product.slug,
                    product: &p.product.name,
                    stars: p.product.stars,
                    status: p.status.key(),
                    quantity: p.row.quantity,
                })
                .collect(),
        })
        .collect::<Vec<_>>();
    let mut tags = vec![Tag::SiteLists];
    tags.extend(filter.product_id.map(Tag::Product));
    let until = answer.changes_at.and_then(hanoi_instant);
    json_until(&NearJson { lat: located.point.lat, lon: located.point.lon, count: sites.len(), sites }, tags, until)
}
