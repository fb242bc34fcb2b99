//! One site's stock and a summary of it, so that lists count what each site carries without
//! walking its rows.

use chrono::{DateTime, NaiveDate, Utc};

use super::daily::Daily;
use super::reference::Reference;
use crate::domain::{Category, Stars, StockRow, StockStatus, hanoi_date};

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

/// What a row says on the summary's day and what its product is, kept beside the row: walking
/// a shelf of a hundred rows then reads one small array instead of a hundred rows and a hundred
/// product records scattered in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowFacts {
    /// The product's position in the reference data.
    pub product_pos: u32,
    pub category: Category,
    pub stars: Stars,
    /// The product's certificate is valid on the summary's day.
    pub certified: bool,
    /// The row's status on the summary's day (it changes only at Hanoi midnight).
    pub status: StockStatus,
}

/// A site's rows, ordered by product id, their products (`None` for a row that points
/// nowhere), and their summary for one day.
#[derive(Debug)]
pub struct Shelf {
    pub rows: Vec<StockRow>,
    pub facts: Vec<Option<RowFacts>>,
    pub summary: ShelfSummary,
    /// Positions of the rows that point to a product, with their facts, best shown first on
    /// the summary's day (`shown_first`; equals in product id order): the best few matching a
    /// filter are the first few matching it, found without walking the shelf. The facts are
    /// copied in so that looking for them reads memory in order, not a row here and there.
    pub best_first: Vec<Ranked>,
    /// When each row of `best_first` was last counted, in the same order: what a near-me row
    /// shows of its few products then reads no stock row, and `best_first` stays small to walk.
    pub best_first_counted: Vec<DateTime<Utc>>,
    /// Positions in `best_first` of each category's rows, a category after another (in
    /// `Category::ALL` order), each in `best_first` order: a near-me search for one category
    /// reads its own rows, not the five other categories' between them.
    best_by_category: Vec<u32>,
    /// Where each category starts in `best_by_category`, and where the last ends.
    category_starts: [u32; 7],
}

/// A row in a shelf's `best_first`.
#[derive(Debug, Clone, Copy)]
pub struct Ranked {
    /// The row's position in `rows`.
    pub index: u32,
    pub facts: RowFacts,
}

impl RowFacts {
    /// Which of a shelf's products to show first: available before not, then more stars.
    pub fn shown_first(status: StockStatus, stars: Stars) -> (StockStatus, std::cmp::Reverse<Stars>) {
        (status, std::cmp::Reverse(stars))
    }
}

impl Shelf {
    pub fn new(mut rows: Vec<StockRow>, reference: &Reference, daily: &Daily, now: DateTime<Utc>) -> Shelf {
        rows.sort_by_key(|r| r.product_id);
        let today = hanoi_date(now);
        let facts: Vec<Option<RowFacts>> = rows.iter().map(|row| row_facts(reference, daily, row, today, now)).collect();
        let mut best_first: Vec<Ranked> = (0..rows.len()).filter_map(|i| Some(Ranked { index: i as u32, facts: facts[i]? })).collect();
        // Stable: equals keep product id order.
        best_first.sort_by_key(|r| RowFacts::shown_first(r.facts.status, r.facts.stars));
        let best_first_counted = best_first.iter().map(|r| rows[r.index as usize].updated_at).collect();
        let mut best_by_category: Vec<u32> = (0..best_first.len() as u32).collect();
        // Stable: each category keeps `best_first` order.
        best_by_category.sort_by_key(|&i| category_slot(best_first[i as usize].facts.category));
        let mut category_starts = [0; 7];
        for (slot, start) in category_starts.iter_mut().enumerate() {
            let before = best_by_category.partition_point(|&i| category_slot(best_first[i as usize].facts.category) < slot);
            *start = before as u32;
        }
        let summary = ShelfSummary { day: today, cells: Default::default() };
        let mut shelf = Shelf { rows, facts, summary, best_first, best_first_counted, best_by_category, category_starts };
        shelf.summary = summarise(&shelf, reference, now);
        shelf
    }

