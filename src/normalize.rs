//! Stage 1: Arabic text normalization with a map back to the original bytes.
//!
//! Every later stage matches on the *normalized* text, where the many ways of
//! writing one Arabic word collapse into one (أ/إ/آ → ا, ى → ي, no diacritics,
//! no tatweel, ASCII digits, ...). Every span that rasad reports must point into
//! the *original* text, so normalization also records an [`OffsetMap`].
//!
//! # Design
//!
//! * One pass over the bytes. ASCII is classified by a 128-entry table and the
//!   Arabic block U+0600–U+06FF by a 256-entry table of actions built once
//!   per [`Normalizer`] from its options; everything else takes a slower but rare
//!   path.
//! * Unchanged stretches are copied with one `push_str` each, never char by
//!   char, and nothing is allocated until the first change: text that is already
//!   normal comes back borrowed ([`Cow::Borrowed`]) with an identity map.
//! * The map stores *anchors* only where the byte length of the text changes
//!   (deletions, 2-byte digits becoming 1-byte digits, ligatures expanding).
//!   Same-length replacements such as أ → ا need no anchor, so a typical news
//!   article has a few anchors per paragraph, not one per character.
//!
//! # Examples
//!
//! ```
//! use rasad::normalize::Normalizer;
//!
//! let text = "قُتِلَ ثلاثةٌ في إِدْلِب يوم ١٣";
//! let norm = Normalizer::new().normalize(text);
//! assert_eq!(norm.as_str(), "قتل ثلاثه في ادلب يوم 13");
//!
//! // A range found in the normalized text maps back to the original words.
//! let start = norm.as_str().find("ادلب").unwrap();
//! let span = norm.original_span(rasad::Span::new(start, start + "ادلب".len()));
//! assert_eq!(&text[span], "إِدْلِب");
//! ```

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::span::Span;

/// Which rules a [`Normalizer`] applies. All are on by default.
///
/// Build one with [`NormalizerBuilder`] (or [`Normalizer::builder`]); the fields
/// are public so that the options can also be written out as a struct literal
/// with `..NormalizerOptions::default()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NormalizerOptions {
    /// أ إ آ ٱ and the alefs with wavy hamza (U+0672, U+0673) → ا.
    pub alef: bool,
    /// Alef maksura ى → ي.
    pub alef_maksura: bool,
    /// Farsi yeh ی → ي and keheh ک → ك (Persian keyboards, Iraqi Kurdish sites).
    pub persian_letters: bool,
    /// Teh marbuta ة → ه. Right for matching; a display form would keep ة.
    pub teh_marbuta: bool,
    /// Hamza carriers ؤ → و and ئ → ي.
    pub hamza_carriers: bool,
    /// Remove tatweel ـ (U+0640).
    pub tatweel: bool,
    /// Remove harakat and other marks: U+0610–U+061A, U+064B–U+065F, U+0670,
    /// U+06D6–U+06ED and the combining marks of Arabic Extended-A.
    pub diacritics: bool,
    /// Arabic-Indic ٠–٩ and Persian ۰–۹ → 0–9; the Arabic decimal and thousands
    /// separators ٫ ٬ → `.` `,`.
    pub digits: bool,
    /// Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE, e.g. the lam-alef
    /// ligature ﻻ) → their letters, via NFKC.
    pub presentation_forms: bool,
    /// Remove bidi and zero-width controls: U+061C, U+200B–U+200F,
    /// U+202A–U+202E, U+2060, U+2066–U+2069, U+FEFF and the soft hyphen U+00AD.
    pub controls: bool,
    /// Runs of whitespace (including NBSP and the other Unicode spaces) → one
    /// space, or one `\n` when the run holds a line break.
    pub whitespace: bool,
    /// Lowercase Latin (and other cased) letters, for the Latin aliases.
    pub lowercase: bool,
}

impl Default for NormalizerOptions {
    fn default() -> Self {
        NormalizerOptions {
            alef: true,
            alef_maksura: true,
            persian_letters: true,
            teh_marbuta: true,
            hamza_carriers: true,
            tatweel: true,
            diacritics: true,
            digits: true,
            presentation_forms: true,
            controls: true,
            whitespace: true,
            lowercase: true,
        }
    }
}

