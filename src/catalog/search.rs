//! Search in memory: an inverted index of whole words (folded, and as written with their
//! marks) over a list of records, each with a name and other text, and the ranking.
//!
//! Words match whole: "trà" finds trà and tra, never "tráng". Only the last word of a query
//! may match as the start of a word (the word being typed), and only when it is not a word
//! of its own. A word of four letters or more that matches nothing tolerates one typo.
//! Ranking: a phrase above scattered words, the name above the other text, exact marks
//! above folded ones; the caller breaks ties.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use crate::domain::search::{Query, QueryWord, Synonyms, edit_distance, within_one_edit};
use crate::domain::text::{fold, words};

/// The shortest folded word that may carry a typo ("trag" for "trang"; three letters are too few to guess).
const TYPO_MIN_CHARS: usize = 4;

/// The synonyms of `data/synonyms.txt`, compiled in.
pub fn synonyms() -> &'static Synonyms {
    static SYNONYMS: LazyLock<Synonyms> = LazyLock::new(|| Synonyms::parse(include_str!("../../data/synonyms.txt")));
    &SYNONYMS
}

/// What one record is searched by.
pub struct Document {
    pub name: String,
    /// Everything else that should find it (address, maker, district, description...).
    pub other: String,
}

/// Marks a posting whose record holds the word in its name.
const IN_NAME: u32 = 1 << 31;

/// A sorted list of distinct words, each with the records that hold it.
#[derive(Debug, Default)]
struct Vocabulary {
    words: Vec<Box<str>>,
    /// By word id: ascending record positions, each with `IN_NAME` when the name holds it, so
    /// a single word is ranked from its postings without reading the records.
    postings: Vec<Vec<u32>>,
}

impl Vocabulary {
    fn new(all: BTreeSet<Box<str>>) -> Vocabulary {
        let words: Vec<Box<str>> = all.into_iter().collect();
        Vocabulary { postings: vec![Vec::new(); words.len()], words }
    }

    fn id(&self, word: &str) -> Option<u32> {
        self.words.binary_search_by(|w| (**w).cmp(word)).ok().map(|i| i as u32)
    }

    fn starting_with(&self, prefix: &str) -> Range<u32> {
        let from = self.words.partition_point(|w| **w < *prefix);
        let to = from + self.words[from..].partition_point(|w| w.starts_with(prefix));
        from as u32..to as u32
    }

    fn post(&mut self, id: u32, record: u32, in_name: bool) {
        let list = &mut self.postings[id as usize];
        let flag = if in_name { IN_NAME } else { 0 };
        match list.last_mut() {
            Some(last) if *last & !IN_NAME == record => *last |= flag,
            _ => list.push(record | flag),
        }
    }
}

/// A word of a record: its folded and its exact (marked) form, as vocabulary ids.
#[derive(Debug, Clone, Copy)]
struct Token {
    folded: u32,
    exact: u32,
}

/// The words of one record, in order, name first.
#[derive(Debug, Default)]
struct Tokens {
    all: Vec<Token>,
    /// How many of `all` are the name's.
    name_len: u32,
}

/// How a query word found its words in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    Typo,
    Prefix,
    Whole,
}

impl Fit {
    /// What a match of this kind is worth (in the name: four times as much).
    fn value(self) -> u32 {
        match self {
            Fit::Whole => 6,
            Fit::Prefix => 4,
            Fit::Typo => 2,
        }
    }
}

/// What an exact match of the marks typed adds to a word's value.
const EXACT_MARKS: u32 = 3;

/// The words of the index one query word stands for.
#[derive(Debug)]
struct Resolved {
    /// Ranges of folded ids (or exact ids when `exact_only`), each with how it fits: a
    /// prefix is one range of the sorted vocabulary, however many words it covers.
    ids: Vec<(Range<u32>, Fit)>,
    exact_only: bool,
    /// The exact form typed, when it carries marks: its id ranks first.
    marked: Option<u32>,
}

impl Resolved {
    fn fit(&self, token: Token) -> Option<Fit> {
        let id = if self.exact_only { token.exact } else { token.folded };
        self.ids.iter().find(|(ids, _)| ids.contains(&id)).map(|(_, fit)| *fit)
    }
}

/// A record that matched, with its score (higher first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub pos: u32,
    pub score: u32,
}

/// The inverted index over one kind of record.
#[derive(Debug, Default)]
pub struct TextIndex {
    folded: Vocabulary,
    exact: Vocabulary,
    /// By folded id: an exact id that folds to it, to show a suggestion with its marks.
    display: Vec<u32>,
    tokens: Vec<Tokens>,
}

