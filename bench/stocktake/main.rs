//! Benchmark: how long a clerk's 100-row stock-take takes to show on the next read.
//!
//! Connects to an already seeded database (the national demo network), loads the catalogue like
//! the app does, then repeats: pick a site stocking at least `--rows` products, set that many
//! counts (each `StockEdit::Set` carrying the row version the snapshot shows), and time
//! `save_stock_take` + `CatalogStore::apply_stock_take` (what the writing instance does)
//! together. After each one it checks that the snapshot shows every new count. The first few rounds warm the pool and are not counted.
//!
//! Usage: `stocktake --database-url URL [--iterations 200] [--rows 100] [--warm-up 3]`
//! (`DATABASE_URL` works too). Driven by bench/run, which parses the last line of stdout:
//! `stocktake iterations=N rows=R sites=S load_s=… p50_ms=… p99_ms=… max_ms=… write_p50_ms=…
//! write_p99_ms=… catch_up_p50_ms=… catch_up_p99_ms=…`
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::Utc;
use ocop_locator::catalog::CatalogStore;
use ocop_locator::db::Db;
use ocop_locator::db::stock::{StockEdit, save_stock_take};

struct Options {
    database_url: String,
    iterations: usize,
    rows: usize,
    warm_up: usize,
}

fn options() -> anyhow::Result<Options> {
    let mut options = Options { database_url: std::env::var("DATABASE_URL").unwrap_or_default(), iterations: 200, rows: 100, warm_up: 3 };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--database-url" => options.database_url = value,
            "--iterations" => options.iterations = value.parse().context("--iterations")?,
            "--rows" => options.rows = value.parse().context("--rows")?,
            "--warm-up" => options.warm_up = value.parse().context("--warm-up")?,
            _ => bail!("unknown argument {flag} (usage: stocktake --database-url URL [--iterations N] [--rows N] [--warm-up N])"),
        }
    }
    if options.database_url.is_empty() {
        bail!("give --database-url (or DATABASE_URL)");
    }
    if options.iterations == 0 || options.rows == 0 {
        bail!("--iterations and --rows must be at least 1");
    }
    Ok(options)
}

/// The value at fraction `p` of sorted durations, in milliseconds (nearest rank).
fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1000.0
}

/// A different, valid count: cycles within 0..=999.
fn next_quantity(quantity: i64) -> i64 {
    (quantity + 1).rem_euclid(1000)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = options()?;
    let db = Db::connect(&options.database_url).await.context("connecting to the database")?;
    let started = Instant::now();
    let store = CatalogStore::load(&db).await.context("loading the catalogue")?;
    let load = started.elapsed();

    let sites: Vec<i64> = {
        let catalog = store.snapshot();
        catalog.sites.iter().map(|s| s.id).filter(|&id| catalog.stock_at(id).len() >= options.rows).collect()
    };
    if sites.is_empty() {
        bail!("no site stocks {} or more products: seed the national demo data first", options.rows);
    }

    let (mut totals, mut writes, mut catch_ups) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..options.warm_up + options.iterations {
        // Spread the rounds over the sites, deterministically.
        let site_id = sites[(round * 7919) % sites.len()];
        let (edits, expected): (Vec<StockEdit>, Vec<(i64, i64)>) = store
            .snapshot()
            .stock_at(site_id)
            .iter()
            .take(options.rows)
            .map(|row| {
                let quantity = next_quantity(row.quantity);
                (StockEdit::Set { product_id: row.product_id, quantity, seen_version: row.version }, (row.product_id, quantity))
            })
            .unzip();

        let started = Instant::now();
        let outcome = save_stock_take(&db, site_id, &edits, "bench", Utc::now()).await.context("saving the stock-take")?;
        let written = started.elapsed();
        store.apply_stock_take(&db, site_id, &outcome).await.context("applying the stock-take")?;
        let total = started.elapsed();

        if outcome.applied.len() != edits.len() {
            bail!(
                "site {site_id}: {} of {} edits applied, {} conflicts (is something else writing?)",
                outcome.applied.len(),
                edits.len(),
                outcome.conflicts.len()
            );
        }
        let catalog = store.snapshot();
        for &(product_id, quantity) in &expected {
            match catalog.stock_row(site_id, product_id) {
                Some(row) if row.quantity == quantity => {}
                other => bail!(
                    "site {site_id}, product {product_id}: the next read shows {:?}, not the count just saved ({quantity})",
                    other.map(|r| r.quantity)
                ),
            }
        }
        if round >= options.warm_up {
            totals.push(total);
            writes.push(written);
            catch_ups.push(total - written);
        }
    }

    for samples in [&mut totals, &mut writes, &mut catch_ups] {
        samples.sort_unstable();
    }
    println!(
        "stocktake iterations={} rows={} sites={} load_s={:.2} p50_ms={:.3} p99_ms={:.3} max_ms={:.3} write_p50_ms={:.3} write_p99_ms={:.3} \
         catch_up_p50_ms={:.3} catch_up_p99_ms={:.3}",
        options.iterations,
        options.rows,
        sites.len(),
        load.as_secs_f64(),
        percentile_ms(&totals, 0.50),
        percentile_ms(&totals, 0.99),
        percentile_ms(&totals, 1.0),
        percentile_ms(&writes, 0.50),
        percentile_ms(&writes, 0.99),
        percentile_ms(&catch_ups, 0.50),
        percentile_ms(&catch_ups, 0.99),
    );
    Ok(())
}
