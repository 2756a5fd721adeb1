//! Events, end to end, on the project's own corpus of reports
//! (`tests/corpus`, written for rasad with gold annotations in the format of
//! `../shared/spec/EVENTS.md` section 5), on the dev reports when `../shared`
//! is present, and on hostile input.
//!
//! Scoring follows `../shared/tools/score.py`: a prediction matches a gold
//! event when its place is accepted and its kind is accepted or of the same
//! family; each gold event matches at most one prediction; fields are then
//! checked one by one.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rasad::{Document, Event, EventKind, Extractor};
use serde_json::Value;

fn key(s: &str) -> String {
    let n = rasad::normalize::Normalizer::new().normalize_str(s);
    let n = n.trim();
    let n = ["al-", "al ", "ar-", "as-", "ad-", "an-", "at-", "az-", "el-", "ال"]
        .iter()
        .find_map(|p| n.strip_prefix(p))
        .unwrap_or(n);
    n.chars().filter(|c| !matches!(c, ' ' | '-' | '\'' | 'ʿ' | 'ʾ' | '`' | '’' | '‘')).collect()
}

fn family(k: &str) -> Option<u8> {
    EventKind::parse(k).map(|k| k.family())
}

fn ids(v: &[rasad::event::ActorRef]) -> Vec<String> {
    v.iter().map(|a| a.id.clone()).collect()
}

fn count_ok(gold: Option<&Value>, total: Option<rasad::event::Total>) -> bool {
    match gold {
        None | Some(Value::Null) => total.is_none(),
        Some(g) => {
            let Some(t) = total else { return false };
            let gmin = g["min"].as_u64().unwrap_or(0);
            match g["max"].as_u64() {
                None => t.max.is_none() && t.min >= gmin,
                Some(gmax) => t.min == gmin && t.max == Some(gmax),
            }
        }
    }
}

#[derive(Default, Debug)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    fields: std::collections::BTreeMap<&'static str, (usize, usize)>,
    details: Vec<String>,
}

impl Score {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    fn field(&self, name: &str) -> f64 {
        self.fields.get(name).map_or(1.0, |(ok, n)| *ok as f64 / (*n).max(1) as f64)
    }
}

/// Scores one document's events against its gold file.
fn score_doc(gold: &Value, events: &[Event], score: &mut Score) {
    let doc = gold["doc"].as_str().unwrap_or("?");
    let preds: Vec<&Event> = events.iter().filter(|e| e.modality.is_reported()).collect();
    let mut used = vec![false; preds.len()];
    for g in gold["events"].as_array().into_iter().flatten() {
        let places: Vec<String> =
            g["places"].as_array().into_iter().flatten().filter_map(|p| p.as_str()).map(key).collect();
        let kinds: Vec<&str> =
            g["kinds"].as_array().into_iter().flatten().filter_map(|k| k.as_str()).collect();
        let date_accept: Vec<String> = std::iter::once(&g["date"])
            .chain(g["date_accept"].as_array().into_iter().flatten())
            .filter_map(|d| d.as_str().map(str::to_string))
            .collect();
        let date_ok = |e: &Event| match &e.date {
            Some(d) => date_accept.contains(&d.value.to_string()),
            None => g["date"].is_null(),
        };
        let mut best: Option<(usize, usize)> = None;
        for (i, e) in preds.iter().enumerate() {
            if used[i] {
                continue;
            }
            let names: Vec<String> =
                e.location.iter().flat_map(|l| [key(&l.name), key(&l.name_ar)]).collect();
            if !places.is_empty() && !names.iter().any(|n| places.contains(n)) {
                continue;
            }
            let k = e.kind.as_str();
            if !kinds.contains(&k) && !kinds.iter().any(|g| family(g) == Some(e.kind.family())) {
                continue;
            }
            let s = 2 * kinds.contains(&k) as usize + date_ok(e) as usize;
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        let required = g["required"].as_bool().unwrap_or(true);
        let Some((i, _)) = best else {
            if required {
                score.fn_ += 1;
                score.details.push(format!("MISS {doc}: {} at {:?}", kinds[0], g["places"]));
            }
            continue;
        };
        used[i] = true;
        if !required {
            continue;
        }
        score.tp += 1;
        let e = preds[i];
        let gold_ids = |f: &str| -> Vec<String> {
            g[f].as_array().into_iter().flatten().filter_map(|x| x.as_str().map(str::to_string)).collect()
        };
        let mut check = |name: &'static str, ok: Option<bool>| {
            if let Some(ok) = ok {
                let f = score.fields.entry(name).or_default();
                f.1 += 1;
                f.0 += ok as usize;
                if !ok {
                    score.details.push(format!("WRONG {doc}: {} {name}", e.kind.as_str()));
                }
            }
        };
        check("kind", Some(kinds.contains(&e.kind.as_str())));
        check("date", Some(date_ok(e)));
        let gp = gold_ids("perpetrators");
        let pp = ids(&e.perpetrators);
        check(
            "perpetrators",
            (!gp.is_empty()).then(|| {
                pp.iter().any(|p| gp.contains(p)) && pp.iter().all(|p| gp.contains(p) || p == "unknown")
            }),
        );
        let gt = gold_ids("targets");
        check("targets", (!gt.is_empty()).then(|| ids(&e.targets).iter().any(|t| gt.contains(t))));
        check("killed", g.get("killed").map(|k| count_ok(Some(k), e.killed)));
        check("wounded", g.get("wounded").map(|k| count_ok(Some(k), e.wounded)));
    }
    for (i, e) in preds.iter().enumerate() {
        if !used[i] {
            score.fp += 1;
            score.details.push(format!(
                "FP   {doc}: {} at {:?}",
                e.kind.as_str(),
                e.location.as_ref().map(|l| l.name.as_str())
            ));
        }
    }
}

