//! `/products` (filtered, paginated) and `/products/{slug}` (one product and where to buy it).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::map::MapView;
use super::structured;
use super::view::{ContentText, Pager, StarsView, StatusView, filter_summary};
use crate::domain::{hanoi_instant, hanoi_offset};
use crate::error::AppError;
use crate::web::cache::Tag;
use crate::web::fragments::FilterOptions;
use crate::web::list_query::{RawQuery, q_param};
use crate::web::page::{Chrome, Ctx, Nav, remembered_place, render, render_until};

/// Products per page: a long but still light page on a phone.
const PER_PAGE: usize = 30;

#[derive(Template)]
#[template(path = "pages/products.html")]
struct ProductsPage<'a> {
    chrome: Chrome,
    query: RawQuery,
    options: &'a FilterOptions,
    /// Each product's card, rendered once (see `web::fragments`).
    products: Vec<&'a str>,
    total: usize,
    pager: Pager,
    /// The filters in words; all listed products and those still certified, for the count line.
    summary: String,
    all: usize,
    certified: usize,
    /// Only a search text is set: an empty result offers the one box, not removing filters.
    only_text: bool,
    search_all: String,
}

pub async fn products(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (t, catalog, today) = (ctx.t(), &ctx.catalog, ctx.today());
    let query = RawQuery::parse(req.query_string());
    let (filter, page) = query.product_filter(catalog).map_err(AppError::BadFilters)?;
    let found = catalog.products(&filter, page, PER_PAGE, ctx.now);
    let products = found.items.iter().map(|p| ctx.fragments.product_card(ctx.lang, catalog, p)).collect();
    let link = |n: usize| format!("{}/products?{}", ctx.lang.base_path(), query.with_page(n));
    let page = ProductsPage {
        chrome: ctx.chrome(t.products_title, Nav::Products),
        options: ctx.fragments.filter_options(ctx.lang, catalog),
        products,
        total: found.total,
        summary: filter_summary(t, catalog, &query),
        all: catalog.product_count(today),
        certified: catalog.star_counts(today).total(),
        pager: Pager::new(t, &found, link),
        only_text: query.category.is_empty() && query.stars.is_empty() && query.district.is_empty(),
        search_all: q_param(&query.q),
        query,
    };
    render(&page, Vec::new())
}

struct OutletLine {
    slug: String,
    name: String,
    place: String,
    status: StatusView,
    /// From the remembered place, when there is one.
    distance: Option<String>,
    open_key: &'static str,
    open_text: String,
    /// A closure in force: no call, no directions.
    closed_for_now: bool,
    phone: Option<(String, String)>,
    directions: String,
}

#[derive(Template)]
#[template(path = "pages/product.html")]
struct ProductPage {
    chrome: Chrome,
    product_slug: String,
    name: String,
    /// The photo in every stored width, or `None` for the category's illustration.
    photo: Option<PhotoView>,
    category_key: &'static str,
    description: ContentText,
    category: &'static str,
    stars: StarsView,
    certificate: String,
    certificate_key: &'static str,
    certified_on: String,
    producer: String,
    origin: String,
    origin_slug: String,
    village: Option<String>,
    price: Option<String>,
    is_service: bool,
    outlets: Vec<OutletLine>,
    /// Where-to-buy is sorted by distance from the remembered place.
    by_distance: bool,
    map: Option<MapView>,
}

/// A photo as `<img srcset>` wants it.
struct PhotoView {
    src: String,
    srcset: String,
    height: i64,
}

impl PhotoView {
    fn new(product_id: i64, photo: crate::domain::PhotoRef) -> PhotoView {
        let url = |w: u32| format!("/photos/{product_id}-{}-{w}.jpg", photo.version);
        let srcset = crate::domain::photo::WIDTHS.iter().map(|&w| format!("{} {w}w", url(w))).collect::<Vec<_>>().join(", ");
        PhotoView { src: url(640), srcset, height: photo.aspect * 640 / 1000 }
    }
}