/// Builds a [`Normalizer`] with chosen rules.
///
/// # Examples
///
/// ```
/// use rasad::normalize::Normalizer;
///
/// // Keep teh marbuta, for display.
/// let n = Normalizer::builder().teh_marbuta(false).build();
/// assert_eq!(n.normalize("مدينةُ الرقّة").as_str(), "مدينة الرقة");
/// ```
#[derive(Clone, Debug, Default)]
pub struct NormalizerBuilder {
    options: NormalizerOptions,
}

macro_rules! builder_switches {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $name(&mut self, yes: bool) -> &mut NormalizerBuilder {
                self.options.$name = yes;
                self
            }
        )*
    };
}

impl NormalizerBuilder {
    /// A builder with every rule on.
    pub fn new() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// Replaces all options at once.
    pub fn options(&mut self, options: NormalizerOptions) -> &mut NormalizerBuilder {
        self.options = options;
        self
    }

    builder_switches! {
        /// See [`NormalizerOptions::alef`].
        alef,
        /// See [`NormalizerOptions::alef_maksura`].
        alef_maksura,
        /// See [`NormalizerOptions::persian_letters`].
        persian_letters,
        /// See [`NormalizerOptions::teh_marbuta`].
        teh_marbuta,
        /// See [`NormalizerOptions::hamza_carriers`].
        hamza_carriers,
        /// See [`NormalizerOptions::tatweel`].
        tatweel,
        /// See [`NormalizerOptions::diacritics`].
        diacritics,
        /// See [`NormalizerOptions::digits`].
        digits,
        /// See [`NormalizerOptions::presentation_forms`].
        presentation_forms,
        /// See [`NormalizerOptions::controls`].
        controls,
        /// See [`NormalizerOptions::whitespace`].
        whitespace,
        /// See [`NormalizerOptions::lowercase`].
        lowercase,
    }

    /// Compiles the options into a [`Normalizer`]. Cheap (a 256-entry table).
    pub fn build(&self) -> Normalizer {
        Normalizer::with_options(self.options)
    }
}

/// What happens to one character of the Arabic block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Keep,
    Delete,
    /// Replaced by a character of the same UTF-8 length (no anchor needed).
    Same(char),
    /// Replaced by an ASCII byte (a 2-byte char becomes 1 byte).
    Ascii(u8),
}

/// What an ASCII byte needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AsciiClass {
    Plain,
    Upper,
    Space,
    /// `\t`, `\x0b`, `\x0c`: whitespace written as a space.
    OtherSpace,
    /// `\n` and `\r`: whitespace that ends a line.
    Newline,
}

/// An Arabic normalizer: a compiled set of [`NormalizerOptions`].
///
/// Cheap to clone, `Send + Sync`; build it once and share it.
///
/// # Cost
///
/// One pass over the input. Text that needs no change is returned borrowed and
/// is not copied. See `BENCHMARKS.md` for measured MB/s.
#[derive(Clone, Debug)]
pub struct Normalizer {
    options: NormalizerOptions,
    arabic: [Action; 256],
    /// One bit per pair of bytes `(b0, b1)`: set when the character starting
    /// with `b0` (ASCII, or a lead byte of U+0600–U+06FF) stays as it is when
    /// followed by `b1`. 8 KiB, so it stays in L1.
    keep_pair: Box<[u64; 1024]>,
    ascii: [AsciiClass; 128],
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

impl Normalizer {
    /// A normalizer with every rule on (the one rasad matches with).
    pub fn new() -> Normalizer {
        Normalizer::with_options(NormalizerOptions::default())
    }

    /// A builder to switch rules on and off.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::new()
    }

    /// A normalizer for the given options.
    pub fn with_options(options: NormalizerOptions) -> Normalizer {
        let mut arabic = [Action::Keep; 256];
        for (i, slot) in arabic.iter_mut().enumerate() {
            let c = char::from_u32(0x600 + i as u32).expect("the Arabic block has no surrogates");
            *slot = arabic_action(c, &options);
        }
        let mut ascii = [AsciiClass::Plain; 128];
        if options.lowercase {
            for b in b'A'..=b'Z' {
                ascii[b as usize] = AsciiClass::Upper;
            }
        }
        if options.whitespace {
            ascii[b' ' as usize] = AsciiClass::Space;
            for b in [b'\t', 0x0b, 0x0c] {
                ascii[b as usize] = AsciiClass::OtherSpace;
            }
            ascii[b'\n' as usize] = AsciiClass::Newline;
            ascii[b'\r' as usize] = AsciiClass::Newline;
        }
        let keep_pair = keep_pairs(&arabic, &ascii);
        Normalizer { options, arabic, keep_pair, ascii }
    }

