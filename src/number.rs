//! Stage 3b: numbers and counts — digits, number words, duals, and bounds
//! ("at least", "more than", "about", "between ... and ...", "dozens").
//!
//! The reader works on the tokens of normalized text, so ٣ is already 3 and
//! ثلاثة is ثلاثه. It never panics: digit runs too long for a `u64` are not
//! counts, and all arithmetic saturates.
//!
//! ```
//! use rasad::number::find_counts;
//! use rasad::normalize::Normalizer;
//!
//! let text = Normalizer::new().normalize_str("مقتل ما لا يقل عن خمسة وعشرين شخصاً");
//! let c = &find_counts(&text)[0];
//! assert_eq!((c.min, c.max, c.approx), (25, None, false));
//! assert_eq!(&text[c.span], "ما لا يقل عن خمسه وعشرين");
//! ```

use crate::token::WordMap;
use rustc_hash::FxHashMap as HashMap;

use once_cell::sync::Lazy;

use crate::span::Span;
use crate::token::{Token, TokenKind, tokenize};

/// A quantity read from text: exact (`min == max`), open (`max` is `None`,
/// "at least"), a range, or approximate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count {
    /// The smallest value the text allows.
    pub min: u64,
    /// The largest value the text allows; `None` when open ("at least 25").
    pub max: Option<u64>,
    /// "About", "nearly": the value is not exact.
    pub approx: bool,
    /// The words read, bound cues included, in the normalized text.
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// 1–10 (and 1, 2 in the forms used before عشر).
    Unit(u64),
    /// عشر / عشره after a unit: 11–19.
    TeenTen,
    /// 20–90.
    Ten(u64),
    /// 100–900 written as one word.
    Hundred(u64),
    /// مئه after a unit (ثلاث مئه).
    HundredMul,
    /// الف (×1000), الفان (2000), الاف (×1000, plural); مليون ...
    Scale { value: u64, plural: bool },
    /// عشرات, مئات: "tens", "hundreds" (open).
    Vague(u64),
    /// A dual counted noun: جنديان، عنصرين.
    Dual,
    /// احد / احدي: "one" before عشر, "one of" before a noun.
    OneOf,
    /// بضع / بضعه: "a few", 3 to 9.
    Few,
}

static WORDS: Lazy<WordMap<Word>> = Lazy::new(|| {
    use Word::*;
    let mut m = HashMap::default();
    let units: &[(&[&str], u64)] = &[
        (&["واحد", "واحده"], 1),
        (&["اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثنتا", "اثني", "اثنتي"], 2),
        (&["ثلاثه", "ثلاث"], 3),
        (&["اربعه", "اربع"], 4),
        (&["خمسه", "خمس"], 5),
        (&["سته", "ست"], 6),
        (&["سبعه", "سبع"], 7),
        (&["ثمانيه", "ثماني", "ثمان"], 8),
        (&["تسعه", "تسع"], 9),
    ];
    for (forms, v) in units {
        for f in *forms {
            m.insert(*f, Unit(*v));
        }
    }
    m.insert("عشره", Unit(10));
    m.insert("عشر", Unit(10));
    let tens: &[(&str, &str, u64)] = &[
        ("عشرون", "عشرين", 20),
        ("ثلاثون", "ثلاثين", 30),
        ("اربعون", "اربعين", 40),
        ("خمسون", "خمسين", 50),
        ("ستون", "ستين", 60),
        ("سبعون", "سبعين", 70),
        ("ثمانون", "ثمانين", 80),
        ("تسعون", "تسعين", 90),
    ];
    for (a, b, v) in tens {
        m.insert(*a, Ten(*v));
        m.insert(*b, Ten(*v));
    }
    for (stem, v) in [
        ("ثلاث", 300),
        ("اربع", 400),
        ("خمس", 500),
        ("ست", 600),
        ("سبع", 700),
        ("ثمان", 800),
        ("ثماني", 800),
        ("تسع", 900),
    ] {
        m.insert(leak(format!("{stem}ميه")), Hundred(v));
        m.insert(leak(format!("{stem}مايه")), Hundred(v));
    }
    for f in ["ميه", "مايه"] {
        m.insert(f, HundredMul);
    }
    for f in ["ميتان", "ميتين", "مايتان", "مايتين", "ميتي", "مايتي"] {
        m.insert(f, Hundred(200));
    }
    for f in ["الف", "الفا"] {
        m.insert(f, Scale { value: 1000, plural: false });
    }
    m.insert("احد", OneOf);
    m.insert("احدي", OneOf);
    for f in ["الفان", "الفين", "الفي"] {
        m.insert(f, Scale { value: 2000, plural: false });
    }
    m.insert("الاف", Scale { value: 1000, plural: true });
    for f in ["مليون", "مليونا"] {
        m.insert(f, Scale { value: 1_000_000, plural: false });
    }
    for f in ["مليونان", "مليونين", "مليوني"] {
        m.insert(f, Scale { value: 2_000_000, plural: false });
    }
    m.insert("ملايين", Scale { value: 1_000_000, plural: true });
    m.insert("مليار", Scale { value: 1_000_000_000, plural: false });
    m.insert("مليارات", Scale { value: 1_000_000_000, plural: true });
    m.insert("عشرات", Vague(20));
    m.insert("ميات", Vague(200));
    m.insert("بضعه", Few);
    m.insert("بضع", Few);
    // Dual counted nouns. A noun whose sound plural ends in ين (مدنيين,
    // مقاتلين) is dual only in its ان form.
    for (stem, plural_in_yn) in DUAL_STEMS {
        m.insert(leak(format!("{stem}ان")), Dual);
        if !plural_in_yn {
            m.insert(leak(format!("{stem}ين")), Dual);
        }
    }
    WordMap::new(m)
});

