//! Product lines of the food, beverage and herbal groups.

use super::lines::{Line, it};
use crate::domain::Category::{Beverages, Food, Herbal};

/// Makers of giò chả.
pub(super) const MEAT: Line = Line {
    category: Food,
    label: "giò chả",
    items: &[
        it("Giò lụa", "kg", 220, 300),
        it("Giò bò", "kg", 320, 420),
        it("Chả quế", "kg", 200, 260),
        it("Chả cốm", "kg", 240, 300),
        it("Nem chua", "hộp 10 chiếc", 40, 60),
        it("Ruốc thịt lợn", "hộp 200 g", 90, 130),
        it("Giò xào", "kg", 230, 290),
        it("Lạp xưởng", "gói 500 g", 120, 180),
        it("Giò thủ", "kg", 220, 280),
        it("Xúc xích thịt lợn", "gói 500 g", 70, 100),
    ],
};

/// Makers of gạo.
pub(super) const RICE: Line = Line {
    category: Food,
    label: "gạo",
    items: &[
        it("Gạo tám thơm", "túi 5 kg", 110, 160),
        it("Gạo nếp cái hoa vàng", "túi 2 kg", 70, 100),
        it("Gạo lứt đỏ", "túi 2 kg", 70, 100),
        it("Gạo Bắc hương", "túi 5 kg", 100, 140),
        it("Gạo nếp cẩm", "túi 1 kg", 45, 65),
        it("Bột gạo lứt", "hộp 500 g", 60, 90),
        it("Cốm gạo lứt", "hộp 300 g", 50, 80),
        it("Gạo hữu cơ", "túi 5 kg", 150, 220),
    ],
};

/// Makers of bún miến.
pub(super) const NOODLES: Line = Line {
    category: Food,
    label: "bún miến",
    items: &[
        it("Miến dong", "gói 500 g", 45, 70),
        it("Bún khô", "gói 500 g", 25, 40),
        it("Bánh đa nem", "gói 200 g", 20, 35),
        it("Phở khô", "gói 500 g", 30, 45),
        it("Bột sắn dây", "hộp 500 g", 90, 140),
        it("Miến dong sợi nhỏ", "gói 500 g", 50, 75),
        it("Bánh đa vừng", "gói 10 chiếc", 30, 45),
        it("Tinh bột dong riềng", "túi 1 kg", 45, 70),
    ],
};

/// Makers of cây ăn quả.
pub(super) const FRUIT: Line = Line {
    category: Food,
    label: "cây ăn quả",
    items: &[
        it("Bưởi Diễn", "quả", 45, 80),
        it("Nhãn chín muộn", "kg", 40, 70),
        it("Cam canh", "kg", 35, 60),
        it("Ổi lê", "kg", 25, 40),
        it("Chuối tiêu hồng", "nải", 40, 70),
        it("Bưởi đường", "quả", 35, 60),
        it("Phật thủ", "quả", 80, 200),
        it("Thanh long ruột đỏ", "kg", 30, 50),
        it("Táo đại", "kg", 30, 50),
    ],
};

/// Makers of rau an toàn.
pub(super) const VEGETABLES: Line = Line {
    category: Food,
    label: "rau an toàn",
    items: &[
        it("Rau cải ngọt hữu cơ", "kg", 35, 55),
        it("Rau muống an toàn", "kg", 20, 30),
        it("Su hào VietGAP", "kg", 15, 25),
        it("Cà chua bi", "kg", 35, 60),
        it("Rau gia vị hữu cơ", "gói 300 g", 25, 35),
        it("Bí đỏ hữu cơ", "kg", 25, 40),
        it("Măng tây xanh", "kg", 120, 180),
        it("Nấm sò", "kg", 50, 70),
        it("Nấm rơm", "kg", 80, 110),
        it("Rau mầm", "hộp 200 g", 20, 30),
    ],
};

/// Makers of chăn nuôi.
pub(super) const POULTRY: Line = Line {
    category: Food,
    label: "chăn nuôi",
    items: &[
        it("Trứng gà ri", "hộp 10 quả", 45, 60),
        it("Trứng gà thảo dược", "hộp 10 quả", 40, 55),
        it("Gà đồi thả vườn", "kg", 140, 180),
        it("Trứng vịt", "hộp 10 quả", 35, 45),
        it("Thịt lợn thảo dược", "kg", 150, 200),
        it("Gà ri", "kg", 150, 190),
        it("Trứng gà omega 3", "hộp 10 quả", 45, 65),
        it("Vịt cỏ", "kg", 90, 130),
    ],
};

