//! probeImage on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let out = beian_check::api::probe_image(data);
    assert!(out.starts_with('{'));
});
