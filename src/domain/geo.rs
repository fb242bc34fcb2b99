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
        format!("{},{}", Decimals::<5>(self.lat), Decimals::<5>(self.lon))
    }

    /// Reads what `to_param` wrote.
    pub fn from_param(text: &str) -> Option<GeoPoint> {
        let (lat, lon) = text.split_once(',')?;
        GeoPoint::parse(lat, lon).ok()
    }
}

/// A number to `PLACES` decimals (at most 5; coordinates take five, about a metre), exactly as
/// `{:.PLACES$}` writes it (the binary value's exact decimal expansion, ties to even) but with
/// integer arithmetic: a page of directions links writes forty of them, and the float formatter
/// was a twentieth of it.
#[derive(Debug, Clone, Copy)]
pub struct Decimals<const PLACES: u32>(pub f64);

impl<const PLACES: u32> std::fmt::Display for Decimals<PLACES> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const { assert!(PLACES >= 1 && PLACES <= 5, "10^PLACES × a 53-bit mantissa must fit the u128 below") };
        let value = self.0;
        if !value.is_finite() || value.abs() >= 1e12 {
            return write!(f, "{:.*}", PLACES as usize, value);
        }
        let unit = 10u128.pow(PLACES);
        // value = mantissa × 2^-shift exactly (shift > 0 below 2^52); ×10^5 fits in 70 bits.
        let bits = value.to_bits();
        let exponent = ((bits >> 52) & 0x7ff) as u32;
        let fraction = bits & ((1 << 52) - 1);
        let (mantissa, shift) = if exponent == 0 { (fraction, 1074) } else { (fraction | 1 << 52, 1075 - exponent) };
        let product = u128::from(mantissa) * unit;
        let scaled = if shift >= 100 {
            0 // below 2^-30 before scaling: rounds to zero
        } else {
            let (whole, rest, half) = (product >> shift, product & ((1 << shift) - 1), 1u128 << (shift - 1));
            whole + u128::from(rest > half || (rest == half && whole & 1 == 1))
        };
        // Below 10^12 × 10^5 < 2^63. The digits are written by hand into one piece: through
        // `write!` and the integer formatter's padding a number cost several times as much.
        let mut scaled = scaled as u64;
        let mut text = [0u8; 24];
        let mut at = text.len();
        let mut push = |byte: u8| {
            at -= 1;
            text[at] = byte;
        };
        for place in 0..=PLACES {
            if place == PLACES {
                push(b'.');
            }
            push(b'0' + (scaled % 10) as u8);
            scaled /= 10;
        }
        while scaled > 0 {
            push(b'0' + (scaled % 10) as u8);
            scaled /= 10;
        }
        if bits >> 63 == 1 {
            push(b'-');
        }
        f.write_str(std::str::from_utf8(&text[at..]).map_err(|_| std::fmt::Error)?)
    }
}

/// Beyond this, even the nearest site is "far" and the page says so.
pub const FAR_M: f64 = 30_000.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_the_float_formatter_writes_them() {
        let mut values = vec![0.0, -0.0, 1e-7, -1e-7, 0.000005, 0.015625, -0.015625, 21.015625, 2.5e-6, 7.5e-6, 179.999995, 1e11, 5e-324];
        // Ties at the sixth decimal that are exact in binary (k/64), and a spread of others.
        values.extend((0..20_000).map(|k| f64::from(k) / 64.0 - 150.0));
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push((x >> 11) as f64 / (1u64 << 53) as f64 * 360.0 - 180.0);
        }
        for value in values {
            assert_eq!(Decimals::<5>(value).to_string(), format!("{value:.5}"), "{value:e}");
            assert_eq!(Decimals::<2>(value).to_string(), format!("{value:.2}"), "{value:e}");
            assert_eq!(Decimals::<1>(value * 100.0).to_string(), format!("{:.1}", value * 100.0), "{value:e}");
        }
        for value in [f64::NAN, f64::INFINITY, 1e15, 0.05, 0.15, 0.25, 2.5, -0.05] {
            assert_eq!(Decimals::<5>(value).to_string(), format!("{value:.5}"));
            assert_eq!(Decimals::<1>(value).to_string(), format!("{value:.1}"), "{value}");
        }
    }

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
