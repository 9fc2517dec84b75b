//! checkImagePixels: byte 0 picks the slot, bytes 1–2 the width and height
//! (1–64), the rest is RGBA, repeated or cut to width × height × 4 (a wrong
//! length is a TypeError, covered by byte 0's top bit).
#![no_main]
use beian_check::image::slots::SLOTS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [s, w, h, rest @ ..] = data else {
        return;
    };
    let slot = SLOTS[*s as usize % SLOTS.len()];
    let (w, h) = (u32::from(*w % 64) + 1, u32::from(*h % 64) + 1);
    let n = (w * h * 4) as usize;
    let rgba: Vec<u8> = if s & 0x80 != 0 || rest.is_empty() {
        rest.to_vec()
    } else {
        rest.iter().copied().cycle().take(n).collect()
    };
    let out = beian_check::api::check_image_pixels(slot, &rgba, w, h, "", "2026-11-27");
    assert!(out.starts_with('{'));
});
