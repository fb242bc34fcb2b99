//! The locator's question: the sites nearest a point that match what the shopper wants,
//! walked nearest first through the spatial index, so no radius is needed and the walk stops
//! as soon as enough sites match.

use chrono::{DateTime, NaiveDateTime, Utc};

use super::reference::Searched;
use super::search::best_first;
use crate::domain::search::{Query, Synonyms};

use super::Catalog;
use super::shelf::RowFacts;
use crate::domain::{
    Category, Closure, GeoPoint, OpenState, Product, Site, SiteKind, Stars, StockRow, StockStatus, hanoi_date, hanoi_offset,
};

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
    /// Its position in the reference data.
    pub pos: usize,
    /// Where it is (as `site` says, read from the walk's packed copy).
    pub point: GeoPoint,
    pub distance_m: f64,
    pub open: OpenState,
    /// The closure in force, if any.
    pub closure: Option<&'a Closure>,
    /// Matching products it lists, and how many of them are available.
    pub listed: u32,
    pub available: u32,
    /// The best few matching products (available first, then by rating).
    pub products: Vec<NearProduct<'a>>,
}

/// A matching product on a site's shelf.
#[derive(Debug)]
pub struct NearProduct<'a> {
    /// Its position in the reference data: a page finds its rendered parts by it, without a
    /// lookup by id that would read the product's record.
    pub pos: u32,
    pub product: &'a Product,
    pub row: &'a StockRow,
    pub status: StockStatus,
    /// When the row was last counted (as `row` says).
    pub updated_at: DateTime<Utc>,
}

/// The sites found, and when the answer may change because a site it saw opens or closes.
#[derive(Debug)]
pub struct NearAnswer<'a> {
    pub sites: Vec<NearSite<'a>>,
    /// The earliest opening or closing (Hanoi local time) among the sites shown and those
    /// passed over as closed: until then the same question gets the same answer.
    pub changes_at: Option<NaiveDateTime>,
}

/// Closed sites passed in a row before checking how much is open at all.
const CLOSED_BEFORE_LOOKING_AROUND: usize = 32;

/// When at most one active site in this many keeps hours that are not closed now (early
/// morning, late evening), the few that may be open are sorted by distance instead of walking
/// the closed ones around them.
const FEW_OPEN_ONE_IN: usize = 16;

/// Products shown on each row of the answer.
const PRODUCTS_PER_SITE: usize = 3;

