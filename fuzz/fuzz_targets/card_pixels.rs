//! The ID card pipeline of checkImagePixels (detection, judging, reading)
//! on random sizes and bytes: bytes 0–1 pick the width and height (up to
//! 1023 × 1023, so frames large enough to hold a legible card are reached),
//! byte 2 the slot (idCardFront, idCardBack, handheldId), the rest is RGBA
//! repeated to fill the frame. No panic; bounded time (libFuzzer -timeout).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [a, b, s, rest @ ..] = data else {
        return;
    };
    if rest.is_empty() {
        return;
    }
    let w = 290 + u32::from(*a) * 733 / 255;
    let h = 190 + u32::from(*b) * 833 / 255;
    let slot = ["idCardFront", "idCardBack", "handheldId"][*s as usize % 3];
    let n = (w * h * 4) as usize;
    let rgba: Vec<u8> = rest.iter().copied().cycle().take(n).collect();
    let out = beian_check::api::check_image_pixels(slot, &rgba, w, h, "", "2026-12-01");
    assert!(out.starts_with('{'));
});
