//! The slowly changing part of the catalogue (places, producers, products, sites) and the
//! lookups and orders built once per load: ids, slugs, folded search text, name order,
//! per-district counts.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use chrono::NaiveDateTime;

use rustc_hash::FxHashMap;

use rstar::RTree;
use rstar::primitives::GeomWithData;

use super::search::{Document, Hit, KnownWords, TextIndex, leeway};
use crate::domain::search::Query;
use crate::domain::text::fold;
use crate::domain::{CraftVillage, District, GeoPoint, OpenState, OpeningHours, Producer, Product, Site, SiteKind, Ward};

/// `site_search_key` of a site that is not active (no name rank reaches it).
const INACTIVE: u32 = u32::MAX;
// A site's search key holds its kind in one bit.
const _: () = assert!(SiteKind::ALL.len() <= 2);

/// Everything but the stock, indexed.
#[derive(Debug)]
pub struct Reference {
    pub districts: Vec<District>,
    pub wards: Vec<Ward>,
    pub villages: Vec<CraftVillage>,
    pub producers: Vec<Producer>,
    pub products: Vec<Product>,
    pub sites: Vec<Site>,
    index: Index,
}

#[derive(Debug, Default)]
struct Index {
    district_by_id: FxHashMap<i64, usize>,
    district_by_slug: FxHashMap<String, usize>,
    ward_by_id: FxHashMap<i64, usize>,
    village_by_id: FxHashMap<i64, usize>,
    producer_by_id: FxHashMap<i64, usize>,
    product_by_id: FxHashMap<i64, usize>,
    product_by_slug: FxHashMap<String, usize>,
    site_by_id: FxHashMap<i64, usize>,
    site_by_slug: FxHashMap<String, usize>,
    /// Search indexes, one per kind of record (by position): products by name, then maker,
    /// district, village and description; sites by name, then address, ward, district,
    /// operator and description; makers, villages, districts and wards by name and place.
    product_words: TextIndex,
    site_words: TextIndex,
    producer_words: TextIndex,
    village_words: TextIndex,
    district_words: TextIndex,
    ward_words: TextIndex,
    /// The folded words of all six, for `leeway`.
    known_words: KnownWords,
    /// Folded product names, the tie-breaker of every product order.
    product_folded_name: Vec<String>,
    /// Site positions in Vietnamese name order (Đ sorts with D).
    sites_by_name: Vec<u32>,
    /// District positions in the same order.
    districts_by_name: Vec<u32>,
    /// Each site's place in that order, by position.
    site_name_rank: Vec<u32>,
    /// By position: the site's kind when it is active. A search walking thousands of hits
    /// reads this small array, not the sites themselves.
    active_site_kind: Vec<Option<SiteKind>>,
    /// By position, what a search ranks an active site by, in one number: its kind's place in
    /// `SiteKind::ALL` (top bit), then its name rank; `INACTIVE` when it is not active. A hit
    /// is keyed with one read.
    site_search_key: Vec<u32>,
    /// Active (showrooms, design centres) per former district id, and city-wide.
    active_by_district: HashMap<i64, (usize, usize)>,
    active_total: (usize, usize),
    /// Active sites by position on the unit sphere, for nearest-first walks.
    site_points: SitePoints,
    /// The distinct weekly hours of all sites, and each site's (by position): sites share a
    /// handful, so "open now" is worked out once per schedule, not once per site.
    schedules: Vec<OpeningHours>,
    /// What each schedule says, kept until it changes: every near-me walk asks it of the
    /// same handful of schedules, and working it out walks a week of opening times.
    schedule_states: Vec<Mutex<Option<KnownState>>>,
    /// By position: what a near-me walk reads of each site it passes.
    site_spots: Vec<SiteSpot>,
    /// Active site positions per schedule.
    active_by_schedule: Vec<Vec<u32>>,
    /// Ward positions in name order.
    wards_by_name: Vec<u32>,
}

/// What a near-me walk reads of a site it passes, packed in one small array: a walk meets
/// dozens of sites of ten thousand to keep ten, and the site records (440 bytes each, far
/// apart) were a read from memory or two per site met.
#[derive(Debug, Clone, Copy)]
pub struct SiteSpot {
    pub point: GeoPoint,
    /// Its weekly hours, among `Reference::schedules`.
    pub schedule: u32,
    pub kind: SiteKind,
    /// It has a closure on record (in force or past): only then is the site itself read.
    pub has_closure: bool,
}

