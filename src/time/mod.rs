//! Stage 3a: dates — month names of every Arab press tradition, combined
//! forms (كانون الأول/ديسمبر), days, years, numeric and English dates,
//! weekdays and relative dates resolved against the publication date, Hijri
//! dates, and datelines.
//!
//! Every date says how it was resolved ([`Resolution`]) and how precise it is
//! ([`Precision`]). Nothing is guessed: with no anchor, the unknown parts of a
//! value stay `X` (`XXXX-12-13`), as TIMEX3 writes them.
//!
//! ```
//! use chrono::NaiveDate;
//! use rasad::normalize::Normalizer;
//! use rasad::time::{find_dates, Precision, Resolution};
//!
//! let text = Normalizer::new().normalize_str("قتل جنديان يوم الأربعاء في 13 كانون الأول/ديسمبر");
//! let published = NaiveDate::from_ymd_opt(2025, 12, 15);
//! let dates = find_dates(&text, published);
//! assert_eq!(dates[0].value.to_string(), "2025-12-10");
//! assert_eq!(dates[0].resolved_from, Resolution::Weekday);
//! assert_eq!(dates[1].value.to_string(), "2025-12-13");
//! assert_eq!(dates[1].precision, Precision::Day);
//! assert_eq!(&text[dates[1].span], "13 كانون الاول/ديسمبر");
//! ```

use crate::token::WordMap;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use once_cell::sync::Lazy;

use crate::span::Span;
use crate::token::{Token, TokenKind, clitic_stems, tokenize};

mod ummalqura;

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A day: `2025-08-20`.
    Day,
    /// A month: `2025-05`.
    Month,
    /// A year: `2017`.
    Year,
}

/// How a date's value was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The text gives it whole (or gives all it has: a partial value).
    Explicit,
    /// A yearless date completed with the publication date's year (the most
    /// recent occurrence on or before publication).
    PublicationYear,
    /// A weekday resolved against the publication date.
    Weekday,
    /// A relative expression (أمس، منذ ثلاثة أيام، العام الماضي).
    Relative,
    /// The publication date itself, for an event said to happen "today".
    PublicationDate,
    /// A yearless date completed from a date given earlier in the document.
    Context,
}

impl Resolution {
    /// The contract's name (`publication_year`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Explicit => "explicit",
            Resolution::PublicationYear => "publication_year",
            Resolution::Weekday => "weekday",
            Resolution::Relative => "relative",
            Resolution::PublicationDate => "publication_date",
            Resolution::Context => "context",
        }
    }
}

impl Precision {
    /// The contract's name (`day`, `month`, `year`).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A calendar date that may be partial: TIMEX3 writes unknown parts as `X`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateValue {
    /// The year, if known.
    pub year: Option<i32>,
    /// The month 1–12, if known (or if the precision reaches it).
    pub month: Option<u32>,
    /// The day 1–31, if known.
    pub day: Option<u32>,
    /// What the value is precise to.
    pub precision: Precision,
}

impl DateValue {
    fn from_date(d: NaiveDate, precision: Precision) -> DateValue {
        DateValue {
            year: Some(d.year()),
            month: (precision != Precision::Year).then_some(d.month()),
            day: (precision == Precision::Day).then_some(d.day()),
            precision,
        }
    }

    /// The full date when year, month and day are all known.
    pub fn to_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    /// True when every part the precision calls for is known.
    pub fn is_complete(&self) -> bool {
        self.year.is_some()
            && (self.precision == Precision::Year || self.month.is_some())
            && (self.precision != Precision::Day || self.day.is_some())
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => f.write_str("XXXX")?,
        }
        if self.precision == Precision::Year {
            return Ok(());
        }
        match self.month {
            Some(m) => write!(f, "-{m:02}")?,
            None => f.write_str("-XX")?,
        }
        if self.precision == Precision::Month {
            return Ok(());
        }
        match self.day {
            Some(d) => write!(f, "-{d:02}"),
            None => f.write_str("-XX"),
        }
    }
}

impl serde::Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date expression found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timex {
    /// The value, TIMEX3 style (`2025-08-20`, `2025-05`, `XXXX-12-13`).
    pub value: DateValue,
    /// How precise it is.
    pub precision: Precision,
    /// How it was resolved.
    pub resolved_from: Resolution,
    /// The words read, in the normalized text.
    pub span: Span,
    /// The text wrote it in the Hijri calendar (converted with the Umm
    /// al-Qura calendar for 1343–1500 AH, the tabular Islamic calendar
    /// outside that range).
    pub hijri: bool,
    /// The expression looks forward (المقبل، غدا): a future date.
    pub future: bool,
}

/// The words of time, normalized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TimeWord {
    /// A Gregorian month; `strict` when the word is also a common word
    /// (اب father, مارس practised, نيسان the car maker) and needs a day, a
    /// year, a combined form or شهر next to it.
    Month {
        month: u32,
        strict: bool,
    },
    HijriMonth(u32),
    Weekday(Weekday),
}

