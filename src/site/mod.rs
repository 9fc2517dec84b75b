//! The website side of a filing: domains, website names, ICP and 公网安备
//! numbers, server IPs, and the footer check.

#[allow(unused_imports)]
use crate::rt::prelude::*;

pub mod domain;
pub mod filing_number;
pub mod footer;
pub mod html;
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
