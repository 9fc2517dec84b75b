//! The JSON-in, JSON-out surface that the wasm binding forwards to. It lives
//! outside [`crate::wasm`] so `cargo test` covers it natively. Every function
//! returns JSON text; a programming error (unknown kind, malformed options)
//! comes back as `{"typeError": "..."}` for the binding to throw.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::check;
use crate::date::Date;
use crate::i18n::{self, Locale};
use crate::json::{self, write_str, Json};
use crate::options::{not_a, Options};
use crate::output;

/// Parses the options JSON text, defaulting `today` to `today` (`YYYY-MM-DD`).
pub fn options(options_json: &str, today: &str) -> Result<Options, String> {
    let default_today =
        Date::parse(today).ok_or_else(|| cat!("today '", today, "' is not a date"))?;
    let parsed = if crate::options::trim(options_json).is_empty() {
        Json::Null
    } else {
        json::parse(options_json).map_err(|e| cat!("options are not valid JSON: ", e))?
    };
    Options::from_json(&parsed, default_today)
}

/// `checkField(kind, value, options)` → FieldResult JSON.
pub fn check_field(kind: &str, value: &str, options_json: &str, today: &str) -> String {
    let opts = match options(options_json, today) {
        Ok(o) => o,
        Err(e) => return output::type_error_json(&e),
    };
    match check::check_field(kind, value, &opts) {
        Ok(r) => output::field_result_json(&r, opts.locale),
        Err(e) => output::type_error_json(&e),
    }
}

/// `normalize(kind, value)` → `{"value": "..."}`.
pub fn normalize(kind: &str, value: &str, options_json: &str, today: &str) -> String {
    let opts = match options(options_json, today) {
        Ok(o) => o,
        Err(e) => return output::type_error_json(&e),
    };
    match check::normalize(kind, value, &opts) {
        Ok(v) => {
            let mut out = String::from("{\"value\":");
            write_str(&mut out, &v);
            out.put_char('}');
            out
        }
        Err(e) => output::type_error_json(&e),
    }
}

/// `checkFooter(html, options)` → FieldResult JSON. Besides the usual
/// options, `icpNumber`, `psbNumber` and `domain` (strings) say what the page
/// should show; [`Options::from_json`] ignores them, so they are read here.
pub fn check_footer(html: &str, options_json: &str, today: &str) -> String {
    let opts = match options(options_json, today) {
        Ok(o) => o,
        Err(e) => return output::type_error_json(&e),
    };
    let parsed = json::parse(options_json).unwrap_or(Json::Null);
    let mut expected = crate::site::footer::FooterExpect::default();
    for (key, slot) in [
        ("icpNumber", &mut expected.icp_number),
        ("psbNumber", &mut expected.psb_number),
        ("domain", &mut expected.domain),
    ] {
        match parsed.get(key) {
            None | Some(Json::Null) => {}
            Some(Json::Str(s)) => *slot = Some(s.clone()),
            Some(other) => return output::type_error_json(&not_a(key, "string", other)),
        }
    }
    // Only the end of a long page is read: the footer is there, and the
    // cost (≈ 40–80 bytes of memory per character) stays bounded.
    let (tail, skipped) = footer_tail(html);
    let given = opts.given_length("").unwrap_or(0);
    let length = given.max(skipped + crate::text::utf16_len(tail));
    let offset = length - crate::text::utf16_len(tail);
    let mut r = crate::site::footer::check_footer(tail, &opts, expected);
    if offset > 0 {
        for f in &mut r.findings {
            f.span = f.span.map(|(a, b)| (a + offset, b + offset));
        }
        r.push(
            crate::finding::Finding::warning("footer.cut")
                .param_n("length", length as i64)
                .param_n("max", MAX_FOOTER as i64)
                .span(Some((0, offset))),
        );
    }
    output::field_result_json(&r, opts.locale)
}

/// Longest HTML `checkFooter` reads (UTF-16 units): of a longer page only
/// the last this many are checked (`footer.cut` says so). docs/limits.md.
pub const MAX_FOOTER: u32 = 131_072;

