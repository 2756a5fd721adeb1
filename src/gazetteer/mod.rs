//! Stage 2: gazetteers of places, actors and people, and finding them in text.
//!
//! The data are tab-separated files in `gazetteers/` (formats in
//! `gazetteers/README.md`), compiled into the crate and parsed once on first
//! use ([`Gazetteer::embedded`]). A [`GazetteerBuilder`] adds user files or
//! replaces the defaults. Aliases are registered in the one
//! [`Lexicon`] and found through Arabic proclitics.
//!
//! # Examples
//!
//! ```
//! use rasad::gazetteer::{Entity, Gazetteer};
//!
//! let text = "قتل ثلاثة عناصر من قسد في هجوم لداعش قرب بلدة الشحيل بريف دير الزور";
//! let g = Gazetteer::embedded();
//! let found: Vec<(&str, &str)> = g
//!     .find_iter(text)
//!     .map(|m| (m.entity.id(), &text[m.span]))
//!     .collect();
//! assert!(found.contains(&("sdf", "قسد")));
//! assert!(found.contains(&("isis", "لداعش")));
//! assert!(found.iter().any(|(_, t)| *t == "دير الزور"));
//! ```

mod tsv;

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use once_cell::sync::{Lazy, OnceCell};

use crate::lexicon::{Entry, Hit, Lexicon, LexiconBuilder, Tag};
use crate::normalize::Normalizer;
use crate::span::Span;
use crate::token::WordMap;
pub use tsv::{GazetteerError, GazetteerErrorKind};
use tsv::{Row, Table};

const PLACES_TSV: &str = include_str!("../../gazetteers/places.tsv");
/// The name of the embedded generated places file.
const GENERATED_PLACES: &str = "gazetteers/places_wof.tsv";
/// Every other place of Syria and Iraq, generated from Who's On First and
/// OpenSyria by `examples/build_gazetteer.rs` (feature `full-gazetteer`).
#[cfg(feature = "full-gazetteer")]
const PLACES_WOF_TSV: &str = include_str!("../../gazetteers/places_wof.tsv");
const ACTORS_TSV: &str = include_str!("../../gazetteers/actors.tsv");
const PEOPLE_TSV: &str = include_str!("../../gazetteers/people.tsv");
const ABROAD_TSV: &str = include_str!("../../gazetteers/abroad.tsv");

/// Names of places outside Syria and Iraq (`gazetteers/abroad.tsv`), as
/// written, with their country.
static ABROAD: Lazy<Vec<(&'static str, &'static str)>> = Lazy::new(|| {
    let t = Table::parse("gazetteers/abroad.tsv", ABROAD_TSV, &["name_ar", "country"])
        .expect("gazetteers/abroad.tsv is valid (tested by gazetteer::tests::embedded_loads)");
    t.rows.iter().map(|r| (t.get(r, "name_ar"), t.get(r, "country"))).collect()
});

/// The places outside Syria and Iraq that rasad recognizes as such
/// (`gazetteers/abroad.tsv`: name as written, country in English). A
/// generated village named in a sentence that names one of them is kept only
/// when a place that contains it is named nearby.
pub fn abroad() -> &'static [(&'static str, &'static str)] {
    &ABROAD
}

/// What kind of place a [`Place`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum PlaceKind {
    Country,
    Governorate,
    District,
    Subdistrict,
    City,
    Town,
    Village,
    Neighbourhood,
    Camp,
    Prison,
    Airbase,
    OilField,
    Region,
}

impl PlaceKind {
    const ALL: [PlaceKind; 13] = [
        PlaceKind::Country,
        PlaceKind::Governorate,
        PlaceKind::District,
        PlaceKind::Subdistrict,
        PlaceKind::City,
        PlaceKind::Town,
        PlaceKind::Village,
        PlaceKind::Neighbourhood,
        PlaceKind::Camp,
        PlaceKind::Prison,
        PlaceKind::Airbase,
        PlaceKind::OilField,
        PlaceKind::Region,
    ];

    /// The name used in the data files and the output (`oil_field`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Governorate => "governorate",
            PlaceKind::District => "district",
            PlaceKind::Subdistrict => "subdistrict",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Camp => "camp",
            PlaceKind::Prison => "prison",
            PlaceKind::Airbase => "airbase",
            PlaceKind::OilField => "oil_field",
            PlaceKind::Region => "region",
        }
    }

    /// Parses a kind as written in the data files.
    pub fn parse(s: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Which of several places sharing a name a bare mention means, lower
    /// first: a governorate before the city of the same name (إدلب، الرقة),
    /// a city before the district named after it (تدمر).
    pub fn preference(self) -> u8 {
        match self {
            PlaceKind::Country => 0,
            PlaceKind::Governorate => 1,
            PlaceKind::City => 2,
            PlaceKind::Town => 3,
            PlaceKind::Camp | PlaceKind::Prison | PlaceKind::Airbase | PlaceKind::OilField => 4,
            PlaceKind::District => 5,
            PlaceKind::Subdistrict => 6,
            PlaceKind::Region => 7,
            PlaceKind::Village => 8,
            PlaceKind::Neighbourhood => 9,
        }
    }

    /// The words that name a place of this kind before its name (قرية، بلدة).
    pub fn words(self) -> &'static [&'static str] {
        match self {
            PlaceKind::Village => &["قرية", "بلدة"],
            PlaceKind::Town => &["بلدة", "مدينة"],
            PlaceKind::City => &["مدينة"],
            PlaceKind::Subdistrict => &["ناحية"],
            PlaceKind::District => &["منطقة", "قضاء"],
            PlaceKind::Camp => &["مخيم"],
            PlaceKind::Neighbourhood => &["حي"],
            PlaceKind::Governorate => &["محافظة"],
            _ => &[],
        }
    }

    /// True when `word` (normalized text, without clitics: قريه، بلدتي)
    /// names a place of this kind before its name. Villages are also called
    /// farms (مزرعه), and the dual (قريتي، بلدتي) names two at once.
    pub fn is_named_by(self, word: &str) -> bool {
        KIND_WORDS.get(word).is_some_and(|kinds| kinds & (1 << self as u16) != 0)
    }

    /// The words before a name as normalized text may hold them, with what
    /// they name: `words` with ة written ة or ه, and the farm and dual forms.
    fn normalized_words(self) -> Vec<String> {
        let extra: &[&str] = match self {
            PlaceKind::Village => &["قريتي", "بلدتي", "مزرعه"],
            PlaceKind::Town => &["بلدتي", "مدينتي"],
            PlaceKind::City => &["مدينتي"],
            PlaceKind::Camp => &["مخيمي"],
            _ => &[],
        };
        let mut out: Vec<String> = extra.iter().map(|w| w.to_string()).collect();
        for w in self.words() {
            out.push(w.to_string());
            // Kind words end in at most one ة.
            debug_assert!(w.matches('ة').count() <= 1, "{w}");
            out.push(w.replace('ة', "ه"));
        }
        out
    }

    /// True for administrative units (country, governorate, district, subdistrict).
    pub fn is_admin(self) -> bool {
        matches!(
            self,
            PlaceKind::Country | PlaceKind::Governorate | PlaceKind::District | PlaceKind::Subdistrict
        )
    }
}

