//! Benchmark: the locator's headline question in process, at national scale.
//!
//! Connects to an already seeded database (the national demo network), loads the catalogue like
//! the app does, then times `Catalog::nearest` at random points (a fixed seed): 80 % near the
//! active sites (a random active site's position, moved up to ±0.05° in latitude and longitude,
//! kept inside the box around the active sites), 20 % anywhere in Vietnam's box (lat 8.5–23.3,
//! lon 102.2–109.4). The headline query is the 10 nearest sites open now that have a herbal
//! product of at least 4 stars in stock; the same points are then asked with no filter and with
//! the category alone, and the headline once more at 23:30 Hanoi time today, for information, at
//! a tenth of the points (when every site is closed, the walk goes through them all). Each pass
//! over the points is preceded by `--warm-up` uncounted queries (a tenth for the night).
//!
//! `--at HH:MM` asks the headline and the plain questions at that Hanoi time today instead of
//! now (bench/run passes figure 6's `BENCH_NEAR_AT`, 10:00, when every site is open).
//!
//! Usage: `near --database-url URL [--iterations 10000] [--warm-up 1000] [--seed N] [--at HH:MM]`
//! (`DATABASE_URL` works too). Driven by bench/run, which parses the last line of stdout:
//! `near iterations=N sites=S load_s=… headline_p50_ms=… headline_p99_ms=… headline_max_ms=…
//! plain_p99_ms=… category_p99_ms=… mean_results=… …`
use std::hint::black_box;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{DateTime, NaiveTime, Utc};
use ocop_locator::catalog::near::NearFilter;
use ocop_locator::catalog::{Catalog, CatalogStore};
use ocop_locator::db::Db;
use ocop_locator::domain::rng::SeededRng;
use ocop_locator::domain::{Category, GeoPoint, OpenState, Stars, hanoi_date, hanoi_offset};

/// Vietnam's bounding box: (min lat, max lat, min lon, max lon).
const VIETNAM: (f64, f64, f64, f64) = (8.5, 23.3, 102.2, 109.4);
/// How far (degrees) a point near a site may be from it, in latitude and in longitude.
const JITTER: f64 = 0.05;
/// Share of the points near the sites (the rest anywhere in Vietnam).
const NEAR_SITES: f64 = 0.8;
/// Sites in each answer, as the page asks.
const LIMIT: usize = 10;

struct Options {
    database_url: String,
    iterations: usize,
    warm_up: usize,
    seed: u64,
    /// The Hanoi time of day to ask at (today), instead of now.
    at: Option<NaiveTime>,
}

fn options() -> anyhow::Result<Options> {
    let mut options = Options {
        database_url: std::env::var("DATABASE_URL").unwrap_or_default(),
        iterations: 10_000,
        warm_up: 1_000,
        seed: 20_261_124,
        at: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--database-url" => options.database_url = value,
            "--iterations" => options.iterations = value.parse().context("--iterations")?,
            "--warm-up" => options.warm_up = value.parse().context("--warm-up")?,
            "--seed" => options.seed = value.parse().context("--seed")?,
            "--at" => options.at = Some(NaiveTime::parse_from_str(&value, "%H:%M").context("--at takes HH:MM")?),
            _ => bail!("unknown argument {flag} (usage: near --database-url URL [--iterations N] [--warm-up N] [--seed N] [--at HH:MM])"),
        }
    }
    if options.database_url.is_empty() {
        bail!("give --database-url (or DATABASE_URL)");
    }
    if options.iterations == 0 {
        bail!("--iterations must be at least 1");
    }
    Ok(options)
}

/// The value at fraction `p` of sorted durations, in milliseconds (nearest rank).
fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1000.0
}

/// `count` points by the 80/20 recipe, from a fixed seed.
fn points(catalog: &Catalog, count: usize, seed: u64) -> anyhow::Result<Vec<GeoPoint>> {
    let active: Vec<GeoPoint> = catalog.sites.iter().filter(|s| s.active).map(|s| s.point()).collect();
    if active.is_empty() {
        bail!("no active site: seed the national demo data first");
    }
    let (mut min_lat, mut max_lat, mut min_lon, mut max_lon) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in &active {
        (min_lat, max_lat, min_lon, max_lon) = (min_lat.min(p.lat), max_lat.max(p.lat), min_lon.min(p.lon), max_lon.max(p.lon));
    }
    let mut rng = SeededRng::new(seed);
    let within = |rng: &mut SeededRng, low: f64, high: f64| low + rng.unit() * (high - low);
    (0..count)
        .map(|_| {
            let (lat, lon) = if rng.chance(NEAR_SITES) {
                let site = *rng.pick(&active);
                let lat = site.lat + within(&mut rng, -JITTER, JITTER);
                let lon = site.lon + within(&mut rng, -JITTER, JITTER);
                (lat.clamp(min_lat, max_lat), lon.clamp(min_lon, max_lon))
            } else {
                let (lat0, lat1, lon0, lon1) = VIETNAM;
                (within(&mut rng, lat0, lat1), within(&mut rng, lon0, lon1))
            };
            GeoPoint::new(lat, lon).map_err(|p| anyhow::anyhow!("generated a bad point ({lat}, {lon}): {p:?}"))
        })
        .collect()
}