fn exact_words(text: &str) -> Vec<String> {
    let lower: String = text.nfc().flat_map(char::to_lowercase).collect();
    words(&lower).map(str::to_owned).collect()
}

impl TextIndex {
    pub fn new(documents: impl Iterator<Item = Document>) -> TextIndex {
        let split: Vec<(Vec<String>, usize)> = documents
            .map(|d| {
                let mut all = exact_words(&d.name);
                let name_len = all.len();
                all.extend(exact_words(&d.other));
                (all, name_len)
            })
            .collect();
        let exact_set: BTreeSet<Box<str>> = split.iter().flat_map(|(w, _)| w.iter().map(|w| w.as_str().into())).collect();
        let folded_of: Vec<Box<str>> = exact_set.iter().map(|w| fold(w).into()).collect();
        let mut index = TextIndex {
            folded: Vocabulary::new(folded_of.iter().cloned().collect()),
            exact: Vocabulary::new(exact_set),
            display: Vec::new(),
            tokens: Vec::with_capacity(split.len()),
        };
        // Exact id → folded id, once per distinct word rather than once per token.
        let folded_id: Vec<u32> = folded_of.iter().map(|f| index.folded.id(f).unwrap_or(0)).collect();
        index.display = vec![0; index.folded.words.len()];
        // Exact words sort with the unmarked form first: the last written wins, marks preferred.
        for (exact, &folded) in folded_id.iter().enumerate() {
            index.display[folded as usize] = exact as u32;
        }
        for (pos, (all, name_len)) in split.into_iter().enumerate() {
            let pos = pos as u32;
            let tokens: Vec<Token> = all
                .iter()
                .map(|w| {
                    let exact = index.exact.id(w).unwrap_or(0);
                    Token { exact, folded: folded_id[exact as usize] }
                })
                .collect();
            for (i, token) in tokens.iter().enumerate() {
                index.folded.post(token.folded, pos, i < name_len);
                index.exact.post(token.exact, pos, i < name_len);
            }
            index.tokens.push(Tokens { all: tokens, name_len: name_len as u32 });
        }
        index
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether some record holds this folded word.
    pub fn knows(&self, folded: &str) -> bool {
        self.folded.id(folded).is_some()
    }

    /// The word of the index closest to a folded word (at most two edits away), as written
    /// with its marks, and how many records hold it: the commonest wins a tie.
    pub fn nearest_word(&self, folded: &str) -> Option<(usize, usize, &str)> {
        let len = folded.chars().count();
        if len < 3 {
            return None;
        }
        let limit = if len < 6 { 1 } else { 2 };
        self.folded
            .words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.chars().count().abs_diff(len) <= limit)
            .filter_map(|(id, w)| {
                let d = edit_distance(folded, w);
                (d <= limit).then(|| (d, self.folded.postings[id].len(), id))
            })
            .min_by_key(|(d, count, _)| (*d, std::cmp::Reverse(*count)))
            .map(|(d, count, id)| (d, count, &*self.exact.words[self.display[id] as usize]))
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The index words a query word stands for. `typing` marks the query's last word.
    fn resolve(&self, word: &QueryWord, typed: bool, typing: bool) -> Resolved {
        let marked = (typed && word.is_marked()).then(|| self.exact.id(&word.exact)).flatten();
        if !typed {
            // A synonym from the file, written with its marks: "cam" (orange) is not "cám".
            let ids = self.exact.id(&word.exact).map(|id| vec![(id..id + 1, Fit::Whole)]).unwrap_or_default();
            return Resolved { ids, exact_only: true, marked: None };
        }
        if let Some(id) = self.folded.id(&word.folded) {
            return Resolved { ids: vec![(id..id + 1, Fit::Whole)], exact_only: false, marked };
        }
        let mut ids: Vec<(Range<u32>, Fit)> = Vec::new();
        let prefixed = self.folded.starting_with(&word.folded);
        if typing && !prefixed.is_empty() {
            ids.push((prefixed, Fit::Prefix));
        }
        if ids.is_empty() && word.folded.chars().count() >= TYPO_MIN_CHARS {
            let len = word.folded.chars().count();
            ids.extend(
                self.folded
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.chars().count().abs_diff(len) <= 1 && within_one_edit(&word.folded, w))
                    .map(|(id, _)| (id as u32..id as u32 + 1, Fit::Typo)),
            );
        }
        Resolved { ids, exact_only: false, marked }
    }

