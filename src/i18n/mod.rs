//! Every string the user interface shows, in one message file per language
//! (`locales/<code>.ftl`, Project Fluent): a translator edits text there, never Rust. Templates
//! print the plain messages as fields (`t.field`); messages with numbers, dates or names go
//! through the methods below. Adding a language is its file and one line in `Lang`.

mod admin;
pub(crate) mod messages;
mod near;
mod search;
mod tourist;

pub use admin::AdminTexts;
pub use near::NearTexts;
pub use search::SearchTexts;
pub use tourist::{OcopTexts, TouristTexts};

use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::domain::hours::DaySpan;
use crate::domain::{Category, CertificateStatus, DistrictKind, SiteKind, Stars, StockStatus, WardKind};
use messages::{Messages, plain_messages};

/// A language the site is served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Vi,
    En,
}

/// Each language's code and its message file, in `Lang` order.
const FILES: [(&str, &str); 2] = [("vi", include_str!("../../locales/vi.ftl")), ("en", include_str!("../../locales/en.ftl"))];

/// Every text of one language, read from its file once.
struct Language {
    texts: Texts,
    near: NearTexts,
    tourist: TouristTexts,
    ocop: OcopTexts,
    search: SearchTexts,
}

static LANGUAGES: LazyLock<Vec<Language>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|&lang| match Language::load(lang) {
            Ok(language) => language,
            // The files are compiled in and every language is loaded by the tests.
            Err(error) => panic!("the {} messages do not load: {error}", lang.code()),
        })
        .collect()
});

impl Language {
    fn load(lang: Lang) -> Result<Language, String> {
        let (code, source) = FILES[lang as usize];
        let messages: &'static Messages = Box::leak(Box::new(Messages::parse(code, source)?));
        Ok(Language {
            texts: Texts::load(lang, messages)?,
            near: NearTexts::load(lang, messages)?,
            tourist: TouristTexts::load(lang, messages)?,
            ocop: OcopTexts::load(lang, messages)?,
            search: SearchTexts::load(lang, messages)?,
        })
    }
}

/// Whether `text` is (part of) a plain message of the interface known to hold none of HTML's
/// five special characters (each was checked once, at load): the page escaper writes those as
/// they are.
pub fn holds_nothing_to_escape(text: &str) -> bool {
    LANGUAGES.iter().any(|language| language.texts.messages.holds_nothing_to_escape(text))
}

impl Lang {
    /// Every language, the default (Vietnamese) first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    fn language(self) -> &'static Language {
        &LANGUAGES[self as usize]
    }

    pub fn texts(self) -> &'static Texts {
        &self.language().texts
    }

    pub fn near(self) -> &'static NearTexts {
        &self.language().near
    }

    pub fn tourist(self) -> &'static TouristTexts {
        &self.language().tourist
    }

    pub fn ocop(self) -> &'static OcopTexts {
        &self.language().ocop
    }

    pub fn search(self) -> &'static SearchTexts {
        &self.language().search
    }

    /// The prefix of every URL in this language ("" for Vietnamese, the default).
    pub fn base_path(self) -> &'static str {
        match self {
            Lang::Vi => "",
            Lang::En => "/en",
        }
    }

    pub fn code(self) -> &'static str {
        FILES[self as usize].0
    }

    /// The language a request path is in: its prefix ("/en/…"), else the default.
    pub fn of_path(path: &str) -> Lang {
        Lang::ALL
            .into_iter()
            .skip(1)
            .find(|lang| path.strip_prefix(lang.base_path()).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
            .unwrap_or(Lang::Vi)
    }

    /// The served language an `Accept-Language` header ranks highest ("en-GB,en;q=0.9,vi;q=0.5"
    /// → English); `None` when it names none of ours.
    pub fn preferred(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';').map(str::trim);
            let tag = parts.next().unwrap_or("").to_ascii_lowercase();
            let q = parts.find_map(|p| p.strip_prefix("q=")).map_or(Some(1.0), |q| q.parse::<f32>().ok()).unwrap_or(0.0);
            let primary = tag.split('-').next().unwrap_or("");
            let Some(lang) = Lang::ALL.into_iter().find(|l| l.code() == primary) else { continue };
            if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }

    /// The same page in this language: `path` without any language prefix, with this one's.
    pub fn path_for(self, path: &str) -> String {
        let bare = path.strip_prefix(Lang::of_path(path).base_path()).unwrap_or(path);
        let bare = if bare.is_empty() { "/" } else { bare };
        format!("{}{bare}", self.base_path())
    }
}