/// The last [`MAX_FOOTER`] UTF-16 units of `html` (never half a surrogate
/// pair) and how many units come before them: one pass over the text, no
/// copy (the JS wrapper passes only the tail in the first place).
pub fn footer_tail(html: &str) -> (&str, u32) {
    let total = crate::text::utf16_len(html);
    let skip = total.saturating_sub(MAX_FOOTER);
    let mut units = 0;
    for (i, c) in html.char_indices() {
        if units >= skip {
            return (html.get(i..).unwrap_or(""), units);
        }
        units += c.len_utf16() as u32;
    }
    ("", units)
}

/// `kinds(locale)` → `[{"kind": "mobile", "label": "手机号码"}, …]`.
pub fn kinds(locale: &str) -> String {
    let locale = match crate::options::locale(locale, "locale") {
        Ok(l) => l,
        Err(e) => return output::type_error_json(&e),
    };
    let mut out = String::new();
    for k in check::KINDS {
        let label = i18n::render(&cat!("kind.", k.name), locale, &[]);
        push_pair(&mut out, "kind", k.name, "label", &label);
    }
    close_list(out)
}

/// `locales()` → `[{"locale": "zh-CN", "name": "简体中文"}, …]` (names in their own language).
pub fn locales() -> String {
    let mut out = String::new();
    for l in Locale::ALL {
        let name = i18n::render(&cat!("locale.", l.tag()), l, &[]);
        push_pair(&mut out, "locale", l.tag(), "name", &name);
    }
    close_list(out)
}

/// Appends `{"<k1>":"<v1>","<k2>":"<v2>"}` as the next item of a JSON list
/// being written into `out` (`[` before the first, `,` before the others).
fn push_pair(out: &mut String, k1: &str, v1: &str, k2: &str, v2: &str) {
    out.put(if out.is_empty() { "[{" } else { ",{" });
    write_str(out, k1);
    out.put_char(':');
    write_str(out, v1);
    out.put_char(',');
    write_str(out, k2);
    out.put_char(':');
    write_str(out, v2);
    out.put_char('}');
}

/// Ends a list written by [`push_pair`] (`[]` when it has no item).
fn close_list(mut out: String) -> String {
    if out.is_empty() {
        out.put_char('[');
    }
    out.put_char(']');
    out
}

/// `checkForm(form, options)` → `{"ok": …, "findings": […]}`.
pub fn check_form(form_json: &str, options_json: &str, today: &str) -> String {
    let opts = match options(options_json, today) {
        Ok(o) => o,
        Err(e) => return output::type_error_json(&e),
    };
    let form = match json::parse(form_json) {
        Ok(f @ Json::Obj(_)) => f,
        Ok(other) => {
            return output::type_error_json(&cat!(
                "form must be an object, not ",
                other.type_name()
            ))
        }
        Err(e) => return output::type_error_json(&cat!("form is not valid JSON: ", e)),
    };
    let result = crate::form::check_form(&form, &opts);
    let mut out = String::from("{\"ok\":");
    out.put(if result.ok() { "true" } else { "false" });
    out.put(",\"findings\":");
    output::write_form_findings(&mut out, &result.findings, opts.locale);
    out.put_char('}');
    out
}

/// `getProfile(name)` → the whole profile as JSON.
pub fn get_profile(name: &str) -> String {
    match name {
        "generic" => crate::profile::Profile::generic().to_json().to_text(),
        other => output::type_error_json(&cat!(
            "unknown profile '",
            other,
            "'; the built-in profile is 'generic'"
        )),
    }
}

/// `registerProfile(json)` (internal to the JS wrapper) → `{"id": n}`.
pub fn register_profile(profile_json: &str) -> String {
    match crate::profile::register(profile_json) {
        Ok(id) => cat!("{\"id\":", id, "}"),
        Err(e) => output::type_error_json(&cat!("invalid profile: ", e)),
    }
}

/// `loadLocale` (the JS wrapper passes a locale chunk's text) → entries loaded (0: unknown tag).
pub fn load_catalog(tag: &str, text: &str) -> usize {
    Locale::parse(tag)
        .map(|l| i18n::load_catalog(l, text))
        .unwrap_or(0)
}

// -- images (image/) --