static WORDS: Lazy<WordMap<TimeWord>> = Lazy::new(|| {
    let mut m = HashMap::default();
    let months: &[(&[&str], u32)] = &[
        (&["كانون الثاني", "كانون ثاني", "يناير", "جانفي", "january", "jan"], 1),
        (&["شباط", "فبراير", "فيفري", "february", "feb"], 2),
        (&["اذار", "مارس", "march", "mar"], 3),
        (&["نيسان", "ابريل", "افريل", "april", "apr"], 4),
        (&["ايار", "مايو", "ماي", "may"], 5),
        (&["حزيران", "يونيو", "يونيه", "جوان", "june", "jun"], 6),
        (&["تموز", "يوليو", "يوليه", "جويليه", "يوليوز", "july", "jul"], 7),
        (&["اب", "اغسطس", "اوت", "غشت", "august", "aug"], 8),
        (&["ايلول", "سبتمبر", "شتنبر", "september", "sep", "sept"], 9),
        (&["تشرين الاول", "تشرين اول", "اكتوبر", "october", "oct"], 10),
        (&["تشرين الثاني", "تشرين ثاني", "نوفمبر", "نونبر", "november", "nov"], 11),
        (&["كانون الاول", "كانون اول", "ديسمبر", "دجنبر", "december", "dec"], 12),
    ];
    const STRICT: &[&str] = &["اب", "مارس", "نيسان", "ماي", "تموز", "may", "mar", "jan", "jun", "dec", "sep"];
    for (forms, month) in months {
        for f in *forms {
            m.insert(*f, TimeWord::Month { month: *month, strict: STRICT.contains(f) });
        }
    }
    let hijri: &[(&[&str], u32)] = &[
        (&["محرم"], 1),
        (&["صفر"], 2),
        (&["ربيع الاول"], 3),
        (&["ربيع الاخر", "ربيع الثاني"], 4),
        (&["جمادي الاولي", "جمادي الاول"], 5),
        (&["جمادي الاخره", "جمادي الثانيه", "جمادي الاخر"], 6),
        (&["رجب"], 7),
        (&["شعبان"], 8),
        (&["رمضان"], 9),
        (&["شوال"], 10),
        (&["ذو القعده", "ذي القعده"], 11),
        (&["ذو الحجه", "ذي الحجه"], 12),
    ];
    for (forms, month) in hijri {
        for f in *forms {
            m.insert(*f, TimeWord::HijriMonth(*month));
        }
    }
    for (w, d) in [
        ("الاحد", Weekday::Sun),
        ("الاثنين", Weekday::Mon),
        ("الثلاثاء", Weekday::Tue),
        ("الاربعاء", Weekday::Wed),
        ("الخميس", Weekday::Thu),
        ("الجمعه", Weekday::Fri),
        ("السبت", Weekday::Sat),
    ] {
        m.insert(w, TimeWord::Weekday(d));
    }
    WordMap::new(m)
});

/// Words a date expression can start with: the first word of every time word,
/// ordinals, and the words the relative and weekday readers begin at.
static STARTERS: Lazy<WordMap<()>> = Lazy::new(|| {
    let mut set: HashSet<&'static str> = WORDS.keys().map(|k| k.split(' ').next().unwrap_or(k)).collect();
    set.extend(ORDINALS.keys());
    set.extend([
        "يوم",
        "فجر",
        "صباح",
        "ظهر",
        "عصر",
        "مساء",
        "ليل",
        "ليله",
        "ظهيره",
        "شهر",
        "لشهر",
        "بشهر",
        "اليوم",
        "امس",
        "غدا",
        "البارحه",
        "اول",
        "الليله",
        "الشهر",
        "العام",
        "السنه",
        "هذا",
        "هذه",
        "منذ",
        "قبل",
        "الاسبوع",
    ]);
    WordMap::new(set.into_iter().map(|w| (w, ())))
});

/// Ordinal day words (الثالث عشر من ديسمبر): first word → value; a following
/// عشر adds 10, a following والعشرين adds 20, والثلاثين 30.
static ORDINALS: Lazy<WordMap<u32>> = Lazy::new(|| {
    WordMap::new([
        ("الاول", 1),
        ("الحادي", 1),
        ("الثاني", 2),
        ("الثالث", 3),
        ("الرابع", 4),
        ("الخامس", 5),
        ("السادس", 6),
        ("السابع", 7),
        ("الثامن", 8),
        ("التاسع", 9),
        ("العاشر", 10),
        ("العشرين", 20),
        ("الثلاثين", 30),
    ])
});

/// Finds every date in `normalized`, resolving weekdays, relative and
/// yearless dates against `published` (or against a dateline at the top of
/// the text when `published` is `None`).
pub fn find_dates(normalized: &str, published: Option<NaiveDate>) -> Vec<Timex> {
    let tokens = tokenize(normalized);
    let published = published.or_else(|| find_dateline(normalized, &tokens).map(|(d, _)| d));
    read_dates(normalized, &tokens, published)
}

/// The publication date written at the top of an article (its dateline): the
/// first full explicit date within the first lines ("21 أغسطس 2025، 3:54 ص",
/// "دمشق - 12 آذار 2019", "الأربعاء 13 ديسمبر 2025"), with its span.
pub fn find_dateline(text: &str, tokens: &[Token]) -> Option<(NaiveDate, Span)> {
    let mut lines = 0;
    let mut line_start = 0;
    let one_line = !text.trim().contains('\n');
    for (i, t) in tokens.iter().enumerate() {
        if t.newline_before {
            lines += 1;
            line_start = i;
        }
        if lines > 8 || t.span.start > 600 {
            break;
        }
        if !may_start_date(text, t) {
            continue;
        }
        let Some((raw, end)) = read_raw(text, tokens, i) else { continue };
        let (Some(y), Some(m), Some(d), false) = (raw.year, raw.month, raw.day, raw.hijri) else { continue };
        let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else { continue };
        // A dateline opens its line: at most a place (and a country in
        // brackets) before the date, then the line ends soon or a dash or an
        // agency in brackets follows. A date inside a sentence is not one.
        let before = i - line_start;
        if before > 4 || tokens[line_start..i].iter().any(|t| t.kind == TokenKind::Digits) {
            continue;
        }
        let line_end = tokens[end..].iter().position(|t| t.newline_before).map_or(tokens.len(), |k| end + k);
        let separator = tokens[end..line_end.min(end + 5)]
            .iter()
            .any(|t| matches!(t.text(text), "-" | "–" | "—" | "(" | "،" | ","));
        let short = line_end - line_start <= 12;
        if (one_line && before > 1) || !(short || separator) {
            continue;
        }
        return Some((date, raw.span));
    }
    None
}

