//! The whole pipeline against its floor: `Extractor::extract` on one thread
//! over the 20 MB news sample, next to one bare Aho-Corasick pass of the same
//! compiled lexicon (gazetteer aliases and triggers) over the same text
//! normalized, and a plain `memchr` byte scan.
//!
//! ```text
//! cargo bench --bench extract
//! ```
//!
//! Throughput is in bytes of the original article text for every row, so
//! the rows compare directly (the normalized text is 0.4 % shorter).

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rasad::normalize::Normalizer;
use rasad::{Document, Extractor};
use std::hint::black_box;

mod common;

fn extract(c: &mut Criterion) {
    let (texts, source) = common::news_sample(common::SAMPLE_BYTES);
    let docs: Vec<Document> =
        texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), t.as_str())).collect();
    let x = Extractor::embedded();
    let n = Normalizer::new();
    let normalized: Vec<String> = texts.iter().map(|d| n.normalize_str(d)).collect();
    let bytes: usize = texts.iter().map(|d| d.len()).sum();
    let bare = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(x.lexicon().patterns())
        .expect("the lexicon's patterns compile");
    let events: usize = docs.iter().map(|d| x.extract(d).len()).sum();
    eprintln!(
        "extract bench on {source}: {} documents, {bytes} bytes, {} patterns, {events} events",
        docs.len(),
        x.lexicon().len()
    );

    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("Extractor::extract, 1 thread (original text)", |b| {
        b.iter(|| docs.iter().map(|d| x.extract(black_box(d)).len()).sum::<usize>())
    });
    g.bench_function("baseline: bare leftmost-longest Aho-Corasick, same lexicon (normalized)", |b| {
        b.iter(|| normalized.iter().map(|d| bare.find_iter(black_box(d.as_str())).count()).sum::<usize>())
    });
    g.bench_function("baseline: memchr byte scan for spaces (normalized)", |b| {
        b.iter(|| {
            normalized
                .iter()
                .map(|d| memchr::memchr_iter(b' ', black_box(d.as_bytes())).count())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
