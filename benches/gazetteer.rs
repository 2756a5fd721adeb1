//! Gazetteer scan throughput on news text (`cargo bench --bench gazetteer`),
//! next to the floor it is measured against: one bare unanchored
//! Aho-Corasick pass of the same patterns over the same normalized text.

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rasad::gazetteer::Gazetteer;
use rasad::normalize::Normalizer;
use std::hint::black_box;

mod common;

fn gazetteer(c: &mut Criterion) {
    let (docs, source) = common::news_sample(common::SAMPLE_BYTES);
    let n = Normalizer::new();
    let normalized: Vec<String> = docs.iter().map(|d| n.normalize_str(d)).collect();
    let bytes: usize = normalized.iter().map(|d| d.len()).sum();
    let g = Gazetteer::embedded();
    let lexicon = g.lexicon();
    let bare =
        AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(lexicon.patterns()).unwrap();
    let hits: usize = normalized.iter().map(|d| lexicon.scan(d).len()).sum();
    let raw: usize = normalized.iter().map(|d| bare.find_iter(d.as_str()).count()).sum();
    eprintln!(
        "gazetteer bench on {source}: {} documents, {bytes} normalized bytes, {} patterns, \
         automaton {} KiB; {hits} hits at word starts, {raw} raw unanchored hits",
        docs.len(),
        lexicon.len(),
        lexicon.memory_usage() / 1024
    );

    let mut g1 = c.benchmark_group("gazetteer");
    g1.sample_size(10);
    g1.throughput(Throughput::Bytes(bytes as u64));
    g1.bench_function("scan at word starts (normalized text)", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            let mut total = 0;
            for d in &normalized {
                out.clear();
                lexicon.scan_into(black_box(d), &mut out);
                total += out.len();
            }
            assert_eq!(total, hits);
            total
        })
    });
    g1.bench_function("baseline: bare leftmost-longest pass", |b| {
        b.iter(|| normalized.iter().map(|d| bare.find_iter(black_box(d.as_str())).count()).sum::<usize>())
    });
    g1.bench_function("baseline: byte scan for spaces", |b| {
        b.iter(|| normalized.iter().map(|d| d.bytes().filter(|&x| x == b' ').count()).sum::<usize>())
    });
    let orig_bytes: usize = docs.iter().map(|d| d.len()).sum();
    g1.throughput(Throughput::Bytes(orig_bytes as u64));
    g1.bench_function("find_iter (normalize + scan + resolve + map back)", |b| {
        b.iter(|| docs.iter().map(|d| g.find_iter(black_box(d)).count()).sum::<usize>())
    });
    g1.finish();
}

criterion_group!(benches, gazetteer);
criterion_main!(benches);
