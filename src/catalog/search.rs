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

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;

use crate::domain::search::{Query, QueryWord, Synonyms, edit_distance, letter_set, may_be_within, within_one_edit};
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
    /// Word → id: a query looks each of its words up in every index, and a hash beats a
    /// binary search's dozen string comparisons (the sorted list serves prefixes).
    ids: FxHashMap<Box<str>, u32>,
    /// By word id: ascending record positions, each with `IN_NAME` when the name holds it, so
    /// a single word is ranked from its postings without reading the records.
    postings: Vec<Vec<u32>>,
    /// By word id, for a word that many records hold: its postings as sets of records, so a
    /// list is intersected with it by testing a bit per record rather than by walking
    /// thousands of postings ("cửa hàng", both in most showrooms' names).
    dense: FxHashMap<u32, Dense>,
}

/// A word is dense when at least one record in this many holds it: then its two sets of
/// records take no more room than its postings.
const DENSE_SHARE: usize = 16;

impl Vocabulary {
    fn new(all: BTreeSet<Box<str>>) -> Vocabulary {
        let words: Vec<Box<str>> = all.into_iter().collect();
        let ids = words.iter().enumerate().map(|(id, w)| (w.clone(), id as u32)).collect();
        Vocabulary { postings: vec![Vec::new(); words.len()], words, ids, dense: FxHashMap::default() }
    }

    /// Once every record is posted: the sets of the dense words.
    fn index_dense(&mut self, records: usize) {
        self.dense = (self.postings.iter().enumerate())
            .filter(|(_, postings)| postings.len() * DENSE_SHARE >= records)
            .map(|(id, postings)| (id as u32, Dense::of(postings, records)))
            .collect();
    }

    fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
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

/// Where a word stands: the record and the word's place in it (the name's words first).
type Place = (u32, u32);

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

    /// What a match of this kind is worth in a record, where the name holds it or not.
    fn worth(self, in_name: bool) -> u32 {
        if in_name { self.value() * 4 } else { self.value() }
    }
}

/// What a query word is to the search.
#[derive(Debug, Clone, Copy)]
enum Role {
    Typed(Leeway),
    /// From the synonyms file.
    Synonym,
}

/// How loosely a typed word may match, decided once for every index searched: a word that
/// one kind of record holds ("khăn", a scarf) is neither unfinished nor a typo in the
/// others (no showroom "Khánh" for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leeway {
    /// It may be the start of a word: the last word, which no index holds whole.
    pub prefix: bool,
    /// It may carry one typo: no index holds it, nor (for the last) a word starting with it.
    pub typo: bool,
}

/// Every folded word of several indexes, so that whether a typed word is whole, or the start
/// of a word, in any of them costs one lookup rather than one per index (`leeway`, which every
/// kind searched asks: six times a search page).
#[derive(Debug, Default)]
pub struct KnownWords {
    sorted: Vec<Box<str>>,
    all: FxHashSet<Box<str>>,
}

impl KnownWords {
    pub fn of(indexes: &[&TextIndex]) -> KnownWords {
        let sorted: Vec<Box<str>> =
            indexes.iter().flat_map(|x| x.folded.words.iter().cloned()).collect::<BTreeSet<Box<str>>>().into_iter().collect();
        KnownWords { all: sorted.iter().cloned().collect(), sorted }
    }

    fn holds(&self, folded: &str) -> bool {
        self.all.contains(folded)
    }

    fn holds_a_word_starting(&self, folded: &str) -> bool {
        let from = self.sorted.partition_point(|w| **w < *folded);
        self.sorted.get(from).is_some_and(|w| w.starts_with(folded))
    }
}

/// The leeway of each typed word of `query` over the indexes `known` was made of.
pub fn leeway(query: &Query, known: &KnownWords) -> Vec<Leeway> {
    let last = query.typed.len().saturating_sub(1);
    query
        .typed
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let whole = known.holds(&word.folded);
            let prefix = i == last && !whole;
            let unfinished = prefix && known.holds_a_word_starting(&word.folded);
            let typo = !whole && !unfinished;
            Leeway { prefix, typo }
        })
        .collect()
}

/// What the typed words standing side by side, in order, add to a record's value: more in
/// its name.
const PHRASE: u32 = 12;
const PHRASE_IN_NAME: u32 = 40;

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
    /// The one folded word this stands for, if one.
    fn single(&self) -> Option<u32> {
        match self.ids.as_slice() {
            [(ids, _)] if ids.len() == 1 && !self.exact_only => Some(ids.start),
            _ => None,
        }
    }
}

/// A record that matched, with its score (higher first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub pos: u32,
    pub score: u32,
}

/// Hits best first, ties in record order.
pub fn best_first(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_unstable_by_key(|h| (std::cmp::Reverse(h.score), h.pos));
    hits
}

