//! JPEG (ITU T.81): walks the marker segments up to the first SOF. Reads
//! the EXIF orientation (APP1, either byte order), JFIF (APP0) and Adobe
//! (APP14) colour transform, tolerates fill bytes (`FF FF … FF xx`) and
//! junk between segments (resynchronises on the next marker, as libjpeg
//! does), and asks for more bytes when the SOF lies past the bytes given
//! (a large EXIF thumbnail pushes it beyond the first 64 KiB).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{be16, tiff, Format, ImageInfo};

/// JPEG's own limit (16-bit sides).
const MAX_SIDE: u32 = 65535;

/// The coding process a SOF marker names.
fn process(marker: u8) -> Option<&'static str> {
    Some(match marker {
        0xC0 => "baseline",
        0xC1 => "extended",
        0xC2 => "progressive",
        0xC3 => "lossless",
        0xC5 => "hierarchical-extended",
        0xC6 => "hierarchical-progressive",
        0xC7 => "hierarchical-lossless",
        0xC9 => "extended-arithmetic",
        0xCA => "progressive-arithmetic",
        0xCB => "lossless-arithmetic",
        0xCD => "hierarchical-extended-arithmetic",
        0xCE => "hierarchical-progressive-arithmetic",
        0xCF => "hierarchical-lossless-arithmetic",
        _ => return None,
    })
}

/// Where the next marker's `FF` is, from `pos`: junk up to an `FF` is
/// skipped, then fill bytes (`FF FF …`), as libjpeg does. The marker code is
/// the byte after (if the bytes reach).
pub(crate) fn next_marker(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(|b| *b != 0xFF) {
        pos += 1;
    }
    while bytes.get(pos) == Some(&0xFF) && bytes.get(pos + 1) == Some(&0xFF) {
        pos += 1;
    }
    pos
}

/// Probes a JPEG (`bytes` starts with `FF D8 FF`) into a fresh `info`.
/// Returns how far the result may depend on the bytes: the frame header's
/// end (its component ids are read), else 0 (everything read was given, or
/// `need_bytes` asks for more) — see [`super::probe::probe_reach`].
pub fn probe(bytes: &[u8], info: &mut ImageInfo) -> u64 {
    info.format = Format::Jpeg;
    let mut jfif = false;
    let mut adobe: Option<u8> = None;
    let mut pos: usize = 2;
    loop {
        pos = next_marker(bytes, pos);
        let Some(&marker) = bytes.get(pos + 1) else {
            info.need(pos as u64 + 4);
            return 0;
        };
        match marker {
            // Stuffed zero, TEM, RSTn: no length; keep scanning.
            0x00 | 0x01 | 0xD0..=0xD7 => {
                pos += 2;
                continue;
            }
            0xD8..=0xDA => {
                // A second SOI, EOI or scan data before any frame header.
                info.corrupt();
                return 0;
            }
            _ => {}
        }
        let Some(len) = be16(bytes, pos + 2) else {
            info.need(pos as u64 + 4);
            return 0;
        };
        let len = usize::from(len);
        if len < 2 {
            info.corrupt();
            return 0;
        }
        let body = pos + 4;
        let end = pos + 2 + len;
        if let Some(name) = process(marker) {
            // SOF: P, Y, X, Nf, then Nf × (id, sampling, table).
            let (Some(p), Some(h), Some(w), Some(&nf)) = (
                bytes.get(body),
                be16(bytes, body + 1),
                be16(bytes, body + 3),
                bytes.get(body + 5),
            ) else {
                info.need(body as u64 + 6);
                return 0;
            };
            if len < 8 + 3 * usize::from(nf) || nf == 0 {
                info.corrupt();
                return 0;
            }
            info.set_size(u32::from(w), u32::from(h), MAX_SIDE);
            info.bit_depth = Some(*p);
            info.compression = Some(name);
            info.progressive = Some(matches!(marker, 0xC2 | 0xC6 | 0xCA | 0xCE));
            // Component ids `R`, `G`, `B`: RGB without an Adobe marker.
            let id = |i: usize| bytes.get(body + 6 + 3 * i).copied();
            let rgb = || (id(0), id(1), id(2)) == (Some(b'R'), Some(b'G'), Some(b'B'));
            info.color_space = Some(match nf {
                1 => "gray",
                3 if adobe == Some(0) || (!jfif && rgb()) => "rgb",
                3 => "ycbcr",
                4 if adobe == Some(2) => "ycck",
                4 => "cmyk",
                _ => "unknown",
            });
            return end as u64;
        }
        let payload = bytes.get(body..end.min(bytes.len())).unwrap_or(&[]);
        match marker {
            0xE0 if payload.starts_with(b"JFIF\0") => jfif = true,
            0xE1 if payload.starts_with(b"Exif\0\0") => {
                let tiff_block = payload.get(6..).unwrap_or(&[]);
                // A broken EXIF block leaves orientation 1, as browsers do.
                let _ = tiff::read_exif(tiff_block, info);
            }
            0xEE if payload.starts_with(b"Adobe") => adobe = payload.get(11).copied(),
            _ => {}
        }
        if end >= bytes.len() {
            // The frame header comes after this segment: at least its marker and length.
            info.need(end as u64 + 4);
            return 0;
        }
        pos = end;
    }
}
