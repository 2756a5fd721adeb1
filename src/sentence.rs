//! Sentence ranges of normalized text: split at the Arabic and Latin full
//! stops, ! ? ؟ ؛ and line breaks, never inside a decimal number (3.5) or
//! after a one-letter abbreviation (U.S.).

use crate::span::Span;
use crate::token::{Token, TokenKind};

/// The sentences of `normalized`, in order, without surrounding spaces.
///
/// ```
/// use rasad::sentence::sentences;
/// let text = "قتل 2.5 الف شخص. ثم انسحبوا؟ نعم\nعنوان";
/// let s: Vec<&str> = sentences(text).iter().map(|sp| &text[*sp]).collect();
/// assert_eq!(s, ["قتل 2.5 الف شخص.", "ثم انسحبوا؟", "نعم", "عنوان"]);
/// ```
pub fn sentences(normalized: &str) -> Vec<Span> {
    let bytes = normalized.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (end_here, len) = match bytes[i] {
            b'\n' => (true, 1),
            b'!' | b'?' => (true, 1),
            b'.' => {
                let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                let digit_after = bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit());
                // U.S. / A.F.P.: a single Latin letter before the dot.
                let abbrev = i > 0
                    && bytes[i - 1].is_ascii_alphabetic()
                    && (i < 2 || !bytes[i - 2].is_ascii_alphabetic());
                (!(abbrev || digit_before && digit_after), 1)
            }
            // ؟ U+061F, ؛ U+061B: D8 9F, D8 9B.  ۔ U+06D4: DB 94.
            0xD8 if matches!(bytes.get(i + 1), Some(0x9F | 0x9B)) => (true, 2),
            0xDB if bytes.get(i + 1) == Some(&0x94) => (true, 2),
            _ => (false, 1),
        };
        i += len;
        if end_here {
            // Keep closing quotes and repeated marks with the sentence.
            while i < bytes.len() && matches!(bytes[i], b'.' | b'!' | b'?' | b'"' | b')') {
                i += 1;
            }
            push(normalized, start, i, &mut out);
            start = i;
        }
    }
    push(normalized, start, bytes.len(), &mut out);
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// The sentences of `normalized` from its tokens (see [`crate::token::tokenize`]):
/// the same boundaries as [`sentences`], without a second pass over the bytes.
pub fn sentences_from_tokens(normalized: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.newline_before {
            if let (Some(s), Some(prev)) = (start, i.checked_sub(1)) {
                out.push(Span::new(s, tokens[prev].span.end));
                start = None;
            }
        }
        if start.is_none() {
            start = Some(t.span.start);
        }
        let ends = t.kind == TokenKind::Punct && {
            let p = t.text(normalized);
            match p {
                "!" | "?" | "؟" | "؛" | "۔" => true,
                "." => {
                    let glued = |k: usize| {
                        tokens.get(k).is_some_and(|n| !n.space_before && n.kind == TokenKind::Digits)
                    };
                    let decimal =
                        i > 0 && tokens[i - 1].kind == TokenKind::Digits && !t.space_before && glued(i + 1);
                    let abbrev = i > 0
                        && !t.space_before
                        && tokens[i - 1].kind == TokenKind::Word
                        && tokens[i - 1].span.len() == 1
                        && tokens[i - 1].text(normalized).is_ascii();
                    !decimal && !abbrev
                }
                _ => false,
            }
        };
        if ends {
            // Closing quotes and repeated marks stay with the sentence.
            let mut end = i;
            while tokens.get(end + 1).is_some_and(|n| {
                !n.space_before
                    && !n.newline_before
                    && matches!(n.text(normalized), "." | "!" | "?" | "\"" | ")")
            }) {
                end += 1;
            }
            if let Some(s) = start.take() {
                out.push(Span::new(s, tokens[end].span.end));
            }
            i = end + 1;
            continue;
        }
        i += 1;
    }
    if let (Some(s), Some(last)) = (start, tokens.last()) {
        out.push(Span::new(s, last.span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn tokens_and_bytes_agree() {
        for text in [
            "قتل 2.5 الف شخص. ثم انسحبوا؟ نعم\nعنوان",
            "قال مسؤول U.S. ان الهجوم وقع!! ثم\n\nسطر اخر؛ وبعده",
            "\"انتهي.\" قال",
            "",
            "...",
        ] {
            let tokens = tokenize(text);
            let a: Vec<&str> = sentences(text).iter().map(|s| &text[*s]).collect();
            let b: Vec<&str> = sentences_from_tokens(text, &tokens).iter().map(|s| &text[*s]).collect();
            assert_eq!(a, b, "{text:?}");
        }
    }
}
