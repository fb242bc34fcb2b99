//! The HTML a list repeats for each product and site, rendered once and copied into every page
//! that shows it. A card depends only on the catalogue's reference data (names, places, stars),
//! the language and the day (certificates expire), so the rendered cards are kept until one of
//! those changes: a stock change keeps them; a site or product edit, an import or midnight starts
//! afresh. An uncached list of thirty products was some three hundred escaped interpolations;
//! now it is thirty copies.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock, RwLock, Weak};

use askama::Template;
use chrono::NaiveDate;

use super::pages::view::{GoogleDirections, OsmDirections, PointText, StarsView, place_line, tel_href, zalo_href};
use crate::atlas::atlas;
use crate::catalog::{Catalog, Reference, Searched};
use crate::domain::{Category, Product, Site, SiteKind, Stars};
use crate::i18n::{Lang, NearTexts, Texts};

/// The cards of the current reference data and day, replaced when either changes.
#[derive(Debug)]
pub struct Fragments {
    current: RwLock<Arc<Generation>>,
}

impl Default for Fragments {
    fn default() -> Self {
        Fragments { current: RwLock::new(Arc::new(Generation::empty())) }
    }
}

impl Fragments {
    /// The cards for this snapshot's reference data on `day`.
    pub fn of(&self, catalog: &Catalog, day: NaiveDate) -> Arc<Generation> {
        let current = self.current.read().map(|g| Arc::clone(&g)).unwrap_or_else(|poisoned| Arc::clone(&poisoned.into_inner()));
        if current.serves(catalog, day) {
            return current;
        }
        let mut slot = self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        if !slot.serves(catalog, day) {
            *slot = Arc::new(Generation::new(catalog, day));
        }
        Arc::clone(&slot)
    }
}

/// One language's cards, by the position of the product or site in the reference data.
#[derive(Debug, Default)]
struct Cards {
    products: Vec<OnceLock<Box<str>>>,
    /// What follows `#product-` in a near-me row's link to the product on a showroom's page.
    product_tails: Vec<OnceLock<Box<str>>>,
    sites: Vec<OnceLock<SiteHead>>,
    /// The search page's card of each record: by kind (in `Searched` order), by position.
    search_cards: [Vec<OnceLock<Box<str>>>; Searched::ALL.len()],
    filters: OnceLock<FilterOptions>,
}

/// Every card of one reference data set on one day, each rendered on first use.
#[derive(Debug)]
pub struct Generation {
    reference: Weak<Reference>,
    day: NaiveDate,
    by_lang: [Cards; 2],
}

/// A site's fixed parts, for its card in a list and its row in near me, written one after
/// another in one block: a near-me page shows ten sites of ten thousand, whose parts are far
/// from the cache, and one block is one or two reads from memory where nine separate strings
/// (or the site's record) were nine.
#[derive(Debug)]
pub struct SiteHead {
    text: Box<str>,
    /// Where each part (`HeadPart`) ends in `text`.
    ends: [u32; HeadPart::COUNT],
}

#[derive(Debug, Clone, Copy)]
enum HeadPart {
    Slug,
    Name,
    Href,
    Link,
    Body,
    NearLine,
    Calls,
    GoogleDestination,
    OsmDestination,
}

impl HeadPart {
    const COUNT: usize = 9;
}

impl SiteHead {
    fn new(parts: [&str; HeadPart::COUNT]) -> SiteHead {
        let mut ends = [0; HeadPart::COUNT];
        let mut end = 0;
        for (slot, part) in ends.iter_mut().zip(parts) {
            end += part.len();
            *slot = u32::try_from(end).unwrap_or(u32::MAX);
        }
        SiteHead { text: parts.concat().into_boxed_str(), ends }
    }

