//! 工商注册号 (registration number before the 2015 switch to USCC): 15
//! digits, the first six the registering authority's region code, the last
//! an ISO 7064 MOD 11,10 check digit (GS 15-2006).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{checksum, finish, flag, length, only, start};
use crate::finding::{FieldResult, Severity};
use crate::options::Options;
use crate::province::Province;

/// The ISO 7064 MOD 11,10 check digit of the first 14 digits.
pub fn check_digit(first14: &[char]) -> Option<char> {
    if first14.len() != 14 {
        return None;
    }
    let mut p = 10u32;
    for c in first14 {
        let s = (p + c.to_digit(10)?) % 10;
        p = (if s == 0 { 10 } else { s }) * 2 % 11;
    }
    char::from_digit((11 - p) % 10, 10)
}

/// Checks a 15-digit registration number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let (n, mut r) = start(input, opts);
    if n.is_empty() {
        return r;
    }
    if !only(&n, 15, true, &mut r) {
        return r;
    }
    if length(&n, 15, opts, &mut r) {
        if n.len() == 18 {
            flag(&mut r, Severity::Info, "business_reg.looks_like_uscc", None);
        }
        return r;
    }
    checksum(
        &n,
        14,
        check_digit(n.chars.get(..14).unwrap_or(&[])),
        &mut r,
    );
    let code = super::digits_value(n.chars.get(..2).unwrap_or(&[])).unwrap_or(0);
    if code != 10 && Province::by_code(code as u8).is_none() {
        flag(
            &mut r,
            Severity::Warning,
            "business_reg.province",
            n.span(0, 2),
        );
    }
    finish(r, input)
}
