//! Invented but plausible Vietnamese names: people, brands, street addresses and phone numbers.

use std::collections::HashSet;

use crate::domain::rng::SeededRng;

const FAMILY: [&str; 24] = [
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Phan", "Trịnh",
    "Tạ", "Chu", "Lương", "Kiều", "Khuất", "Phùng", "Đào",
];
const MALE: [&str; 24] = [
    "Hùng", "Dũng", "Thắng", "Tuấn", "Hải", "Minh", "Quang", "Sơn", "Long", "Nam", "Khánh", "Trung", "Cường", "Hưng", "Thành", "Toàn",
    "Tiến", "Bình", "Phong", "Tùng", "Hiếu", "Đức", "Việt", "Huy",
];
const FEMALE: [&str; 24] = [
    "Lan",
    "Hoa",
    "Hương",
    "Hằng",
    "Thủy",
    "Nga",
    "Mai",
    "Hạnh",
    "Loan",
    "Liên",
    "Thảo",
    "Yến",
    "Huyền",
    "Nhung",
    "Oanh",
    "Phượng",
    "Thu",
    "Hiền",
    "Dung",
    "Ngọc",
    "Trang",
    "Vân",
    "Quyên",
    "Tâm",
];
const BRAND_FIRST: [&str; 44] = [
    "An",
    "Bảo",
    "Bình",
    "Đại",
    "Đức",
    "Gia",
    "Hà",
    "Hải",
    "Hoàng",
    "Hồng",
    "Hưng",
    "Hương",
    "Khánh",
    "Kim",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Ngọc",
    "Nhật",
    "Phú",
    "Phúc",
    "Phương",
    "Quang",
    "Sơn",
    "Tâm",
    "Tân",
    "Thái",
    "Thành",
    "Thiên",
    "Thịnh",
    "Thuận",
    "Tiến",
    "Toàn",
    "Trung",
    "Trường",
    "Tuấn",
    "Việt",
    "Vĩnh",
    "Xuân",
    "Hòa",
    "Đông",
    "Lam",
    "Hạnh",
];
const BRAND_SECOND: [&str; 34] = [
    "An", "Phát", "Thịnh", "Lộc", "Hưng", "Long", "Minh", "Phúc", "Thành", "Tín", "Khang", "Anh", "Hà", "Gia", "Việt", "Nguyên", "Đạt",
    "Hòa", "Quý", "Sơn", "Linh", "Vượng", "Tâm", "Xuân", "Hải", "Nam", "Phong", "Hiền", "Mỹ", "Trang", "Hương", "Ngân", "Châu", "Đức",
];

/// Brands already used by real makers, kept out of the generated ones.
const RESERVED: [&str; 12] = [
    "Quang Vinh",
    "Tân Thịnh",
    "Bảo Minh",
    "Phú Lợi",
    "Hải Yến",
    "Tâm Ngọc",
    "Tâm An",
    "Minh Trí",
    "Minh Phú",
    "Hiền Xiêm",
    "Thăng Long",
    "Thiên Phúc",
];

/// A person: full name and the given name people call them by.
pub(super) struct Person {
    pub full: String,
    pub given: &'static str,
}

/// Hands out brand names that are never reused, so product names stay unique.
pub(super) struct Brands {
    used: HashSet<String>,
}

impl Brands {
    /// `places`: place names a brand must not look like ("Đông Anh", "Kim Anh").
    pub fn new<'a>(places: impl IntoIterator<Item = &'a str>) -> Brands {
        Brands { used: RESERVED.iter().copied().chain(places).map(str::to_owned).collect() }
    }

    /// Two auspicious syllables, e.g. "Phúc Hưng".
    pub fn company(&mut self, rng: &mut SeededRng) -> String {
        self.unique(rng, |rng| {
            let (a, b) = (*rng.pick(&BRAND_FIRST), *rng.pick(&BRAND_SECOND));
            (a != b).then(|| format!("{a} {b}"))
        })
    }

    /// A household brand from the owners' given names, e.g. "Hùng Lan".
    pub fn household(&mut self, rng: &mut SeededRng, given: &str) -> String {
        self.unique(rng, |rng| {
            let other = if rng.chance(0.5) { *rng.pick(&FEMALE) } else { *rng.pick(&MALE) };
            (other != given).then(|| format!("{given} {other}"))
        })
    }

    fn unique(&mut self, rng: &mut SeededRng, mut make: impl FnMut(&mut SeededRng) -> Option<String>) -> String {
        loop {
            if let Some(brand) = make(rng).filter(|b| !self.used.contains(b)) {
                self.used.insert(brand.clone());
                return brand;
            }
        }
    }
}

