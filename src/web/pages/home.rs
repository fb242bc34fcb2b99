//! `/`: search, counts, browse by district.

use actix_web::HttpResponse;
use askama::Template;

use crate::catalog::query::StarCounts;
use crate::error::AppError;
use crate::web::page::{Chrome, Ctx, Nav, render};

struct DistrictLink {
    slug: String,
    name: String,
    site_count: usize,
}

#[derive(Template)]
#[template(path = "pages/home.html")]
struct HomePage {
    chrome: Chrome,
    showrooms: usize,
    design_centres: usize,
    stars: StarCounts,
    districts: Vec<DistrictLink>,
}

pub async fn home(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let catalog = &ctx.catalog;
    let (showrooms, design_centres) = catalog.site_counts(None);
    let districts: Vec<DistrictLink> = catalog
        .districts_by_name()
        .map(|d| DistrictLink {
            slug: d.slug.clone(),
            name: d.name.clone(),
            site_count: {
                let (showrooms, centres) = catalog.site_counts(Some(d.id));
                showrooms + centres
            },
        })
        .collect();
    let page = HomePage {
        chrome: ctx.chrome(ctx.t().site_name, Nav::Home),
        showrooms,
        design_centres,
        stars: catalog.star_counts(ctx.today()),
        districts,
    };
    // Counts of sites and of certified products: reference data only.
    render(&page, Vec::new())
}