    /// Positions in `best_first` of the rows of one category, best first.
    pub fn best_of(&self, category: Category) -> &[u32] {
        let slot = category_slot(category);
        let (start, end) = (self.category_starts[slot] as usize, self.category_starts[slot + 1] as usize);
        self.best_by_category.get(start..end).unwrap_or_default()
    }

    /// Each row that points to a product, with its facts.
    pub fn rows_with_facts(&self) -> impl Iterator<Item = (&StockRow, RowFacts)> {
        self.rows.iter().zip(&self.facts).filter_map(|(row, facts)| facts.map(|f| (row, f)))
    }

    /// Whether the row's product is certified on `today` (from its facts on the summary's day).
    pub fn is_certified(&self, reference: &Reference, facts: RowFacts, today: NaiveDate) -> bool {
        if today == self.summary.day { facts.certified } else { reference.products[facts.product_pos as usize].is_certified(today) }
    }

    /// The row's status at `now`, whose Hanoi day is `today` (from its facts on the summary's
    /// day). The caller works out `today` once for all the rows it walks.
    pub fn status(&self, row: &StockRow, facts: RowFacts, today: NaiveDate, now: DateTime<Utc>) -> StockStatus {
        if today == self.summary.day { facts.status } else { row.status(now) }
    }

    pub fn row(&self, product_id: i64) -> Option<&StockRow> {
        self.rows.binary_search_by_key(&product_id, |r| r.product_id).ok().map(|i| &self.rows[i])
    }

    /// The summary for the day of `now`: the stored one, or one computed on the spot in the
    /// moments between midnight and the day's rebuild.
    pub fn summary_on(&self, reference: &Reference, now: DateTime<Utc>) -> std::borrow::Cow<'_, ShelfSummary> {
        if self.summary.day == hanoi_date(now) {
            std::borrow::Cow::Borrowed(&self.summary)
        } else {
            std::borrow::Cow::Owned(summarise(self, reference, now))
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

fn row_facts(reference: &Reference, daily: &Daily, row: &StockRow, today: NaiveDate, now: DateTime<Utc>) -> Option<RowFacts> {
    let pos = reference.product_position(row.product_id)?;
    let product = &reference.products[pos];
    Some(RowFacts {
        product_pos: pos as u32,
        category: product.category,
        stars: product.stars,
        certified: daily.is_certified(reference, pos, today),
        status: row.status(now),
    })
}

fn summarise(shelf: &Shelf, reference: &Reference, now: DateTime<Utc>) -> ShelfSummary {
    let today = hanoi_date(now);
    let mut cells = [[Tally::default(); 4]; 6];
    for (row, facts) in shelf.rows_with_facts() {
        let certified = shelf.is_certified(reference, facts, today);
        let slot = if certified { usize::from(facts.stars.get()) - 3 } else { EXPIRED_SLOT };
        let cell = &mut cells[category_slot(facts.category)][slot];
        cell.listed += 1;
        cell.available += u32::from(shelf.status(row, facts, today, now).is_available());
    }
    ShelfSummary { day: today, cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn each_category_reads_its_own_rows_of_best_first_in_the_same_order() {
        let start = Utc::now();
        let catalog = Catalog::new(crate::demo::generate(start), 1, true, start);
        let mut seen = 0;
        for shelf in catalog.shelves.iter() {
            for category in Category::ALL {
                let by_hand: Vec<u32> =
                    (0..shelf.best_first.len() as u32).filter(|&i| shelf.best_first[i as usize].facts.category == category).collect();
                assert_eq!(shelf.best_of(category), &by_hand[..], "{category:?}");
                seen += by_hand.len();
            }
            assert_eq!(shelf.best_first_counted.len(), shelf.best_first.len());
            for (ranked, counted) in shelf.best_first.iter().zip(&shelf.best_first_counted) {
                assert_eq!(*counted, shelf.rows[ranked.index as usize].updated_at);
            }
        }
        assert!(seen > 1000, "the demo shelves hold rows of every kind: {seen}");
    }
}
