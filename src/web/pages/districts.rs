//! `/districts` and `/districts/{slug}`: the 30 former districts, their sites and new units.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::map::MapView;
use super::view::SiteCard;
use crate::catalog::query::SiteFilter;
use crate::domain::DistrictKind;
use crate::error::AppError;
use crate::web::cache::Tag;
use crate::web::page::{Chrome, Ctx, Nav, remembered_place, render};

struct DistrictRow {
    slug: String,
    name: String,
    showrooms: usize,
    design_centres: usize,
    wards: String,
}

struct KindGroup {
    label: &'static str,
    districts: Vec<DistrictRow>,
}

#[derive(Template)]
#[template(path = "pages/districts.html")]
struct DistrictsPage {
    chrome: Chrome,
    groups: Vec<KindGroup>,
}

pub async fn districts(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let (t, catalog) = (ctx.t(), &ctx.catalog);
    let groups = [DistrictKind::Urban, DistrictKind::Town, DistrictKind::Rural]
        .into_iter()
        .map(|kind| {
            let districts: Vec<DistrictRow> = catalog
                .districts_by_name()
                .filter(|d| d.kind == kind)
                .map(|d| {
                    let (showrooms, design_centres) = catalog.site_counts(Some(d.id));
                    DistrictRow {
                        slug: d.slug.clone(),
                        name: d.name.clone(),
                        showrooms,
                        design_centres,
                        wards: catalog.wards_of(d.id).map(|w| t.ward_name(w)).collect::<Vec<_>>().join(", "),
                    }
                })
                .collect();
            KindGroup { label: t.district_kind(kind), districts }
        })
        .collect();
    render(&DistrictsPage { chrome: ctx.chrome(t.districts_title, Nav::Districts), groups }, Vec::new())
}

struct VillageLine {
    name: String,
    craft: String,
}

#[derive(Template)]
#[template(path = "pages/district.html")]
struct DistrictPage<'a> {
    chrome: Chrome,
    slug: String,
    full_name: String,
    showrooms: usize,
    design_centres: usize,
    sites: Vec<SiteCard<'a>>,
    map: Option<MapView>,
    wards: Vec<String>,
    villages: Vec<VillageLine>,
}

pub async fn district(ctx: Ctx, slug: web::Path<String>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (t, catalog) = (ctx.t(), &ctx.catalog);
    let district = catalog.district_by_slug(&slug).ok_or(AppError::NotFound)?;
    let filter = SiteFilter { district_id: Some(district.id), ..SiteFilter::default() };
    let mut found = catalog.sites(&filter, ctx.now);
    let from = remembered_place(&req);
    if let Some(from) = from {
        found.sort_by(|a, b| from.distance_m(&a.site.point()).total_cmp(&from.distance_m(&b.site.point())));
    }
    let sites: Vec<SiteCard<'_>> = found
        .iter()
        .enumerate()
        .map(|(i, s)| SiteCard {
            number: Some(i + 1),
            distance: from.map(|f| ctx.lang.near().distance(f.distance_m(&s.site.point()))),
            ..SiteCard::new(t, catalog, &ctx.fragments, s)
        })
        .collect();
    let pins = sites
        .iter()
        .map(|c| (c.point, format!("{}/showrooms/{}", ctx.lang.base_path(), c.slug), format!("{}. {}", c.number.unwrap_or(0), c.name)))
        .collect();
    let map = (!sites.is_empty()).then(|| MapView::new(t.map_label, None, pins));
    let (showrooms, design_centres) = catalog.site_counts(Some(district.id));
    let page = DistrictPage {
        chrome: ctx.chrome(t.district_name(district), Nav::Districts),
        slug: district.slug.clone(),
        full_name: t.district_name(district),
        showrooms,
        design_centres,
        sites,
        map,
        wards: catalog.wards_of(district.id).map(|w| t.ward_name(w)).collect(),
        villages: catalog.villages_of(district.id).map(|v| VillageLine { name: v.name.clone(), craft: v.craft_vi.clone() }).collect(),
    };
    render(&page, vec![Tag::SiteLists])
}
