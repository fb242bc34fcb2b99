//! The locator's question: the sites nearest a point that match what the shopper wants,
//! walked nearest first through the spatial index, so no radius is needed and the walk stops
//! as soon as enough sites match.

use std::cmp::Reverse;

use chrono::{DateTime, NaiveDateTime, Utc};

use super::reference::Searched;
use super::search::best_first;
use crate::domain::search::{Query, Synonyms};

use super::Catalog;
use super::shelf::RowFacts;
use crate::domain::{Category, GeoPoint, OpenState, Product, Site, SiteKind, Stars, StockRow, StockStatus, hanoi_date, hanoi_offset};

/// What the shopper asks for. Empty (the default) matches every active site.
#[derive(Debug, Clone, Default)]
pub struct NearFilter {
    pub kind: Option<SiteKind>,
    pub category: Option<Category>,
    pub min_stars: Option<Stars>,
    /// One product (by id): only sites listing it.
    pub product_id: Option<i64>,
    /// Only sites where a matching product is available (in stock or limited).
    pub in_stock: bool,
    /// Only sites open now; sites whose hours are unknown stay in, marked.
    pub open_now: bool,
}

impl NearFilter {
    fn narrows_products(&self) -> bool {
        self.category.is_some() || self.min_stars.is_some() || self.product_id.is_some() || self.in_stock
    }
}

/// A site in the answer, with what it has that matches.
#[derive(Debug)]
pub struct NearSite<'a> {
    pub site: &'a Site,
    pub distance_m: f64,
    pub open: OpenState,
    /// Matching products it lists, and how many of them are available.
    pub listed: u32,
    pub available: u32,
    /// The best few matching products (available first, then by rating).
    pub products: Vec<(&'a Product, &'a StockRow, StockStatus)>,
}

/// The sites found, and when the answer may change because a site it saw opens or closes.
#[derive(Debug)]
pub struct NearAnswer<'a> {
    pub sites: Vec<NearSite<'a>>,
    /// The earliest opening or closing (Hanoi local time) among the sites shown and those
    /// passed over as closed: until then the same question gets the same answer.
    pub changes_at: Option<NaiveDateTime>,
}

/// Closed sites passed in a row before checking whether anything at all is open.
const CLOSED_BEFORE_LOOKING_AROUND: usize = 32;

/// Products shown on each row of the answer.
const PRODUCTS_PER_SITE: usize = 3;

impl Catalog {
    /// Up to `limit` sites matching `filter`, nearest to `from` first.
    pub fn nearest(&self, from: GeoPoint, filter: &NearFilter, limit: usize, now: DateTime<Utc>) -> NearAnswer<'_> {
        let local = now.with_timezone(&hanoi_offset()).naive_local();
        // "Open now" per weekly schedule, worked out when a site keeping it is first met (sites
        // share schedules, and the walk meets few of them).
        let schedules = self.data.schedules();
        let mut by_schedule: Vec<Option<OpenState>> = vec![None; schedules.len()];
        let mut open_by = |schedule: usize| *by_schedule[schedule].get_or_insert_with(|| OpenState::of_hours(&schedules[schedule], local));
        let mut found = Vec::with_capacity(limit);
        let mut changes_at: Option<NaiveDateTime> = None;
        let mut closed_in_a_row = 0;
        for pos in self.data.sites_nearest(from) {
            if found.len() >= limit {
                break;
            }
            let site = &self.data.sites[pos];
            if filter.kind.is_some_and(|k| site.kind != k) {
                continue;
            }
            let open = site.closure_state(local).unwrap_or_else(|| open_by(self.data.schedule_of(pos)));
            if filter.open_now && matches!(open, OpenState::Closed { .. }) {
                changes_at = earliest(changes_at, open.changes_at());
                closed_in_a_row += 1;
                if closed_in_a_row == CLOSED_BEFORE_LOOKING_AROUND
                    && (0..schedules.len()).all(|s| matches!(open_by(s), OpenState::Closed { .. }))
                {
                    // Nothing is open anywhere (night): no need to walk on; the answer holds
                    // until the first opening.
                    let first = (0..schedules.len()).filter_map(|s| open_by(s).changes_at()).min();
                    return NearAnswer { sites: found, changes_at: first };
                }
                continue;
            }
            closed_in_a_row = 0;
            let shelf = &self.shelves[pos];
            let (listed, available) = match filter.product_id {
                Some(product_id) => match shelf.row(product_id) {
                    Some(row) => (1, u32::from(row.status(now).is_available())),
                    None => continue,
                },
                None => {
                    let tally = shelf.summary_on(&self.data, now).tally(filter.category, filter.min_stars);
                    (tally.listed, tally.available)
                }
            };
            if (filter.narrows_products() && listed == 0) || (filter.in_stock && available == 0) {
                continue;
            }
            let products = self.matching_products(pos, filter, now);
            changes_at = earliest(changes_at, open.changes_at());
            found.push(NearSite { site, distance_m: from.distance_m(&site.point()), open, listed, available, products });
        }
        NearAnswer { sites: found, changes_at }
    }

    /// Active sites whose name, address, ward or district hold every word of `text`, found
    /// through the word index (none for an empty text). No synonyms: this looks for streets.
    pub fn sites_with_words(&self, text: &str) -> Vec<&Site> {
        let Some(hits) = self.data.search(Searched::Sites, &Query::parse(text, &Synonyms::default())) else { return Vec::new() };
        best_first(hits).iter().map(|h| &self.data.sites[h.pos as usize]).filter(|s| s.active).collect()
    }

    /// The best matching products on one site's shelf.
    fn matching_products(&self, site_pos: usize, filter: &NearFilter, now: DateTime<Utc>) -> Vec<(&Product, &StockRow, StockStatus)> {
        let today = hanoi_date(now);
        let shelf = &self.shelves[site_pos];
        // Rows are walked in product id order, so among equals the first met stays first.
        let key = |&(facts, _, status): &(RowFacts, &StockRow, StockStatus)| (status, Reverse(facts.stars));
        // The best few, kept in order while walking the shelf's facts: no sort of a whole
        // shelf, and no row or product record read until one is kept.
        let mut best: Vec<(RowFacts, &StockRow, StockStatus)> = Vec::with_capacity(PRODUCTS_PER_SITE + 1);
        for (row, facts) in shelf.rows_with_facts() {
            if filter.product_id.is_some_and(|id| row.product_id != id) {
                continue;
            }
            let matches = filter.category.is_none_or(|c| facts.category == c)
                && filter.min_stars.is_none_or(|s| facts.stars >= s && shelf.is_certified(&self.data, facts, today));
            if !matches {
                continue;
            }
            let status = shelf.status(row, facts, today, now);
            if filter.in_stock && !status.is_available() {
                continue;
            }
            let candidate = (facts, row, status);
            if best.len() == PRODUCTS_PER_SITE && best.last().is_some_and(|last| key(last) <= key(&candidate)) {
                continue;
            }
            let at = best.partition_point(|b| key(b) <= key(&candidate));
            best.insert(at, candidate);
            best.truncate(PRODUCTS_PER_SITE);
        }
        best.into_iter().map(|(facts, row, status)| (&self.data.products[facts.product_pos as usize], row, status)).collect()
    }
}

fn earliest(a: Option<NaiveDateTime>, b: Option<NaiveDateTime>) -> Option<NaiveDateTime> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
