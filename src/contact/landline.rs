//! Fixed-line numbers (`landline`): area code + 7–8 digit local number +
//! optional extension. Tolerates `+86`, brackets, spaces, hyphens,
//! full-width digits and the extension written `转`, `ext`, `x`, `#` or as a
//! third group; the value is `0AAA-LLLLLLLL[-EXT]`. The area-code table is
//! the MIIT long-distance numbering plan as commonly published; an unknown
//! code is only a warning (tables go stale).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding, Severity};
use crate::ids::{char_error, flag, flag_with};
use crate::options::Options;
use crate::province::Province;
use crate::text::{self, Rules};

/// Area codes without the leading 0, as inclusive ranges with their
/// province (GB/T 2260 code): the first code, the last two digits of the
/// last one (a range never crosses a hundred), the province. Two-digit
/// codes: 10 and 20–29.
const AREAS: &[(u16, u8, u8)] = &[
    (10, 10, 11),
    (20, 20, 44),
    (21, 21, 31),
    (22, 22, 12),
    (23, 23, 50),
    (24, 24, 21),
    (25, 25, 32),
    (27, 27, 42),
    (28, 28, 51),
    (29, 29, 61),
    (310, 19, 13),
    (335, 35, 13),
    (349, 59, 14),
    (370, 79, 41),
    (391, 96, 41),
    (398, 98, 41),
    (410, 19, 21),
    (421, 21, 21),
    (427, 27, 21),
    (429, 29, 21),
    (431, 39, 22),
    (451, 59, 23),
    (464, 64, 23),
    (467, 69, 23),
    (470, 79, 15),
    (482, 83, 15),
    (510, 19, 32),
    (523, 23, 32),
    (527, 27, 32),
    (530, 39, 37),
    (543, 43, 37),
    (546, 46, 37),
    (550, 59, 34),
    (561, 66, 34),
    (570, 80, 33),
    (591, 99, 35),
    (631, 35, 37),
    (660, 60, 44),
    (662, 63, 44),
    (668, 68, 44),
    (691, 92, 53),
    (701, 1, 36),
    (710, 19, 42),
    (722, 22, 42),
    (724, 24, 42),
    (728, 28, 42),
    (730, 31, 43),
    (734, 39, 43),
    (743, 46, 43),
    (750, 60, 44),
    (762, 63, 44),
    (766, 66, 44),
    (768, 69, 44),
    (770, 79, 45),
    (790, 99, 36),
    (812, 13, 51),
    (816, 18, 51),
    (825, 39, 51),
    (851, 59, 52),
    (870, 79, 53),
    (883, 83, 53),
    (886, 88, 53),
    (891, 97, 54),
    (898, 98, 46),
    (901, 3, 65),
    (906, 6, 65),
    (908, 9, 65),
    (911, 17, 61),
    (919, 19, 61),
    (930, 39, 62),
    (941, 41, 62),
    (943, 43, 62),
    (951, 55, 64),
    (970, 79, 63),
    (990, 99, 65),
];

/// The province of an area code (digits after the 0), if known.
pub fn area_province(code: u16) -> Option<&'static Province> {
    AREAS
        .iter()
        .find(|(lo, hi, _)| *lo <= code && code <= lo - lo % 100 + u16::from(*hi))
        .and_then(|(_, _, p)| Province::by_code(*p))
}

/// Extension markers (after lower-casing). At one position at most one
/// matches, and `ext.` is covered by `ext` (the dot is no digit).
const EXT_MARKERS: [&[char]; 6] = [
    &['转'],
    &['分', '机'],
    &['e', 'x', 't'],
    &['x'],
    &['#'],
    &[','],
];

/// The length of the extension marker starting at `i`, if one does.
fn marker_at(chars: &[char], i: usize) -> Option<usize> {
    EXT_MARKERS
        .iter()
        .find(|m| chars.get(i..i + m.len()) == Some(m))
        .map(|m| m.len())
}