impl Catalog {
    /// Up to `limit` sites matching `filter`, nearest to `from` first.
    pub fn nearest(&self, from: GeoPoint, filter: &NearFilter, limit: usize, now: DateTime<Utc>) -> NearAnswer<'_> {
        let mut gathering = Gathering::new(self, from, filter, limit, now);
        if let Some(product_id) = filter.product_id {
            // One product's outlets are few next to the network: sort them, not the network.
            let outlets = self.data.product_position(product_id).map_or(&[][..], |pos| &self.outlets[pos][..]);
            let active = outlets.iter().map(|&pos| pos as usize).filter(|&pos| self.data.sites[pos].active);
            return gathering.among(active.collect(), None);
        }
        let mut closed_in_a_row = 0;
        for pos in self.data.sites_nearest(from) {
            if gathering.is_done() {
                break;
            }
            if gathering.consider(pos) == Considered::Closed {
                closed_in_a_row += 1;
                if closed_in_a_row == CLOSED_BEFORE_LOOKING_AROUND
                    && let Some(maybe_open) = gathering.few_maybe_open()
                {
                    // The answer expires no later than the first site it passed over would change.
                    let first_change = gathering.first_change_anywhere();
                    return gathering.among(maybe_open, first_change);
                }
            } else {
                closed_in_a_row = 0;
            }
        }
        gathering.answer()
    }

    /// Active sites whose name, address, ward or district hold every word of `text`, found
    /// through the word index (none for an empty text). No synonyms: this looks for streets.
    pub fn sites_with_words(&self, text: &str) -> Vec<&Site> {
        let Some(hits) = self.data.search(Searched::Sites, &Query::parse(text, &Synonyms::default())) else { return Vec::new() };
        best_first(hits).iter().map(|h| &self.data.sites[h.pos as usize]).filter(|s| s.active).collect()
    }

    /// The best matching products on one site's shelf.
    fn matching_products(&self, site_pos: usize, filter: &NearFilter, now: DateTime<Utc>) -> Vec<NearProduct<'_>> {
        let today = hanoi_date(now);
        let shelf = &self.shelves[site_pos];
        let matching = |row: &StockRow, facts: RowFacts| -> Option<StockStatus> {
            let matches = filter.product_id.is_none_or(|id| row.product_id == id)
                && filter.category.is_none_or(|c| facts.category == c)
                && filter.min_stars.is_none_or(|s| facts.stars >= s && shelf.is_certified(&self.data, facts, today));
            // Off the summary's day the status reads the row: only for a row that matches.
            let status = matches.then(|| shelf.status(row, facts, today, now))?;
            (!filter.in_stock || status.is_available()).then_some(status)
        };
        let product = |facts: RowFacts, row, status, updated_at| NearProduct {
            pos: facts.product_pos,
            product: &self.data.products[facts.product_pos as usize],
            row,
            status,
            updated_at,
        };
        if today == shelf.summary.day {
            // In the order shown: the first few that match are the best few.
            let pick = |i: usize| {
                let ranked = &shelf.best_first[i];
                // A reference to the row, not a read of it: on the summary's day the facts say it all.
                let row = &shelf.rows[ranked.index as usize];
                matching(row, ranked.facts).map(|status| product(ranked.facts, row, status, shelf.best_first_counted[i]))
            };
            return match filter.category {
                Some(category) => shelf.best_of(category).iter().filter_map(|&i| pick(i as usize)).take(PRODUCTS_PER_SITE).collect(),
                None => (0..shelf.best_first.len()).filter_map(pick).take(PRODUCTS_PER_SITE).collect(),
            };
        }
        // Another day than the shelf's (just after midnight): the best few, kept in order while
        // walking the shelf in product id order, so among equals the first met stays first.
        let key = |&(facts, _, status): &(RowFacts, &StockRow, StockStatus)| RowFacts::shown_first(status, facts.stars);
        let mut best: Vec<(RowFacts, &StockRow, StockStatus)> = Vec::with_capacity(PRODUCTS_PER_SITE + 1);
        for (row, facts) in shelf.rows_with_facts() {
            let Some(status) = matching(row, facts) else { continue };
            let candidate = (facts, row, status);
            if best.len() == PRODUCTS_PER_SITE && best.last().is_some_and(|last| key(last) <= key(&candidate)) {
                continue;
            }
            let at = best.partition_point(|b| key(b) <= key(&candidate));
            best.insert(at, candidate);
            best.truncate(PRODUCTS_PER_SITE);
        }
        best.into_iter().map(|(facts, row, status)| product(facts, row, status, row.updated_at)).collect()
    }
}

/// What a walk has seen so far: the sites kept, the earliest change, and "open now" per
/// weekly schedule, worked out when a site keeping it is first met (sites share schedules,
/// and a walk meets few of them).
struct Gathering<'a, 'f> {
    catalog: &'a Catalog,
    from: GeoPoint,
    filter: &'f NearFilter,
    limit: usize,
    now: DateTime<Utc>,
    local: NaiveDateTime,
    by_schedule: Vec<Option<OpenState>>,
    found: Vec<NearSite<'a>>,
    changes_at: Option<NaiveDateTime>,
}

/// What became of a site the walk met.
#[derive(PartialEq)]
enum Considered {
    Kept,
    /// Passed over as closed ("open now" asked).
    Closed,
    /// Passed over for its kind or its shelf.
    Unmatched,
}

impl<'a, 'f> Gathering<'a, 'f> {
    fn new(catalog: &'a Catalog, from: GeoPoint, filter: &'f NearFilter, limit: usize, now: DateTime<Utc>) -> Self {
        let by_schedule = vec![None; catalog.data.schedules().len()];
        let local = now.with_timezone(&hanoi_offset()).naive_local();
        Gathering { catalog, from, filter, limit, now, local, by_schedule, found: Vec::with_capacity(limit), changes_at: None }
    }

