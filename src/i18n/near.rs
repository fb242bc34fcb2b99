//! The locator's text: where the shopper is, how far, open or closed now.

use chrono::{Datelike, NaiveDateTime, Timelike};

use super::Texts;
use crate::domain::OpenState;
use crate::domain::geo::PointProblem;

#[derive(Debug)]
pub struct NearTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub use_location: &'static str,
    pub locating: &'static str,
    pub geolocation_failed: &'static str,
    pub choose_heading: &'static str,
    pub pick_label: &'static str,
    pub landmark_label: &'static str,
    pub ward_label: &'static str,
    pub district_label: &'static str,
    pub pick_submit: &'static str,
    pub pick_from_list: &'static str,
    pub type_submit: &'static str,
    pub where_label: &'static str,
    pub where_hint: &'static str,
    pub choose_any: &'static str,
    pub submit: &'static str,
    pub filters_heading: &'static str,
    pub product_label: &'static str,
    pub in_stock_only: &'static str,
    pub open_now_only: &'static str,
    pub outside_hanoi: &'static str,
    pub none_found: &'static str,
    pub remember: &'static str,
    pub forget: &'static str,
    pub remembered_note: &'static str,
    pub call: &'static str,
    pub zalo: &'static str,
    pub directions_google: &'static str,
    pub directions_osm: &'static str,
    pub hours_unknown_marked: &'static str,
    pub temporarily_closed: &'static str,
    pub results_heading: &'static str,
    pub nearest_first: &'static str,
    pub distance_heading: &'static str,
}

static VI: NearTexts = NearTexts {
    nav: "Gần tôi",
    title: "Điểm bán OCOP gần bạn",
    intro: "Cho biết bạn đang ở đâu: chúng tôi xếp các điểm bán theo khoảng cách, gần nhất trước, kèm giờ mở cửa và hàng còn hay hết.",
    use_location: "Dùng vị trí của tôi",
    locating: "Đang xác định vị trí…",
    geolocation_failed: "Không lấy được vị trí của bạn (trình duyệt từ chối, không hỗ trợ hoặc quá lâu). Hãy chọn một địa điểm bên dưới.",
    choose_heading: "Hoặc chọn vị trí",
    pick_label: "Chọn nơi bạn đang ở",
    pick_submit: "Chọn",
    pick_from_list: "Chọn từ danh sách: địa điểm quen thuộc, quận, huyện, phường, xã",
    type_submit: "Tìm nơi này",
    landmark_label: "Địa điểm quen thuộc",
    ward_label: "Phường, xã",
    district_label: "Quận, huyện (cũ)",
    where_label: "Địa chỉ, tên đường hoặc tọa độ",
    where_hint: "Ví dụ: “Bát Tràng”, “Hàng Gai”, “21.0287, 105.8524” hoặc đường link Google Maps / OpenStreetMap.",
    choose_any: "— chọn —",
    submit: "Tìm điểm gần nhất",
    filters_heading: "Lọc",
    product_label: "Sản phẩm (mã)",
    in_stock_only: "Chỉ nơi còn hàng",
    open_now_only: "Đang mở cửa",
    outside_hanoi: "Vị trí này nằm ngoài Hà Nội.",
    none_found: "Không có điểm bán nào khớp với bộ lọc. Hãy bỏ bớt điều kiện.",
    remember: "Ghi nhớ vị trí này (sắp xếp mọi danh sách theo khoảng cách)",
    forget: "Quên vị trí đã nhớ",
    remembered_note: "Đang sắp xếp theo khoảng cách từ vị trí bạn đã chọn.",
    call: "Gọi",
    zalo: "Zalo",
    directions_google: "Chỉ đường (Google Maps)",
    directions_osm: "Chỉ đường (OpenStreetMap)",
    hours_unknown_marked: "Chưa rõ giờ mở cửa",
    temporarily_closed: "Tạm đóng cửa",
    results_heading: "Gần nhất trước",
    nearest_first: "điểm, gần nhất trước",
    distance_heading: "Khoảng cách",
};

const WEEKDAYS: [&str; 7] = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];