/// What kind of actor an [`Actor`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// An armed non-state group (ISIS, HTS, Hurras al-Din).
    MilitantGroup,
    /// A state's army, police or security forces.
    StateForces,
    /// The US-led international coalition.
    Coalition,
    /// A militia (PMF factions, Iran-backed groups).
    Militia,
    /// A state as a whole (the United States, Russia, Turkey).
    State,
    /// Civilians and other non-combatant groups.
    Civilians,
    /// An actor that cannot be identified (مسلحون مجهولون).
    Unknown,
    /// A generic group noun that refers back to a named actor (التنظيم).
    Anaphoric,
}

impl ActorKind {
    /// The name used in the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::MilitantGroup => "militant_group",
            ActorKind::StateForces => "state_forces",
            ActorKind::Coalition => "coalition",
            ActorKind::Militia => "militia",
            ActorKind::State => "state",
            ActorKind::Civilians => "civilians",
            ActorKind::Unknown => "unknown",
            ActorKind::Anaphoric => "anaphoric",
        }
    }

    /// Parses a kind as written in the data files.
    pub fn parse(s: &str) -> Option<ActorKind> {
        Some(match s {
            "militant_group" => ActorKind::MilitantGroup,
            "state_forces" => ActorKind::StateForces,
            "coalition" => ActorKind::Coalition,
            "militia" => ActorKind::Militia,
            "state" => ActorKind::State,
            "civilians" | "ethnic_or_civilian" => ActorKind::Civilians,
            "unknown" => ActorKind::Unknown,
            "anaphoric" => ActorKind::Anaphoric,
            _ => return None,
        })
    }
}

/// A place: a row of `places.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Stable id: `wof:<id>` for Who's On First places, `rasad:<slug>` else.
    pub id: String,
    /// What kind of place.
    pub kind: PlaceKind,
    /// English name (Atmeh, Palmyra).
    pub name_en: String,
    /// Arabic name as usually written (أطمة، تدمر).
    pub name_ar: String,
    /// Other Arabic spellings.
    pub aliases_ar: Vec<String>,
    /// Latin transliterations.
    pub aliases_latin: Vec<String>,
    /// Id of the enclosing place, if any.
    pub parent: Option<String>,
    /// Latitude, decimal degrees.
    pub lat: f64,
    /// Longitude, decimal degrees.
    pub lon: f64,
    /// External ids (`gn:`, `wd:`, `pcode:`).
    pub external_ids: Vec<String>,
    /// The name is also an ordinary word: match only next to a locative cue.
    pub needs_cue: bool,
    /// Stricter: match only right after a word of its kind (قريه، بلده،
    /// مدينه، ناحيه، حي) — for the thousands of generated villages.
    pub needs_kind: bool,
    /// Generated villages: read right after a word of their kind, or after a
    /// locative cue when a place that contains them is named nearby.
    pub needs_context: bool,
    /// Population, when the source gives it (ranks places that share a name).
    pub population: Option<u64>,
    /// Where the row comes from.
    pub source: String,
}

impl Place {
    /// True for the generated villages and neighbourhoods read only in
    /// context (flags `needs_kind` or `needs_context`): the places whose
    /// names most often belong to a place abroad or a common word.
    pub fn is_minor(&self) -> bool {
        self.needs_kind || self.needs_context
    }

    /// True for the places whose names most often belong to someone or
    /// something else (a speaker, a village abroad): the minor places, and
    /// every village, neighbourhood and subdistrict.
    pub fn is_namesake_prone(&self) -> bool {
        self.is_minor()
            || matches!(self.kind, PlaceKind::Village | PlaceKind::Neighbourhood | PlaceKind::Subdistrict)
    }
}

/// An actor: a row of `actors.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Stable id (`isis`, `sdf`, `coalition`, ...; see EVENTS.md section 3).
    pub id: String,
    /// What kind of actor.
    pub kind: ActorKind,
    /// English name.
    pub name_en: String,
    /// Arabic name.
    pub name_ar: String,
    /// Other Arabic names and spellings.
    pub aliases_ar: Vec<String>,
    /// Latin names and acronyms.
    pub aliases_latin: Vec<String>,
    /// Id of the actor this one belongs to, if any.
    pub parent: Option<String>,
}

/// A person: a row of `people.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Stable id (`abu_hafs_al_hashimi_al_qurashi`).
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Arabic name.
    pub name_ar: String,
    /// Other Arabic names: kunya, given name, short forms.
    pub aliases_ar: Vec<String>,
    /// Latin names.
    pub aliases_latin: Vec<String>,
    /// Actor id the person belongs to, if known.
    pub affiliation: Option<String>,
    /// Role (leader, spokesman, analyst, ...).
    pub role: String,
}

/// Something a gazetteer knows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entity<'g> {
    /// A place.
    Place(&'g Place),
    /// An actor.
    Actor(&'g Actor),
    /// A person.
    Person(&'g Person),
    /// A group noun that refers back to an actor named before (التنظيم).
    Anaphor(&'g Actor),
}

impl<'g> Entity<'g> {
    /// The entity's id.
    pub fn id(&self) -> &'g str {
        match self {
            Entity::Place(p) => &p.id,
            Entity::Actor(a) | Entity::Anaphor(a) => &a.id,
            Entity::Person(p) => &p.id,
        }
    }

    /// The entity's English name.
    pub fn name_en(&self) -> &'g str {
        match self {
            Entity::Place(p) => &p.name_en,
            Entity::Actor(a) | Entity::Anaphor(a) => &a.name_en,
            Entity::Person(p) => &p.name_en,
        }
    }
}

/// One mention of a gazetteer entity in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityMatch<'g> {
    /// The entity meant (the preferred one when the name is shared).
    pub entity: Entity<'g>,
    /// Other entities with the same name, least preferred last.
    pub others: Vec<Entity<'g>>,
    /// The whole word in the original text, clitics included (بإدلب).
    pub span: Span,
    /// The name alone in the original text, without clitics (إدلب).
    pub name_span: Span,
    /// The proclitics stripped, normalized (`"ب"`, `"وال"`), if any.
    pub clitic: Option<&'static str>,
}