/// A schedule's state as worked out at `since`.
#[derive(Debug, Clone, Copy)]
struct KnownState {
    since: NaiveDateTime,
    state: OpenState,
}

/// The kinds of record the search indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Searched {
    Products,
    Sites,
    Producers,
    Villages,
    Districts,
    Wards,
}

impl Searched {
    pub const ALL: [Searched; 6] =
        [Searched::Products, Searched::Sites, Searched::Producers, Searched::Villages, Searched::Districts, Searched::Wards];
}

/// An R*-tree of active site positions (unit vectors, so nearest by chord is nearest by
/// great-circle distance).
#[derive(Default)]
struct SitePoints(RTree<GeomWithData<[f64; 3], u32>>);

impl std::fmt::Debug for SitePoints {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SitePoints({} sites)", self.0.size())
    }
}

/// Id → position. Looked up for every shelf row a page shows, so hashed with Fx rather than
/// SipHash: the keys come from the database, a visitor can only look one up.
fn positions<T>(items: &[T], key: impl Fn(&T) -> i64) -> FxHashMap<i64, usize> {
    items.iter().enumerate().map(|(i, item)| (key(item), i)).collect()
}

fn slug_positions<T>(items: &[T], slug: impl Fn(&T) -> &str) -> FxHashMap<String, usize> {
    items.iter().enumerate().map(|(i, item)| (slug(item).to_owned(), i)).collect()
}

impl Reference {
    pub fn new(
        districts: Vec<District>,
        wards: Vec<Ward>,
        villages: Vec<CraftVillage>,
        producers: Vec<Producer>,
        products: Vec<Product>,
        sites: Vec<Site>,
    ) -> Reference {
        let index = Index {
            district_by_id: positions(&districts, |d| d.id),
            district_by_slug: slug_positions(&districts, |d| &d.slug),
            ward_by_id: positions(&wards, |w| w.id),
            village_by_id: positions(&villages, |v| v.id),
            producer_by_id: positions(&producers, |p| p.id),
            product_by_id: positions(&products, |p| p.id),
            product_by_slug: slug_positions(&products, |p| &p.slug),
            site_by_id: positions(&sites, |s| s.id),
            site_by_slug: slug_positions(&sites, |s| &s.slug),
            product_folded_name: products.iter().map(|p| fold(&p.name)).collect(),
            active_site_kind: sites.iter().map(|s| s.active.then_some(s.kind)).collect(),
            ..Index::default()
        };
        let mut reference = Reference { districts, wards, villages, producers, products, sites, index };
        reference.index.product_words = TextIndex::new(reference.products.iter().map(|p| reference.product_document(p)));
        reference.index.site_words = TextIndex::new(reference.sites.iter().map(|s| reference.site_document(s)));
        reference.index.producer_words = TextIndex::new(reference.producers.iter().map(|p| reference.producer_document(p)));
        reference.index.village_words = TextIndex::new(reference.villages.iter().map(|v| reference.village_document(v)));
        reference.index.district_words =
            TextIndex::new(reference.districts.iter().map(|d| Document { name: d.name.clone(), other: d.full_name() }));
        reference.index.ward_words = TextIndex::new(reference.wards.iter().map(|w| Document {
            name: w.name.clone(),
            other: reference.district(w.district_id).map(|d| d.full_name()).unwrap_or_default(),
        }));
        reference.index.known_words = KnownWords::of(&Searched::ALL.map(|k| reference.words(k)));
        let mut by_name: Vec<(String, u32)> = reference.sites.iter().enumerate().map(|(i, s)| (fold(&s.name), i as u32)).collect();
        by_name.sort();
        reference.index.site_name_rank = vec![0; reference.sites.len()];
        for (rank, (_, pos)) in by_name.iter().enumerate() {
            reference.index.site_name_rank[*pos as usize] = rank as u32;
        }
        reference.index.sites_by_name = by_name.into_iter().map(|(_, pos)| pos).collect();
        reference.index.site_search_key = (reference.sites.iter().zip(&reference.index.site_name_rank))
            .map(|(site, &rank)| match SiteKind::ALL.iter().position(|&k| k == site.kind) {
                Some(kind) if site.active => (kind as u32) << 31 | rank,
                _ => INACTIVE,
            })
            .collect();
        let mut districts: Vec<(String, u32)> = reference.districts.iter().enumerate().map(|(i, d)| (fold(&d.name), i as u32)).collect();
        districts.sort();
        reference.index.districts_by_name = districts.into_iter().map(|(_, pos)| pos).collect();
        let mut schedule_ids: HashMap<&OpeningHours, u32> = HashMap::new();
        let mut schedules = Vec::new();
        let site_spots: Vec<SiteSpot> = reference
            .sites
            .iter()
            .map(|s| SiteSpot {
                point: s.point(),
                schedule: *schedule_ids.entry(&s.hours).or_insert_with(|| {
                    schedules.push(s.hours.clone());
                    schedules.len() as u32 - 1
                }),
                kind: s.kind,
                has_closure: s.closure.is_some(),
            })
            .collect();
        let mut active_by_schedule = vec![Vec::new(); schedules.len()];
        for (pos, spot) in site_spots.iter().enumerate() {
            if reference.sites[pos].active {
                active_by_schedule[spot.schedule as usize].push(pos as u32);
            }
        }
        reference.index.schedule_states = schedules.iter().map(|_| Mutex::new(None)).collect();
        reference.index.schedules = schedules;
        reference.index.site_spots = site_spots;
        reference.index.active_by_schedule = active_by_schedule;
        let mut wards: Vec<(String, u32)> = reference.wards.iter().enumerate().map(|(i, w)| (fold(&w.full_name()), i as u32)).collect();
        wards.sort();
        reference.index.wards_by_name = wards.into_iter().map(|(_, pos)| pos).collect();
        let points =
            reference.sites.iter().enumerate().filter(|(_, s)| s.active).map(|(i, s)| GeomWithData::new(s.point().unit_vector(), i as u32));
        reference.index.site_points = SitePoints(RTree::bulk_load(points.collect()));
        for site in reference.sites.iter().filter(|s| s.active) {
            let add = |counts: &mut (usize, usize)| match site.kind {
                SiteKind::Showroom => counts.0 += 1,
                SiteKind::DesignCentre => counts.1 += 1,
            };
            add(reference.index.active_by_district.entry(site.district_id).or_default());
            add(&mut reference.index.active_total);
        }
        reference
    }

