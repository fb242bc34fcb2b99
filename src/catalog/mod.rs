//! The read model: the whole catalogue in memory, indexed for the pages.
//!
//! The database stays the source of truth; a `Catalog` is an immutable snapshot of it, swapped
//! whole after every write (see `store`). Pages read a snapshot, so one request never sees half
//! of a change, and rendered pages are cached per snapshot (see `pages`).

pub mod pages;
pub mod query;
pub mod store;

use std::collections::HashMap;

use crate::domain::text::fold;
use crate::domain::{CraftVillage, Dataset, District, Producer, Product, Site, StockRow, Ward};

pub use store::CatalogStore;

/// One consistent snapshot of the catalogue.
#[derive(Debug)]
pub struct Catalog {
    pub version: i64,
    /// Sample data is loaded: every page says so.
    pub is_demo: bool,
    pub data: Dataset,
    pub pages: pages::PageCache,
    index: Index,
}

#[derive(Debug, Default)]
struct Index {
    district_by_id: HashMap<i64, usize>,
    district_by_slug: HashMap<String, usize>,
    ward_by_id: HashMap<i64, usize>,
    village_by_id: HashMap<i64, usize>,
    producer_by_id: HashMap<i64, usize>,
    product_by_id: HashMap<i64, usize>,
    product_by_slug: HashMap<String, usize>,
    site_by_id: HashMap<i64, usize>,
    site_by_slug: HashMap<String, usize>,
    stock_by_site: HashMap<i64, Vec<usize>>,
    stock_by_product: HashMap<i64, Vec<usize>>,
    /// Folded "name producer district village" per product, for diacritic-blind search.
    product_text: Vec<String>,
    /// Folded "name address ward district operator" per site.
    site_text: Vec<String>,
}

fn positions<T>(items: &[T], key: impl Fn(&T) -> i64) -> HashMap<i64, usize> {
    items.iter().enumerate().map(|(i, item)| (key(item), i)).collect()
}

fn slug_positions<T>(items: &[T], slug: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    items.iter().enumerate().map(|(i, item)| (slug(item).to_owned(), i)).collect()
}

impl Catalog {
    /// Indexes a data set. References that point nowhere are a bug in what was stored, but
    /// the site must still serve: lookups return `None` and pages skip such rows.
    pub fn new(data: Dataset, version: i64, is_demo: bool) -> Catalog {
        let mut index = Index {
            district_by_id: positions(&data.districts, |d| d.id),
            district_by_slug: slug_positions(&data.districts, |d| &d.slug),
            ward_by_id: positions(&data.wards, |w| w.id),
            village_by_id: positions(&data.villages, |v| v.id),
            producer_by_id: positions(&data.producers, |p| p.id),
            product_by_id: positions(&data.products, |p| p.id),
            product_by_slug: slug_positions(&data.products, |p| &p.slug),
            site_by_id: positions(&data.sites, |s| s.id),
            site_by_slug: slug_positions(&data.sites, |s| &s.slug),
            ..Index::default()
        };
        for (i, row) in data.stock.iter().enumerate() {
            index.stock_by_site.entry(row.site_id).or_default().push(i);
            index.stock_by_product.entry(row.product_id).or_default().push(i);
        }
        let mut catalog = Catalog { version, is_demo, data, pages: pages::PageCache::default(), index };
        catalog.index.product_text = catalog.data.products.iter().map(|p| catalog.product_search_text(p)).collect();
        catalog.index.site_text = catalog.data.sites.iter().map(|s| catalog.site_search_text(s)).collect();
        catalog
    }

    fn product_search_text(&self, product: &Product) -> String {
        let producer = self.producer(product.producer_id);
        let district = producer.and_then(|p| self.district(p.district_id)).map_or("", |d| d.name.as_str());
        let village = producer.and_then(|p| p.village_id).and_then(|id| self.village(id)).map_or("", |v| v.name.as_str());
        fold(&format!("{} {} {district} {village}", product.name, producer.map_or("", |p| p.name.as_str())))
    }

    fn site_search_text(&self, site: &Site) -> String {
        let ward = self.ward(site.ward_id).map_or("", |w| w.name.as_str());
        let district = self.district(site.district_id).map_or("", |d| d.name.as_str());
        fold(&format!("{} {} {ward} {district} {}", site.name, site.address, site.operator.as_deref().unwrap_or("")))
    }

    pub fn district(&self, id: i64) -> Option<&District> {
        self.index.district_by_id.get(&id).map(|&i| &self.data.districts[i])
    }

    pub fn district_by_slug(&self, slug: &str) -> Option<&District> {
        self.index.district_by_slug.get(slug).map(|&i| &self.data.districts[i])
    }

    pub fn ward(&self, id: i64) -> Option<&Ward> {
        self.index.ward_by_id.get(&id).map(|&i| &self.data.wards[i])
    }

    pub fn village(&self, id: i64) -> Option<&CraftVillage> {
        self.index.village_by_id.get(&id).map(|&i| &self.data.villages[i])
    }

    pub fn producer(&self, id: i64) -> Option<&Producer> {
        self.index.producer_by_id.get(&id).map(|&i| &self.data.producers[i])
    }

    pub fn product(&self, id: i64) -> Option<&Product> {
        self.index.product_by_id.get(&id).map(|&i| &self.data.products[i])
    }

    pub fn product_by_slug(&self, slug: &str) -> Option<&Product> {
        self.index.product_by_slug.get(slug).map(|&i| &self.data.products[i])
    }

    pub fn site(&self, id: i64) -> Option<&Site> {
        self.index.site_by_id.get(&id).map(|&i| &self.data.sites[i])
    }

    pub fn site_by_slug(&self, slug: &str) -> Option<&Site> {
        self.index.site_by_slug.get(slug).map(|&i| &self.data.sites[i])
    }

    /// Stock rows of one site.
    pub fn stock_at(&self, site_id: i64) -> impl Iterator<Item = &StockRow> {
        self.index.stock_by_site.get(&site_id).into_iter().flatten().map(|&i| &self.data.stock[i])
    }

    /// Stock rows of one product across all sites.
    pub fn stock_of(&self, product_id: i64) -> impl Iterator<Item = &StockRow> {
        self.index.stock_by_product.get(&product_id).into_iter().flatten().map(|&i| &self.data.stock[i])
    }

    /// The district a product comes from (its producer's).
    pub fn product_district(&self, product: &Product) -> Option<&District> {
        self.producer(product.producer_id).and_then(|p| self.district(p.district_id))
    }

    /// Wards formed mostly from a former district.
    pub fn wards_of(&self, district_id: i64) -> impl Iterator<Item = &Ward> {
        self.data.wards.iter().filter(move |w| w.district_id == district_id)
    }

    /// Craft villages of a former district.
    pub fn villages_of(&self, district_id: i64) -> impl Iterator<Item = &CraftVillage> {
        self.data.villages.iter().filter(move |v| v.district_id == district_id)
    }
}