    /// The options this normalizer applies.
    pub fn options(&self) -> &NormalizerOptions {
        &self.options
    }

    /// Normalizes `text`.
    ///
    /// Never panics, for any `&str`. When nothing changes, the result borrows
    /// `text` and its map is the identity.
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        let mut buf = String::new();
        let mut map = OffsetMap::identity(text.len());
        if self.normalize_into(text, &mut buf, &mut map) {
            Normalized { original: text, text: Cow::Owned(buf), map }
        } else {
            Normalized { original: text, text: Cow::Borrowed(text), map }
        }
    }

    /// Normalizes `text` into reusable buffers, for corpus loops that should
    /// not allocate per document.
    ///
    /// Returns `true` when the text changed; then `out` holds the normalized
    /// text. When it returns `false`, `out` is left empty, the normalized text
    /// is `text` itself and `map` is the identity.
    pub fn normalize_into(&self, text: &str, out: &mut String, map: &mut OffsetMap) -> bool {
        out.clear();
        map.reset(text.len());
        let mut w = Writer { text, out, map, changed: false, copied_to: 0 };
        self.run(&mut w);
        w.finish()
    }

    /// Normalizes one alias or query string and returns it owned.
    pub fn normalize_str(&self, text: &str) -> String {
        self.normalize(text).text.into_owned()
    }

    fn run(&self, w: &mut Writer<'_>) {
        let bytes = w.text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            // Skip, in a tight loop, what stays as it is: most of the text.
            // A space or line break first goes through the full path, which
            // knows what was written before it.
            if !matches!(bytes[i], b' ' | b'\n') {
                i = self.skip_unchanged(bytes, i);
                if i >= n {
                    break;
                }
            }
            let b = bytes[i];
            if b < 0x80 {
                match self.ascii[b as usize] {
                    AsciiClass::Plain => {}
                    AsciiClass::Upper => w.replace_same(i, 1, (b + 32) as char),
                    AsciiClass::Space => {
                        if w.prev_is_space(i) {
                            w.delete(i, 1);
                        }
                    }
                    AsciiClass::OtherSpace => w.space(i, 1, false),
                    AsciiClass::Newline => w.space(i, 1, true),
                }
                i += 1;
                continue;
            }
            if (0xD8..=0xDB).contains(&b) && i + 1 < n {
                // U+0600..=U+06FF: two bytes, 110110xx 10xxxxxx.
                let idx = (((b & 0x03) as usize) << 6) | (bytes[i + 1] & 0x3F) as usize;
                match self.arabic[idx] {
                    Action::Keep => {}
                    Action::Delete => w.delete(i, 2),
                    Action::Same(c) => w.replace_same(i, 2, c),
                    Action::Ascii(a) => w.replace(i, 2, &[a as char]),
                }
                i += 2;
                continue;
            }
            // Rare path: decode the char.
            let c = w.text[i..].chars().next().expect("i is on a char boundary");
            let len = c.len_utf8();
            self.other(w, i, c, len);
            i += len;
        }
    }

    /// The first offset at or after `i` whose character may need a change.
    ///
    /// Every byte position is checked as a pair with the byte after it, one
    /// bit of `keep_pair` each; continuation bytes always pass (their lead
    /// byte was checked), so the offset returned is always on a char
    /// boundary. A plain loop: news text needs a change every few dozen bytes
    /// (ة، أ، ى), so checking blocks of 16 positions without a branch did
    /// worse (476 MB/s against 660, `stage_speed`), and so did blocks of 8, 4
    /// and 2.
    #[inline]
    fn skip_unchanged(&self, bytes: &[u8], mut i: usize) -> usize {
        while i + 1 < bytes.len() {
            let pair = (usize::from(bytes[i]) << 8) | usize::from(bytes[i + 1]);
            if (self.keep_pair[pair >> 6] >> (pair & 63)) & 1 == 0 {
                break;
            }
            i += 1;
        }
        // A continuation byte here ends a character whose lead was kept.
        if i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
            i += 1;
        }
        i
    }

    /// Characters outside ASCII and the Arabic block.
    fn other(&self, w: &mut Writer<'_>, i: usize, c: char, len: usize) {
        let o = &self.options;
        let cp = c as u32;
        if o.controls && is_control_to_remove(c) {
            w.delete(i, len);
        } else if o.whitespace && c.is_whitespace() {
            w.space(i, len, matches!(cp, 0x85 | 0x2028 | 0x2029));
        } else if o.diacritics && is_extended_mark(cp) {
            w.delete(i, len);
        } else if o.presentation_forms && is_presentation_form(cp) {
            let mut expanded: Vec<char> = Vec::with_capacity(8);
            for d in std::iter::once(c).nfkc() {
                self.fold_into(d, &mut expanded);
            }
            if expanded.len() == 1 && expanded[0] == c {
                return;
            }
            // Spaces inside an expansion (ﷺ) follow the whitespace rule too.
            if o.whitespace {
                expanded.dedup_by(|b, a| *a == ' ' && *b == ' ');
                if expanded.first() == Some(&' ') && w.prev_is_space(i) {
                    expanded.remove(0);
                }
            }
            w.replace(i, len, &expanded);
        } else if o.lowercase && (c.is_uppercase() || is_titlecase(c)) {
            let lower: Vec<char> = c.to_lowercase().collect();
            if lower.len() == 1 && lower[0].len_utf8() == len {
                if lower[0] != c {
                    w.replace_same(i, len, lower[0]);
                }
            } else {
                w.replace(i, len, &lower);
            }
        }
    }

    /// Applies the single-character rules to `c` (used on NFKC output).
    fn fold_into(&self, c: char, out: &mut Vec<char>) {
        let o = &self.options;
        let cp = c as u32;
        if (0x600..=0x6FF).contains(&cp) {
            match self.arabic[(cp - 0x600) as usize] {
                Action::Keep => out.push(c),
                Action::Delete => {}
                Action::Same(d) => out.push(d),
                Action::Ascii(a) => out.push(a as char),
            }
        } else if cp < 0x80 {
            match self.ascii[cp as usize] {
                AsciiClass::Upper => out.push((cp as u8 + 32) as char),
                AsciiClass::Space | AsciiClass::OtherSpace => out.push(' '),
                AsciiClass::Newline => out.push('\n'),
                AsciiClass::Plain => out.push(c),
            }
        } else if (o.controls && is_control_to_remove(c)) || (o.diacritics && is_extended_mark(cp)) {
        } else if o.whitespace && c.is_whitespace() {
            out.push(' ');
        } else if o.lowercase && c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
}

