//! What depends on the date: which certificates are still valid, and so the order of product
//! lists and the star counts. Built once per Hanoi day, so that lists need no sorting.

use std::cmp::Reverse;

use chrono::NaiveDate;

use super::query::StarCounts;
use super::reference::Reference;
use crate::domain::{Category, Stars};

/// A product as the list filters see it.
#[derive(Debug, Clone, Copy)]
pub struct ListEntry {
    pub pos: u32,
    pub category: Category,
    pub stars: Stars,
    pub certified: bool,
    /// The producer's former district (0 when unknown).
    pub district_id: i64,
}

#[derive(Debug, Clone)]
pub struct Daily {
    pub day: NaiveDate,
    /// By product position: certificate valid on `day`.
    certified: Vec<bool>,
    /// Every product in list order (certified first, best rated, five-star potential, name),
    /// with what the list filters on, packed so a filter walks one small array.
    pub product_list: Vec<ListEntry>,
    /// By product position: its place in `product_list` (`u32::MAX` when not listed).
    pub list_rank: Vec<u32>,
    /// By product position: its place on a shelf (category, certified first, stars, name).
    pub shelf_rank: Vec<u32>,
    pub star_counts: StarCounts,
}

impl Daily {
    pub fn new(reference: &Reference, day: NaiveDate) -> Daily {
        let products = &reference.products;
        let certified: Vec<bool> = products.iter().map(|p| p.is_certified(day)).collect();
        let mut product_order: Vec<u32> = (0..products.len() as u32).collect();
        product_order.sort_by(|&a, &b| list_key(reference, &certified, a).cmp(&list_key(reference, &certified, b)));
        let mut by_shelf: Vec<u32> = (0..products.len() as u32).collect();
        by_shelf.sort_by(|&a, &b| shelf_key(reference, &certified, a).cmp(&shelf_key(reference, &certified, b)));
        let mut shelf_rank = vec![0; products.len()];
        for (rank, pos) in by_shelf.into_iter().enumerate() {
            shelf_rank[pos as usize] = rank as u32;
        }
        let mut star_counts = StarCounts::default();
        for product in products.iter().zip(&certified).filter(|(p, c)| **c && p.active).map(|(p, _)| p) {
            match product.stars.get() {
                5 => star_counts.five += 1,
                4 if product.five_star_potential => star_counts.potential += 1,
                4 => star_counts.four += 1,
                _ => star_counts.three += 1,
            }
        }
        // Deactivated products are in no list (their pages answer 404).
        let product_list = product_order
            .iter()
            .filter(|&&pos| products[pos as usize].active)
            .map(|&pos| {
                let product = &products[pos as usize];
                let district_id = reference.producer(product.producer_id).map_or(0, |p| p.district_id);
                ListEntry { pos, category: product.category, stars: product.stars, certified: certified[pos as usize], district_id }
            })
            .collect::<Vec<ListEntry>>();
        let mut list_rank = vec![u32::MAX; products.len()];
        for (rank, entry) in product_list.iter().enumerate() {
            list_rank[entry.pos as usize] = rank as u32;
        }
        Daily { day, certified, product_list, list_rank, shelf_rank, star_counts }
    }

    /// Certificate valid on `today` (from the table when it is this day's).
    pub fn is_certified(&self, reference: &Reference, pos: usize, today: NaiveDate) -> bool {
        if today == self.day { self.certified[pos] } else { reference.products[pos].is_certified(today) }
    }
}

/// The order of the product list.
pub fn list_key<'a>(reference: &'a Reference, certified: &[bool], pos: u32) -> (bool, Reverse<u8>, bool, &'a str) {
    let p = &reference.products[pos as usize];
    (!certified[pos as usize], Reverse(p.stars.get()), !p.five_star_potential, reference.product_folded_name(pos as usize))
}

/// The order of a shelf.
pub fn shelf_key<'a>(reference: &'a Reference, certified: &[bool], pos: u32) -> (Category, bool, Reverse<u8>, &'a str) {
    let p = &reference.products[pos as usize];
    (p.category, !certified[pos as usize], Reverse(p.stars.get()), reference.product_folded_name(pos as usize))
}
