//! Questions shoppers ask of the catalogue: which sites, which products, where to buy.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};

use super::daily::Daily;
use super::reference::Searched;
use super::search::Hit;
use super::{Catalog, UNLISTED};
use crate::domain::search::Query;
use crate::domain::{Category, CraftVillage, District, Producer, Product, Site, SiteKind, Stars, StockRow, StockStatus, Ward, hanoi_date};

/// Filters of the site list. Empty filters (the default) match everything.
#[derive(Debug, Clone, Default)]
pub struct SiteFilter {
    pub kind: Option<SiteKind>,
    pub district_id: Option<i64>,
    pub category: Option<Category>,
    pub min_stars: Option<Stars>,
    pub text: Query,
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
    pub text: Query,
}

/// How many records of one kind match, and the best few.
#[derive(Debug)]
pub struct Ranked<T> {
    pub count: usize,
    /// Best first, each with its position among the records of its kind.
    pub best: Vec<(usize, T)>,
}

/// What the search box finds, by kind of record (see `Catalog::search_everywhere`).
#[derive(Debug)]
pub struct FoundEverywhere<'a> {
    pub showrooms: Ranked<&'a Site>,
    pub design_centres: Ranked<&'a Site>,
    pub products: Ranked<&'a Product>,
    pub producers: Ranked<&'a Producer>,
    pub villages: Ranked<&'a CraftVillage>,
    pub districts: Ranked<&'a District>,
    pub wards: Ranked<&'a Ward>,
}

impl FoundEverywhere<'_> {
    /// Every record found, all kinds together.
    pub fn total(&self) -> usize {
        [self.showrooms.count, self.design_centres.count, self.products.count, self.producers.count]
            .into_iter()
            .chain([self.villages.count, self.districts.count, self.wards.count])
            .sum()
    }
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

impl<T> Paged<T> {
    /// Page `page` (clamped to the last) of a whole list, `per_page` at a time.
    pub fn of(all: Vec<T>, page: usize, per_page: usize) -> Paged<T> {
        let span = PageSpan::new(all.len(), page, per_page);
        let items = all.into_iter().skip(span.start).take(per_page).collect();
        span.with(items)
    }
}

/// Where page `page` of `total` items, `per_page` at a time, falls (clamped to the last page).
struct PageSpan {
    total: usize,
    page: usize,
    pages: usize,
    /// Index of the page's first item.
    start: usize,
}

impl PageSpan {
    fn new(total: usize, page: usize, per_page: usize) -> PageSpan {
        let pages = total.div_ceil(per_page.max(1)).max(1);
        let page = page.clamp(1, pages);
        PageSpan { total, page, pages, start: (page - 1) * per_page }
    }

