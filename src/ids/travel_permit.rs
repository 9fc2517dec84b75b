//! 港澳居民来往内地通行证 (`H`/`M` + 8 digits, older cards + 10 digits) and
//! 台湾居民来往大陆通行证 (8 digits since 2015; older booklets 10 digits,
//! sometimes with a letter). These layouts come from third-party code only
//! (rules.md §4.2, UNCONFIRMED), so a layout mismatch is a warning; only a
//! character no permit number has is an error.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{flag, only, run};
use crate::finding::{FieldResult, Severity};
use crate::options::Options;
use crate::text::Normalized;

/// Checks a Home Return Permit (港澳居民来往内地通行证) number.
pub fn check_hk_macao(input: &str, opts: &Options) -> FieldResult {
    run(input, opts, hk_macao)
}

fn hk_macao(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    if !only(n, usize::MAX, false, r) {
        return;
    }
    let origin = match n.at(0) {
        Some('H') => "hk",
        Some('M') => "mo",
        _ => {
            // The H/M layout is UNCONFIRMED (rules.md §4.2): a warning.
            flag(r, Severity::Warning, "hk_macao_permit.prefix", n.span(0, 1));
            return;
        }
    };
    let digits = n.chars.get(1..).unwrap_or(&[]);
    let all_digits = digits.iter().all(char::is_ascii_digit);
    let typing = opts.partial && digits.len() < 10 && all_digits;
    if !(typing || all_digits && matches!(digits.len(), 8 | 10)) {
        flag(r, Severity::Warning, "hk_macao_permit.format", n.whole());
    }
    r.info_str("origin", origin);
}

/// Checks a Taiwan Compatriot Permit (台湾居民来往大陆通行证) number.
pub fn check_taiwan(input: &str, opts: &Options) -> FieldResult {
    run(input, opts, taiwan)
}

fn taiwan(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    if !only(n, usize::MAX, false, r) {
        return;
    }
    let c = &n.chars;
    let digits = c.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = c.len() - digits;
    let typing = opts.partial && rest == 0 && digits < 8;
    if digits == 8 && rest == 0 || typing {
        // the current card
    } else if digits == 10 && rest <= 1 {
        flag(r, Severity::Warning, "taiwan_permit.old", n.whole());
    } else {
        flag(r, Severity::Warning, "taiwan_permit.format", n.whole());
    }
}
