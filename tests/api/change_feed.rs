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
async fn a_site_edit_and_stock_takes_in_one_catch_up_are_applied_without_reading_all_the_stock() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let behind = CatalogStore::load(db).await.expect("load");
    let listing = first_listing(&app).await;
    let closed = behind.snapshot().sites.iter().find(|s| s.active && s.id != listing.site_id).map(|s| s.id).expect("a second site");

    churn(db, listing.site_id, 2).await;
    ocop_locator::db::sites::set_active(db, closed, false, "city", Utc::now()).await.expect("close");
    churn(db, listing.site_id, 1).await;
    assert!(behind.catch_up(db).await.expect("catch up"));

    assert_eq!(behind.reloads(), 0, "the reference tables and one shelf read, not a reload");
    let snapshot = behind.snapshot();
    assert!(!snapshot.site(closed).expect("still known").active);
    assert_eq!(snapshot.stock_at(listing.site_id), shelf(db, listing.site_id).await.expect("shelf").as_slice());
    assert_same_stock_as_a_full_load(db, &behind).await;
}

/// Every shelf of `snapshot` holds what a full load from the database holds.
async fn assert_same_stock_as_a_full_load(db: &Db, behind: &CatalogStore) {
    let snapshot = behind.snapshot();
    assert_eq!(snapshot.version, changes::position(db).await.expect("position").version);
    let fresh = CatalogStore::load(db).await.expect("a full load").snapshot();
    assert_eq!(snapshot.stock_len(), fresh.stock_len());
    for site in fresh.sites.iter() {
        assert_eq!(snapshot.stock_at(site.id), fresh.stock_at(site.id), "site {}", site.id);
    }
}

#[tokio::test]
async fn a_product_or_producer_taken_off_every_shelf_elsewhere_leaves_them_here_without_a_reload() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let behind = CatalogStore::load(db).await.expect("load");
    let snapshot = behind.snapshot();
    let listing = first_listing(&app).await;
    let outlets = |catalog: &ocop_locator::catalog::Catalog, product_id: i64| {
        catalog.sites.iter().filter(|s| catalog.stock_at(s.id).iter().any(|r| r.product_id == product_id)).count()
    };
    assert!(outlets(&snapshot, listing.product_id) > 0);
    let producer_id = snapshot.product(listing.product_id).expect("listed").producer_id;
    let other = snapshot
        .products
        .iter()
        .find(|p| p.producer_id != producer_id && outlets(&snapshot, p.id) > 1)
        .expect("a product of another producer on several shelves");

    ocop_locator::db::products::set_active(db, other.id, false, "city", Utc::now()).await.expect("product off");
    ocop_locator::db::makers::set_active::<ocop_locator::db::makers::ProducerFields>(db, producer_id, false, "city", Utc::now())
        .await
        .expect("producer off");
    assert!(behind.catch_up(db).await.expect("catch up"));

    assert_eq!(behind.reloads(), 0, "the reference tables and the emptied shelves read, not a reload");
    let caught_up = behind.snapshot();
    assert_eq!(outlets(&caught_up, other.id), 0, "the deactivated product is on no shelf");
    assert_eq!(outlets(&caught_up, listing.product_id), 0, "nor is the deactivated producer's");
    assert!(!caught_up.product(listing.product_id).expect("still known").active);
    assert_same_stock_as_a_full_load(db, &behind).await;
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
