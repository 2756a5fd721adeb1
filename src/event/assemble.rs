//! From recognized words to events: one candidate per sentence that holds a
//! trigger, its arguments read from the words around the trigger, its
//! modality from cues before it, and candidates that describe the same event
//! merged.
//!
//! Everything here works on the tokens of the normalized text; spans are
//! mapped back to the original only when the public [`Event`]s are built.

use crate::gazetteer::{Actor, ActorKind, Entity, Gazetteer, Person, Place, PlaceKind};
use crate::normalize::Normalized;
use crate::number::Count;
use crate::span::Span;
use crate::time::{Precision, Resolution, Timex};
use crate::token::{Token, TokenKind};

use super::triggers::{TriggerClass, TriggerForm, TriggerRow};
use super::{
    ActorRef, AdminLevel, Casualty, Event, EventDate, EventKind, Evidence, Location, Modality,
    PersonRef, Total, TriggerRef,
};

/// A gazetteer match in the normalized text.
#[derive(Clone, Debug)]
pub(crate) struct Ent<'g> {
    pub entity: Entity<'g>,
    pub span: Span,
}

/// A trigger match in the normalized text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Trig {
    pub row: u32,
    pub span: Span,
}

/// Everything the earlier stages found in one document.
pub(crate) struct Analysis<'a, 'g> {
    pub doc_id: &'a str,
    pub norm: &'a Normalized<'a>,
    pub tokens: &'a [Token],
    pub sentences: &'a [Span],
    pub entities: &'a [Ent<'g>],
    pub triggers: &'a [Trig],
    pub dates: &'a [Timex],
    pub counts: &'a [Count],
    pub gazetteer: &'g Gazetteer,
    pub rows: &'a [TriggerRow],
}

impl Analysis<'_, '_> {
    fn text(&self) -> &str {
        self.norm.as_str()
    }

    /// Index of the token that contains (or follows) `pos`.
    fn tok(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= pos)
    }

    fn word(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map_or("", |t| t.text(self.text()))
    }

    /// The token range of sentence `s`.
    fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        let sp = self.sentences[s];
        (self.tok(sp.start), self.tok(sp.end))
    }

    fn orig(&self, span: Span) -> Span {
        self.norm.original_span(span)
    }

    fn orig_text(&self, span: Span) -> String {
        self.norm.original_text(span).to_string()
    }
}

