//! The website side of a filing: domains, website names, ICP and 公网安备
//! numbers, server IPs, and the footer check.

#[allow(unused_imports)]
use crate::rt::prelude::*;

pub mod domain;
pub mod filing_number;
pub mod footer;
pub mod html;
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
