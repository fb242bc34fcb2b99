//! What a search query asks for: its words (folded, and as typed with their marks), the word
//! being typed, and the synonyms that let "tea" find "trà" and "gốm" find "ceramics".

use std::sync::Arc;

use rustc_hash::FxHashMap;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::text::{fold, words};

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    /// Lowercase without diacritics, đ → d: what the index matches on.
    pub folded: String,
    /// Lowercase with its marks, as typed: an exact match ranks first.
    pub exact: String,
}

impl QueryWord {
    /// `word` is already in NFC and lowercase (see `normalized`).
    fn new(word: &str) -> QueryWord {
        QueryWord { folded: fold(word), exact: word.to_owned() }
    }

    /// Typed with diacritics (or đ), so the marks say something.
    pub fn is_marked(&self) -> bool {
        self.exact != self.folded
    }
}

/// One thing the query asks for: the words as typed, or any synonym of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The first is what was typed; the rest are its synonyms. Each is a phrase of one or more words.
    pub alternatives: Vec<Vec<QueryWord>>,
}

/// A parsed query: every clause must match. Shared, not copied, when cloned: a search page
/// hands the same query to every kind of record it searches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Arc<[Clause]>,
    /// The words as typed, in order (for phrase ranking and suggestions).
    pub typed: Arc<[QueryWord]>,
}

impl Query {
    pub fn parse(text: &str, synonyms: &Synonyms) -> Query {
        let exact = normalized(text);
        let typed: Vec<QueryWord> = words(&exact).map(QueryWord::new).collect();
        let mut clauses = Vec::new();
        let mut i = 0;
        while i < typed.len() {
            let folded: Vec<&str> = typed[i..].iter().map(|w| w.folded.as_str()).collect();
            let (len, group) = synonyms.longest_at(&folded);
            let mut alternatives = vec![typed[i..i + len].to_vec()];
            if let Some(group) = group {
                let as_typed: Vec<&str> = folded[..len].to_vec();
                for phrase in &synonyms.groups[group] {
                    if phrase.iter().map(|w| w.folded.as_str()).ne(as_typed.iter().copied()) {
                        alternatives.push(phrase.clone());
                    }
                }
            }
            clauses.push(Clause { alternatives });
            i += len;
        }
        Query { clauses: clauses.into(), typed: typed.into() }
    }

    pub fn is_empty(&self) -> bool {
        self.typed.is_empty()
    }

    /// The folded query, one space between words: how searches are counted.
    pub fn folded(&self) -> String {
        self.typed.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ")
    }

    /// `Query::parse(text, …).folded()` without parsing the rest (clauses, synonyms): what
    /// counting a search needs before its page is rendered.
    pub fn folded_text(text: &str) -> String {
        words(&normalized(text)).map(fold).collect::<Vec<_>>().join(" ")
    }
}

/// Lowercase, with each letter and its marks composed (NFC), as the indexes hold words: a
/// query typed on a phone is nearly always composed already, and then is only lowercased.
fn normalized(text: &str) -> String {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.chars().flat_map(char::to_lowercase).collect()
    } else {
        text.nfc().flat_map(char::to_lowercase).collect()
    }
}

/// Groups of words and phrases that mean the same, in either language, read from a small
/// file a translator can edit: one group a line, phrases separated by commas, `#` comments.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    /// Each group's phrases, each phrase its words (as written in the file, with their marks).
    groups: Vec<Vec<Vec<QueryWord>>>,
    /// Folded first word → (group, phrase) of every phrase starting with it: a query word
    /// looks up its few candidates instead of comparing itself with every phrase.
    by_first_word: FxHashMap<String, Vec<(usize, usize)>>,
}

/// The longest phrase a synonym may have, in words.
const MAX_PHRASE_WORDS: usize = 4;