/// False when `t` is a word that no date expression starts with: most words
/// are rejected by one set lookup per stem before the reader runs.
#[inline]
fn may_start_date(text: &str, t: &Token) -> bool {
    if t.kind != TokenKind::Word {
        return true;
    }
    let w = t.text(text);
    STARTERS.find_stem(w, |_, _| Some(())).is_some()
}

/// Every date in the tokens of `text`, in order. Yearless dates take the
/// year of `published`, or (without it) of the last full date before them.
pub fn read_dates(text: &str, tokens: &[Token], published: Option<NaiveDate>) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut context: Option<DateValue> = None;
    let mut i = 0;
    while i < tokens.len() {
        if !may_start_date(text, &tokens[i]) {
            i += 1;
            continue;
        }
        match read_raw(text, tokens, i) {
            Some((raw, next)) => {
                if let Some(t) = resolve(&raw, published, context) {
                    if raw.year.is_some() && t.resolved_from == Resolution::Explicit {
                        context = Some(t.value);
                    }
                    out.push(t);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// What the text says, before resolution.
#[derive(Clone, Copy, Debug, Default)]
struct Raw {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<Weekday>,
    /// Weekday direction: -1 last (الماضي or bare), +1 next (المقبل).
    direction: i32,
    /// Relative offset from the publication date, with its precision.
    relative: Option<(i64, Precision)>,
    hijri: bool,
    span: Span,
}

fn resolve(raw: &Raw, published: Option<NaiveDate>, context: Option<DateValue>) -> Option<Timex> {
    let span = raw.span;
    let mk = |value: DateValue, resolved_from: Resolution| Timex {
        value,
        precision: value.precision,
        resolved_from,
        span,
        hijri: raw.hijri,
        future: raw.direction > 0,
    };
    // Relative expressions.
    if let Some((offset, precision)) = raw.relative {
        let Some(p) = published else {
            return Some(mk(
                DateValue { year: None, month: None, day: None, precision },
                Resolution::Relative,
            ));
        };
        let date = match precision {
            Precision::Day => p.checked_add_signed(Duration::days(offset))?,
            // الاسبوع الماضي: a week back, at month precision.
            Precision::Month if offset == -7 => p.checked_add_signed(Duration::days(-7))?,
            Precision::Month => add_months(p, offset)?,
            Precision::Year => NaiveDate::from_ymd_opt(p.year().checked_add(offset as i32)?, 1, 1)?,
        };
        return Some(mk(DateValue::from_date(date, precision), Resolution::Relative));
    }
    // A weekday alone.
    if let (Some(wd), None) = (raw.weekday, raw.month) {
        let Some(p) = published else {
            let v = DateValue { year: None, month: None, day: None, precision: Precision::Day };
            return Some(mk(v, Resolution::Weekday));
        };
        let from = p.weekday().num_days_from_monday() as i64;
        let to = wd.num_days_from_monday() as i64;
        // Bare: on or before publication; الماضي: strictly before; المقبل: strictly after.
        let delta = if raw.direction > 0 {
            let d = (to - from).rem_euclid(7);
            if d == 0 { 7 } else { d }
        } else {
            let d = (from - to).rem_euclid(7);
            if d == 0 && raw.direction < 0 { -7 } else { -d }
        };
        let date = p.checked_add_signed(Duration::days(delta))?;
        return Some(mk(DateValue::from_date(date, Precision::Day), Resolution::Weekday));
    }
    let precision = if raw.day.is_some() {
        Precision::Day
    } else if raw.month.is_some() {
        Precision::Month
    } else {
        Precision::Year
    };
    let (year, month, day) = if raw.hijri {
        let (y, m, d) = (raw.year?, raw.month?, raw.day.unwrap_or(1));
        let g = ummalqura::to_gregorian(y, m, d).or_else(|| hijri_to_gregorian(y, m, d))?;
        (Some(g.year()), Some(g.month()), Some(g.day()))
    } else {
        (raw.year, raw.month, raw.day)
    };
    let value = DateValue { year, month, day, precision };
    // Validate what is known.
    if let (Some(m), Some(d)) = (month, day) {
        let y = year.unwrap_or(2024); // a leap year, for 29 February
        NaiveDate::from_ymd_opt(y, m, d)?;
    }
    if let Some(y) = year {
        if !(1..=9999).contains(&y) {
            return None;
        }
    }
    if year.is_some() {
        return Some(mk(value, Resolution::Explicit));
    }
    // Yearless: from the publication date, else from context, else partial.
    let (m, d) = (month?, day);
    if let Some(p) = published {
        // The most recent occurrence on or before publication (the next one
        // after it with المقبل); 29 February looks back to a leap year.
        let day = d.unwrap_or(1);
        let y = if raw.direction > 0 {
            (p.year()..p.year() + 9).find(|&y| NaiveDate::from_ymd_opt(y, m, day).is_some_and(|x| x > p))?
        } else {
            (p.year() - 8..=p.year())
                .rev()
                .find(|&y| NaiveDate::from_ymd_opt(y, m, day).is_some_and(|x| x <= p))?
        };
        return Some(mk(DateValue { year: Some(y), ..value }, Resolution::PublicationYear));
    }
    if let Some(c) = context {
        let cy = c.year?;
        // The first occurrence on or after the context date.
        let after = match (c.month, c.day) {
            (Some(cm), cd) => (m, d.unwrap_or(31)) < (cm, cd.unwrap_or(1)),
            _ => false,
        };
        let y = if after { cy + 1 } else { cy };
        return Some(mk(DateValue { year: Some(y), ..value }, Resolution::Context));
    }
    Some(mk(value, Resolution::Explicit))
}

fn add_months(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let total = d.year() as i64 * 12 + (d.month0() as i64) + months;
    NaiveDate::from_ymd_opt(total.div_euclid(12) as i32, total.rem_euclid(12) as u32 + 1, 1)
}

/// Converts a date of the tabular Islamic calendar (civil epoch, 16 July 622
/// Julian, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each
/// 30-year cycle) to the Gregorian calendar. The Umm al-Qura calendar used in
/// Saudi Arabia can differ by a day or two.
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || !(1..=3000).contains(&year) {
        return None;
    }
    let (y, m, d) = (year as i64, month as i64, day as i64);
    // Fixed (R.D.) day number, Calendrical Calculations' fixed-from-islamic.
    let fixed = 227_014 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 29 * (m - 1) + m / 2 + d;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(fixed).ok()?)
}

/// The time word behind a token (or two: كانون الاول), through clitics.
fn time_word(text: &str, tokens: &[Token], i: usize) -> Option<(TimeWord, usize, usize)> {
    let t = tokens.get(i)?;
    if !t.is_word() {
        return None;
    }
    let w = t.text(text);
    // Two-word names first (كانون الاول، ربيع الثاني، ذو الحجه).
    if let Some(n) = tokens.get(i + 1).filter(|n| n.is_word() && n.space_before) {
        for (at, stem) in clitic_stems(w) {
            if !matches!(stem, "كانون" | "تشرين" | "ربيع" | "جمادي" | "ذو" | "ذي") {
                continue;
            }
            let two = format!("{stem} {}", n.text(text));
            if let Some(tw) = WORDS.get(two.as_str()) {
                return Some((*tw, i + 2, at));
            }
        }
    }
    WORDS.find_stem(w, |at, tw| Some((*tw, i + 1, at)))
}

fn word(text: &str, tokens: &[Token], i: usize) -> Option<&'static str> {
    let t = tokens.get(i)?;
    if !t.is_word() {
        return None;
    }
    KNOWN_SET.get(t.text(text)).copied()
}

static KNOWN_SET: Lazy<WordMap<&'static str>> = Lazy::new(|| WordMap::new(KNOWN.iter().map(|w| (*w, *w))));

/// Words the readers look for around dates.
const KNOWN: &[&str] = &[
    "يوم",
    "اليوم",
    "امس",
    "غدا",
    "الماضي",
    "الماضيه",
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
    "الفايت",
    "الفايته",
    "منذ",
    "قبل",
    "بعد",
    "من",
    "عام",
    "العام",
    "سنه",
    "السنه",
    "لعام",
    "بعام",
    "شهر",
    "الشهر",
    "الاسبوع",
    "الجاري",
    "الحالي",
    "الحاليه",
    "الجاريه",
    "هذا",
    "هذه",
    "م",
    "ه",
    "فجر",
    "صباح",
    "ظهر",
    "عصر",
    "مساء",
    "ليل",
    "ليله",
    "ظهيره",
    "الاول",
    "عشر",
    "في",
    "خلال",
    "مطلع",
    "اواخر",
    "اوايل",
    "منتصف",
    "نهايه",
    "بدايه",
    "حتي",
    "اواسط",
    "ميلادي",
    "هجري",
    "الليله",
    "ايام",
    "يومين",
    "اسبوع",
    "اسبوعين",
    "اسابيع",
    "اشهر",
    "شهرين",
    "شهور",
    "سنوات",
    "سنتين",
    "عامين",
    "اعوام",
    "لشهر",
    "بشهر",
    "وفي",
    "اول",
    "البارحه",
    "الاسبوع",
    "عامي",
    "صيف",
    "شتاء",
    "ربيع",
    "خريف",
    "مسجد",
    "جامع",
    "و",
];

fn digits(text: &str, tokens: &[Token], i: usize) -> Option<u32> {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Digits || t.span.len() > 4 {
        return None;
    }
    t.text(text).parse().ok()
}

fn punct(text: &str, tokens: &[Token], i: usize, p: &str) -> bool {
    tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct && t.text(text) == p)
}

