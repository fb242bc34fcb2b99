//! The staff pages' text. Staff work in Vietnamese; the public pages' `Texts` stay apart so a
//! shopper's language never depends on the admin's.

use crate::domain::account::Role;
use crate::domain::input::FieldProblem;

#[derive(Debug)]
pub struct AdminTexts {
    pub admin_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_dashboard: &'static str,
    pub nav_accounts: &'static str,
    pub nav_password: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,
    pub public_site: &'static str,

    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub login_failed: &'static str,
    pub username_label: &'static str,
    pub password_label: &'static str,
    pub sign_in_button: &'static str,

    pub password_title: &'static str,
    pub password_current: &'static str,
    pub password_new: &'static str,
    pub password_new_hint: &'static str,
    pub password_repeat: &'static str,
    pub password_changed: &'static str,
    pub change_password_button: &'static str,

    pub dashboard_title: &'static str,
    pub sites_heading: &'static str,
    pub site_column: &'static str,
    pub district_column: &'static str,
    pub products_column: &'static str,
    pub oldest_count_column: &'static str,
    pub no_sites: &'static str,
    pub take_stock_link: &'static str,
    pub never_counted: &'static str,

    pub filter_label: &'static str,
    pub filter_button: &'static str,
    pub quantity_label: &'static str,
    pub decrease: &'static str,
    pub increase: &'static str,
    pub unchanged_label: &'static str,
    pub counted_label: &'static str,
    pub save_button: &'static str,
    pub all_counted_button: &'static str,
    pub remove_button: &'static str,
    pub add_product_link: &'static str,
    pub view_public_page: &'static str,
    pub no_rows: &'static str,
    pub stock_not_saved_yet: &'static str,
    pub restored_notice: &'static str,
    pub conflict_heading: &'static str,
    pub conflict_yours: &'static str,
    pub conflict_theirs: &'static str,
    pub conflict_removed: &'static str,
    pub keep_mine: &'static str,
    pub keep_theirs: &'static str,
    pub go_to_row: &'static str,
    pub nav_audit: &'static str,
    pub nav_sites: &'static str,
    pub nav_products: &'static str,
    pub nav_transfer: &'static str,
    pub label_link: &'static str,
    pub nav_producers: &'static str,
    pub nav_villages: &'static str,
    pub producers_title: &'static str,
    pub villages_title: &'static str,
    pub new_producer_title: &'static str,
    pub new_village_title: &'static str,
    pub maker_deactivate_hint: &'static str,
    pub craft_vi_label: &'static str,
    pub craft_en_label: &'static str,
    pub coordinates_label: &'static str,
    pub village_label: &'static str,
    pub photo_link: &'static str,
    pub photo_label: &'static str,
    pub photo_hint: &'static str,
    pub upload_button: &'static str,
    pub photo_saved: &'static str,
    pub photo_not_an_image: &'static str,
    pub photo_too_big: &'static str,
    pub current_photo: &'static str,
    pub no_photo: &'static str,
    pub label_intro: &'static str,
    pub print_button: &'static str,
    pub transfer_title: &'static str,
    pub transfer_intro: &'static str,
    pub import_file_label: &'static str,
    pub import_button: &'static str,
    pub products_title: &'static str,
    pub new_product_title: &'static str,
    pub new_product_link: &'static str,
    pub producer_label: &'static str,
    pub category_label: &'static str,
    pub stars_label_product: &'static str,
    pub five_star_potential_label: &'static str,
    pub certified_on_label: &'static str,
    pub unit_label: &'static str,
    pub price_label: &'static str,
    pub barcode_label: &'static str,
    pub sites_title: &'static str,
    pub new_site_title: &'static str,
    pub new_site_link: &'static str,
    pub edit_site_link: &'static str,
    pub site_changed_meanwhile: &'static str,
    pub site_saved: &'static str,
    pub name_label: &'static str,
    pub kind_label: &'static str,
    pub kind_showroom: &'static str,
    pub kind_design_centre: &'static str,
    pub address_label: &'static str,
    pub ward_label: &'static str,
    pub lat_label: &'static str,
    pub lon_label: &'static str,
    pub map_link_label: &'static str,
    pub map_link_hint: &'static str,
    pub phone_label: &'static str,
    pub zalo_label: &'static str,
    pub operator_label: &'static str,
    pub hours_label: &'static str,
    pub hours_hint: &'static str,
    pub closed_until_label: &'static str,
    pub closed_until_hint: &'static str,
    pub closure_note_label: &'static str,
    pub description_label: &'static str,
    pub description_en_label: &'static str,
    pub stars_label: &'static str,
    pub no_stars: &'static str,
    pub save_site_button: &'static str,
    pub location_heading: &'static str,
    pub contact_heading: &'static str,
    pub audit_title: &'static str,
    pub any_option: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub download_csv: &'static str,
    pub when_column: &'static str,
    pub action_column: &'static str,
    pub what_column: &'static str,
    pub before_column: &'static str,
    pub after_column: &'static str,
    pub pages_label: &'static str,

