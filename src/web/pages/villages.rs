//! `/villages` (craft villages, filtered by craft and former district) and `/villages/{slug}`
//! (what a village makes, where it is, its OCOP products, where to buy them, a day trip).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::map::MapView;
use super::structured;
use super::view::{ContentText, StarsView, directions_href};
use crate::atlas::atlas;
use crate::domain::craft::Craft;
use crate::domain::input::FilterError;
use crate::domain::{CraftVillage, GeoPoint};
use crate::error::AppError;
use crate::i18n::{Lang, TouristTexts};
use crate::web::cache::Tag;
use crate::web::fragments::Options;
use crate::web::list_query::{canonical_query, q_param, shorten};
use crate::web::page::{Chrome, Ctx, Nav, render};

/// Query parameters of the village list.
pub const VILLAGE_LIST_PARAMS: &[&str] = &["craft", "district"];
/// Products listed on a village page; the rest are one search away.
const PRODUCTS_SHOWN: usize = 24;
/// Villages this close make a day trip together.
const DAY_TRIP_M: f64 = 10_000.0;
/// Showrooms this close to the straight way from Hồ Gươm count as on the way.
const ON_THE_WAY_M: f64 = 1_500.0;

fn ho_guom() -> GeoPoint {
    atlas().landmark("ho-guom").map_or(GeoPoint { lat: 21.0287, lon: 105.8524 }, |l| l.point())
}

struct VillageCard {
    slug: String,
    name: String,
    crafts: String,
    place: String,
    distance: String,
    products: usize,
}

#[derive(Template)]
#[template(path = "pages/villages.html")]
struct VillagesPage {
    chrome: Chrome,
    tt: &'static TouristTexts,
    crafts: Options,
    districts: Options,
    /// The filters as asked for (to mark them in the selects).
    craft: String,
    district: String,
    villages: Vec<VillageCard>,
    filtered: bool,
}

pub async fn villages(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (catalog, tt) = (&ctx.catalog, ctx.lang.tourist());
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(&canonical_query(req.query_string(), VILLAGE_LIST_PARAMS)).unwrap_or_default();
    let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
    let (craft_raw, district_raw) = (value("craft"), value("district"));
    let mut errors = Vec::new();
    let craft = (!craft_raw.is_empty()).then(|| Craft::parse(&craft_raw)).flatten();
    if !craft_raw.is_empty() && craft.is_none() {
        errors.push(FilterError::Craft(shorten(&craft_raw)));
    }
    let district = (!district_raw.is_empty()).then(|| catalog.district_by_slug(&district_raw)).flatten();
    if !district_raw.is_empty() && district.is_none() {
        errors.push(FilterError::District(shorten(&district_raw)));
    }
    if !errors.is_empty() {
        return Err(AppError::BadFilters(errors));
    }
    let near = ctx.lang.near();
    let villages = catalog
        .villages(craft, district.map(|d| d.id))
        .into_iter()
        .map(|v| VillageCard {
            slug: v.slug.clone(),
            name: v.name.clone(),
            crafts: v.craft_vi.clone(),
            place: catalog.district(v.district_id).map(|d| d.name.clone()).unwrap_or_default(),
            distance: near.distance(ho_guom().distance_m(&v.point())),
            products: catalog.village_products(v.id, ctx.now).len(),
        })
        .collect();
    let with_villages: std::collections::BTreeSet<i64> = catalog.villages(None, None).iter().map(|v| v.district_id).collect();
    let page = VillagesPage {
        chrome: ctx.chrome(tt.villages_title, Nav::Villages),
        tt,
        crafts: Options::new(
            Craft::ALL
                .iter()
                .filter(|c| !catalog.villages(Some(**c), None).is_empty())
                .map(|c| (c.key().to_owned(), tt.craft(*c).to_owned())),
        ),
        districts: Options::new(
            catalog.districts_by_name().filter(|d| with_villages.contains(&d.id)).map(|d| (d.slug.clone(), d.name.clone())),
        ),
        craft: craft_raw,
        district: district_raw,
        villages,
        filtered: craft.is_some() || district.is_some(),
    };
    render(&page, vec![Tag::SiteLists])
}

struct ProductLine {
    slug: String,
    name: String,
    producer: String,
    stars: StarsView,
}

struct OutletLine {
    number: usize,
    slug: String,
    name: String,
    distance: String,
    listed: usize,
    available: usize,
}

