//! Vietnamese text: folding for search (with or without diacritics) and URL slugs.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, without diacritics, with đ → d: "Đông Anh" and "dong anh" fold the same.
/// NFD alone is not enough: đ (U+0111) has no decomposition.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// URL slug: folded, ASCII letters and digits joined by single hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// A search query split into folded words; a record matches when it contains every word.
/// The default (no words) matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchTerms(Vec<String>);

impl SearchTerms {
    pub fn new(query: &str) -> SearchTerms {
        SearchTerms(fold(query).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `haystack` must already be folded.
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.0.iter().all(|w| folded_haystack.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_drops_tones_and_folds_d_bar() {
        assert_eq!(fold("Bát Tràng"), "bat trang");
        assert_eq!(fold("ĐÔNG ANH"), "dong anh");
        assert_eq!(fold("Ứng Hòa"), "ung hoa");
        assert_eq!(fold("Ứng Hoà"), "ung hoa");
    }

    #[test]
    fn slugify_makes_ascii_hyphenated_slugs() {
        assert_eq!(slugify("Phường Văn Miếu - Quốc Tử Giám"), "phuong-van-mieu-quoc-tu-giam");
        assert_eq!(slugify("  Đồ gốm (Bát Tràng)! "), "do-gom-bat-trang");
    }

    #[test]
    fn search_terms_match_with_or_without_diacritics() {
        let haystack = fold("Bộ ấm chén gốm sứ Bát Tràng");
        assert!(SearchTerms::new("bat trang").matches(&haystack));
        assert!(SearchTerms::new("Gốm BÁT").matches(&haystack));
        assert!(!SearchTerms::new("van phuc").matches(&haystack));
        assert!(SearchTerms::new("  ").is_empty());
    }
}
