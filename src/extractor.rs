//! The whole pipeline behind one object: [`Extractor`], built once and shared
//! by threads, turns a [`Document`] into [`Event`]s.

use std::path::PathBuf;

use chrono::NaiveDate;
use once_cell::sync::Lazy;

use crate::event::{Analysis, Ent, Event, Trig, Triggers, assemble, resolve_actors};
use crate::gazetteer::{Entity, Place, PlaceKind, PlaceRule};
use crate::gazetteer::{Gazetteer, GazetteerBuilder, GazetteerError, GazetteerErrorKind};
use crate::lexicon::{Lexicon, LexiconBuilder, Tag};
use crate::mention::{Mention, MentionKind};
use crate::normalize::Normalizer;
use crate::number::{Count, read_counts};
use crate::sentence::sentences_from_tokens;
use crate::span::Span;
use crate::time::{Timex, find_dateline, read_dates};
use crate::token::tokenize;

/// A news article: an id, its text, and its publication date if known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The document's id (a file name, or the `id` of a JSON line).
    pub id: String,
    /// The text, as published.
    pub text: String,
    /// The publication date. When `None`, a dateline at the top of the text
    /// is used if there is one.
    pub published: Option<NaiveDate>,
}

impl Document {
    /// A document with no known publication date.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), published: None }
    }

    /// Sets the publication date.
    pub fn published(mut self, date: NaiveDate) -> Document {
        self.published = Some(date);
        self
    }
}

/// The gazetteers an extractor uses: the embedded ones, or a user build.
#[derive(Debug)]
enum Gaz {
    Embedded(&'static Gazetteer),
    Owned(Box<Gazetteer>),
}

impl std::ops::Deref for Gaz {
    type Target = Gazetteer;
    fn deref(&self) -> &Gazetteer {
        match self {
            Gaz::Embedded(g) => g,
            Gaz::Owned(g) => g,
        }
    }
}

/// Extracts events from Arabic news.
///
/// Build it once (lexicons, automaton: tens of milliseconds) and share it:
/// it is `Send + Sync`, and [`extract`](Extractor::extract) takes `&self`.
///
/// # Examples
///
/// ```
/// use rasad::{Document, Extractor};
///
/// let doc = Document::new("d1", "قتل ثلاثة عناصر من قسد في هجوم لداعش على نقطة قرب بلدة الشحيل بريف دير الزور أمس.")
///     .published(chrono::NaiveDate::from_ymd_opt(2024, 3, 14).unwrap());
/// let events = Extractor::default().extract(&doc);
/// assert_eq!(events.len(), 1);
/// let e = &events[0];
/// assert_eq!(e.kind.as_str(), "armed_attack");
/// assert_eq!(e.date.as_ref().unwrap().value.to_string(), "2024-03-13");
/// assert_eq!(e.perpetrators[0].id, "isis");
/// assert_eq!(e.killed.unwrap().min, 3);
/// ```
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gaz,
    triggers: Triggers,
    lexicon: Lexicon,
    /// The triggers alone: a document with no hit here has no event.
    trigger_lexicon: Lexicon,
    normalizer: Normalizer,
}

static DEFAULT: Lazy<Extractor> =
    Lazy::new(|| ExtractorBuilder::new().build().expect("the embedded data are valid"));

impl Default for Extractor {
    /// An extractor over the embedded gazetteers and triggers.
    ///
    /// # Panics
    ///
    /// Never in practice: the embedded data are checked by the test suite.
    fn default() -> Self {
        ExtractorBuilder::new().build().expect("the embedded gazetteers and triggers are valid (tested)")
    }
}