/// An alias that more than one entity of the same table carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmbiguousAlias {
    /// The alias, normalized.
    pub alias: String,
    /// The ids that carry it.
    pub ids: Vec<String>,
}

/// The gazetteers: places, actors and people, with their aliases compiled
/// for matching.
///
/// Build one with [`Gazetteer::builder`], or use the embedded default with
/// [`Gazetteer::embedded`]. `Send + Sync`; the automaton is compiled on first
/// use and shared.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    actors: Vec<Actor>,
    people: Vec<Person>,
    place_ids: HashMap<String, usize>,
    actor_ids: HashMap<String, usize>,
    person_ids: HashMap<String, usize>,
    ambiguous: OnceCell<Vec<AmbiguousAlias>>,
    lexicon: OnceCell<Lexicon>,
}

static EMBEDDED: Lazy<Gazetteer> = Lazy::new(|| {
    GazetteerBuilder::new()
        .build()
        .expect("the embedded gazetteers are valid (tested by gazetteer::tests::embedded_loads)")
});

impl Gazetteer {
    /// The embedded default gazetteers, parsed once on first use.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// A builder that starts from the embedded defaults.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// All places.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// All actors (anaphoric group nouns included, with kind
    /// [`ActorKind::Anaphoric`]).
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// All people.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_ids.get(id).map(|&i| &self.places[i])
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_ids.get(id).map(|&i| &self.actors[i])
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_ids.get(id).map(|&i| &self.people[i])
    }

    /// The actor an output id should name: the top of `actor`'s parent chain
    /// (asayish → sdf, hezbollah → iran_backed), at most 8 steps up.
    pub fn root_actor<'g>(&'g self, mut actor: &'g Actor) -> &'g Actor {
        for _ in 0..8 {
            match actor.parent.as_deref().and_then(|p| self.actor(p)) {
                Some(parent) => actor = parent,
                None => break,
            }
        }
        actor
    }

    /// The places that contain `place`, from the country down (the place
    /// itself not included).
    pub fn admin_chain(&self, place: &Place) -> Vec<&Place> {
        let mut chain = Vec::new();
        let mut cur = place.parent.as_deref();
        while let Some(id) = cur {
            let Some(p) = self.place(id) else { break };
            if chain.len() > 16 || chain.iter().any(|q: &&Place| q.id == p.id) {
                break; // a cycle in user data: stop rather than loop
            }
            chain.push(p);
            cur = p.parent.as_deref();
        }
        chain.reverse();
        chain
    }

    /// Aliases shared by more than one entity of the same table, reported
    /// rather than dropped: every match of them lists all candidates.
    /// Computed on first call (it normalizes every alias of the gazetteer).
    pub fn ambiguous_aliases(&self) -> &[AmbiguousAlias] {
        self.ambiguous.get_or_init(|| find_ambiguous(&self.places, &self.actors, &self.people))
    }

    /// Registers every alias in `builder`, so that a larger lexicon (with
    /// triggers, months, ...) can find gazetteer entities in the same scan.
    pub fn register(&self, builder: &mut LexiconBuilder) {
        fn add(
            builder: &mut LexiconBuilder,
            names: &mut dyn Iterator<Item = &String>,
            tag: Tag,
            index: usize,
        ) {
            let entry = Entry { tag, index: index as u32 };
            for n in names {
                builder.add(n, entry);
            }
        }
        let norm = Normalizer::new();
        for (i, p) in self.places.iter().enumerate() {
            // Generated villages are read in Arabic only: their cues (قرية،
            // بريف ...) are Arabic, and their Latin names ("Al Khayr") are
            // ordinary words of English text.
            let latin = !(p.needs_context || p.needs_kind);
            // "قرية X" where X is a name of the place itself: the scanner
            // finds X and `resolve` reads the kind word before it, so the
            // prefixed alias would only double the automaton.
            let redundant = |a: &&String| {
                a.split_once(' ').is_some_and(|(w, rest)| {
                    p.kind.words().contains(&w) && {
                        let rest = norm.normalize_str(rest);
                        std::iter::once(&p.name_ar)
                            .chain(&p.aliases_ar)
                            .any(|b| b.len() <= rest.len() + 8 && norm.normalize_str(b) == rest)
                    }
                })
            };
            let mut names = std::iter::once(&p.name_ar)
                .chain(&p.aliases_ar)
                .filter(|a| !redundant(a))
                .chain(latin.then_some(&p.name_en))
                .chain(p.aliases_latin.iter().filter(|_| latin));
            add(builder, &mut names, Tag::Place, i);
        }
        for (i, (name, _)) in abroad().iter().enumerate() {
            builder.add(name, Entry { tag: Tag::Abroad, index: i as u32 });
        }
        for (i, a) in self.actors.iter().enumerate() {
            let tag = if a.kind == ActorKind::Anaphoric { Tag::Anaphor } else { Tag::Actor };
            let en = (a.kind != ActorKind::Anaphoric).then_some(&a.name_en);
            let mut names =
                std::iter::once(&a.name_ar).chain(&a.aliases_ar).chain(en).chain(&a.aliases_latin);
            add(builder, &mut names, tag, i);
        }
        for (i, p) in self.people.iter().enumerate() {
            let mut names = std::iter::once(&p.name_ar)
                .chain(&p.aliases_ar)
                .chain(std::iter::once(&p.name_en))
                .chain(&p.aliases_latin);
            add(builder, &mut names, Tag::Person, i);
        }
    }

    /// The compiled lexicon of this gazetteer alone (built on first use).
    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon.get_or_init(|| {
            let mut b = LexiconBuilder::new();
            self.register(&mut b);
            b.build().expect("a gazetteer lexicon fits the automaton limits")
        })
    }

    /// Every mention of a place, actor, person or anaphoric group noun in
    /// `text`, in text order, with spans into `text`.
    pub fn find_iter<'g>(&'g self, text: &str) -> impl Iterator<Item = EntityMatch<'g>> + use<'g> {
        let norm = Normalizer::new().normalize(text);
        let lexicon = self.lexicon();
        let mut out = Vec::new();
        lexicon.scan_with(norm.as_str(), |hit| {
            let Some((entity, others)) =
                self.resolve(norm.as_str(), &hit, lexicon.entries(&hit), lexicon.pattern(&hit))
            else {
                return false;
            };
            out.push(EntityMatch {
                entity,
                others,
                span: norm.original_span(hit.span()),
                name_span: norm.original_span(hit.name_span()),
                clitic: hit.clitic(norm.as_str()).map(crate::lexicon::static_clitic),
            });
            true
        });
        out.into_iter()
    }

    /// Turns a lexicon hit into the entities it means, best first; `None`
    /// when no entry of this gazetteer survives (e.g. a place whose name is
    /// a common word, without a locative cue).
    pub fn resolve<'g>(
        &'g self,
        normalized: &str,
        hit: &Hit,
        entries: &[Entry],
        pattern: &str,
    ) -> Option<(Entity<'g>, Vec<Entity<'g>>)> {
        let mut cands: Vec<Entity<'g>> = Vec::with_capacity(entries.len());
        let mut cue: Option<bool> = None;
        // The word of place kind right before the name (قريه، مدينه ...), if any.
        let kind_word = kind_word_before(normalized, hit);
        // A name that starts with a kind word ("ناحيه الزاب") carries its
        // own, unless it is a description: a kind word and an indefinite
        // common word (قريه جديده، a new village) are flagged needs_kind.
        let split = pattern.split_once(' ');
        let multiword = split.is_some();
        let own_word = split.and_then(|(w, rest)| as_kind_word(w).map(|w| (w, rest.starts_with("ال"))));
        // Likewise a feminine kind word and an indefinite feminine common
        // word after it (قريه جديده، بلده صغيره) agree as noun and adjective.
        let adjective = kind_word.is_some_and(|w| w.ends_with('ه'))
            && !pattern.starts_with("ال")
            && pattern.ends_with('ه');
        // The second of two places named by a dual kind word: مخيمي الهول وروج،
        // بلدتي كفربطنا وسقبا.
        let dual = dual_kind_before(normalized, hit);
        let named_as = |p: &Place| {
            kind_word.is_some_and(|w| p.kind.is_named_by(w) && !(p.needs_kind && adjective))
                || own_word.is_some_and(|(_, definite)| definite || !p.needs_kind)
                || dual.is_some_and(|w| p.kind.is_named_by(w))
        };
        for e in entries {
            let i = e.index as usize;
            let entity = match e.tag {
                Tag::Place => {
                    let p = self.places.get(i)?;
                    let own_kind = named_as(p);
                    // A name of several words stands without a kind word,
                    // unless it starts with one (قريه جديده, a new village).
                    if p.needs_kind && !own_kind && !(multiword && own_word.is_none()) {
                        continue;
                    }
                    let needs_cue = !own_kind && (p.needs_context || (p.needs_cue && !multiword));
                    if needs_cue && !*cue.get_or_insert_with(|| has_locative_cue(normalized, hit)) {
                        continue;
                    }
                    let prone = p.is_namesake_prone();
                    if (p.is_minor()
                        && !own_kind
                        && (common_noun_follows(normalized, hit.end) || after_facility(normalized, hit)))
                        || (prone && !own_kind && after_speech_verb(normalized, hit))
                        || (!own_kind && after_verb_particle(normalized, hit))
                        || (!own_kind && personal_name_follows(normalized, hit.end))
                    {
                        continue;
                    }
                    Entity::Place(p)
                }
                Tag::Actor => Entity::Actor(self.actors.get(i)?),
                Tag::Anaphor => Entity::Anaphor(self.actors.get(i)?),
                Tag::Person => Entity::Person(self.people.get(i)?),
                #[allow(unreachable_patterns)]
                _ => continue,
            };
            cands.push(entity);
        }
        // Persons and actors before places (الأسد is the man, not a place);
        // among places, those of the kind named before them first (مدينه
        // الرقه is the city, محافظه الرقه the governorate; the others stay as
        // readings a container named nearby can choose), then rank, then the
        // more populous.
        cands.sort_by_key(|e| match e {
            Entity::Place(p) => {
                (3 + usize::from(!named_as(p)), p.kind.preference(), u64::MAX - p.population.unwrap_or(0))
            }
            other => (
                match other {
                    Entity::Person(_) => 0,
                    Entity::Actor(_) => 1,
                    _ => 2,
                },
                0,
                0,
            ),
        });
        let mut it = cands.into_iter();
        let first = it.next()?;
        Some((first, it.collect()))
    }
}

