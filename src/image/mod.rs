//! Uploaded images: header probing per format ([`probe`]), per-slot checks
//! from the profile ([`slots`]), and pixel-quality checks ([`pixels`]).
//!
//! Every format file has the same small surface: `probe(bytes, &mut
//! ImageInfo)` fills what the header tells, and sets `need_bytes` when the
//! header continues past the bytes given. Nothing here decodes pixels.

#[allow(unused_imports)]
use crate::rt::prelude::*;

pub mod bmp;
/// The ID-card analysis of checkImagePixels (feature `vision`: native
/// builds and the npm package's `wasm-vision` module; docs/id-card.md).
/// It bounds floats with max/min on purpose: `f64::clamp` links float
/// formatting into the wasm (its assertion prints the bounds), ~11 KB.
#[cfg(feature = "vision")]
#[allow(clippy::manual_clamp)]
pub mod card;
pub mod ends;
pub mod gif;
pub mod heif;
pub mod jpeg;
pub mod pdf;
pub mod pixels;
pub mod png;
pub mod probe;
pub mod slots;
pub mod tiff;
pub mod webp;

pub use probe::probe;

/// A file format `probeImage` recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JPEG (JFIF / EXIF).
    Jpeg,
    /// PNG (and APNG).
    Png,
    /// GIF 87a / 89a.
    Gif,
    /// Windows bitmap.
    Bmp,
    /// WebP (lossy, lossless, extended).
    Webp,
    /// HEIC / HEIF (iPhone photos).
    Heic,
    /// AVIF.
    Avif,
    /// TIFF (and BigTIFF).
    Tiff,
    /// PDF (detected only).
    Pdf,
    /// Anything else.
    Unknown,
}

impl Format {
    /// The API name (`ImageInfo.format`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Gif => "gif",
            Format::Bmp => "bmp",
            Format::Webp => "webp",
            Format::Heic => "heic",
            Format::Avif => "avif",
            Format::Tiff => "tiff",
            Format::Pdf => "pdf",
            Format::Unknown => "unknown",
        }
    }

    /// Every format with a name, for parsing profile lists.
    pub const ALL: [Format; 10] = [
        Format::Jpeg,
        Format::Png,
        Format::Gif,
        Format::Bmp,
        Format::Webp,
        Format::Heic,
        Format::Avif,
        Format::Tiff,
        Format::Pdf,
        Format::Unknown,
    ];

    /// Parses an API name.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// The format a file-name extension claims (ASCII, any case), if it is an image extension.
    pub fn from_extension(ext: &str) -> Option<Format> {
        let mut buf = [0u8; 8];
        let bytes = ext.as_bytes();
        if bytes.len() > buf.len() {
            return None;
        }
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        let lower = buf.get(..bytes.len())?;
        const EXTENSIONS: [(&[u8], Format); 17] = [
            (b"jpg", Format::Jpeg),
            (b"jpeg", Format::Jpeg),
            (b"jpe", Format::Jpeg),
            (b"jfif", Format::Jpeg),
            (b"png", Format::Png),
            (b"apng", Format::Png),
            (b"gif", Format::Gif),
            (b"bmp", Format::Bmp),
            (b"dib", Format::Bmp),
            (b"webp", Format::Webp),
            (b"heic", Format::Heic),
            (b"heif", Format::Heic),
            (b"hif", Format::Heic),
            (b"avif", Format::Avif),
            (b"tif", Format::Tiff),
            (b"tiff", Format::Tiff),
            (b"pdf", Format::Pdf),
        ];
        EXTENSIONS
            .iter()
            .find(|(e, _)| *e == lower)
            .map(|(_, f)| *f)
    }
}

/// Why a header that was read in full is not a usable image (`ImageInfo.invalid`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Width or height is zero.
    ZeroSize,
    /// Width or height beyond what any decoder accepts (reported, not invented).
    AbsurdSize,
    /// A length, marker or field that breaks the format.
    Corrupt,
}

impl Invalid {
    /// The API name.
    pub fn name(self) -> &'static str {
        match self {
            Invalid::ZeroSize => "zero_size",
            Invalid::AbsurdSize => "absurd_size",
            Invalid::Corrupt => "corrupt",
        }
    }
}

/// What a header says (`ImageInfo` in the JS API).
#[derive(Clone, Debug, PartialEq)]
pub struct ImageInfo {
    /// The detected format.
    pub format: Format,
    /// Stored pixel width.
    pub width: Option<u32>,
    /// Stored pixel height.
    pub height: Option<u32>,
    /// EXIF orientation 1–8 (1 when absent or out of range).
    pub orientation: u8,
    /// The header continues past the bytes given: pass at least this many.
    pub need_bytes: Option<u64>,
    /// Why the header is unusable, when it is.
    pub invalid: Option<Invalid>,
    /// `gray`, `ycbcr`, `rgb`, `cmyk`, `ycck`, `indexed`.
    pub color_space: Option<&'static str>,
    /// Bits per sample (per channel).
    pub bit_depth: Option<u8>,
    /// Has an alpha channel.
    pub alpha: Option<bool>,
    /// JPEG: progressive coding; PNG/GIF: interlaced.
    pub progressive: Option<bool>,
    /// JPEG coding process: `baseline`, `extended`, `progressive`, `lossless`
    /// (`-arithmetic` / `hierarchical-` variants as named by the SOF marker).
    pub compression: Option<&'static str>,
    /// More than one frame (GIF, APNG, animated WebP).
    pub animated: Option<bool>,
    /// A BMP stored top-down (negative height).
    pub top_down: Option<bool>,
    /// PDF version, e.g. `1.7`.
    pub version: Option<String>,
    /// The date of the EXIF DateTime tag (when the file was written).
    pub exif_date: Option<crate::date::Date>,
    /// The EXIF Software tag (the program that wrote the file).
    pub software: Option<String>,
}

