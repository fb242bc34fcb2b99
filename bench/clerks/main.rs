//! Benchmark figure 3, "reads while clerks write": an app instance whose clerks save 20-row
//! stock-takes at a combined rate, as the admin's save handler does (write, then catch up),
//! while bench/run drives reads at it with wrk. A checker saves a marker count every half
//! second and reads it back from this instance (must show at once) and from a second instance
//! (must show within a second).
//!
//! Meanwhile one more clerk works the way a phone does, over HTTP: signs in, loads the
//! stock-take page of a site of their own, changes 20 counts and saves, twice a second.
//!
//! Usage: `clerks DATABASE_URL BIND SECOND_BASE_URL SECONDS RATE` (e.g. `… 30 50`). Prints
//! `listening port=N`, serves on BIND until the run ends, then prints one line:
//! `clerks saves=N conflicts=N save_p50_ms=F save_p99_ms=F checks=N writer_misses=N second_p99_ms=F second_max_ms=F second_misses=N
//! page_loads=N page_p50_ms=F page_p99_ms=F form_saves=N form_save_p50_ms=F form_save_p99_ms=F form_failures=N`.

use std::time::{Duration, Instant};

use chrono::Utc;
use ocop_locator::config::{AuthSettings, DatabaseSettings, ServeSettings};
use ocop_locator::db::stock::{StockEdit, save_stock_take};
use ocop_locator::startup::Application;
use ocop_locator::web::AppState;

const ROWS_PER_SAVE: usize = 20;
const PHONE_PASSWORD: &str = "bench-phone-password";
const WRITERS: usize = 5;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Saves ROWS_PER_SAVE counts at `site_id`, as a clerk would, then makes them visible here.
async fn save(state: &AppState, site_id: i64, round: i64) -> anyhow::Result<(Duration, usize)> {
    let snapshot = state.catalog.snapshot();
    let edits: Vec<StockEdit> = snapshot
        .stock_at(site_id)
        .iter()
        .take(ROWS_PER_SAVE)
        .map(|r| StockEdit::Set { product_id: r.product_id, quantity: (round + r.product_id) % 40, seen_version: r.version })
        .collect();
    let started = Instant::now();
    let outcome = save_stock_take(&state.db, site_id, &edits, "bench", Utc::now()).await?;
    state.catalog.apply_stock_take(&state.db, site_id, &outcome).await?;
    Ok((started.elapsed(), outcome.conflicts.len()))
}

