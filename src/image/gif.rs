//! GIF 87a/89a: the logical screen size, and whether the bytes given hold
//! more than one frame (walks the blocks; never asks for more bytes for it).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{le16, Format, ImageInfo};

/// Walks the data stream after the header; returns the frames seen,
/// whether the walk reached the trailer, and whether it ran out of bytes
/// (else it stopped on a byte it read: more bytes would change nothing).
fn frames(bytes: &[u8], mut pos: usize) -> (u32, bool, bool) {
    let mut count = 0u32;
    // Skips data sub-blocks (size byte, data…, 0); None when they run out.
    let skip_blocks = |mut p: usize| -> Option<usize> {
        loop {
            let n = usize::from(*bytes.get(p)?);
            p += 1;
            if n == 0 {
                return Some(p);
            }
            p += n;
        }
    };
    loop {
        match bytes.get(pos) {
            Some(0x21) => match skip_blocks(pos + 2) {
                Some(p) => pos = p,
                None => return (count, false, true),
            },
            Some(0x2C) => {
                count += 1;
                if count > 1 {
                    return (count, false, false);
                }
                let Some(&flags) = bytes.get(pos + 9) else {
                    return (count, false, true);
                };
                let mut p = pos + 10;
                if flags & 0x80 != 0 {
                    p += 3 << ((flags & 7) + 1);
                }
                match skip_blocks(p + 1) {
                    Some(q) => pos = q,
                    None => return (count, false, true),
                }
            }
            Some(0x3B) => return (count, true, false),
            other => return (count, false, other.is_none()),
        }
    }
}

/// Probes a GIF (`bytes` starts with `GIF87a` or `GIF89a`) into a fresh `info`.
/// Returns how far the result may depend on the bytes: `u64::MAX` when the
/// frame walk ran out of them (more could show a second frame or the
/// trailer), else 0 — see [`super::probe::probe_reach`].
pub fn probe(bytes: &[u8], info: &mut ImageInfo) -> u64 {
    info.format = Format::Gif;
    let (Some(w), Some(h), Some(&flags)) = (le16(bytes, 6), le16(bytes, 8), bytes.get(10)) else {
        info.need(13);
        return 0;
    };
    info.set_size(u32::from(w), u32::from(h), u32::from(u16::MAX));
    info.color_space = Some("indexed");
    info.bit_depth = Some((flags >> 4 & 7) + 1);
    let mut pos = 13;
    if flags & 0x80 != 0 {
        pos += 3 << ((flags & 7) + 1);
    }
    let (count, ended, ran_out) = frames(bytes, pos);
    if count > 1 {
        info.animated = Some(true);
    } else if ended {
        info.animated = Some(false);
    }
    if ran_out {
        u64::MAX
    } else {
        0
    }
}