/// How a place mention was chosen among the places that share its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRule {
    /// No other place carries the name.
    Only,
    /// A place that contains it is named nearby (بريف دير الزور، في محافظه حلب).
    AdminParent,
    /// Other places of the document lie in its governorate.
    Document,
    /// Rank (governorate > city > town > district > village) and population.
    Rank,
}

impl Gazetteer {
    /// Chooses among places sharing a name: the one inside a place named
    /// nearby, else the one in the governorate of the document's other
    /// places, else the first by rank and population. `nearby` are places
    /// named within a few words, `document` all places of the document.
    pub fn choose_place<'g>(
        &'g self,
        candidates: &[&'g Place],
        nearby: &[&'g Place],
        document: &[&'g Place],
    ) -> Option<(&'g Place, PlaceRule)> {
        let doc_govs: Vec<Option<String>> = document.iter().map(|q| self.governorate_of(q)).collect();
        self.choose_place_by(candidates, nearby, |g| {
            doc_govs.iter().filter(|d| d.as_deref() == Some(g)).count()
        })
    }

    /// The governorate a place lies in (itself for a governorate).
    pub fn governorate_of(&self, p: &Place) -> Option<String> {
        if p.kind == PlaceKind::Governorate {
            return Some(p.id.clone());
        }
        self.admin_chain(p).iter().find(|a| a.kind == PlaceKind::Governorate).map(|a| a.id.clone())
    }

    /// Like [`choose_place`](Gazetteer::choose_place), with the document's
    /// places given as a count of places per governorate id.
    pub fn choose_place_by<'g>(
        &'g self,
        candidates: &[&'g Place],
        nearby: &[&'g Place],
        votes: impl Fn(&str) -> usize,
    ) -> Option<(&'g Place, PlaceRule)> {
        let first = *candidates.first()?;
        if candidates.len() == 1 {
            return Some((first, PlaceRule::Only));
        }
        let inside = |p: &Place, q: &Place| self.admin_chain(p).iter().any(|a| a.id == q.id);
        // A container that carries the same name is no evidence: محافظه واسط
        // next to واسط means the governorate, not its village called واسط.
        let container = |q: &Place| !candidates.iter().any(|c| c.id == q.id);
        if let Some(p) = candidates.iter().find(|p| nearby.iter().any(|q| container(q) && inside(p, q))) {
            return Some((p, PlaceRule::AdminParent));
        }
        // Votes per governorate: several villages of one name in the same
        // governorate do not split its vote.
        let govs: Vec<Option<String>> = candidates.iter().map(|p| self.governorate_of(p)).collect();
        let mut best: Option<(usize, &Option<String>)> = None;
        let mut tie = false;
        for g in &govs {
            let v = g.as_deref().map_or(0, &votes);
            match best {
                Some((b, bg)) if v == b && g != bg => tie = true,
                Some((b, _)) if v <= b => {}
                _ => {
                    best = Some((v, g));
                    tie = false;
                }
            }
        }
        if let Some((v, g)) = best {
            if v > 0 && !tie {
                let k = govs.iter().position(|x| x == g).unwrap_or(0);
                return Some((candidates[k], PlaceRule::Document));
            }
        }
        Some((first, PlaceRule::Rank))
    }
}

/// For a name joined by و (وروج), the dual kind word two words before it
/// (مخيمي الهول وروج): the kind of both places.
fn dual_kind_before<'t>(normalized: &'t str, hit: &Hit) -> Option<&'t str> {
    if hit.clitic(normalized) != Some("و") {
        return None;
    }
    dual_kind_two_before(normalized, hit.start)
}

/// The dual kind word two words before `start` (see [`dual_kind_before`]).
fn dual_kind_two_before(normalized: &str, start: usize) -> Option<&str> {
    let prev = word_before(normalized, start);
    let prev_start = normalized[..start].trim_end().len() - prev.len();
    let w = word_before(normalized, prev_start);
    let dual = |w: &str| matches!(w, "مخيمي" | "بلدتي" | "قريتي" | "مدينتي" | "ناحيتي" | "حيي");
    // As written first: بلدتي is not ب + لدتي.
    let bare = w.strip_prefix(['و', 'ب', 'ل']).unwrap_or(w);
    [w, bare].into_iter().find(|w| dual(w))
}

/// The word that ends right before `pos` (normalized text; "" at the start).
pub(crate) fn word_before(normalized: &str, pos: usize) -> &str {
    normalized[..pos].trim_end().rsplit([' ', '\n']).next().unwrap_or("")
}

/// The first word after `pos` (normalized text; "" at the end).
pub(crate) fn word_after(normalized: &str, pos: usize) -> &str {
    normalized[pos..].split([' ', '\n']).find(|w| !w.is_empty()).unwrap_or("")
}

/// Every word that names a place kind before a name (قريه، بلدتي، محافظة),
/// with the kinds it names as bits (`1 << kind as u16`).
static KIND_WORDS: Lazy<WordMap<u16>> = Lazy::new(|| {
    let mut kinds: HashMap<&'static str, u16> = HashMap::default();
    for k in PlaceKind::ALL {
        for w in k.normalized_words() {
            *kinds.entry(Box::leak(w.into_boxed_str())).or_default() |= 1 << k as u16;
        }
    }
    WordMap::new(kinds)
});

/// Words (normalized) after which a bare place name is a place: في مدينة،
/// قرب، بريف، شرق ... The clitic ب (بحماة) counts as a cue too.
const LOCATIVE_CUES: &[&str] = &[
    "في",
    "قرب",
    "بقرب",
    "ريف",
    "بريف",
    "مخيمي",
    "بمخيم",
    "معسكر",
    "معسكري",
    "سجني",
    "بلدتي",
    "مدينتي",
    "مدينه",
    "بمدينه",
    "بلده",
    "ببلده",
    "قريه",
    "بقريه",
    "محافظه",
    "بمحافظه",
    "منطقه",
    "بمنطقه",
    "ناحيه",
    "بناحيه",
    "مخيم",
    "قضاء",
    "بقضاء",
    "شرق",
    "غرب",
    "شمال",
    "جنوب",
    "شرقي",
    "غربي",
    "شمالي",
    "جنوبي",
    "حول",
    "داخل",
    "اطراف",
    "باطراف",
    "مدخل",
    "محيط",
    "بمحيط",
    "الي",
    "نحو",
    "باتجاه",
    "اتجاه",
    "مركز",
    "وسط",
    "حي",
    "بحي",
    "مطار",
    "قاعده",
    "حقل",
    "سجن",
    "باديه",
    "بباديه",
    "مناطق",
    "بمناطق",
];

/// The word of place kind right before a hit (normalized, without its
/// proclitics و ب ل; never with the article): "قريه" in «وفي قرية الصالحية». `None` when
/// the name carries clitics of its own or no kind word precedes it.
fn kind_word_before<'t>(normalized: &'t str, hit: &Hit) -> Option<&'t str> {
    if hit.clitic(normalized).is_some() {
        return None;
    }
    kind_word_ending_at(normalized, hit.start)
}

