//! rasad (رصد, "monitoring") turns Arabic news reports about terrorism and
//! counter-terrorism in Syria and Iraq into structured, verifiable events.
//!
//! Every field rasad reports carries the byte span of the original text it was
//! read from, so a person can check it.
//!
//! ```
//! use rasad::normalize::Normalizer;
//! use rasad::Span;
//!
//! let report = "قُتِلَ جنديان في كمينٍ قرب تَدْمُر";
//! let norm = Normalizer::new().normalize(report);
//! assert_eq!(norm.as_str(), "قتل جنديان في كمين قرب تدمر");
//!
//! let at = norm.as_str().find("تدمر").unwrap();
//! let span: Span = norm.original_span(Span::new(at, at + "تدمر".len()));
//! assert_eq!(&report[span], "تَدْمُر");
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
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod event;
mod extractor;
pub mod gazetteer;
pub mod lexicon;
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
pub use span::Span;