fn span(tokens: &[Token], from: usize, to: usize) -> Span {
    Span::new(tokens[from].span.start, tokens[to - 1].span.end)
}

/// A 4-digit year (1900–2100, or 1300–1500 for Hijri) at token `i`.
fn year_at(text: &str, tokens: &[Token], i: usize, hijri: bool) -> Option<i32> {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Digits || t.span.len() != 4 {
        return None;
    }
    // Not the first part of a time or a longer number.
    if tokens.get(i + 1).is_some_and(|n| !n.space_before && matches!(n.text(text), ":" | ","))
        && tokens.get(i + 2).is_some_and(|n| n.kind == TokenKind::Digits && !n.space_before)
    {
        return None;
    }
    let y: i32 = t.text(text).parse().ok()?;
    let ok = if hijri { (1300..=1500).contains(&y) } else { (1900..=2100).contains(&y) };
    ok.then_some(y)
}

/// Reads a date expression starting at token `i`.
fn read_raw(text: &str, tokens: &[Token], i: usize) -> Option<(Raw, usize)> {
    let t = tokens[i];
    match t.kind {
        TokenKind::Digits => read_from_digits(text, tokens, i),
        TokenKind::Word => read_from_word(text, tokens, i),
        TokenKind::Punct => None,
    }
}

