//! Stage 5: writers for events — JSON Lines, a JSON array, CSV with ACLED's
//! column names, and a GeoJSON FeatureCollection. They stream: one event in,
//! its bytes out, so a corpus of any size is written in constant memory.
//!
//! ```
//! use rasad::output::{EventWriter, Format};
//! use rasad::{Document, Extractor};
//!
//! let doc = Document::new("d1", "قتل جنديان في كمين قرب تدمر يوم 13 كانون الأول 2025");
//! let events = Extractor::embedded().extract(&doc);
//! let mut out = Vec::new();
//! let mut w = EventWriter::new(&mut out, Format::GeoJson)?;
//! for e in &events {
//!     w.write(e)?;
//! }
//! w.finish()?;
//! let geo: serde_json::Value = serde_json::from_slice(&out)?;
//! assert_eq!(geo["type"], "FeatureCollection");
//! assert_eq!(geo["features"][0]["geometry"]["type"], "Point");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::{self, Write};

use serde_json::json;

use crate::event::Event;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object per line.
    JsonLines,
    /// One JSON array.
    Json,
    /// CSV, ACLED's column names where they exist.
    Csv,
    /// A GeoJSON FeatureCollection of points (events without a place are left out).
    GeoJson,
}

impl Format {
    /// Parses `jsonl`, `json`, `csv` or `geojson`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "jsonl" => Some(Format::JsonLines),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "geojson" => Some(Format::GeoJson),
            _ => None,
        }
    }
}

/// The CSV columns: ACLED's names first, then rasad's own.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "notes",
    "doc_id",
    "kind",
    "modality",
    "date_resolved_from",
    "location_id",
    "relation",
    "killed_min",
    "killed_max",
    "wounded_min",
    "wounded_max",
    "captured_min",
    "captured_max",
    "perpetrators",
    "targets",
    "trigger",
    "trigger_start",
    "trigger_end",
    "confidence",
];

/// Writes events in one [`Format`].
#[derive(Debug)]
pub struct EventWriter<W: Write> {
    out: Sink<W>,
    format: Format,
    written: usize,
}

