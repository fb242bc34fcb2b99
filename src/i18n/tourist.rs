//! The tourist pages' text: craft villages and what OCOP stars mean.

use super::messages::plain_messages;
use crate::domain::craft::Craft;

plain_messages! {
    #[derive(Debug)]
    pub struct TouristTexts ("tourist_") {
        nav_villages,
        villages_title,
        villages_intro,
        craft_label,
        villages_found,
        villages_none,
        makes,
        where_heading,
        former_district,
        commune,
        from_ho_guom,
        products_heading,
        products_none,
        all_products,
        buy_heading,
        buy_intro,
        buy_none,
        from_village,
        of_its_products,
        day_trip_heading,
        nearby_villages,
        nearby_none,
        on_the_way,
        directions,
        ocop_title,
        ocop_link,
        craft_ceramics,
        craft_silk,
        craft_textiles,
        craft_embroidery,
        craft_lacquer,
        craft_inlay,
        craft_rattan_bamboo,
        craft_conical_hats,
        craft_incense,
        craft_wood,
        craft_metal,
        craft_food,
        craft_other,
    }
}

impl TouristTexts {
    pub fn craft(&self, craft: Craft) -> &'static str {
        match craft {
            Craft::Ceramics => self.craft_ceramics,
            Craft::Silk => self.craft_silk,
            Craft::Textiles => self.craft_textiles,
            Craft::Embroidery => self.craft_embroidery,
            Craft::Lacquer => self.craft_lacquer,
            Craft::Inlay => self.craft_inlay,
            Craft::RattanBamboo => self.craft_rattan_bamboo,
            Craft::ConicalHats => self.craft_conical_hats,
            Craft::Incense => self.craft_incense,
            Craft::Wood => self.craft_wood,
            Craft::Metal => self.craft_metal,
            Craft::Food => self.craft_food,
            Craft::Other => self.craft_other,
        }
    }
}

plain_messages! {
    /// The `/ocop` explainer: what the programme is and what its stars mean.
    #[derive(Debug)]
    pub struct OcopTexts ("ocop_") {
        title,
        intro,
        stars_heading,
        col_rating,
        col_score,
        col_meaning,
        col_rated_by,
        five,
        four,
        three,
        five_meaning,
        four_meaning,
        three_meaning,
        national_council,
        city_council,
        below,
        validity_heading,
        validity,
        groups_heading,
        hanoi_heading,
        hanoi,
        sources,
    }
}
