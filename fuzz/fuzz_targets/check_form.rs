//! checkForm on any text (mostly JSON, from the form vectors as seeds).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let out = beian_check::api::check_form(text, r#"{"province":"BJ"}"#, "2026-11-27");
    assert!(out.starts_with('{'));
});