    fn product_document(&self, product: &Product) -> Document {
        let producer = self.producer(product.producer_id);
        let district = producer.and_then(|p| self.district(p.district_id)).map_or("", |d| d.name.as_str());
        let village =
            producer.and_then(|p| p.village_id).and_then(|id| self.village(id)).filter(|v| v.active).map_or("", |v| v.name.as_str());
        let maker = producer.map_or("", |p| p.name.as_str());
        Document {
            name: product.name.clone(),
            other: format!("{maker} {district} {village} {} {}", product.description, product.description_en),
        }
    }

    fn site_document(&self, site: &Site) -> Document {
        let ward = self.ward(site.ward_id).map_or("", |w| w.name.as_str());
        let district = self.district(site.district_id).map_or("", |d| d.name.as_str());
        let operator = site.operator.as_deref().unwrap_or("");
        let other = format!("{} {ward} {district} {operator} {} {}", site.address, site.description, site.description_en);
        Document { name: site.name.clone(), other }
    }

    fn producer_document(&self, producer: &Producer) -> Document {
        let district = self.district(producer.district_id).map_or("", |d| d.name.as_str());
        let village = producer.village_id.and_then(|id| self.village(id)).map_or("", |v| v.name.as_str());
        Document { name: producer.name.clone(), other: format!("{district} {village}") }
    }

    fn village_document(&self, village: &CraftVillage) -> Document {
        let district = self.district(village.district_id).map_or("", |d| d.name.as_str());
        let other = format!("{} {} {district} {} {}", village.craft_vi, village.craft_en, village.description, village.description_en);
        Document { name: village.name.clone(), other }
    }

