//! Builds the application: database, catalogue, HTTP server. Tests call the same code.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use chrono::Utc;

use crate::catalog::{CatalogStore, feed};
use crate::config::{AuthSettings, CreateUser, DatabaseSettings, ServeSettings};
use crate::db::Db;
use crate::db::accounts::{self, NewAccount};
use crate::db::seed::{self, DataSource};
use crate::domain::account::{Role, check_new_password, parse_username};
use crate::domain::password;
use crate::web::AppState;
use crate::web::admin::SessionSettings;
use crate::web::cache::PageCache;
use crate::web::form_token::FormTokens;
use crate::web::middleware::{error_pages, front};

/// The largest form body: a stock-take of a thousand rows fits.
const FORM_LIMIT: usize = 512 * 1024;

/// A bound, ready-to-run server.
pub struct Application {
    port: u16,
    server: Server,
    state: web::Data<AppState>,
}

impl Application {
    /// Connects, migrates, loads the demo data into an empty database (unless told not to),
    /// loads the catalogue and binds the listener (port 0 picks a free port).
    pub async fn build(database: &DatabaseSettings, serve: &ServeSettings, auth: &AuthSettings) -> anyhow::Result<Application> {
        let db = Db::connect(&database.database_url).await?;
        // Instances starting together on an empty database take turns: one seeds, once.
        db.while_locked_for_setup(async || {
            db.migrate().await?;
            if !serve.no_demo && seed::catalogue_is_empty(&db).await? {
                tracing::info!("empty database: loading the demo data set");
                seed::replace_catalogue(&db, &crate::demo::generate(Utc::now()), DataSource::Demo).await?;
            } else if serve.no_demo && seed::places_are_empty(&db).await? {
                // A real deployment starts with Hanoi's districts, wards and craft villages
                // (facts, not samples); its sites, products and stock come by import.
                tracing::info!("empty database: loading Hanoi's places, no sample network");
                seed::replace_catalogue(&db, &crate::demo::places_only(), DataSource::Import).await?;
            }
            ensure_admin(&db, auth).await
        })
        .await?;
        let secret = secret(&db, auth).await?;
        let sessions = SessionSettings { key: actix_web::cookie::Key::derive_from(secret.as_bytes()), secure: auth.cookies_secure() };
        let form_tokens = FormTokens::new(secret.as_bytes());
        let catalog = CatalogStore::load(&db).await?;
        let pages = Arc::new(PageCache::new(serve.page_cache_mb.saturating_mul(1024 * 1024), catalog.snapshot().version));
        catalog.subscribe(pages.clone());
        let public_url = auth.public_url.trim_end_matches('/').to_owned();
        let state = web::Data::new(AppState {
            db,
            catalog,
            pages,
            form_tokens,
            public_url,
            clock: Default::default(),
            searches: Default::default(),
            fragments: Default::default(),
        });
        let listener = TcpListener::bind(&serve.bind).with_context(|| format!("Failed to listen on {}", serve.bind))?;
        let port = listener.local_addr()?.port();
        let app_state = state.clone();
        let server = HttpServer::new(move || {
            // The last wrap is outermost: the front layer's security headers reach error pages too.
            App::new()
                .app_data(app_state.clone())
                .app_data(web::FormConfig::default().limit(FORM_LIMIT))
                .app_data(web::PayloadConfig::new(FORM_LIMIT))
                .wrap(from_fn(error_pages))
                .wrap(from_fn(front))
                .service(crate::web::admin::scope(sessions.clone()))
                .configure(crate::web::configure)
                .default_service(web::to(crate::web::not_found))
        })
        .listen(listener)?
        .run();
        tracing::info!(port, "listening");
        Ok(Application { port, server, state })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The shared state (database and catalogue), for tests that write behind the web layer.
    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    /// Serves until the process is stopped, following other instances' writes meanwhile.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let state = self.state.clone();
        let follower = tokio::spawn(async move { feed::follow(&state.catalog, &state.db).await });
        let state = self.state.clone();
        let counter = tokio::spawn(async move {
            let mut every = tokio::time::interval(SEARCH_FLUSH_INTERVAL);
            loop {
                every.tick().await;
                if let Err(error) = crate::web::search_log::flush(&state).await {
                    tracing::warn!(error = format!("{error:#}"), "could not store the search counts");
                }
            }
        });
        let result = self.server.await;
        follower.abort();
        counter.abort();
        result
    }
}

/// How often counted searches go to the database (a stop loses at most this much).
const SEARCH_FLUSH_INTERVAL: std::time::Duration = std::time::Duration::from_secs(10);

/// `ocop-locator migrate`.
pub async fn migrate_only(database: &DatabaseSettings) -> anyhow::Result<()> {
    Db::connect(&database.database_url).await?.migrate().await?;
    tracing::info!("migrations applied");
    Ok(())
}

/// `ocop-locator seed-demo`: replaces the catalogue with the demo data set of `scale`, with a
/// progress bar per table when stderr is a terminal.
pub async fn seed_demo(database: &DatabaseSettings, scale: crate::demo::DemoScale) -> anyhow::Result<()> {
    use seed::LoadProgress;
    let db = Db::connect(&database.database_url).await?;
    let progress = seed::TerminalProgress::new();
    progress.step("generating the demo data set");
    let started = std::time::Instant::now();
    let dataset = scale.generate(Utc::now());
    let generated_ms = started.elapsed().as_millis() as u64;
    // Not while an instance starting on an empty database seeds it too; running instances
    // reload when they see the replacement in the change log.
    db.while_locked_for_setup(async || {
        db.migrate().await?;
        seed::replace_catalogue_with_progress(&db, &dataset, DataSource::Demo, &progress).await
    })
    .await?;
    let (sites, products, stock) = (dataset.sites.len(), dataset.products.len(), dataset.stock.len());
    let total_ms = started.elapsed().as_millis() as u64;
    tracing::info!(?scale, sites, products, stock, generated_ms, total_ms, "demo data loaded");
    Ok(())
}

