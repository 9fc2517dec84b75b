//! `checkImage`: the header facts of [`super::probe`] against the limits the
//! profile sets for an upload slot (`images.slots.<slot>`, falling back to
//! `images.slots.default`; see `data/profile/images.json`).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{probe, Format, ImageInfo};
use crate::date::Date;
use crate::finding::{FieldResult, Finding, Severity};
use crate::json::Json;
use crate::options::Options;

/// Every upload slot (`ImageSlot` in the JS API).
pub const SLOTS: [&str; 9] = [
    "idCardFront",
    "idCardBack",
    "businessLicense",
    "verificationPhoto",
    "handheldId",
    "domainCertificate",
    "authorizationLetter",
    "preApproval",
    "other",
];

/// The error for an unknown slot, naming the valid ones.
pub fn unknown_slot(name: &str) -> String {
    let mut out = cat!("unknown image slot '", name, "'; expected one of: ");
    for (i, slot) in SLOTS.iter().enumerate() {
        if i > 0 {
            out.put(", ");
        }
        out.put(slot);
    }
    out
}

/// Checks that `slot` is one of [`SLOTS`].
pub fn known(slot: &str) -> Result<(), String> {
    if SLOTS.contains(&slot) {
        Ok(())
    } else {
        Err(unknown_slot(slot))
    }
}

/// The `images` section of the profile in `opts` (empty when absent).
pub fn section(opts: &Options) -> &Json {
    static EMPTY: Json = Json::Null;
    opts.profile.section("images").unwrap_or(&EMPTY)
}

/// A slot setting: the slot's own value, else the default's. `None` when
/// unset or `null` (the check is off).
pub fn setting<'a>(images: &'a Json, slot: &str, key: &str) -> Option<&'a Json> {
    let slots = images.get("slots")?;
    let v = match slots.get(slot).and_then(|s| s.get(key)) {
        Some(v) => v,
        None => slots.get("default")?.get(key)?,
    };
    (!v.is_null()).then_some(v)
}

/// Sets the severities the profile gives the findings' codes (`images.severity`).
pub fn apply_severities(images: &Json, findings: &mut [Finding]) {
    let table = images.get("severity");
    for f in findings {
        let sev = table.and_then(|s| s.get(&f.code)).and_then(Json::as_str);
        match sev {
            Some("error") => f.severity = Severity::Error,
            Some("warning") => f.severity = Severity::Warning,
            Some("info") => f.severity = Severity::Info,
            _ => {}
        }
    }
}

/// The name users know a format by.
pub fn display_name(f: Format) -> &'static str {
    match f {
        Format::Jpeg => "JPG",
        Format::Png => "PNG",
        Format::Gif => "GIF",
        Format::Bmp => "BMP",
        Format::Webp => "WebP",
        Format::Heic => "HEIC",
        Format::Avif => "AVIF",
        Format::Tiff => "TIFF",
        Format::Pdf => "PDF",
        Format::Unknown => "?",
    }
}

/// `n / 10^decimals` as text with exactly `decimals` digits (integer maths only).
pub fn fixed(scaled: u64, decimals: u32) -> String {
    let div = 10u64.pow(decimals);
    if decimals == 0 {
        return cat!(scaled);
    }
    // div ≥ 1; checked all the same: no division-by-zero panic path in the wasm.
    cat!(
        scaled.checked_div(div).unwrap_or(0),
        ".",
        crate::rt::padded(scaled.checked_rem(div).unwrap_or(0), decimals as usize)
    )
}

/// A byte count in `unit` (1024 = KiB, 1048576 = MiB), times 10^`decimals`, rounded.
fn in_unit(bytes: u64, unit: u64, decimals: u32) -> u64 {
    (bytes.saturating_mul(10u64.pow(decimals)) + unit / 2)
        .checked_div(unit)
        .unwrap_or(0)
}

