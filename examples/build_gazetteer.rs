//! Generates `gazetteers/places_wof.tsv`, the full place gazetteer of Syria and
//! Iraq, from the raw data in `../shared/geo` (see its `SOURCES.md`).
//!
//! ```text
//! cargo run --release --example build_gazetteer -- ../shared/geo           # writes the file
//! cargo run --release --example build_gazetteer -- ../shared/geo --check   # compares, exit 1 if it differs
//! cargo run --release --example build_gazetteer -- --count-words ../shared/corpus/news   # the word list
//! ```
//!
//! What goes in:
//!
//! 1. Who's On First (WOF) localities, neighbourhoods and campuses of Syria and
//!    Iraq that are current and have at least one Arabic-script name.
//! 2. Governorates, districts and Syrian subdistricts (WOF regions and
//!    counties, OpenSyria) that `gazetteers/places.tsv` does not hold.
//!
//! The curated `places.tsv` wins: a record whose id, GeoNames id or Wikidata
//! id is already there is left out, and so is a record with the same Arabic
//! name within 10 km of a curated settlement (the curated row stands for it).
//! Every parent is a row of `places.tsv` or of the generated file: the WOF
//! hierarchy when it names a district, else a point-in-polygon test on the
//! WOF county and region polygons, else the nearest district of the country.
//!
//! Arabic aliases: the record's other Arabic names (Latin text in the `ara`
//! fields goes to the Latin aliases), the name without a leading ناحية/قضاء/
//! مدينة/بلدة/قرية, كفر X written joined and apart, and the kind-prefixed forms (city: مدينة X; town: بلدة X,
//! مدينة X; village: قرية X, بلدة X; subdistrict: ناحية X; district: منطقة X,
//! in Iraq قضاء X; neighbourhood: حي X), without two that the normalizer
//! folds alike. Villages, towns, neighbourhoods, subdistricts and camps whose
//! single-word name (with or without ال) is in `gazetteers/common_words.txt`
//! get `needs_cue`.
//!
//! The output is deterministic (no timestamp, sorted rows): running the
//! command twice gives byte-identical files. Odd records are skipped and
//! counted; a summary goes to standard error.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use flate2::read::MultiGzDecoder;
use rasad::normalize::Normalizer;
use serde_json::Value;

/// Syria's and Iraq's WOF ids (rows of `places.tsv`).
const SYRIA: &str = "wof:85632413";
const IRAQ: &str = "wof:85632191";

/// Populations that make a locality a city or a town (else a village).
const CITY_POPULATION: i64 = 100_000;
const TOWN_POPULATION: i64 = 5_000;

/// A WOF record with the same Arabic name as a curated settlement this close
/// (km) is the curated place.
const CURATED_DUPLICATE_KM: f64 = 10.0;
/// Two WOF records with the same Arabic name this close (km) are one place.
const WOF_DUPLICATE_KM: f64 = 1.0;
/// A locality outside every district polygon of its country but this close
/// (km) to one goes to the nearest; farther away it is dropped.
const NEAREST_DISTRICT_KM: f64 = 10.0;

/// The bounding box every row must lie in (as the loader's test checks).
const LAT_RANGE: (f64, f64) = (29.0, 38.5);
const LON_RANGE: (f64, f64) = (35.0, 49.0);

/// Words this frequent (rank in common_words.txt) are everyday words: a
/// multi-word alias made only of them (فاطمة الزهراء) is a phrase, not a name.
const EVERYDAY_RANK: usize = 3_000;

/// How many of the most frequent corpus words make the common-word list
/// (`--words N` changes it).
const COMMON_WORDS: usize = 20_000;
/// A town's name needs a cue only when it is among this many most frequent
/// words (الحراك "the movement", القصير "the short" are; داريا and حرستا,
/// frequent as town names, are not).
const TOWN_COMMON_RANK: usize = 10_000;
/// How many of the most frequent words of the articles about terrorism and
/// fighting are added (شنه "launched it", كمين "ambush", عبوة "bomb" are not
/// among the most frequent of all news).
const DOMAIN_WORDS: usize = 5_000;
/// An article is about terrorism and fighting when its normalized text has
/// one of these.
const DOMAIN_MARKERS: &[&str] = &["داعش", "تنظيم الدوله", "ارهاب", "مسلح"];
/// The corpus sources whose articles are counted: the ANT corpora (Apache 2.0
/// with a citation licence). SaudiNewsNet (CC BY-NC-SA, research only) is not.
const WORD_SOURCES: &[&str] =
    &["jawharafm", "alarabiya", "bbc-arabic", "cnn-arabic", "france24-arabic", "skynews-arabia"];
/// Ordinary words that also name villages, added to the counted list: the
/// examples of the project's brief, months, weekdays and numbers (a village
/// named حزيران "June" or تسعة "nine" must not take a date or a count).
const EXTRA_COMMON_WORDS: &[&str] = &[
    "النصر",
    "السلام",
    "الحرية",
    "الجديدة",
    "الخير",
    "العمر",
    "الثورة",
    "الشيخ",
    "الكرامة",
    "المحطة",
    "السوق",
    "الجسر",
    "الجامع",
    "الباب",
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "إبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "محرم",
    "صفر",
    "ربيع",
    "جمادى",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "القعدة",
    "الحجة",
    "السبت",
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "واحد",
    "اثنان",
    "اثنين",
    "ثلاثة",
    "أربعة",
    "خمسة",
    "ستة",
    "سبعة",
    "ثمانية",
    "تسعة",
    "عشرة",
    "عشرين",
    "ثلاثين",
    "أربعين",
    "خمسين",
    "مئة",
    "مائة",
    "ألف",
];

/// Words that a kind-prefixed alias would repeat (قرية قرية ...): names that
/// start with one of them get no prefixed alias, and a record named by one of
/// them alone, with or without ال (مخيم "camp", المدينة "the city"), is skipped.
const KIND_WORDS: &[&str] =
    &["مدينة", "بلدة", "قرية", "ناحية", "منطقة", "قضاء", "حي", "مخيم", "مزرعة", "مطار", "قاعدة", "معسكر"];
