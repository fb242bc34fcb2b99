//! Polygons of the 126 commune-level units (from the bundled GeoJSON) and point-in-unit lookup.

use geo::{BoundingRect, Contains, Coord, Intersects, LineString, MultiPolygon, Point, Polygon, Rect};
use serde_json::Value;

/// One commune-level unit's outline.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitBoundary {
    /// Statistics-office code, e.g. "00070"; matches `Ward::code`.
    pub code: String,
    /// Short name without the kind, e.g. "Hoàn Kiếm" (the GeoJSON's `name_vi`).
    pub name: String,
    /// The outline; x = longitude, y = latitude (WGS84).
    pub shape: MultiPolygon<f64>,
    /// The outline's bounding box: most points are outside it, which is cheap to tell.
    pub bounds: Option<Rect<f64>>,
}

/// Parses a GeoJSON FeatureCollection of Polygon and MultiPolygon features with `code` and
/// `name_vi` properties. Other geometry types are refused, so a broken file is noticed.
pub fn parse_units(geojson: &str) -> Result<Vec<UnitBoundary>, String> {
    let root: Value = serde_json::from_str(geojson).map_err(|e| format!("invalid GeoJSON: {e}"))?;
    let features = root.get("features").and_then(Value::as_array).ok_or("GeoJSON has no \"features\" array")?;
    features.iter().enumerate().map(|(i, feature)| parse_feature(feature).map_err(|e| format!("feature {i}: {e}"))).collect()
}

/// The unit whose outline contains the point, if any (points on a shared edge match neither).
pub fn unit_containing(units: &[UnitBoundary], lat: f64, lon: f64) -> Option<&UnitBoundary> {
    let point = Point::new(lon, lat);
    units.iter().find(|u| u.bounds.is_some_and(|b| b.intersects(&point)) && u.shape.contains(&point))
}

fn parse_feature(feature: &Value) -> Result<UnitBoundary, String> {
    let props = feature.get("properties").ok_or("no properties")?;
    let text = |key: &str| props.get(key).and_then(Value::as_str).map(str::to_owned).ok_or(format!("no \"{key}\" property"));
    let code = text("code")?;
    let name = text("name_vi")?;
    let geometry = feature.get("geometry").ok_or("no geometry")?;
    let coordinates = geometry.get("coordinates").ok_or("no coordinates")?;
    let shape = match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => MultiPolygon::new(vec![parse_polygon(coordinates)?]),
        Some("MultiPolygon") => {
            let parts = coordinates.as_array().ok_or("MultiPolygon coordinates are not an array")?;
            MultiPolygon::new(parts.iter().map(parse_polygon).collect::<Result<_, _>>()?)
        }
        other => return Err(format!("unsupported geometry type {other:?}")),
    };
    let bounds = shape.bounding_rect();
    Ok(UnitBoundary { code, name, shape, bounds })
}

/// `[[ [lon, lat], ... ] outer, inner... ]`
fn parse_polygon(rings: &Value) -> Result<Polygon<f64>, String> {
    let rings = rings.as_array().ok_or("polygon is not an array of rings")?;
    let mut rings = rings.iter().map(parse_ring);
    let exterior = rings.next().ok_or("polygon has no rings")??;
    let interiors = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(Polygon::new(exterior, interiors))
}

fn parse_ring(ring: &Value) -> Result<LineString<f64>, String> {
    let positions = ring.as_array().ok_or("ring is not an array")?;
    if positions.len() < 4 {
        return Err("ring has fewer than 4 positions".into());
    }
    positions
        .iter()
        .map(|p| {
            let xy = p.as_array().filter(|a| a.len() >= 2).ok_or("position is not [lon, lat]")?;
            match (xy[0].as_f64(), xy[1].as_f64()) {
                (Some(x), Some(y)) => Ok(Coord { x, y }),
                _ => Err("position is not numeric".to_owned()),
            }
        })
        .collect::<Result<Vec<_>, _>>()
        .map(LineString::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GEOJSON: &str = include_str!("../../data/hanoi-units-2025.geojson");

    fn code_at(units: &[UnitBoundary], lat: f64, lon: f64) -> Option<(&str, &str)> {
        unit_containing(units, lat, lon).map(|u| (u.code.as_str(), u.name.as_str()))
    }

    #[test]
    fn parses_all_126_units() {
        let units = parse_units(GEOJSON).expect("bundled GeoJSON parses");
        assert_eq!(units.len(), 126);
        assert!(units.iter().all(|u| u.code.len() == 5 && !u.shape.0.is_empty()));
    }

    #[test]
    fn known_points_fall_in_their_units() {
        let units = parse_units(GEOJSON).expect("bundled GeoJSON parses");
        assert_eq!(code_at(&units, 21.0287, 105.8524), Some(("00070", "Hoàn Kiếm")));
        assert_eq!(code_at(&units, 20.9760, 105.9130), Some(("00577", "Bát Tràng")));
        assert_eq!(code_at(&units, 21.2187, 105.8042), Some(("00433", "Nội Bài")));
        assert_eq!(code_at(&units, 21.1408, 105.5060), Some(("09574", "Sơn Tây")));
        assert_eq!(code_at(&units, 20.6176, 105.7480), Some(("10489", "Hương Sơn")));
        // The sea off Hải Phòng is in no Hanoi unit.
        assert_eq!(code_at(&units, 20.80, 106.80), None);
    }

    #[test]
    fn multipolygons_and_bad_input() {
        let multi = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"code":"1","name_vi":"A"},
            "geometry":{"type":"MultiPolygon","coordinates":[
                [[[0,0],[1,0],[1,1],[0,1],[0,0]]],
                [[[2,2],[3,2],[3,3],[2,3],[2,2]]]]}}]}"#;
        let units = parse_units(multi).expect("valid MultiPolygon");
        assert_eq!(code_at(&units, 2.5, 2.5), Some(("1", "A")));
        assert_eq!(code_at(&units, 1.5, 1.5), None);
        assert!(parse_units("{}").is_err());
        assert!(parse_units(&multi.replace("MultiPolygon", "Point")).is_err());
    }
}
