//! Product lines of the handicraft group (souvenirs, furniture, decoration), most tied to a craft village.

use super::lines::{Line, it};
use crate::domain::Category::Handicrafts;

/// Makers of gốm sứ.
pub(super) const CERAMICS: Line = Line {
    category: Handicrafts,
    label: "gốm sứ",
    items: &[
        it("Bình hút lộc men rạn", "chiếc", 500, 1500),
        it("Bộ ấm chén men lam", "bộ", 300, 900),
        it("Lọ hoa gốm men hỏa biến", "chiếc", 300, 800),
        it("Bộ bát đĩa men trắng", "bộ", 400, 900),
        it("Đèn gốm thấu quang", "chiếc", 800, 2000),
        it("Tượng gốm phong thủy", "chiếc", 300, 900),
        it("Cốc sứ vẽ tay", "chiếc", 60, 150),
        it("Đĩa sứ vẽ tay", "chiếc", 200, 600),
        it("Chum gốm", "chiếc", 300, 1000),
        it("Bộ đồ thờ men lam", "bộ", 1500, 4000),
    ],
};

/// Makers of sơn mài.
pub(super) const LACQUER: Line = Line {
    category: Handicrafts,
    label: "sơn mài",
    items: &[
        it("Tranh sơn mài phong cảnh", "bức", 1500, 5000),
        it("Hộp sơn mài", "chiếc", 200, 500),
        it("Khay sơn mài", "chiếc", 250, 600),
        it("Bình sơn mài", "chiếc", 500, 1500),
        it("Đĩa sơn mài", "chiếc", 300, 700),
        it("Lọ hoa sơn mài", "chiếc", 400, 1000),
        it("Bộ lót cốc sơn mài", "bộ 6 chiếc", 150, 300),
        it("Bát sơn mài", "chiếc", 150, 350),
    ],
};

/// Makers of khảm trai.
pub(super) const INLAY: Line = Line {
    category: Handicrafts,
    label: "khảm trai",
    items: &[
        it("Tranh khảm trai", "bức", 1500, 6000),
        it("Hộp gỗ khảm trai", "chiếc", 300, 900),
        it("Khay trà khảm trai", "chiếc", 400, 1000),
        it("Bình phong khảm trai", "bộ", 8000, 20000),
        it("Đĩa khảm trai", "chiếc", 300, 700),
        it("Hộp bút khảm trai", "chiếc", 150, 300),
        it("Tranh chữ khảm trai", "bức", 1000, 3000),
        it("Lót cốc khảm trai", "bộ 6 chiếc", 200, 400),
    ],
};

/// Makers of mây tre đan.
pub(super) const RATTAN: Line = Line {
    category: Handicrafts,
    label: "mây tre đan",
    items: &[
        it("Giỏ mây đan", "chiếc", 120, 300),
        it("Khay mây", "chiếc", 100, 250),
        it("Lẵng hoa mây", "chiếc", 150, 350),
        it("Đèn mây tre", "chiếc", 250, 600),
        it("Bộ bàn ghế mây", "bộ", 3000, 7000),
        it("Hộp đựng đồ bằng mây", "chiếc", 100, 250),
        it("Làn mây", "chiếc", 150, 300),
        it("Thùng đựng đồ mây", "chiếc", 200, 400),
    ],
};

/// Makers of hương.
pub(super) const INCENSE: Line = Line {
    category: Handicrafts,
    label: "hương",
    items: &[
        it("Hương trầm", "hộp 100 nén", 60, 150),
        it("Hương vòng", "hộp 10 vòng", 50, 100),
        it("Nụ trầm hương", "hộp 200 g", 80, 150),
        it("Hương quế", "bó 100 nén", 30, 60),
        it("Hương thảo mộc", "hộp 100 nén", 50, 90),
        it("Hương sen", "hộp 100 nén", 50, 90),
        it("Hương bài", "bó 100 nén", 25, 50),
        it("Hương nhang sạch", "hộp 200 nén", 60, 110),
    ],
};

/// Makers of nón lá.
pub(super) const HATS: Line = Line {
    category: Handicrafts,
    label: "nón lá",
    items: &[
        it("Nón lá", "chiếc", 80, 200),
        it("Nón bài thơ", "chiếc", 120, 250),
        it("Nón quai thao", "chiếc", 300, 600),
        it("Nón lá vẽ tranh", "chiếc", 150, 300),
        it("Nón lá mini trang trí", "chiếc", 30, 60),
        it("Nón ba tầm", "chiếc", 400, 800),
        it("Nón lá thêu", "chiếc", 150, 300),
        it("Nón lá lưu niệm", "chiếc", 50, 100),
    ],
};

