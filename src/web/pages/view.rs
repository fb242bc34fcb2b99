//! Small view models shared by several pages: everything pre-formatted, so templates only print.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use askama::Template;
use chrono::{DateTime, NaiveDate, Utc};

use crate::catalog::Catalog;
use crate::catalog::query::{Paged, SiteSummary};
use crate::domain::stock::age_in_days;
use crate::domain::{Product, Site, Stars, StockStatus};
use crate::i18n::{Lang, Texts};
use crate::web::fragments::{Generation, SiteHead};

/// A rating as shown: glyphs for the eye, a label for screen readers.
pub struct StarsView {
    pub glyphs: &'static str,
    pub label: String,
    pub potential: bool,
    /// False once the certificate has expired: no stars are shown then.
    pub certified: bool,
}

impl StarsView {
    pub fn of_product(t: &Texts, product: &Product, today: NaiveDate) -> StarsView {
        StarsView { potential: product.five_star_potential, certified: product.is_certified(today), ..StarsView::of(t, product.stars) }
    }

    pub fn of(t: &Texts, stars: Stars) -> StarsView {
        StarsView { glyphs: stars.glyphs(), label: t.stars(stars), potential: false, certified: true }
    }
}

/// Content text (a description) as a page in some language shows it.
pub struct ContentText {
    pub text: String,
    /// In the page's language; otherwise it is the Vietnamese original, marked as such.
    pub translated: bool,
}

impl ContentText {
    /// The English text on English pages where there is one, else the Vietnamese original.
    pub fn new(lang: crate::i18n::Lang, vietnamese: &str, english: &str) -> ContentText {
        match lang {
            crate::i18n::Lang::Vi => ContentText { text: vietnamese.to_owned(), translated: true },
            crate::i18n::Lang::En if !english.is_empty() => ContentText { text: english.to_owned(), translated: true },
            crate::i18n::Lang::En => ContentText { text: vietnamese.to_owned(), translated: false },
        }
    }
}

/// A stock status as shown: its key (for styles and data attributes) and its badge, the
/// status with the count's age.
pub struct StatusView {
    pub key: &'static str,
    /// HTML, ready to print.
    pub badge: Cow<'static, str>,
}

impl StatusView {
    /// The status of a row last counted at `updated_at`.
    pub fn new(t: &'static Texts, status: StockStatus, updated_at: DateTime<Utc>, now: DateTime<Utc>) -> StatusView {
        StatusView { key: status.key(), badge: status_badge(t, status, age_in_days(updated_at, now)) }
    }
}

#[derive(Template)]
#[template(source = r#"<span class="status {{ key }}">{{ label }}</span> <small class="fresh">{{ freshness }}</small>"#, ext = "html")]
struct StatusBadgeHtml<'a> {
    key: &'a str,
    label: &'a str,
    freshness: &'a str,
}

/// Counts this many days old or younger have their badges written once.
const BADGE_MEMO_DAYS: i64 = 400;

/// A status badge, written once per language, status and age: a showroom's list shows
/// hundreds, a near-me page thirty, and each was six pieces of template.
fn status_badge(t: &'static Texts, status: StockStatus, days: i64) -> Cow<'static, str> {
    const STATUSES: usize = 4;
    static BADGES: LazyLock<Vec<OnceLock<Box<str>>>> =
        LazyLock::new(|| std::iter::repeat_with(OnceLock::new).take(Lang::ALL.len() * STATUSES * (BADGE_MEMO_DAYS as usize + 1)).collect());
    let write = || {
        let badge = StatusBadgeHtml { key: status.key(), label: t.stock_status(status), freshness: &t.updated_ago_text(days) };
        badge.render().unwrap_or_default()
    };
    let Some(day) = usize::try_from(days).ok().filter(|_| days <= BADGE_MEMO_DAYS) else { return Cow::Owned(write()) };
    let status_no = match status {
        StockStatus::InStock => 0,
        StockStatus::Limited => 1,
        StockStatus::OutOfStock => 2,
        StockStatus::Unconfirmed => 3,
    };
    let slot = &BADGES[((t.lang as usize * STATUSES) + status_no) * (BADGE_MEMO_DAYS as usize + 1) + day];
    Cow::Borrowed(slot.get_or_init(|| write().into()))
}

/// A site in a list (borrowing from the snapshot it was found in).
pub struct SiteCard<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    /// The fixed parts, rendered once (see `web::fragments`).
    pub head: Option<&'a SiteHead>,
    pub product_count: usize,
    pub available_count: usize,
    /// From the remembered place, when lists are sorted by it.
    pub distance: Option<String>,
    /// Its pin's number on the map beside the list, if there is one.
    pub number: Option<usize>,
    pub point: crate::domain::GeoPoint,
}

