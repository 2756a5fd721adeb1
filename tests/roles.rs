//! Who did it to whom: perpetrators and targets read from sentence shapes that
//! recur across Arabic news, one table row per shape. The sentences are
//! written for rasad in the style of wire reports.

use rasad::{Document, Extractor};

/// `(sentence, publication date, event kind, perpetrators, targets)`: the
/// first event of that kind in the sentence must have exactly these ids.
type Row = (&'static str, &'static str, &'static str, &'static [&'static str], &'static [&'static str]);

const ROWS: &[Row] = &[
    // Soldiers and policemen named without their side are the forces of the
    // state where the event happened.
    (
        "قتل ثلاثة جنود وأصيب اثنان بانفجار عبوة ناسفة استهدفت دورية للجيش قرب قضاء الرطبة غربي الأنبار.",
        "2024-03-02",
        "bombing",
        &[],
        &["iraq_gov"],
    ),
    (
        "استشهد شرطيان بهجوم شنه مسلحون من تنظيم داعش على نقطة تفتيش في ناحية العظيم بمحافظة ديالى.",
        "2024-05-10",
        "armed_attack",
        &["isis"],
        &["iraq_gov"],
    ),
    (
        "قتل جنديان بانفجار لغم أرضي في بادية السخنة بريف حمص الشرقي.",
        "2023-02-11",
        "bombing",
        &[],
        &["syria_gov"],
    ),
    // A side that is named stays: American soldiers are not Iraqi forces.
    (
        "أصيب جنديان أمريكيان بهجوم بطائرة مسيرة على قاعدة عين الأسد في محافظة الأنبار.",
        "2023-10-24",
        "drone_strike",
        &[],
        &["us"],
    ),
    // A claim in a sentence of its own, its verb carrying و.
    (
        "سقطت أربعة صواريخ داخل قاعدة عين الأسد الجوية غربي العراق. وتبنت المقاومة الإسلامية في العراق القصف.",
        "2023-11-01",
        "shelling",
        &["iran_backed"],
        &[],
    ),
    // A claim of responsibility: the claimant is the agent.
    (
        "أعلن تنظيم داعش في بيان مسؤوليته عن تفجير انتحاري استهدف سوقا شعبيا في قضاء المقدادية بمحافظة ديالى.",
        "2023-05-13",
        "suicide_bombing",
        &["isis"],
        &[],
    ),
    // A light verb in the present tense, as headlines write it.
    (
        "التنظيم يتبنى هجوما على حاجز للجيش العراقي في قضاء الطارمية",
        "2022-03-01",
        "armed_attack",
        &[],
        &["iraq_gov"],
    ),
    // The agent right before a light verb, the trigger noun after it.
    (
        "قالت خلية الإعلام الأمني إن طائرات القوة الجوية العراقية نفذت فجر اليوم ضربة جوية على مخبأ لعصابات داعش في وادي الشاي جنوب كركوك.",
        "2024-01-12",
        "airstrike",
        &["iraq_gov"],
        &["isis"],
    ),
    // A target after استهدفت and "a force of" (قوة من، عناصر من).
    (
        "قال مسؤول أمني إن طائرة مجهولة شنت فجر اليوم غارة استهدفت قوة من الحشد الشعبي قرب مدينة القائم غربي الأنبار.",
        "2019-08-20",
        "airstrike",
        &["unknown"],
        &["pmf"],
    ),
    // طرد as a verbal noun: the group after it was driven out.
    (
        "أعلنت قوات سوريا الديمقراطية سيطرتها على بلدة هجين بعد طرد تنظيم داعش منها إثر معارك استمرت أسابيع.",
        "2018-12-14",
        "territory_seized",
        &["sdf"],
        &["isis"],
    ),
    // Civilians named before the verb are never its agent.
    (
        "وبعد حملة عسكرية أسفرت عن سقوط قتلى من المدنيين، سيطرت القوات التركية وفصائل موالية لها على مدينة عفرين.",
        "2018-03-18",
        "territory_seized",
        &["turkey"],
        &[],
    ),
    // An airport that belongs to a side makes that side the target.
    (
        "قتل ثمانية عناصر في الضربة التي استهدفت مطار التيفور العسكري التابع للنظام السوري في ريف حمص الشرقي.",
        "2018-04-09",
        "armed_attack",
        &[],
        &["syria_gov"],
    ),
    // A generic attack by warplanes is an airstrike.
    (
        "استهدف الطيران الحربي الروسي بلدة كفرنبل في ريف إدلب الجنوبي، ما أدى إلى مقتل ثلاثة مدنيين.",
        "2019-05-20",
        "airstrike",
        &["russia"],
        &["civilians"],
    ),
    // الإرهابيين refers back to the group named before it; a hideout (وكر)
    // of theirs makes them the target, not the agent that ل would mark.
    (
        "أعلنت قيادة العمليات المشتركة مقتل خمسة من عناصر داعش. وأضافت أن القوة الجوية العراقية نفذت ضربة جوية على وكر للإرهابيين في جبال حمرين.",
        "2024-01-12",
        "airstrike",
        &["iraq_gov"],
        &["isis"],
    ),
    // Blame: the accused side is the author, the accuser none.
    (
        "وألقت دمشق باللوم على تنظيم داعش في هجوم بقذائف الهاون استهدف حيا سكنيا في مدينة دير الزور وأسفر عن مقتل أربعة مدنيين.",
        "2017-06-03",
        "shelling",
        &["isis"],
        &["civilians"],
    ),
    (
        "وحملت الحكومة العراقية تنظيم داعش مسؤولية الهجوم الذي استهدف نقطة للجيش العراقي في قضاء الطارمية.",
        "2022-01-20",
        "armed_attack",
        &["isis"],
        &["iraq_gov"],
    ),
    (
        "واتهمت مصادر كردية تنظيم داعش بتنفيذ الهجوم على حاجز لقوات سوريا الديمقراطية قرب بلدة الشحيل.",
        "2021-09-14",
        "armed_attack",
        &["isis"],
        &["sdf"],
    ),
    // The antecedent of a relative right before a verb trigger is its
    // subject; the actor named before it is not.
    (
        "ويدعم التحالف الدولي قوات سوريا الديمقراطية التي طردت تنظيم داعش من مدينة الرقة في تشرين الأول 2017.",
        "2018-09-01",
        "territory_seized",
        &["sdf"],
        &["isis"],
    ),
    // The side whose aircraft struck, named right after them (the first row
    // held before the rule; the second, where استهدفت read the Turkish
    // aircraft as the target, is what it mends).
    (
        "أعلنت وزارة الدفاع العراقية مقتل 23 عنصرا من تنظيم داعش بقصف لطيران التحالف الدولي في قضاء بيجي.",
        "2015-06-12",
        "airstrike",
        &["coalition"],
        &["isis"],
    ),
    (
        "استهدفت الطائرات التركية موقعا لقوات سورية موالية للنظام في قرية قرب عفرين.",
        "2018-02-20",
        "airstrike",
        &["turkey"],
        &["syria_gov"],
    ),
    // A verb with its object pronoun has its subject right after it; the
    // actor of another clause before it has no role.
    (
        "ويأتي هذا الإعلان بعد فشل المفاوضات التي تقودها روسيا للإفراج عن 30 امرأة وشابا درزيا خطفهم تنظيم داعش خلال هجومه على محافظة السويداء.",
        "2018-10-12",
        "kidnapping",
        &["isis"],
        &[],
    ),
];

/// The first event of `kind` that `text`, published on `published`, yields;
/// else what it yields instead.
fn first_event(x: &Extractor, text: &str, published: &str, kind: &str) -> Result<rasad::Event, String> {
    let date = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
    let events = x.extract(&Document::new("row", text).published(date));
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    let err = format!("no {kind} event (got {kinds:?})");
    events.into_iter().find(|e| e.kind.as_str() == kind).ok_or(err)
}

/// Every row yields its event with exactly the expected perpetrators and
/// targets; all failing rows are reported at once.
#[test]
fn roles_from_sentence_shapes() {
    let x = Extractor::embedded();
    let mut failures = Vec::new();
    for (k, (text, published, kind, perps, targets)) in ROWS.iter().enumerate() {
        let e = match first_event(x, text, published, kind) {
            Ok(e) => e,
            Err(why) => {
                failures.push(format!("row {k}: {why}\n    {text}"));
                continue;
            }
        };
        let mut got_p: Vec<String> = e.perpetrators.iter().map(|a| a.id.clone()).collect();
        let mut got_t: Vec<String> = e.targets.iter().map(|a| a.id.clone()).collect();
        got_p.sort();
        got_t.sort();
        let mut want_p: Vec<String> = perps.iter().map(|s| s.to_string()).collect();
        let mut want_t: Vec<String> = targets.iter().map(|s| s.to_string()).collect();
        want_p.sort();
        want_t.sort();
        if got_p != want_p || got_t != want_t {
            failures.push(format!(
                "row {k} ({kind}): perpetrators {got_p:?} (want {want_p:?}), targets {got_t:?} (want {want_t:?})\n    {text}"
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows:\n{}", failures.len(), ROWS.len(), failures.join("\n"));
}

/// `(sentence, publication date, event kind, killed, wounded)`: the event's
/// totals (`None`: no total).
type CasualtyRow = (&'static str, &'static str, &'static str, Option<u64>, Option<u64>);

const CASUALTY_ROWS: &[CasualtyRow] = &[
    // أطلق مسلحون النار على: the verb and its object split by the subject.
    (
        "أطلق مسلحون مجهولون النار على دورية للشرطة في بلدة الشحيل بريف دير الزور الشرقي، ما أدى إلى مقتل عنصرين.",
        "2024-01-01",
        "armed_attack",
        Some(2),
        None,
    ),
    // A war's toll in the next sentence is not this event's.
    (
        "قصفت طائرات النظام بلدة حمورية في الغوطة الشرقية أمس، ما أدى إلى مقتل 12 مدنيا.\nحصيلة سبع سنوات من الحرب في سوريا: أكثر من 350 ألف قتيل.",
        "2018-03-14",
        "airstrike",
        Some(12),
        None,
    ),
    // The object pronoun of أردى is the one victim; a relative named by
    // kinship (نجله) is one wounded.
    (
        "اغتال مسلحون مجهولون مختار قرية المزيريب بريف درعا الغربي، إذ أطلقوا عليه النار فأردوه قتيلا، وأصيب نجله بجروح.",
        "2024-09-12",
        "assassination",
        Some(1),
        Some(1),
    ),
    (
        "اغتال مجهولون قياديا سابقا في فصائل المعارضة بريف درعا الشرقي، إذ أطلقوا عليه النار فأردوه قتيلا.",
        "2024-06-03",
        "assassination",
        Some(1),
        None,
    ),
    (
        "قتل ثلاثة جنود وأصيب اثنان بانفجار عبوة ناسفة استهدفت دورية للجيش قرب قضاء الرطبة غربي الأنبار.",
        "2024-03-02",
        "bombing",
        Some(3),
        Some(2),
    ),
];

/// Every row yields its event with exactly these killed and wounded totals
/// (their minimum); all failing rows are reported at once.
#[test]
fn casualty_totals_from_sentence_shapes() {
    let x = Extractor::embedded();
    let mut failures = Vec::new();
    for (k, (text, published, kind, killed, wounded)) in CASUALTY_ROWS.iter().enumerate() {
        let e = match first_event(x, text, published, kind) {
            Ok(e) => e,
            Err(why) => {
                failures.push(format!("row {k}: {why}\n    {text}"));
                continue;
            }
        };
        let got = (e.killed.map(|t| t.min), e.wounded.map(|t| t.min));
        if got != (*killed, *wounded) {
            failures.push(format!(
                "row {k} ({kind}): (killed, wounded) {got:?}, want {:?}\n    {text}",
                (killed, wounded)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows:\n{}",
        failures.len(),
        CASUALTY_ROWS.len(),
        failures.join("\n")
    );
}
