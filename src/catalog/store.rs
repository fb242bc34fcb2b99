//! Holds the current catalogue snapshot and replaces it when the database changes.

use std::sync::{Arc, RwLock};

use anyhow::Context;

use super::Catalog;
use crate::db::{self, Db};

/// The live snapshot. Readers clone an `Arc` and never wait for a reload; a reload builds the
/// new snapshot aside and swaps it in.
#[derive(Debug)]
pub struct CatalogStore {
    current: RwLock<Arc<Catalog>>,
    /// Serialises reloads so two of them cannot swap in out of order.
    reloading: tokio::sync::Mutex<()>,
}

impl CatalogStore {
    /// Loads the catalogue from the database.
    pub async fn load(db: &Db) -> anyhow::Result<CatalogStore> {
        let catalog = build(db).await?;
        Ok(CatalogStore { current: RwLock::new(Arc::new(catalog)), reloading: tokio::sync::Mutex::new(()) })
    }

    /// The snapshot to answer one request from.
    pub fn snapshot(&self) -> Arc<Catalog> {
        match self.current.read() {
            Ok(guard) => Arc::clone(&guard),
            // A panic while swapping cannot leave a half-written Arc behind; keep serving.
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Reloads if the database holds a newer version than the snapshot. Call after a write
    /// (so the next read sees it) and periodically (to pick up other instances' writes).
    pub async fn refresh(&self, db: &Db) -> anyhow::Result<bool> {
        let _guard = self.reloading.lock().await;
        let stored = db::catalogue::current_version(db).await?;
        if stored == self.snapshot().version {
            return Ok(false);
        }
        let catalog = build(db).await?;
        let mut current = self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        *current = Arc::new(catalog);
        Ok(true)
    }
}

async fn build(db: &Db) -> anyhow::Result<Catalog> {
    let stored = db::catalogue::load(db).await.context("Failed to load the catalogue")?;
    let started = std::time::Instant::now();
    let catalog = Catalog::new(stored.dataset, stored.version, stored.is_demo);
    tracing::info!(
        version = catalog.version,
        products = catalog.data.products.len(),
        sites = catalog.data.sites.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "catalogue loaded"
    );
    Ok(catalog)
}
