//! The trades of Hanoi's craft villages, grouped the way a visitor filters them.

/// A group of crafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Craft {
    Ceramics,
    Silk,
    Textiles,
    Embroidery,
    Lacquer,
    Inlay,
    RattanBamboo,
    ConicalHats,
    Incense,
    Wood,
    Metal,
    Food,
    Other,
}

impl Craft {
    pub const ALL: [Craft; 13] = [
        Craft::Ceramics,
        Craft::Silk,
        Craft::Textiles,
        Craft::Embroidery,
        Craft::Lacquer,
        Craft::Inlay,
        Craft::RattanBamboo,
        Craft::ConicalHats,
        Craft::Incense,
        Craft::Wood,
        Craft::Metal,
        Craft::Food,
        Craft::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Craft::Ceramics => "ceramics",
            Craft::Silk => "silk",
            Craft::Textiles => "textiles",
            Craft::Embroidery => "embroidery",
            Craft::Lacquer => "lacquer",
            Craft::Inlay => "inlay",
            Craft::RattanBamboo => "rattan_bamboo",
            Craft::ConicalHats => "conical_hats",
            Craft::Incense => "incense",
            Craft::Wood => "wood",
            Craft::Metal => "metal",
            Craft::Food => "food",
            Craft::Other => "other",
        }
    }

    pub fn parse(key: &str) -> Option<Craft> {
        Craft::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The groups a village's trade (as written in English, e.g. "bamboo & rattan weaving")
    /// belongs to: one trade may be in two ("flag sewing, embroidery"). Never empty.
    pub fn of(trade_en: &str) -> Vec<Craft> {
        let text = trade_en.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
        let mut crafts: Vec<Craft> = [
            (Craft::Ceramics, has(&["ceramic", "pottery", "porcelain"])),
            (Craft::Silk, has(&["silk"])),
            (Craft::Textiles, has(&["knit", "weaving & dyeing", "tailoring", "bedding", "garment", "sewing"])),
            (Craft::Embroidery, has(&["embroider"])),
            (Craft::Lacquer, has(&["lacquer"])),
            (Craft::Inlay, has(&["inlay", "mother-of-pearl"])),
            (Craft::RattanBamboo, has(&["rattan", "bamboo"])),
            (Craft::ConicalHats, has(&["hat"])),
            (Craft::Incense, has(&["incense"])),
            (Craft::Wood, has(&["wood", "carpentry", "statue", "sculpt", "carving", "bird cage"])),
            (Craft::Metal, has(&["silver", "jewel", "gold"])),
            (Craft::Food, has(&["sauce", "vermicelli", "sweet", "confection", "tea", "cake", "rice"])),
        ]
        .into_iter()
        .filter_map(|(craft, yes)| yes.then_some(craft))
        .collect();
        if crafts.is_empty() {
            crafts.push(Craft::Other);
        }
        crafts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trades_fall_into_the_groups_visitors_ask_for() {
        assert_eq!(Craft::of("ceramics"), vec![Craft::Ceramics]);
        assert_eq!(Craft::of("mulberry-silk weaving"), vec![Craft::Silk]);
        assert_eq!(Craft::of("bamboo & rattan weaving"), vec![Craft::RattanBamboo]);
        assert_eq!(Craft::of("flag sewing, embroidery"), vec![Craft::Textiles, Craft::Embroidery]);
        assert_eq!(Craft::of("bamboo dragonflies; chè lam sweets"), vec![Craft::RattanBamboo, Craft::Food]);
        assert_eq!(Craft::of("lotus-scented tea"), vec![Craft::Food]);
        assert_eq!(Craft::of("jewellery / silversmithing"), vec![Craft::Metal]);
        assert_eq!(Craft::of("ancient village"), vec![Craft::Other]);
        for key in Craft::ALL.map(Craft::key) {
            assert_eq!(Craft::parse(key).map(Craft::key), Some(key));
        }
    }
}