    pub fn district(&self, id: i64) -> Option<&District> {
        self.index.district_by_id.get(&id).map(|&i| &self.districts[i])
    }

    pub fn district_by_slug(&self, slug: &str) -> Option<&District> {
        self.index.district_by_slug.get(slug).map(|&i| &self.districts[i])
    }

    pub fn ward(&self, id: i64) -> Option<&Ward> {
        self.index.ward_by_id.get(&id).map(|&i| &self.wards[i])
    }

    pub fn village(&self, id: i64) -> Option<&CraftVillage> {
        self.index.village_by_id.get(&id).map(|&i| &self.villages[i])
    }

    pub fn producer(&self, id: i64) -> Option<&Producer> {
        self.index.producer_by_id.get(&id).map(|&i| &self.producers[i])
    }

    pub fn product(&self, id: i64) -> Option<&Product> {
        self.product_position(id).map(|i| &self.products[i])
    }

    pub fn product_by_slug(&self, slug: &str) -> Option<&Product> {
        self.index.product_by_slug.get(slug).map(|&i| &self.products[i])
    }

    pub fn site(&self, id: i64) -> Option<&Site> {
        self.site_position(id).map(|i| &self.sites[i])
    }

    pub fn site_by_slug(&self, slug: &str) -> Option<&Site> {
        self.index.site_by_slug.get(slug).map(|&i| &self.sites[i])
    }

    pub fn product_position(&self, id: i64) -> Option<usize> {
        self.index.product_by_id.get(&id).copied()
    }

    pub fn site_position(&self, id: i64) -> Option<usize> {
        self.index.site_by_id.get(&id).copied()
    }

    /// Records of one kind matching a query, in list order (see `TextIndex::search`); `None`
    /// for an empty query. Whether a word may be unfinished or carry a typo is decided over
    /// every kind of record (see `Leeway`).
    pub fn search(&self, kind: Searched, query: &Query) -> Option<Vec<Hit>> {
        self.words(kind).search(query, &leeway(query, &self.index.known_words))
    }

    /// `search`, each hit handed to `each` in record order; `false` for an empty query.
    pub fn search_each(&self, kind: Searched, query: &Query, each: impl FnMut(Hit)) -> bool {
        self.words(kind).search_each(query, &leeway(query, &self.index.known_words), each)
    }

    /// How many records of this kind there are (active or not): its search index holds one
    /// document each.
    pub fn records(&self, kind: Searched) -> usize {
        self.words(kind).len()
    }

    /// Whether some record of this kind holds the folded word.
    pub fn knows(&self, kind: Searched, folded: &str) -> bool {
        self.words(kind).knows(folded)
    }

    /// The closest word records of this kind hold (see `TextIndex::nearest_word`).
    pub fn nearest_word(&self, kind: Searched, folded: &str) -> Option<(usize, usize, &str)> {
        self.words(kind).nearest_word(folded)
    }

    fn words(&self, kind: Searched) -> &TextIndex {
        match kind {
            Searched::Products => &self.index.product_words,
            Searched::Sites => &self.index.site_words,
            Searched::Producers => &self.index.producer_words,
            Searched::Villages => &self.index.village_words,
            Searched::Districts => &self.index.district_words,
            Searched::Wards => &self.index.ward_words,
        }
    }

    pub(super) fn product_folded_name(&self, pos: usize) -> &str {
        &self.index.product_folded_name[pos]
    }

    pub(super) fn sites_by_name(&self) -> &[u32] {
        &self.index.sites_by_name
    }

    pub(super) fn site_name_rank(&self, pos: usize) -> u32 {
        self.index.site_name_rank[pos]
    }

    /// The kind of the site at this position, `None` when it is not active.
    pub(super) fn active_site_kind(&self, pos: usize) -> Option<SiteKind> {
        self.index.active_site_kind[pos]
    }

    /// The site at this position as a search ranks it: its kind's place in `SiteKind::ALL`
    /// and its name rank, or `None` when it is not active.
    pub(super) fn site_search_key(&self, pos: usize) -> Option<(usize, u32)> {
        let key = *self.index.site_search_key.get(pos)?;
        (key != INACTIVE).then_some(((key >> 31) as usize, key & !(1 << 31)))
    }