/// Makers of mật ong.
pub(super) const HONEY: Line = Line {
    category: Food,
    label: "mật ong",
    items: &[
        it("Mật ong hoa nhãn", "chai 500 ml", 180, 260),
        it("Mật ong hoa vải", "chai 500 ml", 160, 240),
        it("Mật ong rừng", "chai 500 ml", 300, 450),
        it("Phấn hoa", "hộp 250 g", 150, 220),
        it("Sữa ong chúa", "lọ 100 g", 250, 350),
        it("Mật ong hoa bạch đàn", "chai 500 ml", 150, 220),
        it("Mật ong ngâm chanh đào", "lọ 500 g", 150, 220),
        it("Mật ong hoa bưởi", "chai 500 ml", 180, 260),
    ],
};

/// Makers of sữa.
pub(super) const DAIRY: Line = Line {
    category: Food,
    label: "sữa",
    items: &[
        it("Sữa tươi thanh trùng", "chai 1 lít", 35, 45),
        it("Sữa chua", "hộp 4 × 100 g", 25, 35),
        it("Bánh sữa", "hộp 250 g", 45, 70),
        it("Sữa chua nếp cẩm", "hộp 4 × 100 g", 30, 40),
        it("Phô mai tươi", "hộp 200 g", 60, 90),
        it("Sữa bò tươi nguyên chất", "chai 500 ml", 22, 30),
        it("Kẹo sữa", "hộp 300 g", 50, 80),
        it("Váng sữa", "hộp 4 × 55 g", 35, 50),
    ],
};

/// Makers of bánh truyền thống.
pub(super) const CAKES: Line = Line {
    category: Food,
    label: "bánh truyền thống",
    items: &[
        it("Bánh chưng", "chiếc", 60, 90),
        it("Bánh cuốn", "kg", 40, 60),
        it("Bánh giầy", "gói 10 chiếc", 30, 50),
        it("Bánh gai", "gói 6 chiếc", 50, 70),
        it("Bánh tẻ", "gói 10 chiếc", 40, 60),
        it("Bánh khúc", "gói 10 chiếc", 50, 80),
        it("Bánh phu thê", "hộp 6 chiếc", 40, 60),
        it("Bánh giầy giò", "gói 10 chiếc", 80, 120),
    ],
};

/// Makers of bánh kẹo.
pub(super) const SWEETS: Line = Line {
    category: Food,
    label: "bánh kẹo",
    items: &[
        it("Chè lam", "hộp 300 g", 40, 60),
        it("Kẹo lạc", "hộp 300 g", 35, 55),
        it("Ô mai mơ gừng", "hộp 300 g", 90, 140),
        it("Mứt sen trần", "hộp 300 g", 120, 180),
        it("Kẹo dồi", "gói 250 g", 35, 50),
        it("Bánh khảo", "hộp 300 g", 40, 60),
        it("Kẹo vừng", "hộp 300 g", 35, 55),
        it("Mứt gừng", "hộp 300 g", 60, 90),
    ],
};

/// Makers of gia vị.
pub(super) const CONDIMENTS: Line = Line {
    category: Food,
    label: "gia vị",
    items: &[
        it("Tương nếp", "chai 500 ml", 35, 50),
        it("Dấm gạo", "chai 500 ml", 25, 35),
        it("Ớt chưng tỏi", "lọ 200 g", 35, 50),
        it("Muối vừng lạc", "lọ 200 g", 30, 40),
        it("Dưa cải muối", "hộp 500 g", 30, 40),
        it("Cà pháo muối", "hộp 500 g", 30, 45),
        it("Tỏi đen", "hộp 250 g", 150, 250),
        it("Mắm tôm chua", "lọ 300 g", 45, 70),
    ],
};

/// Làng Cự Đà: soy sauce and vermicelli.
pub(super) const CU_DA: Line = Line {
    category: Food,
    label: "tương và miến",
    items: &[
        it("Tương nếp truyền thống", "chai 500 ml", 40, 60),
        it("Miến dong làng nghề", "gói 500 g", 50, 75),
        it("Tương hạt", "chai 500 ml", 40, 60),
        it("Miến dong sợi nhỏ", "gói 500 g", 50, 75),
        it("Tương ngô", "chai 500 ml", 35, 55),
        it("Miến dong gói quà", "hộp 1 kg", 110, 160),
        it("Tương đặc biệt", "chai 1 lít", 70, 100),
        it("Miến dong ăn liền", "gói 70 g", 12, 20),
    ],
};