/// Proclitic chains the matcher strips before a name ("" is none; لل is
/// ل + ال).
const PROCLITICS: &[&str] =
    &["", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل", "لل", "ولل", "فلل"];
/// Admin and settlement words that a name may start with (ناحية الشنافية):
/// the rest of the name (الشنافية) is added as an alias.
const STRIPPED_WORDS: &[&str] = &["مدينة", "بلدة", "قرية", "ناحية", "قضاء"];

/// Generate the full WOF/OpenSyria place gazetteer of Syria and Iraq.
#[derive(Parser, Debug)]
#[command(name = "build_gazetteer", about)]
struct Args {
    /// The raw place data folder (../shared/geo).
    geo: Option<PathBuf>,
    /// Compare with the committed files instead of writing them; exit
    /// status 1 when they differ.
    #[arg(long)]
    check: bool,
    /// First recount gazetteers/common_words.txt from this news corpus folder
    /// (../shared/corpus/news).
    #[arg(long, value_name = "DIR")]
    count_words: Option<PathBuf>,
    /// How many of the most frequent words --count-words keeps.
    #[arg(long, value_name = "N", default_value_t = COMMON_WORDS)]
    words: usize,
    /// The gazetteer folder of the project.
    #[arg(long, value_name = "DIR", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers"))]
    gazetteers: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.geo.is_none() && args.count_words.is_none() {
        eprintln!("build_gazetteer: give the geo folder (../shared/geo) or --count-words DIR; see --help");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let mut same = true;
    if let Some(corpus) = &args.count_words {
        match count_common_words(corpus, args.words, &args.gazetteers.join("triggers.tsv")) {
            Ok(text) => match emit(&args.gazetteers.join("common_words.txt"), &text, args.check) {
                Ok(s) => same &= s,
                Err(e) => return fail(&e),
            },
            Err(e) => return fail(&e),
        }
    }
    if let Some(geo) = &args.geo {
        let mut stats = Stats::default();
        match build(geo, &args.gazetteers, &mut stats) {
            Ok(text) => {
                stats.bytes = text.len();
                match emit(&args.gazetteers.join("places_wof.tsv"), &text, args.check) {
                    Ok(s) => same &= s,
                    Err(e) => return fail(&e),
                }
            }
            Err(e) => return fail(&e),
        }
        stats.print();
    }
    eprintln!("build_gazetteer: done in {:.2} s", started.elapsed().as_secs_f64());
    if same { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn fail(e: &str) -> ExitCode {
    eprintln!("build_gazetteer: {e}");
    ExitCode::from(2)
}

/// Writes `text` to `path`, or with `check` compares it with the file there.
/// Returns whether the file was (or now is) up to date.
fn emit(path: &Path, text: &str, check: bool) -> Result<bool, String> {
    let old = std::fs::read(path).ok();
    let same = old.as_deref() == Some(text.as_bytes());
    if check {
        if same {
            eprintln!("{}: up to date", path.display());
        } else {
            eprintln!("{}: differs from what the generator makes; rerun it without --check", path.display());
        }
        return Ok(same);
    }
    if !same {
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!("{}: {} bytes written{}", path.display(), text.len(), if same { " (unchanged)" } else { "" });
    Ok(true)
}

// ---------------------------------------------------------------------------
// Summary

/// What happened to the records, printed to standard error at the end.
#[derive(Default, Debug)]
struct Stats {
    read: usize,
    kept: usize,
    skipped: BTreeMap<&'static str, usize>,
    parents: BTreeMap<&'static str, usize>,
    rows: BTreeMap<(&'static str, &'static str), usize>,
    needs_cue: usize,
    dropped_aliases: usize,
    bytes: usize,
}

impl Stats {
    fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    fn print(&self) {
        eprintln!("records read: {}", self.read);
        eprintln!("rows written: {} ({} bytes)", self.kept, self.bytes);
        for ((country, kind), n) in &self.rows {
            eprintln!("  {country} {kind:<14} {n:>6}");
        }
        eprintln!("  needs_cue: {}", self.needs_cue);
        eprintln!("  single-word aliases dropped (common word or curated name): {}", self.dropped_aliases);
        eprintln!("skipped:");
        for (reason, n) in &self.skipped {
            eprintln!("  {n:>6}  {reason}");
        }
        eprintln!("parents:");
        for (how, n) in &self.parents {
            eprintln!("  {n:>6}  {how}");
        }
    }
}

// ---------------------------------------------------------------------------
// Text helpers

/// True for letters of the Arabic script (Arabic, Persian, Kurdish letters).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn has_arabic(s: &str) -> bool {
    s.chars().any(is_arabic_letter)
}

fn has_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic() && !is_arabic_letter(c) && (c as u32) < 0x0370)
        || s.chars().any(|c| ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// A name made safe for a TSV list field: no tabs, line breaks, `|`,
/// bidirectional controls or stray dots; one space between words.
fn clean(s: &str) -> String {
    let kept: String = s
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | '|' => ' ',
            _ => c,
        })
        .filter(|&c| {
            !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '.')
                && !c.is_control()
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folds what the normalizer folds (hamza and alef forms, ى/ي, ة/ه,
/// diacritics, tatweel, Persian letters, Latin case): two names with the
/// same fold are one alias.
struct Folder(Normalizer);

impl Folder {
    fn fold(&self, s: &str) -> String {
        self.0.normalize_str(s).split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The folded name with and without the article ال.
    fn forms(&self, s: &str) -> Vec<String> {
        let f = self.fold(s);
        let bare = f.strip_prefix("ال").filter(|b| b.chars().count() >= 2).map(str::to_string);
        match bare {
            Some(b) => vec![f, b],
            None => vec![format!("ال{f}"), f],
        }
    }
}

/// A list of names without two that fold alike (the first spelling is kept).
#[derive(Default)]
struct NameList {
    names: Vec<String>,
    seen: HashSet<String>,
}

impl NameList {
    /// Adds `name` unless it is empty or folds like one already there.
    fn add(&mut self, folder: &Folder, name: &str) -> bool {
        let name = clean(name);
        if name.is_empty() {
            return false;
        }
        let key = folder.fold(&name);
        if key.is_empty() || !self.seen.insert(key) {
            return false;
        }
        self.names.push(name);
        true
    }

    /// Marks `name` as present without listing it (the row's main name).
    fn reserve(&mut self, folder: &Folder, name: &str) {
        self.seen.insert(folder.fold(&clean(name)));
    }
}

/// Whether `name` is one of [`KIND_WORDS`] alone, with or without ال
/// (مخيم, المدينة).
fn is_kind_word(folder: &Folder, name: &str) -> bool {
    let forms = folder.forms(name);
    KIND_WORDS.iter().any(|w| forms.contains(&folder.fold(w)))
}

/// Distance in km between two points (haversine).
fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().min(1.0).asin()
}

fn in_box(lat: f64, lon: f64) -> bool {
    (LAT_RANGE.0..=LAT_RANGE.1).contains(&lat) && (LON_RANGE.0..=LON_RANGE.1).contains(&lon)
}

// ---------------------------------------------------------------------------
// Rows

/// The kinds this generator writes, in the order rows are sorted.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Governorate,
    District,
    Subdistrict,
    City,
    Town,
    Village,
    Neighbourhood,
    Camp,
    Airbase,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Governorate => "governorate",
            Kind::District => "district",
            Kind::Subdistrict => "subdistrict",
            Kind::City => "city",
            Kind::Town => "town",
            Kind::Village => "village",
            Kind::Neighbourhood => "neighbourhood",
            Kind::Camp => "camp",
            Kind::Airbase => "airbase",
        }
    }

    /// Prefixed aliases for a place of this kind named `x` (مدينة X ...).
    fn prefixed(self, x: &str, iraq: bool) -> Vec<String> {
        let words: &[&str] = match self {
            Kind::City => &["مدينة"],
            Kind::Town => &["بلدة", "مدينة"],
            Kind::Village => &["قرية", "بلدة"],
            Kind::Subdistrict => &["ناحية"],
            Kind::District if iraq => &["منطقة", "قضاء"],
            Kind::District => &["منطقة"],
            Kind::Governorate => &["محافظة"],
            Kind::Neighbourhood => &["حي"],
            Kind::Camp | Kind::Airbase => &[],
        };
        words.iter().map(|w| format!("{w} {x}")).collect()
    }

    /// Whether a bare mention of a place of this kind may be an ordinary
    /// word (and so needs a cue when its name is a common word).
    fn may_need_cue(self) -> bool {
        matches!(self, Kind::Subdistrict | Kind::Town | Kind::Village | Kind::Neighbourhood | Kind::Camp)
    }
}

/// The matching flag of a generated row. Of ~27,000 generated names many are
/// rare words too, so a village or neighbourhood is read only after a
/// locative cue (`needs_cue`: في، قرب، بريف، قرية ...), and one whose name is
/// a common word only right after a word of its kind (`needs_kind`).
fn flags(r: &Row) -> &'static str {
    match (r.needs_cue, r.kind) {
        (true, _) => "needs_kind",
        (false, Kind::Village | Kind::Neighbourhood) => "needs_context",
        _ => "",
    }
}

/// One row of the output file.
#[derive(Debug, Clone)]
struct Row {
    id: String,
    kind: Kind,
    name_en: String,
    name_ar: String,
    aliases_ar: Vec<String>,
    aliases_latin: Vec<String>,
    parent: String,
    lat: f64,
    lon: f64,
    external_ids: Vec<String>,
    needs_cue: bool,
    source: &'static str,
    population: Option<i64>,
    /// SY or IQ.
    country: &'static str,
    /// Arabic names from the data (not generated), for the common-word test.
    data_names_ar: Vec<String>,
    /// Data names without a leading ناحية/قضاء/مدينة/بلدة/قرية.
    stripped_ar: Vec<String>,
}

// ---------------------------------------------------------------------------
// Step 1: the curated core

/// A row of `places.tsv`, as far as this generator needs it.
#[derive(Debug)]
struct Curated {
    id: String,
    kind: String,
    parent: String,
    lat: f64,
    lon: f64,
    /// Folded Arabic names (name and aliases), with and without ال.
    forms: HashSet<String>,
}

/// The curated core: its rows, ids and external ids.
struct Core {
    rows: Vec<Curated>,
    ids: HashMap<String, usize>,
    external: HashSet<String>,
    /// External id -> the curated ids that carry it.
    by_external: HashMap<String, Vec<String>>,
    by_pcode: HashMap<String, String>,
}

/// Reads `gazetteers/places.tsv` (columns by name, `#` lines skipped).
fn load_core(path: &Path, folder: &Folder) -> Result<Core, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().ok_or("places.tsv is empty")?.split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).ok_or(format!("places.tsv has no {name}"));
    let (c_id, c_kind, c_ar, c_aliases, c_parent, c_lat, c_lon, c_ext) = (
        col("id")?,
        col("kind")?,
        col("name_ar")?,
        col("aliases_ar")?,
        col("parent")?,
        col("lat")?,
        col("lon")?,
        col("external_ids")?,
    );
    let mut core = Core {
        rows: Vec::new(),
        ids: HashMap::new(),
        external: HashSet::new(),
        by_external: HashMap::new(),
        by_pcode: HashMap::new(),
    };
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let get = |i: usize| f.get(i).copied().unwrap_or("");
        let mut forms = HashSet::new();
        for name in std::iter::once(get(c_ar)).chain(get(c_aliases).split('|')).filter(|s| !s.is_empty()) {
            forms.extend(folder.forms(name));
        }
        for x in get(c_ext).split('|').filter(|s| !s.is_empty()) {
            core.external.insert(x.to_string());
            core.by_external.entry(x.to_string()).or_default().push(get(c_id).to_string());
            if let Some(p) = x.strip_prefix("pcode:") {
                core.by_pcode.insert(p.to_string(), get(c_id).to_string());
            }
        }
        core.ids.insert(get(c_id).to_string(), core.rows.len());
        core.rows.push(Curated {
            id: get(c_id).to_string(),
            kind: get(c_kind).to_string(),
            parent: get(c_parent).to_string(),
            lat: get(c_lat).parse().unwrap_or(f64::NAN),
            lon: get(c_lon).parse().unwrap_or(f64::NAN),
            forms,
        });
    }
    Ok(core)
}

