//! Rules of the OCOP catalogue with no I/O: places, products, stars, stock status, hours, text folding.

pub mod account;
pub mod boundaries;
pub mod category;
pub mod craft;
pub mod geo;
pub mod hours;
pub mod input;
pub mod map_link;
pub mod password;
pub mod photo;
pub mod place;
pub mod product;
pub mod report;
pub mod rng;
pub mod search;
pub mod site;
pub mod stars;
pub mod stock;
pub mod text;

pub use category::Category;
pub use geo::{Decimals, GeoPoint};
pub use hours::OpeningHours;
pub use place::{CraftVillage, District, DistrictKind, Ward, WardKind};
pub use product::{CertificateStatus, PhotoRef, Producer, Product};
pub use site::{Closure, OpenState, Site, SiteKind};
pub use stars::Stars;
pub use stock::{StockRow, StockStatus};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};

/// Hanoi's offset. Vietnam has used UTC+7 all year since 1975 (no daylight saving), so a fixed
/// offset is exact and spares us a time-zone database.
pub fn hanoi_offset() -> FixedOffset {
    FixedOffset::east_opt(HANOI_UTC_OFFSET_SECS).expect("UTC+7 is a valid offset")
}

/// Hanoi's offset from UTC in seconds (see `hanoi_offset`).
const HANOI_UTC_OFFSET_SECS: i32 = 7 * 3600;

/// Today's date on a Hanoi calendar.
pub fn hanoi_date(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&hanoi_offset()).date_naive()
}

/// The Hanoi calendar day of an instant as a day number (days since 1970-01-01 in Hanoi):
/// integer arithmetic for hot loops that only compare or subtract days.
pub fn hanoi_day_number(instant: DateTime<Utc>) -> i64 {
    (instant.timestamp() + i64::from(HANOI_UTC_OFFSET_SECS)).div_euclid(86_400)
}

/// A Hanoi wall-clock time as an instant.
pub fn hanoi_instant(local: chrono::NaiveDateTime) -> Option<DateTime<Utc>> {
    local.and_local_timezone(hanoi_offset()).single().map(|t| t.with_timezone(&Utc))
}

/// The next midnight in Hanoi after `now`: when "updated N days ago", stale counts and
/// certificate validity change.
pub fn next_hanoi_midnight(now: DateTime<Utc>) -> DateTime<Utc> {
    let tomorrow = hanoi_date(now) + Duration::days(1);
    tomorrow
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(hanoi_offset()).single())
        .map_or(now + Duration::hours(1), |t| t.with_timezone(&Utc))
}

/// Everything the catalogue holds, as stored: what the demo generator produces, what an import
/// loads and what the read model is built from.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub districts: Vec<District>,
    pub wards: Vec<Ward>,
    pub villages: Vec<CraftVillage>,
    pub producers: Vec<Producer>,
    pub products: Vec<Product>,
    pub sites: Vec<Site>,
    pub stock: Vec<StockRow>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn midnight_is_hanoi_midnight() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 16, 59, 0).single().expect("valid");
        assert_eq!(next_hanoi_midnight(now), Utc.with_ymd_and_hms(2026, 11, 23, 17, 0, 0).single().expect("valid"));
        let after = Utc.with_ymd_and_hms(2026, 11, 23, 17, 0, 0).single().expect("valid");
        assert_eq!(next_hanoi_midnight(after), Utc.with_ymd_and_hms(2026, 11, 24, 17, 0, 0).single().expect("valid"));
    }

    #[test]
    fn day_numbers_step_at_hanoi_midnight_as_dates_do() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid");
        for (y, m, d, h, min) in
            [(2026, 11, 23, 16, 59), (2026, 11, 23, 17, 0), (1969, 12, 31, 16, 59), (1969, 12, 31, 17, 0), (2024, 2, 29, 3, 0)]
        {
            let instant = Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("valid");
            assert_eq!(hanoi_day_number(instant), (hanoi_date(instant) - epoch).num_days(), "{instant}");
        }
    }
}
