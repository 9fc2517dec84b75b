//! Identity and organisation numbers: one file per document
//! (resident ID, residence permits, foreigner permanent-residence ID,
//! travel permits, passports, USCC, organisation code, registration number).
//!
//! Shared here: the normalisation every number uses and the finding codes
//! several documents share (`number.*`).

#[allow(unused_imports)]
use crate::rt::prelude::*;

pub mod business_reg;
pub mod credit_code;
pub mod foreign_permanent_id;
pub mod hmt_permit;
pub mod org_code;
pub mod passport;
pub mod resident_id;
pub mod travel_permit;

use crate::finding::{FieldResult, Finding};
use crate::options::Options;
use crate::text::{self, Normalized, Rules};

/// Spaces (also full-width and invisible ones) dropped, full-width folded,
/// letters upper-cased: the formatting every certificate number tolerates.
pub(crate) fn normalize(input: &str) -> Normalized {
    text::normalize(
        input,
        Rules {
            drop_spaces: true,
            upper: true,
            ..Rules::default()
        },
    )
}

/// `number.empty` unless typing; true when the value was empty.
pub(crate) fn empty(n: &Normalized, opts: &Options, r: &mut FieldResult) -> bool {
    if n.is_empty() {
        if !opts.partial {
            r.push(Finding::error("number.empty"));
        }
        return true;
    }
    false
}

/// Length findings against an exact `want`; true when the length is wrong
/// (too short while typing is not wrong).
pub(crate) fn length(n: &Normalized, want: usize, opts: &Options, r: &mut FieldResult) -> bool {
    let len = n.len();
    if len > want {
        r.push(
            Finding::error("number.too_long")
                .param_n("length", len as i64)
                .param_n("expected", want as i64)
                .span(n.span(want, len)),
        );
        return true;
    }
    if len < want {
        if !opts.partial {
            r.push(
                Finding::error("number.too_short")
                    .param_n("length", len as i64)
                    .param_n("expected", want as i64)
                    .span(n.whole()),
            );
        }
        return true;
    }
    false
}

/// A character-class finding at normalised position `i`.
pub(crate) fn bad_char(code: &str, n: &Normalized, i: usize) -> Finding {
    Finding::error(code)
        .param("char", n.at(i).map(String::from).unwrap_or_default())
        .param_n("position", (i + 1) as i64)
        .span(n.span(i, i + 1))
}

/// A check-character mismatch: names the expected character and never
/// offers it as a fix (the slip is usually elsewhere).
pub(crate) fn checksum(n: &Normalized, i: usize, expected: char) -> Finding {
    Finding::error("number.checksum")
        .param("expected", expected.to_string())
        .param_n("position", (i + 1) as i64)
        .span(n.span(i, i + 1))
}

/// The shared formatting fix once the value is otherwise fine.
pub(crate) fn finish(mut r: FieldResult, input: &str) -> FieldResult {
    if r.ok() {
        let value = r.value.clone();
        text::note_normalized(&mut r, input, &value);
    }
    r
}

/// Decimal value of ASCII digits (None on any non-digit).
pub(crate) fn digits_value(chars: &[char]) -> Option<u32> {
    chars.iter().try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(c.to_digit(10)?)
    })
}
