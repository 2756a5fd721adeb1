//! The `extract` command: events (or mentions) from Arabic news, as in
//! `../shared/spec/EVENTS.md`, section 4.
//!
//! ```text
//! cargo run --release --example extract -- [OPTIONS] [INPUT]...
//! ```
//!
//! INPUT: a `.txt` file (one document), a `.jsonl` or `.jsonl.gz` file (one
//! document per line: `{"id", "text", "published"?}`), a directory (its
//! `.txt`, `.jsonl` and `.jsonl.gz` files, recursively), or `-` for standard
//! input. With no input, a built-in sample report. Documents are processed in
//! parallel (rayon) in batches, and written in input order: memory stays flat
//! in the size of the corpus.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use rasad::output::{EventWriter, Format, MentionWriter};
use rasad::{Document, Extractor};
use rayon::prelude::*;

const SAMPLE: &str = include_str!("sample_report.txt");

/// Extract counter-terrorism events from Arabic news.
#[derive(Parser, Debug)]
#[command(name = "extract", version, about)]
struct Args {
    /// .txt, .jsonl, .jsonl.gz files, directories, or - for standard input.
    inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for documents that state none.
    #[arg(long, value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// Output format: jsonl, json, csv or geojson.
    #[arg(long, default_value = "jsonl", value_parser = parse_format)]
    format: Format,
    /// Extra gazetteer files (places*.tsv, actors*.tsv, people*.tsv) that
    /// extend or override the embedded ones.
    #[arg(long = "gazetteer", value_name = "DIR")]
    gazetteers: Vec<PathBuf>,
    /// Leave out the generated places (every village of Syria and Iraq) and
    /// read with the curated core gazetteer alone.
    #[arg(long)]
    core_places: bool,
    /// Include hypothetical and negated events.
    #[arg(long)]
    all: bool,
    /// Print mentions (places, actors, persons, dates, numbers, triggers)
    /// instead of events, as jsonl (default) or csv.
    #[arg(long)]
    mentions: bool,
    /// Print documents, MB, seconds, MB/s and events to standard error.
    #[arg(long)]
    stats: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s:?} is not a YYYY-MM-DD date: {e}"))
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("unknown format {s:?}: expected jsonl, json, csv or geojson"))
}

/// A problem with one input, reported with its place; the rest goes on.
#[derive(Debug)]
struct InputError {
    place: String,
    message: String,
}