impl Synonyms {
    pub fn parse(text: &str) -> Synonyms {
        let groups = text
            .lines()
            .map(|line| line.split('#').next().unwrap_or(""))
            .map(|line| {
                line.split(',')
                    .map(|phrase| {
                        let lower = normalized(phrase);
                        words(&lower).map(QueryWord::new).take(MAX_PHRASE_WORDS).collect::<Vec<_>>()
                    })
                    .filter(|phrase| !phrase.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|group| group.len() > 1)
            .collect::<Vec<Vec<Vec<QueryWord>>>>();
        let mut by_first_word: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        for (g, group) in groups.iter().enumerate() {
            for (p, phrase) in group.iter().enumerate() {
                by_first_word.entry(phrase[0].folded.clone()).or_default().push((g, p));
            }
        }
        Synonyms { groups, by_first_word }
    }

    /// The longest phrase of some group that `words` starts with: its length in words (1 when
    /// none, so the first word stands alone) and the group.
    fn longest_at(&self, words: &[&str]) -> (usize, Option<usize>) {
        let mut best = (1, None);
        let Some(first) = words.first() else { return best };
        for &(g, p) in self.by_first_word.get(*first).into_iter().flatten() {
            let phrase = &self.groups[g][p];
            let n = phrase.len();
            if n <= words.len() && phrase.iter().zip(words).all(|(a, b)| a.folded == *b) && (best.1.is_none() || n > best.0) {
                best = (n, Some(g));
            }
        }
        best
    }
}

/// The kinds of character a word holds, one bit each (letters and digits their own bit, the
/// rest sharing the others): a cheap first test before an edit distance.
pub fn letter_set(word: &str) -> u64 {
    word.chars().fold(0, |set, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            _ => 36 + c as u32 % 28,
        };
        set | 1 << bit
    })
}

/// Whether two words, by their `letter_set`s, may be at most `edits` apart: each edit (an
/// insertion, deletion, substitution or swap) brings at most one kind of character into a
/// word and takes at most one away, so words further apart in kinds are further apart.
pub fn may_be_within(a: u64, b: u64, edits: u32) -> bool {
    (a & !b).count_ones() <= edits && (b & !a).count_ones() <= edits
}

/// Whether `a` becomes `b` by at most one insertion, deletion, substitution or swap of two
/// neighbours ("trag" → "trang", "gmo" → "gom").
pub fn within_one_edit(a: &str, b: &str) -> bool {
    // Folded words are ASCII: compare bytes without collecting characters.
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit(&a, &b)
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    let suffix = ra.iter().rev().zip(rb.iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&ra[..ra.len() - suffix.min(ra.len())], &rb[..rb.len() - suffix.min(rb.len())]);
    match (ma.len(), mb.len()) {
        (0, 0) | (0, 1) | (1, 0) | (1, 1) => true,
        (2, 2) => ma[0] == mb[1] && ma[1] == mb[0],
        _ => false,
    }
}

