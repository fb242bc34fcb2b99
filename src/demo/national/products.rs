//! The national makers and products: the 2023 category shares over the whole catalogue, shared
//! out over the provinces, grouped into makers that follow the demo's product lines.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::provinces::{PROVINCES, Region};
use crate::demo::REGISTERED_2023;
use crate::demo::allocation::{AVERAGE, cap, cat_index, largest_remainder, weighted};
use crate::demo::catalogue::{Certificate, Slugs, certified_on, price};
use crate::demo::lines::{self, Line};
use crate::demo::lines_craft as craft;
use crate::demo::lines_fabric as fabric;
use crate::demo::lines_food as food;
use crate::demo::names::Brands;
use crate::demo::producers::{describe, maker_name};
use crate::domain::rng::SeededRng;
use crate::domain::{Dataset, Producer, Product, Stars};

/// The lines a maker of each category may follow anywhere in the country, by category index.
/// Lines tied to one Hanoi village (Cự Đà, Đường Lâm, lotus tea) are left out.
const LINES: [&[&Line]; 6] = [
    &lines::FOOD_ANYWHERE,
    &[&food::TEA, &food::TEA, &food::DRINKS],
    &[&food::WELLNESS, &food::DAO_HERBS],
    &[&fabric::SILK, &fabric::EMBROIDERY, &fabric::KNITWEAR, &fabric::GARMENTS, &fabric::WEAVING, &fabric::BEDDING],
    &[
        &craft::CERAMICS,
        &craft::LACQUER,
        &craft::INLAY,
        &craft::RATTAN,
        &craft::RATTAN,
        &craft::INCENSE,
        &craft::HATS,
        &craft::FURNITURE,
        &craft::TURNED_WOOD,
        &craft::FINE_WOOD,
        &craft::SCULPTURE,
        &craft::EMBROIDERED_ART,
        &craft::PLANTS,
        &craft::TOYS,
        &craft::BAMBOO_TOYS,
    ],
    &[&lines::ECO_TOURISM],
];

/// Shares of five-star and five-star-potential products among the national ones; the rest is
/// about half four-star, half three-star, like Hanoi's.
const FIVE_STAR: f64 = 0.006;
const POTENTIAL: f64 = 0.010;
const FOUR_STAR: f64 = 0.470;

/// Adds makers and products until the catalogue holds `total` products with the 2023 category
/// shares. Returns the region of every product (0 = Hanoi, p + 1 = `regions[p]`).
pub(super) fn add(
    data: &mut Dataset,
    regions: &[Region],
    total: usize,
    today: NaiveDate,
    rng: &mut SeededRng,
    dates: &mut SeededRng,
) -> Vec<u8> {
    let mut region_of = vec![0u8; data.products.len()];
    let targets = largest_remainder(total, &REGISTERED_2023.map(|n| n as f64));
    let mut left = targets;
    for product in &data.products {
        let c = cat_index(product.category);
        left[c] = left[c].checked_sub(1).expect("national total smaller than Hanoi's catalogue");
    }
    // Makers are spread more evenly than shops: every province has its OCOP programme.
    let weights: Vec<f64> = regions.iter().map(|r| r.province.weight + 2.0).collect();
    let cells: Vec<Vec<usize>> = left.iter().map(|&n| largest_remainder(n, &weights)).collect();
    let mut writer = Writer::new(data, today);
    for (p, region) in regions.iter().enumerate() {
        let mut brands = Brands::new(PROVINCES.iter().flat_map(|q| std::iter::once(q.name).chain(q.anchors.iter().map(|a| a.0))));
        for (c, cell) in cells.iter().enumerate() {
            let mut n = cell[p];
            while n > 0 {
                let line = *rng.pick(LINES[c]);
                let wanted = (1 + rng.below(((2.0 * AVERAGE[c]).round() as usize).max(2) - 1)).min(cap(c)).min(n);
                let written = writer.maker(region, line, wanted, &mut brands, rng, dates);
                region_of.extend(std::iter::repeat_n(p as u8 + 1, written));
                n -= written;
            }
        }
    }
    region_of
}

/// Writes makers and products into the data set, keeping names and slugs unique.
struct Writer<'a> {
    data: &'a mut Dataset,
    producer_slugs: Slugs,
    product_slugs: Slugs,
    product_names: HashSet<String>,
    today: NaiveDate,
}

impl<'a> Writer<'a> {
    fn new(data: &'a mut Dataset, today: NaiveDate) -> Writer<'a> {
        Writer {
            producer_slugs: Slugs::taken(data.producers.iter().map(|p| p.slug.as_str())),
            product_slugs: Slugs::taken(data.products.iter().map(|p| p.slug.as_str())),
            product_names: data.products.iter().map(|p| p.name.clone()).collect(),
            data,
            today,
        }
    }

    /// One maker of `line` in `region` with up to `wanted` products; returns how many it got
    /// (a maker whose every name is taken is not written and gets none).
    fn maker(
        &mut self,
        region: &Region,
        line: &'static Line,
        wanted: usize,
        brands: &mut Brands,
        rng: &mut SeededRng,
        dates: &mut SeededRng,
    ) -> usize {
        let (maker, brand) = maker_name(rng, brands, line, None);
        // Makers work more often in communes than in town.
        let scores: Vec<f64> = (0..region.wards.len()).map(|i| if region.is_urban(i) { 1.0 } else { 2.0 }).collect();
        let ward = region.wards[weighted(rng, &scores)];
        let ward_text = {
            let w = &self.data.wards[ward];
            format!("{} {}", w.kind.prefix_vi().to_lowercase(), w.name)
        };
        let province = region.in_text();
        let mut items: Vec<usize> = (0..line.items.len()).collect();
        rng.shuffle(&mut items);
        let mut written = 0;
        for &i in &items {
            if written == wanted {
                break;
            }
            let item = line.items[i];
            let mut name = format!("{} {brand}", item.name);
            if self.product_names.contains(&name) {
                name = format!("{name} {}", region.province.name);
                if self.product_names.contains(&name) {
                    continue;
                }
            }
            if written == 0 {
                self.data.producers.push(Producer {
                    id: self.data.producers.len() as i64 + 1,
                    slug: self.producer_slugs.make(&maker),
                    name: maker.clone(),
                    ward_id: Some(ward as i64 + 1),
                    district_id: region.district as i64 + 1,
                    village_id: None,
                    active: true,
                });
            }
            let (stars, potential) = match rng.unit() {
                u if u < FIVE_STAR => (Stars::FIVE, false),
                u if u < FIVE_STAR + POTENTIAL => (Stars::FOUR, true),
                u if u < FIVE_STAR + POTENTIAL + FOUR_STAR => (Stars::FOUR, false),
                _ => (Stars::THREE, false),
            };
            let top = stars == Stars::FIVE || potential;
            let description = describe(rng, line.category, item.name, &maker, None, &ward_text, &province);
            self.product_names.insert(name.clone());
            self.data.products.push(Product {
                id: self.data.products.len() as i64 + 1,
                slug: self.product_slugs.make(&name),
                name,
                producer_id: self.data.producers.len() as i64,
                category: line.category,
                stars,
                five_star_potential: potential,
                certified_on: certified_on(dates, self.today, if top { Certificate::Valid } else { Certificate::Spread }),
                description,
                description_en: String::new(),
                unit: item.unit.to_owned(),
                price_vnd: Some(price(rng, item.lo, item.hi)),
                barcode: None,
                active: true,
                photo: None,
            });
            written += 1;
        }
        written
    }
}
