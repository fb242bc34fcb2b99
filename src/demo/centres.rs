//! The 16 innovation and design centres: at the craft villages the reports name, and in other
//! former districts.

use super::names;
use super::places::Places;
use super::sites::{Plan, Spec};
use crate::domain::rng::SeededRng;
use crate::domain::{SiteKind, Stars};

/// Design centres: (what follows the common name, former district, unit, village ASCII, stars).
type Centre = (&'static str, &'static str, Option<&'static str>, Option<&'static str>, Option<i64>);
const CENTRES: [Centre; 16] = [
    ("làng gốm Bát Tràng", "Gia Lâm", Some("Xã Bát Tràng"), Some("Bat Trang"), Some(4)),
    ("Duyên Thái (làng sơn mài Hạ Thái)", "Thường Tín", Some("Xã Hồng Vân"), Some("Ha Thai"), Some(3)),
    ("Chuyên Mỹ (làng khảm trai Chuôn Ngọ)", "Phú Xuyên", Some("Xã Chuyên Mỹ"), Some("Chuon Ngo"), None),
    ("làng mây tre đan Phú Vinh", "Chương Mỹ", Some("Xã Phú Nghĩa"), Some("Phu Vinh"), Some(3)),
    ("làng cổ Đường Lâm", "Sơn Tây", Some("Phường Sơn Tây"), Some("Duong Lam"), Some(4)),
    ("làng lụa Vạn Phúc", "Hà Đông", Some("Phường Hà Đông"), Some("Van Phuc"), Some(4)),
    ("làng tạc tượng Sơn Đồng", "Hoài Đức", Some("Xã Sơn Đồng"), Some("Son Dong"), None),
    ("làng hương Quảng Phú Cầu", "Ứng Hòa", Some("Xã Ứng Thiên"), Some("Quang Phu Cau"), None),
    ("làng nón Chuông", "Thanh Oai", Some("Xã Thanh Oai"), Some("Chuong"), None),
    ("làng lụa Phùng Xá", "Mỹ Đức", Some("Xã Hồng Sơn"), Some("Phung Xa"), None),
    ("làng chuồn chuồn tre Thạch Xá", "Thạch Thất", Some("Xã Tây Phương"), Some("Thach Xa"), None),
    ("Ba Vì", "Ba Vì", None, None, None),
    ("Đông Anh", "Đông Anh", None, None, None),
    ("Mê Linh", "Mê Linh", None, None, None),
    ("Quốc Oai", "Quốc Oai", None, None, None),
    ("Thanh Trì", "Thanh Trì", None, None, None),
];

pub(super) const CENTRE_HOURS: [&str; 3] = ["Mo-Su 08:00-17:00", "Tu-Su 08:00-17:30", "Mo-Su 08:00-11:30,13:30-17:30"];

/// The design centres, in table order.
pub(super) fn specs(places: &Places, rng: &mut SeededRng) -> Vec<Spec> {
    CENTRES.iter().map(|&centre| centre_spec(places, rng, centre)).collect()
}

/// One of the 16 innovation and design centres.
fn centre_spec(places: &Places, rng: &mut SeededRng, (label, district, ward, village, stars): Centre) -> Spec {
    let d = places.district(district);
    let ward = ward.map_or_else(|| *rng.pick(places.wards_of(d)), |w| places.ward(w));
    let village = village.map(|v| places.village(v));
    let ward_full = places.ward_in_text(ward);
    let address = match village {
        Some(v) => format!("{}, {ward_full}", places.villages[v].name),
        None => names::street_address(rng, &places.districts[d].name_ascii, &ward_full),
    };
    Spec {
        kind: SiteKind::DesignCentre,
        name: format!("Trung tâm thiết kế sáng tạo và giới thiệu sản phẩm OCOP {label}"),
        address,
        district: d,
        ward,
        operator: Some(format!("UBND {ward_full}")),
        phone: Some(names::phone(rng, false)),
        description: None,
        stars: stars.and_then(Stars::new),
        hours: CENTRE_HOURS[rng.below(CENTRE_HOURS.len())],
        plan: Plan { village, district_share: 0.7, ..Plan::default() },
    }
}