    fn is_done(&self) -> bool {
        self.found.len() >= self.limit
    }

    fn open_by(&mut self, schedule: usize) -> OpenState {
        let (data, local) = (&self.catalog.data, self.local);
        *self.by_schedule[schedule].get_or_insert_with(|| data.schedule_state(schedule, local))
    }

    /// Keeps the site at `pos` when it matches, or says why not.
    fn consider(&mut self, pos: usize) -> Considered {
        let (catalog, filter, now) = (self.catalog, self.filter, self.now);
        let spot = catalog.data.site_spot(pos);
        if filter.kind.is_some_and(|k| spot.kind != k) {
            return Considered::Unmatched;
        }
        // The site's record is read only for a closure: most sites have none.
        let site = &catalog.data.sites[pos];
        let closed_for_now = if spot.has_closure { site.closure_state(self.local) } else { None };
        let open = closed_for_now.unwrap_or_else(|| self.open_by(spot.schedule as usize));
        if filter.open_now && matches!(open, OpenState::Closed { .. }) {
            self.changes_at = earliest(self.changes_at, open.changes_at());
            return Considered::Closed;
        }
        let shelf = &catalog.shelves[pos];
        let (listed, available) = match filter.product_id {
            Some(product_id) => match shelf.row(product_id) {
                Some(row) => (1, u32::from(row.status(now).is_available())),
                None => return Considered::Unmatched,
            },
            None => {
                let tally = shelf.summary_on(&catalog.data, now).tally(filter.category, filter.min_stars);
                (tally.listed, tally.available)
            }
        };
        if (filter.narrows_products() && listed == 0) || (filter.in_stock && available == 0) {
            return Considered::Unmatched;
        }
        let products = catalog.matching_products(pos, filter, now);
        self.changes_at = earliest(self.changes_at, open.changes_at());
        let distance_m = self.from.distance_m(&spot.point);
        let closure = closed_for_now.and_then(|_| site.closure_on(self.local.date()));
        self.found.push(NearSite { site, pos, point: spot.point, distance_m, open, closure, listed, available, products });
        Considered::Kept
    }

    /// With "open now" asked: the active sites whose weekly hours are not closed now, when they
    /// are few (the only ones that can match), else `None`.
    fn few_maybe_open(&mut self) -> Option<Vec<usize>> {
        let data = &self.catalog.data;
        let maybe_open: Vec<usize> =
            (0..data.schedules().len()).filter(|&s| !matches!(self.open_by(s), OpenState::Closed { .. })).collect();
        let count: usize = maybe_open.iter().map(|&s| data.active_sites_keeping(s).len()).sum();
        let (showrooms, centres) = data.site_counts(None);
        if count * FEW_OPEN_ONE_IN > showrooms + centres {
            return None;
        }
        Some(maybe_open.iter().flat_map(|&s| data.active_sites_keeping(s)).map(|&pos| pos as usize).collect())
    }

    /// The earliest opening or closing of any weekly schedule.
    fn first_change_anywhere(&mut self) -> Option<NaiveDateTime> {
        (0..self.catalog.data.schedules().len()).filter_map(|s| self.open_by(s).changes_at()).min()
    }

    /// The answer from these candidates alone, nearest first, afresh (a walk's earlier finds
    /// are among them), expiring at `changes_at` at the latest.
    fn among(mut self, candidates: Vec<usize>, changes_at: Option<NaiveDateTime>) -> NearAnswer<'a> {
        self.found.clear();
        self.changes_at = changes_at;
        let from = self.from.unit_vector();
        let data = &self.catalog.data;
        // The spatial index's own measure (squared chord), so the order is the walk's.
        let chord = |pos: usize| {
            let to = data.site_spot(pos).point.unit_vector();
            (0..3).map(|i| (to[i] - from[i]).powi(2)).sum::<f64>()
        };
        let mut keyed: Vec<(f64, usize)> = candidates.into_iter().map(|pos| (chord(pos), pos)).collect();
        keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (_, pos) in keyed {
            if self.is_done() {
                break;
            }
            self.consider(pos);
        }
        self.answer()
    }

    fn answer(self) -> NearAnswer<'a> {
        NearAnswer { sites: self.found, changes_at: self.changes_at }
    }
}