/// Reads the common-word list: one normalized word a line, `#` comments.
/// Returns each word with its rank (its line among the words, from 0).
fn load_common_words(path: &Path) -> Result<HashMap<String, usize>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: {e} (make it with --count-words)", path.display()))?;
    let mut out = HashMap::new();
    for (rank, word) in
        text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).enumerate()
    {
        out.entry(word.to_string()).or_insert(rank);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Step 2: raw inputs

/// Reads a gzip JSON Lines file; lines that are not JSON objects are counted
/// as odd and skipped.
fn read_jsonl_gz(path: &Path, stats: &mut Stats) -> Result<Vec<Value>, String> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for line in BufReader::new(MultiGzDecoder::new(file)).lines() {
        let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        stats.read += 1;
        match serde_json::from_str::<Value>(&line) {
            Ok(v) if v.is_object() => out.push(v),
            _ => stats.skip("odd record: not a JSON object"),
        }
    }
    Ok(out)
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The regular files of a (ustar or GNU) tar archive: name and contents.
/// Other entries (directories, pax headers) are passed over.
fn untar(bytes: &[u8]) -> Result<Vec<(String, &[u8])>, String> {
    let field = |b: &[u8]| String::from_utf8_lossy(b.split(|&c| c == 0).next().unwrap_or(b)).into_owned();
    let mut out = Vec::new();
    let mut off = 0;
    while off + 512 <= bytes.len() {
        let h = &bytes[off..off + 512];
        if h.iter().all(|&b| b == 0) {
            break;
        }
        let size_field = field(&h[124..136]);
        let size =
            usize::from_str_radix(size_field.trim(), 8).map_err(|_| format!("tar: bad size at {off}"))?;
        let start = off + 512;
        let end = start.checked_add(size).filter(|&e| e <= bytes.len()).ok_or("tar: truncated archive")?;
        if matches!(h[156], b'0' | 0) {
            let (prefix, name) = (field(&h[345..500]), field(&h[0..100]));
            let name = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
            out.push((name, &bytes[start..end]));
        }
        off = start + size.div_ceil(512) * 512;
    }
    Ok(out)
}

/// A ring of (lon, lat) points.
type Ring = Vec<(f64, f64)>;
/// An outer ring, then holes.
type Polygon = Vec<Ring>;

/// A WOF region or county polygon.
struct AdminPolygon {
    id: String,
    placetype: String,
    country: &'static str,
    /// Polygons, each an outer ring then holes.
    polygons: Vec<Polygon>,
    /// min lon, min lat, max lon, max lat.
    bbox: (f64, f64, f64, f64),
}

impl AdminPolygon {
    fn contains(&self, lon: f64, lat: f64) -> bool {
        let (x0, y0, x1, y1) = self.bbox;
        if lon < x0 || lon > x1 || lat < y0 || lat > y1 {
            return false;
        }
        self.polygons.iter().any(|rings| {
            rings.first().is_some_and(|outer| ring_contains(outer, lon, lat))
                && !rings[1..].iter().any(|hole| ring_contains(hole, lon, lat))
        })
    }

    /// Distance (km) from a point outside to the nearest edge.
    fn distance_km(&self, lon: f64, lat: f64) -> f64 {
        let kx = 111.32 * lat.to_radians().cos();
        let ky = 110.57;
        let mut best = f64::INFINITY;
        for ring in self.polygons.iter().flatten() {
            for w in ring.windows(2) {
                let (ax, ay) = ((w[0].0 - lon) * kx, (w[0].1 - lat) * ky);
                let (bx, by) = ((w[1].0 - lon) * kx, (w[1].1 - lat) * ky);
                let (dx, dy) = (bx - ax, by - ay);
                let len2 = dx * dx + dy * dy;
                let t = if len2 > 0.0 { (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
                let (px, py) = (ax + t * dx, ay + t * dy);
                best = best.min((px * px + py * py).sqrt());
            }
        }
        best
    }
}

/// Ray casting: does the horizontal ray from (x, y) cross the ring an odd
/// number of times?
fn ring_contains(ring: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let (xi, yi) = ring[i];
        let (xj, yj) = ring[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// Reads a GeoJSON ring: `[[lon, lat], ...]`.
fn ring(v: &Value) -> Option<Ring> {
    v.as_array()?.iter().map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?))).collect()
}

/// Reads the current county and region polygons of
/// `wof/admin_polygons_sy_iq.tar.gz`; points and odd features are skipped.
fn load_polygons(path: &Path, stats: &mut Stats) -> Result<Vec<AdminPolygon>, String> {
    let mut bytes = Vec::new();
    MultiGzDecoder::new(File::open(path).map_err(|e| format!("{}: {e}", path.display()))?)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (name, data) in untar(&bytes)? {
        if !name.ends_with(".geojson") {
            continue;
        }
        let Ok(v) = serde_json::from_slice::<Value>(data) else {
            stats.skip("polygon file: not JSON");
            continue;
        };
        let p = &v["properties"];
        let placetype = p["wof:placetype"].as_str().unwrap_or("").to_string();
        if !matches!(placetype.as_str(), "county" | "region") || !is_current(p) {
            continue;
        }
        let country = match p["wof:country"].as_str() {
            Some("SY") => "SY",
            Some("IQ") => "IQ",
            _ => continue,
        };
        let g = &v["geometry"];
        let coords = &g["coordinates"];
        let polygons: Option<Vec<Polygon>> = match g["type"].as_str() {
            Some("Polygon") => {
                coords.as_array().map(|rs| rs.iter().filter_map(ring).collect()).map(|p| vec![p])
            }
            Some("MultiPolygon") => coords.as_array().map(|ps| {
                ps.iter().filter_map(|rs| Some(rs.as_array()?.iter().filter_map(ring).collect())).collect()
            }),
            _ => None,
        };
        let (Some(polygons), Some(id)) = (polygons, p["wof:id"].as_i64()) else {
            continue;
        };
        let mut bbox = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for &(x, y) in polygons.iter().flatten().flatten() {
            bbox = (bbox.0.min(x), bbox.1.min(y), bbox.2.max(x), bbox.3.max(y));
        }
        out.push(AdminPolygon { id: format!("wof:{id}"), placetype, country, polygons, bbox });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// `mz:is_current` not 0, no `edtf:deprecated`, no `wof:superseded_by`.
fn is_current(p: &Value) -> bool {
    current_status(p).is_none()
}

/// Why a WOF record is not current, if it is not (the first reason of:
/// superseded, deprecated, `mz:is_current` 0).
fn current_status(p: &Value) -> Option<&'static str> {
    if p["wof:superseded_by"].as_array().is_some_and(|a| !a.is_empty()) {
        return Some("superseded (wof:superseded_by)");
    }
    if p.get("edtf:deprecated").is_some_and(|d| !d.is_null() && d.as_str() != Some("")) {
        return Some("deprecated (edtf:deprecated)");
    }
    if p["mz:is_current"].as_i64() == Some(0) {
        return Some("not current (mz:is_current 0)");
    }
    None
}

// ---------------------------------------------------------------------------
// Step 3: names of a WOF record

/// The strings of a `name:*` list field.
fn strings<'a>(p: &'a Value, key: &str) -> impl Iterator<Item = &'a str> {
    p.get(key).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str)
}

