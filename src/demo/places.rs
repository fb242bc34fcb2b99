//! The real places of the demo: the 30 former districts, the 126 current units with their
//! polygons and the 31 craft villages, read from the bundled research files.

use geo::{BoundingRect, Contains, Point};
use serde::Deserialize;

use super::villages;
use crate::domain::boundaries::{UnitBoundary, parse_units};
use crate::domain::rng::SeededRng;
use crate::domain::text::slugify;
use crate::domain::{CraftVillage, District, DistrictKind, Ward, WardKind};

const PLACES_JSON: &str = include_str!("../../data/hanoi-places.json");
const UNITS_GEOJSON: &str = include_str!("../../data/hanoi-units-2025.geojson");

#[derive(Deserialize)]
struct Source {
    old_districts_pre_2025_07: Vec<SourceDistrict>,
    new_units_2025: Vec<SourceUnit>,
    craft_villages: Vec<SourceVillage>,
}

#[derive(Deserialize)]
struct SourceDistrict {
    gso_code: String,
    name_vi: String,
    name_ascii: String,
    #[serde(rename = "type")]
    kind: String,
    recommended_pin: LatLon,
}

#[derive(Deserialize)]
struct LatLon {
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct SourceUnit {
    code: String,
    name_vi: String,
    name_ascii: String,
    #[serde(rename = "type")]
    kind: String,
    full_name_vi: String,
    lat: f64,
    lon: f64,
    primary_old_district: String,
    predecessors: Vec<Predecessor>,
}

#[derive(Deserialize)]
struct Predecessor {
    name: String,
}

#[derive(Deserialize)]
struct SourceVillage {
    name_vi: String,
    name_ascii: String,
    craft_vi: String,
    craft_en: String,
    old_district: String,
    new_unit_2025: Option<String>,
    lat: f64,
    lon: f64,
}

/// The place tables plus the lookups the rest of the generator needs. Indexes are positions in
/// the vectors; ids are positions + 1.
pub(super) struct Places {
    pub districts: Vec<District>,
    pub wards: Vec<Ward>,
    pub villages: Vec<CraftVillage>,
    /// `shapes[i]` is the outline of `wards[i]`.
    shapes: Vec<UnitBoundary>,
    /// `wards_of[d]`: indexes of the wards whose main former district is `districts[d]`.
    wards_of: Vec<Vec<usize>>,
    /// Names of the 526 units before July 2025, without their kind ("Vĩnh Phúc").
    pub old_unit_names: Vec<String>,
}

impl Places {
    /// Parses the embedded files. They ship with the binary, so a parse failure is a build bug.
    pub fn load() -> Places {
        let source: Source = serde_json::from_str(PLACES_JSON).expect("embedded hanoi-places.json parses");
        let units = parse_units(UNITS_GEOJSON).expect("embedded hanoi-units-2025.geojson parses");
        let districts: Vec<District> = source
            .old_districts_pre_2025_07
            .iter()
            .enumerate()
            .map(|(i, d)| District {
                id: i as i64 + 1,
                slug: slugify(&d.name_ascii),
                name: d.name_vi.clone(),
                name_ascii: d.name_ascii.clone(),
                kind: DistrictKind::parse(&d.kind).expect("district type is quận, huyện or thị xã"),
                gso_code: d.gso_code.clone(),
                lat: d.recommended_pin.lat,
                lon: d.recommended_pin.lon,
            })
            .collect();
        let district_id = |name: &str| districts.iter().find(|d| d.name == name).map(|d| d.id).expect("district named in the data exists");
        let wards: Vec<Ward> = source
            .new_units_2025
            .iter()
            .enumerate()
            .map(|(i, u)| Ward {
                id: i as i64 + 1,
                code: u.code.clone(),
                slug: slugify(&u.full_name_vi),
                name: u.name_vi.clone(),
                name_ascii: u.name_ascii.clone(),
                kind: WardKind::parse(&u.kind).expect("unit type is phường or xã"),
                district_id: district_id(&u.primary_old_district),
                lat: u.lat,
                lon: u.lon,
            })
            .collect();
        let shapes = wards.iter().map(|w| units.iter().find(|u| u.code == w.code).cloned().expect("every unit has a polygon")).collect();
        let ward_id = |full: &str| wards.iter().find(|w| w.full_name() == full).map(|w| w.id);
        let villages = source
            .craft_villages
            .iter()
            .enumerate()
            .map(|(i, v)| CraftVillage {
                id: i as i64 + 1,
                slug: slugify(&v.name_vi),
                name: v.name_vi.clone(),
                name_ascii: v.name_ascii.clone(),
                craft_vi: v.craft_vi.clone(),
                craft_en: v.craft_en.clone(),
                ward_id: v.new_unit_2025.as_deref().and_then(ward_id),
                district_id: district_id(&v.old_district),
                lat: v.lat,
                lon: v.lon,
                description: villages::description(&v.name_ascii).to_owned(),
                description_en: villages::description_en(&v.name_ascii).to_owned(),
                active: true,
            })
            .collect();
        let mut wards_of = vec![Vec::new(); districts.len()];
        for (i, w) in wards.iter().enumerate() {
            wards_of[w.district_id as usize - 1].push(i);
        }
        let mut old_unit_names: Vec<String> = source
            .new_units_2025
            .iter()
            .flat_map(|u| &u.predecessors)
            .map(|p| {
                p.name
                    .split_once(' ')
                    .filter(|(kind, _)| *kind != "Thị")
                    .map_or(&*p.name, |(_, rest)| rest)
                    .trim_start_matches("trấn ")
                    .to_owned()
            })
            .collect();
        old_unit_names.sort_unstable();
        old_unit_names.dedup();
        Places { districts, wards, villages, shapes, wards_of, old_unit_names }
    }

