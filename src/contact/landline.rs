//! Fixed-line numbers (`landline`): area code + 7–8 digit local number +
//! optional extension. Tolerates `+86`, brackets, spaces, hyphens,
//! full-width digits and the extension written `转`, `ext`, `x`, `#` or as a
//! third group; the value is `0AAA-LLLLLLLL[-EXT]`. The area-code table is
//! the MIIT long-distance numbering plan as commonly published; an unknown
//! code is only a warning (tables go stale).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding};
use crate::options::Options;
use crate::province::Province;
use crate::text::{self, Rules};

/// Area codes without the leading 0, as inclusive ranges with their
/// province (GB/T 2260 code). Two-digit codes: 10 and 20–29.
const AREAS: &[(u16, u16, u8)] = &[
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
    (310, 319, 13),
    (335, 335, 13),
    (349, 359, 14),
    (370, 379, 41),
    (391, 396, 41),
    (398, 398, 41),
    (410, 419, 21),
    (421, 421, 21),
    (427, 427, 21),
    (429, 429, 21),
    (431, 439, 22),
    (451, 459, 23),
    (464, 464, 23),
    (467, 469, 23),
    (470, 479, 15),
    (482, 483, 15),
    (510, 519, 32),
    (523, 523, 32),
    (527, 527, 32),
    (530, 539, 37),
    (543, 543, 37),
    (546, 546, 37),
    (550, 559, 34),
    (561, 566, 34),
    (570, 580, 33),
    (591, 599, 35),
    (631, 635, 37),
    (660, 660, 44),
    (662, 663, 44),
    (668, 668, 44),
    (691, 692, 53),
    (701, 701, 36),
    (710, 719, 42),
    (722, 722, 42),
    (724, 724, 42),
    (728, 728, 42),
    (730, 731, 43),
    (734, 739, 43),
    (743, 746, 43),
    (750, 760, 44),
    (762, 763, 44),
    (766, 766, 44),
    (768, 769, 44),
    (770, 779, 45),
    (790, 799, 36),
    (812, 813, 51),
    (816, 818, 51),
    (825, 839, 51),
    (851, 859, 52),
    (870, 879, 53),
    (883, 883, 53),
    (886, 888, 53),
    (891, 897, 54),
    (898, 898, 46),
    (901, 903, 65),
    (906, 906, 65),
    (908, 909, 65),
    (911, 917, 61),
    (919, 919, 61),
    (930, 939, 62),
    (941, 941, 62),
    (943, 943, 62),
    (951, 955, 64),
    (970, 979, 63),
    (990, 999, 65),
];

