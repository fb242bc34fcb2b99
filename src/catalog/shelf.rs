//! One site's stock and a summary of it, so that lists count what each site carries without
//! walking its rows.

use chrono::{DateTime, NaiveDate, Utc};

use super::daily::Daily;
use super::reference::Reference;
use crate::domain::{Category, Stars, StockRow, hanoi_date};

/// Listed and available products in one cell of a shelf summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub listed: u32,
    pub available: u32,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.listed += other.listed;
        self.available += other.available;
    }
}

/// Tallies by category and rating on one day: slots 0–2 hold certified products of 3, 4 and
/// 5 stars, slot 3 those whose certificate has expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShelfSummary {
    pub day: NaiveDate,
    cells: [[Tally; 4]; 6],
}

const EXPIRED_SLOT: usize = 3;

fn category_slot(category: Category) -> usize {
    Category::ALL.iter().position(|c| *c == category).unwrap_or(0)
}

impl ShelfSummary {
    /// Products matching a category and minimum stars (a stars filter admits certified ones only).
    pub fn tally(&self, category: Option<Category>, min_stars: Option<Stars>) -> Tally {
        let mut total = Tally::default();
        for (c, row) in self.cells.iter().enumerate() {
            if category.is_some_and(|wanted| category_slot(wanted) != c) {
                continue;
            }
            for (slot, cell) in row.iter().enumerate() {
                let admitted = match min_stars {
                    None => true,
                    Some(min) => slot != EXPIRED_SLOT && slot + 3 >= usize::from(min.get()),
                };
                if admitted {
                    total += *cell;
                }
            }
        }
        total
    }
}

/// A site's rows, ordered by product id, and their summary for one day.
#[derive(Debug)]
pub struct Shelf {
    pub rows: Vec<StockRow>,
    pub summary: ShelfSummary,
}

impl Shelf {
    pub fn new(mut rows: Vec<StockRow>, reference: &Reference, daily: &Daily, now: DateTime<Utc>) -> Shelf {
        rows.sort_by_key(|r| r.product_id);
        let summary = summarise(&rows, reference, daily, now);
        Shelf { rows, summary }
    }

    pub fn row(&self, product_id: i64) -> Option<&StockRow> {
        self.rows.binary_search_by_key(&product_id, |r| r.product_id).ok().map(|i| &self.rows[i])
    }

    /// The summary for the day of `now`: the stored one, or one computed on the spot in the
    /// moments between midnight and the day's rebuild.
    pub fn summary_on(&self, reference: &Reference, daily: &Daily, now: DateTime<Utc>) -> std::borrow::Cow<'_, ShelfSummary> {
        if self.summary.day == hanoi_date(now) {
            std::borrow::Cow::Borrowed(&self.summary)
        } else {
            std::borrow::Cow::Owned(summarise(&self.rows, reference, daily, now))
        }
    }

    /// Product ids listed in `new` but not here, and listed here but not in `new`.
    pub fn listing_difference(&self, new: &Shelf) -> (Vec<i64>, Vec<i64>) {
        let old_ids: Vec<i64> = self.rows.iter().map(|r| r.product_id).collect();
        let new_ids: Vec<i64> = new.rows.iter().map(|r| r.product_id).collect();
        let added = new_ids.iter().filter(|id| old_ids.binary_search(id).is_err()).copied().collect();
        let removed = old_ids.iter().filter(|id| new_ids.binary_search(id).is_err()).copied().collect();
        (added, removed)
    }
}

fn summarise(rows: &[StockRow], reference: &Reference, daily: &Daily, now: DateTime<Utc>) -> ShelfSummary {
    let today = hanoi_date(now);
    let mut cells = [[Tally::default(); 4]; 6];
    for row in rows {
        let Some(pos) = reference.product_position(row.product_id) else { continue };
        let product = &reference.products[pos];
        let certified = daily.is_certified(reference, pos, today);
        let slot = if certified { usize::from(product.stars.get()) - 3 } else { EXPIRED_SLOT };
        let cell = &mut cells[category_slot(product.category)][slot];
        cell.listed += 1;
        cell.available += u32::from(row.status(now).is_available());
    }
    ShelfSummary { day: today, cells }
}