const HYPOTHETICAL: &[&str] = &[
    "يمكن",
    "يمكنه",
    "يمكنها",
    "يمكنهم",
    "ممكن",
    "الممكن",
    "ربما",
    "محتمل",
    "محتمله",
    "محتملا",
    "المحتمل",
    "احتمال",
    "يحتمل",
    "قادر",
    "قادره",
    "قادرا",
    "يستطيع",
    "تستطيع",
    "يستطيعون",
    "تحاول",
    "يحاول",
    "يحاولون",
    "يسعي",
    "تسعي",
    "يخطط",
    "تخطط",
    "يخططون",
    "خطط",
    "مخطط",
    "يعتزم",
    "تعتزم",
    "ينوي",
    "تنوي",
    "المتوقع",
    "يتوقع",
    "تتوقع",
    "يتوقعون",
    "توقع",
    "توقعت",
    "يرجح",
    "رجح",
    "ترجح",
    "مرجح",
    "المرجح",
    "تهدف",
    "يهدف",
    "لو",
    "اذا",
    "يجب",
    "ينبغي",
    "سوف",
    "سيتم",
    "ستتم",
    "سيشن",
    "ستشن",
    "سيشنون",
    "سيقوم",
    "ستقوم",
    "سيكون",
    "ستكون",
    "سيواصل",
    "ستواصل",
    "سيعمل",
    "ستعمل",
    "هدد",
    "هددت",
    "يهدد",
    "تهدد",
    "توعد",
    "توعدت",
    "يتوعد",
    "تتوعد",
    "تهديد",
    "تهديدات",
    "وعيد",
    "بالانتقام",
    "انتقاما",
    "مرتقب",
    "وشيك",
    "تقويض",
    "تقوض",
    "يقوض",
    "تعميم",
];
const DENIAL: &[&str] = &[
    "نفي",
    "نفت",
    "نفوا",
    "ينفي",
    "تنفي",
    "نافيا",
    "نافيه",
    "كذب",
    "كذبت",
];
const NEGATION: &[&str] = &["لم", "لن", "لا", "عدم", "دون"];
const CLAIM: &[&str] = &[
    "زعم",
    "زعمت",
    "زعموا",
    "يزعم",
    "تزعم",
    "ادعي",
    "ادعت",
    "مزاعم",
];
const STATISTICS: &[&str] = &[
    "شهريا",
    "سنويا",
    "اسبوعيا",
    "يوميا",
    "متوسط",
    "متوسطه",
    "بمعدل",
    "معدل",
];
const NEAR: &[&str] = &[
    "قرب",
    "بالقرب",
    "بقرب",
    "مقربه",
    "بمقربه",
    "شرق",
    "غرب",
    "شمال",
    "جنوب",
    "شرقي",
    "غربي",
    "شمالي",
    "جنوبي",
    "ريف",
    "بريف",
    "محيط",
    "بمحيط",
    "اطراف",
    "باطراف",
    "حول",
    "ضواحي",
    "بضواحي",
    "مشارف",
    "مدخل",
];
/// Words after which an actor is the agent of a noun trigger (هجوم شنه
/// التنظيم، عمليه نفذتها قوات التحالف).
const AGENT_MARKERS: &[&str] = &[
    "شنه",
    "شنها",
    "شنته",
    "شنتها",
    "شنوه",
    "نفذه",
    "نفذها",
    "نفذته",
    "نفذتها",
    "نفذوه",
    "نفذوها",
    "نصبه",
    "نصبته",
    "نصبها",
    "نصبتها",
    "تبناه",
    "تبنته",
    "تبناها",
    "تبنتها",
    "بقياده",
    "يد",
    "قبل",
    "بواسطه",
    "شنت",
    "شن",
    "نفذ",
    "نفذت",
    "شنوا",
    "نفذوا",
];
/// Verbs that put the agent between them and a noun trigger (شنت الجماعه هجوما).
const LIGHT_VERBS: &[&str] = &[
    "شن",
    "شنت",
    "شنوا",
    "نفذ",
    "نفذت",
    "نفذوا",
    "نصب",
    "نصبت",
    "نصبوا",
];
const TARGET_MARKERS: &[&str] = &["ضد", "علي", "استهدف", "استهدفت", "استهداف", "بحق"];
const SPEECH: &[&str] = &[
    "قال",
    "قالت",
    "اعلن",
    "اعلنت",
    "افاد",
    "افادت",
    "ذكر",
    "ذكرت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "اشار",
    "اشارت",
    "صرح",
    "صرحت",
    "بحسب",
    "وفق",
    "وفقا",
    "حسب",
    "نقلا",
    "لقناه",
    "لوكاله",
];
/// Nouns of membership: an actor after them (قيادي في داعش، زعيم التنظيم) is
/// the side the person belongs to.
const MEMBER_NOUNS: &[&str] = &[
    "قيادي",
    "قياديا",
    "القيادي",
    "عنصر",
    "عناصر",
    "زعيم",
    "امير",
    "مسوول",
    "قاده",
    "قايد",
    "اعضاء",
    "عضو",
    "مقاتلي",
    "خليفه",
    "والي",
    "مسلحي",
    "خلايا",
    "خليه",
    "مسوولي",
    "قيادات",
    "متزعم",
];
const RELATIVE: &[&str] = &["التي", "الذي", "الذين", "اللذين", "حيث", "بينما", "عندما"];
/// Casualty nouns that are the attackers' side.
const ATTACKER_NOUNS: &[&str] = &[
    "المسلح",
    "المهاجم",
    "الانتحاري",
    "منفذ",
    "منفذي",
    "المهاجمين",
    "المسلحين",
    "الانتحاريين",
    "مهاجم",
    "مهاجمين",
    "انتحاري",
    "انتحاريين",
    "انتحاريا",
];
/// Singular nouns that count one victim (قيادي، المسلح) or coordinate one
/// more (جنديان ومترجم).
const SINGULAR_VICTIMS: &[&str] = &[
    "مترجم",
    "ضابط",
    "جندي",
    "طفل",
    "طفله",
    "مدني",
    "شرطي",
    "عسكري",
    "قيادي",
    "امير",
    "مسوول",
    "صحفي",
    "سايق",
    "المسلح",
    "المهاجم",
    "الانتحاري",
    "خليفه",
    "زعيم",
    "قايد",
    "حارس",
    "امراه",
    "رجل",
    "شخص",
    "عنصر",
    "مقاتل",
    "متعاقد",
    "مستشار",
    "طيار",
];
/// Targets that stand for civilians (a church, a market).
const CIVILIAN_TARGETS: &[&str] = &[
    "كنيسه",
    "مسجد",
    "جامع",
    "سوق",
    "مدرسه",
    "مستشفي",
    "حافله",
    "مطعم",
    "حسينيه",
    "المصلين",
    "مصلين",
    "مدنيين",
    "المدنيين",
    "مدنيا",
    "مخيم",
    "زفاف",
    "جنازه",
    "عزاء",
];
/// Place nouns that refer back to the last place named (المدينه).
const PLACE_ANAPHORS: &[&str] = &[
    "المدينه",
    "البلده",
    "القريه",
    "بالمدينه",
    "بالبلده",
    "بالقريه",
];

/// A candidate event, in normalized offsets.
#[derive(Clone, Debug)]
struct Cand<'g> {
    kind: EventKind,
    weak: bool,
    modality: Modality,
    trigger: Span,
    place: Option<(&'g Place, Span, &'static str)>,
    date: Option<Timex>,
    perps: Vec<(&'g Actor, Span)>,
    targets: Vec<(&'g Actor, Span)>,
    persons: Vec<(&'g Person, Span, &'static str)>,
    casualties: Vec<Cas<'g>>,
    evidence: Vec<Span>,
    sentence: usize,
}

#[derive(Clone, Debug)]
struct Cas<'g> {
    outcome: &'static str,
    min: u64,
    max: Option<u64>,
    approx: bool,
    group: &'static str,
    actor: Option<&'g Actor>,
    span: Span,
}