    fn part(&self, part: HeadPart) -> &str {
        let i = part as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..self.ends[i] as usize).unwrap_or_default()
    }

    /// Its slug, as is (a near-me row's anchor and map pin).
    pub fn slug(&self) -> &str {
        self.part(HeadPart::Slug)
    }

    /// Its name, as is (a near-me map pin's label).
    pub fn name(&self) -> &str {
        self.part(HeadPart::Name)
    }

    /// Its showroom page's address, escaped for an attribute.
    pub fn href(&self) -> &str {
        self.part(HeadPart::Href)
    }

    /// The link to it, as its heading ends.
    pub fn link(&self) -> &str {
        self.part(HeadPart::Link)
    }

    /// A card's lines under the heading: kind, stars, address and place.
    pub fn body(&self) -> &str {
        self.part(HeadPart::Body)
    }

    /// Near me's line: kind, address and place.
    pub fn near_line(&self) -> &str {
        self.part(HeadPart::NearLine)
    }

    /// Near me's call and Zalo buttons.
    pub fn calls(&self) -> &str {
        self.part(HeadPart::Calls)
    }

    /// The end of Google Maps directions to it (`GoogleDirections::destination_in_html`).
    pub fn google_destination(&self) -> &str {
        self.part(HeadPart::GoogleDestination)
    }

    /// The end of OpenStreetMap directions to it (`OsmDirections::destination_in_html`).
    pub fn osm_destination(&self) -> &str {
        self.part(HeadPart::OsmDestination)
    }
}

impl Generation {
    fn empty() -> Generation {
        Generation { reference: Weak::new(), day: NaiveDate::MIN, by_lang: Default::default() }
    }

    fn new(catalog: &Catalog, day: NaiveDate) -> Generation {
        let cards = || Cards {
            products: (0..catalog.data.products.len()).map(|_| OnceLock::new()).collect(),
            product_tails: (0..catalog.data.products.len()).map(|_| OnceLock::new()).collect(),
            sites: (0..catalog.data.sites.len()).map(|_| OnceLock::new()).collect(),
            search_cards: Searched::ALL.map(|kind| (0..catalog.data.records(kind)).map(|_| OnceLock::new()).collect()),
            filters: OnceLock::new(),
        };
        Generation { reference: Arc::downgrade(&catalog.data), day, by_lang: [cards(), cards()] }
    }

    fn serves(&self, catalog: &Catalog, day: NaiveDate) -> bool {
        self.day == day && std::ptr::eq(self.reference.as_ptr(), Arc::as_ptr(&catalog.data))
    }

    /// The `<li class="card">` of a product in `/products`.
    pub fn product_card(&self, lang: Lang, catalog: &Catalog, product: &Product) -> &str {
        let card = || ProductCardHtml {
            chrome: FragmentChrome::of(lang),
            slug: &product.slug,
            name: &product.name,
            producer: catalog.producer(product.producer_id).map_or("", |pr| pr.name.as_str()),
            origin: catalog.product_district(product).map_or("", |d| d.name.as_str()),
            category: lang.texts().category(product.category),
            stars: StarsView::of_product(lang.texts(), product, self.day),
        };
        product_fragment(catalog, product, &self.by_lang[lang as usize].products, || rendered(&card()))
    }

    /// What follows `#product-` in a near-me row's link to the product at this position in the
    /// reference data: its anchor, name and stars. By position: the row has it, and a lookup
    /// by id would read the product's record.
    pub fn product_tail_at(&self, lang: Lang, catalog: &Catalog, pos: usize) -> &str {
        let (Some(slot), Some(product)) = (self.by_lang[lang as usize].product_tails.get(pos), catalog.data.products.get(pos)) else {
            return "";
        };
        slot.get_or_init(|| {
            rendered(&ProductTailHtml {
                chrome: FragmentChrome::of(lang),
                slug: &product.slug,
                name: &product.name,
                stars: StarsView::of_product(lang.texts(), product, self.day),
            })
        })
    }

    /// The fixed parts of a site's card and near-me row.
    pub fn site_head(&self, lang: Lang, catalog: &Catalog, site: &Site) -> Option<&SiteHead> {
        self.site_head_at(lang, catalog, catalog.data.site_position(site.id)?)
    }

    /// `site_head` for the site at this position in the reference data (a near-me walk has
    /// it: no lookup by id).
    pub fn site_head_at(&self, lang: Lang, catalog: &Catalog, pos: usize) -> Option<&SiteHead> {
        let (slot, site) = (self.by_lang[lang as usize].sites.get(pos)?, catalog.data.sites.get(pos)?);
        Some(slot.get_or_init(|| {
            let (t, chrome) = (lang.texts(), FragmentChrome::of(lang));
            let (kind, place) = (t.site_kind(site.kind), place_line(t, catalog, site));
            let body = SiteBodyHtml { chrome, kind, stars: site.stars.map(|s| StarsView::of(t, s)), address: &site.address, place: &place };
            let calls = CallsHtml {
                near: lang.near(),
                phone: site.phone.as_ref().map(|p| (p.as_str(), tel_href(p))),
                zalo: site.zalo.as_deref().map(zalo_href),
            };
            let point = PointText::of(site.point());
            SiteHead::new([
                &site.slug,
                &site.name,
                &rendered(&ShowroomHrefHtml { chrome, slug: &site.slug }),
                &rendered(&SiteLinkHtml { chrome, slug: &site.slug, name: &site.name }),
                &rendered(&body),
                &rendered(&NearLineHtml { kind, address: &site.address, place: &place }),
                &rendered(&calls),
                &GoogleDirections::destination_in_html(&point),
                &OsmDirections::destination_in_html(&point),
            ])
        }))
    }

