//! Table-driven test over standalone expressions (`tests/data/expressions.tsv`):
//! dates, numbers, bounds, places through clitics, actors, and traps where a
//! naive reader goes wrong. Each row gives the text, the publication date and
//! the mentions a correct reader must produce.
//!
//! Expectations listed are required; others are allowed unless the row says
//! `nodate` or `nonumber`. Everything is read through `Extractor::mentions`,
//! the same code path as events.

use chrono::NaiveDate;
use rasad::{Document, Extractor, MentionKind};

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

/// What `Extractor::mentions` found, in the words of the table.
fn found(row: &Row) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut doc = Document::new(row.id.clone(), row.text.clone());
    doc.published = row.published;
    let mut dates = Vec::new();
    let mut numbers = Vec::new();
    let mut others = Vec::new();
    let g = Extractor::embedded().gazetteer();
    for m in Extractor::embedded().mentions(&doc) {
        // Every mention's text is exactly its span of the original.
        assert_eq!(&row.text[m.span], m.text, "{}", row.id);
        match m.what {
            MentionKind::Date { value, precision, resolved_from } => {
                dates.push(format!("date={value},{},{}", precision.as_str(), resolved_from.as_str()))
            }
            MentionKind::Number { min, max, approx } => {
                let max = max.map_or("null".to_string(), |m| m.to_string());
                numbers.push(format!("number={min},{max},{approx}"));
            }
            MentionKind::Place { id, name, .. } => {
                others.push(format!("place={name}"));
                // A shared name: the other places it may be are accepted too.
                if let Some(a) = g.ambiguous_aliases().iter().find(|a| a.ids.contains(&id)) {
                    others.extend(
                        a.ids.iter().filter_map(|i| g.place(i)).map(|p| format!("place={}", p.name_en)),
                    );
                }
            }
            MentionKind::Actor { id, .. } => others.push(format!("actor={id}")),
            MentionKind::Person { id, .. } => others.push(format!("person={id}")),
            MentionKind::Trigger { kind } => others.push(format!("trigger={kind}")),
        }
    }
    dates.dedup();
    (dates, numbers, others)
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
                e if e.starts_with("trigger=") => {
                    triggers += 1;
                    entities.iter().any(|d| d == e)
                }
                e if e.starts_with("place=") || e.starts_with("actor=") || e.starts_with("person=") => {
                    entities.iter().any(|d| d == e)
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
    eprintln!("{} rows, {checked} expectations checked ({triggers} of triggers)", rows.len());
    assert!(failures.is_empty(), "{} of {} rows fail:\n{}", failures.len(), rows.len(), failures.join("\n"));
}
