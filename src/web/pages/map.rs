//! A map drawn on the server as inline SVG: the outlines of the 2025 wards and communes around
//! the pins, the Red River and Hồ Gươm for orientation, and numbered pins that are links. It
//! needs no tiles, no key and no script; a script may add pan and zoom.

use std::fmt::Write;
use std::sync::LazyLock;

use geo::{BoundingRect, Intersects, LineString, Rect, Simplify, coord};

use crate::atlas::atlas;
use crate::domain::{Decimals, GeoPoint};

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

/// What the template draws. Coordinates are metres east and south of the view's corner. The
/// template writes the numbers (`view_box`, `wards_transform`, `wards_stroke`, `marks`) `|safe`:
/// they are formatted here from numbers alone.
pub struct MapView {
    pub view_box: String,
    /// One `d` attribute per ward or commune in view, in the grid `wards_transform` places.
    pub wards: Vec<&'static str>,
    /// The SVG transform from the outlines' grid to the view ("matrix(…)").
    pub wards_transform: String,
    /// The outlines' width (`STROKE` view units) in the grid's units.
    pub wards_stroke: String,
    pub river: String,
    /// Hồ Gươm as an ellipse: cx, cy, rx, ry (when in view).
    pub lake: Option<(i64, i64, i64, i64)>,
    pub pins: Vec<Pin>,
    /// "You are here", when the map is centred on the shopper.
    pub here: Option<(i64, i64)>,
    pub marks: &'static Marks,
    /// The map's accessible name, an interface message.
    pub label: &'static str,
}

/// The sizes of what every map draws (pins, their labels, "you are here", the river), in the
/// view's units, which are the same on every map: formatted once, not three numbers a pin.
#[derive(Debug)]
pub struct Marks {
    pub pin_radius: String,
    pub pin_stroke: String,
    pub font_size: String,
    pub here_radius: String,
    pub here_stroke: String,
    pub river_stroke: String,
}

static MARKS: LazyLock<Marks> = LazyLock::new(|| {
    let pin_radius = (VIEW_SIZE / 40.0).round();
    Marks {
        pin_radius: pin_radius.to_string(),
        pin_stroke: (STROKE * 2.0).to_string(),
        font_size: pin_radius.to_string(),
        here_radius: (pin_radius * 0.6).to_string(),
        here_stroke: (STROKE * 3.0).to_string(),
        river_stroke: (STROKE * 6.0).to_string(),
    }
});

/// The ward outlines, written once for each level of detail as SVG path data in the level's own
/// grid (whole steps of `step_m` metres east and south of the atlas's north-west corner), so a
/// map copies the outlines it shows and places them all with one transform: no projection, clip
/// or number formatting per request. The source outlines have about 64 points a ward, so a ward
/// drawn whole, even where it reaches beyond the view, costs a few hundred bytes.
struct Outlines {
    /// The grid's origin (the atlas's north-west corner) and the cosine of its mid-latitude.
    west: f64,
    north: f64,
    cos_lat: f64,
    levels: Vec<Level>,
}

struct Level {
    /// Douglas–Peucker tolerance, in metres.
    detail_m: f64,
    /// Metres per grid step: half the detail, so rounding adds no visible error.
    step_m: f64,
    /// Each unit's bounds (lon/lat) and outline as path data.
    units: Vec<(Rect<f64>, String)>,
}