/// `probeImage(bytes)` → ImageInfo JSON. Never fails.
pub fn probe_image(bytes: &[u8]) -> String {
    let info = crate::image::probe(bytes);
    let mut facts = Vec::new();
    info.write_info(&mut facts);
    let mut out = String::new();
    output::write_info(&mut out, &facts);
    out
}

/// Numbers in a packed `probeImage` result: 3 + 4 per fact (18 at most).
pub const PACKED: usize = 3 + 4 * 18;

/// `probeImage(bytes)` packed for the JS wrapper, without JSON: the facts
/// of [`probe_image`] in the same order, as numbers in `out`: `[reach,
/// facts, address of text, then per fact: key address, key length, value,
/// text length]` —
/// the value is a number (text length -1), a flag (0 or 1, text length
/// -2), or the offset in `text` of a JSON string literal of that length
/// (read as [`probe_image`]'s is). Keys are fixed names in the module's
/// data: JS decodes each once. `reach` is
/// [`crate::image::probe::probe_reach`]'s.
pub fn probe_image_packed(bytes: &[u8], out: &mut [f64; PACKED], text: &mut String) {
    use crate::finding::InfoValue;
    let mut info = crate::image::ImageInfo::new(crate::image::Format::Unknown);
    let reach = crate::image::probe::probe_reach(bytes, &mut info);
    let mut facts = Vec::new();
    info.write_info(&mut facts);
    text.clear();
    out[0] = reach as f64;
    out[1] = facts.len() as f64;
    let mut at = 3;
    for (key, value) in &facts {
        let (v, len) = match value {
            InfoValue::Num(n) => (*n, -1.0),
            InfoValue::Bool(b) => (f64::from(u8::from(*b)), -2.0),
            InfoValue::Str(s) => {
                let at = text.len();
                json::write_str(text, s);
                (at as f64, (text.len() - at) as f64)
            }
            InfoValue::List(_) => (0.0, -3.0), // no header fact is a list
            #[cfg(feature = "vision")]
            InfoValue::Json(_) => (0.0, -3.0), // nor an object
        };
        if let Some([k, n, a, b]) = out.get_mut(at..at + 4) {
            (*k, *n, *a, *b) = (key.as_ptr() as usize as f64, key.len() as f64, v, len);
        }
        at += 4;
    }
    out[2] = text.as_ptr() as usize as f64;
}

/// The image-only options of `checkImage`: `fileSize` and `fileName`.
fn file_options(options_json: &str) -> Result<(Option<u64>, Option<String>), String> {
    if crate::options::trim(options_json).is_empty() {
        return Ok((None, None));
    }
    let j = json::parse(options_json).map_err(|e| cat!("options are not valid JSON: ", e))?;
    let size = match j.get("fileSize") {
        None | Some(Json::Null) => None,
        Some(Json::Num(n)) if *n >= 0.0 && crate::rt::fract(*n) == 0.0 && *n < 9.0e15 => {
            Some(*n as u64)
        }
        Some(other) => return Err(not_a("fileSize", "non-negative integer (bytes)", other)),
    };
    let name = match j.get("fileName") {
        None | Some(Json::Null) => None,
        Some(Json::Str(s)) => Some(s.clone()),
        Some(other) => return Err(not_a("fileName", "string", other)),
    };
    Ok((size, name))
}

/// `checkImage(slot, bytes, options)` → FieldResult JSON (`info` = ImageInfo).
/// `bytes` is the whole file, or its beginning with `fileSize` in the options.
pub fn check_image(slot: &str, bytes: &[u8], options_json: &str, today: &str) -> String {
    check_image_parts(slot, bytes, &[], options_json, today)
}

/// `checkImage` on a file's beginning (`head`) and its last bytes (`tail`,
/// empty when unknown): what the JS wrapper passes, so that a cut-off file
/// is told without copying it whole.
pub fn check_image_parts(
    slot: &str,
    head: &[u8],
    tail: &[u8],
    options_json: &str,
    today: &str,
) -> String {
    let parsed = options(options_json, today).and_then(|o| Ok((o, file_options(options_json)?)));
    let (opts, (size, name)) = match parsed {
        Ok(p) => p,
        Err(e) => return output::type_error_json(&e),
    };
    match crate::image::slots::check(slot, head, tail, &opts, size, name.as_deref()) {
        Ok(r) => output::field_result_json(&r, opts.locale),
        Err(e) => output::type_error_json(&e),
    }
}

