//! The one scanner: every lexicon entry (place, actor and person aliases now;
//! trigger, month and number words as later stages register theirs) compiled
//! into one Aho-Corasick automaton and searched only where a word starts,
//! through Arabic proclitics.
//!
//! # Why anchored searches at word starts
//!
//! A bare unanchored scan reports every short name inside longer words (a raw
//! hit every few dozen bytes with a large gazetteer) and must then throw most
//! of them away; worse, a leftmost-longest scan can let a spurious in-word hit
//! swallow the real name that starts after it. rasad instead walks the word
//! starts of the normalized text and, at each, runs a few *anchored* searches:
//! one at the word start and one after each possible chain of proclitics
//! (و ف, then ب ك ل, then the article ال). Every report then starts where a
//! word or a name after its clitics starts, and the longest name that also ends
//! on a word boundary wins.
//!
//! After the preposition ل the article loses its alef (ل + الرقة → للرقة), so
//! each alias that starts with ال is also compiled without its alef and that
//! variant is accepted only right after a ل.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use std::collections::HashMap;

use crate::normalize::Normalizer;
use crate::span::Span;

/// What a lexicon entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Tag {
    /// A place of the gazetteer.
    Place,
    /// An actor (group, force, state) of the gazetteer.
    Actor,
    /// A person of the gazetteer.
    Person,
    /// A generic group noun that refers back to an actor (التنظيم، الجماعة).
    Anaphor,
    /// An event trigger phrase.
    Trigger,
    /// A place outside Syria and Iraq (`gazetteers/abroad.tsv`): not an
    /// entity of its own, only evidence that a sentence speaks of elsewhere.
    Abroad,
}

/// One entry behind an alias: what it is and its index in its own table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entry {
    /// What the entry is.
    pub tag: Tag,
    /// Its index in the table of its tag (e.g. the gazetteer's places).
    pub index: u32,
}

/// Collects aliases, then compiles them into a [`Lexicon`].
#[derive(Clone, Debug)]
pub struct LexiconBuilder {
    normalizer: Normalizer,
    by_pattern: HashMap<(String, bool), usize>,
    patterns: Vec<Pattern>,
}

#[derive(Clone, Debug)]
struct Pattern {
    text: String,
    entries: Vec<Entry>,
    /// The alef of a leading article is dropped: valid only after ل.
    elided: bool,
}

impl Default for LexiconBuilder {
    fn default() -> Self {
        LexiconBuilder::new()
    }
}

impl LexiconBuilder {
    /// An empty builder that normalizes aliases with rasad's default normalizer.
    pub fn new() -> LexiconBuilder {
        LexiconBuilder { normalizer: Normalizer::new(), by_pattern: HashMap::new(), patterns: Vec::new() }
    }

    /// Registers `alias` for `entry`. The alias is normalized first; an alias
    /// that normalizes to nothing is ignored and `false` is returned. An alias
    /// shared by several entries keeps all of them, in the order added.
    pub fn add(&mut self, alias: &str, entry: Entry) -> bool {
        let norm = self.normalizer.normalize_str(alias.trim());
        // Searches start where words start: a leading ‘ or ` of a
        // transliteration ("‘Afrin") is not part of the word.
        let norm = norm.trim().trim_start_matches(|c: char| !crate::normalize::is_word_char(c));
        if norm.is_empty() {
            return false;
        }
        if let Some(rest) = norm.strip_prefix("ال") {
            if !rest.is_empty() {
                self.insert(format!("ل{rest}"), true, entry);
            }
        }
        self.insert(norm.to_string(), false, entry);
        true
    }

    fn insert(&mut self, text: String, elided: bool, entry: Entry) {
        let key = (text, elided);
        match self.by_pattern.get(&key) {
            Some(&i) => {
                let entries = &mut self.patterns[i].entries;
                if !entries.contains(&entry) {
                    entries.push(entry);
                }
            }
            None => {
                self.by_pattern.insert(key.clone(), self.patterns.len());
                self.patterns.push(Pattern { text: key.0, entries: vec![entry], elided });
            }
        }
    }

