//! Passport numbers, Chinese and foreign. ICAO Doc 9303 gives the number
//! field nine characters (letters and digits); Chinese ordinary passports
//! are `E` + 8 digits or `E` + letter + 7 digits (older: `G` + 8 digits).
//! Layouts vary by country, so only the character set is an error; a length
//! outside 5–9 is a warning.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{flag, only, run};
use crate::finding::{FieldResult, Severity};
use crate::options::Options;
use crate::text::Normalized;

/// Checks a passport number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    run(input, opts, judge)
}

fn judge(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    if !only(n, usize::MAX, false, r) {
        return;
    }
    let len = n.len();
    if len > 9 || (len < 5 && !opts.partial) {
        flag(r, Severity::Warning, "passport.length", n.whole());
    }
}
