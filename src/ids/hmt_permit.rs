//! 港澳台居民居住证 (2018): a GB 11643 number whose region code is 810000
//! (Hong Kong), 820000 (Macao) or 830000 (Taiwan), for holders of any birth
//! year — python-stdnum and validator.js reject these.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::resident_id::{check18, permit_info, permit_origin, person_info};
use super::{finish, start};
use crate::finding::{FieldResult, Finding};
use crate::options::Options;

const PREFIXES: [&str; 3] = ["810000", "820000", "830000"];

/// Checks a residence-permit number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let (n, mut r) = start(input, opts);
    if n.is_empty() {
        return r;
    }
    let typed: String = n.chars.iter().take(6).collect();
    if !PREFIXES.iter().any(|p| p.starts_with(&typed)) {
        r.push(Finding::error("hmt_permit.prefix").span(n.span(0, typed.chars().count())));
        return r;
    }
    let Some(birth) = check18(&n, opts, &mut r) else {
        return finish(r, input);
    };
    person_info(&n, birth, opts, &mut r);
    if let Some((origin, province)) = permit_origin(n.chars.get(..6).unwrap_or(&[])) {
        permit_info(origin, province, &typed, &mut r);
    }
    finish(r, input)
}
