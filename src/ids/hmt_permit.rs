//! 港澳台居民居住证 (2018): a GB 11643 number whose region code is 810000
//! (Hong Kong), 820000 (Macao) or 830000 (Taiwan), for holders of any birth
//! year — python-stdnum and validator.js reject these.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::resident_id::{check18, permit_info, permit_origin, person_info};
use super::{flag, run};
use crate::finding::{FieldResult, Severity};
use crate::options::Options;
use crate::text::Normalized;

/// Checks a residence-permit number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    run(input, opts, judge)
}

fn judge(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    // 810000, 820000 or 830000, as far as typed.
    for (i, c) in n.chars.iter().take(6).enumerate() {
        let ok = match i {
            0 => *c == '8',
            1 => ('1'..='3').contains(c),
            _ => *c == '0',
        };
        if !ok {
            flag(
                r,
                Severity::Error,
                "hmt_permit.prefix",
                n.span(0, n.len().min(6)),
            );
            return;
        }
    }
    let Some(birth) = check18(n, opts, r) else {
        return;
    };
    person_info(n, birth, opts, r);
    if let Some(permit) = permit_origin(n.chars.get(..6).unwrap_or(&[])) {
        permit_info(permit, r);
    }
}
