//! A map drawn on the server as inline SVG: the outlines of the 2025 wards and communes around
//! the pins, the Red River and Hồ Gươm for orientation, and numbered pins that are links. It
//! needs no tiles, no key and no script; a script may add pan and zoom.

use std::fmt::Write;
use std::sync::LazyLock;

use geo::{BoundingRect, Intersects, LineString, Rect, Simplify, coord};

use crate::atlas::atlas;
use crate::domain::GeoPoint;

/// Metres per degree of latitude (and of longitude at the equator).
const METRES_PER_DEGREE: f64 = 111_320.0;
/// The smallest extent shown, in metres, so one pin is not drawn at street scale.
const MIN_EXTENT_M: f64 = 3_000.0;

/// The Red River through Hanoi, north-west to south-east, drawn approximately (for orientation
/// only: it is not survey data).
const RED_RIVER: &[(f64, f64)] = &[
    (21.270, 105.330),
    (21.215, 105.420),
    (21.160, 105.495),
    (21.115, 105.590),
    (21.100, 105.690),
    (21.088, 105.760),
    (21.080, 105.800),
    (21.066, 105.830),
    (21.052, 105.853),
    (21.036, 105.862),
    (21.018, 105.869),
    (20.998, 105.881),
    (20.975, 105.895),
    (20.948, 105.906),
    (20.900, 105.925),
    (20.850, 105.946),
    (20.780, 105.978),
    (20.700, 106.008),
    (20.630, 106.020),
];
/// Hồ Gươm: its centre and half-axes in metres (about 200 m by 700 m, long side north–south).
const HO_GUOM: (f64, f64) = (21.0287, 105.8524);

/// One numbered pin.
pub struct Pin {
    pub number: usize,
    pub x: i64,
    pub y: i64,
    pub href: String,
    /// Its accessible name: "1. Điểm OCOP Hoàn Kiếm, 80 m".
    pub label: String,
}

/// What the template draws. Coordinates are metres east and south of the view's corner.
pub struct MapView {
    pub view_box: String,
    /// One `d` attribute per ward or commune in view.
    pub wards: Vec<String>,
    pub river: String,
    /// Hồ Gươm as an ellipse: cx, cy, rx, ry (when in view).
    pub lake: Option<(i64, i64, i64, i64)>,
    pub pins: Vec<Pin>,
    /// "You are here", when the map is centred on the shopper.
    pub here: Option<(i64, i64)>,
    /// Pin radius and label size, in the view's units.
    pub pin_radius: f64,
    pub font_size: f64,
    pub stroke: f64,
    pub label: String,
}

/// Equirectangular projection around a reference latitude: fine at city scale.
/// One outline ring as (lat, lon) points.
type Ring = Vec<(f64, f64)>;

/// The ward outlines simplified once for each level of detail (Douglas–Peucker, in metres),
/// so a map costs a projection and a clip per request, not a simplification.
struct Outlines {
    detail_m: f64,
    /// Each unit's bounds (lon/lat) and rings as (lat, lon).
    units: Vec<(Rect<f64>, Vec<Ring>)>,
}

static OUTLINES: LazyLock<Vec<Outlines>> = LazyLock::new(|| {
    [2.0, 8.0, 30.0, 120.0, 500.0]
        .into_iter()
        .map(|detail_m| Outlines {
            detail_m,
            units: atlas()
                .units
                .iter()
                .filter_map(|u| {
                    let bounds = u.shape.bounding_rect()?;
                    let rings = u
                        .shape
                        .0
                        .iter()
                        .flat_map(|polygon| std::iter::once(polygon.exterior()).chain(polygon.interiors()))
                        .map(|ring: &LineString<f64>| ring.simplify(detail_m / METRES_PER_DEGREE).coords().map(|c| (c.y, c.x)).collect())
                        .collect();
                    Some((bounds, rings))
                })
                .collect(),
        })
        .collect()
});

/// The view's units: its longer side is this many, whatever the ground it covers (short
/// numbers in the SVG).
const VIEW_SIZE: f64 = 1000.0;
/// Outline detail below this many view units is dropped (Douglas–Peucker).
const DETAIL: f64 = 1.5;

