//! The normalizer: one row per rule, each switch, the offset map, bad input.

use rasad::Span;
use rasad::normalize::{Normalizer, NormalizerOptions};

fn norm(s: &str) -> String {
    Normalizer::new().normalize_str(s)
}

struct Case {
    name: &'static str,
    input: &'static str,
    expected: &'static str,
}

/// One row per rule of the foundation issue, in its order.
const RULES: &[Case] = &[
    Case { name: "alef hamza above", input: "أحمد", expected: "احمد" },
    Case { name: "alef hamza below", input: "إدلب", expected: "ادلب" },
    Case { name: "alef madda", input: "آب", expected: "اب" },
    Case { name: "alef wasla", input: "ٱلرقة", expected: "الرقه" },
    Case { name: "alef wavy hamza above", input: "\u{672}مس", expected: "امس" },
    Case { name: "alef wavy hamza below", input: "\u{673}لى", expected: "الي" },
    Case { name: "alef maksura", input: "على مستشفى", expected: "علي مستشفي" },
    Case { name: "farsi yeh", input: "كردی", expected: "كردي" },
    Case { name: "keheh", input: "کركوك", expected: "كركوك" },
    Case {
        name: "teh marbuta", input: "مدينة تدمر الأثرية", expected: "مدينه تدمر الاثريه"
    },
    Case { name: "waw hamza", input: "مؤتمر", expected: "موتمر" },
    Case { name: "yeh hamza", input: "رئيس الهيئة", expected: "رييس الهييه" },
    Case { name: "bare hamza kept", input: "ماء", expected: "ماء" },
    Case { name: "tatweel", input: "تـــدمر", expected: "تدمر" },
    Case { name: "harakat", input: "قُتِلَ جُنْدِيٌّ", expected: "قتل جندي" },
    Case { name: "tanwin", input: "هجوماً عنيفاً", expected: "هجوما عنيفا" },
    Case {
        name: "maddah and hamza marks", input: "ا\u{653}ب ا\u{654}ب ا\u{655}ب", expected: "اب اب اب"
    },
    Case { name: "superscript alef", input: "هٰذا", expected: "هذا" },
    Case { name: "quranic marks", input: "قال\u{6D6} الله\u{6DA}", expected: "قال الله" },
    Case { name: "honorific marks", input: "محمد\u{610}", expected: "محمد" },
    Case { name: "arabic-indic digits", input: "قتل ١٣ في ٢٠١٥", expected: "قتل 13 في 2015" },
    Case { name: "persian digits", input: "۲۵ کشته", expected: "25 كشته" },
    Case { name: "arabic thousands separator", input: "١٬٢٠٠", expected: "1,200" },
    Case { name: "arabic decimal separator", input: "٣٫٥", expected: "3.5" },
    Case {
        name: "arabic punctuation kept", input: "قتل، وأصيب؛ لماذا؟", expected: "قتل، واصيب؛ لماذا؟"
    },
    Case { name: "lam-alef ligature", input: "ﻻ يوجد", expected: "لا يوجد" },
    Case { name: "lam-alef hamza ligature", input: "ﻷن", expected: "لان" },
    Case { name: "isolated letter forms", input: "ﺩﺍﻋﺶ", expected: "داعش" },
    Case { name: "allah ligature", input: "ﷲ", expected: "الله" },
    Case {
        name: "honorific ligature", input: "النبي ﷺ قال", expected: "النبي صلي الله عليه وسلم قال"
    },
    Case { name: "zero width space", input: "داع\u{200B}ش", expected: "داعش" },
    Case { name: "zwnj", input: "می\u{200C}خواهم", expected: "ميخواهم" },
    Case { name: "rtl mark", input: "\u{200F}إدلب\u{200E}", expected: "ادلب" },
    Case { name: "bidi embedding", input: "\u{202B}ISIS\u{202C}", expected: "isis" },
    Case { name: "bidi isolate", input: "\u{2067}قسد\u{2069}", expected: "قسد" },
    Case { name: "arabic letter mark", input: "\u{61C}الرقة", expected: "الرقه" },
    Case { name: "bom", input: "\u{FEFF}خبر", expected: "خبر" },
    Case { name: "space run", input: "في   إدلب", expected: "في ادلب" },
    Case { name: "nbsp", input: "في\u{A0}إدلب", expected: "في ادلب" },
    Case {
        name: "thin and ideographic spaces", input: "في\u{2009}\u{3000}إدلب", expected: "في ادلب"
    },
    Case { name: "tab", input: "في\tإدلب", expected: "في ادلب" },
    Case { name: "line break kept as one", input: "عنوان \r\n\n  نص", expected: "عنوان\nنص" },
    Case { name: "latin case", input: "Palmyra ISIS Al-Hawl", expected: "palmyra isis al-hawl" },
    Case { name: "latin accents lowercase", input: "ÉTAT Islamique", expected: "état islamique" },
];

#[test]
fn rule_table() {
    let mut names = std::collections::HashSet::new();
    for case in RULES {
        assert!(names.insert(case.name), "duplicate case name {}", case.name);
        assert_eq!(norm(case.input), case.expected, "case {:?}, input {:?}", case.name, case.input);
    }
}