/// On a database with no active admin, creates `admin` with the configured password or a
/// random one printed once to the log.
async fn ensure_admin(db: &Db, auth: &AuthSettings) -> anyhow::Result<()> {
    if accounts::has_admin(db).await? {
        return Ok(());
    }
    let (password, generated) = match &auth.admin_password {
        Some(given) => {
            check_new_password(given).map_err(|p| anyhow::anyhow!("OCOP_ADMIN_PASSWORD is not acceptable: {p:?}"))?;
            (given.clone(), false)
        }
        None => (password::generate_password(), true),
    };
    let hash = password::hash(&password)?;
    let new = NewAccount { username: "admin", password_hash: &hash, role: Role::Admin, site_ids: &[] };
    accounts::create(db, &new, "setup", Utc::now()).await.map_err(|e| anyhow::anyhow!("creating the first admin failed: {e}"))?;
    if generated {
        tracing::warn!(
            username = "admin",
            password,
            "created the first admin account; this password is shown only once: sign in at /admin/login and change it"
        );
    } else {
        tracing::info!(username = "admin", "created the first admin account with OCOP_ADMIN_PASSWORD");
    }
    Ok(())
}

/// The secret that signs session cookies and form tokens: OCOP_SECRET_KEY, or generated once and
/// kept in the database so that every instance and every restart accepts the same sessions.
async fn secret(db: &Db, auth: &AuthSettings) -> anyhow::Result<String> {
    match &auth.secret_key {
        Some(key) if key.len() >= 32 => Ok(key.clone()),
        Some(_) => anyhow::bail!("OCOP_SECRET_KEY must be at least 32 characters"),
        None => crate::db::meta::get_or_store(db, "session_key", &password::random_token()).await,
    }
}

/// `ocop-locator create-user`.
pub async fn create_user(database: &DatabaseSettings, user: &CreateUser) -> anyhow::Result<()> {
    let username = parse_username(&user.username).map_err(|p| anyhow::anyhow!("--username: {p:?} (3–32 of a–z, 0–9, . _ -)"))?;
    let role = Role::parse(&user.role).ok_or_else(|| anyhow::anyhow!("--role must be admin or clerk"))?;
    let db = Db::connect(&database.database_url).await?;
    db.migrate().await?;
    let mut site_ids = Vec::new();
    for slug in &user.sites {
        site_ids.push(accounts::site_id(&db, slug).await?.ok_or_else(|| anyhow::anyhow!("no site with slug {slug}"))?);
    }
    if role == Role::Clerk && site_ids.is_empty() {
        anyhow::bail!("a clerk needs at least one --site");
    }
    let password = if user.password_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        let first = rpassword::prompt_password(format!("Password for {username}: "))?;
        let again = rpassword::prompt_password("Again: ")?;
        anyhow::ensure!(first == again, "the two passwords differ");
        first
    };
    check_new_password(&password).map_err(|p| anyhow::anyhow!("password: {p:?} (10–128 characters)"))?;
    let hash = password::hash(&password)?;
    let new = NewAccount { username: &username, password_hash: &hash, role, site_ids: &site_ids };
    accounts::create(&db, &new, "command-line", Utc::now()).await.map_err(|e| match e {
        crate::error::AppError::Validation(_) => anyhow::anyhow!("username {username} is taken"),
        other => anyhow::anyhow!("{other}"),
    })?;
    println!("created {} {username}", role.key());
    Ok(())
}

/// `ocop-locator import TABLE FILE`: checks every row, prints every problem with its line and
/// column, and applies the file only when it has none.
pub async fn import(database: &DatabaseSettings, table: crate::transfer::Table, file: &std::path::Path) -> anyhow::Result<()> {
    use seed::LoadProgress;
    let bytes = std::fs::read(file).with_context(|| format!("Failed to read {}", file.display()))?;
    let db = Db::connect(&database.database_url).await?;
    db.migrate().await?;
    let progress = seed::TerminalProgress::new();
    progress.step("checking every row");
    let catalog = CatalogStore::load(&db).await?.snapshot();
    let rows = match crate::transfer::read(table, &bytes, &catalog.data) {
        Ok(rows) => rows,
        Err(problems) => {
            progress.finished();
            let t = crate::i18n::Lang::Vi.texts();
            for problem in &problems {
                eprintln!("{}: {}", file.display(), t.csv_problem(problem));
            }
            anyhow::bail!("{} problem(s) in {}: nothing was imported", problems.len(), file.display());
        }
    };
    let count = crate::db::import::apply(&db, &rows, "import", Utc::now(), &progress).await?;
    println!("imported {count} {} rows from {}", table.key(), file.display());
    Ok(())
}

/// `ocop-locator export TABLE`: the current rows as CSV on standard output.
pub async fn export(database: &DatabaseSettings, table: crate::transfer::Table) -> anyhow::Result<()> {
    use std::io::Write;
    let db = Db::connect(&database.database_url).await?;
    db.migrate().await?;
    let catalog = CatalogStore::load(&db).await?.snapshot();
    let stock: Vec<_> = catalog.sites.iter().flat_map(|s| catalog.stock_at(s.id).iter().cloned()).collect();
    std::io::stdout().write_all(&crate::transfer::write(table, &catalog.data, &stock)?)?;
    Ok(())
}