/// Titlecase letters (ǅ) lowercase too; `char` has no `is_titlecase`.
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

fn keep_pairs(arabic: &[Action; 256], ascii: &[AsciiClass; 128]) -> Box<[u64; 1024]> {
    let mut bits = Box::new([0u64; 1024]);
    let mut set = |b0: usize, b1: usize| {
        let pair = (b0 << 8) | b1;
        bits[pair >> 6] |= 1 << (pair & 63);
    };
    for (b0, class) in ascii.iter().enumerate() {
        for b1 in 0..256 {
            let keep = match class {
                AsciiClass::Plain => true,
                // Kept unless another whitespace byte follows (that one is
                // collapsed, or upgrades the space to a line break).
                AsciiClass::Space => !matches!(b1 as u8, b' ' | b'\n' | b'\r' | b'\t' | 0x0b | 0x0c),
                _ => false,
            };
            if keep {
                set(b0, b1);
            }
        }
    }
    // '\n' is a Newline (never "plain"), but a single one followed by a
    // non-space is kept as it is.
    if ascii[b'\n' as usize] == AsciiClass::Newline {
        for b1 in 0..256 {
            if !matches!(b1 as u8, b' ' | b'\n' | b'\r' | b'\t' | 0x0b | 0x0c) {
                set(b'\n' as usize, b1);
            }
        }
    }
    for (idx, a) in arabic.iter().enumerate() {
        if *a == Action::Keep {
            set(0xD8 + idx / 64, 0x80 + idx % 64);
        }
    }
    // A continuation byte belongs to a character already checked at its lead.
    for b0 in 0x80..0xC0 {
        for b1 in 0..256 {
            set(b0, b1);
        }
    }
    bits
}

