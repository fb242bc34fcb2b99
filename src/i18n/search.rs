//! The search page's text.

#[derive(Debug)]
pub struct SearchTexts {
    pub title: &'static str,
    pub label: &'static str,
    pub placeholder: &'static str,
    pub intro: &'static str,
    pub too_short: &'static str,
    pub nothing_found: &'static str,
    pub did_you_mean: &'static str,
    pub try_these: &'static str,
    /// Searches that show what the box can do, as typed.
    pub examples: [&'static str; 8],
    pub showrooms: &'static str,
    pub design_centres: &'static str,
    pub products: &'static str,
    pub producers: &'static str,
    pub villages: &'static str,
    pub districts: &'static str,
    pub wards: &'static str,
    pub jump: &'static str,
    pub see_all: &'static str,
    pub producer_products: &'static str,
}

static VI: SearchTexts = SearchTexts {
    title: "Tìm kiếm",
    label: "Tìm điểm bán, sản phẩm, làng nghề, địa danh",
    placeholder: "ví dụ: trà, gốm Bát Tràng, lụa, bat trang",
    intro: "Một ô tìm cho tất cả: điểm bán, trung tâm thiết kế, sản phẩm, cơ sở sản xuất, làng nghề, quận huyện cũ và phường xã mới. Gõ có dấu hay không dấu đều được, tiếng Việt hay tiếng Anh (“tea”, “silk”).",
    too_short: "Hãy gõ ít nhất 2 chữ cái.",
    nothing_found: "Không tìm thấy kết quả nào cho",
    did_you_mean: "Có phải bạn muốn tìm",
    try_these: "Thử tìm",
    examples: ["trà", "gốm Bát Tràng", "lụa Vạn Phúc", "mật ong", "nón lá", "khảm trai", "Gia Lâm", "tea"],
    showrooms: "Điểm bán",
    design_centres: "Trung tâm thiết kế sáng tạo",
    products: "Sản phẩm",
    producers: "Cơ sở sản xuất",
    villages: "Làng nghề",
    districts: "Quận, huyện cũ",
    wards: "Phường, xã",
    jump: "Kết quả theo loại",
    see_all: "Xem tất cả",
    producer_products: "sản phẩm",
};

impl SearchTexts {
    pub fn vi() -> &'static SearchTexts {
        &VI
    }

    /// "12 kết quả cho “trà”".
    pub fn results_for(&self, count: &str, query: &str) -> String {
        format!("{count} kết quả cho “{query}”")
    }
}