fn read_from_digits(text: &str, tokens: &[Token], i: usize) -> Option<(Raw, usize)> {
    // Not digits glued to a preceding number or time.
    if let Some(p) = i.checked_sub(1).map(|k| tokens[k]) {
        if !tokens[i].space_before && matches!(p.text(text), ":" | "/" | "-" | "." | ",") {
            return None;
        }
    }
    let a = digits(text, tokens, i)?;
    // Numeric dates: d/m/yyyy, d-m-yyyy, d.m.yyyy, yyyy-mm-dd, yyyy/mm/dd.
    for sep in ["/", "-", "."] {
        let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
        if punct(text, tokens, i + 1, sep) && glued(i + 1) && glued(i + 2) && glued(i + 3) && glued(i + 4) {
            if let (Some(b), true, Some(c)) =
                (digits(text, tokens, i + 2), punct(text, tokens, i + 3, sep), digits(text, tokens, i + 4))
            {
                let (y, m, d) = if tokens[i].span.len() == 4 { (a, b, c) } else { (c, b, a) };
                if tokens[i + 4].span.len() == 4 || tokens[i].span.len() == 4 {
                    // 14/10/1436هـ: a Hijri date.
                    let marker = matches!(word(text, tokens, i + 5), Some("ه" | "هجري"));
                    if marker && (1300..=1500).contains(&y) {
                        let raw = Raw {
                            year: Some(y as i32),
                            month: Some(m),
                            day: Some(d),
                            hijri: true,
                            span: span(tokens, i, i + 6),
                            ..Raw::default()
                        };
                        return Some((raw, i + 6));
                    }
                    NaiveDate::from_ymd_opt(y as i32, m, d)?;
                    let raw = Raw {
                        year: Some(y as i32),
                        month: Some(m),
                        day: Some(d),
                        span: span(tokens, i, i + 5),
                        ..Raw::default()
                    };
                    return Some((raw, i + 5));
                }
            }
        }
    }
    // Day + month (+ year): 13 ديسمبر 2025, 13 كانون الاول/ديسمبر, 13 dec 2025.
    if (1..=31).contains(&a) && tokens[i].span.len() <= 2 {
        let mut j = i + 1;
        if word(text, tokens, j) == Some("من") {
            j += 1;
        }
        if let Some((tw, next, 0)) = time_word(text, tokens, j) {
            match tw {
                TimeWord::Month { month, .. } => {
                    let (next, year) = month_tail(text, tokens, next, month, false);
                    let raw = Raw {
                        year,
                        month: Some(month),
                        day: Some(a),
                        span: span(tokens, i, next),
                        ..Raw::default()
                    };
                    return Some((raw, next));
                }
                TimeWord::HijriMonth(month) => {
                    let (next, year) = month_tail(text, tokens, next, month, true);
                    year?;
                    let raw = Raw {
                        year,
                        month: Some(month),
                        day: Some(a),
                        hijri: true,
                        span: span(tokens, i, next),
                        ..Raw::default()
                    };
                    return Some((raw, next));
                }
                TimeWord::Weekday(_) => {}
            }
        }
    }
    // A year alone, with a cue before it or م after it.
    if let Some(y) = year_at(text, tokens, i, false) {
        let cue_before = i
            .checked_sub(1)
            .and_then(|k| word(text, tokens, k))
            .is_some_and(|w| YEAR_CUES.contains(&w))
            // The second of two years: بين عامي 2014 و2016.
            || (i >= 2
                && !tokens[i].space_before
                && word(text, tokens, i - 1) == Some("و")
                && year_at(text, tokens, i - 2, false).is_some());
        let mut end = i + 1;
        let marker = matches!(word(text, tokens, end), Some("م" | "ميلادي"));
        if marker {
            end += 1;
        }
        if cue_before || marker {
            let start = if cue_before
                && matches!(
                    word(text, tokens, i - 1),
                    Some("عام" | "العام" | "سنه" | "السنه" | "لعام" | "بعام")
                ) {
                i - 1
            } else {
                i
            };
            let raw = Raw { year: Some(y), span: span(tokens, start, end), ..Raw::default() };
            return Some((raw, end));
        }
    }
    // Hijri year with هـ: 1446 هـ.
    None
}

const YEAR_CUES: &[&str] = &[
    "عام",
    "العام",
    "سنه",
    "السنه",
    "لعام",
    "بعام",
    "منذ",
    "في",
    "وفي",
    "خلال",
    "مطلع",
    "اواخر",
    "اوايل",
    "منتصف",
    "نهايه",
    "بدايه",
    "حتي",
    "اواسط",
    "قبل",
    "بعد",
    "عامي",
    "صيف",
    "شتاء",
    "ربيع",
    "خريف",
];

