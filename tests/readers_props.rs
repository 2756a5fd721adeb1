//! Property tests of the date and number readers: any text, no panic, and
//! every span on char boundaries of the normalized text it was read from.

use chrono::NaiveDate;
use proptest::prelude::*;
use rasad::normalize::Normalizer;
use rasad::number::find_counts;
use rasad::time::find_dates;

/// Words and digits of dates and numbers, shuffled with noise.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "13", "2025", "٢٠١٥", "1,200", "3:54", "/", "-", "،", "(", ")", "كانون", "الأول", "ديسمبر", "أيار",
            "مايو", "شباط", "آب", "مارس", "رمضان", "١٤٤٦", "هـ", "الأربعاء", "يوم", "الماضي", "المقبل", "أمس",
            "اليوم", "منذ", "قبل", "ثلاثة", "وعشرون", "مئة", "ألف", "آلاف", "عشرات", "جنديان", "على", "الأقل",
            "أكثر", "من", "نحو", "بين", "و5000", "عام", "الثالث", "عشر", "0", "32", "99999999999999999999999",
        ]).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[ \\n0-9]{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn readers_never_panic(pieces in prop::collection::vec(piece(), 0..25), pub_day in 0i64..20000) {
        let text = pieces.join(" ");
        let norm = Normalizer::new().normalize_str(&text);
        let published = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap().checked_add_signed(chrono::Duration::days(pub_day));
        for d in find_dates(&norm, published).into_iter().chain(find_dates(&norm, None)) {
            prop_assert!(norm.is_char_boundary(d.span.start) && norm.is_char_boundary(d.span.end));
            let v = d.value.to_string();
            prop_assert!(v.len() >= 4, "bad value {v}");
            if let (Some(m), Some(day)) = (d.value.month, d.value.day) {
                prop_assert!((1..=12).contains(&m) && (1..=31).contains(&day));
            }
        }
        for c in find_counts(&norm) {
            prop_assert!(norm.is_char_boundary(c.span.start) && norm.is_char_boundary(c.span.end));
            prop_assert!(c.max.is_none_or(|m| m >= c.min || c.min == 0), "{:?}", c);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn extract_never_panics(pieces in prop::collection::vec(prop_oneof![
        piece(),
        prop::sample::select(vec![
            "قتل", "هجوم", "كمين", "داعش", "التنظيم", "قسد", "تدمر", "بإدلب", "للرقة", "الجماعة", ".", "\n",
            "نفذتها", "قوات", "التحالف", "الدولي", "أصيب", "مقتل", "قرب", "في", "احبطت",
        ]).prop_map(str::to_string),
    ], 0..40)) {
        let text = pieces.join(" ");
        for e in rasad::Extractor::embedded().extract(&rasad::Document::new("p", text.clone())) {
            prop_assert!(text.is_char_boundary(e.trigger.span.start) && text.is_char_boundary(e.trigger.span.end));
            prop_assert_eq!(&text[e.trigger.span], e.trigger.text.as_str());
        }
    }
}
