//! The deterministic demo data set: Hanoi's real districts, wards and craft villages, the named
//! OCOP makers, products and showrooms of the news reports, and invented ones up to the reported
//! totals (110 showrooms, 16 design centres, 3,317 products).
//!
//! Everything comes from one fixed seed, so the same `now` always gives the same data; dates are
//! placed relative to `now` so the demo always looks current.

mod allocation;
mod catalogue;
mod centres;
mod generated;
mod lines;
mod lines_craft;
mod lines_fabric;
mod lines_food;
mod names;
mod national;
mod places;
mod producers;
mod real;
mod sites;
mod sites_real;
mod stock;
mod villages;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_facts;

use chrono::{DateTime, Utc};

pub use national::{NationalSize, generate_national, generate_national_sized};

use crate::domain::rng::SeededRng;
use crate::domain::{Category, Dataset, Stars, hanoi_date};

/// Which demo network `seed-demo` loads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum DemoScale {
    /// Hanoi's network as reported: 129 sites, 3,317 products, ~10,400 stock rows.
    #[default]
    Hanoi,
    /// A national network for benchmarks: 10,000 sites, 15,000 products, 1,000,000 stock rows.
    National,
}

impl DemoScale {
    /// Builds the data set of this scale.
    pub fn generate(self, now: DateTime<Utc>) -> Dataset {
        match self {
            DemoScale::Hanoi => generate(now),
            DemoScale::National => generate_national(now),
        }
    }
}

/// The seed of the whole demo; each stage derives its own stream from it.
const SEED: u64 = 0x0C0F_2019_4A4E_0110;

/// Products Hanoi has rated since 2019.
pub const TOTAL_PRODUCTS: usize = 3317;

/// The reported star mix: (stars, five-star potential, count).
pub const STAR_TARGETS: [(Stars, bool, usize); 4] =
    [(Stars::FIVE, false, 6), (Stars::FOUR, true, 22), (Stars::FOUR, false, 1571), (Stars::THREE, false, 1718)];

/// Products registered for rating in 2023 by category (in `Category::ALL` order); the demo uses
/// these shares.
pub const REGISTERED_2023: [usize; 6] = [301, 20, 20, 14, 129, 4];

/// Phú Xuyên's reported OCOP products and makers; Sóc Sơn's recognised products.
const PHU_XUYEN_PRODUCTS: usize = 135;
const PHU_XUYEN_PRODUCERS: usize = 38;
const SOC_SON_PRODUCTS: usize = 76;

/// The 2023 category shares applied to 3,317 products, rounded by largest remainder.
pub fn category_targets() -> [(Category, usize); 6] {
    let weights = REGISTERED_2023.map(|n| n as f64);
    let shares = allocation::largest_remainder(TOTAL_PRODUCTS, &weights);
    std::array::from_fn(|i| (Category::ALL[i], shares[i]))
}

/// Hanoi's districts, wards and craft villages alone: what a real deployment starts from
/// before its sites and products are imported.
pub fn places_only() -> Dataset {
    let places::Places { districts, wards, villages, .. } = places::Places::load();
    Dataset { districts, wards, villages, producers: Vec::new(), products: Vec::new(), sites: Vec::new(), stock: Vec::new() }
}

/// Builds the demo data set. Ids run 1..n in vector order in every table.
pub fn generate(now: DateTime<Utc>) -> Dataset {
    let places = places::Places::load();
    let mut catalogue = catalogue::Catalogue::new(hanoi_date(now), SeededRng::new(SEED ^ 5));
    let place_names = places.districts.iter().map(|d| d.name.as_str()).chain(places.wards.iter().map(|w| w.name.as_str()));
    let place_names = place_names.chain(places.old_unit_names.iter().map(String::as_str));
    let mut brands = names::Brands::new(place_names.chain((0..places.villages.len()).map(|v| places.village_short(v))));
    let named = real::add(&places, &mut catalogue, &mut SeededRng::new(SEED ^ 1));
    generated::add(&places, &mut catalogue, &mut brands, &mut SeededRng::new(SEED ^ 2));
    let (mut sites, plans, described) = sites::build(&places, &catalogue, &named, &mut brands, &mut SeededRng::new(SEED ^ 3));
    let stock = stock::build(&places, &catalogue, &sites, &plans, now, &mut SeededRng::new(SEED ^ 4), &mut SeededRng::new(SEED ^ 6));
    sites::describe_from_stock(&places, &catalogue, &mut sites, &described, &stock);
    let places::Places { districts, wards, villages, .. } = places;
    Dataset { districts, wards, villages, producers: catalogue.producers, products: catalogue.products, sites, stock }
}
