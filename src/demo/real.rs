//! The producers and products named in the research data and the news reports, as stated there.

use super::catalogue::{Catalogue, Certificate, NewProduct, price};
use super::places::Places;
use crate::domain::rng::SeededRng;
use crate::domain::{Category, Stars};

use Category::{Beverages as Bev, FabricsGarments as Fab, Food, Handicrafts as Craft, Herbal};

/// A named maker: name, former district, current unit (full name) and craft village (ASCII).
type Maker = (&'static str, &'static str, Option<&'static str>, Option<&'static str>);

const MAKERS: [Maker; 35] = [
    ("Công ty TNHH Gốm sứ Quang Vinh", "Gia Lâm", Some("Xã Bát Tràng"), Some("Bat Trang")),
    ("HTX Sản xuất kinh doanh gốm sứ Tân Thịnh", "Gia Lâm", Some("Xã Bát Tràng"), Some("Bat Trang")),
    ("Công ty TNHH Dâu tằm tơ Mỹ Đức", "Mỹ Đức", Some("Xã Hồng Sơn"), Some("Phung Xa")),
    ("Công ty CP Nông nghiệp công nghệ cao Thăng Long", "Chương Mỹ", Some("Phường Chương Mỹ"), None),
    ("Công ty CP Dược thảo Thiên Phúc", "Chương Mỹ", None, None),
    ("HTX Nông nghiệp Sông Hồng", "Đông Anh", Some("Xã Thiên Lộc"), None),
    ("Công ty TNHH Túi Việt", "Thanh Xuân", None, None),
    ("Hộ Ngô Văn Xiêm - Lưu Thị Hiền", "Tây Hồ", Some("Phường Tây Hồ"), Some("Quang An (ho Tay)")),
    ("Cơ sở sản xuất tỏi đen Kochigold", "Quốc Oai", None, None),
    ("Xưởng Dương Minh Cường, làng Viên Đình", "Ứng Hòa", None, None),
    ("Xưởng của ông Vũ Văn Định, thôn Thượng", "Phú Xuyên", Some("Xã Chuyên Mỹ"), Some("Chuon Ngo")),
    ("Cơ sở mỹ nghệ Phú Lợi", "Phú Xuyên", Some("Xã Phú Xuyên"), Some("Thanh Son (Son Ha)")),
    ("Công ty CP Bánh kẹo Bảo Minh", "Bắc Từ Liêm", None, None),
    ("Cơ sở sản xuất tương Cự Đà", "Thanh Oai", Some("Xã Bình Minh"), Some("Cu Da")),
    ("Cơ sở sản xuất bưởi Ngọc Đường Đông Xuân", "Sóc Sơn", Some("Xã Sóc Sơn"), None),
    ("Hộ kinh doanh Cốm Nguyên Hương (phố Hàng Than)", "Ba Đình", Some("Phường Ba Đình"), None),
    ("Hộ kinh doanh Cốm Ngọc Ninh (phố Hàng Than)", "Ba Đình", Some("Phường Ba Đình"), None),
    ("Hộ kinh doanh Cốm Nguyên Ninh (phố Hàng Than)", "Ba Đình", Some("Phường Ba Đình"), None),
    ("Hộ kinh doanh Cốm phố cổ Phúc Đức (phố Hàng Than)", "Ba Đình", Some("Phường Ba Đình"), None),
    ("Cơ sở sản xuất rau hữu cơ Thanh Xuân", "Sóc Sơn", Some("Xã Nội Bài"), None),
    ("Cơ sở sản xuất rau hữu cơ Trung Giã", "Sóc Sơn", Some("Xã Trung Giã"), None),
    ("Cơ sở nấm công nghệ cao KMS Minh Phú", "Sóc Sơn", Some("Xã Kim Anh"), None),
    ("Cơ sở nấm Tâm An Minh Trí", "Sóc Sơn", Some("Xã Kim Anh"), None),
    ("Cơ sở sản xuất nông nghiệp Minh Trí", "Sóc Sơn", Some("Xã Kim Anh"), None),
    ("Cơ sở bánh chưng Hải Yến", "Sóc Sơn", None, None),
    ("Cơ sở trồng cây ăn quả Nam Sơn", "Sóc Sơn", Some("Xã Trung Giã"), None),
    ("Cơ sở trồng bưởi sạch Phú Cường", "Sóc Sơn", Some("Xã Nội Bài"), None),
    ("Cơ sở sản xuất chè an toàn Bắc Sơn", "Sóc Sơn", Some("Xã Trung Giã"), None),
    ("Cơ sở trà thảo dược Tâm Ngọc", "Sóc Sơn", None, None),
    ("Cơ sở thủ công mỹ nghệ Trái tim Hồng", "Sóc Sơn", None, None),
    ("HTX Nông nghiệp Tam Hưng", "Thanh Oai", Some("Xã Tam Hưng"), None),
    ("Cơ sở bánh cuốn Thanh Lương", "Thanh Oai", Some("Xã Thanh Oai"), None),
    ("Cơ sở sản xuất rau cần Khai Thái", "Phú Xuyên", Some("Xã Đại Xuyên"), None),
    ("Cơ sở sản xuất măng tây Hồng Thái", "Phú Xuyên", Some("Xã Phú Xuyên"), None),
    ("Cơ sở trồng bưởi Bạch Hạ", "Phú Xuyên", Some("Xã Đại Xuyên"), None),
];

