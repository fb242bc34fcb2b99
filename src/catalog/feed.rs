//! Following the change feed: every instance applies other instances' writes within a second.
//! On PostgreSQL a NOTIFY wakes it at commit; a poll of the log's position catches anything a
//! dropped connection lost, and on SQLite (one process) picks up writes made by a command.

use std::time::Duration;

use chrono::Utc;
use tokio::time::{Instant, MissedTickBehavior, interval};

use super::CatalogStore;
use crate::db::Db;
use crate::db::changes::{self, Notifications, Wake};

/// How often the log's position is read even without a notification: one tiny query.
pub const POLL_EVERY: Duration = Duration::from_millis(500);
/// How often old log rows are pruned, and how many sequence numbers are kept.
const PRUNE_EVERY: Duration = Duration::from_secs(600);
pub const KEEP_CHANGES: i64 = 100_000;

/// Runs until the task is dropped.
pub async fn follow(store: &CatalogStore, db: &Db) {
    let mut ticks = interval(POLL_EVERY);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut notifications: Option<Notifications> = None;
    let mut last_prune = Instant::now();
    loop {
        if notifications.is_none() {
            notifications = Notifications::connect(db)
                .await
                .inspect_err(|error| tracing::warn!(error = format!("{error:#}"), "change listener unavailable; polling"))
                .ok();
        }
        tokio::select! {
            wake = next_wake(&mut notifications) => match wake {
                Ok(Wake::Notified) => {}
                Ok(Wake::Reconnecting) => tracing::info!("change listener reconnecting; reading the log"),
                Err(error) => {
                    tracing::warn!(error = format!("{error:#}"), "change listener failed");
                    notifications = None;
                }
            },
            _ = ticks.tick() => {}
        }
        if let Err(error) = store.catch_up(db).await {
            tracing::warn!(error = format!("{error:#}"), "catching up with the change log failed");
        }
        store.roll_day(Utc::now()).await;
        if last_prune.elapsed() >= PRUNE_EVERY {
            last_prune = Instant::now();
            if let Err(error) = changes::prune(db, KEEP_CHANGES).await {
                tracing::warn!(error = format!("{error:#}"), "pruning the change log failed");
            }
        }
    }
}

async fn next_wake(notifications: &mut Option<Notifications>) -> anyhow::Result<Wake> {
    match notifications {
        Some(n) => n.next().await,
        None => std::future::pending().await,
    }
}
