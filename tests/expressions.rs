//! Table-driven test over standalone expressions (`tests/data/expressions.tsv`):
//! dates, numbers, bounds, places through clitics, actors, and traps where a
//! naive reader goes wrong. Each row gives the text, the publication date and
//! the mentions a correct reader must produce.
//!
//! Expectations listed are required; others are allowed unless the row says
//! `nodate` or `nonumber`. Trigger expectations are checked by the event
//! stage's own tests (`tests/events.rs`) once triggers exist; here they are
//! counted and reported.

use chrono::NaiveDate;
use rasad::gazetteer::{Entity, Gazetteer};
use rasad::normalize::Normalizer;
use rasad::number::read_counts;
use rasad::time::{find_dateline, read_dates};
use rasad::token::tokenize;

struct Row {
    id: String,
    text: String,
    published: Option<NaiveDate>,
    expect: Vec<String>,
}

fn rows() -> Vec<Row> {
    let data = include_str!("data/expressions.tsv");
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (n, line) in data.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 4, "line {}: {} fields", n + 1, f.len());
        assert!(ids.insert(f[0].to_string()), "duplicate id {}", f[0]);
        out.push(Row {
            id: f[0].to_string(),
            text: f[1].to_string(),
            published: (!f[2].is_empty()).then(|| {
                NaiveDate::parse_from_str(f[2], "%Y-%m-%d").unwrap_or_else(|e| panic!("{}: {e}", f[0]))
            }),
            expect: f[3].split(" ; ").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        });
    }
    out
}

/// What the readers found, in the words of the table.
fn found(row: &Row) -> (Vec<String>, Vec<String>, Vec<String>) {
    let n = Normalizer::new();
    let norm = n.normalize_str(&row.text);
    let tokens = tokenize(&norm);
    let published = row.published.or_else(|| find_dateline(&norm, &tokens).map(|d| d.0));
    let dates = read_dates(&norm, &tokens, published);
    let date_spans: Vec<_> = dates.iter().map(|d| d.span).collect();
    let mut out_dates: Vec<String> = dates
        .iter()
        .map(|d| format!("date={},{},{}", d.value, d.precision.as_str(), d.resolved_from.as_str()))
        .collect();
    out_dates.dedup();
    let numbers: Vec<String> = read_counts(&norm, &tokens)
        .into_iter()
        .filter(|c| !date_spans.iter().any(|s| s.start < c.span.end && c.span.start < s.end))
        .map(|c| {
            let max = c.max.map_or("null".to_string(), |m| m.to_string());
            format!("number={},{},{}", c.min, max, c.approx)
        })
        .collect();
    let g = Gazetteer::embedded();
    let entities: Vec<String> = g
        .find_iter(&row.text)
        .flat_map(|m| {
            std::iter::once(m.entity).chain(m.others).filter_map(|e| match e {
                Entity::Place(p) => Some(format!("place={}", p.name_en)),
                Entity::Actor(a) => Some(format!("actor={}", a.id)),
                Entity::Person(p) => Some(format!("person={}", p.id)),
                Entity::Anaphor(_) => None,
            })
        })
        .collect();
    (out_dates, numbers, entities)
}

#[test]
fn expressions_table() {
    let rows = rows();
    assert!(rows.len() >= 150, "only {} rows", rows.len());
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut triggers = 0;
    for row in &rows {
        let (dates, numbers, entities) = found(row);
        let mut problems = Vec::new();
        for e in &row.expect {
            checked += 1;
            let ok = match e.as_str() {
                "nodate" => dates.is_empty(),
                "nonumber" => numbers.is_empty(),
                e if e.starts_with("date=") => dates.iter().any(|d| d == e),
                e if e.starts_with("number=") => numbers.iter().any(|d| d == e),
                e if e.starts_with("place=") || e.starts_with("actor=") || e.starts_with("person=") => {
                    entities.iter().any(|d| d == e)
                }
                e if e.starts_with("trigger=") => {
                    triggers += 1;
                    checked -= 1;
                    true
                }
                other => panic!("{}: unknown expectation {other:?}", row.id),
            };
            if !ok {
                problems.push(e.clone());
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{} {:?} (published {:?}): expected {:?}; found dates {:?} numbers {:?} entities {:?}",
                row.id, row.text, row.published, problems, dates, numbers, entities
            ));
        }
    }
    eprintln!(
        "{} rows, {checked} expectations checked, {triggers} trigger expectations left to tests/events.rs",
        rows.len()
    );
    assert!(failures.is_empty(), "{} of {} rows fail:\n{}", failures.len(), rows.len(), failures.join("\n"));
}