/// Rating as reported: unknown ones get 3 or 4 stars.
#[derive(Clone, Copy)]
enum Rated {
    Five,
    Potential,
    Four,
    Three,
    Unknown,
}

/// (name, maker index, category, rating, unit, price range in thousands, description or "").
type Item = (&'static str, usize, Category, Rated, &'static str, i64, i64, &'static str);

use Rated::{Five, Four, Potential, Three, Unknown};

const QUILT_NOTE: &str = "Công ty TNHH Dâu tằm tơ Mỹ Đức, do bà Phan Thị Thuận làm giám đốc, dệt tại xã Phùng Xá, Mỹ Đức";
const VU_NOTE: &str = "Làm tại xưởng của ông Vũ Văn Định, thôn Thượng, xã Chuyên Mỹ, Phú Xuyên: gỗ, khảm trai và sơn mài";

const ITEMS: [Item; 82] = [
    ("Bộ bát đĩa gốm sứ hoa sen đỏ", 0, Craft, Five, "bộ", 2500, 6000, ""),
    ("Bộ bát đĩa gốm sứ chim én hoa sen", 0, Craft, Five, "bộ", 2500, 6000, ""),
    ("Bộ bát đĩa gốm sứ rồng phượng", 0, Craft, Five, "bộ", 3000, 8000, ""),
    ("Bộ ấm chén gốm sứ chim én hoa sen", 0, Craft, Five, "bộ", 1500, 3500, ""),
    ("Bộ sản phẩm gốm men Suối Ngọc", 1, Craft, Five, "bộ", 2000, 5000, ""),
    ("Chăn bông tơ tằm tự dệt", 2, Fab, Five, "chiếc", 3000, 6000, QUILT_NOTE),
    ("Khăn lụa tơ tằm Phùng Xá", 2, Fab, Four, "chiếc", 400, 800, QUILT_NOTE),
    ("Khăn lụa tơ sen Phùng Xá", 2, Fab, Four, "chiếc", 1500, 4000, QUILT_NOTE),
    ("Lụa tơ tằm dệt hoa sen Phùng Xá", 2, Fab, Four, "mét", 400, 900, QUILT_NOTE),
    ("Gối cưới lụa tơ sen Phùng Xá", 2, Fab, Four, "đôi", 2000, 5000, QUILT_NOTE),
    ("Lụa tơ sen", 2, Fab, Four, "mét", 3000, 8000, QUILT_NOTE),
    ("Trà Phúc", 3, Herbal, Potential, "hộp 100 g", 150, 300, ""),
    ("Trà Lộc", 3, Herbal, Potential, "hộp 100 g", 150, 300, ""),
    ("Trà Thọ", 3, Herbal, Potential, "hộp 100 g", 150, 300, ""),
    ("Đông trùng hạ thảo sấy đông khô", 4, Herbal, Potential, "hộp 10 g", 500, 900, ""),
    ("Ống hút rau củ quả", 5, Food, Potential, "hộp 100 chiếc", 60, 90, ""),
    ("Túi vải đính cườm xách tay", 6, Fab, Potential, "chiếc", 350, 800, ""),
    ("Túi sợi đan móc", 6, Fab, Potential, "chiếc", 300, 700, ""),
    ("Trà sen Hiền Xiêm (trà ướp sen Bách Diệp)", 7, Bev, Four, "hộp 100 g", 800, 1500, ""),
    ("Tỏi đen Kochigold", 8, Food, Four, "hộp 250 g", 180, 300, ""),
    ("Nhạc cụ dân tộc Dương Minh Cường", 9, Craft, Four, "chiếc", 1500, 6000, ""),
    ("Tranh khảm trai Vinh quy bái tổ", 10, Craft, Potential, "bức", 8000, 20000, VU_NOTE),
    ("Bình phong gỗ khảm trai tứ quý", 10, Craft, Potential, "bộ", 15000, 40000, VU_NOTE),
    ("Tranh sơn mài khảm trai phố cổ", 10, Craft, Potential, "bức", 5000, 15000, VU_NOTE),
    ("Hộp gỗ khảm trai hoa sen", 10, Craft, Four, "chiếc", 600, 1500, VU_NOTE),
    ("Khay trà gỗ khảm trai", 10, Craft, Four, "chiếc", 800, 2000, VU_NOTE),
    ("Lục bình sơn mài khảm trai", 10, Craft, Four, "đôi", 6000, 18000, VU_NOTE),
    ("Tranh chữ khảm trai Tâm Đức", 10, Craft, Four, "bức", 2000, 5000, VU_NOTE),
    ("Hộp trang sức sơn mài khảm trai", 10, Craft, Four, "chiếc", 500, 1200, VU_NOTE),
    ("Tượng gỗ Phật Di Lặc Phú Lợi", 11, Craft, Four, "pho", 3000, 9000, ""),
    ("Tượng gỗ Quan Âm Phú Lợi", 11, Craft, Four, "pho", 4000, 12000, ""),
    ("Đôn gỗ chạm khắc Phú Lợi", 11, Craft, Four, "đôi", 3000, 8000, ""),
    ("Tranh gỗ tứ quý Phú Lợi", 11, Craft, Four, "bộ 4 bức", 6000, 15000, ""),
    ("Lục bình gỗ Phú Lợi", 11, Craft, Four, "đôi", 5000, 14000, ""),
    ("Tượng gỗ Tam Đa Phú Lợi", 11, Craft, Four, "bộ", 5000, 15000, ""),
    ("Hộp gỗ chạm hoa sen Phú Lợi", 11, Craft, Four, "chiếc", 500, 1200, ""),
    ("Tranh gỗ đồng quê Phú Lợi", 11, Craft, Four, "bức", 2000, 6000, ""),
    ("Khay gỗ chạm khắc Phú Lợi", 11, Craft, Four, "chiếc", 400, 1000, ""),
    ("Bánh pía Bảo Minh", 12, Food, Potential, "hộp 4 chiếc", 80, 120, ""),
    ("Bánh cốm Bảo Minh", 12, Food, Potential, "hộp 6 chiếc", 70, 110, ""),
    ("Bánh chả Bảo Minh", 12, Food, Potential, "hộp 6 chiếc", 70, 110, ""),
    ("Bánh trung thu nướng Bảo Minh", 12, Food, Potential, "hộp 4 chiếc", 250, 450, ""),
    ("Bánh trung thu dẻo Bảo Minh", 12, Food, Potential, "hộp 4 chiếc", 220, 400, ""),
    ("Mứt tết thập cẩm Bảo Minh", 12, Food, Potential, "hộp 500 g", 150, 250, ""),
    ("Mứt sen Bảo Minh", 12, Food, Three, "hộp 300 g", 120, 180, ""),
    ("Mứt gừng Bảo Minh", 12, Food, Three, "hộp 300 g", 60, 90, ""),
    ("Mứt dừa Bảo Minh", 12, Food, Three, "hộp 300 g", 60, 90, ""),
    ("Kẹo lạc Bảo Minh", 12, Food, Three, "hộp 300 g", 40, 60, ""),
    ("Kẹo vừng Bảo Minh", 12, Food, Three, "hộp 300 g", 40, 60, ""),
    ("Bánh quế Bảo Minh", 12, Food, Three, "hộp 300 g", 50, 80, ""),
    ("Bánh đậu xanh Bảo Minh", 12, Food, Three, "hộp 250 g", 50, 80, ""),
    ("Ô mai mơ Bảo Minh", 12, Food, Three, "hộp 300 g", 90, 140, ""),
    ("Tương Cự Đà", 13, Food, Three, "chai 500 ml", 40, 60, "Tương làm thủ công, không chất phụ gia, của làng Cự Đà, xã Cự Khê, Thanh Oai"),
    ("Bưởi Ngọc Đường Đông Xuân", 14, Food, Three, "quả", 40, 70, ""),
    ("Cốm tươi Nguyên Hương", 15, Food, Three, "gói 200 g", 50, 80, ""),
    ("Bánh cốm Nguyên Hương", 15, Food, Three, "hộp 6 chiếc", 60, 90, ""),
    ("Cốm tươi Ngọc Ninh", 16, Food, Three, "gói 200 g", 50, 80, ""),
    ("Bánh cốm Ngọc Ninh", 16, Food, Three, "hộp 6 chiếc", 60, 90, ""),
    ("Bánh xu xê Ngọc Ninh", 16, Food, Three, "hộp 6 chiếc", 50, 80, ""),
    ("Cốm tươi Nguyên Ninh", 17, Food, Three, "gói 200 g", 60, 90, ""),
    ("Bánh cốm Nguyên Ninh", 17, Food, Three, "hộp 6 chiếc", 70, 100, ""),
    ("Mochi cốm Nguyên Ninh", 17, Food, Three, "hộp 6 chiếc", 70, 110, ""),
    ("Bánh cốm Phúc Đức", 18, Food, Three, "hộp 6 chiếc", 60, 90, ""),
    ("Bánh xu xê Phúc Đức", 18, Food, Three, "hộp 6 chiếc", 50, 80, ""),
    ("Rau hữu cơ Thanh Xuân", 19, Food, Unknown, "kg", 35, 60, ""),
    ("Rau hữu cơ Trung Giã", 20, Food, Unknown, "kg", 35, 60, ""),
    ("Nấm công nghệ cao KMS Minh Phú", 21, Food, Unknown, "hộp 300 g", 40, 70, ""),
    ("Nấm Tâm An Minh Trí", 22, Food, Unknown, "kg", 60, 100, ""),
    ("Măng tây Minh Trí", 23, Food, Unknown, "kg", 120, 180, ""),
    ("Dưa lưới Minh Trí", 23, Food, Unknown, "kg", 50, 80, ""),
    ("Bánh chưng xanh Hải Yến 20", 24, Food, Unknown, "chiếc", 60, 90, ""),
    ("Chuối tiêu hồng Nam Sơn", 25, Food, Unknown, "nải", 40, 70, ""),
    ("Bưởi sạch Phú Cường", 26, Food, Unknown, "quả", 40, 70, ""),
    ("Đu đủ Nam Sơn", 25, Food, Unknown, "kg", 20, 35, ""),
    ("Chè an toàn Bắc Sơn", 27, Bev, Unknown, "gói 200 g", 80, 150, ""),
    ("Trà thảo dược Tâm Ngọc", 28, Herbal, Unknown, "hộp 20 gói", 60, 100, ""),
    ("Sản phẩm thủ công mỹ nghệ Trái tim Hồng", 29, Craft, Unknown, "chiếc", 100, 400, ""),
    ("Gạo thơm Tam Hưng (gạo Bối Khê)", 30, Food, Unknown, "túi 5 kg", 120, 180, ""),
    ("Bánh cuốn Thanh Lương", 31, Food, Unknown, "kg", 40, 60, ""),
    ("Rau cần Khai Thái", 32, Food, Unknown, "kg", 25, 40, ""),
    ("Măng tây Hồng Thái", 33, Food, Unknown, "kg", 120, 180, ""),
    ("Bưởi Bạch Hạ", 34, Food, Unknown, "quả", 40, 70, ""),
];

/// Products the stock plans need by name (indexes into the product table).
#[derive(Default)]
pub(super) struct Named {
    /// The Sóc Sơn products on the Bắc Sơn cooperative's shelf.
    pub soc_son_showcase: Vec<usize>,
    /// The nine four-star Phú Lợi items.
    pub phu_loi: Vec<usize>,
    /// Bát Tràng's five five-star ceramics.
    pub bat_trang_five: Vec<usize>,
    /// Sold at the Thanh Oai point: Bánh cuốn Thanh Lương and Gạo Tam Hưng.
    pub thanh_oai: Vec<usize>,
    /// The ten cốm products of phố Hàng Than.
    pub com: Vec<usize>,
}

/// Adds the named makers and their products; returns where the notable ones landed.
pub(super) fn add(places: &Places, catalogue: &mut Catalogue, rng: &mut SeededRng) -> Named {
    let makers: Vec<usize> = MAKERS
        .iter()
        .map(|&(name, district, ward, village)| {
            let d = places.district(district);
            let village = village.map(|v| places.village(v));
            let ward = match ward {
                Some(w) => places.ward(w),
                None => *rng.pick(places.wards_of(d)),
            };
            catalogue.add_producer(places, name, d, Some(ward), village)
        })
        .collect();
    let mut named = Named::default();
    for &(name, maker, category, rated, unit, lo, hi, note) in &ITEMS {
        let producer = makers[maker];
        let (stars, potential) = match rated {
            Five => (Stars::FIVE, false),
            Potential => (Stars::FOUR, true),
            Four => (Stars::FOUR, false),
            Three => (Stars::THREE, false),
            Unknown => (if rng.chance(0.5) { Stars::FOUR } else { Stars::THREE }, false),
        };
        let district = places.district_in_text(catalogue.producers[producer].district_id as usize - 1);
        let description = if note.is_empty() { format!("{name} của {}, {district}.", MAKERS[maker].0) } else { format!("{note}.") };
        // The researched notes are Vietnamese facts with no English source: left to translate.
        let district_name = &places.districts[catalogue.producers[producer].district_id as usize - 1].name;
        let description_en = if note.is_empty() { format!("By {}, {district_name}.", MAKERS[maker].0) } else { String::new() };
        let new = NewProduct {
            name: name.to_owned(),
            producer,
            category,
            stars,
            five_star_potential: potential,
            description,
            description_en,
            unit: unit.to_owned(),
            price_vnd: Some(price(rng, lo, hi)),
        };
        let index = catalogue.add_product(new, Certificate::Valid);
        match maker {
            0 | 1 => named.bat_trang_five.push(index),
            11 => named.phu_loi.push(index),
            15..=18 => named.com.push(index),
            19..=29 => named.soc_son_showcase.push(index),
            30 | 31 => named.thanh_oai.push(index),
            _ => {}
        }
    }
    named
}