impl Extractor {
    /// A builder, to add gazetteer files.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// A shared extractor over the embedded data, built on first use.
    pub fn embedded() -> &'static Extractor {
        &DEFAULT
    }

    /// The gazetteers in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The compiled lexicon (gazetteer aliases and triggers).
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every event of `doc`, in text order, hypothetical and negated ones
    /// included (see [`Event::modality`](crate::event::Event); the `extract`
    /// command prints only asserted and claimed events unless asked).
    ///
    /// Never panics, for any text.
    pub fn extract(&self, doc: &Document) -> Vec<Event> {
        let norm = self.normalizer.normalize(&doc.text);
        // Every event has a trigger: most news has none, and a scan of the
        // small trigger lexicon is all it costs.
        if !self.trigger_lexicon.is_match(norm.as_str()) {
            return Vec::new();
        }
        let p = self.parse_normalized(doc, norm, false);
        // The place of a dateline is where the report was filed, and its date
        // when: neither is an event argument.
        let entities: Vec<Ent<'_>> = p
            .entities
            .iter()
            .filter(|e| !(matches!(e.entity, Entity::Place(_)) && p.zones.iter().any(|z| z.contains(e.span))))
            .cloned()
            .collect();
        let event_dates: Vec<Timex> = match p.dateline {
            Some((_, sp)) => {
                p.dates.iter().filter(|d| d.span.end <= sp.start || d.span.start >= sp.end).copied().collect()
            }
            None => p.dates.clone(),
        };
        let analysis = Analysis {
            doc_id: &doc.id,
            norm: &p.norm,
            tokens: &p.tokens,
            sentences: &p.sentences,
            entities: &entities,
            triggers: &p.triggers,
            dates: &event_dates,
            counts: &p.counts,
            gazetteer: &self.gazetteer,
            rows: self.triggers.rows(),
        };
        assemble(&analysis)
    }

    /// Every place, actor, person, date, number and trigger of `doc`, in text
    /// order — read by the same scan and the same readers as
    /// [`extract`](Extractor::extract), so a mention and the event field read
    /// from the same words agree.
    ///
    /// ```
    /// use rasad::mention::MentionKind;
    /// use rasad::{Document, Extractor};
    ///
    /// let doc = Document::new("d", "الأحد الماضي بتدمر")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2025, 12, 18).unwrap());
    /// let m = Extractor::embedded().mentions(&doc);
    /// assert!(matches!(&m[0].what, MentionKind::Date { value, .. } if value.to_string() == "2025-12-14"));
    /// assert!(matches!(&m[1].what, MentionKind::Place { name, clitic: Some("ب"), .. } if name == "Palmyra"));
    /// ```
    pub fn mentions(&self, doc: &Document) -> Vec<Mention> {
        let p = self.parse(doc);
        let resolved = resolve_actors(&p.entities);
        let mut out: Vec<(usize, Mention)> = Vec::new();
        let text = |sp: Span| p.norm.original_text(sp).to_string();
        let span = |sp: Span| p.norm.original_span(sp);
        let mention = |sp: Span, what: MentionKind| Mention {
            doc_id: doc.id.clone(),
            what,
            text: text(sp),
            span: span(sp),
        };
        for (e, actor) in p.entities.iter().zip(&resolved) {
            let what = match e.entity {
                Entity::Place(pl) => MentionKind::Place {
                    id: pl.id.clone(),
                    name: pl.name_en.clone(),
                    kind: pl.kind.as_str(),
                    clitic: e.clitic,
                    lat: pl.lat,
                    lon: pl.lon,
                    rule: e.rule.unwrap_or(PlaceRule::Only),
                },
                Entity::Actor(_) | Entity::Anaphor(_) => {
                    let Some(a) = actor.map(|a| self.gazetteer.root_actor(a)) else { continue };
                    MentionKind::Actor {
                        id: a.id.clone(),
                        name: a.name_en.clone(),
                        clitic: e.clitic,
                        anaphor: matches!(e.entity, Entity::Anaphor(_)),
                    }
                }
                Entity::Person(pe) => {
                    MentionKind::Person { id: pe.id.clone(), name: pe.name_en.clone(), clitic: e.clitic }
                }
            };
            out.push((e.span.start, mention(e.span, what)));
        }
        for d in &p.dates {
            let what =
                MentionKind::Date { value: d.value, precision: d.precision, resolved_from: d.resolved_from };
            out.push((d.span.start, mention(d.span, what)));
        }
        for c in &p.counts {
            out.push((
                c.span.start,
                mention(c.span, MentionKind::Number { min: c.min, max: c.max, approx: c.approx }),
            ));
        }
        for t in &p.triggers {
            let row = &self.triggers.rows()[t.row as usize];
            let kind = match row.kind {
                Some(k) => k.as_str(),
                None => match row.class {
                    crate::event::TriggerClass::Killed => "killed",
                    crate::event::TriggerClass::Wounded => "wounded",
                    _ => "captured",
                },
            };
            out.push((t.span.start, mention(t.span, MentionKind::Trigger { kind })));
        }
        out.sort_by_key(|(start, _)| *start);
        out.into_iter().map(|(_, m)| m).collect()
    }

    /// Places that share a name: the one inside a place named nearby, else
    /// the one in the governorate of the document's other places, else rank.
    fn disambiguate<'g>(&'g self, entities: &mut [Ent<'g>], shared: &[Vec<&'g Place>]) {
        // Every reading of every place mention: a nearby دير الزور may be the
        // governorate or the city, and either contains a village.
        let readings: Vec<Vec<&Place>> = entities
            .iter()
            .zip(shared)
            .map(|(e, alt)| match e.entity {
                Entity::Place(p) => std::iter::once(p).chain(alt.iter().copied()).collect(),
                _ => Vec::new(),
            })
            .collect();
        // The document's vote, counted once: governorate of each mention's first reading.
        let first_gov: Vec<Option<String>> =
            readings.iter().map(|r| r.first().and_then(|p| self.gazetteer.governorate_of(p))).collect();
        let mut votes: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for g in first_gov.iter().flatten() {
            *votes.entry(g.as_str()).or_default() += 1;
        }
        for k in 0..entities.len() {
            if shared[k].is_empty() || readings[k].is_empty() {
                continue;
            }
            let here = entities[k].span;
            // Mentions within 80 bytes (entities are in text order).
            let lo = entities.partition_point(|e| e.span.start + 80 < here.start);
            let hi = entities.partition_point(|e| e.span.start <= here.end + 80);
            let nearby: Vec<&Place> =
                (lo..hi).filter(|&j| j != k).flat_map(|j| readings[j].iter().copied()).collect();
            let own = first_gov[k].as_deref();
            let vote = |g: &str| votes.get(g).copied().unwrap_or(0) - usize::from(own == Some(g));
            if let Some((p, rule)) = self.gazetteer.choose_place_by(&readings[k], &nearby, vote) {
                entities[k].entity = Entity::Place(p);
                entities[k].rule = Some(rule);
            }
        }
    }

    /// The stages before events, shared by `extract` and `mentions`.
    fn parse<'d>(&self, doc: &'d Document) -> Parsed<'d, '_> {
        self.parse_normalized(doc, self.normalizer.normalize(&doc.text), true)
    }

    /// `all_counts`: read the counts of every sentence (mentions), or only of
    /// those that hold a trigger (events).
    fn parse_normalized<'d>(
        &self,
        doc: &'d Document,
        norm: crate::normalize::Normalized<'d>,
        all_counts: bool,
    ) -> Parsed<'d, '_> {
        let text = norm.as_str();
        let tokens = tokenize(text);
        let dateline = find_dateline(text, &tokens);
        let published = doc.published.or(dateline.map(|d| d.0));
        let dates: Vec<Timex> = read_dates(text, &tokens, published);
        let zones = dateline_zones(text, dateline.map(|d| d.1));
        let mut entities = Vec::new();
        let mut shared: Vec<Vec<&Place>> = Vec::new();
        let mut triggers = Vec::new();
        let mut abroad: Vec<Span> = Vec::new();
        self.lexicon.scan_with(text, |hit| {
            let entries = self.lexicon.entries(&hit);
            let pattern = self.lexicon.pattern(&hit);
            let mut read = false;
            for e in entries.iter().filter(|e| e.tag == Tag::Trigger) {
                triggers.push(Trig { row: e.index, span: hit.span(), name_start: hit.name_start });
                read = true;
            }
            if entries.iter().any(|e| e.tag == Tag::Abroad) {
                abroad.push(hit.span());
                read = true;
            }
            if entries.iter().any(|e| !matches!(e.tag, Tag::Trigger | Tag::Abroad)) {
                if let Some((entity, others)) = self.gazetteer.resolve(text, &hit, entries, pattern) {
                    let clitic = hit.clitic(text).map(crate::lexicon::static_clitic);
                    let alternatives: Vec<&Place> = others
                        .iter()
                        .filter_map(|e| match e {
                            Entity::Place(p) => Some(*p),
                            _ => None,
                        })
                        .collect();
                    let rule = matches!(entity, Entity::Place(_)).then_some(PlaceRule::Only);
                    entities.push(Ent { entity, span: hit.span(), clitic, rule });
                    shared.push(alternatives);
                    read = true;
                }
            }
            read
        });
        self.disambiguate(&mut entities, &shared);
        // A generated village read after a mere locative cue stays only when a
        // place that contains it is named nearby (في الصالحيه بريف دير الزور).
        let places: Vec<(Span, &Place)> = entities
            .iter()
            .filter_map(|e| match e.entity {
                Entity::Place(p) => Some((e.span, p)),
                _ => None,
            })
            .collect();
        let sentences = sentences_from_tokens(text, &tokens);
        // Counts: every one for mentions; for events only those of sentences
        // that hold a trigger, the only ones an event reads (segments, the
        // casualties of a sentence without an event word, statistics).
        let raw_counts = if all_counts {
            read_counts(text, &tokens)
        } else {
            let mut out = Vec::new();
            let mut k = 0;
            for sp in &sentences {
                k += triggers[k..].partition_point(|t| t.span.end <= sp.start);
                if triggers.get(k).is_some_and(|t| t.span.start < sp.end) {
                    let lo = tokens.partition_point(|t| t.span.end <= sp.start);
                    let hi = tokens.partition_point(|t| t.span.start < sp.end);
                    out.extend(read_counts(text, &tokens[lo..hi]));
                }
            }
            out
        };
        // A number inside a date is part of the date (dates are in text order).
        let counts: Vec<Count> = raw_counts
            .into_iter()
            .filter(|c| {
                let k = dates.partition_point(|d| d.span.end <= c.span.start);
                dates.get(k).is_none_or(|d| d.span.start >= c.span.end)
            })
            .collect();
        // Where a report was filed (بيروت (رويترز) -) says nothing of where
        // its villages are.
        abroad.retain(|a| !zones.iter().any(|z| z.contains(*a)));
        let abroad_here = Abroad::new(&self.gazetteer, &entities, abroad);
        entities.retain(|e| {
            let Entity::Place(p) = e.entity else { return true };
            // A sentence with an event word (not a mere casualty word).
            let in_event_sentence = {
                let k = sentences.partition_point(|sp| sp.end <= e.span.start);
                sentences.get(k).is_some_and(|sp| {
                    let t = triggers.partition_point(|t| t.span.end <= sp.start);
                    triggers[t..]
                        .iter()
                        .take_while(|t| t.span.start < sp.end)
                        .any(|t| self.triggers.rows()[t.row as usize].kind.is_some())
                })
            };
            if abroad_here.is_namesake(&self.gazetteer, text, &sentences, e, p, in_event_sentence) {
                return false;
            }
            // A name written with ة found where the text has ه: normalization
            // made "حديثه" (his talk) look like حديثة; in news, names keep ة.
            if (p.needs_cue || p.is_minor())
                && p.name_ar.ends_with('ة')
                && norm.original_text(e.span).trim_end().ends_with('ه')
            {
                return false;
            }
            // Tanween marks an indefinite word, never a name: دوماً is
            // "always", not Douma.
            if norm.original_text(e.span).trim_end().ends_with(['\u{64B}', '\u{64C}', '\u{64D}']) {
                return false;
            }
            if !p.needs_context || crate::gazetteer::kind_word_at(text, e.span.start, p.kind) {
                return true;
            }
            let chain = self.gazetteer.admin_chain(p);
            let lo = places.partition_point(|(sp, _)| sp.start + 120 < e.span.start);
            places[lo..]
                .iter()
                .take_while(|(sp, _)| sp.start <= e.span.end + 120)
                .any(|(sp, q)| *sp != e.span && chain.iter().any(|a| a.id == q.id))
        });
        Parsed { norm, tokens, sentences, dateline, dates, counts, entities, triggers, zones }
    }
}