#[test]
fn each_rule_can_be_switched_off() {
    let off = |f: fn(&mut NormalizerOptions)| {
        let mut o = NormalizerOptions::default();
        f(&mut o);
        Normalizer::with_options(o)
    };
    type Switch = fn(&mut NormalizerOptions);
    let cases: &[(Switch, &str, &str)] = &[
        (|o| o.alef = false, "أحمد", "أحمد"),
        (|o| o.alef_maksura = false, "على", "على"),
        (|o| o.persian_letters = false, "کردی", "کردی"),
        (|o| o.teh_marbuta = false, "مدينة", "مدينة"),
        (|o| o.hamza_carriers = false, "مؤتمر", "مؤتمر"),
        (|o| o.tatweel = false, "تـدمر", "تـدمر"),
        (|o| o.diacritics = false, "قُتِلَ", "قُتِلَ"),
        (|o| o.digits = false, "١٣", "١٣"),
        (|o| o.presentation_forms = false, "ﻻ", "ﻻ"),
        (|o| o.controls = false, "a\u{200B}b", "a\u{200B}b"),
        (|o| o.whitespace = false, "a  \u{A0}b", "a  \u{A0}b"),
        (|o| o.lowercase = false, "ISIS", "ISIS"),
    ];
    for (i, (f, input, expected)) in cases.iter().enumerate() {
        let n = off(*f);
        assert_eq!(n.normalize_str(input), *expected, "switch #{i}, input {input:?}");
        // With every other rule on, the rest still applies.
        assert_ne!(Normalizer::new().normalize_str(input), *expected, "switch #{i} is a no-op");
    }
}

#[test]
fn builder_matches_options() {
    let a = Normalizer::builder().teh_marbuta(false).digits(false).build();
    let o = NormalizerOptions { teh_marbuta: false, digits: false, ..NormalizerOptions::default() };
    assert_eq!(a.options(), &o);
    assert_eq!(a.normalize_str("الرقة ١٣"), "الرقة ١٣");
}

#[test]
fn normalize_into_reuses_buffers() {
    let n = Normalizer::new();
    let mut out = String::new();
    let mut map = rasad::normalize::OffsetMap::default();
    assert!(n.normalize_into("قُتل ٣", &mut out, &mut map));
    assert_eq!(out, "قتل 3");
    assert!(!map.is_identity());
    // Already normal: nothing written, identity map.
    assert!(!n.normalize_into("قتل 3", &mut out, &mut map));
    assert!(out.is_empty());
    assert!(map.is_identity());
}

#[test]
fn spans_map_back_to_the_original_words() {
    let text = "أعلنت «قسد» مقتلَ ٣ عناصر من تنظيمِ داعـــش في بلدة الشُّحَيْل، بريف دير الزور.";
    let n = Normalizer::new().normalize(text);
    for (word, original) in [
        ("قسد", "قسد"),
        ("3", "٣"),
        ("داعش", "داعـــش"),
        ("الشحيل", "الشُّحَيْل"),
        ("دير الزور", "دير الزور"),
        ("مقتل", "مقتلَ"),
    ] {
        let at = n.as_str().find(word).unwrap_or_else(|| panic!("{word} not in {}", n.as_str()));
        let span = n.original_span(Span::new(at, at + word.len()));
        assert_eq!(&text[span], original, "word {word}");
        // And back again.
        assert_eq!(n.map().to_normalized_span(span), Span::new(at, at + word.len()), "word {word}");
    }
}

#[test]
fn bad_input_never_panics() {
    let n = Normalizer::new();
    // 1 MB of diacritics: all removed.
    let marks: String = "\u{64E}\u{651}\u{652}\u{650}".repeat(1_000_000 / 8);
    assert_eq!(marks.len(), 1_000_000);
    let out = n.normalize(&marks);
    assert_eq!(out.as_str(), "");
    assert_eq!(out.original_span(Span::new(0, 0)), Span::new(1_000_000, 1_000_000));

    // 100,000 tatweels between two letters.
    let stretched = format!("د{}ش", "ـ".repeat(100_000));
    let out = n.normalize(&stretched);
    assert_eq!(out.as_str(), "دش");
    assert_eq!(out.original_text(Span::new(0, 4)), stretched);

    // A run of 10,000 Arabic-Indic digits.
    let digits = "٣".repeat(10_000);
    let out = n.normalize(&digits);
    assert_eq!(out.as_str(), "3".repeat(10_000));
    assert_eq!(out.original_span(Span::new(5, 7)), Span::new(10, 14));

    // Empty, only spaces, only controls, mixed scripts and emoji.
    assert_eq!(n.normalize_str(""), "");
    assert_eq!(n.normalize_str("   "), " ");
    assert_eq!(n.normalize_str("\u{200B}\u{200F}\u{FEFF}"), "");
    assert_eq!(n.normalize_str("ISIS 💥 داعش 中文 ١"), "isis 💥 داعش 中文 1");
}

#[test]
fn positions_past_the_end_are_clamped() {
    let n = Normalizer::new().normalize("إِدْلِب");
    assert_eq!(n.map().to_original_end(1000), n.original().len());
    assert_eq!(n.map().to_normalized_end(1000), n.as_str().len());
}
