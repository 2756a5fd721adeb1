//! Gazetteer matching through Arabic clitics, word boundaries, Latin aliases,
//! the dev reports, and bad gazetteer files.

use rasad::gazetteer::{Entity, Gazetteer, GazetteerErrorKind};

/// `(id, original text of the whole word, clitic)` of every match.
fn matches(text: &str) -> Vec<(String, String, Option<&'static str>)> {
    Gazetteer::embedded()
        .find_iter(text)
        .map(|m| (m.entity.id().to_string(), text[m.span].to_string(), m.clitic))
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    matches(text).into_iter().map(|m| m.0).collect()
}

fn place_id(name_en: &str) -> String {
    let g = Gazetteer::embedded();
    let mut places: Vec<_> = g.places().iter().filter(|p| p.name_en == name_en).collect();
    places.sort_by_key(|p| p.kind.preference());
    places.first().unwrap_or_else(|| panic!("no place named {name_en}")).id.clone()
}

#[test]
fn every_clitic_form() {
    let idlib = place_id("Idlib");
    let raqqa = place_id("Raqqa");
    let palmyra = place_id("Palmyra");
    // (sentence, word as written, id, clitic)
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        ("قصفت الطائرات مواقع بإدلب فجر اليوم", "بإدلب", &idlib, Some("ب")),
        ("وصلت التعزيزات إلى حماة وإدلب", "وإدلب", &idlib, Some("و")),
        ("توجه الرتل لإدلب صباحا", "لإدلب", &idlib, Some("ل")),
        ("فإدلب لم تشهد هجمات منذ أسبوع", "فإدلب", &idlib, Some("ف")),
        ("أحكمت القوات سيطرتها على حلب والرقة", "والرقة", &raqqa, Some("و")),
        ("انفجرت عبوة بالرقة مساء أمس", "بالرقة", &raqqa, Some("ب")),
        ("وصل وفد عسكري للرقة لتفقد المواقع", "للرقة", &raqqa, Some("ل")),
        ("انسحب المقاتلون ولتدمر عادت الحياة", "ولتدمر", &palmyra, Some("ول")),
        ("دخلت القوات فالرقة بعد معارك", "فالرقة", &raqqa, Some("ف")),
        ("عادت الدورية كالرقة وحلب إلى الهدوء", "كالرقة", &raqqa, Some("ك")),
        ("توجهت القافلة وللرقة حصة منها", "وللرقة", &raqqa, Some("ول")),
        ("وبإدلب اعتقلت قوات الأمن خلية", "وبإدلب", &idlib, Some("وب")),
        ("وبالرقة قتل عنصران", "وبالرقة", &raqqa, Some("وب")),
    ];
    for (sentence, word, id, clitic) in cases {
        let found = matches(sentence);
        let m = found
            .iter()
            .find(|m| m.1 == *word)
            .unwrap_or_else(|| panic!("{word:?} not found in {sentence:?}: {found:?}"));
        assert_eq!(m.0, *id, "{word:?} in {sentence:?}");
        // The clitic as normalized: و ب ل ... (وللرقة strips و and ل).
        assert_eq!(m.2, *clitic, "{word:?} in {sentence:?}");
    }
}

#[test]
fn word_boundaries() {
    let idlib = place_id("Idlib");
    // An adjective or a longer word that holds a name is not the name.
    for sentence in
        ["قال ناشط إدلبي إن القصف توقف", "أصدر المجلس الإدلبيون بيانا", "تحدث أحد الرقاويين عن المعارك"]
    {
        let found = ids(sentence);
        assert!(!found.contains(&idlib), "{sentence:?}: {found:?}");
        assert!(!found.iter().any(|i| *i == place_id("Raqqa")), "{sentence:?}: {found:?}");
    }
    // A name followed by punctuation or a quote is still found.
    assert!(ids("هاجم مسلحون بلدة \"أطمة\" بمحافظة \"إدلب\".").contains(&place_id("Atmeh")));
    assert!(ids("قصف على إدلب، وحلب؛ وحماة؟").contains(&idlib));
}

