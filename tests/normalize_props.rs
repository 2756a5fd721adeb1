//! Property tests of the normalizer: idempotence, and an offset map that is
//! monotonic, lands on char boundaries and maps every word back to its source.

use proptest::prelude::*;
use rasad::Span;
use rasad::normalize::Normalizer;

/// Characters that stress the rules: Arabic letters, every kind of mark,
/// tatweel, digits of three scripts, Latin, spaces, controls, ligatures, emoji.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => (0x621u32..=0x64A).prop_map(|c| char::from_u32(c).unwrap()),
        2 => (0x64Bu32..=0x65F).prop_map(|c| char::from_u32(c).unwrap()),
        1 => prop::sample::select(vec![
            'ـ', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ة', 'ؤ', 'ئ', 'ی', 'ک', '\u{670}', '\u{6D6}', '\u{610}',
            '\u{8F0}',
        ]),
        2 => (0x660u32..=0x669).prop_map(|c| char::from_u32(c).unwrap()),
        1 => (0x6F0u32..=0x6F9).prop_map(|c| char::from_u32(c).unwrap()),
        1 => prop::sample::select(vec!['٫', '٬', '،', '؛', '؟', '«', '»', '.', ',']),
        2 => prop::char::range('A', 'z'),
        1 => prop::char::range('0', '9'),
        3 => prop::sample::select(vec![' ', ' ', '\n', '\r', '\t', '\u{A0}', '\u{2009}', '\u{3000}', '\u{2028}']),
        1 => prop::sample::select(vec![
            '\u{200B}', '\u{200C}', '\u{200F}', '\u{202B}', '\u{2067}', '\u{FEFF}', '\u{61C}', '\u{AD}',
        ]),
        1 => prop::sample::select(vec![
            'ﻻ', 'ﻷ', 'ﷲ', 'ﷺ', '﷽', 'ﺩ', 'ﹰ', 'ﹱ', 'ﳲ', 'ﺁ', 'ﭏ',
        ]),
        1 => prop::sample::select(vec!['💥', '🇸', 'İ', 'ǅ', 'Σ', 'ß', 'K', 'Å', 'é', '中']),
        1 => any::<char>(),
    ]
}

fn tricky_string() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..80).prop_map(|v| v.into_iter().collect())
}

fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn idempotent(s in tricky_string()) {
        let n = Normalizer::new();
        let once = n.normalize_str(&s);
        let twice = n.normalize(&once);
        prop_assert!(twice.is_unchanged(), "second pass changed {:?} into {:?}", once, twice.as_str());
    }

    #[test]
    fn any_string_is_fine(s in any::<String>()) {
        let n = Normalizer::new();
        let out = n.normalize(&s);
        let once = out.as_str().to_string();
        prop_assert_eq!(n.normalize_str(&once), once.clone());
        for b in boundaries(&once) {
            let o = out.map().to_original_start(b);
            prop_assert!(s.is_char_boundary(o));
        }
    }

    #[test]
    fn map_is_monotonic_and_on_char_boundaries(s in tricky_string()) {
        let out = Normalizer::new().normalize(&s);
        let norm = out.as_str();
        let map = out.map();
        prop_assert_eq!(map.normalized_len(), norm.len());
        prop_assert_eq!(map.original_len(), s.len());
        let mut last_start = 0;
        let mut last_end = 0;
        for b in boundaries(norm) {
            let start = map.to_original_start(b);
            let end = map.to_original_end(b);
            prop_assert!(s.is_char_boundary(start), "start {} of {} not on a boundary", start, b);
            prop_assert!(s.is_char_boundary(end), "end {} of {} not on a boundary", end, b);
            prop_assert!(start <= end);
            prop_assert!(start >= last_start && end >= last_end, "not monotonic at {}", b);
            last_start = start;
            last_end = end;
        }
        prop_assert_eq!(map.to_original_end(norm.len()), s.len());
        // The reverse direction lands on boundaries of the normalized text.
        let mut last = 0;
        for b in boundaries(&s) {
            let n = map.to_normalized_start(b);
            prop_assert!(norm.is_char_boundary(n));
            prop_assert!(n >= last);
            last = n;
        }
    }

    #[test]
    fn every_word_maps_back_to_its_source(s in tricky_string()) {
        let n = Normalizer::new();
        let out = n.normalize(&s);
        let norm = out.as_str();
        let mut at = 0;
        for word in norm.split([' ', '\n']) {
            let span = Span::new(at, at + word.len());
            at += word.len() + 1;
            if word.is_empty() {
                continue;
            }
            let source = &s.as_str()[out.map().to_original_span(span)];
            let again = n.normalize_str(source);
            // A word from inside an expansion with spaces (ﷺ) maps to the
            // whole ligature, whose normalization holds the word.
            prop_assert!(again.contains(word), "word {:?} came from {:?}, which normalizes to {:?}", word, source, again);
        }
    }
}
