//! The national demo network for benchmarks: the Hanoi demo unchanged, then the other 33
//! provincial units with clustered showrooms, their makers and products, and shelves, up to
//! 10,000 sites, 15,000 products and 1,000,000 stock rows.
//!
//! Like the Hanoi demo it comes from one fixed seed, so the same `now` always gives the same
//! data, and dates are placed relative to `now`.

mod products;
mod provinces;
mod sites;
mod stock;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};

use crate::domain::rng::SeededRng;
use crate::domain::{Dataset, hanoi_date};

/// The seed of the national additions; each stage derives its own stream from it.
const SEED: u64 = 0x0C0F_2025_0612_0034;

/// Table sizes of a national network (the Hanoi demo included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NationalSize {
    /// Rows of `sites`: showrooms and design centres, a few of them closed.
    pub sites: usize,
    /// Rows of `products`.
    pub products: usize,
    /// Rows of `stock`: distinct (site, product) pairs.
    pub stock: usize,
}

impl NationalSize {
    /// The benchmark's network: 10,000 sites, 15,000 products, 1,000,000 stock rows.
    pub const FULL: NationalSize = NationalSize { sites: 10_000, products: 15_000, stock: 1_000_000 };
}

/// Builds the full national network (`NationalSize::FULL`). Ids run 1..n in vector order in
/// every table, and the Hanoi demo's rows come first, unchanged.
pub fn generate_national(now: DateTime<Utc>) -> Dataset {
    generate_national_sized(now, NationalSize::FULL)
}

/// Builds a national network of the given size. Panics when the size is smaller than the Hanoi
/// demo or cannot hold the stock rows (30–250 per active national site).
pub fn generate_national_sized(now: DateTime<Utc>, size: NationalSize) -> Dataset {
    let mut data = super::generate(now);
    let regions = provinces::add(&mut data, &mut SeededRng::new(SEED ^ 1));
    let mut dates = SeededRng::new(SEED ^ 3);
    let of_product = products::add(&mut data, &regions, size.products, hanoi_date(now), &mut SeededRng::new(SEED ^ 2), &mut dates);
    let of_site = sites::add(&mut data, &regions, size.sites, &mut SeededRng::new(SEED ^ 4));
    let homes = stock::Homes { regions: &regions, of_site: &of_site, of_product: &of_product };
    stock::add(&mut data, &homes, size.stock, now, &mut SeededRng::new(SEED ^ 5), &mut SeededRng::new(SEED ^ 6));
    data
}
