//! Sentence ranges of normalized text: split at the Arabic and Latin full
//! stops, ! ? ؟ ؛ and line breaks, never inside a decimal number (3.5) or
//! after a one-letter abbreviation (U.S.).

use crate::span::Span;

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
