//! The time public pages are rendered at: the system clock, or a fixed instant a test sets so
//! that "open now" can be checked at chosen moments whatever the time of the run.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Utc};

/// Unset (`i64::MIN`): the system clock.
#[derive(Debug)]
pub struct Clock {
    fixed_millis: AtomicI64,
}

impl Default for Clock {
    fn default() -> Clock {
        Clock { fixed_millis: AtomicI64::new(i64::MIN) }
    }
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        match self.fixed_millis.load(Ordering::Relaxed) {
            i64::MIN => Utc::now(),
            millis => DateTime::from_timestamp_millis(millis).unwrap_or_else(Utc::now),
        }
    }

    /// Stops the clock at `at` (`None`: back to the system clock).
    pub fn set(&self, at: Option<DateTime<Utc>>) {
        self.fixed_millis.store(at.map_or(i64::MIN, |t| t.timestamp_millis()), Ordering::Relaxed);
    }
}
