//! A catalogue load's progress on the terminal: one bar per table on stderr, drawn only when
//! stderr is a terminal (never in tests, CI or a redirected log).

use std::fmt::Write;
use std::io::IsTerminal;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::LoadProgress;

const BAR: &str = "{prefix:>15} [{bar:32}] {human_pos:>9}/{human_len:<9} {rate} {elapsed:>4}";
const STEP: &str = "{prefix:>15} {spinner} {msg} {elapsed}";

/// Draws each table's rows as a bar and each other step as a spinner, one line each.
#[derive(Debug)]
pub struct TerminalProgress {
    visible: bool,
    current: Mutex<Option<ProgressBar>>,
}

impl Default for TerminalProgress {
    fn default() -> TerminalProgress {
        TerminalProgress::new()
    }
}

impl TerminalProgress {
    /// Draws on stderr when it is a terminal, else reports nothing.
    pub fn new() -> TerminalProgress {
        TerminalProgress { visible: std::io::stderr().is_terminal(), current: Mutex::new(None) }
    }

    fn current(&self) -> MutexGuard<'_, Option<ProgressBar>> {
        // A bar is display only: a panic elsewhere must not stop the load.
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Shows `bar` on a new line, leaving the previous one as it ended.
    fn start(&self, bar: ProgressBar) {
        if let Some(previous) = self.current().replace(bar) {
            done(&previous);
        }
    }

    fn bar(&self, length: Option<u64>, template: &str) -> ProgressBar {
        let target = if self.visible { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
        let style = ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
        let style = style.progress_chars("=> ").tick_chars("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏✓").with_key("rate", rate);
        ProgressBar::with_draw_target(length, target).with_style(style)
    }
}

impl LoadProgress for TerminalProgress {
    fn step(&self, what: &str) {
        let bar = self.bar(None, STEP).with_message(what.to_owned());
        bar.enable_steady_tick(Duration::from_millis(120));
        self.start(bar);
    }

    fn table(&self, table: &str, rows: usize) {
        self.start(self.bar(Some(rows as u64), BAR).with_prefix(table.to_owned()));
    }

    fn inserted(&self, rows: usize) {
        if let Some(bar) = self.current().as_ref() {
            bar.inc(rows as u64);
        }
    }

    fn finished(&self) {
        if let Some(bar) = self.current().take() {
            done(&bar);
        }
    }
}

/// Leaves `bar` as it ended (a spinner's ticker stopped first, so it shows its ✓).
fn done(bar: &ProgressBar) {
    bar.disable_steady_tick();
    bar.finish();
}

/// "  312456 rows/s": whole rows, indicatif's own `per_sec` prints every decimal.
fn rate(state: &ProgressState, out: &mut dyn Write) {
    // Writing into the bar's line buffer cannot fail.
    let _ = write!(out, "{:>8.0} rows/s", state.per_sec());
}