#[derive(Debug)]
enum Sink<W: Write> {
    Plain(W),
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> EventWriter<W> {
    /// Starts writing (a JSON array or a GeoJSON collection opens here, a CSV
    /// writes its header).
    ///
    /// # Errors
    ///
    /// An I/O error of `out`.
    pub fn new(mut out: W, format: Format) -> io::Result<EventWriter<W>> {
        let out = match format {
            Format::Json => {
                out.write_all(b"[\n")?;
                Sink::Plain(out)
            }
            Format::GeoJson => {
                out.write_all(b"{\"type\": \"FeatureCollection\", \"features\": [\n")?;
                Sink::Plain(out)
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(CSV_COLUMNS)?;
                Sink::Csv(Box::new(w))
            }
            Format::JsonLines => Sink::Plain(out),
        };
        Ok(EventWriter { out, format, written: 0 })
    }

    /// Writes one event. Returns whether it was written (GeoJSON leaves out
    /// events without a location).
    ///
    /// # Errors
    ///
    /// An I/O error of the output.
    pub fn write(&mut self, e: &Event) -> io::Result<bool> {
        let out = match &mut self.out {
            Sink::Csv(w) => {
                w.write_record(csv_fields(e))?;
                self.written += 1;
                return Ok(true);
            }
            Sink::Plain(out) => out,
        };
        match self.format {
            Format::JsonLines => {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")?;
            }
            Format::Json => {
                if self.written > 0 {
                    out.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut *out, e)?;
            }
            Format::GeoJson => {
                let Some(loc) = &e.location else {
                    return Ok(false);
                };
                if self.written > 0 {
                    out.write_all(b",\n")?;
                }
                let feature = json!({
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                    "properties": {
                        "event_id": e.event_id,
                        "doc_id": e.doc_id,
                        "kind": e.kind,
                        "modality": e.modality,
                        "date": e.date.as_ref().map(|d| d.value.to_string()),
                        "location": loc.name,
                        "location_ar": loc.name_ar,
                        "relation": loc.relation,
                        "admin": loc.admin.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(" / "),
                        "perpetrators": e.perpetrators.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
                        "targets": e.targets.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
                        "killed": e.killed,
                        "wounded": e.wounded,
                        "trigger": e.trigger.text,
                        "confidence": e.confidence,
                    }
                });
                serde_json::to_writer(&mut *out, &feature)?;
            }
            Format::Csv => unreachable!("CSV goes to its own sink"),
        }
        self.written += 1;
        Ok(true)
    }

    /// Closes the array or collection and flushes. Returns the number of
    /// events written.
    ///
    /// # Errors
    ///
    /// An I/O error of the output.
    pub fn finish(self) -> io::Result<usize> {
        match self.out {
            Sink::Csv(mut w) => w.flush()?,
            Sink::Plain(mut out) => {
                match self.format {
                    Format::Json => out.write_all(b"\n]\n")?,
                    Format::GeoJson => out.write_all(b"\n]}\n")?,
                    _ => {}
                }
                out.flush()?;
            }
        }
        Ok(self.written)
    }
}

fn csv_fields(e: &Event) -> Vec<String> {
    let loc = e.location.as_ref();
    let admin = |level: &str| {
        loc.and_then(|l| l.admin.iter().find(|a| a.level == level)).map_or(String::new(), |a| a.name.clone())
    };
    let ids = |v: &[crate::event::ActorRef]| v.iter().map(|a| a.id.as_str()).collect::<Vec<_>>().join("|");
    let names =
        |v: &[crate::event::ActorRef]| v.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("; ");
    let num = |x: Option<u64>| x.map_or(String::new(), |v| v.to_string());
    let date = e.date.as_ref();
    vec![
        e.event_id.clone(),
        date.map_or(String::new(), |d| d.value.to_string()),
        date.and_then(|d| d.value.year).map_or(String::new(), |y| y.to_string()),
        date.map_or(String::new(), |d| match d.precision {
            crate::time::Precision::Day => "1".into(),
            crate::time::Precision::Month => "2".into(),
            crate::time::Precision::Year => "3".into(),
        }),
        e.kind.acled_event_type().to_string(),
        e.kind.acled_sub_event_type().to_string(),
        names(&e.perpetrators),
        names(&e.targets),
        admin("country"),
        admin("governorate"),
        admin("district"),
        loc.map_or(String::new(), |l| l.name.clone()),
        loc.map_or(String::new(), |l| l.lat.to_string()),
        loc.map_or(String::new(), |l| l.lon.to_string()),
        e.killed.map_or("0".into(), |k| k.min.to_string()),
        e.trigger.text.clone(),
        e.doc_id.clone(),
        e.kind.as_str().to_string(),
        e.modality.as_str().to_string(),
        date.map_or(String::new(), |d| d.resolved_from.as_str().to_string()),
        loc.map_or(String::new(), |l| l.id.clone()),
        loc.map_or(String::new(), |l| l.relation.to_string()),
        num(e.killed.map(|k| k.min)),
        num(e.killed.and_then(|k| k.max)),
        num(e.wounded.map(|k| k.min)),
        num(e.wounded.and_then(|k| k.max)),
        num(e.captured.map(|k| k.min)),
        num(e.captured.and_then(|k| k.max)),
        ids(&e.perpetrators),
        ids(&e.targets),
        e.trigger.text.clone(),
        e.trigger.span.start.to_string(),
        e.trigger.span.end.to_string(),
        format!("{:.2}", e.confidence),
    ]
}

/// The CSV columns of mentions (`extract --mentions --format csv`).
pub const MENTION_CSV_COLUMNS: &[&str] = &[
    "doc_id",
    "type",
    "id",
    "name",
    "text",
    "start",
    "end",
    "value",
    "precision",
    "min",
    "max",
    "approx",
    "lat",
    "lon",
    "kind",
];

/// Writes mentions as JSON Lines or CSV.
#[derive(Debug)]
pub struct MentionWriter<W: Write> {
    out: Sink<W>,
    written: usize,
}

impl<W: Write> MentionWriter<W> {
    /// Starts writing; `format` is [`Format::JsonLines`] or [`Format::Csv`].
    ///
    /// # Errors
    ///
    /// An I/O error, or a format other than JSON Lines and CSV.
    pub fn new(out: W, format: Format) -> io::Result<MentionWriter<W>> {
        let out = match format {
            Format::JsonLines => Sink::Plain(out),
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(MENTION_CSV_COLUMNS)?;
                Sink::Csv(Box::new(w))
            }
            other => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("mentions are written as jsonl or csv, not {other:?}"),
                ));
            }
        };
        Ok(MentionWriter { out, written: 0 })
    }

    /// Writes one mention.
    ///
    /// # Errors
    ///
    /// An I/O error of the output.
    pub fn write(&mut self, m: &crate::mention::Mention) -> io::Result<()> {
        match &mut self.out {
            Sink::Plain(out) => {
                serde_json::to_writer(&mut *out, m)?;
                out.write_all(b"\n")?;
            }
            Sink::Csv(w) => w.write_record(mention_fields(m))?,
        }
        self.written += 1;
        Ok(())
    }

    /// Flushes; returns the number of mentions written.
    ///
    /// # Errors
    ///
    /// An I/O error of the output.
    pub fn finish(self) -> io::Result<usize> {
        match self.out {
            Sink::Csv(mut w) => w.flush()?,
            Sink::Plain(mut out) => out.flush()?,
        }
        Ok(self.written)
    }
}

fn mention_fields(m: &crate::mention::Mention) -> Vec<String> {
    use crate::mention::MentionKind as K;
    let mut f = vec![String::new(); MENTION_CSV_COLUMNS.len()];
    f[0] = m.doc_id.clone();
    f[1] = m.what.type_name().to_string();
    f[4] = m.text.clone();
    f[5] = m.span.start.to_string();
    f[6] = m.span.end.to_string();
    match &m.what {
        K::Place { id, name, kind, lat, lon, .. } => {
            f[2] = id.clone();
            f[3] = name.clone();
            f[12] = lat.to_string();
            f[13] = lon.to_string();
            f[14] = kind.to_string();
        }
        K::Actor { id, name, .. } | K::Person { id, name, .. } => {
            f[2] = id.clone();
            f[3] = name.clone();
        }
        K::Date { value, precision, .. } => {
            f[7] = value.to_string();
            f[8] = precision.as_str().to_string();
        }
        K::Number { min, max, approx } => {
            f[9] = min.to_string();
            f[10] = max.map_or(String::new(), |v| v.to_string());
            f[11] = approx.to_string();
        }
        K::Trigger { kind } => f[14] = kind.to_string(),
    }
    f
}