/// `checkImagePixels(slot, rgba, width, height, options)` → FieldResult JSON.
pub fn check_image_pixels(
    slot: &str,
    rgba: &[u8],
    width: u32,
    height: u32,
    options_json: &str,
    today: &str,
) -> String {
    let opts = match options(options_json, today) {
        Ok(o) => o,
        Err(e) => return output::type_error_json(&e),
    };
    match crate::image::pixels::check(slot, rgba, width, height, &opts) {
        Ok(r) => output::field_result_json(&r, opts.locale),
        Err(e) => output::type_error_json(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_field_json_shape() {
        let out = check_field("mobile", "+86 138 0013 8000", "{}", "2026-11-27");
        let v = json::parse(&out).unwrap();
        assert_eq!(v.get("ok"), Some(&Json::Bool(true)));
        assert_eq!(v.get("value").and_then(Json::as_str), Some("13800138000"));
    }

    #[test]
    fn a_long_page_is_read_from_its_end_with_spans_into_the_whole() {
        let head = "<p>x</p>".repeat(20_000); // 160,000 units
        let html = format!("{head}<a href=\"https://beian.miit.gov.cn/\">京ICP备12345678号-1</a>");
        let out = check_footer(&html, "{}", "2026-11-27");
        let v = json::parse(&out).unwrap();
        let findings = v.get("findings").and_then(Json::as_array).unwrap();
        let cut = findings
            .iter()
            .find(|f| f.get("code").and_then(Json::as_str) == Some("footer.cut"))
            .expect("footer.cut");
        let len = html.encode_utf16().count() as f64;
        let skipped = len - f64::from(MAX_FOOTER);
        assert_eq!(
            cut.get("span"),
            Some(&Json::Arr(vec![Json::Num(0.0), Json::Num(skipped)]))
        );
        let icp = v.get("info").and_then(|i| i.get("icpNumbers")).unwrap();
        assert_eq!(icp.to_text(), r#"["京ICP备12345678号-1"]"#);
        // A span points into the whole page, not into the tail.
        for f in findings {
            if let Some(Json::Arr(s)) = f.get("span") {
                assert!(s[1].as_f64().unwrap() <= len);
            }
        }
        // The JS wrapper passes only the tail and the length it had.
        let tail = footer_tail(&html).0;
        let opts = format!(r#"{{"$lengths":{{"":{len}}}}}"#);
        let v2 = json::parse(&check_footer(tail, &opts, "2026-11-27")).unwrap();
        assert_eq!(v2, v);
        // A surrogate pair at the cut is never split.
        let emoji = format!("{}{}", "😀".repeat(100_000), "a");
        let (t, skipped) = footer_tail(&emoji);
        assert_eq!(skipped + t.encode_utf16().count() as u32, 200_001);
        assert!(t.encode_utf16().count() as u32 <= MAX_FOOTER);
    }

    #[test]
    fn type_errors() {
        for out in [
            check_field("nope", "1", "{}", "2026-11-27"),
            check_field("mobile", "1", "{\"locale\":\"fr\"}", "2026-11-27"),
            check_field("mobile", "1", "{bad json", "2026-11-27"),
            kinds("xx"),
        ] {
            let v = json::parse(&out).unwrap();
            assert!(v.get("typeError").and_then(Json::as_str).is_some(), "{out}");
        }
        let unknown = check_field("nope", "1", "{}", "2026-11-27");
        assert!(
            unknown.contains("mobile") && unknown.contains("email"),
            "names the valid kinds: {unknown}"
        );
    }

    #[test]
    fn kinds_have_labels_in_every_locale() {
        for l in ["zh-CN", "zh-TW", "en"] {
            let v = json::parse(&kinds(l)).unwrap();
            for item in v.as_array().unwrap() {
                let kind = item.get("kind").and_then(Json::as_str).unwrap();
                let label = item.get("label").and_then(Json::as_str).unwrap();
                assert_ne!(
                    label,
                    format!("kind.{kind}"),
                    "missing label for {kind} in {l}"
                );
            }
        }
    }
}
