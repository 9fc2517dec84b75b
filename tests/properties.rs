//! Properties over generated input, for every checkField kind:
//! 1. normalising twice equals normalising once: the `value` checkField
//!    returns, checked again, comes back unchanged;
//! 2. every `fix` offered, when applied (checked again as the new value),
//!    no longer produces the finding code that offered it.
//!
//! The generator is hand-written (no proptest): it starts from every input
//! in tests/vectors/fields/ and derives variants a user really produces —
//! full-width digits, spaces and dashes between groups, case changes,
//! invisible characters, the ideographic full stop, prefixes while typing,
//! one character dropped, doubled or replaced — plus seeded random strings
//! from an alphabet of the characters the kinds care about. Each value is
//! checked with the file's options, with `partial` on, and with another
//! province (landline area codes), so the suite is deterministic and runs
//! in a few seconds.

use beian_check::json::{self, Json};
use beian_check::{check_field, Date, Options, KINDS};

const TODAY: &str = "2026-11-27";

mod common;
use common::Rng;

/// Characters that matter to some kind: digits, letters, separators,
/// full-width and CJK forms, invisibles, e-mail and domain punctuation.
const ALPHABET: &str = "0123456789XxABCDEFGHJKLMNPQRTUWYOoIiabcz-+ ()@._/:#\u{3000}\u{3002}\u{FF0E}\u{FF0D}\u{FF08}\u{FF09}\u{FF20}\u{200B}\u{FEFF}１２３Ｘａ京沪粤蜀ICP备号公网安字第中国示例博客网（）·•‧";

fn full_width(c: char) -> char {
    match c {
        '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
        ' ' => '\u{3000}',
        _ => c,
    }
}

/// Variants of one seed value, as users type or paste them.
fn variants(seed: &str, rng: &mut Rng) -> Vec<String> {
    let chars: Vec<char> = seed.chars().collect();
    let mut out = vec![
        seed.to_string(),
        chars.iter().map(|&c| full_width(c)).collect(),
        seed.to_ascii_lowercase(),
        seed.to_ascii_uppercase(),
        format!(" {seed} "),
        format!("\u{200B}{seed}\u{FEFF}"),
        seed.replace('.', "\u{3002}"),
        seed.replace('-', " "),
    ];
    // Groups separated by spaces or dashes (phone and ID style).
    for sep in [" ", "-", "\u{3000}"] {
        let mut s = String::new();
        for (i, c) in chars.iter().enumerate() {
            if i > 0 && i % 4 == 3 {
                s.push_str(sep);
            }
            s.push(*c);
        }
        out.push(s);
    }
    // Every prefix (typing in progress).
    for i in 0..chars.len() {
        out.push(chars[..i].iter().collect());
    }
    // A few random one-character edits.
    let alphabet: Vec<char> = ALPHABET.chars().collect();
    for _ in 0..6 {
        let mut c = chars.clone();
        let at = rng.index(c.len() + 1);
        match rng.index(3) {
            0 if at < c.len() => {
                c.remove(at);
            }
            1 if at < c.len() => c[at] = *rng.pick(&alphabet),
            _ => c.insert(at, *rng.pick(&alphabet)),
        }
        out.push(c.into_iter().collect());
    }
    out
}

fn random_strings(rng: &mut Rng, n: usize) -> Vec<String> {
    let alphabet: Vec<char> = ALPHABET.chars().collect();
    (0..n)
        .map(|_| {
            let len = rng.index(24);
            (0..len).map(|_| *rng.pick(&alphabet)).collect()
        })
        .collect()
}

/// Per kind: the file options and the seed inputs from its vector file.
fn seeds() -> Vec<(String, Json, Vec<String>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/fields");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("vector dir").flatten() {
        let text = std::fs::read_to_string(e.path()).expect("vector file");
        let doc = json::parse(&text).expect("vector JSON");
        let kind = doc.get("kind").and_then(Json::as_str).expect("kind");
        let opts = doc.get("options").cloned().unwrap_or(Json::Obj(Vec::new()));
        let inputs = doc
            .get("cases")
            .and_then(Json::as_array)
            .expect("cases")
            .iter()
            .filter_map(|c| c.get("input").and_then(Json::as_str))
            .map(str::to_string)
            .collect();
        out.push((kind.to_string(), opts, inputs));
    }
    out
}

fn with(base: &Json, extra: &[(&str, Json)]) -> Options {
    let mut items = base.as_object().map(|o| o.to_vec()).unwrap_or_default();
    items.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
    Options::from_json(&Json::Obj(items), Date::parse(TODAY).unwrap()).expect("options")
}

/// Every (kind, options, value) the properties are checked on.
fn corpus() -> Vec<(&'static str, Vec<Options>, Vec<String>)> {
    let seeds = seeds();
    let mut rng = Rng(0x5EED_1CB0_0C4E_C0DE);
    KINDS
        .iter()
        .map(|k| {
            let (opts, inputs) = seeds
                .iter()
                .find(|(kind, _, _)| kind == k.name)
                .map(|(_, o, i)| (o.clone(), i.clone()))
                .unwrap_or((Json::Obj(Vec::new()), Vec::new()));
            let mut values = Vec::new();
            for s in &inputs {
                values.extend(variants(s, &mut rng));
            }
            values.extend(random_strings(&mut rng, 300));
            values.sort();
            values.dedup();
            let options = vec![
                with(&opts, &[]),
                with(&opts, &[("partial", Json::Bool(true))]),
                with(&opts, &[("province", Json::Str("粤".into()))]),
            ];
            (k.name, options, values)
        })
        .collect()
}

#[test]
fn normalising_twice_equals_once() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (kind, options, values) in corpus() {
        assert!(
            values.len() > 300,
            "{kind}: generator produced only {} values",
            values.len()
        );
        for opts in &options {
            for v in &values {
                let once = check_field(kind, v, opts).expect("known kind");
                let twice = check_field(kind, &once.value, opts).expect("known kind");
                checked += 1;
                if twice.value != once.value {
                    failures.push(format!(
                        "{kind} (partial {}): {v:?} → {:?} → {:?}",
                        opts.partial, once.value, twice.value
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} values normalise differently the second time:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_fix_removes_the_finding_that_offered_it() {
    let mut fixes = 0;
    let mut kinds_with_fixes = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for (kind, options, values) in corpus() {
        for opts in &options {
            for v in &values {
                let r = check_field(kind, v, opts).expect("known kind");
                for f in &r.findings {
                    let Some(fix) = &f.fix else { continue };
                    fixes += 1;
                    kinds_with_fixes.insert(kind);
                    let after = check_field(kind, fix, opts).expect("known kind");
                    if after.has(&f.code) {
                        failures.push(format!(
                            "{kind} (partial {}): {v:?} has {} with fix {fix:?}, which still has it",
                            opts.partial, f.code
                        ));
                    }
                }
            }
        }
    }
    // The generator must reach fixes (full-width, spaces, letter O…) in many kinds.
    assert!(
        fixes > 1000 && kinds_with_fixes.len() >= 8,
        "only {fixes} fixes in {kinds_with_fixes:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {fixes} fixes do not remove their finding:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
