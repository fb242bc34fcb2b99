//! A whole load into a scratch SQLite file: every row arrives, the progress report adds up, and
//! a second load replaces the first.

use std::sync::Mutex;

use chrono::{TimeZone, Utc};
use sqlx::Row;

use super::{DataSource, LoadProgress, replace_catalogue_with_progress};
use crate::db::Db;
use crate::demo::{NationalSize, generate_national_sized};

/// Remembers each table's announced rows and the rows its statements reported.
#[derive(Default)]
struct Recorder(Mutex<Vec<(String, usize, usize)>>);

impl LoadProgress for Recorder {
    fn table(&self, table: &str, rows: usize) {
        self.0.lock().expect("not poisoned").push((table.to_owned(), rows, 0));
    }

    fn inserted(&self, rows: usize) {
        if let Some(last) = self.0.lock().expect("not poisoned").last_mut() {
            last.2 += rows;
        }
    }
}

/// A SQLite file removed (with its WAL files) when dropped.
struct Scratch(std::path::PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

async fn count(db: &Db, table: &str) -> i64 {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) AS n FROM {table}"))).fetch_one(&db.pool).await.expect("count");
    row.get("n")
}

#[tokio::test]
async fn a_national_load_inserts_every_row_and_reports_every_statement() {
    let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
    let scratch = Scratch(std::env::temp_dir().join(format!("ocop-seed-{}-{nanos}.db", std::process::id())));
    let db = Db::connect(&format!("sqlite://{}", scratch.0.display())).await.expect("connect");
    db.migrate().await.expect("migrate");
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().expect("valid time");
    // Bigger than one statement for every table but the place tables, with a ragged last one.
    let data = generate_national_sized(now, NationalSize { sites: 300, products: 4_000, stock: 30_123 });

    for _ in 0..2 {
        let recorder = Recorder::default();
        replace_catalogue_with_progress(&db, &data, DataSource::Demo, &recorder).await.expect("load");
        let tables = recorder.0.into_inner().expect("not poisoned");
        let expected = [
            ("districts", data.districts.len()),
            ("wards", data.wards.len()),
            ("craft_villages", data.villages.len()),
            ("producers", data.producers.len()),
            ("products", data.products.len()),
            ("sites", data.sites.len()),
            ("stock", data.stock.len()),
        ];
        assert_eq!(tables.len(), expected.len());
        for ((table, announced, inserted), (name, rows)) in tables.iter().zip(expected) {
            assert_eq!((table.as_str(), *announced, *inserted), (name, rows, rows));
            assert_eq!(count(&db, name).await, rows as i64, "{name}");
        }
    }
    let last = data.stock.last().expect("rows");
    let row = sqlx::query("SELECT quantity, updated_at FROM stock WHERE site_id = $1 AND product_id = $2")
        .bind(last.site_id)
        .bind(last.product_id)
        .fetch_one(&db.pool)
        .await
        .expect("the last row is stored");
    assert_eq!((row.get::<i64, _>("quantity"), row.get::<i64, _>("updated_at")), (last.quantity, last.updated_at.timestamp()));
    db.pool.close().await;
}