fn arabic_action(c: char, o: &NormalizerOptions) -> Action {
    let cp = c as u32;
    match cp {
        0x622 | 0x623 | 0x625 | 0x671 | 0x672 | 0x673 if o.alef => Action::Same('\u{627}'),
        0x649 if o.alef_maksura => Action::Same('\u{64A}'),
        0x6CC if o.persian_letters => Action::Same('\u{64A}'),
        0x6A9 if o.persian_letters => Action::Same('\u{643}'),
        0x629 if o.teh_marbuta => Action::Same('\u{647}'),
        0x624 if o.hamza_carriers => Action::Same('\u{648}'),
        0x626 if o.hamza_carriers => Action::Same('\u{64A}'),
        0x640 if o.tatweel => Action::Delete,
        0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6ED if o.diacritics => Action::Delete,
        0x61C if o.controls => Action::Delete,
        0x660..=0x669 if o.digits => Action::Ascii(b'0' + (cp - 0x660) as u8),
        0x6F0..=0x6F9 if o.digits => Action::Ascii(b'0' + (cp - 0x6F0) as u8),
        0x66B if o.digits => Action::Ascii(b'.'),
        0x66C if o.digits => Action::Ascii(b','),
        _ => Action::Keep,
    }
}

fn is_control_to_remove(c: char) -> bool {
    matches!(c as u32, 0xAD | 0x61C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060 | 0x2066..=0x2069 | 0xFEFF)
}

/// Combining marks of Arabic Extended-A (U+08D3–U+08FF, without U+08E2, a
/// disputed end-of-ayah sign that is not a mark).
fn is_extended_mark(cp: u32) -> bool {
    (0x8D3..=0x8FF).contains(&cp) && cp != 0x8E2
}

fn is_presentation_form(cp: u32) -> bool {
    (0xFB50..=0xFDFF).contains(&cp) || (0xFE70..=0xFEFE).contains(&cp)
}

/// Writes the normalized text lazily: nothing is copied until the first change.
struct Writer<'a> {
    text: &'a str,
    out: &'a mut String,
    map: &'a mut OffsetMap,
    changed: bool,
    /// Input bytes before this offset are already in `out`.
    copied_to: usize,
}

impl Writer<'_> {
    /// Copies the unchanged input up to `i` into `out`.
    #[inline]
    fn flush(&mut self, i: usize) {
        if !self.changed {
            self.changed = true;
            self.out.reserve(self.text.len() + 16);
        }
        self.out.push_str(&self.text[self.copied_to..i]);
        self.copied_to = i;
    }

    /// True when the last char written so far (or about to be written from
    /// the pending unchanged input) is a space or a line break.
    #[inline]
    fn prev_is_space(&self, i: usize) -> bool {
        let last = if i > self.copied_to {
            Some(self.text.as_bytes()[i - 1])
        } else {
            self.out.as_bytes().last().copied()
        };
        matches!(last, Some(b' ' | b'\n'))
    }

    #[inline]
    fn replace_same(&mut self, i: usize, len: usize, c: char) {
        self.flush(i);
        self.out.push(c);
        self.copied_to = i + len;
    }

    #[inline]
    fn delete(&mut self, i: usize, len: usize) {
        self.flush(i);
        let n = self.out.len();
        self.map.push(n, i);
        self.map.push(n, i + len);
        self.copied_to = i + len;
    }

    /// Replaces `len` input bytes at `i` by `chars`, as one atomic piece.
    fn replace(&mut self, i: usize, len: usize, chars: &[char]) {
        self.flush(i);
        let n = self.out.len();
        self.out.extend(chars);
        let m = self.out.len();
        // Same length after all: a linear piece, no anchor needed.
        if m - n != len {
            self.map.push(n, i);
            self.map.push(m, i + len);
        }
        self.copied_to = i + len;
    }

    /// A whitespace char of `len` bytes at `i`: collapse it into the previous
    /// space, or write it as `' '` (or `'\n'` when it breaks a line).
    fn space(&mut self, i: usize, len: usize, newline: bool) {
        let written = if newline { b'\n' } else { b' ' };
        if self.prev_is_space(i) {
            self.flush(i);
            if newline && self.out.as_bytes().last() == Some(&b' ') {
                // Upgrade "a \n" to "a\n": same length, the map is unchanged.
                self.out.pop();
                self.out.push('\n');
            }
            self.delete(i, len);
        } else if len == 1 {
            if self.text.as_bytes()[i] != written {
                self.replace_same(i, 1, written as char);
            }
        } else {
            self.replace(i, len, &[written as char]);
        }
    }

    fn finish(mut self) -> bool {
        if self.changed {
            let n = self.text.len();
            self.flush(n);
            self.map.finish(self.out.len(), n);
        }
        self.changed
    }
}

