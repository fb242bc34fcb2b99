//! What a site has on its shelf, and how that reads to a shopper.

use chrono::{DateTime, Utc};

/// At or above this many units a product shows as in stock.
pub const IN_STOCK_MIN: i64 = 3;
/// A count older than this is no longer vouched for.
pub const FRESH_FOR_DAYS: i64 = 30;
/// Open "not in stock" reports on one row that make it unconfirmed until a clerk counts it.
pub const DISPUTED_AFTER_REPORTS: i64 = 3;
/// The most units of one product a site can hold; a larger number is a typing slip.
pub const MAX_QUANTITY: i64 = 100_000;

/// A count a clerk may record: a whole number from 0 to `MAX_QUANTITY`.
pub fn check_quantity(quantity: i64) -> Result<i64, super::input::FieldProblem> {
    if (0..=MAX_QUANTITY).contains(&quantity) {
        Ok(quantity)
    } else {
        Err(super::input::FieldProblem::OutOfRange { min: 0, max: MAX_QUANTITY })
    }
}

/// One site's count of one product. `version` grows by one on every change, so an edit made
/// against an old version can be refused instead of silently overwriting a newer count.
#[derive(Debug, Clone, PartialEq)]
pub struct StockRow {
    pub site_id: i64,
    pub product_id: i64,
    pub quantity: i64,
    pub updated_at: DateTime<Utc>,
    /// Who made the last change (an account name, "demo" or "import").
    pub updated_by: String,
    pub version: i64,
    /// Enough shoppers reported it missing since the last count: unconfirmed until counted.
    pub disputed: bool,
}

/// What a shopper is told about a product at a site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StockStatus {
    InStock,
    Limited,
    OutOfStock,
    /// Last counted more than 30 days ago: we cannot say.
    Unconfirmed,
}

impl StockStatus {
    /// Status from a count and its age. A stale count is unconfirmed whatever it said, because
    /// a month-old "in stock" (or "sold out") misleads more than it helps.
    pub fn of(quantity: i64, updated_at: DateTime<Utc>, now: DateTime<Utc>) -> StockStatus {
        if age_in_days(updated_at, now) > FRESH_FOR_DAYS {
            StockStatus::Unconfirmed
        } else if quantity >= IN_STOCK_MIN {
            StockStatus::InStock
        } else if quantity >= 1 {
            StockStatus::Limited
        } else {
            StockStatus::OutOfStock
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            StockStatus::InStock => "in_stock",
            StockStatus::Limited => "limited",
            StockStatus::OutOfStock => "out_of_stock",
            StockStatus::Unconfirmed => "unconfirmed",
        }
    }

    /// Can a shopper expect to find it today?
    pub fn is_available(self) -> bool {
        matches!(self, StockStatus::InStock | StockStatus::Limited)
    }
}

/// Calendar days in Hanoi since `then`: a count made yesterday evening is "1 day ago" this
/// morning, and the label only changes at midnight. Never negative, so clock skew cannot show
/// "-1 days".
pub fn age_in_days(then: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    // Read for every row a page shows: day numbers, not calendar dates.
    (super::hanoi_day_number(now) - super::hanoi_day_number(then)).max(0)
}

impl StockRow {
    /// What a shopper is told: a disputed row is unconfirmed whatever its count says.
    pub fn status(&self, now: DateTime<Utc>) -> StockStatus {
        if self.disputed { StockStatus::Unconfirmed } else { StockStatus::of(self.quantity, self.updated_at, now) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).single().expect("valid time")
    }

    #[test]
    fn thresholds_split_in_stock_limited_and_out() {
        let fresh = now() - Duration::days(1);
        let cases = [
            (0, StockStatus::OutOfStock),
            (1, StockStatus::Limited),
            (2, StockStatus::Limited),
            (3, StockStatus::InStock),
            (250, StockStatus::InStock),
        ];
        for (quantity, expected) in cases {
            assert_eq!(StockStatus::of(quantity, fresh, now()), expected, "quantity {quantity}");
        }
    }

    #[test]
    fn counts_older_than_30_days_are_unconfirmed() {
        let thirty = now() - Duration::days(30);
        let thirty_one = now() - Duration::days(31);
        assert_eq!(StockStatus::of(10, thirty, now()), StockStatus::InStock);
        assert_eq!(StockStatus::of(10, thirty_one, now()), StockStatus::Unconfirmed);
        assert_eq!(StockStatus::of(0, thirty_one, now()), StockStatus::Unconfirmed);
    }

    #[test]
    fn age_counts_hanoi_calendar_days() {
        // 23:30 Hanoi time on the 22nd is 16:30 UTC; 10:00 UTC on the 23rd is 17:00 Hanoi.
        let last_night = Utc.with_ymd_and_hms(2026, 11, 22, 16, 30, 0).single().expect("valid time");
        assert_eq!(age_in_days(last_night, now()), 1);
        let this_morning = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).single().expect("valid time");
        assert_eq!(age_in_days(this_morning, now()), 0);
    }

    #[test]
    fn future_timestamps_count_as_today() {
        assert_eq!(age_in_days(now() + Duration::hours(5), now()), 0);
    }
}