#[test]
fn longest_match_wins() {
    // قوات سوريا الديمقراطية is one actor, not the place سوريا.
    let found = matches("أعلنت قوات سوريا الديمقراطية مقتل قيادي");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "sdf");
    assert_eq!(found[0].1, "قوات سوريا الديمقراطية");
    // دير الزور is one place, not دير.
    let found = matches("هجوم في ريف دير الزور الشرقي");
    assert!(found.iter().any(|m| m.1 == "دير الزور"), "{found:?}");
    // تنظيم الدولة الإسلامية is ISIS once, not ISIS plus a state.
    let found = matches("تبنى تنظيم الدولة الإسلامية الهجوم");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "isis");
}

#[test]
fn latin_aliases() {
    for (text, id) in [
        ("Palmyra", place_id("Palmyra")),
        ("قال مسؤول إن Tadmur شهدت هجوما", place_id("Palmyra")),
        ("the HTS-run province", "hts".to_string()),
        ("ISIS claimed the attack", "isis".to_string()),
    ] {
        let found = ids(text);
        assert!(found.contains(&id), "{text:?}: {found:?}");
    }
    let hol: Vec<String> = ["al-Hol", "Al-Hawl"].iter().flat_map(|t| ids(t)).collect();
    assert_eq!(hol.len(), 2, "{hol:?}");
}

#[test]
fn diacritics_and_tatweel() {
    let idlib = place_id("Idlib");
    let text = "اشتباكات في إِدْلِب وقصف على تـــدمر";
    let found = matches(text);
    assert!(found.iter().any(|m| m.0 == idlib && m.1 == "إِدْلِب"), "{found:?}");
    assert!(found.iter().any(|m| m.0 == place_id("Palmyra") && m.1 == "تـــدمر"), "{found:?}");
}

#[test]
fn anaphoric_group_nouns_are_not_actors() {
    let g = Gazetteer::embedded();
    let m: Vec<_> = g.find_iter("وتوعد التنظيم بالانتقام").collect();
    assert_eq!(m.len(), 1);
    assert!(matches!(m[0].entity, Entity::Anaphor(_)), "{:?}", m[0].entity);
}

#[test]
fn common_words_need_a_locative_cue() {
    // الباب is "the door"; al-Bab the town only with a cue.
    assert!(ids("ستفتح هذه الخطوة الباب أمام تعاون أوسع").is_empty());
    let bab = place_id("al-Bab");
    assert!(ids("اشتباكات عنيفة في مدينة الباب شرق حلب").contains(&bab));
    assert!(ids("قتل مدني في الباب بريف حلب").contains(&bab));
}

#[test]
fn embedded_data_is_consistent() {
    let g = Gazetteer::embedded();
    assert!(g.places().len() >= 150, "{} places", g.places().len());
    for p in g.places() {
        // Every place but a country has a parent, and its chain reaches a country.
        if p.kind != rasad::gazetteer::PlaceKind::Country {
            let chain = g.admin_chain(p);
            assert!(!chain.is_empty(), "{} has no parent", p.id);
            assert_eq!(chain[0].kind, rasad::gazetteer::PlaceKind::Country, "{}", p.id);
        }
        assert!(
            (29.0..=38.5).contains(&p.lat) && (35.0..=49.0).contains(&p.lon),
            "{} at {},{}",
            p.id,
            p.lat,
            p.lon
        );
    }
    for id in [
        "isis",
        "hts",
        "sdf",
        "coalition",
        "syria_gov",
        "us",
        "russia",
        "turkey",
        "iran_backed",
        "iraq_gov",
        "pmf",
        "sna",
        "hurras_al_din",
        "civilians",
        "unknown",
    ] {
        assert!(g.actor(id).is_some(), "actor {id} is missing");
    }
    for name in ["Idlib", "Atmeh", "Palmyra", "Raqqa", "Deir ez-Zor", "Damascus", "Mosul", "Hasakah", "Homs"]
    {
        place_id(name);
    }
    let atmeh = g.place(&place_id("Atmeh")).unwrap();
    let chain: Vec<&str> = g.admin_chain(atmeh).iter().map(|p| p.name_en.as_str()).collect();
    assert_eq!(chain[..2], ["Syria", "Idlib"], "{chain:?}");
}

