//! The tourist pages' text: craft villages and what OCOP stars mean.

use crate::domain::craft::Craft;

#[derive(Debug)]
pub struct TouristTexts {
    pub nav_villages: &'static str,
    pub villages_title: &'static str,
    pub villages_intro: &'static str,
    pub craft_label: &'static str,
    pub villages_found: &'static str,
    pub villages_none: &'static str,
    pub makes: &'static str,
    pub where_heading: &'static str,
    pub former_district: &'static str,
    pub commune: &'static str,
    pub from_ho_guom: &'static str,
    pub products_heading: &'static str,
    pub products_none: &'static str,
    pub all_products: &'static str,
    pub buy_heading: &'static str,
    pub buy_intro: &'static str,
    pub buy_none: &'static str,
    pub from_village: &'static str,
    pub of_its_products: &'static str,
    pub day_trip_heading: &'static str,
    pub nearby_villages: &'static str,
    pub nearby_none: &'static str,
    pub on_the_way: &'static str,
    pub directions: &'static str,
    pub ocop_title: &'static str,
    pub ocop_link: &'static str,
}

static VI: TouristTexts = TouristTexts {
    nav_villages: "Làng nghề",
    villages_title: "Làng nghề Hà Nội",
    villages_intro: "Những làng nghề có chủ thể làm sản phẩm OCOP: làng làm gì, ở đâu, sản phẩm nào được gắn sao và mua ở đâu.",
    craft_label: "Nghề",
    villages_found: "làng",
    villages_none: "Không có làng nào khớp với bộ lọc.",
    makes: "Nghề",
    where_heading: "Ở đâu",
    former_district: "Quận, huyện cũ",
    commune: "Phường, xã (từ 1/7/2025)",
    from_ho_guom: "Cách Hồ Gươm",
    products_heading: "Sản phẩm OCOP của làng",
    products_none: "Chưa có sản phẩm OCOP nào của làng trong danh mục.",
    all_products: "Xem tất cả sản phẩm của làng",
    buy_heading: "Mua ở đâu",
    buy_intro: "Các điểm bán có sản phẩm của làng, gần làng nhất trước.",
    buy_none: "Chưa điểm bán nào có sản phẩm của làng.",
    from_village: "cách làng",
    of_its_products: "sản phẩm của làng",
    day_trip_heading: "Đi trong ngày",
    nearby_villages: "Làng nghề trong vòng 10 km",
    nearby_none: "Không có làng nghề nào khác trong vòng 10 km.",
    on_the_way: "Điểm bán trên đường từ Hồ Gươm",
    directions: "Chỉ đường từ Hồ Gươm",
    ocop_title: "OCOP và hạng sao",
    ocop_link: "Hạng sao OCOP nghĩa là gì?",
};

impl TouristTexts {
    pub fn vi() -> &'static TouristTexts {
        &VI
    }

    pub fn craft(&self, craft: Craft) -> &'static str {
        match craft {
            Craft::Ceramics => "Gốm sứ",
            Craft::Silk => "Lụa tơ tằm",
            Craft::Textiles => "Dệt, may",
            Craft::Embroidery => "Thêu",
            Craft::Lacquer => "Sơn mài",
            Craft::Inlay => "Khảm trai",
            Craft::RattanBamboo => "Mây tre đan",
            Craft::ConicalHats => "Nón lá",
            Craft::Incense => "Hương",
            Craft::Wood => "Gỗ, chạm khắc",
            Craft::Metal => "Kim hoàn, dát vàng",
            Craft::Food => "Đặc sản ăn uống",
            Craft::Other => "Nghề khác",
        }
    }
}