async fn quantity_at(client: &reqwest::Client, base: &str, site: &str, product: &str) -> Option<i64> {
    let json: serde_json::Value = client.get(format!("{base}/api/v1/sites/{site}")).send().await.ok()?.json().await.ok()?;
    json["stock"].as_array()?.iter().find(|s| s["product_slug"] == product)?["quantity"].as_i64()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, bind, second, seconds, rate] = args.as_slice() else {
        anyhow::bail!("usage: clerks DATABASE_URL BIND SECOND_BASE_URL SECONDS RATE");
    };
    let (seconds, rate): (u64, u64) = (seconds.parse()?, rate.parse()?);
    // The same request log as the app's, so the reads cost what they cost in production.
    let _flush_logs_on_exit = ocop_locator::telemetry::init();
    let serve = ServeSettings { bind: bind.clone(), no_demo: false, page_cache_mb: 64 };
    let app = Application::build(&DatabaseSettings { database_url: url.clone() }, &serve, &AuthSettings::default()).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    // bench/run reads the port from this line, as from the app's own log.
    println!("listening port={}", app.port());
    let state = app.state();
    tokio::spawn(app.run_until_stopped());

    // Each writer and the checker get sites of their own, so conflicts come only from outside.
    let snapshot = state.catalog.snapshot();
    let mut sites: Vec<(i64, String)> = snapshot
        .sites
        .iter()
        .filter(|s| s.active && snapshot.stock_at(s.id).len() >= ROWS_PER_SAVE)
        .map(|s| (s.id, s.slug.clone()))
        .collect();
    let (check_site_id, check_site) = sites.pop().ok_or_else(|| anyhow::anyhow!("no site with {ROWS_PER_SAVE} rows"))?;
    let (phone_site_id, phone_site) = sites.pop().ok_or_else(|| anyhow::anyhow!("no site for the phone clerk"))?;
    // The phone clerk's own account (the bench database may have been set up by another run).
    let username = format!("phone{}", std::process::id());
    let hash = ocop_locator::domain::password::hash(PHONE_PASSWORD)?;
    let new = ocop_locator::db::accounts::NewAccount {
        username: &username,
        password_hash: &hash,
        role: ocop_locator::domain::account::Role::Clerk,
        site_ids: &[phone_site_id],
    };
    ocop_locator::db::accounts::create(&state.db, &new, "bench", Utc::now()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let check_product_id = snapshot.stock_at(check_site_id)[0].product_id;
    let check_product = snapshot.product(check_product_id).map(|p| p.slug.clone()).unwrap_or_default();
    drop(snapshot);

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let per_writer = Duration::from_secs_f64(WRITERS as f64 / rate.max(1) as f64);
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let state = state.clone();
        let mine: Vec<i64> = sites.iter().skip(w).step_by(WRITERS).map(|s| s.0).collect();
        writers.push(tokio::spawn(async move {
            let (mut latencies, mut conflicts, mut round) = (Vec::new(), 0, 0_i64);
            let mut ticks = tokio::time::interval(per_writer);
            while Instant::now() < deadline && !mine.is_empty() {
                ticks.tick().await;
                let site_id = mine[round as usize % mine.len()];
                match save(&state, site_id, round).await {
                    Ok((took, c)) => {
                        latencies.push(took.as_secs_f64() * 1000.0);
                        conflicts += c;
                    }
                    Err(error) => eprintln!("clerks: save failed: {error:#}"),
                }
                round += 1;
            }
            (latencies, conflicts)
        }));
    }

    let phone = tokio::spawn(phone_clerk(base.clone(), username, phone_site, deadline));

    let client = reqwest::Client::new();
    let (mut checks, mut writer_misses, mut second_misses, mut delays) = (0, 0, 0, Vec::new());
    while Instant::now() < deadline {
        let marker = 1_000 + checks;
        let seen_version = state.catalog.snapshot().stock_row(check_site_id, check_product_id).map_or(0, |r| r.version);
        let edit = StockEdit::Set { product_id: check_product_id, quantity: marker, seen_version };
        let outcome = save_stock_take(&state.db, check_site_id, &[edit], "checker", Utc::now()).await?;
        state.catalog.apply_stock_take(&state.db, check_site_id, &outcome).await?;
        let saved = Instant::now();
        checks += 1;
        if quantity_at(&client, &base, &check_site, &check_product).await != Some(marker) {
            writer_misses += 1;
        }
        loop {
            if quantity_at(&client, second, &check_site, &check_product).await == Some(marker) {
                delays.push(saved.elapsed().as_secs_f64() * 1000.0);
                break;
            }
            if saved.elapsed() > Duration::from_secs(2) {
                second_misses += 1;
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    let (mut latencies, mut conflicts) = (Vec::new(), 0);
    for writer in writers {
        let (l, c) = writer.await?;
        latencies.extend(l);
        conflicts += c;
    }
    latencies.sort_by(f64::total_cmp);
    delays.sort_by(f64::total_cmp);
    let (mut pages, mut forms, failures) = phone.await?;
    pages.sort_by(f64::total_cmp);
    forms.sort_by(f64::total_cmp);
    println!(
        "clerks saves={} conflicts={conflicts} save_p50_ms={:.2} save_p99_ms={:.2} checks={checks} writer_misses={writer_misses} second_p99_ms={:.1} second_max_ms={:.1} second_misses={second_misses} \
         page_loads={} page_p50_ms={:.2} page_p99_ms={:.2} form_saves={} form_save_p50_ms={:.2} form_save_p99_ms={:.2} form_failures={failures}",
        latencies.len(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        percentile(&delays, 0.99),
        delays.last().copied().unwrap_or(0.0),
        pages.len(),
        percentile(&pages, 0.5),
        percentile(&pages, 0.99),
        forms.len(),
        percentile(&forms, 0.5),
        percentile(&forms, 0.99),
    );
    Ok(())
}

/// A clerk on a phone: the stock-take page and its save over HTTP, timed. Returns the page
/// load times, the save times (ms) and how many steps failed.
async fn phone_clerk(base: String, username: String, site: String, deadline: Instant) -> (Vec<f64>, Vec<f64>, usize) {
    let (mut pages, mut saves, mut failures) = (Vec::new(), Vec::new(), 0);
    let client = match reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build() {
        Ok(client) => client,
        Err(_) => return (pages, saves, 1),
    };
    let Some(cookie) = sign_in(&client, &base, &username).await else { return (pages, saves, 1) };
    let path = format!("{base}/admin/sites/{site}/stock");
    let mut round = 0_i64;
    let mut ticks = tokio::time::interval(Duration::from_millis(500));
    while Instant::now() < deadline {
        ticks.tick().await;
        let started = Instant::now();
        let Some(html) = text(client.get(&path).header("Cookie", &cookie).send().await).await else {
            failures += 1;
            continue;
        };
        pages.push(started.elapsed().as_secs_f64() * 1000.0);
        let mut fields = inputs(&html);
        for (name, value) in fields.iter_mut().filter(|(n, _)| n.starts_with("q-")).take(ROWS_PER_SAVE) {
            *value = ((round + name.len() as i64) % 40).to_string();
        }
        let started = Instant::now();
        match client.post(&path).header("Cookie", &cookie).form(&fields).send().await {
            Ok(response) if response.status().as_u16() == 303 => saves.push(started.elapsed().as_secs_f64() * 1000.0),
            _ => failures += 1,
        }
        round += 1;
    }
    (pages, saves, failures)
}

async fn sign_in(client: &reqwest::Client, base: &str, username: &str) -> Option<String> {
    let form = client.get(format!("{base}/admin/login")).send().await.ok()?;
    let cookie = session_cookie(&form)?;
    let html = form.text().await.ok()?;
    let token = inputs(&html).into_iter().find(|(n, _)| n == "csrf_token")?.1;
    let fields = [("username", username), ("password", PHONE_PASSWORD), ("csrf_token", token.as_str())];
    let signed_in = client.post(format!("{base}/admin/login")).header("Cookie", cookie).form(&fields).send().await.ok()?;
    session_cookie(&signed_in)
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    let header = response.headers().get("set-cookie")?.to_str().ok()?;
    Some(header.split(';').next()?.to_owned())
}

async fn text(response: reqwest::Result<reqwest::Response>) -> Option<String> {
    let response = response.ok().filter(|r| r.status().as_u16() == 200)?;
    response.text().await.ok()
}

/// The form's inputs (name, value), hidden ones included, in page order.
fn inputs(html: &str) -> Vec<(String, String)> {
    let document = scraper::Html::parse_document(html);
    let Ok(selector) =
        scraper::Selector::parse("form#stocktake input[name]:not([type=checkbox]):not([type=radio]), form input[name=csrf_token]")
    else {
        return Vec::new();
    };
    let mut fields: Vec<(String, String)> = document
        .select(&selector)
        .filter_map(|e| Some((e.value().attr("name")?.to_owned(), e.value().attr("value").unwrap_or_default().to_owned())))
        .collect();
    fields.dedup();
    fields
}