plain_messages! {
    /// The interface text of one language (the messages without a prefix).
    #[derive(Debug)]
    pub struct Texts ("") {
        site_name,
        tagline,
        skip_to_content,
        nav_label,
        nav_home,
        nav_near,
        nav_villages,
        nav_sites,
        nav_products,
        nav_districts,
        products_counted,
        number_group,
        date_format,
        decimal_separator,
        sample_notice,
        sample_label,
        footer_about,
        footer_boundaries,
        search_label,
        search_placeholder,
        search_button,
        home_counts_heading,
        home_showrooms,
        home_design_centres,
        home_products,
        home_five_star_potential,
        home_five_star,
        home_four_star,
        home_three_star,
        home_browse_heading,
        home_browse_intro,
        districts_title,
        districts_intro,
        district_kind_urban,
        district_kind_rural,
        district_kind_town,
        district_sites_heading,
        district_wards_heading,
        district_wards_intro,
        district_villages_heading,
        district_products_link,
        district_no_sites,
        col_district,
        col_sites,
        col_showrooms,
        col_design_centres,
        sites_title,
        sites_found,
        sites_unfiltered,
        filter_summary_none,
        filter_change,
        sites_none,
        products_title,
        products_found,
        products_none,
        text_none,
        text_none_search_all,
        filter_heading,
        filter_kind,
        filter_district,
        filter_category,
        filter_min_stars,
        filter_text,
        filter_any,
        filter_submit,
        filter_reset,
        kind_showroom,
        kind_design_centre,
        site_address,
        site_ward,
        site_hours,
        site_hours_unknown,
        site_call,
        site_from_you,
        site_stock_filter,
        site_stock_in_stock_only,
        site_stock_jump,
        site_stock_none_match,
        site_phone,
        report_link,
        report_missing_link,
        report_title,
        report_kind_label,
        report_product_label,
        report_no_product,
        report_note_label,
        report_send,
        report_thanks,
        report_back,
        report_privacy,
        report_rate_limited,
        site_operator,
        site_directions,
        site_stock_heading,
        site_no_stock,
        site_products_available,
        site_inactive,
        product_producer,
        product_origin,
        product_village,
        product_category,
        product_rating,
        product_certificate,
        product_certified_on,
        product_price,
        product_where_to_buy,
        product_nowhere,
        product_service_note,
        five_star_potential,
        not_certified,
        col_product,
        col_rating,
        col_status,
        col_site,
        col_distance,
        map_caption,
        map_label,
        map_zoom_in,
        map_zoom_out,
        map_reset,
        col_visit,
        see_on_shelf,
        product_by_distance,
        pagination_label,
        page_previous,
        page_next,
        error_not_found_title,
        error_not_found_body,
        error_bad_request_title,
        error_bad_request_body,
        error_internal_title,
        error_internal_body,
        error_method_title,
        error_method_body,
        error_unauthorized_title,
        error_unauthorized_body,
        error_forbidden_title,
        error_forbidden_body,
        error_conflict_title,
        error_conflict_body,
        error_back_home,
        language_name,
        content_untranslated,
        language_switch_label,
        og_locale,
        offer_this_language,
        category_food,
        category_beverages,
        category_herbal,
        category_fabrics_garments,
        category_handicrafts,
        category_rural_tourism,
        stock_in_stock,
        stock_limited,
        stock_out_of_stock,
        stock_unconfirmed,
        ward_kind_ward,
        ward_kind_commune,
        weekday_0,
        weekday_1,
        weekday_2,
        weekday_3,
        weekday_4,
        weekday_5,
        weekday_6,
        report_kind_not_in_stock,
        report_kind_wrong_price,
        report_kind_wrong_hours,
        report_kind_wrong_address,
        report_kind_closed,
    }
}