/// The inverted index over one kind of record.
#[derive(Debug, Default)]
pub struct TextIndex {
    folded: Vocabulary,
    exact: Vocabulary,
    /// By folded id: an exact id that folds to it, to show a suggestion with its marks.
    display: Vec<u32>,
    /// Folded ids by length in characters: a typo or a suggestion is looked for only among
    /// words of about the same length.
    folded_by_len: Vec<Vec<u32>>,
    /// By folded id: its `letter_set`, so that a typo or a suggestion computes an edit
    /// distance only for the few words with nearly the same letters (a garbage query, none).
    letters: Vec<u64>,
    /// By folded id: every place the word stands, in order, to find phrases.
    places: Vec<Vec<Place>>,
    /// Two words side by side: the records where they stand so, each with `IN_NAME` when
    /// the pair is in the name, so a two-word phrase costs one lookup, not a walk of every
    /// place of both words ("cửa hàng" stands in every site).
    pairs: Pairs,
    /// By record: how many of its words are the name's.
    name_len: Vec<u32>,
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
            folded_by_len: Vec::new(),
            letters: Vec::new(),
            places: Vec::new(),
            pairs: Pairs::default(),
            name_len: Vec::with_capacity(split.len()),
        };
        // Exact id → folded id, once per distinct word rather than once per token.
        let folded_id: Vec<u32> = folded_of.iter().map(|f| index.folded.id(f).unwrap_or(0)).collect();
        index.display = vec![0; index.folded.words.len()];
        index.letters = index.folded.words.iter().map(|w| letter_set(w)).collect();
        for (id, word) in index.folded.words.iter().enumerate() {
            let len = word.chars().count();
            if index.folded_by_len.len() <= len {
                index.folded_by_len.resize_with(len + 1, Vec::new);
            }
            index.folded_by_len[len].push(id as u32);
        }
        // Exact words sort with the unmarked form first: the last written wins, marks preferred.
        for (exact, &folded) in folded_id.iter().enumerate() {
            index.display[folded as usize] = exact as u32;
        }
        index.places = vec![Vec::new(); index.folded.words.len()];
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        for (pos, (all, name_len)) in split.into_iter().enumerate() {
            let pos = pos as u32;
            let mut before: Option<u32> = None;
            for (i, word) in all.iter().enumerate() {
                let exact = index.exact.id(word).unwrap_or(0);
                let folded = folded_id[exact as usize];
                index.folded.post(folded, pos, i < name_len);
                index.exact.post(exact, pos, i < name_len);
                index.places[folded as usize].push((pos, i as u32));
                if let Some(first) = before {
                    pairs.push((Pairs::key(first, folded), pos | if i < name_len { IN_NAME } else { 0 }));
                }
                before = Some(folded);
            }
            index.name_len.push(name_len as u32);
        }
        index.pairs = Pairs::new(pairs);
        index.folded.index_dense(index.name_len.len());
        index.exact.index_dense(index.name_len.len());
        index
    }

    pub fn len(&self) -> usize {
        self.name_len.len()
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
        let letters = letter_set(folded);
        self.folded_ids_of_length(len, limit)
            .filter(|&id| may_be_within(letters, self.letters[id as usize], limit as u32))
            .filter_map(|id| {
                let d = edit_distance(folded, &self.folded.words[id as usize]);
                (d <= limit).then(|| (d, self.folded.postings[id as usize].len(), id as usize))
            })
            .min_by_key(|(d, count, _)| (*d, std::cmp::Reverse(*count)))
            .map(|(d, count, id)| (d, count, &*self.exact.words[self.display[id] as usize]))
    }

    pub fn is_empty(&self) -> bool {
        self.name_len.is_empty()
    }

    /// Folded ids of words within `slack` characters of `len` long.
    fn folded_ids_of_length(&self, len: usize, slack: usize) -> impl Iterator<Item = u32> + '_ {
        let lengths = len.saturating_sub(slack)..(len + slack + 1).min(self.folded_by_len.len());
        self.folded_by_len.get(lengths).into_iter().flatten().flatten().copied()
    }

    /// The index words a query word stands for.
    fn resolve(&self, word: &QueryWord, role: Role) -> Resolved {
        let Role::Typed(leeway) = role else {
            // A synonym from the file, written with its marks: "cam" (orange) is not "cám".
            let ids = self.exact.id(&word.exact).map(|id| vec![(id..id + 1, Fit::Whole)]).unwrap_or_default();
            return Resolved { ids, exact_only: true, marked: None };
        };
        let marked = word.is_marked().then(|| self.exact.id(&word.exact)).flatten();
        if let Some(id) = self.folded.id(&word.folded) {
            return Resolved { ids: vec![(id..id + 1, Fit::Whole)], exact_only: false, marked };
        }
        let mut ids: Vec<(Range<u32>, Fit)> = Vec::new();
        let prefixed = self.folded.starting_with(&word.folded);
        if leeway.prefix && !prefixed.is_empty() {
            ids.push((prefixed, Fit::Prefix));
        }
        if ids.is_empty() && leeway.typo && word.folded.chars().count() >= TYPO_MIN_CHARS {
            let (len, letters) = (word.folded.chars().count(), letter_set(&word.folded));
            ids.extend(
                self.folded_ids_of_length(len, 1)
                    .filter(|&id| may_be_within(letters, self.letters[id as usize], 1))
                    .filter(|&id| within_one_edit(&word.folded, &self.folded.words[id as usize]))
                    .map(|id| (id..id + 1, Fit::Typo)),
            );
        }
        Resolved { ids, exact_only: false, marked }
    }

    /// Records matching every clause of `query`, in record order: callers rank them by score
    /// and their own tie-breakers, often only as far as the page they show (`best_first`
    /// for the plain order). `None` for an empty query. `leeway`: for each typed word, as
    /// `leeway()` gives it.
    pub fn search(&self, query: &Query, leeway: &[Leeway]) -> Option<Vec<Hit>> {
        if query.is_empty() {
            return None;
        }
        let mut word_no = 0;
        // Per clause, per alternative, per word: what it resolves to.
        let mut resolved: Vec<Vec<Vec<Resolved>>> = Vec::with_capacity(query.clauses.len());
        for clause in query.clauses.iter() {
            let first_len = clause.alternatives[0].len();
            let alternatives = clause
                .alternatives
                .iter()
                .enumerate()
                .map(|(a, phrase)| {
                    phrase
                        .iter()
                        .enumerate()
                        .map(|(i, w)| {
                            let exact = Leeway { prefix: false, typo: false };
                            let role = if a > 0 { Role::Synonym } else { Role::Typed(leeway.get(word_no + i).copied().unwrap_or(exact)) };
                            self.resolve(w, role)
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            word_no += first_len;
            resolved.push(alternatives);
        }
        // Which records every clause matches (any alternative with all of its words), and
        // what each is worth: per word its best posting, per clause its best alternative.
        // Sparse lists in record order, so a query costs what its words' postings hold.
        let clauses: Vec<Matches> = resolved.iter().map(|alternatives| self.clause_matches(alternatives)).collect();
        let matched = self.intersect_all(clauses);
        let mut hits: Vec<Hit> = matched.into_iter().map(|(pos, score)| Hit { pos, score }).collect();
        if query.typed.len() > 1 && !hits.is_empty() {
            let typed: Vec<&Resolved> = resolved.iter().flat_map(|alternatives| &alternatives[0]).collect();
            let mut bonuses = self.phrase_bonuses(&typed, &hits).into_iter().peekable();
            for hit in &mut hits {
                while bonuses.next_if(|b| b.0 < hit.pos).is_some() {}
                if let Some((_, bonus)) = bonuses.next_if(|b| b.0 == hit.pos) {
                    hit.score += bonus;
                }
            }
        }
        Some(hits)
    }

    /// `search` for a caller that reads each hit once, in record order (`false` for an empty
    /// query). A query of one word that stands for one word of the index (most searches) is
    /// read straight off that word's postings: no list of the thousands of records holding a
    /// common word is written out, and the marks typed are valued on the way.
    pub fn search_each(&self, query: &Query, leeway: &[Leeway], mut each: impl FnMut(Hit)) -> bool {
        if let [clause] = &*query.clauses
            && let [words] = clause.alternatives.as_slice()
            && let [word] = words.as_slice()
        {
            let typed = leeway.first().copied().unwrap_or(Leeway { prefix: false, typo: false });
            let resolved = self.resolve(word, Role::Typed(typed));
            if let (Some(id), Some(&(_, fit))) = (resolved.single(), resolved.ids.first()) {
                let value = posting_value(fit);
                let postings = &self.folded.postings[id as usize];
                match resolved.marked {
                    None => postings.iter().for_each(|&p| {
                        let (pos, score) = value(p);
                        each(Hit { pos, score });
                    }),
                    Some(marked) => {
                        let mut marks = self.exact_marks(marked);
                        postings.iter().for_each(|&p| {
                            let (pos, score) = value(p);
                            each(Hit { pos, score: score + marks.at(pos) });
                        });
                    }
                }
                return true;
            }
        }
        let Some(hits) = self.search(query, leeway) else { return false };
        hits.into_iter().for_each(each);
        true
    }

    /// The bonus of the exact word `marked`, to read record by record in ascending order.
    fn exact_marks(&self, marked: u32) -> ExactMarks<'_> {
        match self.exact.dense.get(&marked) {
            Some(dense) => ExactMarks::Dense(&dense.holds),
            None => ExactMarks::Postings(&self.exact.postings[marked as usize]),
        }
    }

    /// What one clause of a query matches: a single word's matches as they are, else the
    /// records any alternative matches, each with its best value.
    fn clause_matches<'a>(&'a self, alternatives: &'a [Vec<Resolved>]) -> Matches<'a> {
        if let [words] = alternatives
            && let [word] = words.as_slice()
        {
            return self.word_matches(word);
        }
        let mut clause: Scored = Vec::new();
        for words in alternatives {
            let alternative = self.intersect_all(words.iter().map(|w| self.word_matches(w)).collect());
            clause = if clause.is_empty() { alternative } else { union_keeping_best(&clause, &alternative) };
        }
        Matches::Scored(clause)
    }

    /// The records holding a word: the postings of the one index word it stands for, as they
    /// are; else those of all its index words, in record order, each with its best value there.
    fn word_matches<'a>(&'a self, word: &'a Resolved) -> Matches<'a> {
        let vocabulary = if word.exact_only { &self.exact } else { &self.folded };
        if let [(ids, fit)] = word.ids.as_slice()
            && ids.len() == 1
        {
            let id = ids.start;
            return Matches::Postings(WordPostings {
                postings: &vocabulary.postings[id as usize],
                dense: vocabulary.dense.get(&id),
                fit: *fit,
                word,
            });
        }
        // Several words' postings, each in order: keep each record's best, by sorting a few or
        // by marking them on a sheet of every record when they are many ("t…").
        let lists = || word.ids.iter().flat_map(|(ids, fit)| ids.clone().map(move |id| (&vocabulary.postings[id as usize], *fit)));
        let total: usize = lists().map(|(postings, _)| postings.len()).sum();
        let mut hits: Scored = if total * 8 < self.len() {
            // One key per posting, record first and then the higher value: sorted, the first
            // key of each record is its best.
            let mut keys: Vec<u64> = Vec::with_capacity(total);
            for (postings, fit) in lists() {
                keys.extend(valued(postings, fit).map(|(record, value)| (u64::from(record) << 32) | u64::from(u32::MAX - value)));
            }
            keys.sort_unstable();
            keys.dedup_by_key(|key| *key >> 32);
            keys.into_iter().map(|key| ((key >> 32) as u32, u32::MAX - key as u32)).collect()
        } else {
            let mut best = vec![0u32; self.len()];
            for (postings, fit) in lists() {
                for (record, value) in valued(postings, fit) {
                    let slot = &mut best[record as usize];
                    *slot = (*slot).max(value);
                }
            }
            best.iter().enumerate().filter(|(_, v)| **v > 0).map(|(pos, &v)| (pos as u32, v)).collect()
        };
        self.add_exact_marks(word, &mut hits);
        Matches::Scored(hits)
    }

    /// The records every list holds, their values added, with the exact-marks bonus of each
    /// word kept as postings. Shortest first, and postings read as they are: only the records
    /// in all of them are written out, not every record of each ("cửa hàng": both in every
    /// showroom's name, in six indexes).
    fn intersect_all(&self, mut lists: Vec<Matches<'_>>) -> Scored {
        lists.sort_by_key(Matches::len);
        let words: Vec<&Resolved> = lists.iter().filter_map(Matches::word).collect();
        let mut lists = lists.into_iter();
        let mut all: Scored = match (lists.next(), lists.next()) {
            (None, _) => return Vec::new(),
            // Two words' postings (a phrase): read side by side, so only the records in both
            // are written out, not every record of the shorter one first.
            (Some(Matches::Postings(first)), Some(Matches::Postings(second))) => {
                let value = posting_value(first.fit);
                match second.dense {
                    Some(dense) => dense.holding(first.postings, value, second.fit),
                    None => intersect_by(first.postings, value, second.postings, posting_value(second.fit)),
                }
            }
            (Some(first), second) => {
                let first = match first {
                    Matches::Postings(word) => valued(word.postings, word.fit).collect(),
                    Matches::Scored(scored) => scored,
                };
                match second {
                    Some(second) => self.narrow(first, second),
                    None => first,
                }
            }
        };
        for list in lists {
            all = self.narrow(all, list);
        }
        for word in words {
            self.add_exact_marks(word, &mut all);
        }
        all
    }

    /// The records of `so_far` that `list` holds too, their values added.
    fn narrow(&self, mut so_far: Scored, list: Matches<'_>) -> Scored {
        match list {
            Matches::Postings(WordPostings { dense: Some(dense), fit, .. }) => {
                dense.keep_holding(&mut so_far, fit);
                so_far
            }
            Matches::Postings(word) => intersect_by(&so_far, |x| x, word.postings, posting_value(word.fit)),
            Matches::Scored(scored) => intersect_summing(&so_far, &scored),
        }
    }

    /// Adds `EXACT_MARKS` to the hits holding the word as typed with its marks, if it has any.
    fn add_exact_marks(&self, word: &Resolved, hits: &mut Scored) {
        let Some(marked) = word.marked else { return };
        if let Some(dense) = self.exact.dense.get(&marked) {
            for hit in hits {
                hit.1 += if dense.holds.holds(hit.0) { EXACT_MARKS } else { 0 };
            }
            return;
        }
        // Plain indexes, not a peekable iterator: both lists run to thousands for a common
        // word, and this merge was a tenth of a two-word search.
        let exact = &self.exact.postings[marked as usize];
        let mut e = 0;
        for hit in hits {
            while e < exact.len() && exact[e] & !IN_NAME < hit.0 {
                e += 1;
            }
            if e < exact.len() && exact[e] & !IN_NAME == hit.0 {
                hit.1 += EXACT_MARKS;
                e += 1;
            }
        }
    }

    /// The records where the typed words stand next to each other, in order, with what that
    /// adds (a phrase in the name counts most): for two words that each stand for one word of
    /// the index, read from `pairs`; otherwise found from the places of the words in `hits`.
    fn phrase_bonuses(&self, typed: &[&Resolved], hits: &[Hit]) -> Vec<(u32, u32)> {
        if let [first, second] = typed
            && let (Some(first), Some(second)) = (first.single(), second.single())
        {
            let value = |p: &u32| (p & !IN_NAME, if p & IN_NAME != 0 { PHRASE_IN_NAME } else { PHRASE });
            return self.pairs.records(first, second).iter().map(value).collect();
        }
        self.placed_bonuses(typed, &RecordSet::of(hits, self.len()))
    }

    /// `phrase_bonuses` from the places of the words, for any phrase: it costs what their
    /// places hold, not what the matching records hold.
    fn placed_bonuses(&self, typed: &[&Resolved], hits: &RecordSet) -> Vec<(u32, u32)> {
        let Some((first, rest)) = typed.split_first() else { return Vec::new() };
        let mut starts = self.places_of(first, hits);
        for (k, word) in rest.iter().enumerate() {
            let k = k as u32 + 1;
            let next = self.places_of(word, hits);
            let mut next = next.iter().peekable();
            starts.retain(|&(record, at)| {
                let wanted = (record, at + k);
                while next.next_if(|&&place| place < wanted).is_some() {}
                next.peek().is_some_and(|&&place| place == wanted)
            });
            if starts.is_empty() {
                break;
            }
        }
        let words = typed.len() as u32;
        let mut bonuses: Vec<(u32, u32)> = Vec::new();
        for (record, at) in starts {
            let bonus = if at + words <= self.name_len[record as usize] { PHRASE_IN_NAME } else { PHRASE };
            match bonuses.last_mut() {
                Some(last) if last.0 == record => last.1 = last.1.max(bonus),
                _ => bonuses.push((record, bonus)),
            }
        }
        bonuses
    }

    /// Every place, in the records of `hits`, of the words a typed word stands for, in order:
    /// a common word stands in thousands of places, of which the few records matched keep few.
    fn places_of(&self, word: &Resolved, hits: &RecordSet) -> Vec<Place> {
        let mut places: Vec<Place> = word
            .ids
            .iter()
            .flat_map(|(ids, _)| ids.clone())
            .flat_map(|id| self.places[id as usize].iter().copied())
            .filter(|&(record, _)| hits.holds(record))
            .collect();
        if word.ids.len() > 1 || word.ids.first().is_some_and(|(ids, _)| ids.len() > 1) {
            places.sort_unstable();
        }
        places
    }
}

/// Records in ascending order, each with a score.
type Scored = Vec<(u32, u32)>;

/// Where an exact word (typed with its marks) stands, read in ascending record order: what
/// `add_exact_marks` adds, one record at a time.
enum ExactMarks<'a> {
    Dense(&'a RecordSet),
    /// Its postings not yet passed.
    Postings(&'a [u32]),
}

impl ExactMarks<'_> {
    /// `EXACT_MARKS` when the record holds the word, else 0. Records must come in ascending order.
    fn at(&mut self, record: u32) -> u32 {
        let holds = match self {
            ExactMarks::Dense(set) => set.holds(record),
            ExactMarks::Postings(rest) => {
                while let Some((&first, after)) = rest.split_first()
                    && first & !IN_NAME < record
                {
                    *rest = after;
                }
                rest.first().is_some_and(|&first| first & !IN_NAME == record)
            }
        };
        if holds { EXACT_MARKS } else { 0 }
    }
}

/// The records a word or a clause matches, before they are intersected.
enum Matches<'a> {
    /// A word standing for one index word, as the index holds it.
    Postings(WordPostings<'a>),
    /// In record order, each with its value (marks included).
    Scored(Scored),
}

impl<'a> Matches<'a> {
    fn len(&self) -> usize {
        match self {
            Matches::Postings(word) => word.postings.len(),
            Matches::Scored(scored) => scored.len(),
        }
    }

    fn word(&self) -> Option<&'a Resolved> {
        match self {
            Matches::Postings(postings) => Some(postings.word),
            Matches::Scored(_) => None,
        }
    }
}

/// The records of one index word: its postings, its sets when it is dense, how it fits, and
/// the query word (for the bonus of its marks, added once the lists are intersected).
struct WordPostings<'a> {
    postings: &'a [u32],
    dense: Option<&'a Dense>,
    fit: Fit,
    word: &'a Resolved,
}