/// Places abroad named in a document, and what they say of the Syrian and
/// Iraqi villages that share a name with one (دوما in the West Bank, المنصورة
/// in Aden, عقربا near Nablus).
struct Abroad {
    /// Spans of names of `gazetteers/abroad.tsv`, in text order.
    spans: Vec<Span>,
    /// Governorates of the document's places that are not prone to namesakes.
    governorates: Vec<String>,
    /// Ids of the document's major places (no villages, no countries) and of
    /// the countries it names: what supports a place in a report about
    /// elsewhere.
    places: Vec<String>,
    countries: Vec<String>,
}

impl Abroad {
    fn new(g: &Gazetteer, entities: &[Ent<'_>], spans: Vec<Span>) -> Abroad {
        let mut governorates = Vec::new();
        let mut places = Vec::new();
        let mut countries = Vec::new();
        if !spans.is_empty() {
            for e in entities {
                if let Entity::Place(p) = e.entity {
                    if p.kind == PlaceKind::Country {
                        countries.push(p.id.clone());
                        continue;
                    }
                    // Villages and the like are no support: they are the
                    // names most often shared with places abroad.
                    if !p.is_namesake_prone() {
                        governorates.extend(g.governorate_of(p));
                        places.push(p.id.clone());
                    }
                }
            }
        }
        Abroad { spans, governorates, places, countries }
    }

    /// A report that names places abroad at least twice and, besides this
    /// place, nothing of its country (محافظ ميسان in an article about Asir is
    /// the Saudi Maysan; الاسكندريه in an Egyptian court report). A
    /// governorate named where an event happens stays (انفجار في بغداد ...
    /// وادانت السعوديه ومصر الهجوم).
    fn about_elsewhere(&self, g: &Gazetteer, p: &Place, in_event_sentence: bool) -> bool {
        if self.spans.len() < 2 || p.kind == PlaceKind::Country {
            return false;
        }
        if in_event_sentence && p.kind == PlaceKind::Governorate {
            return false;
        }
        let country_of = |q: &Place| {
            g.admin_chain(q).into_iter().find(|c| c.kind == PlaceKind::Country).map(|c| c.id.clone())
        };
        let Some(country) = country_of(p) else { return false };
        let compatriot = self
            .places
            .iter()
            .any(|id| *id != p.id && g.place(id).and_then(country_of).as_ref() == Some(&country));
        !self.countries.contains(&country) && !compatriot
    }

    /// True when the place mention is most likely a namesake abroad:
    /// - any place directly followed by a foreign nisba (قريه دوما الفلسطينيه);
    /// - a village, neighbourhood or subdistrict not placed by a container
    ///   named nearby, in a sentence that names a place abroad, or in a
    ///   document that names one and no major place of its governorate.
    fn is_namesake(
        &self,
        g: &Gazetteer,
        text: &str,
        sentences: &[Span],
        e: &Ent<'_>,
        p: &Place,
        in_event_sentence: bool,
    ) -> bool {
        let next = crate::gazetteer::word_after(text, e.span.end);
        if FOREIGN_NISBA.contains(&next.trim_end_matches(|c: char| !crate::normalize::is_word_char(c))) {
            return true;
        }
        // Any place located by a place abroad right after it: "قريه دوما القريبه
        // من نابلس"، "X جنوب القاهره".
        let k = self.spans.partition_point(|a| a.start < e.span.end);
        if let Some(a) = self.spans.get(k).filter(|a| a.start - e.span.end <= 40) {
            let between = &text[e.span.end..a.start];
            let locator = between.split([' ', '\n', '،']).any(|w| {
                matches!(
                    w,
                    "قرب"
                        | "القريبه"
                        | "القريب"
                        | "بالقرب"
                        | "جنوب"
                        | "شمال"
                        | "شرق"
                        | "غرب"
                        | "جنوبي"
                        | "شمالي"
                        | "شرقي"
                        | "غربي"
                        | "في"
                        | "بمحافظه"
                        | "بمنطقه"
                        | "بضواحي"
                        | "ضواحي"
                )
            });
            let clitic = text[a.start..].starts_with('ب');
            if (locator || clitic) && between.split_whitespace().count() <= 4 {
                return true;
            }
        }
        if e.rule != Some(PlaceRule::AdminParent) && self.about_elsewhere(g, p, in_event_sentence) {
            return true;
        }
        if self.spans.is_empty() || !p.is_namesake_prone() || e.rule == Some(PlaceRule::AdminParent) {
            return false;
        }
        let s = sentences.partition_point(|sp| sp.end <= e.span.start);
        if let Some(sp) = sentences.get(s) {
            let k = self.spans.partition_point(|a| a.end <= sp.start);
            if self.spans.get(k).is_some_and(|a| a.start < sp.end) {
                return true;
            }
        }
        let gov = g.governorate_of(p);
        !gov.is_some_and(|gov| self.governorates.contains(&gov))
    }
}

/// Nisbas (normalized, both genders) that put the place before them abroad.
const FOREIGN_NISBA: &[&str] = &[
    "الفلسطيني",
    "الفلسطينيه",
    "اللبناني",
    "اللبنانيه",
    "التركي",
    "التركيه",
    "الاردني",
    "الاردنيه",
    "المصري",
    "المصريه",
    "اليمني",
    "اليمنيه",
    "السعودي",
    "السعوديه",
    "الليبي",
    "الليبيه",
    "الايراني",
    "الايرانيه",
    "الاسرائيلي",
    "الاسرائيليه",
    "الكويتي",
    "الكويتيه",
    "التونسي",
    "التونسيه",
    "الجزائري",
    "الجزائريه",
    "المغربي",
    "المغربيه",
    "الافغاني",
    "الافغانيه",
    "الباكستاني",
    "الباكستانيه",
    "السوداني",
    "السودانيه",
];

/// What the stages before events found in one document.
struct Parsed<'d, 'g> {
    norm: crate::normalize::Normalized<'d>,
    tokens: Vec<crate::token::Token>,
    sentences: Vec<Span>,
    dateline: Option<(NaiveDate, Span)>,
    dates: Vec<Timex>,
    counts: Vec<Count>,
    entities: Vec<Ent<'g>>,
    triggers: Vec<Trig>,
    zones: Vec<Span>,
}

/// Stretches at the top of a report that name where and when it was filed:
/// the line of the dateline up to the dash after it ("بعقوبه (العراق) 13
/// ايار 2023 (ا ف ب) -"), and short "place – agency" lines ("الحسكه – نورث برس").
fn dateline_zones(text: &str, dateline: Option<Span>) -> Vec<Span> {
    let mut zones = Vec::new();
    let mut start = 0;
    for (n, line) in text.split('\n').enumerate() {
        let span = Span::new(start, start + line.len());
        start = span.end + 1;
        if n > 4 {
            break;
        }
        if let Some(d) = dateline.filter(|d| span.contains(*d)) {
            let rest = &text[d.end..span.end];
            let end = [" - ", " – ", " — "]
                .iter()
                .filter_map(|dash| rest.find(dash))
                .min()
                .map_or(d.end, |k| d.end + k + 3);
            zones.push(Span::new(span.start, end.min(span.end)));
        } else if line.split_whitespace().nth(6).is_none() && line.contains(['-', '–', '—']) {
            zones.push(span);
        } else {
            // "دبي، الامارات العربيه المتحده (cnn) - ...": where the agency
            // filed from, up to its name, which ends within 120 bytes.
            let head = &line[..crate::normalize::floor_char_boundary(line, 120)];
            // Every mark opens with a bracket: most lines have none.
            if head.contains('(') {
                if let Some(k) = AGENCY_MARKS.iter().filter_map(|m| head.find(m).map(|k| k + m.len())).min() {
                    zones.push(Span::new(span.start, span.start + k));
                }
            }
        }
    }
    zones
}

/// Agency names in parentheses that close a dateline (normalized text).
const AGENCY_MARKS: &[&str] = &["(cnn)", "(رويترز)", "(ا ف ب)", "(اف ب)", "(د ب ا)", "(ا ب)", "(الاناضول)"];

/// Builds an [`Extractor`].
#[derive(Debug, Default)]
pub struct ExtractorBuilder {
    dirs: Vec<PathBuf>,
    files: Vec<PathBuf>,
    core_only: bool,
}

impl ExtractorBuilder {
    /// A builder over the embedded data.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Adds the gazetteer files (`places*.tsv`, `actors*.tsv`, `people*.tsv`)
    /// of a directory; their rows extend or override the embedded ones.
    pub fn gazetteer_dir(mut self, dir: impl Into<PathBuf>) -> ExtractorBuilder {
        self.dirs.push(dir.into());
        self
    }

