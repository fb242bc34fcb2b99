//! Every query the app runs. One SQL text serves SQLite and PostgreSQL through `sqlx::Any`,
//! which limits columns to i64, f64 and text (see migrations/); only this module knows which
//! backend is live.

pub mod accounts;
pub mod audit;
mod batch;
mod bulk;
pub mod catalogue;
pub mod changes;
mod edits;
pub mod import;
pub mod makers;
pub mod meta;
pub mod photos;
pub mod products;
pub mod reports;
pub mod searches;
pub mod seed;
pub mod sites;
pub mod stock;

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, ConnectOptions, Executor};

/// Which database engine a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Picks the backend from the URL scheme.
    pub fn from_url(url: &str) -> anyhow::Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite:// or postgres://")
        }
    }
}

/// A connection pool plus the backend it talks to.
#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// Kept for the change listener's own connection; may hold a password, so never printed.
    url: Arc<str>,
    /// SQLite's one writer: this process's write transactions take turns here (see `begin_write`).
    writer: Arc<tokio::sync::Mutex<()>>,
}

/// A write transaction's turn at SQLite (nothing on PostgreSQL): keep it until the commit.
pub type WriteTurn = Option<tokio::sync::OwnedMutexGuard<()>>;

impl fmt::Debug for Db {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Db").field("backend", &self.backend).finish_non_exhaustive()
    }
}

/// How often SQLite's write-ahead log is copied back into the database file.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// Copies SQLite's write-ahead log into the database file twice a second, off every request
/// (each connection's automatic checkpoint is off): left to itself, SQLite checkpoints
/// inside the commit that fills the log, and that save waits for it (a stock-take's p99 was
/// four times its median). PASSIVE never waits for readers or writers. Ends once the pool is closed
/// (or with the runtime; the task's handle keeps the pool open until then).
async fn checkpoint_now_and_then(pool: AnyPool) {
    while !pool.is_closed() {
        tokio::time::sleep(CHECKPOINT_EVERY).await;
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
            if pool.is_closed() {
                break;
            }
            tracing::warn!(error = %e, "SQLite checkpoint failed");
        }
    }
}

/// Any number, the same in every instance: the PostgreSQL advisory lock taken while one
/// instance migrates and seeds an empty database.
const SETUP_LOCK: i64 = 0x0C0F_5E70;

impl Db {
    /// Connects (creating the SQLite file if missing) and sets SQLite up for a web server:
    /// WAL so readers never wait for the writer, foreign keys on, a busy timeout instead of
    /// immediate "database is locked" errors.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        install_default_drivers();
        let backend = Backend::from_url(url)?;
        let (url, max_connections) = match backend {
            Backend::Sqlite if url.contains('?') => (url.to_owned(), 8),
            Backend::Sqlite => (format!("{url}?mode=rwc"), 8),
            Backend::Postgres => (url.to_owned(), 10),
        };
        let mut options = AnyPoolOptions::new().max_connections(max_connections).acquire_timeout(Duration::from_secs(10));
        if backend == Backend::Sqlite {
            options = options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; \
                         PRAGMA wal_autocheckpoint = 0;",
                    )
                    .await?;
                    Ok(())
                })
            });
        }
        // Statement logging would print whole 1,000-row bulk INSERTs (tens of KB) when slow.
        let connect_options = AnyConnectOptions::from_str(&url).context("DATABASE_URL is not a valid URL")?.disable_statement_logging();
        let pool = options.connect_with(connect_options).await.with_context(|| format!("Failed to connect to the {backend:?} database"))?;
        if backend == Backend::Sqlite {
            tokio::spawn(checkpoint_now_and_then(pool.clone()));
        }
        Ok(Db { pool, backend, url: url.into(), writer: Arc::default() })
    }

    /// Begins a transaction that writes. On SQLite, which writes one transaction at a time,
    /// the process's writers first queue for their turn in order: meeting the lock inside
    /// the database instead sends a writer to SQLite's busy handler, which sleeps 1, 2, 5,
    /// 10… ms between tries, so a save behind another waited 10 ms for a lock freed after 1.
    pub async fn begin_write(&self) -> sqlx::Result<(WriteTurn, sqlx::Transaction<'static, sqlx::Any>)> {
        let turn = match self.backend {
            Backend::Sqlite => Some(Arc::clone(&self.writer).lock_owned().await),
            Backend::Postgres => None,
        };
        Ok((turn, self.pool.begin().await?))
    }

    /// The URL this pool connects to.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Runs `setup` (migrate, seed an empty database) while holding a PostgreSQL advisory lock,
    /// so that instances starting together take turns: the first migrates and seeds, the
    /// others then find the work done. SQLite serves one process and needs no lock.
    pub async fn while_locked_for_setup<T>(&self, setup: impl AsyncFnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
        if self.backend == Backend::Sqlite {
            return setup().await;
        }
        let mut conn = self.pool.acquire().await.context("Failed to get a connection for the setup lock")?;
        // Bound as i64: an i32 bind fails on PostgreSQL through Any.
        sqlx::query("SELECT pg_advisory_lock($1)").bind(SETUP_LOCK).execute(&mut *conn).await.context("Failed to take the setup lock")?;
        let result = setup().await;
        let unlocked = sqlx::query("SELECT pg_advisory_unlock($1)").bind(SETUP_LOCK).execute(&mut *conn).await;
        if unlocked.is_err() {
            // A session lock lives as long as its connection: never give this one back to the pool.
            drop(conn.detach());
        }
        result
    }

    /// Applies the migrations for this backend.
    #[tracing::instrument(skip_all)]
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => sqlx::migrate!("migrations/sqlite"),
            Backend::Postgres => sqlx::migrate!("migrations/postgres"),
        };
        migrator.run(&self.pool).await.context("Failed to apply database migrations")
    }

    /// Round-trips to the database (for /healthz).
    pub async fn ping(&self) -> anyhow::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await.context("Database did not answer")?;
        Ok(())
    }
}