/// Reads a dev report from ../shared, or says why the test is skipped.
fn dev_report(name: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev").join(name);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("skipped: {} is not readable ({e}); ../shared is absent", path.display());
            None
        }
    }
}

#[test]
fn dev_reports_every_entity_is_found() {
    let cases: &[(&str, &[&str])] = &[
        (
            "000_7991aee8cf547fe7.txt",
            &[
                "Atmeh",
                "Idlib",
                "isis",
                "coalition",
                "syria_gov",
                "sdf",
                "abu_hafs_al_hashimi_al_qurashi",
                "Syria",
                "Damascus",
                "anaphor_group",
            ],
        ),
        (
            "003_1bf9be427d61f529.txt",
            &[
                "Palmyra",
                "Raqqa",
                "Damascus",
                "Idlib",
                "Syria",
                "Iraq",
                "isis",
                "hts",
                "sdf",
                "coalition",
                "syria_gov",
                "us",
                "ahmed_al_sharaa",
                "bashar_al_assad",
                "anaphor_group",
            ],
        ),
    ];
    for (doc, expected) in cases {
        let Some(text) = dev_report(doc) else { return };
        let g = Gazetteer::embedded();
        let found: Vec<String> = g
            .find_iter(&text)
            .flat_map(|m| {
                let mut v = vec![m.entity.id().to_string(), m.entity.name_en().to_string()];
                // Check that every span slices the text on char boundaries.
                assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                v.extend(m.others.iter().map(|e| e.id().to_string()));
                v
            })
            .collect();
        for e in *expected {
            assert!(found.iter().any(|f| f == e), "{doc}: {e} not found");
        }
    }
}

#[test]
fn dev_report_camps() {
    let Some(text) = dev_report("003_1bf9be427d61f529.txt") else {
        return;
    };
    let g = Gazetteer::embedded();
    let names: Vec<&str> = g.find_iter(&text).map(|m| m.entity.name_en()).collect();
    assert!(names.iter().any(|n| n.starts_with("al-Hol")), "al-Hol: {names:?}");
}

fn bad(places: &str) -> GazetteerErrorKind {
    let err =
        Gazetteer::builder().without_defaults().add_places("bad_places.tsv", places).build().unwrap_err();
    assert_eq!(err.file(), "bad_places.tsv");
    eprintln!("{err}");
    err.kind().clone()
}

const HEADER: &str =
    "id\tkind\tname_en\tname_ar\taliases_ar\taliases_latin\tparent\tlat\tlon\texternal_ids\tflags\tsource\n";

#[test]
fn bad_files_say_what_and_where() {
    // Missing column.
    let e = Gazetteer::builder()
        .without_defaults()
        .add_places("p.tsv", "id\tkind\tname_en\tname_ar\n")
        .build()
        .unwrap_err();
    assert_eq!(e.to_string(), "p.tsv:1: the header lacks the column aliases_ar");

    // Wrong field count, on line 3 (a comment line counts as a line).
    let rows = format!("{HEADER}# comment\nx:1\tcity\tX\tاكس\t\t\t\t35\n");
    assert_eq!(bad(&rows), GazetteerErrorKind::FieldCount { expected: 12, found: 8 });
    let e = Gazetteer::builder().without_defaults().add_places("p.tsv", &rows).build().unwrap_err();
    assert_eq!(e.line(), Some(3));

    // Bad coordinate.
    let rows = format!("{HEADER}x:1\tcity\tX\tاكس\t\t\t\t3x.5\t38\t\t\tt\n");
    assert!(matches!(bad(&rows), GazetteerErrorKind::BadNumber { column: "lat", .. }));
    let rows = format!("{HEADER}x:1\tcity\tX\tاكس\t\t\t\t95\t38\t\t\tt\n");
    assert!(matches!(bad(&rows), GazetteerErrorKind::BadNumber { column: "lat", .. }));

    // Duplicate id.
    let rows =
        format!("{HEADER}x:1\tcity\tX\tاكس\t\t\t\t35\t38\t\t\tt\nx:1\ttown\tY\tواي\t\t\t\t35\t38\t\t\tt\n");
    assert_eq!(bad(&rows), GazetteerErrorKind::DuplicateId { id: "x:1".into(), first_line: 2 });

    // Empty alias.
    let rows = format!("{HEADER}x:1\tcity\tX\tاكس\tا||ب\t\t\t35\t38\t\t\tt\n");
    assert_eq!(bad(&rows), GazetteerErrorKind::EmptyAlias("aliases_ar"));

    // Unknown kind, unknown parent, empty name.
    let rows = format!("{HEADER}x:1\tmetropolis\tX\tاكس\t\t\t\t35\t38\t\t\tt\n");
    assert_eq!(bad(&rows), GazetteerErrorKind::UnknownKind("metropolis".into()));
    let rows = format!("{HEADER}x:1\tcity\tX\tاكس\t\t\tnowhere\t35\t38\t\t\tt\n");
    assert!(matches!(bad(&rows), GazetteerErrorKind::UnknownReference { column: "parent", .. }));
    let rows = format!("{HEADER}x:1\tcity\tX\t\t\t\t\t35\t38\t\t\tt\n");
    assert_eq!(bad(&rows), GazetteerErrorKind::EmptyField("name_ar"));
}