impl Texts {
    pub fn category(&self, category: Category) -> &'static str {
        match category {
            Category::Food => self.category_food,
            Category::Beverages => self.category_beverages,
            Category::Herbal => self.category_herbal,
            Category::FabricsGarments => self.category_fabrics_garments,
            Category::Handicrafts => self.category_handicrafts,
            Category::RuralTourism => self.category_rural_tourism,
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
        match kind {
            WardKind::Ward => self.ward_kind_ward,
            WardKind::Commune => self.ward_kind_commune,
        }
    }

    /// "Huyện Gia Lâm" / "Gia Lâm District".
    pub fn district_name(&self, district: &crate::domain::District) -> String {
        self.format("unit_name", &[("kind", self.district_kind(district.kind).into()), ("name", district.name.as_str().into())])
    }

    /// "Phường Bồ Đề" / "Bồ Đề Ward".
    pub fn ward_name(&self, ward: &crate::domain::Ward) -> String {
        // A numbered ward reads "Ward 3" in English, where a named one reads "Bồ Đề Ward".
        let numbered = !ward.name.is_empty() && ward.name.bytes().all(|b| b.is_ascii_digit());
        let id = if numbered { "unit_name_numbered" } else { "unit_name" };
        self.format(id, &[("kind", self.ward_kind(ward.kind).into()), ("name", ward.name.as_str().into())])
    }

    /// What a screen reader says for a rating: "4 sao".
    pub fn stars(&self, stars: Stars) -> String {
        self.format("stars", &[("stars", i64::from(stars.get()).into())])
    }

    /// "Từ 4 sao" in the stars filter.
    pub fn min_stars(&self, stars: Stars) -> String {
        self.format("min_stars", &[("stars", i64::from(stars.get()).into())])
    }