/// Counted nouns whose dual means "two" (جنديان), with whether their sound
/// masculine plural is spelled like the oblique dual (مدنيين).
const DUAL_STEMS: &[(&str, bool)] = &[
    ("جندي", false),
    ("عنصر", false),
    ("شخص", false),
    ("طفل", false),
    ("ضابط", false),
    ("حارس", false),
    ("جريح", false),
    ("قتيل", false),
    ("رجل", false),
    ("عضو", false),
    ("فرد", false),
    ("قايد", false),
    ("امير", false),
    ("امرات", false),
    ("سيدت", false),
    ("طفلت", false),
    ("صبي", false),
    ("شاب", false),
    ("راعي", false),
    ("صياد", true),
    ("تاجر", false),
    ("طبيب", false),
    ("معلم", true),
    ("مزارع", true),
    ("مدني", true),
    ("مقاتل", true),
    ("عسكري", true),
    ("شرطي", true),
    ("مسلح", true),
    ("قيادي", true),
    ("صحفي", true),
    ("مترجم", true),
    ("مواطن", true),
    ("سايق", true),
    ("معتقل", true),
    ("عامل", true),
    ("موظف", true),
    ("مستشار", true),
    ("طيار", true),
    ("مسوول", true),
    ("انتحاري", true),
];

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The number word behind a token, through its clitics (وعشرون، بثلاثه،
/// العشرات): the word, and where the stem starts.
fn word_of(text: &str) -> Option<(Word, usize)> {
    WORDS.find_stem(text, |at, &w| {
        // المئه، بالمئه، الالف: a rate or a name, not a count.
        let article = text[..at].ends_with("ال") || (at > 0 && text.starts_with("لل"));
        if article
            && matches!(w, Word::HundredMul | Word::Scale { plural: false, .. } | Word::OneOf | Word::Few)
        {
            return None;
        }
        Some((w, at))
    })
}

/// True for a dual counted noun (جنديين، عنصران), with or without article.
pub fn is_dual_noun(word: &str) -> bool {
    matches!(word_of(word), Some((Word::Dual, _)))
}

/// Nouns after which digits name a thing, not a quantity: الفرقه 17،
/// القرار 2254، الصفحه 5، الساعه 10.
const IDENTIFIER_NOUNS: &[&str] = &[
    "الفرقه",
    "فرقه",
    "اللواء",
    "لواء",
    "الكتيبه",
    "كتيبه",
    "الفوج",
    "فوج",
    "الفيلق",
    "فيلق",
    "القرار",
    "قرار",
    "الصفحه",
    "صفحه",
    "العدد",
    "الماده",
    "ماده",
    "رقم",
    "الرقم",
    "برقم",
    "الطريق",
    "طريق",
    "المرسوم",
    "مرسوم",
    "القانون",
    "قانون",
    "البند",
    "بند",
    "الفقره",
    "فقره",
    "الحلقه",
    "حلقه",
    "الجزء",
    "الساعه",
    "ساعه",
    "الطراز",
    "طراز",
    "موديل",
    "النسخه",
    "الاصدار",
    "المقعد",
    "الجيل",
    "نسخه",
    "الدوري",
    "الجوله",
    "الملعب",
    "قناه",
];

/// Where a run of digit groups that looks like a phone number ends
/// (0944 555 123, +963 11 2345678), if one starts at token `i`.
fn phone_run(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Digits {
        return None;
    }
    let plus = i > 0 && tokens[i - 1].text(text) == "+" && !t.space_before;
    let zero = t.text(text).starts_with('0') && t.span.len() >= 3;
    if !plus && !zero {
        return None;
    }
    let mut j = i + 1;
    let mut groups = 1;
    while let Some(n) = tokens.get(j) {
        if n.kind == TokenKind::Digits {
            groups += 1;
            j += 1;
        } else if n.text(text) == "-" && tokens.get(j + 1).is_some_and(|d| d.kind == TokenKind::Digits) {
            j += 1;
        } else {
            break;
        }
    }
    (plus || groups >= 2).then_some(j)
}

/// How a bound before or after the number changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bound {
    AtLeast,
    MoreThan,
    Approx,
    LessThan,
}