    /// The number of distinct (normalized) patterns registered so far.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when nothing was registered.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Compiles the automaton.
    ///
    /// # Errors
    ///
    /// Only when the automaton would exceed Aho-Corasick's internal limits
    /// (millions of patterns); the error says so.
    pub fn build(self) -> Result<Lexicon, LexiconError> {
        // A contiguous NFA walked by hand from an anchored start: no
        // per-search set-up, and 30 times smaller than a DFA (BENCHMARKS.md).
        let nfa = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .dense_depth(3)
            .build(self.patterns.iter().map(|p| p.text.as_bytes()))
            .map_err(|e| LexiconError { message: e.to_string() })?;
        let first_runs = FirstRuns::new(&nfa, &self.patterns)?;
        Ok(Lexicon { nfa, patterns: self.patterns, first_runs })
    }
}

/// The lexicon could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot compile the lexicon automaton: {}", self.message)
    }
}

impl std::error::Error for LexiconError {}

/// A compiled lexicon: immutable, `Send + Sync`, searched with [`Lexicon::scan`].
#[derive(Clone, Debug)]
pub struct Lexicon {
    nfa: NFA,
    patterns: Vec<Pattern>,
    first_runs: FirstRuns,
}

/// Where each anchored search starts: the word (from the search start to the
/// word's end) looked up whole, and the automaton entered at the state it
/// reaches, so that most searches never touch the automaton (whose states,
/// 4 MB with the full gazetteer, miss the cache).
///
/// A match at a word start must begin with the whole word as the scanner reads
/// it: the pattern's first run of word characters ends where the pattern ends
/// or where a non-word character (space, dot, hyphen) follows, and the text
/// must hold the same character there. So the text's word must *equal* the
/// first run of some pattern, and every match found starts by walking that
/// run. This table holds each distinct first run with the anchored state after
/// it; a search whose word is not in it is over, and the others walk on from
/// the word's end, not from its first byte.
///
/// The lookup is two steps: one bit per hashed run in a cache-resident bit
/// table (a clear bit ends 80 % of the searches on news), then an
/// open-addressing table that compares the run's bytes exactly.
#[derive(Clone, Debug)]
struct FirstRuns {
    bits: Vec<u64>,
    slots: Vec<Slot>,
    /// The runs' bytes, which slots point into.
    keys: Vec<u8>,
}

#[derive(Clone, Copy, Debug)]
struct Slot {
    /// Low bits of the run's hash (0 marks an empty slot, see `check`).
    check: u32,
    key_at: u32,
    key_len: u32,
    state: StateID,
}

impl FirstRuns {
    const BITS: u32 = 20;

    fn new(nfa: &NFA, patterns: &[Pattern]) -> Result<FirstRuns, LexiconError> {
        let mut runs: Vec<&[u8]> =
            patterns.iter().map(|p| &p.text.as_bytes()[..first_run_end(&p.text, 0)]).collect();
        runs.sort_unstable();
        runs.dedup();
        let capacity = (runs.len() * 2).next_power_of_two().max(16);
        let start = nfa.start_state(Anchored::Yes).map_err(|e| LexiconError { message: e.to_string() })?;
        let empty = Slot { check: 0, key_at: 0, key_len: 0, state: start };
        let mut table = FirstRuns {
            bits: vec![0; (1 << Self::BITS) / 64],
            slots: vec![empty; capacity],
            keys: Vec::new(),
        };
        for run in runs {
            // A run is a prefix of a pattern: the anchored walk never dies.
            let state = run.iter().fold(start, |sid, &b| nfa.next_state(Anchored::Yes, sid, b));
            let h = hash_bytes(run);
            let bit = (h >> (64 - Self::BITS)) as usize;
            table.bits[bit / 64] |= 1 << (bit % 64);
            let mut i = table.home(h);
            while table.slots[i].check != 0 {
                i = (i + 1) & (capacity - 1);
            }
            let too_big = |_| LexiconError { message: "lexicon patterns exceed 4 GB".to_string() };
            table.slots[i] = Slot {
                check: Self::check(h),
                key_at: u32::try_from(table.keys.len()).map_err(too_big)?,
                key_len: u32::try_from(run.len()).map_err(too_big)?,
                state,
            };
            table.keys.extend_from_slice(run);
        }
        Ok(table)
    }

    /// The slot a hash starts probing at (high bits below the bit table's).
    #[inline]
    fn home(&self, h: u64) -> usize {
        (h >> (64 - Self::BITS - 24)) as usize & (self.slots.len() - 1)
    }

