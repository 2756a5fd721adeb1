#![cfg(feature = "full-gazetteer")]
//! Places of the full gazetteer (feature `full-gazetteer`: the ~27,000
//! generated places of `gazetteers/places_wof.tsv` besides the curated core)
//! read from news sentences: the towns and villages of ISIS and counter-ISIS
//! reporting land in the right governorate, generated villages named like
//! ordinary words stay words, and names shared by Syria and Iraq follow the
//! governorate named nearby or in the rest of the report.
//!
//! The row tests collect every failing row and report them all at once.

use rasad::gazetteer::{Gazetteer, Place, PlaceKind, PlaceRule};
use rasad::normalize::Normalizer;
use rasad::{Document, Extractor, MentionKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// `name_ar`, `governorate_en`, `sentence`: a town or village of ISIS
/// reporting and a sentence that names it.
const TOWNS: &str = include_str!("data/towns_isis.tsv");
/// `name_ar`, `sentence`: a generated village named like an ordinary word,
/// and a sentence where that word is not the village.
const COMMON_WORDS: &str = include_str!("data/common_word_villages.tsv");

/// The data rows of a TSV file checked against its header: `(line number, fields)`.
fn rows<'a>(tsv: &'a str, header: &[&str]) -> Vec<(usize, Vec<&'a str>)> {
    let mut lines = tsv.lines().enumerate();
    let (_, first) = lines.next().expect("a header line");
    assert_eq!(first.split('\t').collect::<Vec<_>>(), header, "header of the test data");
    lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), header.len(), "line {}: {l:?}", i + 1);
            (i + 1, fields)
        })
        .collect()
}

fn norm(s: &str) -> String {
    Normalizer::new().normalize_str(s)
}

/// True when `name` (normalized) ends a word of `text` (normalized): «بالحريه»
/// holds «الحريه», «الجديده» does not hold «الجديد».
fn holds(text: &str, name: &str) -> bool {
    let (text, name) = (norm(text), norm(name));
    text.match_indices(&name)
        .any(|(i, _)| text[i + name.len()..].chars().next().is_none_or(|c| !c.is_alphabetic()))
}

/// A place mention, as the extractor gives it.
struct Found {
    text: String,
    id: String,
    name: String,
    kind: &'static str,
    rule: PlaceRule,
}

fn extractor() -> &'static Extractor {
    Extractor::embedded()
}

/// Every place mention of `text`, in text order.
fn places(text: &str) -> Vec<Found> {
    extractor()
        .mentions(&Document::new("t", text))
        .into_iter()
        .filter_map(|m| match m.what {
            MentionKind::Place { id, name, kind, rule, .. } => {
                Some(Found { text: m.text, id, name, kind, rule })
            }
            _ => None,
        })
        .collect()
}

/// The English name of the governorate a place lies in.
fn governorate_en(g: &Gazetteer, p: &Place) -> Option<String> {
    g.governorate_of(p).and_then(|id| g.place(&id)).map(|gov| gov.name_en.clone())
}

fn is_generated(p: &Place) -> bool {
    p.needs_kind || p.needs_context
}

/// `«text» → id (name, kind, rule) in governorate [generated]`, for failure lists.
fn describe(f: &Found) -> String {
    let g = extractor().gazetteer();
    let p = g.place(&f.id);
    let gov = p.and_then(|p| governorate_en(g, p)).unwrap_or_else(|| "no governorate".into());
    let generated = if p.is_some_and(is_generated) { " [generated]" } else { "" };
    format!("«{}» → {} ({}, {}, {:?}) in {gov}{generated}", f.text, f.id, f.name, f.kind, f.rule)
}

fn describe_all(found: &[Found]) -> String {
    if found.is_empty() {
        return "no place at all".into();
    }
    found.iter().map(describe).collect::<Vec<_>>().join("; ")
}

/// The places called `name` (name or alias, compared normalized).
fn places_named(name: &str) -> &'static [&'static Place] {
    static INDEX: OnceLock<HashMap<String, Vec<&'static Place>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let normalizer = Normalizer::new();
        let mut index: HashMap<String, Vec<&'static Place>> = HashMap::new();
        for p in extractor().gazetteer().places() {
            for n in std::iter::once(&p.name_ar).chain(&p.aliases_ar) {
                let list = index.entry(normalizer.normalize_str(n)).or_default();
                if !list.iter().any(|q| q.id == p.id) {
                    list.push(p);
                }
            }
        }
        index
    });
    index.get(&norm(name)).map_or(&[], Vec::as_slice)
}