/// Cues before a number, as sequences of normalized words.
const BEFORE: &[(&[&str], Bound)] = &[
    (&["ما", "لا", "يقل", "عن"], Bound::AtLeast),
    (&["لا", "يقل", "عن"], Bound::AtLeast),
    (&["علي", "الاقل"], Bound::AtLeast),
    (&["ما", "يزيد", "عن"], Bound::MoreThan),
    (&["ما", "يزيد", "علي"], Bound::MoreThan),
    (&["يزيد", "عن"], Bound::MoreThan),
    (&["يزيد", "علي"], Bound::MoreThan),
    (&["اكثر", "من"], Bound::MoreThan),
    (&["ما", "يربو", "علي"], Bound::MoreThan),
    (&["يربو", "علي"], Bound::MoreThan),
    (&["ما", "يفوق"], Bound::MoreThan),
    (&["يفوق"], Bound::MoreThan),
    (&["ما", "يقارب"], Bound::Approx),
    (&["يقارب"], Bound::Approx),
    (&["ما", "يناهز"], Bound::Approx),
    (&["يناهز"], Bound::Approx),
    (&["نحو"], Bound::Approx),
    (&["حوالي"], Bound::Approx),
    (&["قرابه"], Bound::Approx),
    (&["زهاء"], Bound::Approx),
    (&["اقل", "من"], Bound::LessThan),
];

/// First words of the cues before a number (and of بين ... و / من ... الي).
static CUE_STARTS: Lazy<WordMap<()>> = Lazy::new(|| {
    WordMap::new(
        [
            "ما",
            "لا",
            "علي",
            "يزيد",
            "اكثر",
            "يربو",
            "يفوق",
            "يقارب",
            "يناهز",
            "نحو",
            "حوالي",
            "قرابه",
            "زهاء",
            "اقل",
            "بين",
            "من",
        ]
        .map(|w| (w, ())),
    )
});

/// Cues after a number and its counted noun (مقتل 25 شخصا على الأقل).
const AFTER: &[(&[&str], Bound)] =
    &[(&["علي", "الاقل"], Bound::AtLeast), (&["او", "اكثر"], Bound::AtLeast), (&["تقريبا"], Bound::Approx)];