/// A file size and a limit, in the same unit (MiB when the limit is at least
/// 1 MiB, else KiB); an extra decimal when they would otherwise look equal.
pub fn sizes(bytes: u64, limit: u64) -> (String, String) {
    let (unit, name) = if limit >= 1 << 20 {
        (1u64 << 20, "MiB")
    } else {
        (1024, "KiB")
    };
    let mut d = 1;
    while d < 3 && in_unit(bytes, unit, d) == in_unit(limit, unit, d) {
        d += 1;
    }
    let limit_text = fixed(in_unit(limit, unit, 3), 3);
    let limit_text = crate::text::trim_end(crate::text::trim_end(&limit_text, b'0'), b'.');
    (
        cat!(fixed(in_unit(bytes, unit, d), d), " ", name),
        cat!(limit_text, " ", name),
    )
}

/// A positive number setting, in whole units.
fn num(images: &Json, slot: &str, key: &str) -> Option<f64> {
    setting(images, slot, key)
        .and_then(Json::as_f64)
        .filter(|n| *n >= 0.0)
}

/// `checkImage`: `bytes` may be only the start of the file; `file_size` is
/// then its real size, and `tail` (may be empty) the file's last bytes, for
/// telling a cut-off file ([`super::ends`]). `Err` only for an unknown slot.
pub fn check(
    slot: &str,
    bytes: &[u8],
    tail: &[u8],
    opts: &Options,
    file_size: Option<u64>,
    file_name: Option<&str>,
) -> Result<FieldResult, String> {
    known(slot)?;
    let images = section(opts);
    let size = file_size.unwrap_or(bytes.len() as u64);
    // A head and a tail that meet or overlap are the whole file (at most 128 KiB from JS).
    let tail_at = size.saturating_sub(tail.len() as u64);
    let joined: Vec<u8>;
    let bytes = match tail.get(bytes.len().saturating_sub(tail_at as usize)..) {
        Some(rest) if (bytes.len() as u64) < size && tail_at <= bytes.len() as u64 => {
            joined = [bytes, rest].concat();
            &joined[..]
        }
        _ => bytes,
    };
    let info = probe(bytes);
    let mut r = FieldResult::new(String::new());
    info.write_info(&mut r.info);
    let whole = size <= bytes.len() as u64;
    // The file's end: in `bytes` when they are all there, else the tail given.
    let end = match whole {
        true => bytes.get(..size as usize).unwrap_or(bytes),
        false => tail,
    };
    let end = end
        .get(end.len().saturating_sub(super::ends::TAIL)..)
        .unwrap_or(&[]);
    let cut = (whole || (!tail.is_empty() && tail.len() as u64 <= size))
        && super::ends::truncated(&info, bytes, end, size);
    findings(
        &info,
        images,
        slot,
        size,
        (whole, cut),
        file_name,
        &mut r.findings,
    );
    exif_findings(&info, images, slot, opts.today, &mut r.findings);
    apply_severities(images, &mut r.findings);
    Ok(r.finish())
}

/// The header findings, before profile severities apply.
fn findings(
    info: &ImageInfo,
    images: &Json,
    slot: &str,
    size: u64,
    (whole, cut): (bool, bool),
    file_name: Option<&str>,
    out: &mut Vec<Finding>,
) {
    // The slot's formats (none listed: any), as text, and whether this is one.
    let (mut listed, mut accepted) = (false, false);
    let mut accepted_text = String::new();
    let formats = setting(images, slot, "formats").and_then(Json::as_array);
    for f in formats.unwrap_or(&[]) {
        let Some(f) = f.as_str().and_then(Format::parse) else {
            continue;
        };
        if listed {
            accepted_text.put_char('/');
        }
        accepted_text.put(display_name(f));
        listed = true;
        accepted |= f == info.format;
    }
    if size == 0 {
        out.push(Finding::error("image.empty"));
        return;
    }
    if info.format == Format::Unknown {
        if info.need_bytes.is_some() && !whole {
            out.push(need_bytes(info));
        } else {
            out.push(Finding::error("image.unknown_format").param("accepted", accepted_text));
        }
        return;
    }
    let format = display_name(info.format);
    if listed && !accepted {
        let f = if info.format == Format::Heic {
            Finding::error("image.heic")
        } else {
            Finding::error("image.format_not_accepted").param("format", format)
        };
        out.push(f.param("accepted", accepted_text));
    }
    // An extension that names another image format.
    if let Some(ext) = file_name
        .and_then(|n| crate::text::rcut(n, b'.'))
        .map(|(_, e)| e)
    {
        if let Some(claimed) = Format::from_extension(ext) {
            if claimed != info.format && !(claimed == Format::Heic && info.format == Format::Avif) {
                out.push(
                    Finding::warning("image.extension_mismatch")
                        .param("ext", cat!(".", ext))
                        .param("format", format),
                );
            }
        }
    }
    if info.invalid.is_some() || (info.need_bytes.is_some() && whole) || cut {
        let code = if info.invalid.is_some() {
            "image.corrupt"
        } else {
            "image.truncated"
        };
        out.push(Finding::error(code).param("format", format));
        return;
    }
    if info.need_bytes.is_some() && info.width.is_none() {
        out.push(need_bytes(info));
    }
    bytes_findings(images, slot, size, out);
    if let Some((w, h)) = info.display_size() {
        pixel_findings(info, images, slot, (w, h), out);
    }
    let gray = info.color_space == Some("gray");
    if gray && setting(images, slot, "requireColor").and_then(Json::as_bool) == Some(true) {
        out.push(Finding::error("image.grayscale_file"));
    }
}

