//! `probeImage`: the format from the magic bytes, then that format's header
//! parser. Header only — nothing is decoded — and it never panics: every
//! read is bounds-checked, and a header that runs past the bytes given
//! sets `need_bytes` instead of guessing.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{bmp, gif, heif, jpeg, pdf, png, tiff, webp, Format, ImageInfo};

/// Bytes enough for every signature below.
const SIGNATURE_BYTES: u64 = 16;

/// Probes the header in `bytes` (possibly only the start of a file).
pub fn probe(bytes: &[u8]) -> ImageInfo {
    // One `ImageInfo`, filled in place by the format's parser (returning it
    // from each parser copied it at every early return).
    let mut info = ImageInfo::new(Format::Unknown);
    probe_reach(bytes, &mut info);
    info
}

/// [`probe`] into a fresh `info`, returning how far the result may depend
/// on the bytes (the "reach"): when `bytes` are the first `n` bytes of a file and the reach
/// is at most `n`, probing more of the file — the whole of it — gives the
/// same result. So `probeImage` can pass a short prefix first and more only
/// when the reach says so. The reach is at least `need_bytes`; for JPEG,
/// PNG, GIF, BMP and WebP it is otherwise where their parsers read past
/// what a missing byte makes them ask for (JPEG's frame header, a GIF's
/// frame walk, WebP's `EXIF` chunk); for the other formats it is unknown
/// (`u64::MAX`). Signatures are told apart within the first 16 bytes.
pub fn probe_reach(bytes: &[u8], info: &mut ImageInfo) -> u64 {
    let starts = |sig: &[u8]| bytes.starts_with(sig);
    let mut reach = 0;
    if starts(&[0xFF, 0xD8, 0xFF]) {
        reach = jpeg::probe(bytes, info);
    } else if starts(png::SIGNATURE) {
        png::probe(bytes, info);
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        reach = gif::probe(bytes, info);
    } else if starts(b"BM") && bytes.len() >= 14 {
        bmp::probe(bytes, info);
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        reach = webp::probe(bytes, info);
    } else {
        reach = u64::MAX;
        if bytes.get(4..8) == Some(b"ftyp") && heif::probe(bytes, info) {
            // An image brand: probed.
        } else if starts(b"II*\0") || starts(b"MM\0*") || starts(b"II+\0") || starts(b"MM\0+") {
            tiff::probe(bytes, info);
        } else if starts(b"%PDF-") {
            pdf::probe(bytes, info);
        } else if (bytes.len() as u64) < SIGNATURE_BYTES && could_be_image(bytes) {
            // Too short to tell, and the start is a prefix of something we know.
            info.need_bytes = Some(SIGNATURE_BYTES);
        }
    }
    reach.max(info.need_bytes.unwrap_or(0))
}

/// True when `bytes` is a prefix of a signature we recognise (so more bytes could tell).
fn could_be_image(bytes: &[u8]) -> bool {
    const SIGS: &[&[u8]] = &[
        &[0xFF, 0xD8, 0xFF],
        png::SIGNATURE,
        b"GIF87a",
        b"GIF89a",
        b"BM",
        b"RIFF",
        b"II*\0",
        b"MM\0*",
        b"II+\0",
        b"MM\0+",
        b"%PDF-",
    ];
    if bytes.is_empty() {
        return true;
    }
    // ISO BMFF: a box size then "ftyp" (brands not yet in the bytes).
    let boxed = bytes.get(4..).unwrap_or(&[]);
    if boxed.starts_with(b"ftyp") || b"ftyp".starts_with(boxed) {
        return true;
    }
    SIGS.iter()
        .any(|s| s.starts_with(bytes) || bytes.starts_with(s))
}