impl<'a> SiteCard<'a> {
    pub fn new(t: &Texts, catalog: &Catalog, fragments: &'a Generation, summary: &SiteSummary<'a>) -> SiteCard<'a> {
        SiteCard {
            slug: &summary.site.slug,
            name: &summary.site.name,
            head: fragments.site_head(t.lang, catalog, summary.site),
            product_count: summary.product_count,
            available_count: summary.available_count,
            distance: None,
            number: None,
            point: summary.site.point(),
        }
    }
}

/// "Phường Bồ Đề (trước đây thuộc Long Biên)": the new unit, and the old name people use.
pub fn place_line(t: &Texts, catalog: &Catalog, site: &Site) -> String {
    let ward = catalog.ward(site.ward_id).map(|w| t.ward_name(w)).unwrap_or_default();
    let district = catalog.district(site.district_id).map(|d| d.name.clone()).unwrap_or_default();
    t.ward_formerly(&ward, &district)
}

/// A `tel:` link: the digits (and a leading +) of a number as written.
pub fn tel_href(phone: &str) -> String {
    format!("tel:{}", phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())
}

/// The Zalo chat link of a number, whatever spacing it was written with.
pub fn zalo_href(number: &str) -> String {
    format!("https://zalo.me/{}", number.chars().filter(char::is_ascii_digit).collect::<String>())
}

/// A point's coordinates as links write them (five decimals): worked out once per site or page,
/// not once per link.
#[derive(Debug)]
pub struct PointText {
    pub lat: String,
    pub lon: String,
}

impl PointText {
    pub fn of(point: crate::domain::GeoPoint) -> PointText {
        use crate::domain::Decimals;
        PointText { lat: Decimals::<5>(point.lat).to_string(), lon: Decimals::<5>(point.lon).to_string() }
    }
}

/// Google Maps directions to a point, from `from` when known (else from wherever the phone is).
pub fn directions_href(from: Option<crate::domain::GeoPoint>, to: crate::domain::GeoPoint) -> String {
    GoogleDirections { from: from.map(PointText::of).as_ref(), to: &PointText::of(to) }.to_string()
}

/// The Google Maps directions link, written where it is printed (a near-me page has ten).
pub struct GoogleDirections<'a> {
    pub from: Option<&'a PointText>,
    pub to: &'a PointText,
}

impl GoogleDirections<'_> {
    /// The link with `amp` between its parameters.
    fn write(&self, amp: &str, out: &mut impl std::fmt::Write) -> std::fmt::Result {
        GoogleDirections::write_from(self.from, amp, out)?;
        GoogleDirections::write_to(self.to, amp, out)
    }

    fn write_from(from: Option<&PointText>, amp: &str, out: &mut impl std::fmt::Write) -> std::fmt::Result {
        out.write_str("https://www.google.com/maps/dir/?api=1")?;
        if let Some(from) = from {
            for piece in [amp, "origin=", &from.lat, ",", &from.lon] {
                out.write_str(piece)?;
            }
        }
        Ok(())
    }

    fn write_to(to: &PointText, amp: &str, out: &mut impl std::fmt::Write) -> std::fmt::Result {
        for piece in [amp, "destination=", &to.lat, ",", &to.lon] {
            out.write_str(piece)?;
        }
        Ok(())
    }

    /// The end of the link that names the destination, as an HTML attribute holds it (see
    /// `in_html_to`): what a site keeps rendered.
    pub fn destination_in_html(to: &PointText) -> String {
        let mut end = String::with_capacity(48);
        let _ = GoogleDirections::write_to(to, AMP_IN_HTML, &mut end);
        end
    }

    /// The link from `from` as an HTML attribute holds it (`&` escaped as the templates'
    /// escaper writes it; coordinates are digits, `.` and `-`), for `|safe`: one string rather
    /// than ten pieces through the escaper. Its end is a `destination_in_html`.
    pub fn in_html_to(from: Option<&PointText>, destination_in_html: &str) -> String {
        let mut href = String::with_capacity(128);
        let _ = GoogleDirections::write_from(from, AMP_IN_HTML, &mut href);
        href.push_str(destination_in_html);
        href
    }
}

/// `&` as the templates' escaper writes it.
const AMP_IN_HTML: &str = "&#38;";

impl std::fmt::Display for GoogleDirections<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write("&", f)
    }
}

/// OpenStreetMap directions between two points, written where it is printed.
pub struct OsmDirections<'a> {
    pub from: &'a PointText,
    pub to: &'a PointText,
}

impl OsmDirections<'_> {
    /// The link, which holds nothing HTML escapes (its separators are percent-encoded): for
    /// `|safe` as it is.
    pub fn in_html(&self) -> String {
        OsmDirections::in_html_to(self.from, &OsmDirections::destination_in_html(self.to))
    }

    /// The end of `in_html` that names the destination: what a site keeps rendered.
    pub fn destination_in_html(to: &PointText) -> String {
        ["%3B", &to.lat, "%2C", &to.lon].concat()
    }

    /// `in_html` from its start and a `destination_in_html`.
    pub fn in_html_to(from: &PointText, destination_in_html: &str) -> String {
        ["https://www.openstreetmap.org/directions?route=", &from.lat, "%2C", &from.lon, destination_in_html].concat()
    }
}

