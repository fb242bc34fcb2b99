//! Hanoi's places: the 30 former districts, the 126 wards and communes of July 2025, craft villages.

/// The kind of a former district-level unit (abolished 1 July 2025, still how people speak).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DistrictKind {
    /// quận
    Urban,
    /// huyện
    Rural,
    /// thị xã (only Sơn Tây)
    Town,
}

impl DistrictKind {
    pub fn key(self) -> &'static str {
        match self {
            DistrictKind::Urban => "urban",
            DistrictKind::Rural => "rural",
            DistrictKind::Town => "town",
        }
    }

    pub fn parse(key: &str) -> Option<DistrictKind> {
        match key {
            "urban" | "quận" => Some(DistrictKind::Urban),
            "rural" | "huyện" => Some(DistrictKind::Rural),
            "town" | "thị xã" => Some(DistrictKind::Town),
            _ => None,
        }
    }

    /// The Vietnamese prefix of the full name: "Quận", "Huyện", "Thị xã".
    pub fn prefix_vi(self) -> &'static str {
        match self {
            DistrictKind::Urban => "Quận",
            DistrictKind::Rural => "Huyện",
            DistrictKind::Town => "Thị xã",
        }
    }
}

/// A former district (quận, huyện, thị xã) of Hanoi.
#[derive(Debug, Clone, PartialEq)]
pub struct District {
    pub id: i64,
    pub slug: String,
    /// Short name without the kind, e.g. "Gia Lâm".
    pub name: String,
    pub name_ascii: String,
    pub kind: DistrictKind,
    /// Statistics-office code, e.g. "018".
    pub gso_code: String,
    pub lat: f64,
    pub lon: f64,
}

impl District {
    /// "Huyện Gia Lâm".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.kind.prefix_vi(), self.name)
    }
}

/// Whether a current unit is a ward (phường, urban) or a commune (xã).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WardKind {
    Ward,
    Commune,
}

impl WardKind {
    pub fn key(self) -> &'static str {
        match self {
            WardKind::Ward => "ward",
            WardKind::Commune => "commune",
        }
    }

    pub fn parse(key: &str) -> Option<WardKind> {
        match key {
            "ward" | "phường" => Some(WardKind::Ward),
            "commune" | "xã" => Some(WardKind::Commune),
            _ => None,
        }
    }

    pub fn prefix_vi(self) -> &'static str {
        match self {
            WardKind::Ward => "Phường",
            WardKind::Commune => "Xã",
        }
    }
}

/// One of the 126 commune-level units in force since 1 July 2025.
#[derive(Debug, Clone, PartialEq)]
pub struct Ward {
    pub id: i64,
    /// Statistics-office code, e.g. "00070".
    pub code: String,
    pub slug: String,
    /// Short name without the kind, e.g. "Bồ Đề".
    pub name: String,
    pub name_ascii: String,
    pub kind: WardKind,
    /// The former district it mostly came from.
    pub district_id: i64,
    pub lat: f64,
    pub lon: f64,
}

impl Ward {
    /// "Phường Bồ Đề".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.kind.prefix_vi(), self.name)
    }
}

/// A craft village (làng nghề) whose makers sell OCOP products.
#[derive(Debug, Clone, PartialEq)]
pub struct CraftVillage {
    pub id: i64,
    pub slug: String,
    /// e.g. "Làng Bát Tràng".
    pub name: String,
    pub name_ascii: String,
    pub craft_vi: String,
    pub craft_en: String,
    /// The current unit it lies in, when known.
    pub ward_id: Option<i64>,
    pub district_id: i64,
    pub lat: f64,
    pub lon: f64,
    pub description: String,
    /// The description in English; empty until translated.
    pub description_en: String,
    /// Deactivated villages are on no public page.
    pub active: bool,
}

impl CraftVillage {
    pub fn point(&self) -> super::GeoPoint {
        super::GeoPoint { lat: self.lat, lon: self.lon }
    }

    /// The groups of its trade, for filtering.
    pub fn crafts(&self) -> Vec<super::craft::Craft> {
        super::craft::Craft::of(&self.craft_en)
    }
}