fn earliest(a: Option<NaiveDateTime>, b: Option<NaiveDateTime>) -> Option<NaiveDateTime> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    /// Every active site, nearest first, judged one by one from its own hours and rows, with
    /// its best few matching products (available first, then more stars, then product id).
    fn by_hand(catalog: &Catalog, from: GeoPoint, filter: &NearFilter, limit: usize, now: DateTime<Utc>) -> Vec<(i64, Vec<i64>)> {
        let today = hanoi_date(now);
        let mut sites: Vec<&Site> = catalog.sites.iter().filter(|s| s.active && filter.kind.is_none_or(|k| s.kind == k)).collect();
        sites.sort_by(|a, b| from.distance_m(&a.point()).total_cmp(&from.distance_m(&b.point())));
        let matches = |row: &&StockRow| {
            let product = catalog.product(row.product_id).expect("a listed product");
            filter.product_id.is_none_or(|id| id == product.id)
                && filter.category.is_none_or(|c| product.category == c)
                && filter.min_stars.is_none_or(|s| product.stars >= s && product.is_certified(today))
                && (!filter.in_stock || row.status(now).is_available())
        };
        sites
            .into_iter()
            .filter(|s| !filter.open_now || !matches!(s.open_state(now), OpenState::Closed { .. }))
            .filter_map(|s| {
                let mut rows: Vec<&StockRow> = catalog.stock_at(s.id).iter().filter(matches).collect();
                if filter.narrows_products() && rows.is_empty() {
                    return None;
                }
                rows.sort_by_key(|r| {
                    (RowFacts::shown_first(r.status(now), catalog.product(r.product_id).expect("listed").stars), r.product_id)
                });
                Some((s.id, rows.iter().take(PRODUCTS_PER_SITE).map(|r| r.product_id).collect()))
            })
            .take(limit)
            .collect()
    }

    #[test]
    fn the_nearest_matching_sites_are_those_found_by_hand_at_every_hour_of_a_week() {
        let start = Utc::now();
        let catalog = Catalog::new(crate::demo::generate(start), 1, true, start);
        let product_id = catalog.stock_at(catalog.sites[0].id)[0].product_id;
        let filters = [
            NearFilter::default(),
            NearFilter { open_now: true, ..NearFilter::default() },
            NearFilter {
                category: Some(Category::Herbal),
                min_stars: Stars::new(4),
                in_stock: true,
                open_now: true,
                ..NearFilter::default()
            },
            NearFilter { product_id: Some(product_id), ..NearFilter::default() },
            NearFilter { product_id: Some(product_id), open_now: true, in_stock: true, ..NearFilter::default() },
            NearFilter { kind: Some(SiteKind::DesignCentre), open_now: true, ..NearFilter::default() },
        ];
        let points: Vec<GeoPoint> = catalog.sites.iter().step_by(25).map(|s| GeoPoint { lat: s.lat + 0.01, lon: s.lon - 0.02 }).collect();
        let mut few_open_hours = 0;
        for hour in 0..7 * 24 {
            let now = start + Duration::minutes(hour * 60 + 7);
            for filter in &filters {
                for &from in &points {
                    let answer = catalog.nearest(from, filter, 10, now);
                    let found: Vec<(i64, Vec<i64>)> =
                        answer.sites.iter().map(|s| (s.site.id, s.products.iter().map(|p| p.product.id).collect())).collect();
                    assert_eq!(found, by_hand(&catalog, from, filter, 10, now), "{filter:?} from {from:?} at {now}");
                }
            }
            let mut gathering = Gathering::new(&catalog, points[0], &filters[1], 10, now);
            few_open_hours += usize::from(gathering.few_maybe_open().is_some_and(|open| !open.is_empty()));
        }
        assert!(few_open_hours > 0, "some hours of the week have a few sites open, not none and not many");
    }
}