    pub search_products_label: &'static str,
    pub search_button: &'static str,
    pub scan_button: &'static str,
    pub first_count_label: &'static str,
    pub add_button: &'static str,
    pub already_listed: &'static str,
    pub no_results: &'static str,
    pub back_to_stock: &'static str,

    pub accounts_title: &'static str,
    pub create_account_heading: &'static str,
    pub role_label: &'static str,
    pub sites_label: &'static str,
    pub sites_hint: &'static str,
    pub create_button: &'static str,
    pub status_column: &'static str,
    pub active_label: &'static str,
    pub inactive_label: &'static str,
    pub reset_password_button: &'static str,
    pub deactivate_button: &'static str,
    pub activate_button: &'static str,
    pub password_shown_title: &'static str,
    pub password_shown_note: &'static str,
    pub back_to_accounts: &'static str,
    pub problems_heading: &'static str,
    pub reports_column: &'static str,
    pub newest_count_column: &'static str,
    pub stale_sites_heading: &'static str,
    pub certificates_heading: &'static str,
    pub sold_out_heading: &'static str,
    pub fruitless_searches_heading: &'static str,
    pub top_searches_heading: &'static str,
    pub search_column: &'static str,
    pub searches_column: &'static str,
    pub results_column: &'static str,
    pub freshness_heading: &'static str,
    pub freshness_recent: &'static str,
    pub freshness_month: &'static str,
    pub freshness_old: &'static str,
    pub districts_heading: &'static str,
    pub sites_count_column: &'static str,
    pub available_column: &'static str,
    pub nothing_here: &'static str,
    pub expired_on: &'static str,
    pub expires_on: &'static str,
    pub reports_link: &'static str,
    pub no_reports: &'static str,
    pub report_count_hint: &'static str,
    pub report_corrected: &'static str,
    pub report_wrong: &'static str,
}