    /// A record's card on the search page: `card` describes it the first time it is shown.
    /// `pos` is its position among the records of `kind`.
    pub fn search_card<'c>(&self, lang: Lang, kind: Searched, pos: usize, card: impl FnOnce() -> SearchCard<'c>) -> Cow<'_, str> {
        let render = || rendered(&SearchCardHtml { chrome: FragmentChrome::of(lang), card: card() });
        match self.by_lang[lang as usize].search_cards[kind as usize].get(pos) {
            Some(slot) => Cow::Borrowed(slot.get_or_init(render)),
            None => Cow::Owned(render().into()),
        }
    }

    /// The options of the filter forms' selects in `lang`.
    pub fn filter_options(&self, lang: Lang, catalog: &Catalog) -> &FilterOptions {
        self.by_lang[lang as usize].filters.get_or_init(|| FilterOptions::new(lang.texts(), catalog))
    }
}

/// A record as a search result: a link to it, its stars if it has any, a line of detail.
pub struct SearchCard<'a> {
    pub href: String,
    pub name: Cow<'a, str>,
    pub stars: Option<StarsView>,
    pub detail: Cow<'a, str>,
}

/// The options of the filter forms' selects in one language. A list page showed some forty,
/// each two escaped interpolations per request; they change only with the reference data.
#[derive(Debug)]
pub struct FilterOptions {
    pub kinds: Options,
    pub districts: Options,
    pub categories: Options,
    pub stars: Options,
    /// Near me's place picker: well-known places, former districts and wards, each value
    /// prefixed with what it is ("place:", "district:", "ward:").
    pub landmarks: Options,
    pub picker_districts: Options,
    pub wards: Options,
}

impl FilterOptions {
    fn new(t: &'static Texts, catalog: &Catalog) -> FilterOptions {
        FilterOptions {
            kinds: Options::new(SiteKind::ALL.map(|k| (k.key().to_owned(), t.site_kind(k).to_owned()))),
            districts: Options::new(catalog.districts_by_name().map(|d| (d.slug.clone(), d.name.clone()))),
            categories: Options::new(Category::ALL.map(|c| (c.key().to_owned(), t.category(c).to_owned()))),
            stars: Options::new(Stars::ALL.map(|s| (s.get().to_string(), t.min_stars(s)))),
            landmarks: Options::new(atlas().landmarks.iter().map(|l| (format!("place:{}", l.slug), l.name_vi.clone()))),
            picker_districts: Options::new(catalog.districts_by_name().map(|d| (format!("district:{}", d.slug), d.name.clone()))),
            wards: Options::new(catalog.wards_by_name().map(|w| (format!("ward:{}", w.slug), t.ward_name(w)))),
        }
    }
}

/// A select's `<option>`s, escaped once; `marking` writes them with the current one selected.
#[derive(Debug, Default)]
pub struct Options {
    items: Vec<OptionHtml>,
}

#[derive(Debug)]
struct OptionHtml {
    value: Box<str>,
    /// `<option value="…">label</option>`, escaped.
    html: Box<str>,
    /// Where ` selected` goes: just before the `>` that closes the start tag.
    mark_at: usize,
}

impl Options {
    pub fn new(items: impl IntoIterator<Item = (String, String)>) -> Options {
        let items = items
            .into_iter()
            .map(|(value, label)| {
                let mut html = String::from("<option value=\"");
                escape_into(&mut html, &value);
                html.push('"');
                let mark_at = html.len();
                html.push('>');
                escape_into(&mut html, &label);
                html.push_str("</option>");
                OptionHtml { value: value.into_boxed_str(), html: html.into_boxed_str(), mark_at }
            })
            .collect();
        Options { items }
    }

    /// The options with the one whose value is `current` (if any) selected, for `|safe`.
    pub fn marking<'a>(&'a self, current: &'a str) -> Marked<'a> {
        Marked { options: self, current }
    }
}

