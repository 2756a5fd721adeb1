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
    ActorRef, AdminLevel, Casualty, Event, EventDate, EventKind, Evidence, Location, Modality, PersonRef,
    Total, TriggerRef,
};

/// A gazetteer match in the normalized text.
#[derive(Clone, Debug)]
pub(crate) struct Ent<'g> {
    pub entity: Entity<'g>,
    pub span: Span,
    pub clitic: Option<&'static str>,
    /// For a place: how it was chosen among places sharing its name.
    pub rule: Option<crate::gazetteer::PlaceRule>,
}

/// A trigger match in the normalized text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Trig {
    pub row: u32,
    /// The whole word, proclitics included.
    pub span: Span,
    /// Where the trigger phrase starts, after its proclitics.
    pub name_start: usize,
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
        self.tokens.get(i).filter(|t| t.kind == TokenKind::Word).map_or("", |t| t.text(self.text()))
    }

    /// The token range of sentence `s`.
    fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        let sp = self.sentences[s];
        (self.tok(sp.start), self.tok(sp.end))
    }

    /// The byte span of tokens `[from, to)`.
    fn tok_span(&self, from: usize, to: usize) -> Span {
        let start = self.tokens.get(from).map_or(self.text().len(), |t| t.span.start);
        let end = to.checked_sub(1).and_then(|k| self.tokens.get(k)).map_or(start, |t| t.span.end);
        Span::new(start, end.max(start))
    }

    /// True when token `k` lies inside a date (dates are in text order).
    fn in_date(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else { return false };
        let sp = t.span;
        let lo = self.dates.partition_point(|d| d.span.end < sp.end);
        self.dates[lo..].iter().take_while(|d| d.span.start <= sp.start).any(|d| sp.end <= d.span.end)
    }

    /// Indices of the entities that start inside `sp` (entities are in text order).
    fn ents_in(&self, sp: Span) -> std::ops::Range<usize> {
        let lo = self.entities.partition_point(|e| e.span.start < sp.start);
        let hi = self.entities.partition_point(|e| e.span.start < sp.end);
        lo..hi.max(lo)
    }

    /// Triggers that start inside `sp`.
    fn trigs_in(&self, sp: Span) -> &[Trig] {
        let lo = self.triggers.partition_point(|t| t.span.start < sp.start);
        let hi = self.triggers.partition_point(|t| t.span.start < sp.end);
        &self.triggers[lo..hi.max(lo)]
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
    // Demands are for what has not happened (طالبوا باعدام القاتل), and a
    // schedule is ahead (من المقرر ان تبدا عمليه تحرير ...، تمهيدا لاقتحام).
    "طالبت",
    "يطالب",
    "تطالب",
    "يطالبون",
    "طالبوا",
    "مطالبه",
    "للمطالبه",
    "المطالبه",
    "بالمطالبه",
    "المقرر",
    "تمهيدا",
    // Warnings and fears are of what has not happened (حذر من شن هجوم).
    "حذر",
    "حذرت",
    "حذروا",
    "يحذر",
    "تحذر",
    "محذرا",
    "محذره",
    "تحذير",
    "تحذيرات",
    "خشيه",
    "يخشي",
    "تخشي",
    "تخوف",
    "تخوفا",
    "مخاوف",
    // Preparations are for what is to come (تستعد لهجوم على ادلب، تتاهب
    // لشن هجوم), and so is a purpose (لشن هجوم: to launch an attack).
    "تتاهب",
    "يتاهب",
    "يتاهبون",
    "تاهب",
    "تاهبا",
    "لشن",
    "تستعد",
    "يستعد",
    "يستعدون",
    "استعداد",
    "استعدادا",
    "استعدادات",
    "تحضر",
    "يحضر",
    "تحضيرا",
    "تحضيرات",
];
const DENIAL: &[&str] = &["نفي", "نفت", "نفوا", "ينفي", "تنفي", "نافيا", "نافيه", "كذب", "كذبت"];
const NEGATION: &[&str] = &["لم", "لن", "لا", "عدم", "دون"];
const CLAIM: &[&str] =
    &["زعم", "زعمت", "زعموا", "يزعم", "تزعم", "ادعي", "ادعت", "مزاعم", "زاعما", "زاعمه", "مدعيا"];
