//! HEIC / HEIF / AVIF (ISO/IEC 23008-12 on ISO BMFF): the `ftyp` brands
//! tell the format; the `meta` box (near the start in camera files) holds
//! the primary item (`pitm`), its properties (`ipco`: `ispe` size, `irot`
//! rotation, `imir` mirror) and which belong to which item (`ipma`).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{be16, be32, Format, ImageInfo};

/// HEIF allows 32-bit sides; nobody decodes that.
const MAX_SIDE: u32 = 1 << 20;

/// Box types matched in `match` arms.
const PITM: u32 = fourcc(b"pitm");
const IPRP: u32 = fourcc(b"iprp");
const ISPE: u32 = fourcc(b"ispe");
const IROT: u32 = fourcc(b"irot");
const IMIR: u32 = fourcc(b"imir");

/// A four-character code as the big-endian `u32` it is stored as (one
/// integer comparison per box type instead of a 4-byte slice comparison).
const fn fourcc(code: &[u8; 4]) -> u32 {
    u32::from_be_bytes(*code)
}

/// A box: (type, body start, end). `end` may lie past the bytes given.
fn boxes(bytes: &[u8], mut pos: u64, limit: u64) -> impl Iterator<Item = (u32, u64, u64)> + '_ {
    let mut done = false;
    core::iter::from_fn(move || {
        if done || pos.saturating_add(8) > limit || pos >= bytes.len() as u64 {
            return None;
        }
        let at = pos as usize;
        let (Some(size), Some(kind)) = (be32(bytes, at), be32(bytes, at.saturating_add(4))) else {
            done = true;
            return None;
        };
        let (body, end) = match size {
            0 => (pos + 8, limit),
            1 => {
                let hi = be32(bytes, at.saturating_add(8));
                let lo = be32(bytes, at.saturating_add(12));
                let (Some(hi), Some(lo)) = (hi, lo) else {
                    done = true;
                    return Some((kind, pos + 16, u64::MAX));
                };
                (
                    pos + 16,
                    (u64::from(hi) << 32 | u64::from(lo)).saturating_add(pos),
                )
            }
            n => (pos + 8, pos.saturating_add(u64::from(n))),
        };
        if end < body {
            done = true;
            return None;
        }
        pos = end;
        Some((kind, body, end))
    })
}

/// The format the `ftyp` brands (major, then the compatible ones) name, if
/// it is an image: AVIF when any brand says so, else HEIC.
fn brand(bytes: &[u8]) -> Option<Format> {
    let size = u64::from(be32(bytes, 0)?);
    let end = size.min(bytes.len() as u64);
    let mut found = None;
    let mut at = 8u64;
    while let Some(b) = bytes.get(at as usize..at as usize + 4) {
        if matches!(b, b"avif" | b"avis") {
            return Some(Format::Avif);
        }
        if matches!(
            b,
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1"
        ) {
            found = Some(Format::Heic);
        }
        // The minor version (bytes 12–15) is not a brand.
        at = if at == 8 { 16 } else { at + 4 };
        if at + 4 > end || at >= 256 {
            break;
        }
    }
    found
}

/// The transformative properties of the primary item (`irot`, `imir`),
/// composed in `ipma` order. State: mirror left↔right first (`mirrored`),
/// then rotate clockwise `quarters` quarter turns.
#[derive(Clone, Copy, Default)]
struct Turns {
    quarters: u8,
    mirrored: bool,
}

impl Turns {
    /// `irot`: `a` anticlockwise quarter turns.
    fn rotate(&mut self, a: u8) {
        self.quarters = (self.quarters + 4 - (a & 3)) % 4;
    }

    /// `imir`: 0 = about the vertical axis (left ↔ right), 1 = horizontal axis.
    fn mirror(&mut self, axis: u8) {
        self.quarters = (4 - self.quarters) % 4;
        self.mirrored = !self.mirrored;
        if axis & 1 == 1 {
            self.quarters = (self.quarters + 2) % 4; // top↔bottom = left↔right then a half turn
        }
    }

    /// The EXIF orientation.
    fn orientation(self) -> u8 {
        match (self.quarters, self.mirrored) {
            (0, false) => 1,
            (0, true) => 2,
            (2, false) => 3,
            (2, true) => 4,
            (3, true) => 5,
            (1, false) => 6,
            (1, true) => 7,
            _ => 8,
        }
    }
}

