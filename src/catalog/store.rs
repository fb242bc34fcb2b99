//! Holds the current catalogue snapshot and moves it forward as the database changes: by
//! applying the change log (a stock change replaces only the shelves it touched; an edit of a
//! site, product, producer or village re-indexes the reference tables with the stock already in
//! memory) or, for bulk replacements and an instance too far behind, by reloading everything.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use anyhow::Context;
use chrono::{DateTime, Utc};

use super::Catalog;
use crate::db::changes::{self, Changed};
use crate::db::stock::StockTakeOutcome;
use crate::db::{self, Db};
use crate::domain::hanoi_date;

/// Further behind than this many changes, reloading beats replaying.
const MAX_REPLAY: i64 = 50_000;

/// What a new snapshot changed, for whoever keeps things derived from the old one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Anything may have changed.
    Everything,
    /// Stock rows changed at these sites, for these products (rows added or removed included).
    Stock { sites: BTreeSet<i64>, products: BTreeSet<i64> },
}

/// Told about every change after the new snapshot is published (e.g. the page cache).
pub trait ChangeListener: Send + Sync {
    /// `version` is the newly published snapshot's.
    fn changed(&self, change: &Change, version: i64);
}

/// The live snapshot. Readers clone an `Arc` and never wait; an update builds the new
/// snapshot aside and swaps it in.
pub struct CatalogStore {
    current: RwLock<Arc<Catalog>>,
    /// Serialises updates so two of them cannot swap in out of order.
    updating: tokio::sync::Mutex<()>,
    listeners: RwLock<Vec<Arc<dyn ChangeListener>>>,
    reloads: AtomicU64,
}

impl std::fmt::Debug for CatalogStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CatalogStore").field("version", &self.snapshot().version).finish_non_exhaustive()
    }
}

impl CatalogStore {
    /// Loads the catalogue from the database.
    pub async fn load(db: &Db) -> anyhow::Result<CatalogStore> {
        let catalog = build(db).await?;
        Ok(CatalogStore {
            current: RwLock::new(Arc::new(catalog)),
            updating: tokio::sync::Mutex::new(()),
            listeners: RwLock::new(Vec::new()),
            reloads: AtomicU64::new(0),
        })
    }