impl AdminTexts {
    pub fn vi() -> &'static AdminTexts {
        &VI
    }

    pub fn login_locked(&self, until: &str) -> String {
        format!("Đăng nhập sai quá nhiều lần. Vì an toàn, hãy thử lại sau {until}.")
    }

    pub fn stock_title(&self, site: &str) -> String {
        format!("Kiểm kho: {site}")
    }

    pub fn edit_site_title(&self, site: &str) -> String {
        format!("Sửa thông tin: {site}")
    }

    /// A site form field's name as the form shows it.
    pub fn site_field(&self, field: &str) -> &'static str {
        match field {
            "name" => self.name_label,
            "kind" => self.kind_label,
            "address" => self.address_label,
            "ward" => self.ward_label,
            "lat" | "lon" => self.lat_label,
            "map_link" => self.map_link_label,
            "phone" => self.phone_label,
            "zalo" => self.zalo_label,
            "operator" => self.operator_label,
            "hours" => self.hours_label,
            "closed_until" => self.closed_until_label,
            "closure_note" => self.closure_note_label,
            "description" => self.description_label,
            _ => self.stars_label,
        }
    }

    pub fn edit_product_title(&self, product: &str) -> String {
        format!("Sửa sản phẩm: {product}")
    }

    /// A product form field's name as the form shows it.
    pub fn product_field(&self, field: &str) -> &'static str {
        match field {
            "name" => self.name_label,
            "producer" => self.producer_label,
            "category" => self.category_label,
            "stars" => self.stars_label_product,
            "certified_on" => self.certified_on_label,
            "unit" => self.unit_label,
            "price_vnd" => self.price_label,
            "barcode" => self.barcode_label,
            _ => self.description_label,
        }
    }

    pub fn photo_title(&self, name: &str) -> String {
        format!("Ảnh sản phẩm: {name}")
    }

    pub fn edit_maker_title(&self, name: &str) -> String {
        format!("Sửa: {name}")
    }

    /// A producer or village form field's name as the form shows it.
    pub fn maker_field(&self, field: &str) -> &'static str {
        match field {
            "name" => self.name_label,
            "district" => self.district_column,
            "village" => self.village_label,
            "craft_vi" => self.craft_vi_label,
            "craft_en" => self.craft_en_label,
            "coordinates" => self.coordinates_label,
            _ => self.description_label,
        }
    }

    pub fn label_title(&self, name: &str) -> String {
        format!("Nhãn QR: {name}")
    }

    pub fn table_name(&self, key: &str) -> &'static str {
        match key {
            "sites" => "Điểm bán",
            "products" => "Sản phẩm",
            _ => "Tồn kho",
        }
    }

    pub fn imported(&self, rows: usize) -> String {
        format!("Đã nhập {rows} dòng. Trang công khai đã cập nhật.")
    }

    pub fn nothing_imported(&self, problems: usize) -> String {
        format!("Không có gì được nhập: tệp có {problems} lỗi. Sửa các lỗi dưới đây rồi nhập lại.")
    }

    pub fn more_problems(&self, more: usize) -> String {
        format!("… và {more} lỗi khác.")
    }

    pub fn reports_title(&self, site: &str) -> String {
        format!("Báo cáo của khách: {site}")
    }

    pub fn add_title(&self, site: &str) -> String {
        format!("Thêm sản phẩm: {site}")
    }

    pub fn stock_saved(&self, rows: usize) -> String {
        match rows {
            0 => "Không có gì thay đổi để lưu.".to_owned(),
            n => format!("Đã lưu {n} dòng. Trang công khai đã cập nhật."),
        }
    }

    pub fn stock_fix_rows(&self, rows: usize) -> String {
        format!("Chưa lưu gì: {rows} dòng có số lượng không hợp lệ. Hãy sửa các ô được đánh dấu rồi lưu lại.")
    }

    pub fn stock_conflicts(&self, applied: usize, conflicts: usize) -> String {
        format!(
            "Đã lưu {applied} dòng. {conflicts} dòng vừa được người khác sửa trong lúc bạn kiểm: số của họ được giữ. Chọn số đúng rồi lưu lại."
        )
    }

    /// Why a count was refused, for the row it is shown beside.
    pub fn quantity_problem(&self, problem: &FieldProblem) -> String {
        match problem {
            FieldProblem::Required => "Cần nhập số lượng.".to_owned(),
            FieldProblem::OutOfRange { max, .. } => {
                format!("Số lượng phải từ 0 đến {}.", crate::i18n::Lang::Vi.texts().number(*max as usize))
            }
            _ => "Số lượng phải là số nguyên, ví dụ 12.".to_owned(),
        }
    }

    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => "Quản trị thành phố",
            Role::Clerk => "Nhân viên điểm bán",
        }
    }

    /// A form field's name as the form shows it.
    pub fn field_label(&self, field: &str) -> &'static str {
        match field {
            "username" => self.username_label,
            "role" => self.role_label,
            "site" => self.sites_label,
            "current" => self.password_current,
            "new" => self.password_new,
            "repeat" => self.password_repeat,
            "from" => self.from_label,
            "to" => self.to_label,
            _ => self.quantity_label,
        }
    }

    pub fn products_count(&self, n: usize) -> String {
        format!("{n} sản phẩm")
    }

    pub fn days_ago(&self, days: i64) -> String {
        match days {
            0 => "hôm nay".to_owned(),
            1 => "hôm qua".to_owned(),
            n => format!("{n} ngày trước"),
        }
    }

    pub fn decrease_one(&self, product: &str) -> String {
        format!("Bớt 1 {product}")
    }

    pub fn increase_one(&self, product: &str) -> String {
        format!("Thêm 1 {product}")
    }

    pub fn rows_shown(&self, rows: usize) -> String {
        format!("{rows} sản phẩm")
    }
}

