//! The craft villages' descriptions and the product lines their makers follow.

use super::lines::Line;
use super::lines_craft as craft;
use super::lines_fabric as fabric;
use super::lines_food as food;

/// A short description written from the village's craft, by the village's ASCII name.
pub(super) fn description(ascii: &str) -> &'static str {
    match ascii {
        "Bat Trang" => "Làng gốm sứ: các lò trong làng làm bát đĩa, ấm chén, bình lọ và đồ gốm trang trí.",
        "Van Phuc" => "Làng dệt lụa tơ tằm; lụa, khăn và áo dài lụa được dệt và bán ngay trong làng.",
        "Chuon Ngo" => "Làng khảm trai: thợ cắt vỏ trai, ốc thành hình rồi gắn lên gỗ để làm tranh, hộp và đồ trang trí.",
        "Phu Vinh" | "Truong Yen" => "Làng mây tre đan, làm giỏ, khay, làn, đèn và đồ nội thất bằng mây, tre, giang.",
        "Quang Phu Cau" => "Làng làm hương: chẻ tăm, se và nhuộm chân hương, làm hương nén, hương vòng và nụ trầm.",
        "Chuong" => "Làng làm nón lá: lá nón được phơi, là phẳng rồi khâu trên khung tre thành từng chiếc nón.",
        "Son Dong" => "Làng tạc tượng gỗ và làm đồ thờ: tượng, ngai, hoành phi, câu đối sơn son thếp vàng.",
        "Ha Thai" => "Làng sơn mài: tranh, hộp, khay và bình được phủ, mài sơn ta qua nhiều lớp.",
        "Quat Dong" | "Thang Loi" => "Làng thêu tay: tranh thêu, khăn, gối và áo thêu.",
        "Dong Cuu" => "Làng thêu cung đình, di sản văn hóa phi vật thể quốc gia: long bào, trang phục lễ hội và tranh thêu.",
        "Nhan Hien" => "Làng điêu khắc: tượng, phù điêu bằng gỗ, đá và đồng.",
        "Thuy Ung" => "Làng làm lược sừng và đồ mỹ nghệ từ sừng trâu, bò.",
        "Tien Phong" => "Làng nghề chăn ga gối đệm: chăn bông, ga, gối và đệm may trong các xưởng gia đình.",
        "Tu Van" => "Làng may cờ và thêu: cờ Tổ quốc, cờ hội, băng rôn và đồ thêu.",
        "Phung Xa" => "Làng trồng dâu, nuôi tằm, ươm tơ và dệt lụa tơ tằm, lụa tơ sen.",
        "Thach Xa" => "Làng làm chuồn chuồn tre và đồ chơi tre; nhiều nhà còn làm chè lam.",
        "Chang Son" => "Làng mộc và chạm khắc gỗ: bàn ghế, tủ, sập và đồ gỗ chạm.",
        "La Phu" => "Làng dệt len: áo len, mũ, khăn và đồ len trẻ em.",
        "Y La" => "Làng dệt nhuộm: vải, khăn và đồ dệt từ sợi bông, sợi lanh.",
        "Van Diem" => "Làng mộc: đồ gỗ gia dụng và đồ gỗ chạm khắc.",
        "Nhi Khe" => "Làng tiện gỗ: hộp, bát, lọ, quân cờ và đồ chơi bằng gỗ tiện.",
        "Cu Da" => "Làng làm tương và miến dong thủ công.",
        "Duong Lam" => "Làng cổ của Sơn Tây; người làng làm tương, chè lam và kẹo lạc, kẹo dồi.",
        "Kieu Ky" => "Làng dát vàng quỳ: vàng được đập mỏng thành lá để thếp tượng, đồ thờ và đồ trang trí.",
        "Canh Hoach" => "Làng làm lồng chim bằng tre, chạm trổ và sơn thếp.",
        "Van Tu" => "Làng nghề may: quần áo, áo vest và đồ may đo.",
        "Thanh Son (Son Ha)" => "Làng gỗ mỹ nghệ: tượng, tranh gỗ và đồ gỗ chạm khắc.",
        "Dinh Cong" => "Làng kim hoàn: nhẫn, vòng, dây chuyền và đồ bạc chạm khắc.",
        "Quang An (ho Tay)" => "Nghề ướp trà sen bằng hoa sen hồ Tây.",
        _ => "Làng nghề thủ công của Hà Nội.",
    }
}

/// The lines a village's makers follow, main line first.
pub(super) fn lines(ascii: &str) -> &'static [&'static Line] {
    match ascii {
        "Bat Trang" => &[&craft::CERAMICS],
        "Van Phuc" | "Phung Xa" => &[&fabric::SILK],
        "Chuon Ngo" => &[&craft::INLAY],
        "Phu Vinh" | "Truong Yen" => &[&craft::RATTAN],
        "Quang Phu Cau" => &[&craft::INCENSE],
        "Chuong" => &[&craft::HATS],
        "Son Dong" => &[&craft::WORSHIP],
        "Ha Thai" => &[&craft::LACQUER],
        "Quat Dong" | "Dong Cuu" | "Thang Loi" => &[&fabric::EMBROIDERY, &craft::EMBROIDERED_ART],
        "Nhan Hien" => &[&craft::SCULPTURE],
        "Thuy Ung" => &[&craft::HORN],
        "Tien Phong" => &[&fabric::BEDDING],
        "Tu Van" => &[&fabric::FLAGS, &fabric::EMBROIDERY],
        "Thach Xa" => &[&craft::BAMBOO_TOYS, &food::SWEETS],
        "Chang Son" | "Van Diem" => &[&craft::FURNITURE],
        "La Phu" => &[&fabric::KNITWEAR],
        "Y La" => &[&fabric::WEAVING],
        "Nhi Khe" => &[&craft::TURNED_WOOD],
        "Cu Da" => &[&food::CU_DA],
        "Duong Lam" => &[&food::DUONG_LAM],
        "Kieu Ky" => &[&craft::GOLD_LEAF],
        "Canh Hoach" => &[&craft::BIRD_CAGES],
        "Van Tu" => &[&fabric::GARMENTS],
        "Thanh Son (Son Ha)" => &[&craft::FINE_WOOD],
        "Dinh Cong" => &[&craft::SILVER],
        "Quang An (ho Tay)" => &[&food::LOTUS_TEA],
        _ => &[],
    }
}

/// Villages that draw visitors: their makers also offer rural-tourism products.
pub(super) const TOURISM_VILLAGES: [&str; 7] = ["Bat Trang", "Van Phuc", "Duong Lam", "Phu Vinh", "Chuon Ngo", "Quang Phu Cau", "Chuong"];
