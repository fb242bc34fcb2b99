//! schema.org JSON-LD for search engines: a `Store` on a site's page, a `Product` with its
//! offers on a product's page, a `TouristAttraction` on a village's page.

use serde_json::{Value, json};

use crate::catalog::Catalog;
use crate::catalog::query::Outlet;
use crate::domain::{CraftVillage, Product, Site, StockStatus};

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The JSON, safe inside a `<script>` element: no `<`, `>` or `&` of a name can end it.
pub fn script_json(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

fn address(catalog: &Catalog, street: &str, ward_id: Option<i64>) -> Value {
    let locality = ward_id.and_then(|id| catalog.ward(id)).map(|w| w.full_name()).unwrap_or_default();
    json!({ "@type": "PostalAddress", "streetAddress": street, "addressLocality": locality, "addressRegion": "Hà Nội", "addressCountry": "VN" })
}

fn geo(lat: f64, lon: f64) -> Value {
    json!({ "@type": "GeoCoordinates", "latitude": lat, "longitude": lon })
}

/// A showroom or design centre as a `Store`, with its weekly hours.
pub fn store(catalog: &Catalog, site: &Site, url: &str) -> Value {
    let hours: Vec<Value> = site
        .hours
        .spans()
        .iter()
        .flat_map(|span| {
            let days: Vec<&str> = DAYS[span.first..=span.last].to_vec();
            span.intervals.iter().map(move |i| {
                json!({
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": days,
                    "opens": format!("{:02}:{:02}", i.open / 60, i.open % 60),
                    "closes": format!("{:02}:{:02}", i.close / 60, i.close % 60),
                })
            })
        })
        .collect();
    let mut store = json!({
        "@context": "https://schema.org",
        "@type": "Store",
        "name": site.name,
        "url": url,
        "address": address(catalog, &site.address, Some(site.ward_id)),
        "geo": geo(site.lat, site.lon),
        "openingHoursSpecification": hours,
    });
    if let Some(phone) = &site.phone {
        store["telephone"] = json!(phone);
    }
    if !site.description.is_empty() {
        store["description"] = json!(site.description);
    }
    store
}

fn availability(status: StockStatus) -> &'static str {
    match status {
        StockStatus::InStock => "https://schema.org/InStock",
        StockStatus::Limited => "https://schema.org/LimitedAvailability",
        StockStatus::OutOfStock => "https://schema.org/OutOfStock",
        StockStatus::Unconfirmed => "https://schema.org/InStoreOnly",
    }
}

/// A product with its maker as the brand and one offer per site that lists it.
pub fn product(catalog: &Catalog, product: &Product, outlets: &[Outlet<'_>], url: &str, site_url: impl Fn(&Site) -> String) -> Value {
    let brand = catalog.producer(product.producer_id).map_or("", |p| p.name.as_str());
    let offers: Vec<Value> = outlets
        .iter()
        .map(|o| {
            let mut offer = json!({
                "@type": "Offer",
                "availability": availability(o.status),
                "url": site_url(o.site),
                "seller": { "@type": "Store", "name": o.site.name },
                "priceCurrency": "VND",
            });
            if let Some(price) = product.price_vnd {
                offer["price"] = json!(price);
            }
            offer
        })
        .collect();
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "url": url,
        "brand": { "@type": "Brand", "name": brand },
        "category": product.category.key(),
        "offers": offers,
    });
    if !product.description.is_empty() {
        value["description"] = json!(product.description);
    }
    if let Some(code) = &product.barcode {
        value["gtin"] = json!(code);
    }
    value
}

/// A craft village as a `TouristAttraction`.
pub fn attraction(catalog: &Catalog, village: &CraftVillage, url: &str, description: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "TouristAttraction",
        "name": village.name,
        "url": url,
        "description": description,
        "touristType": "craft village",
        "address": address(catalog, "", village.ward_id),
        "geo": geo(village.lat, village.lon),
    })
}