/// Maps byte offsets between a normalized text and its original.
///
/// Pieces of text are either *linear* (copied, or replaced char by char with
/// chars of the same UTF-8 length) or *atomic* (a deletion, or a replacement
/// that changed the byte length, like ٣ → 3 or ﻻ → لا). An anchor marks where
/// each non-linear piece starts and ends; a map with no anchors is the
/// identity.
///
/// Positions inside an atomic piece map to its start (for a range's start)
/// or its end (for a range's end), so a mapped range always covers whole
/// original characters. Deleted characters (diacritics after the last letter
/// of a word, tatweel, controls) are taken into the range that they follow:
/// the original range of `ادلب` in `إِدْلِب` ends after the final kasra.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// `(normalized, original)` offsets where a piece starts, plus a final
    /// sentinel `(normalized_len, original_len)`; empty for the identity.
    anchors: Vec<(usize, usize)>,
    original_len: usize,
    normalized_len: usize,
}

impl OffsetMap {
    /// The identity map of a text of `len` bytes.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap { anchors: Vec::new(), original_len: len, normalized_len: len }
    }

    fn reset(&mut self, len: usize) {
        self.anchors.clear();
        self.original_len = len;
        self.normalized_len = len;
    }

    /// True when no byte moved.
    pub fn is_identity(&self) -> bool {
        self.anchors.is_empty()
    }

    /// The number of anchors stored (a measure of how much the text moved).
    pub fn anchor_count(&self) -> usize {
        self.anchors.len()
    }

    /// Length of the normalized text in bytes.
    pub fn normalized_len(&self) -> usize {
        self.normalized_len
    }

    /// Length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    #[inline]
    fn push(&mut self, norm: usize, orig: usize) {
        if self.anchors.is_empty() {
            if norm == 0 && orig == 0 {
                self.anchors.push((0, 0));
                return;
            }
            self.anchors.push((0, 0));
        }
        let k = self.anchors.len();
        let last = self.anchors[k - 1];
        if last == (norm, orig) {
            return;
        }
        // Three anchors at one normalized offset: the middle one starts an
        // empty piece between two deletions; merge the deletions.
        if k >= 2 && last.0 == norm && self.anchors[k - 2].0 == norm {
            self.anchors[k - 1] = (norm, orig);
            return;
        }
        // A linear piece that follows a linear piece continues it.
        if k >= 2 {
            let prev = self.anchors[k - 2];
            let linear_before = last.0 - prev.0 == last.1 - prev.1;
            let linear_now = norm - last.0 == orig - last.1;
            if linear_before && linear_now && norm > last.0 {
                self.anchors[k - 1] = (norm, orig);
                return;
            }
        }
        self.anchors.push((norm, orig));
    }

    fn finish(&mut self, normalized_len: usize, original_len: usize) {
        self.normalized_len = normalized_len;
        self.original_len = original_len;
        if !self.anchors.is_empty() || normalized_len != original_len {
            self.push(normalized_len, original_len);
            // A map whose only anchors are (0,0) and a linear end is the identity.
            if self.anchors.len() == 2 && normalized_len == original_len && self.anchors[0] == (0, 0) {
                self.anchors.clear();
            }
        }
    }

    /// Maps a normalized offset that starts a range to an original offset.
    pub fn to_original_start(&self, norm: usize) -> usize {
        self.to_original(norm, false)
    }

    /// Maps a normalized offset that ends a range to an original offset.
    pub fn to_original_end(&self, norm: usize) -> usize {
        self.to_original(norm, true)
    }

    /// Maps a range of the normalized text to the range of the original text
    /// it was made from.
    pub fn to_original_span(&self, span: Span) -> Span {
        Span::new(self.to_original_start(span.start), self.to_original_end(span.end))
    }

    fn to_original(&self, norm: usize, end: bool) -> usize {
        let norm = norm.min(self.normalized_len);
        if self.anchors.is_empty() {
            return norm;
        }
        let k = self.anchors.partition_point(|a| a.0 <= norm);
        if k >= self.anchors.len() {
            return self.original_len;
        }
        let (n0, o0) = self.anchors[k - 1];
        let (n1, o1) = self.anchors[k];
        if n1 - n0 == o1 - o0 {
            o0 + (norm - n0)
        } else if norm == n0 || !end {
            o0
        } else {
            o1
        }
    }

    /// Maps an original offset that starts a range to a normalized offset.
    pub fn to_normalized_start(&self, orig: usize) -> usize {
        self.to_normalized(orig, false)
    }

    /// Maps an original offset that ends a range to a normalized offset.
    pub fn to_normalized_end(&self, orig: usize) -> usize {
        self.to_normalized(orig, true)
    }

    /// Maps a range of the original text to the normalized range made from it.
    pub fn to_normalized_span(&self, span: Span) -> Span {
        Span::new(self.to_normalized_start(span.start), self.to_normalized_end(span.end))
    }

    fn to_normalized(&self, orig: usize, end: bool) -> usize {
        let orig = orig.min(self.original_len);
        if self.anchors.is_empty() {
            return orig;
        }
        let k = self.anchors.partition_point(|a| a.1 <= orig);
        if k >= self.anchors.len() {
            return self.normalized_len;
        }
        let (n0, o0) = self.anchors[k - 1];
        let (n1, o1) = self.anchors[k];
        if n1 - n0 == o1 - o0 {
            n0 + (orig - o0)
        } else if orig == o0 || !end {
            n0
        } else {
            n1
        }
    }
}