/// The kind word (as [`kind_word_before`]) that ends right before `start`.
fn kind_word_ending_at(normalized: &str, start: usize) -> Option<&str> {
    let prev = word_before(normalized, start);
    // Not after the article: القضاء على، المنطقه الشرقيه، القريه المجاوره
    // are a noun and what follows it, not a kind word and a name.
    as_kind_word(prev)
}

/// `word` itself, or without its proclitics و and ب/ل, when that is a word
/// of place kind: بلده (not ب + لده), وبلده, لقضاء, بمدينه.
fn as_kind_word(word: &str) -> Option<&str> {
    let is_kind = |w: &str| KIND_WORDS.contains(w);
    let conj = word.strip_prefix('و').unwrap_or(word);
    let prep = conj.strip_prefix('ب').or_else(|| conj.strip_prefix('ل'));
    [Some(word), Some(conj), prep].into_iter().flatten().find(|w| is_kind(w))
}

/// True after a word that names a building or street (مسجد فاطمه الزهراء،
/// مدرسه الشهيد، شارع بغداد): the name that follows is that facility's.
fn after_facility(normalized: &str, hit: &Hit) -> bool {
    if hit.clitic(normalized).is_some() {
        return false;
    }
    let prev = word_before(normalized, hit.start);
    let prev = prev.strip_prefix('و').unwrap_or(prev);
    let prev = prev.strip_prefix('ب').or_else(|| prev.strip_prefix('ل')).unwrap_or(prev);
    let prev = prev.strip_prefix("ال").unwrap_or(prev);
    matches!(
        prev,
        "مسجد"
            | "جامع"
            | "مدرسه"
            | "مستشفي"
            | "مستوصف"
            | "شارع"
            | "جامعه"
            | "كليه"
            | "ملعب"
            | "فندق"
            | "حديقه"
            | "دوار"
            | "جسر"
            | "مطعم"
    )
}

/// True right after a particle that only comes before a verb (قد، لم، لن،
/// سوف، كاد) or a relative pronoun (التي، الذي): the word that looks like a
/// name is a verb there (التي تدمر البيئه، قد تدمر، لم تدمر: "destroys",
/// not Palmyra).
fn after_verb_particle(normalized: &str, hit: &Hit) -> bool {
    bare_after(normalized, hit, &["قد", "لم", "لن", "سوف", "كاد", "كادت", "التي", "الذي", "اللتين", "الذين"])
}