/// Two auspicious syllables, possibly used before: for the national network, where a country
/// has more shops than there are unique pairs.
pub(super) fn any_brand(rng: &mut SeededRng) -> String {
    loop {
        let (a, b) = (*rng.pick(&BRAND_FIRST), *rng.pick(&BRAND_SECOND));
        if a != b {
            return format!("{a} {b}");
        }
    }
}

/// A random person; the given name never doubles as a family name (no "Vũ" or "Định").
pub(super) fn person(rng: &mut SeededRng) -> Person {
    let family = *rng.pick(&FAMILY);
    let (middle, given) = if rng.chance(0.5) {
        (*rng.pick(&["Văn", "Văn", "Đức", "Minh", "Quang", "Xuân"]), *rng.pick(&MALE))
    } else {
        (*rng.pick(&["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh"]), *rng.pick(&FEMALE))
    };
    Person { full: format!("{family} {middle} {given}"), given }
}

/// Streets and roads people would write in an address, by former district (ASCII name).
fn streets(district_ascii: &str) -> &'static [&'static str] {
    match district_ascii {
        "Ba Dinh" => &[
            "phố Đội Cấn",
            "phố Kim Mã",
            "phố Liễu Giai",
            "phố Đốc Ngữ",
            "đường Văn Cao",
            "phố Quán Thánh",
            "phố Ngọc Hà",
            "đường Hoàng Hoa Thám",
        ],
        "Hoan Kiem" => &[
            "phố Hàng Bạc",
            "phố Hàng Đào",
            "phố Hàng Gai",
            "phố Lý Thường Kiệt",
            "phố Hàng Bông",
            "phố Hàng Bè",
            "phố Lò Sũ",
            "phố Hàng Mã",
        ],
        "Tay Ho" => &[
            "đường Lạc Long Quân",
            "đường Âu Cơ",
            "phố Xuân Diệu",
            "phố Đặng Thai Mai",
            "đường Thụy Khuê",
            "phố Nhật Chiêu",
            "phố Tô Ngọc Vân",
        ],
        "Long Bien" => {
            &["đường Nguyễn Văn Cừ", "phố Ngọc Lâm", "phố Nguyễn Sơn", "đường Cổ Linh", "phố Thạch Bàn", "phố Sài Đồng", "phố Bồ Đề"]
        }
        "Cau Giay" => &[
            "đường Xuân Thủy",
            "đường Cầu Giấy",
            "đường Trần Duy Hưng",
            "phố Nguyễn Khánh Toàn",
            "phố Trần Thái Tông",
            "phố Dương Quảng Hàm",
        ],
        "Dong Da" => &["đường Tôn Đức Thắng", "phố Xã Đàn", "phố Thái Hà", "phố Chùa Bộc", "đường Láng", "phố Khâm Thiên", "phố Tây Sơn"],
        "Hai Ba Trung" => {
            &["phố Bạch Mai", "phố Minh Khai", "phố Lò Đúc", "phố Huế", "phố Trần Khát Chân", "phố Đại Cồ Việt", "phố Kim Ngưu"]
        }
        "Hoang Mai" => &[
            "đường Giải Phóng",
            "phố Trương Định",
            "phố Tam Trinh",
            "đường Lĩnh Nam",
            "đường Nguyễn Hữu Thọ",
            "phố Tân Mai",
            "đường Kim Giang",
        ],
        "Thanh Xuan" => {
            &["đường Nguyễn Trãi", "phố Khuất Duy Tiến", "đường Lê Văn Lương", "phố Vũ Trọng Phụng", "phố Nguyễn Tuân", "phố Khương Đình"]
        }
        "Nam Tu Liem" => {
            &["đường Lê Đức Thọ", "đường Phạm Hùng", "phố Trần Hữu Dực", "đường Nguyễn Cơ Thạch", "phố Mễ Trì", "đường Lê Quang Đạo"]
        }
        "Bac Tu Liem" => &["đường Phạm Văn Đồng", "đường Cổ Nhuế", "phố Đông Ngạc", "đường Tây Tựu", "phố Đức Thắng"],
        "Ha Dong" => &[
            "đường Quang Trung",
            "đường Trần Phú",
            "phố Tô Hiệu",
            "đường Lê Trọng Tấn",
            "phố Nguyễn Văn Lộc",
            "phố Lê Lợi",
            "phố Bà Triệu",
        ],
        "Son Tay" => &["phố Lê Lợi", "phố Quang Trung", "phố Phó Đức Chính", "phố Chùa Thông", "phố Ngô Quyền", "phố Phùng Khắc Khoan"],
        "Ba Vi" => &["Quốc lộ 32", "Tỉnh lộ 87", "Tỉnh lộ 411", "Tỉnh lộ 414"],
        "Chuong My" => &["Quốc lộ 6", "Quốc lộ 21A", "đường Hồ Chí Minh", "Tỉnh lộ 419"],
        "Dan Phuong" => &["Quốc lộ 32", "Tỉnh lộ 417", "đường Tân Hội"],
        "Dong Anh" => &["đường Cao Lỗ", "Quốc lộ 3", "đường Uy Nỗ", "đường Võ Nguyên Giáp", "đường Vân Trì"],
        "Gia Lam" => &["đường Ngô Xuân Quảng", "phố Nguyễn Đức Thuận", "Quốc lộ 5", "đường Hà Huy Tập", "đường Cổ Bi"],
        "Hoai Duc" => &["Quốc lộ 32", "Đại lộ Thăng Long", "Tỉnh lộ 422", "đường Lại Yên"],
        "Me Linh" => &["Quốc lộ 23B", "đường Mê Linh", "Tỉnh lộ 312"],
        "My Duc" => &["Quốc lộ 21B", "Tỉnh lộ 419", "đường Tế Tiêu"],
        "Phu Xuyen" => &["Quốc lộ 1A", "Tỉnh lộ 428", "Tỉnh lộ 429"],
        "Phuc Tho" => &["Quốc lộ 32", "Tỉnh lộ 418", "Tỉnh lộ 417"],
        "Quoc Oai" => &["Quốc lộ 21A", "Đại lộ Thăng Long", "Tỉnh lộ 421B"],
        "Soc Son" => &["Quốc lộ 3", "Quốc lộ 2", "đường Núi Đôi", "đường Đa Phúc"],
        "Thach That" => &["Quốc lộ 21A", "Tỉnh lộ 420", "Tỉnh lộ 419"],
        "Thanh Oai" => &["Quốc lộ 21B", "Tỉnh lộ 427", "đường Kim Bài"],
        "Thanh Tri" => &["đường Ngọc Hồi", "đường Phan Trọng Tuệ", "đường Cầu Bươu", "đường Tứ Hiệp"],
        "Thuong Tin" => &["Quốc lộ 1A", "Tỉnh lộ 427", "Tỉnh lộ 429"],
        "Ung Hoa" => &["Quốc lộ 21B", "Tỉnh lộ 428", "đường Vân Đình"],
        _ => &["đường Trung tâm"],
    }
}

/// "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm".
pub(super) fn street_address(rng: &mut SeededRng, district_ascii: &str, ward_full: &str) -> String {
    let street = *rng.pick(streets(district_ascii));
    let number = rng.range(2, 260);
    if rng.chance(0.15) && street.starts_with("phố") {
        format!("Số {} ngõ {number} {street}, {ward_full}", rng.range(1, 40))
    } else {
        format!("Số {number} {street}, {ward_full}")
    }
}

/// A Hanoi landline ("024 3xxx xxxx") or a mobile number ("0912 xxx xxx").
pub(super) fn phone(rng: &mut SeededRng, urban: bool) -> String {
    if rng.chance(if urban { 0.6 } else { 0.25 }) {
        let first = *rng.pick(&["3", "3", "6"]);
        format!("024 {first}{:03} {:04}", rng.below(1000), rng.below(10_000))
    } else {
        let prefix = *rng.pick(&["0912", "0913", "0983", "0904", "0936", "0977", "0868", "0965", "0915", "0989"]);
        format!("{prefix} {:03} {:03}", rng.below(1000), rng.below(1000))
    }
}
