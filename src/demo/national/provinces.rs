//! The 33 provincial units outside Hanoi (since 12 June 2025), each stored as one `districts`
//! row, with a handful of synthetic wards and communes clustered around its towns.

use crate::domain::rng::SeededRng;
use crate::domain::text::slugify;
use crate::domain::{Dataset, District, DistrictKind, Ward, WardKind};

/// A town sites and makers cluster around: (name, lat, lon).
type Anchor = (&'static str, f64, f64);

/// A province or centrally-run city of the 34 units in force since 12 June 2025.
pub(super) struct Province {
    pub name: &'static str,
    pub ascii: &'static str,
    /// A centrally-run city (thành phố) rather than a province (tỉnh).
    pub city: bool,
    /// The statistics-office code of the unit; stored with a "P" prefix so it never meets a
    /// Hanoi district code.
    pub gso: &'static str,
    /// Relative share of the national network's sites.
    pub weight: f64,
    /// The administrative centre first, then the former provincial capitals merged into it and
    /// the towns on Hanoi's edge.
    pub anchors: &'static [Anchor],
}

const fn p(name: &'static str, ascii: &'static str, city: bool, gso: &'static str, weight: f64, anchors: &'static [Anchor]) -> Province {
    Province { name, ascii, city, gso, weight, anchors }
}

/// Every provincial unit but Hanoi, north to south, with approximate town centres.
pub(super) const PROVINCES: [Province; 33] = [
    p("Cao Bằng", "Cao Bang", false, "04", 1.0, &[("Cao Bằng", 22.6657, 106.2579)]),
    p("Tuyên Quang", "Tuyen Quang", false, "08", 2.0, &[("Tuyên Quang", 21.8236, 105.2140), ("Hà Giang", 22.8233, 104.9836)]),
    p("Lào Cai", "Lao Cai", false, "15", 2.0, &[("Yên Bái", 21.7229, 104.9113), ("Lào Cai", 22.4856, 103.9707)]),
    p("Lai Châu", "Lai Chau", false, "12", 1.0, &[("Lai Châu", 22.3964, 103.4582)]),
    p("Điện Biên", "Dien Bien", false, "11", 1.0, &[("Điện Biên Phủ", 21.3856, 103.0169)]),
    p("Sơn La", "Son La", false, "14", 1.5, &[("Sơn La", 21.3270, 103.9141)]),
    p("Lạng Sơn", "Lang Son", false, "20", 1.5, &[("Lạng Sơn", 21.8537, 106.7615)]),
    p("Thái Nguyên", "Thai Nguyen", false, "19", 3.0, &[("Thái Nguyên", 21.5942, 105.8482), ("Bắc Kạn", 22.1470, 105.8348)]),
    p(
        "Phú Thọ",
        "Phu Tho",
        false,
        "25",
        5.0,
        &[
            ("Việt Trì", 21.3227, 105.4020),
            ("Vĩnh Yên", 21.3089, 105.6049),
            ("Hòa Bình", 20.8133, 105.3383),
            ("Phúc Yên", 21.2372, 105.7050),
        ],
    ),
    p(
        "Bắc Ninh",
        "Bac Ninh",
        false,
        "24",
        6.0,
        &[("Bắc Giang", 21.2731, 106.1946), ("Bắc Ninh", 21.1861, 106.0763), ("Từ Sơn", 21.1167, 105.9569)],
    ),
    p("Quảng Ninh", "Quang Ninh", false, "22", 4.0, &[("Hạ Long", 20.9712, 107.0448), ("Uông Bí", 21.0357, 106.7706)]),
    p("Hải Phòng", "Hai Phong", true, "31", 5.0, &[("Hải Phòng", 20.8449, 106.6881), ("Hải Dương", 20.9373, 106.3146)]),
    p(
        "Hưng Yên",
        "Hung Yen",
        false,
        "33",
        5.0,
        &[("Hưng Yên", 20.6464, 106.0511), ("Thái Bình", 20.4463, 106.3366), ("Văn Giang", 20.9330, 105.9420)],
    ),
    p(
        "Ninh Bình",
        "Ninh Binh",
        false,
        "37",
        4.0,
        &[("Ninh Bình", 20.2506, 105.9745), ("Phủ Lý", 20.5411, 105.9139), ("Nam Định", 20.4200, 106.1683)],
    ),
    p("Thanh Hóa", "Thanh Hoa", false, "38", 4.0, &[("Thanh Hóa", 19.8067, 105.7852)]),
    p("Nghệ An", "Nghe An", false, "40", 4.0, &[("Vinh", 18.6796, 105.6813)]),
    p("Hà Tĩnh", "Ha Tinh", false, "42", 2.0, &[("Hà Tĩnh", 18.3428, 105.9057)]),
    p("Quảng Trị", "Quang Tri", false, "44", 2.0, &[("Đồng Hới", 17.4689, 106.6223), ("Đông Hà", 16.8163, 107.1003)]),
    p("Huế", "Hue", true, "46", 3.0, &[("Huế", 16.4637, 107.5909)]),
    p("Đà Nẵng", "Da Nang", true, "48", 4.0, &[("Đà Nẵng", 16.0544, 108.2022), ("Tam Kỳ", 15.5736, 108.4740)]),
    p("Quảng Ngãi", "Quang Ngai", false, "51", 2.0, &[("Quảng Ngãi", 15.1214, 108.8044), ("Kon Tum", 14.3497, 108.0005)]),
    p("Gia Lai", "Gia Lai", false, "52", 3.0, &[("Quy Nhơn", 13.7800, 109.2000), ("Pleiku", 13.9833, 108.0000)]),
    p("Đắk Lắk", "Dak Lak", false, "66", 3.0, &[("Buôn Ma Thuột", 12.6667, 108.0500), ("Tuy Hòa", 13.0900, 109.2900)]),
    p("Khánh Hòa", "Khanh Hoa", false, "56", 3.0, &[("Nha Trang", 12.2450, 109.1800), ("Phan Rang - Tháp Chàm", 11.5643, 108.9886)]),
    p(
        "Lâm Đồng",
        "Lam Dong",
        false,
        "68",
        3.0,
        &[("Đà Lạt", 11.9404, 108.4583), ("Gia Nghĩa", 12.0042, 107.6907), ("Phan Thiết", 10.9289, 108.1021)],
    ),
    p("Đồng Nai", "Dong Nai", false, "75", 4.0, &[("Biên Hòa", 10.9574, 106.8427), ("Đồng Xoài", 11.5349, 106.8832)]),
    p(
        "Hồ Chí Minh",
        "Ho Chi Minh",
        true,
        "79",
        14.0,
        &[("Sài Gòn", 10.7769, 106.7009), ("Thủ Dầu Một", 10.9804, 106.6519), ("Bà Rịa", 10.4963, 107.1684)],
    ),
    p("Tây Ninh", "Tay Ninh", false, "80", 3.0, &[("Tân An", 10.5359, 106.4137), ("Tây Ninh", 11.3100, 106.0983)]),
    p("Đồng Tháp", "Dong Thap", false, "82", 3.0, &[("Mỹ Tho", 10.3600, 106.3600), ("Cao Lãnh", 10.4602, 105.6329)]),
    p(
        "Vĩnh Long",
        "Vinh Long",
        false,
        "86",
        3.0,
        &[("Vĩnh Long", 10.2537, 105.9722), ("Bến Tre", 10.2434, 106.3756), ("Trà Vinh", 9.9347, 106.3453)],
    ),
    p("An Giang", "An Giang", false, "91", 3.0, &[("Rạch Giá", 10.0125, 105.0809), ("Long Xuyên", 10.3864, 105.4351)]),
    p(
        "Cần Thơ",
        "Can Tho",
        true,
        "92",
        4.0,
        &[("Cần Thơ", 10.0452, 105.7469), ("Sóc Trăng", 9.6025, 105.9739), ("Vị Thanh", 9.7845, 105.4701)],
    ),
    p("Cà Mau", "Ca Mau", false, "96", 2.0, &[("Cà Mau", 9.1769, 105.1524), ("Bạc Liêu", 9.2940, 105.7216)]),
];

/// Names common to communes all over the country, for the synthetic communes.
const COMMUNES: [(&str, &str); 24] = [
    ("Tân Phú", "Tan Phu"),
    ("An Bình", "An Binh"),
    ("Tân Lập", "Tan Lap"),
    ("Phú Lộc", "Phu Loc"),
    ("Tân Hiệp", "Tan Hiep"),
    ("Bình Minh", "Binh Minh"),
    ("Hưng Đạo", "Hung Dao"),
    ("Quyết Thắng", "Quyet Thang"),
    ("Đồng Tâm", "Dong Tam"),
    ("Tân Thịnh", "Tan Thinh"),
    ("Phước Hòa", "Phuoc Hoa"),
    ("An Thạnh", "An Thanh"),
    ("Long Hưng", "Long Hung"),
    ("Hòa Lợi", "Hoa Loi"),
    ("Xuân Lộc", "Xuan Loc"),
    ("Hồng Phong", "Hong Phong"),
    ("Tân Tiến", "Tan Tien"),
    ("Đại Đồng", "Dai Dong"),
    ("Thống Nhất", "Thong Nhat"),
    ("Thanh Bình", "Thanh Binh"),
    ("Minh Đức", "Minh Duc"),
    ("Nghĩa Hưng", "Nghia Hung"),
    ("Tiên Phong", "Tien Phong"),
    ("Vĩnh Thành", "Vinh Thanh"),
];

/// Vietnam's bounding box, roughly: (min lat, max lat, min lon, max lon).
pub(super) const VIETNAM: (f64, f64, f64, f64) = (8.4, 23.4, 102.1, 109.5);

/// One province as added to the data set. Indexes are positions in the data set's tables.
pub(super) struct Region {
    pub province: &'static Province,
    pub district: usize,
    /// Its wards: the urban wards (phường) first, then the communes.
    pub wards: Vec<usize>,
    /// How many of `wards` are urban wards.
    pub urban: usize,
}

impl Region {
    /// "tỉnh Lâm Đồng", "thành phố Huế", as written inside a sentence or an address.
    pub fn in_text(&self) -> String {
        format!("{} {}", if self.province.city { "thành phố" } else { "tỉnh" }, self.province.name)
    }

    /// Is `wards[i]` an urban ward?
    pub fn is_urban(&self, i: usize) -> bool {
        i < self.urban
    }
}

/// Adds one district row and its wards per province; returns the provinces in table order.
pub(super) fn add(data: &mut Dataset, rng: &mut SeededRng) -> Vec<Region> {
    PROVINCES.iter().map(|province| add_province(data, rng, province)).collect()
}

fn add_province(data: &mut Dataset, rng: &mut SeededRng, province: &'static Province) -> Region {
    let (_, lat, lon) = province.anchors[0];
    let kind_word = if province.city { "thanh-pho" } else { "tinh" };
    data.districts.push(District {
        id: data.districts.len() as i64 + 1,
        slug: format!("{kind_word}-{}", slugify(province.ascii)),
        name: province.name.to_owned(),
        name_ascii: province.ascii.to_owned(),
        kind: if province.city { DistrictKind::Urban } else { DistrictKind::Rural },
        gso_code: format!("P{}", province.gso),
        lat,
        lon,
    });
    let district = data.districts.len() - 1;
    let total = 4 + (1.5 * province.weight).round() as usize;
    let share = if province.city { 0.7 } else { 0.45 };
    let urban = ((total as f64 * share).round() as usize).max(province.anchors.len() + 1).min(total);
    let mut communes = COMMUNES;
    rng.shuffle(&mut communes);
    let mut wards = Vec::with_capacity(total);
    for i in 0..total {
        // The administrative centre gets twice the wards of each other town.
        let k = i % (province.anchors.len() + 1);
        let (_, lat, lon) = province.anchors[k.saturating_sub(1)];
        let (kind, name, ascii, radius) = if i < urban {
            let spread = match province.weight {
                w if k <= 1 && w >= 10.0 => 2.0,
                _ if k <= 1 && province.city => 1.3,
                _ => 1.0,
            };
            (WardKind::Ward, (i + 1).to_string(), (i + 1).to_string(), spread * 0.05 * (0.15 + 0.85 * rng.unit()))
        } else {
            let (name, ascii) = communes[i - urban];
            (WardKind::Commune, name.to_owned(), ascii.to_owned(), 0.08 + 0.22 * rng.unit())
        };
        let (lat, lon) = offset(lat, lon, radius, rng.unit() * std::f64::consts::TAU);
        let code = format!("P{}{:03}", province.gso, i + 1);
        let full = format!("{} {name}", kind.prefix_vi());
        data.wards.push(Ward {
            id: data.wards.len() as i64 + 1,
            code,
            slug: format!("{}-{}", slugify(province.ascii), slugify(&full)),
            name,
            name_ascii: ascii,
            kind,
            district_id: district as i64 + 1,
            lat,
            lon,
        });
        wards.push(data.wards.len() - 1);
    }
    Region { province, district, wards, urban }
}

/// The point `radius` degrees (of latitude) from (lat, lon) in direction `angle`, kept inside
/// Vietnam's box and rounded to five decimals (about 1 m).
pub(super) fn offset(lat: f64, lon: f64, radius: f64, angle: f64) -> (f64, f64) {
    let lat2 = lat + radius * angle.cos();
    let lon2 = lon + radius * angle.sin() / lat.to_radians().cos();
    let (min_lat, max_lat, min_lon, max_lon) = VIETNAM;
    let round = |x: f64| (x * 1e5).round() / 1e5;
    (round(lat2.clamp(min_lat, max_lat)), round(lon2.clamp(min_lon, max_lon)))
}

/// A standard normal draw (Box–Muller).
pub(super) fn normal(rng: &mut SeededRng) -> f64 {
    let u = 1.0 - rng.unit();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * rng.unit()).cos()
}