/// True when the hit has no clitic and the word before it, without و/ف,
/// is one of `words`.
fn bare_after(normalized: &str, hit: &Hit, words: &[&str]) -> bool {
    if hit.clitic(normalized).is_some() {
        return false;
    }
    let prev = word_before(normalized, hit.start);
    words.contains(&prev.strip_prefix(['و', 'ف']).filter(|r| r.len() > 4).unwrap_or(prev))
}

/// True right after a verb of saying (وقال الحواش، اضاف العلي): the name is
/// the speaker's, a family name shared with a village.
fn after_speech_verb(normalized: &str, hit: &Hit) -> bool {
    const SPEECH: &[&str] = &[
        "قال",
        "قالت",
        "اضاف",
        "اضافت",
        "اوضح",
        "اوضحت",
        "اكد",
        "اكدت",
        "صرح",
        "صرحت",
        "اشار",
        "اشارت",
        "تابع",
        "تابعت",
        "ذكر",
        "ذكرت",
        "يقول",
        "تقول",
        "يضيف",
        "راي",
        "يري",
    ];
    bare_after(normalized, hit, SPEECH)
}

/// True when the name is the first part of a person's name: "صلاح الدين
/// عبد الكريم" is a man, not the governorate (عبد + a name of God follows).
fn personal_name_follows(normalized: &str, end: usize) -> bool {
    let next = word_after(normalized, end);
    next == "عبد" || (next.starts_with("عبد") && next.len() > 6 && !next.starts_with("عبدا"))
}

/// Words that make the definite noun before them a common noun, not a
/// village name: البستان المجاور، الحي القريب.
fn common_noun_follows(normalized: &str, end: usize) -> bool {
    let next = word_after(normalized, end);
    matches!(
        next,
        "المجاور"
            | "المجاوره"
            | "القريب"
            | "القريبه"
            | "المحاذي"
            | "المحاذيه"
            | "المقابل"
            | "المقابله"
    )
}

/// True when the word before `start` is a word of the place's own kind:
/// قريه الصالحيه, but not مدينه الحديده for a village of that name.
/// A name given with its kind word (an alias "قرية X") counts too.
pub(crate) fn kind_word_at(normalized: &str, start: usize, kind: PlaceKind) -> bool {
    // A name that starts with a kind word carries one, whatever the kind
    // (WOF calls some villages "ناحيه الزاب").
    let first = normalized[start..].split([' ', '\n']).next().unwrap_or("");
    as_kind_word(first).is_some()
        || (first.starts_with('و')
            && dual_kind_two_before(normalized, start).is_some_and(|w| kind.is_named_by(w)))
        || kind_word_ending_at(normalized, start).is_some_and(|w| kind.is_named_by(w))
}

fn has_locative_cue(normalized: &str, hit: &Hit) -> bool {
    if hit.clitic(normalized).is_some_and(|c| c.contains('ب')) {
        return true;
    }
    let before = normalized[..hit.start].trim_end();
    let mut words = before.rsplit([' ', '\n']);
    let prev = words.next().unwrap_or("").trim_matches(|c: char| !crate::normalize::is_word_char(c));
    let prev = prev.strip_prefix('و').filter(|p| LOCATIVE_CUES.contains(p)).unwrap_or(prev);
    if LOCATIVE_CUES.contains(&prev) {
        return true;
    }
    // بالقرب من / على مقربة من
    prev == "من" && matches!(words.next(), Some("بالقرب" | "مقربه" | "بمقربه"))
}

