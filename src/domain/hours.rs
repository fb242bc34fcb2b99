//! Weekly opening hours, written the OpenStreetMap way: `Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00`.

use std::fmt;

use chrono::{Datelike, NaiveDateTime, Timelike};

const DAY_CODES: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Minutes after midnight, `open..close` (close may be 24:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    pub open: u16,
    pub close: u16,
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}–{:02}:{:02}", self.open / 60, self.open % 60, self.close / 60, self.close % 60)
    }
}

/// A run of weekdays (0 = Monday) sharing the same intervals, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySpan {
    pub first: usize,
    pub last: usize,
    pub intervals: Vec<Interval>,
}

/// Opening hours for each day of the week; a day with no interval is closed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct OpeningHours {
    days: [Vec<Interval>; 7],
}

/// Why an opening-hours text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("giờ mở cửa không hợp lệ ở “{part}”: dùng dạng “Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00”")]
pub struct HoursError {
    pub part: String,
}

impl OpeningHours {
    /// Parses `Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00`. Days: Mo Tu We Th Fr Sa Su, as single
    /// days, ranges or comma lists; several intervals per rule are comma-separated.
    pub fn parse(text: &str) -> Result<OpeningHours, HoursError> {
        let mut hours = OpeningHours::default();
        for rule in text.split(';').map(str::trim).filter(|r| !r.is_empty()) {
            let error = || HoursError { part: rule.to_owned() };
            let (days, times) = rule.split_once(' ').ok_or_else(error)?;
            let days = parse_days(days).ok_or_else(error)?;
            let intervals = times.split(',').map(|t| parse_interval(t.trim())).collect::<Option<Vec<_>>>().ok_or_else(error)?;
            for day in days {
                hours.days[day] = intervals.clone();
            }
        }
        Ok(hours)
    }

    /// Open every day with the same interval.
    pub fn daily(open: u16, close: u16) -> OpeningHours {
        OpeningHours { days: std::array::from_fn(|_| vec![Interval { open, close }]) }
    }

    /// Is it open at this local (Hanoi) time?
    pub fn is_open_at(&self, local: NaiveDateTime) -> bool {
        let day = local.weekday().num_days_from_monday() as usize;
        let minute = (local.hour() * 60 + local.minute()) as u16;
        self.days[day].iter().any(|i| i.open <= minute && minute < i.close)
    }

    /// The first moment after `local`, within eight days, when it opens or closes; `None` when
    /// nothing changes (open round the clock, or never open).
    pub fn next_change(&self, local: NaiveDateTime) -> Option<NaiveDateTime> {
        let open_now = self.is_open_at(local);
        let mut boundaries: Vec<NaiveDateTime> = (0..=8)
            .filter_map(|offset| local.date().checked_add_days(chrono::Days::new(offset)))
            .flat_map(|date| {
                let day = date.weekday().num_days_from_monday() as usize;
                self.days[day]
                    .iter()
                    .flat_map(move |i| [i.open, i.close])
                    .map(move |minute| date.and_hms_opt(0, 0, 0).expect("midnight exists") + chrono::Duration::minutes(i64::from(minute)))
            })
            .filter(|t| *t > local)
            .collect();
        boundaries.sort_unstable();
        boundaries.into_iter().find(|t| self.is_open_at(*t) != open_now)
    }

    pub fn is_always_closed(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }

    /// Consecutive days with equal hours grouped, closed days left out.
    pub fn spans(&self) -> Vec<DaySpan> {
        let mut spans: Vec<DaySpan> = Vec::new();
        for (day, intervals) in self.days.iter().enumerate() {
            if intervals.is_empty() {
                continue;
            }
            match spans.last_mut() {
                Some(span) if span.last + 1 == day && span.intervals == *intervals => span.last = day,
                _ => spans.push(DaySpan { first: day, last: day, intervals: intervals.clone() }),
            }
        }
        spans
    }
}

