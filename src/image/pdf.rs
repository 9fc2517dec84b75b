//! PDF: detected only (`%PDF-1.7`), so a slot can say "upload an image, not a PDF".

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{Format, ImageInfo};

/// Reads the version after `%PDF-` into a fresh `info`.
pub fn probe(bytes: &[u8], info: &mut ImageInfo) {
    info.format = Format::Pdf;
    let rest = bytes.get(5..).unwrap_or(&[]);
    let v: String = rest
        .iter()
        .take(8)
        .take_while(|b| b.is_ascii_digit() || **b == b'.')
        .map(|b| char::from(*b))
        .collect();
    if !v.is_empty() {
        info.version = Some(v);
    }
}