/// Where a gazetteer source comes from.
#[derive(Clone, Debug)]
enum Source {
    Text { file: String, kind: FileKind, content: String },
    File(PathBuf),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileKind {
    Places,
    Actors,
    People,
}

impl FileKind {
    fn from_name(name: &str) -> Option<FileKind> {
        let base = Path::new(name).file_name()?.to_str()?;
        if !base.ends_with(".tsv") {
            return None;
        }
        if base.starts_with("places") {
            Some(FileKind::Places)
        } else if base.starts_with("actors") {
            Some(FileKind::Actors)
        } else if base.starts_with("people") {
            Some(FileKind::People)
        } else {
            None
        }
    }
}

/// Builds a [`Gazetteer`] from the embedded defaults and user files.
///
/// A row of a later source replaces a row with the same id from an earlier
/// one (so a user file can correct a default row); an id defined twice in one
/// file is an error.
///
/// # Examples
///
/// ```
/// use rasad::gazetteer::Gazetteer;
///
/// let extra = "id\tkind\tname_en\tname_ar\taliases_ar\taliases_latin\tparent\tlat\tlon\texternal_ids\tflags\tsource\n\
///              rasad:test_village\tvillage\tTest Village\tقرية الاختبار\t\t\twof:85632413\t35.0\t38.0\t\t\ttest\n";
/// let g = Gazetteer::builder().add_places("my_places.tsv", extra).build()?;
/// let m = g.find_iter("اشتباكات في قرية الاختبار").next().unwrap();
/// assert_eq!(m.entity.id(), "rasad:test_village");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    sources: Vec<Source>,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// A builder holding the embedded default files.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            sources: vec![
                Source::Text {
                    file: "gazetteers/places.tsv".into(),
                    kind: FileKind::Places,
                    content: PLACES_TSV.into(),
                },
                #[cfg(feature = "full-gazetteer")]
                Source::Text {
                    file: GENERATED_PLACES.into(),
                    kind: FileKind::Places,
                    content: PLACES_WOF_TSV.into(),
                },
                Source::Text {
                    file: "gazetteers/actors.tsv".into(),
                    kind: FileKind::Actors,
                    content: ACTORS_TSV.into(),
                },
                Source::Text {
                    file: "gazetteers/people.tsv".into(),
                    kind: FileKind::People,
                    content: PEOPLE_TSV.into(),
                },
            ],
        }
    }

    /// Drops the embedded generated places (`gazetteers/places_wof.tsv`,
    /// every village of Syria and Iraq), keeping the curated core
    /// (`places.tsv`, ~450 places) and the actors and people: a tenth of the
    /// start-up time, for text that names only major places. Without the
    /// `full-gazetteer` feature the generated file is not embedded at all.
    ///
    /// ```
    /// use rasad::gazetteer::Gazetteer;
    ///
    /// let core = Gazetteer::builder().without_generated_places().build()?;
    /// assert!(core.places().len() < 1_000);
    /// # Ok::<(), rasad::gazetteer::GazetteerError>(())
    /// ```
    pub fn without_generated_places(mut self) -> GazetteerBuilder {
        self.sources.retain(|s| !matches!(s, Source::Text { file, .. } if file == GENERATED_PLACES));
        self
    }

    /// Drops every source added so far, the embedded defaults included.
    pub fn without_defaults(mut self) -> GazetteerBuilder {
        self.sources.clear();
        self
    }

    /// Adds a places table given as text; `file` names it in errors.
    pub fn add_places(mut self, file: &str, content: &str) -> GazetteerBuilder {
        self.sources.push(Source::Text {
            file: file.into(),
            kind: FileKind::Places,
            content: content.into(),
        });
        self
    }

    /// Adds an actors table given as text.
    pub fn add_actors(mut self, file: &str, content: &str) -> GazetteerBuilder {
        self.sources.push(Source::Text {
            file: file.into(),
            kind: FileKind::Actors,
            content: content.into(),
        });
        self
    }

    /// Adds a people table given as text.
    pub fn add_people(mut self, file: &str, content: &str) -> GazetteerBuilder {
        self.sources.push(Source::Text {
            file: file.into(),
            kind: FileKind::People,
            content: content.into(),
        });
        self
    }

    /// Adds a file, read at [`build`](GazetteerBuilder::build) time. Its name
    /// says what it holds: `places*.tsv`, `actors*.tsv` or `people*.tsv`.
    pub fn add_file(mut self, path: impl Into<PathBuf>) -> GazetteerBuilder {
        self.sources.push(Source::File(path.into()));
        self
    }

    /// Adds every `places*.tsv`, `actors*.tsv` and `people*.tsv` file of a
    /// directory, in name order.
    ///
    /// # Errors
    ///
    /// When the directory cannot be listed.
    pub fn add_dir(mut self, dir: impl AsRef<Path>) -> Result<GazetteerBuilder, GazetteerError> {
        let dir = dir.as_ref();
        let entries = std::fs::read_dir(dir).map_err(|e| {
            GazetteerError::new(&dir.display().to_string(), None, GazetteerErrorKind::Io(e.to_string()))
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_str().and_then(FileKind::from_name).is_some())
            .collect();
        files.sort();
        self.sources.extend(files.into_iter().map(Source::File));
        Ok(self)
    }

    /// Reads and checks every source.
    ///
    /// # Errors
    ///
    /// The first problem found, with its file and line: an unreadable file,
    /// invalid UTF-8, a missing column, a wrong field count, an empty required
    /// field or alias, a bad coordinate, an unknown kind, an id defined twice
    /// in one file, a parent or affiliation that names no known id.
    pub fn build(self) -> Result<Gazetteer, GazetteerError> {
        let mut places = Rows::default();
        let mut actors = Rows::default();
        let mut people = Rows::default();
        for source in self.sources {
            let (file, kind, content) = match source {
                Source::Text { file, kind, content } => (file, kind, content),
                Source::File(path) => {
                    let file = path.display().to_string();
                    let kind = FileKind::from_name(&file)
                        .ok_or_else(|| GazetteerError::new(&file, None, GazetteerErrorKind::UnknownFile))?;
                    let bytes = std::fs::read(&path).map_err(|e| {
                        GazetteerError::new(&file, None, GazetteerErrorKind::Io(e.to_string()))
                    })?;
                    let content = tsv::decode(&file, bytes)?;
                    (file, kind, content)
                }
            };
            match kind {
                FileKind::Places => places.merge(parse_places(&file, &content)?, |p| &p.id),
                FileKind::Actors => actors.merge(parse_actors(&file, &content)?, |a| &a.id),
                FileKind::People => people.merge(parse_people(&file, &content)?, |p| &p.id),
            }
        }
        let place_ids = index(&places.rows, |p| &p.0.id);
        let actor_ids = index(&actors.rows, |a| &a.0.id);
        let person_ids = index(&people.rows, |p| &p.0.id);
        for (p, at) in &places.rows {
            if let Some(parent) = &p.parent {
                if !place_ids.contains_key(parent) {
                    return Err(at.error("parent", parent));
                }
            }
        }
        for (a, at) in &actors.rows {
            if let Some(parent) = &a.parent {
                if !actor_ids.contains_key(parent) {
                    return Err(at.error("parent", parent));
                }
            }
        }
        for (p, at) in &people.rows {
            if let Some(aff) = &p.affiliation {
                if !actor_ids.contains_key(aff) {
                    return Err(at.error("affiliation", aff));
                }
            }
        }
        let places: Vec<Place> = places.rows.into_iter().map(|r| r.0).collect();
        let actors: Vec<Actor> = actors.rows.into_iter().map(|r| r.0).collect();
        let people: Vec<Person> = people.rows.into_iter().map(|r| r.0).collect();
        Ok(Gazetteer {
            places,
            actors,
            people,
            place_ids,
            actor_ids,
            person_ids,
            ambiguous: OnceCell::new(),
            lexicon: OnceCell::new(),
        })
    }
}

/// Where a row was defined, for errors found after parsing.
#[derive(Clone, Debug)]
struct At {
    file: String,
    line: usize,
}

impl At {
    fn error(&self, column: &'static str, id: &str) -> GazetteerError {
        GazetteerError::new(
            &self.file,
            Some(self.line),
            GazetteerErrorKind::UnknownReference { column, id: id.to_string() },
        )
    }
}

struct Rows<T> {
    rows: Vec<(T, At)>,
    by_id: HashMap<String, usize>,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows { rows: Vec::new(), by_id: HashMap::default() }
    }
}

impl<T> Rows<T> {
    /// Adds a file's rows; a row whose id exists already replaces it.
    fn merge(&mut self, new: Vec<(T, At)>, id: impl Fn(&T) -> &String) {
        for row in new {
            match self.by_id.get(id(&row.0)) {
                Some(&i) => self.rows[i] = row,
                None => {
                    self.by_id.insert(id(&row.0).clone(), self.rows.len());
                    self.rows.push(row);
                }
            }
        }
    }
}

fn index<T>(rows: &[T], id: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    rows.iter().enumerate().map(|(i, r)| (id(r).clone(), i)).collect()
}

