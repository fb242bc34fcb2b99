//! Benchmark: the search box's own work in process, at national scale.
//!
//! Connects to an already seeded database (the national demo network), loads the catalogue like
//! the app does, then times what `/search?q=` computes before it renders: parsing the query
//! (`Query::parse` with the synonyms) and `Catalog::search_everywhere` (every kind of record
//! counted, the best 8 of each ranked). The queries are figure 7's, from the `kinds.tsv` that
//! `bench/helper.py gen-search-urls` writes (`kind<TAB>/search?q=…` per line); those the page
//! answers without searching (fewer than two letters or digits) are left out. Each query is timed
//! `--rounds` times after one uncounted pass, and its fastest time counts: on a shared machine a
//! burst elsewhere then moves no query. This is the part of figure 7 that wrk's noise and the
//! kernel do not blur, for comparing two builds.
//!
//! Usage: `search --database-url URL --queries KINDS_TSV [--rounds 5] [--slowest N]`
//! (`DATABASE_URL` works too; `--slowest` lists that many of the slowest queries on stderr,
//! with how many records each finds). Driven by bench/run, which parses the last line of
//! stdout: `search queries=N skipped=N load_s=… mean_us=… p50_us=… p99_us=… max_us=…
//! kinds=word:320:9.1;…` (per kind: its queries and mean µs; spaces in a kind's name are
//! written as `_`).
use std::hint::black_box;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::Utc;
use ocop_locator::catalog::CatalogStore;
use ocop_locator::catalog::search::synonyms;
use ocop_locator::db::Db;
use ocop_locator::domain::search::Query;

/// The search page shows this many of each kind (as `/search` does).
const SHOWN: usize = 8;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Options {
    database_url: String,
    queries: String,
    rounds: usize,
    /// How many of the slowest queries to list on stderr (0: none).
    slowest: usize,
}

fn options() -> anyhow::Result<Options> {
    let mut options =
        Options { database_url: std::env::var("DATABASE_URL").unwrap_or_default(), queries: String::new(), rounds: 5, slowest: 0 };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--database-url" => options.database_url = value,
            "--queries" => options.queries = value,
            "--rounds" => options.rounds = value.parse().context("--rounds")?,
            "--slowest" => options.slowest = value.parse().context("--slowest")?,
            _ => bail!("unknown argument {flag} (usage: search --database-url URL --queries KINDS_TSV [--rounds N] [--slowest N])"),
        }
    }
    if options.database_url.is_empty() || options.queries.is_empty() {
        bail!("give --database-url (or DATABASE_URL) and --queries");
    }
    if options.rounds == 0 {
        bail!("--rounds must be at least 1");
    }
    Ok(options)
}

/// (kind, query text) of every line of `kinds.tsv`.
fn read_queries(path: &str) -> anyhow::Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    text.lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (kind, path) = line.split_once('\t').with_context(|| format!("no tab in {line:?}"))?;
            let query = path.split_once('?').map_or("", |(_, query)| query);
            let q = form_urlencoded::parse(query.as_bytes()).find(|(name, _)| name == "q").map(|(_, q)| q.into_owned());
            Ok((kind.to_owned(), q.with_context(|| format!("no q= in {path:?}"))?))
        })
        .collect()
}

/// The value at fraction `p` of sorted durations, in microseconds (nearest rank).
fn percentile_us(sorted: &[Duration], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1e6
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = options()?;
    let all = read_queries(&options.queries)?;
    // As the page: fewer than two letters or digits is "too short", answered without a search.
    let (queries, skipped): (Vec<_>, Vec<_>) = all.into_iter().partition(|(_, q)| q.chars().filter(|c| c.is_alphanumeric()).count() >= 2);
    if queries.is_empty() {
        bail!("no query to time in {}", options.queries);
    }
    let db = Db::connect(&options.database_url).await.context("connecting to the database")?;
    let started = Instant::now();
    let store = CatalogStore::load(&db).await.context("loading the catalogue")?;
    let load = started.elapsed();
    let catalog = store.snapshot();
    let now = Utc::now();
    let search = |q: &str| {
        let query = Query::parse(q, synonyms());
        catalog.search_everywhere(&query, SHOWN, now).total()
    };
    for (_, q) in &queries {
        black_box(search(q));
    }
    let mut fastest = vec![Duration::MAX; queries.len()];
    for _ in 0..options.rounds {
        for ((_, q), best) in queries.iter().zip(&mut fastest) {
            let started = Instant::now();
            black_box(search(black_box(q)));
            *best = (*best).min(started.elapsed());
        }
    }
    let micros = |d: &Duration| d.as_secs_f64() * 1e6;
    let mut kinds: Vec<(&str, usize, f64)> = Vec::new();
    for ((kind, _), time) in queries.iter().zip(&fastest) {
        match kinds.iter_mut().find(|(k, _, _)| k == kind) {
            Some((_, count, total)) => (*count, *total) = (*count + 1, *total + micros(time)),
            None => kinds.push((kind, 1, micros(time))),
        }
    }
    let kinds: Vec<String> =
        kinds.iter().map(|(kind, count, total)| format!("{}:{count}:{:.1}", kind.replace(' ', "_"), total / *count as f64)).collect();
    let mean = fastest.iter().map(micros).sum::<f64>() / fastest.len() as f64;
    let mut by_time: Vec<(&Duration, &(String, String))> = fastest.iter().zip(&queries).collect();
    by_time.sort_unstable_by(|a, b| b.0.cmp(a.0));
    for (time, (kind, q)) in by_time.into_iter().take(options.slowest) {
        eprintln!("{:8.1} µs  {:6} found  {kind}  {q}", micros(time), search(q));
    }
    fastest.sort_unstable();
    println!(
        "search queries={} skipped={} rounds={} load_s={:.2} mean_us={mean:.1} p50_us={:.1} p99_us={:.1} max_us={:.1} kinds={}",
        queries.len(),
        skipped.len(),
        options.rounds,
        load.as_secs_f64(),
        percentile_us(&fastest, 0.50),
        percentile_us(&fastest, 0.99),
        percentile_us(&fastest, 1.0),
        kinds.join(";"),
    );
    Ok(())
}