/// Arabic and Latin names of a WOF record.
struct Names {
    name_en: String,
    /// Arabic-script values of the `ara` fields, cleaned, in data order.
    arabic: Vec<String>,
    latin: Vec<String>,
}

/// Sorts the `ara` values into Arabic and Latin ones (about 2,200 hold Latin
/// text) and gathers English and undetermined-language names.
fn wof_names(p: &Value) -> Names {
    let ara = ["name:ara_x_preferred", "name:ara_x_variant", "name:ara_x_colloquial"];
    let mut arabic = Vec::new();
    let mut latin = Vec::new();
    for key in ara {
        for s in strings(p, key) {
            let s = clean(s);
            if s.is_empty() {
                continue;
            }
            if has_arabic(&s) && !has_latin(&s) {
                arabic.push(s);
            } else if has_latin(&s) && !has_arabic(&s) {
                latin.push(s);
            }
        }
    }
    // "A - B" values join two names (or a name and a qualifier); keep them
    // only when the record has no other Arabic name.
    if arabic.iter().any(|s| !s.contains(" - ")) {
        arabic.retain(|s| !s.contains(" - "));
    }
    let wof_name = clean(p["wof:name"].as_str().unwrap_or(""));
    let mut english: Vec<String> = [
        "name:eng_x_preferred",
        "name:eng_x_variant",
        "name:eng_x_colloquial",
        "name:eng_x_unknown",
        "name:und_x_variant",
    ]
    .iter()
    .flat_map(|k| strings(p, k))
    .map(clean)
    .filter(|s| !s.is_empty() && !has_arabic(s))
    .collect();
    let name_en =
        strings(p, "name:eng_x_preferred").map(clean).find(|s| !s.is_empty()).unwrap_or(wof_name.clone());
    english.insert(0, wof_name);
    english.extend(latin);
    Names { name_en, arabic, latin: english }
}

/// Latin aliases: without the English name and without repeats (ignoring case).
fn latin_aliases(name_en: &str, latin: &[String]) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::from([name_en.to_lowercase()]);
    latin.iter().filter(|s| !s.is_empty() && seen.insert(s.to_lowercase())).cloned().collect()
}

/// `gn:` and `wd:` ids of `wof:concordances`.
fn concordances(p: &Value) -> Vec<String> {
    let c = &p["wof:concordances"];
    let mut out = Vec::new();
    if let Some(gn) = c["gn:id"].as_i64().filter(|&g| g > 0) {
        out.push(format!("gn:{gn}"));
    }
    if let Some(wd) = c["wd:id"].as_str().filter(|w| w.starts_with('Q')) {
        out.push(format!("wd:{wd}"));
    }
    out
}

/// `wof:population`, else `gn:population`, when positive.
fn population(p: &Value) -> Option<i64> {
    ["wof:population", "gn:population"]
        .iter()
        .filter_map(|k| p[*k].as_i64().or_else(|| p[*k].as_f64().map(|f| f as i64)))
        .find(|&n| n > 0)
}

/// The kind of a WOF locality, neighbourhood or campus.
fn wof_kind(placetype: &str, name_ar: &str, name_en: &str, population: Option<i64>) -> Kind {
    let en = name_en.to_lowercase();
    let first = name_ar.split(' ').next().unwrap_or("");
    let camp = first == "مخيم" || first == "معسكر" || en.contains("camp");
    let airbase = matches!(first, "مطار" | "قاعدة" | "قاعده")
        || en.contains("airport")
        || en.contains("air base")
        || en.contains("airbase");
    match placetype {
        "campus" if airbase => Kind::Airbase,
        "campus" if camp => Kind::Camp,
        "campus" | "neighbourhood" => Kind::Neighbourhood,
        _ if first == "مخيم" => Kind::Camp,
        _ => match population.unwrap_or(0) {
            n if n >= CITY_POPULATION => Kind::City,
            n if n >= TOWN_POPULATION => Kind::Town,
            _ => Kind::Village,
        },
    }
}

// ---------------------------------------------------------------------------
// Step 4: WOF and OpenSyria admin units missing from places.tsv

