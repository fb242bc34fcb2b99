//! The read model: the whole catalogue in memory, indexed for the pages.
//!
//! The database stays the source of truth; a `Catalog` is an immutable snapshot of it. Its
//! parts sit behind `Arc`s so that a stock change builds a new snapshot sharing everything it
//! did not touch: one site's shelf is replaced, the rest is shared (see `shelf`). Pages read one
//! snapshot, so a request never sees half of a change.

mod daily;
pub mod feed;
pub mod health;
pub mod near;
pub mod query;
mod reference;
pub mod search;
mod shelf;
pub mod store;
pub mod villages;

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{Dataset, StockRow, hanoi_date};
use daily::Daily;
pub use reference::{Reference, Searched, SiteSpot};
use shelf::Shelf;
pub use store::{CatalogStore, Change, ChangeListener};

/// One consistent snapshot of the catalogue.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The change-log sequence number this snapshot reflects.
    pub version: i64,
    /// Sample data is loaded: every page says so.
    pub is_demo: bool,
    /// Places, producers, products and sites with their lookups.
    pub data: Arc<Reference>,
    /// Each site's stock, by the site's position in `data.sites`.
    shelves: Arc<Vec<Arc<Shelf>>>,
    /// For each product (by position), the positions of the sites listing it, ascending.
    outlets: Arc<Vec<Arc<[u32]>>>,
    /// Orders and counts that depend on the date (certificate expiry, stale counts).
    daily: Arc<Daily>,
    /// Where each product can be found today, counted (kept up to date by stock changes).
    /// Always built for the same day as `daily`, whose list ranks it holds.
    available: Arc<Availability>,
}

/// For each product (by position), how many active sites have it available on `day`: a search
/// puts products in stock first without reading their shelves. A count is a function of the
/// day alone (a row's status changes with its age in days), so it holds all day.
#[derive(Debug, Clone)]
struct Availability {
    day: NaiveDate,
    sites: Vec<u32>,
    /// By product position, what a text search ranks it by after its score, in one number:
    /// available nowhere (the top bit), then its rank in the day's list; `UNLISTED` when it is
    /// in no list. A match is keyed with one read, not three.
    ranks: Vec<u32>,
}

/// `Availability::ranks` of a product in no list.
pub(super) const UNLISTED: u32 = u32::MAX;

impl Availability {
    /// Counted afresh; `daily` is for the day of `now`.
    fn new(reference: &Reference, daily: &Daily, shelves: &[Arc<Shelf>], now: DateTime<Utc>) -> Availability {
        let products = reference.products.len();
        let mut available = Availability { day: hanoi_date(now), sites: vec![0; products], ranks: vec![UNLISTED; products] };
        for (site_pos, shelf) in shelves.iter().enumerate() {
            available.count(reference, site_pos, &shelf.rows, now, true);
        }
        for pos in 0..products {
            available.rank(daily, pos);
        }
        available
    }

    /// Adds (or, with `add` false, takes away) one site's rows as they stand at `now`; the
    /// ranks of the products counted are then out of date (see `rank`).
    fn count(&mut self, reference: &Reference, site_pos: usize, rows: &[StockRow], now: DateTime<Utc>, add: bool) {
        if reference.active_site_kind(site_pos).is_none() {
            return;
        }
        for row in rows.iter().filter(|row| row.status(now).is_available()) {
            if let Some(count) = reference.product_position(row.product_id).and_then(|pos| self.sites.get_mut(pos)) {
                *count = if add { *count + 1 } else { count.saturating_sub(1) };
            }
        }
    }

    /// Brings the rank of the product at `pos` up to date with its count.
    fn rank(&mut self, daily: &Daily, pos: usize) {
        let (Some(&list_rank), Some(&count), Some(rank)) = (daily.list_rank.get(pos), self.sites.get(pos), self.ranks.get_mut(pos)) else {
            return;
        };
        *rank = if list_rank == u32::MAX { UNLISTED } else { list_rank | (u32::from(count == 0) << 31) };
    }

