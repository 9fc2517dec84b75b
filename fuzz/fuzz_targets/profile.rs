//! Provider profile parsing, then a field and a form checked with the profile.
#![no_main]
use beian_check::{api, json, Date, Options, Profile};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(v) = json::parse(text) else {
        return;
    };
    let Ok(profile) = Profile::from_json(&v) else {
        return;
    };
    let mut opts = Options::on(Date::parse("2026-11-27").unwrap());
    opts.profile = Arc::new(profile);
    for (kind, value) in [
        ("websiteName", "示例博客"),
        ("domain", "example.cn"),
        ("mobile", "13800138000"),
    ] {
        let _ = beian_check::check_field(kind, value, &opts);
    }
    let _ = api::get_profile("generic");
});
