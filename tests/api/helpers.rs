//! `spawn_app()`: a running app on a random port with a fresh database, and HTML helpers.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use ocop_locator::config::{DatabaseSettings, ServeSettings};
use ocop_locator::startup::Application;
use ocop_locator::web::AppState;
use scraper::{Html, Selector};

static NEXT_DB: AtomicU32 = AtomicU32::new(0);
/// The log writer lives as long as the test binary.
static LOG_GUARD: std::sync::OnceLock<tracing_appender::non_blocking::WorkerGuard> = std::sync::OnceLock::new();

/// A fresh database, removed when the test ends.
enum TestDb {
    Sqlite(PathBuf),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    async fn create() -> (TestDb, String) {
        let unique =
            format!("{}_{}_{}", std::process::id(), NEXT_DB.fetch_add(1, Ordering::Relaxed), chrono::Utc::now().timestamp_micros());
        match std::env::var("TEST_DATABASE_URL") {
            Ok(admin_url) if admin_url.starts_with("postgres") => {
                let name = format!("ocop_test_{unique}");
                let admin = sqlx::PgPool::connect(&admin_url).await.expect("TEST_DATABASE_URL is set but PostgreSQL cannot be reached");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&admin).await.expect("create test database");
                admin.close().await;
                let (base, _) = admin_url.rsplit_once('/').expect("TEST_DATABASE_URL ends with /database");
                let url = format!("{base}/{name}");
                (TestDb::Postgres { admin_url, name }, url)
            }
            _ => {
                let path = std::env::temp_dir().join(format!("ocop-test-{unique}.db"));
                let url = format!("sqlite://{}", path.display());
                (TestDb::Sqlite(path), url)
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match self {
            TestDb::Sqlite(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            TestDb::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop cannot await; a short-lived runtime on another thread can.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
                    runtime.block_on(async {
                        if let Ok(admin) = sqlx::PgPool::connect(&admin_url).await {
                            let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
                                .execute(&admin)
                                .await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub state: actix_web::web::Data<AppState>,
    /// The database URL, for starting a second instance on it.
    pub url: String,
    _db: Option<TestDb>,
}

/// Starts the app with the demo data on a fresh database.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(false).await
}

/// Starts the app on a fresh database, loading the demo data unless `no_demo`.
pub async fn spawn_app_with(no_demo: bool) -> TestApp {
    let (db, url) = TestDb::create().await;
    let app = start(&url, no_demo, 64).await;
    TestApp { _db: Some(db), ..app }
}

/// A second instance on the same database as `self` (a new process in production).
pub async fn spawn_instance(url: &str) -> TestApp {
    start(url, false, 64).await
}

/// Starts the app on `url`: a running server, its state and a client.
pub async fn start(url: &str, no_demo: bool, page_cache_mb: u64) -> TestApp {
    if std::env::var("TEST_LOG").is_ok()
        && let Some(guard) = ocop_locator::telemetry::init()
    {
        let _ = LOG_GUARD.set(guard);
    }
    if std::env::var("OCOP_TEST_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
        assert!(
            std::env::var("TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres")),
            "PostgreSQL tests were required but TEST_DATABASE_URL is not a postgres:// URL"
        );
    }
    let serve = ServeSettings { bind: "127.0.0.1:0".into(), no_demo, page_cache_mb };
    let app = Application::build(&DatabaseSettings { database_url: url.to_owned() }, &serve).await.expect("app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    TestApp { address, client, state, url: url.to_owned(), _db: None }
}

/// A fresh database nobody has started an app on yet: its URL, and a guard that drops it.
pub async fn fresh_database() -> (impl Drop, String) {
    TestDb::create().await
}

impl TestApp {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("request sent")
    }

    /// GETs a page, asserts the status, parses the HTML.
    pub async fn page(&self, path: &str, status: u16) -> Html {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        Html::parse_document(&response.text().await.expect("body"))
    }

    pub async fn json(&self, path: &str) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), 200, "GET {path}");
        response.json().await.expect("JSON body")
    }
}

/// Text of every element matching `selector`, whitespace collapsed.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("valid selector");
    html.select(&selector).map(|e| e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// Text of the one element matching `selector`.
pub fn text(html: &Html, selector: &str) -> String {
    let found = texts(html, selector);
    assert_eq!(found.len(), 1, "expected exactly one {selector}, found {found:?}");
    found.into_iter().next().unwrap_or_default()
}

/// Values of `attribute` on every element matching `selector`.
pub fn attrs(html: &Html, selector: &str, attribute: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("valid selector");
    html.select(&selector).filter_map(|e| e.value().attr(attribute).map(str::to_owned)).collect()
}
