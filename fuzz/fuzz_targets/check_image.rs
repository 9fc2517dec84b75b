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
    // As the JS wrapper and the widget call it: a head and a tail of the same file
    // (they may overlap or leave a gap), with the file's real size.
    if s & 0x40 != 0 {
        let cut = bytes.len() / 2;
        let (head, tail) = (&bytes[..cut], &bytes[cut / 2..]);
        let options = format!("{{\"fileSize\":{}}}", bytes.len() + usize::from(s & 7));
        let out = beian_check::api::check_image_parts(slot, head, tail, &options, "2026-11-27");
        assert!(out.starts_with('{'));
    }
});
