//! Every string the user interface shows, in one place. Templates print `t.field`; strings
//! with numbers or dates go through the methods below. English will be a second `Texts` value
//! served under /en/ without touching the templates' structure.

mod admin;
mod near;
mod search;
mod tourist;

pub use admin::AdminTexts;
pub use near::NearTexts;
pub use search::SearchTexts;
pub use tourist::TouristTexts;

use chrono::NaiveDate;

use crate::domain::hours::DaySpan;
use crate::domain::{Category, CertificateStatus, DistrictKind, SiteKind, Stars, StockStatus, WardKind};

/// A language the site is served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &VI,
        }
    }

    /// The prefix of every URL in this language ("" for Vietnamese, the default).
    pub fn base_path(self) -> &'static str {
        match self {
            Lang::Vi => "",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
        }
    }
}

/// The interface text of one language.
#[derive(Debug)]
pub struct Texts {
    pub lang: Lang,
    pub site_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_near: &'static str,
    pub nav_villages: &'static str,
    pub nav_sites: &'static str,
    pub nav_products: &'static str,
    pub nav_districts: &'static str,
    pub sample_notice: &'static str,
    pub sample_label: &'static str,
    pub footer_about: &'static str,
    pub footer_boundaries: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub home_counts_heading: &'static str,
    pub home_showrooms: &'static str,
    pub home_design_centres: &'static str,
    pub home_products: &'static str,
    pub home_five_star_potential: &'static str,
    pub home_five_star: &'static str,
    pub home_four_star: &'static str,
    pub home_three_star: &'static str,
    pub home_browse_heading: &'static str,
    pub home_browse_intro: &'static str,
    pub districts_title: &'static str,
    pub districts_intro: &'static str,
    pub district_kind_urban: &'static str,
    pub district_kind_rural: &'static str,
    pub district_kind_town: &'static str,
    pub district_sites_heading: &'static str,
    pub district_wards_heading: &'static str,
    pub district_wards_intro: &'static str,
    pub district_villages_heading: &'static str,
    pub district_products_link: &'static str,
    pub district_no_sites: &'static str,
    pub col_district: &'static str,
    pub col_sites: &'static str,
    pub col_showrooms: &'static str,
    pub col_design_centres: &'static str,
    pub sites_title: &'static str,
    pub sites_found: &'static str,
    pub sites_unfiltered: &'static str,
    pub filter_summary_none: &'static str,
    pub filter_change: &'static str,
    pub sites_none: &'static str,
    pub products_title: &'static str,
    pub products_found: &'static str,
    pub products_none: &'static str,
    pub text_none: &'static str,
    pub text_none_search_all: &'static str,
    pub filter_heading: &'static str,
    pub filter_kind: &'static str,
    pub filter_district: &'static str,
    pub filter_category: &'static str,
    pub filter_min_stars: &'static str,
    pub filter_text: &'static str,
    pub filter_any: &'static str,
    pub filter_submit: &'static str,
    pub filter_reset: &'static str,
    pub kind_showroom: &'static str,
    pub kind_design_centre: &'static str,
    pub site_address: &'static str,
    pub site_ward: &'static str,
    pub site_hours: &'static str,
    pub site_hours_unknown: &'static str,
    pub site_call: &'static str,
    pub site_from_you: &'static str,
    pub site_stock_filter: &'static str,
    pub site_stock_in_stock_only: &'static str,
    pub site_stock_jump: &'static str,
    pub site_stock_none_match: &'static str,
    pub site_phone: &'static str,
    pub report_link: &'static str,
    pub report_missing_link: &'static str,
    pub report_title: &'static str,
    pub report_kind_label: &'static str,
    pub report_product_label: &'static str,
    pub report_no_product: &'static str,
    pub report_note_label: &'static str,
    pub report_send: &'static str,
    pub report_thanks: &'static str,
    pub report_back: &'static str,
    pub report_privacy: &'static str,
    pub report_rate_limited: &'static str,
    pub site_operator: &'static str,
    pub site_directions: &'static str,
    pub site_stock_heading: &'static str,
    pub site_no_stock: &'static str,
    pub site_products_available: &'static str,
    pub site_inactive: &'static str,
    pub product_producer: &'static str,
    pub product_origin: &'static str,
    pub product_village: &'static str,
    pub product_category: &'static str,
    pub product_rating: &'static str,
    pub product_certificate: &'static str,
    pub product_certified_on: &'static str,
    pub product_price: &'static str,
    pub product_where_to_buy: &'static str,
    pub product_nowhere: &'static str,
    pub product_service_note: &'static str,
    pub five_star_potential: &'static str,
    pub not_certified: &'static str,
    pub col_product: &'static str,
    pub col_rating: &'static str,
    pub col_status: &'static str,
    pub col_site: &'static str,
    pub col_distance: &'static str,
    pub map_caption: &'static str,
    pub map_label: &'static str,
    pub map_zoom_in: &'static str,
    pub map_zoom_out: &'static str,
    pub map_reset: &'static str,
    pub col_visit: &'static str,
    pub see_on_shelf: &'static str,
    pub product_by_distance: &'static str,
    pub pagination_label: &'static str,
    pub page_previous: &'static str,
    pub page_next: &'static str,
    pub error_not_found_title: &'static str,
    pub error_not_found_body: &'static str,
    pub error_bad_request_title: &'static str,
    pub error_bad_request_body: &'static str,
    pub error_internal_title: &'static str,
    pub error_internal_body: &'static str,
    pub error_method_title: &'static str,
    pub error_method_body: &'static str,
    pub error_unauthorized_title: &'static str,
    pub error_unauthorized_body: &'static str,
    pub error_forbidden_title: &'static str,
    pub error_forbidden_body: &'static str,
    pub error_conflict_title: &'static str,
    pub error_conflict_body: &'static str,
    pub error_back_home: &'static str,
}