type Item = Result<Document, InputError>;

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().ok();
    }
    let built = Instant::now();
    let mut builder = Extractor::builder();
    for dir in &args.gazetteers {
        builder = builder.gazetteer_dir(dir);
    }
    if args.core_places {
        builder = builder.core_places_only();
    }
    let extractor = match builder.build() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("extract: {e}");
            return ExitCode::from(2);
        }
    };
    if args.stats {
        let lexicon = extractor.lexicon();
        eprintln!(
            "startup: {:.3} s (gazetteer {} places, lexicon {} patterns, automaton {:.1} MB)",
            built.elapsed().as_secs_f64(),
            extractor.gazetteer().places().len(),
            lexicon.len(),
            lexicon.memory_usage() as f64 / 1e6
        );
    }
    let stdout = BufWriter::new(io::stdout().lock());
    let opened = if args.mentions {
        if !matches!(args.format, Format::JsonLines | Format::Csv) {
            eprintln!("extract: --mentions writes jsonl or csv");
            return ExitCode::from(2);
        }
        MentionWriter::new(stdout, args.format).map(Out::Mentions)
    } else {
        EventWriter::new(stdout, args.format).map(Out::Events)
    };
    let mut writer = match opened {
        Ok(w) => w,
        Err(e) => {
            eprintln!("extract: cannot write: {e}");
            return ExitCode::from(2);
        }
    };
    let sources = sources(&args.inputs);
    let progress = ProgressBar::new_spinner();
    progress.set_style(
        ProgressStyle::with_template("{spinner} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let start = Instant::now();
    let (mut docs, mut bytes, mut events, mut errors) = (0usize, 0usize, 0usize, 0usize);
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Document>, writer: &mut Out<_>| -> io::Result<()> {
        match writer {
            Out::Events(w) => {
                let results: Vec<Vec<rasad::Event>> =
                    batch.par_iter().map(|d| extractor.extract(d)).collect();
                for evs in results {
                    for e in evs.iter().filter(|e| args.all || e.modality.is_reported()) {
                        if w.write(e)? {
                            events += 1;
                        }
                    }
                }
            }
            Out::Mentions(w) => {
                let results: Vec<Vec<rasad::Mention>> =
                    batch.par_iter().map(|d| extractor.mentions(d)).collect();
                for ms in results {
                    for m in &ms {
                        w.write(m)?;
                        events += 1;
                    }
                }
            }
        }
        for d in batch.iter() {
            docs += 1;
            bytes += d.text.len();
        }
        batch.clear();
        progress.set_message(format!(
            "{docs} documents, {:.1} MB, {events} events, {:.1} MB/s",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / start.elapsed().as_secs_f64().max(1e-9)
        ));
        Ok(())
    };
    // Reading and decompressing run on their own thread, a batch ahead of
    // extraction, so that both cores extract while the next batch is read.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Item>>(2);
    // The reader's own time (decompressing, validating, parsing; not waiting
    // for extraction to take a batch), for --stats.
    let reader = std::thread::Builder::new().name("reader".into()).spawn(move || {
        let mut chunk = Vec::with_capacity(BATCH);
        let mut busy = std::time::Duration::ZERO;
        let mut since = Instant::now();
        for source in sources {
            for item in source {
                chunk.push(item);
                if chunk.len() == BATCH {
                    busy += since.elapsed();
                    if tx.send(std::mem::replace(&mut chunk, Vec::with_capacity(BATCH))).is_err() {
                        return busy;
                    }
                    since = Instant::now();
                }
            }
        }
        busy += since.elapsed();
        let _ = tx.send(chunk);
        busy
    });
    let reader = match reader {
        Ok(r) => r,
        Err(e) => {
            eprintln!("extract: cannot start the reader thread: {e}");
            return ExitCode::from(2);
        }
    };
    for chunk in rx {
        for item in chunk {
            match item {
                Ok(mut doc) => {
                    if doc.published.is_none() {
                        doc.published = args.published;
                    }
                    batch.push(doc);
                    if batch.len() == BATCH {
                        if let Err(e) = flush(&mut batch, &mut writer) {
                            eprintln!("extract: cannot write: {e}");
                            return ExitCode::from(2);
                        }
                    }
                }
                Err(e) => {
                    errors += 1;
                    progress.suspend(|| eprintln!("extract: {}: {}", e.place, e.message));
                }
            }
        }
    }
    let reading = reader.join().unwrap_or_default().as_secs_f64();
    if let Err(e) = flush(&mut batch, &mut writer).and_then(|_| writer.finish()) {
        eprintln!("extract: cannot write: {e}");
        return ExitCode::from(2);
    }
    progress.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    if args.stats {
        eprintln!(
            "documents: {docs}\nMB: {:.3}\nseconds: {secs:.3}\nMB/s: {:.2}\ndocuments/s: {:.0}\n{}: {events}\nerrors: {errors}\n\
             reading seconds: {reading:.3} (reader thread: decompress, validate, parse JSON)",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs.max(1e-9),
            docs as f64 / secs.max(1e-9),
            if args.mentions { "mentions" } else { "events" },
        );
    }
    if errors > 0 {
        eprintln!("extract: {errors} input error(s); everything else was processed");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

const BATCH: usize = 512;

/// Where results go: events or mentions.
enum Out<W: io::Write> {
    Events(EventWriter<W>),
    Mentions(MentionWriter<W>),
}

impl<W: io::Write> Out<W> {
    fn finish(self) -> io::Result<()> {
        match self {
            Out::Events(w) => w.finish().map(|_| ()),
            Out::Mentions(w) => w.finish().map(|_| ()),
        }
    }
}

/// The documents of every input, lazily, in order.
fn sources(inputs: &[String]) -> Vec<Box<dyn Iterator<Item = Item> + Send>> {
    if inputs.is_empty() {
        let doc = Document::new("sample_report.txt", SAMPLE);
        return vec![Box::new(std::iter::once(Ok(doc)))];
    }
    let mut out: Vec<Box<dyn Iterator<Item = Item> + Send>> = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(stdin_source());
            continue;
        }
        let path = PathBuf::from(input);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files);
            files.sort();
            for f in files {
                out.push(file_source(f));
            }
        } else {
            out.push(file_source(path));
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, files);
        } else if is_input(&p) {
            files.push(p);
        }
    }
}

