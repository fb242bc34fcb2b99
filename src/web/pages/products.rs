//! `/products` (filtered, paginated) and `/products/{slug}` (one product and where to buy it).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::view::{FilterChoices, StarsView, StatusView};
use crate::error::AppError;
use crate::web::cache::Tag;
use crate::web::list_query::RawQuery;
use crate::web::page::{Chrome, Ctx, Nav, render};

/// Products per page: a long but still light page on a phone.
const PER_PAGE: usize = 30;

struct ProductCard {
    slug: String,
    name: String,
    producer: String,
    origin: String,
    category: &'static str,
    stars: StarsView,
}

#[derive(Template)]
#[template(path = "pages/products.html")]
struct ProductsPage {
    chrome: Chrome,
    query: RawQuery,
    choices: FilterChoices,
    products: Vec<ProductCard>,
    total: usize,
    page_label: String,
    previous: Option<String>,
    next: Option<String>,
}

pub async fn products(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (t, catalog, today) = (ctx.t(), &ctx.catalog, ctx.today());
    let query = RawQuery::parse(req.query_string());
    let (filter, page) = query.product_filter(catalog).map_err(AppError::BadFilters)?;
    let found = catalog.products(&filter, page, PER_PAGE, today);
    let products = found
        .items
        .iter()
        .map(|p| {
            let producer = catalog.producer(p.producer_id);
            ProductCard {
                slug: p.slug.clone(),
                name: p.name.clone(),
                producer: producer.map(|pr| pr.name.clone()).unwrap_or_default(),
                origin: catalog.product_district(p).map(|d| d.name.clone()).unwrap_or_default(),
                category: t.category(p.category),
                stars: StarsView::of_product(t, p, today),
            }
        })
        .collect();
    let link = |n: usize| format!("{}/products?{}", ctx.lang.base_path(), query.with_page(n));
    let page = ProductsPage {
        chrome: ctx.chrome(t.products_title, Nav::Products),
        choices: FilterChoices::new(t, catalog, &query.district, &query.category, &query.stars),
        products,
        total: found.total,
        page_label: t.page_of(found.page, found.pages),
        previous: (found.page > 1).then(|| link(found.page - 1)),
        next: (found.page < found.pages).then(|| link(found.page + 1)),
        query,
    };
    render(&page, Vec::new())
}

struct OutletLine {
    slug: String,
    name: String,
    place: String,
    status: StatusView,
}

#[derive(Template)]
#[template(path = "pages/product.html")]
struct ProductPage {
    chrome: Chrome,
    name: String,
    /// The photo in every stored width, or `None` for the category's illustration.
    photo: Option<PhotoView>,
    category_key: &'static str,
    description: String,
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

pub async fn product(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (t, catalog, today) = (ctx.t(), &ctx.catalog, ctx.today());
    let product = catalog.product_by_slug(&slug).filter(|p| p.active).ok_or(AppError::NotFound)?;
    let producer = catalog.producer(product.producer_id);
    let district = catalog.product_district(product);
    let ward = producer.and_then(|p| p.ward_id).and_then(|id| catalog.ward(id));
    let status = product.certificate_status(today);
    let product_id = product.id;
    let photo = product.photo.map(|p| PhotoView::new(product.id, p));
    let category_key = product.category.key();
    let outlets = catalog
        .outlets(product.id, ctx.now)
        .into_iter()
        .map(|o| OutletLine {
            slug: o.site.slug.clone(),
            name: o.site.name.clone(),
            place: super::view::place_line(t, catalog, o.site),
            status: StatusView::new(t, o.status, o.row, ctx.now),
        })
        .collect();
    let page = ProductPage {
        chrome: ctx.chrome(product.name.clone(), Nav::Products),
        name: product.name.clone(),
        photo,
        category_key,
        description: product.description.clone(),
        category: t.category(product.category),
        stars: StarsView::of_product(t, product, today),
        certificate: t.certificate(status, product.certificate_expires_on()),
        certificate_key: status.key(),
        certified_on: t.date(product.certified_on),
        producer: producer.map(|p| p.name.clone()).unwrap_or_default(),
        origin: match (ward, district) {
            (Some(w), Some(d)) => t.ward_formerly(&w.full_name(), &d.name),
            (None, Some(d)) => d.full_name(),
            _ => String::new(),
        },
        origin_slug: district.map(|d| d.slug.clone()).unwrap_or_default(),
        village: producer.and_then(|p| p.village_id).and_then(|id| catalog.village(id)).filter(|v| v.active).map(|v| v.name.clone()),
        price: product.price_vnd.map(|p| format!("{} / {}", t.price(p), product.unit)),
        is_service: product.category.is_service(),
        outlets,
    };
    render(&page, vec![Tag::Product(product_id)])
}
