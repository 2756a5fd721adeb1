//! Date and number finding over news text (`cargo bench --bench readers`):
//! tokenizing, reading dates (with resolution), reading counts, and sentence
//! splitting, each on the normalized 20 MB news sample.

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rasad::normalize::Normalizer;
use rasad::number::read_counts;
use rasad::sentence::sentences;
use rasad::time::read_dates;
use rasad::token::{Token, tokenize, tokenize_into};
use std::hint::black_box;

mod common;

fn readers(c: &mut Criterion) {
    let (docs, source) = common::news_sample(common::SAMPLE_BYTES);
    let n = Normalizer::new();
    let normalized: Vec<String> = docs.iter().map(|d| n.normalize_str(d)).collect();
    let tokens: Vec<Vec<Token>> = normalized.iter().map(|d| tokenize(d)).collect();
    let bytes: usize = normalized.iter().map(|d| d.len()).sum();
    let published = NaiveDate::from_ymd_opt(2015, 8, 1);
    let dates: usize = normalized.iter().zip(&tokens).map(|(d, t)| read_dates(d, t, published).len()).sum();
    let counts: usize = normalized.iter().zip(&tokens).map(|(d, t)| read_counts(d, t).len()).sum();
    eprintln!("readers bench on {source}: {bytes} normalized bytes, {dates} dates, {counts} counts");

    let mut g = c.benchmark_group("readers");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("tokenize", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            let mut total = 0;
            for d in &normalized {
                out.clear();
                tokenize_into(black_box(d), &mut out);
                total += out.len();
            }
            total
        })
    });
    g.bench_function("dates (tokens given)", |b| {
        b.iter(|| {
            let found: usize = normalized
                .iter()
                .zip(&tokens)
                .map(|(d, t)| read_dates(black_box(d), t, published).len())
                .sum();
            assert_eq!(found, dates);
            found
        })
    });
    g.bench_function("counts (tokens given)", |b| {
        b.iter(|| {
            let found: usize =
                normalized.iter().zip(&tokens).map(|(d, t)| read_counts(black_box(d), t).len()).sum();
            assert_eq!(found, counts);
            found
        })
    });
    g.bench_function("tokenize + dates + counts", |b| {
        let mut toks = Vec::new();
        b.iter(|| {
            let mut total = 0;
            for d in &normalized {
                toks.clear();
                tokenize_into(black_box(d), &mut toks);
                total += read_dates(d, &toks, published).len() + read_counts(d, &toks).len();
            }
            total
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| normalized.iter().map(|d| sentences(black_box(d)).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, readers);
criterion_main!(benches);