static OUTLINES: LazyLock<Outlines> = LazyLock::new(|| {
    let units = &atlas().units;
    let bounds: Vec<Rect<f64>> = units.iter().filter_map(|u| u.shape.bounding_rect()).collect();
    let west = bounds.iter().map(|b| b.min().x).fold(f64::MAX, f64::min);
    let north = bounds.iter().map(|b| b.max().y).fold(f64::MIN, f64::max);
    let south = bounds.iter().map(|b| b.min().y).fold(f64::MAX, f64::min);
    let cos_lat = ((north + south) / 2.0).to_radians().cos();
    let levels = [2.0, 8.0, 30.0, 120.0, 500.0]
        .into_iter()
        .map(|detail_m: f64| {
            let step_m = detail_m / 2.0;
            let grid = |c: &geo::Coord<f64>| {
                (whole((c.x - west) * cos_lat * METRES_PER_DEGREE / step_m), whole((north - c.y) * METRES_PER_DEGREE / step_m))
            };
            let units = units
                .iter()
                .filter_map(|u| {
                    let rings = u.shape.0.iter().flat_map(|polygon| std::iter::once(polygon.exterior()).chain(polygon.interiors()));
                    let d: String = rings
                        .map(|ring: &LineString<f64>| ring_path(ring.simplify(detail_m / METRES_PER_DEGREE).coords().map(grid)))
                        .collect();
                    Some((u.shape.bounding_rect()?, d))
                })
                .collect();
            Level { detail_m, step_m, units }
        })
        .collect();
    Outlines { west, north, cos_lat, levels }
});

/// One closed ring as path data: the first point absolute, then relative steps (short numbers),
/// repeated points left out; nothing for a ring that the grid shrinks to less than a triangle.
fn ring_path(points: impl Iterator<Item = (i64, i64)>) -> String {
    let mut points: Vec<(i64, i64)> = points.collect();
    points.dedup();
    if points.len() < 4 {
        return String::new();
    }
    let (x, y) = points[0];
    let mut d = format!("M{x},{y}l");
    for pair in points.windows(2) {
        let _ = write!(d, "{},{} ", pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
    }
    d.pop();
    d.push('z');
    d
}

/// The view's units: its longer side is this many, whatever the ground it covers (short
/// numbers in the SVG).
const VIEW_SIZE: f64 = 1000.0;
/// Outline detail below this many view units is dropped (Douglas–Peucker).
const DETAIL: f64 = 1.5;
/// Outline width, in view units.
const STROKE: f64 = 1.5;

/// Equirectangular projection around a reference latitude: fine at city scale.
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
    pub fn new(label: &'static str, here: Option<GeoPoint>, pins: Vec<(GeoPoint, String, String)>) -> MapView {
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
        let frame = Rect::new(coord! { x: west, y: south }, coord! { x: east, y: north });
        let detail_m = DETAIL / scale;
        let outlines = &*OUTLINES;
        let level = outlines.levels.iter().rev().find(|level| level.detail_m <= detail_m).unwrap_or(&outlines.levels[0]);
        let wards = level.units.iter().filter(|(bounds, d)| !d.is_empty() && bounds.intersects(&frame)).map(|(_, d)| d.as_str()).collect();
        // Grid to view: x = (lon − west)·cos·M·scale with lon = W₀ + X·step/(cos₀·M), likewise y.
        let (grid_x, grid_y) = (level.step_m * scale * cos_lat / outlines.cos_lat, level.step_m * scale);
        let (shift_x, shift_y) = projection.xy(outlines.north, outlines.west);
        // Decimals writes what `{:.5}` (or `.1`, `.2`) would, without the general float formatter.
        let wards_transform = format!(
            "matrix({} 0 0 {} {} {})",
            Decimals::<5>(grid_x),
            Decimals::<5>(grid_y),
            Decimals::<1>(shift_x),
            Decimals::<1>(shift_y)
        );
        let wards_stroke = Decimals::<2>(STROKE / grid_y).to_string();
        // Drawn only where it can show: most of Vietnam's maps are far from Hanoi.
        let river = if river_bounds().intersects(&frame) {
            path(RED_RIVER.iter().map(|&(lat, lon)| projection.xy(lat, lon)), 0.5, false)
        } else {
            String::new()
        };
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
            view_box: format!("0 0 {} {}", whole(width), whole(height)),
            wards,
            wards_transform,
            wards_stroke,
            river,
            lake,
            pins,
            here: here.map(|p| projection.xy(p.lat, p.lon)).map(|(x, y)| (whole(x), whole(y))),
            marks: &MARKS,
            label,
        }
    }
}

