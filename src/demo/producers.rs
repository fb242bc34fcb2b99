//! Names of invented makers and the one-sentence descriptions of their products.

use super::lines::Line;
use super::names::{Brands, person};
use crate::domain::Category;
use crate::domain::rng::SeededRng;

/// A maker's name and the brand its products carry, e.g. ("HTX Nông nghiệp Phúc Hưng", "Phúc Hưng").
pub(super) fn maker_name(rng: &mut SeededRng, brands: &mut Brands, line: &Line, village: Option<&str>) -> (String, String) {
    let label = line.label;
    let title = capitalise(label);
    let roll = rng.unit();
    let household = |rng: &mut SeededRng, brands: &mut Brands| {
        let owner = person(rng);
        let brand = brands.household(rng, owner.given);
        (format!("Hộ kinh doanh {}", owner.full), brand)
    };
    match line.category {
        Category::RuralTourism => {
            if roll < 0.3 {
                return household(rng, brands);
            }
            let brand = brands.company(rng);
            let name =
                if roll < 0.65 { format!("Công ty TNHH Du lịch {brand}") } else { format!("HTX Du lịch cộng đồng {brand}") };
            (name, brand)
        }
        Category::Food | Category::Beverages | Category::Herbal => {
            if (0.22..0.45).contains(&roll) {
                return household(rng, brands);
            }
            let brand = brands.company(rng);
            let (company, coop, workshop) = food_forms(line.category, label, &title);
            let form = if roll < 0.22 {
                company
            } else if roll < 0.72 {
                coop
            } else {
                workshop
            };
            (format!("{form} {brand}"), brand)
        }
        Category::FabricsGarments | Category::Handicrafts => {
            if (0.28..0.48).contains(&roll) {
                return household(rng, brands);
            }
            let brand = brands.company(rng);
            let name = match (roll, village) {
                (r, _) if r < 0.18 => format!("Công ty TNHH {title} {brand}"),
                (r, Some(v)) if r < 0.28 => format!("HTX {title} {v} {brand}"),
                (r, None) if r < 0.28 => format!("HTX {title} {brand}"),
                (r, _) if r < 0.8 => format!("Cơ sở {label} {brand}"),
                _ => format!("Xưởng {label} {brand}"),
            };
            (name, brand)
        }
    }
}

/// How a food, drink or herbal maker of a line is called: (company, cooperative, workshop).
fn food_forms(category: Category, label: &str, title: &str) -> (String, String, String) {
    let made = format!("Cơ sở sản xuất {label}");
    let coop = format!("HTX {title}");
    let fixed = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
    match (category, label) {
        (Category::Herbal, _) => ("Công ty CP Dược liệu".to_owned(), coop, made),
        (Category::Beverages, _) => (format!("Công ty TNHH {title}"), coop, made),
        (_, "sữa") => fixed("Công ty CP Sữa", "HTX Bò sữa", "Trang trại bò sữa"),
        (_, "chăn nuôi") => fixed("Công ty CP Nông sản", "HTX Chăn nuôi", "Trang trại"),
        (_, "cây ăn quả") => fixed("Công ty CP Nông sản", "HTX Nông nghiệp", "Trang trại cây ăn quả"),
        (_, "mật ong") => fixed("Công ty CP Nông sản", "HTX Nuôi ong", "Cơ sở nuôi ong"),
        (_, "rau an toàn" | "gạo") => ("Công ty CP Nông sản".to_owned(), "HTX Nông nghiệp".to_owned(), made),
        _ => ("Công ty TNHH Thực phẩm".to_owned(), coop, made),
    }
}

/// One Vietnamese sentence about an invented product.
pub(super) fn describe(
    rng: &mut SeededRng,
    category: Category,
    item: &str,
    maker: &str,
    village: Option<&str>,
    ward: &str,
    district: &str,
) -> String {
    match (category, village) {
        (Category::RuralTourism, _) => format!("{item} do {maker} tổ chức tại {ward}, {district}."),
        (Category::Handicrafts | Category::FabricsGarments, Some(v)) => {
            format!("{item} làm thủ công tại làng {v} ({district}), sản phẩm của {maker}.")
        }
        (Category::Handicrafts | Category::FabricsGarments, None) => format!("{item} do {maker} làm tại {ward}, {district}."),
        _ if rng.chance(0.5) => format!("{item} của {maker}, sản xuất tại {ward}, {district}."),
        _ => format!("{item} do {maker} ({ward}, {district}) sản xuất và đóng gói."),
    }
}

/// `describe` in English, for visitors: the same facts, one phrasing per kind (no random draw,
/// so the Vietnamese data set stays as it was).
pub(super) fn describe_en(category: Category, maker: &str, village: Option<&str>, ward: &str, district: &str) -> String {
    match (category, village) {
        (Category::RuralTourism, _) => format!("A community tourism experience run by {maker} in {ward}, {district}."),
        (Category::Handicrafts | Category::FabricsGarments, Some(v)) => {
            format!("Handmade in the craft village of {v} ({district}) by {maker}.")
        }
        (Category::Handicrafts | Category::FabricsGarments, None) => format!("Made by hand by {maker} in {ward}, {district}."),
        _ => format!("Made and packed by {maker} in {ward}, {district}."),
    }
}

/// "giò chả" → "Giò chả".
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