/// Checks a landline number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = text::trim(text::normalize(
        input,
        Rules {
            lower: true,
            ..Rules::default()
        },
    ));
    let mut r = FieldResult::new(n.as_string());
    let len = n.len();
    if len == 0 {
        if !opts.partial {
            flag(&mut r, Severity::Error, "landline.empty", None);
        }
        return r;
    }
    // Split off the extension at the first marker.
    let (mut main_end, mut ext_start) = (len, len);
    for i in 0..len {
        if let Some(k) = marker_at(&n.chars, i) {
            (main_end, ext_start) = (i, i + k);
            break;
        }
    }
    // The digits of the main part, and the digit groups the user typed
    // (their count, and the lengths of the first, second and last).
    let mut digits = String::new();
    let (mut groups, mut first, mut second, mut last) = (0, 0, 0, 0);
    let mut in_group = false;
    for (i, c) in n.chars.iter().take(main_end).enumerate() {
        if c.is_ascii_digit() {
            if !in_group {
                groups += 1;
                last = 0;
            }
            in_group = true;
            last += 1;
            digits.push(*c);
            match groups {
                1 => first = last,
                2 => second = last,
                _ => {}
            }
        } else if matches!(c, '-' | '(' | ')' | '+') || text::is_space(*c) {
            in_group = false;
        } else {
            r.push(char_error("landline.invalid_char", &n, i));
            return r;
        }
    }
    // Country code: after +86 or 0086 the area code loses its 0.
    let head = digits.get(..first).unwrap_or("");
    let double_zero = head.starts_with("0086");
    if groups > 0 && (n.at(0) == Some('+') || double_zero) {
        if !(double_zero || head.starts_with("86")) {
            flag(&mut r, Severity::Error, "landline.foreign", n.span(0, 3));
            return r;
        }
        let cc = if double_zero { 4 } else { 2 };
        let rest = digits.get(cc..).unwrap_or("");
        first -= cc;
        if first == 0 {
            groups -= 1;
            first = second;
        }
        // +86 and a mobile number: no area code to restore (checked below as a mobile).
        let mobile = rest.len() == 11 && rest.starts_with('1') && !rest.starts_with("10");
        digits = if rest.is_empty() || rest.starts_with('0') || mobile {
            String::from(rest)
        } else {
            first += 1;
            cat!('0', rest)
        };
    }
    let mut ext = String::new();
    for c in n.chars.get(ext_start..).unwrap_or(&[]) {
        if c.is_ascii_digit() {
            ext.push(*c);
        }
    }
    let dlen = digits.len();
    if !digits.starts_with('0') {
        let code = if dlen == 0 {
            (!opts.partial).then_some("landline.empty")
        } else if digits.starts_with('1') && dlen == 11 {
            Some("landline.mobile")
        } else if digits.starts_with("400") || digits.starts_with("800") || digits.starts_with("95")
        {
            Some("landline.service_number")
        } else {
            (!(opts.partial && dlen < 7)).then_some("landline.no_area_code")
        };
        if let Some(code) = code {
            flag(&mut r, Severity::Error, code, n.whole());
        }
        return r;
    }
    // The area code: the first group when the user separated it, else by
    // the numbering plan (010 and 02X have three digits, the rest four).
    let short_area = matches!(digits.as_bytes().get(1), Some(b'1' | b'2'));
    let area_len = if groups >= 2 && (3..=4).contains(&first) {
        first
    } else if dlen < 2 {
        return r;
    } else if short_area {
        3
    } else {
        4
    };
    if dlen < area_len {
        if !opts.partial {
            r.push(
                Finding::error("landline.too_short")
                    .param_n("length", dlen as i64)
                    .span(n.whole()),
            );
        }
        return r;
    }
    let area = digits.get(..area_len).unwrap_or("");
    let mut local = digits.get(area_len..).unwrap_or("");
    if (area_len == 3) != short_area || (area.starts_with("01") && area != "010") {
        flag_with(
            &mut r,
            Severity::Error,
            "landline.area_invalid",
            "area",
            area.into(),
            n.whole(),
        );
        return r;
    }
    // Local number lengths: 8 after a three-digit area code, else 7 or 8.
    let min = if area_len == 3 { 8 } else { 7 };
    // A third group is the extension when the number is complete without it.
    if ext_start == len && groups >= 3 {
        let without = local.len().saturating_sub(last);
        if (min..=8).contains(&without) {
            ext = String::from(local.get(without..).unwrap_or(""));
            local = local.get(..without).unwrap_or("");
        }
    }
    if matches!(local.as_bytes().first(), Some(b'0' | b'1')) {
        flag_with(
            &mut r,
            Severity::Error,
            "landline.local_prefix",
            "area",
            area.into(),
            n.whole(),
        );
        return r;
    }
    if !(min..=8).contains(&local.len()) {
        let short = local.len() < min;
        if !(opts.partial && short) {
            let code = if short {
                "landline.too_short"
            } else {
                "landline.too_long"
            };
            r.push(
                Finding::error(code)
                    .param_n("length", (local.len()) as i64)
                    .param("expected", if area_len == 3 { "8" } else { "7/8" })
                    .span(n.whole()),
            );
        }
        return r;
    }
    if ext.len() > 6 {
        flag(
            &mut r,
            Severity::Error,
            "landline.extension",
            n.span(ext_start.min(len), len),
        );
        return r;
    }
    let mut value = cat!(area, "-", local);
    if !ext.is_empty() {
        value.push('-');
        value.push_str(&ext);
    }
    r.value = value.clone();
    r.info_str("areaCode", area);
    let code: u16 = area
        .bytes()
        .skip(1)
        .fold(0, |acc, b| acc * 10 + u16::from(b - b'0'));
    match area_province(code) {
        Some(p) => {
            r.info_str("province", p.name);
            if let Some(want) = opts.province.filter(|w| w.code != p.code) {
                r.push(
                    Finding::warning("landline.other_province")
                        .param("area", area)
                        .param("province", p.name)
                        .param("expected", want.name)
                        .span(n.whole()),
                );
            }
        }
        None => flag_with(
            &mut r,
            Severity::Warning,
            "landline.area_unknown",
            "area",
            area.into(),
            n.whole(),
        ),
    }
    text::note_normalized(&mut r, input, &value);
    r
}
