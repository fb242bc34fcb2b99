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

/// The same in English, for visitors.
pub(super) fn description_en(ascii: &str) -> &'static str {
    match ascii {
        "Bat Trang" => "A pottery village: its kilns make bowls and plates, tea sets, vases and decorative ceramics.",
        "Van Phuc" => "A silk-weaving village; silk cloth, scarves and silk áo dài are woven and sold in the village itself.",
        "Chuon Ngo" => {
            "A mother-of-pearl inlay village: craftsmen cut shell into shapes and set them into wood for pictures, boxes and ornaments."
        }
        "Phu Vinh" | "Truong Yen" => {
            "A rattan and bamboo village making baskets, trays, lamps and furniture of rattan, bamboo and giang cane."
        }
        "Quang Phu Cau" => "An incense village: bamboo sticks are split, rolled and dyed, then made into incense sticks, coils and cones.",
        "Chuong" => "A conical-hat village: palm leaves are dried, pressed flat and sewn onto bamboo frames, one hat at a time.",
        "Son Dong" => "A village of wooden statues and altar pieces: statues, thrones and lacquered, gilded boards and couplets.",
        "Ha Thai" => "A lacquer village: paintings, boxes, trays and vases are coated and polished in many layers of Vietnamese lacquer.",
        "Quat Dong" | "Thang Loi" => "A hand-embroidery village: embroidered pictures, scarves, cushions and clothes.",
        "Dong Cuu" => {
            "A village of royal embroidery, a national intangible heritage: dragon robes, festival costumes and embroidered pictures."
        }
        "Nhan Hien" => "A sculpture village: statues and reliefs in wood, stone and bronze.",
        "Thuy Ung" => "A village making horn combs and handicrafts from buffalo and cattle horn.",
        "Tien Phong" => "A bedding village: quilts, sheets, pillows and mattresses sewn in family workshops.",
        "Tu Van" => "A flag-sewing and embroidery village: national flags, festival flags, banners and embroidery.",
        "Phung Xa" => "A village that grows mulberry, raises silkworms, reels silk and weaves silk and lotus-fibre silk.",
        "Thach Xa" => "A village of bamboo dragonflies and bamboo toys; many households also make chè lam sweets.",
        "Chang Son" => "A carpentry and wood-carving village: tables, chairs, cabinets and carved daybeds.",
        "La Phu" => "A knitting village: sweaters, hats, scarves and children's knitwear.",
        "Y La" => "A weaving and dyeing village: cloth, scarves and textiles of cotton and linen.",
        "Van Diem" => "A carpentry village: household furniture and carved woodwork.",
        "Nhi Khe" => "A wood-turning village: boxes, bowls, vases, chess pieces and toys of turned wood.",
        "Cu Da" => "A village making soy sauce (tương) and glass noodles (miến dong) by hand.",
        "Duong Lam" => "The ancient village of Sơn Tây, whose people make soy sauce, chè lam and peanut sweets.",
        "Kieu Ky" => "A gold-leaf village: gold is beaten thin into leaf to gild statues, altar pieces and ornaments.",
        "Canh Hoach" => "A village making bamboo bird cages, carved and lacquered.",
        "Van Tu" => "A tailoring village: clothes, suits and made-to-measure garments.",
        "Thanh Son (Son Ha)" => "A fine-woodwork village: statues, wood pictures and carved furniture.",
        "Dinh Cong" => "A jewellers' village: rings, bracelets, necklaces and engraved silverware.",
        "Quang An (ho Tay)" => "The craft of scenting tea with lotus flowers from West Lake (Hồ Tây).",
        _ => "",
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