/// Builds the document's events.
pub(crate) fn assemble(a: &Analysis<'_, '_>) -> Vec<Event> {
    let resolved = resolve_anaphors(a);
    let mut cands: Vec<Cand<'_>> = Vec::new();
    let mut last_place: Option<(&Place, Span)> = None;
    for s in 0..a.sentences.len() {
        let (ts, te) = a.sentence_tokens(s);
        if ts >= te {
            continue;
        }
        let sp = a.sentences[s];
        let in_s = |span: Span| span.start >= sp.start && span.end <= sp.end;
        let trigs: Vec<&Trig> = a.triggers.iter().filter(|t| in_s(t.span)).collect();
        let places: Vec<(&Place, Span)> = a
            .entities
            .iter()
            .filter(|e| in_s(e.span))
            .filter_map(|e| match e.entity {
                Entity::Place(p) => Some((p, e.span)),
                _ => None,
            })
            .collect();
        let statistics = (ts..te).any(|i| STATISTICS.contains(&a.word(i)));
        let dates: Vec<&Timex> = a.dates.iter().filter(|d| in_s(d.span)).collect();
        let counts: Vec<&Count> = a.counts.iter().filter(|c| in_s(c.span)).collect();
        let casualty_trigs: Vec<&Trig> = trigs
            .iter()
            .copied()
            .filter(|t| {
                matches!(
                    a.rows[t.row as usize].class,
                    TriggerClass::Killed | TriggerClass::Wounded | TriggerClass::Captured
                )
            })
            .collect();
        // The main trigger: the most specific event trigger of the sentence.
        let main = trigs
            .iter()
            .copied()
            .filter(|t| {
                let row = &a.rows[t.row as usize];
                let Some(_) = row.kind else { return false };
                match row.class {
                    TriggerClass::Event | TriggerClass::Weak => true,
                    TriggerClass::Plural => {
                        dates.iter().any(|d| !d.future)
                            || (!casualty_trigs.is_empty() && !counts.is_empty())
                    }
                    _ => false,
                }
            })
            .filter(|t| {
                let row = &a.rows[t.row as usize];
                row.requires.is_empty() || {
                    let at = a.tok(t.span.end);
                    (at..te).any(|i| row.requires.iter().any(|r| a.word(i).ends_with(r.as_str())))
                }
            })
            .filter(|t| !in_detention_name(a, t))
            .min_by_key(|t| {
                let row = &a.rows[t.row as usize];
                let weak = row.class == TriggerClass::Weak;
                (weak, row.kind.map_or(99, |k| k.priority()), t.span.start)
            });
        let Some(main) = main else {
            // Casualties with no event word: they belong to the event of the
            // sentence before, when there is one.
            if !casualty_trigs.is_empty() && !statistics {
                if let Some(c) = cands
                    .last_mut()
                    .filter(|c| c.sentence + 1 == s && c.modality.is_reported())
                {
                    let extra =
                        casualties(a, &resolved, &casualty_trigs, &counts, (ts, te), &c.perps);
                    if !extra.is_empty() {
                        c.casualties.extend(extra);
                        c.evidence.push(sp);
                    }
                }
            }
            remember_place(&places, &mut last_place);
            continue;
        };
        if statistics {
            remember_place(&places, &mut last_place);
            continue;
        }
        let row = &a.rows[main.row as usize];
        let kind = row.kind.expect("filtered on kind");
        let t_tok = a.tok(main.span.start);
        let modality = modality(a, ts, t_tok, a.tok(main.span.end), &dates);
        // Place: the most specific of the sentence; else a place noun that
        // refers back (المدينه).
        let place = places
            .iter()
            .min_by_key(|(p, sp)| (specificity(p.kind), sp.start))
            .map(|(p, sp)| (*p, *sp, relation(a, a.tok(sp.start))))
            .or_else(|| {
                let anaphor = (ts..te).find(|&i| PLACE_ANAPHORS.contains(&a.word(i)))?;
                let (p, _) = last_place?;
                Some((p, a.tokens[anaphor].span, "in"))
            });
        remember_place(&places, &mut last_place);
        let date = pick_date(&dates, main.span.start).copied();
        let (perps, targets) = roles(a, &resolved, (ts, te), main, row.form, kind);
        let casualties = if modality.is_reported() {
            casualties(a, &resolved, &casualty_trigs, &counts, (ts, te), &perps)
        } else {
            Vec::new()
        };
        let mut targets = targets;
        for c in &casualties {
            if let (Some(actor), "victims") = (c.actor, c.group) {
                if !targets.iter().any(|(t, _)| t.id == actor.id)
                    && !perps.iter().any(|(p, _)| p.id == actor.id)
                {
                    targets.push((actor, c.span));
                }
            }
        }
        if targets.is_empty()
            && (t_tok..te).any(|i| {
                CIVILIAN_TARGETS
                    .iter()
                    .any(|w| strip_clitic(a.word(i)) == *w)
            })
        {
            if let Some(civ) = a.gazetteer.actor("civilians") {
                targets.push((civ, main.span));
            }
        }
        let persons = persons(a, (ts, te), &casualties);
        // A person killed or captured in the event: their side is a target.
        for (p, sp, role) in &persons {
            if *role != "target" {
                continue;
            }
            if let Some(aff) = p
                .affiliation
                .as_deref()
                .and_then(|id| a.gazetteer.actor(id))
            {
                if !targets.iter().any(|(t, _)| t.id == aff.id)
                    && !perps.iter().any(|(x, _)| x.id == aff.id)
                {
                    targets.push((aff, *sp));
                }
            }
        }
        cands.push(Cand {
            kind,
            weak: row.class == TriggerClass::Weak,
            modality,
            trigger: main.span,
            place,
            date,
            perps,
            targets,
            persons,
            casualties,
            evidence: vec![sp],
            sentence: s,
        });
    }
    let merged = merge(cands, a.gazetteer);
    build(a, merged)
}