pub static VI: Texts = Texts {
    lang: Lang::Vi,
    site_name: "OCOP Hà Nội",
    tagline: "Tìm điểm bán và sản phẩm OCOP 3–5 sao của Hà Nội",
    skip_to_content: "Bỏ qua, đến nội dung chính",
    nav_label: "Điều hướng chính",
    nav_home: "Trang chủ",
    nav_near: "Gần tôi",
    nav_villages: "Làng nghề",
    nav_sites: "Điểm bán",
    nav_products: "Sản phẩm",
    nav_districts: "Quận, huyện",
    sample_label: "Dữ liệu mẫu",
    sample_notice: "Dữ liệu mẫu: danh sách chính thức các điểm bán OCOP chưa được công bố, nên các điểm bán, sản phẩm và tồn kho trên trang này là dữ liệu minh họa.",
    footer_about: "Hà Nội có khoảng 110 điểm giới thiệu và bán sản phẩm OCOP và 16 trung tâm thiết kế sáng tạo. Từ 1/7/2025 Hà Nội có 126 phường, xã; tên quận, huyện cũ vẫn được dùng để tra cứu.",
    footer_boundaries: "Ranh giới: Bản đồ đơn vị hành chính Việt Nam (sapnhap.bando.com.vn), NXB Tài nguyên – Môi trường và Bản đồ Việt Nam; dữ liệu qua vietnamese-provinces-database (MIT).",
    search_label: "Tìm điểm bán, sản phẩm, làng nghề, địa danh",
    search_placeholder: "ví dụ: gốm Bát Tràng, lụa, bat trang",
    search_button: "Tìm",
    home_counts_heading: "Mạng lưới OCOP Hà Nội",
    home_showrooms: "điểm giới thiệu và bán sản phẩm",
    home_design_centres: "trung tâm thiết kế sáng tạo",
    home_products: "sản phẩm OCOP còn hiệu lực",
    home_five_star_potential: "tiềm năng 5 sao",
    home_five_star: "đạt 5 sao",
    home_four_star: "đạt 4 sao",
    home_three_star: "đạt 3 sao",
    home_browse_heading: "Tìm theo quận, huyện",
    home_browse_intro: "Tên quận, huyện trước ngày 1/7/2025; mỗi trang liệt kê cả các phường, xã hiện nay.",
    districts_title: "Quận, huyện",
    districts_intro: "Hà Nội bỏ cấp quận, huyện từ ngày 1/7/2025 và nay có 126 phường, xã. Vì nhiều người vẫn gọi theo tên cũ, điểm bán được xếp theo 30 quận, huyện, thị xã trước đây.",
    district_kind_urban: "Quận",
    district_kind_rural: "Huyện",
    district_kind_town: "Thị xã",
    district_sites_heading: "Điểm bán và trung tâm",
    district_wards_heading: "Phường, xã hiện nay",
    district_wards_intro: "Các đơn vị từ 1/7/2025 được lập chủ yếu từ địa bàn này:",
    district_villages_heading: "Làng nghề",
    district_products_link: "Sản phẩm OCOP của địa bàn",
    district_no_sites: "Chưa có điểm bán nào ở đây.",
    col_district: "Quận, huyện",
    col_sites: "Điểm bán",
    col_showrooms: "Điểm bán",
    col_design_centres: "Trung tâm",
    sites_title: "Điểm bán sản phẩm OCOP",
    sites_found: "điểm phù hợp",
    sites_unfiltered: "điểm",
    filter_summary_none: "chưa chọn",
    filter_change: "Sửa",
    sites_none: "Không có điểm nào phù hợp. Hãy bỏ bớt bộ lọc.",
    products_title: "Sản phẩm OCOP",
    products_found: "sản phẩm phù hợp",
    products_none: "Không có sản phẩm nào phù hợp. Hãy bỏ bớt bộ lọc.",
    text_none: "Không có kết quả nào cho từ khóa này.",
    text_none_search_all: "Tìm trong tất cả điểm bán, làng nghề và địa danh",
    filter_heading: "Bộ lọc",
    filter_kind: "Loại điểm",
    filter_district: "Quận, huyện",
    filter_category: "Nhóm sản phẩm",
    filter_min_stars: "Hạng sao",
    filter_text: "Từ khóa",
    filter_any: "Tất cả",
    filter_submit: "Lọc",
    filter_reset: "Xóa bộ lọc",
    kind_showroom: "Điểm giới thiệu và bán sản phẩm OCOP",
    kind_design_centre: "Trung tâm thiết kế sáng tạo",
    site_address: "Địa chỉ",
    site_ward: "Phường, xã",
    site_hours: "Giờ mở cửa",
    site_hours_unknown: "Chưa rõ giờ mở cửa",
    site_call: "Gọi",
    site_from_you: "cách vị trí bạn chọn",
    site_stock_filter: "Tìm trong danh sách",
    site_stock_in_stock_only: "Chỉ hàng còn",
    site_stock_jump: "Đến nhóm",
    site_stock_none_match: "Không có sản phẩm nào khớp với bộ lọc.",
    site_phone: "Điện thoại",
    report_link: "Báo thông tin sai",
    report_missing_link: "Không thấy hàng?",
    report_title: "Báo thông tin sai",
    report_kind_label: "Điều gì không đúng?",
    report_product_label: "Sản phẩm",
    report_no_product: "— Cả điểm bán —",
    report_note_label: "Ghi chú (không bắt buộc)",
    report_send: "Gửi",
    report_thanks: "Cảm ơn bạn. Nhân viên điểm bán sẽ kiểm tra lại.",
    report_back: "Về trang điểm bán",
    report_privacy: "Không cần tài khoản. Chúng tôi không lưu tên hay địa chỉ của bạn.",
    report_rate_limited: "Bạn đã gửi nhiều báo cáo trong giờ qua. Hãy thử lại sau.",
    site_operator: "Đơn vị vận hành",
    site_directions: "Chỉ đường",
    site_stock_heading: "Sản phẩm đang bày bán",
    site_no_stock: "Điểm này chưa cập nhật sản phẩm.",
    site_products_available: "đang có hàng",
    site_inactive: "Điểm này đã ngừng hoạt động.",
    product_producer: "Cơ sở sản xuất",
    product_origin: "Địa bàn",
    product_village: "Làng nghề",
    product_category: "Nhóm",
    product_rating: "Hạng",
    product_certificate: "Chứng nhận",
    product_certified_on: "Ngày công nhận",
    product_price: "Giá tham khảo",
    product_where_to_buy: "Mua ở đâu",
    product_nowhere: "Chưa có điểm bán nào báo có sản phẩm này.",
    product_service_note: "Đây là dịch vụ du lịch: hãy liên hệ trực tiếp cơ sở.",
    five_star_potential: "tiềm năng 5 sao",
    not_certified: "không còn được chứng nhận",
    col_product: "Sản phẩm",
    col_rating: "Hạng",
    col_status: "Tình trạng",
    col_site: "Điểm bán",
    col_distance: "Cách",
    map_caption: "Bản đồ: ranh giới phường, xã năm 2025; sông Hồng vẽ gần đúng, chỉ để định hướng. Số trên bản đồ là số thứ tự trong danh sách.",
    map_label: "Bản đồ các điểm bán",
    map_zoom_in: "Phóng to bản đồ",
    map_zoom_out: "Thu nhỏ bản đồ",
    map_reset: "Về khung ban đầu",
    col_visit: "Giờ mở cửa, đến đó",
    see_on_shelf: "Xem trên kệ",
    product_by_distance: "Gần nhất trước, tính từ vị trí bạn đã chọn.",
    pagination_label: "Phân trang",
    page_previous: "Trang trước",
    page_next: "Trang sau",
    error_not_found_title: "Không tìm thấy trang",
    error_not_found_body: "Địa chỉ này không dẫn tới điểm bán, sản phẩm hay quận, huyện nào.",
    error_bad_request_title: "Yêu cầu không hợp lệ",
    error_bad_request_body: "Hãy sửa những điều sau rồi thử lại:",
    error_internal_title: "Có lỗi xảy ra",
    error_internal_body: "Máy chủ gặp sự cố khi xử lý yêu cầu. Dữ liệu của bạn không bị mất; hãy thử lại sau ít phút.",
    error_method_title: "Không hỗ trợ thao tác này",
    error_method_body: "Địa chỉ này chỉ để xem, không nhận dữ liệu gửi lên.",
    error_unauthorized_title: "Cần đăng nhập",
    error_unauthorized_body: "Hãy đăng nhập bằng tài khoản nhân viên để tiếp tục.",
    error_forbidden_title: "Không có quyền",
    error_forbidden_body: "Tài khoản của bạn không được phép làm việc này. Không có gì bị thay đổi.",
    error_conflict_title: "Dữ liệu vừa được người khác thay đổi",
    error_conflict_body: "Hãy tải lại trang để xem số liệu mới nhất rồi thử lại. Không có gì bị ghi đè.",
    error_back_home: "Về trang chủ",
};

