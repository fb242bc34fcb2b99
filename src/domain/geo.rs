//! Points on the Earth and the distances between them (great circle, as the crow flies).

use geo::{Distance, Haversine, Point};

/// A checked WGS84 position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

/// Why a latitude or longitude was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointProblem {
    NotANumber,
    LatitudeOutOfRange,
    LongitudeOutOfRange,
}

impl GeoPoint {
    pub fn new(lat: f64, lon: f64) -> Result<GeoPoint, PointProblem> {
        if !lat.is_finite() || !lon.is_finite() {
            return Err(PointProblem::NotANumber);
        }
        if !(-90.0..=90.0).contains(&lat) {
            return Err(PointProblem::LatitudeOutOfRange);
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(PointProblem::LongitudeOutOfRange);
        }
        Ok(GeoPoint { lat, lon })
    }

    /// Reads "21.0287" and "105.8524" as typed ("inf", "NaN" and "1e400" are not numbers here).
    pub fn parse(lat: &str, lon: &str) -> Result<GeoPoint, PointProblem> {
        let number = |text: &str| -> Result<f64, PointProblem> {
            let text = text.trim();
            let plain = !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
            text.parse::<f64>().ok().filter(|v| plain && v.is_finite()).ok_or(PointProblem::NotANumber)
        };
        GeoPoint::new(number(lat)?, number(lon)?)
    }

    /// Great-circle distance in metres.
    pub fn distance_m(&self, other: &GeoPoint) -> f64 {
        Haversine.distance(Point::new(self.lon, self.lat), Point::new(other.lon, other.lat))
    }

    /// The point on the unit sphere: straight-line (chord) distances between these grow with
    /// great-circle distances, so a plain nearest-neighbour index orders by true distance.
    pub fn unit_vector(&self) -> [f64; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    }

    /// Rounded to 5 decimals (about a metre): one spelling for a remembered place.
    pub fn rounded(&self) -> GeoPoint {
        let round = |v: f64| (v * 1e5).round() / 1e5;
        GeoPoint { lat: round(self.lat), lon: round(self.lon) }
    }

    /// "21.02870,105.85240": the form of a cookie and of a link.
    pub fn to_param(&self) -> String {
        format!("{:.5},{:.5}", self.lat, self.lon)
    }

    /// Reads what `to_param` wrote.
    pub fn from_param(text: &str) -> Option<GeoPoint> {
        let (lat, lon) = text.split_once(',')?;
        GeoPoint::parse(lat, lon).ok()
    }
}

/// Beyond this, even the nearest site is "far" and the page says so.
pub const FAR_M: f64 = 30_000.0;

#[cfg(test)]
mod tests {
    use super::*;

    const HO_GUOM: GeoPoint = GeoPoint { lat: 21.0287, lon: 105.8524 };

    #[test]
    fn distances_match_hand_computed_great_circles() {
        // Hồ Gươm to Nội Bài airport (21.2187, 105.8042): about 21.6 km.
        let noi_bai = GeoPoint { lat: 21.2187, lon: 105.8042 };
        let d = HO_GUOM.distance_m(&noi_bai);
        assert!((d - 21_640.0).abs() < 200.0, "{d}");
        // One thousandth of a degree of latitude is about 111 m everywhere.
        let north = GeoPoint { lat: 21.0297, lon: 105.8524 };
        assert!((HO_GUOM.distance_m(&north) - 111.2).abs() < 0.5);
    }

    #[test]
    fn chord_order_is_distance_order() {
        let chord = |a: &GeoPoint, b: &GeoPoint| {
            let (u, v) = (a.unit_vector(), b.unit_vector());
            (0..3).map(|i| (u[i] - v[i]).powi(2)).sum::<f64>()
        };
        let points =
            [GeoPoint { lat: 21.2187, lon: 105.8042 }, GeoPoint { lat: 20.976, lon: 105.9136 }, GeoPoint { lat: 10.77, lon: 106.7 }];
        let mut by_chord: Vec<usize> = (0..3).collect();
        by_chord.sort_by(|&a, &b| chord(&HO_GUOM, &points[a]).total_cmp(&chord(&HO_GUOM, &points[b])));
        let mut by_distance: Vec<usize> = (0..3).collect();
        by_distance.sort_by(|&a, &b| HO_GUOM.distance_m(&points[a]).total_cmp(&HO_GUOM.distance_m(&points[b])));
        assert_eq!(by_chord, by_distance);
    }

    #[test]
    fn bad_numbers_are_refused() {
        assert_eq!(GeoPoint::parse("91", "105"), Err(PointProblem::LatitudeOutOfRange));
        assert_eq!(GeoPoint::parse("21", "-181"), Err(PointProblem::LongitudeOutOfRange));
        for bad in ["NaN", "inf", "", "abc", "1e3", "21,5"] {
            assert_eq!(GeoPoint::parse(bad, "105"), Err(PointProblem::NotANumber), "{bad}");
        }
        assert_eq!(GeoPoint::parse(" 21.0287 ", "105.8524"), Ok(HO_GUOM));
        assert_eq!(GeoPoint::from_param(&HO_GUOM.to_param()), Some(HO_GUOM));
    }
}
