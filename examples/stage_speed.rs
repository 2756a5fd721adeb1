//! Throughput of each rasad stage on one sample, for the side-by-side
//! comparison with Python tools (`benches/peers/compare.py`).
//!
//! ```text
//! cargo run --release --example stage_speed -- [--runs N] [--dump-patterns FILE] [SAMPLE.jsonl]
//! ```
//!
//! SAMPLE.jsonl: JSON Lines, one article per line, `{"text": ..., "published"?: "YYYY-MM-DD"}`
//! (other fields are ignored; `../shared/corpus/news` lines work as they are). The articles are
//! loaded once; each stage is then timed over all of them with `std::time::Instant`, best of N
//! runs (default 3), using the public API only:
//!
//! | key | what is timed | input |
//! | --- | --- | --- |
//! | `normalize` | `Normalizer::normalize_into` with reused buffers | original text |
//! | `gazetteer_scan` | `Lexicon::scan_into` (all aliases and triggers, at word starts through clitics) | normalized |
//! | `aho_corasick_bare` | the same patterns in one bare leftmost-longest `AhoCorasick`, `find_iter().count()` | normalized |
//! | `tokenize` | `token::tokenize_into` | normalized |
//! | `dates` | `tokenize_into` + `time::read_dates` (against the article's `published`) | normalized |
//! | `numbers` | `tokenize_into` + `number::read_counts` | normalized |
//! | `dates_numbers` | `tokenize_into` + `read_dates` + `read_counts` | normalized |
//! | `extract_1thread` | `Extractor::embedded().extract(&Document)`, one thread | original text |
//! | `extract_2threads` | the same with rayon over a pool of 2 threads | original text |
//!
//! Every figure is MB/s with MB = 10^6 bytes of the ORIGINAL article text (`bytes`), also for
//! the stages that read the normalized text (`normalized_bytes`, slightly shorter), so that all
//! stages and the Python peers share one denominator.
//!
//! Output: one JSON object on standard output,
//! `{"bytes": N, "normalized_bytes": N, "documents": N, "runs": N, "stages": {KEY: MBps, ...},
//! "seconds": {KEY: s, ...}, "found": {KEY: count, ...}}`; progress goes to standard error.
//!
//! `--dump-patterns FILE` writes the lexicon's compiled patterns (`Lexicon::patterns()`, the
//! normalized aliases and triggers), one per line, so the Python peer can build its automaton over
//! the same strings; with no SAMPLE the program stops after that.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use rasad::normalize::{Normalizer, OffsetMap};
use rasad::number::read_counts;
use rasad::time::read_dates;
use rasad::token::tokenize_into;
use rasad::{Document, Extractor};
use rayon::prelude::*;
use std::hint::black_box;

struct Args {
    runs: usize,
    dump_patterns: Option<String>,
    sample: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { runs: 3, dump_patterns: None, sample: None };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => {
                let v = it.next().ok_or("--runs needs a number")?;
                args.runs = v.parse().map_err(|_| format!("--runs: {v:?} is not a number"))?;
                if args.runs == 0 {
                    return Err("--runs must be at least 1".into());
                }
            }
            "--dump-patterns" => args.dump_patterns = Some(it.next().ok_or("--dump-patterns needs a file")?),
            "-h" | "--help" => {
                return Err("usage: stage_speed [--runs N] [--dump-patterns FILE] [SAMPLE.jsonl]".into());
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ if args.sample.is_none() => args.sample = Some(a),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    if args.sample.is_none() && args.dump_patterns.is_none() {
        return Err("usage: stage_speed [--runs N] [--dump-patterns FILE] [SAMPLE.jsonl]".into());
    }
    Ok(args)
}

/// The articles of a JSON Lines file: (text, published).
fn load(path: &str) -> Result<Vec<(String, Option<NaiveDate>)>, String> {
    let file = File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        let text = v
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| format!("{path}:{}: no \"text\" string", i + 1))?
            .to_string();
        let published = v
            .get("published")
            .and_then(|p| p.as_str())
            .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        docs.push((text, published));
    }
    Ok(docs)
}

