//! Every finding code written in src/ has a message and a hint in all three
//! locales. Codes are found as the string literal of `Finding::error(…)`,
//! `Finding::warning(…)`, `Finding::info(…)` and `Finding::new(…)`.

use beian_check::{i18n, Locale};
use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
}

fn codes_in(text: &str) -> Vec<String> {
    let mut codes = Vec::new();
    for marker in [
        "Finding::error(\"",
        "Finding::warning(\"",
        "Finding::info(\"",
        "Finding::new(\"",
    ] {
        for part in text.split(marker).skip(1) {
            if let Some(end) = part.find('"') {
                codes.push(part[..end].to_string());
            }
        }
    }
    codes
}

#[test]
fn every_code_in_src_has_message_and_hint_in_every_locale() {
    let mut files = Vec::new();
    sources(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    // Codes only a build without the IDNA checks gives (the fields module:
    // `domain.idn_unchecked`) are not in this build's catalog; their rows
    // are read from the TSV that build.rs keeps for that build.
    let pending = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/i18n/idn-pending.tsv"
    ))
    .unwrap();
    let mut missing = Vec::new();
    let mut count = 0;
    let mut pending_found = 0;
    for (path, text) in &files {
        for code in codes_in(text) {
            count += 1;
            let in_tsv = |key: &str| {
                pending.lines().any(|l| {
                    let cols: Vec<&str> = l.split('\t').collect();
                    cols.len() == 4 && cols[0] == key && cols[1..].iter().all(|c| !c.is_empty())
                })
            };
            if in_tsv(&code) {
                pending_found += 1;
                if !in_tsv(&format!("{code}#hint")) {
                    missing.push(format!("{path}: {code}#hint (idn-pending.tsv)"));
                }
                continue;
            }
            for key in [code.clone(), format!("{code}#hint")] {
                for locale in Locale::ALL {
                    if i18n::lookup(&key, locale).is_none() {
                        missing.push(format!("{path}: {key} ({})", locale.tag()));
                    }
                }
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(count > 20, "found only {count} codes: the scan is broken");
    assert!(
        pending_found > 0,
        "idn-pending.tsv: no code of it is in src"
    );
    assert!(
        missing.is_empty(),
        "catalog entries missing:\n{}",
        missing.join("\n")
    );
}