/// Makers of đồ thờ.
pub(super) const WORSHIP: Line = Line {
    category: Handicrafts,
    label: "đồ thờ",
    items: &[
        it("Tượng Phật gỗ", "pho", 3000, 15000),
        it("Ngai thờ sơn son thếp vàng", "chiếc", 5000, 20000),
        it("Hoành phi câu đối", "bộ", 8000, 30000),
        it("Bài vị gỗ", "chiếc", 800, 2500),
        it("Tượng Quan Âm gỗ", "pho", 4000, 18000),
        it("Cửa võng chạm khắc", "bộ", 10000, 40000),
        it("Án gian thờ", "chiếc", 15000, 50000),
        it("Kiệu rước sơn son", "chiếc", 30000, 90000),
    ],
};

/// Makers of điêu khắc.
pub(super) const SCULPTURE: Line = Line {
    category: Handicrafts,
    label: "điêu khắc",
    items: &[
        it("Tượng gỗ nghệ thuật", "pho", 2000, 10000),
        it("Phù điêu gỗ", "bức", 1500, 6000),
        it("Tượng Di Lặc", "pho", 1500, 6000),
        it("Tượng linh vật", "pho", 800, 3000),
        it("Tượng chân dung", "pho", 3000, 12000),
        it("Tượng đá trang trí", "pho", 1500, 8000),
        it("Phù điêu đồng", "bức", 2000, 8000),
        it("Tượng Tam Đa", "bộ", 3000, 12000),
    ],
};

/// Makers of lược sừng.
pub(super) const HORN: Line = Line {
    category: Handicrafts,
    label: "lược sừng",
    items: &[
        it("Lược sừng", "chiếc", 60, 150),
        it("Lược sừng khắc hoa", "chiếc", 100, 250),
        it("Trâm cài tóc sừng", "chiếc", 80, 200),
        it("Vòng tay sừng", "chiếc", 100, 250),
        it("Thìa sừng", "bộ 6 chiếc", 100, 200),
        it("Mặt dây chuyền sừng", "chiếc", 80, 180),
        it("Bộ lược sừng quà tặng", "hộp", 250, 500),
        it("Kẹp tóc sừng", "chiếc", 50, 120),
    ],
};

/// Makers of đồ chơi tre.
pub(super) const BAMBOO_TOYS: Line = Line {
    category: Handicrafts,
    label: "đồ chơi tre",
    items: &[
        it("Chuồn chuồn tre", "chiếc", 20, 50),
        it("Bộ chuồn chuồn tre", "hộp 5 chiếc", 80, 150),
        it("Chim tre thăng bằng", "chiếc", 30, 70),
        it("Con giống tre", "chiếc", 30, 80),
        it("Chuồn chuồn tre vẽ tay", "chiếc", 40, 80),
        it("Móc khóa tre", "chiếc", 15, 30),
        it("Bướm tre", "chiếc", 25, 60),
        it("Đồ chơi tre cho trẻ em", "bộ", 80, 160),
    ],
};

/// Makers of đồ gỗ.
pub(super) const FURNITURE: Line = Line {
    category: Handicrafts,
    label: "đồ gỗ",
    items: &[
        it("Tủ chè gỗ", "chiếc", 15000, 40000),
        it("Bộ bàn ghế gỗ", "bộ", 12000, 45000),
        it("Sập gụ", "chiếc", 30000, 90000),
        it("Kệ tivi gỗ", "chiếc", 5000, 15000),
        it("Giường gỗ chạm khắc", "chiếc", 15000, 40000),
        it("Bàn trà gỗ", "chiếc", 3000, 9000),
        it("Đôn gỗ", "đôi", 2000, 6000),
        it("Tủ thờ gỗ", "chiếc", 12000, 35000),
    ],
};

/// Makers of tiện gỗ.
pub(super) const TURNED_WOOD: Line = Line {
    category: Handicrafts,
    label: "tiện gỗ",
    items: &[
        it("Hộp tròn gỗ tiện", "chiếc", 100, 250),
        it("Bát gỗ", "chiếc", 80, 200),
        it("Cốc gỗ", "chiếc", 60, 150),
        it("Lọ hoa gỗ tiện", "chiếc", 150, 400),
        it("Bộ cờ tướng gỗ", "bộ", 200, 500),
        it("Đồ chơi gỗ", "bộ", 100, 250),
        it("Chuỗi hạt gỗ", "chiếc", 80, 250),
        it("Khay gỗ tiện", "chiếc", 120, 300),
    ],
};

/// Makers of dát vàng.
pub(super) const GOLD_LEAF: Line = Line {
    category: Handicrafts,
    label: "dát vàng",
    items: &[
        it("Quỳ vàng", "tập 100 lá", 300, 800),
        it("Tranh dát vàng", "bức", 2000, 6000),
        it("Lục bình dát vàng", "đôi", 5000, 15000),
        it("Hộp dát vàng", "chiếc", 600, 1500),
        it("Quỳ bạc", "tập 100 lá", 150, 400),
        it("Đĩa dát vàng", "chiếc", 800, 2000),
        it("Tượng dát vàng", "pho", 3000, 12000),
        it("Thiệp dát vàng", "hộp 10 chiếc", 200, 400),
    ],
};

