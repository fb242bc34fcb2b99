//! The stock write path: versions refuse stale edits, deltas never lose an update, an invalid
//! number refuses the whole save, and every write is logged for the other instances.

use chrono::Utc;
use ocop_locator::db::changes;
use ocop_locator::db::stock::{StockEdit, StockWriteError, add_product, remove_product, save_stock_take};
use ocop_locator::domain::StockRow;
use ocop_locator::domain::input::FieldProblem;

use crate::catalogue_updates::first_listing;
use crate::helpers::spawn_app;

async fn quantity_in_db(app: &crate::helpers::TestApp, site_id: i64, product_id: i64) -> Option<(i64, i64)> {
    let rows = ocop_locator::db::stock::shelf(&app.state.db, site_id).await.expect("shelf");
    rows.iter().find(|r| r.product_id == product_id).map(|r| (r.quantity, r.version))
}

#[tokio::test]
async fn a_set_over_a_row_changed_since_it_was_seen_comes_back_as_a_conflict_with_the_current_row() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let db = &app.state.db;
    let first = StockEdit::Set { product_id: l.product_id, quantity: 7, seen_version: l.version };
    save_stock_take(db, l.site_id, &[first], "clerk-a", Utc::now()).await.expect("first save");

    let stale = StockEdit::Set { product_id: l.product_id, quantity: 99, seen_version: l.version };
    let outcome = save_stock_take(db, l.site_id, &[stale], "clerk-b", Utc::now()).await.expect("second save");

    assert!(outcome.applied.is_empty());
    assert_eq!(outcome.seq, None, "nothing applied, nothing logged");
    let current = outcome.conflicts[0].current.as_ref().expect("row still there");
    assert_eq!((current.quantity, current.version, current.updated_by.as_str()), (7, l.version + 1, "clerk-a"));
    assert_eq!(quantity_in_db(&app, l.site_id, l.product_id).await, Some((7, l.version + 1)), "theirs is kept");
}

#[tokio::test]
async fn a_stock_take_applies_the_rows_that_do_not_conflict() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let shelf = ocop_locator::db::stock::shelf(&app.state.db, l.site_id).await.expect("shelf");
    let other = shelf.iter().find(|r| r.product_id != l.product_id).expect("a second product");
    let edits = [
        StockEdit::Set { product_id: l.product_id, quantity: 5, seen_version: l.version - 1 },
        StockEdit::Set { product_id: other.product_id, quantity: 12, seen_version: other.version },
    ];

    let outcome = save_stock_take(&app.state.db, l.site_id, &edits, "clerk", Utc::now()).await.expect("save");

    assert_eq!(outcome.conflicts.len(), 1);
    assert_eq!(outcome.applied.iter().map(|r| (r.product_id, r.quantity)).collect::<Vec<_>>(), vec![(other.product_id, 12)]);
    let logged = changes::since(&app.state.db, outcome.seq.expect("logged") - 1, i64::MAX).await.expect("log");
    assert_eq!(logged.len(), 1, "one change logged for the one row applied: {logged:?}");
}

#[tokio::test]
async fn an_invalid_quantity_anywhere_refuses_the_whole_save() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let before = quantity_in_db(&app, l.site_id, l.product_id).await;
    let version_before = changes::position(&app.state.db).await.expect("position").version;
    for bad in [-1, 100_001] {
        let edits = [
            StockEdit::Set { product_id: l.product_id, quantity: 3, seen_version: l.version },
            StockEdit::Set { product_id: l.product_id + 1, quantity: bad, seen_version: 1 },
        ];

        let refused = save_stock_take(&app.state.db, l.site_id, &edits, "clerk", Utc::now()).await;

        assert!(
            matches!(refused, Err(StockWriteError::Invalid { problem: FieldProblem::OutOfRange { min: 0, max: 100_000 }, .. })),
            "{bad}: {refused:?}"
        );
    }
    assert_eq!(quantity_in_db(&app, l.site_id, l.product_id).await, before, "nothing written");
    assert_eq!(changes::position(&app.state.db).await.expect("position").version, version_before, "nothing logged");
}