/// What the EXIF block tells (rules.md §5, HIGH): a photo taken for the
/// filing must be fresh, not reused (`freshDays` of the slot: the DateTime
/// tag may be that much older than `today`), and no image may be retouched
/// (the Software tag names one of the profile's `editors`). Day counts and
/// the list are derived, so both are warnings; files without EXIF (most
/// scans, images sent through chat apps) get neither.
fn exif_findings(info: &ImageInfo, images: &Json, slot: &str, today: Date, out: &mut Vec<Finding>) {
    if let (Some(date), Some(fresh)) = (info.exif_date, num(images, slot, "freshDays")) {
        let days = date.days_until(today);
        if days as f64 > fresh {
            out.push(
                Finding::warning("image.photo_old")
                    .param("date", date.iso())
                    .param_n("days", days),
            );
        }
    }
    let Some(software) = &info.software else {
        return;
    };
    let lower = software.to_ascii_lowercase();
    let editors = images.get("editors").and_then(Json::as_array);
    for e in editors.unwrap_or(&[]) {
        if e.as_str()
            .is_some_and(|e| !e.is_empty() && crate::text::contains(&lower, e))
        {
            out.push(Finding::warning("image.edited").param("software", software.as_str()));
            return;
        }
    }
}

fn need_bytes(info: &ImageInfo) -> Finding {
    Finding::info("image.need_bytes").param_n("needBytes", (info.need_bytes.unwrap_or(0)) as i64)
}

/// Byte range and re-encode threshold.
fn bytes_findings(images: &Json, slot: &str, size: u64, out: &mut Vec<Finding>) {
    for (key, over, code, severity, name) in [
        (
            "maxKiB",
            true,
            "image.file_too_large",
            Severity::Warning,
            "max",
        ),
        (
            "minKiB",
            false,
            "image.file_too_small",
            Severity::Warning,
            "min",
        ),
        (
            "reencodeKiB",
            true,
            "image.reencoded",
            Severity::Info,
            "limit",
        ),
    ] {
        let Some(limit) = num(images, slot, key).map(|k| (k * 1024.0) as u64) else {
            continue;
        };
        if (over && size > limit) || (!over && size < limit) {
            let (s, m) = sizes(size, limit);
            out.push(Finding::new(code, severity).param("size", s).param(name, m));
        }
    }
}