fn score_dir(dir: &Path) -> Score {
    let extractor = Extractor::embedded();
    let mut score = Score::default();
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    assert!(!golds.is_empty(), "no gold files in {}", dir.display());
    for g in golds {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&g).unwrap()).unwrap();
        let name = gold["doc"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let mut doc = Document::new(name, text);
        doc.published =
            gold["published"].as_str().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let events = extractor.extract(&doc);
        score_doc(&gold, &events, &mut score);
    }
    score
}

#[test]
fn own_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let score = score_dir(&dir);
    eprintln!(
        "own corpus: tp {} fp {} fn {} F1 {:.2}; fields {:?}\n{}",
        score.tp,
        score.fp,
        score.fn_,
        score.f1(),
        score.fields,
        score.details.join("\n")
    );
    // Floors a little under the level reached (raised 2026-11-26, session 2:
    // F1 0.99, date 0.97, killed 0.92, wounded 0.87, perpetrators 0.82,
    // targets 0.75); raise them as rasad improves, never lower them to make a
    // change pass.
    assert!(score.f1() >= 0.95, "F1 {:.2}", score.f1());
    assert!(score.field("date") >= 0.95);
    assert!(score.field("killed") >= 0.88);
    assert!(score.field("wounded") >= 0.84);
    assert!(score.field("perpetrators") >= 0.78);
    assert!(score.field("targets") >= 0.72);
}

#[test]
fn dev_reports_score_perfectly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    // As extract runs them: publication dates only from the text (datelines).
    let extractor = Extractor::embedded();
    let mut score = Score::default();
    for name in ["000_7991aee8cf547fe7", "003_1bf9be427d61f529"] {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.gold.json"))).unwrap())
                .unwrap();
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let events = extractor.extract(&Document::new(format!("{name}.txt"), text));
        score_doc(&gold, &events, &mut score);
    }
    assert_eq!((score.fp, score.fn_), (0, 0), "{}", score.details.join("\n"));
    for f in ["kind", "date", "perpetrators", "targets", "killed", "wounded"] {
        assert_eq!(score.field(f), 1.0, "field {f}: {}", score.details.join("\n"));
    }
}

#[test]
fn dev_report_with_a_publication_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev/003_1bf9be427d61f529.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let doc = Document::new("003", text).published(NaiveDate::from_ymd_opt(2025, 12, 15).unwrap());
    let events = Extractor::embedded().extract(&doc);
    let ambush = events.iter().find(|e| e.kind == EventKind::Ambush).expect("the ambush");
    assert_eq!(ambush.date.as_ref().unwrap().value.to_string(), "2025-12-13");
    let june = events.iter().find(|e| e.location.as_ref().is_some_and(|l| l.name == "Damascus")).unwrap();
    assert_eq!(june.date.as_ref().unwrap().value.to_string(), "2025-06");
}

#[test]
fn every_span_slices_the_original() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let p = entry.path();
        if p.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for e in Extractor::embedded().extract(&Document::new("d", text.clone())) {
            let mut spans = vec![e.trigger.span];
            spans.extend(e.evidence.iter().map(|x| x.span));
            spans.extend(e.location.iter().map(|l| l.span));
            spans.extend(e.date.iter().map(|d| d.span));
            spans.extend(e.perpetrators.iter().chain(&e.targets).map(|a| a.span));
            spans.extend(e.casualties.iter().map(|c| c.span));
            for s in spans {
                assert!(
                    text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.end <= text.len()
                );
            }
            assert_eq!(&text[e.trigger.span], e.trigger.text);
            if let Some(d) = &e.date {
                assert_eq!(&text[d.span], d.text);
            }
        }
    }
}

