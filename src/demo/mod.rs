//! The deterministic demo network (placeholder until the generator lands).

use chrono::{DateTime, Utc};

use crate::domain::Dataset;

/// Placeholder.
pub fn generate(_now: DateTime<Utc>) -> Dataset {
    Dataset::default()
}
