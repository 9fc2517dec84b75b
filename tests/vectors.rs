//! Runs every field vector file under tests/vectors/fields/ through the
//! native build. The Node tests run the same files through the wasm build.

use beian_check::json::{self, Json};
use beian_check::{check_field, Date, FieldResult, InfoValue, Options};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

fn merged(base: &Json, over: Option<&Json>) -> Json {
    let mut items: Vec<(String, Json)> = base.as_object().map(|o| o.to_vec()).unwrap_or_default();
    if let Some(Json::Obj(extra)) = over {
        items.extend(extra.iter().cloned());
    }
    Json::Obj(items)
}

fn info_matches(r: &FieldResult, key: &str, want: &Json) -> bool {
    match (r.get_info(key), want) {
        (Some(InfoValue::Str(s)), Json::Str(w)) => s == w,
        (Some(InfoValue::Num(n)), Json::Num(w)) => (n - w).abs() < 1e-9,
        (Some(InfoValue::Bool(b)), Json::Bool(w)) => b == w,
        (None, Json::Null) => true,
        _ => false,
    }
}

/// Checks one case; returns a description of every mismatch.
fn run_case(kind: &str, file_opts: &Json, case: &Json) -> Vec<String> {
    let mut errs = Vec::new();
    let input = case.get("input").and_then(Json::as_str).unwrap_or("");
    let opts_json = merged(file_opts, case.get("options"));
    let opts = match Options::from_json(&opts_json, Date::parse("2026-11-27").unwrap()) {
        Ok(o) => o,
        Err(e) => return vec![format!("bad options: {e}")],
    };
    let r = match check_field(kind, input, &opts) {
        Ok(r) => r,
        Err(e) => return vec![format!("type error: {e}")],
    };
    let mut got: Vec<&str> = r.findings.iter().map(|f| f.code.as_str()).collect();
    got.sort();
    let mut want: Vec<&str> = case
        .get("codes")
        .and_then(Json::as_array)
        .map(|a| a.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default();
    want.sort();
    if got != want {
        errs.push(format!("codes: got {got:?}, want {want:?}"));
    }
    if let Some(ok) = case.get("ok").and_then(Json::as_bool) {
        if r.ok() != ok {
            errs.push(format!("ok: got {}, want {ok}", r.ok()));
        }
    } else {
        errs.push("case has no \"ok\"".into());
    }
    if let Some(v) = case.get("value").and_then(Json::as_str) {
        if r.value != v {
            errs.push(format!("value: got {:?}, want {v:?}", r.value));
        }
    }
    let offered = |fix: &str| r.findings.iter().any(|f| f.fix.as_deref() == Some(fix));
    match case.get("fix") {
        Some(Json::Null) => {
            if let Some(f) = r.findings.iter().find(|f| f.fix.is_some()) {
                errs.push(format!("fix: none expected, {} offers {:?}", f.code, f.fix));
            }
        }
        Some(Json::Str(fix)) if !offered(fix) => {
            errs.push(format!("fix: no finding offers {fix:?}"))
        }
        _ => {}
    }
    if let Some(info) = case.get("info").and_then(Json::as_object) {
        for (k, v) in info {
            if !info_matches(&r, k, v) {
                errs.push(format!(
                    "info.{k}: got {:?}, want {}",
                    r.get_info(k),
                    v.to_text()
                ));
            }
        }
    }
    if let Some(spans) = case.get("spans").and_then(Json::as_object) {
        for (code, span) in spans {
            let want: Vec<u32> = span
                .as_array()
                .unwrap_or(&[])
                .iter()
                .filter_map(Json::as_f64)
                .map(|n| n as u32)
                .collect();
            let got = r
                .findings
                .iter()
                .find(|f| &f.code == code)
                .and_then(|f| f.span);
            if got.map(|(a, b)| vec![a, b]) != Some(want.clone()) {
                errs.push(format!("span of {code}: got {got:?}, want {want:?}"));
            }
        }
    }
    errs
}

#[test]
fn field_vectors() {
    let mut paths = Vec::new();
    files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/fields")),
        &mut paths,
    );
    assert!(!paths.is_empty(), "no vector files found");
    let mut failures = Vec::new();
    let mut count = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = json::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let kind = file
            .get("kind")
            .and_then(Json::as_str)
            .expect("vector file needs a kind");
        let file_opts = file.get("options").cloned().unwrap_or(Json::Obj(vec![]));
        for (i, case) in file
            .get("cases")
            .and_then(Json::as_array)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            count += 1;
            for e in run_case(kind, &file_opts, case) {
                let input = case.get("input").and_then(Json::as_str).unwrap_or("");
                failures.push(format!("{} case {i} ({input:?}): {e}", path.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{count} vector cases passed");
}