/// Guards the test data: every town row names a place the gazetteer has, in
/// the governorate the row expects (written as places.tsv writes it), and its
/// sentence names it — so a failure of `towns_land_in_their_governorate` is
/// the library's, not a typo of the data.
#[test]
fn towns_isis_rows_are_places_of_the_gazetteer() {
    let g = extractor().gazetteer();
    let govs: Vec<&str> =
        g.places().iter().filter(|p| p.kind == PlaceKind::Governorate).map(|p| p.name_en.as_str()).collect();
    let mut bad = Vec::new();
    for (line, f) in rows(TOWNS, &["name_ar", "governorate_en", "sentence"]) {
        let (name, gov, sentence) = (f[0], f[1], f[2]);
        if !govs.contains(&gov) {
            bad.push(format!("line {line} {name}: {gov:?} is not a governorate's name_en"));
        } else if !places_named(name).iter().any(|p| governorate_en(g, p).as_deref() == Some(gov)) {
            bad.push(format!("line {line} {name}: no place of that name in {gov}"));
        }
        if !holds(sentence, name) {
            bad.push(format!("line {line} {name}: the sentence does not name it"));
        }
    }
    assert!(bad.is_empty(), "bad rows in towns_isis.tsv:\n{}", bad.join("\n"));
}

/// Every town of ISIS reporting (Euphrates valley, Badia, Hasakah; Anbar,
/// Nineveh, Salahuddin, Kirkuk, Diyala) is found in its sentence, as
/// reports name it (with its kind word, a locative cue, a clitic, a
/// governorate or ريف nearby), and resolves to a place of the governorate it
/// lies in — not to a namesake village elsewhere. Lists every failing row.
#[test]
fn towns_land_in_their_governorate() {
    let g = extractor().gazetteer();
    let data = rows(TOWNS, &["name_ar", "governorate_en", "sentence"]);
    let mut failures = Vec::new();
    for (line, f) in &data {
        let (name, gov, sentence) = (f[0], f[1], f[2]);
        let found = places(sentence);
        match found.iter().find(|m| holds(&m.text, name)) {
            None => failures.push(format!(
                "line {line} {name} (expected {gov}): not found; places: {}\n    {sentence}",
                describe_all(&found)
            )),
            Some(m) => {
                let got = g.place(&m.id).and_then(|p| governorate_en(g, p));
                if got.as_deref() != Some(gov) {
                    failures.push(format!(
                        "line {line} {name} (expected {gov}): got {}\n    {sentence}",
                        describe(m)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} towns_isis.tsv rows failed:\n{}",
        failures.len(),
        data.len(),
        failures.join("\n")
    );
}

/// Guards the test data: every common-word row names a generated village
/// (flag needs_kind or needs_context) that the gazetteer has, and its
/// sentence holds the word.
#[test]
fn common_word_rows_are_generated_villages() {
    let mut bad = Vec::new();
    for (line, f) in rows(COMMON_WORDS, &["name_ar", "sentence"]) {
        let (name, sentence) = (f[0], f[1]);
        if !places_named(name).iter().any(|p| is_generated(p)) {
            bad.push(format!("line {line} {name}: no generated place of that name"));
        }
        if !holds(sentence, name) {
            bad.push(format!("line {line} {name}: the sentence does not hold it"));
        }
    }
    assert!(bad.is_empty(), "bad rows in common_word_villages.tsv:\n{}", bad.join("\n"));
}

/// Generated villages named like ordinary words (الجديدة، الحرية، الشرطة،
/// البستان ...) are not read as places where the word is a word: after the
/// article-bearing noun it qualifies (القرية الجديدة، المنطقة الشرقية), after
/// an indefinite kind word (قرية جديدة), after في or ب (في الجديد من،
/// بالحرية), in an idiom or a name (الجامعة العربية، قناة الجزيرة), even when
/// a governorate that holds a namesake village is named in the sentence.
/// Lists every row where a place mention holds the word.
#[test]
fn common_words_are_not_villages() {
    let data = rows(COMMON_WORDS, &["name_ar", "sentence"]);
    let mut failures = Vec::new();
    for (line, f) in &data {
        let (name, sentence) = (f[0], f[1]);
        let wrong: Vec<Found> = places(sentence).into_iter().filter(|m| holds(&m.text, name)).collect();
        if !wrong.is_empty() {
            failures.push(format!("line {line} {name}: read as {}\n    {sentence}", describe_all(&wrong)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} common_word_villages.tsv rows failed:\n{}",
        failures.len(),
        data.len(),
        failures.join("\n")
    );
}

/// Checks `(sentence, name, governorate_en, rule)` cases: the first place
/// mention holding `name` lies in that governorate and was chosen by that
/// rule. Every failing case is listed.
fn check_shared(cases: &[(&str, &str, &str, PlaceRule)]) {
    let g = extractor().gazetteer();
    let mut failures = Vec::new();
    for (sentence, name, gov, rule) in cases {
        let found = places(sentence);
        match found.iter().find(|m| holds(&m.text, name)) {
            None => failures.push(format!(
                "{name} (expected {gov}, {rule:?}): not found; places: {}",
                describe_all(&found)
            )),
            Some(m) => {
                let got = g.place(&m.id).and_then(|p| governorate_en(g, p));
                if got.as_deref() != Some(*gov) || m.rule != *rule {
                    failures.push(format!("{name} (expected {gov}, {rule:?}): got {}", describe(m)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// ليلان is a village near Qamishli (Hasakah) and one in Daquq (Kirkuk): the
/// district or governorate named in the same sentence picks it, both ways.
#[test]
fn laylan_follows_the_place_named_nearby() {
    check_shared(&[
        (
            "قتل مزارع بانفجار لغم أرضي في قرية ليلان بريف القامشلي في محافظة الحسكة.",
            "ليلان",
            "Hasakah",
            PlaceRule::AdminParent,
        ),
        (
            "هاجم مسلحون من داعش نقطة للشرطة في قرية ليلان التابعة لقضاء داقوق جنوب كركوك.",
            "ليلان",
            "Kirkuk",
            PlaceRule::AdminParent,
        ),
    ]);
}

/// البحرة is a village of Deir ez-Zor (and of Hama) and one of Nineveh's
/// al-Hamdaniya district: ريف دير الزور or قضاء الحمدانية decides.
#[test]
fn bahra_follows_the_place_named_nearby() {
    check_shared(&[
        (
            "أصيب طفلان بانفجار جسم غريب في قرية البحرة بريف دير الزور الشرقي.",
            "البحرة",
            "Deir ez-Zor",
            PlaceRule::AdminParent,
        ),
        (
            "عادت عشرات العائلات النازحة إلى قرية البحرة التابعة لقضاء الحمدانية في محافظة نينوى.",
            "البحرة",
            "Nineveh",
            PlaceRule::AdminParent,
        ),
    ]);
}

/// أبو خشب is a village of Deir ez-Zor and one of Sinjar district
/// (Nineveh), both generated: the governorate or district nearby decides.
#[test]
fn abu_khashab_follows_the_place_named_nearby() {
    check_shared(&[
        (
            "اعتقلت قوات سوريا الديمقراطية خمسة أشخاص في قرية أبو خشب بريف دير الزور الشمالي.",
            "أبو خشب",
            "Deir ez-Zor",
            PlaceRule::AdminParent,
        ),
        (
            "عثرت قوة من الجيش العراقي على مخبأ للأسلحة في قرية أبو خشب التابعة لقضاء سنجار غربي نينوى.",
            "أبو خشب",
            "Nineveh",
            PlaceRule::AdminParent,
        ),
    ]);
}

/// سنجار is Nineveh's Yazidi town and district, and a town of Idlib
/// (Maarat al-Numan; villages of Hama and Hasakah too). After بلدة, which
/// names both a town and a village, the governorate nearby decides, both
/// ways: the Syrian one must not be swallowed by the better-known Iraqi one.
#[test]
fn sinjar_follows_the_place_named_nearby() {
    check_shared(&[
        (
            "قصفت طائرات حربية أطراف بلدة سنجار بريف إدلب الجنوبي الشرقي.",
            "سنجار",
            "Idlib",
            PlaceRule::AdminParent,
        ),
        (
            "عثر فريق المقابر الجماعية على رفات ضحايا إيزيديين قرب بلدة سنجار في محافظة نينوى.",
            "سنجار",
            "Nineveh",
            PlaceRule::AdminParent,
        ),
    ]);
}

/// الحسينية is a village near the city of Deir ez-Zor and villages of
/// Anbar's Hit district (and of a dozen other governorates; some Iraqi rows
/// carry the kind word in their name, «قرية الحسينية»): ريف دير الزور or
/// قضاء هيت decides.
#[test]
fn husayniyah_follows_the_place_named_nearby() {
    check_shared(&[
        (
            "قتل مدنيان بقصف مدفعي استهدف قرية الحسينية بريف دير الزور الغربي.",
            "الحسينية",
            "Deir ez-Zor",
            PlaceRule::AdminParent,
        ),
        (
            "داهمت القوات الأمنية قرية الحسينية التابعة لقضاء هيت غربي الأنبار واعتقلت مطلوبين.",
            "الحسينية",
            "Anbar",
            PlaceRule::AdminParent,
        ),
    ]);
}

/// When no place that contains it is named nearby, a shared name follows the
/// governorate of the report's other places (rule `document`): ليلان in a
/// report from Kirkuk is Kirkuk's, in a report from Hasakah Hasakah's.
#[test]
fn laylan_follows_the_rest_of_the_report() {
    check_shared(&[
        (
            "أعلنت قيادة شرطة كركوك حصيلة عملياتها خلال الأسبوع الماضي. وقالت في بيان لاحق إن عبوة ناسفة \
             انفجرت صباح اليوم قرب مزرعة على أطراف قرية ليلان وأسفرت عن إصابة مدنيين اثنين.",
            "ليلان",
            "Kirkuk",
            PlaceRule::Document,
        ),
        (
            "أعلنت قوى الأمن الداخلي في الحسكة حصيلة عملياتها خلال الأسبوع الماضي. وقالت في بيان لاحق إن \
             عبوة ناسفة انفجرت صباح اليوم قرب مزرعة على أطراف قرية ليلان وأسفرت عن إصابة مدنيين اثنين.",
            "ليلان",
            "Hasakah",
            PlaceRule::Document,
        ),
    ]);
}