    /// The counts by product position, if they are for the day of `today`.
    pub(super) fn on(&self, today: NaiveDate) -> Option<&[u32]> {
        (self.day == today).then_some(&self.sites[..])
    }

    /// The search ranks by product position (see `ranks`), if they are for the day of `today`.
    pub(super) fn ranks_on(&self, today: NaiveDate) -> Option<&[u32]> {
        (self.day == today).then_some(&self.ranks[..])
    }
}

impl Catalog {
    /// Indexes a data set for the Hanoi day of `now`. Rows that point nowhere are a bug in what
    /// was stored, but the site must still serve: they are left out.
    pub fn new(data: Dataset, version: i64, is_demo: bool, now: DateTime<Utc>) -> Catalog {
        let Dataset { districts, wards, villages, producers, products, sites, stock } = data;
        let reference = Arc::new(Reference::new(districts, wards, villages, producers, products, sites));
        let daily = Arc::new(Daily::new(&reference, hanoi_date(now)));
        let mut by_site: Vec<Vec<StockRow>> = vec![Vec::new(); reference.sites.len()];
        for row in stock {
            if let Some(pos) = reference.site_position(row.site_id) {
                by_site[pos].push(row);
            }
        }
        let shelves: Vec<Arc<Shelf>> = by_site.into_iter().map(|rows| Arc::new(Shelf::new(rows, &reference, &daily, now))).collect();
        let outlets = outlets_of(&reference, &shelves);
        let available = Arc::new(Availability::new(&reference, &daily, &shelves, now));
        Catalog { version, is_demo, data: reference, shelves: Arc::new(shelves), outlets: Arc::new(outlets), daily, available }
    }

    /// A new snapshot at `version` in which the given sites' stock is replaced (each with its
    /// complete new list of rows); every other part is shared with `self`.
    pub fn with_shelves(&self, replaced: Vec<(i64, Vec<StockRow>)>, version: i64, now: DateTime<Utc>) -> Catalog {
        let mut shelves = Vec::clone(&self.shelves);
        let mut outlets: Option<Vec<Arc<[u32]>>> = None;
        // Counts for another day are left as they are: nothing reads them until `for_day`.
        let mut available = (self.available.day == hanoi_date(now)).then(|| Availability::clone(&self.available));
        for (site_id, rows) in replaced {
            let Some(site_pos) = self.data.site_position(site_id) else { continue };
            let new = Shelf::new(rows, &self.data, &self.daily, now);
            if let Some(available) = &mut available {
                available.count(&self.data, site_pos, &shelves[site_pos].rows, now, false);
                available.count(&self.data, site_pos, &new.rows, now, true);
                for row in shelves[site_pos].rows.iter().chain(&new.rows) {
                    if let Some(pos) = self.data.product_position(row.product_id) {
                        available.rank(&self.daily, pos);
                    }
                }
            }
            let (added, removed) = shelves[site_pos].listing_difference(&new);
            if !(added.is_empty() && removed.is_empty()) {
                let outlets = outlets.get_or_insert_with(|| Vec::clone(&self.outlets));
                let site_pos = site_pos as u32;
                for product_id in added.into_iter().chain(removed) {
                    let Some(product_pos) = self.data.product_position(product_id) else { continue };
                    let mut sites: BTreeSet<u32> = outlets[product_pos].iter().copied().collect();
                    if !sites.insert(site_pos) {
                        sites.remove(&site_pos);
                    }
                    outlets[product_pos] = sites.into_iter().collect();
                }
            }
            shelves[site_pos] = Arc::new(new);
        }
        Catalog {
            version,
            is_demo: self.is_demo,
            data: Arc::clone(&self.data),
            shelves: Arc::new(shelves),
            outlets: outlets.map_or_else(|| Arc::clone(&self.outlets), Arc::new),
            daily: Arc::clone(&self.daily),
            available: available.map_or_else(|| Arc::clone(&self.available), Arc::new),
        }
    }

