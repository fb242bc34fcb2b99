//! Product lines: the kinds of goods one maker sells, with sales units and shelf prices.

use super::lines_craft as craft;
use super::lines_fabric as fabric;
use super::lines_food as food;
use crate::domain::Category;

/// One kind of product: "Giò lụa", sold per "kg" at 220–300 thousand đồng.
#[derive(Debug, Clone, Copy)]
pub(super) struct Item {
    pub name: &'static str,
    pub unit: &'static str,
    /// Price range in thousands of đồng.
    pub lo: i64,
    pub hi: i64,
}

/// Shorthand for the item tables.
pub(super) const fn it(name: &'static str, unit: &'static str, lo: i64, hi: i64) -> Item {
    Item { name, unit, lo, hi }
}

/// What a maker produces: a category, a label for its name ("giò chả") and its items.
#[derive(Debug)]
pub(super) struct Line {
    pub category: Category,
    /// Used in maker names such as "Cơ sở sản xuất giò chả ...".
    pub label: &'static str,
    pub items: &'static [Item],
}

/// Farm stays, eco-tourism and community tourism away from craft villages.
pub(super) const ECO_TOURISM: Line = Line {
    category: Category::RuralTourism,
    label: "du lịch sinh thái",
    items: &[
        it("Khu du lịch sinh thái", "lượt", 50, 150),
        it("Homestay", "lượt", 350, 800),
        it("Trang trại trải nghiệm", "lượt", 80, 200),
        it("Điểm du lịch cộng đồng", "lượt", 50, 120),
        it("Farmstay", "lượt", 400, 900),
        it("Vườn cây ăn quả trải nghiệm", "lượt", 50, 120),
        it("Tour trải nghiệm nông nghiệp", "lượt", 150, 400),
        it("Điểm cắm trại dã ngoại", "lượt", 100, 250),
    ],
};

/// Tourism at a craft village; "{v}" is replaced by the village name.
pub(super) const CRAFT_TOURISM: Line = Line {
    category: Category::RuralTourism,
    label: "du lịch làng nghề",
    items: &[
        it("Tour trải nghiệm làng nghề {v}", "lượt", 150, 450),
        it("Điểm tham quan làng nghề {v}", "lượt", 30, 100),
        it("Lớp trải nghiệm làm nghề tại {v}", "lượt", 100, 300),
        it("Homestay làng nghề {v}", "lượt", 350, 700),
        it("Không gian trưng bày làng nghề {v}", "lượt", 30, 80),
    ],
};

/// Lines a food maker away from a craft village may follow, by former district (ASCII name).
pub(super) fn food_lines_of(district_ascii: &str) -> &'static [&'static Line] {
    match district_ascii {
        "Ba Vi" => &[&food::DAIRY, &food::DAIRY, &food::FRUIT, &food::POULTRY, &food::HONEY],
        "Gia Lam" => &[&food::VEGETABLES, &food::FRUIT, &food::DAIRY, &food::CAKES],
        "Hoai Duc" => &[&food::FRUIT, &food::NOODLES, &food::NOODLES, &food::CAKES],
        "Dan Phuong" => &[&food::MEAT, &food::VEGETABLES, &food::FRUIT],
        "Dong Anh" | "Me Linh" => &[&food::VEGETABLES, &food::POULTRY, &food::FRUIT],
        "Soc Son" => &[&food::VEGETABLES, &food::FRUIT, &food::POULTRY, &food::HONEY],
        "Chuong My" => &[&food::MEAT, &food::FRUIT, &food::POULTRY, &food::HONEY],
        "My Duc" | "Ung Hoa" => &[&food::RICE, &food::POULTRY, &food::FRUIT, &food::MEAT],
        "Phu Xuyen" => &[&food::VEGETABLES, &food::FRUIT, &food::RICE],
        "Thanh Oai" => &[&food::RICE, &food::CAKES, &food::NOODLES],
        "Thanh Tri" | "Thuong Tin" => &[&food::CAKES, &food::VEGETABLES, &food::MEAT],
        "Quoc Oai" | "Thach That" => &[&food::NOODLES, &food::FRUIT, &food::SWEETS],
        "Phuc Tho" => &[&food::FRUIT, &food::MEAT, &food::RICE],
        "Son Tay" => &[&food::SWEETS, &food::RICE, &food::CONDIMENTS],
        _ => &[&food::MEAT, &food::CAKES, &food::SWEETS, &food::CONDIMENTS],
    }
}

/// Lines any food maker may follow.
pub(super) static FOOD_ANYWHERE: [&Line; 10] = [
    &food::MEAT,
    &food::RICE,
    &food::NOODLES,
    &food::FRUIT,
    &food::VEGETABLES,
    &food::POULTRY,
    &food::HONEY,
    &food::CAKES,
    &food::SWEETS,
    &food::CONDIMENTS,
];

/// Lines for makers of the other categories away from craft villages.
pub(super) fn general_lines(category: Category, district_ascii: &str) -> &'static [&'static Line] {
    match category {
        Category::Food => &FOOD_ANYWHERE,
        Category::Beverages => &[&food::TEA, &food::DRINKS, &food::DRINKS],
        Category::Herbal if district_ascii == "Ba Vi" => &[&food::DAO_HERBS, &food::DAO_HERBS, &food::WELLNESS],
        Category::Herbal => &[&food::WELLNESS, &food::DAO_HERBS],
        Category::FabricsGarments => &[&fabric::GARMENTS, &fabric::EMBROIDERY, &fabric::KNITWEAR],
        Category::Handicrafts => match district_ascii {
            "Me Linh" | "Dan Phuong" | "Tay Ho" => &[&craft::PLANTS, &craft::PLANTS, &craft::RATTAN],
            "Phu Xuyen" => &[&craft::TOYS, &craft::FINE_WOOD, &craft::RATTAN],
            "Hoan Kiem" | "Ba Dinh" | "Dong Da" | "Hai Ba Trung" => &[&craft::TOYS, &craft::EMBROIDERED_ART, &craft::LACQUER],
            _ => &[&craft::RATTAN, &craft::PLANTS, &craft::TURNED_WOOD, &craft::EMBROIDERED_ART, &craft::TOYS],
        },
        Category::RuralTourism => &[&ECO_TOURISM],
    }
}
