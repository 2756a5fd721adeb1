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

#[inline]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    let b = text.as_bytes()[i];
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
    if (0xD8..=0xDB).contains(&b) && i + 1 < text.len() {
        let cp = 0x600 + ((((b & 0x03) as u32) << 6) | (text.as_bytes()[i + 1] & 0x3F) as u32);
        let punct =
            matches!(cp, 0x600..=0x60F | 0x61B..=0x61F | 0x66A..=0x66D | 0x6D4 | 0x6DD | 0x6DE | 0x6E9);
        return (if punct { Class::Other } else { Class::Letter }, 2);
    }
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
