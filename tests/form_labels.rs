//! Every checkForm finding names its field (issue 16 item 15): `label`,
//! built from the path, in each locale — no finding of any form vector is
//! left unlabelled or labelled with a raw key.

use beian_check::form::{check_form, labels::label};
use beian_check::json::{self, Json};
use beian_check::{Date, Locale, Options};

#[test]
fn labels_read_as_field_names() {
    let zh = Locale::ZhCn;
    assert_eq!(
        label("websites[1].principal.mobile", zh),
        "网站 2 · 网站负责人 · 手机号码"
    );
    assert_eq!(
        label("subject.principal.documents.idCardFront", zh),
        "主体负责人 · 身份证人像面"
    );
    assert_eq!(
        label("subject.documents.businessLicense", zh),
        "主体信息 · 营业执照"
    );
    assert_eq!(label("websites[0].domains[1]", zh), "网站 1 · 网站域名 2");
    assert_eq!(label("province", Locale::En), "filing province");
    assert_eq!(label("", zh), "");
}

#[test]
fn every_form_vector_finding_has_a_label() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/forms");
    let mut bad = Vec::new();
    let mut seen = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let doc = json::parse(&std::fs::read_to_string(e.path()).unwrap()).unwrap();
        let opts = Options::from_json(
            doc.get("options").unwrap_or(&Json::Null),
            Date::parse("2026-11-27").unwrap(),
        )
        .unwrap();
        for f in check_form(doc.get("form").unwrap_or(&Json::Null), &opts).findings {
            seen += 1;
            for locale in Locale::ALL {
                let l = label(&f.path, locale);
                let raw = match locale {
                    Locale::En => l.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
                        w.starts_with(|c: char| c.is_ascii_lowercase())
                            && w.contains(|c: char| c.is_ascii_uppercase())
                    }),
                    _ => l.contains(|c: char| c.is_ascii_alphabetic()),
                };
                if l.is_empty() || raw {
                    bad.push(format!(
                        "{:?}: {} {} → {l:?}",
                        e.file_name(),
                        f.code,
                        f.path
                    ));
                }
            }
        }
    }
    assert!(seen > 60, "{seen}");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn check_form_json_carries_the_label() {
    let form = r#"{"province":"京","subject":{"type":"personal","name":"张伟"},"websites":[]}"#;
    let out = beian_check::api::check_form(form, r#"{"locale":"en"}"#, "2026-11-27");
    let doc = json::parse(&out).unwrap();
    let findings = doc.get("findings").and_then(Json::as_array).unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let l = f.get("label").and_then(Json::as_str).unwrap_or("");
        assert!(!l.is_empty(), "{}", f.to_text());
    }
}