/// A posting as (record, value): what its word's fit is worth, four times in the name.
fn posting_value(fit: Fit) -> impl Fn(u32) -> (u32, u32) + Copy {
    let (value, in_name) = (fit.worth(false), fit.worth(true));
    move |p| if p & IN_NAME != 0 { (p & !IN_NAME, in_name) } else { (p, value) }
}

/// One word's postings as (record, value). A plain map over the slice, so collecting it is
/// one sized copy.
fn valued(postings: &[u32], fit: Fit) -> impl ExactSizeIterator<Item = (u32, u32)> + '_ {
    postings.iter().copied().map(posting_value(fit))
}

/// Pairs of folded words side by side, each with its records in one flat list.
#[derive(Debug, Default)]
struct Pairs {
    /// Pair → where its records start and end in `records`.
    spans: FxHashMap<u64, (u32, u32)>,
    /// Ascending records per pair, each with `IN_NAME` when the pair stands in its name.
    records: Vec<u32>,
}

impl Pairs {
    fn key(first: u32, second: u32) -> u64 {
        (u64::from(first) << 32) | u64::from(second)
    }

    /// From every (pair, record | `IN_NAME`) met, in any order.
    fn new(mut met: Vec<(u64, u32)>) -> Pairs {
        met.sort_unstable_by_key(|&(key, record)| (key, record & !IN_NAME));
        let mut pairs = Pairs { spans: FxHashMap::default(), records: Vec::with_capacity(met.len()) };
        for run in met.chunk_by(|a, b| a.0 == b.0) {
            let start = pairs.records.len();
            for &(_, record) in run {
                match pairs.records[start..].last_mut() {
                    // The pair again in the same record: in the name if either stands there.
                    Some(last) if *last & !IN_NAME == record & !IN_NAME => *last |= record & IN_NAME,
                    _ => pairs.records.push(record),
                }
            }
            pairs.spans.insert(run[0].0, (start as u32, pairs.records.len() as u32));
        }
        pairs.records.shrink_to_fit();
        pairs
    }

