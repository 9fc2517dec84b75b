//! TIFF (TIFF 6.0): the first IFD's width, height, bits, photometric
//! interpretation and orientation. The same IFD reader serves the EXIF
//! block of JPEG and WebP files, which is a little TIFF file.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{be16, be32, le16, le32, Format, ImageInfo};

/// Largest side accepted as real (TIFF allows 2^32-1; no decoder does).
const MAX_SIDE: u32 = 1 << 20;

/// Tags read from an IFD.
pub const WIDTH: u16 = 256;
/// ImageLength.
pub const HEIGHT: u16 = 257;
/// BitsPerSample.
pub const BITS: u16 = 258;
/// PhotometricInterpretation.
pub const PHOTOMETRIC: u16 = 262;
/// Orientation (EXIF 1–8).
pub const ORIENTATION: u16 = 274;
/// Software: the program that wrote the file (ASCII).
pub const SOFTWARE: u16 = 305;
/// DateTime: when the file was written, `YYYY:MM:DD HH:MM:SS` (ASCII).
pub const DATE_TIME: u16 = 306;

/// Why an IFD could not be read in full.
#[derive(Debug, PartialEq, Eq)]
pub enum Short {
    /// The IFD lies past the bytes given: at least this many are needed
    /// (counted from the start of the TIFF block).
    Need(u64),
    /// Not a TIFF structure.
    Bad,
}

/// A TIFF block's byte order.
#[derive(Clone, Copy)]
struct Order(bool);

impl Order {
    fn u16(self, b: &[u8], at: usize) -> Option<u16> {
        if self.0 {
            le16(b, at)
        } else {
            be16(b, at)
        }
    }
    fn u32(self, b: &[u8], at: usize) -> Option<u32> {
        if self.0 {
            le32(b, at)
        } else {
            be32(b, at)
        }
    }
}

/// Reads the first value of each tag in `wanted` from IFD0 of the TIFF
/// block `b` (which starts with `II*\0` or `MM\0*`), in `wanted`'s order
/// (unused tags: 0); for an ASCII tag, the offset of its text in `b` (see
/// [`ascii`]). One non-generic function keeps the wasm small.
pub fn ifd0(b: &[u8], wanted: [u16; 5]) -> Result<[Option<u32>; 5], Short> {
    let order = match b.get(..4) {
        Some(b"II*\0") => Order(true),
        Some(b"MM\0*") => Order(false),
        Some(_) => return Err(Short::Bad),
        None => return Err(Short::Need(8)),
    };
    let ifd = order.u32(b, 4).ok_or(Short::Need(8))? as usize;
    if ifd < 8 {
        return Err(Short::Bad);
    }
    let count = order.u16(b, ifd).ok_or(Short::Need(ifd as u64 + 2))? as usize;
    let end = ifd as u64 + 2 + count as u64 * 12;
    if (b.len() as u64) < end {
        return Err(Short::Need(end));
    }
    let mut out = [None; 5];
    for i in 0..count {
        let e = ifd + 2 + i * 12;
        let (Some(tag), Some(ty), Some(n)) =
            (order.u16(b, e), order.u16(b, e + 2), order.u32(b, e + 4))
        else {
            return Err(Short::Bad);
        };
        let Some(slot) = wanted.iter().position(|w| *w == tag) else {
            continue;
        };
        let size: u32 = match ty {
            1 | 2 | 6 | 7 => 1, // BYTE, ASCII, SBYTE, UNDEFINED
            3 | 8 => 2,         // SHORT, SSHORT
            4 | 9 => 4,         // LONG, SLONG
            _ => continue,
        };
        if n == 0 {
            continue;
        }
        let at = if n.saturating_mul(size) <= 4 {
            e + 8
        } else {
            // Value stored elsewhere: read it only if it is in the bytes given.
            match order.u32(b, e + 8) {
                Some(off) => off as usize,
                None => continue,
            }
        };
        let v = match size {
            1 if ty == 2 => Some(at as u32),
            1 => b.get(at).map(|x| u32::from(*x)),
            2 => order.u16(b, at).map(u32::from),
            _ => order.u32(b, at),
        };
        if let Some(dst) = out.get_mut(slot) {
            *dst = v;
        }
    }
    Ok(out)
}

/// The text of an ASCII tag at `at` in `b`: printable ASCII up to its NUL
/// (at most 64 bytes), trimmed; `None` when empty, not in the bytes given,
/// or not ASCII (the EXIF type is 7-bit ASCII).
pub fn ascii(b: &[u8], at: Option<u32>) -> Option<String> {
    let mut s = String::new();
    for i in 0..64 {
        match *b.get(at? as usize + i)? {
            0 => break,
            c @ 0x20..=0x7E => s.push(char::from(c)),
            _ => return None,
        }
    }
    let s = crate::options::trim(&s);
    (!s.is_empty()).then(|| s.into())
}

/// Reads an EXIF block (`b` starts at the TIFF header) into `info`: the
/// orientation (1 when absent or out of range), the date of the DateTime
/// tag and the Software tag. A broken block (`Err`) changes nothing, as
/// browsers leave such a photo unrotated.
pub fn read_exif(b: &[u8], info: &mut ImageInfo) -> Result<(), Short> {
    let [o, date, software, ..] = ifd0(b, [ORIENTATION, DATE_TIME, SOFTWARE, 0, 0])?;
    info.orientation = match o {
        Some(v @ 1..=8) => v as u8,
        _ => 1,
    };
    // `YYYY:MM:DD HH:MM:SS`; cameras without a clock write zeros or blanks.
    info.exif_date = ascii(b, date).and_then(|t| {
        let mut iso = String::new();
        for i in 0..10 {
            let c = *t.as_bytes().get(i)?;
            iso.push(if c == b':' { '-' } else { char::from(c) });
        }
        crate::date::Date::parse(&iso)
    });
    info.software = ascii(b, software);
    Ok(())
}

/// Probes a TIFF file into a fresh `info`.
pub fn probe(bytes: &[u8], info: &mut ImageInfo) {
    info.format = Format::Tiff;
    if bytes.get(2) == Some(&b'+') || bytes.get(3) == Some(&b'+') {
        info.compression = Some("bigtiff");
        return; // BigTIFF: detected only
    }
    match ifd0(bytes, [WIDTH, HEIGHT, BITS, PHOTOMETRIC, ORIENTATION]) {
        Ok([w, h, bits, photo, orient]) => {
            match (w, h) {
                (Some(w), Some(h)) => info.set_size(w, h, MAX_SIDE),
                _ => info.corrupt(),
            }
            info.bit_depth = bits.and_then(|b| u8::try_from(b).ok());
            info.color_space = match photo {
                Some(0 | 1) => Some("gray"),
                Some(2) => Some("rgb"),
                Some(3) => Some("indexed"),
                Some(5) => Some("cmyk"),
                Some(6) => Some("ycbcr"),
                _ => None,
            };
            if let Some(o @ 1..=8) = orient {
                info.orientation = o as u8;
            }
        }
        Err(Short::Need(n)) => info.need(n),
        Err(Short::Bad) => info.corrupt(),
    }
}
