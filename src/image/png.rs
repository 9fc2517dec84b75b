//! PNG (ISO/IEC 15948): the IHDR chunk, which must come first; then the
//! chunks before the image data, for `acTL` (an APNG animation) and `eXIf`
//! (the EXIF orientation, PNG 1.5 extension / PNG third edition: browsers
//! rotate a PNG by it when it comes before IDAT, and ignore it after — checked
//! in Chromium). A zero or absurd size is reported as invalid, never invented.
//! The IHDR checksum is verified (decoders refuse a critical chunk with a bad
//! CRC, ISO/IEC 15948 §5.3 / 15.2.2), and a chunk length over 2³¹ − 1 (§5.3)
//! makes the file corrupt: a "4 GiB" chunk is not skipped past the data.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{be32, tiff, Format, ImageInfo};

/// The 8-byte PNG signature.
pub const SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// libpng's default limit per side (`PNG_USER_WIDTH_MAX`); the format allows 2^31-1.
const MAX_SIDE: u32 = 1_000_000;

/// Probes a PNG (`bytes` starts with the signature) into a fresh `info`.
pub fn probe(bytes: &[u8], info: &mut ImageInfo) {
    info.format = Format::Png;
    let (Some(len), Some(kind)) = (be32(bytes, 8), bytes.get(12..16)) else {
        info.need(33);
        return;
    };
    if kind != b"IHDR" || len != 13 {
        info.corrupt();
        return;
    }
    let (Some(w), Some(h), Some(&depth), Some(&color), Some(&interlace), Some(crc)) = (
        be32(bytes, 16),
        be32(bytes, 20),
        bytes.get(24),
        bytes.get(25),
        bytes.get(28),
        be32(bytes, 29),
    ) else {
        info.need(33);
        return;
    };
    if Some(crc) != bytes.get(12..29).map(crc32) {
        info.corrupt();
        return;
    }
    // Colour type → (name, alpha, allowed depths).
    let (space, alpha, depths): (&str, bool, &[u8]) = match color {
        0 => ("gray", false, &[1, 2, 4, 8, 16]),
        2 => ("rgb", false, &[8, 16]),
        3 => ("indexed", false, &[1, 2, 4, 8]),
        4 => ("gray", true, &[8, 16]),
        6 => ("rgb", true, &[8, 16]),
        _ => {
            info.corrupt();
            return;
        }
    };
    if !depths.contains(&depth) || interlace > 1 {
        info.corrupt();
        return;
    }
    info.set_size(w, h, MAX_SIDE);
    info.color_space = Some(space);
    info.alpha = Some(alpha);
    info.bit_depth = Some(depth);
    info.progressive = Some(interlace == 1);
    // Chunks up to IDAT: acTL marks an APNG, eXIf holds the orientation.
    // When the bytes end before IDAT, the next chunk's header is asked for:
    // an eXIf further on would turn the image.
    let mut pos: usize = 33;
    loop {
        let (Some(len), Some(kind)) = (
            be32(bytes, pos),
            bytes.get(pos.saturating_add(4)..pos.saturating_add(8)),
        ) else {
            info.need(pos as u64 + 8);
            break;
        };
        if len > MAX_CHUNK {
            info.corrupt();
            break;
        }
        let data = pos.saturating_add(8);
        // Where the next chunk starts, in u64 (a usize wraps on wasm32).
        let next = data as u64 + u64::from(len) + 4;
        match kind {
            b"acTL" => info.animated = be32(bytes, data).map(|frames| frames > 1),
            b"eXIf" => {
                let body = bytes
                    .get(data..bytes.len().min(data.saturating_add(len as usize)))
                    .unwrap_or(&[]);
                // A broken block leaves orientation 1, as browsers do.
                match tiff::read_exif(body, info) {
                    Err(tiff::Short::Need(_)) if (bytes.len() as u64) < next => info.need(next),
                    _ => {}
                }
            }
            b"IDAT" => {
                info.animated.get_or_insert(false);
                break;
            }
            _ => {}
        }
        let Some(at) = usize::try_from(next).ok().filter(|n| *n <= bytes.len()) else {
            // The chunk runs past the bytes given: its successor's header is next.
            info.need(next + 8);
            break;
        };
        pos = at;
    }
}

/// The largest chunk length PNG allows (2³¹ − 1).
const MAX_CHUNK: u32 = 0x7FFF_FFFF;

/// CRC-32 (ISO 3309, as PNG uses it), bit by bit: only IHDR's 17 bytes are checked.
fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}
