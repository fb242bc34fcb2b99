//! The six OCOP product groups.

use serde::Serialize;

/// An OCOP product group, as set by the national programme (Decision 148/QĐ-TTg).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Food,
    Beverages,
    Herbal,
    FabricsGarments,
    Handicrafts,
    RuralTourism,
}

impl Category {
    /// Every group, in the programme's order.
    pub const ALL: [Category; 6] =
        [Category::Food, Category::Beverages, Category::Herbal, Category::FabricsGarments, Category::Handicrafts, Category::RuralTourism];

    /// The stable key used in URLs, the database and CSV files.
    pub fn key(self) -> &'static str {
        match self {
            Category::Food => "food",
            Category::Beverages => "beverages",
            Category::Herbal => "herbal",
            Category::FabricsGarments => "fabrics_garments",
            Category::Handicrafts => "handicrafts",
            Category::RuralTourism => "rural_tourism",
        }
    }

    /// Parses a key; also accepts the long key of the researched data set.
    pub fn parse(key: &str) -> Option<Category> {
        match key {
            "souvenirs_furniture_decoration" => Some(Category::Handicrafts),
            _ => Category::ALL.into_iter().find(|c| c.key() == key),
        }
    }

    /// Tourism services are visited, not stocked on a shelf.
    pub fn is_service(self) -> bool {
        self == Category::RuralTourism
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.key()), Some(c));
        }
        assert_eq!(Category::parse("souvenirs_furniture_decoration"), Some(Category::Handicrafts));
        assert_eq!(Category::parse("toys"), None);
    }
}