fn is_input(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

fn file_source(path: PathBuf) -> Box<dyn Iterator<Item = Item> + Send> {
    let name = path.display().to_string();
    let fail = |message: String| -> Box<dyn Iterator<Item = Item> + Send> {
        Box::new(std::iter::once(Err(InputError { place: name.clone(), message })))
    };
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) => return fail(format!("cannot open: {e}")),
    };
    if name.ends_with(".jsonl.gz") {
        Box::new(JsonLines::new(name.clone(), BufReader::new(flate2::read::MultiGzDecoder::new(file))))
    } else if name.ends_with(".jsonl") {
        Box::new(JsonLines::new(name.clone(), BufReader::new(file)))
    } else {
        let mut bytes = Vec::new();
        if let Err(e) = BufReader::new(file).read_to_end(&mut bytes) {
            return fail(format!("cannot read: {e}"));
        }
        let id = path.file_name().and_then(|n| n.to_str()).unwrap_or(&name).to_string();
        match String::from_utf8(bytes) {
            Ok(text) => Box::new(std::iter::once(Ok(Document::new(id, text)))),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
                Box::new(std::iter::once(Err(InputError {
                    place: format!("{name}:{line}"),
                    message: format!("invalid UTF-8 at byte {at}; the file is skipped"),
                })))
            }
        }
    }
}

fn stdin_source() -> Box<dyn Iterator<Item = Item> + Send> {
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
        return Box::new(std::iter::once(Err(InputError {
            place: "-".into(),
            message: format!("cannot read: {e}"),
        })));
    }
    let jsonl = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if jsonl {
        return Box::new(JsonLines::new("-".into(), BufReader::new(io::Cursor::new(bytes))));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Box::new(std::iter::once(Ok(Document::new("stdin", text)))),
        Err(e) => Box::new(std::iter::once(Err(InputError {
            place: "-".into(),
            message: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        }))),
    }
}

/// Documents of a JSON Lines stream; a bad line is an error with its number,
/// and the lines after it are still read.
struct JsonLines<R: BufRead> {
    name: String,
    reader: R,
    line: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonLines<R> {
    fn new(name: String, reader: R) -> JsonLines<R> {
        JsonLines { name, reader, line: 0, buf: Vec::new() }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            self.buf.clear();
            self.line += 1;
            let place = || format!("{}:{}", self.name, self.line);
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(Err(InputError { place: place(), message: format!("cannot read: {e}") }));
                }
            }
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            // simdutf8 validates a line several times faster than std, which
            // only runs to say where an invalid line goes wrong.
            let text = match simdutf8::basic::from_utf8(&self.buf) {
                Ok(t) => t,
                Err(_) => {
                    let at = std::str::from_utf8(&self.buf).err().map_or(0, |e| e.valid_up_to());
                    let message = format!("invalid UTF-8 at byte {at} of the line");
                    return Some(Err(InputError { place: place(), message }));
                }
            };
            return Some(parse_line(text).map_err(|message| InputError { place: place(), message }));
        }
    }
}

/// One JSON Lines record: only `id`, `text` and `published` are read, each
/// as a JSON value of its own (a string moves out of it without a copy);
/// other fields are skipped, with no tree of the whole record.
#[derive(serde::Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    #[serde(default)]
    published: Option<serde_json::Value>,
}

fn parse_line(line: &str) -> Result<Document, String> {
    let r: Record = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let id = match r.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err("no \"id\" (a string or a number)".into()),
    };
    let text = match r.text {
        Some(serde_json::Value::String(s)) => s,
        _ => return Err("no \"text\" string".into()),
    };
    let published = match r.published {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(parse_date(s.get(..10).unwrap_or(&s))?),
        Some(other) => return Err(format!("\"published\" is not a date string: {other}")),
    };
    Ok(Document { id, text, published })
}
