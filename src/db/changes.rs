//! The change log: what each write touched, in commit order, so every app instance can update
//! its read model without reloading it (see migrations/*/20261124000001_change_log.sql).

use anyhow::Context;
use sqlx::postgres::PgListener;
use sqlx::{AnyConnection, FromRow, Row};

use super::batch::Batch;
use super::{Backend, Db};

/// The PostgreSQL channel a committed write notifies; the payload is its sequence number.
const CHANNEL: &str = "ocop_changes";

/// What one write touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Changed {
    /// The whole catalogue was replaced (seed, import): reload everything.
    All,
    /// One stock row (also when it was added or removed).
    Stock {
        site_id: i64,
        product_id: i64,
    },
    Site(i64),
    Product(i64),
    /// A producer or craft village (their stock changes are logged on their own).
    Maker,
}

/// One row of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoggedChange {
    pub seq: i64,
    pub changed: Changed,
}

/// Where the log stands: the newest sequence number and how far it has been pruned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogPosition {
    pub version: i64,
    pub pruned_through: i64,
}

/// Takes the next sequence number inside the caller's transaction. The version row stays
/// locked until commit, so writers take turns and sequence numbers follow commit order; a
/// transaction that then writes nothing must roll back, or the log would have a gap.
pub async fn next_seq(conn: &mut AnyConnection) -> anyhow::Result<i64> {
    let row = sqlx::query("UPDATE catalogue_version SET version = version + 1 WHERE id = 1 RETURNING version")
        .fetch_one(&mut *conn)
        .await
        .context("Failed to bump the catalogue version")?;
    Ok(row.try_get("version")?)
}

/// Logs what the write numbered `seq` touched (one statement) and, on PostgreSQL, notifies the
/// other instances; both take effect at commit.
pub async fn log(conn: &mut AnyConnection, backend: Backend, seq: i64, changes: &[Changed], now: i64) -> anyhow::Result<()> {
    for chunk in changes.chunks(LOG_ROWS_PER_STATEMENT) {
        let mut batch = Batch::new();
        push(&mut batch, seq, chunk, now)?;
        batch.run_one(conn).await.context("Failed to record a change")?;
    }
    let mut batch = Batch::new();
    if let Some(notify) = notify_in(&mut batch, backend, seq)? {
        batch.push(notify);
        batch.run_one(conn).await?;
    }
    Ok(())
}

/// Adds the log's INSERTs to a batch.
pub(super) fn push(batch: &mut Batch, seq: i64, changes: &[Changed], now: i64) -> anyhow::Result<()> {
    for chunk in changes.chunks(LOG_ROWS_PER_STATEMENT) {
        let (seq, now) = (batch.arg(seq)?, batch.arg(now)?);
        let mut rows = Vec::with_capacity(chunk.len());
        for changed in chunk {
            let (entity, site_id, product_id) = match *changed {
                Changed::All => ("all", 0, 0),
                Changed::Stock { site_id, product_id } => ("stock", site_id, product_id),
                Changed::Site(id) => ("site", id, 0),
                Changed::Product(id) => ("product", 0, id),
                Changed::Maker => ("maker", 0, 0),
            };
            rows.push(format!("({seq}, {}, {}, {}, {now})", batch.arg(entity.to_owned())?, batch.arg(site_id)?, batch.arg(product_id)?));
        }
        batch.push(format!("INSERT INTO change_log (seq, entity, site_id, product_id, changed_at) VALUES {}", rows.join(", ")));
    }
    Ok(())
}

/// On PostgreSQL, the query that wakes the other instances at commit (never after a rollback),
/// with the sequence number as payload, bound in `batch`. The number is bound, not written into
/// the text: every write then sends the same statement, which PostgreSQL parses and plans once
/// per connection instead of once per write.
pub(super) fn notify_in(batch: &mut Batch, backend: Backend, seq: i64) -> anyhow::Result<Option<String>> {
    if backend != Backend::Postgres {
        return Ok(None);
    }
    Ok(Some(format!("SELECT pg_notify({}, {})", batch.arg(CHANNEL.to_owned())?, batch.arg(seq.to_string())?)))
}

/// Rows per INSERT into the log: 3 parameters each, well within both backends' limits.
const LOG_ROWS_PER_STATEMENT: usize = 500;

/// `next_seq` and `log` together, for a write that knows what it touches before it starts.
pub async fn record(conn: &mut AnyConnection, backend: Backend, changes: &[Changed], now: i64) -> anyhow::Result<i64> {
    let seq = next_seq(conn).await?;
    log(conn, backend, seq, changes, now).await?;
    Ok(seq)
}