impl ImageInfo {
    /// Nothing known yet.
    #[inline(never)]
    pub fn new(format: Format) -> ImageInfo {
        ImageInfo {
            format,
            width: None,
            height: None,
            orientation: 1,
            need_bytes: None,
            invalid: None,
            color_space: None,
            bit_depth: None,
            alpha: None,
            progressive: None,
            compression: None,
            animated: None,
            top_down: None,
            version: None,
            exif_date: None,
            software: None,
        }
    }

    /// Sets the stored size, rejecting zero (not invented) and sizes beyond `max`.
    #[inline(never)]
    pub fn set_size(&mut self, width: u32, height: u32, max: u32) {
        if width == 0 || height == 0 {
            self.invalid = Some(Invalid::ZeroSize);
        } else if width > max || height > max {
            self.invalid = Some(Invalid::AbsurdSize);
        } else {
            self.width = Some(width);
            self.height = Some(height);
        }
    }

    /// Asks for at least `n` bytes (keeps the first, smallest request).
    #[inline(never)]
    pub fn need(&mut self, n: u64) {
        if self.need_bytes.is_none() {
            self.need_bytes = Some(n);
        }
    }

    /// Marks the header corrupt.
    #[inline(never)]
    pub fn corrupt(&mut self) {
        if self.invalid.is_none() {
            self.invalid = Some(Invalid::Corrupt);
        }
    }

    /// The size as displayed after orientation (5–8 swap the sides).
    pub fn display_size(&self) -> Option<(u32, u32)> {
        let (w, h) = (self.width?, self.height?);
        Some(if (5..=8).contains(&self.orientation) {
            (h, w)
        } else {
            (w, h)
        })
    }

    /// Appends the facts as `info` entries (the `ImageInfo` object).
    pub fn write_info(&self, out: &mut Info) {
        put_str(out, "format", Some(self.format.name()));
        if !matches!(self.format, Format::Unknown | Format::Pdf) {
            put_num(out, "orientation", Some(u64::from(self.orientation)));
        }
        if let (Some(w), Some(h)) = (self.width, self.height) {
            put_num(out, "width", Some(u64::from(w)));
            put_num(out, "height", Some(u64::from(h)));
            if let Some((dw, dh)) = self.display_size() {
                put_num(out, "displayWidth", Some(u64::from(dw)));
                put_num(out, "displayHeight", Some(u64::from(dh)));
            }
        }
        put_num(out, "needBytes", self.need_bytes);
        put_str(out, "invalid", self.invalid.map(Invalid::name));
        put_str(out, "colorSpace", self.color_space);
        put_num(out, "bitDepth", self.bit_depth.map(u64::from));
        put_bool(out, "alpha", self.alpha);
        put_bool(out, "progressive", self.progressive);
        put_str(out, "compression", self.compression);
        put_bool(out, "animated", self.animated);
        put_bool(out, "topDown", self.top_down);
        put_str(out, "version", self.version.as_deref());
        put_str(out, "exifDate", self.exif_date.map(|d| d.iso()).as_deref());
        put_str(out, "software", self.software.as_deref());
    }
}

/// The `info` entries [`ImageInfo::write_info`] appends to.
type Info = Vec<(&'static str, crate::finding::InfoValue)>;

// One out-of-line appender per value type (`write_info` has many entries);
// `None` appends nothing.

/// Appends a string entry, when there is one.
#[inline(never)]
fn put_str(out: &mut Info, key: &'static str, value: Option<&str>) {
    if let Some(v) = value {
        out.push((key, crate::finding::InfoValue::Str(v.into())));
    }
}

/// Appends a numeric entry, when there is one.
#[inline(never)]
fn put_num(out: &mut Info, key: &'static str, value: Option<u64>) {
    if let Some(n) = value {
        out.push((key, crate::finding::InfoValue::Num(n as f64)));
    }
}

/// Appends a boolean entry, when there is one.
#[inline(never)]
fn put_bool(out: &mut Info, key: &'static str, value: Option<bool>) {
    if let Some(b) = value {
        out.push((key, crate::finding::InfoValue::Bool(b)));
    }
}

/// Big-endian u16 at `at`, if the bytes reach.
pub(crate) fn be16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([*s.first()?, *s.get(1)?]))
}

/// Big-endian u32 at `at`, if the bytes reach.
pub(crate) fn be32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([
        *s.first()?,
        *s.get(1)?,
        *s.get(2)?,
        *s.get(3)?,
    ]))
}

/// Little-endian u16 at `at`, if the bytes reach.
pub(crate) fn le16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*s.first()?, *s.get(1)?]))
}

/// Little-endian u32 at `at`, if the bytes reach.
pub(crate) fn le32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([
        *s.first()?,
        *s.get(1)?,
        *s.get(2)?,
        *s.get(3)?,
    ]))
}

/// Little-endian 24-bit value at `at`.
pub(crate) fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(3)?)?;
    Some(u32::from_le_bytes([*s.first()?, *s.get(1)?, *s.get(2)?, 0]))
}