#[test]
fn invalid_utf8_file_gives_its_line() {
    let dir = std::env::temp_dir().join(format!("rasad-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("places_bad.tsv");
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"x:1\tcity\tX\t\xff\xfe\t\t\t\t35\t38\t\t\tt\n");
    std::fs::write(&path, &bytes).unwrap();
    let err = Gazetteer::builder().add_file(&path).build().unwrap_err();
    assert!(matches!(err.kind(), GazetteerErrorKind::InvalidUtf8 { .. }), "{err}");
    assert_eq!(err.line(), Some(2));
    assert!(err.to_string().contains("places_bad.tsv:2: invalid UTF-8"), "{err}");
    // A file whose name says nothing of its content.
    let other = dir.join("towns.tsv");
    std::fs::write(&other, HEADER).unwrap();
    let err = Gazetteer::builder().add_file(&other).build().unwrap_err();
    assert_eq!(err.kind(), &GazetteerErrorKind::UnknownFile);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn user_rows_extend_and_override() {
    let atmeh = place_id("Atmeh");
    let rows = format!(
        "{HEADER}{atmeh}\ttown\tAtmeh (corrected)\tأطمة\tاطمه الحدودية\t\twof:85632413\t36.3\t36.7\t\t\tuser\n"
    );
    let g = Gazetteer::builder().add_places("user_places.tsv", &rows).build().unwrap();
    assert_eq!(g.place(&atmeh).unwrap().name_en, "Atmeh (corrected)");
    assert_eq!(g.places().len(), Gazetteer::embedded().places().len());
}

#[test]
fn shared_aliases_are_reported_not_dropped() {
    let g = Gazetteer::embedded();
    // A city and the district named after it share the name.
    let palmyra = g.ambiguous_aliases().iter().find(|a| a.alias == "تدمر");
    assert!(palmyra.is_some_and(|a| a.ids.len() >= 2), "{palmyra:?}");
    let m = g.find_iter("هجوم قرب تدمر").next().unwrap();
    assert!(!m.others.is_empty());
}

#[test]
fn gazetteer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Gazetteer>();
    check::<rasad::lexicon::Lexicon>();
    check::<rasad::normalize::Normalizer>();
}

#[test]
fn shared_names_resolve_by_context_both_ways() {
    // Villages called الصالحية exist in Deir ez-Zor and in Aleppo (two test
    // rows make sure of it, whatever the embedded data hold): the governorate
    // named nearby, or the other places of the report, decide.
    let dez = place_id("Deir ez-Zor");
    let aleppo = place_id("Aleppo");
    let rows = format!(
        "{HEADER}t:salhiya_dez\tvillage\tSalhiya (DeZ)\tالصالحية\t\t\t{dez}\t35.2\t40.3\t\t\ttest\n\
         t:salhiya_alp\tvillage\tSalhiya (Aleppo)\tالصالحية\t\t\t{aleppo}\t36.2\t37.1\t\t\ttest\n"
    );
    let dir = std::env::temp_dir().join(format!("rasad-shared-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("places_test.tsv"), &rows).unwrap();
    let x = rasad::Extractor::builder().gazetteer_dir(&dir).build().unwrap();
    let g = x.gazetteer();
    assert!(g.ambiguous_aliases().iter().any(|a| a.alias == "الصالحيه" && a.ids.len() >= 2));
    // The governorate of the village chosen, and the rule that chose it.
    let village = |text: &str| -> (String, String) {
        let m = x.mentions(&rasad::Document::new("d", text));
        let (id, rule) = m
            .iter()
            .find_map(|m| match &m.what {
                rasad::MentionKind::Place { id, rule, .. } if m.text.contains("الصالحية") => {
                    Some((id.clone(), serde_json::to_string(rule).unwrap()))
                }
                _ => None,
            })
            .expect("the village");
        let p = g.place(&id).unwrap();
        let gov = g
            .admin_chain(p)
            .iter()
            .find(|a| a.kind == rasad::gazetteer::PlaceKind::Governorate)
            .unwrap()
            .id
            .clone();
        (gov, rule)
    };
    assert_eq!(
        village("اشتباكات في قرية الصالحية بريف دير الزور الشرقي"),
        (dez.clone(), "\"admin_parent\"".into())
    );
    assert_eq!(village("قصف على قرية الصالحية في ريف حلب"), (aleppo.clone(), "\"admin_parent\"".into()));
    // No parent nearby: the report's other places vote.
    let (gov, rule) = village("هجوم في الميادين امس. وفي اليوم نفسه قتل راع في قرية الصالحية.");
    assert_eq!((gov, rule.as_str()), (dez, "\"document\""));
    std::fs::remove_dir_all(&dir).ok();
}

/// The places a document names, as ids, through the extractor (kind words,
/// cues and namesake rules applied).
fn place_ids(text: &str) -> Vec<String> {
    rasad::Extractor::embedded()
        .mentions(&rasad::Document::new("d", text))
        .into_iter()
        .filter_map(|m| match m.what {
            rasad::MentionKind::Place { id, .. } => Some(id),
            _ => None,
        })
        .collect()
}

/// A village or subdistrict name right after a verb of saying is the
/// speaker's family name; the same name after في is the place.
#[cfg(feature = "full-gazetteer")]
#[test]
fn a_name_after_a_speech_verb_is_a_speaker() {
    assert!(place_ids("وقال الحواش في تصريح لوسائل الإعلام إن الوضع متوتر.").is_empty());
    assert!(place_ids("وأضاف الحواش أن الحملة مستمرة.").is_empty());
    assert!(!place_ids("وقعت اشتباكات في ناحية الحواش بريف حماة.").is_empty());
}

/// After a particle that only comes before a verb, or a relative pronoun, a
/// word that looks like a name is a verb: تدمر is "destroys" there.
#[test]
fn a_name_after_a_verb_particle_is_a_verb() {
    assert!(place_ids("وتحذر المنظمة من المخدرات التي تدمر عقول الشباب في المنطقة.").is_empty());
    assert!(place_ids("وقال إن الحرب قد تدمر ما تبقى من البنية التحتية.").is_empty());
    let palmyra = place_ids("سيطر تنظيم داعش على مدينة تدمر الأثرية وسط البلاد.");
    assert_eq!(palmyra.len(), 1, "{palmyra:?}");
    assert!(!place_ids("انسحبت القوات من تدمر بعد معارك عنيفة.").is_empty());
}

/// Tanween marks an indefinite word, never a name: دوماً is "always".
#[test]
fn a_word_with_tanween_is_no_place() {
    assert!(place_ids("والإنجازات الأمنية تستحق الإشادة دوماً، وقد ساهمت في إحباط محاولات إرهابية.").is_empty());
    assert!(!place_ids("قتل خمسة مدنيين في قصف على مدينة دوما بالغوطة الشرقية.").is_empty());
}

/// A camp named with the dual kind word (مخيمي الهول) or its kind word is
/// the camp, not the town of the same name.
#[test]
fn kind_words_choose_the_camp() {
    let camp = "rasad:al_hol_camp".to_string();
    assert!(place_ids("نقلت السلطات عشرات العائلات من مخيمي الهول وروج.").contains(&camp));
    assert!(place_ids("شنت قوات الأمن حملة مداهمات في مخيم الهول شرق الحسكة.").contains(&camp));
}

/// A town named like an adjective (مخمور, drunk) is read only with a cue.
#[test]
fn an_adjective_is_not_a_town() {
    assert!(place_ids("أصيب خمسة أشخاص برصاص مسلح مخمور داخل مجمع سكني.").is_empty());
    assert!(!place_ids("هاجم عناصر من داعش نقطة للجيش في قضاء مخمور جنوب أربيل.").is_empty());
}

/// A place name that begins a person's name (صلاح الدين عبد الكريم) is the
/// person; the most frequent words among place names (الدور the round, بلد
/// a country) are places only after their kind word.
#[test]
fn names_of_people_and_frequent_words_are_not_places() {
    assert!(place_ids("ويتساءل المستشار صلاح الدين عبد الكريم عن أسباب الهجوم.").is_empty());
    assert!(!place_ids("قتل ثلاثة جنود بهجوم في محافظة صلاح الدين أمس.").is_empty());
    assert!(place_ids("يلتقي الفريقان في الدور الأول من البطولة.").is_empty());
    assert!(place_ids("يعيش في بلد عربي منذ سنوات.").is_empty());
    assert!(!place_ids("هاجم مسلحون نقطة للجيش في قضاء الدور شمال تكريت.").is_empty());
}

/// A place located by a place abroad right after it is that place's
/// namesake abroad (دوما near Nablus), whatever its rank.
#[test]
fn a_place_located_abroad_is_a_namesake() {
    assert!(place_ids("أحرق متطرفون منزل أسرة في قرية دوما القريبة من نابلس.").is_empty());
    assert!(
        place_ids("قتل ثلاثة مدنيين بقصف على مدينة دوما في الغوطة الشرقية.")
            .contains(&"wof:890442375".to_string())
    );
}

/// Tabqa (الطبقة, also "the class, the layer") needs a cue.
#[test]
fn tabqa_needs_a_cue() {
    assert!(place_ids("انتقد الكاتب الطبقة السياسية في البلاد.").is_empty());
    assert!(!place_ids("سيطرت قوات سوريا الديمقراطية على مدينة الطبقة وسدها.").is_empty());
}

/// Haditha (حديثة) is read only after its kind word: normalized, "في حديثه"
/// (in his talk) is spelled like it.
#[test]
fn haditha_needs_its_kind_word() {
    assert!(place_ids("وفي حديثه لبرنامج إذاعي قال الوزير إن التحقيق مستمر.").is_empty());
    assert!(!place_ids("هاجم مسلحون من داعش مواقع للجيش في قضاء حديثة غربي الأنبار.").is_empty());
}

/// A name written with ة is not read where the text has ه (normalization
/// folds them): "حديثه" is "his talk", and news writes names with ة.
#[test]
fn a_ta_marbuta_name_is_not_read_from_a_final_ha() {
    let with_ta = place_ids("اشتباكات عنيفة في قرية الصالحية بريف دير الزور الشرقي.");
    let with_ha = place_ids("اشتباكات عنيفة في قرية الصالحيه بريف دير الزور الشرقي.");
    assert_eq!(with_ta.len(), with_ha.len() + 1, "{with_ta:?} {with_ha:?}");
}

/// A dual kind word names both places of a pair joined by و: مخيمي الهول
/// وروج، بلدتي عربين وسقبا.
#[test]
fn a_dual_kind_word_names_both_places() {
    let roj = place_ids("نقلت السلطات عشرات العائلات من مخيمي الهول وروج.");
    assert!(roj.contains(&"rasad:roj_camp".to_string()), "{roj:?}");
    let pair = place_ids("قصفت الطائرات بلدتي عربين وسقبا في الغوطة الشرقية.");
    assert!(pair.len() >= 3, "{pair:?}");
}

/// كفر is written apart or joined: both find the place.
#[cfg(feature = "full-gazetteer")]
#[test]
fn kafr_joined_or_apart() {
    let apart = place_ids("قصفت الطائرات بلدة كفر بطنا في الغوطة الشرقية.");
    let joined = place_ids("قصفت الطائرات بلدة كفربطنا في الغوطة الشرقية.");
    assert_eq!(apart, joined);
    assert!(apart.len() >= 2, "{apart:?}");
}