const STATISTICS: &[&str] = &["شهريا", "سنويا", "اسبوعيا", "يوميا", "متوسط", "متوسطه", "بمعدل", "معدل"];
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
    "بمشاركه",
    "بالتعاون",
    "باسناد",
    "بدعم",
    "بمساعده",
    "مدعومه",
    "مدعوما",
];
/// Nouns of places and units that belong to the target: حاجز للامن العام،
/// دوريه للجيش، مواقع لقوات النظام.
#[rustfmt::skip]
const FACILITIES: &[&str] = &[
    "حاجز", "حاجزا", "نقطه", "نقاط", "دوريه", "دوريات", "موقع", "مواقع", "مقر", "مقرات", "ثكنه", "رتل", "رتلا",
    "عجله", "عجلات", "سياره", "مركز", "مراكز", "تجمع", "تجمعا", "قافله", "اليه", "اليات", "عربه", "قاعده", "منزل",
    "تحصينات", "مستودعات", "قواعد", "مخفر", "معسكر", "وكر", "وكرا", "اوكار", "مخبا", "مخبئا", "مخابئ", "مضافه",
    "مضافات", "نفق", "نفقا", "انفاق", "مستودع", "مستودعا", "معمل", "معملا", "كهف", "كهوف", "ثكنات", "مراصد",
    "مطار", "مطارا", "مطارات", "مبني", "مبان", "منشاه", "منشات",
];
/// Verbs that put the agent between them and a noun trigger (شنت الجماعه هجوما).
#[rustfmt::skip]
const LIGHT_VERBS: &[&str] = &[
    "شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا", "نصب", "نصبت", "نصبوا", "القت", "القي", "القوا", "اطلقت", "اطلق",
    "اطلقوا", "تبنت", "تبني", "تبنوا", "قامت", "قام", "قاموا", "بدات", "بدا", "شنته", "وشنت", "وشن", "ونفذت",
    // present tense (داعش يتبني تفجيرا، طايرات التحالف تنفذ 27 غاره)
    "يتبني", "تتبني", "يشن", "تشن", "يشنون", "ينفذ", "تنفذ", "ينفذون", "يطلق", "تطلق",
    // claims: اعلن تنظيم داعش مسووليته عن الهجوم
    "مسووليته", "مسووليتها", "مسووليتهم", "المسووليه",
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
    "مختار",
    "نجله",
    "ابنه",
    "ابنته",
    "شقيقه",
    "زوجته",
    "والده",
    "مرافقه",
    "حارسه",
    "سايقه",
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
const PLACE_ANAPHORS: &[&str] = &["المدينه", "البلده", "القريه", "بالمدينه", "بالبلده", "بالقريه"];

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
    let resolved = resolve_actors(a.entities);
    let mut cands: Vec<Cand<'_>> = Vec::new();
    let mut last_place: Option<(&Place, Span)> = None;
    for s in 0..a.sentences.len() {
        let (ts, te) = a.sentence_tokens(s);
        if ts >= te {
            continue;
        }
        let sp = a.sentences[s];
        let in_s = |span: Span| span.start >= sp.start && span.end <= sp.end;
        let trigs: Vec<&Trig> = a.trigs_in(sp).iter().filter(|t| in_s(t.span)).collect();
        let statistics = !trigs.is_empty() && (ts..te).any(|i| STATISTICS.contains(&a.word(i)));
        let dates: Vec<&Timex> = {
            let lo = a.dates.partition_point(|d| d.span.start < sp.start);
            a.dates[lo..].iter().take_while(|d| d.span.start < sp.end).filter(|d| in_s(d.span)).collect()
        };
        let counts: Vec<&Count> = {
            let lo = a.counts.partition_point(|c| c.span.start < sp.start);
            a.counts[lo..].iter().take_while(|c| c.span.start < sp.end).filter(|c| in_s(c.span)).collect()
        };
        let casualty_trigs: Vec<&Trig> = trigs.iter().copied().filter(|t| is_casualty(a, t)).collect();
        let anchors: Vec<&Trig> =
            trigs.iter().copied().filter(|t| is_anchor(a, t, &dates, &casualty_trigs, &counts, te)).collect();
        let places_all: Vec<(&Place, Span)> = a.entities[a.ents_in(sp)]
            .iter()
            .filter(|e| in_s(e.span))
            .filter_map(|e| match e.entity {
                Entity::Place(p) => Some((p, e.span)),
                _ => None,
            })
            .collect();
        if anchors.is_empty() || statistics {
            // Casualties with no event word: they belong to the event of the
            // sentence before, when there is one.
            if !casualty_trigs.is_empty() && !statistics && !cumulative(a, ts, te) {
                if let Some(c) = cands.last_mut().filter(|c| c.sentence + 1 == s && c.modality.is_reported())
                {
                    let state = state_forces(a, c.place.map(|(p, _, _)| p));
                    let extra = casualties(a, &resolved, &casualty_trigs, &counts, (ts, te), &c.perps, state);
                    if !extra.is_empty() {
                        c.casualties.extend(extra);
                        c.evidence.push(sp);
                    }
                }
            }
            remember_place(&places_all, &mut last_place);
            continue;
        }
        for (seg_start, seg_end) in segments(a, &anchors, ts, te) {
            let in_seg = |span: Span| {
                let i = a.tok(span.start);
                i >= seg_start && i < seg_end
            };
            let seg_anchors: Vec<&Trig> = anchors.iter().copied().filter(|t| in_seg(t.span)).collect();
            let Some(main) = pick_main(a, &seg_anchors) else { continue };
            let row = &a.rows[main.row as usize];
            let t_tok = a.tok(main.span.start);
            let mut kind = row.kind.expect("anchors have a kind");
            // استهدف الطيران الحربي بلده، قصفت طائرات النظام: from the air.
            if matches!(kind, EventKind::ArmedAttack | EventKind::Shelling)
                && (t_tok.saturating_sub(3)..t_tok + 4).any(|i| is_aircraft(a, i))
            {
                kind = EventKind::Airstrike;
            }
            let seg_dates: Vec<&Timex> = dates.iter().copied().filter(|d| in_seg(d.span)).collect();
            // Statistics: "27 هجوما خلال تشرين الاول" counts attacks over a
            // period, it is not one (but "5 غارات امس" is one raid of five strikes).
            let counted = row.form == TriggerForm::Noun
                && counts
                    .iter()
                    .any(|c| c.min > 1 && a.tok(c.span.end) == t_tok && c.span.end <= main.span.start);
            let period = seg_dates.iter().any(|d| d.precision != Precision::Day)
                || (seg_start..seg_end).any(|i| a.word(i) == "خلال");
            if counted && period {
                continue;
            }
            let seg_counts: Vec<&Count> = counts.iter().copied().filter(|c| in_seg(c.span)).collect();
            let seg_cas: Vec<&Trig> = casualty_trigs.iter().copied().filter(|t| in_seg(t.span)).collect();
            let mut places: Vec<(&Place, Span)> =
                places_all.iter().copied().filter(|(_, sp)| in_seg(*sp)).collect();
            // "... في باديه حماه ولغم يقتل اربعه بريف حمص": a trigger that
            // opens a coordinated clause takes its place from that clause.
            if opens_clause(a, main) && places.iter().any(|(_, sp)| sp.start >= main.span.end) {
                places.retain(|(_, sp)| sp.start >= main.span.end);
            }
            let modality = modality(a, seg_start, t_tok, a.tok(main.span.end), &seg_dates);
            let place = pick_place(a, &places).or_else(|| {
                let anaphor = (seg_start..seg_end).find(|&i| PLACE_ANAPHORS.contains(&a.word(i)))?;
                let (p, _) = last_place?;
                Some((p, a.tokens[anaphor].span, "in"))
            });
            remember_place(&places, &mut last_place);
            let weak = row.class == TriggerClass::Weak && !promoted(a, main, &places);
            let mut date = pick_date(&seg_dates, main.span.start).copied();
            // في اليوم نفسه: the day of the event before.
            if date.is_none() && same_day(a, seg_start, t_tok) {
                date = cands.last().and_then(|c| c.date);
            }
            let (perps, mut targets) = roles(a, &resolved, (seg_start, seg_end), main, row.form, kind);
            let mut cas_trigs = seg_cas.clone();
            // An arrest or a kidnapping counts its captives like a casualty word.
            if matches!(kind, EventKind::Arrest | EventKind::Kidnapping) {
                cas_trigs.push(main);
            }
            if matches!(kind, EventKind::Execution) {
                cas_trigs.push(main);
            }
            let casualties = if modality.is_reported() {
                let state = state_forces(a, place.map(|(p, _, _)| p));
                casualties(a, &resolved, &cas_trigs, &seg_counts, (seg_start, seg_end), &perps, state)
            } else {
                Vec::new()
            };
            for c in &casualties {
                if let (Some(actor), "victims") = (c.actor, c.group) {
                    if !targets.iter().any(|(t, _)| t.id == actor.id)
                        && !perps.iter().any(|(p, _)| p.id == actor.id)
                    {
                        targets.push((actor, c.span));
                    }
                }
            }
            let security_op =
                matches!(kind, EventKind::Arrest | EventKind::Raid | EventKind::DisruptedAttack);
            if targets.is_empty()
                && !security_op
                && (t_tok..seg_end).any(|i| CIVILIAN_TARGETS.contains(&strip_clitic(a.word(i))))
            {
                if let Some(civ) = a.gazetteer.actor("civilians") {
                    targets.push((civ, main.span));
                }
            }
            let persons = persons(a, (seg_start, seg_end), &casualties);
            // A person killed or captured in the event: their side is a target.
            for (p, sp, role) in &persons {
                if *role != "target" {
                    continue;
                }
                if let Some(aff) = p.affiliation.as_deref().and_then(|id| a.gazetteer.actor(id)) {
                    if !targets.iter().any(|(t, _)| t.id == aff.id)
                        && !perps.iter().any(|(x, _)| x.id == aff.id)
                    {
                        targets.push((aff, *sp));
                    }
                }
            }
            cands.push(Cand {
                kind,
                weak,
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
        remember_place(&places_all, &mut last_place);
    }
    let merged = merge(cands, a.gazetteer);
    build(a, merged)
}

fn is_casualty(a: &Analysis<'_, '_>, t: &Trig) -> bool {
    matches!(
        a.rows[t.row as usize].class,
        TriggerClass::Killed | TriggerClass::Wounded | TriggerClass::Captured
    )
}

/// Whether a trigger can carry an event here.
fn is_anchor(
    a: &Analysis<'_, '_>,
    t: &Trig,
    dates: &[&Timex],
    cas: &[&Trig],
    counts: &[&Count],
    te: usize,
) -> bool {
    let row = &a.rows[t.row as usize];
    if row.kind.is_none() {
        return false;
    }
    let ok = match row.class {
        TriggerClass::Event | TriggerClass::Weak => true,
        // هذه الهجمات: attacks counted before (a monthly tally), not one.
        TriggerClass::Plural if demonstrative_before(a, t) => false,
        // Plural words are one event on a day (غارات امس), a tally over a
        // month or a year (تراجع هجمات داعش خلال تشرين الاول).
        TriggerClass::Plural => {
            dates.iter().any(|d| !d.future && d.precision == Precision::Day)
                || (!cas.is_empty() && !counts.is_empty())
        }
        _ => false,
    };
    if !ok || in_detention_name(a, t) || sentence_not_event(a, t) {
        return false;
    }
    // A requirement "<X": a word that starts with X among the four before the
    // trigger (اطلق مسلحون النار علي); else one that ends with it later on.
    row.requires.is_empty() || {
        let at = a.tok(t.span.end);
        let ti = a.tok(t.span.start);
        row.requires.iter().any(|r| match r.strip_prefix('<') {
            Some(stem) => (ti.saturating_sub(4)..ti).any(|i| {
                let w = a.word(i);
                w.strip_prefix(['و', 'ف']).filter(|x| x.len() > 2).unwrap_or(w).starts_with(stem)
            }),
            None => (at..te).any(|i| a.word(i).ends_with(r.as_str())),
        })
    }
}

/// A toll over a war, not over one event: "حصيله سبع سنوات من الحرب"،
/// "منذ اندلاع النزاع".
fn cumulative(a: &Analysis<'_, '_>, ts: usize, te: usize) -> bool {
    (ts..te).any(|i| {
        let w = strip_clitic(a.word(i));
        let war = |j: usize| {
            // (strip_clitic takes the article off: الحرب → حرب)
            matches!(strip_clitic(a.word(j)), "حرب" | "نزاع" | "صراع" | "ازمه" | "ثوره" | "قتال")
        };
        (matches!(w, "سنوات" | "سنين" | "اعوام") && (i + 1..i + 4).any(war))
            || (w == "منذ" && matches!(a.word(i + 1), "بدء" | "بدايه" | "اندلاع" | "انطلاق"))
    })
}

/// True when token `k` is طرد as a verbal noun (لطرد المقاتلين، بعد طرد داعش
/// من المدينه): what follows is who was driven out, not who drove them.
fn expelling_at(a: &Analysis<'_, '_>, k: usize, ts: usize) -> bool {
    let w = a.word(k);
    let bare = w.strip_prefix('و').unwrap_or(w);
    matches!(bare, "لطرد" | "بطرد")
        || (bare == "طرد"
            && k > ts
            && matches!(
                strip_clitic(a.word(k - 1)),
                "بعد"
                    | "اثر"
                    | "عقب"
                    | "بهدف"
                    | "هدف"
                    | "من"
                    | "في"
                    | "حمله"
                    | "عمليه"
                    | "اجل"
                    | "قبل"
                    | "منذ"
            ))
}

/// Words that, within `reach` words after a trigger of the kind, make it a
/// figure of speech: خطف الميداليه الذهبيه (a race won), شن هجوما لاذعا (a
/// scathing speech). `stripped`: compared without clitics (strip_clitic
/// would read لاذعا as ل + اذعا, so the adjectives are compared as written).
#[rustfmt::skip]
const FIGURES: &[(EventKind, usize, bool, &[&str])] = &[
    (EventKind::Kidnapping, 3, true, &[
        "ميداليه", "لقب", "فوز", "اضواء", "انظار", "بطوله", "كاس", "ذهبيه", "نقاط", "صداره", "قلوب", "نجوميه",
        "جايزه",
    ]),
    (EventKind::ArmedAttack, 2, false, &[
        "لاذع", "لاذعا", "حادا", "كلامي", "كلاميا", "اعلامي", "اعلاميا", "سياسي", "سياسيا", "دبلوماسي",
        "دبلوماسيا", "اللاذع", "الحاد", "الكلامي", "الاعلامي", "السياسي", "الدبلوماسي",
    ]),
    // اوقفوا الحركه الجويه، اوقف القتال: stopping a thing, not detaining a
    // person.
    (EventKind::Arrest, 2, true, &[
        "حركه", "قتال", "عمليات", "اطلاق", "رحلات", "ملاحه", "دعم", "تعاون", "مساعدات", "تمويل", "بث", "البث", "الضخ",
        "تصدير", "ضخ", "انتاج", "مفاوضات", "محادثات",
    ]),
    // طرد دبلوماسيين روس، طرد السفير: an expulsion of envoys, not of fighters.
    (EventKind::TerritorySeized, 4, true, &[
        "دبلوماسيين", "دبلوماسيا", "الدبلوماسيين", "سفير", "السفير", "سفراء", "السفراء", "القنصل", "موظفي",
        "صحفيين", "الصحفيين", "مراسل", "مراسلي",
    ]),
];

/// A demonstrative right before the trigger word (هذه الهجمات، تلك العمليات).
fn demonstrative_before(a: &Analysis<'_, '_>, t: &Trig) -> bool {
    let i = a.tok(t.span.start);
    i > 0 && matches!(strip_clitic(a.word(i - 1)), "هذه" | "تلك" | "هاته" | "هذا" | "ذلك" | "وهذه" | "وتلك")
}

/// حكم بالاعدام: a court sentence, not an execution; وقف اطلاق النار: a
/// ceasefire, not a shooting; بتهمه المشاركه في تفجير: a charge; خطف
/// الميداليه: sport.
fn sentence_not_event(a: &Analysis<'_, '_>, t: &Trig) -> bool {
    let i = a.tok(t.span.start);
    let ceasefire = |k: usize| {
        let w = strip_clitic(a.word(k));
        w == "وقف" || w == "وقفا" || w.ends_with("وقف") || w == "هدنه"
    };
    if a.text()[t.span].contains("اطلاق") && (i.saturating_sub(2)..i).any(ceasefire) {
        return true;
    }
    // بتهمه المشاركه في تفجير، لادانته بالمشاركه في هجوم: a charge, not an
    // event (the arrest or the verdict is).
    let charge = |k: usize| {
        matches!(
            a.word(k),
            "بتهمه"
                | "بتهم"
                | "بتهمتي"
                | "لادانته"
                | "لادانتهم"
                | "لادانتها"
                | "بالمشاركه"
                | "المشاركه"
                | "لمشاركته"
                | "لتورطه"
                | "بالتورط"
                | "التورط"
                | "بالضلوع"
                | "لضلوعه"
                // بدعوي زرعهم عبوه ناسفه: a pretext, not a bombing.
                | "بدعوي"
                | "بحجه"
                | "بذريعه"
        )
    };
    if (i.saturating_sub(3)..i).any(charge) {
        return true;
    }
    let kind = a.rows[t.row as usize].kind;
    let end = a.tok(t.span.end);
    // The tokens of the trigger's sentence.
    let sentence = {
        let s = a.sentences.partition_point(|sp| sp.end <= t.span.start);
        (s < a.sentences.len()).then(|| a.sentence_tokens(s))
    };
    // خطف الميداليه، شن هجوما لاذعا: sport and words, not arms.
    if let Some(&(_, reach, stripped, words)) = FIGURES.iter().find(|f| Some(f.0) == kind) {
        let word = |k: usize| if stripped { strip_clitic(a.word(k)) } else { a.word(k) };
        if (end..end + reach).any(|k| words.contains(&word(k))) {
            return true;
        }
    }
    // اندلعت مواجهات بين المتظاهرين وقوات الامن، اقتحم متظاهرون مطار
    // النجف: unrest, not armed conflict (an attack or a bombing on
    // protesters stays an event).
    if matches!(kind, Some(EventKind::Clash | EventKind::Raid)) {
        let protester = |k: usize| {
            let w = strip_clitic(a.word(k));
            w.starts_with("متظاهر")
                || w.starts_with("محتج")
                || w.starts_with("تظاهر")
                || w.starts_with("احتجاج")
        };
        if (i.saturating_sub(4)..end + 4).any(protester) {
            return true;
        }
    }
    // لقطات التقطتها طائره بدون طيار: a drone that films.
    if kind == Some(EventKind::DroneStrike) {
        let filming = |k: usize| {
            // (the word as written: strip_clitic would read التقط as ال + تقط)
            let w = a.word(k);
            let w = w.strip_prefix('و').filter(|r| r.len() > 4).unwrap_or(w);
            w.starts_with("التقط")
                || w.starts_with("لقطات")
                || w.starts_with("تصوير")
                || w.starts_with("بتصوير")
                || matches!(w, "صورتها" | "صورها" | "صورته")
        };
        if (i.saturating_sub(4)..i + 6).any(filming) {
            return true;
        }
    }
    if let Some((s0, s1)) = sentence {
        // انفجار مستودع ... بسبب ماس كهربائي: an accident, not an attack.
        let accident = |k: usize| {
            let w = strip_clitic(a.word(k));
            (matches!(w, "ماس" | "تماس") && a.word(k + 1).starts_with("كهرباي"))
                || (w == "خلل" && a.word(k + 1) == "فني")
                || matches!(w, "عرضي" | "عرضيا" | "تسرب")
        };
        if kind.is_some_and(|k| k.family() == 1) && (s0..s1).any(accident) {
            return true;
        }
        // قاد جونسون هجوم هيت وسجل 20 نقطه: a match, not an attack on Hit.
        let scored = |k: usize| {
            matches!(a.word(k).strip_prefix('و').unwrap_or(a.word(k)), "سجل" | "سجلت" | "يسجل" | "تسجل")
                && (k + 1..(k + 4).min(s1)).any(|j| {
                    matches!(strip_clitic(a.word(j)), "نقطه" | "نقاط" | "نقطتين" | "هدفا" | "هدفين" | "اهداف")
                })
        };
        if (s0..s1).any(scored) {
            return true;
        }
    }
    kind == Some(EventKind::Execution)
        && (i.saturating_sub(2)..i)
            .any(|k| matches!(strip_clitic(a.word(k)), "حكم" | "حكما" | "احكام" | "قضت" | "يقضي"))
        || a.tokens[i].text(a.text()).starts_with("بالاعدام")
}

/// The most specific trigger among those of the first trigger's family;
/// a foiled attack and a prison break win over the attack they describe.
fn pick_main<'t>(a: &Analysis<'_, '_>, anchors: &[&'t Trig]) -> Option<&'t Trig> {
    let row = |t: &Trig| &a.rows[t.row as usize];
    let kind = |t: &Trig| row(t).kind.expect("anchors have a kind");
    let strong: Vec<&'t Trig> =
        anchors.iter().copied().filter(|t| row(t).class != TriggerClass::Weak).collect();
    let pool = if strong.is_empty() { anchors.to_vec() } else { strong };
    if let Some(t) =
        pool.iter().find(|t| matches!(kind(t), EventKind::DisruptedAttack | EventKind::PrisonBreak))
    {
        return Some(t);
    }
    let first = *pool.iter().min_by_key(|t| t.span.start)?;
    // "هجوم بطائره مسيره", "هجوم بعبوه ناسفه": the weapon right after a
    // generic attack names the kind.
    if kind(first) == EventKind::ArmedAttack {
        let next = a.tok(first.span.end);
        let text = a.norm.as_str();
        if let Some(t) = pool.iter().copied().find(|t| {
            t.span.start > first.span.start
                && a.tok(t.span.start) <= next
                && text[t.span.start..t.name_start].ends_with('ب')
        }) {
            return Some(t);
        }
    }
    pool.iter()
        .copied()
        .filter(|t| kind(t).family() == kind(first).family())
        .min_by_key(|t| (kind(t).priority(), t.span.start))
}

