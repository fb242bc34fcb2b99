//! Rendered responses cached per catalogue snapshot.
//!
//! Rendering a page from memory costs ~50 µs; sending cached bytes costs a few. Because the
//! cache lives inside a snapshot, a write (which swaps the snapshot) drops it without any
//! invalidation logic. Entries also expire at the next Hanoi midnight, when "updated N days
//! ago" and certificate expiry change.

use std::collections::HashMap;
use std::sync::RwLock;

use bytes::Bytes;
use chrono::{DateTime, Duration, Utc};

use crate::domain::{hanoi_date, hanoi_offset};

/// Past this many bytes of cached bodies the cache starts over, bounding memory whatever
/// URLs clients invent.
const MAX_BYTES: usize = 24 * 1024 * 1024;

/// A cached response body.
#[derive(Debug, Clone)]
pub struct CachedPage {
    pub content_type: &'static str,
    pub body: Bytes,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Default)]
pub struct PageCache {
    entries: RwLock<(HashMap<String, CachedPage>, usize)>,
}

impl PageCache {
    /// The cached page for `key`, if still fresh at `now`.
    pub fn get(&self, key: &str, now: DateTime<Utc>) -> Option<CachedPage> {
        let entries = self.entries.read().ok()?;
        entries.0.get(key).filter(|page| now < page.expires_at).cloned()
    }

    pub fn put(&self, key: String, page: CachedPage) {
        let Ok(mut entries) = self.entries.write() else { return };
        let (map, bytes) = &mut *entries;
        if *bytes + page.body.len() > MAX_BYTES {
            map.clear();
            *bytes = 0;
        }
        *bytes += page.body.len();
        if let Some(old) = map.insert(key, page) {
            *bytes -= old.body.len();
        }
    }

    pub fn len(&self) -> usize {
        self.entries.read().map_or(0, |e| e.0.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The next midnight in Hanoi after `now`.
pub fn next_hanoi_midnight(now: DateTime<Utc>) -> DateTime<Utc> {
    let tomorrow = hanoi_date(now) + Duration::days(1);
    tomorrow
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(hanoi_offset()).single())
        .map_or(now + Duration::hours(1), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn midnight_is_hanoi_midnight() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 16, 59, 0).single().expect("valid");
        assert_eq!(next_hanoi_midnight(now), Utc.with_ymd_and_hms(2026, 11, 23, 17, 0, 0).single().expect("valid"));
        let after = Utc.with_ymd_and_hms(2026, 11, 23, 17, 0, 0).single().expect("valid");
        assert_eq!(next_hanoi_midnight(after), Utc.with_ymd_and_hms(2026, 11, 24, 17, 0, 0).single().expect("valid"));
    }

    #[test]
    fn stale_entries_are_not_served_and_size_is_bounded() {
        let cache = PageCache::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).single().expect("valid");
        let page =
            |n: usize| CachedPage { content_type: "text/html", body: Bytes::from(vec![b'x'; n]), expires_at: now + Duration::hours(1) };
        cache.put("/a".into(), page(10));
        assert!(cache.get("/a", now).is_some());
        assert!(cache.get("/a", now + Duration::hours(2)).is_none());
        cache.put("/big".into(), page(MAX_BYTES));
        assert!(cache.get("/a", now).is_none(), "overflow starts the cache over");
        assert_eq!(cache.len(), 1);
    }
}