    fn records(&self, first: u32, second: u32) -> &[u32] {
        self.spans.get(&Pairs::key(first, second)).map_or(&[], |&(from, to)| &self.records[from as usize..to as usize])
    }
}

/// A set of records, one bit each.
#[derive(Debug)]
struct RecordSet(Vec<u64>);

impl RecordSet {
    fn of(hits: &[Hit], records: usize) -> RecordSet {
        RecordSet::from_records(hits.iter().map(|hit| hit.pos), records)
    }

    fn from_records(all: impl Iterator<Item = u32>, records: usize) -> RecordSet {
        let mut bits = vec![0u64; records.div_ceil(64)];
        for record in all {
            bits[record as usize / 64] |= 1 << (record % 64);
        }
        RecordSet(bits)
    }

    fn holds(&self, record: u32) -> bool {
        self.0.get(record as usize / 64).is_some_and(|bits| bits & (1 << (record % 64)) != 0)
    }
}

/// A dense word's postings as sets: the records holding it, and those holding it in the name.
#[derive(Debug)]
struct Dense {
    holds: RecordSet,
    in_name: RecordSet,
}

impl Dense {
    fn of(postings: &[u32], records: usize) -> Dense {
        let record = |p: &u32| p & !IN_NAME;
        Dense {
            holds: RecordSet::from_records(postings.iter().map(record), records),
            in_name: RecordSet::from_records(postings.iter().filter(|&&p| p & IN_NAME != 0).map(record), records),
        }
    }

