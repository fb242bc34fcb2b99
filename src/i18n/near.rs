//! The locator's text: where the shopper is, how far, open or closed now.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::{LazyLock, OnceLock};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rustc_hash::FxHashMap;

use super::Lang;
use super::messages::plain_messages;
use crate::domain::geo::PointProblem;
use crate::domain::{Decimals, OpenState};

/// Open-state sentences a thread keeps for the day at most (then it starts afresh).
const SAID_TODAY_MAX: usize = 4096;

/// Open-state sentences already said, by language and state.
type SaidToday = FxHashMap<(Lang, OpenState), String>;

plain_messages! {
    #[derive(Debug)]
    pub struct NearTexts ("near_") {
        nav,
        title,
        intro,
        use_location,
        locating,
        geolocation_failed,
        choose_heading,
        pick_label,
        landmark_label,
        ward_label,
        district_label,
        pick_submit,
        pick_from_list,
        type_submit,
        where_label,
        where_hint,
        choose_any,
        submit,
        filters_heading,
        product_label,
        in_stock_only,
        open_now_only,
        outside_hanoi,
        none_found,
        remember,
        forget,
        remembered_note,
        call,
        zalo,
        directions_google,
        directions_osm,
        hours_unknown_marked,
        open_all_day,
        closed,
        half_coordinates,
        temporarily_closed,
        results_heading,
        nearest_first,
        distance_heading,
        weekday_0,
        weekday_1,
        weekday_2,
        weekday_3,
        weekday_4,
        weekday_5,
        weekday_6,
    }
}

/// How a distance is said: to 10 m under 950 m (at least 10 m), to 0.1 km under 99.95 km,
/// else to the kilometre.
#[derive(Debug, Clone, Copy, PartialEq)]
enum DistanceStep {
    TensOfMetres(usize),
    TenthsOfKm(usize),
    Km(usize),
}

/// Steps formatted once per language: every step in metres and tenths, and kilometres up to
/// this many (Vietnam is about 1,650 km long).
const REMEMBERED_KM: usize = 2_000;
const TENS_OF_METRES: usize = 96;
const TENTHS_OF_KM: usize = 1_000;
const DISTANCE_STEPS: usize = TENS_OF_METRES + TENTHS_OF_KM + REMEMBERED_KM + 1;

impl DistanceStep {
    fn of(metres: f64) -> DistanceStep {
        if metres < 950.0 {
            DistanceStep::TensOfMetres(((metres / 10.0).round() as usize).max(1))
        } else if metres < 99_950.0 {
            DistanceStep::TenthsOfKm((metres / 100.0).round() as usize)
        } else {
            DistanceStep::Km((metres / 1000.0).round() as usize)
        }
    }

    /// Its place among the steps formatted once, if it is one of them.
    fn index(self) -> Option<usize> {
        match self {
            DistanceStep::TensOfMetres(tens) => (tens < TENS_OF_METRES).then_some(tens),
            DistanceStep::TenthsOfKm(tenths) => (tenths < TENTHS_OF_KM).then_some(TENS_OF_METRES + tenths),
            DistanceStep::Km(km) => (km <= REMEMBERED_KM).then_some(TENS_OF_METRES + TENTHS_OF_KM + km),
        }
    }
}

impl NearTexts {
    /// "850 m", "12,4 km", "123 km".
    pub fn distance(&self, metres: f64) -> String {
        self.distance_text(metres).into_owned()
    }

