//! The change feed between instances: catching up from the log, reloading when the log was
//! pruned past us, surviving a killed listener, and instances racing to seed one database.

use std::time::Duration;

use chrono::Utc;
use ocop_locator::catalog::CatalogStore;
use ocop_locator::db::changes;
use ocop_locator::db::stock::{StockEdit, save_stock_take, shelf};
use ocop_locator::db::{Backend, Db};

use crate::catalogue_updates::{first_listing, set_quantity, wait_for_status};
use crate::helpers::{fresh_database, spawn_app, spawn_instance, start};

/// Sets every row of one site to `quantity + i` in saves of ten rows; returns the rows changed.
async fn churn(db: &Db, site_id: i64, rounds: i64) -> usize {
    let mut changed = 0;
    for round in 0..rounds {
        let rows = shelf(db, site_id).await.expect("shelf");
        for chunk in rows.chunks(10) {
            let edits: Vec<StockEdit> = chunk
                .iter()
                .map(|r| StockEdit::Set { product_id: r.product_id, quantity: round + r.product_id % 7, seen_version: r.version })
                .collect();
            changed += save_stock_take(db, site_id, &edits, "churn", Utc::now()).await.expect("save").applied.len();
        }
    }
    changed
}

#[tokio::test]
async fn an_instance_behind_by_ten_thousand_changes_catches_up_from_the_log() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let behind = CatalogStore::load(db).await.expect("load");
    let site_id = first_listing(&app).await.site_id;
    let rows = shelf(db, site_id).await.expect("shelf").len() as i64;

    let changed = churn(db, site_id, (10_000 + rows - 1) / rows).await;
    let moved = behind.catch_up(db).await.expect("catch up");

    assert!(changed >= 10_000, "{changed}");
    assert!(moved);
    assert_eq!(behind.reloads(), 0, "replayed, not reloaded");
    assert_eq!(behind.snapshot().version, changes::position(db).await.expect("position").version);
    assert_eq!(behind.snapshot().stock_at(site_id), shelf(db, site_id).await.expect("shelf").as_slice());
}

#[tokio::test]
async fn an_instance_whose_position_was_pruned_reloads() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let behind = CatalogStore::load(db).await.expect("load");
    let listing = first_listing(&app).await;
    set_quantity(&app, &listing, 3).await;
    set_quantity(&app, &listing, 4).await;

    changes::prune(db, 0).await.expect("prune");
    behind.catch_up(db).await.expect("catch up");

    assert_eq!(behind.reloads(), 1);
    assert_eq!(behind.snapshot().stock_row(listing.site_id, listing.product_id).expect("row").quantity, 4);
}

#[tokio::test]
async fn a_second_instance_converges_after_its_listener_is_killed() {
    let first = spawn_app().await;
    if first.state.db.backend != Backend::Postgres {
        return; // LISTEN/NOTIFY is PostgreSQL's; on SQLite one process applies its own writes.
    }
    let second = spawn_instance(&first.url).await;
    let listing = first_listing(&first).await;
    tokio::time::sleep(Duration::from_millis(300)).await; // the listener is up
    let killed =
        sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'")
            .fetch_all(&first.state.db.pool)
            .await
            .expect("terminate");
    assert!(!killed.is_empty(), "the listeners were found and killed");

    set_quantity(&first, &listing, 0).await;

    wait_for_status(&second, &listing, "out_of_stock", Duration::from_secs(1)).await;
    set_quantity(&first, &listing, 50).await;
    wait_for_status(&second, &listing, "in_stock", Duration::from_secs(1)).await;
}

#[tokio::test]
async fn three_instances_starting_at_once_on_an_empty_database_seed_it_once() {
    let (_db, url) = fresh_database().await;
    if !url.starts_with("postgres") {
        return; // Several instances share PostgreSQL; SQLite serves one process.
    }

    let apps = tokio::join!(start(&url, false, 64), start(&url, false, 64), start(&url, false, 64));

    let sites: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sites").fetch_one(&apps.0.state.db.pool).await.expect("count");
    assert_eq!(sites, ocop_locator::demo::generate(Utc::now()).sites.len() as i64);
    for app in [&apps.0, &apps.1, &apps.2] {
        assert_eq!(app.json("/healthz").await["status"], "ok");
    }
}