/// Minimum side, shape, aspect ratio, orientation.
fn pixel_findings(
    info: &ImageInfo,
    images: &Json,
    slot: &str,
    (w, h): (u32, u32),
    out: &mut Vec<Finding>,
) {
    let short = w.min(h);
    let long = w.max(h);
    // A size no photo has: a decompression bomb, not something to decode.
    if let Some(max) = num(images, slot, "maxMegapixels") {
        let px = u64::from(w) * u64::from(h);
        if px as f64 > max * 1e6 {
            out.push(
                Finding::error("image.too_many_pixels")
                    .param_n("width", i64::from(w))
                    .param_n("height", i64::from(h))
                    .param_n("megapixels", (px / 1_000_000) as i64)
                    .param_n("max", max as i64),
            );
        }
    }
    if let Some(min) = num(images, slot, "minShortSide") {
        if f64::from(short) < min {
            out.push(
                Finding::warning("image.too_small")
                    .param_n("width", w as i64)
                    .param_n("height", h as i64)
                    .param_n("min", (min as u64) as i64),
            );
        }
    }
    match setting(images, slot, "shape").and_then(Json::as_str) {
        Some("landscape") if h > w => out.push(Finding::warning("image.not_landscape")),
        Some("portrait") if w > h => out.push(Finding::warning("image.not_portrait")),
        _ => {}
    }
    let range = setting(images, slot, "aspect").and_then(Json::as_array);
    if let Some([lo, hi]) = range {
        if let (Some(lo), Some(hi)) = (lo.as_f64(), hi.as_f64()) {
            let ratio = f64::from(long) / f64::from(short.max(1));
            if ratio < lo || ratio > hi {
                let r2 = |x: f64| fixed(crate::rt::round(x * 100.0) as u64, 2);
                out.push(
                    Finding::warning("image.aspect")
                        .param("ratio", r2(ratio))
                        .param("min", r2(lo))
                        .param("max", r2(hi)),
                );
            }
        }
    }
    if info.orientation != 1 {
        out.push(
            Finding::info("image.rotated")
                .param_n("orientation", info.orientation as i64)
                .param_n("width", w as i64)
                .param_n("height", h as i64),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_share_a_unit() {
        assert_eq!(sizes(5 << 20, 4 << 20), ("5.0 MiB".into(), "4 MiB".into()));
        assert_eq!(
            sizes((4 << 20) + 30_000, 4 << 20),
            ("4.03 MiB".into(), "4 MiB".into())
        );
        assert_eq!(
            sizes(150 * 1024, 200 * 1024),
            ("150.0 KiB".into(), "200 KiB".into())
        );
        assert_eq!(fixed(158, 2), "1.58");
        assert_eq!(fixed(5, 2), "0.05");
    }
}

#[cfg(test)]
mod override_tests {
    use super::*;
    use crate::json::parse;

    fn run(images: &Json, slot: &str, info: &ImageInfo, size: u64) -> Vec<Finding> {
        let mut out = Vec::new();
        findings(info, images, slot, size, (true, false), None, &mut out);
        apply_severities(images, &mut out);
        out
    }

    #[test]
    fn provider_overrides_slot_keys_and_severities() {
        let generic = crate::profile::Profile::generic();
        let generic = generic.section("images").unwrap();
        let mut info = ImageInfo::new(Format::Webp);
        info.set_size(2000, 1500, 1 << 20);
        // Generic: WebP is not accepted (error); 3 MiB is under 4 MiB but gets re-encoded.
        let g = run(generic, "businessLicense", &info, 3 << 20);
        let codes: Vec<&str> = g.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["image.format_not_accepted", "image.reencoded"]);
        // A provider that takes WebP up to 1 MiB, strictly, and switches the short-side rule off.
        let provider = parse(
            r#"{"slots":{"default":{"formats":["jpeg","png","webp"],"maxKiB":1024,"minShortSide":null},
                "businessLicense":{"minShortSide":3000}},
               "severity":{"image.file_too_large":"error"}}"#,
        )
        .unwrap();
        let p = run(&provider, "businessLicense", &info, 3 << 20);
        let codes: Vec<(&str, Severity)> =
            p.iter().map(|f| (f.code.as_str(), f.severity)).collect();
        assert_eq!(
            codes,
            [
                ("image.file_too_large", Severity::Error),
                ("image.too_small", Severity::Warning)
            ]
        );
        assert_eq!(p[0].get_param("max"), Some("1 MiB"));
        assert_eq!(p[0].get_param("size"), Some("3.0 MiB"));
        // Other slots fall back to default, where the short-side check is off.
        assert!(run(&provider, "other", &info, 1000).is_empty());
    }
}
