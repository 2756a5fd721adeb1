//! The trigger table (`gazetteers/triggers.tsv`): phrases that signal an
//! event kind or a casualty.

use crate::gazetteer::{GazetteerError, GazetteerErrorKind};
use crate::lexicon::{Entry, LexiconBuilder, Tag};
use crate::normalize::Normalizer;

use super::EventKind;

const TRIGGERS_TSV: &str = include_str!("../../gazetteers/triggers.tsv");

/// What a trigger row signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriggerClass {
    /// A specific mention of an event.
    Event,
    /// A generic reference (عملية، الحادث): kept only when it merges with a
    /// specific mention or lends it a place or a date.
    Weak,
    /// A plural noun (هجمات): an event only with a date or a count nearby.
    Plural,
    /// A casualty word: killed.
    Killed,
    /// A casualty word: wounded.
    Wounded,
    /// A casualty word: captured.
    Captured,
}

/// Whether a trigger is a verb or a noun (its arguments sit differently).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriggerForm {
    /// A verb: its agent comes before it or right after it.
    Verb,
    /// A noun: its agent follows شنه، نفذه or the clitic ل.
    Noun,
}

/// One row of the trigger table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TriggerRow {
    /// The phrase variants, as written in the file.
    pub phrases: Vec<String>,
    /// The event kind (for casualty rows, `None`).
    pub kind: Option<EventKind>,
    /// What the row signals.
    pub class: TriggerClass,
    /// Verb or noun.
    pub form: TriggerForm,
    /// Normalized words one of which must follow in the same sentence.
    pub requires: Vec<String>,
}

/// The trigger table.
#[derive(Clone, Debug)]
pub struct Triggers {
    rows: Vec<TriggerRow>,
}

impl Triggers {
    /// The embedded table.
    ///
    /// # Errors
    ///
    /// When the embedded file is malformed (a test guards against it).
    pub fn embedded() -> Result<Triggers, GazetteerError> {
        Triggers::parse("gazetteers/triggers.tsv", TRIGGERS_TSV)
    }

    /// Parses a trigger table.
    ///
    /// # Errors
    ///
    /// A wrong field count, an unknown kind, class or form, with file and line.
    pub fn parse(file: &str, content: &str) -> Result<Triggers, GazetteerError> {
        let n = Normalizer::new();
        let mut rows = Vec::new();
        let mut header = true;
        for (i, line) in content.lines().enumerate() {
            let line_no = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if header {
                header = false;
                if f.first() != Some(&"phrase") {
                    return Err(GazetteerError::new(
                        file,
                        Some(line_no),
                        GazetteerErrorKind::MissingColumn("phrase"),
                    ));
                }
                continue;
            }
            let err = |kind| GazetteerError::new(file, Some(line_no), kind);
            if f.len() != 6 {
                return Err(err(GazetteerErrorKind::FieldCount { expected: 6, found: f.len() }));
            }
            let class = match f[2] {
                "event" => TriggerClass::Event,
                "weak" => TriggerClass::Weak,
                "plural" => TriggerClass::Plural,
                "killed" => TriggerClass::Killed,
                "wounded" => TriggerClass::Wounded,
                "captured" => TriggerClass::Captured,
                other => return Err(err(GazetteerErrorKind::UnknownKind(other.to_string()))),
            };
            let kind = match class {
                TriggerClass::Killed | TriggerClass::Wounded | TriggerClass::Captured => None,
                _ => Some(
                    EventKind::parse(f[1])
                        .ok_or_else(|| err(GazetteerErrorKind::UnknownKind(f[1].to_string())))?,
                ),
            };
            let form = match f[3] {
                "verb" => TriggerForm::Verb,
                "noun" => TriggerForm::Noun,
                other => return Err(err(GazetteerErrorKind::UnknownKind(other.to_string()))),
            };
            let phrases: Vec<String> = f[0].split('|').map(|p| p.trim().to_string()).collect();
            if phrases.iter().any(|p| p.is_empty()) {
                return Err(err(GazetteerErrorKind::EmptyAlias("phrase")));
            }
            let requires = f[4].split('|').filter(|r| !r.is_empty()).map(|r| n.normalize_str(r)).collect();
            rows.push(TriggerRow { phrases, kind, class, form, requires });
        }
        Ok(Triggers { rows })
    }

    /// The rows.
    pub fn rows(&self) -> &[TriggerRow] {
        &self.rows
    }

    /// Registers every phrase in a lexicon under [`Tag::Trigger`].
    pub fn register(&self, builder: &mut LexiconBuilder) {
        for (i, row) in self.rows.iter().enumerate() {
            for p in &row.phrases {
                builder.add(p, Entry { tag: Tag::Trigger, index: i as u32 });
            }
        }
    }
}