    #[inline]
    fn check(h: u64) -> u32 {
        (h as u32) | 1
    }

    /// The anchored state after `word` (the text from the search start to
    /// the end of its word), or `None` when no pattern starts with it.
    #[inline(always)]
    fn state_after(&self, word: &[u8]) -> Option<StateID> {
        let h = hash_bytes(word);
        let bit = (h >> (64 - Self::BITS)) as usize;
        if self.bits[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let check = Self::check(h);
        let mut i = self.home(h);
        loop {
            let slot = self.slots[i];
            if slot.check == 0 {
                return None;
            }
            if slot.check == check && slot.key_len as usize == word.len() {
                let at = slot.key_at as usize;
                if self.keys.get(at..at + word.len()).is_some_and(|key| same_bytes(key, word)) {
                    return Some(slot.state);
                }
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    fn memory_usage(&self) -> usize {
        self.bits.len() * 8 + self.slots.len() * std::mem::size_of::<Slot>() + self.keys.len()
    }
}

/// A multiplicative hash over 8-byte chunks (FxHash's mixing); the last
/// chunk is read overlapping, so no byte is copied.
#[inline]
fn hash_bytes(key: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ u64_at(c, 0)).wrapping_mul(K);
    }
    if !chunks.remainder().is_empty() {
        let tail = if key.len() >= 8 { u64_at(key, key.len() - 8) } else { ends_bits(key) };
        h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    }
    h
}

/// `a == b` for two slices of the same length, eight bytes at a time (the
/// last eight read overlapping): runs are short, and a call to `bcmp` cost
/// more than the comparison.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return ends_bits(a) == ends_bits(b);
    }
    let mut k = 0;
    while k + 8 < n {
        if u64_at(a, k) != u64_at(b, k) {
            return false;
        }
        k += 8;
    }
    u64_at(a, n - 8) == u64_at(b, n - 8)
}

/// The eight bytes at `at` (which must lie in `s`), little-endian.
#[inline]
fn u64_at(s: &[u8], at: usize) -> u64 {
    s.get(at..at + 8).and_then(|c| c.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// The first and last four bytes of a slice, packed (two 4-byte reads,
/// overlapping below 8 bytes), or its first, middle and last byte below 4.
/// Below 8 bytes, equal lengths and equal bits mean equal bytes; the word
/// tables of the readers (`token::WordMap`) hash longer words from it too.
#[inline]
pub(crate) fn ends_bits(k: &[u8]) -> u64 {
    let n = k.len();
    let u32_at = |at: usize| k.get(at..at + 4).and_then(|c| c.try_into().ok()).map_or(0, u32::from_le_bytes);
    if n >= 4 {
        u64::from(u32_at(0)) | u64::from(u32_at(n - 4)) << 32
    } else if n > 0 {
        u64::from(k[0]) | u64::from(k[n / 2]) << 8 | u64::from(k[n - 1]) << 16
    } else {
        0
    }
}

/// Where the run of word characters that starts at `i` ends.
#[inline]
fn first_run_end(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let (word, len) = word_char_at(text, i);
        if !word {
            break;
        }
        i += len;
    }
    i
}

/// A lexicon match in the *normalized* text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Where the word starts, clitics included.
    pub start: usize,
    /// Where the name starts, after its clitics.
    pub name_start: usize,
    /// Where the name (and the word) ends.
    pub end: usize,
    pattern: u32,
}

impl Hit {
    /// The whole word, clitics included (normalized offsets).
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The name without its clitics (normalized offsets).
    pub fn name_span(&self) -> Span {
        Span::new(self.name_start, self.end)
    }

    /// The proclitics in front of the name, as written in normalized text
    /// (`"ب"`, `"وال"`, `"ل"` for للرقة), or `None`.
    pub fn clitic<'t>(&self, normalized: &'t str) -> Option<&'t str> {
        (self.name_start > self.start).then(|| &normalized[self.start..self.name_start])
    }
}

impl Lexicon {
    /// The entries behind a hit, in the order they were registered.
    pub fn entries(&self, hit: &Hit) -> &[Entry] {
        &self.patterns[hit.pattern as usize].entries
    }

