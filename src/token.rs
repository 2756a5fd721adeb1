//! Tokens of normalized text: words, digit runs and punctuation, with their
//! spans. Shared by the readers of dates, numbers and events, which work on
//! short sequences of words (a number and its bound, a day and its month).

use crate::normalize::{CharClass, classify};
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A run of letters (and marks).
    Word,
    /// A run of ASCII digits (normalized text has only ASCII digits).
    Digits,
    /// One punctuation or symbol character.
    Punct,
}

/// A token: its kind and its span in the normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Where it is in the normalized text.
    pub span: Span,
    /// True when whitespace comes right before it (false at text start).
    pub space_before: bool,
    /// True when a line break comes right before it.
    pub newline_before: bool,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, normalized: &'t str) -> &'t str {
        &normalized[self.span]
    }

    /// True for a word.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Splits normalized text into tokens.
///
/// ```
/// use rasad::token::{tokenize, TokenKind};
/// let text = "قتل 25 شخصا، امس";
/// let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::Word, TokenKind::Digits, TokenKind::Word, TokenKind::Punct, TokenKind::Word]);
/// ```
pub fn tokenize(normalized: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(normalized.len() / 6);
    tokenize_into(normalized, &mut out);
    out
}

/// Like [`tokenize`], appending to a reusable vector.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space = false;
    let mut newline = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            space = true;
            newline |= b == b'\n';
            i += 1;
            continue;
        }
        let (class, len) = class_at(text, i);
        let start = i;
        let kind = match class {
            Class::Digit => {
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                TokenKind::Digits
            }
            Class::Letter => {
                i += len;
                while i < bytes.len() {
                    let (c, l) = class_at(text, i);
                    if c != Class::Letter {
                        break;
                    }
                    i += l;
                }
                TokenKind::Word
            }
            Class::Space => {
                space = true;
                i += len;
                continue;
            }
            Class::Other => {
                i += len;
                TokenKind::Punct
            }
        };
        out.push(Token { kind, span: Span::new(start, i), space_before: space, newline_before: newline });
        space = false;
        newline = false;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Space,
    Other,
}

#[inline(always)]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        let c = if b.is_ascii_alphabetic() {
            Class::Letter
        } else if b.is_ascii_digit() {
            Class::Digit
        } else if b.is_ascii_whitespace() {
            Class::Space
        } else {
            Class::Other
        };
        return (c, 1);
    }
    // The Arabic block (two bytes, D8–DB): letters and marks, but for its
    // punctuation (، ؛ ؟ ٪ ۔) — decided without Unicode tables.
    if (0xD8..=0xDB).contains(&b) {
        if let Some(&c) = bytes.get(i + 1) {
            let punct = crate::normalize::ends_word_in_arabic_block(b, c);
            return (if punct { Class::Other } else { Class::Letter }, 2);
        }
    }
    other_class_at(text, i)
}

#[cold]
#[inline(never)]
fn other_class_at(text: &str, i: usize) -> (Class, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    let class = match classify(c) {
        CharClass::Letter | CharClass::Mark => Class::Letter,
        // Normalized text has only ASCII digits; other scripts' digits are letters of words here.
        CharClass::Digit => Class::Letter,
        CharClass::Space => Class::Space,
        CharClass::Punctuation | CharClass::Other => Class::Other,
    };
    (class, c.len_utf8())
}

/// The ways a word can be split into proclitics and a stem, longest stem
/// first: `وبالرقه` → `وبالرقه`, `بالرقه`, `الرقه`, `رقه`. Each item is the
/// byte length of the clitics and the stem.
pub fn clitic_stems(word: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out: [Option<(usize, &str)>; 6] = [None; 6];
    let mut n = 0;
    out[n] = Some((0, word));
    n += 1;
    let mut at = 0;
    let mut rest = word;
    for set in [&["و", "ف"][..], &["ب", "ل", "ك"][..], &["ال"][..]] {
        if let Some(c) = set.iter().find(|c| rest.starts_with(**c) && rest.len() > c.len() + 2) {
            at += c.len();
            rest = &rest[c.len()..];
            out[n] = Some((at, rest));
            n += 1;
        }
    }
    // ل + ال is written لل: the stem after لل takes its article back only in
    // the lexicon; here the bare stem is enough.
    if word.starts_with("لل") && word.len() > 6 {
        out[n] = Some((4, &word[4..]));
    }
    out.into_iter().flatten()
}

/// A table of words for the token readers (time words, number words, cue
/// words, place-kind words): a hash map behind a 4,096-bit filter, so that
/// the many words that are in no table are turned away by one multiply and
/// one bit test, without hashing the whole word or touching the map.
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    /// One bit per hashed word.
    words: Bits,
    /// One bit per word's last four bytes (all of a shorter word's): the
    /// stems of a word all end where it ends, so one test serves them all.
    ends: Bits,
    /// Bit n set: some word is n < 4 bytes long.
    short: u8,
    map: rustc_hash::FxHashMap<&'static str, V>,
}

