//! WebP (RFC 9649): the first chunk is `VP8 ` (lossy), `VP8L` (lossless)
//! or `VP8X` (extended: canvas size and flags). For VP8X with the EXIF flag
//! the chunks are walked to the `EXIF` chunk for its orientation; it usually
//! follows the image data, so this may ask for more bytes.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{le16, le24, le32, tiff, Format, ImageInfo};

/// VP8 and VP8L store 14-bit sides; VP8X 24-bit.
const MAX_SIDE: u32 = 1 << 24;

/// Probes a WebP (`bytes` starts with `RIFF….WEBP`) into a fresh `info`.
/// Returns how far the result may depend on the bytes: the `EXIF` chunk's
/// end when one was read, else 0 — see [`super::probe::probe_reach`].
pub fn probe(bytes: &[u8], info: &mut ImageInfo) -> u64 {
    info.format = Format::Webp;
    let Some(kind) = bytes.get(12..16) else {
        info.need(30);
        return 0;
    };
    match kind {
        b"VP8 " => {
            let (Some(tag), Some(w), Some(h)) = (bytes.get(20), le16(bytes, 26), le16(bytes, 28))
            else {
                info.need(30);
                return 0;
            };
            if tag & 1 != 0 || bytes.get(23..26) != Some(&[0x9D, 0x01, 0x2A]) {
                info.corrupt(); // not a key frame, or no start code
                return 0;
            }
            info.set_size(u32::from(w & 0x3FFF), u32::from(h & 0x3FFF), MAX_SIDE);
            info.compression = Some("lossy");
            info.alpha = Some(false);
            info.animated = Some(false);
        }
        b"VP8L" => {
            let (Some(&sig), Some(b)) = (bytes.get(20), le32(bytes, 21)) else {
                info.need(25);
                return 0;
            };
            if sig != 0x2F {
                info.corrupt();
                return 0;
            }
            info.set_size((b & 0x3FFF) + 1, ((b >> 14) & 0x3FFF) + 1, MAX_SIDE);
            info.compression = Some("lossless");
            info.alpha = Some((b >> 28) & 1 == 1);
            info.animated = Some(false);
        }
        b"VP8X" => {
            let (Some(&flags), Some(w), Some(h)) =
                (bytes.get(20), le24(bytes, 24), le24(bytes, 27))
            else {
                info.need(30);
                return 0;
            };
            info.set_size(w + 1, h + 1, MAX_SIDE);
            info.alpha = Some(flags & 0x10 != 0);
            info.animated = Some(flags & 0x02 != 0);
            if flags & 0x08 != 0 {
                return exif(bytes, info);
            }
        }
        _ => info.corrupt(),
    }
    0
}

/// Finds the `EXIF` chunk after VP8X and reads its orientation; returns
/// the chunk's end (0 when none was read).
fn exif(bytes: &[u8], info: &mut ImageInfo) -> u64 {
    let mut pos: u64 = 30;
    // A bounded walk: a WebP has a handful of chunks (many only when animated).
    for _ in 0..100_000 {
        let at = pos as usize;
        let (Some(kind), Some(size)) = (
            bytes.get(at..at.saturating_add(4)),
            le32(bytes, at.saturating_add(4)),
        ) else {
            info.need(pos + 8);
            return 0;
        };
        let end = pos + 8 + u64::from(size) + u64::from(size & 1);
        if kind == b"EXIF" {
            let body = bytes
                .get(at.saturating_add(8)..bytes.len().min(end as usize))
                .unwrap_or(&[]);
            // Some writers keep JPEG's "Exif\0\0" prefix.
            let body = match body.starts_with(b"Exif\0\0") {
                true => body.get(6..).unwrap_or(body),
                false => body,
            };
            match tiff::read_exif(body, info) {
                Err(tiff::Short::Need(_)) if (bytes.len() as u64) < end => info.need(end),
                _ => {}
            }
            return end;
        }
        pos = end;
    }
    0
}