/// Best wall-clock time of `runs` calls of `f`, and what the last call returned.
fn best<F: FnMut() -> usize>(runs: usize, mut f: F) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        found = black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, found)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("stage_speed: {e}");
            return ExitCode::from(2);
        }
    };
    let extractor = Extractor::embedded();
    let lexicon = extractor.lexicon();

    if let Some(out) = &args.dump_patterns {
        let written = File::create(out).and_then(|f| {
            let mut w = BufWriter::new(f);
            for p in lexicon.patterns() {
                writeln!(w, "{p}")?;
            }
            w.flush()
        });
        if let Err(e) = written {
            eprintln!("stage_speed: {out}: {e}");
            return ExitCode::from(1);
        }
        eprintln!("stage_speed: wrote {} patterns to {out}", lexicon.len());
    }
    let Some(sample) = &args.sample else { return ExitCode::SUCCESS };

    let docs = match load(sample) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("stage_speed: {e}");
            return ExitCode::from(1);
        }
    };
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();

    // Set-up outside every timing: normalized copies, documents, the bare automaton.
    let normalizer = Normalizer::new();
    let normalized: Vec<String> = docs.iter().map(|(t, _)| normalizer.normalize_str(t)).collect();
    let normalized_bytes: usize = normalized.iter().map(|d| d.len()).sum();
    let documents: Vec<Document> = docs
        .iter()
        .enumerate()
        .map(|(i, (t, p))| Document { id: i.to_string(), text: t.clone(), published: *p })
        .collect();
    let bare = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(lexicon.patterns())
        .expect("the lexicon's patterns build an automaton");
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("a pool of 2 threads");
    eprintln!(
        "stage_speed: {} documents, {bytes} bytes ({normalized_bytes} normalized), {} patterns, best of {}",
        docs.len(),
        lexicon.len(),
        args.runs
    );

    let runs = args.runs;
    let mut results: Vec<(&str, f64, usize)> = Vec::new();
    let mut record = |name: &'static str, (secs, found): (f64, usize)| {
        eprintln!("  {name:<18} {:>9.2} MB/s  ({secs:.3} s, {found} found)", bytes as f64 / 1e6 / secs);
        results.push((name, secs, found));
    };

    let mut out = String::new();
    let mut map = OffsetMap::default();
    record(
        "normalize",
        best(runs, || {
            let mut total = 0;
            for (t, _) in &docs {
                let changed = normalizer.normalize_into(black_box(t), &mut out, &mut map);
                total += if changed { out.len() } else { t.len() };
            }
            total
        }),
    );

    let mut hits = Vec::new();
    record(
        "gazetteer_scan",
        best(runs, || {
            let mut total = 0;
            for d in &normalized {
                hits.clear();
                lexicon.scan_into(black_box(d), &mut hits);
                total += hits.len();
            }
            total
        }),
    );
    record(
        "aho_corasick_bare",
        best(runs, || normalized.iter().map(|d| bare.find_iter(black_box(d.as_str())).count()).sum()),
    );

    let mut tokens = Vec::new();
    record(
        "tokenize",
        best(runs, || {
            let mut total = 0;
            for d in &normalized {
                tokens.clear();
                tokenize_into(black_box(d), &mut tokens);
                total += tokens.len();
            }
            total
        }),
    );
    record(
        "dates",
        best(runs, || {
            let mut total = 0;
            for (d, (_, published)) in normalized.iter().zip(&docs) {
                tokens.clear();
                tokenize_into(black_box(d), &mut tokens);
                total += read_dates(d, &tokens, *published).len();
            }
            total
        }),
    );
    record(
        "numbers",
        best(runs, || {
            let mut total = 0;
            for d in &normalized {
                tokens.clear();
                tokenize_into(black_box(d), &mut tokens);
                total += read_counts(d, &tokens).len();
            }
            total
        }),
    );
    record(
        "dates_numbers",
        best(runs, || {
            let mut total = 0;
            for (d, (_, published)) in normalized.iter().zip(&docs) {
                tokens.clear();
                tokenize_into(black_box(d), &mut tokens);
                total += read_dates(d, &tokens, *published).len() + read_counts(d, &tokens).len();
            }
            total
        }),
    );
    record(
        "extract_1thread",
        best(runs, || documents.iter().map(|d| extractor.extract(black_box(d)).len()).sum()),
    );
    record(
        "extract_2threads",
        best(runs, || {
            pool.install(|| documents.par_iter().map(|d| extractor.extract(black_box(d)).len()).sum())
        }),
    );

    let field = |f: &dyn Fn(f64, usize) -> String| {
        results
            .iter()
            .map(|(name, secs, found)| format!("\"{name}\": {}", f(*secs, *found)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "{{\"bytes\": {bytes}, \"normalized_bytes\": {normalized_bytes}, \"documents\": {}, \"runs\": {runs}, \
         \"stages\": {{{}}}, \"seconds\": {{{}}}, \"found\": {{{}}}}}",
        docs.len(),
        field(&|secs, _| format!("{:.2}", bytes as f64 / 1e6 / secs)),
        field(&|secs, _| format!("{secs:.4}")),
        field(&|_, found| found.to_string()),
    );
    ExitCode::SUCCESS
}
