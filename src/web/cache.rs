//! The page cache: rendered public pages, compressed once, bounded in bytes (keys, bodies and
//! tags all counted), each tagged with the sites and products it shows so that a change evicts
//! only the pages it affects.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use actix_web::http::header::HeaderValue;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use moka::policy::EvictionPolicy;

use crate::catalog::{Change, ChangeListener};

/// What a cached page depends on besides the reference data (whose changes clear everything).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Shows this site's stock.
    Site(i64),
    /// Shows where this product is stocked.
    Product(i64),
    /// Lists sites with counts of what they stock.
    SiteLists,
}

/// One encoding of a page: its bytes and its strong validator (each representation has its
/// own, as RFC 9110 asks).
#[derive(Debug, Clone)]
pub struct Representation {
    pub body: Bytes,
    pub etag: HeaderValue,
}

impl Representation {
    fn weight(&self) -> usize {
        self.body.len() + self.etag.len()
    }
}

/// A compressed encoding a page can be sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Gzip,
    Brotli,
}

impl Coding {
    pub fn name(self) -> &'static str {
        match self {
            Coding::Gzip => "gzip",
            Coding::Brotli => "br",
        }
    }

    fn compress(self, body: &[u8]) -> Bytes {
        match self {
            Coding::Gzip => gzip(body),
            Coding::Brotli => brotli(body),
        }
    }
}

/// A page as cached: its body, compressed the first time an encoding is asked for (most
/// pages are only ever asked for in one), and what validates each.
#[derive(Debug)]
pub struct CachedPage {
    pub content_type: &'static str,
    pub identity: Representation,
    gzip: OnceLock<Representation>,
    brotli: OnceLock<Representation>,
    pub expires_at: DateTime<Utc>,
    pub tags: Vec<Tag>,
    /// Its key carries the shopper's place, when they have one.
    pub by_place: bool,
    /// It may be answered before routing (see `cached::early`).
    pub before_routing: bool,
    /// Tells this entry from a later one under the same key (set on insert).
    serial: u64,
}

impl CachedPage {
    pub fn new(content_type: &'static str, identity: Representation, expires_at: DateTime<Utc>, tags: Vec<Tag>) -> CachedPage {
        CachedPage {
            content_type,
            identity,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            expires_at,
            tags,
            by_place: false,
            before_routing: false,
            serial: 0,
        }
    }

    /// The page in `coding`, compressed now if this is the first time.
    pub fn encoded(&self, coding: Coding) -> &Representation {
        let cell = match coding {
            Coding::Gzip => &self.gzip,
            Coding::Brotli => &self.brotli,
        };
        cell.get_or_init(|| {
            let etag = self.identity.etag.to_str().unwrap_or("\"0\"").trim_end_matches('"');
            let etag = HeaderValue::from_str(&format!("{etag}-{}\"", coding.name())).unwrap_or(HeaderValue::from_static("\"0\""));
            Representation { body: coding.compress(&self.identity.body), etag }
        })
    }

    fn weight(key: &str, page: &CachedPage) -> u32 {
        // Weighed once, at insert, before any compression: both compressed forms are counted
        // as half the body each (they come to a quarter or less), so the bound holds whichever
        // are made later. Per-entry bookkeeping (moka's node, the Arcs, a tag-index slot per
        // tag) is counted generously so that a flood of tiny pages is bounded too.
        const OVERHEAD: usize = 1024;
        let tags = page.tags.len() * (std::mem::size_of::<Tag>() + 64);
        let bytes = key.len() + 2 * page.identity.weight() + tags + OVERHEAD;
        u32::try_from(bytes).unwrap_or(u32::MAX)
    }
}

/// Compresses a body once, for every encoding the cache serves. The result is allocated to
/// its exact size: the cache weighs bytes, and spare capacity would be memory it cannot see.
fn gzip(body: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 4), flate2::Compression::new(6));
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(body);
    encoder.finish().map(exact).unwrap_or_default()
}

fn brotli(body: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(body.len() / 4);
    // A window no larger than the page needs (brotli-rs is several times slower below 2^18).
    let lgwin = (usize::BITS - body.len().max(1).leading_zeros()).clamp(18, 22) as i32;
    let params = brotli::enc::BrotliEncoderParams { quality: 5, lgwin, ..Default::default() };
    match brotli::BrotliCompress(&mut &body[..], &mut out, &params) {
        Ok(_) => exact(out),
        Err(_) => Bytes::new(),
    }
}