/// After a month name: a combined second name (/ديسمبر or (يونيو)), then a
/// year (2025, من عام 2025). Returns the token after the expression and the year.
fn month_tail(text: &str, tokens: &[Token], mut j: usize, month: u32, hijri: bool) -> (usize, Option<i32>) {
    if !hijri {
        // كانون الاول/ديسمبر, مايو/أيار
        if punct(text, tokens, j, "/") {
            if let Some((TimeWord::Month { month: m2, .. }, next, _)) = time_word(text, tokens, j + 1) {
                if m2 == month {
                    j = next;
                }
            }
        } else if punct(text, tokens, j, "(") {
            if let Some((TimeWord::Month { month: m2, .. }, next, _)) = time_word(text, tokens, j + 1) {
                if m2 == month && punct(text, tokens, next, ")") {
                    j = next + 1;
                }
            }
        }
    }
    // English style: december 13, 2025 is handled by the caller; here "، 2025" or ", 2025".
    let mut k = j;
    if tokens.get(k).is_some_and(|t| matches!(t.text(text), "," | "،")) {
        k += 1;
    }
    if matches!(word(text, tokens, k), Some("من")) {
        k += 1;
    }
    if matches!(word(text, tokens, k), Some("عام" | "العام" | "سنه" | "السنه")) {
        k += 1;
    }
    if let Some(y) = year_at(text, tokens, k, hijri) {
        let mut end = k + 1;
        let marker = if hijri { ["ه", "هجري"] } else { ["م", "ميلادي"] };
        if word(text, tokens, end).is_some_and(|w| marker.contains(&w)) {
            end += 1;
        }
        return (end, Some(y));
    }
    (j, None)
}

fn read_from_word(text: &str, tokens: &[Token], i: usize) -> Option<(Raw, usize)> {
    let w = word(text, tokens, i);
    // Ordinal day: الثالث عشر من ديسمبر, الاول من ايار.
    if let Some(r) = ordinal_day(text, tokens, i) {
        return Some(r);
    }
    // يوم + weekday, a time of day + weekday (ليل الخميس، فجر الجمعه), or a weekday.
    let (start, wi) = match w {
        Some("يوم" | "فجر" | "صباح" | "ظهر" | "عصر" | "مساء" | "ليل" | "ليله" | "ظهيره") => {
            (i, i + 1)
        }
        _ => (i, i),
    };
    if let Some((TimeWord::Weekday(wd), next, _)) = time_word(text, tokens, wi) {
        // مسجد الجمعه is a mosque; الجنديين الاثنين is "the two soldiers".
        if wi == i && i > 0 {
            let prev = tokens[i - 1].text(text);
            if matches!(word(text, tokens, i - 1), Some("مسجد" | "جامع"))
                || (wd == Weekday::Mon && crate::number::is_dual_noun(prev))
            {
                return None;
            }
        }
        // The weekday may introduce an explicit date: الاربعاء 13 ديسمبر 2025.
        let mut k = next;
        if tokens.get(k).is_some_and(|t| matches!(t.text(text), "," | "،")) {
            k += 1;
        }
        if tokens.get(k).is_some_and(|t| t.kind == TokenKind::Digits) {
            if let Some((mut raw, end)) = read_from_digits(text, tokens, k) {
                if raw.month.is_some() && raw.day.is_some() {
                    raw.span = span(tokens, start, end);
                    return Some((raw, end));
                }
            }
        }
        let mut end = next;
        let mut direction = 0;
        match word(text, tokens, end) {
            Some("الماضي" | "الفايت" | "الماضيه" | "الفايته") => {
                direction = -1;
                end += 1;
            }
            Some("المقبل" | "القادم" | "المقبله" | "القادمه") => {
                direction = 1;
                end += 1;
            }
            _ => {}
        }
        // A bare الاثنين can be "the two"; a weekday needs يوم, a direction,
        // or a time-of-day/sentence context — accept it unless a noun of
        // counting follows (الاثنين معا).
        if start == i && wi == i && end == next && tokens.get(next).is_some_and(|t| t.text(text) == "معا")
        {
            return None;
        }
        let raw = Raw { weekday: Some(wd), direction, span: span(tokens, start, end), ..Raw::default() };
        return Some((raw, end));
    }
    if let Some(r) = relative(text, tokens, i) {
        return Some(r);
    }
    // Month (+ year) without a day.
    let (cue, mi) = match w {
        Some("شهر" | "لشهر" | "بشهر") => (true, i + 1),
        _ => (false, i),
    };
    if let Some((tw, next, _)) = time_word(text, tokens, mi) {
        match tw {
            TimeWord::Month { month, strict } => {
                // English "december 13, 2025".
                if let Some(d) = digits(text, tokens, next)
                    .filter(|d| (1..=31).contains(d) && tokens[next].span.len() <= 2)
                {
                    if tokens[i].text(text).is_ascii() {
                        let mut k = next + 1;
                        if punct(text, tokens, k, ",") {
                            k += 1;
                        }
                        let year = year_at(text, tokens, k, false);
                        let end = if year.is_some() { k + 1 } else { next + 1 };
                        let raw = Raw {
                            year,
                            month: Some(month),
                            day: Some(d),
                            span: span(tokens, i, end),
                            ..Raw::default()
                        };
                        return Some((raw, end));
                    }
                }
                let (mut end, year) = month_tail(text, tokens, next, month, false);
                let combined = end > next && year.is_none();
                let mut direction = 0;
                if year.is_none() {
                    match word(text, tokens, end) {
                        Some("الماضي" | "الفايت") => {
                            direction = -1;
                            end += 1;
                        }
                        Some("المقبل" | "القادم") => {
                            direction = 1;
                            end += 1;
                        }
                        _ => {}
                    }
                }
                let anchored = cue || year.is_some() || combined || direction != 0;
                if strict && !anchored {
                    return None;
                }
                if !strict && !anchored && !month_context(text, tokens, i) {
                    return None;
                }
                let raw =
                    Raw { year, month: Some(month), direction, span: span(tokens, i, end), ..Raw::default() };
                return Some((raw, end));
            }
            TimeWord::HijriMonth(month) => {
                let (end, year) = month_tail(text, tokens, next, month, true);
                year?;
                let raw = Raw {
                    year,
                    month: Some(month),
                    hijri: true,
                    span: span(tokens, i, end),
                    ..Raw::default()
                };
                return Some((raw, end));
            }
            TimeWord::Weekday(_) => {}
        }
    }
    None
}