    /// Every former district, in Vietnamese name order.
    pub fn districts_by_name(&self) -> impl Iterator<Item = &District> {
        self.index.districts_by_name.iter().map(|&pos| &self.districts[pos as usize])
    }

    /// The district a product comes from (its producer's).
    pub fn product_district(&self, product: &Product) -> Option<&District> {
        self.producer(product.producer_id).and_then(|p| self.district(p.district_id))
    }

    /// The distinct weekly hours of all sites.
    pub fn schedules(&self) -> &[OpeningHours] {
        &self.index.schedules
    }

    /// What the weekly schedule `schedule` says at `local` (Hanoi time), worked out again only
    /// once what it said last has stopped being true.
    pub fn schedule_state(&self, schedule: usize, local: NaiveDateTime) -> OpenState {
        let Some(slot) = self.index.schedule_states.get(schedule) else { return OpenState::Unknown };
        let known = *slot.lock().unwrap_or_else(PoisonError::into_inner);
        // Still true from `since` until it changes; a clock set back asks afresh.
        if let Some(known) = known
            && known.since <= local
            && known.state.changes_at().is_none_or(|change| local < change)
        {
            return known.state;
        }
        let state = OpenState::of_hours(&self.index.schedules[schedule], local);
        *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(KnownState { since: local, state });
        state
    }

    /// What a near-me walk reads of the site at this position.
    pub fn site_spot(&self, site_pos: usize) -> SiteSpot {
        self.index.site_spots[site_pos]
    }

    /// Positions of the active sites keeping one of `schedules`.
    pub fn active_sites_keeping(&self, schedule: usize) -> &[u32] {
        &self.index.active_by_schedule[schedule]
    }

    /// Wards and communes by name.
    pub fn wards_by_name(&self) -> impl Iterator<Item = &Ward> {
        self.index.wards_by_name.iter().map(|&pos| &self.wards[pos as usize])
    }

    /// Positions of active sites, nearest to `from` first (great-circle distance).
    pub fn sites_nearest(&self, from: GeoPoint) -> impl Iterator<Item = usize> + '_ {
        self.index.site_points.0.nearest_neighbor_iter(&from.unit_vector()).map(|p| p.data as usize)
    }

    /// A 2025 unit by its statistics-office code (126 of them: a scan is fine).
    pub fn ward_by_code(&self, code: &str) -> Option<&Ward> {
        self.wards.iter().find(|w| w.code == code)
    }

    pub fn ward_by_slug(&self, slug: &str) -> Option<&Ward> {
        self.wards.iter().find(|w| w.slug == slug)
    }

    pub fn wards_of(&self, district_id: i64) -> impl Iterator<Item = &Ward> {
        self.wards.iter().filter(move |w| w.district_id == district_id)
    }

    /// Active craft villages of a former district.
    pub fn villages_of(&self, district_id: i64) -> impl Iterator<Item = &CraftVillage> {
        self.villages.iter().filter(move |v| v.active && v.district_id == district_id)
    }

    /// Active (showrooms, design centres), city-wide or in one former district.
    pub fn site_counts(&self, district_id: Option<i64>) -> (usize, usize) {
        match district_id {
            None => self.index.active_total,
            Some(id) => self.index.active_by_district.get(&id).copied().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Utc};

    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn a_kept_schedule_state_is_what_the_hours_say_forwards_and_backwards_in_time() {
        let start = Utc::now();
        let catalog = Catalog::new(crate::demo::generate(start), 1, true, start);
        let data = &catalog.data;
        assert!(data.schedules().len() > 1, "the demo keeps several schedules");
        let local = start.with_timezone(&crate::domain::hanoi_offset()).naive_local();
        // Every 17 minutes for eight days, then back again: a clock set back must not reuse a
        // state worked out later.
        let instants: Vec<NaiveDateTime> = (0..8 * 24 * 60 / 17).map(|n| local + Duration::minutes(n * 17)).collect();
        for at in instants.iter().chain(instants.iter().rev()) {
            for (schedule, hours) in data.schedules().iter().enumerate() {
                assert_eq!(data.schedule_state(schedule, *at), OpenState::of_hours(hours, *at), "schedule {schedule} at {at}");
            }
        }
    }
}
