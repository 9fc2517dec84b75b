//! PDF: detected only (`%PDF-1.7`), so a slot can say "upload an image, not a PDF".

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{Format, ImageInfo};

/// Reads the version after `%PDF-` into a fresh `info`.
pub fn probe(bytes: &[u8], info: &mut ImageInfo) {
    info.format = Format::Pdf;
    let rest = bytes.get(5..).unwrap_or(&[]);
    let mut v = String::new();
    for &b in rest.get(..8).unwrap_or(rest) {
        if !(b.is_ascii_digit() || b == b'.') {
            break;
        }
        v.push(char::from(b));
    }
    if !v.is_empty() {
        info.version = Some(v);
    }
}