    /// `distance`, borrowed where it can be: a results page shows ten.
    pub fn distance_text(&self, metres: f64) -> Cow<'static, str> {
        // A page says ten or more distances and each is a message format, while the steps
        // they are said in are few: each is formatted once per language.
        static SAID: LazyLock<Vec<OnceLock<Box<str>>>> =
            LazyLock::new(|| std::iter::repeat_with(OnceLock::new).take(Lang::ALL.len() * DISTANCE_STEPS).collect());
        let step = DistanceStep::of(metres);
        match step.index() {
            Some(i) => Cow::Borrowed(SAID[self.lang as usize * DISTANCE_STEPS + i].get_or_init(|| self.say_distance(step).into())),
            None => Cow::Owned(self.say_distance(step)),
        }
    }

    fn say_distance(&self, step: DistanceStep) -> String {
        let t = self.lang.texts();
        match step {
            DistanceStep::TensOfMetres(tens) => self.format("near_distance_m", &[("metres", (tens * 10).to_string().into())]),
            DistanceStep::TenthsOfKm(tenths) => self.format("near_distance_km", &[("km", t.decimal(tenths as f64 / 10.0).into())]),
            DistanceStep::Km(km) => self.format("near_distance_km", &[("km", t.number(km).into())]),
        }
    }

    /// "Điểm gần nhất cách 45 km: hãy gọi trước khi đi."
    pub fn far(&self, metres: f64) -> String {
        self.format("near_far", &[("distance", self.distance(metres).into())])
    }

    /// "mở cửa, đóng lúc 17:30" / "đóng cửa, mở lại 8:00 thứ Hai" / "chưa rõ giờ mở cửa".
    pub fn open_state(&self, state: OpenState, now: NaiveDateTime) -> String {
        thread_local! {
            /// The sentences said on this thread today: a sentence depends on the state and the
            /// day only, sites share a few hundred opening and closing times, and each sentence
            /// is a message format (a tenth of a by-day results page).
            static SAID_TODAY: RefCell<(NaiveDate, SaidToday)> = RefCell::new((NaiveDate::MIN, SaidToday::default()));
        }
        SAID_TODAY.with_borrow_mut(|(day, said)| {
            if *day != now.date() || said.len() >= SAID_TODAY_MAX {
                said.clear();
                *day = now.date();
            }
            said.entry((self.lang, state)).or_insert_with(|| self.say_open_state(state, now)).clone()
        })
    }

    fn say_open_state(&self, state: OpenState, now: NaiveDateTime) -> String {
        match state {
            OpenState::Open { closes_at: Some(at) } => self.format("near_open_until", &[("when", self.when(at, now).into())]),
            OpenState::Open { closes_at: None } => self.open_all_day.to_owned(),
            OpenState::Closed { opens_at: Some(at) } => self.format("near_closed_until", &[("when", self.when(at, now).into())]),
            OpenState::Closed { opens_at: None } => self.closed.to_owned(),
            OpenState::Unknown => self.hours_unknown_marked.to_owned(),
        }
    }

    /// "Gần Hồ Gươm — phường Hoàn Kiếm (trước đây thuộc Hoàn Kiếm)".
    pub fn near_label(&self, label: &str, unit: Option<String>) -> String {
        match unit {
            Some(unit) if !label.is_empty() => self.format("near_label_place_unit", &[("place", label.into()), ("unit", unit.into())]),
            Some(unit) => self.format("near_label_unit", &[("unit", unit.into())]),
            None => self.format("near_label_place", &[("place", label.into())]),
        }
    }

    /// "21.02870, 105.85240" as a place name.
    pub fn coordinates(&self, lat: f64, lon: f64) -> String {
        let (lat, lon) = (Decimals::<5>(lat).to_string(), Decimals::<5>(lon).to_string());
        self.format("near_coordinates", &[("lat", lat.into()), ("lon", lon.into())])
    }

    pub fn point_problem(&self, field: &str, value: &str, problem: PointProblem) -> String {
        let id = match problem {
            PointProblem::NotANumber => "near_not_a_number",
            PointProblem::LatitudeOutOfRange => "near_latitude_out_of_range",
            PointProblem::LongitudeOutOfRange => "near_longitude_out_of_range",
        };
        self.format(id, &[("field", field.into()), ("value", value.into())])
    }

    pub fn unknown_place(&self, value: &str) -> String {
        self.format("near_unknown_place", &[("value", value.into())])
    }

    pub fn unknown_product(&self, value: &str) -> String {
        self.format("near_unknown_product", &[("value", value.into())])
    }

    pub fn nowhere(&self, value: &str) -> String {
        self.format("near_nowhere", &[("value", value.into())])
    }

    /// "17:30" today, "8:00 ngày mai", "8:00 thứ Hai" within the week.
    fn when(&self, at: NaiveDateTime, now: NaiveDateTime) -> String {
        let time = format!("{}:{:02}", at.hour(), at.minute());
        match (at.date() - now.date()).num_days() {
            0 => self.format("near_when_today", &[("time", time.into())]),
            1 => self.format("near_when_tomorrow", &[("time", time.into())]),
            _ => {
                let weekdays =
                    [self.weekday_0, self.weekday_1, self.weekday_2, self.weekday_3, self.weekday_4, self.weekday_5, self.weekday_6];
                let weekday = weekdays[at.weekday().num_days_from_monday() as usize];
                self.format("near_when_weekday", &[("time", time.into()), ("weekday", weekday.into())])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d).and_then(|x| x.and_hms_opt(h, m, 0)).expect("valid")
    }

    #[test]
    fn distances_read_naturally() {
        let t = crate::i18n::Lang::Vi.near();
        assert_eq!(t.distance(849.0), "850 m");
        assert_eq!(t.distance(3.0), "10 m");
        assert_eq!(t.distance(12_371.0), "12,4 km");
        assert_eq!(t.distance(1_234_567.0), "1.235 km");
    }

    #[test]
    fn a_distance_said_again_is_said_the_same_in_each_language() {
        let (vi, en) = (crate::i18n::Lang::Vi.near(), crate::i18n::Lang::En.near());
        for metres in [0.0, 4.9, 5.0, 944.9, 949.9, 950.0, 12_349.0, 12_351.0, 99_949.0, 99_950.0, 1_999_400.0, 2_000_600.0, 3e6] {
            let step = DistanceStep::of(metres);
            for t in [vi, en] {
                let first = t.distance(metres);
                assert_eq!(t.distance(metres), first, "{metres} m");
                assert_eq!(first, t.say_distance(step), "{metres} m");
            }
        }
        assert_eq!(vi.distance(950.0), "1,0 km");
        assert_eq!(en.distance(12_351.0), "12.4 km");
        assert_eq!(en.distance(3e6), "3,000 km");
        assert_eq!(DistanceStep::of(2_000_600.0).index(), None);
    }

    #[test]
    fn open_states_say_until_when() {
        let t = crate::i18n::Lang::Vi.near();
        // 2026-11-27 is a Friday.
        let now = at(27, 16, 0);
        assert_eq!(t.open_state(OpenState::Open { closes_at: Some(at(27, 17, 30)) }, now), "Đang mở cửa, đóng lúc 17:30");
        assert_eq!(t.open_state(OpenState::Closed { opens_at: Some(at(28, 8, 0)) }, now), "Đang đóng cửa, mở lại 8:00 ngày mai");
        assert_eq!(t.open_state(OpenState::Closed { opens_at: Some(at(30, 8, 0)) }, now), "Đang đóng cửa, mở lại 8:00 thứ Hai");
        // Said again the next day, the same state reads from that day.
        let reopening = OpenState::Closed { opens_at: Some(at(28, 8, 0)) };
        assert_eq!(t.open_state(reopening, at(28, 6, 0)), "Đang đóng cửa, mở lại 8:00");
        assert_eq!(t.open_state(reopening, now), "Đang đóng cửa, mở lại 8:00 ngày mai");
    }
}
