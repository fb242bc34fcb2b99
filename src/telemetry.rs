//! Logging: every error, and a line per failed or slow request (per request with
//! `RUST_LOG=info,request=debug`), to stderr, filtered by `RUST_LOG`.

use std::io::IsTerminal;

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber (default level `info`). Returns the writer's guard the
/// first time: keep it alive until exit, dropping it flushes the last lines. Later calls do
/// nothing and return `None`.
///
/// Lines are formatted on the request's thread but written by a dedicated thread, so a worker
/// never waits on the stderr lock or a slow disk. It is not lossy: if the writer falls behind,
/// requests wait rather than lines disappear.
pub fn init() -> Option<WorkerGuard> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    // The writer thread drains every queued line into the buffer and flushes once the queue is
    // empty: one write for many lines under load (a write per line cost a tenth of a cached
    // page), still at once when quiet.
    let stderr = std::io::BufWriter::with_capacity(64 * 1024, std::io::stderr());
    let (writer, guard) = NonBlockingBuilder::default().lossy(false).finish(stderr);
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
    installed.ok().map(|()| guard)
}