/// Làng cổ Đường Lâm: soy sauce and confectionery.
pub(super) const DUONG_LAM: Line = Line {
    category: Food,
    label: "tương và chè lam",
    items: &[
        it("Tương làng cổ", "chai 500 ml", 40, 60),
        it("Chè lam gừng", "hộp 300 g", 40, 60),
        it("Kẹo lạc làng cổ", "hộp 300 g", 35, 55),
        it("Kẹo dồi lạc vừng", "gói 250 g", 35, 50),
        it("Bánh tẻ làng cổ", "gói 10 chiếc", 40, 60),
        it("Kẹo vừng thanh", "hộp 300 g", 35, 55),
        it("Chè kho", "hộp 500 g", 50, 80),
        it("Tương gạo nếp", "chai 500 ml", 40, 60),
    ],
};

/// Makers of chè.
pub(super) const TEA: Line = Line {
    category: Beverages,
    label: "chè",
    items: &[
        it("Chè búp khô", "gói 200 g", 80, 150),
        it("Chè xanh đặc sản", "hộp 200 g", 100, 200),
        it("Trà móc câu", "hộp 200 g", 120, 200),
        it("Trà ô long", "hộp 200 g", 150, 250),
        it("Trà hoa nhài", "hộp 100 g", 60, 100),
        it("Trà túi lọc", "hộp 25 gói", 50, 80),
        it("Hồng trà", "hộp 200 g", 120, 200),
        it("Trà xanh sao suốt", "hộp 200 g", 100, 180),
    ],
};

/// Makers of đồ uống.
pub(super) const DRINKS: Line = Line {
    category: Beverages,
    label: "đồ uống",
    items: &[
        it("Rượu nếp cái hoa vàng", "chai 500 ml", 80, 150),
        it("Rượu ngô men lá", "chai 500 ml", 70, 120),
        it("Nước ép bưởi", "chai 330 ml", 25, 35),
        it("Rượu mơ", "chai 500 ml", 120, 200),
        it("Nước cốt gừng mật ong", "chai 300 ml", 60, 90),
        it("Nước sắn dây", "chai 330 ml", 20, 30),
        it("Giấm táo mèo", "chai 500 ml", 60, 90),
        it("Nước ép cam canh", "chai 330 ml", 25, 35),
    ],
};

/// Quảng An by West Lake: lotus-scented tea.
pub(super) const LOTUS_TEA: Line = Line {
    category: Beverages,
    label: "trà sen",
    items: &[
        it("Trà sen Tây Hồ", "hộp 100 g", 300, 600),
        it("Trà ướp bông sen", "bông", 250, 450),
        it("Trà sen túi lọc", "hộp 20 gói", 80, 120),
        it("Trà ướp hoa nhài", "hộp 100 g", 150, 250),
        it("Trà sen hộp quà", "hộp 200 g", 600, 1200),
        it("Trà ướp hoa ngâu", "hộp 100 g", 150, 250),
        it("Trà tâm sen", "hộp 100 g", 60, 100),
        it("Trà ướp hoa sói", "hộp 100 g", 150, 250),
    ],
};

/// Remedies of the Dao people of Ba Vì and other herbal goods.
pub(super) const DAO_HERBS: Line = Line {
    category: Herbal,
    label: "thuốc nam",
    items: &[
        it("Thuốc tắm người Dao", "túi 10 gói", 60, 100),
        it("Cao xương khớp", "hộp 100 g", 200, 350),
        it("Trà thảo dược giải độc", "hộp 20 gói", 60, 100),
        it("Cao gắm", "lọ 100 g", 180, 260),
        it("Trà cà gai leo", "hộp 200 g", 80, 130),
        it("Trà giảo cổ lam", "hộp 200 g", 80, 130),
        it("Cao ích mẫu", "chai 250 ml", 120, 180),
        it("Thuốc ngâm chân thảo dược", "túi 10 gói", 60, 90),
    ],
};

/// Makers of thảo dược.
pub(super) const WELLNESS: Line = Line {
    category: Herbal,
    label: "thảo dược",
    items: &[
        it("Tinh dầu sả chanh", "lọ 50 ml", 60, 100),
        it("Tinh dầu bưởi", "lọ 50 ml", 80, 130),
        it("Nấm linh chi", "hộp 500 g", 400, 700),
        it("Dầu gội thảo dược", "chai 300 ml", 90, 140),
        it("Trà gừng túi lọc", "hộp 20 gói", 50, 80),
        it("Tinh bột nghệ", "hộp 500 g", 250, 400),
        it("Cao atiso", "lọ 200 g", 150, 220),
        it("Xà phòng thảo mộc", "bánh 100 g", 40, 70),
    ],
};
