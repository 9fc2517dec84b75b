//! 公安联网备案 numbers (`psbNumber`, rules.md §1.5):
//! `<省>公网安备<14 digits>号`. Digits 1–6 are the GB/T 2260 code of the
//! filing police bureau, so the first two must be the prefix's province
//! (川/蜀 51, 贵/黔 52, 云/滇 53, 甘/陇 62, …). Old 12-digit numbers exist
//! and are only a warning.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding};
use crate::options::Options;
use crate::province::Province;
use crate::site::{empty, fixed, flag, number};
use crate::text::{self, Normalized, Rules};

const KEYWORD: [char; 4] = ['公', '网', '安', '备'];

/// A parsed 公网安备 number.
#[derive(Clone, Debug, PartialEq)]
pub struct PsbNumber {
    /// The province character as written.
    pub province: char,
    /// The digits (14, or 12 in the old form).
    pub digits: String,
}

impl PsbNumber {
    /// The canonical written form.
    pub fn canonical(&self) -> String {
        cat!(self.province, "公网安备", self.digits, "号")
    }
}

fn normalized(input: &str) -> Normalized {
    text::normalize(
        input,
        Rules {
            drop_spaces: true,
            ..Rules::default()
        },
    )
}

/// Parses a number written anywhere: `None` unless well-formed.
pub fn parse_str(s: &str) -> Option<PsbNumber> {
    let n = normalized(s);
    let (p, rest) = n.chars.split_first()?;
    let rest = rest.strip_prefix(&KEYWORD[..])?;
    let (hao, digits) = rest.split_last()?;
    if *hao != '号'
        || !(digits.len() == 14 || digits.len() == 12)
        || !digits.iter().all(char::is_ascii_digit)
    {
        return None;
    }
    Some(PsbNumber {
        province: *p,
        digits: digits.iter().collect(),
    })
}

/// Checks a 公网安备 number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = normalized(input);
    let mut r = FieldResult::new(n.as_string());
    if !empty(&mut r, &n, opts, "psb.empty") {
        check_number(input, opts, &n, &mut r);
    }
    r
}

/// The findings on a non-empty number (`r` and `n` belong to the caller,
/// so the early returns here have little to drop).
fn check_number(input: &str, opts: &Options, n: &Normalized, r: &mut FieldResult) {
    let chars = n.chars.as_slice();
    let kw_at = (0..n.len()).find(|&i| chars.get(i..i + 4) == Some(&KEYWORD[..]));
    let Some(kw) = kw_at else {
        // Still typing "X公网安备"?
        let typed = chars.get(1..).unwrap_or(&[]);
        let possible =
            n.at(0).is_some_and(|c| !c.is_ascii()) && typed.len() < 4 && KEYWORD.starts_with(typed);
        if !(opts.partial && possible) {
            flag(r, "psb.format", n.whole());
        }
        return;
    };
    let province = match kw {
        1 => n.at(0).and_then(|c| Province::by_abbr(c).map(|p| (c, p))),
        _ => None,
    };
    let Some((pchar, prov)) = province else {
        let code = if kw == 0 {
            "psb.province_missing"
        } else {
            "psb.province_invalid"
        };
        let prefix: String = chars.get(..kw).unwrap_or(&[]).iter().collect();
        r.push(
            Finding::error(code)
                .param("char", prefix)
                .span(n.span(0, kw)),
        );
        return;
    };
    let start = kw + 4;
    let body = chars.get(start..).unwrap_or(&[]);
    let count = body.iter().take_while(|c| c.is_ascii_digit()).count();
    let after = start + count;
    let hao = n.at(after) == Some('号');
    if let Some(bad) = body.get(count).filter(|c| **c != '号') {
        r.push(
            Finding::error("psb.invalid_char")
                .param("char", *bad)
                .span(n.span(after, after + 1)),
        );
        return;
    }
    if hao && after + 1 < n.len() {
        r.push(Finding::error("psb.trailing").span(n.span(after + 1, n.len())));
        return;
    }
    if count != 14 && count != 12 {
        if !(opts.partial && !hao && count < 14) {
            r.push(
                Finding::error("psb.length")
                    .param_n("length", count as i64)
                    .span(n.span(start, after.max(start + 1))),
            );
        }
        return;
    }
    let digits: String = body.get(..count).unwrap_or(&[]).iter().collect();
    let canonical = cat!(pchar, "公网安备", digits, "号");
    r.value = canonical.clone();
    if !hao {
        if opts.partial && count == 12 {
            return;
        }
        r.push(fixed(
            "psb.missing_hao",
            "value",
            &canonical,
            n.span(after.saturating_sub(1), after),
        ));
    }
    let region = digits.get(..2).unwrap_or("");
    let code = number(region, 10).unwrap_or(0);
    if code != u32::from(prov.code) {
        let named = Province::by_code(code as u8).map_or("—", |p| p.name);
        r.push(
            Finding::error("psb.province_code")
                .param("char", pchar)
                .param("code", region)
                .param_n("expected", prov.code as i64)
                .param("named", named)
                .span(n.span(start, start + 2)),
        );
    }
    if count == 12 {
        r.push(Finding::warning("psb.old_format").span(n.span(start, after)));
    }
    r.info_str("province", prov.name);
    r.info_str("regionCode", digits.get(..6).unwrap_or(""));
    if hao {
        text::note_normalized(r, input, &canonical);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_str_accepts_spaced_numbers() {
        assert_eq!(
            parse_str("川公网安备 51010702001250号").map(|p| p.digits),
            Some("51010702001250".to_string())
        );
        assert_eq!(parse_str("川公网安备51010702001250"), None);
    }
}
