//! Every finding of every vector (tests/vectors/fields and forms) fills
//! every placeholder of its message and hint with a non-empty value, in all
//! three locales: no "登记在，与备案省份北京市不同" (issue 16 item 5).

use beian_check::form::check_form;
use beian_check::i18n::{lookup, Locale};
use beian_check::json::{self, Json};
use beian_check::{check_field, Date, Finding, Options};
use std::path::Path;

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

fn docs(dir: &str) -> Vec<(String, Json)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(String, Json)> = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "json") {
            let doc = json::parse(&std::fs::read_to_string(&p).unwrap()).unwrap();
            out.push((p.file_name().unwrap().to_string_lossy().into(), doc));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn merged(base: Option<&Json>, over: Option<&Json>) -> Json {
    let mut items: Vec<(String, Json)> = base
        .and_then(|b| b.as_object())
        .map(|o| o.to_vec())
        .unwrap_or_default();
    if let Some(Json::Obj(extra)) = over {
        items.extend(extra.iter().cloned());
    }
    Json::Obj(items)
}

/// Placeholders of `template` that `f` leaves empty or unfilled.
fn empty_placeholders(template: &str, f: &Finding) -> Vec<String> {
    let mut bad = Vec::new();
    for piece in template.split('{').skip(1) {
        let Some((name, _)) = piece.split_once('}') else {
            continue;
        };
        match f.params.iter().find(|(k, _)| *k == name) {
            Some((_, v)) if !v.trim().is_empty() => {}
            _ => bad.push(name.to_string()),
        }
    }
    bad
}

fn audit(source: &str, findings: &[Finding], bad: &mut Vec<String>) {
    for f in findings {
        if f.custom.is_some() {
            continue;
        }
        for locale in Locale::ALL {
            for key in [f.code.clone(), format!("{}#hint", f.code)] {
                let Some(t) = lookup(&key, locale) else {
                    continue;
                };
                for name in empty_placeholders(t, f) {
                    bad.push(format!(
                        "{source}: {} {key} ({}): {{{name}}} empty",
                        f.path,
                        locale.tag()
                    ));
                }
            }
        }
    }
}

#[test]
fn no_vector_output_has_an_empty_placeholder() {
    let mut bad = Vec::new();
    let mut seen = 0;
    for (name, doc) in docs("tests/vectors/fields") {
        let kind = doc.get("kind").and_then(Json::as_str).unwrap_or("");
        for (i, case) in doc
            .get("cases")
            .and_then(Json::as_array)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let opts = merged(doc.get("options"), case.get("options"));
            let Ok(opts) = Options::from_json(&opts, today()) else {
                continue;
            };
            let input = case.get("input").and_then(Json::as_str).unwrap_or("");
            if let Ok(r) = check_field(kind, input, &opts) {
                seen += r.findings.len();
                audit(&format!("{name}[{i}]"), &r.findings, &mut bad);
            }
        }
    }
    for (name, doc) in docs("tests/vectors/forms") {
        let opts = Options::from_json(doc.get("options").unwrap_or(&Json::Null), today()).unwrap();
        let r = check_form(doc.get("form").unwrap_or(&Json::Null), &opts);
        seen += r.findings.len();
        audit(&name, &r.findings, &mut bad);
    }
    assert!(seen > 300, "only {seen} findings audited");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