/// The province of an area code (digits after the 0), if known.
pub fn area_province(code: u16) -> Option<&'static Province> {
    AREAS
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
        .and_then(|(_, _, p)| Province::by_code(*p))
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
    let all = n.as_string();
    let mut r = FieldResult::new(all.clone());
    if n.is_empty() {
        if !opts.partial {
            r.push(Finding::error("landline.empty"));
        }
        return r;
    }
    // Split off the extension.
    let markers = ["转", "分机", "ext.", "ext", "x", "#", ","];
    let (main_end, ext_start) = markers
        .iter()
        .filter_map(|m| {
            let m: Vec<char> = m.chars().collect();
            (0..n.len())
                .find(|&i| n.chars.get(i..i + m.len()) == Some(&m[..]))
                .map(|i| (i, i + m.len()))
        })
        .min()
        .unwrap_or((n.len(), n.len()));
    let main = n.chars.get(..main_end).unwrap_or(&[]);
    // Groups of digits in the main part, with their char positions.
    let mut groups: Vec<(usize, String)> = Vec::new();
    let plus = main.first() == Some(&'+');
    for (i, c) in main.iter().enumerate() {
        if c.is_ascii_digit() {
            match groups.last_mut() {
                Some((start, g)) if *start + g.len() == i => g.push(*c),
                _ => groups.push((i, c.to_string())),
            }
        } else if !(matches!(c, '-' | '(' | ')' | '+') || text::is_space(*c)) {
            r.push(
                Finding::error("landline.invalid_char")
                    .param("char", c.to_string())
                    .span(n.span(i, i + 1)),
            );
            return r;
        }
    }
    // Country code.
    if let Some((_, g)) = groups.first_mut() {
        if plus || g.starts_with("0086") {
            let cc = if g.starts_with("0086") { 4 } else { 2 };
            if !(g.starts_with("86") || g.starts_with("0086")) {
                r.push(Finding::error("landline.foreign").span(n.span(0, 3)));
                return r;
            }
            g.replace_range(..cc, "");
            if g.is_empty() {
                groups.remove(0);
            }
            // After +86 the area code loses its 0.
            match groups.first_mut() {
                Some((_, g)) if !g.starts_with('0') => g.insert(0, '0'),
                _ => {}
            }
        }
    }
    let mut ext: String = n
        .chars
        .get(ext_start..)
        .unwrap_or(&[])
        .iter()
        .filter(|c| c.is_ascii_digit())
        .collect();
    let digits: String = groups.iter().map(|(_, g)| g.as_str()).collect();
    if digits.is_empty() {
        if !opts.partial {
            r.push(Finding::error("landline.empty").span(n.whole()));
        }
        return r;
    }
    if digits.starts_with('1') && digits.len() == 11 {
        r.push(Finding::error("landline.mobile").span(n.whole()));
        return r;
    }
    if digits.starts_with("400") || digits.starts_with("800") || digits.starts_with("95") {
        r.push(Finding::error("landline.service_number").span(n.whole()));
        return r;
    }
    if !digits.starts_with('0') {
        if !(opts.partial && digits.len() < 7) {
            r.push(Finding::error("landline.no_area_code").span(n.whole()));
        }
        return r;
    }
    // The area code: the first group when the user separated it, else by
    // the numbering plan (010 and 02X have three digits, the rest four).
    let first = groups.first().map(|(_, g)| g.clone()).unwrap_or_default();
    let area_len = if groups.len() >= 2 && (3..=4).contains(&first.len()) {
        first.len()
    } else {
        match digits.get(1..2) {
            Some("1" | "2") => 3,
            Some(_) => 4,
            None => return r,
        }
    };
    if digits.len() < area_len {
        if !opts.partial {
            r.push(
                Finding::error("landline.too_short")
                    .param_n("length", (digits.len()) as i64)
                    .span(n.whole()),
            );
        }
        return r;
    }
    let area = digits.get(..area_len).unwrap_or("").to_string();
    let short_area = matches!(area.get(1..2), Some("1" | "2"));
    if (area_len == 3) != short_area || (area.starts_with("01") && area != "010") {
        r.push(
            Finding::error("landline.area_invalid")
                .param("area", area.clone())
                .span(n.whole()),
        );
        return r;
    }
    let want: &[usize] = if area_len == 3 { &[8] } else { &[7, 8] };
    // A third group is the extension when the number is complete without it.
    let mut local = digits.get(area_len..).unwrap_or("").to_string();
    if ext_start == n.len() && groups.len() >= 3 {
        if let Some((_, last)) = groups.last() {
            let without = local.len().saturating_sub(last.len());
            if want.contains(&without) {
                ext = last.clone();
                local.truncate(without);
            }
        }
    }
    let area = area.as_str();
    let local = local.as_str();
    let code: u16 = area.get(1..).and_then(|a| a.parse().ok()).unwrap_or(0);
    let province = area_province(code);
    if local.starts_with(['0', '1']) {
        r.push(
            Finding::error("landline.local_prefix")
                .param("area", area)
                .span(n.whole()),
        );
        return r;
    }
    if !want.contains(&local.len()) {
        let short = local.len() < *want.first().unwrap_or(&7);
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
        r.push(Finding::error("landline.extension").span(n.span(ext_start.min(n.len()), n.len())));
        return r;
    }
    let mut value = cat!(area, "-", local);
    if !ext.is_empty() {
        value.push('-');
        value.push_str(&ext);
    }
    r.value = value.clone();
    r.info_str("areaCode", area);
    match province {
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
        None => r.push(
            Finding::warning("landline.area_unknown")
                .param("area", area)
                .span(n.whole()),
        ),
    }
    text::note_normalized(&mut r, input, &value);
    r
}