/// Every count in `normalized` (text from rasad's normalizer), in text order.
pub fn find_counts(normalized: &str) -> Vec<Count> {
    let tokens = tokenize(normalized);
    read_counts(normalized, &tokens)
}

/// Every count in the tokens of `normalized`, in text order.
pub fn read_counts(text: &str, tokens: &[Token]) -> Vec<Count> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(end) = phone_run(text, tokens, i) {
            i = end;
            continue;
        }
        // Most words are neither a number nor a bound cue.
        if tokens[i].kind == TokenKind::Word
            && !CUE_STARTS.contains(tokens[i].text(text))
            && word_of(tokens[i].text(text)).is_none()
        {
            i += 1;
            continue;
        }
        match read_count_at(text, tokens, i) {
            Some((count, next)) => {
                out.push(count);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Reads a count that starts at token `i` (its bound cue included): the
/// count and the index of the first token after it.
pub fn read_count_at(text: &str, tokens: &[Token], i: usize) -> Option<(Count, usize)> {
    let first = tokens.get(i)?.text(text);
    // A bound cue first?
    for (cue, bound) in BEFORE {
        if cue.first() == Some(&first) && words_at(text, tokens, i, cue) {
            let j = i + cue.len();
            if let Some((v, end)) = read_value(text, tokens, j) {
                let count = apply(v, *bound, Span::new(tokens[i].span.start, tokens[end - 1].span.end));
                return Some(after_cues(text, tokens, count, end));
            }
        }
    }
    // بين N و M
    if tokens[i].is_word() && tokens[i].text(text) == "بين" {
        if let Some((a, end)) = read_value(text, tokens, i + 1) {
            if let Some(tok) = tokens.get(end) {
                let t = tok.text(text);
                // "و5000" is one token (و + digits split: و then digits).
                let (next, ok) = if t == "و" { (end + 1, true) } else { (end, t.starts_with('و')) };
                if ok {
                    let second = if next > end {
                        read_value(text, tokens, next)
                    } else {
                        read_value_with_clitic(text, tokens, next)
                    };
                    if let Some((b, end2)) = second {
                        if a.min <= b.min {
                            let span = Span::new(tokens[i].span.start, tokens[end2 - 1].span.end);
                            return Some((Count { min: a.min, max: Some(b.min), approx: false, span }, end2));
                        }
                    }
                }
            }
        }
    }
    // من N الي M
    if tokens[i].is_word() && tokens[i].text(text) == "من" {
        let (a, end) = read_value(text, tokens, i + 1)?;
        if tokens.get(end).is_some_and(|t| t.text(text) == "الي") {
            let (b, end2) = read_value(text, tokens, end + 1)?;
            if a.min < b.min {
                let span = Span::new(tokens[i].span.start, tokens[end2 - 1].span.end);
                return Some((Count { min: a.min, max: Some(b.min), approx: false, span }, end2));
            }
        }
        return None;
    }
    let (v, end) = read_value(text, tokens, i)?;
    Some(after_cues(text, tokens, v, end))
}

/// Looks for a bound cue within the two tokens after the number (its counted
/// noun in between): مقتل 25 شخصا على الأقل.
fn after_cues(text: &str, tokens: &[Token], count: Count, end: usize) -> (Count, usize) {
    if count.max.is_none() || count.approx {
        return (count, end);
    }
    for skip in 0..=1 {
        let j = end + skip;
        if skip == 1 && tokens.get(end).is_none_or(|t| !t.is_word()) {
            break;
        }
        for (cue, bound) in AFTER {
            if words_at(text, tokens, j, cue) {
                let last = j + cue.len();
                let span = count.span.cover(tokens[last - 1].span);
                return (apply(count, *bound, span), last);
            }
        }
    }
    (count, end)
}

fn apply(v: Count, bound: Bound, span: Span) -> Count {
    match bound {
        Bound::AtLeast => Count { min: v.min, max: None, approx: v.approx, span },
        Bound::MoreThan => Count { min: v.min.saturating_add(1), max: None, approx: v.approx, span },
        Bound::Approx => Count { min: v.min, max: v.max, approx: true, span },
        Bound::LessThan => Count { min: 0, max: Some(v.min.saturating_sub(1)), approx: v.approx, span },
    }
}

fn words_at(text: &str, tokens: &[Token], i: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| {
        tokens.get(i + k).is_some_and(|t| t.is_word() && t.text(text) == *w && (k == 0 || t.space_before))
    })
}

/// A value whose first word may carry the conjunction و (the M of بين N وM).
fn read_value_with_clitic(text: &str, tokens: &[Token], i: usize) -> Option<(Count, usize)> {
    let t = tokens.get(i)?;
    if t.kind == TokenKind::Word {
        let (w, _) = word_of(t.text(text))?;
        if matches!(w, Word::Dual) {
            return None;
        }
    }
    read_value(text, tokens, i)
}

/// Reads a bare value (digits or number words, no bound) at token `i`.
fn read_value(text: &str, tokens: &[Token], i: usize) -> Option<(Count, usize)> {
    let t = tokens.get(i)?;
    match t.kind {
        TokenKind::Digits => read_digits(text, tokens, i),
        TokenKind::Word => read_words(text, tokens, i),
        TokenKind::Punct => None,
    }
}

fn read_digits(text: &str, tokens: &[Token], i: usize) -> Option<(Count, usize)> {
    let first = tokens[i];
    // Not a time (3:54), a date (13/12/2025, 2025-12-13), a decimal, a phone
    // number or part of a longer code.
    let prev = i.checked_sub(1).map(|k| tokens[k]);
    if let Some(p) = prev {
        if !first.space_before && matches!(p.text(text), ":" | "/" | "-" | "." | "+") {
            return None;
        }
        if !first.space_before && p.kind == TokenKind::Word && p.text(text).is_ascii() {
            return None; // F16, A320
        }
    }
    // الفرقه 17، القرار 2254، قرار مجلس الامن 2254، الساعه 10.
    let before = |k: usize| i.checked_sub(k).map(|j| tokens[j]).filter(|t| t.is_word()).map(|t| t.text(text));
    if before(1).is_some_and(|w| IDENTIFIER_NOUNS.contains(&w))
        || (1..=3).any(|k| before(k).is_some_and(|w| matches!(w, "قرار" | "القرار")))
        || before(1) == Some("بنسبه")
    {
        return None;
    }
    let mut value: u64 = parse_u64(first.text(text))?;
    let mut end = i + 1;
    let mut span = first.span;
    // Thousands separators: 1,200 / 12,500,000 (groups of exactly 3 digits).
    while let (Some(c), Some(d)) = (tokens.get(end), tokens.get(end + 1)) {
        if c.text(text) == ","
            && !c.space_before
            && !d.space_before
            && d.kind == TokenKind::Digits
            && d.span.len() == 3
        {
            value = value.checked_mul(1000)?.checked_add(parse_u64(d.text(text))?)?;
            span = span.cover(d.span);
            end += 2;
        } else {
            break;
        }
    }
    if let (Some(c), Some(d)) = (tokens.get(end), tokens.get(end + 1)) {
        let sep = c.text(text);
        if !c.space_before && !d.space_before && d.kind == TokenKind::Digits {
            if matches!(sep, ":" | "/") || (sep == "-" && d.span.len() <= 2 && first.span.len() == 4) {
                return None; // a time or a date
            }
            if sep == "." {
                // A decimal: a count only when a scale word follows (1.5 مليون).
                let frac = d.text(text);
                let scale = tokens.get(end + 2).and_then(|s| word_of(s.text(text)));
                if let Some((Word::Scale { value: sv, .. }, _)) = scale {
                    let digits = frac.len().min(9) as u32;
                    let f = parse_u64(&frac[..digits as usize])?;
                    let v = value.saturating_mul(sv).saturating_add(f.saturating_mul(sv) / 10u64.pow(digits));
                    let span = span.cover(tokens[end + 2].span);
                    return Some((exact(v, span), end + 3));
                }
                return None;
            }
        }
        if matches!(sep, "%") && !c.space_before {
            return None;
        }
    }
    // Percentages written out: 30 بالمئه، 30 في المئه.
    if let Some(n) = tokens.get(end) {
        let t = n.text(text);
        if t == "%" || t == "٪" || t == "بالميه" || t == "بالمايه" {
            return None;
        }
        if t == "في" && tokens.get(end + 1).is_some_and(|m| matches!(m.text(text), "الميه" | "المايه"))
        {
            return None;
        }
    }
    // Phone numbers: long digit groups separated by spaces or dashes.
    if first.span.len() >= 7 && (first.text(text).starts_with('0') || first.span.len() >= 9) {
        return None;
    }
    // A scale word after the digits: 3 الاف، 5 ملايين.
    if let Some(n) = tokens.get(end) {
        if let Some((Word::Scale { value: sv, .. }, _)) = word_of(n.text(text)) {
            return Some((exact(value.saturating_mul(sv), span.cover(n.span)), end + 1));
        }
    }
    Some((exact(value, span), end))
}

fn parse_u64(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 19 {
        return None;
    }
    s.parse().ok()
}

fn exact(v: u64, span: Span) -> Count {
    Count { min: v, max: Some(v), approx: false, span }
}

/// Number words: units, teens, tens, hundreds, scales, joined by و.
fn read_words(text: &str, tokens: &[Token], i: usize) -> Option<(Count, usize)> {
    let (first, at) = word_of(tokens[i].text(text))?;
    let start = tokens[i].span.start + at;
    match first {
        Word::Dual => return Some((exact(2, Span::new(start, tokens[i].span.end)), i + 1)),
        Word::Vague(v) => {
            // عشرات الالاف: tens of thousands.
            let mut min = v;
            let mut end = i + 1;
            if let Some((Word::Scale { value, plural: true }, 0..=4)) =
                tokens.get(end).and_then(|t| word_of(t.text(text)))
            {
                min = min.saturating_mul(value);
                end += 1;
            }
            let span = Span::new(start, tokens[end - 1].span.end);
            return Some((Count { min, max: None, approx: false, span }, end));
        }
        Word::Scale { plural: true, value } => {
            // الاف alone: "thousands".
            let span = Span::new(start, tokens[i].span.end);
            return Some((Count { min: value.saturating_mul(2), max: None, approx: false, span }, i + 1));
        }
        Word::TeenTen => return None,
        Word::OneOf => {
            let next = tokens.get(i + 1).filter(|t| t.is_word() && t.space_before);
            match next.and_then(|t| word_of(t.text(text))) {
                // احد عشر: eleven.
                Some((Word::Unit(10), 0)) => {
                    let span = Span::new(start, tokens[i + 1].span.end);
                    return Some((exact(11, span), i + 2));
                }
                _ if next.is_some() => {
                    // احد عناصر: one of them.
                    return Some((exact(1, Span::new(start, tokens[i].span.end)), i + 1));
                }
                _ => return None,
            }
        }
        Word::Few => {
            let span = Span::new(start, tokens[i].span.end);
            return Some((Count { min: 3, max: Some(9), approx: false, span }, i + 1));
        }
        _ => {}
    }
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut end = i;
    let mut j = i;
    let mut last: Option<Word> = None;
    while let Some(t) = tokens.get(j) {
        if t.kind != TokenKind::Word {
            break;
        }
        let word = t.text(text);
        // After the first word, the next one joins only with و (خمسه وعشرون),
        // except عشر after a unit, مئه after a unit, and scales.
        let (w, stem_at) = match word_of(word) {
            Some(x) => x,
            None => break,
        };
        let joined = j == i || (stem_at > 0 && word.starts_with('و'));
        let ok = match (last, w) {
            (None, _) => true,
            (Some(Word::Unit(u)), Word::Unit(10)) if u < 10 && stem_at == 0 => {
                current = current.saturating_add(10);
                end = j + 1;
                last = Some(Word::TeenTen);
                j += 1;
                continue;
            }
            (Some(Word::Unit(u)), Word::HundredMul) if stem_at == 0 && (3..=9).contains(&u) => {
                current = current - u + u * 100; // ثلاث مئه: the unit multiplies
                end = j + 1;
                last = Some(Word::Hundred(u * 100));
                j += 1;
                continue;
            }
            (Some(_), Word::Scale { value, .. }) if stem_at == 0 => {
                let n = if current == 0 { 1 } else { current };
                total = total.saturating_add(n.saturating_mul(value));
                current = 0;
                end = j + 1;
                last = Some(w);
                j += 1;
                continue;
            }
            (
                Some(_),
                Word::Unit(_) | Word::Ten(_) | Word::Hundred(_) | Word::HundredMul | Word::Scale { .. },
            ) => joined,
            _ => false,
        };
        if !ok || matches!(w, Word::Dual | Word::Vague(_) | Word::TeenTen | Word::OneOf | Word::Few) {
            break;
        }
        match w {
            Word::Unit(u) => current = current.saturating_add(u),
            Word::Ten(v) | Word::Hundred(v) => current = current.saturating_add(v),
            Word::HundredMul => current = current.saturating_add(100),
            Word::Scale { value, .. } => {
                let n = if current == 0 { 1 } else { current };
                total = total.saturating_add(n.saturating_mul(value));
                current = 0;
            }
            _ => {}
        }
        last = Some(w);
        end = j + 1;
        j += 1;
    }
    if end == i {
        return None;
    }
    let value = total.saturating_add(current);
    if value == 0 {
        return None;
    }
    Some((exact(value, Span::new(start, tokens[end - 1].span.end)), end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;

    fn counts(s: &str) -> Vec<(u64, Option<u64>, bool, String)> {
        let t = Normalizer::new().normalize_str(s);
        find_counts(&t).into_iter().map(|c| (c.min, c.max, c.approx, t[c.span].to_string())).collect()
    }

    /// A count whose cue's first word is not in CUE_STARTS would never be read.
    #[test]
    fn every_cue_starts_with_a_cue_start() {
        for (cue, _) in BEFORE {
            assert!(CUE_STARTS.contains(cue[0]), "{cue:?}");
        }
    }

    #[test]
    fn tables_are_normalized() {
        let n = Normalizer::new();
        for k in WORDS.keys() {
            assert_eq!(n.normalize_str(k), *k, "number word {k:?}");
        }
        for (cue, _) in BEFORE.iter().chain(AFTER) {
            for w in *cue {
                assert_eq!(n.normalize_str(w), *w, "cue word {w:?}");
            }
        }
    }

    #[test]
    fn words() {
        assert_eq!(counts("خمسة وعشرون")[0].0, 25);
        assert_eq!(counts("ثلاثة عشر")[0].0, 13);
        assert_eq!(counts("مئة وخمسون")[0].0, 150);
        assert_eq!(counts("ثلاث مئة")[0].0, 300);
        assert_eq!(counts("ثلاثمائة")[0].0, 300);
        assert_eq!(counts("ثلاثة آلاف وخمسمئة")[0].0, 3500);
        assert_eq!(counts("ألفان")[0].0, 2000);
        assert_eq!(counts("جنديان")[0].0, 2);
        assert_eq!(counts("عشرات")[0], (20, None, false, "عشرات".into()));
        assert_eq!(counts("عشرات الآلاف")[0].0, 20_000);
    }

    #[test]
    fn digits_and_bounds() {
        assert_eq!(counts("١٬٢٠٠")[0].0, 1200);
        assert_eq!(counts("1.5 مليون")[0].0, 1_500_000);
        assert_eq!(counts("بين 3000 و5000")[0], (3000, Some(5000), false, "بين 3000 و5000".into()));
        assert_eq!(counts("أكثر من 10")[0].0, 11);
        assert_eq!(counts("25 شخصاً على الأقل")[0].1, None);
        assert!(counts("الساعة 3:54").is_empty());
        assert!(counts("13/12/2025").is_empty());
        assert!(counts("بنسبة 30%").is_empty());
        assert!(counts("1234567890123456789012345678901234567890").is_empty());
    }
}