    /// The normalized alias a hit matched.
    pub fn pattern(&self, hit: &Hit) -> &str {
        &self.patterns[hit.pattern as usize].text
    }

    /// Every compiled pattern (normalized aliases, and the alef-less
    /// variants of those that start with the article).
    pub fn patterns(&self) -> impl Iterator<Item = &str> {
        self.patterns.iter().map(|p| p.text.as_str())
    }

    /// The number of compiled patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when the lexicon has no pattern.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Heap memory of the automaton and the table of first words, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.nfa.memory_usage() + self.first_runs.memory_usage()
    }

    /// Every hit in `normalized` (text produced by rasad's normalizer), in
    /// text order, not overlapping: at each word start the longest name that
    /// ends on a word boundary wins, and the scan goes on after it.
    pub fn scan(&self, normalized: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.scan_into(normalized, &mut hits);
        hits
    }

    /// Like [`Lexicon::scan`], appending to a reusable vector.
    pub fn scan_into(&self, text: &str, hits: &mut Vec<Hit>) {
        self.scan_with(text, |hit| {
            hits.push(hit);
            true
        });
    }

    /// Calls `accept` with each hit, in text order. When it returns `false`
    /// (the caller found no reading of the hit: a village name without its
    /// cue), the hit is dropped and the scan goes on from the next word, so
    /// that a rejected long name does not hide the names inside it.
    pub fn scan_with(&self, text: &str, mut accept: impl FnMut(Hit) -> bool) {
        self.walk(text, |hit| if accept(hit) { Flow::Accept } else { Flow::Reject });
    }

    /// True when some pattern matches at a word start of `normalized`; stops
    /// at the first. (Extraction asks the trigger lexicon first: a document
    /// without a trigger has no event.)
    pub fn is_match(&self, normalized: &str) -> bool {
        let mut found = false;
        self.walk(normalized, |_| {
            found = true;
            Flow::Stop
        });
        found
    }

    fn walk(&self, text: &str, mut f: impl FnMut(Hit) -> Flow) {
        if self.patterns.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let (word, len) = word_char_at(text, i);
            if !word {
                i += len;
                continue;
            }
            // A word starts at i: search there, then go on after the hit or
            // after the word (no word starts inside it).
            let word_end = first_run_end(text, i + len);
            i = match self.at_word_start(text, i, word_end) {
                Some(hit) => match f(hit) {
                    Flow::Accept => hit.end,
                    Flow::Reject => word_end,
                    Flow::Stop => return,
                },
                None => word_end,
            };
        }
    }

    #[inline(always)]
    fn at_word_start(&self, text: &str, w: usize, word_end: usize) -> Option<Hit> {
        let bytes = text.as_bytes();
        let mut best: Option<Hit> = None;
        let (splits, n) = clitic_splits(text, w);
        for &split in &splits[..n] {
            let Some(mut sid) = self.first_runs.state_after(&bytes[split.at..word_end]) else { continue };
            // The walk resumes at the word's end, a boundary; a match inside
            // the word would not end on one.
            let mut end = word_end;
            loop {
                if self.nfa.is_match(sid) && is_boundary(text, end) {
                    self.consider(sid, split, w, end, &mut best);
                }
                let Some(&b) = bytes.get(end) else { break };
                sid = self.nfa.next_state(Anchored::Yes, sid, b);
                if self.nfa.is_dead(sid) {
                    break;
                }
                end += 1;
            }
        }
        best
    }

    /// Keeps in `best` the patterns of match state `sid` that span
    /// `split.at..end`, when they are valid after the split's clitics.
    fn consider(&self, sid: StateID, split: Split, w: usize, end: usize, best: &mut Option<Hit>) {
        for m in 0..self.nfa.match_len(sid) {
            let pid = self.nfa.match_pattern(sid, m);
            // Standard semantics also report suffixes: keep what starts here.
            if self.nfa.pattern_len(pid) != end - split.at {
                continue;
            }
            let p = &self.patterns[pid.as_usize()];
            if (p.elided && !split.after_lam) || (split.article && p.text.starts_with("ال")) {
                continue;
            }
            // A place name is written with its article or without it:
            // ال + سلميه is "the peaceful", not Salamiyah.
            if split.article && p.entries.iter().all(|e| e.tag == Tag::Place) {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => end > b.end || (end == b.end && split.at < b.name_start),
            };
            if better {
                *best = Some(Hit { start: w, name_start: split.at, end, pattern: pid.as_u32() });
            }
        }
    }
}

