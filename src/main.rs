//! Entry point: parse the command line, start logging, run the chosen command.

use clap::Parser;
use ocop_locator::config::{Cli, Command};
use ocop_locator::{startup, telemetry};

/// A page is built from hundreds of small strings and vectors, freed when it is sent: mimalloc's
/// per-thread free lists serve that pattern with far less work than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let _flush_logs_on_exit = telemetry::init();
    match cli.command.unwrap_or_default() {
        Command::Serve => startup::Application::build(&cli.database, &cli.serve, &cli.auth).await?.run_until_stopped().await?,
        Command::Migrate => startup::migrate_only(&cli.database).await?,
        Command::SeedDemo { scale } => startup::seed_demo(&cli.database, scale).await?,
        Command::CreateUser(user) => startup::create_user(&cli.database, &user).await?,
        Command::Import { table, file } => startup::import(&cli.database, table, &file).await?,
        Command::Export { table } => startup::export(&cli.database, table).await?,
    }
    Ok(())
}
