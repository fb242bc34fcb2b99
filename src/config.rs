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
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, Default, Subcommand)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_credentials() {
        let settings = DatabaseSettings { database_url: "postgres://app:secret@db:5432/ocop".into() };
        let shown = format!("{settings:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("db:5432/ocop"));
    }
}