/// WOF regions and counties that `places.tsv` lacks (by id or by a shared
/// GeoNames/Wikidata id), as governorates and districts. Their parent is the
/// region of their hierarchy, else the country.
///
/// Also returns the WOF units that are a curated unit under another id (the
/// same Wikidata id: Markaz Rif Dimashq is two WOF counties), mapped to it.
fn wof_admin_rows(
    records: &[(&'static str, Value)],
    core: &Core,
    folder: &Folder,
    stats: &mut Stats,
) -> (Vec<Row>, HashMap<String, String>) {
    let mut out = Vec::new();
    let mut same_as = HashMap::new();
    for (country, p) in records {
        let placetype = p["wof:placetype"].as_str().unwrap_or("");
        let kind = match placetype {
            "region" => Kind::Governorate,
            "county" => Kind::District,
            _ => continue,
        };
        let Some(id) = p["wof:id"].as_i64().map(|i| format!("wof:{i}")) else {
            stats.skip("odd record: no wof:id");
            continue;
        };
        if let Some(why) = current_status(p) {
            stats.skip(why);
            continue;
        }
        if core.ids.contains_key(&id) {
            stats.skip("admin unit already in places.tsv (id)");
            continue;
        }
        let ext = concordances(p);
        if ext.iter().any(|x| core.external.contains(x)) {
            let curated = ext
                .iter()
                .flat_map(|x| core.by_external.get(x).into_iter().flatten())
                .find(|c| core.ids.get(*c).is_some_and(|&i| core.rows[i].kind == kind.as_str()));
            if let Some(c) = curated {
                same_as.insert(id, c.clone());
            }
            stats.skip("admin unit already in places.tsv (gn:/wd: id)");
            continue;
        }
        let hier = p["wof:hierarchy"].as_array().cloned().unwrap_or_default();
        if !hier.is_empty() && hier.iter().all(|h| h.get("disputed_id").is_some()) {
            stats.skip("admin unit of a disputed area only (UNDOF zone)");
            continue;
        }
        let names = wof_names(p);
        let Some(name_ar) = names.arabic.first().cloned() else {
            stats.skip("no Arabic-script name");
            continue;
        };
        let (Some(lat), Some(lon)) = (p["geom:latitude"].as_f64(), p["geom:longitude"].as_f64()) else {
            stats.skip("odd record: no coordinates");
            continue;
        };
        let country_id = if *country == "SY" { SYRIA } else { IRAQ };
        let parent = hier
            .iter()
            .filter_map(|h| h["region_id"].as_i64())
            .map(|r| format!("wof:{r}"))
            .find(|r| kind == Kind::District && core.ids.contains_key(r))
            .unwrap_or(country_id.to_string());
        let mut aliases = NameList::default();
        aliases.reserve(folder, &name_ar);
        for a in names.arabic.iter().skip(1) {
            aliases.add(folder, a);
        }
        out.push(Row {
            id,
            kind,
            name_en: names.name_en.clone(),
            data_names_ar: names.arabic.clone(),
            stripped_ar: Vec::new(),
            name_ar,
            aliases_ar: aliases.names,
            aliases_latin: latin_aliases(&names.name_en, &names.latin),
            parent,
            lat,
            lon,
            external_ids: ext,
            needs_cue: false,
            source: "wof",
            population: population(p),
            country,
        });
    }
    (out, same_as)
}

/// OpenSyria governorates, districts and subdistricts that `places.tsv`
/// lacks (by P-code). Ids are `rasad:pcode_<p-code>`; a subdistrict's parent
/// is its district, found by P-code.
fn opensyria_rows(dir: &Path, core: &Core, folder: &Folder, stats: &mut Stats) -> Result<Vec<Row>, String> {
    let mut out: Vec<Row> = Vec::new();
    // OpenSyria id -> row id, for parents.
    let mut ids: HashMap<String, String> = HashMap::new();
    for (file, kind) in [
        ("governorates.json", Kind::Governorate),
        ("districts.json", Kind::District),
        ("subdistricts.json", Kind::Subdistrict),
    ] {
        let v = read_json(&dir.join(file))?;
        for item in v.as_array().into_iter().flatten() {
            stats.read += 1;
            let pcode = item["externalIds"]["ochaPcode"].as_str().unwrap_or("").to_string();
            let os_id = item["id"].as_str().unwrap_or("").to_string();
            if pcode.is_empty() || os_id.is_empty() {
                stats.skip("odd record: OpenSyria unit without id or P-code");
                continue;
            }
            if let Some(id) = core.by_pcode.get(&pcode) {
                ids.insert(os_id, id.clone());
                stats.skip("admin unit already in places.tsv (P-code)");
                continue;
            }
            let name_ar = clean(item["name"]["ar"].as_str().unwrap_or(""));
            let name_en = clean(item["name"]["en"].as_str().unwrap_or(""));
            let (Some(lat), Some(lon)) =
                (item["centroid"]["latitude"].as_f64(), item["centroid"]["longitude"].as_f64())
            else {
                stats.skip("odd record: no coordinates");
                continue;
            };
            if name_ar.is_empty() || name_en.is_empty() {
                stats.skip("odd record: OpenSyria unit without Arabic or English name");
                continue;
            }
            let up = match kind {
                Kind::Governorate => None,
                Kind::District => item["governorateId"].as_str(),
                _ => item["districtId"].as_str(),
            };
            let parent = match up {
                None => SYRIA.to_string(),
                Some(u) => match ids.get(u) {
                    Some(p) => p.clone(),
                    None => {
                        stats.skip("odd record: OpenSyria unit whose parent is unknown");
                        continue;
                    }
                },
            };
            let id = format!("rasad:pcode_{}", pcode.to_lowercase());
            let mut ext = Vec::new();
            if let Some(gn) = item["externalIds"]["geonames"].as_str().filter(|s| !s.is_empty()) {
                ext.push(format!("gn:{gn}"));
            }
            if let Some(wd) = item["externalIds"]["wikidata"].as_str().filter(|s| !s.is_empty()) {
                ext.push(format!("wd:{wd}"));
            }
            ext.push(format!("pcode:{pcode}"));
            let mut arabic = vec![name_ar.clone()];
            let mut latin = Vec::new();
            for a in item["aliases"].as_array().into_iter().flatten() {
                let value = clean(a["value"].as_str().unwrap_or(""));
                match a["language"].as_str() {
                    Some("ar") if has_arabic(&value) => arabic.push(value),
                    // Machine transliterations (nahyt mrkz ...) have no capital.
                    Some("en") if value.chars().any(char::is_uppercase) && !has_arabic(&value) => {
                        latin.push(value)
                    }
                    _ => {}
                }
            }
            let mut aliases = NameList::default();
            aliases.reserve(folder, &name_ar);
            for a in &arabic[1..] {
                aliases.add(folder, a);
            }
            ids.insert(os_id, id.clone());
            out.push(Row {
                id,
                kind,
                aliases_latin: latin_aliases(&name_en, &latin),
                name_en,
                name_ar,
                aliases_ar: aliases.names,
                data_names_ar: arabic,
                stripped_ar: Vec::new(),
                parent,
                lat,
                lon,
                external_ids: ext,
                needs_cue: false,
                source: "opensyria",
                population: item["population"]["value"].as_i64().filter(|&n| n > 0),
                country: "SY",
            });
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Step 5: WOF localities, neighbourhoods, campuses

/// A WOF place row before its parent is known, with the hierarchy's
/// county and region ids.
struct Candidate {
    row: Row,
    counties: Vec<String>,
    regions: Vec<String>,
}

/// Current WOF localities, neighbourhoods and campuses with an Arabic name
/// that `places.tsv` does not already hold.
fn wof_place_candidates(
    records: &[(&'static str, Value)],
    core: &Core,
    folder: &Folder,
    stats: &mut Stats,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (country, p) in records {
        let placetype = p["wof:placetype"].as_str().unwrap_or("");
        if !matches!(placetype, "locality" | "neighbourhood" | "campus") {
            continue;
        }
        let Some(id) = p["wof:id"].as_i64().map(|i| format!("wof:{i}")) else {
            stats.skip("odd record: no wof:id");
            continue;
        };
        if let Some(why) = current_status(p) {
            stats.skip(why);
            continue;
        }
        let names = wof_names(p);
        let Some(name_ar) = names.arabic.first().cloned() else {
            stats.skip("no Arabic-script name");
            continue;
        };
        if is_kind_word(folder, &name_ar) {
            stats.skip("Arabic name is only a generic word (مخيم, المدينة)");
            continue;
        }
        // Names that start with ناحية/قضاء/مدينة/بلدة/قرية also stand without it.
        let stripped_ar: Vec<String> = names
            .arabic
            .iter()
            .filter_map(|n| n.split_once(' '))
            .filter(|(first, rest)| {
                STRIPPED_WORDS.iter().any(|w| folder.fold(w) == folder.fold(first))
                    && !is_kind_word(folder, rest)
            })
            .map(|(_, rest)| rest.to_string())
            .collect();
        if core.ids.contains_key(&id) {
            stats.skip("already in places.tsv (id)");
            continue;
        }
        let ext = concordances(p);
        if ext.iter().any(|x| core.external.contains(x)) {
            stats.skip("already in places.tsv (gn:/wd: id)");
            continue;
        }
        let (Some(lat), Some(lon)) = (p["geom:latitude"].as_f64(), p["geom:longitude"].as_f64()) else {
            stats.skip("odd record: no coordinates");
            continue;
        };
        if !in_box(lat, lon) {
            stats.skip("outside 29..38.5 N, 35..49 E");
            continue;
        }
        if names.name_en.is_empty() {
            stats.skip("odd record: no English or WOF name");
            continue;
        }
        let pop = population(p);
        let kind = wof_kind(placetype, &name_ar, &names.name_en, pop);
        let country_id = if *country == "SY" { 85632413 } else { 85632191 };
        let mut counties = Vec::new();
        let mut regions = Vec::new();
        // Hierarchies of the record's own country first (Golan records have several).
        let mut hier: Vec<&Value> = p["wof:hierarchy"].as_array().into_iter().flatten().collect();
        hier.sort_by_key(|h| h["country_id"].as_i64() != Some(country_id));
        for h in hier {
            if let Some(c) = h["county_id"].as_i64().filter(|&c| c > 0) {
                counties.push(format!("wof:{c}"));
            }
            if let Some(r) = h["region_id"].as_i64().filter(|&r| r > 0) {
                regions.push(format!("wof:{r}"));
            }
        }
        out.push(Candidate {
            row: Row {
                id,
                kind,
                name_en: names.name_en.clone(),
                name_ar,
                aliases_ar: Vec::new(),
                aliases_latin: latin_aliases(&names.name_en, &names.latin),
                data_names_ar: names.arabic,
                stripped_ar,
                parent: String::new(),
                lat,
                lon,
                external_ids: ext,
                needs_cue: false,
                source: "wof",
                population: pop,
                country,
            },
            counties,
            regions,
        });
    }
    out
}

/// Drops candidates that a curated settlement already stands for: the same
/// Arabic name (with or without ال) within 10 km, or for a campus, a curated
/// airbase/camp whose name contains the campus's name or the reverse.
fn drop_curated_duplicates(
    cands: Vec<Candidate>,
    core: &Core,
    folder: &Folder,
    stats: &mut Stats,
) -> Vec<Candidate> {
    let settlements: Vec<&Curated> = core
        .rows
        .iter()
        .filter(|c| {
            !matches!(c.kind.as_str(), "country" | "governorate" | "district" | "subdistrict" | "region")
        })
        .filter(|c| c.lat.is_finite() && c.lon.is_finite())
        .collect();
    cands
        .into_iter()
        .filter(|cand| {
            let r = &cand.row;
            let forms: HashSet<String> =
                r.data_names_ar.iter().chain(&r.stripped_ar).flat_map(|n| folder.forms(n)).collect();
            let campus_like = matches!(r.kind, Kind::Airbase | Kind::Camp);
            let dup = settlements.iter().any(|c| {
                if distance_km(r.lat, r.lon, c.lat, c.lon) > CURATED_DUPLICATE_KM {
                    return false;
                }
                if !forms.is_disjoint(&c.forms) {
                    return true;
                }
                campus_like
                    && matches!(c.kind.as_str(), "airbase" | "camp" | "prison")
                    && forms.iter().any(|f| {
                        f.contains(' ')
                            && c.forms.iter().any(|g| {
                                g.contains(' ') && (f.contains(g.as_str()) || g.contains(f.as_str()))
                            })
                    })
            });
            if dup {
                stats.skip("same Arabic name as a places.tsv settlement within 10 km");
            }
            !dup
        })
        .collect()
}

/// Merges WOF records that are one place: the same folded Arabic name within
/// 1 km. The record with a population, then more external ids, then the
/// lower id is kept.
fn drop_wof_duplicates(mut cands: Vec<Candidate>, folder: &Folder, stats: &mut Stats) -> Vec<Candidate> {
    let score = |c: &Candidate| {
        let id: i64 = c.row.id.trim_start_matches("wof:").parse().unwrap_or(i64::MAX);
        (c.row.population.is_none(), std::cmp::Reverse(c.row.external_ids.len()), id)
    };
    cands.sort_by_key(score);
    let mut grid: HashMap<(String, i64, i64), Vec<(f64, f64)>> = HashMap::new();
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        let key = folder.fold(&c.row.name_ar);
        let (gy, gx) = ((c.row.lat * 50.0).floor() as i64, (c.row.lon * 50.0).floor() as i64);
        let near = (-1..=1).any(|dy| {
            (-1..=1).any(|dx| {
                grid.get(&(key.clone(), gy + dy, gx + dx)).is_some_and(|pts| {
                    pts.iter().any(|&(la, lo)| distance_km(la, lo, c.row.lat, c.row.lon) <= WOF_DUPLICATE_KM)
                })
            })
        });
        if near {
            stats.skip("same Arabic name as another WOF record within 1 km");
            continue;
        }
        grid.entry((key, gy, gx)).or_default().push((c.row.lat, c.row.lon));
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------
// Step 6: parents

/// Where a place's parent comes from.
struct Parents<'a> {
    /// Every district and governorate id (curated or generated) with its country.
    known: HashMap<String, (&'static str, Kind)>,
    polygons: &'a [AdminPolygon],
}

impl Parents<'_> {
    fn is(&self, id: &str, kind: Kind) -> bool {
        self.known.get(id).is_some_and(|(_, k)| *k == kind)
    }

    /// The parent of a WOF place and how it was found, or `None` when the
    /// place lies outside its country's districts.
    fn find(&self, c: &Candidate) -> Option<(String, &'static str)> {
        let (lat, lon, country) = (c.row.lat, c.row.lon, c.row.country);
        let usable = |p: &&AdminPolygon, kind: Kind| p.country == country && self.is(&p.id, kind);
        let county_polys =
            || self.polygons.iter().filter(|p| p.placetype == "county" && usable(p, Kind::District));
        if let Some(d) = c.counties.iter().find(|d| self.is(d, Kind::District)) {
            // A self-check of the polygon test against the hierarchy.
            let agrees = county_polys().find(|p| p.contains(lon, lat)).is_some_and(|p| &p.id == d);
            let how = if agrees {
                "hierarchy: district (polygon agrees)"
            } else {
                "hierarchy: district (polygon differs)"
            };
            return Some((d.clone(), how));
        }
        if let Some(p) = county_polys().find(|p| p.contains(lon, lat)) {
            return Some((p.id.clone(), "polygon: district"));
        }
        if let Some(r) = c.regions.iter().find(|r| self.is(r, Kind::Governorate)) {
            return Some((r.clone(), "hierarchy: governorate"));
        }
        if let Some(p) = self
            .polygons
            .iter()
            .filter(|p| p.placetype == "region" && usable(p, Kind::Governorate))
            .find(|p| p.contains(lon, lat))
        {
            return Some((p.id.clone(), "polygon: governorate"));
        }
        let nearest = county_polys()
            .map(|p| (p.distance_km(lon, lat), &p.id))
            .min_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1)))?;
        (nearest.0 <= NEAREST_DISTRICT_KM)
            .then(|| (nearest.1.clone(), "fallback: nearest district within 10 km"))
    }
}

/// Gives every candidate a parent; drops those outside their country.
fn assign_parents(cands: Vec<Candidate>, parents: &Parents, stats: &mut Stats) -> Vec<Row> {
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        match parents.find(&c) {
            Some((parent, how)) => {
                *stats.parents.entry(how).or_default() += 1;
                let mut row = c.row;
                row.parent = parent;
                out.push(row);
            }
            None => stats.skip("outside its country's districts (more than 10 km)"),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Step 7: aliases and flags

/// Adds the Arabic aliases (the data's other names; the names without a
/// leading ناحية/قضاء/مدينة/بلدة/قرية unless that leaves a common word or a
/// curated name; the kind-prefixed forms of the main name: مدينة X, بلدة X,
/// قرية X, ناحية X, منطقة X, قضاء X, حي X, unless X is a curated name) and
/// the `needs_cue` flag: a single-word main name that, with or without ال,
/// is a common word or a name of a curated place that is not an admin unit
/// (the bare name is the curated place's).
fn add_aliases_and_flags(
    rows: &mut [Row],
    folder: &Folder,
    common: &HashMap<String, usize>,
    core: &Core,
) -> usize {
    let mut dropped = 0;
    // Names of curated places other than admin units: a town that shares
    // its name with a curated district is the district's seat and keeps it.
    let curated: HashSet<&String> = core
        .rows
        .iter()
        .filter(|c| !matches!(c.kind.as_str(), "country" | "governorate" | "district" | "subdistrict"))
        .flat_map(|c| &c.forms)
        .collect();
    // A word is ordinary when it, or it after a proclitic (كنيسة is ك +
    // نيسة, كبيرة is ك + بيرة: the matcher strips them), is one of the first
    // `within` common words.
    let ordinary_within = |name: &str, within: usize| {
        let f = folder.fold(name);
        !f.contains(' ')
            && folder.forms(&f).iter().any(|x| {
                curated.contains(x)
                    || PROCLITICS
                        .iter()
                        .any(|p| common.get(&format!("{p}{x}")).is_some_and(|&rank| rank < within))
            })
    };
    let ordinary = |name: &str| ordinary_within(name, usize::MAX);
    let is_curated = |name: &str| folder.forms(name).iter().any(|x| curated.contains(x));
    for row in rows.iter_mut() {
        let mut list = NameList::default();
        list.reserve(folder, &row.name_ar);
        // A single-word alias that is a common word or a curated name is
        // dropped (الجامعة for a village, القنيطرة for another): it would
        // mostly find the word or the curated place. The main name stays.
        for a in row.aliases_ar.iter().chain(row.data_names_ar.iter().skip(1)) {
            if ordinary(a) {
                dropped += 1;
            } else {
                list.add(folder, a);
            }
        }
        let word = |a: &&String| a.chars().filter(|&c| is_arabic_letter(c)).count() >= 2;
        for a in row.stripped_ar.iter().filter(word).filter(|a| !ordinary(a)) {
            list.add(folder, a);
        }
        // كفر is written apart or joined to the name (كفر بطنا، كفربطنا;
        // كفرنبل، كفر نبل): both forms for every name that has one.
        let kafr: Vec<String> = std::iter::once(&row.name_ar)
            .chain(row.aliases_ar.iter())
            .filter_map(|n| match n.strip_prefix("كفر ") {
                Some(rest) if !rest.contains(' ') => Some(format!("كفر{rest}")),
                _ => n
                    .strip_prefix("كفر")
                    .filter(|rest| rest.chars().count() >= 3 && !rest.contains(' ') && !rest.starts_with(' '))
                    .map(|rest| format!("كفر {rest}")),
            })
            .collect();
        for a in &kafr {
            list.add(folder, a);
        }
        // No بلدة X when X is a curated name: the longer alias would take
        // "بلدة X" from the curated place.
        let first = row.name_ar.split(' ').next().unwrap_or("");
        if !is_kind_word(folder, first) && !is_curated(&row.name_ar) {
            for a in row.kind.prefixed(&row.name_ar, row.country == "IQ") {
                list.add(folder, &a);
            }
        }
        row.aliases_ar = list.names;
        // Towns are news words themselves (داريا, حرستا are frequent as
        // names): only the more frequent words count for them.
        let within = if row.kind == Kind::Town { TOWN_COMMON_RANK } else { usize::MAX };
        // A name that is a kind word and a common word ("قرية جديدة": a new
        // village) is as ordinary as the common word.
        let bare = match row.name_ar.split_once(' ') {
            Some((first, rest)) if STRIPPED_WORDS.iter().any(|w| folder.fold(w) == folder.fold(first)) => {
                rest
            }
            _ => row.name_ar.as_str(),
        };
        row.needs_cue = row.kind.may_need_cue() && ordinary_within(bare, within);
        // Such a place still matches bare by a name of several words; not
        // when each word is common (فاطمة الزهراء is a name of a person).
        if row.needs_cue {
            let everyday = |a: &String| {
                let first = a.split(' ').next().unwrap_or("");
                a.contains(' ')
                    && !is_kind_word(folder, first)
                    && a.split(' ').all(|w| ordinary_within(w, EVERYDAY_RANK))
            };
            row.aliases_ar.retain(|a| !everyday(a));
        }
    }
    dropped
}

// ---------------------------------------------------------------------------
// Step 8: sorting and writing

/// Sort key: country (Syria first), governorate id, kind, numeric id.
fn sort_rows(rows: &mut [Row], core: &Core) {
    let parent_of: HashMap<&str, &str> = core
        .rows
        .iter()
        .map(|c| (c.id.as_str(), c.parent.as_str()))
        .chain(rows.iter().map(|r| (r.id.as_str(), r.parent.as_str())))
        .collect();
    let kind_of: HashMap<&str, &str> = core
        .rows
        .iter()
        .map(|c| (c.id.as_str(), c.kind.as_str()))
        .chain(rows.iter().map(|r| (r.id.as_str(), r.kind.as_str())))
        .collect();
    let governorate = |id: &str| -> String {
        let mut at = id;
        for _ in 0..8 {
            if kind_of.get(at) == Some(&"governorate") {
                return at.to_string();
            }
            match parent_of.get(at) {
                Some(p) if !p.is_empty() => at = p,
                _ => break,
            }
        }
        String::new()
    };
    let numeric = |id: &str| -> (String, u64, String) {
        let (prefix, rest) = id.split_once(':').unwrap_or(("", id));
        (prefix.to_string(), rest.parse().unwrap_or(u64::MAX), rest.to_string())
    };
    let mut keyed: Vec<_> = rows
        .iter()
        .map(|r| ((r.country != "SY", governorate(&r.id), r.kind, numeric(&r.id)), r.clone()))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    for (slot, (_, r)) in rows.iter_mut().zip(keyed) {
        *slot = r;
    }
}

/// The first line of a source-commit file.
fn first_line(path: &Path) -> String {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| t.lines().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

/// Renders the TSV file: a comment block, the header, one row a line.
fn render(rows: &[Row], geo: &Path) -> String {
    let wof_commits = std::fs::read_to_string(geo.join("wof/SOURCE_COMMITS.txt")).unwrap_or_default();
    let mut out = String::new();
    out.push_str("# Full place gazetteer of Syria and Iraq. GENERATED: do not edit; edit places.tsv (it wins) or the generator.\n");
    out.push_str("# Made by `cargo run --release --example build_gazetteer -- ../shared/geo` (examples/build_gazetteer.rs)\n");
    out.push_str("# from ../shared/geo at these source commits:\n");
    for line in wof_commits.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(&format!("#   {}\n", clean(line)));
    }
    out.push_str(&format!("#   {}\n", clean(&first_line(&geo.join("opensyria/SOURCE_COMMIT.txt")))));
    out.push_str("# Who's On First (CC0, with CC-BY parts from GeoNames and Quattroshapes) and OpenSyria (CC BY 4.0):\n");
    out.push_str(
        "# see ATTRIBUTION.md. places.tsv wins: no row here repeats one of its ids, gn: or wd: ids.\n",
    );
    out.push_str("# needs_kind: the single-word name, with or without ال or after a proclitic, is a word of common_words.txt;\n");
    out.push_str(
        "#   such a village is read only right after a word of its kind (قرية، بلدة، مدينة، ناحية، حي)\n",
    );
    out.push_str(
        "# needs_context: every other village and neighbourhood: read only right after a word of its kind,\n",
    );
    out.push_str("#   or after a locative cue (في، قرب ...) with a place that contains it named nearby (بريف دير الزور)\n");
    out.push_str("# or a name of a places.tsv settlement. population: wof:population, else gn:population (OpenSyria for subdistricts).\n");
    out.push_str("id\tkind\tname_en\tname_ar\taliases_ar\taliases_latin\tparent\tlat\tlon\texternal_ids\tflags\tsource\tpopulation\n");
    for r in rows {
        let fields = [
            r.id.clone(),
            r.kind.as_str().to_string(),
            r.name_en.clone(),
            r.name_ar.clone(),
            r.aliases_ar.join("|"),
            r.aliases_latin.join("|"),
            r.parent.clone(),
            format!("{:.4}", r.lat),
            format!("{:.4}", r.lon),
            r.external_ids.join("|"),
            flags(r).into(),
            r.source.to_string(),
            r.population.map(|p| p.to_string()).unwrap_or_default(),
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------
// The whole run

/// Reads everything under `geo` and `gazetteers`, returns the file's text.
fn build(geo: &Path, gazetteers: &Path, stats: &mut Stats) -> Result<String, String> {
    let folder = Folder(Normalizer::new());
    let core = load_core(&gazetteers.join("places.tsv"), &folder)?;
    let common = load_common_words(&gazetteers.join("common_words.txt"))?;

    let mut records: Vec<(&'static str, Value)> = Vec::new();
    for (country, file) in
        [("SY", "wof/wof_admin_sy_properties.jsonl.gz"), ("IQ", "wof/wof_admin_iq_properties.jsonl.gz")]
    {
        records.extend(read_jsonl_gz(&geo.join(file), stats)?.into_iter().map(|v| (country, v)));
    }
    let mut polygons = load_polygons(&geo.join("wof/admin_polygons_sy_iq.tar.gz"), stats)?;

    let (mut rows, same_as) = wof_admin_rows(&records, &core, &folder, stats);
    // A polygon of a WOF unit that is a curated unit under another id is part of that unit.
    for p in &mut polygons {
        if let Some(c) = same_as.get(&p.id) {
            p.id = c.clone();
        }
    }
    rows.extend(opensyria_rows(&geo.join("opensyria"), &core, &folder, stats)?);

    let mut known: HashMap<String, (&'static str, Kind)> = HashMap::new();
    for c in &core.rows {
        let kind = match c.kind.as_str() {
            "governorate" => Kind::Governorate,
            "district" => Kind::District,
            _ => continue,
        };
        let governorate_parent = core.ids.get(&c.parent).map(|&i| core.rows[i].parent.as_str());
        let country = if c.parent == SYRIA || governorate_parent == Some(SYRIA) { "SY" } else { "IQ" };
        known.insert(c.id.clone(), (country, kind));
    }
    for r in &rows {
        if matches!(r.kind, Kind::Governorate | Kind::District) {
            known.insert(r.id.clone(), (r.country, r.kind));
        }
    }
    for r in &rows {
        let how = match (r.source, r.kind) {
            ("opensyria", Kind::Governorate) | ("wof", Kind::Governorate) => "admin unit: the country",
            ("opensyria", _) => "admin unit: OpenSyria parent by P-code",
            _ => "admin unit: region of its WOF hierarchy",
        };
        *stats.parents.entry(how).or_default() += 1;
    }

    let mut cands = wof_place_candidates(&records, &core, &folder, stats);
    for c in &mut cands {
        for id in c.counties.iter_mut().chain(c.regions.iter_mut()) {
            if let Some(same) = same_as.get(id) {
                *id = same.clone();
            }
        }
    }
    let cands = drop_curated_duplicates(cands, &core, &folder, stats);
    let cands = drop_wof_duplicates(cands, &folder, stats);
    let parents = Parents { known, polygons: &polygons };
    rows.extend(assign_parents(cands, &parents, stats));

    stats.dropped_aliases = add_aliases_and_flags(&mut rows, &folder, &common, &core);
    sort_rows(&mut rows, &core);

    stats.kept = rows.len();
    for r in &rows {
        *stats.rows.entry((r.country, r.kind.as_str())).or_default() += 1;
        stats.needs_cue += usize::from(r.needs_cue);
    }
    Ok(render(&rows, geo))
}

// ---------------------------------------------------------------------------
// The common-word list

/// Counts whole normalized words in the ANT articles of the news corpus
/// (`*.jsonl.gz` in `dir`) and returns the text of `common_words.txt`: the
/// most frequent Arabic words (20,000 unless `--words`; ties by word), then
/// the most frequent of the articles about terrorism and fighting, the
/// single words of `triggers.tsv` (next to the output) and a few added words.
fn count_common_words(dir: &Path, top: usize, triggers: &Path) -> Result<String, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".jsonl.gz"))
        .collect();
    files.sort();
    let normalizer = Normalizer::new();
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut domain: HashMap<String, u64> = HashMap::new();
    let mut domain_articles = 0usize;
    let (mut articles, mut buf, mut map, mut tokens) =
        (0usize, String::new(), rasad::normalize::OffsetMap::identity(0), Vec::new());
    for path in &files {
        let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        for line in BufReader::new(MultiGzDecoder::new(file)).lines() {
            let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
            let Ok(v) = serde_json::from_str::<Value>(&line) else { continue };
            if !WORD_SOURCES.contains(&v["source"].as_str().unwrap_or("")) {
                continue;
            }
            let Some(text) = v["text"].as_str() else { continue };
            articles += 1;
            let norm: &str = if normalizer.normalize_into(text, &mut buf, &mut map) { &buf } else { text };
            let about_fighting = DOMAIN_MARKERS.iter().any(|m| norm.contains(m));
            domain_articles += usize::from(about_fighting);
            tokens.clear();
            rasad::token::tokenize_into(norm, &mut tokens);
            for t in &tokens {
                let w = t.text(norm);
                if t.is_word() && w.chars().count() >= 2 && w.chars().all(is_arabic_letter) {
                    *counts.entry(w.to_string()).or_default() += 1;
                    if about_fighting {
                        *domain.entry(w.to_string()).or_default() += 1;
                    }
                }
            }
        }
    }
    let most_frequent = |counts: HashMap<String, u64>, n: usize| -> Vec<String> {
        let mut ranked: Vec<(String, u64)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.into_iter().take(n).map(|(w, _)| w).collect()
    };
    let ranked = most_frequent(counts, top);
    let domain_ranked = most_frequent(domain, DOMAIN_WORDS);
    // Single-word trigger phrases (كمين, هجوم): the first column of triggers.tsv.
    let trigger_text =
        std::fs::read_to_string(triggers).map_err(|e| format!("{}: {e}", triggers.display()))?;
    let trigger_words: Vec<String> = trigger_text
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .flat_map(|phrases| phrases.split('|'))
        .map(|p| normalizer.normalize_str(p.trim()))
        .filter(|p| p.chars().count() >= 2 && p.chars().all(is_arabic_letter))
        .collect();
    let extra: Vec<String> = EXTRA_COMMON_WORDS.iter().map(|w| normalizer.normalize_str(w)).collect();
    let mut out = String::new();
    out.push_str(
        "# Common Arabic words: a place whose single-word name (with or without ال) is one of them needs a\n",
    );
    out.push_str("# locative cue (flag needs_cue in places_wof.tsv). GENERATED by\n");
    out.push_str(
        "#   cargo run --release --example build_gazetteer -- --count-words ../shared/corpus/news\n",
    );
    out.push_str(&format!(
        "# The {top} most frequent whole words (Arabic letters only, 2+ letters, ties by word) of the {articles}\n"
    ));
    out.push_str("# ANT Corpus articles of that folder (sources jawharafm, alarabiya, bbc-arabic, cnn-arabic, france24-arabic,\n");
    out.push_str(
        "# skynews-arabia; SaudiNewsNet, which is non-commercial only, is not counted), normalized by\n",
    );
    out.push_str(&format!(
        "# rasad::normalize::Normalizer, in frequency order; then the {DOMAIN_WORDS} most frequent of the {domain_articles}\n"
    ));
    out.push_str("# of them that mention داعش, تنظيم الدولة, إرهاب or مسلح; the single-word phrases of triggers.tsv; and\n");
    out.push_str("# EXTRA_COMMON_WORDS of the generator (months, weekdays, numbers). Each word once.\n");
    let mut seen: HashSet<String> = HashSet::new();
    for w in ranked.iter().chain(&domain_ranked).chain(&trigger_words).chain(&extra) {
        if seen.insert(w.clone()) {
            out.push_str(w);
            out.push('\n');
        }
    }
    Ok(out)
}
