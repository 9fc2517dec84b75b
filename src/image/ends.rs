//! Whether a file whose bytes are all there holds the whole image
//! (`image.truncated`): a download or copy cut off mid-way keeps a good
//! header, so the header probe alone calls it fine and a browser fails to
//! decode it, or draws the missing part gray.
//!
//! Judged from the file's first bytes (`head`) and its last [`TAIL`] bytes
//! (`tail`), so a 10 MB photo is never copied whole:
//! - JPEG (ITU T.81): the entropy-coded data after the first SOS ends with an
//!   EOI marker (`FF D9`; §B.2.1). No EOI in the tail past the scan start,
//!   while every `FF` there is one scan data may hold (`FF 00` stuffing,
//!   `RSTn`, fill, or a marker progressive files put between scans): cut off.
//!   Bytes after an EOI (a phone's appended video) contain `FF xx` pairs
//!   scan data never does, so they are not taken for a cut scan. Also
//!   cut off: fewer bytes after the scan start than the frame's 8 × 8 blocks
//!   need at the least (2 bits per block in sequential Huffman coding — a DC
//!   code and an end-of-block code, each at least 1 bit; 1 bit in the first
//!   progressive scan; no bound for arithmetic coding): a header with a
//!   token scan, which browsers draw as flat gray.
//! - PNG (ISO/IEC 15948 §11.2.5): the last chunk is IEND; none in the tail
//!   means the file was cut (the header probe already reports a file that
//!   ends before IDAT).
//!
//! Other formats are not judged here (documented in docs/limits.md).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{be16, Format, ImageInfo};

/// How many bytes of a file's end are read (the JS wrapper and the widget pass as many).
pub const TAIL: usize = 65536;

/// The complete IEND chunk: length 0, type, CRC.
const IEND: [u8; 12] = [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82];

/// True when the file (of `size` bytes, starting with `head` and ending
/// with `tail`) is cut off. `tail` must end where the file ends.
pub fn truncated(info: &ImageInfo, head: &[u8], tail: &[u8], size: u64) -> bool {
    let tail_at = size.saturating_sub(tail.len() as u64);
    match info.format {
        Format::Png => !tail.windows(IEND.len()).any(|w| w == IEND),
        Format::Jpeg => jpeg_cut(head, tail, tail_at, size),
        _ => false,
    }
}

/// The JPEG rules of the module doc.
fn jpeg_cut(head: &[u8], tail: &[u8], tail_at: u64, size: u64) -> bool {
    let (data_at, min_bytes) = match scan_start(head) {
        Start::Scan { at, min_bytes } => (at as u64, min_bytes),
        // The whole file is in `head` and it has no scan: header only.
        Start::Missing if size <= head.len() as u64 => return true,
        // The headers go on past `head`: judge only what lies beyond it.
        Start::Missing => (head.len() as u64, 0),
    };
    if size.saturating_sub(data_at) < min_bytes {
        return true;
    }
    let from = data_at.saturating_sub(tail_at).min(tail.len() as u64) as usize;
    let region = tail.get(from..).unwrap_or(&[]);
    if region.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return false;
    }
    // No EOI: cut off, unless these are not scan bytes at all (data after an EOI further back).
    region.windows(2).all(|w| match w {
        [0xFF, b] => matches!(
            b,
            0x00 | 0xD0..=0xD7 | 0xFF | 0xC4 | 0xDA | 0xDB | 0xDD | 0xFE
        ),
        _ => true,
    })
}

/// Where a JPEG's first scan starts, as far as `bytes` tell.
enum Start {
    /// The first entropy-coded byte, and the fewest bytes the scans can take.
    Scan { at: usize, min_bytes: u64 },
    /// `bytes` end (or the structure breaks) before any SOS.
    Missing,
}

/// Walks the marker segments to the first SOS, reading the frame header on the way.
fn scan_start(bytes: &[u8]) -> Start {
    let mut pos: usize = 2;
    let mut min_bits_per_block = 0u64;
    let mut blocks = 0u64;
    loop {
        pos = super::jpeg::next_marker(bytes, pos);
        let Some(&marker) = bytes.get(pos + 1) else {
            return Start::Missing;
        };
        if matches!(marker, 0x00 | 0x01 | 0xD0..=0xD7) {
            pos += 2;
            continue;
        }
        let (false, Some(len)) = (matches!(marker, 0xD8 | 0xD9), be16(bytes, pos + 2)) else {
            return Start::Missing;
        };
        let end = pos + 2 + usize::from(len);
        if end > bytes.len() {
            return Start::Missing;
        }
        match marker {
            // Sequential and progressive Huffman frames (not arithmetic, not lossless).
            0xC0..=0xC2 => {
                min_bits_per_block = if marker == 0xC2 { 1 } else { 2 };
                blocks = frame_blocks(bytes.get(pos + 4..end).unwrap_or(&[]));
            }
            0xDA => {
                return Start::Scan {
                    at: end,
                    min_bytes: (blocks * min_bits_per_block) / 8,
                }
            }
            _ => {}
        }
        pos = end;
    }
}

/// The 8 × 8 blocks of every component (not counting MCU padding) of a SOF body.
fn frame_blocks(sof: &[u8]) -> u64 {
    let (Some(y), Some(x), Some(&n)) = (be16(sof, 1), be16(sof, 3), sof.get(5)) else {
        return 0;
    };
    let comps = sof.get(6..).unwrap_or(&[]);
    let sampling = |i: usize| {
        comps
            .get(3 * i + 1)
            .map(|s| (u64::from(s >> 4), u64::from(s & 15)))
    };
    let (mut hmax, mut vmax) = (1, 1);
    for i in 0..usize::from(n) {
        if let Some((h, v)) = sampling(i) {
            hmax = hmax.max(h);
            vmax = vmax.max(v);
        }
    }
    let mut total = 0u64;
    for i in 0..usize::from(n) {
        let Some((h, v)) = sampling(i) else { continue };
        // Component size ⌈X·H/Hmax⌉ × ⌈Y·V/Vmax⌉ (T.81 A.1.1), in blocks.
        let cw = (u64::from(x) * h).div_ceil(hmax).div_ceil(8);
        let ch = (u64::from(y) * v).div_ceil(vmax).div_ceil(8);
        total += cw * ch;
    }
    total
}
