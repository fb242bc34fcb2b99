//! Product lines of the fabric and garment group: silk, embroidery, bedding, knitwear, tailoring.

use super::lines::{Line, it};
use crate::domain::Category::FabricsGarments;

/// Makers of lụa tơ tằm.
pub(super) const SILK: Line = Line {
    category: FabricsGarments,
    label: "lụa tơ tằm",
    items: &[
        it("Khăn lụa tơ tằm", "chiếc", 250, 500),
        it("Lụa tơ tằm may áo dài", "mét", 250, 450),
        it("Áo dài lụa", "bộ", 1500, 3500),
        it("Khăn lụa vân", "chiếc", 200, 400),
        it("Cà vạt lụa", "chiếc", 150, 300),
        it("Lụa đũi", "mét", 180, 300),
        it("Gối lụa", "chiếc", 300, 500),
        it("Lụa vân hoa", "mét", 300, 500),
        it("Chăn lụa", "chiếc", 1500, 3000),
    ],
};

/// Makers of thêu.
pub(super) const EMBROIDERY: Line = Line {
    category: FabricsGarments,
    label: "thêu",
    items: &[
        it("Khăn thêu tay", "chiếc", 80, 200),
        it("Áo dài thêu tay", "bộ", 2000, 4000),
        it("Khăn trải bàn thêu", "chiếc", 300, 600),
        it("Gối thêu", "chiếc", 150, 300),
        it("Áo thêu tay", "chiếc", 400, 800),
        it("Bộ khăn ăn thêu", "bộ 6 chiếc", 250, 450),
        it("Áo long bào thêu", "bộ", 5000, 15000),
        it("Túi vải thêu", "chiếc", 150, 300),
    ],
};

/// Makers of may cờ.
pub(super) const FLAGS: Line = Line {
    category: FabricsGarments,
    label: "may cờ",
    items: &[
        it("Cờ Tổ quốc", "chiếc", 40, 120),
        it("Cờ lễ hội thêu tay", "chiếc", 300, 800),
        it("Cờ ngũ sắc", "chiếc", 80, 200),
        it("Cờ đuôi nheo", "bộ 10 chiếc", 60, 150),
        it("Băng rôn thêu", "chiếc", 200, 500),
        it("Cờ thêu chữ", "chiếc", 250, 600),
        it("Lọng thêu", "chiếc", 1500, 4000),
        it("Cờ hội làng", "chiếc", 200, 600),
    ],
};

/// Makers of chăn ga gối đệm.
pub(super) const BEDDING: Line = Line {
    category: FabricsGarments,
    label: "chăn ga gối đệm",
    items: &[
        it("Chăn bông", "chiếc", 600, 1200),
        it("Ga gối cotton", "bộ", 500, 900),
        it("Đệm bông", "chiếc", 800, 1600),
        it("Gối bông", "chiếc", 80, 150),
        it("Chăn hè", "chiếc", 300, 600),
        it("Ga chun chần bông", "bộ", 600, 1000),
        it("Đệm ngồi", "chiếc", 80, 150),
        it("Gối ôm", "chiếc", 120, 200),
    ],
};

/// Makers of dệt len.
pub(super) const KNITWEAR: Line = Line {
    category: FabricsGarments,
    label: "dệt len",
    items: &[
        it("Áo len", "chiếc", 150, 300),
        it("Mũ len", "chiếc", 50, 100),
        it("Khăn len", "chiếc", 80, 150),
        it("Áo len trẻ em", "chiếc", 100, 200),
        it("Găng tay len", "đôi", 30, 60),
        it("Váy len", "chiếc", 200, 350),
        it("Bộ đồ len trẻ em", "bộ", 180, 300),
        it("Áo khoác len", "chiếc", 250, 450),
    ],
};

/// Makers of may mặc.
pub(super) const GARMENTS: Line = Line {
    category: FabricsGarments,
    label: "may mặc",
    items: &[
        it("Áo sơ mi", "chiếc", 250, 450),
        it("Quần âu", "chiếc", 300, 500),
        it("Áo vest may đo", "bộ", 2000, 4000),
        it("Váy công sở", "chiếc", 300, 600),
        it("Túi vải canvas", "chiếc", 80, 150),
        it("Áo dài may sẵn", "bộ", 800, 1800),
        it("Đồ bộ cotton", "bộ", 150, 300),
        it("Áo khoác gió", "chiếc", 250, 450),
    ],
};

/// Làng Y La: weaving and dyeing.
pub(super) const WEAVING: Line = Line {
    category: FabricsGarments,
    label: "dệt nhuộm",
    items: &[
        it("Vải thô dệt nhuộm", "mét", 60, 120),
        it("Vải đũi nhuộm", "mét", 80, 150),
        it("Khăn mặt dệt", "chiếc", 20, 40),
        it("Vải lanh", "mét", 90, 160),
        it("Khăn tắm cotton", "chiếc", 60, 120),
        it("Vải nhuộm chàm", "mét", 100, 180),
        it("Khăn quàng dệt", "chiếc", 80, 150),
        it("Vải bố", "mét", 50, 90),
    ],
};