/// The box around the river (x longitude, y latitude, as the map's frame).
fn river_bounds() -> Rect {
    let (lats, lons) = (RED_RIVER.iter().map(|p| p.0), RED_RIVER.iter().map(|p| p.1));
    let south_west = coord! { x: lons.clone().fold(f64::MAX, f64::min), y: lats.clone().fold(f64::MAX, f64::min) };
    Rect::new(south_west, coord! { x: lons.fold(f64::MIN, f64::max), y: lats.fold(f64::MIN, f64::max) })
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

    /// A ward's path data as absolute grid points, ring by ring.
    fn grid_rings(d: &str) -> Vec<Vec<(f64, f64)>> {
        let number = |v: &str| v.parse::<f64>().expect("a number in the path");
        d.split('M')
            .filter(|ring| !ring.is_empty())
            .map(|ring| {
                let (start, steps) = ring.trim_end_matches('z').split_once('l').expect("a start and steps");
                let (x, y) = start.split_once(',').expect("x,y");
                let mut at = (number(x), number(y));
                let mut points = vec![at];
                for step in steps.split(' ').filter(|s| !s.is_empty()) {
                    let (dx, dy) = step.split_once(',').expect("dx,dy");
                    at = (at.0 + number(dx), at.1 + number(dy));
                    points.push(at);
                }
                points
            })
            .collect()
    }

    #[test]
    fn ward_outlines_drawn_through_the_transform_land_where_the_projection_puts_them() {
        let here = GeoPoint { lat: 21.0287, lon: 105.8524 };
        assert!(OUTLINES.levels.iter().all(|level| level.units.len() == atlas().units.len()), "every unit has an outline");
        // Zoomed in, the city, the region: different levels of detail.
        for far in [0.005, 0.3, 2.5] {
            let pin = GeoPoint { lat: here.lat + far, lon: here.lon + far };
            let map = MapView::new("m", Some(here), vec![(pin, "/a".into(), "A".into())]);
            let inner = map.wards_transform.trim_start_matches("matrix(").trim_end_matches(')');
            let m: Vec<f64> = inner.split(' ').map(|v| v.parse().expect("a number")).collect();
            assert_eq!((m[1], m[2]), (0.0, 0.0), "no rotation");
            let view = |(x, y): (f64, f64)| (m[0] * x + m[4], m[3] * y + m[5]);
            let level = OUTLINES
                .levels
                .iter()
                .find(|level| level.units.iter().any(|(_, own)| std::ptr::eq(own.as_str(), map.wards[0])))
                .expect("the outlines come from one level");
            // The projection, as the pin and "here" show it: view units per degree each way.
            let (hx, hy) = map.here.map(|(x, y)| (x as f64, y as f64)).expect("here is drawn");
            let per_lon = (map.pins[0].x as f64 - hx) / (pin.lon - here.lon);
            let per_lat = (hy - map.pins[0].y as f64) / (pin.lat - here.lat);
            for d in &map.wards {
                let index = level.units.iter().position(|(_, own)| std::ptr::eq(own.as_str(), *d)).expect("all from that level");
                let first = atlas().units[index].shape.0[0].exterior().0[0];
                let rings = grid_rings(d);
                let (x, y) = view(rings[0][0]);
                let (expected_x, expected_y) = (hx + (first.x - here.lon) * per_lon, hy - (first.y - here.lat) * per_lat);
                // Pins are whole view units, so the scale they give is good to about 1 %.
                let tolerance = 2.0 + 0.01 * ((x - hx).abs() + (y - hy).abs());
                assert!(
                    (x - expected_x).abs() < tolerance && (y - expected_y).abs() < tolerance,
                    "({x}, {y}) vs ({expected_x}, {expected_y})"
                );
                assert!(rings.iter().all(|ring| ring.first() == ring.last()), "each ring closes on its start");
            }
        }
    }

    #[test]
    fn pins_are_framed_and_numbered_in_order() {
        let a = GeoPoint { lat: 21.0287, lon: 105.8524 };
        let b = GeoPoint { lat: 21.0368, lon: 105.8347 };
        let map = MapView::new("m", Some(a), vec![(a, "/a".into(), "A".into()), (b, "/b".into(), "B".into())]);
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
