//! rasad (رصد, "monitoring") turns Arabic news reports about terrorism and
//! counter-terrorism in Syria and Iraq into structured, verifiable events:
//! what happened, where, when, who did it to whom, and how many were killed,
//! wounded or captured — with the byte span of the words behind every field.
//!
//! ```
//! use rasad::{Document, Extractor};
//!
//! let report = "قُتل جنديان أمريكيان ومترجم وأصيب أربعة آخرون في كمين نصبه مسلح \
//!               قرب مدينة تدمر يوم السبت.";
//! let doc = Document::new("r1", report).published(chrono::NaiveDate::from_ymd_opt(2025, 12, 15).unwrap());
//! let events = Extractor::embedded().extract(&doc);
//! let e = &events[0];
//! assert_eq!(e.kind.as_str(), "ambush");
//! assert_eq!(e.location.as_ref().unwrap().name, "Palmyra");
//! assert_eq!(e.date.as_ref().unwrap().value.to_string(), "2025-12-13");
//! assert_eq!(e.killed.unwrap().min, 3); // two soldiers and an interpreter
//! assert_eq!(e.wounded.unwrap().min, 4);
//! // Every field points at the words it was read from.
//! assert_eq!(&report[e.trigger.span], "كمين");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Pipeline
//!
//! Data flows one way through one module per stage:
//!
//! 1. [`normalize`]: Arabic normalization with an [`normalize::OffsetMap`]
//!    back to the original bytes.
//! 2. [`lexicon`]: the one Aho-Corasick scanner, searched at word starts
//!    through Arabic proclitics; [`gazetteer`]: places, actors and people,
//!    their data files and their matches.
//! 3. [`token`], [`sentence`], [`time`], [`number`]: tokens, sentences, dates
//!    resolved against the publication date, counts with bounds.
//! 4. [`event`]: triggers, arguments, modality, merging — behind
//!    [`Extractor::extract`].
//! 5. [`output`]: JSON Lines, JSON, CSV and GeoJSON writers.
//!
//! The main types are [`Extractor`] (built once, `Send + Sync`), [`Document`]
//! and [`Event`] (the output contract, `../shared/spec/EVENTS.md`).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod event;
mod extractor;
pub mod gazetteer;
pub mod lexicon;
pub mod mention;
pub mod normalize;
pub mod number;
#[cfg(feature = "output")]
pub mod output;
pub mod sentence;
mod span;
pub mod time;
pub mod token;

pub use event::{Event, EventKind, Modality};
pub use extractor::{Document, Extractor, ExtractorBuilder};
pub use gazetteer::{Gazetteer, GazetteerError};
pub use mention::{Mention, MentionKind};
pub use span::Span;

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
