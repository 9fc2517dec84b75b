//! The website side of a filing: domains, website names, ICP and 公网安备
//! numbers, server IPs, and the footer check.

#[allow(unused_imports)]
use crate::rt::prelude::*;

pub mod domain;
pub mod filing_number;
pub mod footer;
pub mod html;
#[cfg(feature = "idna")]
pub mod idna;
pub mod ip;
pub mod psb_number;
pub mod punycode;
pub mod website_name;

use crate::finding::Finding;

/// An error whose certain fix is `value`, also quoted in the param `name`
/// (one out-of-line builder for the many "submit it as …" findings).
#[inline(never)]
pub(crate) fn fixed(
    code: &str,
    name: &'static str,
    value: &str,
    span: Option<(u32, u32)>,
) -> Finding {
    Finding::error(code)
        .param(name, value)
        .fix(value)
        .span(span)
}

/// Adds the error `code` at `span` to `r` (one out-of-line builder for
/// the many findings without params).
#[inline(never)]
pub(crate) fn flag(r: &mut crate::finding::FieldResult, code: &str, span: Option<(u32, u32)>) {
    r.push(Finding::error(code).span(span));
}

/// The value of a number written in `radix` digits, as `str::parse` reads
/// it (one leading `+` allowed); `None` when empty, not a number or over
/// `u32`. One small loop instead of core's parser for each integer type.
pub(crate) fn number(s: &str, radix: u32) -> Option<u32> {
    let digits = match s.strip_prefix('+') {
        Some(rest) if !rest.is_empty() => rest,
        _ => s,
    };
    if digits.is_empty() {
        return None;
    }
    let mut v: u32 = 0;
    for b in digits.bytes() {
        v = v
            .checked_mul(radix)?
            .checked_add(char::from(b).to_digit(radix)?)?;
    }
    Some(v)
}

/// True when nothing is left of the value after normalisation; then `r`
/// gets the empty-value error `code`, unless the value is still being typed.
#[inline(never)]
pub(crate) fn empty(
    r: &mut crate::finding::FieldResult,
    n: &crate::text::Normalized,
    opts: &crate::options::Options,
    code: &str,
) -> bool {
    if !n.is_empty() {
        return false;
    }
    if !opts.partial {
        r.push(Finding::error(code));
    }
    true
}

/// The hyphen rules of a domain label (UTS #46 V2, V3; RFC 5891 4.2.3.1),
/// the same in every build: `--` in the third and fourth places is
/// reserved for `xn--` labels, and a label neither starts nor ends with `-`.
pub(crate) fn hyphen_fault(label: &[char]) -> Option<&'static str> {
    if label.get(2) == Some(&'-') && label.get(3) == Some(&'-') {
        Some("domain.hyphen_reserved")
    } else if label.first() == Some(&'-') || label.last() == Some(&'-') {
        Some("domain.hyphen")
    } else {
        None
    }
}

/// True when a label (its Unicode form) is decided without the IDNA
/// tables: ASCII lower-case letters, digits and `-` with CJK unified
/// ideographs (U+3400–U+4DBF, U+4E00–U+9FFF). These are all valid by
/// UTS #46, of bidi class L, and Han with Latin is no mixed script by
/// UTS #39, so both builds give the same result (tested over every such
/// character in site/idna.rs); the fields module gives no pending warning
/// for `例子.中国`.
#[cfg(any(test, not(feature = "idna")))]
pub(crate) fn plain_label(label: &[char]) -> bool {
    label
        .iter()
        .all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
}

/// Without the IDNA checks (the fields module), the checks a domain label
/// (`written`, ASCII in lower case) gets: the hyphen rules, and an `xn--`
/// label must decode to a non-ASCII label. Its Unicode form, or the error
/// code (`domain.punycode` for a bad `xn--` label).
#[cfg(not(feature = "idna"))]
pub(crate) fn unchecked_label(written: &str) -> Result<Vec<char>, &'static str> {
    let xn = written.starts_with("xn--");
    let unicode: Vec<char> = if xn {
        punycode::to_unicode_label(written)
            .filter(|u| !u.is_ascii())
            .map(|u| u.chars().collect())
            .unwrap_or_default()
    } else {
        written.chars().collect()
    };
    match hyphen_fault(&unicode) {
        _ if unicode.is_empty() => Err("domain.punycode"),
        Some(_) if xn => Err("domain.punycode"),
        Some(code) => Err(code),
        None => Ok(unicode),
    }
}

/// The pending warning of a build without the IDNA checks (the fields
/// module), once per name (`seen`), for a label (`written`, Unicode form
/// `unicode`) [`plain_label`] cannot decide: the full build checks it
/// (docs/domains.md), and the widget loads it on this code.
#[cfg(not(feature = "idna"))]
pub(crate) fn idn_unchecked(
    r: &mut crate::finding::FieldResult,
    seen: &mut bool,
    unicode: &[char],
    written: &str,
    span: Option<(u32, u32)>,
) {
    if !plain_label(unicode) && !*seen {
        *seen = true;
        r.push(
            Finding::warning("domain.idn_unchecked")
                .param("label", written)
                .span(span),
        );
    }
}