/// Splits a sentence where a new event starts: a trigger of another family
/// coordinated with و (اعتقال ثلاثه ... ومقتل جنديين بعبوه), or a trigger with
/// a place of its own right after it (استعاده تلعفر ... تحرير الموصل).
fn segments(a: &Analysis<'_, '_>, anchors: &[&Trig], ts: usize, te: usize) -> Vec<(usize, usize)> {
    let mut cuts = vec![ts];
    let mut fam = a.rows[anchors[0].row as usize].kind.map(|k| k.family());
    let mut has_own_place = own_place(a, anchors[0]).is_some();
    for t in &anchors[1..] {
        let k = a.rows[t.row as usize].kind.map(|k| k.family());
        let i = a.tok(t.span.start);
        let coord = (i.saturating_sub(3)..i)
            .rev()
            .find(|&j| j > *cuts.last().unwrap_or(&ts) && a.word(j).starts_with('و') && a.word(j).len() > 2);
        let place = own_place(a, t);
        // فيما / بينما open a parallel fact (قتل خمسة في غاره قرب الحسكه،
        // فيما قتل ثمانيه مدنيين في قصف علي حماه): a new event, whatever its kind.
        let parallel = (i.saturating_sub(6)..i)
            .rev()
            .find(|&j| j > *cuts.last().unwrap_or(&ts) && matches!(a.word(j), "فيما" | "بينما" | "وبينما"));
        let cut = if k != fam { coord } else { None }
            .or(parallel)
            .or_else(|| (has_own_place && place.is_some()).then_some(coord.unwrap_or(i)));
        if let Some(c) = cut {
            if c > *cuts.last().unwrap_or(&ts) {
                cuts.push(c);
                fam = k;
                has_own_place = place.is_some();
                continue;
            }
        }
        has_own_place |= place.is_some();
    }
    let mut out = Vec::new();
    for (k, &c) in cuts.iter().enumerate() {
        out.push((c, cuts.get(k + 1).copied().unwrap_or(te)));
    }
    out
}