/// Times `catalog.nearest` at every point (after `warm_up` uncounted queries); returns the
/// sorted durations and the total number of sites found.
fn time_queries(catalog: &Catalog, points: &[GeoPoint], filter: &NearFilter, now: DateTime<Utc>, warm_up: usize) -> (Vec<Duration>, usize) {
    for point in points.iter().cycle().take(warm_up) {
        black_box(catalog.nearest(*point, filter, LIMIT, now));
    }
    let mut samples = Vec::with_capacity(points.len());
    let mut found = 0;
    for point in points {
        let started = Instant::now();
        let answer = black_box(catalog.nearest(black_box(*point), filter, LIMIT, now));
        samples.push(started.elapsed());
        found += answer.sites.len();
    }
    samples.sort_unstable();
    (samples, found)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = options()?;
    let db = Db::connect(&options.database_url).await.context("connecting to the database")?;
    let started = Instant::now();
    let store = CatalogStore::load(&db).await.context("loading the catalogue")?;
    let load = started.elapsed();
    let catalog = store.snapshot();
    let points = points(&catalog, options.iterations, options.seed)?;

    let today = hanoi_date(Utc::now());
    // Today at a fixed Hanoi hour: the figure must not depend on when the bench ran.
    let at_time = |time: NaiveTime| -> anyhow::Result<chrono::DateTime<Utc>> {
        let local = today.and_time(time).and_local_timezone(hanoi_offset()).single().context("one instant")?;
        Ok(local.with_timezone(&Utc))
    };
    let at_hanoi = |hour: u32, minute: u32| at_time(NaiveTime::from_hms_opt(hour, minute, 0).context("a valid hour")?);
    let now = match options.at {
        Some(time) => at_time(time)?,
        None => Utc::now(),
    };
    let local = now.with_timezone(&hanoi_offset());
    let (dawn, night) = (at_hanoi(6, 30)?, at_hanoi(23, 30)?);
    let active = catalog.sites.iter().filter(|s| s.active);
    let open_sites = active.clone().filter(|s| matches!(s.open_state(now), OpenState::Open { .. })).count();
    let open_at = |at| active.clone().filter(|s| matches!(s.open_state(at), OpenState::Open { .. })).count();
    let (open_at_dawn, open_at_night) = (open_at(dawn), open_at(night));
    let unknown_hours = active.clone().filter(|s| matches!(s.open_state(now), OpenState::Unknown)).count();

    let headline = NearFilter {
        category: Some(Category::Herbal),
        min_stars: Some(Stars::FOUR),
        in_stock: true,
        open_now: true,
        ..NearFilter::default()
    };
    let category = NearFilter { category: Some(Category::Herbal), ..NearFilter::default() };
    let (heads, head_found) = time_queries(&catalog, &points, &headline, now, options.warm_up);
    let (plain, _) = time_queries(&catalog, &points, &NearFilter::default(), now, options.warm_up);
    let (by_category, _) = time_queries(&catalog, &points, &category, now, options.warm_up);
    // Few sites open (dawn) and none (night): a tenth of the points will do.
    let night_points = &points[..points.len().div_ceil(10)];
    let (dawns, dawn_found) = time_queries(&catalog, night_points, &headline, dawn, options.warm_up / 10);
    let (nights, night_found) = time_queries(&catalog, night_points, &headline, night, options.warm_up / 10);
    let mean = |samples: &[Duration]| samples.iter().sum::<Duration>().as_secs_f64() * 1000.0 / samples.len() as f64;

    println!(
        "near iterations={} sites={} load_s={:.2} headline_p50_ms={:.3} headline_p99_ms={:.3} headline_max_ms={:.3} headline_mean_ms={:.3} \
         plain_p50_ms={:.3} plain_p99_ms={:.3} category_p50_ms={:.3} category_p99_ms={:.3} mean_results={:.2} hanoi_time={} \
         open_sites={} unknown_hours={} dawn_p50_ms={:.3} dawn_p99_ms={:.3} dawn_max_ms={:.3} dawn_mean_results={:.2} dawn_open_sites={} \
         night_iterations={} night_p50_ms={:.3} night_p99_ms={:.3} night_max_ms={:.3} night_mean_results={:.2} \
         night_open_sites={}",
        options.iterations,
        active.count(),
        load.as_secs_f64(),
        percentile_ms(&heads, 0.50),
        percentile_ms(&heads, 0.99),
        percentile_ms(&heads, 1.0),
        mean(&heads),
        percentile_ms(&plain, 0.50),
        percentile_ms(&plain, 0.99),
        percentile_ms(&by_category, 0.50),
        percentile_ms(&by_category, 0.99),
        head_found as f64 / points.len() as f64,
        local.format("%H:%M"),
        open_sites,
        unknown_hours,
        percentile_ms(&dawns, 0.50),
        percentile_ms(&dawns, 0.99),
        percentile_ms(&dawns, 1.0),
        dawn_found as f64 / night_points.len() as f64,
        open_at_dawn,
        night_points.len(),
        percentile_ms(&nights, 0.50),
        percentile_ms(&nights, 0.99),
        percentile_ms(&nights, 1.0),
        night_found as f64 / night_points.len() as f64,
        open_at_night,
    );
    Ok(())
}
