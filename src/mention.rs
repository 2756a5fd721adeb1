//! Mentions: everything rasad recognizes before it assembles events — places,
//! actors, persons, dates, numbers and triggers — each with its span (the
//! output contract, `../shared/spec/EVENTS.md` section 6).

use serde::Serialize;

use crate::span::Span;
use crate::time::{DateValue, Precision, Resolution};

/// One recognized thing in a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// The document's id.
    pub doc_id: String,
    /// What was recognized, with its own fields (`type` in JSON).
    #[serde(flatten)]
    pub what: MentionKind,
    /// The words, as written in the original text.
    pub text: String,
    /// Where they are in the original text.
    pub span: Span,
}

/// What a [`Mention`] is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MentionKind {
    /// A place of the gazetteer.
    Place {
        /// Gazetteer id.
        id: String,
        /// English name.
        name: String,
        /// The place's kind (`town`, `governorate`, ...).
        kind: &'static str,
        /// Proclitics stripped (`"ب"`, `"وال"`), normalized.
        #[serde(skip_serializing_if = "Option::is_none")]
        clitic: Option<&'static str>,
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
        /// How it was chosen among places that share its name.
        rule: crate::gazetteer::PlaceRule,
    },
    /// An actor; an anaphor (التنظيم) resolved to the group it refers to.
    Actor {
        /// Actor id (rolled up to the contract's ids).
        id: String,
        /// English name.
        name: String,
        /// Proclitics stripped.
        #[serde(skip_serializing_if = "Option::is_none")]
        clitic: Option<&'static str>,
        /// The words are a group noun that refers back (التنظيم، الجماعة).
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        anaphor: bool,
    },
    /// A person.
    Person {
        /// Person id.
        id: String,
        /// English name.
        name: String,
        /// Proclitics stripped.
        #[serde(skip_serializing_if = "Option::is_none")]
        clitic: Option<&'static str>,
    },
    /// A date, resolved as an event's date would be.
    Date {
        /// TIMEX3 value.
        value: DateValue,
        /// How precise it is.
        precision: Precision,
        /// How it was resolved.
        resolved_from: Resolution,
    },
    /// A quantity with its bounds.
    Number {
        /// Smallest value.
        min: u64,
        /// Largest value; `null` when open.
        max: Option<u64>,
        /// "About N".
        approx: bool,
    },
    /// A word that signals an event kind, or a casualty (`killed`, `wounded`, `captured`).
    Trigger {
        /// The event kind or the casualty outcome.
        kind: &'static str,
    },
}

impl MentionKind {
    /// The contract's `type`.
    pub fn type_name(&self) -> &'static str {
        match self {
            MentionKind::Place { .. } => "place",
            MentionKind::Actor { .. } => "actor",
            MentionKind::Person { .. } => "person",
            MentionKind::Date { .. } => "date",
            MentionKind::Number { .. } => "number",
            MentionKind::Trigger { .. } => "trigger",
        }
    }
}
