//! BMP: the DIB header after the 14-byte file header. OS/2 `BITMAPCOREHEADER`
//! (16-bit sides) and Windows `BITMAPINFOHEADER` and later (signed 32-bit;
//! a negative height means the rows are stored top-down).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{le16, le32, Format, ImageInfo};

/// A generous side limit (Windows GDI tops out far below i32::MAX).
const MAX_SIDE: u32 = 1 << 20;

/// Probes a BMP (`bytes` starts with `BM`) into a fresh `info`.
pub fn probe(bytes: &[u8], info: &mut ImageInfo) {
    info.format = Format::Bmp;
    let Some(header) = le32(bytes, 14) else {
        info.need(18);
        return;
    };
    if header == 12 {
        let (Some(w), Some(h), Some(bpp)) = (le16(bytes, 18), le16(bytes, 20), le16(bytes, 24))
        else {
            info.need(26);
            return;
        };
        info.set_size(u32::from(w), u32::from(h), MAX_SIDE);
        info.color_space = Some(if bpp <= 8 { "indexed" } else { "rgb" });
        return;
    }
    if !(16..=124).contains(&header) {
        info.corrupt();
        return;
    }
    let (Some(w), Some(h), Some(bpp)) = (le32(bytes, 18), le32(bytes, 22), le16(bytes, 28)) else {
        info.need(30);
        return;
    };
    let (w, h) = (w as i32, h as i32);
    if w < 0 || h == i32::MIN {
        info.corrupt();
        return;
    }
    info.set_size(w.unsigned_abs(), h.unsigned_abs(), MAX_SIDE);
    info.top_down = Some(h < 0);
    info.color_space = Some(if bpp <= 8 { "indexed" } else { "rgb" });
}