/// True when the trigger word carries the conjunction و (ولغم، وهجوم): it
/// starts a clause of its own.
fn opens_clause(a: &Analysis<'_, '_>, t: &Trig) -> bool {
    a.norm.as_str()[t.span.start..t.name_start].starts_with('و')
}

/// A place named right after a trigger (تحرير الموصل، استعاده تلعفر).
fn own_place<'g>(a: &Analysis<'_, 'g>, t: &Trig) -> Option<&'g Place> {
    let end = a.tok(t.span.end);
    a.entities[a.ents_in(a.tok_span(end, end + 2))].iter().find_map(|e| match e.entity {
        Entity::Place(p) => {
            let i = a.tok(e.span.start);
            (i >= end && i <= end + 1).then_some(p)
        }
        _ => None,
    })
}

/// A weak territorial noun with its place (تحرير الموصل) is an event.
fn promoted(a: &Analysis<'_, '_>, t: &Trig, places: &[(&Place, Span)]) -> bool {
    a.rows[t.row as usize].kind == Some(EventKind::TerritorySeized)
        && own_place(a, t).is_some_and(|p| places.iter().any(|(q, _)| q.id == p.id))
}

/// في اليوم نفسه / ذاته, في الوقت نفسه before the trigger.
fn same_day(a: &Analysis<'_, '_>, from: usize, to: usize) -> bool {
    (from..to).any(|i| matches!(a.word(i), "اليوم" | "الوقت") && matches!(a.word(i + 1), "نفسه" | "ذاته"))
}

/// The event's place: the most specific named in the segment, leaving out
/// reference points (غرب الموصل after تلعفر) and launch sites (من منطقه ... قرب).
fn pick_place<'g>(
    a: &Analysis<'_, 'g>,
    all: &[(&'g Place, Span)],
) -> Option<(&'g Place, Span, &'static str)> {
    // انسحبوا باتجاه الباديه، فروا الي جهه مجهوله: where the attackers went
    // is not where the event was.
    let destination = |sp: Span| {
        let i = a.tok(sp.start);
        i > 0
            && matches!(strip_clitic(a.word(i - 1)), "باتجاه" | "اتجاه" | "نحو" | "الي" | "صوب")
            && (i.saturating_sub(4)..i - 1).any(|j| {
                let w = a.word(j);
                FLIGHT_VERBS.iter().any(|v| w.strip_prefix(['و', 'ف']).unwrap_or(w).starts_with(v))
            })
    };
    let places: Vec<(&'g Place, Span)> = all.iter().copied().filter(|(_, sp)| !destination(*sp)).collect();
    let locator = |k: usize| {
        let (_, sp) = places[k];
        let i = a.tok(sp.start);
        let direction = i > 0 && DIRECTIONS.contains(&a.word(i - 1));
        // "تلعفر غرب الموصل": the second place locates the first — unless the
        // first is vaguer (البادية الواقعه غرب مدينه الميادين).
        direction
            && k > 0
            && a.tok(places[k - 1].1.end) + 3 >= i
            && specificity(places[k - 1].0.kind) <= specificity(places[k].0.kind)
    };
    // اطلقت من منطقه قرب ناحيه البغدادي: where rockets came from.
    let source = |k: usize| {
        let i = a.tok(places[k].1.start);
        places.len() > 1
            && (i.saturating_sub(6)..i).any(|j| {
                a.word(j) == "من" && (j.saturating_sub(2)..j).any(|v| LAUNCH_VERBS.contains(&a.word(v)))
            })
    };
    let keep: Vec<usize> = (0..places.len()).filter(|&k| !locator(k) && !source(k)).collect();
    let pool: Vec<usize> = if keep.is_empty() { (0..places.len()).collect() } else { keep };
    pool.into_iter()
        .map(|k| places[k])
        .min_by_key(|(p, sp)| (specificity(p.kind), sp.start))
        .map(|(p, sp)| (p, sp, relation(a, a.tok(sp.start))))
}

/// Warplanes at token `i`: a generic attack carried out by them is an
/// airstrike. الطيران alone may be civil aviation (حركه الطيران), so it
/// counts only with a military or national adjective or التحالف after it.
fn is_aircraft(a: &Analysis<'_, '_>, i: usize) -> bool {
    let w = strip_clitic(a.word(i));
    match w {
        _ if WARPLANES.contains(&w) => true,
        "طيران" => matches!(
            a.word(i + 1),
            "الحربي"
                | "المروحي"
                | "الروسي"
                | "السوري"
                | "التركي"
                | "العراقي"
                | "الاسراييلي"
                | "الحكومي"
                | "النظامي"
                | "الامريكي"
                | "الاميركي"
                | "التحالف"
                | "الحربي،"
        ),
        _ => false,
    }
}

/// Warplanes, as `strip_clitic` leaves them (الطايرات، بمقاتلات → طايرات،
/// مقاتلات).
const WARPLANES: &[&str] = &["طايرات", "مقاتلات", "مروحيات"];

/// Stems of verbs of withdrawal and flight: a place after them and باتجاه
/// is where the attackers went (ينسحبوا، انسحبت، فروا، لاذوا، هربوا).
const FLIGHT_VERBS: &[&str] =
    &["ينسحب", "انسحب", "تنسحب", "فروا", "فر", "يفر", "لاذ", "هرب", "يهرب", "فرار", "انسحاب"];

/// Verbs of launching: a place after them and من is where fire came from.
const LAUNCH_VERBS: &[&str] =
    &["اطلقت", "اطلق", "اطلقوا", "انطلقت", "انطلق", "قادمه", "قادما", "اطلاقها", "اطلاقه"];
/// Words that make the actor after them a partner of the agent (بمشاركه قوات التحالف).
const CO_AGENTS: &[&str] =
    &["بمشاركه", "بالتعاون", "باسناد", "بدعم", "بمساعده", "مدعومه", "مدعوما", "بالاشتراك"];

/// Direction words that make the next place a reference point.
const DIRECTIONS: &[&str] =
    &["غرب", "شرق", "شمال", "جنوب", "غربي", "شرقي", "شمالي", "جنوبي", "بغرب", "بشرق", "بشمال", "بجنوب"];

fn remember_place<'g>(places: &[(&'g Place, Span)], last: &mut Option<(&'g Place, Span)>) {
    if let Some(p) =
        places.iter().filter(|(p, _)| p.kind != PlaceKind::Country).min_by_key(|(p, _)| specificity(p.kind))
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
    // The date nearest the trigger (one that introduces the sentence, وفي
    // مايو 2015، استولى, is usually the nearest), a date before it winning a
    // tie. Relative years (قبل ثلاث سنوات) only when nothing else is there.
    let good = |d: &&&Timex| !(d.resolved_from == Resolution::Relative && d.precision == Precision::Year);
    let distance = |d: &Timex| {
        if d.span.end <= trigger {
            (trigger - d.span.end) * 2
        } else {
            (d.span.start.saturating_sub(trigger)) * 2 + 1
        }
    };
    dates.iter().filter(good).min_by_key(|d| distance(d)).or_else(|| dates.first()).copied()
}