/// A month name without day or year still reads as a date after a
/// preposition of time (في يونيو، خلال مايو، منذ ديسمبر, وفي ...).
fn month_context(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(k) = i.checked_sub(1) else {
        return true;
    };
    matches!(
        word(text, tokens, k),
        Some(
            "في" | "وفي"
                | "خلال"
                | "منذ"
                | "مطلع"
                | "اواخر"
                | "اوايل"
                | "منتصف"
                | "نهايه"
                | "بدايه"
                | "حتي"
                | "اواسط"
                | "قبل"
                | "بعد"
        )
    )
}

fn ordinal_day(text: &str, tokens: &[Token], i: usize) -> Option<(Raw, usize)> {
    let t = tokens.get(i)?;
    if !t.is_word() {
        return None;
    }
    let first = *ORDINALS.get(t.text(text))?;
    let mut day = first;
    let mut j = i + 1;
    if word(text, tokens, j) == Some("عشر") && first < 10 {
        day += 10;
        j += 1;
    } else if let Some(n) = tokens.get(j).filter(|n| n.is_word()) {
        match n.text(text) {
            "والعشرين" if first < 10 => {
                day += 20;
                j += 1;
            }
            "والثلاثين" if first == 1 => {
                day += 30;
                j += 1;
            }
            _ => {}
        }
    }
    if word(text, tokens, j) != Some("من") {
        return None;
    }
    let (tw, next, 0) = time_word(text, tokens, j + 1)? else {
        return None;
    };
    let (month, hijri) = match tw {
        TimeWord::Month { month, .. } => (month, false),
        TimeWord::HijriMonth(month) => (month, true),
        TimeWord::Weekday(_) => return None,
    };
    if !(1..=31).contains(&day) {
        return None;
    }
    let (end, year) = month_tail(text, tokens, next, month, hijri);
    if hijri && year.is_none() {
        return None;
    }
    let raw =
        Raw { year, month: Some(month), day: Some(day), hijri, span: span(tokens, i, end), ..Raw::default() };
    Some((raw, end))
}

