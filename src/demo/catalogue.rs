//! The producer and product tables under construction: ids, unique slugs, unique product names
//! and certificate dates placed relative to today.

use std::collections::HashSet;

use chrono::{Days, Months, NaiveDate};

use super::places::Places;
use crate::domain::product::certificate_expiry;
use crate::domain::rng::SeededRng;
use crate::domain::text::slugify;
use crate::domain::{Category, Producer, Product, Stars};

/// Slugs unique within one table: "gio-lua", then "gio-lua-2", "gio-lua-3".
#[derive(Default)]
pub(super) struct Slugs(HashSet<String>);

impl Slugs {
    /// A table that already holds `slugs` (to continue it).
    pub fn taken<'a>(slugs: impl IntoIterator<Item = &'a str>) -> Slugs {
        Slugs(slugs.into_iter().map(str::to_owned).collect())
    }

    /// A slug for `name`, unique in this table.
    pub fn make(&mut self, name: &str) -> String {
        let base = slugify(name);
        let mut slug = base.clone();
        let mut n = 1;
        while !self.0.insert(slug.clone()) {
            n += 1;
            slug = format!("{base}-{n}");
        }
        slug
    }
}

/// How a certificate's date is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Certificate {
    /// Valid today and for more than 90 days (named products, always shown as certified).
    Valid,
    /// ~90% valid, ~4% expiring within 90 days, ~6% expired.
    Spread,
}

/// A product before it gets its id, slug and date.
pub(super) struct NewProduct {
    pub name: String,
    pub producer: usize,
    pub category: Category,
    pub stars: Stars,
    pub five_star_potential: bool,
    pub description: String,
    pub description_en: String,
    pub unit: String,
    pub price_vnd: Option<i64>,
}

/// Producers and products, in id order.
pub(super) struct Catalogue {
    pub producers: Vec<Producer>,
    pub products: Vec<Product>,
    producer_slugs: Slugs,
    product_slugs: Slugs,
    product_names: HashSet<String>,
    producer_names: HashSet<String>,
    today: NaiveDate,
    /// Certificate dates draw from their own stream, so moving `today` changes only dates.
    dates: SeededRng,
}

impl Catalogue {
    /// Empty tables; certificates are dated relative to `today`.
    pub fn new(today: NaiveDate, dates: SeededRng) -> Catalogue {
        Catalogue {
            producers: Vec::new(),
            products: Vec::new(),
            producer_slugs: Slugs::default(),
            product_slugs: Slugs::default(),
            product_names: HashSet::new(),
            producer_names: HashSet::new(),
            today,
            dates,
        }
    }

    /// Is this maker name still free?
    pub fn producer_name_is_free(&self, name: &str) -> bool {
        !self.producer_names.contains(name)
    }

    /// Adds a maker in district `d` (ward and village are indexes too); returns its index.
    pub fn add_producer(&mut self, places: &Places, name: &str, d: usize, ward: Option<usize>, village: Option<usize>) -> usize {
        assert!(self.producer_names.insert(name.to_owned()), "duplicate maker name {name}");
        if let Some(w) = ward {
            debug_assert_eq!(places.district_of_ward(w), d, "{name}: ward outside its district");
        }
        self.producers.push(Producer {
            id: self.producers.len() as i64 + 1,
            slug: self.producer_slugs.make(name),
            name: name.to_owned(),
            ward_id: ward.map(|w| w as i64 + 1),
            district_id: d as i64 + 1,
            village_id: village.map(|v| v as i64 + 1),
            active: true,
        });
        self.producers.len() - 1
    }

    /// Is this product name still free?
    pub fn name_is_free(&self, name: &str) -> bool {
        !self.product_names.contains(name)
    }

    /// Adds a product (its name must be free); returns its index.
    pub fn add_product(&mut self, new: NewProduct, certificate: Certificate) -> usize {
        assert!(self.product_names.insert(new.name.clone()), "duplicate product name {}", new.name);
        let certified_on = certified_on(&mut self.dates, self.today, certificate);
        self.products.push(Product {
            id: self.products.len() as i64 + 1,
            slug: self.product_slugs.make(&new.name),
            name: new.name,
            producer_id: self.producers[new.producer].id,
            category: new.category,
            stars: new.stars,
            five_star_potential: new.five_star_potential,
            certified_on,
            description: new.description,
            description_en: new.description_en,
            unit: new.unit,
            price_vnd: new.price_vnd,
            barcode: None,
            active: true,
            photo: None,
        });
        self.products.len() - 1
    }
}

/// A price in đồng, rounded to thousands, drawn from a range given in thousands.
pub(super) fn price(rng: &mut SeededRng, lo: i64, hi: i64) -> i64 {
    let step = if hi >= 2000 {
        100
    } else if hi >= 200 {
        10
    } else {
        1
    };
    rng.range(lo / step, hi / step) * step * 1000
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Valid,
    ExpiringSoon,
    Expired,
}

/// Same rule as `Product::certificate_status`.
fn status(certified_on: NaiveDate, today: NaiveDate) -> Status {
    let expires = certificate_expiry(certified_on);
    if today > expires {
        Status::Expired
    } else if (expires - today).num_days() <= 90 {
        Status::ExpiringSoon
    } else {
        Status::Valid
    }
}

/// A rating date for the wanted status, never after today.
pub(super) fn certified_on(rng: &mut SeededRng, today: NaiveDate, certificate: Certificate) -> NaiveDate {
    let wanted = match certificate {
        Certificate::Valid => Status::Valid,
        Certificate::Spread => match rng.unit() {
            u if u < 0.06 => Status::Expired,
            u if u < 0.10 => Status::ExpiringSoon,
            _ => Status::Valid,
        },
    };
    loop {
        let date = match wanted {
            // Up to ~32 months old: more than 90 days left.
            Status::Valid => today - Days::new(rng.range(20, 975) as u64),
            Status::ExpiringSoon => from_expiry(today + Days::new(rng.range(0, 90) as u64)),
            Status::Expired => from_expiry(today - Days::new(rng.range(1, 700) as u64)),
        };
        if date <= today && status(date, today) == wanted {
            return date;
        }
    }
}

/// The rating date whose certificate ends on `expires`.
fn from_expiry(expires: NaiveDate) -> NaiveDate {
    let next = expires + Days::new(1);
    next.checked_sub_months(Months::new(crate::domain::product::CERTIFICATE_VALIDITY_MONTHS)).unwrap_or(next)
}
