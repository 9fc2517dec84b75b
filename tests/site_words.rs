//! The website-name word lists are data (data/profile/words.json): every
//! word of every list produces its finding, quoting the word, with a span
//! that marks exactly that word in the input.

use beian_check::json::{self, Json};
use beian_check::{check_field, Date, Options, SubjectType};

fn words_json() -> Json {
    json::parse(include_str!("../data/profile/words.json")).unwrap()
}

fn strings(j: Option<&Json>) -> Vec<String> {
    j.and_then(Json::as_array)
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

fn check_word(list: &str, code: &str, word: &str, subject: SubjectType) {
    let mut o = Options::on(Date::parse("2026-11-27").unwrap());
    o.subject_type = Some(subject);
    // A neutral frame around the word, offset by a non-BMP character so the
    // span must count UTF-16 units.
    let input = format!("𠀀乐{word}小站");
    let r = check_field("websiteName", &input, &o).unwrap();
    let f = r
        .findings
        .iter()
        .find(|f| f.code == code && f.get_param("word") == Some(word))
        .unwrap_or_else(|| panic!("{list}: {word} gave {:?}", r.findings));
    let (a, b) = f.span.expect("span");
    let units: Vec<u16> = input.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&units[a as usize..b as usize]).unwrap(),
        word,
        "{list}: span of {word}"
    );
}

#[test]
fn every_listed_word_is_found_and_marked() {
    let w = words_json();
    for (list, code, subject) in [
        ("national", "website_name.national", SubjectType::Enterprise),
        (
            "sensitive",
            "website_name.sensitive",
            SubjectType::Enterprise,
        ),
        (
            "personalForbidden",
            "website_name.personal_word",
            SubjectType::Personal,
        ),
        (
            "personalDiscouraged",
            "website_name.personal_discouraged",
            SubjectType::Personal,
        ),
        (
            "entityLike",
            "website_name.entity_word",
            SubjectType::Personal,
        ),
    ] {
        let words = strings(w.get(list).and_then(|l| l.get("words")));
        assert!(!words.is_empty(), "{list} is empty");
        for word in &words {
            check_word(list, code, word, subject);
        }
    }
    let cats = w
        .get("preApproval")
        .and_then(|p| p.get("categories"))
        .and_then(Json::as_array)
        .unwrap();
    assert!(
        cats.len() >= 10,
        "the MIIT category list has at least 10 entries"
    );
    for cat in cats {
        for word in strings(cat.get("words")) {
            check_word(
                "preApproval",
                "website_name.pre_approval",
                &word,
                SubjectType::Enterprise,
            );
        }
    }
}

#[test]
fn the_category_is_named() {
    let mut o = Options::on(Date::parse("2026-11-27").unwrap());
    o.subject_type = Some(SubjectType::Enterprise);
    let r = check_field("websiteName", "某某理财学堂", &o).unwrap();
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "website_name.pre_approval")
        .unwrap();
    assert_eq!(f.get_param("category"), Some("互联网金融"));
    let msg = beian_check::output::message(f, beian_check::Locale::ZhCn);
    assert!(msg.contains("理财") && msg.contains("互联网金融"), "{msg}");
}