impl NearTexts {
    pub fn vi() -> &'static NearTexts {
        &VI
    }

    /// "850 m", "12,4 km", "123 km".
    pub fn distance(&self, metres: f64) -> String {
        if metres < 950.0 {
            format!("{} m", ((metres / 10.0).round() * 10.0).max(10.0) as i64)
        } else if metres < 99_950.0 {
            format!("{:.1} km", metres / 1000.0).replace('.', ",")
        } else {
            format!("{} km", Texts::number(super::Lang::Vi.texts(), (metres / 1000.0).round() as usize))
        }
    }

    /// "Gần nhất cách 45 km: hãy gọi trước khi đi."
    pub fn far(&self, metres: f64) -> String {
        format!("Điểm gần nhất cách {}: hãy gọi trước khi đi.", self.distance(metres))
    }

    /// "mở cửa, đóng lúc 17:30" / "đóng cửa, mở lại 8:00 thứ Hai" / "chưa rõ giờ mở cửa".
    pub fn open_state(&self, state: OpenState, now: NaiveDateTime) -> String {
        match state {
            OpenState::Open { closes_at: Some(at) } => format!("Đang mở cửa, đóng lúc {}", when(at, now)),
            OpenState::Open { closes_at: None } => "Đang mở cửa, cả ngày".to_owned(),
            OpenState::Closed { opens_at: Some(at) } => format!("Đang đóng cửa, mở lại {}", when(at, now)),
            OpenState::Closed { opens_at: None } => "Đang đóng cửa".to_owned(),
            OpenState::Unknown => self.hours_unknown_marked.to_owned(),
        }
    }

    /// "Gần Hồ Gươm — phường Hoàn Kiếm (trước đây thuộc Hoàn Kiếm)".
    pub fn near_label(&self, label: &str, unit: Option<String>) -> String {
        match unit {
            Some(unit) if !label.is_empty() => format!("Gần {label} — {unit}"),
            Some(unit) => format!("Gần {unit}"),
            None => format!("Gần {label}"),
        }
    }

    /// "21.02870, 105.85240" as a place name.
    pub fn coordinates(&self, lat: f64, lon: f64) -> String {
        format!("tọa độ {lat:.5}, {lon:.5}")
    }

    pub fn point_problem(&self, field: &str, value: &str, problem: PointProblem) -> String {
        match problem {
            PointProblem::NotANumber => format!("{field} phải là một số (ví dụ 21.0287), không phải “{value}”."),
            PointProblem::LatitudeOutOfRange => format!("Vĩ độ phải từ −90 đến 90, không phải “{value}”."),
            PointProblem::LongitudeOutOfRange => format!("Kinh độ phải từ −180 đến 180, không phải “{value}”."),
        }
    }

    pub fn unknown_place(&self, value: &str) -> String {
        format!("Không có địa điểm, phường, xã hay quận, huyện nào mang mã “{value}”.")
    }

    pub fn unknown_product(&self, value: &str) -> String {
        format!("Không có sản phẩm nào mang mã “{value}”.")
    }

    pub fn nowhere(&self, value: &str) -> String {
        format!("Không tìm thấy nơi nào khớp với “{value}”: hãy thử tên phường, tên đường, hoặc dán tọa độ hay đường link bản đồ.")
    }

    pub fn half_coordinates(&self) -> String {
        "Cần cả vĩ độ (lat) và kinh độ (lon).".to_owned()
    }
}

/// "17:30" today, "8:00 ngày mai", "8:00 thứ Hai" within the week.
fn when(at: NaiveDateTime, now: NaiveDateTime) -> String {
    let time = format!("{}:{:02}", at.hour(), at.minute());
    let days = (at.date() - now.date()).num_days();
    match days {
        0 => time,
        1 => format!("{time} ngày mai"),
        _ => format!("{time} {}", WEEKDAYS[at.weekday().num_days_from_monday() as usize]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d).and_then(|x| x.and_hms_opt(h, m, 0)).expect("valid")
    }

    #[test]
    fn distances_read_naturally() {
        let t = NearTexts::vi();
        assert_eq!(t.distance(849.0), "850 m");
        assert_eq!(t.distance(3.0), "10 m");
        assert_eq!(t.distance(12_371.0), "12,4 km");
        assert_eq!(t.distance(1_234_567.0), "1.235 km");
    }

    #[test]
    fn open_states_say_until_when() {
        let t = NearTexts::vi();
        // 2026-11-27 is a Friday.
        let now = at(27, 16, 0);
        assert_eq!(t.open_state(OpenState::Open { closes_at: Some(at(27, 17, 30)) }, now), "Đang mở cửa, đóng lúc 17:30");
        assert_eq!(t.open_state(OpenState::Closed { opens_at: Some(at(28, 8, 0)) }, now), "Đang đóng cửa, mở lại 8:00 ngày mai");
        assert_eq!(t.open_state(OpenState::Closed { opens_at: Some(at(30, 8, 0)) }, now), "Đang đóng cửa, mở lại 8:00 thứ Hai");
    }
}
