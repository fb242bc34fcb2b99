//! Places that sell or show OCOP products: showrooms and innovation & design centres.

use chrono::NaiveDate;

use super::{OpeningHours, Stars};

/// What a site is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SiteKind {
    /// Điểm giới thiệu và bán sản phẩm OCOP: a showroom or sales point.
    Showroom,
    /// Trung tâm thiết kế sáng tạo: an innovation & design centre that also shows and sells.
    DesignCentre,
}

impl SiteKind {
    pub const ALL: [SiteKind; 2] = [SiteKind::Showroom, SiteKind::DesignCentre];

    pub fn key(self) -> &'static str {
        match self {
            SiteKind::Showroom => "showroom",
            SiteKind::DesignCentre => "design_centre",
        }
    }

    pub fn parse(key: &str) -> Option<SiteKind> {
        SiteKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A showroom or design centre.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub id: i64,
    pub slug: String,
    pub kind: SiteKind,
    pub name: String,
    /// Street address as people write it (may still name the former district).
    pub address: String,
    pub ward_id: i64,
    pub district_id: i64,
    pub lat: f64,
    pub lon: f64,
    pub phone: Option<String>,
    /// The number its Zalo account answers on.
    pub zalo: Option<String>,
    /// Closed for a while (works, Tết), whatever the weekly hours say.
    pub closure: Option<Closure>,
    /// Who runs it (a company, cooperative or public body).
    pub operator: Option<String>,
    pub hours: OpeningHours,
    pub description: String,
    /// Design centres that are themselves rated (as tourism or service points) carry stars.
    pub stars: Option<Stars>,
    pub active: bool,
}

/// A temporary closure: closed up to and including the day before `reopens_on`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub reopens_on: NaiveDate,
    /// Why, as staff wrote it ("Nghỉ Tết").
    pub note: String,
}

impl Site {
    /// The closure in force on `today`, if any (a past one no longer counts).
    pub fn closure_on(&self, today: NaiveDate) -> Option<&Closure> {
        self.closure.as_ref().filter(|c| today < c.reopens_on)
    }
}