/// A normalized text together with its original and the map between them.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    map: OffsetMap,
}

impl<'a> Normalized<'a> {
    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The offset map.
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// True when normalization changed nothing (the text is borrowed).
    pub fn is_unchanged(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// Maps a range of the normalized text to the original, widened if needed
    /// so that it lies on char boundaries of the original.
    pub fn original_span(&self, span: Span) -> Span {
        let s = self.map.to_original_span(span);
        Span::new(floor_char_boundary(self.original, s.start), ceil_char_boundary(self.original, s.end))
    }

    /// The original words behind a range of the normalized text.
    pub fn original_text(&self, span: Span) -> &'a str {
        &self.original[self.original_span(span)]
    }

    /// Takes the normalized text out (owned).
    pub fn into_string(self) -> String {
        self.text.into_owned()
    }
}

/// The largest char boundary of `s` at or before `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i`.
pub(crate) fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// What a character is, for word boundaries and sentence splitting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CharClass {
    /// A letter of any script (Arabic letters, Latin letters, ...).
    Letter,
    /// A decimal digit of any script.
    Digit,
    /// A combining mark (what normalization removes from Arabic).
    Mark,
    /// Punctuation, Arabic (، ؛ ؟ ٪ « ») or other.
    Punctuation,
    /// Whitespace.
    Space,
    /// Anything else: symbols, emoji, controls.
    Other,
}

/// Classifies a character. Arabic comma ، semicolon ؛ question mark ؟ full
/// stop ۔ and percent ٪ are [`CharClass::Punctuation`].
///
/// ```
/// use rasad::normalize::{classify, CharClass};
/// assert_eq!(classify('،'), CharClass::Punctuation);
/// assert_eq!(classify('ب'), CharClass::Letter);
/// assert_eq!(classify('٣'), CharClass::Digit);
/// ```
pub fn classify(c: char) -> CharClass {
    let cp = c as u32;
    match cp {
        0x60C | 0x61B | 0x61F | 0x6D4 | 0x66A | 0x66B | 0x66C | 0x60D | 0x609 | 0x60A => {
            return CharClass::Punctuation;
        }
        0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6ED => return CharClass::Mark,
        0x640 => return CharClass::Letter,
        _ => {}
    }
    if c.is_alphabetic() {
        CharClass::Letter
    } else if c.is_numeric() {
        CharClass::Digit
    } else if c.is_whitespace() {
        CharClass::Space
    } else if c.is_ascii_punctuation() || is_general_punctuation(cp) {
        CharClass::Punctuation
    } else {
        CharClass::Other
    }
}

fn is_general_punctuation(cp: u32) -> bool {
    matches!(cp, 0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF | 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003 | 0xFD3E | 0xFD3F)
}

