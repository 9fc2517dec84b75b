//! Mainland China mobile numbers: 11 digits, `1[3-9]…` (rules.md §4.2).
//!
//! Tolerates what people paste — `+86`/`0086`/`86`, spaces, hyphens,
//! parentheses, full-width digits — and offers the bare number as the fix.
//! The allocated-segment table goes stale as MIIT opens new ranges (the
//! landscape's validator.js history), so an unknown segment is only a warning.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding, Severity};
use crate::ids::{char_error, digits_value, flag};
use crate::options::Options;
use crate::text::{self, Rules};

/// Which operator a three-digit segment belongs to (`info.carrier`), and
/// whether it is a data/IoT-card segment that may not receive the filing SMS.
fn segment(prefix: u32) -> Option<(&'static str, bool)> {
    Some(match prefix {
        134..=139 | 150..=152 | 157..=159 | 172 | 178 | 182..=184 | 187 | 188 | 195 | 197 | 198 => {
            ("mobile", false)
        }
        130..=132 | 155 | 156 | 166 | 175 | 176 | 185 | 186 | 196 => ("unicom", false),
        133 | 153 | 173 | 177 | 180 | 181 | 189 | 190 | 191 | 193 | 199 => ("telecom", false),
        192 => ("broadnet", false),
        162 | 165 | 167 | 170 | 171 => ("mvno", false),
        174 => ("satellite", false),
        147 | 148 => ("mobile", true),
        145 | 146 => ("unicom", true),
        149 => ("telecom", true),
        140 | 141 | 144 => ("iot", true),
        _ => return None,
    })
}

/// Checks a mobile number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = text::normalize(
        input,
        Rules {
            drop_spaces: true,
            drop: &['-', '(', ')'],
            ..Rules::default()
        },
    );
    let all = n.as_string();
    // Country code: +86, 0086, or a bare 86 in front of an 11-digit number —
    // every one in front (`+86 +86 138…` pasted twice), so that the value
    // normalises to itself (fuzzing found the second one left behind).
    let mut skip = 0;
    loop {
        let rest = all.get(skip..).unwrap_or("");
        skip += if rest.starts_with("+86") {
            3
        } else if rest.starts_with("0086") {
            4
        } else if rest.starts_with("86") && n.len() == skip + 13 && rest.get(2..3) == Some("1") {
            2
        } else {
            break;
        };
    }
    let body = n.chars.get(skip..).unwrap_or(&[]);
    let digits: String = body.iter().collect();
    let mut r = FieldResult::new(digits.clone());

    if n.is_empty() {
        if !opts.partial {
            flag(&mut r, Severity::Error, "mobile.empty", None);
        }
        return r;
    }
    if skip == 0 && all.starts_with('+') && !(opts.partial && all.len() < 3) {
        flag(
            &mut r,
            Severity::Error,
            "mobile.foreign",
            n.span(0, n.len().min(4)),
        );
        return r;
    }
    if let Some(i) = body.iter().position(|c| !c.is_ascii_digit()) {
        r.push(char_error("mobile.invalid_char", &n, skip + i));
        return r;
    }
    let len = body.len();
    // 1, then 3–9: the error spans the first digit that breaks it.
    let bad_prefix = if body.first().is_some_and(|c| *c != '1') {
        1
    } else if body.get(1).is_some_and(|c| !('3'..='9').contains(c)) {
        2
    } else {
        0
    };
    if bad_prefix > 0 {
        flag(
            &mut r,
            Severity::Error,
            "mobile.prefix",
            n.span(skip, skip + bad_prefix),
        );
        return r;
    }
    if len != 11 {
        if len > 11 || !opts.partial {
            let (code, span) = if len > 11 {
                ("mobile.too_long", n.span(skip + 11, n.len()))
            } else {
                ("mobile.too_short", n.whole())
            };
            r.push(
                Finding::error(code)
                    .param_n("length", len as i64)
                    .span(span),
            );
        }
        return r;
    }
    let prefix = digits_value(body.get(..3).unwrap_or(&[])).unwrap_or(0);
    let segment = if digits.starts_with("1349") {
        Some(("satellite", false))
    } else {
        segment(prefix)
    };
    let warning = match segment {
        Some((carrier, data_only)) => {
            r.info_str("carrier", carrier);
            data_only.then_some("mobile.data_segment")
        }
        None => Some("mobile.segment_unknown"),
    };
    if let Some(code) = warning {
        r.push(
            Finding::warning(code)
                .param_n("prefix", prefix as i64)
                .span(n.span(skip, skip + 3)),
        );
    }
    text::note_normalized(&mut r, input, &digits);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn opts() -> Options {
        Options::on(Date {
            year: 2026,
            month: 11,
            day: 27,
        })
    }

    fn codes(v: &str) -> Vec<String> {
        check(v, &opts())
            .findings
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn accepts_pasted_forms() {
        for v in [
            "13800138000",
            "+86 138 0013 8000",
            "0086-138-0013-8000",
            "86 13800138000",
            "(+86)138 0013 8000",
            "１３８００１３８０００",
        ] {
            let r = check(v, &opts());
            assert!(r.ok(), "{v}: {:?}", r.findings);
            assert_eq!(r.value, "13800138000");
        }
    }

    #[test]
    fn fix_is_the_bare_number() {
        let r = check("+86 138 0013 8000", &opts());
        assert_eq!(
            r.findings.first().and_then(|f| f.fix.as_deref()),
            Some("13800138000")
        );
    }

    #[test]
    fn errors() {
        assert_eq!(codes("1380013800"), ["mobile.too_short"]);
        assert_eq!(codes("138001380001"), ["mobile.too_long"]);
        assert_eq!(codes("12800138000"), ["mobile.prefix"]);
        assert_eq!(codes("23800138000"), ["mobile.prefix"]);
        assert_eq!(codes("1380013800a"), ["mobile.invalid_char"]);
        assert_eq!(codes("+852 6123 4567"), ["mobile.foreign"]);
        assert_eq!(codes(""), ["mobile.empty"]);
        assert_eq!(codes("15400138000"), ["mobile.segment_unknown"]);
    }

    #[test]
    fn partial_input_waits() {
        let mut o = opts();
        o.partial = true;
        assert!(check("138", &o).findings.is_empty());
        assert!(check("", &o).findings.is_empty());
        assert!(!check("12", &o).ok());
    }

    #[test]
    fn span_points_at_the_bad_char() {
        let r = check("138 0013 80x0", &opts());
        assert_eq!(r.findings[0].span, Some((11, 12)));
    }
}