#[test]
fn hostile_input_never_panics() {
    let x = Extractor::embedded();
    // 2 MB here (debug builds are slow); .ci/run feeds a 50 MB document to
    // the release build of `extract`.
    let big: String = "قتل ثلاثة في هجوم على حاجز قرب تدمر أمس. ".repeat(50_000);
    assert!(big.len() > 2_000_000);
    let events = x.extract(&Document::new("big", big));
    assert!(!events.is_empty());
    for text in [
        String::new(),
        "   \n\n  ".into(),
        "The quick brown fox jumps over the lazy dog.".into(),
        "ـ".repeat(50_000),
        "\u{64E}".repeat(50_000),
        "٣".repeat(10_000),
        "9".repeat(10_000),
        "مقتل ".repeat(10_000),
        "(((((".repeat(1000),
        "قتل 99999999999999999999999999999999999999 شخصا".into(),
        "\u{202B}\u{200F}داعش\u{FEFF}".into(),
    ] {
        let _ = x.extract(&Document::new("t", text));
    }
}

#[test]
fn negatives_give_no_events() {
    let x = Extractor::embedded();
    for text in [
        "هدد تنظيم داعش في تسجيل صوتي بشن هجمات جديدة على مواقع قسد في دير الزور خلال الأيام المقبلة.",
        "تظاهر مئات من أهالي مدينة الرقة للمطالبة بإعدام قادة تنظيم داعش المعتقلين لدى قوات سوريا الديمقراطية.",
        "وقال مصدر عسكري إن الهجوم سوف يستهدف في مرحلته الأولى القرى الواقعة جنوب مدينة جسر الشغور بريف إدلب.",
        "وطردت الحكومة العراقية دبلوماسيين أتراكا من بغداد احتجاجا على تصريحات مسؤولين في أنقرة.",
        "وقالت المتحدثة باسم الخارجية إن هناك مؤشرات على أن القوات الحكومية تعد لهجوم واسع على ريف إدلب الجنوبي.",
        "وتتأهب القوات الحكومية السورية المدعومة من روسيا لشنّ هجوم على معاقل المسلحين في محافظة إدلب.",
        "واقتحم متظاهرون غاضبون مبنى مجلس محافظة البصرة مساء الجمعة، فيما اندلعت مواجهات بين المحتجين وقوات الأمن.",
        "وأوقفت السلطات الحركة الجوية في مطار بغداد الدولي لساعات بسبب العاصفة الترابية.",
        "وأحرق مسلحون ثلاثة شبان حتى الموت في ديالى بدعوى زرعهم عبوة ناسفة على طريق عام.",
        "وقاد جيمس جونسون هجوم هيت وسجل 20 نقطة، فيما أضاف زميله 17 نقطة في المباراة.",
        "وقال السفير إن سوريا أصبحت مرة أخرى على شفير الهاوية مع اقتراب هجوم إدلب.",
        "ومن المقرر أن تشن القوات العراقية هجوما على قضاء الحويجة بعد استكمال حشد قطعاتها.",
        "وتحشد القوات العراقية تعزيزات كبيرة تمهيدا لهجوم على قضاء الحويجة.",
        "نفت وزارة الدفاع العراقية وقوع أي هجوم على قاعدة عين الأسد، مؤكدة أن الأصوات ناجمة عن تدريبات.",
        "قال محللون إن التنظيم قد يشن هجمات على سجون الحسكة إذا تراجع الدعم الدولي.",
        "نفذ تنظيم داعش 63 هجوما شهريا في سوريا خلال عام 2024، وفق تقرير.",
        "يتراوح عدد مقاتلي التنظيم في العراق وسوريا بين 3000 و5000 مقاتل، بحسب التقديرات.",
        "ستشن القوات العراقية حملة أمنية واسعة في صحراء الأنبار الأسبوع المقبل.",
        // Tallies over a month, and attacks referred back to with a demonstrative.
        "رصد: ارتفاع هجمات خلايا التنظيم في ريف حلب الشرقي خلال شهر آذار.",
        "قال المرصد إن هذه الهجمات أسفرت عن مقتل 12 شخصا في ريف دير الزور.",
        // A warning is of what has not happened.
        "حذر مسؤولون أمميون القوات الحكومية من شن هجوم واسع على محافظة إدلب.",
        // Preparations.
        "قال مصدر عسكري إن القوات الحكومية تستعد لهجوم على مراحل في ريف حماة الشمالي.",
        // A drone that films.
        "تظهر لقطات جديدة التقطتها طائرة بدون طيار حجم الدمار في مدينة عفرين.",
        // Words, not arms.
        "شن الوزير هجوما لاذعا على الحكومة العراقية خلال جلسة البرلمان في بغداد.",
        // Sport.
        "خطف العداء العراقي الميدالية الذهبية في سباق 800 متر ببطولة أقيمت في مدينة أربيل.",
        // An accident.
        "دوى انفجار في مستودع للذخيرة قرب مطار المزة العسكري بدمشق، وقالت مصادر رسمية إنه ناجم عن ماس كهربائي.",
    ] {
        let events: Vec<Event> =
            x.extract(&Document::new("n", text)).into_iter().filter(|e| e.modality.is_reported()).collect();
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
}

#[test]
fn extractor_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Extractor>();
    check::<Event>();
    check::<Document>();
}