    /// Each posting of the words `resolved` stands for: (record, its value there).
    fn postings<'a>(&'a self, resolved: &'a Resolved) -> impl Iterator<Item = (usize, u32)> + 'a {
        let vocabulary = if resolved.exact_only { &self.exact } else { &self.folded };
        resolved.ids.iter().flat_map(move |(ids, fit)| {
            ids.clone().flat_map(move |id| {
                vocabulary.postings[id as usize].iter().map(move |&p| {
                    let value = fit.value() * if p & IN_NAME != 0 { 4 } else { 1 };
                    ((p & !IN_NAME) as usize, value)
                })
            })
        })
    }

    /// Records matching every clause of `query`, best first (ties in record order: the caller
    /// sorts them by its own tie-breakers after the score). `None` for an empty query.
    pub fn search(&self, query: &Query) -> Option<Vec<Hit>> {
        if query.is_empty() {
            return None;
        }
        let typed_count = query.typed.len();
        let mut word_no = 0;
        // Per clause, per alternative, per word: what it resolves to.
        let mut resolved: Vec<Vec<Vec<Resolved>>> = Vec::with_capacity(query.clauses.len());
        for clause in &query.clauses {
            let first_len = clause.alternatives[0].len();
            let alternatives = clause
                .alternatives
                .iter()
                .enumerate()
                .map(|(a, phrase)| {
                    phrase
                        .iter()
                        .enumerate()
                        .map(|(i, w)| self.resolve(w, a == 0, a == 0 && word_no + i + 1 == typed_count))
                        .collect::<Vec<_>>()
                })
                .collect();
            word_no += first_len;
            resolved.push(alternatives);
        }
        // Which records every clause matches (any alternative with all of its words), and
        // what each is worth: per word its best posting, per clause its best alternative.
        let n = self.tokens.len();
        let mut matched = vec![0u16; n];
        let mut total = vec![0u32; n];
        for (c, alternatives) in resolved.iter().enumerate() {
            let mut clause_score: Vec<Option<u32>> = vec![None; n];
            for words in alternatives {
                let mut count = vec![0u8; n];
                let mut alt_score = vec![0u32; n];
                for (w, word) in words.iter().enumerate() {
                    let mut best = vec![0u32; n];
                    for (pos, value) in self.postings(word) {
                        if usize::from(count[pos]) == w {
                            count[pos] += 1;
                        }
                        best[pos] = best[pos].max(value);
                    }
                    if let Some(marked) = word.marked {
                        for &p in &self.exact.postings[marked as usize] {
                            best[(p & !IN_NAME) as usize] += EXACT_MARKS;
                        }
                    }
                    alt_score.iter_mut().zip(&best).for_each(|(a, b)| *a += b);
                }
                for ((slot, c), score) in clause_score.iter_mut().zip(&count).zip(alt_score) {
                    if usize::from(*c) == words.len() {
                        *slot = Some(slot.map_or(score, |s| s.max(score)));
                    }
                }
            }
            for ((m, t), score) in matched.iter_mut().zip(total.iter_mut()).zip(clause_score) {
                if let Some(score) = score.filter(|_| usize::from(*m) == c) {
                    *m += 1;
                    *t += score;
                }
            }
        }
        let clauses = query.clauses.len();
        let mut hits: Vec<Hit> = matched
            .iter()
            .enumerate()
            .filter(|(_, m)| usize::from(**m) == clauses)
            .map(|(pos, _)| {
                let phrase = if query.typed.len() > 1 { self.phrase_bonus(pos, &resolved) } else { 0 };
                Hit { pos: pos as u32, score: total[pos] + phrase }
            })
            .collect();
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        Some(hits)
    }