fn escape_into(out: &mut String, text: &str) {
    use askama::filters::Escaper;
    // Only a `fmt::Write` into a String can fail here, and it cannot.
    let _ = super::escape::Html.write_escaped_str(&mut *out, text);
}

/// `Options` as HTML with the current value selected.
pub struct Marked<'a> {
    options: &'a Options,
    current: &'a str,
}

impl std::fmt::Display for Marked<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for item in &self.options.items {
            if *item.value == *self.current {
                f.write_str(&item.html[..item.mark_at])?;
                f.write_str(" selected")?;
                f.write_str(&item.html[item.mark_at..])?;
            } else {
                f.write_str(&item.html)?;
            }
        }
        Ok(())
    }
}

/// `product`'s slot among `slots`, filled by `render` on first use; empty for a product the
/// snapshot does not hold.
fn product_fragment<'s>(
    catalog: &Catalog,
    product: &Product,
    slots: &'s [OnceLock<Box<str>>],
    render: impl FnOnce() -> Box<str>,
) -> &'s str {
    catalog.data.product_position(product.id).and_then(|pos| slots.get(pos)).map_or("", |slot| slot.get_or_init(render))
}

fn rendered(fragment: &impl Template) -> Box<str> {
    // Only a `fmt::Write` into a String can fail here, and it cannot.
    fragment.render().unwrap_or_default().into_boxed_str()
}

/// What the shared macros read from the page shell.
#[derive(Clone, Copy)]
struct FragmentChrome {
    t: &'static Texts,
    base: &'static str,
}

impl FragmentChrome {
    fn of(lang: Lang) -> FragmentChrome {
        FragmentChrome { t: lang.texts(), base: lang.base_path() }
    }
}

#[derive(Template)]
#[template(path = "fragments/product_card.html")]
struct ProductCardHtml<'a> {
    chrome: FragmentChrome,
    slug: &'a str,
    name: &'a str,
    producer: &'a str,
    origin: &'a str,
    category: &'static str,
    stars: StarsView,
}

#[derive(Template)]
#[template(path = "fragments/search_card.html")]
struct SearchCardHtml<'a> {
    chrome: FragmentChrome,
    card: SearchCard<'a>,
}

#[derive(Template)]
#[template(path = "fragments/site_link.html")]
struct SiteLinkHtml<'a> {
    chrome: FragmentChrome,
    slug: &'a str,
    name: &'a str,
}

#[derive(Template)]
#[template(path = "fragments/site_body.html")]
struct SiteBodyHtml<'a> {
    chrome: FragmentChrome,
    kind: &'static str,
    stars: Option<StarsView>,
    address: &'a str,
    place: &'a str,
}

#[derive(Template)]
#[template(path = "fragments/product_tail.html")]
struct ProductTailHtml<'a> {
    chrome: FragmentChrome,
    slug: &'a str,
    name: &'a str,
    stars: StarsView,
}

#[derive(Template)]
#[template(source = "{{ chrome.base }}/showrooms/{{ slug }}", ext = "html")]
struct ShowroomHrefHtml<'a> {
    chrome: FragmentChrome,
    slug: &'a str,
}

#[derive(Template)]
#[template(source = "{{ kind }} · {{ address }} · {{ place }}", ext = "html")]
struct NearLineHtml<'a> {
    kind: &'static str,
    address: &'a str,
    place: &'a str,
}

#[derive(Template)]
#[template(path = "fragments/near_calls.html")]
struct CallsHtml<'a> {
    near: &'static NearTexts,
    phone: Option<(&'a str, String)>,
    zalo: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_escaped_once_and_mark_only_the_current_value() {
        let options = Options::new([("a\"b".to_owned(), "<A & B>".to_owned()), ("c".to_owned(), "Cà".to_owned())]);
        assert_eq!(
            options.marking("c").to_string(),
            "<option value=\"a&#34;b\">&#60;A &#38; B&#62;</option><option value=\"c\" selected>Cà</option>"
        );
        assert_eq!(
            options.marking("a\"b").to_string(),
            "<option value=\"a&#34;b\" selected>&#60;A &#38; B&#62;</option><option value=\"c\">Cà</option>"
        );
        assert!(!options.marking("").to_string().contains("selected"));
        assert!(!options.marking("C").to_string().contains("selected"), "values compare exactly");
    }
}