/// Probes an ISO BMFF file into a fresh `info`; false (and `info`
/// untouched) when the brands are not an image format.
pub fn probe(bytes: &[u8], info: &mut ImageInfo) -> bool {
    let Some(format) = brand(bytes) else {
        return false;
    };
    info.format = format;
    let len = bytes.len() as u64;
    let mut meta = None;
    let mut last_end = 0;
    for (kind, body, end) in boxes(bytes, 0, u64::MAX) {
        if kind == fourcc(b"meta") {
            meta = Some((body + 4, end));
            break;
        }
        last_end = end;
    }
    let Some((meta_body, meta_end)) = meta else {
        // The meta box comes later (or never): ask for the next box header.
        info.need(last_end.saturating_add(16));
        return true;
    };
    if meta_end > len {
        info.need(meta_end);
        return true;
    }
    let mut primary: Option<u32> = None;
    // The properties (`ipco`, the last one if several): read where needed.
    let mut ipco = (0, 0);
    let mut ipma: Option<(u64, u64)> = None;
    for (kind, body, end) in boxes(bytes, meta_body, meta_end) {
        match kind {
            PITM => {
                let v = bytes.get(body as usize).copied();
                primary = if v == Some(0) {
                    be16(bytes, body as usize + 4).map(u32::from)
                } else {
                    be32(bytes, body as usize + 4)
                };
            }
            IPRP => {
                for (k, b, e) in boxes(bytes, body, end) {
                    if k == fourcc(b"ipco") {
                        ipco = (b, e);
                    } else if k == fourcc(b"ipma") {
                        ipma = Some((b, e));
                    }
                }
            }
            _ => {}
        }
    }
    let mut size: Option<(u32, u32)> = None;
    let mut turns = Turns::default();
    let read_ispe = |b: u64| Some((be32(bytes, b as usize + 4)?, be32(bytes, b as usize + 8)?));
    // The primary item's properties (1-based indices into ipco), in order.
    let mut associated = false;
    if let (Some(item), Some((b, e))) = (primary, ipma) {
        associations(bytes, b, e, item, |index| {
            associated = true;
            let Some((k, b)) = property(bytes, ipco, index) else {
                return;
            };
            match k {
                ISPE => size = read_ispe(b).or(size),
                IROT => {
                    if let Some(a) = bytes.get(b as usize) {
                        turns.rotate(a & 3);
                    }
                }
                IMIR => {
                    if let Some(a) = bytes.get(b as usize) {
                        turns.mirror(a & 1);
                    }
                }
                _ => {}
            }
        });
    }
    if !associated {
        // No association table: take the largest ispe (grid images list tiles too).
        for (k, b, _) in boxes(bytes, ipco.0, ipco.1) {
            if k == ISPE {
                if let Some((w, h)) = read_ispe(b) {
                    if size.map_or(true, |(sw, sh)| {
                        u64::from(w) * u64::from(h) > u64::from(sw) * u64::from(sh)
                    }) {
                        size = Some((w, h));
                    }
                }
            }
        }
    }
    match size {
        Some((w, h)) => info.set_size(w, h, MAX_SIDE),
        None => info.corrupt(),
    }
    info.orientation = turns.orientation();
    true
}

/// Property `index` (1-based) of the `ipco` box `(body, end)`: its type and body.
fn property(bytes: &[u8], (body, end): (u64, u64), index: u16) -> Option<(u32, u64)> {
    let mut n = 0;
    for (kind, b, _) in boxes(bytes, body, end) {
        n += 1;
        if n == usize::from(index) {
            return Some((kind, b));
        }
    }
    None
}

/// Calls `each` with the property indices `ipma` associates with `item`, in order.
fn associations(bytes: &[u8], body: u64, end: u64, item: u32, mut each: impl FnMut(u16)) {
    let b = body as usize;
    let (Some(&version), Some(&flags_lo), Some(count)) =
        (bytes.get(b), bytes.get(b + 3), be32(bytes, b + 4))
    else {
        return;
    };
    let mut pos = b + 8;
    for _ in 0..count.min(65_536) {
        if pos as u64 >= end {
            break;
        }
        let id = if version < 1 {
            let v = be16(bytes, pos).map(u32::from);
            pos += 2;
            v
        } else {
            let v = be32(bytes, pos);
            pos += 4;
            v
        };
        let Some(&n) = bytes.get(pos) else { break };
        pos += 1;
        for _ in 0..n {
            let index = if flags_lo & 1 == 1 {
                let v = be16(bytes, pos).map(|x| x & 0x7FFF);
                pos += 2;
                v
            } else {
                let v = bytes.get(pos).map(|x| u16::from(x & 0x7F));
                pos += 1;
                v
            };
            if id == Some(item) {
                if let Some(i) = index {
                    each(i);
                }
            }
        }
        if id == Some(item) {
            break;
        }
    }
}