struct Projection {
    west: f64,
    north: f64,
    cos_lat: f64,
    /// View units per metre.
    scale: f64,
}

impl Projection {
    fn xy(&self, lat: f64, lon: f64) -> (f64, f64) {
        ((lon - self.west) * self.cos_lat * METRES_PER_DEGREE * self.scale, (self.north - lat) * METRES_PER_DEGREE * self.scale)
    }
}

impl MapView {
    /// A map framing every pin (and `here`), with a margin.
    pub fn new(label: String, here: Option<GeoPoint>, pins: Vec<(GeoPoint, String, String)>) -> MapView {
        let points: Vec<GeoPoint> = here.iter().copied().chain(pins.iter().map(|(p, _, _)| *p)).collect();
        let (mut south, mut north, mut west, mut east) = points
            .iter()
            .fold((f64::MAX, f64::MIN, f64::MAX, f64::MIN), |(s, n, w, e), p| (s.min(p.lat), n.max(p.lat), w.min(p.lon), e.max(p.lon)));
        if points.is_empty() {
            (south, north, west, east) = (20.95, 21.10, 105.75, 105.95);
        }
        let mid_lat = (south + north) / 2.0;
        let cos_lat = mid_lat.to_radians().cos();
        // Grow to the minimum extent, then add a margin of an eighth on each side.
        let grow = |low: &mut f64, high: &mut f64, min_degrees: f64| {
            let missing = (min_degrees - (*high - *low)).max(0.0);
            *low -= missing / 2.0;
            *high += missing / 2.0;
            let margin = (*high - *low) / 8.0;
            *low -= margin;
            *high += margin;
        };
        grow(&mut south, &mut north, MIN_EXTENT_M / METRES_PER_DEGREE);
        grow(&mut west, &mut east, MIN_EXTENT_M / (METRES_PER_DEGREE * cos_lat));
        let (width_m, height_m) = ((east - west) * cos_lat * METRES_PER_DEGREE, (north - south) * METRES_PER_DEGREE);
        let scale = VIEW_SIZE / width_m.max(height_m);
        let projection = Projection { west, north, cos_lat, scale };
        let (width, height) = (width_m * scale, height_m * scale);
        let size = VIEW_SIZE;
        let frame = Rect::new(coord! { x: west, y: south }, coord! { x: east, y: north });
        let detail_m = DETAIL / scale;
        let outlines = OUTLINES.iter().rev().find(|level| level.detail_m <= detail_m).unwrap_or(&OUTLINES[0]);
        let wards = outlines
            .units
            .iter()
            .filter(|(bounds, _)| bounds.intersects(&frame))
            .map(|(_, rings)| {
                rings
                    .iter()
                    .map(|ring| {
                        let projected: Vec<(f64, f64)> = ring.iter().map(|&(lat, lon)| projection.xy(lat, lon)).collect();
                        path(clip(&projected, -size / 20.0, width + size / 20.0, -size / 20.0, height + size / 20.0).into_iter(), 0.5, true)
                    })
                    .filter(|d| !d.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let river = path(RED_RIVER.iter().map(|&(lat, lon)| projection.xy(lat, lon)), 0.5, false);
        let lake = {
            let (x, y) = projection.xy(HO_GUOM.0, HO_GUOM.1);
            let (rx, ry) = ((100.0 * scale).max(1.0), (350.0 * scale).max(2.0));
            (x > 0.0 && y > 0.0 && x < width && y < height).then_some((whole(x), whole(y), whole(rx), whole(ry)))
        };
        let pins = pins
            .into_iter()
            .enumerate()
            .map(|(i, (point, href, label))| {
                let (x, y) = projection.xy(point.lat, point.lon);
                Pin { number: i + 1, x: whole(x), y: whole(y), href, label }
            })
            .collect();
        MapView {
            view_box: format!("0 0 {} {}", width.round(), height.round()),
            wards,
            river,
            lake,
            pins,
            here: here.map(|p| projection.xy(p.lat, p.lon)).map(|(x, y)| (whole(x), whole(y))),
            pin_radius: (size / 40.0).round(),
            font_size: (size / 40.0).round(),
            stroke: 1.5,
            label,
        }
    }
}

/// The part of a closed ring inside a rectangle (Sutherland–Hodgman: one pass per side), so a
/// ward that reaches far beyond the view costs only what shows.
fn clip(ring: &[(f64, f64)], left: f64, right: f64, top: f64, bottom: f64) -> Vec<(f64, f64)> {
    type Inside = fn(&(f64, f64), f64) -> bool;
    // Each side: which points are in, and where an edge crosses it.
    let sides: [(Inside, f64, bool); 4] =
        [(|p, v| p.0 >= v, left, true), (|p, v| p.0 <= v, right, true), (|p, v| p.1 >= v, top, false), (|p, v| p.1 <= v, bottom, false)];
    let mut points = ring.to_vec();
    for (inside, value, vertical) in sides {
        let Some(&last) = points.last() else { break };
        let mut kept = Vec::with_capacity(points.len());
        let mut previous = last;
        for &point in &points {
            let cross = |a: (f64, f64), b: (f64, f64)| {
                if vertical {
                    let t = (value - a.0) / (b.0 - a.0);
                    (value, a.1 + t * (b.1 - a.1))
                } else {
                    let t = (value - a.1) / (b.1 - a.1);
                    (a.0 + t * (b.0 - a.0), value)
                }
            };
            match (inside(&point, value), inside(&previous, value)) {
                (true, true) => kept.push(point),
                (true, false) => {
                    kept.push(cross(previous, point));
                    kept.push(point);
                }
                (false, true) => kept.push(cross(previous, point)),
                (false, false) => {}
            }
            previous = point;
        }
        points = kept;
    }
    points
}

/// A view coordinate rounded to a whole unit.
fn whole(v: f64) -> i64 {
    v.round() as i64
}

/// An SVG path through the points, dropping points closer than `tolerance` to the last kept
/// one (rounded to whole metres).
fn path(points: impl Iterator<Item = (f64, f64)>, tolerance: f64, closed: bool) -> String {
    let mut d = String::new();
    let mut last: Option<(f64, f64)> = None;
    for (x, y) in points {
        if last.is_some_and(|(lx, ly)| (x - lx).abs() < tolerance && (y - ly).abs() < tolerance) {
            continue;
        }
        d.push(if last.is_none() { 'M' } else { 'L' });
        // Whole view units, written as integers (cheaper than a float's shortest form).
        let _ = write!(d, "{},{}", whole(x), whole(y));
        last = Some((x, y));
    }
    if closed && !d.is_empty() {
        d.push('Z');
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_are_clipped_to_the_view() {
        let square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0), (-10.0, -10.0)];
        let clipped = clip(&square, 0.0, 5.0, 0.0, 5.0);
        assert!(clipped.iter().all(|&(x, y)| (0.0..=5.0).contains(&x) && (0.0..=5.0).contains(&y)), "{clipped:?}");
        assert!(clip(&square, 20.0, 30.0, 20.0, 30.0).is_empty(), "nothing of it shows");
    }

    #[test]
    fn pins_are_framed_and_numbered_in_order() {
        let a = GeoPoint { lat: 21.0287, lon: 105.8524 };
        let b = GeoPoint { lat: 21.0368, lon: 105.8347 };
        let map = MapView::new("m".into(), Some(a), vec![(a, "/a".into(), "A".into()), (b, "/b".into(), "B".into())]);
        let size: Vec<f64> = map.view_box.split(' ').map(|v| v.parse().expect("number")).collect();
        for pin in &map.pins {
            assert!(pin.x > 0 && (pin.x as f64) < size[2] && pin.y > 0 && (pin.y as f64) < size[3], "inside the frame");
        }
        assert_eq!(map.pins.iter().map(|p| p.number).collect::<Vec<_>>(), vec![1, 2]);
        // North is up and west is left: b is north-west of a.
        assert!(map.pins[1].y < map.pins[0].y && map.pins[1].x < map.pins[0].x);
        assert!(!map.wards.is_empty() && map.wards.len() < 40, "only the wards around: {}", map.wards.len());
        assert!(map.lake.is_some(), "Hồ Gươm is in view");
    }
}
