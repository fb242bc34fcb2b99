//! Query strings of the list pages, parsed into catalogue filters. Every filter is a GET
//! parameter so a filtered list is a URL that can be shared; an empty value means "any".

use crate::catalog::Catalog;
use crate::catalog::query::{ProductFilter, SiteFilter};
use crate::catalog::search::synonyms;
use crate::domain::input::FilterError;
use crate::domain::search::Query;
use crate::domain::{Category, SiteKind, Stars};

/// Longest search text accepted; longer is surely not a product name.
pub const MAX_TEXT_CHARS: usize = 100;

/// The raw parameters, as typed (so the form can show them back).
#[derive(Debug, Clone, Default)]
pub struct RawQuery {
    pub kind: String,
    pub district: String,
    pub category: String,
    pub stars: String,
    pub q: String,
    pub page: String,
}

impl RawQuery {
    /// Reads a query string leniently: unknown parameters are ignored, the last of repeated
    /// ones wins, broken percent-escapes are taken literally.
    pub fn parse(query: &str) -> RawQuery {
        let mut raw = RawQuery::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim().to_owned();
            match &*key {
                "kind" => raw.kind = value,
                "district" => raw.district = value,
                "category" => raw.category = value,
                "stars" => raw.stars = value,
                "q" => raw.q = value,
                "page" => raw.page = value,
                _ => {}
            }
        }
        raw
    }

    /// The search text as a query (with the synonyms of both languages).
    pub fn text(&self, errors: &mut Vec<FilterError>) -> Query {
        if self.q.chars().count() > MAX_TEXT_CHARS {
            errors.push(FilterError::TextTooLong(MAX_TEXT_CHARS));
            return Query::default();
        }
        Query::parse(&self.q, synonyms())
    }

    fn optional<T>(
        value: &str,
        parse: impl Fn(&str) -> Option<T>,
        error: fn(String) -> FilterError,
        errors: &mut Vec<FilterError>,
    ) -> Option<T> {
        if value.is_empty() {
            return None;
        }
        let parsed = parse(value);
        if parsed.is_none() {
            errors.push(error(shorten(value)));
        }
        parsed
    }

    fn district_id(&self, catalog: &Catalog, errors: &mut Vec<FilterError>) -> Option<i64> {
        Self::optional(&self.district, |slug| catalog.district_by_slug(slug).map(|d| d.id), FilterError::District, errors)
    }

    /// The site filter and the requested page (1 when absent).
    pub fn site_filter(&self, catalog: &Catalog) -> Result<(SiteFilter, usize), Vec<FilterError>> {
        let mut errors = Vec::new();
        let filter = SiteFilter {
            kind: Self::optional(&self.kind, SiteKind::parse, FilterError::Kind, &mut errors),
            district_id: self.district_id(catalog, &mut errors),
            category: Self::optional(&self.category, Category::parse, FilterError::Category, &mut errors),
            min_stars: Self::optional(&self.stars, Stars::parse, FilterError::Stars, &mut errors),
            text: self.text(&mut errors),
        };
        let page = self.page(&mut errors);
        if errors.is_empty() { Ok((filter, page)) } else { Err(errors) }
    }

    /// The product filter and the requested page (1 when absent).
    pub fn product_filter(&self, catalog: &Catalog) -> Result<(ProductFilter, usize), Vec<FilterError>> {
        let mut errors = Vec::new();
        let filter = ProductFilter {
            category: Self::optional(&self.category, Category::parse, FilterError::Category, &mut errors),
            min_stars: Self::optional(&self.stars, Stars::parse, FilterError::Stars, &mut errors),
            district_id: self.district_id(catalog, &mut errors),
            text: self.text(&mut errors),
        };
        let page = self.page(&mut errors);
        if errors.is_empty() { Ok((filter, page)) } else { Err(errors) }
    }

    fn page(&self, errors: &mut Vec<FilterError>) -> usize {
        Self::optional(&self.page, |p| p.parse::<usize>().ok().filter(|n| *n >= 1 && *n <= 100_000), FilterError::Page, errors).unwrap_or(1)
    }

    /// The same query with another page number, for pagination links.
    pub fn with_page(&self, page: usize) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let filters =
            [("kind", &self.kind), ("category", &self.category), ("stars", &self.stars), ("district", &self.district), ("q", &self.q)];
        for (key, value) in filters {
            if !value.is_empty() {
                pairs.push((key, value.clone()));
            }
        }
        pairs.push(("page", page.to_string()));
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