fn remember_place<'g>(places: &[(&'g Place, Span)], last: &mut Option<(&'g Place, Span)>) {
    if let Some(p) = places
        .iter()
        .filter(|(p, _)| p.kind != PlaceKind::Country)
        .min_by_key(|(p, _)| specificity(p.kind))
    {
        *last = Some(*p);
    }
}

/// "اعتقال" in معسكرات اعتقال / مراكز اعتقال names a facility, not an arrest.
fn in_detention_name(a: &Analysis<'_, '_>, t: &Trig) -> bool {
    let i = a.tok(t.span.start);
    i > 0 && matches!(a.rows[t.row as usize].kind, Some(EventKind::Arrest)) && {
        let prev = strip_clitic(a.word(i - 1));
        prev.starts_with("معسكر")
            || prev.starts_with("مركز")
            || prev.starts_with("مراكز")
            || prev.starts_with("مخيم")
            || prev.starts_with("سجون")
    }
}

fn strip_clitic(w: &str) -> &str {
    for p in ["وال", "بال", "فال", "لل", "ال", "و", "ب", "ف", "ل"] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.len() >= 6 {
                return rest;
            }
        }
    }
    w
}

/// Smaller is more specific.
fn specificity(k: PlaceKind) -> u8 {
    match k {
        PlaceKind::Neighbourhood => 0,
        PlaceKind::Camp | PlaceKind::Prison | PlaceKind::Airbase | PlaceKind::OilField => 1,
        PlaceKind::Village | PlaceKind::Town => 2,
        PlaceKind::City => 3,
        PlaceKind::Subdistrict => 4,
        PlaceKind::District => 5,
        PlaceKind::Region => 6,
        PlaceKind::Governorate => 7,
        PlaceKind::Country => 8,
    }
}

fn relation(a: &Analysis<'_, '_>, tok: usize) -> &'static str {
    let near = (tok.saturating_sub(3)..tok).any(|i| NEAR.contains(&a.word(i)))
        || a.tokens.get(tok).is_some_and(|t| {
            let w = t.text(a.text());
            NEAR.iter().any(|n| w.starts_with(n) && w.len() > n.len())
        });
    if near { "near" } else { "in" }
}

fn pick_date<'t>(dates: &[&'t Timex], trigger: usize) -> Option<&'t Timex> {
    // A date that introduces the sentence (وفي مايو 2015، ...) or the
    // nearest before the trigger; else the first after it. Relative years
    // (قبل ثلاث سنوات) only when nothing else is there.
    let good =
        |d: &&&Timex| !(d.resolved_from == Resolution::Relative && d.precision == Precision::Year);
    dates
        .iter()
        .filter(good)
        .rfind(|d| d.span.end <= trigger)
        .or_else(|| dates.iter().filter(good).find(|d| d.span.start >= trigger))
        .or_else(|| dates.first())
        .copied()
}

fn modality(
    a: &Analysis<'_, '_>,
    ts: usize,
    t_tok: usize,
    t_end: usize,
    dates: &[&Timex],
) -> Modality {
    let mut m = Modality::Asserted;
    for i in ts..t_tok {
        let w = a.word(i);
        let bare = w.strip_prefix('و').filter(|r| r.len() > 2).unwrap_or(w);
        if DENIAL.contains(&bare) {
            return Modality::Negated;
        }
        if HYPOTHETICAL.contains(&bare)
            || (bare == "قد" && imperfect(a.word(i + 1)))
            || future_verb(bare)
        {
            m = Modality::Hypothetical;
        }
        if CLAIM.contains(&bare) && m == Modality::Asserted {
            m = Modality::Claimed;
        }
    }
    // لم يقع هجوم، لن تشن: a negation right before the trigger.
    if (t_tok.saturating_sub(2).max(ts)..t_tok).any(|i| NEGATION.contains(&a.word(i))) {
        return Modality::Negated;
    }
    // هجوم محتمل / هجوم اخر: a possible or another attack.
    for i in t_end..(t_end + 2).min(a.tokens.len()) {
        if matches!(
            a.word(i),
            "محتمل"
                | "محتمله"
                | "مرتقب"
                | "وشيك"
                | "محتملا"
                | "اخر"
                | "مماثل"
                | "واحد"
        ) {
            return Modality::Hypothetical;
        }
    }
    if m == Modality::Asserted && dates.iter().any(|d| d.future) {
        return Modality::Hypothetical;
    }
    m
}

/// A future verb: س + imperfect (ستفتح، سيشن), not a word that merely starts
/// so (سيطر، سياره، سياسه، ستة).
fn future_verb(w: &str) -> bool {
    const NOT: &[&str] = &[
        "سيطر",
        "سيار",
        "سياس",
        "سياد",
        "سياق",
        "سيد",
        "سين",
        "سيول",
        "سيف",
        "ستار",
        "ستين",
        "سته",
        "ستا",
        "سنه",
        "سنو",
        "سنت",
        "سنغ",
        "سنا",
        "سني",
        "سيرت",
        "سير",
        "سيم",
        "سيا",
        "ستر",
        "ستوديو",
        "سنج",
    ];
    let Some(rest) = w.strip_prefix('س') else {
        return false;
    };
    rest.chars().count() >= 3
        && matches!(rest.chars().next(), Some('ي' | 'ت' | 'ن'))
        && !NOT.iter().any(|n| w.starts_with(n))
}