/// True when the two-byte char `lead`, `cont` of the Arabic block
/// (U+0600-U+06FF, lead byte D8-DB) is punctuation that ends a word:
/// U+0600-060F and U+061B-061F (، ؛ ؟ ...), U+066A-066D (٪ ٫ ٬ ٭), U+06D4 (۔),
/// U+06DD, U+06DE and U+06E9. Every other char of the block is a letter or a
/// mark, part of a word. The scanner and the tokenizer read words with this
/// one test, without Unicode tables.
#[inline(always)]
pub(crate) fn ends_word_in_arabic_block(lead: u8, cont: u8) -> bool {
    // One mask of 64 code points per lead byte.
    const MASKS: [u64; 4] = [0xFFFF | 0x1F << 0x1B, 0xF << 0x2A, 0, 1 << 0x14 | 0x3 << 0x1D | 1 << 0x29];
    MASKS[usize::from(lead.wrapping_sub(0xD8) & 3)] >> (cont & 0x3F) & 1 == 1
}

/// True for characters that continue a word (letters, digits, marks).
#[inline]
pub fn is_word_char(c: char) -> bool {
    matches!(classify(c), CharClass::Letter | CharClass::Digit | CharClass::Mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The masks of `ends_word_in_arabic_block` say what the list of code
    /// points says, for every char of the block.
    #[test]
    fn arabic_block_punctuation() {
        for c in '\u{600}'..='\u{6FF}' {
            let cp = c as u32;
            let listed =
                matches!(cp, 0x600..=0x60F | 0x61B..=0x61F | 0x66A..=0x66D | 0x6D4 | 0x6DD | 0x6DE | 0x6E9);
            let b = c.to_string().into_bytes();
            assert_eq!(ends_word_in_arabic_block(b[0], b[1]), listed, "U+{cp:04X}");
        }
    }

    fn norm(s: &str) -> String {
        Normalizer::new().normalize_str(s)
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        let n = Normalizer::new().normalize("قتل ثلاثه في ادلب");
        assert!(n.is_unchanged());
        assert!(n.map().is_identity());
    }

    #[test]
    fn anchors_only_where_length_changes() {
        // أ → ا and ة → ه keep the byte length: no anchor at all.
        let n = Normalizer::new().normalize("أطمة إدلب");
        assert!(!n.is_unchanged());
        assert!(n.map().is_identity());
    }

    #[test]
    fn whitespace_runs() {
        assert_eq!(norm("a  b"), "a b");
        assert_eq!(norm("a \t b"), "a b");
        assert_eq!(norm("a \n b"), "a\nb");
        assert_eq!(norm("a\r\nb"), "a\nb");
        assert_eq!(norm("a\u{A0}\u{A0}b"), "a b");
        assert_eq!(norm("a \u{200B} b"), "a b");
        assert_eq!(norm("a \u{200B}\n b"), "a\nb");
    }

    #[test]
    fn deleted_trailing_marks_join_the_word() {
        let text = "في إِدْلِبَ، أمس";
        let n = Normalizer::new().normalize(text);
        let s = n.as_str().find("ادلب").unwrap();
        let span = n.original_span(Span::new(s, s + "ادلب".len()));
        assert_eq!(&text[span], "إِدْلِبَ");
    }

    #[test]
    fn ligature_is_atomic() {
        let text = "ﻻ يوجد";
        let n = Normalizer::new().normalize(text);
        assert_eq!(n.as_str(), "لا يوجد");
        // A range ending inside the expansion covers the whole ligature.
        assert_eq!(n.original_span(Span::new(0, 2)), Span::new(0, 3));
        assert_eq!(n.original_span(Span::new(0, 4)), Span::new(0, 3));
    }

    #[test]
    fn digits_map_back() {
        let text = "قتل ١٣ شخصا";
        let n = Normalizer::new().normalize(text);
        assert_eq!(n.as_str(), "قتل 13 شخصا");
        let s = n.as_str().find("13").unwrap();
        assert_eq!(n.original_text(Span::new(s, s + 2)), "١٣");
        assert_eq!(n.original_text(Span::new(s + 1, s + 2)), "٣");
    }

    #[test]
    fn reverse_map() {
        let text = "هجوم ١٣ تـــدمر";
        let n = Normalizer::new().normalize(text);
        let o = text.find("تـــدمر").unwrap();
        let span = n.map().to_normalized_span(Span::new(o, text.len()));
        assert_eq!(&n.as_str()[span], "تدمر");
    }
}
