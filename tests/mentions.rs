//! Mentions of the two dev reports (read from ../shared; skipped, saying so,
//! when it is absent): every place, actor, person, date, count and trigger a
//! reader of the report would list, and nothing read twice.

use std::collections::HashSet;
use std::path::Path;

use rasad::{Document, Extractor, Mention, MentionKind};

fn mentions(name: &str) -> Option<(String, Vec<Mention>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev").join(name);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return None;
    };
    let m = Extractor::embedded().mentions(&Document::new(name, text.clone()));
    Some((text, m))
}

/// `type=key` strings: place=<name_en>, actor=<id>, person=<id>,
/// date=<value>, number=<min>-<max>, trigger=<kind>.
fn keys(ms: &[Mention]) -> HashSet<String> {
    ms.iter()
        .map(|m| match &m.what {
            MentionKind::Place { name, .. } => format!("place={name}"),
            MentionKind::Actor { id, .. } => format!("actor={id}"),
            MentionKind::Person { id, .. } => format!("person={id}"),
            MentionKind::Date { value, .. } => format!("date={value}"),
            MentionKind::Number { min, max, .. } => {
                format!("number={min}-{}", max.map_or("".to_string(), |m| m.to_string()))
            }
            MentionKind::Trigger { kind } => format!("trigger={kind}"),
        })
        .collect()
}

fn check(text: &str, ms: &[Mention], expected: &[&str], absent: &[&str]) {
    let found = keys(ms);
    for e in expected {
        assert!(found.contains(*e), "{e} not found; found {found:?}");
    }
    for a in absent {
        assert!(!found.contains(*a), "{a} should not be found");
    }
    // Text order, spans that slice the original, and no two mentions of the same words.
    let mut last = 0;
    let mut seen = HashSet::new();
    for m in ms {
        assert!(m.span.start >= last, "not in text order at {:?}", m.span);
        last = m.span.start;
        assert_eq!(&text[m.span], m.text);
        assert!(seen.insert((m.span, m.what.type_name())), "{:?} reported twice", m.span);
    }
}

#[test]
fn dev_report_000() {
    let Some((text, ms)) = mentions("000_7991aee8cf547fe7.txt") else { return };
    check(
        &text,
        &ms,
        &[
            "place=Atmeh",
            "place=Idlib",
            "place=Syria",
            "actor=isis",
            "actor=coalition",
            "actor=syria_gov",
            "actor=sdf",
            "person=abu_hafs_al_hashimi_al_qurashi",
            "date=2025-08-21",
            "date=2025-08-20",
            "trigger=raid",
            "trigger=killed",
        ],
        // 3:54 is a time, not a number; the digits of the dateline are a date.
        &["number=3-3", "number=54-54", "number=21-21", "number=2025-2025"],
    );
}

#[test]
fn dev_report_003() {
    let Some((text, ms)) = mentions("003_1bf9be427d61f529.txt") else { return };
    check(
        &text,
        &ms,
        &[
            "place=Palmyra",
            "place=Raqqa",
            "place=Damascus",
            "place=Idlib",
            "place=Iraq",
            "actor=isis",
            "actor=hts",
            "actor=sdf",
            "actor=us",
            "actor=coalition",
            "actor=syria_gov",
            "person=ahmed_al_sharaa",
            "person=bashar_al_assad",
            "date=XXXX-12-13",
            "date=2015-05",
            "date=2017-05",
            "date=2017",
            "date=2024-12-08",
            "date=2025-06",
            "number=25-",
            "number=3000-5000",
            "number=63-63",
            "number=2-2",
            "number=4-4",
            "trigger=ambush",
            "trigger=territory_seized",
            "trigger=armed_attack",
            "trigger=disrupted_attack",
            "trigger=killed",
            "trigger=wounded",
        ],
        &["number=2015-2015", "number=2017-2017", "number=13-13", "number=8-8", "number=2024-2024"],
    );
}

#[test]
fn short_texts() {
    let x = Extractor::embedded();
    let one = |t: &str| x.mentions(&Document::new("s", t));
    assert!(matches!(&one("ثلاثة وعشرون")[0].what, MentionKind::Number { min: 23, max: Some(23), .. }));
    assert!(
        matches!(&one("١٥ رمضان ١٤٤٦ هـ")[0].what, MentionKind::Date { value, .. } if value.to_string() == "2025-03-15")
    );
    assert!(matches!(&one("بتدمر")[0].what, MentionKind::Place { clitic: Some("ب"), .. }));
    assert!(
        matches!(&one("الأحد الماضي")[0].what, MentionKind::Date { value, .. } if value.to_string() == "XXXX-XX-XX")
    );
    assert!(one("").is_empty());
}