static VI: AdminTexts = AdminTexts {
    admin_name: "Quản trị OCOP",
    skip_to_content: "Bỏ qua, đến nội dung chính",
    nav_label: "Quản trị",
    nav_dashboard: "Tổng quan",
    nav_accounts: "Tài khoản",
    nav_password: "Đổi mật khẩu",
    sign_out: "Đăng xuất",
    signed_in_as: "Đang đăng nhập:",
    public_site: "Trang công khai",

    login_title: "Đăng nhập",
    login_intro: "Dành cho nhân viên điểm bán và cán bộ thành phố.",
    login_failed: "Tên đăng nhập hoặc mật khẩu không đúng.",
    username_label: "Tên đăng nhập",
    password_label: "Mật khẩu",
    sign_in_button: "Đăng nhập",

    password_title: "Đổi mật khẩu",
    password_current: "Mật khẩu hiện tại",
    password_new: "Mật khẩu mới",
    password_new_hint: "Ít nhất 10 ký tự. Các phiên đăng nhập khác sẽ bị đăng xuất.",
    password_repeat: "Nhập lại mật khẩu mới",
    password_changed: "Đã đổi mật khẩu.",
    change_password_button: "Đổi mật khẩu",

    dashboard_title: "Tổng quan",
    sites_heading: "Điểm bán bạn phụ trách",
    site_column: "Điểm bán",
    district_column: "Quận/huyện",
    products_column: "Sản phẩm",
    oldest_count_column: "Lần kiểm cũ nhất",
    no_sites: "Tài khoản này chưa được giao điểm bán nào.",
    take_stock_link: "Kiểm kho",
    never_counted: "chưa có",

    filter_label: "Lọc theo tên",
    filter_button: "Lọc",
    quantity_label: "Số lượng",
    decrease: "−",
    increase: "+",
    unchanged_label: "Không đổi",
    counted_label: "Kiểm lúc",
    save_button: "Lưu",
    all_counted_button: "Đã kiểm hết, không có gì thay đổi",
    remove_button: "Bỏ khỏi điểm bán",
    add_product_link: "Thêm sản phẩm",
    view_public_page: "Xem trang công khai",
    no_rows: "Không có sản phẩm nào khớp.",
    stock_not_saved_yet: "Chưa lưu. Bấm “Lưu” khi kiểm xong.",
    restored_notice: "Đã khôi phục các số bạn nhập chưa lưu.",
    conflict_heading: "Có người vừa sửa dòng này",
    conflict_yours: "Số bạn nhập",
    conflict_theirs: "Số hiện tại",
    conflict_removed: "Sản phẩm đã bị bỏ khỏi điểm bán.",
    keep_mine: "Dùng số của tôi",
    keep_theirs: "Giữ số hiện tại",
    go_to_row: "Đến dòng cần xem",
    nav_audit: "Nhật ký",
    nav_sites: "Điểm bán",
    nav_products: "Sản phẩm",
    nav_transfer: "Nhập / xuất CSV",
    label_link: "In nhãn mã QR",
    nav_producers: "Chủ thể",
    nav_villages: "Làng nghề",
    producers_title: "Chủ thể sản xuất",
    villages_title: "Làng nghề",
    new_producer_title: "Thêm chủ thể sản xuất",
    new_village_title: "Thêm làng nghề",
    maker_deactivate_hint: "Khóa thì không còn trên trang công khai; khóa một chủ thể cũng khóa mọi sản phẩm của họ và gỡ khỏi mọi điểm bán.",
    craft_vi_label: "Nghề (tiếng Việt)",
    craft_en_label: "Nghề (tiếng Anh)",
    coordinates_label: "Toạ độ hoặc liên kết bản đồ",
    village_label: "Làng nghề (nếu có)",
    photo_link: "Ảnh",
    photo_label: "Chụp hoặc chọn ảnh sản phẩm",
    photo_hint: "JPEG, PNG hoặc WebP, tối đa 12 MB. Ảnh được thu nhỏ cho điện thoại.",
    upload_button: "Tải ảnh lên",
    photo_saved: "Đã lưu ảnh. Trang công khai đã cập nhật.",
    photo_not_an_image: "Tệp này không phải ảnh JPEG, PNG hoặc WebP đọc được. Không có gì thay đổi.",
    photo_too_big: "Ảnh quá lớn (tối đa 12 MB, 12.000 điểm ảnh mỗi cạnh). Không có gì thay đổi.",
    current_photo: "Ảnh hiện tại",
    no_photo: "Sản phẩm chưa có ảnh.",
    label_intro: "Mã QR dẫn tới trang công khai. Nhãn 62 × 29 mm, in được trên máy in nhãn hoặc giấy A4.",
    print_button: "In",
    transfer_title: "Nhập và xuất dữ liệu (CSV)",
    transfer_intro: "Tệp CSV UTF-8 có dòng tiêu đề, theo định dạng trong README. Khi nhập, mọi dòng được kiểm tra trước: chỉ cần một dòng sai là không có gì được ghi, và mọi lỗi được liệt kê theo dòng và cột.",
    import_file_label: "Chọn tệp",
    import_button: "Nhập",
    products_title: "Sản phẩm",
    new_product_title: "Thêm sản phẩm OCOP",
    new_product_link: "Thêm sản phẩm",
    producer_label: "Chủ thể sản xuất",
    category_label: "Nhóm sản phẩm",
    stars_label_product: "Hạng sao OCOP",
    five_star_potential_label: "4 sao, được đề xuất xếp hạng 5 sao quốc gia",
    certified_on_label: "Ngày quyết định công nhận (chứng nhận có hiệu lực 36 tháng)",
    unit_label: "Đơn vị bán (ví dụ “hộp 500 g”)",
    price_label: "Giá tham khảo (đồng)",
    barcode_label: "Mã vạch trên bao bì",
    sites_title: "Điểm bán",
    new_site_title: "Thêm điểm bán",
    new_site_link: "Thêm điểm bán",
    edit_site_link: "Sửa thông tin",
    site_changed_meanwhile: "Người khác vừa sửa điểm bán này. Đây là thông tin mới nhất; hãy nhập lại thay đổi của bạn.",
    site_saved: "Đã lưu. Trang công khai đã cập nhật.",
    name_label: "Tên",
    kind_label: "Loại",
    kind_showroom: "Điểm giới thiệu và bán sản phẩm",
    kind_design_centre: "Trung tâm thiết kế sáng tạo",
    address_label: "Địa chỉ",
    ward_label: "Phường, xã",
    lat_label: "Vĩ độ",
    lon_label: "Kinh độ",
    map_link_label: "Hoặc dán liên kết Google Maps / OpenStreetMap",
    map_link_hint: "Ví dụ https://www.google.com/maps/@21.0285,105.8542,17z — toạ độ được lấy từ liên kết.",
    phone_label: "Điện thoại",
    zalo_label: "Zalo",
    operator_label: "Đơn vị quản lý",
    hours_label: "Giờ mở cửa",
    hours_hint: "Dạng “Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00” (Mo Tu We Th Fr Sa Su). Để trống nếu đóng cửa cả tuần.",
    closed_until_label: "Tạm đóng cửa đến ngày (mở lại)",
    closed_until_hint: "Để trống nếu mở cửa bình thường.",
    closure_note_label: "Lý do tạm đóng cửa",
    description_label: "Giới thiệu",
    description_en_label: "Mô tả bằng tiếng Anh (cho khách du lịch; để trống nếu chưa dịch)",
    stars_label: "Hạng sao (trung tâm được xếp hạng)",
    no_stars: "Không xếp hạng",
    save_site_button: "Lưu thông tin",
    location_heading: "Vị trí",
    contact_heading: "Liên hệ và giờ mở cửa",
    audit_title: "Nhật ký thay đổi",
    any_option: "Tất cả",
    from_label: "Từ ngày",
    to_label: "Đến ngày",
    download_csv: "Tải CSV",
    when_column: "Lúc",
    action_column: "Thao tác",
    what_column: "Đối tượng",
    before_column: "Trước",
    after_column: "Sau",
    pages_label: "Trang",

    search_products_label: "Tên hoặc mã sản phẩm",
    search_button: "Tìm",
    scan_button: "Quét mã bằng máy ảnh",
    first_count_label: "Số lượng đầu",
    add_button: "Thêm",
    already_listed: "Đã có ở điểm bán",
    no_results: "Không tìm thấy sản phẩm nào.",
    back_to_stock: "Về trang kiểm kho",

    accounts_title: "Tài khoản",
    create_account_heading: "Tạo tài khoản",
    role_label: "Vai trò",
    sites_label: "Điểm bán phụ trách",
    sites_hint: "Bắt buộc với nhân viên điểm bán.",
    create_button: "Tạo tài khoản",
    status_column: "Trạng thái",
    active_label: "Đang dùng",
    inactive_label: "Đã khóa",
    reset_password_button: "Đặt lại mật khẩu",
    deactivate_button: "Khóa",
    activate_button: "Mở lại",
    password_shown_title: "Mật khẩu mới",
    password_shown_note: "Mật khẩu này chỉ hiện một lần. Hãy trao tận tay người dùng; họ nên đổi ngay sau khi đăng nhập.",
    back_to_accounts: "Về danh sách tài khoản",
    problems_heading: "Cần sửa:",
    reports_column: "Báo cáo chưa xử lý",
    newest_count_column: "Lần kiểm mới nhất",
    stale_sites_heading: "Điểm bán chưa kiểm kho 14 ngày",
    certificates_heading: "Chứng nhận hết hạn hoặc sắp hết hạn (90 ngày)",
    sold_out_heading: "Sản phẩm hết hàng ở mọi nơi",
    fruitless_searches_heading: "Người dùng tìm mà không thấy (7 ngày)",
    top_searches_heading: "Tìm nhiều nhất (7 ngày)",
    search_column: "Từ khóa (không dấu)",
    searches_column: "Lượt tìm",
    results_column: "Kết quả",
    freshness_heading: "Độ mới của số liệu tồn kho theo quận, huyện",
    freshness_recent: "kiểm trong 7 ngày",
    freshness_month: "trong 30 ngày",
    freshness_old: "cũ hơn (chưa xác nhận)",
    districts_heading: "Số liệu theo quận, huyện",
    sites_count_column: "Điểm bán",
    available_column: "Đang có hàng",
    nothing_here: "Không có.",
    expired_on: "hết hạn ngày",
    expires_on: "hết hạn ngày",
    reports_link: "Báo cáo của khách",
    no_reports: "Không có báo cáo nào chưa xử lý.",
    report_count_hint: "Đếm lại sản phẩm này sẽ đóng báo cáo.",
    report_corrected: "Đã sửa",
    report_wrong: "Báo cáo sai",
};