/// Written back in the same syntax it parses, so it round-trips through the database.
impl fmt::Display for OpeningHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rules: Vec<String> = self
            .spans()
            .iter()
            .map(|span| {
                let days = if span.first == span.last {
                    DAY_CODES[span.first].to_owned()
                } else {
                    format!("{}-{}", DAY_CODES[span.first], DAY_CODES[span.last])
                };
                let times: Vec<String> = span
                    .intervals
                    .iter()
                    .map(|i| format!("{:02}:{:02}-{:02}:{:02}", i.open / 60, i.open % 60, i.close / 60, i.close % 60))
                    .collect();
                format!("{days} {}", times.join(","))
            })
            .collect();
        f.write_str(&rules.join("; "))
    }
}

fn day_index(code: &str) -> Option<usize> {
    DAY_CODES.iter().position(|d| *d == code)
}

fn parse_days(text: &str) -> Option<Vec<usize>> {
    let mut days = Vec::new();
    for part in text.split(',') {
        match part.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (day_index(from)?, day_index(to)?);
                if from > to {
                    return None;
                }
                days.extend(from..=to);
            }
            None => days.push(day_index(part)?),
        }
    }
    Some(days)
}

fn parse_interval(text: &str) -> Option<Interval> {
    let (open, close) = text.split_once('-')?;
    let (open, close) = (parse_clock(open)?, parse_clock(close)?);
    (open < close).then_some(Interval { open, close })
}

fn parse_clock(text: &str) -> Option<u16> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|date| date.and_hms_opt(h, min, 0)).expect("valid time")
    }

    #[test]
    fn parses_ranges_lists_and_split_days() {
        let hours = OpeningHours::parse("Mo-Fr 08:00-12:00,13:30-17:30; Sa,Su 08:00-11:00").expect("valid");
        // 2026-11-23 is a Monday.
        assert!(hours.is_open_at(at(2026, 11, 23, 8, 0)));
        assert!(!hours.is_open_at(at(2026, 11, 23, 12, 30)));
        assert!(!hours.is_open_at(at(2026, 11, 23, 17, 30)));
        assert!(hours.is_open_at(at(2026, 11, 29, 10, 59)));
        assert!(!hours.is_open_at(at(2026, 11, 29, 11, 0)));
    }

    #[test]
    fn next_change_finds_the_next_opening_or_closing() {
        let hours = OpeningHours::parse("Mo-Fr 08:00-12:00,13:30-17:30; Sa 08:00-11:00").expect("valid");
        // Monday 09:00: closes at 12:00; at lunch, opens at 13:30.
        assert_eq!(hours.next_change(at(2026, 11, 23, 9, 0)), Some(at(2026, 11, 23, 12, 0)));
        assert_eq!(hours.next_change(at(2026, 11, 23, 12, 0)), Some(at(2026, 11, 23, 13, 30)));
        // Saturday after 11:00: closed until Monday 08:00 (Sunday is closed).
        assert_eq!(hours.next_change(at(2026, 11, 28, 11, 0)), Some(at(2026, 11, 30, 8, 0)));
        // Open round the clock: nothing ever changes.
        assert_eq!(OpeningHours::daily(0, 24 * 60).next_change(at(2026, 11, 23, 9, 0)), None);
        // Until midnight, then open again at midnight: the change is the evening close.
        let late = OpeningHours::parse("Mo-Su 00:00-02:00,08:00-24:00").expect("valid");
        assert_eq!(late.next_change(at(2026, 11, 23, 23, 0)), Some(at(2026, 11, 24, 2, 0)));
    }

    #[test]
    fn round_trips_through_its_text_form() {
        let text = "Mo-Fr 08:00-17:30; Sa 08:00-12:00";
        assert_eq!(OpeningHours::parse(text).expect("valid").to_string(), text);
        assert_eq!(OpeningHours::daily(480, 1320).to_string(), "Mo-Su 08:00-22:00");
    }

    #[test]
    fn refuses_nonsense() {
        for bad in ["Mo 8-17", "Xx 08:00-17:00", "Fr-Mo 08:00-17:00", "Mo 18:00-08:00", "Mo 25:00-26:00", "08:00-17:00"] {
            assert!(OpeningHours::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn groups_equal_consecutive_days() {
        let hours = OpeningHours::parse("Mo-We 08:00-17:00; Th 08:00-12:00; Fr 08:00-17:00").expect("valid");
        let spans = hours.spans();
        assert_eq!(spans.len(), 3);
        assert_eq!((spans[0].first, spans[0].last), (0, 2));
    }
}
