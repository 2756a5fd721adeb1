//! Stage 4: events — the output contract's types (`../shared/spec/EVENTS.md`),
//! the trigger table, and the assembly of triggers, arguments, modality and
//! merging (the private `assemble` module, behind [`Extractor::extract`](crate::Extractor::extract)).

mod assemble;
mod triggers;

pub(crate) use assemble::{Analysis, Ent, Trig, assemble, resolve_actors};
pub use triggers::{TriggerClass, TriggerForm, TriggerRow, Triggers};

use serde::Serialize;

use crate::span::Span;
use crate::time::{DateValue, Precision, Resolution};

/// What happened: the event kinds of the contract, section 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum EventKind {
    ArmedAttack,
    Ambush,
    Raid,
    Bombing,
    SuicideBombing,
    VehicleBombing,
    Airstrike,
    DroneStrike,
    Shelling,
    Assassination,
    Kidnapping,
    Arrest,
    Execution,
    Clash,
    TerritorySeized,
    PrisonBreak,
    DisruptedAttack,
}

impl EventKind {
    /// Every kind, in the contract's order.
    pub const ALL: [EventKind; 17] = [
        EventKind::ArmedAttack,
        EventKind::Ambush,
        EventKind::Raid,
        EventKind::Bombing,
        EventKind::SuicideBombing,
        EventKind::VehicleBombing,
        EventKind::Airstrike,
        EventKind::DroneStrike,
        EventKind::Shelling,
        EventKind::Assassination,
        EventKind::Kidnapping,
        EventKind::Arrest,
        EventKind::Execution,
        EventKind::Clash,
        EventKind::TerritorySeized,
        EventKind::PrisonBreak,
        EventKind::DisruptedAttack,
    ];

    /// The contract's name (`armed_attack`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::ArmedAttack => "armed_attack",
            EventKind::Ambush => "ambush",
            EventKind::Raid => "raid",
            EventKind::Bombing => "bombing",
            EventKind::SuicideBombing => "suicide_bombing",
            EventKind::VehicleBombing => "vehicle_bombing",
            EventKind::Airstrike => "airstrike",
            EventKind::DroneStrike => "drone_strike",
            EventKind::Shelling => "shelling",
            EventKind::Assassination => "assassination",
            EventKind::Kidnapping => "kidnapping",
            EventKind::Arrest => "arrest",
            EventKind::Execution => "execution",
            EventKind::Clash => "clash",
            EventKind::TerritorySeized => "territory_seized",
            EventKind::PrisonBreak => "prison_break",
            EventKind::DisruptedAttack => "disrupted_attack",
        }
    }

    /// Parses the contract's name.
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The family of kinds that may describe one event (an attack reported
    /// as an ambush here and an attack there). An execution is a family of
    /// its own: putting captives to death is not the attack or the clash
    /// told beside it, even on the same day in the same province.
    pub fn family(self) -> u8 {
        use EventKind::*;
        match self {
            ArmedAttack | Ambush | Clash | Assassination => 0,
            Execution => 7,
            Bombing | SuicideBombing | VehicleBombing => 1,
            Airstrike | DroneStrike | Shelling => 2,
            Raid | Arrest | Kidnapping => 3,
            TerritorySeized => 4,
            PrisonBreak => 5,
            DisruptedAttack => 6,
        }
    }

    /// When one sentence holds several triggers, the most specific kind
    /// wins: lower first.
    pub(crate) fn priority(self) -> u8 {
        use EventKind::*;
        match self {
            DisruptedAttack => 0,
            PrisonBreak => 1,
            SuicideBombing => 2,
            VehicleBombing => 3,
            DroneStrike => 4,
            Airstrike => 5,
            Assassination => 6,
            Execution => 7,
            Kidnapping => 8,
            Ambush => 9,
            Raid => 10,
            Bombing => 11,
            Arrest => 12,
            TerritorySeized => 13,
            Shelling => 14,
            Clash => 15,
            ArmedAttack => 16,
        }
    }

    /// The ACLED sub-event type this kind maps to.
    pub fn acled_sub_event_type(self) -> &'static str {
        use EventKind::*;
        match self {
            ArmedAttack | Assassination | Execution => "Attack",
            Ambush | Clash | Raid => "Armed clash",
            Bombing => "Remote explosive/landmine/IED",
            SuicideBombing => "Suicide bomb",
            VehicleBombing => "Remote explosive/landmine/IED",
            Airstrike | DroneStrike => "Air/drone strike",
            Shelling => "Shelling/artillery/missile attack",
            Kidnapping => "Abduction/forced disappearance",
            Arrest => "Arrests",
            TerritorySeized => "Non-state actor overtakes territory",
            PrisonBreak => "Attack",
            DisruptedAttack => "Disrupted weapons use",
        }
    }

    /// The ACLED event type of [`acled_sub_event_type`](EventKind::acled_sub_event_type).
    pub fn acled_event_type(self) -> &'static str {
        use EventKind::*;
        match self {
            ArmedAttack | Assassination | Execution | Kidnapping | PrisonBreak => {
                "Violence against civilians"
            }
            Ambush | Clash | Raid => "Battles",
            Bombing | SuicideBombing | VehicleBombing | Airstrike | DroneStrike | Shelling => {
                "Explosions/Remote violence"
            }
            Arrest | DisruptedAttack => "Strategic developments",
            TerritorySeized => "Battles",
        }
    }
}

