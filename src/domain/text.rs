//! Vietnamese text: folding for search (with or without diacritics) and URL slugs.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, without diacritics, with đ → d: "Đông Anh" and "dong anh" fold the same.
/// NFD alone is not enough: đ (U+0111) has no decomposition.
pub fn fold(text: &str) -> String {
    // Most words folded are plain ASCII already (typed without marks, or English).
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Without diacritics, case kept: "Làng Bát Tràng" → "Lang Bat Trang", for names in ASCII.
pub fn ascii(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            _ => c,
        })
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

/// The words of a folded text, as search sees them.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// A search query split into folded words. A record matches when it holds every word as a
/// whole word, except the last, which may be the start of a word (the one being typed):
/// "tra" finds "trà" and "trang", but "tra sen" does not find "trang sen".
/// The default (no words) matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchTerms(Vec<String>);

impl SearchTerms {
    pub fn new(query: &str) -> SearchTerms {
        SearchTerms(words(&fold(query)).map(str::to_owned).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each word with whether it may match as a prefix (only the last).
    pub fn terms(&self) -> impl Iterator<Item = (&str, bool)> {
        let last = self.0.len().saturating_sub(1);
        self.0.iter().enumerate().map(move |(i, w)| (w.as_str(), i == last))
    }

    /// `haystack` must already be folded.
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.terms().all(|(term, prefix)| words(folded_haystack).any(|w| if prefix { w.starts_with(term) } else { w == term }))
    }
}

/// FNV-1a: stable across builds and platforms, which `DefaultHasher` does not promise. For
/// change detection (ETags, stale forms), not for secrets.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// `fnv1a` of a text, as 16 hex digits.
pub fn fingerprint(text: &str) -> String {
    format!("{:016x}", fnv1a(text.as_bytes()))
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
    fn ascii_keeps_case_and_drops_marks() {
        assert_eq!(ascii("Làng Đông Hồ"), "Lang Dong Ho");
        assert_eq!(ascii("Vạn Phúc"), "Van Phuc");
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

    #[test]
    fn search_matches_whole_words_and_the_last_as_a_prefix() {
        let haystack = fold("Trà sen Tây Hồ, làng Quảng Bá");
        assert!(SearchTerms::new("tra").matches(&haystack));
        assert!(SearchTerms::new("tra se").matches(&haystack), "the word being typed");
        assert!(!SearchTerms::new("ra sen").matches(&haystack), "no fragments inside words");
        assert!(!SearchTerms::new("tr sen").matches(&haystack), "only the last word is a prefix");
    }
}