fn modality(a: &Analysis<'_, '_>, ts: usize, t_tok: usize, t_end: usize, dates: &[&Timex]) -> Modality {
    let mut m = Modality::Asserted;
    for i in ts..t_tok {
        let w = a.word(i);
        let bare = w.strip_prefix('و').filter(|r| r.len() > 2).unwrap_or(w);
        if DENIAL.contains(&bare) {
            return Modality::Negated;
        }
        if HYPOTHETICAL.contains(&bare) || (bare == "قد" && imperfect(a.word(i + 1))) || future_verb(bare) {
            m = Modality::Hypothetical;
        }
        if CLAIM.contains(&bare) && m == Modality::Asserted {
            m = Modality::Claimed;
        }
    }
    // اي هجوم: any attack.
    if t_tok > ts && a.word(t_tok - 1) == "اي" {
        return Modality::Hypothetical;
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
                | "المقبله"
                | "القادمه"
                | "المرتقبه"
                | "المحتمله"
                | "المحتمل"
                | "المقبل"
                | "القادم"
                | "مماثله"
                | "مفترض"
                | "المفترض"
                | "مزعوم"
                | "المزعوم"
        ) {
            return Modality::Hypothetical;
        }
    }
    // مع اقتراب هجوم ادلب: what approaches has not come (right before the
    // trigger only: "اقتراب ساعه الحسم" earlier in a sentence says nothing
    // of the shelling it reports).
    if t_tok > ts && matches!(a.word(t_tok - 1), "اقتراب" | "باقتراب") {
        return Modality::Hypothetical;
    }
    // تعد لهجوم، يعد لعمليه: "prepares for" (تعد alone also means "counts").
    if t_tok > ts
        && matches!(a.word(t_tok - 1), "تعد" | "يعد" | "تعدان" | "يعدون")
        && a.word(t_tok).starts_with('ل')
    {
        return Modality::Hypothetical;
    }
    // الهجوم سوف يستهدف، الهجوم سيبدا: the attack is told in the future.
    if (t_end..(t_end + 2).min(a.tokens.len())).any(|i| a.word(i) == "سوف" || future_verb(a.word(i))) {
        return Modality::Hypothetical;
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
/// Each entity → the actor it stands for: an actor itself, an anaphor the
/// last militant group named before it.
pub(crate) fn resolve_actors<'g>(entities: &[Ent<'g>]) -> Vec<Option<&'g Actor>> {
    let mut last: Option<&'g Actor> = None;
    entities
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
    let range = a.ents_in(a.tok_span(ts, te));
    for (k, e) in a.entities[range.clone()].iter().enumerate().map(|(k, e)| (k + range.start, e)) {
        let i = a.tok(e.span.start);
        if i < ts || i >= te {
            continue;
        }
        if let Some(actor) = resolved[k] {
            if actor.kind != ActorKind::Anaphoric {
                actors.push((i, a.gazetteer.root_actor(actor), e.span));
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
        a.entities[range.clone()].iter().any(|e| e.span.start < sp.start && sp.end <= e.span.end)
    };
    // ... but "الهجوم الذي استهدف نقطه للجيش" describes the attack itself:
    // a relative right after the trigger, followed by a targeting verb.
    let describes_trigger =
        |i: usize| i <= t1 + 1 && matches!(a.word(i + 1), "استهدف" | "استهدفت" | "طال" | "طالت");
    let clause_end = (t1..te)
        .find(|&i| RELATIVE.contains(&a.word(i)) && !inside_entity(i) && !describes_trigger(i))
        .unwrap_or(te);
    let actor_start = |k: usize| actors.iter().any(|&(i, _, _)| i == k);
    let in_date = |k: usize| a.in_date(k);
    let trigger_text = &a.text()[main.span];
    let patient_noun = trigger_text.contains("استهداف");
    // Roles already given, by the token where each actor ends, for coordination.
    let mut given: Vec<(usize, bool)> = Vec::new();
    // تعرض/تعرضت: its subject is the target.
    let exposed = (ts..t0).rev().take(4).find(|&i| a.word(i).starts_with("تعرض"));
    let passive = t0 > ts && matches!(a.word(t0 - 1), "تم" | "جري");
    let expelling = expelling_at(a, t0, ts);
    let blame = blame_roles(a, (ts, te), &actors);
    // The first token of the actors (a و-chain) right before "التي <verb trigger>".
    let antecedent = (form == TriggerForm::Verb
        && t0 > ts
        && matches!(a.word(t0 - 1), "التي" | "الذي" | "الذين"))
    .then(|| {
        let ends_at = |k: usize| actors.iter().find(|(_, _, sp)| a.tok(sp.end) == k).map(|&(i, _, _)| i);
        let mut start = ends_at(t0 - 1)?;
        while a.word(start).starts_with('و') {
            match ends_at(start) {
                Some(prev) if prev < start => start = prev,
                _ => break,
            }
        }
        Some(start)
    })
    .flatten();
    for (n, &(i, actor, sp)) in actors.iter().enumerate() {
        let prev = |k: usize| if i >= k { a.word(i - k) } else { "" };
        let before = i < t0;
        // The subject of a verb of saying is no role, unless what it says is
        // a claim (اعلن تنظيم داعش في بيان مسووليته عن تفجير).
        // ... or announces its own deed (اعلنت قسد سيطرتها علي هجين).
        let end_tok = a.tok(sp.end);
        let last_tok = a.tok(sp.end.saturating_sub(1));
        let own_deed = end_tok == t0 && ["ه", "ها", "هم"].iter().any(|p| a.word(t0).ends_with(p));
        let claims = i < t0
            && ((end_tok..t0).any(|k| matches!(a.word(k), "مسووليته" | "مسووليتها" | "مسووليتهم"))
                || own_deed);
        let speaker = (1..=2).any(|k| SPEECH.contains(&prev(k))) && !claims;
        // Civilians are never the agent (قتلى من المدنيين ... سيطرت القوات);
        // they become targets through their casualties.
        if speaker || actor.id == "civilians" {
            continue;
        }
        // Blame: the side accused of the attack is its (alleged) author, the
        // accuser none (القت طهران باللوم علي اسرائيل في هجوم، حملت ايران
        // اسرائيل مسووليه الهجوم، اتهمت دمشق الفصائل بشن هجوم).
        match blame[n] {
            Some(Blame::Accused) => {
                push(&mut perps, actor, sp);
                given.push((last_tok, true));
                continue;
            }
            Some(Blame::Accuser) => continue,
            None => {}
        }
        // قوات سوريا الديمقراطيه التي طردت التنظيم: the antecedent of a
        // relative right before a verb trigger (with its و-chain) is its
        // subject; an actor named before it has no role (ويدعم التحالف قسد
        // التي طردت ...).
        if let Some(chain_start) = antecedent.filter(|_| before) {
            if i >= chain_start {
                push(&mut perps, actor, sp);
                given.push((last_tok, true));
            }
            continue;
        }
        // خطفهم التنظيم، قتلهم مسلحون من داعش: a verb trigger carrying its
        // object pronoun has its subject right after it; an actor named
        // before it belongs to another clause (المفاوضات التي تقودها روسيا
        // للافراج عن 30 امراه خطفهم التنظيم).
        let trig_word = a.word(t0);
        if form == TriggerForm::Verb
            && i == t1
            && t1 == t0 + 1
            && ["ه", "ها", "هم", "هن"].iter().any(|p| trig_word.ends_with(p))
            && trig_word.chars().count() >= 5
        {
            perps.retain(|(_, psp)| psp.start > main.span.start);
            push(&mut perps, actor, sp);
            given.push((last_tok, true));
            continue;
        }
        // بقصف لطيران التحالف، استهدفت طايرات التحالف: the side whose
        // aircraft strike (the name right after the aircraft, not with ل:
        // طايره للنظام is the regime's plane, hit or not).
        let flown =
            matches!(strip_clitic(prev(1)), "طيران" | "مسيرات") || WARPLANES.contains(&strip_clitic(prev(1)));
        if flown
            && i > ts
            && !a.word(i).starts_with('ل')
            && matches!(kind, EventKind::Airstrike | EventKind::DroneStrike | EventKind::Shelling)
        {
            push(&mut perps, actor, sp);
            given.push((last_tok, true));
            continue;
        }
        // Right after طرد as a verbal noun: the side driven out.
        if (1..=2).any(|k| i >= k && i - k >= ts && expelling_at(a, i - k, ts)) {
            push(&mut targets, actor, sp);
            continue;
        }
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
        let member_phrase = MEMBER_NOUNS.contains(&strip_clitic(prev(1)))
            || (matches!(prev(1), "في" | "من" | "ب")
                && (2..=3).any(|k| MEMBER_NOUNS.contains(&strip_clitic(prev(k)))));
        // A membership phrase names the victims' side after a noun trigger or
        // a casualty word (استهداف قيادي في داعش، مقتل عناصر من قسد), not the
        // subject of a verb (اختطف عناصر من داعش رعاه).
        // ... or any trigger word right before it (اعتقال قيادي في داعش).
        let after_casualty = (i.saturating_sub(5)..i).any(|k| {
            a.trigs_in(a.tokens[k].span).iter().any(|t| {
                is_casualty(a, t)
                    || (a.rows[t.row as usize].form == TriggerForm::Noun && a.tok(t.span.end) + 3 >= i)
            })
        });
        let member =
            member_phrase && (form == TriggerForm::Noun || after_casualty || (!before && !perps.is_empty()));
        // حاجز للامن العام; مواقع ومستودعات تابعه للفصائل: a facility of the actor.
        let belonging = matches!(prev(1), "تابعه" | "التابعه" | "تابعين" | "تابع" | "التابع");
        // (The word as written too: وكر starts with و.)
        let is_facility =
            |k: usize| FACILITIES.contains(&prev(k)) || FACILITIES.contains(&strip_clitic(prev(k)));
        let facility = (1..=2).any(is_facility) || (belonging && (2..=5).any(is_facility));
        // Distance to the trigger in words outside entity names (التحالف
        // الذي تقوده الولايات المتحده is one step).
        let gap = |from: usize, to: usize| {
            (from..to)
                .filter(|&k| {
                    !inside_entity(k)
                        && !actor_start(k)
                        && !in_date(k)
                        && a.tokens[k].kind != TokenKind::Punct
                })
                .count()
        };
        let near_trigger = (before && gap(i, t0) <= 6) || (!before && i < clause_end && gap(t1, i) <= 8);
        let facility_near = facility && !before && i < clause_end && gap(t1, i) <= 14;
        let before_len = perps.len();
        let before_targets = targets.len();
        let word_text = a.tokens[i].text(a.text());
        // لداعش, or لـ"قسد" where the quote splits ل from the name.
        let detached_l = (1..=2).any(|k| i >= k && a.tokens[i - k].text(a.text()) == "ل")
            && (i < 2 || a.tokens[i - 1].kind != TokenKind::Word || a.tokens[i - 1].text(a.text()) == "ل");
        let clitic_l = (word_text.starts_with('ل') && !word_text.starts_with("لل")) || detached_l;
        let co_agent = (1..=2).any(|k| CO_AGENTS.contains(&prev(k)));
        if co_agent || ((1..=3).any(|k| AGENT_MARKERS.contains(&prev(k))) && !before) {
            push(&mut perps, actor, sp);
        } else if facility_near
            || near_trigger
                && (member
                    || facility
                    || (1..=2).any(|k| TARGET_MARKERS.contains(&prev(k)))
                    // استهدفت قوه من الحشد، استهدف عناصر من قسد
                    || (prev(1) == "من" && TARGET_MARKERS.contains(&prev(3)))
                    || (i > t0 && prev(1) == "من" && kind == EventKind::TerritorySeized))
        {
            push(&mut targets, actor, sp);
        } else if let Some(x) =
            exposed.filter(|&x| x < i && i < t0).or(exposed.filter(|_| before && i + 6 >= t0))
        {
            let _ = x;
            push(&mut targets, actor, sp);
        } else if before {
            // SVO: an actor shortly before a verb trigger, or between a light
            // verb and a noun trigger (شنت الجماعه هجوما).
            let is_light = |k: usize| {
                let w = a.word(k);
                LIGHT_VERBS.contains(&w.strip_prefix(['و', 'ف']).filter(|r| r.len() > 2).unwrap_or(w))
            };
            // ... or right before the light verb (طائرات القوه الجويه نفذت ضربه),
            // or claims it (اعلن تنظيم داعش في بيان مسووليته عن تفجير).
            let light =
                (ts..i).rev().take(4).any(is_light) || (end_tok..t0.min(end_tok + 2)).any(is_light) || claims;
            if (form == TriggerForm::Verb && gap(i, t0) <= 8) || (light && gap(i, t0) <= 8) {
                push(&mut perps, actor, sp);
            }
        } else if i < clause_end && gap(t1, i) <= 4 {
            match form {
                TriggerForm::Verb if passive || expelling => push(&mut targets, actor, sp),
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

/// An actor's part in an accusation (see [`blame_roles`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Blame {
    Accuser,
    Accused,
}

/// Verbs of blaming whose object is the accused: اتهم X، حمل X المسووليه
/// (حمل only with مسووليه after it: it also means "carried").
const ACCUSE_VERBS: &[&str] =
    &["اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم", "يتهمون", "حمل", "حملت", "حملوا", "يحمل", "تحمل", "يحملون"];
const RESPONSIBILITY: &[&str] = &["مسووليه", "المسووليه", "بالمسووليه"];
/// "Blame on": القي/القت باللوم علي X.
const BLAME_NOUNS: &[&str] = &["باللوم", "اللوم", "باللايمه"];
/// What the accused is said to have done, right after it (بشن الهجوم).
const DEEDS: &[&str] = &["بتنفيذ", "بشن", "بالوقوف", "بارتكاب", "باستهداف"];

/// Who accuses and who is accused of the event in a sentence, one answer
/// per actor of `actors` (token index, actor, span), in their order:
/// - `اتهم/حمل` + actors + what the accused did (بشن، بتنفيذ، ب + a trigger,
///   مسووليه، هي التي): of the actors between the verb and that deed, the
///   last و-chain is accused and the others accuse (اتهمت دمشق وموسكو
///   اسرائيل بشن غاره); an actor just before the verb accuses too;
/// - `القت X باللوم علي Y`: X accuses, Y (and its و-chain) is accused.
///
/// An accusation without its deed (يتهم روسيا بالعبث بالموقع) says nothing
/// of the event: no answer.
fn blame_roles(
    a: &Analysis<'_, '_>,
    (ts, te): (usize, usize),
    actors: &[(usize, &Actor, Span)],
) -> Vec<Option<Blame>> {
    let mut out = vec![None; actors.len()];
    let bare = |k: usize| {
        let w = a.word(k);
        w.strip_prefix(['و', 'ف']).filter(|r| r.len() > 4).unwrap_or(w)
    };
    let deed_at = |k: usize| {
        let w = a.word(k);
        DEEDS.contains(&w)
            || RESPONSIBILITY.contains(&strip_clitic(w))
            || (matches!(w, "هي" | "هو") && matches!(a.word(k + 1), "التي" | "الذي"))
            || (w.starts_with('ب')
                && a.trigs_in(a.tokens[k].span).iter().any(|t| a.rows[t.row as usize].kind.is_some()))
    };
    // Actors of `lo..hi` (token indices), as و-chains of positions in `actors`.
    let chains = |lo: usize, hi: usize| -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = Vec::new();
        for (n, &(i, _, _)) in actors.iter().enumerate().filter(|(_, (i, _, _))| (lo..hi).contains(i)) {
            match out.last_mut() {
                Some(chain) if a.word(i).starts_with('و') => chain.push(n),
                _ => out.push(vec![n]),
            }
        }
        out
    };
    for v in ts..te {
        let verb = bare(v);
        if BLAME_NOUNS.contains(&verb) && a.word(v + 1) == "علي" {
            for n in chains(v.saturating_sub(3).max(ts), v).into_iter().flatten() {
                out[n] = Some(Blame::Accuser);
            }
            if let Some(first) = chains(v + 2, (v + 6).min(te)).into_iter().next() {
                if actors[first[0]].0 == v + 2 {
                    for n in first {
                        out[n] = Some(Blame::Accused);
                    }
                }
            }
            continue;
        }
        if !ACCUSE_VERBS.contains(&verb) {
            continue;
        }
        let Some(deed) = (v + 2..(v + 14).min(te)).find(|&k| deed_at(k)) else { continue };
        if verb.contains("حمل") && !RESPONSIBILITY.contains(&strip_clitic(a.word(deed))) {
            continue;
        }
        let mut found = chains(v + 1, deed);
        let Some(accused) = found.pop() else { continue };
        for n in accused {
            out[n] = Some(Blame::Accused);
        }
        let before = chains(v.saturating_sub(3).max(ts), v);
        for n in found.into_iter().chain(before).flatten() {
            out[n] = Some(Blame::Accuser);
        }
    }
    out
}

/// Casualty nouns that are counted from before (ستة قتلى، 25 قتيلا); other
/// casualty words take their count after them (مقتل 25، قتل جنديان) or, for
/// a verb, before them (اربعه جنود اصيبوا).
const COUNTED_NOUNS: &[&str] = &[
    "قتيل",
    "قتيلا",
    "قتلي",
    "القتلي",
    "جريح",
    "جريحا",
    "جرحي",
    "الجرحي",
    "مصاب",
    "مصابا",
    "مصابين",
    "اسيرا",
    "قتيلين",
    "جريحين",
];
/// Words after which counts are a part of a total already given (بينهم طفلان).
const SUBSET: &[&str] = &["بينهم", "بينهن", "منهم", "منهن", "بينها"];

/// Casualty groups of a sentence: each casualty word with its count (after
/// it, or before it), its actor, and coordinated singulars (ومترجم).
fn casualties<'g>(
    a: &Analysis<'_, 'g>,
    resolved: &[Option<&'g Actor>],
    trigs: &[&Trig],
    counts: &[&Count],
    (ts, te): (usize, usize),
    perps: &[(&'g Actor, Span)],
    state: Option<&'g Actor>,
) -> Vec<Cas<'g>> {
    let mut out: Vec<Cas<'g>> = Vec::new();
    let mut used: Vec<Span> = Vec::new();
    let casualty_at = |i: usize| trigs.iter().any(|t| a.tok(t.span.start) == i);
    let subset = |c: &Count| {
        let i = a.tok(c.span.start);
        (i.saturating_sub(2)..i).any(|k| SUBSET.contains(&a.word(k)))
    };
    let mut sorted: Vec<&Trig> = trigs.to_vec();
    sorted.sort_by_key(|t| t.span.start);
    sorted.dedup_by_key(|t| t.span.start);
    for t in sorted {
        let row = &a.rows[t.row as usize];
        let outcome = match row.class {
            TriggerClass::Killed => "killed",
            TriggerClass::Wounded => "wounded",
            TriggerClass::Captured => "captured",
            _ => match row.kind {
                Some(EventKind::Execution) => "killed",
                Some(EventKind::Arrest | EventKind::Kidnapping) => "captured",
                _ => continue,
            },
        };
        let ti = a.tok(t.span.start);
        let tend = a.tok(t.span.end);
        // A hypothetical cue or a negation right before this word (يمكنه قتل، لم يصب).
        if (ti.saturating_sub(3).max(ts)..ti)
            .any(|i| HYPOTHETICAL.contains(&a.word(i)) || NEGATION.contains(&a.word(i)))
        {
            continue;
        }
        let word = strip_clitic(a.tokens[ti].text(a.text()));
        let counted_noun = COUNTED_NOUNS.contains(&word);
        // The window after the word ends at the next casualty word or a comma.
        // A comma around a date (اعدم التنظيم، يوم الثلاثاء، راعيين) does not end it.
        let in_date = |k: usize| a.in_date(k);
        let mut after_end = tend;
        while after_end < te && after_end < tend + 12 && !casualty_at(after_end) {
            let comma = matches!(a.tokens[after_end].text(a.text()), "،" | ",");
            if comma && !(in_date(after_end + 1) || (after_end > 0 && in_date(after_end - 1))) {
                break;
            }
            after_end += 1;
        }
        let free = |c: &&&Count| !used.contains(&c.span) && !subset(c);
        let covering =
            counts.iter().find(|c| c.span.start <= t.span.start && t.span.end <= c.span.end && free(c));
        let after = counts.iter().find(|c| {
            let ci = a.tok(c.span.start);
            ci >= tend && ci <= tend + 2 && ci < after_end && free(c)
        });
        let before_near = counts.iter().rev().find(|c| {
            let ce = a.tok(c.span.end);
            ce <= ti && ce + 1 >= ti && free(c)
        });
        // A verb's subject before it: اربعه جنود اخرين اصيبوا، 4 من عناصرها، بينهم قيادي، قتلوا.
        let before_far = counts.iter().rev().find(|c| {
            let ce = a.tok(c.span.end);
            ce <= ti
                && ce + 10 >= ti
                && free(c)
                && !(ce..ti).any(|k| casualty_at(k) || TRIGGER_BREAK.contains(&a.word(k)))
        });
        // VSO: اختطف عناصر من داعش منذ ثلاثه ايام 11 شخصا: the object further on.
        let after_far = counts.iter().find(|c| {
            let ci = a.tok(c.span.start);
            ci >= tend && ci < after_end && free(c) && !(tend..ci).any(|k| TRIGGER_BREAK.contains(&a.word(k)))
        });
        let count = if counted_noun {
            covering.or(before_near)
        } else if row.form == TriggerForm::Verb {
            covering.or(after).or(before_far).or(after_far)
        } else {
            covering.or(after).or(before_near)
        };
        let (min, max, approx, span, noun_tok) = match count {
            Some(c) => {
                used.push(c.span);
                (c.min, c.max, c.approx, c.span, a.tok(c.span.end))
            }
            None => {
                // A singular victim named after the word (مقتل المسلح، مقتل
                // خليفه التنظيم، واصيب ثالث), or a person before a passive verb.
                let single = (tend..(tend + 2).min(te)).find(|&i| is_single_victim(a.word(i)));
                let person_before = a.entities[a.ents_in(a.tok_span(ts, ti))].iter().any(|e| {
                    matches!(e.entity, Entity::Person(_)) && {
                        let pi = a.tok(e.span.start);
                        pi >= ts && pi < ti
                    }
                });
                // اردوه قتيلا، ارداها: the verb's object pronoun is the one victim.
                let one_object =
                    matches!(strip_clitic(a.word(ti)), "ارداه" | "اردوه" | "اردته" | "ارداها" | "اردوها");
                match single {
                    Some(i) => (1, Some(1), false, a.tokens[i].span, i + 1),
                    None if one_object => (1, Some(1), false, t.span, tend),
                    None if person_before && row.form == TriggerForm::Verb => {
                        (1, Some(1), false, t.span, tend)
                    }
                    None => continue,
                }
            }
        };
        // The casualties' actor: an actor mention within 4 tokens after the count.
        let mut actor = None;
        let range = a.ents_in(a.tok_span(noun_tok, (noun_tok + 3).min(te)));
        for (k, e) in a.entities[range.clone()].iter().enumerate().map(|(k, e)| (k + range.start, e)) {
            let i = a.tok(e.span.start);
            let stop = |j: usize| a.word(j) == "،" || TRIGGER_BREAK.contains(&a.word(j)) || a.word(j) == "ان";
            if i >= noun_tok && i <= noun_tok + 5 && i < te && !(noun_tok..i).any(stop) {
                if let Some(x) = resolved[k] {
                    actor = Some(a.gazetteer.root_actor(x));
                    break;
                }
            }
        }
        // The noun: the count itself for a dual (جنديين), else after it.
        let nouns = a.tok(span.start).min(noun_tok)..(noun_tok + 2).min(te);
        if actor.is_none() && nouns.clone().any(|i| CIVILIAN_NOUNS.contains(&strip_clitic(a.word(i)))) {
            actor = a.gazetteer.actor("civilians");
        }
        // Soldiers and policemen with no side named are the state's where the
        // event took place (استشهد جنديان بانفجار عبوة قرب العظيم).
        if actor.is_none() && nouns.clone().any(|i| SOLDIER_NOUNS.contains(&strip_clitic(a.word(i)))) {
            actor = state;
        }
        let noun = strip_clitic(a.word(noun_tok));
        let attacker = ATTACKER_NOUNS.contains(&noun)
            || ATTACKER_NOUNS.contains(&strip_clitic(a.word(noun_tok.saturating_sub(1))))
            || ATTACKER_NOUNS.contains(&strip_clitic(a.word(a.tok(span.start))));
        let group = if attacker || actor.is_some_and(|x| perps.iter().any(|(p, _)| p.id == x.id)) {
            "perpetrators"
        } else {
            "victims"
        };
        let cas_span = span.cover(t.span);
        out.push(Cas { outcome, min, max, approx, group, actor, span: cas_span });
        // جنديان امريكيان ومترجم، ضابطا وجنديين: coordinated parts add up.
        let mut j = noun_tok;
        let limit = if noun_tok <= ti { ti } else { after_end.max(noun_tok + 4).min(te) };
        while j < limit {
            let w = a.word(j);
            if a.tokens[j].text(a.text()) == "،" || SUBSET.contains(&w) {
                break;
            }
            if let Some(rest) = w.strip_prefix('و') {
                let c = counts.iter().find(|c| a.tok(c.span.start) == j && !used.contains(&c.span));
                if let Some(c) = c {
                    used.push(c.span);
                    out.push(Cas {
                        outcome,
                        min: c.min,
                        max: c.max,
                        approx: c.approx,
                        group,
                        actor,
                        span: c.span,
                    });
                    j = a.tok(c.span.end);
                    continue;
                }
                if is_single_victim(rest) && !casualty_at(j) {
                    out.push(Cas {
                        outcome,
                        min: 1,
                        max: Some(1),
                        approx: false,
                        group: "victims",
                        actor: None,
                        span: a.tokens[j].span,
                    });
                }
            }
            j += 1;
        }
        // ضابطا برتبه نقيب وجنديين قتلوا: a singular before the count.
        if noun_tok <= ti {
            let c0 = a.tok(span.start);
            if a.word(c0).starts_with('و') {
                if let Some(k) = (c0.saturating_sub(4)..c0).rev().find(|&k| is_single_victim(a.word(k))) {
                    out.push(Cas {
                        outcome,
                        min: 1,
                        max: Some(1),
                        approx: false,
                        group,
                        actor,
                        span: a.tokens[k].span,
                    });
                }
            }
        }
    }
    // برفقه نساء: unnumbered companions make the killed count open.
    if let Some(first) = out.iter().position(|c| c.outcome == "killed" && c.group == "victims") {
        if (ts..te).any(|i| matches!(a.word(i), "برفقه" | "رفقه")) {
            out[first].max = None;
        }
    }
    out
}

/// Words that end a verb's subject when looking back from it.
const TRIGGER_BREAK: &[&str] = &["عندما", "بعد", "قبل", "حين", "اثر", "جراء"];

/// The government forces of the country a place lies in (`syria_gov`,
/// `iraq_gov`), for soldiers and policemen named without their side.
fn state_forces<'g>(a: &Analysis<'_, 'g>, place: Option<&'g Place>) -> Option<&'g Actor> {
    let country = a.gazetteer.admin_chain(place?).into_iter().find(|p| p.kind == PlaceKind::Country)?;
    match country.name_en.as_str() {
        "Syria" => a.gazetteer.actor("syria_gov"),
        "Iraq" => a.gazetteer.actor("iraq_gov"),
        _ => None,
    }
}

/// Nouns for soldiers and policemen as casualties (the state's forces).
#[rustfmt::skip]
const SOLDIER_NOUNS: &[&str] = &[
    "جندي", "جنديا", "جنديان", "جنديين", "جنود", "الجنود", "عسكري", "عسكريا", "عسكريان", "عسكريين",
    "عسكريون", "ضابط", "ضابطا", "ضابطان", "ضابطين", "ضباط", "شرطي", "شرطيا", "شرطيان", "شرطيين",
    "منتسب", "منتسبا", "منتسبين", "منتسبي", "مجند", "مجندا", "مجندين",
];

/// Nouns for civilians as casualties.
const CIVILIAN_NOUNS: &[&str] = &[
    "مدنيين",
    "مدنيا",
    "مدني",
    "مدنيان",
    "اطفال",
    "طفلا",
    "نساء",
    "مواطنين",
    "مواطنا",
    "راعيين",
    "رعاه",
    "راعيا",
    "مزارعين",
    "عمال",
    "اشخاص",
    "شخصا",
    "اشخاصا",
    "مصلين",
    "المصلين",
    "طلاب",
    "صيادين",
];

fn is_single_victim(w: &str) -> bool {
    let w = strip_clitic(w);
    let bare = w.strip_suffix('ا').filter(|b| b.len() >= 6).unwrap_or(w);
    SINGULAR_VICTIMS.contains(&w)
        || SINGULAR_VICTIMS.contains(&bare)
        || matches!(w, "ثالث" | "رابع" | "خامس" | "اخر")
}

fn persons<'g>(
    a: &Analysis<'_, 'g>,
    (ts, te): (usize, usize),
    cas: &[Cas<'g>],
) -> Vec<(&'g Person, Span, &'static str)> {
    let mut out: Vec<(&'g Person, Span, &'static str)> = Vec::new();
    for e in &a.entities[a.ents_in(a.tok_span(ts, te))] {
        let Entity::Person(p) = e.entity else {
            continue;
        };
        let i = a.tok(e.span.start);
        if i < ts || i >= te {
            continue;
        }
        let role_l = p.role.to_lowercase();
        if ["analyst", "researcher", "spokes", "journalist", "expert", "fellow"]
            .iter()
            .any(|r| role_l.contains(r))
        {
            continue;
        }
        let role = if cas.iter().any(|c| c.outcome == "killed") { "target" } else { "mentioned" };
        if !out.iter().any(|(q, _, _)| q.id == p.id) {
            out.push((p, e.span, role));
        }
    }
    out
}

/// Whether two candidates can be one event.
fn same_governorate(g: &Gazetteer, p: &Place, q: &Place) -> bool {
    let gov = g.governorate_of(p);
    gov.is_some() && gov == g.governorate_of(q)
}

fn compatible(a: &Cand<'_>, b: &Cand<'_>, g: &Gazetteer) -> bool {
    if a.modality.is_reported() != b.modality.is_reported() {
        return false;
    }
    // A generic attack also describes a bombing or a prison break at the
    // same place (هجوم على سجن ... فرار من السجن).
    let attack_like = |k: EventKind| matches!(k.family(), 0 | 1 | 5);
    // (With no place of its own, "الهجوم" — the attack — is the one told
    // before: وتبنى تنظيم داعش الهجوم.)
    let generic = (a.kind == EventKind::ArmedAttack || b.kind == EventKind::ArmedAttack)
        && attack_like(a.kind)
        && attack_like(b.kind)
        && (a.place.is_some() || b.place.is_some());
    let kinds = a.kind.family() == b.kind.family() || a.weak || b.weak || generic;
    if !kinds {
        return false;
    }
    let places = match (&a.place, &b.place) {
        (Some((p, _, r1)), Some((q, _, r2))) => {
            p.id == q.id
                || g.admin_chain(p).iter().any(|x| x.id == q.id)
                || g.admin_chain(q).iter().any(|x| x.id == p.id)
                // "شمالي بغداد" (near the city) and "قضاء الطارميه" (in its
                // governorate) can be one place told two ways.
                || ((*r1 == "near" || *r2 == "near") && same_governorate(g, p, q))
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

/// How many earlier events a new mention is compared with.
const MERGE_WINDOW: usize = 32;

fn merge<'g>(cands: Vec<Cand<'g>>, g: &Gazetteer) -> Vec<Cand<'g>> {
    let mut out: Vec<Cand<'g>> = Vec::new();
    for c in cands {
        // A generic reference (العمليه، الحادث) joins only a mention close by.
        let ok = |e: &Cand<'_>| compatible(e, &c, g) && (!(e.weak || c.weak) || c.sentence <= e.sentence + 3);
        // Only the last events are candidates: a report names a few events,
        // and a pathological document must not make merging quadratic.
        let window = out.len().saturating_sub(MERGE_WINDOW);
        let mut target = out[window..].iter().rposition(ok).map(|k| k + window);
        // A specific mention joins the first of the generic ones close by (the lead).
        if let Some(k) = target {
            if out[k].weak && !c.weak {
                target = out[window..].iter().position(|e| e.weak && ok(e)).map(|k| k + window).or(target);
            }
        }
        match target {
            None => out.push(c),
            Some(k) => {
                let e = &mut out[k];
                // Kind: a specific mention over a weak one, the more specific
                // kind within a family.
                // A bombing or a prison break is more specific than the attack
                // it was merged with (only attack-like kinds merge across families).
                let cross = e.kind == EventKind::ArmedAttack && c.kind.family() != e.kind.family();
                if !c.weak
                    && (e.weak
                        || cross
                        || (c.kind.family() == e.kind.family() && c.kind.priority() < e.kind.priority()))
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
                    // A place the event is in beats a place it is near (شمالي بغداد).
                    // (but a governorate does not beat a town it is near).
                    (Some((p, _, "near")), Some((q, _, "in")))
                        if refine
                            && p.id != q.id
                            && specificity(q.kind) <= specificity(PlaceKind::District) =>
                    {
                        e.place = c.place
                    }
                    (Some((p, _, "in")), Some((q, _, "near")))
                        if p.id != q.id && specificity(p.kind) <= specificity(PlaceKind::District) => {}
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
                    // A claim (زاعما انه اوقع عشره قتلي) does not replace a reported toll.
                    let claim_over_report = c.modality == Modality::Claimed && total(&e.casualties) > 0;
                    if total(&c.casualties) > total(&e.casualties) && !claim_over_report {
                        e.casualties.retain(|x| x.outcome != outcome || x.group != "victims");
                        e.casualties.extend(
                            c.casualties
                                .iter()
                                .filter(|x| x.outcome == outcome && x.group == "victims")
                                .cloned(),
                        );
                    }
                }
                for x in c.casualties.into_iter().filter(|x| x.group == "perpetrators") {
                    if !e.casualties.iter().any(|y| y.group == "perpetrators" && y.outcome == x.outcome) {
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
    let specific_place = |c: &Cand<'_>| c.place.is_some_and(|(p, _, _)| p.kind != PlaceKind::Country);
    // rasad reports events in Syria and Iraq: an event needs a place of the
    // gazetteer (a country alone is not enough); reports from elsewhere (a
    // school shooting abroad, a bombing in Amman) are left out.
    out.retain(|c| !c.weak && specific_place(c));
    out
}

fn total(cas: &[Cas<'_>], outcome: &str) -> Option<Total> {
    let parts: Vec<&Cas<'_>> = cas.iter().filter(|c| c.outcome == outcome && c.group == "victims").collect();
    if parts.is_empty() {
        return None;
    }
    let min = parts.iter().map(|c| c.min).fold(0u64, u64::saturating_add);
    let max = parts.iter().try_fold(0u64, |acc, c| c.max.map(|m| acc.saturating_add(m)));
    Some(Total { min, max, approx: parts.iter().any(|c| c.approx) })
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
                    .map(|q| AdminLevel { level: q.kind.as_str().to_string(), name: q.name_en.clone() })
                    .collect(),
                lat: p.lat,
                lon: p.lon,
                relation,
                rule: a.entities[a.ents_in(sp)].iter().find(|e| e.span == sp).and_then(|e| e.rule),
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
                trigger: TriggerRef { text: a.orig_text(c.trigger), span: a.orig(c.trigger) },
                evidence: c.evidence.iter().map(|sp| Evidence { span: a.orig(*sp) }).collect(),
                confidence: confidence.min(0.95),
            }
        })
        .collect()
}
