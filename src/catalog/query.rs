//! Questions shoppers ask of the catalogue: which sites, which products, where to buy.

use std::cmp::Reverse;

use chrono::{DateTime, NaiveDate, Utc};

use super::Catalog;
use crate::domain::text::{SearchTerms, fold};
use crate::domain::{Category, Product, Site, SiteKind, Stars, StockRow, StockStatus, hanoi_date};

/// Filters of the site list. Empty filters (the default) match everything.
#[derive(Debug, Clone, Default)]
pub struct SiteFilter {
    pub kind: Option<SiteKind>,
    pub district_id: Option<i64>,
    pub category: Option<Category>,
    pub min_stars: Option<Stars>,
    pub text: SearchTerms,
}

/// A site in a list, with what it carries that matches the filter.
#[derive(Debug)]
pub struct SiteSummary<'a> {
    pub site: &'a Site,
    /// Products it lists (only those matching the category and stars filters, if any).
    pub product_count: usize,
    /// Of those, how many a shopper can expect to find today.
    pub available_count: usize,
}

/// Filters of the product list.
#[derive(Debug, Clone)]
pub struct ProductFilter {
    pub category: Option<Category>,
    pub min_stars: Option<Stars>,
    /// The former district the product comes from.
    pub district_id: Option<i64>,
    pub text: SearchTerms,
}

/// One page of a longer list.
#[derive(Debug)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: usize,
    /// 1-based.
    pub page: usize,
    pub pages: usize,
}

/// A product as listed at one site.
#[derive(Debug)]
pub struct Listing<'a> {
    pub product: &'a Product,
    pub row: &'a StockRow,
    pub status: StockStatus,
}

/// A site that lists a product.
#[derive(Debug)]
pub struct Outlet<'a> {
    pub site: &'a Site,
    pub row: &'a StockRow,
    pub status: StockStatus,
}

impl Catalog {
    fn certified_match(product: &Product, category: Option<Category>, min_stars: Option<Stars>, today: NaiveDate) -> bool {
        category.is_none_or(|c| product.category == c) && min_stars.is_none_or(|s| product.stars >= s && product.is_certified(today))
    }

    /// Active sites matching `filter`, by name (Vietnamese order: Đ sorts with D). With a category or stars filter, only sites
    /// listing at least one certified product that matches.
    pub fn sites(&self, filter: &SiteFilter, now: DateTime<Utc>) -> Vec<SiteSummary<'_>> {
        let today = hanoi_date(now);
        let narrows_products = filter.category.is_some() || filter.min_stars.is_some();
        let mut found: Vec<SiteSummary<'_>> = self
            .data
            .sites
            .iter()
            .zip(&self.index.site_text)
            .filter(|(site, text)| {
                site.active
                    && filter.kind.is_none_or(|k| site.kind == k)
                    && filter.district_id.is_none_or(|d| site.district_id == d)
                    && filter.text.matches(text)
            })
            .map(|(site, _)| {
                let (mut product_count, mut available_count) = (0, 0);
                for row in self.stock_at(site.id) {
                    let Some(product) = self.product(row.product_id) else { continue };
                    if Self::certified_match(product, filter.category, filter.min_stars, today) {
                        product_count += 1;
                        available_count += usize::from(row.status(now).is_available());
                    }
                }
                SiteSummary { site, product_count, available_count }
            })
            .filter(|summary| !narrows_products || summary.product_count > 0)
            .collect();
        found.sort_by_cached_key(|summary| fold(&summary.site.name));
        found
    }

    /// Products matching `filter`, best rated first, then by name, `per_page` at a time.
    /// A page past the end is clamped to the last page.
    pub fn products(&self, filter: &ProductFilter, page: usize, per_page: usize, today: NaiveDate) -> Paged<&Product> {
        let mut found: Vec<&Product> = self
            .data
            .products
            .iter()
            .zip(&self.index.product_text)
            .filter(|(product, text)| {
                Self::certified_match(product, filter.category, filter.min_stars, today)
                    && filter.district_id.is_none_or(|d| self.product_district(product).is_some_and(|pd| pd.id == d))
                    && filter.text.matches(text)
            })
            .map(|(product, _)| product)
            .collect();
        found.sort_by_cached_key(|p| (!p.is_certified(today), Reverse(p.stars), !p.five_star_potential, fold(&p.name)));
        let total = found.len();
        let pages = total.div_ceil(per_page).max(1);
        let page = page.clamp(1, pages);
        let items = found.into_iter().skip((page - 1) * per_page).take(per_page).collect();
        Paged { items, total, page, pages }
    }

    /// What a site lists, grouped by category (programme order), best rated first in each,
    /// products whose certificate has expired last.
    pub fn listings_by_category(&self, site_id: i64, now: DateTime<Utc>) -> Vec<(Category, Vec<Listing<'_>>)> {
        let today = hanoi_date(now);
        let mut listings: Vec<Listing<'_>> = self
            .stock_at(site_id)
            .filter_map(|row| self.product(row.product_id).map(|product| Listing { product, row, status: row.status(now) }))
            .collect();
        listings
            .sort_by_cached_key(|l| (l.product.category, !l.product.is_certified(today), Reverse(l.product.stars), fold(&l.product.name)));
        let mut groups: Vec<(Category, Vec<Listing<'_>>)> = Vec::new();
        for listing in listings {
            match groups.last_mut() {
                Some((category, group)) if *category == listing.product.category => group.push(listing),
                _ => groups.push((listing.product.category, vec![listing])),
            }
        }
        groups
    }

    /// Where to buy a product: active sites listing it, available ones first.
    pub fn outlets(&self, product_id: i64, now: DateTime<Utc>) -> Vec<Outlet<'_>> {
        let mut outlets: Vec<Outlet<'_>> = self
            .stock_of(product_id)
            .filter_map(|row| self.site(row.site_id).filter(|s| s.active).map(|site| Outlet { site, row, status: row.status(now) }))
            .collect();
        outlets.sort_by_cached_key(|o| (o.status, fold(&o.site.name)));
        outlets
    }

    /// Certified products per star level (5, 4, 3) and how many of the 4-star ones are
    /// five-star potential.
    pub fn star_counts(&self, today: NaiveDate) -> StarCounts {
        let mut counts = StarCounts::default();
        for product in self.data.products.iter().filter(|p| p.is_certified(today)) {
            match product.stars.get() {
                5 => counts.five += 1,
                4 if product.five_star_potential => counts.potential += 1,
                4 => counts.four += 1,
                _ => counts.three += 1,
            }
        }
        counts
    }

    /// Active (showrooms, design centres), city-wide or in one former district.
    pub fn site_counts(&self, district_id: Option<i64>) -> (usize, usize) {
        let active = self.data.sites.iter().filter(|s| s.active && district_id.is_none_or(|d| s.district_id == d));
        active.fold((0, 0), |(showrooms, centres), site| match site.kind {
            SiteKind::Showroom => (showrooms + 1, centres),
            SiteKind::DesignCentre => (showrooms, centres + 1),
        })
    }
}

/// Certified products by rating.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct StarCounts {
    pub five: usize,
    pub potential: usize,
    pub four: usize,
    pub three: usize,
}

impl StarCounts {
    pub fn total(&self) -> usize {
        self.five + self.potential + self.four + self.three
    }
}