/// Checks that no id repeats within one file.
fn check_unique(
    table: &Table<'_>,
    seen: &mut HashMap<String, usize>,
    row: &Row<'_>,
    id: &str,
) -> Result<(), GazetteerError> {
    if let Some(&first_line) = seen.get(id) {
        return Err(table.error(row, GazetteerErrorKind::DuplicateId { id: id.to_string(), first_line }));
    }
    seen.insert(id.to_string(), row.line);
    Ok(())
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

const PLACE_COLUMNS: &[&str] =
    &["id", "kind", "name_en", "name_ar", "aliases_ar", "aliases_latin", "parent", "lat", "lon"];

fn parse_places(file: &str, content: &str) -> Result<Vec<(Place, At)>, GazetteerError> {
    let t = Table::parse(file, content, PLACE_COLUMNS)?;
    let mut seen = HashMap::default();
    let mut out = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let id = t.required(row, "id")?;
        check_unique(&t, &mut seen, row, id)?;
        let kind_s = t.required(row, "kind")?;
        let kind = PlaceKind::parse(kind_s)
            .ok_or_else(|| t.error(row, GazetteerErrorKind::UnknownKind(kind_s.into())))?;
        let flags = t.get(row, "flags");
        let place = Place {
            id: id.to_string(),
            kind,
            name_en: t.required(row, "name_en")?.to_string(),
            name_ar: t.required(row, "name_ar")?.to_string(),
            aliases_ar: t.list(row, "aliases_ar")?,
            aliases_latin: t.list(row, "aliases_latin")?,
            parent: optional(t.get(row, "parent")),
            lat: t.number(row, "lat", -90.0..=90.0, "a latitude in degrees (-90..90)")?,
            lon: t.number(row, "lon", -180.0..=180.0, "a longitude in degrees (-180..180)")?,
            external_ids: t.list(row, "external_ids")?,
            needs_cue: flags.split('|').any(|f| f == "needs_cue"),
            needs_kind: flags.split('|').any(|f| f == "needs_kind"),
            needs_context: flags.split('|').any(|f| f == "needs_context"),
            population: t.get(row, "population").parse().ok(),
            source: t.get(row, "source").to_string(),
        };
        out.push((place, At { file: file.into(), line: row.line }));
    }
    Ok(out)
}

const ACTOR_COLUMNS: &[&str] = &["id", "kind", "name_en", "name_ar", "aliases_ar", "aliases_latin", "parent"];

fn parse_actors(file: &str, content: &str) -> Result<Vec<(Actor, At)>, GazetteerError> {
    let t = Table::parse(file, content, ACTOR_COLUMNS)?;
    let mut seen = HashMap::default();
    let mut out = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let id = t.required(row, "id")?;
        check_unique(&t, &mut seen, row, id)?;
        let kind_s = t.required(row, "kind")?;
        let kind = ActorKind::parse(kind_s)
            .ok_or_else(|| t.error(row, GazetteerErrorKind::UnknownKind(kind_s.into())))?;
        let actor = Actor {
            id: id.to_string(),
            kind,
            name_en: t.required(row, "name_en")?.to_string(),
            name_ar: t.required(row, "name_ar")?.to_string(),
            aliases_ar: t.list(row, "aliases_ar")?,
            aliases_latin: t.list(row, "aliases_latin")?,
            parent: optional(t.get(row, "parent")),
        };
        out.push((actor, At { file: file.into(), line: row.line }));
    }
    Ok(out)
}

const PEOPLE_COLUMNS: &[&str] =
    &["id", "name_en", "name_ar", "aliases_ar", "aliases_latin", "affiliation", "role"];

fn parse_people(file: &str, content: &str) -> Result<Vec<(Person, At)>, GazetteerError> {
    let t = Table::parse(file, content, PEOPLE_COLUMNS)?;
    let mut seen = HashMap::default();
    let mut out = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let id = t.required(row, "id")?;
        check_unique(&t, &mut seen, row, id)?;
        let person = Person {
            id: id.to_string(),
            name_en: t.required(row, "name_en")?.to_string(),
            name_ar: t.required(row, "name_ar")?.to_string(),
            aliases_ar: t.list(row, "aliases_ar")?,
            aliases_latin: t.list(row, "aliases_latin")?,
            affiliation: optional(t.get(row, "affiliation")),
            role: t.get(row, "role").to_string(),
        };
        out.push((person, At { file: file.into(), line: row.line }));
    }
    Ok(out)
}

/// Aliases (normalized) carried by more than one entity of the same table.
fn find_ambiguous(places: &[Place], actors: &[Actor], people: &[Person]) -> Vec<AmbiguousAlias> {
    let n = Normalizer::new();
    let mut out = Vec::new();
    let mut group = |items: &mut dyn Iterator<Item = (&String, &String)>| {
        let mut by_alias: HashMap<String, Vec<String>> = HashMap::default();
        for (alias, id) in items {
            let ids = by_alias.entry(n.normalize_str(alias)).or_default();
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        let mut amb: Vec<AmbiguousAlias> = by_alias
            .into_iter()
            .filter(|(_, ids)| ids.len() > 1)
            .map(|(alias, ids)| AmbiguousAlias { alias, ids })
            .collect();
        amb.sort_by(|a, b| a.alias.cmp(&b.alias));
        out.extend(amb);
    };
    group(&mut places.iter().flat_map(|p| {
        std::iter::once(&p.name_ar).chain(&p.aliases_ar).chain(&p.aliases_latin).map(move |a| (a, &p.id))
    }));
    group(&mut actors.iter().flat_map(|p| {
        std::iter::once(&p.name_ar).chain(&p.aliases_ar).chain(&p.aliases_latin).map(move |a| (a, &p.id))
    }));
    group(&mut people.iter().flat_map(|p| {
        std::iter::once(&p.name_ar).chain(&p.aliases_ar).chain(&p.aliases_latin).map(move |a| (a, &p.id))
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kind words as the normalizer writes them (ة or ه), the farm and dual
    /// forms, and only for their own kinds.
    #[test]
    fn kind_words() {
        use PlaceKind::*;
        let named =
            |w: &str| -> Vec<PlaceKind> { PlaceKind::ALL.into_iter().filter(|k| k.is_named_by(w)).collect() };
        assert_eq!(named("قريه"), [Village]);
        assert_eq!(named("قرية"), [Village]);
        assert_eq!(named("مزرعه"), [Village]);
        assert_eq!(named("بلده"), [Town, Village]);
        assert_eq!(named("بلدتي"), [Town, Village]);
        assert_eq!(named("مدينه"), [City, Town]);
        assert_eq!(named("مدينتي"), [City, Town]);
        assert_eq!(named("قضاء"), [District]);
        assert_eq!(named("منطقه"), [District]);
        assert_eq!(named("محافظه"), [Governorate]);
        assert_eq!(named("مخيمي"), [Camp]);
        assert_eq!(named("حي"), [Neighbourhood]);
        for w in ["قريته", "القريه", "بلد", "مدن", "", "حيي"] {
            assert!(named(w).is_empty(), "{w}");
        }
    }

    #[test]
    fn embedded_loads() {
        let g = GazetteerBuilder::new().build().unwrap();
        assert!(g.places().len() >= 150);
        assert!(g.place("wof:1360262391").is_some(), "Atmeh");
        assert!(abroad().len() > 100 && abroad().iter().all(|(n, c)| !n.is_empty() && !c.is_empty()));
    }
}
