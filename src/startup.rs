//! Builds the application: database, catalogue, HTTP server. Tests call the same code.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use chrono::Utc;

use crate::catalog::{CatalogStore, feed};
use crate::config::{DatabaseSettings, ServeSettings};
use crate::db::Db;
use crate::db::seed::{self, DataSource};
use crate::web::AppState;
use crate::web::cache::PageCache;
use crate::web::middleware::{error_pages, log_requests, security_headers};

/// A bound, ready-to-run server.
pub struct Application {
    port: u16,
    server: Server,
    state: web::Data<AppState>,
}

impl Application {
    /// Connects, migrates, loads the demo data into an empty database (unless told not to),
    /// loads the catalogue and binds the listener (port 0 picks a free port).
    pub async fn build(database: &DatabaseSettings, serve: &ServeSettings) -> anyhow::Result<Application> {
        let db = Db::connect(&database.database_url).await?;
        // Instances starting together on an empty database take turns: one seeds, once.
        db.while_locked_for_setup(async || {
            db.migrate().await?;
            if !serve.no_demo && seed::catalogue_is_empty(&db).await? {
                tracing::info!("empty database: loading the demo data set");
                seed::replace_catalogue(&db, &crate::demo::generate(Utc::now()), DataSource::Demo).await?;
            }
            Ok(())
        })
        .await?;
        let catalog = CatalogStore::load(&db).await?;
        let pages = Arc::new(PageCache::new(serve.page_cache_mb.saturating_mul(1024 * 1024), catalog.snapshot().version));
        catalog.subscribe(pages.clone());
        let state = web::Data::new(AppState { db, catalog, pages });
        let listener = TcpListener::bind(&serve.bind).with_context(|| format!("Failed to listen on {}", serve.bind))?;
        let port = listener.local_addr()?.port();
        let app_state = state.clone();
        let server = HttpServer::new(move || {
            // The last wrap is outermost: security headers reach error pages too.
            App::new()
                .app_data(app_state.clone())
                .wrap(from_fn(error_pages))
                .wrap(security_headers())
                .wrap(from_fn(log_requests))
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
        let result = self.server.await;
        follower.abort();
        result
    }
}

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