pub async fn product(ctx: Ctx, slug: web::Path<String>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (t, catalog, today) = (ctx.t(), &ctx.catalog, ctx.today());
    let product = catalog.product_by_slug(&slug).filter(|p| p.active).ok_or(AppError::NotFound)?;
    let producer = catalog.producer(product.producer_id);
    let district = catalog.product_district(product);
    let ward = producer.and_then(|p| p.ward_id).and_then(|id| catalog.ward(id));
    let status = product.certificate_status(today);
    let product_id = product.id;
    let photo = product.photo.map(|p| PhotoView::new(product.id, p));
    let category_key = product.category.key();
    let from = remembered_place(&req);
    let mut found = catalog.outlets(product.id, ctx.now);
    if let Some(from) = from {
        // Nearest first; the catalogue's order (available first, then by name) breaks ties.
        found.sort_by(|a, b| from.distance_m(&a.site.point()).total_cmp(&from.distance_m(&b.site.point())));
    }
    let near = ctx.lang.near();
    let local = ctx.now.with_timezone(&hanoi_offset()).naive_local();
    let until = found.iter().filter_map(|o| o.site.open_state(ctx.now).changes_at()).min();
    let pins: Vec<_> = found
        .iter()
        .enumerate()
        .map(|(i, o)| {
            (
                o.site.point(),
                format!("{}/showrooms/{}#product-{}", ctx.lang.base_path(), o.site.slug, product.slug),
                format!("{}. {}", i + 1, o.site.name),
            )
        })
        .collect();
    let map = (!pins.is_empty()).then(|| MapView::new(t.map_label, from, pins));
    let page_url = |path: String| format!("{}{}{path}", ctx.public_url, ctx.lang.base_path());
    let structured = structured::product(catalog, product, &found, &page_url(format!("/products/{}", product.slug)), |site| {
        page_url(format!("/showrooms/{}#product-{}", site.slug, product.slug))
    });
    let outlets = found
        .into_iter()
        .map(|o| {
            let open = o.site.open_state(ctx.now);
            let closure = o.site.closure_on(today);
            OutletLine {
                slug: o.site.slug.clone(),
                name: o.site.name.clone(),
                place: super::view::place_line(t, catalog, o.site),
                status: StatusView::new(t, o.status, o.row.updated_at, ctx.now),
                distance: from.map(|f| near.distance(f.distance_m(&o.site.point()))),
                open_key: open.key(),
                open_text: closure.map_or_else(|| near.open_state(open, local), |c| t.closed_until(c.reopens_on, &c.note)),
                closed_for_now: closure.is_some(),
                phone: o.site.phone.as_deref().map(|p| (p.to_owned(), super::view::tel_href(p))),
                directions: super::view::directions_href(from, o.site.point()),
            }
        })
        .collect();
    let mut chrome = ctx
        .chrome(product.name.clone(), Nav::Products)
        .described(format!(
            "{} · {} · {}",
            t.category(product.category),
            t.stars(product.stars),
            producer.map(|p| p.name.as_str()).unwrap_or_default()
        ))
        .with_structured_data(&structured);
    chrome.image = photo.as_ref().map(|p| format!("{}{}", ctx.public_url, p.src));
    let page = ProductPage {
        chrome,
        product_slug: product.slug.clone(),
        name: product.name.clone(),
        photo,
        category_key,
        description: ContentText::new(ctx.lang, &product.description, &product.description_en),
        category: t.category(product.category),
        stars: StarsView::of_product(t, product, today),
        certificate: t.certificate(status, product.certificate_expires_on()),
        certificate_key: status.key(),
        certified_on: t.date(product.certified_on),
        producer: producer.map(|p| p.name.clone()).unwrap_or_default(),
        origin: match (ward, district) {
            (Some(w), Some(d)) => t.ward_formerly(&t.ward_name(w), &d.name),
            (None, Some(d)) => t.district_name(d),
            _ => String::new(),
        },
        origin_slug: district.map(|d| d.slug.clone()).unwrap_or_default(),
        village: producer.and_then(|p| p.village_id).and_then(|id| catalog.village(id)).filter(|v| v.active).map(|v| v.name.clone()),
        price: product.price_vnd.map(|p| format!("{} / {}", t.price(p), product.unit)),
        is_service: product.category.is_service(),
        outlets,
        by_distance: from.is_some(),
        map,
    };
    let until = until.and_then(hanoi_instant);
    render_until(&page, vec![Tag::Product(product_id)], until)
}