/// A charge is not an event: the arrest (or the verdict) is, the bombing it
/// names is not.
#[test]
fn charges_are_not_events() {
    let x = Extractor::embedded();
    let text = "اعتقلت قوات الأمن العراقية شخصا في الموصل بتهمة المشاركة في تفجير سيارة مفخخة عام 2017.";
    let doc = Document::new("c", text).published(chrono::NaiveDate::from_ymd_opt(2024, 2, 1).unwrap());
    let kinds: Vec<&str> = x.extract(&doc).iter().map(|e| e.kind.as_str()).collect();
    assert!(kinds.contains(&"arrest"), "{kinds:?}");
    assert!(!kinds.iter().any(|k| k.contains("bombing")), "{kinds:?}");
}

/// Where the attackers withdrew to is not where the event happened, even
/// when it is the only place of its clause.
#[test]
fn a_withdrawal_destination_is_not_the_place() {
    let x = Extractor::embedded();
    let text = "هاجم مسلحون من تنظيم داعش نقطة للجيش قرب مدينة السخنة شرقي حمص فجر اليوم. \
                واستمر الاشتباك نحو ساعتين قبل أن ينسحب المهاجمون باتجاه البادية.";
    let doc = Document::new("w", text).published(chrono::NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
    let events = x.extract(&doc);
    let places: Vec<String> =
        events.iter().filter_map(|e| e.location.as_ref().map(|l| l.name.clone())).collect();
    assert!(!places.is_empty(), "{events:#?}");
    assert!(places.iter().all(|p| !p.contains("Badia")), "{places:?}");
}

/// فيما opens a parallel fact: two strikes in two towns are two events, each
/// with its own dead.
#[test]
fn a_parallel_clause_is_another_event() {
    let x = Extractor::embedded();
    let text = "قال المرصد إن خمسة متشددين من تنظيم داعش قتلوا في غارة جوية قرب مدينة الحسكة، \
                فيما قتل ثمانية مدنيين في قصف لطائرات النظام على مدينة حماة.";
    let doc = Document::new("p", text).published(chrono::NaiveDate::from_ymd_opt(2015, 8, 1).unwrap());
    let killed: Vec<Option<u64>> = x.extract(&doc).iter().map(|e| e.killed.map(|k| k.min)).collect();
    assert_eq!(killed, vec![Some(5), Some(8)]);
}

/// A report about elsewhere: a place of Syria or Iraq named once, with
/// places abroad and nothing else of its country, is a namesake (the Saudi
/// Maysan, Alexandria in Egypt); a bombing in Baghdad condemned from abroad
/// stays in Baghdad.
#[test]
fn reports_about_elsewhere() {
    let x = Extractor::embedded();
    let date = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    let abroad = "استهدف تفجير انتحاري مسجدا في مدينة أبها بمنطقة عسير. \
                  وزار المصابين في المستشفى محافظ ميسان ومدير شرطة جازان.";
    let places: Vec<String> = x
        .mentions(&Document::new("a", abroad).published(date))
        .into_iter()
        .filter_map(|m| match m.what {
            rasad::MentionKind::Place { name, .. } => Some(name),
            _ => None,
        })
        .collect();
    assert!(!places.contains(&"Maysan".to_string()), "{places:?}");
    let home = "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد أمس. وأدانت السعودية ومصر الهجوم.";
    let events = x.extract(&Document::new("b", home).published(date));
    assert!(events.iter().any(|e| e.location.as_ref().is_some_and(|l| l.name == "Baghdad")), "{events:#?}");
}
