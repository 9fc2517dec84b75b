//! checkImage: the first byte picks the slot, the rest is the file.
#![no_main]
use beian_check::image::slots::SLOTS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&s, bytes)) = data.split_first() else {
        return;
    };
    let slot = SLOTS[s as usize % SLOTS.len()];
    // Sometimes a prefix of a bigger file (fileSize larger than the bytes).
    let size = if s & 0x80 != 0 {
        bytes.len() * 3
    } else {
        bytes.len()
    };
    let options = format!("{{\"fileSize\":{size},\"fileName\":\"a.jpg\"}}");
    let out = beian_check::api::check_image(slot, bytes, &options, "2026-11-27");
    assert!(out.starts_with('{'));
});
