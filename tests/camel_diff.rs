//! Differential check against CAMeL Tools, character by character.
//!
//! `tests/data/camel_tools_chars.tsv` records what CAMeL Tools 1.6.0 does to
//! every single character U+0000–U+FFFF with `normalize_alef_ar`,
//! `normalize_alef_maksura_ar`, `normalize_teh_marbuta_ar`, `dediac_ar` and
//! `normalize_unicode` (regenerate with `python3 tools/camel_tables.py`).
//! This test lists where rasad agrees and where it deliberately differs, and
//! fails when a difference appears that is not in [`DELIBERATE`] or when an
//! entry of [`DELIBERATE`] stops being a difference.

use std::collections::HashMap;

use rasad::normalize::Normalizer;

/// Where rasad's default normalizer differs from CAMeL Tools' four Arabic
/// functions applied in a row, and why. Ranges are inclusive.
const DELIBERATE: &[(u32, u32, &str)] = &[
    (
        0x0610,
        0x061A,
        "honorific and Quranic signs above letters are combining marks: removed with the diacritics",
    ),
    (0x061C, 0x061C, "ARABIC LETTER MARK is a bidi control: removed with the other controls"),
    (
        0x0624,
        0x0624,
        "hamza carrier ؤ → و: news writes مؤتمر and موتمر; CAMeL has no such rule in these functions",
    ),
    (0x0626, 0x0626, "hamza carrier ئ → ي: رئيس and رييس, هيئة and هيية match alike"),
    (0x0640, 0x0640, "tatweel is stretching, not spelling: تـــدمر is تدمر (CAMeL keeps it in dediac_ar)"),
    (
        0x0653,
        0x065F,
        "maddah, hamza above/below and the other combining marks: removed with the harakat, so that decomposed ا+U+0654 folds like أ",
    ),
    (
        0x0660,
        0x0669,
        "Arabic-Indic digits fold to ASCII so that numbers and dates read the same in every script",
    ),
    (0x066B, 0x066C, "Arabic decimal and thousands separators fold to . and , inside numbers"),
    (0x0672, 0x0673, "alef with wavy hamza above/below are alef variants too (seen in mis-encoded text)"),
    (0x06A9, 0x06A9, "keheh ک → ك: Persian keyboards type it for Arabic kaf"),
    (0x06CC, 0x06CC, "Farsi yeh ی → ي: Persian keyboards type it for Arabic yeh"),
    (0x06D6, 0x06ED, "Quranic annotation marks: removed with the diacritics"),
    (0x06F0, 0x06F9, "Persian digits fold to ASCII"),
    (0x08D3, 0x08E1, "Arabic Extended-A combining marks: removed with the diacritics"),
    (0x08E3, 0x08FF, "Arabic Extended-A combining marks: removed with the diacritics"),
];

/// Presentation forms where rasad's NFKC differs from CAMeL's `normalize_unicode`.
const DELIBERATE_FORMS: &[(u32, &str)] = &[(
    0xFDFD,
    "﷽ has no compatibility decomposition in Unicode; CAMeL spells it out, rasad keeps the symbol",
)];

struct Camel {
    /// function name → (char → output).
    tables: HashMap<String, HashMap<char, String>>,
}

impl Camel {
    fn load() -> Camel {
        let data = include_str!("data/camel_tools_chars.tsv");
        let mut tables: HashMap<String, HashMap<char, String>> = HashMap::new();
        for line in data.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "bad row {line:?}");
            let c = parse_cp(cols[0]);
            let out: String = cols[2].split_whitespace().map(parse_cp).collect();
            tables.entry(cols[1].to_string()).or_default().insert(c, out);
        }
        Camel { tables }
    }

    fn apply(&self, function: &str, s: &str) -> String {
        let t = &self.tables[function];
        s.chars().map(|c| t.get(&c).cloned().unwrap_or_else(|| c.to_string())).collect()
    }

    /// The four Arabic functions in a row, as a CAMeL user would chain them.
    fn arabic(&self, s: &str) -> String {
        let s = self.apply("dediac_ar", s);
        let s = self.apply("normalize_alef_ar", &s);
        let s = self.apply("normalize_alef_maksura_ar", &s);
        self.apply("normalize_teh_marbuta_ar", &s)
    }
}

fn parse_cp(s: &str) -> char {
    let hex = s.strip_prefix("U+").unwrap_or_else(|| panic!("bad code point {s:?}"));
    char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap()
}

fn deliberate(cp: u32) -> Option<&'static str> {
    DELIBERATE.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&cp)).map(|d| d.2)
}

#[test]
fn every_camel_rule_is_a_rasad_rule() {
    let camel = Camel::load();
    let rasad = Normalizer::new();
    for f in ["dediac_ar", "normalize_alef_ar", "normalize_alef_maksura_ar", "normalize_teh_marbuta_ar"] {
        let table = &camel.tables[f];
        assert!(!table.is_empty(), "{f} has no rows");
        for (c, out) in table {
            assert_eq!(rasad.normalize_str(&c.to_string()), *out, "{f} on U+{:04X}", *c as u32);
        }
    }
}

#[test]
fn arabic_blocks_agree_except_where_listed() {
    let camel = Camel::load();
    let rasad = Normalizer::new();
    let mut agree = 0;
    let mut differ = Vec::new();
    for cp in (0x0600u32..=0x06FF).chain(0x0750..=0x077F).chain(0x08A0..=0x08FF) {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let s = c.to_string();
        let ours = rasad.normalize_str(&s);
        let theirs = camel.arabic(&s);
        match (ours == theirs, deliberate(cp)) {
            (true, None) => agree += 1,
            (false, Some(_)) => differ.push(cp),
            (false, None) => {
                panic!("U+{cp:04X} {c}: rasad {ours:?}, CAMeL {theirs:?}, and no reason is listed")
            }
            (true, Some(why)) => {
                panic!("U+{cp:04X} {c} is listed as a difference ({why}) but both give {ours:?}")
            }
        }
    }
    // The list is exactly the set of differences, and most characters agree.
    assert!(agree > 250, "only {agree} characters agree");
    for (lo, hi, why) in DELIBERATE {
        assert!(
            differ.iter().any(|cp| (*lo..=*hi).contains(cp)),
            "U+{lo:04X}..U+{hi:04X} ({why}) no longer differs"
        );
    }
}

#[test]
fn presentation_forms_agree_with_nfkc_except_where_listed() {
    let camel = Camel::load();
    let rasad = Normalizer::new();
    let mut checked = 0;
    for (c, out) in &camel.tables["normalize_unicode"] {
        let cp = *c as u32;
        if !((0xFB50..=0xFDFF).contains(&cp) || (0xFE70..=0xFEFE).contains(&cp)) {
            continue;
        }
        checked += 1;
        // CAMeL stops after NFKC; rasad folds the result further (آ → ا), so
        // compare with the rest of rasad's rules applied to CAMeL's output.
        let ours = rasad.normalize_str(&c.to_string());
        let theirs = rasad.normalize_str(out);
        let listed = DELIBERATE_FORMS.iter().find(|d| d.0 == cp);
        match listed {
            None => assert_eq!(ours, theirs, "U+{cp:04X} {c}"),
            Some((_, why)) => assert_ne!(ours, theirs, "U+{cp:04X} listed ({why}) but agrees"),
        }
    }
    assert!(checked > 700, "only {checked} presentation forms checked");
}