    /// A new snapshot at `version` over new reference data (`data.stock` is ignored): the stock
    /// rows are this snapshot's, with the given sites' replaced (each with its complete new
    /// list of rows). Everything is indexed afresh, from memory.
    pub fn with_reference(&self, data: Dataset, replaced: Vec<(i64, Vec<StockRow>)>, version: i64, now: DateTime<Utc>) -> Catalog {
        let replaced_sites: BTreeSet<i64> = replaced.iter().map(|(site_id, _)| *site_id).collect();
        let kept = self.shelves.iter().flat_map(|shelf| shelf.rows.iter()).filter(|row| !replaced_sites.contains(&row.site_id));
        let stock = kept.cloned().chain(replaced.into_iter().flat_map(|(_, rows)| rows)).collect();
        Catalog::new(Dataset { stock, ..data }, version, self.is_demo, now)
    }

    /// The Hanoi day the precomputed orders and counts are for.
    pub fn day(&self) -> NaiveDate {
        self.daily.day
    }

    /// The same snapshot with orders and counts recomputed for the day of `now` (run once
    /// after midnight; until then queries compute what they need on the fly).
    pub fn for_day(&self, now: DateTime<Utc>) -> Catalog {
        let daily = Arc::new(Daily::new(&self.data, hanoi_date(now)));
        let shelves: Vec<Arc<Shelf>> = self.shelves.iter().map(|s| Arc::new(Shelf::new(s.rows.clone(), &self.data, &daily, now))).collect();
        let available = Arc::new(Availability::new(&self.data, &daily, &shelves, now));
        Catalog { shelves: Arc::new(shelves), daily, available, ..self.clone() }
    }

    /// Stock rows of one site, by product id.
    pub fn stock_at(&self, site_id: i64) -> &[StockRow] {
        self.data.site_position(site_id).map_or(&[], |pos| &self.shelves[pos].rows)
    }

    /// One site's row for one product.
    pub fn stock_row(&self, site_id: i64, product_id: i64) -> Option<&StockRow> {
        self.shelves[self.data.site_position(site_id)?].row(product_id)
    }

    /// Stock rows of one product across all sites, in site order.
    pub fn stock_of(&self, product_id: i64) -> impl Iterator<Item = &StockRow> {
        let sites = self.data.product_position(product_id).map_or(&[][..], |pos| &self.outlets[pos][..]);
        sites.iter().filter_map(move |&site_pos| self.shelves[site_pos as usize].row(product_id))
    }

    /// Rows in the whole catalogue (for logs and health).
    pub fn stock_len(&self) -> usize {
        self.shelves.iter().map(|s| s.rows.len()).sum()
    }
}

fn outlets_of(reference: &Reference, shelves: &[Arc<Shelf>]) -> Vec<Arc<[u32]>> {
    let mut lists: Vec<Vec<u32>> = vec![Vec::new(); reference.products.len()];
    for (site_pos, shelf) in shelves.iter().enumerate() {
        for row in &shelf.rows {
            if let Some(product_pos) = reference.product_position(row.product_id) {
                lists[product_pos].push(site_pos as u32);
            }
        }
    }
    lists.into_iter().map(Arc::from).collect()
}