/// `q=` and the text, encoded for a query string ("q=b%C3%A1t+tr%C3%A0ng").
pub fn q_param(text: &str) -> String {
    form_urlencoded::Serializer::new(String::with_capacity(2 + text.len() * 3)).append_pair("q", text).finish()
}

/// The parameters named in `keys` that have a value (trimmed, the last of repeated ones), in
/// that order: one spelling for every URL that asks the same thing (the page cache's key).
pub fn canonical_query(query: &str, keys: &[&str]) -> String {
    if is_canonical(query, keys) {
        return query.to_owned();
    }
    rebuilt_query(query, keys)
}

/// Whether `query` already is its canonical form, as a link the site wrote usually is: known
/// keys in `keys`' order, each once, every value non-empty and made only of characters that
/// decode and encode as themselves. Checking costs a tenth of rebuilding it.
fn is_canonical(query: &str, keys: &[&str]) -> bool {
    let mut next_key = 0;
    query.is_empty()
        || query.split('&').all(|pair| {
            let Some((key, value)) = pair.split_once('=') else { return false };
            let plain = !value.is_empty() && value.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'*' | b'-' | b'.' | b'_'));
            match keys[next_key..].iter().position(|k| *k == key) {
                Some(i) if plain => {
                    next_key += i + 1;
                    true
                }
                _ => false,
            }
        })
}

fn rebuilt_query(query: &str, keys: &[&str]) -> String {
    if query.is_empty() {
        return String::new();
    }
    let pairs: Vec<(std::borrow::Cow<str>, std::borrow::Cow<str>)> = form_urlencoded::parse(query.as_bytes()).collect();
    let mut canonical = form_urlencoded::Serializer::new(String::new());
    for &key in keys {
        if let Some((_, value)) = pairs.iter().rev().find(|(k, _)| k == key)
            && !value.trim().is_empty()
        {
            canonical.append_pair(key, value.trim());
        }
    }
    canonical.finish()
}

/// Echoing 5 KB of junk back in an error page helps nobody.
pub fn shorten(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() <= MAX { value.to_owned() } else { value.chars().take(MAX).collect::<String>() + "…" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_parsing_keeps_last_value_and_ignores_unknown_keys() {
        let raw = RawQuery::parse("stars=3&stars=4&foo=bar&q=b%C3%A1t+tr%C3%A0ng&page=%ZZ");
        assert_eq!(raw.stars, "4");
        assert_eq!(raw.q, "bát tràng");
        assert_eq!(raw.page, "%ZZ");
    }

    #[test]
    fn a_query_taken_as_already_canonical_is_what_rebuilding_it_makes() {
        let keys = ["lat", "lon", "category", "stars", "in_stock", "open", "q"];
        let queries = [
            "lat=21.02870&lon=105.85240",
            "lat=21.0287&lon=105.8524&category=herbal&stars=4&in_stock=1&open=1",
            "lat=-8.5&lon=102.2",
            "lon=105.85&lat=21.02",
            "lat=21&lat=22",
            "lat=21&junk=1",
            "lat=&lon=105",
            "lat=21&lon",
            "q=b%C3%A1t+tr%C3%A0ng",
            "q=bat+trang",
            "q=%41",
            "q=a%2Eb",
            "q=A.b-c_d*e",
            "Q=gom",
            "",
            "&",
            "lat=21&&lon=105",
            "=x",
        ];
        for query in queries {
            assert_eq!(canonical_query(query, &keys), rebuilt_query(query, &keys), "{query}");
        }
        assert!(is_canonical(queries[1], &keys) && is_canonical("q=A.b-c_d*e", &keys));
        assert!(!is_canonical(queries[3], &keys) && !is_canonical("q=bat+trang", &keys));
    }

    #[test]
    fn canonical_form_ignores_order_unknown_keys_and_empty_values() {
        let keys = ["kind", "district", "q"];
        let a = canonical_query("q=gom&kind=showroom&junk=1&district=", &keys);
        assert_eq!(a, "kind=showroom&q=gom");
        assert_eq!(a, canonical_query("kind=showroom&q=+gom+&q=x&q=gom", &keys));
    }

    #[test]
    fn pagination_links_keep_the_filters() {
        let raw = RawQuery::parse("category=food&q=gi%C3%B2&page=2");
        assert_eq!(raw.with_page(3), "category=food&q=gi%C3%B2&page=3");
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        assert_eq!(shorten(&"x".repeat(5000)).chars().count(), 41);
    }
}