#[derive(Template)]
#[template(path = "pages/village.html")]
struct VillagePage {
    chrome: Chrome,
    tt: &'static TouristTexts,
    name: String,
    craft: String,
    description: ContentText,
    district: String,
    district_slug: String,
    commune: Option<String>,
    from_ho_guom: String,
    directions: String,
    products: Vec<ProductLine>,
    /// All of them, when more than are shown, and the search that lists them.
    more_products: Option<(usize, String)>,
    outlets: Vec<OutletLine>,
    nearby: Vec<(String, String, String)>,
    on_the_way: Vec<(String, String, String)>,
    map: MapView,
}

/// The village's trade in the page's language, from the data (Vietnamese where no English is known).
fn craft_of(lang: Lang, village: &CraftVillage) -> &str {
    match lang {
        Lang::En if !village.craft_en.is_empty() => &village.craft_en,
        _ => &village.craft_vi,
    }
}

pub async fn village(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (t, catalog, tt, near) = (ctx.t(), &ctx.catalog, ctx.lang.tourist(), ctx.lang.near());
    let village = catalog.village_by_slug(&slug).ok_or(AppError::NotFound)?;
    let here = village.point();
    let today = ctx.today();
    let products = catalog.village_products(village.id, ctx.now);
    let outlets: Vec<OutletLine> = catalog
        .outlets_of_all(&products, here, ctx.now)
        .into_iter()
        .take(10)
        .enumerate()
        .map(|(i, o)| OutletLine {
            number: i + 1,
            slug: o.site.slug.clone(),
            name: o.site.name.clone(),
            distance: near.distance(o.distance_m),
            listed: o.listed,
            available: o.available,
        })
        .collect();
    let base = ctx.lang.base_path();
    let pins = outlets
        .iter()
        .map(|o| {
            (
                catalog.site_by_slug(&o.slug).map_or(here, |s| s.point()),
                format!("{base}/showrooms/{}", o.slug),
                format!("{}. {}, {}", o.number, o.name, o.distance),
            )
        })
        .collect();
    let district = catalog.district(village.district_id);
    let url = format!("{}{base}/villages/{}", ctx.public_url, village.slug);
    let chrome = ctx
        .chrome(village.name.clone(), Nav::Villages)
        .described(format!(
            "{} · {}",
            craft_of(ctx.lang, village),
            ContentText::new(ctx.lang, &village.description, &village.description_en).text
        ))
        .with_structured_data(&structured::attraction(catalog, village, &url, &village.description));
    let page = VillagePage {
        chrome,
        tt,
        name: village.name.clone(),
        craft: craft_of(ctx.lang, village).to_owned(),
        description: ContentText::new(ctx.lang, &village.description, &village.description_en),
        district: district.map(|d| t.district_name(d)).unwrap_or_default(),
        district_slug: district.map(|d| d.slug.clone()).unwrap_or_default(),
        commune: village.ward_id.and_then(|id| catalog.ward(id)).map(|w| t.ward_name(w)),
        from_ho_guom: near.distance(ho_guom().distance_m(&here)),
        directions: directions_href(Some(ho_guom()), here),
        more_products: (products.len() > PRODUCTS_SHOWN).then(|| (products.len(), q_param(village.name.trim_start_matches("Làng ")))),
        products: products
            .iter()
            .take(PRODUCTS_SHOWN)
            .map(|p| ProductLine {
                slug: p.slug.clone(),
                name: p.name.clone(),
                producer: catalog.producer(p.producer_id).map(|m| m.name.clone()).unwrap_or_default(),
                stars: StarsView::of_product(t, p, today),
            })
            .collect(),
        outlets,
        nearby: catalog
            .villages_near(village, DAY_TRIP_M)
            .into_iter()
            .map(|(v, d)| (v.slug.clone(), v.name.clone(), format!("{} · {}", craft_of(ctx.lang, v), near.distance(d))))
            .collect(),
        on_the_way: catalog
            .sites_on_the_way(ho_guom(), here, ON_THE_WAY_M)
            .into_iter()
            .take(5)
            .map(|(s, d)| (s.slug.clone(), s.name.clone(), near.distance(d)))
            .collect(),
        map: MapView::new(t.map_label, Some(here), pins),
    };
    render(&page, vec![Tag::SiteLists])
}