    /// Keeps the hits whose record holds the word, adding what the word is worth there.
    fn keep_holding(&self, hits: &mut Scored, fit: Fit) {
        hits.retain_mut(|(record, score)| {
            *score += self.worth_at(*record, fit);
            self.holds.holds(*record)
        });
    }

    /// `keep_holding` for a list not yet valued: only the records held are written out.
    fn holding<T: Copy>(&self, list: &[T], of: impl Fn(T) -> (u32, u32), fit: Fit) -> Scored {
        list.iter()
            .map(|&x| of(x))
            .filter(|&(record, _)| self.holds.holds(record))
            .map(|(record, score)| (record, score + self.worth_at(record, fit)))
            .collect()
    }

    /// What the word adds to a record holding it: more in its name.
    fn worth_at(&self, record: u32, fit: Fit) -> u32 {
        fit.worth(self.in_name.holds(record))
    }
}

/// The records in both lists, their scores added.
fn intersect_summing(a: &[(u32, u32)], b: &[(u32, u32)]) -> Scored {
    let same = |x| x;
    if a.len() <= b.len() { intersect_by(a, same, b, same) } else { intersect_by(b, same, a, same) }
}

/// The records in both lists (`a` the shorter), each read as (record, value) by its `of`,
/// their values added.
fn intersect_by<A: Copy, B: Copy>(a: &[A], of_a: impl Fn(A) -> (u32, u32), b: &[B], of_b: impl Fn(B) -> (u32, u32)) -> Scored {
    if b.len() > 16 * a.len() {
        return intersect_galloping(a, of_a, b, of_b);
    }
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (of_a(a[i]), of_b(b[j]));
        if x.0 == y.0 {
            out.push((x.0, x.1 + y.1));
        }
        // Each side steps past what it cannot match without a three-way branch: the order of
        // two long lists of records is a coin toss to the branch predictor.
        i += usize::from(x.0 <= y.0);
        j += usize::from(y.0 <= x.0);
    }
    out
}