#[tokio::test]
async fn fifty_concurrent_deltas_lose_nothing() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let set = StockEdit::Set { product_id: l.product_id, quantity: 1_000, seen_version: l.version };
    save_stock_take(&app.state.db, l.site_id, &[set], "clerk", Utc::now()).await.expect("set");

    let sales = (0..50).map(|i| {
        let db = app.state.db.clone();
        let edit = StockEdit::Adjust { product_id: l.product_id, delta: -2 };
        tokio::spawn(async move { save_stock_take(&db, l.site_id, &[edit], &format!("clerk-{i}"), Utc::now()).await })
    });
    for sale in sales.collect::<Vec<_>>() {
        let outcome = sale.await.expect("task").expect("save");
        assert_eq!(outcome.applied.len(), 1);
    }

    assert_eq!(quantity_in_db(&app, l.site_id, l.product_id).await.map(|(q, _)| q), Some(900));
}

#[tokio::test]
async fn a_delta_never_takes_a_count_below_zero() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let edits = [StockEdit::Set { product_id: l.product_id, quantity: 1, seen_version: l.version }];
    save_stock_take(&app.state.db, l.site_id, &edits, "clerk", Utc::now()).await.expect("set");

    let sold = [StockEdit::Adjust { product_id: l.product_id, delta: -2 }];
    save_stock_take(&app.state.db, l.site_id, &sold, "clerk", Utc::now()).await.expect("adjust");

    assert_eq!(quantity_in_db(&app, l.site_id, l.product_id).await.map(|(q, _)| q), Some(0));
}

#[tokio::test]
async fn confirming_a_count_refreshes_its_date_and_keeps_the_number() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let before = app.state.catalog.snapshot().stock_row(l.site_id, l.product_id).expect("row").clone();
    let later = Utc::now() + chrono::Duration::hours(1);

    let confirm = [StockEdit::Confirm { product_id: l.product_id, seen_version: l.version }];
    let outcome = save_stock_take(&app.state.db, l.site_id, &confirm, "clerk", later).await.expect("confirm");

    let row = &outcome.applied[0];
    assert_eq!(row.quantity, before.quantity);
    assert_eq!(row.updated_at.timestamp(), later.timestamp());
    assert_eq!(row.version, before.version + 1);
}

#[tokio::test]
async fn adding_and_removing_a_product_changes_the_showroom_and_where_to_buy() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let catalog = app.state.catalog.snapshot();
    let newcomer = catalog.products.iter().find(|p| catalog.stock_row(l.site_id, p.id).is_none()).expect("an unlisted product");
    let (newcomer_id, newcomer_slug) = (newcomer.id, newcomer.slug.clone());
    let db = &app.state.db;

    add_product(db, l.site_id, newcomer_id, 4, "clerk", Utc::now()).await.expect("add");
    let again = add_product(db, l.site_id, newcomer_id, 4, "clerk", Utc::now()).await;
    app.state.catalog.catch_up(db).await.expect("catch up");

    assert!(matches!(again, Err(StockWriteError::AlreadyListed)), "{again:?}");
    let site = app.json(&format!("/api/v1/sites/{}", l.site_slug)).await;
    assert!(site["stock"].as_array().expect("stock").iter().any(|s| s["product_slug"] == newcomer_slug.as_str()));
    let html = app.page(&format!("/products/{newcomer_slug}"), 200).await;
    assert!(crate::helpers::attrs(&html, "table.outlets a", "href").contains(&format!("/showrooms/{}", l.site_slug)));

    remove_product(db, l.site_id, newcomer_id, "test", Utc::now()).await.expect("remove");
    let twice = remove_product(db, l.site_id, newcomer_id, "test", Utc::now()).await;
    app.state.catalog.catch_up(db).await.expect("catch up");

    assert!(matches!(twice, Err(StockWriteError::NotListed)), "{twice:?}");
    let html = app.page(&format!("/products/{newcomer_slug}"), 200).await;
    assert!(!crate::helpers::attrs(&html, "table.outlets a", "href").contains(&format!("/showrooms/{}", l.site_slug)));
    let unknown = add_product(db, l.site_id, 999_999_999, 1, "clerk", Utc::now()).await;
    assert!(matches!(unknown, Err(StockWriteError::Unknown)), "{unknown:?}");
}

#[tokio::test]
async fn the_same_product_twice_in_one_save_is_refused() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let edits = [
        StockEdit::Set { product_id: l.product_id, quantity: 3, seen_version: l.version },
        StockEdit::Adjust { product_id: l.product_id, delta: 1 },
    ];

    let refused = save_stock_take(&app.state.db, l.site_id, &edits, "clerk", Utc::now()).await;

    assert!(matches!(refused, Err(StockWriteError::Invalid { problem: FieldProblem::Repeated, .. })), "{refused:?}");
}

