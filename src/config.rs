//! Configuration: every setting comes from a flag or its environment variable, read here only.

use std::fmt;

use clap::{Args, Parser, Subcommand};

use crate::demo::DemoScale;

/// Find Hanoi's OCOP showrooms and the certified products they stock.
#[derive(Debug, Parser)]
#[command(name = "ocop-locator", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub database: DatabaseSettings,
    #[command(flatten)]
    pub serve: ServeSettings,
    #[command(flatten)]
    pub auth: AuthSettings,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Default, Subcommand)]
pub enum Command {
    /// Serve the website (the default): migrates, loads demo data into an empty database.
    #[default]
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Replace the whole catalogue with the demo data set and exit.
    SeedDemo {
        /// `hanoi`: the Hanoi network as reported; `national`: 10,000 sites, 15,000 products
        /// and 1,000,000 stock rows across Vietnam, for benchmarks.
        #[arg(long, value_enum, default_value_t = DemoScale::Hanoi)]
        scale: DemoScale,
    },
    /// Create a staff account; the password is read from a prompt, or from standard input with
    /// `--password-stdin`.
    CreateUser(CreateUser),
    /// Load a CSV file of sites, products or stock (format in the README): every row is checked
    /// first, then all are applied in one transaction, or none.
    Import {
        #[arg(value_enum)]
        table: crate::transfer::Table,
        /// The CSV file (UTF-8, header row).
        file: std::path::PathBuf,
    },
    /// Write the current sites, products or stock as CSV to standard output.
    Export {
        #[arg(value_enum)]
        table: crate::transfer::Table,
    },
}

#[derive(Debug, Clone, Args)]
pub struct CreateUser {
    /// 3–32 characters: a–z, 0–9, `.`, `_`, `-`.
    #[arg(long)]
    pub username: String,
    /// `admin` (city staff: everything) or `clerk` (their sites' stock).
    #[arg(long)]
    pub role: String,
    /// A site the clerk keeps, by its slug (repeat for several).
    #[arg(long = "site")]
    pub sites: Vec<String>,
    /// Read the password from the first line of standard input instead of a prompt.
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Clone, Args)]
pub struct DatabaseSettings {
    /// `sqlite://FILE` (created if missing) or `postgres://USER@HOST:PORT/DB`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://ocop-locator.db", global = true)]
    pub database_url: String,
}

/// The URL may carry a password: print only its scheme and host.
impl fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = match self.database_url.split_once('@') {
            Some((_, host)) => format!("{}://…@{host}", self.database_url.split(':').next().unwrap_or("")),
            None => self.database_url.clone(),
        };
        f.debug_struct("DatabaseSettings").field("database_url", &redacted).finish()
    }
}

#[derive(Debug, Clone, Args)]
pub struct ServeSettings {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, env = "OCOP_BIND", default_value = "127.0.0.1:8080", global = true)]
    pub bind: String,
    /// Do not load the demo data into an empty database (for real deployments).
    #[arg(long, env = "OCOP_NO_DEMO", global = true)]
    pub no_demo: bool,
    /// Memory for rendered public pages, in MB (keys, bodies in every encoding and tags
    /// counted); 0 turns the page cache off.
    #[arg(long, env = "OCOP_PAGE_CACHE_MB", default_value_t = 64, global = true)]
    pub page_cache_mb: u64,
}

/// Secrets and cookie settings for staff sign-in.
#[derive(Clone, Args)]
pub struct AuthSettings {
    /// Signs session cookies (at least 32 characters). When unset, a random key is generated
    /// once and kept in the database, so every instance and every restart shares it.
    #[arg(long, env = "OCOP_SECRET_KEY", global = true, hide_env_values = true)]
    pub secret_key: Option<String>,
    /// The password of the `admin` account created on first start when no admin exists; when
    /// unset, a random one is printed once to the log.
    #[arg(long, env = "OCOP_ADMIN_PASSWORD", global = true, hide_env_values = true)]
    pub admin_password: Option<String>,
    /// Mark session cookies `Secure` (sent over HTTPS only). Implied by an https public URL.
    #[arg(long, env = "OCOP_SECURE_COOKIES", global = true)]
    pub secure_cookies: bool,
    /// The address the public reaches the site at (for links printed on QR codes); an https
    /// address also makes session cookies `Secure`.
    #[arg(long, env = "OCOP_PUBLIC_URL", default_value = "http://127.0.0.1:8080", global = true)]
    pub public_url: String,
}

/// What the command line gives when nothing is set (for tests and benchmarks).
impl Default for AuthSettings {
    fn default() -> AuthSettings {
        AuthSettings { secret_key: None, admin_password: None, secure_cookies: false, public_url: "http://127.0.0.1:8080".to_owned() }
    }
}

impl AuthSettings {
    pub fn cookies_secure(&self) -> bool {
        self.secure_cookies || self.public_url.starts_with("https://")
    }
}

/// Never print the secrets.
impl fmt::Debug for AuthSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthSettings")
            .field("secret_key", &self.secret_key.as_ref().map(|_| "…"))
            .field("admin_password", &self.admin_password.as_ref().map(|_| "…"))
            .field("secure_cookies", &self.secure_cookies)
            .field("public_url", &self.public_url)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_credentials() {
        let settings = DatabaseSettings { database_url: "postgres://app:secret@db:5432/ocop".into() };
        let shown = format!("{settings:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("db:5432/ocop"));
        let auth = AuthSettings { secret_key: Some("k".repeat(40)), admin_password: Some("hunter22hunter22".into()), ..Default::default() };
        let shown = format!("{auth:?}");
        assert!(!shown.contains("kkkk") && !shown.contains("hunter22"), "{shown}");
    }
}