/// `intersect_by` for a short list and a far longer one: each record of the short one is
/// looked for ahead in the long one by doubling steps, so a rare word next to a common one
/// ("quang" and "sản") costs what the rare one holds.
fn intersect_galloping<A: Copy, B: Copy>(
    short: &[A],
    of_short: impl Fn(A) -> (u32, u32),
    long: &[B],
    of: impl Fn(B) -> (u32, u32),
) -> Scored {
    let mut out = Vec::with_capacity(short.len());
    let mut rest = long;
    for (record, score) in short.iter().map(|&x| of_short(x)) {
        let mut step = 1;
        while step < rest.len() && of(rest[step]).0 < record {
            step *= 2;
        }
        let within = &rest[..(step + 1).min(rest.len())];
        rest = &rest[within.partition_point(|&r| of(r).0 < record)..];
        match rest.split_first() {
            Some((&found, after)) if of(found).0 == record => {
                out.push((record, score + of(found).1));
                rest = after;
            }
            Some(_) => {}
            None => break,
        }
    }
    out
}

/// The records in either list, each with the better of its scores.
fn union_keeping_best(a: &[(u32, u32)], b: &[(u32, u32)]) -> Scored {
    if a.is_empty() {
        return b.to_vec();
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let take_a = j == b.len() || (i < a.len() && a[i].0 <= b[j].0);
        let take_b = i == a.len() || (j < b.len() && b[j].0 <= a[i].0);
        match (take_a, take_b) {
            (true, true) => {
                out.push((a[i].0, a[i].1.max(b[j].1)));
                i += 1;
                j += 1;
            }
            (true, false) => {
                out.push(a[i]);
                i += 1;
            }
            _ => {
                out.push(b[j]);
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(names: &[(&str, &str)]) -> TextIndex {
        TextIndex::new(names.iter().map(|(name, other)| Document { name: (*name).to_owned(), other: (*other).to_owned() }))
    }

    fn found(index: &TextIndex, query: &str, synonyms: &Synonyms) -> Vec<u32> {
        let query = Query::parse(query, synonyms);
        best_first(index.search(&query, &leeway(&query, &KnownWords::of(&[index]))).unwrap_or_default())
            .into_iter()
            .map(|h| h.pos)
            .collect()
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
    fn a_word_another_index_holds_is_neither_unfinished_nor_a_typo() {
        let sites = index(&[("Cửa hàng Khánh Phát", ""), ("Điểm bán Hà Đông", "")]);
        let products = index(&[("Khăn lụa", "")]);
        let query = Query::parse("khăn", &Synonyms::default());
        let on_their_own = leeway(&query, &KnownWords::of(&[&sites]));
        assert_eq!(on_their_own, [Leeway { prefix: true, typo: false }], "a prefix of Khánh, so no typo either");
        let both = leeway(&query, &KnownWords::of(&[&sites, &products]));
        assert_eq!(both, [Leeway { prefix: false, typo: false }]);
        assert_eq!(sites.search(&query, &both).unwrap_or_default(), Vec::<Hit>::new());
        assert_eq!(sites.search(&query, &on_their_own).map(|h| h.len()), Some(1), "khanh, a word starting with khan");
        let mistyped = Query::parse("khanhh", &Synonyms::default());
        assert_eq!(leeway(&mistyped, &KnownWords::of(&[&sites, &products])), [Leeway { prefix: true, typo: true }]);
    }

    #[test]
    fn sparse_lists_intersect_and_unite_in_record_order() {
        let a = [(1, 5), (3, 2), (7, 1)];
        let b = [(3, 4), (4, 1), (7, 9)];
        assert_eq!(intersect_summing(&a, &b), [(3, 6), (7, 10)]);
        assert_eq!(union_keeping_best(&a, &b), [(1, 5), (3, 4), (4, 1), (7, 9)]);
        assert_eq!(union_keeping_best(&[], &b), b);
        assert_eq!(intersect_summing(&a, &[]), []);
        // A short list against a long one (galloping) finds what a merge finds.
        let long: Vec<(u32, u32)> = (0..2_000).filter(|r| r % 3 != 0).map(|r| (r, 1)).collect();
        for short in [vec![(0, 5)], vec![(1, 5), (3, 5), (1_999, 5)], vec![(2, 5), (600, 5), (601, 5), (1_500, 5), (5_000, 5)]] {
            let merged: Scored = short.iter().filter(|s| s.0 % 3 != 0 && s.0 < 2_000).map(|s| (s.0, 6)).collect();
            assert_eq!(intersect_summing(&short, &long), merged);
            assert_eq!(intersect_summing(&long, &short), merged);
        }
    }

    #[test]
    fn a_phrase_is_found_from_the_places_of_its_words() {
        let idx = index(&[("Trà xanh", ""), ("Xanh trà", ""), ("Hộp", "quà trà xanh"), ("Hộp", "trà quà xanh"), ("Trà", "xanh")]);
        let query = Query::parse("tra xanh", &Synonyms::default());
        let hits = idx.search(&query, &leeway(&query, &KnownWords::of(&[&idx]))).unwrap_or_default();
        let score = |pos: u32| hits.iter().find(|h| h.pos == pos).map_or(0, |h| h.score);
        assert!(score(0) > score(1), "in the name, the phrase first: {hits:?}");
        assert!(score(2) > score(3), "elsewhere too: {hits:?}");
        // Both words whole (6 each, four times in the name), and a phrase across the name's
        // end counts as one elsewhere (12).
        assert_eq!(score(4), 24 + 6 + 12);
        assert_eq!(hits.len(), 5);
    }

    #[test]
    fn a_prefix_of_few_or_of_many_records_keeps_each_records_best() {
        // 200 records: "tran…" words in a handful (sorted), "bat…" words in most (marked on a sheet).
        let names: Vec<(String, String)> = (0..200)
            .map(|i| {
                let name = if i % 40 == 0 { format!("Trang{i} Tranh{i}") } else { format!("Bát{i} Bàt{i} x{i}") };
                (name, if i % 3 == 0 { format!("batik{i}") } else { String::new() })
            })
            .collect();
        let idx = TextIndex::new(names.iter().map(|(name, other)| Document { name: name.clone(), other: other.clone() }));
        let hits = |text: &str| {
            let query = Query::parse(text, &Synonyms::default());
            idx.search(&query, &leeway(&query, &KnownWords::of(&[&idx]))).unwrap_or_default()
        };
        let few = hits("tran");
        assert_eq!(few.iter().map(|h| h.pos).collect::<Vec<_>>(), [0, 40, 80, 120, 160]);
        assert!(few.iter().all(|h| h.score == Fit::Prefix.value() * 4), "in the name, counted once: {few:?}");
        let many = hits("ba");
        assert_eq!(many.len(), 200 - 5 + 2, "every record but the five, and two of those by their other text");
        assert!(many.windows(2).all(|w| w[0].pos < w[1].pos), "in record order");
        let score = |pos: u32| many.iter().find(|h| h.pos == pos).map(|h| h.score);
        assert_eq!(score(1), Some(Fit::Prefix.value() * 4), "the name's match, the best");
        assert_eq!(score(0), Some(Fit::Prefix.value()), "batik, outside the name");
    }

    #[test]
    fn a_dense_word_is_matched_by_its_sets_as_by_its_postings() {
        // 640 records: "cửa hàng" in most names (dense), "gốm" in a tenth (sparse), "hang"
        // without marks and "cửa" outside the name in some.
        let docs: Vec<(String, String)> = (0..640)
            .map(|i| {
                let name = match i % 10 {
                    0 => format!("Gốm Cửa hàng {i}"),
                    1 => format!("Hang {i} cửa"),
                    2 => format!("Điểm bán {i}"),
                    _ => format!("Cửa hàng Hà Nội {i}"),
                };
                (name, if i % 7 == 0 { "cửa hàng gốm".to_owned() } else { String::new() })
            })
            .collect();
        let build = || TextIndex::new(docs.iter().map(|(name, other)| Document { name: name.clone(), other: other.clone() }));
        let dense = build();
        let mut sparse = build();
        sparse.folded.dense.clear();
        sparse.exact.dense.clear();
        assert!(dense.folded.dense.len() >= 2 && dense.exact.dense.len() >= 2, "cửa and hàng are dense");
        for text in ["cửa hàng", "cua hang", "hàng cửa", "gốm cửa", "cửa gốm hàng", "hang", "hàng", "hà nội cửa", "bán cửa"]
        {
            let query = Query::parse(text, &Synonyms::default());
            let (with_sets, with_postings) = (
                dense.search(&query, &leeway(&query, &KnownWords::of(&[&dense]))),
                sparse.search(&query, &leeway(&query, &KnownWords::of(&[&sparse]))),
            );
            assert_eq!(with_sets, with_postings, "{text}");
            assert!(with_sets.is_some_and(|hits| !hits.is_empty()), "{text}");
        }
    }

    #[test]
    fn hits_read_one_by_one_are_the_hits_of_a_search() {
        // Dense and sparse words, in the name and not, with and without marks, and queries
        // that take the general path (phrases, synonyms, prefixes of several words).
        let docs: Vec<(String, String)> = (0..400)
            .map(|i| {
                let name = match i % 5 {
                    0 => format!("Gốm Cửa hàng {i}"),
                    1 => format!("Góm trà {i} cửa"),
                    2 => format!("Trà sen {i}"),
                    _ => format!("Cửa hàng Hà Nội {i}"),
                };
                (name, if i % 7 == 0 { "gom tra cua hang".to_owned() } else { String::new() })
            })
            .collect();
        let idx = TextIndex::new(docs.iter().map(|(name, other)| Document { name: name.clone(), other: other.clone() }));
        let synonyms = Synonyms::parse("trà, tea");
        for text in ["gốm", "gom", "góm", "cửa", "cua", "hàng", "hà", "trà", "tea", "sen", "gốm cửa", "ha noi", "h", "tràa", "xyz", ""]
        {
            let query = Query::parse(text, &synonyms);
            let leeway = leeway(&query, &KnownWords::of(&[&idx]));
            let mut each = Vec::new();
            let searched = idx.search_each(&query, &leeway, |hit| each.push(hit));
            assert_eq!(searched.then_some(each), idx.search(&query, &leeway), "{text}");
        }
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

    #[test]
    fn a_two_word_phrase_from_the_pairs_agrees_with_the_places_of_its_words() {
        // Short random texts over few words: pairs repeat, in names, across the name's end,
        // twice in one record.
        let vocabulary = ["trà", "tra", "xanh", "hộp", "quà", "sen", "gốm"];
        let mut rng = crate::domain::rng::SeededRng::new(11);
        let text = |rng: &mut crate::domain::rng::SeededRng| -> String {
            let len = rng.below(5);
            (0..len).map(|_| *rng.pick(&vocabulary)).collect::<Vec<_>>().join(" ")
        };
        let documents: Vec<(String, String)> = (0..300).map(|_| (text(&mut rng), text(&mut rng))).collect();
        let idx = TextIndex::new(documents.iter().map(|(name, other)| Document { name: name.clone(), other: other.clone() }));
        let whole = |word: &str| Resolved {
            ids: vec![idx.folded.id(word).map_or(0..0, |id| id..id + 1)].into_iter().map(|r| (r, Fit::Whole)).collect(),
            exact_only: false,
            marked: None,
        };
        let every: Vec<Hit> = (0..idx.len() as u32).map(|pos| Hit { pos, score: 0 }).collect();
        let mut compared = 0;
        for a in ["tra", "xanh", "hop", "qua", "sen", "gom"] {
            for b in ["tra", "xanh", "hop", "qua", "sen", "gom"] {
                let (a, b) = (whole(a), whole(b));
                let from_pairs = idx.phrase_bonuses(&[&a, &b], &every);
                let from_places = idx.placed_bonuses(&[&a, &b], &RecordSet::of(&every, idx.len()));
                assert_eq!(from_pairs, from_places);
                compared += from_pairs.len();
            }
        }
        assert!(compared > 300, "phrases were found: {compared}");
    }
}
