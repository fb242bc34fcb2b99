//! An inverted index of folded words, so a text filter looks up its words instead of
//! scanning every record's text.

use std::collections::BTreeMap;
use std::ops::Bound;

use crate::domain::text::{SearchTerms, words};

/// Folded word → positions (ascending) of the records whose search text holds it.
#[derive(Debug, Default)]
pub struct WordIndex(BTreeMap<Box<str>, Vec<u32>>);

impl WordIndex {
    /// Indexes folded texts, one per record, in position order.
    pub fn new<'a>(texts: impl Iterator<Item = &'a str>) -> WordIndex {
        let mut index: BTreeMap<Box<str>, Vec<u32>> = BTreeMap::new();
        for (pos, text) in texts.enumerate() {
            let pos = pos as u32;
            for word in words(text) {
                let list = index.entry(word.into()).or_default();
                if list.last() != Some(&pos) {
                    list.push(pos);
                }
            }
        }
        WordIndex(index)
    }

    /// Which of `len` records match `terms`, by the rule of `SearchTerms::matches`;
    /// `None` when there are no terms (everything matches).
    pub fn matching(&self, terms: &SearchTerms, len: usize) -> Option<Vec<bool>> {
        let mut result: Option<Vec<bool>> = None;
        for (term, prefix) in terms.terms() {
            let mut hits = vec![false; len];
            let lists: Vec<&Vec<u32>> = if prefix {
                let from = (Bound::Included(term), Bound::Unbounded);
                self.0.range::<str, _>(from).take_while(|(word, _)| word.starts_with(term)).map(|(_, list)| list).collect()
            } else {
                self.0.get(term).into_iter().collect()
            };
            for &pos in lists.into_iter().flatten() {
                if let Some(hit) = hits.get_mut(pos as usize) {
                    *hit = true;
                }
            }
            result = Some(match result {
                None => hits,
                Some(mut so_far) => {
                    so_far.iter_mut().zip(hits).for_each(|(a, b)| *a &= b);
                    so_far
                }
            });
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::fold;

    #[test]
    fn the_index_agrees_with_the_matching_rule() {
        let texts: Vec<String> =
            ["Trà sen Tây Hồ", "Gốm Bát Tràng", "Chè Shan tuyết", "Trà xanh Tân Cương"].iter().map(|t| fold(t)).collect();
        let index = WordIndex::new(texts.iter().map(String::as_str));
        for query in ["tra", "tra s", "trang", "ra", "bat trang", "tra xanh tan", "che", "xyz", "tan cuong tra"] {
            let terms = SearchTerms::new(query);
            let expected: Vec<bool> = texts.iter().map(|t| terms.matches(t)).collect();
            assert_eq!(index.matching(&terms, texts.len()), Some(expected), "{query}");
        }
        assert_eq!(index.matching(&SearchTerms::new(""), texts.len()), None);
    }
}