/// 4,096 bits, one per key hashed from its length and its first and last
/// four bytes (a filter: the map compares whole words).
#[derive(Clone, Debug)]
struct Bits([u64; 64]);

impl Bits {
    #[inline]
    fn slot(key: &[u8]) -> usize {
        let x = crate::lexicon::ends_bits(key) ^ key.len() as u64;
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
    }

    fn insert(&mut self, key: &[u8]) {
        let h = Self::slot(key);
        self.0[h / 64] |= 1 << (h % 64);
    }

    #[inline]
    fn has(&self, key: &[u8]) -> bool {
        let h = Self::slot(key);
        self.0[h / 64] & (1 << (h % 64)) != 0
    }
}

impl<V> WordMap<V> {
    /// The map of `entries`; a word given twice keeps its last value.
    pub(crate) fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        let mut m = WordMap { words: Bits([0; 64]), ends: Bits([0; 64]), short: 0, map: Default::default() };
        for (w, v) in entries {
            let b = w.as_bytes();
            m.words.insert(b);
            m.ends.insert(&b[b.len().saturating_sub(4)..]);
            if b.len() < 4 {
                m.short |= 1 << b.len();
            }
            m.map.insert(w, v);
        }
        m
    }

    /// The first answer of `f` for the stems of `word` (see
    /// [`clitic_stems`]) that are in the table, longest stem first; `f` gets
    /// the byte length of the stem's clitics and its value. The word's ending
    /// is tested once for all stems first, so most words cost one bit test.
    #[inline]
    pub(crate) fn find_stem<R>(&self, word: &str, mut f: impl FnMut(usize, &V) -> Option<R>) -> Option<R> {
        if !self.may_hold_stem_of(word) {
            return None;
        }
        clitic_stems(word).find_map(|(at, stem)| self.get(stem).and_then(|v| f(at, v)))
    }

    /// False when no stem of `word` (a suffix: the word without proclitics,
    /// see [`clitic_stems`]) can be in the table; one test for all stems.
    #[inline]
    fn may_hold_stem_of(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let n = b.len();
        if n >= 4 && self.ends.has(&b[n - 4..]) {
            return true;
        }
        self.short != 0 && (1..4).any(|k| self.short & (1 << k) != 0 && n >= k && self.ends.has(&b[n - k..]))
    }

    /// The value of `word`, if it is in the table.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        if !self.words.has(word.as_bytes()) {
            return None;
        }
        self.map.get(word)
    }

    /// True when `word` is in the table.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Every word of the table.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.map.keys().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Arabic block's punctuation (as `normalize::ends_word_in_arabic_block`
    /// says) is a token of its own; its letters and marks are words.
    #[test]
    fn arabic_block_classes() {
        for c in '\u{600}'..='\u{6FF}' {
            let b = c.to_string().into_bytes();
            let ends = crate::normalize::ends_word_in_arabic_block(b[0], b[1]);
            let want = if ends { TokenKind::Punct } else { TokenKind::Word };
            assert_eq!(tokenize(&c.to_string())[0].kind, want, "U+{:04X}", c as u32);
        }
    }

    /// The filter never turns away a word of the map, and a word that only
    /// shares its length and its first and last four bytes with one is
    /// still not in it.
    #[test]
    fn word_map_finds_its_words_only() {
        let words = ["امس", "الاحد", "كانون الاول", "ب", "may", "الثلاثاء", "الثلاثين"];
        let m = WordMap::new(words.iter().enumerate().map(|(i, w)| (*w, i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&i), "{w}");
        }
        for w in ["", "ام", "امسي", "الاحدث", "كانون الثاني", "بب", "mayo", "الثلابين", "الثلاثاءء"]
        {
            assert!(!m.contains(w), "{w}");
        }
        assert_eq!(m.keys().count(), words.len());
        for w in ["وامس", "بالاحد", "فب", "الثلاثين"] {
            assert!(m.may_hold_stem_of(w), "{w}");
        }
        // Through clitics, longest stem first, with the clitics' length.
        let stem = |w: &str| m.find_stem(w, |at, v| Some((at, *v)));
        assert_eq!(stem("وامس"), Some((2, 0)));
        assert_eq!(stem("بالاحد"), Some((2, 1)));
        assert_eq!(stem("وقصف"), None);
        // No word of the table ends like these.
        for w in ["مدينه", "وقصف"] {
            assert!(!m.may_hold_stem_of(w), "{w}");
        }
    }
}