/// Bytes that own exactly their length.
fn exact(mut bytes: Vec<u8>) -> Bytes {
    bytes.shrink_to_fit();
    Bytes::from(bytes)
}

type Key = Arc<str>;
/// Which entries (key and serial) carry each tag.
type TagIndex = Arc<Mutex<HashMap<Tag, HashSet<(Key, u64)>>>>;

/// The cache. With a capacity of 0 it holds nothing (every request renders).
pub struct PageCache {
    entries: Option<moka::sync::Cache<Key, Arc<CachedPage>>>,
    tags: TagIndex,
    /// Inserts hold it shared, invalidations exclusively: a page rendered from an older
    /// snapshot can never slip in after the change that made it stale was processed.
    gate: RwLock<()>,
    /// The version of the newest snapshot a change was processed for.
    version: AtomicU64,
    next_serial: AtomicU64,
    evicted_by_changes: AtomicU64,
    answered_early: AtomicU64,
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageCache").field("entries", &self.entry_count()).finish_non_exhaustive()
    }
}

impl PageCache {
    /// A cache holding at most `max_bytes`, least recently used evicted first.
    pub fn new(max_bytes: u64, version: i64) -> PageCache {
        let tags: TagIndex = Arc::default();
        let entries = (max_bytes > 0).then(|| {
            let index = Arc::clone(&tags);
            moka::sync::Cache::builder()
                .max_capacity(max_bytes)
                .eviction_policy(EvictionPolicy::lru())
                .weigher(|key: &Key, page: &Arc<CachedPage>| CachedPage::weight(key, page))
                .eviction_listener(move |key: Arc<Key>, page: Arc<CachedPage>, _cause| {
                    forget(&index, &key, &page);
                })
                .build()
        });
        PageCache {
            entries,
            tags,
            gate: RwLock::new(()),
            version: AtomicU64::new(u64::try_from(version).unwrap_or(0)),
            next_serial: AtomicU64::new(0),
            evicted_by_changes: AtomicU64::new(0),
            answered_early: AtomicU64::new(0),
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.entries.is_some()
    }

    /// The page for `key`, if cached and still fresh at `now`.
    pub fn get(&self, key: &str, now: DateTime<Utc>) -> Option<Arc<CachedPage>> {
        self.entries.as_ref()?.get(key).filter(|page| now < page.expires_at)
    }

    /// Caches a page rendered from the snapshot at `version`, unless a newer snapshot's change
    /// has been processed meanwhile (the page might be stale then).
    pub fn insert(&self, key: &str, mut page: CachedPage, version: i64) {
        let Some(entries) = &self.entries else { return };
        let _shared = self.gate.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        if u64::try_from(version).unwrap_or(0) < self.version.load(Ordering::Acquire) {
            return;
        }
        page.serial = self.next_serial.fetch_add(1, Ordering::Relaxed);
        let key: Key = Arc::from(key);
        {
            let mut index = self.tags.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            for tag in &page.tags {
                index.entry(*tag).or_default().insert((Arc::clone(&key), page.serial));
            }
        }
        let page = Arc::new(page);
        // Outside the index lock: inserting may evict, and the eviction listener takes it.
        entries.insert(key, page);
    }

    /// Evicts the pages a change affects.
    pub fn invalidate(&self, change: &Change, version: i64) {
        let Some(entries) = &self.entries else { return };
        let _exclusive = self.gate.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.version.fetch_max(u64::try_from(version).unwrap_or(0), Ordering::AcqRel);
        let stale: HashSet<(Key, u64)> = match change {
            Change::Everything => {
                self.evicted_by_changes.fetch_add(entries.entry_count(), Ordering::Relaxed);
                entries.invalidate_all();
                self.tags.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
                return;
            }
            Change::Stock { sites, products } => {
                let mut index = self.tags.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let tags = sites.iter().map(|&id| Tag::Site(id)).chain(products.iter().map(|&id| Tag::Product(id))).chain([Tag::SiteLists]);
                tags.filter_map(|tag| index.remove(&tag)).flatten().collect()
            }
        };
        for (key, serial) in stale {
            // A newer entry under the same key carries its own tags; leave it.
            if entries.get(&key).is_some_and(|page| page.serial == serial) {
                entries.invalidate(&key);
                self.evicted_by_changes.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Pages evicted because something they showed changed (not for lack of room).
    pub fn evicted_by_changes(&self) -> u64 {
        self.evicted_by_changes.load(Ordering::Relaxed)
    }

    /// Counts a page answered before routing (see `cached::early`).
    pub fn count_early_answer(&self) {
        self.answered_early.fetch_add(1, Ordering::Relaxed);
    }

    /// Pages answered before routing.
    pub fn answered_early(&self) -> u64 {
        self.answered_early.load(Ordering::Relaxed)
    }

    pub fn entry_count(&self) -> u64 {
        self.entries.as_ref().map_or(0, |e| {
            e.run_pending_tasks();
            e.entry_count()
        })
    }

    /// Bytes held, as weighed (keys, bodies in every encoding, tags).
    pub fn weighted_size(&self) -> u64 {
        self.entries.as_ref().map_or(0, |e| {
            e.run_pending_tasks();
            e.weighted_size()
        })
    }
}

/// Drops an entry that left the cache from the tag index.
fn forget(index: &TagIndex, key: &Key, page: &CachedPage) {
    let mut index = index.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let entry = (Arc::clone(key), page.serial);
    for tag in &page.tags {
        if let Some(keys) = index.get_mut(tag) {
            keys.remove(&entry);
            if keys.is_empty() {
                index.remove(tag);
            }
        }
    }
}

impl ChangeListener for PageCache {
    fn changed(&self, change: &Change, version: i64) {
        self.invalidate(change, version);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::Duration;

    use super::*;

    fn page(body: usize, tags: Vec<Tag>) -> CachedPage {
        let identity = Representation { body: Bytes::from(vec![b'x'; body]), etag: HeaderValue::from_static("\"e\"") };
        CachedPage::new("text/html", identity, Utc::now() + Duration::hours(1), tags)
    }

    fn stock_change(site: i64, product: i64) -> Change {
        Change::Stock { sites: BTreeSet::from([site]), products: BTreeSet::from([product]) }
    }

    #[test]
    fn a_change_evicts_the_tagged_pages_and_nothing_else() {
        let cache = PageCache::new(1 << 20, 1);
        cache.insert("site-1", page(10, vec![Tag::Site(1)]), 1);
        cache.insert("site-2", page(10, vec![Tag::Site(2)]), 1);
        cache.insert("product-7", page(10, vec![Tag::Product(7)]), 1);
        cache.insert("lists", page(10, vec![Tag::SiteLists]), 1);
        cache.insert("home", page(10, Vec::new()), 1);

        cache.invalidate(&stock_change(1, 7), 2);

        let now = Utc::now();
        let kept: Vec<&str> =
            ["site-1", "site-2", "product-7", "lists", "home"].into_iter().filter(|k| cache.get(k, now).is_some()).collect();
        assert_eq!(kept, ["site-2", "home"]);
        assert_eq!(cache.evicted_by_changes(), 3);
    }

    #[test]
    fn a_page_rendered_before_a_processed_change_is_not_cached() {
        let cache = PageCache::new(1 << 20, 1);
        cache.invalidate(&stock_change(1, 7), 2);

        cache.insert("site-1", page(10, vec![Tag::Site(1)]), 1);

        assert!(cache.get("site-1", Utc::now()).is_none());
    }

    #[test]
    fn a_later_entry_under_the_same_key_survives_the_old_ones_eviction() {
        let cache = PageCache::new(1 << 20, 1);
        cache.insert("k", page(10, vec![Tag::Site(1)]), 1);
        cache.insert("k", page(10, vec![Tag::Site(2)]), 1);

        cache.invalidate(&stock_change(1, 0), 2);

        assert!(cache.get("k", Utc::now()).is_some(), "the entry now shows site 2 only");
        cache.invalidate(&stock_change(2, 0), 3);
        assert!(cache.get("k", Utc::now()).is_none());
    }

    #[test]
    fn bytes_held_stay_within_the_bound_whatever_the_keys() {
        let cache = PageCache::new(256 * 1024, 1);
        for i in 0..2_000 {
            let key = format!("{i}-{}", "k".repeat(4096));
            cache.insert(&key, page(1_000, vec![Tag::SiteLists]), 1);
        }

        assert!(cache.weighted_size() <= 256 * 1024, "{}", cache.weighted_size());
        assert!(cache.tags.lock().expect("lock").get(&Tag::SiteLists).map_or(0, HashSet::len) as u64 <= cache.entry_count() + 64);
    }

    #[test]
    fn expired_entries_are_not_served() {
        let cache = PageCache::new(1 << 20, 1);
        cache.insert("k", page(10, Vec::new()), 1);

        assert!(cache.get("k", Utc::now() + Duration::hours(2)).is_none());
    }
}