/// Makers of lồng chim.
pub(super) const BIRD_CAGES: Line = Line {
    category: Handicrafts,
    label: "lồng chim",
    items: &[
        it("Lồng chim tre", "chiếc", 300, 1500),
        it("Lồng chim chạm khắc", "chiếc", 1500, 5000),
        it("Lồng khướu", "chiếc", 800, 2500),
        it("Lồng chào mào", "chiếc", 400, 1200),
        it("Lồng cu gáy", "chiếc", 500, 1500),
        it("Lồng chim mini trang trí", "chiếc", 150, 400),
        it("Lồng họa mi", "chiếc", 800, 2500),
        it("Lồng chim sơn mài", "chiếc", 2000, 6000),
    ],
};

/// Makers of gỗ mỹ nghệ.
pub(super) const FINE_WOOD: Line = Line {
    category: Handicrafts,
    label: "gỗ mỹ nghệ",
    items: &[
        it("Tượng gỗ mỹ nghệ", "pho", 2000, 8000),
        it("Tranh gỗ chạm khắc", "bức", 1500, 5000),
        it("Hộp gỗ chạm hoa sen", "chiếc", 400, 1000),
        it("Khay gỗ chạm khắc", "chiếc", 300, 800),
        it("Lục bình gỗ", "đôi", 4000, 12000),
        it("Đồng hồ gỗ chạm", "chiếc", 2000, 6000),
        it("Ống đũa gỗ", "chiếc", 100, 250),
        it("Kệ gỗ trang trí", "chiếc", 800, 2500),
    ],
};

/// Makers of kim hoàn.
pub(super) const SILVER: Line = Line {
    category: Handicrafts,
    label: "kim hoàn",
    items: &[
        it("Nhẫn bạc chạm", "chiếc", 300, 800),
        it("Vòng tay bạc", "chiếc", 500, 1500),
        it("Dây chuyền bạc", "chiếc", 600, 1800),
        it("Bộ trang sức bạc", "bộ", 1500, 4000),
        it("Khuyên tai bạc", "đôi", 250, 700),
        it("Lắc bạc trẻ em", "đôi", 400, 1000),
        it("Hộp bạc chạm khắc", "chiếc", 2000, 6000),
        it("Đũa bạc", "đôi", 800, 2000),
    ],
};

/// Makers of tranh thêu.
pub(super) const EMBROIDERED_ART: Line = Line {
    category: Handicrafts,
    label: "tranh thêu",
    items: &[
        it("Tranh thêu tay phong cảnh", "bức", 800, 4000),
        it("Tranh thêu chữ", "bức", 600, 2500),
        it("Tranh thêu hoa sen", "bức", 800, 3500),
        it("Tranh thêu phố cổ", "bức", 1000, 4000),
        it("Tranh thêu chân dung", "bức", 2000, 8000),
        it("Tranh thêu đồng quê", "bức", 800, 3000),
        it("Thiệp thêu tay", "hộp 5 chiếc", 100, 250),
        it("Tranh thêu tứ quý", "bộ 4 bức", 3000, 9000),
    ],
};

/// Makers of sinh vật cảnh.
pub(super) const PLANTS: Line = Line {
    category: Handicrafts,
    label: "sinh vật cảnh",
    items: &[
        it("Đào thế", "chậu", 500, 3000),
        it("Quất cảnh", "chậu", 400, 2000),
        it("Lan hồ điệp", "chậu", 300, 900),
        it("Cây bonsai", "chậu", 500, 3000),
        it("Hoa hồng", "bó 20 bông", 100, 200),
        it("Hoa cúc họa mi", "bó", 50, 120),
        it("Cây cảnh để bàn", "chậu", 100, 300),
        it("Hoa ly", "bó 10 cành", 150, 300),
    ],
};

/// Makers of đồ chơi dân gian.
pub(super) const TOYS: Line = Line {
    category: Handicrafts,
    label: "đồ chơi dân gian",
    items: &[
        it("Tò he", "chiếc", 15, 30),
        it("Đèn ông sao", "chiếc", 40, 100),
        it("Đèn kéo quân", "chiếc", 150, 400),
        it("Mặt nạ giấy bồi", "chiếc", 40, 100),
        it("Trống bỏi", "chiếc", 20, 50),
        it("Đầu sư tử giấy bồi", "chiếc", 300, 1200),
        it("Đèn lồng lụa", "chiếc", 150, 400),
        it("Tranh giấy dó", "bức", 200, 600),
    ],
};