/// What a scan does after a hit.
enum Flow {
    /// Keep the hit, go on after it.
    Accept,
    /// Drop the hit, go on at the next word.
    Reject,
    /// Stop scanning.
    Stop,
}

/// Where a name may start after the proclitics of the word at `w`.
#[derive(Clone, Copy, Debug)]
struct Split {
    at: usize,
    /// The last clitic is the preposition ل (so an elided article may follow).
    after_lam: bool,
    /// The article ال was taken as a clitic.
    article: bool,
}

const WAW: &[u8] = "و".as_bytes();
const FA: &[u8] = "ف".as_bytes();
const BA: &[u8] = "ب".as_bytes();
const KAF: &[u8] = "ك".as_bytes();
const LAM: &[u8] = "ل".as_bytes();
const ARTICLE: &[u8] = "ال".as_bytes();

/// Where a name may start after the proclitics of the word at `w`: the word
/// itself, then after each clitic of its chain, in order: the conjunction
/// و/ف, the preposition ب/ك/ل, the article ال (not after ل, where it is
/// written لل and elided variants match). A clitic letter is never another
/// clitic's letter, so the chain is one path: at most four splits.
#[inline]
fn clitic_splits(text: &str, w: usize) -> ([Split; 4], usize) {
    let bytes = text.as_bytes();
    let at = |k: usize, c: &[u8]| bytes.get(k..k + c.len()) == Some(c);
    let plain = Split { at: w, after_lam: false, article: false };
    let mut out = [plain; 4];
    let mut n = 1;
    let mut k = w;
    if at(k, WAW) || at(k, FA) {
        k += 2;
        out[n] = Split { at: k, after_lam: false, article: false };
        n += 1;
    }
    let mut after_lam = false;
    if at(k, BA) || at(k, KAF) || at(k, LAM) {
        after_lam = at(k, LAM);
        k += 2;
        out[n] = Split { at: k, after_lam, article: false };
        n += 1;
    }
    if !after_lam && at(k, ARTICLE) {
        out[n] = Split { at: k + 4, after_lam: false, article: true };
        n += 1;
    }
    (out, n)
}

/// Whether the char at `i` continues a word, and its length.
#[inline(always)]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (b.is_ascii_alphanumeric(), 1);
    }
    if (0xD8..=0xDB).contains(&b) {
        if let Some(&c) = bytes.get(i + 1) {
            return (!crate::normalize::ends_word_in_arabic_block(b, c), 2);
        }
    }
    other_char_at(text, i)
}

#[cold]
#[inline(never)]
fn other_char_at(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (crate::normalize::is_word_char(c), c.len_utf8().max(1))
}

/// True when `i` is the end of the text or the char there does not continue a word.
#[inline]
fn is_boundary(text: &str, i: usize) -> bool {
    i >= text.len() || (text.is_char_boundary(i) && !word_char_at(text, i).0)
}