    /// Index of the district with this short name ("Gia Lâm").
    pub fn district(&self, name: &str) -> usize {
        self.districts.iter().position(|d| d.name == name).unwrap_or_else(|| panic!("no district {name}"))
    }

    /// Index of the ward with this full name ("Xã Bát Tràng").
    pub fn ward(&self, full_name: &str) -> usize {
        self.wards.iter().position(|w| w.full_name() == full_name).unwrap_or_else(|| panic!("no ward {full_name}"))
    }

    /// Index of the village with this ASCII name ("Bat Trang").
    pub fn village(&self, ascii: &str) -> usize {
        self.villages.iter().position(|v| v.name_ascii == ascii).unwrap_or_else(|| panic!("no village {ascii}"))
    }

    /// "xã Bát Tràng", as written inside a sentence or an address.
    pub fn ward_in_text(&self, w: usize) -> String {
        let ward = &self.wards[w];
        format!("{} {}", ward.kind.prefix_vi().to_lowercase(), ward.name)
    }

    /// "huyện Gia Lâm", as written inside a sentence.
    pub fn district_in_text(&self, d: usize) -> String {
        let district = &self.districts[d];
        format!("{} {}", district.kind.prefix_vi().to_lowercase(), district.name)
    }

    /// Wards whose main former district is district `d`.
    pub fn wards_of(&self, d: usize) -> &[usize] {
        &self.wards_of[d]
    }

    /// Index of the former district ward `w` mostly came from.
    pub fn district_of_ward(&self, w: usize) -> usize {
        self.wards[w].district_id as usize - 1
    }

    /// Index of the former district village `v` belongs to.
    pub fn district_of_village(&self, v: usize) -> usize {
        self.villages[v].district_id as usize - 1
    }

    /// The ward a village's makers are filed under: the village's own unit when that unit counts
    /// under the same former district, else the district's ward nearest the village.
    pub fn ward_of_village(&self, v: usize) -> usize {
        let village = &self.villages[v];
        let d = self.district_of_village(v);
        if let Some(w) = village.ward_id.map(|id| id as usize - 1).filter(|&w| self.district_of_ward(w) == d) {
            return w;
        }
        let distance = |w: usize| (self.wards[w].lat - village.lat).powi(2) + (self.wards[w].lon - village.lon).powi(2);
        self.wards_of(d).iter().copied().min_by(|&a, &b| distance(a).total_cmp(&distance(b))).expect("every district has a ward")
    }

    /// "Làng Bát Tràng" → "Bát Tràng"; "Quảng An (hồ Tây)" → "Quảng An".
    pub fn village_short(&self, v: usize) -> &str {
        let name = self.villages[v].name.as_str();
        let name = name.strip_prefix("Làng ").unwrap_or(name);
        name.split(" (").next().unwrap_or(name)
    }

    /// A uniformly random point strictly inside ward `w` (rejection sampling in its bounding box).
    pub fn point_in_ward(&self, w: usize, rng: &mut SeededRng) -> (f64, f64) {
        let shape = &self.shapes[w].shape;
        let rect = shape.bounding_rect().expect("a ward polygon is not empty");
        for _ in 0..10_000 {
            let lon = rect.min().x + rng.unit() * rect.width();
            let lat = rect.min().y + rng.unit() * rect.height();
            // Five decimals (about 1 m), like the published coordinates; re-check after rounding.
            let (lat, lon) = ((lat * 1e5).round() / 1e5, (lon * 1e5).round() / 1e5);
            if shape.contains(&Point::new(lon, lat)) {
                return (lat, lon);
            }
        }
        panic!("no point found inside ward {}", self.wards[w].code)
    }
}
