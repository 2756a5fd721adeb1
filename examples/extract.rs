//! The `extract` command (see `../shared/spec/EVENTS.md`, section 4).
//!
//! Event extraction is not built yet: for now this prints the normalized text
//! of each input (or of the built-in sample report) with the number of offset
//! anchors, so that the first stage can be seen working on real files.

use std::io::Read;
use std::process::ExitCode;

use rasad::normalize::Normalizer;

const SAMPLE: &str = include_str!("sample_report.txt");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let normalizer = Normalizer::new();
    let mut inputs: Vec<(String, Result<String, String>)> = Vec::new();
    if args.is_empty() {
        inputs.push((
            "sample_report.txt (built in)".into(),
            Ok(SAMPLE.to_string()),
        ));
    }
    for a in &args {
        let text = if a == "-" {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map(|_| s)
                .map_err(|e| e.to_string())
        } else {
            std::fs::read(a).map_err(|e| e.to_string()).and_then(|b| {
                String::from_utf8(b)
                    .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
            })
        };
        inputs.push((a.clone(), text));
    }
    eprintln!(
        "rasad: event extraction is not built yet; printing the normalized text of each input"
    );
    let mut failed = false;
    for (name, text) in inputs {
        match text {
            Ok(text) => {
                let norm = normalizer.normalize(&text);
                println!(
                    "== {name}: {} bytes, {} offset anchors",
                    text.len(),
                    norm.map().anchor_count()
                );
                println!("{}", norm.as_str());
            }
            Err(e) => {
                eprintln!("rasad: {name}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
