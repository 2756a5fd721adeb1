//! The text every bench runs on: a fixed sample of the real news corpus in
//! `../shared/corpus/news` when it is present, else deterministic generated
//! Arabic news-like text of the same size.

use std::io::{BufRead, BufReader};

/// Bytes of article text in the sample.
pub const SAMPLE_BYTES: usize = 20_000_000;

/// Articles (their `text` fields) totalling about `bytes`, and where they came from.
pub fn news_sample(bytes: usize) -> (Vec<String>, &'static str) {
    match read_corpus(bytes) {
        Some(docs) => (docs, "../shared/corpus/news (first articles of news-000)"),
        None => (generated(bytes), "generated text (../shared/corpus/news absent)"),
    }
}

fn read_corpus(bytes: usize) -> Option<Vec<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news");
    let file = std::fs::File::open(dir.join("news-000.jsonl.gz")).ok()?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut docs = Vec::new();
    let mut total = 0;
    for line in reader.lines() {
        let line = line.ok()?;
        let v: serde_json::Value = serde_json::from_str(&line).ok()?;
        let text = v.get("text")?.as_str()?.to_string();
        total += text.len();
        docs.push(text);
        if total >= bytes {
            break;
        }
    }
    Some(docs)
}

/// Deterministic Arabic news-like text: words of news vocabulary with the
/// hamzas, teh marbutas, occasional diacritics, tatweel and Arabic-Indic
/// digits that real reports have.
pub fn generated(bytes: usize) -> Vec<String> {
    const WORDS: &[&str] = &[
        "أعلنت",
        "قوات",
        "سوريا",
        "الديمقراطية",
        "مقتل",
        "عناصر",
        "من",
        "تنظيم",
        "داعش",
        "في",
        "هجوم",
        "على",
        "نقطة",
        "عسكرية",
        "بريف",
        "دير",
        "الزور",
        "الشرقي",
        "وأصيب",
        "آخرون",
        "بجروح",
        "إثر",
        "انفجار",
        "عبوة",
        "ناسفة",
        "قرب",
        "مدينة",
        "تدمر",
        "وسط",
        "البلاد",
        "يوم",
        "الأربعاء",
        "الماضي",
        "حسبما",
        "أفادت",
        "مصادر",
        "محلية",
        "لوكالة",
        "الأنباء",
        "التحالف",
        "الدولي",
        "غارة",
        "جوية",
        "استهدفت",
        "قيادياً",
        "بارزاً",
        "إدلب",
        "أطمة",
        "مُسلّحون",
        "مجهولون",
        "كمينٍ",
        "دوريةٍ",
        "الأمن",
        "العام",
        "الـــرقة",
        "٢٠٢٥",
        "١٣",
        "ثلاثة",
        "جنود",
        "إلى",
        "مستشفى",
        "الحسكة",
        "الهول",
        "مخيم",
        "المسؤولين",
        "الأمريكيين",
    ];
    let mut state: u64 = 0x2545F4914F6CDD1D;
    let mut docs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let mut doc = String::with_capacity(4096);
        for i in 0..600 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            doc.push_str(WORDS[(state % WORDS.len() as u64) as usize]);
            doc.push_str(if i % 17 == 16 {
                ".\n"
            } else if i % 9 == 8 {
                "، "
            } else {
                " "
            });
        }
        total += doc.len();
        docs.push(doc);
    }
    docs
}