/// The number of insertions, deletions, substitutions and swaps of neighbours that turn `a`
/// into `b` (optimal string alignment), for "did you mean".
pub fn edit_distance(a: &str, b: &str) -> usize {
    if a.is_ascii() && b.is_ascii() {
        return alignment(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    alignment(&a, &b)
}

fn alignment<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    // Three rows of the table: the one before last (for swaps), the last, this one.
    let width = b.len() + 1;
    let (mut before, mut last, mut row): (Vec<usize>, Vec<usize>, Vec<usize>) = (vec![0; width], (0..width).collect(), vec![0; width]);
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            row[j] = best;
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    last[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synonyms() -> Synonyms {
        Synonyms::parse("# crafts\ngốm, gốm sứ, ceramics, pottery\nmật ong, honey\nchè, trà, tea\n\nlonely\n")
    }

    #[test]
    fn words_are_folded_and_keep_their_marks() {
        let query = Query::parse("  BÁT   Tràng! ", &Synonyms::default());
        assert_eq!(query.folded(), "bat trang");
        assert_eq!(query.typed[0].exact, "bát");
        assert!(query.typed[0].is_marked());
        assert!(!Query::parse("bat", &Synonyms::default()).typed[0].is_marked());
        assert_eq!(Query::parse("Đường", &Synonyms::default()).folded(), "duong");
    }

    #[test]
    fn a_text_folds_as_its_parsed_query_does() {
        for text in ["  BÁT   Tràng! ", "Đường", "mật ong rừng", "tea", "", "!!", "Cafe\u{301}", "x'; DROP TABLE--", "gốm 🍵 sứ"]
        {
            assert_eq!(Query::folded_text(text), Query::parse(text, &synonyms()).folded(), "{text:?}");
        }
    }

    #[test]
    fn a_synonym_phrase_becomes_one_clause_with_every_alternative() {
        let query = Query::parse("mật ong rừng", &synonyms());
        assert_eq!(query.clauses.len(), 2, "“mật ong” is one clause, “rừng” another");
        let honey: Vec<Vec<&str>> = query.clauses[0].alternatives.iter().map(|a| a.iter().map(|w| w.folded.as_str()).collect()).collect();
        assert_eq!(honey, [vec!["mat", "ong"], vec!["honey"]]);
        assert_eq!(query.clauses[0].alternatives[0][0].exact, "mật", "the typed phrase keeps its marks");
    }

    #[test]
    fn synonyms_work_both_ways_and_prefer_the_longest_phrase() {
        let tea = Query::parse("tea", &synonyms());
        let found: Vec<&str> = tea.clauses[0].alternatives.iter().map(|a| a[0].folded.as_str()).collect();
        assert_eq!(found, ["tea", "che", "tra"]);
        let pottery = Query::parse("gốm sứ", &synonyms());
        assert_eq!(pottery.clauses.len(), 1, "“gốm sứ” is a phrase of the group");
        assert_eq!(pottery.clauses[0].alternatives.len(), 4);
        assert_eq!(Query::parse("lonely", &synonyms()).clauses[0].alternatives.len(), 1, "a group of one is no group");
    }

    #[test]
    fn one_edit_is_one_insertion_deletion_substitution_or_swap() {
        assert!(within_one_edit("trag", "trang"));
        assert!(within_one_edit("trang", "trag"));
        assert!(within_one_edit("trang", "trung"));
        assert!(within_one_edit("gmo", "gom"));
        assert!(within_one_edit("gom", "gom"));
        assert!(!within_one_edit("tra", "trang"));
        assert!(!within_one_edit("bat", "tab"));
        assert!(!within_one_edit("lua", "lanh"));
    }

    #[test]
    fn edit_distance_agrees_with_one_edit_and_counts_more() {
        for (a, b) in [("trag", "trang"), ("gmo", "gom"), ("tra", "trang"), ("bat", "tab"), ("", "ab"), ("lua", "lanh")] {
            assert_eq!(edit_distance(a, b) <= 1, within_one_edit(a, b), "{a} → {b}");
        }
        assert_eq!(edit_distance("tra", "trang"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", ""), 0);
    }

    #[test]
    fn the_letter_set_test_never_turns_away_a_word_within_reach() {
        // Random words over a small alphabet (many near pairs), marks and đ included.
        let alphabet: Vec<char> = "abcdtngđ1àơ".chars().collect();
        let mut rng = crate::domain::rng::SeededRng::new(7);
        let word = |rng: &mut crate::domain::rng::SeededRng| -> String {
            let len = rng.below(7);
            (0..len).map(|_| *rng.pick(&alphabet)).collect()
        };
        let (mut near, mut turned_away) = (0, 0);
        for _ in 0..20_000 {
            let (a, b) = (word(&mut rng), word(&mut rng));
            let d = edit_distance(&a, &b);
            for edits in 0..=3u32 {
                let may = may_be_within(letter_set(&a), letter_set(&b), edits);
                if d <= edits as usize {
                    near += 1;
                    assert!(may, "{a} → {b} is {d} edits apart, within {edits}");
                } else if !may {
                    turned_away += 1;
                }
            }
        }
        assert!(near > 1_000 && turned_away > 1_000, "the test saw both cases: {near} near, {turned_away} turned away");
        assert!(!may_be_within(letter_set("zzjzfq"), letter_set("quang"), 2));
        assert!(may_be_within(letter_set("trag"), letter_set("trang"), 1));
    }
}
