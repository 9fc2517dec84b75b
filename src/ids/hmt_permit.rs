//! 港澳台居民居住证 (2018): a GB 11643 number whose region code is 810000
//! (Hong Kong), 820000 (Macao) or 830000 (Taiwan), for holders of any birth
//! year — python-stdnum and validator.js reject these.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::resident_id::{check18, permit_info, permit_origin, person_info};
use super::{finish, start};
use crate::finding::{FieldResult, Finding};
use crate::options::Options;

/// Checks a residence-permit number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let (n, mut r) = start(input, opts);
    if n.is_empty() {
        return r;
    }
    // 810000, 820000 or 830000, as far as typed.
    for (i, c) in n.chars.iter().take(6).enumerate() {
        let ok = match i {
            0 => *c == '8',
            1 => ('1'..='3').contains(c),
            _ => *c == '0',
        };
        if !ok {
            r.push(Finding::error("hmt_permit.prefix").span(n.span(0, n.len().min(6))));
            return r;
        }
    }
    let Some(birth) = check18(&n, opts, &mut r) else {
        return finish(r, input);
    };
    person_info(&n, birth, opts, &mut r);
    if let Some(permit) = permit_origin(n.chars.get(..6).unwrap_or(&[])) {
        permit_info(permit, &mut r);
    }
    finish(r, input)
}