const WEEKDAYS_VI: [&str; 7] = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];

impl Texts {
    pub fn category(&self, category: Category) -> &'static str {
        match category {
            Category::Food => "Thực phẩm",
            Category::Beverages => "Đồ uống",
            Category::Herbal => "Thảo dược",
            Category::FabricsGarments => "Vải và may mặc",
            Category::Handicrafts => "Lưu niệm, nội thất, trang trí",
            Category::RuralTourism => "Dịch vụ du lịch cộng đồng, du lịch sinh thái",
        }
    }

    pub fn site_kind(&self, kind: SiteKind) -> &'static str {
        match kind {
            SiteKind::Showroom => self.kind_showroom,
            SiteKind::DesignCentre => self.kind_design_centre,
        }
    }

    pub fn district_kind(&self, kind: DistrictKind) -> &'static str {
        match kind {
            DistrictKind::Urban => self.district_kind_urban,
            DistrictKind::Rural => self.district_kind_rural,
            DistrictKind::Town => self.district_kind_town,
        }
    }

    pub fn ward_kind(&self, kind: WardKind) -> &'static str {
        kind.prefix_vi()
    }

    /// What a screen reader says for a rating: "4 sao".
    pub fn stars(&self, stars: Stars) -> String {
        format!("{} sao", stars.get())
    }

    /// "từ 4 sao" in the stars filter.
    pub fn min_stars(&self, stars: Stars) -> String {
        format!("Từ {} sao", stars.get())
    }

    pub fn stock_status(&self, status: StockStatus) -> &'static str {
        match status {
            StockStatus::InStock => "Còn hàng",
            StockStatus::Limited => "Sắp hết",
            StockStatus::OutOfStock => "Hết hàng",
            StockStatus::Unconfirmed => "Chưa xác nhận",
        }
    }

    pub fn updated_ago(&self, days: i64) -> String {
        match days {
            0 => "cập nhật hôm nay".into(),
            1 => "cập nhật hôm qua".into(),
            n => format!("cập nhật {n} ngày trước"),
        }
    }

    pub fn certificate(&self, status: CertificateStatus, expires_on: NaiveDate) -> String {
        let date = self.date(expires_on);
        match status {
            CertificateStatus::Valid => format!("Còn hiệu lực đến {date}"),
            CertificateStatus::ExpiringSoon => format!("Sắp hết hạn: hiệu lực đến {date}"),
            CertificateStatus::Expired => format!("Đã hết hạn ngày {date}"),
        }
    }

    pub fn date(&self, date: NaiveDate) -> String {
        date.format("%d/%m/%Y").to_string()
    }

    /// "3.129": Vietnamese groups thousands with dots.
    pub fn number(&self, n: impl std::borrow::Borrow<usize>) -> String {
        let digits = n.borrow().to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        grouped
    }

    /// "45.000 ₫".
    pub fn price(&self, vnd: i64) -> String {
        format!("{} ₫", self.number(usize::try_from(vnd).unwrap_or(0)))
    }

    /// "Thứ Hai – Thứ Sáu: 08:00–17:30".
    pub fn hours_span(&self, span: &DaySpan) -> String {
        let days = if span.first == span.last {
            WEEKDAYS_VI[span.first].to_owned()
        } else {
            format!("{} – {}", WEEKDAYS_VI[span.first], WEEKDAYS_VI[span.last])
        };
        let times: Vec<String> = span.intervals.iter().map(ToString::to_string).collect();
        format!("{days}: {}", times.join(", "))
    }

    /// "Phường Bồ Đề (trước đây thuộc Long Biên)".
    pub fn ward_formerly(&self, ward: &str, district: &str) -> String {
        format!("{ward} (trước đây thuộc {district})")
    }

    /// ", trong tổng số 3.317" after a filtered count.
    pub fn of_all(&self, all: usize) -> String {
        format!(", trong tổng số {}", self.number(all))
    }

    /// "3.129 còn hiệu lực chứng nhận" after the unfiltered product count.
    pub fn still_certified(&self, valid: usize) -> String {
        format!(", {} còn hiệu lực chứng nhận", self.number(valid))
    }

    pub fn page_of(&self, page: usize, pages: usize) -> String {
        format!("Trang {page}/{pages}")
    }

    /// Why a form field was refused.
    /// A temporary closure, as the site page announces it.
    pub fn closed_until(&self, reopens_on: NaiveDate, note: &str) -> String {
        let reason = if note.is_empty() { String::new() } else { format!(" ({note})") };
        format!("Tạm đóng cửa{reason}, mở lại ngày {}.", self.date(reopens_on))
    }

    /// A problem of an imported file, with where it is.
    pub fn csv_problem(&self, problem: &crate::transfer::CsvProblem) -> String {
        let what = self.field_problem(&problem.column, &problem.problem);
        if problem.column.is_empty() && problem.line > 0 {
            format!("Dòng {}: không đọc được dòng này (số cột sai hoặc dấu ngoặc kép không khớp).", problem.line)
        } else {
            format!("Dòng {}: {what}", problem.line)
        }
    }

    pub fn report_kind(&self, kind: crate::domain::report::ReportKind) -> &'static str {
        use crate::domain::report::ReportKind::*;
        match kind {
            NotInStock => "Sản phẩm không có ở điểm bán",
            WrongPrice => "Giá không đúng",
            WrongHours => "Giờ mở cửa không đúng",
            WrongAddress => "Địa chỉ không đúng",
            Closed => "Điểm bán đóng cửa",
        }
    }

    /// A report form field's name as the form shows it.
    pub fn report_field(&self, field: &str) -> &'static str {
        match field {
            "kind" => self.report_kind_label,
            "product" => self.report_product_label,
            _ => self.report_note_label,
        }
    }

    pub fn field_problem(&self, field: &str, problem: &crate::domain::input::FieldProblem) -> String {
        use crate::domain::input::FieldProblem::*;
        let signed = |v: i64| {
            let digits = self.number(usize::try_from(v.unsigned_abs()).unwrap_or(usize::MAX));
            if v < 0 { format!("-{digits}") } else { digits }
        };
        match problem {
            Required => format!("“{field}”: cần điền."),
            NotWholeNumber => format!("“{field}”: phải là số nguyên."),
            OutOfRange { min, max } => format!("“{field}”: phải từ {} đến {}.", signed(*min), signed(*max)),
            TooLong { max } => format!("“{field}”: dài quá {max} ký tự."),
            TooShort { min } => format!("“{field}”: cần ít nhất {min} ký tự."),
            Malformed => format!("“{field}”: không đúng dạng."),
            WrongPassword => format!("“{field}”: mật khẩu không đúng."),
            Mismatch => format!("“{field}”: hai lần nhập không khớp."),
            NotFound => format!("“{field}”: không có trong danh mục."),
            Inactive => format!("“{field}”: đã bị khóa; hãy mở lại trước."),
            Unexpected => format!("“{field}”: không phải cột của định dạng này."),
            NotUtf8 => "Tệp không phải văn bản UTF-8: hãy lưu lại dưới dạng “CSV UTF-8”.".to_owned(),
            Taken => format!("“{field}”: giá trị này đã được dùng."),
            Repeated => format!("“{field}”: được nhập hai lần."),
        }
    }

    pub fn filter_error(&self, error: &crate::domain::input::FilterError) -> String {
        use crate::domain::input::FilterError::*;
        match error {
            Stars(value) => format!("Hạng sao phải là 3, 4 hoặc 5, không phải “{value}”."),
            Page(value) => format!("Số trang phải là số nguyên dương, không phải “{value}”."),
            District(value) => format!("Không có quận, huyện nào mang mã “{value}”."),
            Category(value) => format!("Không có nhóm sản phẩm “{value}”."),
            Kind(value) => format!("Loại điểm phải là showroom hoặc design_centre, không phải “{value}”."),
            Craft(value) => format!("Không có nghề “{value}”."),
            TextTooLong(max) => format!("Từ khóa dài quá {max} ký tự."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_group_thousands_with_dots() {
        assert_eq!(VI.price(45_000), "45.000 ₫");
        assert_eq!(VI.price(1_250_000), "1.250.000 ₫");
        assert_eq!(VI.price(900), "900 ₫");
        assert_eq!(VI.number(3129), "3.129");
    }
}
