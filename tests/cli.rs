//! The `extract` example as a user runs it: inputs of every kind, bad input
//! reported with file and line while the rest is processed, every format.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The `extract` binary that `cargo test` built next to this test.
fn extract() -> Command {
    let mut dir = std::env::current_exe().unwrap();
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    let bin = dir.join("examples").join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} not built", bin.display());
    Command::new(bin)
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = extract();
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rasad-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

const REPORT: &str = "قتل ثلاثة عناصر من قسد في هجوم لداعش على حاجز قرب بلدة الشحيل بريف دير الزور أمس.";

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn builtin_sample_gives_events() {
    let out = run(&[], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events = lines(&out);
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["doc_id"] == "sample_report.txt"));
    // The sample's hypothetical escalation is not printed without --all.
    assert!(events.iter().all(|e| e["modality"] == "asserted" || e["modality"] == "claimed"));
}

#[test]
fn malformed_json_line_is_reported_and_the_rest_processed() {
    let path = tmp("mixed.jsonl");
    let good = serde_json::json!({"id": "a", "text": REPORT, "published": "2024-03-14"}).to_string();
    let good2 = serde_json::json!({"id": "c", "text": REPORT}).to_string();
    std::fs::write(&path, format!("{good}\n{{\"id\": \"b\", \"text\": \n{good2}\n")).unwrap();
    let out = run(&[path.to_str().unwrap()], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mixed.jsonl:2: malformed JSON"), "{err}");
    let ids: Vec<String> = lines(&out).iter().map(|e| e["doc_id"].as_str().unwrap().to_string()).collect();
    assert!(ids.contains(&"a".to_string()) && ids.contains(&"c".to_string()), "{ids:?}");
}

#[test]
fn invalid_utf8_file_is_reported_with_its_line() {
    let bad = tmp("bad.txt");
    std::fs::write(&bad, b"\xd8\xaf\xd8\xa7\n\xff\xfe broken\n").unwrap();
    let good = tmp("good.txt");
    std::fs::write(&good, REPORT).unwrap();
    let out = run(&[bad.to_str().unwrap(), good.to_str().unwrap(), "--published", "2024-03-14"], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt:2: invalid UTF-8"), "{err}");
    assert!(lines(&out).iter().any(|e| e["doc_id"] == "good.txt"));
}

/// A JSON Lines record with invalid UTF-8 is reported with its line and the
/// byte where it goes wrong; the records around it are read.
#[test]
fn invalid_utf8_jsonl_line_is_reported_with_its_byte() {
    let path = tmp("bad_line.jsonl");
    let mut data = b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"".to_vec();
    data.extend_from_slice(b"\xd8\xaf\xff\"}\n{\"id\": \"c\", \"text\": \"y\"}\n");
    std::fs::write(&path, data).unwrap();
    let out = run(&[path.to_str().unwrap(), "--stats"], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad_line.jsonl:2: invalid UTF-8 at byte 23 of the line"), "{err}");
    assert!(err.contains("documents: 2"), "{err}");
}

#[test]
fn empty_and_non_arabic_documents_are_fine() {
    let empty = tmp("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let latin = tmp("latin.txt");
    std::fs::write(&latin, "Nothing to see here, just English text.").unwrap();
    let out = run(&[empty.to_str().unwrap(), latin.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
}

#[test]
fn stdin_text_and_gzip_jsonl() {
    let out = run(&["-", "--published", "2024-03-14"], Some(REPORT));
    assert!(out.status.success());
    let events = lines(&out);
    assert_eq!(events[0]["doc_id"], "stdin");
    assert_eq!(events[0]["date"]["value"], "2024-03-13");

    let path = tmp("docs.jsonl.gz");
    let mut gz =
        flate2::write::GzEncoder::new(std::fs::File::create(&path).unwrap(), flate2::Compression::fast());
    for id in ["x", "y"] {
        writeln!(gz, "{}", serde_json::json!({"id": id, "text": REPORT, "published": "2024-03-14"})).unwrap();
    }
    gz.finish().unwrap();
    let out = run(&[path.to_str().unwrap(), "--stats"], None);
    assert!(out.status.success());
    assert_eq!(lines(&out).len(), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("documents: 2") && err.contains("MB/s"), "{err}");
}

#[test]
fn every_format() {
    let input = tmp("fmt.txt");
    std::fs::write(&input, REPORT).unwrap();
    let p = input.to_str().unwrap();
    let csv = run(&[p, "--format", "csv", "--published", "2024-03-14"], None);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut rows = csv.lines();
    let header = rows.next().unwrap();
    assert!(header.starts_with("event_id_cnty,event_date,year,"), "{header}");
    assert!(header.contains("latitude,longitude,fatalities"));
    assert!(rows.next().unwrap().contains("2024-03-13"));

    let geo = run(&[p, "--format", "geojson"], None);
    let geo: serde_json::Value = serde_json::from_slice(&geo.stdout).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let coords = &geo["features"][0]["geometry"]["coordinates"];
    assert!(coords[0].as_f64().unwrap() > 35.0 && coords[1].as_f64().unwrap() > 29.0, "lon, lat order");

    let json = run(&[p, "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(json.as_array().is_some_and(|a| !a.is_empty()));

    let bad = run(&[p, "--format", "xml"], None);
    assert!(!bad.status.success());
}

#[test]
fn a_directory_is_walked() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let out = run(&[dir.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs: std::collections::HashSet<String> =
        lines(&out).iter().map(|e| e["doc_id"].as_str().unwrap().to_string()).collect();
    assert!(docs.len() >= 20, "{docs:?}");
}

use std::path::Path;

#[test]
fn mentions_as_jsonl_and_csv() {
    let input = tmp("m.txt");
    std::fs::write(&input, REPORT).unwrap();
    let p = input.to_str().unwrap();
    let out = run(&["--mentions", p, "--published", "2024-03-14"], None);
    assert!(out.status.success());
    let ms = lines(&out);
    let types: std::collections::HashSet<&str> = ms.iter().map(|m| m["type"].as_str().unwrap()).collect();
    for t in ["place", "actor", "date", "number", "trigger"] {
        assert!(types.contains(t), "{t} missing in {types:?}");
    }
    let place = ms.iter().find(|m| m["type"] == "place").unwrap();
    assert!(place["lat"].is_number() && place["id"].is_string());
    let csv = run(&["--mentions", "--format", "csv", p], None);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("doc_id,type,id,name,text,start,end,value,precision,min,max,approx,lat,lon,kind\n")
    );
    let geo = run(&["--mentions", "--format", "geojson", p], None);
    assert!(!geo.status.success());
}

#[test]
fn user_gazetteer_dir_extends_and_bad_rows_are_reported() {
    let dir = tmp("gaz");
    std::fs::create_dir_all(&dir).unwrap();
    let header = "id\tkind\tname_en\tname_ar\taliases_ar\taliases_latin\tparent\tlat\tlon\texternal_ids\tflags\tsource\n";
    std::fs::write(
        dir.join("places_user.tsv"),
        format!("{header}user:hamdan\tvillage\tHamdan\tقرية حمدانية الغربية\t\t\twof:85632413\t35.1\t40.1\t\t\tuser\n"),
    )
    .unwrap();
    let input = tmp("g.txt");
    std::fs::write(&input, "قتل ثلاثة عناصر في هجوم على قرية حمدانية الغربية أمس.").unwrap();
    let out = run(
        &["--gazetteer", dir.to_str().unwrap(), input.to_str().unwrap(), "--published", "2024-03-14"],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events = lines(&out);
    assert_eq!(events[0]["location"]["id"], "user:hamdan");

    // A malformed row stops the run before any work, naming file and line.
    std::fs::write(
        dir.join("places_user.tsv"),
        format!("{header}user:x\tvillage\tX\tاكس\t\t\t\tnorth\t40\t\t\tuser\n"),
    )
    .unwrap();
    let out = run(&["--gazetteer", dir.to_str().unwrap(), input.to_str().unwrap()], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("places_user.tsv:2: column lat"), "{err}");
}