    /// The snapshot to answer one request from.
    pub fn snapshot(&self) -> Arc<Catalog> {
        // A panic while swapping cannot leave a half-written Arc behind; keep serving.
        Arc::clone(&self.current.read().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// Calls `listener` after every published change.
    pub fn subscribe(&self, listener: Arc<dyn ChangeListener>) {
        self.listeners.write().unwrap_or_else(|poisoned| poisoned.into_inner()).push(listener);
    }

    /// Full reloads since start (a catch-up that could apply the log does not count).
    pub fn reloads(&self) -> u64 {
        self.reloads.load(Ordering::Relaxed)
    }

    /// Brings the snapshot up to the database. Call right after a write (so the writer's next
    /// read shows it) and whenever another instance may have written. Returns whether the
    /// snapshot moved.
    pub async fn catch_up(&self, db: &Db) -> anyhow::Result<bool> {
        let _updating = self.updating.lock().await;
        self.catch_up_locked(db).await
    }

    /// Shows this instance's own stock-take on its next read. When nothing else was written
    /// since the snapshot, its rows are applied as they came back from the database (no query);
    /// otherwise this catches up with the log; when the snapshot holds it already, nothing.
    pub async fn apply_stock_take(&self, db: &Db, site_id: i64, outcome: &StockTakeOutcome) -> anyhow::Result<()> {
        let Some(seq) = outcome.seq else { return Ok(()) };
        let _updating = self.updating.lock().await;
        let current = self.snapshot();
        if current.version >= seq {
            // A catch-up for a writer that committed after this one brought it in already:
            // asking the database again would only add a round trip to the clerk's wait.
            return Ok(());
        }
        if current.version != seq - 1 {
            self.catch_up_locked(db).await?;
            return Ok(());
        }
        // The shelf is ordered by product id.
        let mut rows = current.stock_at(site_id).to_vec();
        for new in &outcome.applied {
            if let Ok(at) = rows.binary_search_by_key(&new.product_id, |r| r.product_id) {
                rows[at] = new.clone();
            }
        }
        let products = outcome.applied.iter().map(|r| r.product_id).collect();
        let next = current.with_shelves(vec![(site_id, rows)], seq, Utc::now());
        self.publish(next, &Change::Stock { sites: BTreeSet::from([site_id]), products });
        Ok(())
    }

    async fn catch_up_locked(&self, db: &Db) -> anyhow::Result<bool> {
        let current = self.snapshot();
        let position = changes::position(db).await?;
        if position.version == current.version {
            return Ok(false);
        }
        let behind = position.version - current.version;
        if behind < 0 || current.version < position.pruned_through || behind > MAX_REPLAY {
            // Restored, pruned past us, or too far behind.
            self.reload_locked(db).await?;
            return Ok(true);
        }
        let log = changes::since(db, current.version, position.version).await?;
        let seqs: BTreeSet<i64> = log.iter().map(|c| c.seq).collect();
        let complete = seqs.len() as i64 == behind && seqs.first() == Some(&(current.version + 1));
        if !complete || log.iter().any(|c| c.changed == Changed::All) {
            // A gap in the log, or a bulk replacement (seed, import).
            self.reload_locked(db).await?;
            return Ok(true);
        }
        let mut sites = BTreeSet::new();
        let mut products = BTreeSet::new();
        let mut reference_changed = false;
        for change in &log {
            match change.changed {
                Changed::Stock { site_id, product_id } => {
                    sites.insert(site_id);
                    products.insert(product_id);
                }
                Changed::Site(_) | Changed::Product(_) | Changed::Maker => reference_changed = true,
                Changed::All => {}
            }
        }
        let mut replaced = Vec::with_capacity(sites.len());
        for &site_id in &sites {
            replaced.push((site_id, db::stock::shelf(db, site_id).await?));
        }
        if reference_changed {
            // An edit of a site, product, producer or village: the reference tables are read
            // again and indexed with the stock already in memory; only the shelves the log names
            // are read (a deactivated product's emptied shelves are logged as stock changes).
            let started = std::time::Instant::now();
            let reference = db::catalogue::load_reference(db).await?;
            let next = current.with_reference(reference.dataset, replaced, position.version, Utc::now());
            tracing::info!(version = next.version, elapsed_ms = started.elapsed().as_millis() as u64, "reference data reloaded");
            self.publish(next, &Change::Everything);
            return Ok(true);
        }
        let next = current.with_shelves(replaced, position.version, Utc::now());
        self.publish(next, &Change::Stock { sites, products });
        Ok(true)
    }

    /// Reloads everything from the database (after a bulk replacement).
    pub async fn reload(&self, db: &Db) -> anyhow::Result<()> {
        let _updating = self.updating.lock().await;
        self.reload_locked(db).await
    }

    async fn reload_locked(&self, db: &Db) -> anyhow::Result<()> {
        let catalog = build(db).await?;
        self.reloads.fetch_add(1, Ordering::Relaxed);
        self.publish(catalog, &Change::Everything);
        Ok(())
    }

    /// After Hanoi midnight, recomputes what depends on the date. Returns whether it did.
    pub async fn roll_day(&self, now: DateTime<Utc>) -> bool {
        let _updating = self.updating.lock().await;
        let current = self.snapshot();
        if current.day() == hanoi_date(now) {
            return false;
        }
        self.publish(current.for_day(now), &Change::Everything);
        true
    }

    fn publish(&self, catalog: Catalog, change: &Change) {
        let version = catalog.version;
        *self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(catalog);
        let listeners = self.listeners.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        for listener in listeners {
            listener.changed(change, version);
        }
    }
}

async fn build(db: &Db) -> anyhow::Result<Catalog> {
    let stored = db::catalogue::load(db).await.context("Failed to load the catalogue")?;
    let started = std::time::Instant::now();
    let catalog = Catalog::new(stored.dataset, stored.version, stored.is_demo, Utc::now());
    tracing::info!(
        version = catalog.version,
        products = catalog.products.len(),
        sites = catalog.sites.len(),
        stock = catalog.stock_len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "catalogue loaded"
    );
    Ok(catalog)
}