/// The proclitic sequences rasad strips, as `'static` strings (normalized).
pub(crate) fn static_clitic(c: &str) -> &'static str {
    const ALL: &[&str] = &[
        "و", "ف", "ب", "ك", "ل", "ال", "وب", "فب", "وك", "فك", "ول", "فل", "وال", "فال", "بال", "كال",
        "وبال", "فبال", "وكال", "فكال",
    ];
    ALL.iter().copied().find(|a| *a == c).unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(aliases: &[&str]) -> Lexicon {
        let mut b = LexiconBuilder::new();
        for (i, a) in aliases.iter().enumerate() {
            b.add(a, Entry { tag: Tag::Place, index: i as u32 });
        }
        b.build().unwrap()
    }

    fn found(lex: &Lexicon, text: &str) -> Vec<(String, Option<String>)> {
        let norm = Normalizer::new().normalize_str(text);
        lex.scan(&norm)
            .iter()
            .map(|h| (lex.pattern(h).to_string(), h.clitic(&norm).map(str::to_string)))
            .collect()
    }

    /// The scanner's words end where the normalizer's test says (the test
    /// itself: `normalize::tests::arabic_block_punctuation`).
    #[test]
    fn words_end_at_arabic_punctuation() {
        for c in '\u{600}'..='\u{6FF}' {
            let b = c.to_string().into_bytes();
            let ends = crate::normalize::ends_word_in_arabic_block(b[0], b[1]);
            assert_eq!(word_char_at(&c.to_string(), 0), (!ends, 2), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn clitics_and_boundaries() {
        let lex = lexicon(&["إدلب", "الرقة", "تدمر"]);
        assert_eq!(found(&lex, "بإدلب")[0].1.as_deref(), Some("ب"));
        assert_eq!(found(&lex, "للرقة")[0], ("لرقه".to_string(), Some("ل".to_string())));
        assert_eq!(found(&lex, "ولتدمر")[0].1.as_deref(), Some("ول"));
        assert!(found(&lex, "إدلبي").is_empty());
        assert!(found(&lex, "لرقة").is_empty(), "elided article without a preposition");
    }

    /// A word equal to the first word of a longer name only is no hit; the
    /// name is found after clitics, and names with a hyphen or a dot.
    #[test]
    fn first_words_of_longer_names() {
        let lex = lexicon(&["عين عيسى", "al-bab", "ق.س.د", "عين العرب"]);
        assert!(found(&lex, "في عين الماء").is_empty());
        assert_eq!(found(&lex, "وعين عيسى")[0], ("عين عيسي".to_string(), Some("و".to_string())));
        assert_eq!(found(&lex, "بعين العرب")[0].0, "عين العرب");
        assert_eq!(found(&lex, "in al-bab")[0].0, "al-bab");
        assert!(found(&lex, "al bab").is_empty());
        assert_eq!(found(&lex, "قوات ق.س.د امس")[0].0, "ق.س.د");
    }

    /// Every run of a large table is found, with the state it leads to, and
    /// words that are not runs (prefixes, extensions, near misses) are not.
    #[test]
    fn first_run_table_is_exact() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}x")).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let lex = lexicon(&refs);
        for w in &words {
            let sid = lex.first_runs.state_after(w.as_bytes()).expect(w);
            assert!(lex.nfa.is_match(sid), "{w}");
            for miss in [&w[..w.len() - 1], &format!("{w}x")[..], &w.replace('x', "y")[..]] {
                assert!(lex.first_runs.state_after(miss.as_bytes()).is_none(), "{miss}");
            }
        }
    }

    /// `is_match` agrees with `scan` and stops at the first hit.
    #[test]
    fn is_match_agrees_with_scan() {
        let lex = lexicon(&["إدلب", "الرقة"]);
        for text in ["هجوم في ادلب امس", "وصلوا للرقه", "لا شيء هنا", "", "ادلبي", "   "]
        {
            assert_eq!(lex.is_match(text), !lex.scan(text).is_empty(), "{text}");
        }
        assert!(!lexicon(&[]).is_match("ادلب"));
    }

    /// The first-word filter may only skip searches that cannot match: every
    /// pattern of the embedded lexicon (gazetteers, triggers) and a set of
    /// awkward shapes (one letter, short keys with a space or hyphen, Latin,
    /// names in ال) is found where it stands alone between two words.
    #[test]
    fn first_word_filter_never_hides_a_pattern() {
        let awkward = ["ب", "ال كان", "al-bab", "T4", "حي", "الم", "عين عيسى", "ana", "الباب", "باب"];
        let mut b = LexiconBuilder::new();
        for (i, a) in awkward.iter().enumerate() {
            b.add(a, Entry { tag: Tag::Place, index: i as u32 });
        }
        crate::gazetteer::Gazetteer::embedded().register(&mut b);
        let lex = b.build().unwrap();
        let mut missed = Vec::new();
        for p in &lex.patterns {
            let text = if p.elided {
                format!("قال ل{} امس", p.text)
            } else {
                format!("قال {} امس", p.text)
            };
            let start = "قال ".len();
            let ok = lex.scan(&text).iter().any(|h| h.start == start && h.end >= text.len() - " امس".len());
            if !ok {
                missed.push(p.text.clone());
            }
        }
        assert!(
            missed.is_empty(),
            "{} patterns not found, e.g. {:?}",
            missed.len(),
            &missed[..missed.len().min(20)]
        );
    }
}