    /// When the typed words stand next to each other in the record, in order: the name
    /// counts most. Read from the record's words, so only for queries of several words.
    fn phrase_bonus(&self, pos: usize, resolved: &[Vec<Vec<Resolved>>]) -> u32 {
        let tokens = &self.tokens[pos];
        let places: Vec<Vec<usize>> = resolved
            .iter()
            .map(|alternatives| {
                let typed = &alternatives[0];
                tokens.all.iter().enumerate().filter(|(_, t)| typed.iter().any(|w| w.fit(**t).is_some())).map(|(i, _)| i).collect()
            })
            .collect();
        if places.iter().any(Vec::is_empty) {
            return 0;
        }
        let name_len = tokens.name_len as usize;
        let mut best = 0;
        for &start in &places[0] {
            if places.iter().enumerate().skip(1).all(|(k, p)| p.contains(&(start + k))) {
                best = best.max(if start + places.len() <= name_len { 40 } else { 12 });
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(names: &[(&str, &str)]) -> TextIndex {
        TextIndex::new(names.iter().map(|(name, other)| Document { name: (*name).to_owned(), other: (*other).to_owned() }))
    }

    fn found(index: &TextIndex, query: &str, synonyms: &Synonyms) -> Vec<u32> {
        index.search(&Query::parse(query, synonyms)).unwrap_or_default().into_iter().map(|h| h.pos).collect()
    }

    #[test]
    fn words_match_whole_so_tra_is_not_trang() {
        let idx = index(&[("Trà sen Tây Hồ", ""), ("Gốm tráng men Bát Tràng", ""), ("Chè Shan tuyết", "")]);
        let none = Synonyms::default();
        assert_eq!(found(&idx, "trà", &none), [0]);
        assert_eq!(found(&idx, "tra", &none), [0], "tra is a word of its own: no prefix");
        assert_eq!(found(&idx, "bat tran", &none), [1], "the last word, not a word itself, is the one being typed");
        assert_eq!(found(&idx, "ra sen", &none), Vec::<u32>::new(), "no fragments");
        assert_eq!(found(&idx, "BÁT TRÀNG", &none), [1]);
        assert_eq!(found(&idx, "tra bat", &none), Vec::<u32>::new(), "every word must match");
    }

    #[test]
    fn one_typo_is_forgiven_in_longer_words() {
        let idx = index(&[("Gốm Bát Tràng", ""), ("Lụa Vạn Phúc", "")]);
        let none = Synonyms::default();
        assert_eq!(found(&idx, "bat trag", &none), [0]);
        assert_eq!(found(&idx, "bat trnag", &none), [0], "a swap");
        assert_eq!(found(&idx, "gốm bát tràngg", &none), [0]);
        assert_eq!(found(&idx, "luq", &none), Vec::<u32>::new(), "three letters are too few to guess");
    }

    #[test]
    fn the_nearest_word_is_offered_with_its_marks() {
        let idx = index(&[("Gốm Bát Tràng", ""), ("Lụa Vạn Phúc", ""), ("Trang phục", "")]);
        assert_eq!(idx.nearest_word("trnag").map(|(d, _, w)| (d, w)), Some((1, "tràng")));
        assert_eq!(idx.nearest_word("xyzxyz"), None);
        assert!(idx.knows("phuc") && !idx.knows("phu"));
    }

    #[test]
    fn a_phrase_ranks_above_scattered_words_and_the_name_above_the_rest() {
        let idx = index(&[
            ("Măng khô xanh", "trà"),   // scattered, one word not in the name
            ("Trà túi lọc", "xanh"),    // one word in the name
            ("Trà xanh Tân Cương", ""), // the phrase in the name
            ("Hộp quà", "trà xanh"),    // the phrase in the other text
        ]);
        let all = found(&idx, "trà xanh", &Synonyms::default());
        assert_eq!(all[0], 2, "{all:?}");
        assert_eq!(all.last(), Some(&3), "scattered words in the name outrank a phrase elsewhere: {all:?}");
        assert_eq!(all.len(), 4);
    }

    #[test]
    fn exact_marks_rank_above_folded_ones() {
        let idx = index(&[("Bánh dương xỉ", ""), ("Kẹo đường", "")]);
        assert_eq!(found(&idx, "đường", &Synonyms::default()), [1, 0]);
        assert_eq!(found(&idx, "dương", &Synonyms::default()), [0, 1]);
    }

    #[test]
    fn synonyms_find_the_other_language_by_its_exact_words() {
        let synonyms = Synonyms::parse("chè, trà, tea\nmật ong, honey\ncam, orange");
        let idx = index(&[("Trà sen", ""), ("Mật ong rừng", ""), ("Cam Canh", ""), ("Bánh cám", ""), ("Chè Shan", "")]);
        assert_eq!(found(&idx, "tea", &synonyms).len(), 2);
        assert_eq!(found(&idx, "honey", &synonyms), [1]);
        assert_eq!(found(&idx, "orange", &synonyms), [2], "cam the fruit, not cám the bran");
        assert_eq!(found(&idx, "mật ong", &synonyms), [1]);
    }
}