/// Whether the text reports the event as real.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened.
    Asserted,
    /// A party claims it (زعم، ادعى).
    Claimed,
    /// Could, may, expected, threatened, planned, conditional, future.
    Hypothetical,
    /// Denied, or said not to have happened.
    Negated,
}

impl Modality {
    /// True for the modalities `extract` prints by default.
    pub fn is_reported(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Claimed)
    }

    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Claimed => "claimed",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }
}

/// An event's date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventDate {
    /// TIMEX3 value: `2025-08-20`, `2025-05`, `2017`, `XXXX-12-13`.
    pub value: DateValue,
    /// How precise the value is.
    pub precision: Precision,
    /// How it was resolved.
    pub resolved_from: Resolution,
    /// The words it was read from.
    pub text: String,
    /// Where they are in the original text.
    pub span: Span,
}

/// One level of a place's administrative chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AdminLevel {
    /// `country`, `governorate`, `district`, `subdistrict`.
    pub level: String,
    /// English name.
    pub name: String,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// Gazetteer id.
    pub id: String,
    /// English name.
    pub name: String,
    /// Arabic name.
    pub name_ar: String,
    /// The place's kind (`town`, `city`, `camp`, ...).
    pub kind: String,
    /// Enclosing administrative units, from the country down.
    pub admin: Vec<AdminLevel>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// `in`, or `near` (قرب، بالقرب من، ريف، شرق ...).
    pub relation: &'static str,
    /// How the place was chosen among places that share its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<crate::gazetteer::PlaceRule>,
    /// Where the place is named in the original text.
    pub span: Span,
}

/// An actor taking part in an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActorRef {
    /// Actor id (`isis`, `coalition`, ...).
    pub id: String,
    /// English name.
    pub name: String,
    /// Where it is named (for an anaphor, the anaphor's words).
    pub span: Span,
}

/// A person named in an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonRef {
    /// Person id.
    pub id: String,
    /// English name.
    pub name: String,
    /// `target`, `perpetrator` or `mentioned`.
    pub role: &'static str,
    /// Where the person is named.
    pub span: Span,
}

/// One group of casualties: who, how many, what happened to them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Casualty {
    /// `killed`, `wounded` or `captured`.
    pub outcome: &'static str,
    /// Smallest count.
    pub min: u64,
    /// Largest count; `null` when open ("at least").
    pub max: Option<u64>,
    /// "About N".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
    /// `victims` or `perpetrators`.
    pub group: &'static str,
    /// The casualties' actor, when named (`us` for جنديان أمريكيان).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// The words read.
    pub text: String,
    /// Where they are.
    pub span: Span,
}

/// A total over the victims' casualties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Total {
    /// Smallest total.
    pub min: u64,
    /// Largest total; `null` when open.
    pub max: Option<u64>,
    /// At least one part is approximate.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
}

/// The words that signal the event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TriggerRef {
    /// The trigger as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A stretch of text the event was read from (one per mention).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The sentence, in the original text.
    pub span: Span,
}

/// An event, exactly as the output contract describes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// The document's id.
    pub doc_id: String,
    /// `doc_id#n`.
    pub event_id: String,
    /// What happened.
    pub kind: EventKind,
    /// Whether it is reported as real.
    pub modality: Modality,
    /// When, if the text says.
    pub date: Option<EventDate>,
    /// Where, if the text says.
    pub location: Option<Location>,
    /// Who did it.
    pub perpetrators: Vec<ActorRef>,
    /// To whom.
    pub targets: Vec<ActorRef>,
    /// People named.
    pub persons: Vec<PersonRef>,
    /// Casualties by group.
    pub casualties: Vec<Casualty>,
    /// Victims killed, when the text gives a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub killed: Option<Total>,
    /// Victims wounded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wounded: Option<Total>,
    /// Victims captured, arrested or kidnapped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub captured: Option<Total>,
    /// The trigger of the first specific mention.
    pub trigger: TriggerRef,
    /// Every mention.
    pub evidence: Vec<Evidence>,
    /// How sure rasad is, 0–1.
    pub confidence: f32,
}
