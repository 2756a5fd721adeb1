//! Normalizer throughput on news text (`cargo bench --bench normalize`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rasad::normalize::{Normalizer, OffsetMap};
use std::hint::black_box;

mod common;

fn normalize(c: &mut Criterion) {
    let (docs, source) = common::news_sample(common::SAMPLE_BYTES);
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    eprintln!("normalize bench on {source}: {} documents, {bytes} bytes", docs.len());
    let n = Normalizer::new();
    // The same text after normalization: nothing left to change (fast path).
    let normal: Vec<String> = docs.iter().map(|d| n.normalize_str(d)).collect();
    let normal_bytes: usize = normal.iter().map(|d| d.len()).sum();
    assert!(normal.iter().all(|d| n.normalize(d).is_unchanged()));

    let mut g = c.benchmark_group("normalize");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("news/normalize", |b| {
        b.iter(|| {
            let mut moved = 0;
            for d in &docs {
                moved += n.normalize(black_box(d)).map().anchor_count();
            }
            moved
        })
    });
    g.bench_function("news/normalize_into (reused buffers)", |b| {
        let mut out = String::new();
        let mut map = OffsetMap::default();
        b.iter(|| {
            let mut changed = 0;
            for d in &docs {
                changed += n.normalize_into(black_box(d), &mut out, &mut map) as usize;
            }
            changed
        })
    });
    g.throughput(Throughput::Bytes(normal_bytes as u64));
    g.bench_function("already-normal/normalize_into", |b| {
        let mut out = String::new();
        let mut map = OffsetMap::default();
        b.iter(|| {
            let mut changed = 0;
            for d in &normal {
                changed += n.normalize_into(black_box(d), &mut out, &mut map) as usize;
            }
            assert_eq!(changed, 0);
            changed
        })
    });
    g.finish();
}

criterion_group!(benches, normalize);
criterion_main!(benches);