    fn with<T>(self, items: Vec<T>) -> Paged<T> {
        Paged { items, total: self.total, page: self.page, pages: self.pages }
    }
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
    /// The day's orders: precomputed, or computed on the spot between midnight and the rebuild.
    pub(super) fn daily_for(&self, today: NaiveDate) -> Cow<'_, Daily> {
        if self.daily.day == today { Cow::Borrowed(&self.daily) } else { Cow::Owned(Daily::new(&self.data, today)) }
    }

    /// Active sites matching `filter`, by name (Vietnamese order: Đ sorts with D), or best
    /// match first for a text. With a category or stars filter, only sites listing at least
    /// one certified product that matches.
    pub fn sites(&self, filter: &SiteFilter, now: DateTime<Utc>) -> Vec<SiteSummary<'_>> {
        let narrows_products = filter.category.is_some() || filter.min_stars.is_some();
        let order: Vec<usize> = match self.data.search(Searched::Sites, &filter.text) {
            // Hits come best first; equal scores go by name.
            Some(mut hits) => {
                hits.sort_by_key(|h| (std::cmp::Reverse(h.score), self.data.site_name_rank(h.pos as usize)));
                hits.into_iter().map(|h| h.pos as usize).collect()
            }
            None => self.data.sites_by_name().iter().map(|&pos| pos as usize).collect(),
        };
        order
            .into_iter()
            .filter(|&pos| {
                let site = &self.data.sites[pos];
                site.active && filter.kind.is_none_or(|k| site.kind == k) && filter.district_id.is_none_or(|d| site.district_id == d)
            })
            .map(|pos| {
                let tally = self.shelves[pos].summary_on(&self.data, now).tally(filter.category, filter.min_stars);
                SiteSummary { site: &self.data.sites[pos], product_count: tally.listed as usize, available_count: tally.available as usize }
            })
            .filter(|summary| !narrows_products || summary.product_count > 0)
            .collect()
    }

    /// Per kind of site (in `SiteKind::ALL` order): how many active sites match a text, and
    /// the best `k` of them (best match first, then by name), without the shelf counts a list
    /// shows: what a search page needs. One search for both kinds.
    fn best_sites(&self, text: &Query, k: usize) -> [Ranked<&Site>; 2] {
        // One key per match, smaller first: best score, then by name (a name's rank names its site).
        let mut best = [Smallest::new(k), Smallest::new(k)];
        self.data.search_each(Searched::Sites, text, |hit| {
            if let Some((kind, rank)) = self.data.site_search_key(hit.pos as usize) {
                best[kind].offer((u64::from(u32::MAX - hit.score) << 32) | u64::from(rank));
            }
        });
        let by_name = self.data.sites_by_name();
        best.map(|best| Ranked {
            count: best.seen,
            best: best
                .kept
                .into_iter()
                .map(|key| {
                    let pos = by_name[(key & 0xffff_ffff) as usize] as usize;
                    (pos, &self.data.sites[pos])
                })
                .collect(),
        })
    }

    /// What one search box finds across the catalogue: per kind of record, how many match
    /// and the best `shown` (best match first). Only those shown are ranked in full.
    pub fn search_everywhere(&self, query: &Query, shown: usize, now: DateTime<Utc>) -> FoundEverywhere<'_> {
        let [showrooms, design_centres] = self.best_sites(query, shown);
        let filter = ProductFilter { category: None, min_stars: None, district_id: None, text: query.clone() };
        let products = self.products(&filter, 1, shown, now);
        let data = &self.data;
        FoundEverywhere {
            showrooms,
            design_centres,
            products: Ranked {
                count: products.total,
                best: products.items.into_iter().filter_map(|p| Some((data.product_position(p.id)?, p))).collect(),
            },
            producers: self.best_records(Searched::Producers, query, shown, |pos| data.producers.get(pos).filter(|p| p.active)),
            villages: self.best_records(Searched::Villages, query, shown, |pos| data.villages.get(pos).filter(|v| v.active)),
            districts: self.best_records(Searched::Districts, query, shown, |pos| data.districts.get(pos)),
            wards: self.best_records(Searched::Wards, query, shown, |pos| data.wards.get(pos)),
        }
    }

    /// How many records of one kind match and `keep` keeps, and the best `shown` of them (best
    /// first, then in record order).
    fn best_records<'a, T: 'a>(
        &'a self,
        kind: Searched,
        query: &Query,
        shown: usize,
        keep: impl Fn(usize) -> Option<&'a T>,
    ) -> Ranked<&'a T> {
        // One key per match, smaller first: best score, then the record's position.
        let mut best = Smallest::new(shown);
        self.data.search_each(kind, query, |hit| {
            if keep(hit.pos as usize).is_some() {
                best.offer((u64::from(u32::MAX - hit.score) << 32) | u64::from(hit.pos));
            }
        });
        let shown = best.kept.iter().map(|&key| (key & 0xffff_ffff) as usize);
        Ranked { count: best.seen, best: shown.filter_map(|pos| Some((pos, keep(pos)?))).collect() }
    }

    /// Products matching `filter`, best rated first, then by name, `per_page` at a time; for
    /// a text, best match first, then those in stock somewhere, then the same order.
    /// A page past the end is clamped to the last page.
    pub fn products(&self, filter: &ProductFilter, page: usize, per_page: usize, now: DateTime<Utc>) -> Paged<&Product> {
        let daily = self.daily_for(hanoi_date(now));
        let wanted = |entry: &&super::daily::ListEntry| {
            filter.category.is_none_or(|c| entry.category == c)
                && filter.min_stars.is_none_or(|s| entry.stars >= s && entry.certified)
                && filter.district_id.is_none_or(|d| entry.district_id == d)
        };
        if filter.text.is_empty() {
            // One walk counts the matches and keeps the requested page's; only a page past
            // the end needs a second, for the last page.
            let page = page.max(1);
            let (from, to) = ((page - 1).saturating_mul(per_page), page.saturating_mul(per_page));
            let (mut total, mut window) = (0, Vec::with_capacity(per_page));
            for entry in daily.product_list.iter().filter(wanted) {
                if (from..to).contains(&total) {
                    window.push(entry.pos);
                }
                total += 1;
            }
            let span = PageSpan::new(total, page, per_page);
            if span.start != from {
                window = daily.product_list.iter().filter(wanted).skip(span.start).take(per_page).map(|e| e.pos).collect();
            }
            return span.with(window.into_iter().map(|pos| &self.data.products[pos as usize]).collect());
        }
        // Today's ranks, made with today's list (the two are always built for the same day).
        let Some(ranks) = self.available.ranks_on(hanoi_date(now)) else {
            let hits = self.data.search(Searched::Products, &filter.text).unwrap_or_default();
            return self.products_matching_slowly(&daily, hits, &wanted, page, per_page, now);
        };
        let filtered = filter.category.is_some() || filter.min_stars.is_some() || filter.district_id.is_some();
        // One key per match, smaller first: best score, then in stock somewhere, then the
        // list's order. Only the keys up to the page's end are sorted.
        let key_of = |h: Hit| {
            // Available nowhere (the top bit), then the rank in the list (`UNLISTED`: in no
            // list, withdrawn).
            let rank = *ranks.get(h.pos as usize)?;
            if rank == UNLISTED || (filtered && !wanted(&daily.product_list.get(key_rank(u64::from(rank)) as usize)?)) {
                return None;
            }
            Some(match_key(h.score.max(1), rank))
        };
        let end = page.max(1).saturating_mul(per_page);
        if end <= Smallest::MAX_KEPT {
            // A first page or so (the search page's few, a list's first pages): one pass.
            let mut best = Smallest::new(end);
            self.data.search_each(Searched::Products, &filter.text, |h| best.offer_some(key_of(h)));
            let span = PageSpan::new(best.seen, page, per_page);
            let items = best.kept[span.start.min(best.kept.len())..]
                .iter()
                .map(|&key| &self.data.products[daily.product_list[key_rank(key) as usize].pos as usize])
                .collect();
            return span.with(items);
        }
        let mut keys: Vec<u64> = Vec::new();
        self.data.search_each(Searched::Products, &filter.text, |h| keys.extend(key_of(h)));
        let span = PageSpan::new(keys.len(), page, per_page);
        let end = (span.start + per_page).min(keys.len());
        if end < keys.len() && end > 0 {
            keys.select_nth_unstable(end - 1);
        }
        keys.truncate(end);
        keys.sort_unstable();
        let items = keys[span.start.min(end)..]
            .iter()
            .map(|&key| &self.data.products[daily.product_list[key_rank(key) as usize].pos as usize])
            .collect();
        span.with(items)
    }

    /// `products` for a text between Hanoi midnight and the day's rebuild, when what is in
    /// stock somewhere is not counted yet: read off the shelves, for the page's window only.
    fn products_matching_slowly(
        &self,
        daily: &Daily,
        hits: Vec<Hit>,
        wanted: &dyn Fn(&&super::daily::ListEntry) -> bool,
        page: usize,
        per_page: usize,
        now: DateTime<Utc>,
    ) -> Paged<&Product> {
        let mut listed: Vec<(u32, u32)> = hits
            .iter()
            .filter_map(|h| {
                let rank = *daily.list_rank.get(h.pos as usize)?;
                let entry = daily.product_list.get(rank as usize)?;
                wanted(&entry).then_some((rank, h.score.max(1)))
            })
            .collect();
        listed.sort_unstable();
        let ranked: Vec<(u32, u32)> = listed.into_iter().map(|(rank, score)| (score, daily.product_list[rank as usize].pos)).collect();
        let span = PageSpan::new(ranked.len(), page, per_page);
        let window = best_scores(&ranked, span.start + per_page);
        let items = self.page_in_stock_first(&window, span.start, span.start + per_page, now);
        span.with(items.into_iter().map(|pos| &self.data.products[pos as usize]).collect())
    }

    /// Positions `start..end` of `ranked` (best score first) once products in stock somewhere
    /// come first among equal scores. Only the score groups the window touches are looked at,
    /// and those only as far as the window needs: page 1 of "xã" (ten thousand matches of one
    /// score) asks a few dozen shelves, not every one.
    fn page_in_stock_first(&self, ranked: &[(u32, u32)], start: usize, end: usize, now: DateTime<Utc>) -> Vec<u32> {
        let mut page = Vec::with_capacity(end - start);
        let mut offset = 0;
        let counted = self.available.on(hanoi_date(now));
        let available_somewhere = |pos: u32| match counted {
            Some(sites) => sites.get(pos as usize).is_some_and(|&n| n > 0),
            None => self.available_somewhere(pos as usize, now),
        };
        for group in ranked.chunk_by(|a, b| a.0 == b.0) {
            let len = group.len();
            if offset + len <= start {
                offset += len;
                continue;
            }
            if offset >= end {
                break;
            }
            let wanted = (end - offset).min(len);
            let (mut available, mut unavailable) = (Vec::new(), Vec::new());
            for &(_, pos) in group {
                if available.len() >= wanted {
                    break;
                }
                if available_somewhere(pos) { available.push(pos) } else { unavailable.push(pos) }
            }
            // Either enough in stock were found, or the whole group was looked at.
            available.extend(unavailable);
            page.extend(available.into_iter().take(wanted).skip(start.saturating_sub(offset)));
            offset += len;
        }
        page
    }

    /// Whether some active site has the product at `pos` in stock today, read off its shelves.
    pub(super) fn available_somewhere(&self, pos: usize, now: DateTime<Utc>) -> bool {
        let Some(product) = self.data.products.get(pos) else { return false };
        self.outlets[pos].iter().any(|&site_pos| {
            self.data.active_site_kind(site_pos as usize).is_some()
                && self.shelves[site_pos as usize].row(product.id).is_some_and(|row| row.status(now).is_available())
        })
    }

    /// What a site lists, grouped by category (programme order), best rated first in each,
    /// products whose certificate has expired last.
    pub fn listings_by_category(&self, site_id: i64, now: DateTime<Utc>) -> Vec<(Category, Vec<Listing<'_>>)> {
        let daily = self.daily_for(hanoi_date(now));
        let mut listings: Vec<(u32, Listing<'_>)> = self
            .stock_at(site_id)
            .iter()
            .filter_map(|row| {
                let pos = self.data.product_position(row.product_id)?;
                Some((daily.shelf_rank[pos], Listing { product: &self.data.products[pos], row, status: row.status(now) }))
            })
            .collect();
        listings.sort_unstable_by_key(|(rank, _)| *rank);
        let mut groups: Vec<(Category, Vec<Listing<'_>>)> = Vec::new();
        for (_, listing) in listings {
            match groups.last_mut() {
                Some((category, group)) if *category == listing.product.category => group.push(listing),
                _ => groups.push((listing.product.category, vec![listing])),
            }
        }
        groups
    }

    /// Where to buy a product: active sites listing it, available ones first.
    pub fn outlets(&self, product_id: i64, now: DateTime<Utc>) -> Vec<Outlet<'_>> {
        let Some(product_pos) = self.data.product_position(product_id) else { return Vec::new() };
        let mut outlets: Vec<(u32, Outlet<'_>)> = self.outlets[product_pos]
            .iter()
            .filter_map(|&site_pos| {
                let site = &self.data.sites[site_pos as usize];
                let row = self.shelves[site_pos as usize].row(product_id)?;
                site.active.then(|| (self.data.site_name_rank(site_pos as usize), Outlet { site, row, status: row.status(now) }))
            })
            .collect();
        outlets.sort_unstable_by_key(|(rank, o)| (o.status, *rank));
        outlets.into_iter().map(|(_, o)| o).collect()
    }

    /// Active products in the product list (certified or not).
    pub fn product_count(&self, today: NaiveDate) -> usize {
        self.daily_for(today).product_list.len()
    }

    /// Certified products per star level (5, 4, 3) and how many of the 4-star ones are
    /// five-star potential.
    pub fn star_counts(&self, today: NaiveDate) -> StarCounts {
        self.daily_for(today).star_counts
    }
}

/// The smallest few of many keys, and how many were offered: one pass that keeps a short
/// sorted list, where collecting every key to select from would copy thousands of them ("tỉnh"
/// is in nearly every product's text at national scale).
struct Smallest {
    k: usize,
    seen: usize,
    kept: Vec<u64>,
}

impl Smallest {
    /// Past this many, keeping them sorted one by one costs more than selecting.
    const MAX_KEPT: usize = 64;

    fn new(k: usize) -> Smallest {
        Smallest { k, seen: 0, kept: Vec::with_capacity(k + 1) }
    }

    fn offer_some(&mut self, key: Option<u64>) {
        if let Some(key) = key {
            self.offer(key);
        }
    }

    fn offer(&mut self, key: u64) {
        self.seen += 1;
        if self.kept.len() == self.k && self.kept.last().is_none_or(|&worst| key >= worst) {
            return;
        }
        let at = self.kept.partition_point(|&kept| kept < key);
        self.kept.insert(at, key);
        self.kept.truncate(self.k);
    }
}

/// A match's place in a ranked product list as one number (smaller first): the score
/// (higher first), then `rank`, its search rank (available nowhere in the top bit, then its
/// rank in the day's list: see `Availability`).
fn match_key(score: u32, rank: u32) -> u64 {
    (u64::from(u32::MAX - score) << 32) | u64::from(rank)
}

fn key_rank(key: u64) -> u32 {
    (key & 0x7fff_ffff) as u32
}

/// The matches (score, position) in list order that a page ending at `end` can show, best
/// score first and list order within a score: every match scoring at least what the `end`th
/// best scores, so the last score group is whole. Linear in the matches, sorting only the few
/// above that group.
fn best_scores(ranked: &[(u32, u32)], end: usize) -> Vec<(u32, u32)> {
    // Matches score at least 1, so 0 takes them all.
    let threshold = if ranked.len() <= end || end == 0 {
        0
    } else {
        let mut scores: Vec<u32> = ranked.iter().map(|r| r.0).collect();
        *scores.select_nth_unstable_by(end - 1, |a, b| b.cmp(a)).1
    };
    let mut above: Vec<(u32, u32)> = ranked.iter().filter(|r| r.0 > threshold).copied().collect();
    above.sort_by_key(|r| std::cmp::Reverse(r.0));
    above.extend(ranked.iter().filter(|r| r.0 == threshold));
    above
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

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::{Catalog, Paged, ProductFilter, Searched, Smallest, best_scores, hanoi_date};
    use crate::catalog::search::synonyms;
    use crate::domain::search::Query;
    use crate::domain::{Category, Stars};

    #[test]
    fn the_smallest_keys_are_kept_in_order_and_all_are_counted() {
        let mut rng = crate::domain::rng::SeededRng::new(3);
        for k in [0, 1, 8, 64] {
            for n in [0, 5, 8, 100, 2_000] {
                // Few distinct values, so ties are common.
                let keys: Vec<u64> = (0..n).map(|_| rng.below(50) as u64).collect();
                let mut best = Smallest::new(k);
                keys.iter().for_each(|&key| best.offer(key));
                let mut sorted = keys.clone();
                sorted.sort_unstable();
                sorted.truncate(k);
                assert_eq!((best.seen, best.kept), (n, sorted), "k = {k}, n = {n}");
            }
        }
    }

    #[test]
    fn a_text_ranks_products_the_same_with_or_without_the_days_counts() {
        let now = Utc::now();
        // Some products withdrawn: the index still holds them, the lists do not.
        let mut dataset = crate::demo::generate(now);
        dataset.products.iter_mut().step_by(7).for_each(|p| p.active = false);
        let catalog = Catalog::new(dataset, 1, true, now);
        let daily = catalog.daily_for(hanoi_date(now));
        let mut compared = 0;
        for text in ["gốm", "tra", "mật ong", "bat trang", "lụa", "xa", "banh", "sen", "t", "ceramics"] {
            for (category, min_stars) in [(None, None), (Some(Category::Food), None), (None, Some(Stars::FOUR))] {
                let filter = ProductFilter { category, min_stars, district_id: None, text: Query::parse(text, synonyms()) };
                let wanted = |e: &&super::super::daily::ListEntry| {
                    category.is_none_or(|c| e.category == c) && min_stars.is_none_or(|s| e.stars >= s && e.certified)
                };
                // Pages within the one-pass window and past it (8 × 20 keys).
                for page in [1, 2, 7, 20] {
                    let fast = catalog.products(&filter, page, 8, now);
                    let hits = catalog.data.search(Searched::Products, &filter.text).unwrap_or_default();
                    let slow = catalog.products_matching_slowly(&daily, hits, &wanted, page, 8, now);
                    let slugs = |p: &Paged<&crate::domain::Product>| p.items.iter().map(|p| p.slug.clone()).collect::<Vec<_>>();
                    assert_eq!(
                        (slugs(&fast), fast.total, fast.page),
                        (slugs(&slow), slow.total, slow.page),
                        "{text} {category:?} {min_stars:?} p{page}"
                    );
                    compared += usize::from(!fast.items.is_empty());
                }
            }
        }
        assert!(compared > 30, "most of these queries find something: {compared}");
    }

    #[test]
    fn a_whole_list_pages_and_clamps() {
        let paged = Paged::of((1..=7).collect(), 2, 3);
        assert_eq!((paged.items, paged.total, paged.page, paged.pages), (vec![4, 5, 6], 7, 2, 3));
        assert_eq!(Paged::of((1..=7).collect::<Vec<i32>>(), 9, 3).items, [7], "past the end: the last page");
        let empty = Paged::of(Vec::<i32>::new(), 1, 3);
        assert_eq!((empty.total, empty.page, empty.pages), (0, 1, 1));
    }

    #[test]
    fn a_page_window_takes_whole_score_groups_in_list_order() {
        // (score, position) in list order.
        let ranked = [(2, 10), (5, 11), (2, 12), (3, 13), (5, 14), (2, 15), (1, 16)];
        assert_eq!(best_scores(&ranked, 2), [(5, 11), (5, 14)]);
        assert_eq!(best_scores(&ranked, 3), [(5, 11), (5, 14), (3, 13)]);
        assert_eq!(best_scores(&ranked, 4), [(5, 11), (5, 14), (3, 13), (2, 10), (2, 12), (2, 15)], "the last group whole");
        assert_eq!(best_scores(&ranked, 50).len(), 7);
        assert_eq!(best_scores(&[], 8), []);
    }
}