impl std::fmt::Display for OsmDirections<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_html())
    }
}

/// "Gia Lâm · Thủ công · Từ 4 sao · “gốm”": the filters of a list in words, for the line its
/// collapsed form shows (empty when none is set).
pub fn filter_summary(t: &Texts, catalog: &Catalog, query: &crate::web::list_query::RawQuery) -> String {
    let parts: Vec<String> = [
        crate::domain::SiteKind::parse(&query.kind).map(|k| t.site_kind(k).to_owned()),
        catalog.district_by_slug(&query.district).map(|d| d.name.clone()),
        crate::domain::Category::parse(&query.category).map(|c| t.category(c).to_owned()),
        Stars::parse(&query.stars).map(|s| t.min_stars(s)),
        (!query.q.is_empty()).then(|| format!("“{}”", query.q)),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.join(" · ")
}

/// "Page 2 of 5" with links to the neighbouring pages of a long list.
pub struct Pager {
    pub label: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    /// `link(n)` is the address of page `n`.
    pub fn new<T>(t: &Texts, found: &Paged<T>, link: impl Fn(usize) -> String) -> Pager {
        Pager {
            label: t.page_of(found.page, found.pages),
            previous: (found.page > 1).then(|| link(found.page - 1)),
            next: (found.page < found.pages).then(|| link(found.page + 1)),
        }
    }

    /// More than one page (so a neighbour to link to): a list that fits on one shows no pager.
    pub fn shown(&self) -> bool {
        self.previous.is_some() || self.next.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::GeoPoint;

    #[test]
    fn a_status_badge_says_its_own_status_and_age_in_its_own_language() {
        let statuses = [StockStatus::InStock, StockStatus::Limited, StockStatus::OutOfStock, StockStatus::Unconfirmed];
        for lang in Lang::ALL {
            let t = lang.texts();
            for status in statuses {
                // Inside the memo (twice: written, then read back) and past its end.
                for days in [0, 1, 9, BADGE_MEMO_DAYS, BADGE_MEMO_DAYS + 1, 5000, 9] {
                    let expected = format!(
                        r#"<span class="status {}">{}</span> <small class="fresh">{}</small>"#,
                        status.key(),
                        t.stock_status(status),
                        t.updated_ago_text(days)
                    );
                    assert_eq!(status_badge(t, status, days), expected, "{lang:?} {status:?} {days}");
                }
            }
        }
    }

    #[test]
    fn directions_links_carry_both_ends_with_five_decimals() {
        let (a, b) = (PointText::of(GeoPoint { lat: 21.0287, lon: 105.8524 }), PointText::of(GeoPoint { lat: 20.97, lon: 105.9 }));
        assert_eq!(
            GoogleDirections { from: Some(&a), to: &b }.to_string(),
            "https://www.google.com/maps/dir/?api=1&origin=21.02870,105.85240&destination=20.97000,105.90000"
        );
        assert_eq!(
            directions_href(None, GeoPoint { lat: 20.97, lon: 105.9 }),
            "https://www.google.com/maps/dir/?api=1&destination=20.97000,105.90000"
        );
        assert_eq!(
            OsmDirections { from: &a, to: &b }.to_string(),
            "https://www.openstreetmap.org/directions?route=21.02870%2C105.85240%3B20.97000%2C105.90000"
        );
    }

    #[test]
    fn directions_links_in_html_are_what_the_escaper_makes_of_them() {
        use askama::filters::Escaper;
        let escaped = |text: String| {
            let mut out = String::new();
            crate::web::escape::Html.write_escaped_str(&mut out, &text).expect("a string takes it");
            out
        };
        let (a, b) = (PointText::of(GeoPoint { lat: -21.0287, lon: 105.8524 }), PointText::of(GeoPoint { lat: 20.97, lon: -105.9 }));
        for (from, to) in [(Some(&a), &b), (None, &a)] {
            let google = GoogleDirections { from, to };
            assert_eq!(GoogleDirections::in_html_to(from, &GoogleDirections::destination_in_html(to)), escaped(google.to_string()));
        }
        let osm = OsmDirections { from: &a, to: &b };
        assert_eq!(osm.in_html(), escaped(osm.to_string()));
        assert_eq!(OsmDirections::in_html_to(&a, &OsmDirections::destination_in_html(&b)), osm.in_html());
    }

    #[test]
    fn call_and_zalo_links_keep_only_the_digits_they_dial() {
        assert_eq!(tel_href("+84 912 322-843"), "tel:+84912322843");
        assert_eq!(zalo_href("0912 322 843"), "https://zalo.me/0912322843");
        assert_eq!(zalo_href("+84 (912) 322.843"), "https://zalo.me/84912322843");
    }
}
