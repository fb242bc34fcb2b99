//! Builds the application: database, catalogue, HTTP server. Tests call the same code.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{DefaultHeaders, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use chrono::Utc;

use crate::catalog::CatalogStore;
use crate::config::{DatabaseSettings, ServeSettings};
use crate::db::Db;
use crate::db::seed::{self, DataSource};
use crate::web::AppState;
use crate::web::middleware::{cache_pages, error_pages, log_requests};

/// How often an instance checks whether another one changed the catalogue.
const REFRESH_EVERY: Duration = Duration::from_secs(2);

/// Headers every response carries: no framing, no sniffing, nothing loaded from elsewhere.
fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "strict-origin-when-cross-origin"))
}

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
        db.migrate().await?;
        if !serve.no_demo && seed::catalogue_is_empty(&db).await? {
            tracing::info!("empty database: loading the demo data set");
            seed::replace_catalogue(&db, &crate::demo::generate(Utc::now()), DataSource::Demo).await?;
        }
        let catalog = CatalogStore::load(&db).await?;
        let state = web::Data::new(AppState { db, catalog });
        let listener = TcpListener::bind(&serve.bind).with_context(|| format!("Failed to listen on {}", serve.bind))?;
        let port = listener.local_addr()?.port();
        let app_state = state.clone();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(app_state.clone())
                .wrap(from_fn(cache_pages))
                .wrap(security_headers())
                .wrap(from_fn(error_pages))
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

    /// Serves until the process is stopped, picking up other instances' writes meanwhile.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let state = self.state.clone();
        let refresher = tokio::spawn(async move {
            let mut ticks = tokio::time::interval(REFRESH_EVERY);
            loop {
                ticks.tick().await;
                if let Err(error) = state.catalog.refresh(&state.db).await {
                    tracing::warn!(error = format!("{error:#}"), "catalogue refresh failed");
                }
            }
        });
        let result = self.server.await;
        refresher.abort();
        result
    }
}

/// `ocop-locator migrate`.
pub async fn migrate_only(database: &DatabaseSettings) -> anyhow::Result<()> {
    Db::connect(&database.database_url).await?.migrate().await?;
    tracing::info!("migrations applied");
    Ok(())
}

/// `ocop-locator seed-demo`: replaces the catalogue with the demo data set.
pub async fn seed_demo(database: &DatabaseSettings) -> anyhow::Result<()> {
    let db = Db::connect(&database.database_url).await?;
    db.migrate().await?;
    let dataset = crate::demo::generate(Utc::now());
    seed::replace_catalogue(&db, &dataset, DataSource::Demo).await?;
    tracing::info!(sites = dataset.sites.len(), products = dataset.products.len(), stock = dataset.stock.len(), "demo data loaded");
    Ok(())
}
