//! Runs tests/vectors/forms/*.json through the native checkForm: the error
//! and warning findings must be exactly the expected (path, code) pairs, so
//! each rule-breaking form proves it breaks only its rule. The Node tests
//! run the same files through the wasm build.

use beian_check::form::check_form;
use beian_check::json::{self, Json};
use beian_check::{Date, Options, Severity};

#[test]
fn form_vectors() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/forms");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "expected the generated form vectors");
    let mut failures = Vec::new();
    for path in &names {
        let doc = json::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        let opts = Options::from_json(
            doc.get("options").unwrap_or(&Json::Null),
            Date::parse("2026-11-27").unwrap(),
        )
        .unwrap();
        let form = doc.get("form").cloned().unwrap_or(Json::Null);
        let r = check_form(&form, &opts);
        let mut got: Vec<String> = r
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| format!("{} {}", f.path, f.code))
            .collect();
        got.sort();
        let mut want: Vec<String> = doc
            .get("expect")
            .and_then(Json::as_array)
            .unwrap_or(&[])
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e.get("path").and_then(Json::as_str).unwrap_or(""),
                    e.get("code").and_then(Json::as_str).unwrap_or("")
                )
            })
            .collect();
        want.sort();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if got != want {
            failures.push(format!("{name}:\n  got  {got:?}\n  want {want:?}"));
        }
        if doc.get("ok").and_then(Json::as_bool) != Some(r.ok()) {
            failures.push(format!("{name}: ok = {}", r.ok()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} forms differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