/// The log's newest sequence number and pruning mark; one cheap row, fine to poll.
#[tracing::instrument(skip_all)]
pub async fn position(db: &Db) -> anyhow::Result<LogPosition> {
    let row = sqlx::query("SELECT version, pruned_through FROM catalogue_version WHERE id = 1")
        .fetch_one(&db.pool)
        .await
        .context("Failed to read the change log position")?;
    Ok(LogPosition { version: row.try_get("version")?, pruned_through: row.try_get("pruned_through")? })
}

#[derive(FromRow)]
struct ChangeRow {
    seq: i64,
    entity: String,
    site_id: i64,
    product_id: i64,
}

/// Changes with `after < seq <= up_to`, oldest first.
#[tracing::instrument(skip_all)]
pub async fn since(db: &Db, after: i64, up_to: i64) -> anyhow::Result<Vec<LoggedChange>> {
    let rows =
        sqlx::query_as::<_, ChangeRow>("SELECT seq, entity, site_id, product_id FROM change_log WHERE seq > $1 AND seq <= $2 ORDER BY seq")
            .bind(after)
            .bind(up_to)
            .fetch_all(&db.pool)
            .await
            .context("Failed to read the change log")?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let changed = match r.entity.as_str() {
                "all" => Changed::All,
                "stock" => Changed::Stock { site_id: r.site_id, product_id: r.product_id },
                "site" => Changed::Site(r.site_id),
                "product" => Changed::Product(r.product_id),
                "maker" => Changed::Maker,
                // Written by a newer version of the app: what it touched is unknown here.
                _ => Changed::All,
            };
            LoggedChange { seq: r.seq, changed }
        })
        .collect())
}

/// Deletes log rows older than the newest `keep` sequence numbers and moves the pruning mark,
/// in one transaction. Returns the rows deleted.
#[tracing::instrument(skip_all)]
pub async fn prune(db: &Db, keep: i64) -> anyhow::Result<u64> {
    // Writes only (no read first): on SQLite a transaction that reads before it writes can be
    // refused outright when another writer commits in between.
    let (_turn, mut tx) = db.begin_write().await?;
    let deleted = sqlx::query("DELETE FROM change_log WHERE seq <= (SELECT version FROM catalogue_version WHERE id = 1) - $1")
        .bind(keep.max(0))
        .execute(&mut *tx)
        .await?
        .rows_affected();
    sqlx::query("UPDATE catalogue_version SET pruned_through = version - $1 WHERE id = 1 AND pruned_through < version - $1")
        .bind(keep.max(0))
        .execute(&mut *tx)
        .await?;
    tx.commit().await.context("Failed to prune the change log")?;
    Ok(deleted)
}

/// Wakes the follower when another instance commits (PostgreSQL only; on SQLite the one
/// process applies its own writes and the poll covers anything else).
pub struct Notifications {
    listener: Option<PgListener>,
}

/// Why `Notifications::next` returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// A write committed somewhere.
    Notified,
    /// The connection dropped; notifications may have been lost meanwhile, so read the log.
    Reconnecting,
}

impl Notifications {
    /// Listens on the change channel (a no-op on SQLite).
    pub async fn connect(db: &Db) -> anyhow::Result<Notifications> {
        let listener = match db.backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let mut listener = PgListener::connect(db.url()).await.context("Failed to open the change listener")?;
                listener.listen(CHANNEL).await.context("Failed to LISTEN for changes")?;
                Some(listener)
            }
        };
        Ok(Notifications { listener })
    }

    /// The next wake-up; never returns on SQLite.
    pub async fn next(&mut self) -> anyhow::Result<Wake> {
        let Some(listener) = self.listener.as_mut() else { return std::future::pending().await };
        // try_recv, unlike recv, tells us about a lost connection (it reconnects on the next call).
        match listener.try_recv().await? {
            Some(_) => Ok(Wake::Notified),
            None => Ok(Wake::Reconnecting),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_write_sends_the_same_notify_text_whatever_its_sequence_number() {
        // A number written into the text would make PostgreSQL parse and plan each save's
        // batch afresh (and fill the connection's statement cache with one-off statements).
        let text = |seq| notify_in(&mut Batch::new(), Backend::Postgres, seq).expect("bound").expect("on PostgreSQL");
        assert_eq!(text(1), text(987_654));
        assert!(!text(987_654).contains("987654"));
        assert_eq!(notify_in(&mut Batch::new(), Backend::Sqlite, 1).expect("bound"), None);
    }
}