#[tokio::test]
async fn the_writer_applies_its_own_stock_take_and_shows_it_on_its_next_read() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let before = app.state.catalog.snapshot();
    let edits: Vec<StockEdit> = before
        .stock_at(l.site_id)
        .iter()
        .map(|r| StockEdit::Set { product_id: r.product_id, quantity: 0, seen_version: r.version })
        .collect();

    let outcome = save_stock_take(&app.state.db, l.site_id, &edits, "clerk", Utc::now()).await.expect("save");
    app.state.catalog.apply_stock_take(&app.state.db, l.site_id, &outcome).await.expect("apply");

    let site = app.json(&format!("/api/v1/sites/{}", l.site_slug)).await;
    let stock = site["stock"].as_array().expect("stock");
    assert_eq!(stock.len(), edits.len());
    assert!(stock.iter().all(|s| s["quantity"] == 0 && s["status"] == "out_of_stock"), "{stock:?}");
    assert_eq!(app.state.catalog.snapshot().version, outcome.seq.expect("seq"));
    assert_eq!(app.state.catalog.reloads(), 0);
}

#[tokio::test]
async fn a_stock_take_that_a_later_writers_catch_up_brought_in_is_applied_without_asking_the_database() {
    let app = spawn_app().await;
    let l = first_listing(&app).await;
    let rows = app.state.catalog.snapshot().stock_at(l.site_id).to_vec();
    assert!(rows.len() >= 2, "the first listed site has two rows");
    let set = |row: &StockRow, quantity| [StockEdit::Set { product_id: row.product_id, quantity, seen_version: row.version }];
    let earlier = save_stock_take(&app.state.db, l.site_id, &set(&rows[0], 7), "clerk a", Utc::now()).await.expect("save a");
    let later = save_stock_take(&app.state.db, l.site_id, &set(&rows[1], 8), "clerk b", Utc::now()).await.expect("save b");

    // The later writer applies first: it finds a gap and catches up with both.
    app.state.catalog.apply_stock_take(&app.state.db, l.site_id, &later).await.expect("apply b");
    // With the database gone, the earlier writer can only succeed by seeing it is done.
    app.state.db.pool.close().await;
    app.state.catalog.apply_stock_take(&app.state.db, l.site_id, &earlier).await.expect("apply a without a query");

    let snapshot = app.state.catalog.snapshot();
    assert_eq!(snapshot.version, later.seq.expect("seq"));
    let shelf = snapshot.stock_at(l.site_id);
    let quantity = |product_id| shelf.iter().find(|r| r.product_id == product_id).map(|r| r.quantity);
    assert_eq!((quantity(rows[0].product_id), quantity(rows[1].product_id)), (Some(7), Some(8)));
}

#[tokio::test]
async fn a_stock_take_of_more_rows_than_one_batch_holds_is_logged_and_audited_in_full() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let l = first_listing(&app).await;
    let catalog = app.state.catalog.snapshot();
    let listed: std::collections::HashSet<i64> = catalog.stock_at(l.site_id).iter().map(|r| r.product_id).collect();
    // Grow the shelf past 1,000 rows (the writes' batch size).
    for product in catalog.products.iter().filter(|p| p.active && !listed.contains(&p.id)).take(1_100) {
        add_product(db, l.site_id, product.id, 1, "test", Utc::now()).await.expect("added");
    }
    let rows = ocop_locator::db::stock::shelf(db, l.site_id).await.expect("shelf");
    assert!(rows.len() > 1_000, "{} rows", rows.len());
    let edits: Vec<StockEdit> =
        rows.iter().map(|r| StockEdit::Set { product_id: r.product_id, quantity: 5, seen_version: r.version }).collect();
    let outcome = save_stock_take(db, l.site_id, &edits, "clerk", Utc::now()).await.expect("saved");
    assert_eq!(outcome.applied.len(), rows.len());
    let seq = outcome.seq.expect("logged");
    let logged: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM change_log WHERE seq = $1").bind(seq).fetch_one(&db.pool).await.expect("count");
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'stock.set' AND site_id = $1")
        .bind(l.site_id)
        .fetch_one(&db.pool)
        .await
        .expect("count");
    assert_eq!((logged, audited), (rows.len() as i64, rows.len() as i64));
}
