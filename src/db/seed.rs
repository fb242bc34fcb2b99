//! Writing a whole data set: the demo generator's output or, later, an import.

mod progress;
mod tables;
#[cfg(test)]
mod tests;

use anyhow::Context;
use sqlx::{AnyConnection, Row};

use super::changes::{self, Changed};
use super::{Backend, Db};
use crate::domain::Dataset;

pub use progress::TerminalProgress;

/// Where the loaded catalogue came from; `Demo` makes every page show the sample-data notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSource {
    Demo,
    Import,
}

impl DataSource {
    fn key(self) -> &'static str {
        match self {
            DataSource::Demo => "demo",
            DataSource::Import => "import",
        }
    }
}

/// True when no site and no product is stored yet.
#[tracing::instrument(skip_all)]
pub async fn catalogue_is_empty(db: &Db) -> anyhow::Result<bool> {
    let row = sqlx::query("SELECT (SELECT COUNT(*) FROM sites) + (SELECT COUNT(*) FROM products) AS n")
        .fetch_one(&db.pool)
        .await
        .context("Failed to count sites and products")?;
    Ok(row.try_get::<i64, _>("n")? == 0)
}

/// Whether the database has no districts yet (nothing at all was loaded).
pub async fn places_are_empty(db: &Db) -> anyhow::Result<bool> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM districts").fetch_one(&db.pool).await.context("Failed to count districts")?;
    Ok(count == 0)
}

/// Told how a catalogue load advances (`TerminalProgress` draws it); every method defaults to
/// doing nothing.
pub trait LoadProgress: Sync {
    /// A step without rows starts, e.g. clearing the old catalogue or committing.
    fn step(&self, _what: &str) {}
    /// Table `table` starts: `rows` rows to insert.
    fn table(&self, _table: &str, _rows: usize) {}
    /// One more statement of the current table inserted `rows` rows.
    fn inserted(&self, _rows: usize) {}
    /// The load is committed.
    fn finished(&self) {}
}

/// Reports nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl LoadProgress for NoProgress {}

/// Replaces the whole catalogue with `dataset` in one transaction: readers see the old data
/// or the new, never a mix, and a failure leaves the old data untouched.
pub async fn replace_catalogue(db: &Db, dataset: &Dataset, source: DataSource) -> anyhow::Result<()> {
    replace_catalogue_with_progress(db, dataset, source, &NoProgress).await
}

/// `replace_catalogue`, telling `progress` about each table and each statement.
#[tracing::instrument(skip_all, fields(source = source.key()))]
pub async fn replace_catalogue_with_progress(
    db: &Db,
    dataset: &Dataset,
    source: DataSource,
    progress: &dyn LoadProgress,
) -> anyhow::Result<()> {
    progress.step("clearing the old catalogue");
    let (_turn, mut tx) = db.begin_write().await.context("Failed to start the catalogue transaction")?;
    clear_catalogue(&mut tx, db.backend).await?;
    tables::insert_dataset(&mut tx, dataset, progress).await.context("Failed to insert the data set")?;
    progress.step("committing");
    if db.backend == Backend::Postgres {
        // Rows came with their ids; move each identity sequence past them for later inserts.
        for table in ["districts", "wards", "craft_villages", "producers", "products", "sites"] {
            let sql =
                format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut *tx)
                .await
                .with_context(|| format!("Failed to reset the {table} id sequence"))?;
        }
    }
    sqlx::query("DELETE FROM app_meta WHERE key = 'data_source'").execute(&mut *tx).await?;
    sqlx::query("INSERT INTO app_meta (key, value) VALUES ('data_source', $1)").bind(source.key()).execute(&mut *tx).await?;
    changes::record(&mut tx, db.backend, &[Changed::All], chrono::Utc::now().timestamp()).await?;
    tx.commit().await.context("Failed to commit the catalogue")?;
    progress.finished();
    Ok(())
}

/// Empties the catalogue tables, children first. PostgreSQL truncates them: deleting a million
/// stock rows leaves dead index entries that the cascade from `products` and the inserts that
/// follow in the same transaction must wade through (8–10 s of clearing and slower inserts,
/// measured); TRUNCATE is transactional too, but holds an exclusive lock on these tables until
/// commit, so a concurrent full reload waits for the new catalogue instead of reading the old.
/// Clerks' site assignments go with the sites they name.
async fn clear_catalogue(conn: &mut AnyConnection, backend: Backend) -> anyhow::Result<()> {
    const TABLES: [&str; 10] =
        ["account_sites", "reports", "product_photos", "stock", "sites", "products", "producers", "craft_villages", "wards", "districts"];
    if backend == Backend::Postgres {
        let sql = format!("TRUNCATE {}", TABLES.join(", "));
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut *conn).await.context("Failed to clear the catalogue")?;
        return Ok(());
    }
    for table in TABLES {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}")))
            .execute(&mut *conn)
            .await
            .with_context(|| format!("Failed to clear {table}"))?;
    }
    Ok(())
}
