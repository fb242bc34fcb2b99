//! Places that sell or show OCOP products: showrooms and innovation & design centres.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

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
    /// The description in English; empty until translated.
    pub description_en: String,
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

/// Open or closed at a moment, and until when (Hanoi local times).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpenState {
    Open {
        closes_at: Option<NaiveDateTime>,
    },
    Closed {
        opens_at: Option<NaiveDateTime>,
    },
    /// No weekly hours on record.
    Unknown,
}

impl OpenState {
    /// What weekly hours say at `local` (Hanoi time); no hours on record is unknown.
    pub fn of_hours(hours: &OpeningHours, local: NaiveDateTime) -> OpenState {
        if hours.is_always_closed() {
            return OpenState::Unknown;
        }
        match hours.is_open_at(local) {
            true => OpenState::Open { closes_at: hours.next_change(local) },
            false => OpenState::Closed { opens_at: hours.next_change(local) },
        }
    }

    /// A stable name for styles and tests.
    pub fn key(&self) -> &'static str {
        match self {
            OpenState::Open { .. } => "open",
            OpenState::Closed { .. } => "closed",
            OpenState::Unknown => "unknown",
        }
    }

    /// When what it says stops being true (for caching a page that shows it).
    pub fn changes_at(&self) -> Option<NaiveDateTime> {
        match *self {
            OpenState::Open { closes_at } => closes_at,
            OpenState::Closed { opens_at } => opens_at,
            OpenState::Unknown => None,
        }
    }
}

impl Site {
    pub fn point(&self) -> super::GeoPoint {
        super::GeoPoint { lat: self.lat, lon: self.lon }
    }

    /// Open now? A closure in force wins over the weekly hours; hours never entered are unknown.
    pub fn open_state(&self, now: DateTime<Utc>) -> OpenState {
        let local = now.with_timezone(&super::hanoi_offset()).naive_local();
        self.closure_state(local).unwrap_or_else(|| OpenState::of_hours(&self.hours, local))
    }

    /// Closed for a while at `local` (Hanoi time), and until when; `None` when no closure is
    /// in force (the weekly hours then decide).
    pub fn closure_state(&self, local: NaiveDateTime) -> Option<OpenState> {
        let closure = self.closure_on(local.date())?;
        let reopening = closure.reopens_on.and_hms_opt(0, 0, 0).expect("midnight exists");
        let opens_at = if self.hours.is_open_at(reopening) { Some(reopening) } else { self.hours.next_change(reopening) };
        Some(OpenState::Closed { opens_at })
    }

    /// The closure in force on `today`, if any (a past one no longer counts).
    pub fn closure_on(&self, today: NaiveDate) -> Option<&Closure> {
        self.closure.as_ref().filter(|c| today < c.reopens_on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn site(hours: &str, closure: Option<Closure>) -> Site {
        Site {
            id: 1,
            slug: "s".into(),
            kind: SiteKind::Showroom,
            name: "S".into(),
            address: String::new(),
            ward_id: 1,
            district_id: 1,
            lat: 21.0,
            lon: 105.8,
            phone: None,
            zalo: None,
            closure,
            operator: None,
            hours: OpeningHours::parse(hours).expect("valid hours"),
            description: String::new(),
            description_en: String::new(),
            stars: None,
            active: true,
        }
    }

    fn utc(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).single().expect("valid")
    }

    fn local(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d).and_then(|x| x.and_hms_opt(h, m, 0)).expect("valid")
    }

    #[test]
    fn open_now_is_reckoned_in_hanoi_whatever_the_server_clock_says() {
        let s = site("Mo-Fr 07:00-17:30; Sa 08:00-12:00", None);
        // 23:30 UTC on Thursday 26 Nov is 06:30 on Friday 27 Nov in Hanoi: closed, opens at 07:00.
        assert_eq!(s.open_state(utc(26, 23, 30)), OpenState::Closed { opens_at: Some(local(27, 7, 0)) });
        // 00:30 UTC Friday = 07:30 Hanoi: open until 17:30.
        assert_eq!(s.open_state(utc(27, 0, 30)), OpenState::Open { closes_at: Some(local(27, 17, 30)) });
        // Saturday 12:00 Hanoi (05:00 UTC): closed until Monday 07:00.
        assert_eq!(s.open_state(utc(28, 5, 0)), OpenState::Closed { opens_at: Some(local(30, 7, 0)) });
    }

    #[test]
    fn a_closure_wins_and_unknown_hours_are_unknown() {
        let closure = Closure { reopens_on: NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid"), note: "Sửa chữa".into() };
        let s = site("Mo-Su 08:00-20:00", Some(closure));
        // Within the hours, but closed for works: reopens at 08:00 on 1 December.
        assert_eq!(
            s.open_state(utc(27, 3, 0)),
            OpenState::Closed { opens_at: NaiveDate::from_ymd_opt(2026, 12, 1).and_then(|d| d.and_hms_opt(8, 0, 0)) }
        );
        assert_eq!(site("", None).open_state(utc(27, 3, 0)), OpenState::Unknown);
    }
}