    pub fn stock_status(&self, status: StockStatus) -> &'static str {
        match status {
            StockStatus::InStock => self.stock_in_stock,
            StockStatus::Limited => self.stock_limited,
            StockStatus::OutOfStock => self.stock_out_of_stock,
            StockStatus::Unconfirmed => self.stock_unconfirmed,
        }
    }

    pub fn updated_ago(&self, days: i64) -> String {
        self.format("updated_ago", &[("days", days.into())])
    }

    /// `updated_ago`, borrowed from the language's file for the ages most rows have.
    pub fn updated_ago_text(&'static self, days: i64) -> std::borrow::Cow<'static, str> {
        match self.messages.memoized("updated_ago", "days", days) {
            Some(text) => std::borrow::Cow::Borrowed(text),
            None => std::borrow::Cow::Owned(self.updated_ago(days)),
        }
    }

    pub fn certificate(&self, status: CertificateStatus, expires_on: NaiveDate) -> String {
        let id = match status {
            CertificateStatus::Valid => "certificate_valid",
            CertificateStatus::ExpiringSoon => "certificate_expiring",
            CertificateStatus::Expired => "certificate_expired",
        };
        self.format(id, &[("date", self.date(expires_on).into())])
    }

    /// In the language's own way (`date_format`, chrono's strftime codes).
    pub fn date(&self, date: NaiveDate) -> String {
        date.format(self.date_format).to_string()
    }

    /// "3.129" in Vietnamese, "3,129" in English (`number_group`).
    pub fn number(&self, n: impl std::borrow::Borrow<usize>) -> String {
        let digits = n.borrow().to_string();
        if digits.len() <= 3 {
            return digits;
        }
        let separator = self.number_group;
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push_str(separator);
            }
            grouped.push(c);
        }
        grouped
    }

    /// A number with one decimal: "12,4" / "12.4" (`decimal_separator`).
    pub fn decimal(&self, value: f64) -> String {
        format!("{value:.1}").replace('.', self.decimal_separator)
    }

    /// "45.000 ₫".
    pub fn price(&self, vnd: i64) -> String {
        self.format("price", &[("amount", self.number(usize::try_from(vnd).unwrap_or(0)).into())])
    }

    /// "Thứ Hai", 0 being Monday.
    pub fn weekday(&self, day: usize) -> &'static str {
        [self.weekday_0, self.weekday_1, self.weekday_2, self.weekday_3, self.weekday_4, self.weekday_5, self.weekday_6][day % 7]
    }

    /// "Thứ Hai – Thứ Sáu: 08:00–17:30".
    pub fn hours_span(&self, span: &DaySpan) -> String {
        let days = if span.first == span.last {
            self.weekday(span.first).to_owned()
        } else {
            self.format("day_range", &[("first", self.weekday(span.first).into()), ("last", self.weekday(span.last).into())])
        };
        let times: Vec<String> = span.intervals.iter().map(ToString::to_string).collect();
        self.format("hours_span", &[("days", days.into()), ("times", times.join(", ").into())])
    }

    /// "Phường Bồ Đề (trước đây thuộc Long Biên)".
    pub fn ward_formerly(&self, ward: &str, district: &str) -> String {
        self.format("ward_formerly", &[("ward", ward.into()), ("district", district.into())])
    }

    /// ", trong tổng số 3.317" after a filtered count.
    pub fn of_all(&self, all: usize) -> String {
        self.format("of_all", &[("all", self.number(all).into())])
    }

    /// ", 3.129 còn hiệu lực chứng nhận" after the unfiltered product count.
    pub fn still_certified(&self, valid: usize) -> String {
        self.format("still_certified", &[("valid", self.number(valid).into())])
    }

    pub fn page_of(&self, page: usize, pages: usize) -> String {
        self.format("page_of", &[("page", self.number(page).into()), ("pages", self.number(pages).into())])
    }

    /// A temporary closure, as the site page announces it.
    pub fn closed_until(&self, reopens_on: NaiveDate, note: &str) -> String {
        let date = self.date(reopens_on);
        if note.is_empty() {
            self.format("closed_until", &[("date", date.into())])
        } else {
            self.format("closed_until_because", &[("date", date.into()), ("note", note.into())])
        }
    }

    /// A problem of an imported file, with where it is.
    pub fn csv_problem(&self, problem: &crate::transfer::CsvProblem) -> String {
        let line = i64::try_from(problem.line).unwrap_or(i64::MAX);
        if problem.column.is_empty() && problem.line > 0 {
            self.format("csv_unreadable_line", &[("line", line.into())])
        } else {
            self.format("csv_line", &[("line", line.into()), ("problem", self.field_problem(&problem.column, &problem.problem).into())])
        }
    }

    pub fn report_kind(&self, kind: crate::domain::report::ReportKind) -> &'static str {
        use crate::domain::report::ReportKind::*;
        match kind {
            NotInStock => self.report_kind_not_in_stock,
            WrongPrice => self.report_kind_wrong_price,
            WrongHours => self.report_kind_wrong_hours,
            WrongAddress => self.report_kind_wrong_address,
            Closed => self.report_kind_closed,
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

    /// Why a form field was refused.
    pub fn field_problem(&self, field: &str, problem: &crate::domain::input::FieldProblem) -> String {
        use crate::domain::input::FieldProblem::*;
        let signed = |v: i64| {
            let digits = self.number(usize::try_from(v.unsigned_abs()).unwrap_or(usize::MAX));
            if v < 0 { format!("-{digits}") } else { digits }
        };
        let id = match problem {
            Required => "problem_required",
            NotWholeNumber => "problem_not_whole_number",
            OutOfRange { min, max } => {
                return self.format(
                    "problem_out_of_range",
                    &[("field", field.into()), ("min", signed(*min).into()), ("max", signed(*max).into())],
                );
            }
            TooLong { max } => return self.format("problem_too_long", &[("field", field.into()), ("max", self.number(*max).into())]),
            TooShort { min } => return self.format("problem_too_short", &[("field", field.into()), ("min", self.number(*min).into())]),
            Malformed => "problem_malformed",
            WrongPassword => "problem_wrong_password",
            Mismatch => "problem_mismatch",
            NotFound => "problem_not_found",
            Inactive => "problem_inactive",
            Unexpected => "problem_unexpected",
            NotUtf8 => "problem_not_utf8",
            Taken => "problem_taken",
            Repeated => "problem_repeated",
        };
        self.format(id, &[("field", field.into())])
    }

    pub fn filter_error(&self, error: &crate::domain::input::FilterError) -> String {
        use crate::domain::input::FilterError::*;
        let (id, value) = match error {
            Stars(value) => ("filter_bad_stars", value),
            Page(value) => ("filter_bad_page", value),
            District(value) => ("filter_bad_district", value),
            Category(value) => ("filter_bad_category", value),
            Kind(value) => ("filter_bad_kind", value),
            Craft(value) => ("filter_bad_craft", value),
            TextTooLong(max) => return self.format("filter_text_too_long", &[("max", self.number(*max).into())]),
        };
        self.format(id, &[("value", value.as_str().into())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_messages_with_nothing_to_escape_are_known_by_address_and_nothing_else_is() {
        for lang in Lang::ALL {
            let t = lang.texts();
            for text in [t.site_name, t.nav_home, t.skip_to_content, t.sample_notice] {
                assert!(!text.contains(['"', '&', '\'', '<', '>']), "{text}");
                assert!(holds_nothing_to_escape(text), "{}: {text}", lang.code());
                assert!(holds_nothing_to_escape(&text[1..]), "a part of one is as clean");
                // The same words anywhere else are not vouched for.
                let copy = String::from(text);
                assert!(!holds_nothing_to_escape(&copy), "{text}");
            }
        }
        // A message holding one of the five is outside the block: the escaper still sees it.
        let tagline = Lang::En.texts().tagline;
        assert!(tagline.contains('\'') && !holds_nothing_to_escape(tagline));
        assert!(!holds_nothing_to_escape("<script>"));
    }

    #[test]
    fn prices_group_thousands_the_way_each_language_does() {
        let vi = Lang::Vi.texts();
        assert_eq!(vi.price(45_000), "45.000 ₫");
        assert_eq!(vi.price(1_250_000), "1.250.000 ₫");
        assert_eq!(vi.price(900), "900 ₫");
        assert_eq!(vi.number(3129), "3.129");
        assert_eq!([vi.number(0), vi.number(999), vi.number(1000)], ["0", "999", "1.000"]);
        assert_eq!(vi.date(chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("a date")), "01/07/2026");
        assert_eq!(Lang::En.texts().number(3129), "3,129");
        assert_eq!(Lang::En.texts().decimal(12.37), "12.4");
        assert_eq!(vi.decimal(12.37), "12,4");
    }

    #[test]
    fn numbers_formatted_once_at_load_read_as_fluent_formats_them() {
        for lang in Lang::ALL {
            let (t, messages) = (lang.texts(), lang.texts().messages);
            for days in [0, 1, 2, 5, 21, 400, 401, 5000] {
                let fluent = messages.try_format("updated_ago", &[("days", days.into())]).expect("formats");
                assert_eq!(t.updated_ago(days), fluent, "{days}");
                assert_eq!(t.updated_ago_text(days), fluent, "{days}, borrowed");
            }
            for stars in [3, 4, 5] {
                let stars = crate::domain::Stars::new(stars).expect("a rating");
                let fluent = messages.try_format("stars", &[("stars", i64::from(stars.get()).into())]).expect("formats");
                assert_eq!(t.stars(stars), fluent);
            }
        }
        assert_ne!(Lang::Vi.texts().updated_ago(1), Lang::Vi.texts().updated_ago(2));
    }

    #[test]
    fn a_numbered_ward_puts_its_kind_first_in_english_too() {
        let ward = |name: &str| crate::domain::Ward {
            id: 1,
            code: "00001".into(),
            slug: "w".into(),
            name: name.into(),
            name_ascii: name.into(),
            kind: crate::domain::WardKind::Ward,
            district_id: 1,
            lat: 21.0,
            lon: 105.8,
        };
        let (en, vi) = (Lang::En.texts(), Lang::Vi.texts());
        assert_eq!(en.ward_name(&ward("3")), format!("{} 3", en.ward_kind(crate::domain::WardKind::Ward)));
        assert_eq!(en.ward_name(&ward("Bồ Đề")), format!("Bồ Đề {}", en.ward_kind(crate::domain::WardKind::Ward)));
        assert_eq!(vi.ward_name(&ward("3")), format!("{} 3", vi.ward_kind(crate::domain::WardKind::Ward)));
        assert_eq!(vi.ward_name(&ward("Bồ Đề")), format!("{} Bồ Đề", vi.ward_kind(crate::domain::WardKind::Ward)));
    }

    #[test]
    fn the_preferred_language_follows_quality_values() {
        assert_eq!(Lang::preferred("en-GB,en;q=0.9,vi;q=0.5"), Some(Lang::En));
        assert_eq!(Lang::preferred("vi-VN,vi;q=0.9,en-US;q=0.8"), Some(Lang::Vi));
        assert_eq!(Lang::preferred("fr-FR, en;q=0.5"), Some(Lang::En));
        assert_eq!(Lang::preferred("ko-KR, ja"), None);
        assert_eq!(Lang::preferred("en;q=0, vi"), Some(Lang::Vi));
        assert_eq!(Lang::preferred(""), None);
    }

    #[test]
    fn paths_move_between_languages() {
        assert_eq!(Lang::of_path("/en/products"), Lang::En);
        assert_eq!(Lang::of_path("/en"), Lang::En);
        assert_eq!(Lang::of_path("/entry"), Lang::Vi);
        assert_eq!(Lang::En.path_for("/products/tra"), "/en/products/tra");
        assert_eq!(Lang::En.path_for("/"), "/en/");
        assert_eq!(Lang::Vi.path_for("/en/products"), "/products");
        assert_eq!(Lang::Vi.path_for("/en"), "/");
        assert_eq!(Lang::Vi.path_for("/en/"), "/");
    }

    #[test]
    fn every_language_loads_every_message_with_every_variant() {
        use crate::domain::input::{FieldProblem, FilterError};
        for lang in Lang::ALL {
            let language = Language::load(lang).unwrap_or_else(|e| panic!("{e}"));
            let t = &language.texts;
            let problems = [
                FieldProblem::Required,
                FieldProblem::NotWholeNumber,
                FieldProblem::OutOfRange { min: -1, max: 2 },
                FieldProblem::TooLong { max: 3 },
                FieldProblem::TooShort { min: 1 },
                FieldProblem::Malformed,
                FieldProblem::WrongPassword,
                FieldProblem::Mismatch,
                FieldProblem::NotFound,
                FieldProblem::Inactive,
                FieldProblem::Unexpected,
                FieldProblem::NotUtf8,
                FieldProblem::Taken,
                FieldProblem::Repeated,
            ];
            for problem in &problems {
                assert!(!t.field_problem("x", problem).starts_with("problem_"), "{}: {problem:?}", lang.code());
            }
            for error in [FilterError::Stars("9".into()), FilterError::TextTooLong(100)] {
                assert!(!t.filter_error(&error).starts_with("filter_"), "{}", lang.code());
            }
            assert!(!t.updated_ago(0).is_empty() && !t.updated_ago(5).contains("updated_ago"));
        }
    }
}

/// The message files agree: every language has every message of every other, with the same
/// placeholders, so a translator's slip fails here rather than on a page.
#[cfg(test)]
mod parity {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    use super::FILES;

    fn variables(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_variables(expression, into);
            }
        }
    }

    fn expression_variables(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            Expression::Select { selector, variants } => {
                inline_variables(selector, into);
                for variant in variants {
                    variables(&variant.value, into);
                }
            }
            Expression::Inline(inline) => inline_variables(inline, into),
        }
    }

    fn inline_variables(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match inline {
            InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => expression_variables(expression, into),
            _ => {}
        }
    }

    /// Message id → the variables it uses, of one file.
    fn messages(code: &str, source: &'static str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{code}.ftl does not parse: {errors:?}"));
        let mut found = BTreeMap::new();
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    variables(value, &mut vars);
                }
                assert!(found.insert(message.id.name.to_owned(), vars).is_none(), "{code}.ftl defines {} twice", message.id.name);
            }
        }
        found
    }

    #[test]
    fn every_language_has_every_message_with_the_same_placeholders() {
        let (first_code, first_source) = FILES[0];
        let reference = messages(first_code, first_source);
        assert!(reference.len() > 300, "the interface has its messages");
        for (code, source) in &FILES[1..] {
            let other = messages(code, source);
            let missing: Vec<&String> = reference.keys().filter(|id| !other.contains_key(*id)).collect();
            let extra: Vec<&String> = other.keys().filter(|id| !reference.contains_key(*id)).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{code}.ftl lacks {missing:?} and has extra {extra:?}");
            for (id, vars) in &reference {
                assert_eq!(&other[id], vars, "{code}.ftl: the placeholders of {id} differ from {first_code}.ftl");
            }
        }
    }
}
