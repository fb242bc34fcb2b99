//! `spawn_app()`: a running app on a random port with a fresh database, and HTML helpers.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use ocop_locator::config::{AuthSettings, DatabaseSettings, ServeSettings};
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

/// The password of the `admin` account every test app starts with.
pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";

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
    let auth = AuthSettings { admin_password: Some(ADMIN_PASSWORD.into()), ..AuthSettings::default() };
    let app = Application::build(&DatabaseSettings { database_url: url.to_owned() }, &serve, &auth).await.expect("app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state();
    tokio::spawn(app.run_until_stopped());
    // Idle connections are dropped before the server's 5 s keep-alive would close them: a test
    // that thinks for a while between two requests must not reuse a connection being closed.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .build()
        .expect("client");
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

/// A visitor of the staff pages: keeps the session cookie like a browser and reads the CSRF
/// token off the pages.
pub struct Browser {
    address: String,
    client: reqwest::Client,
    pub cookie: Option<String>,
}

impl TestApp {
    /// A new browser, signed out.
    pub fn browser(&self) -> Browser {
        Browser { address: self.address.clone(), client: self.client.clone(), cookie: None }
    }

    /// A browser signed in as `admin`.
    pub async fn admin(&self) -> Browser {
        let mut browser = self.browser();
        let response = browser.sign_in("admin", ADMIN_PASSWORD).await;
        assert_eq!(response.status().as_u16(), 303, "admin signs in");
        browser
    }

    /// Creates a clerk of the sites with these slugs; returns the password.
    pub async fn create_clerk(&self, username: &str, site_slugs: &[&str]) -> String {
        use ocop_locator::db::accounts::{NewAccount, create};
        use ocop_locator::domain::account::Role;
        let catalog = self.state.catalog.snapshot();
        let site_ids: Vec<i64> = site_slugs.iter().map(|s| catalog.site_by_slug(s).expect("site exists").id).collect();
        let password = format!("{username}-password");
        let hash = ocop_locator::domain::password::hash(&password).expect("hash");
        let new = NewAccount { username, password_hash: &hash, role: Role::Clerk, site_ids: &site_ids };
        create(&self.state.db, &new, "test", chrono::Utc::now()).await.expect("clerk created");
        password
    }

    /// A browser signed in as a new clerk of these sites.
    pub async fn clerk(&self, username: &str, site_slugs: &[&str]) -> Browser {
        let password = self.create_clerk(username, site_slugs).await;
        let mut browser = self.browser();
        let response = browser.sign_in(username, &password).await;
        assert_eq!(response.status().as_u16(), 303, "{username} signs in");
        browser
    }
}

impl Browser {
    /// Another tab of the same browser (the same session).
    pub fn clone_of(other: &Browser) -> Browser {
        Browser { address: other.address.clone(), client: other.client.clone(), cookie: other.cookie.clone() }
    }

    /// The same session on another instance (any instance accepts any other's session).
    pub fn on(&self, app: &TestApp) -> Browser {
        Browser { address: app.address.clone(), client: app.client.clone(), cookie: self.cookie.clone() }
    }

    fn keep_cookie(&mut self, response: &reqwest::Response) {
        for value in response.headers().get_all("set-cookie") {
            let text = value.to_str().unwrap_or_default();
            let Some(pair) = text.split(';').next() else { continue };
            let Some(("ocop_session", content)) = pair.split_once('=') else { continue };
            let expired = text.contains("Max-Age=0") || content.is_empty();
            self.cookie = if expired { None } else { Some(pair.to_owned()) };
        }
    }

    pub async fn request(&mut self, method: reqwest::Method, path: &str, form: Option<&[(String, String)]>) -> reqwest::Response {
        let mut request = self.client.request(method, format!("{}{path}", self.address));
        if let Some(cookie) = &self.cookie {
            request = request.header("Cookie", cookie.clone());
        }
        if let Some(form) = form {
            request = request.form(form);
        }
        let response = request.send().await.expect("request sent");
        self.keep_cookie(&response);
        response
    }

    pub async fn get(&mut self, path: &str) -> reqwest::Response {
        self.request(reqwest::Method::GET, path, None).await
    }

    /// GETs a page, asserts the status, parses the HTML.
    pub async fn page(&mut self, path: &str, status: u16) -> Html {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        Html::parse_document(&response.text().await.expect("body"))
    }

    /// POSTs a form as given (no token added).
    pub async fn post_raw(&mut self, path: &str, fields: &[(String, String)]) -> reqwest::Response {
        self.request(reqwest::Method::POST, path, Some(fields)).await
    }

    /// POSTs a form with this session's CSRF token.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf().await;
        let mut all: Vec<(String, String)> = fields.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
        all.push(("csrf_token".into(), token));
        self.post_raw(path, &all).await
    }

    /// Uploads `bytes` as the file field `name` of a multipart form, the CSRF token in the
    /// query string as the upload forms carry it.
    pub async fn upload(&mut self, path: &str, name: &str, bytes: Vec<u8>) -> reqwest::Response {
        let token = self.csrf().await;
        let form = reqwest::multipart::Form::new().part(name.to_owned(), reqwest::multipart::Part::bytes(bytes).file_name("upload.csv"));
        let mut request = self.client.post(format!("{}{path}?csrf_token={token}", self.address)).multipart(form);
        if let Some(cookie) = &self.cookie {
            request = request.header("Cookie", cookie.clone());
        }
        let response = request.send().await.expect("request sent");
        self.keep_cookie(&response);
        response
    }

    /// The session's CSRF token, read off a page's form.
    pub async fn csrf(&mut self) -> String {
        let path = if self.cookie.is_some() { "/admin/password" } else { "/admin/login" };
        let html = self.page(path, 200).await;
        attrs(&html, "input[name=csrf_token]", "value").into_iter().next().expect("a CSRF field")
    }

    pub async fn sign_in(&mut self, username: &str, password: &str) -> reqwest::Response {
        let html = self.page("/admin/login", 200).await;
        let token = attrs(&html, "input[name=csrf_token]", "value").into_iter().next().expect("a CSRF field");
        let fields = vec![("username".into(), username.into()), ("password".into(), password.into()), ("csrf_token".into(), token)];
        self.post_raw("/admin/login", &fields).await
    }
}
