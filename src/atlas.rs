//! Map data compiled into the binary: the outlines of Hanoi's 126 commune-level units (2025)
//! and well-known places people start from. Read once, on first use.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::domain::GeoPoint;
use crate::domain::boundaries::{UnitBoundary, parse_units, unit_containing};

const UNITS_GEOJSON: &str = include_str!("../data/hanoi-units-2025.geojson");
const LANDMARKS_JSON: &str = include_str!("../data/landmarks.json");

/// A place everybody knows (Hồ Gươm, Nội Bài airport, a bus station...).
#[derive(Debug, Clone, Deserialize)]
pub struct Landmark {
    pub slug: String,
    pub name_vi: String,
    pub name_en: String,
    pub lat: f64,
    pub lon: f64,
    /// The 2025 unit it lies in (checked by a test against the outlines).
    pub unit: String,
}

impl Landmark {
    pub fn point(&self) -> GeoPoint {
        GeoPoint { lat: self.lat, lon: self.lon }
    }
}

#[derive(Deserialize)]
struct LandmarkFile {
    places: Vec<Landmark>,
}

pub struct Atlas {
    pub units: Vec<UnitBoundary>,
    pub landmarks: Vec<Landmark>,
}

static ATLAS: LazyLock<Atlas> = LazyLock::new(|| Atlas {
    units: parse_units(UNITS_GEOJSON).expect("the bundled GeoJSON parses (a unit test checks it)"),
    landmarks: serde_json::from_str::<LandmarkFile>(LANDMARKS_JSON).expect("the bundled landmarks parse (a unit test checks it)").places,
});

/// The map data (parsed on first use; start-up calls this so no request waits for it).
pub fn atlas() -> &'static Atlas {
    &ATLAS
}

impl Atlas {
    /// The statistics-office code of the unit containing the point, if it is in Hanoi.
    pub fn unit_code_at(&self, point: GeoPoint) -> Option<&str> {
        unit_containing(&self.units, point.lat, point.lon).map(|u| u.code.as_str())
    }

    pub fn landmark(&self, slug: &str) -> Option<&Landmark> {
        self.landmarks.iter().find(|l| l.slug == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_landmark_lies_in_the_unit_it_names() {
        let atlas = atlas();
        assert!(atlas.landmarks.len() >= 15);
        for landmark in &atlas.landmarks {
            let unit = unit_containing(&atlas.units, landmark.lat, landmark.lon).map(|u| u.name.as_str());
            assert_eq!(unit, Some(landmark.unit.as_str()), "{}", landmark.slug);
        }
        let mut slugs: Vec<&str> = atlas.landmarks.iter().map(|l| l.slug.as_str()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), atlas.landmarks.len(), "slugs are unique");
    }

    #[test]
    fn points_outside_hanoi_have_no_unit() {
        assert_eq!(atlas().unit_code_at(GeoPoint { lat: 10.7769, lon: 106.7009 }), None);
        assert_eq!(atlas().unit_code_at(GeoPoint { lat: 21.0287, lon: 105.8524 }), Some("00070"));
    }
}