/// Relative dates: اليوم، امس، امس الاول، غدا، منذ ثلاثه ايام، قبل يومين،
/// الشهر الماضي، العام الماضي، with a time of day in front (فجر اليوم).
fn relative(text: &str, tokens: &[Token], i: usize) -> Option<(Raw, usize)> {
    let mut j = i;
    if matches!(
        word(text, tokens, j),
        Some("فجر" | "صباح" | "ظهر" | "عصر" | "مساء" | "ليل" | "ليله" | "ظهيره")
    ) {
        j += 1;
    }
    let w = word(text, tokens, j);
    let rel = |offset: i64, precision: Precision, end: usize| {
        Some((
            Raw {
                relative: Some((offset, precision)),
                direction: offset.signum() as i32,
                span: span(tokens, i, end),
                ..Raw::default()
            },
            end,
        ))
    };
    match w {
        Some("اليوم") => {
            // اليوم التالي, اليوم الاول: a day of a story, not today.
            let next = tokens.get(j + 1).filter(|t| t.space_before).map(|t| t.text(text));
            if matches!(
                next,
                Some(
                    "التالي"
                        | "الاول"
                        | "الثاني"
                        | "الثالث"
                        | "السابق"
                        | "الاخير"
                        | "نفسه"
                        | "ذاته"
                        | "الوطني"
                        | "العالمي"
                        | "السابع"
                )
            ) {
                return None;
            }
            rel(0, Precision::Day, j + 1)
        }
        Some("امس") => {
            if word(text, tokens, j + 1) == Some("الاول") {
                return rel(-2, Precision::Day, j + 2);
            }
            rel(-1, Precision::Day, j + 1)
        }
        Some("غدا") => rel(1, Precision::Day, j + 1),
        Some("البارحه") => rel(-1, Precision::Day, j + 1),
        Some("اول") if word(text, tokens, j + 1) == Some("امس") => rel(-2, Precision::Day, j + 2),
        Some("الاسبوع") if j == i => match word(text, tokens, j + 1) {
            // The week before: read as the month that holds its middle.
            Some("الماضي" | "الفايت") => Some((
                Raw {
                    relative: Some((-7, Precision::Month)),
                    direction: -1,
                    span: span(tokens, i, j + 2),
                    ..Raw::default()
                },
                j + 2,
            )),
            _ => None,
        },
        Some("الليله") if j == i => {
            if matches!(word(text, tokens, j + 1), Some("الماضيه")) {
                return rel(-1, Precision::Day, j + 2);
            }
            None
        }
        Some("الشهر" | "العام" | "السنه") if j == i => {
            let precision = if w == Some("الشهر") { Precision::Month } else { Precision::Year };
            match word(text, tokens, j + 1) {
                Some("الماضي" | "الماضيه" | "الفايت" | "الفايته") => {
                    rel(-1, precision, j + 2)
                }
                Some("المقبل" | "المقبله" | "القادم" | "القادمه") => {
                    rel(1, precision, j + 2)
                }
                Some("الجاري" | "الحالي" | "الجاريه" | "الحاليه") => {
                    rel(0, precision, j + 2)
                }
                _ => None,
            }
        }
        Some("هذا" | "هذه") if j == i => match word(text, tokens, j + 1) {
            Some("العام" | "السنه") => rel(0, Precision::Year, j + 2),
            Some("الشهر") => rel(0, Precision::Month, j + 2),
            _ => None,
        },
        Some("منذ" | "قبل") if j == i => {
            // منذ ثلاثه ايام، قبل يومين، منذ اسبوعين
            let (n, unit_at) = match word(text, tokens, j + 1) {
                Some(u @ ("يومين" | "اسبوعين" | "شهرين" | "عامين" | "سنتين")) => {
                    (2, Some((u, j + 1)))
                }
                Some("يوم" | "اسبوع" | "شهر" | "عام") => {
                    (1, Some((tokens[j + 1].text(text), j + 1)))
                }
                _ => {
                    let (c, end) = crate::number::read_count_at(text, tokens, j + 1)?;
                    if c.max != Some(c.min) || c.approx {
                        return None;
                    }
                    (c.min as i64, tokens.get(end).filter(|t| t.is_word()).map(|t| (t.text(text), end)))
                }
            };
            let (unit, at) = unit_at?;
            let (days, precision) = match unit {
                "يوم" | "ايام" | "يومين" | "يوما" => (1, Precision::Day),
                "اسبوع" | "اسبوعين" | "اسابيع" | "اسبوعا" => (7, Precision::Day),
                "شهر" | "شهرين" | "اشهر" | "شهور" | "شهرا" => (-1, Precision::Month),
                "عام" | "عامين" | "اعوام" | "سنوات" | "سنتين" | "عاما" | "سنه" => {
                    (-1, Precision::Year)
                }
                _ => return None,
            };
            if n > 10_000 {
                return None;
            }
            let offset = if days > 0 { -(n * days) } else { -n };
            rel(offset, precision, at + 1)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;

    fn dates(s: &str, published: Option<(i32, u32, u32)>) -> Vec<(String, Precision, Resolution, String)> {
        let t = Normalizer::new().normalize_str(s);
        let p = published.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        find_dates(&t, p)
            .into_iter()
            .map(|x| (x.value.to_string(), x.precision, x.resolved_from, t[x.span].to_string()))
            .collect()
    }

    #[test]
    fn tables_are_normalized() {
        let n = Normalizer::new();
        for k in
            WORDS.keys().chain(ORDINALS.keys()).chain(KNOWN.iter().copied()).chain(YEAR_CUES.iter().copied())
        {
            assert_eq!(n.normalize_str(k), k, "{k:?}");
        }
    }

    #[test]
    fn dev_facts() {
        let d = dates("الأربعاء", Some((2025, 8, 21)));
        assert_eq!(d[0].0, "2025-08-20");
        assert_eq!(dates("13 كانون الأول/ديسمبر", None)[0].0, "XXXX-12-13");
        assert_eq!(dates("13 كانون الأول/ديسمبر", Some((2025, 12, 15)))[0].0, "2025-12-13");
        assert_eq!(dates("وفي مايو 2015", None)[0].0, "2015-05");
        assert_eq!(dates("وفي يونيو/حزيران، شنت", Some((2025, 12, 15)))[0].0, "2025-06");
        assert_eq!(dates("21 أغسطس 2025، 3:54 ص", None)[0].0, "2025-08-21");
    }

    #[test]
    fn hijri() {
        // 1 Ramadan 1446 is 1 March 2025 (Umm al-Qura); the tabular calendar agrees.
        assert_eq!(hijri_to_gregorian(1446, 9, 1), NaiveDate::from_ymd_opt(2025, 3, 1));
        assert_eq!(dates("١٥ رمضان ١٤٤٦ هـ", None)[0].0, "2025-03-15");
        // 14 Shawwal 1436: Umm al-Qura 2015-07-30, one day before the tabular date.
        assert_eq!(ummalqura::to_gregorian(1436, 10, 14), NaiveDate::from_ymd_opt(2015, 7, 30));
        assert_eq!(hijri_to_gregorian(1436, 10, 14), NaiveDate::from_ymd_opt(2015, 7, 31));
        assert_eq!(ummalqura::to_gregorian(1436, 10, 31), None);
    }

    #[test]
    fn traps() {
        assert!(dates("مارس ضغوطا على الحكومة", Some((2025, 1, 1))).is_empty());
        assert!(dates("أب لثلاثة أطفال", Some((2025, 1, 1))).is_empty());
        assert!(dates("سيارة نيسان", Some((2025, 1, 1))).is_empty());
        assert!(dates("أحد عناصر التنظيم", Some((2025, 1, 1))).is_empty());
        assert!(dates("3000 مقاتل", Some((2025, 1, 1))).is_empty());
        // Nonsense days are not days; the month and year still read.
        assert!(dates("32 شباط", None).is_empty());
        assert_eq!(dates("32 شباط 2025", None)[0].0, "2025-02");
        assert!(dates("يوم 0 من عام 0", None).is_empty());
    }
}