    /// Leaves out the embedded generated places (every village of Syria and
    /// Iraq, feature `full-gazetteer`) and reads with the curated core
    /// alone; see [`GazetteerBuilder::without_generated_places`].
    pub fn core_places_only(mut self) -> ExtractorBuilder {
        self.core_only = true;
        self
    }

    /// Adds one gazetteer file.
    pub fn gazetteer_file(mut self, file: impl Into<PathBuf>) -> ExtractorBuilder {
        self.files.push(file.into());
        self
    }

    /// Loads the data and compiles the automaton.
    ///
    /// # Errors
    ///
    /// A gazetteer or trigger file that cannot be read or is malformed, with
    /// its file and line.
    pub fn build(self) -> Result<Extractor, GazetteerError> {
        let gazetteer = if self.dirs.is_empty() && self.files.is_empty() && !self.core_only {
            Gaz::Embedded(Gazetteer::embedded())
        } else {
            let mut b = GazetteerBuilder::new();
            if self.core_only {
                b = b.without_generated_places();
            }
            for d in self.dirs {
                b = b.add_dir(d)?;
            }
            for f in self.files {
                b = b.add_file(f);
            }
            Gaz::Owned(Box::new(b.build()?))
        };
        let triggers = Triggers::embedded()?;
        let lexicon_error = |e: crate::lexicon::LexiconError| {
            GazetteerError::new("lexicon", None, GazetteerErrorKind::Io(e.to_string()))
        };
        let mut lb = LexiconBuilder::new();
        gazetteer.register(&mut lb);
        triggers.register(&mut lb);
        let lexicon = lb.build().map_err(lexicon_error)?;
        let mut tb = LexiconBuilder::new();
        triggers.register(&mut tb);
        let trigger_lexicon = tb.build().map_err(lexicon_error)?;
        Ok(Extractor { gazetteer, triggers, lexicon, trigger_lexicon, normalizer: Normalizer::new() })
    }
}
