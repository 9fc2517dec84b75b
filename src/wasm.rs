//! The WebAssembly binding — the only module that names `wasm_bindgen`.
//! Every function takes and returns strings; the hand-written JS wrapper
//! (`js/core.js`) turns options into JSON, parses results, and throws the
//! `TypeError` a `{"typeError": …}` result carries.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::api;
use wasm_bindgen::prelude::wasm_bindgen;

/// `checkField`: kind, value, options JSON, today (`YYYY-MM-DD`, the browser's local date).
#[cfg(feature = "kinds")]
#[wasm_bindgen]
pub fn check_field(kind: &str, value: &str, options: &str, today: &str) -> String {
    api::check_field(kind, value, options, today)
}

/// `normalize`: `{"value": …}`.
#[cfg(feature = "kinds")]
#[wasm_bindgen]
pub fn normalize(kind: &str, value: &str, options: &str, today: &str) -> String {
    api::normalize(kind, value, options, today)
}

/// `checkFooter`: page HTML, options JSON (may carry icpNumber, psbNumber, domain), today.
#[cfg(feature = "media")]
#[wasm_bindgen]
pub fn check_footer(html: &str, options: &str, today: &str) -> String {
    api::check_footer(html, options, today)
}

/// `kinds(locale)`: the checkField kinds with localized labels.
#[cfg(feature = "kinds")]
#[wasm_bindgen]
pub fn kinds(locale: &str) -> String {
    api::kinds(locale)
}

/// `locales()`.
#[cfg(not(vision_only))]
#[wasm_bindgen]
pub fn locales() -> String {
    api::locales()
}

/// `version()`.
#[cfg(not(vision_only))]
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// `checkForm`: form JSON, options JSON, today.
#[cfg(feature = "form")]
#[wasm_bindgen]
pub fn check_form(form: &str, options: &str, today: &str) -> String {
    api::check_form(form, options, today)
}

/// `getProfile(name)`: the profile as JSON.
#[cfg(not(vision_only))]
#[wasm_bindgen]
pub fn get_profile(name: &str) -> String {
    api::get_profile(name)
}

/// Registers a provider profile once; options then carry `{"$ref": id}`.
#[wasm_bindgen]
pub fn register_profile(profile: &str) -> String {
    api::register_profile(profile)
}

/// `loadRegionNames`: the region-name chunk (`region-names.js`); false when
/// it does not match this build's region table.
#[cfg(feature = "kinds")]
#[wasm_bindgen]
pub fn load_region_names(text: &str) -> bool {
    crate::data::load_region_names(text)
}

/// `loadLocale`: a locale chunk's catalog text; returns the entries loaded.
#[wasm_bindgen]
pub fn load_catalog(tag: &str, text: &str) -> usize {
    api::load_catalog(tag, text)
}

/// `probeImage`'s packed result and its text, kept from call to call.
#[cfg(feature = "media")]
static IMAGE_OUT: crate::rt::Mutex<([f64; api::PACKED], String)> =
    crate::rt::Mutex::new(([0.0; api::PACKED], String::new()));

/// `probeImage`: the address of the packed ImageInfo of the header in
/// `bytes` ([`api::probe_image_packed`]; no JSON), valid until the next
/// call.
#[cfg(feature = "media")]
#[wasm_bindgen]
pub fn probe_image_packed(bytes: &[u8]) -> usize {
    let Ok(mut io) = IMAGE_OUT.lock() else {
        return 0;
    };
    let (out, text) = &mut *io;
    api::probe_image_packed(bytes, out, text);
    out.as_ptr() as usize
}

/// `checkImage`: slot, the file's first bytes (or all), its last bytes (or
/// none), options JSON (with `fileSize`, `fileName`), today.
#[cfg(feature = "media")]
#[wasm_bindgen]
pub fn check_image(slot: &str, bytes: &[u8], tail: &[u8], options: &str, today: &str) -> String {
    api::check_image_parts(slot, bytes, tail, options, today)
}

/// `checkImagePixels`: slot, RGBA pixels, width, height, options JSON, today
/// (also the one check of the vision module, `--features vision`).
#[cfg(any(feature = "media", feature = "vision"))]
#[wasm_bindgen]
pub fn check_image_pixels(
    slot: &str,
    rgba: &[u8],
    width: u32,
    height: u32,
    options: &str,
    today: &str,
) -> String {
    api::check_image_pixels(slot, rgba, width, height, options, today)
}