/// A snapshot reads as its reference data (`catalog.site_by_slug(..)`) plus the stock queries.
impl std::ops::Deref for Catalog {
    type Target = Reference;
    fn deref(&self) -> &Reference {
        &self.data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Catalog {
        let now = Utc::now();
        Catalog::new(crate::demo::generate(now), 1, true, now)
    }

    #[test]
    fn a_stock_change_shares_every_part_it_did_not_touch() {
        let old = demo();
        let site_id = old.sites[0].id;
        let mut rows = old.stock_at(site_id).to_vec();
        rows[0].quantity += 1;
        let changed_product = rows[0].product_id;

        let new = old.with_shelves(vec![(site_id, rows)], 2, Utc::now());

        assert!(Arc::ptr_eq(&old.data, &new.data));
        assert!(Arc::ptr_eq(&old.outlets, &new.outlets), "nobody joined or left a shelf");
        let shared = old.shelves.iter().zip(new.shelves.iter()).filter(|(a, b)| Arc::ptr_eq(a, b)).count();
        assert_eq!(shared, old.shelves.len() - 1);
        let quantity = |c: &Catalog| c.stock_row(site_id, changed_product).map(|r| r.quantity);
        assert_eq!(quantity(&new), quantity(&old).map(|q| q + 1));
    }

    #[test]
    fn removing_a_product_from_a_shelf_updates_where_to_buy_it() {
        let old = demo();
        let site_id = old.sites[0].id;
        let mut rows = old.stock_at(site_id).to_vec();
        let removed = rows.remove(0).product_id;

        let new = old.with_shelves(vec![(site_id, rows)], 2, Utc::now());

        assert!(old.stock_of(removed).any(|r| r.site_id == site_id));
        assert!(!new.stock_of(removed).any(|r| r.site_id == site_id));
    }

    #[test]
    fn availability_counts_follow_stock_changes_as_reading_the_shelves_would() {
        let now = Utc::now();
        let old = demo();
        let site_id = old.sites.iter().find(|s| s.active).expect("an active site").id;
        let mut rows = old.stock_at(site_id).to_vec();
        let sold_out = rows.iter().position(|r| r.status(now).is_available()).expect("something available");
        rows[sold_out].quantity = 0;
        let restocked = rows.iter().position(|r| !r.status(now).is_available()).filter(|&i| i != sold_out);
        if let Some(i) = restocked {
            (rows[i].quantity, rows[i].updated_at, rows[i].disputed) = (10, now, false);
        }
        rows.pop();

        let new = old.with_shelves(vec![(site_id, rows)], 2, now);

        let afresh = Availability::new(&new.data, &new.daily, &new.shelves, now);
        assert_eq!((&new.available.sites, &new.available.ranks), (&afresh.sites, &afresh.ranks), "as counted afresh");
        let counted = new.available.on(hanoi_date(now)).expect("today's counts");
        for (pos, &sites) in counted.iter().enumerate() {
            assert_eq!(sites > 0, new.available_somewhere(pos, now), "product {pos}");
        }
        assert!(new.available.on(hanoi_date(now + chrono::Duration::days(1))).is_none(), "not tomorrow's");
    }

    #[test]
    fn a_shelfs_facts_say_what_its_rows_and_products_say_on_their_day_and_defer_to_them_after() {
        let now = Utc::now();
        let catalog = demo();
        // Far enough ahead that fresh counts have gone stale and some certificates expired.
        let later = now + chrono::Duration::days(400);
        let (mut rows, mut stale, mut expired) = (0, 0, 0);
        for shelf in catalog.shelves.iter() {
            assert_eq!(shelf.facts.len(), shelf.rows.len());
            for (row, facts) in shelf.rows_with_facts() {
                let product = catalog.product(row.product_id).expect("a listed product");
                assert_eq!(&catalog.products[facts.product_pos as usize], product);
                assert_eq!((facts.category, facts.stars), (product.category, product.stars));
                for at in [now, later] {
                    let day = hanoi_date(at);
                    assert_eq!(shelf.status(row, facts, day, at), row.status(at), "row {} of site {}", row.product_id, row.site_id);
                    assert_eq!(shelf.is_certified(&catalog.data, facts, day), product.is_certified(day));
                }
                rows += 1;
                stale += usize::from(row.status(now) != row.status(later));
                expired += usize::from(facts.certified && !product.is_certified(hanoi_date(later)));
            }
        }
        assert!(rows > 1000 && stale > 0 && expired > 0, "{rows} rows, {stale} went stale, {expired} expired");
    }

    #[test]
    fn the_days_orders_can_be_rebuilt_for_a_new_day() {
        let old = demo();
        let tomorrow = Utc::now() + chrono::Duration::days(1);

        let new = old.for_day(tomorrow);

        assert_eq!(new.day(), hanoi_date(tomorrow));
        assert_eq!(new.star_counts(hanoi_date(tomorrow)), old.star_counts(hanoi_date(tomorrow)), "same answer, precomputed or not");
    }
}
