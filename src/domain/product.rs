//! OCOP products, their makers and the 36-month certificate.

use chrono::{Months, NaiveDate};

use super::{Category, Stars};

/// How long an OCOP rating decision is valid.
pub const CERTIFICATE_VALIDITY_MONTHS: u32 = 36;

/// A company, cooperative, household or workshop that makes OCOP products.
#[derive(Debug, Clone, PartialEq)]
pub struct Producer {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// The current unit it works in, when known.
    pub ward_id: Option<i64>,
    pub district_id: i64,
    pub village_id: Option<i64>,
    /// Deactivated producers and their products are on no public page.
    pub active: bool,
}

/// A certified OCOP product.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub producer_id: i64,
    pub category: Category,
    pub stars: Stars,
    /// Rated 4 stars by the city and put forward for the national 5-star rating.
    pub five_star_potential: bool,
    /// Date of the rating decision; the certificate runs 36 months from it.
    pub certified_on: NaiveDate,
    pub description: String,
    /// The description in English; empty until translated.
    pub description_en: String,
    /// Sales unit, e.g. "hộp 500 g".
    pub unit: String,
    /// Typical shelf price per unit, in đồng.
    pub price_vnd: Option<i64>,
    /// The barcode printed on the pack (EAN-13 and the like), for scanning at the shelf.
    pub barcode: Option<String>,
    /// A deactivated product leaves the public pages.
    pub active: bool,
    pub photo: Option<PhotoRef>,
}

/// A product's photo as pages link it: the upload's version (in the URL) and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoRef {
    pub version: i64,
    /// Height per 1000 of width.
    pub aspect: i64,
}

/// Whether a product's certificate still holds on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateStatus {
    Valid,
    /// Within 90 days of expiry: still certified, worth a note.
    ExpiringSoon,
    Expired,
}

impl CertificateStatus {
    /// Stable key for CSS classes and JSON.
    pub fn key(self) -> &'static str {
        match self {
            CertificateStatus::Valid => "valid",
            CertificateStatus::ExpiringSoon => "expiring",
            CertificateStatus::Expired => "expired",
        }
    }
}

impl Product {
    /// The last day the certificate is valid.
    pub fn certificate_expires_on(&self) -> NaiveDate {
        certificate_expiry(self.certified_on)
    }

    pub fn certificate_status(&self, today: NaiveDate) -> CertificateStatus {
        let expires = self.certificate_expires_on();
        if today > expires {
            CertificateStatus::Expired
        } else if (expires - today).num_days() <= 90 {
            CertificateStatus::ExpiringSoon
        } else {
            CertificateStatus::Valid
        }
    }

    /// An expired certificate is never shown as certified.
    pub fn is_certified(&self, today: NaiveDate) -> bool {
        self.certificate_status(today) != CertificateStatus::Expired
    }
}

/// The certificate is valid for 36 months from the decision: the day before the same date
/// three years on (a decision of 2023-03-15 runs to 2026-03-14).
pub fn certificate_expiry(certified_on: NaiveDate) -> NaiveDate {
    let end = certified_on.checked_add_months(Months::new(CERTIFICATE_VALIDITY_MONTHS)).unwrap_or(NaiveDate::MAX);
    end.pred_opt().unwrap_or(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(certified_on: NaiveDate) -> Product {
        Product {
            id: 1,
            slug: "tuong-cu-da".into(),
            name: "Tương Cự Đà".into(),
            producer_id: 1,
            category: Category::Food,
            stars: Stars::THREE,
            five_star_potential: false,
            certified_on,
            description: String::new(),
            description_en: String::new(),
            unit: "chai 500 ml".into(),
            price_vnd: Some(45_000),
            barcode: None,
            active: true,
            photo: None,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn certificate_runs_36_months_to_the_day_before() {
        assert_eq!(certificate_expiry(date(2023, 3, 15)), date(2026, 3, 14));
        // 29 February has no twin three years on; chrono clamps to 28 February.
        assert_eq!(certificate_expiry(date(2024, 2, 29)), date(2027, 2, 27));
    }

    #[test]
    fn certificate_status_follows_the_calendar() {
        let p = product(date(2023, 3, 15));
        assert_eq!(p.certificate_status(date(2025, 1, 1)), CertificateStatus::Valid);
        assert_eq!(p.certificate_status(date(2026, 1, 1)), CertificateStatus::ExpiringSoon);
        assert_eq!(p.certificate_status(date(2026, 3, 14)), CertificateStatus::ExpiringSoon);
        assert_eq!(p.certificate_status(date(2026, 3, 15)), CertificateStatus::Expired);
        assert!(p.is_certified(date(2026, 3, 14)));
        assert!(!p.is_certified(date(2026, 3, 15)));
    }
}
