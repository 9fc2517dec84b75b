//! checkField, every kind: the first byte picks the kind (modulo
//! KINDS.len()), the second the options (partial, locale), the rest is the
//! value (lossy UTF-8, so every byte string is a test). Goes through the
//! JSON API so rendering and the output writer are covered too.
#![no_main]
use beian_check::{api, KINDS};
use libfuzzer_sys::fuzz_target;

const OPTIONS: [&str; 4] = [
    "",
    r#"{"partial":true}"#,
    r#"{"locale":"en","province":"SH"}"#,
    r#"{"partial":true,"locale":"zh-TW","subjectType":"personal"}"#,
];

fuzz_target!(|data: &[u8]| {
    let (Some(&k), Some(&o)) = (data.first(), data.get(1)) else {
        return;
    };
    let kind = KINDS[k as usize % KINDS.len()].name;
    let value = String::from_utf8_lossy(&data[2..]);
    let options = OPTIONS[o as usize % OPTIONS.len()];
    let out = api::check_field(kind, &value, options, "2026-11-27");
    assert!(out.starts_with('{'), "{out}");
    // A normalised value checks to itself (idempotence), for well-formed input.
    if let Ok(beian_check::json::Json::Obj(items)) = beian_check::json::parse(&out) {
        if let Some((_, beian_check::json::Json::Str(v))) = items.iter().find(|(k, _)| k == "value")
        {
            let again = api::normalize(kind, v, options, "2026-11-27");
            let mut expect = String::from("{\"value\":");
            beian_check::json::write_str(&mut expect, v);
            expect.push('}');
            assert_eq!(
                again, expect,
                "normalising {value:?} as {kind} is not idempotent"
            );
        }
    }
});