/// An imperfect verb after قد makes it "may" (قد يحدث); a perfect one "has" (قد ترددت).
fn imperfect(w: &str) -> bool {
    let mut c = w.chars();
    match c.next() {
        Some('ي' | 'ن') => true,
        Some('ت') => !w.ends_with('ت') && !w.ends_with("وا"),
        _ => false,
    }
}

/// Each entity index → the actor it stands for (an anaphor resolves to the
/// last militant group named before it).
fn resolve_anaphors<'g>(a: &Analysis<'_, 'g>) -> Vec<Option<&'g Actor>> {
    let mut last: Option<&'g Actor> = None;
    a.entities
        .iter()
        .map(|e| match e.entity {
            Entity::Actor(x) => {
                if matches!(x.kind, ActorKind::MilitantGroup | ActorKind::Militia) {
                    last = Some(x);
                }
                Some(x)
            }
            Entity::Anaphor(_) => last,
            _ => None,
        })
        .collect()
}

type Roles<'g> = (Vec<(&'g Actor, Span)>, Vec<(&'g Actor, Span)>);

/// Perpetrators and targets from the positions of actors around the trigger.
fn roles<'g>(
    a: &Analysis<'_, 'g>,
    resolved: &[Option<&'g Actor>],
    (ts, te): (usize, usize),
    main: &Trig,
    form: TriggerForm,
    kind: EventKind,
) -> Roles<'g> {
    let t0 = a.tok(main.span.start);
    let t1 = a.tok(main.span.end);
    let mut actors: Vec<(usize, &'g Actor, Span)> = Vec::new();
    for (k, e) in a.entities.iter().enumerate() {
        let i = a.tok(e.span.start);
        if i < ts || i >= te {
            continue;
        }
        if let Some(actor) = resolved[k] {
            if actor.kind != ActorKind::Anaphoric {
                actors.push((i, actor, e.span));
            }
        }
    }
    let mut perps: Vec<(&'g Actor, Span)> = Vec::new();
    let mut targets: Vec<(&'g Actor, Span)> = Vec::new();
    let push = |v: &mut Vec<(&'g Actor, Span)>, x: &'g Actor, sp: Span| {
        if !v.iter().any(|(y, _)| y.id == x.id) {
            v.push((x, sp));
        }
    };
    // The clause after the trigger ends at a relative pronoun or a speech verb.
    let inside_entity = |i: usize| {
        let sp = a.tokens[i].span;
        a.entities
            .iter()
            .any(|e| e.span.start < sp.start && sp.end <= e.span.end)
    };
    let clause_end = (t1..te)
        .find(|&i| RELATIVE.contains(&a.word(i)) && !inside_entity(i))
        .unwrap_or(te);
    let actor_start = |k: usize| actors.iter().any(|&(i, _, _)| i == k);
    let trigger_text = &a.text()[main.span];
    let patient_noun = trigger_text.contains("استهداف");
    // Roles already given, by the token where each actor ends, for coordination.
    let mut given: Vec<(usize, bool)> = Vec::new();
    // تعرض/تعرضت: its subject is the target.
    let exposed = (ts..t0)
        .rev()
        .take(4)
        .find(|&i| a.word(i).starts_with("تعرض"));
    let passive = t0 > ts && matches!(a.word(t0 - 1), "تم" | "جري");
    for &(i, actor, sp) in &actors {
        let prev = |k: usize| if i >= k { a.word(i - k) } else { "" };
        let before = i < t0;
        let speaker = (1..=2).any(|k| SPEECH.contains(&prev(k)));
        if speaker {
            continue;
        }
        let last_tok = a.tok(sp.end.saturating_sub(1));
        // وقوات سوريه right after another actor: the same role.
        let word_i = a.tokens[i].text(a.text());
        if word_i.starts_with('و') {
            if let Some(&(end, perp)) = given.iter().rev().find(|(end, _)| end + 1 == i) {
                if perp {
                    push(&mut perps, actor, sp);
                } else {
                    push(&mut targets, actor, sp);
                }
                given.push((last_tok, perp));
                let _ = end;
                continue;
            }
        }
        let member = MEMBER_NOUNS.contains(&strip_clitic(prev(1)))
            || (matches!(prev(1), "في" | "من" | "ب")
                && (2..=3).any(|k| MEMBER_NOUNS.contains(&strip_clitic(prev(k)))));
        // Distance to the trigger in words outside entity names (التحالف
        // الذي تقوده الولايات المتحده is one step).
        let gap = |from: usize, to: usize| {
            (from..to)
                .filter(|&k| !inside_entity(k) && !actor_start(k))
                .count()
        };
        let near_trigger =
            (before && gap(i, t0) <= 6) || (!before && i < clause_end && gap(t1, i) <= 8);
        let before_len = perps.len();
        let before_targets = targets.len();
        let clitic_l = a.tokens[i].text(a.text()).starts_with('ل')
            && !a.tokens[i].text(a.text()).starts_with("لل");
        if (1..=3).any(|k| AGENT_MARKERS.contains(&prev(k))) && !before {
            push(&mut perps, actor, sp);
        } else if (member && near_trigger)
            || near_trigger
                && ((1..=2).any(|k| TARGET_MARKERS.contains(&prev(k)))
                    || (i > t0 && prev(1) == "من" && kind == EventKind::TerritorySeized))
        {
            push(&mut targets, actor, sp);
        } else if let Some(x) = exposed
            .filter(|&x| x < i && i < t0)
            .or(exposed.filter(|_| before && i + 6 >= t0))
        {
            let _ = x;
            push(&mut targets, actor, sp);
        } else if before {
            // SVO: an actor shortly before a verb trigger, or between a light
            // verb and a noun trigger (شنت الجماعه هجوما).
            let light = (ts..i)
                .rev()
                .take(2)
                .any(|k| LIGHT_VERBS.contains(&a.word(k)));
            if (form == TriggerForm::Verb && i + 8 >= t0) || (light && i + 3 >= t0) {
                push(&mut perps, actor, sp);
            }
        } else if i < clause_end && gap(t1, i) <= 4 {
            match form {
                TriggerForm::Verb if passive => push(&mut targets, actor, sp),
                TriggerForm::Verb => {
                    if perps.is_empty() {
                        push(&mut perps, actor, sp);
                    } else {
                        push(&mut targets, actor, sp);
                    }
                }
                TriggerForm::Noun => {
                    let patient_kind = matches!(
                        kind,
                        EventKind::Arrest
                            | EventKind::Kidnapping
                            | EventKind::Assassination
                            | EventKind::Execution
                            | EventKind::Raid
                            | EventKind::DisruptedAttack
                    );
                    if clitic_l || !(patient_kind || patient_noun) {
                        push(&mut perps, actor, sp);
                    } else {
                        push(&mut targets, actor, sp);
                    }
                }
            }
        }
        if perps.len() > before_len {
            given.push((last_tok, true));
        } else if targets.len() > before_targets {
            given.push((last_tok, false));
        }
    }
    perps.retain(|(p, _)| !targets.iter().any(|(t, _)| t.id == p.id));
    (perps, targets)
}

/// Casualty groups of a sentence: each casualty word with its count (after
/// it, or before it), its actor, and coordinated singulars (ومترجم).
fn casualties<'g>(
    a: &Analysis<'_, 'g>,
    resolved: &[Option<&'g Actor>],
    trigs: &[&Trig],
    counts: &[&Count],
    (ts, te): (usize, usize),
    perps: &[(&'g Actor, Span)],
) -> Vec<Cas<'g>> {
    let mut out: Vec<Cas<'g>> = Vec::new();
    let mut used: Vec<Span> = Vec::new();
    for t in trigs {
        let row = &a.rows[t.row as usize];
        let outcome = match row.class {
            TriggerClass::Killed => "killed",
            TriggerClass::Wounded => "wounded",
            TriggerClass::Captured => "captured",
            _ => continue,
        };
        let ti = a.tok(t.span.start);
        let te_ = a.tok(t.span.end);
        // A hypothetical cue right before this casualty word (يمكنه قتل).
        if (ti.saturating_sub(3).max(ts)..ti)
            .any(|i| HYPOTHETICAL.contains(&a.word(i)) || NEGATION.contains(&a.word(i)))
        {
            continue;
        }
        // The count: right after (مقتل 25 شخصا، اسفر عن مقتل), or right before (25 قتيلا).
        let after = counts.iter().find(|c| {
            let ci = a.tok(c.span.start);
            ci >= te_ && ci <= te_ + 2 && !used.contains(&c.span)
        });
        let before = counts.iter().find(|c| {
            let ce = a.tok(c.span.end);
            ce <= ti && ce + 1 >= ti && !used.contains(&c.span)
        });
        let count = match row.form {
            // A passive verb is followed by its subject (قتل جنديان); a
            // casualty noun (قتلي) is preceded by its number.
            TriggerForm::Verb => after.or(before),
            TriggerForm::Noun => after.or(before),
        };
        let (min, max, approx, span, noun_tok) = match count {
            Some(c) => {
                used.push(c.span);
                (c.min, c.max, c.approx, c.span, a.tok(c.span.end))
            }
            None => {
                // A singular victim named after the word (مقتل المسلح، مقتل
                // خليفه التنظيم), or a person before a passive verb.
                let single = (te_..(te_ + 2).min(te))
                    .find(|&i| SINGULAR_VICTIMS.contains(&strip_clitic(a.word(i))));
                let person_before = a.entities.iter().any(|e| {
                    matches!(e.entity, Entity::Person(_)) && {
                        let pi = a.tok(e.span.start);
                        pi >= ts && pi < ti
                    }
                });
                match single {
                    Some(i) => (1, Some(1), false, a.tokens[i].span, i + 1),
                    None if person_before && row.form == TriggerForm::Verb => {
                        (1, Some(1), false, t.span, te_)
                    }
                    None => continue,
                }
            }
        };
        // The casualties' actor: an actor mention within 3 tokens after the count.
        let mut actor = None;
        for (k, e) in a.entities.iter().enumerate() {
            let i = a.tok(e.span.start);
            if i >= noun_tok && i <= noun_tok + 3 && i < te {
                if let Some(x) = resolved[k] {
                    actor = Some(x);
                    break;
                }
            }
        }
        let noun = strip_clitic(a.word(noun_tok.saturating_sub(1)));
        let noun_next = a.word(noun_tok);
        let attacker = ATTACKER_NOUNS.contains(&noun)
            || ATTACKER_NOUNS.contains(&strip_clitic(noun_next))
            || a.word(a.tok(span.start)) == "المسلح";
        let group = if attacker || actor.is_some_and(|x| perps.iter().any(|(p, _)| p.id == x.id)) {
            "perpetrators"
        } else {
            "victims"
        };
        let cas_span = span.cover(t.span);
        out.push(Cas {
            outcome,
            min,
            max,
            approx,
            group,
            actor,
            span: cas_span,
        });
        // جنديان أمريكيان ومترجم: a coordinated singular is one more.
        let mut j = noun_tok;
        while j < te && j <= noun_tok + 3 {
            let w = a.word(j);
            if let Some(rest) = w.strip_prefix('و') {
                if SINGULAR_VICTIMS.contains(&rest) {
                    out.push(Cas {
                        outcome,
                        min: 1,
                        max: Some(1),
                        approx: false,
                        group: "victims",
                        actor: None,
                        span: a.tokens[j].span,
                    });
                    break;
                }
            }
            j += 1;
        }
    }
    // برفقه نساء: unnumbered companions make the killed count open.
    if let Some(first) = out
        .iter()
        .position(|c| c.outcome == "killed" && c.group == "victims")
    {
        if (ts..te).any(|i| matches!(a.word(i), "برفقه" | "رفقه")) {
            out[first].max = None;
        }
    }
    out
}

fn persons<'g>(
    a: &Analysis<'_, 'g>,
    (ts, te): (usize, usize),
    cas: &[Cas<'g>],
) -> Vec<(&'g Person, Span, &'static str)> {
    let mut out: Vec<(&'g Person, Span, &'static str)> = Vec::new();
    for e in a.entities {
        let Entity::Person(p) = e.entity else {
            continue;
        };
        let i = a.tok(e.span.start);
        if i < ts || i >= te {
            continue;
        }
        let role_l = p.role.to_lowercase();
        if [
            "analyst",
            "researcher",
            "spokes",
            "journalist",
            "expert",
            "fellow",
        ]
        .iter()
        .any(|r| role_l.contains(r))
        {
            continue;
        }
        let role = if cas.iter().any(|c| c.outcome == "killed") {
            "target"
        } else {
            "mentioned"
        };
        if !out.iter().any(|(q, _, _)| q.id == p.id) {
            out.push((p, e.span, role));
        }
    }
    out
}

/// Whether two candidates can be one event.
fn compatible(a: &Cand<'_>, b: &Cand<'_>, g: &Gazetteer) -> bool {
    if a.modality.is_reported() != b.modality.is_reported() {
        return false;
    }
    let kinds = a.kind.family() == b.kind.family() || a.weak || b.weak;
    if !kinds {
        return false;
    }
    let places = match (&a.place, &b.place) {
        (Some((p, _, _)), Some((q, _, _))) => {
            p.id == q.id
                || g.admin_chain(p).iter().any(|x| x.id == q.id)
                || g.admin_chain(q).iter().any(|x| x.id == p.id)
        }
        _ => true,
    };
    let dates = match (&a.date, &b.date) {
        (Some(x), Some(y)) => {
            let (x, y) = (x.value, y.value);
            (x.year.is_none() || y.year.is_none() || x.year == y.year)
                && (x.month.is_none() || y.month.is_none() || x.month == y.month)
                && (x.day.is_none() || y.day.is_none() || x.day == y.day)
        }
        _ => true,
    };
    places && dates
}

fn merge<'g>(cands: Vec<Cand<'g>>, g: &Gazetteer) -> Vec<Cand<'g>> {
    let mut out: Vec<Cand<'g>> = Vec::new();
    for c in cands {
        // A generic reference (العمليه، الحادث) joins only a mention close by.
        let target = out.iter().rposition(|e| {
            compatible(e, &c, g) && (!(e.weak || c.weak) || c.sentence <= e.sentence + 3)
        });
        match target {
            None => out.push(c),
            Some(k) => {
                let e = &mut out[k];
                // Kind: a specific mention over a weak one, the more specific
                // kind within a family.
                if (e.weak && !c.weak)
                    || (!c.weak
                        && c.kind.family() == e.kind.family()
                        && c.kind.priority() < e.kind.priority())
                {
                    if e.weak {
                        e.trigger = c.trigger;
                    }
                    e.kind = c.kind;
                }
                // A weak mention only fills what a specific one lacks.
                let refine = !c.weak || e.weak;
                e.weak &= c.weak;
                match (&e.place, &c.place) {
                    (None, Some(_)) => e.place = c.place,
                    (Some((p, _, _)), Some((q, _, _)))
                        if refine && specificity(q.kind) < specificity(p.kind) =>
                    {
                        e.place = c.place
                    }
                    _ => {}
                }
                match (&e.date, &c.date) {
                    (None, Some(_)) => e.date = c.date,
                    (Some(x), Some(y))
                        if refine
                            && (y.precision < x.precision
                                || (!x.value.is_complete() && y.value.is_complete())) =>
                    {
                        e.date = c.date
                    }
                    _ => {}
                }
                for p in c.perps {
                    if !e.perps.iter().any(|(x, _)| x.id == p.0.id)
                        && !e.targets.iter().any(|(x, _)| x.id == p.0.id)
                    {
                        e.perps.push(p);
                    }
                }
                for t in c.targets {
                    if !e.targets.iter().any(|(x, _)| x.id == t.0.id)
                        && !e.perps.iter().any(|(x, _)| x.id == t.0.id)
                    {
                        e.targets.push(t);
                    }
                }
                for p in c.persons {
                    if !e.persons.iter().any(|(x, _, _)| x.id == p.0.id) {
                        e.persons.push(p);
                    }
                }
                // Repeated mentions repeat counts: keep, per outcome, the
                // mention that gives the larger victim total.
                for outcome in ["killed", "wounded", "captured"] {
                    let total = |v: &[Cas<'_>]| {
                        v.iter()
                            .filter(|x| x.outcome == outcome && x.group == "victims")
                            .map(|x| x.min)
                            .sum::<u64>()
                    };
                    if total(&c.casualties) > total(&e.casualties) {
                        e.casualties
                            .retain(|x| x.outcome != outcome || x.group != "victims");
                        e.casualties.extend(
                            c.casualties
                                .iter()
                                .filter(|x| x.outcome == outcome && x.group == "victims")
                                .cloned(),
                        );
                    }
                }
                for x in c
                    .casualties
                    .into_iter()
                    .filter(|x| x.group == "perpetrators")
                {
                    if !e
                        .casualties
                        .iter()
                        .any(|y| y.group == "perpetrators" && y.outcome == x.outcome)
                    {
                        e.casualties.push(x);
                    }
                }
                e.evidence.extend(c.evidence);
                e.sentence = e.sentence.max(c.sentence);
            }
        }
    }
    // A generic reference that found no specific mention is not an event; a
    // specific one with no place, date, actor or count is too vague to report.
    let specific_place = |c: &Cand<'_>| {
        c.place
            .is_some_and(|(p, _, _)| p.kind != PlaceKind::Country)
    };
    out.retain(|c| !c.weak && (specific_place(c) || c.date.is_some() || !c.casualties.is_empty()));
    out
}

fn total(cas: &[Cas<'_>], outcome: &str) -> Option<Total> {
    let parts: Vec<&Cas<'_>> = cas
        .iter()
        .filter(|c| c.outcome == outcome && c.group == "victims")
        .collect();
    if parts.is_empty() {
        return None;
    }
    let min = parts.iter().map(|c| c.min).fold(0u64, u64::saturating_add);
    let max = parts
        .iter()
        .try_fold(0u64, |acc, c| c.max.map(|m| acc.saturating_add(m)));
    Some(Total {
        min,
        max,
        approx: parts.iter().any(|c| c.approx),
    })
}

fn build(a: &Analysis<'_, '_>, cands: Vec<Cand<'_>>) -> Vec<Event> {
    let g = a.gazetteer;
    cands
        .into_iter()
        .enumerate()
        .map(|(n, c)| {
            let actor_ref = |(x, sp): &(&Actor, Span)| ActorRef {
                id: x.id.clone(),
                name: x.name_en.clone(),
                span: a.orig(*sp),
            };
            let location = c.place.map(|(p, sp, relation)| Location {
                id: p.id.clone(),
                name: p.name_en.clone(),
                name_ar: p.name_ar.clone(),
                kind: p.kind.as_str().to_string(),
                admin: g
                    .admin_chain(p)
                    .iter()
                    .map(|q| AdminLevel {
                        level: q.kind.as_str().to_string(),
                        name: q.name_en.clone(),
                    })
                    .collect(),
                lat: p.lat,
                lon: p.lon,
                relation,
                span: a.orig(sp),
            });
            let date = c.date.map(|d| EventDate {
                value: d.value,
                precision: d.precision,
                resolved_from: d.resolved_from,
                text: a.orig_text(d.span),
                span: a.orig(d.span),
            });
            let casualties: Vec<Casualty> = c
                .casualties
                .iter()
                .map(|x| Casualty {
                    outcome: x.outcome,
                    min: x.min,
                    max: x.max,
                    approx: x.approx,
                    group: x.group,
                    actor: x.actor.map(|y| y.id.clone()),
                    text: a.orig_text(x.span),
                    span: a.orig(x.span),
                })
                .collect();
            let filled = [
                location.is_some(),
                date.is_some(),
                !c.perps.is_empty() || !c.targets.is_empty(),
                !casualties.is_empty(),
            ];
            let confidence = 0.4
                + 0.12 * filled.iter().filter(|x| **x).count() as f32
                + if c.evidence.len() > 1 { 0.1 } else { 0.0 };
            Event {
                doc_id: a.doc_id.to_string(),
                event_id: format!("{}#{}", a.doc_id, n + 1),
                kind: c.kind,
                modality: c.modality,
                date,
                location,
                perpetrators: c.perps.iter().map(actor_ref).collect(),
                targets: c.targets.iter().map(actor_ref).collect(),
                persons: c
                    .persons
                    .iter()
                    .map(|(p, sp, role)| PersonRef {
                        id: p.id.clone(),
                        name: p.name_en.clone(),
                        role,
                        span: a.orig(*sp),
                    })
                    .collect(),
                killed: total(&c.casualties, "killed"),
                wounded: total(&c.casualties, "wounded"),
                captured: total(&c.casualties, "captured"),
                casualties,
                trigger: TriggerRef {
                    text: a.orig_text(c.trigger),
                    span: a.orig(c.trigger),
                },
                evidence: c
                    .evidence
                    .iter()
                    .map(|sp| Evidence { span: a.orig(*sp) })
                    .collect(),
                confidence: confidence.min(0.95),
            }
        })
        .collect()
}
