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

use crate::finding::{FieldResult, Finding, Severity};
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

/// Normalises `input` and starts its result; an empty value gets
/// `number.empty` unless typing (and nothing more: callers stop there).
pub(crate) fn start(input: &str, opts: &Options) -> (Normalized, FieldResult) {
    let n = normalize(input);
    let mut r = FieldResult::new(n.as_string());
    if n.is_empty() && !opts.partial {
        flag(&mut r, Severity::Error, "number.empty", None);
    }
    (n, r)
}

/// The shape of most number checks: normalise, stop at an empty value
/// (`number.empty` unless typing), else let `judge` look at the characters,
/// then [`finish`] (which adds nothing after an error, so `judge` simply
/// returns at its first one). One copy of this frame instead of one per kind.
#[inline(never)]
pub(crate) fn run(
    input: &str,
    opts: &Options,
    judge: fn(&Normalized, &Options, &mut FieldResult),
) -> FieldResult {
    let (n, mut r) = start(input, opts);
    if !n.is_empty() {
        judge(&n, opts, &mut r);
    }
    finish(r, input)
}

/// Length findings against an exact `want`; true when the length is wrong
/// (too short while typing is not wrong).
pub(crate) fn length(n: &Normalized, want: usize, opts: &Options, r: &mut FieldResult) -> bool {
    count(n.len(), want, n.span(want, n.len()), n, opts, r)
}

/// [`length`] for a count `len` of characters that matter; `long` is the
/// span of a too-long finding (a too-short one spans the whole input).
#[inline(never)]
pub(crate) fn count(
    len: usize,
    want: usize,
    long: Option<(u32, u32)>,
    n: &Normalized,
    opts: &Options,
    r: &mut FieldResult,
) -> bool {
    let (code, span) = if len > want {
        ("number.too_long", long)
    } else if len < want {
        if opts.partial {
            return true;
        }
        ("number.too_short", n.whole())
    } else {
        return false;
    };
    r.push(
        Finding::error(code)
            .param_n("length", len as i64)
            .param_n("expected", want as i64)
            .span(span),
    );
    true
}

/// Pushes a finding without params: `code` of `severity` at `span` (the
/// most frequent finding of the number and contact kinds, built out of line
/// once instead of at each of ~30 call sites).
#[inline(never)]
pub(crate) fn flag(r: &mut FieldResult, severity: Severity, code: &str, span: Option<(u32, u32)>) {
    r.push(Finding::new(code, severity).span(span));
}

/// [`flag`] with one text param `name` = `value`.
#[inline(never)]
pub(crate) fn flag_with(
    r: &mut FieldResult,
    severity: Severity,
    code: &str,
    name: &'static str,
    value: String,
    span: Option<(u32, u32)>,
) {
    r.push(Finding::new(code, severity).param(name, value).span(span));
}

/// An error naming the character at normalised position `i` and pointing
/// at it (also used by the contact kinds).
#[inline(never)]
pub(crate) fn char_error(code: &str, n: &Normalized, i: usize) -> Finding {
    Finding::error(code)
        .param("char", n.at(i).map(String::from).unwrap_or_default())
        .span(n.span(i, i + 1))
}

/// A character-class finding at normalised position `i`.
pub(crate) fn bad_char(code: &str, n: &Normalized, i: usize) -> Finding {
    char_error(code, n, i).param_n("position", (i + 1) as i64)
}

/// A check-character mismatch: `number.checksum` when the character at
/// `at` is not the `expected` one computed from the others. Names it and
/// never offers it as a fix (the slip is usually elsewhere).
#[inline(never)]
pub(crate) fn checksum(n: &Normalized, at: usize, expected: Option<char>, r: &mut FieldResult) {
    let Some(expected) = expected else {
        return;
    };
    if n.at(at) != Some(expected) {
        r.push(
            Finding::error("number.checksum")
                .param("expected", expected.to_string())
                .param_n("position", (at + 1) as i64)
                .span(n.span(at, at + 1)),
        );
    }
}

/// `number.invalid_char` at the first of the first `limit` characters that
/// is not an ASCII digit (or, unless `digits`, letter); true when there is none.
#[inline(never)]
pub(crate) fn only(n: &Normalized, limit: usize, digits: bool, r: &mut FieldResult) -> bool {
    let bad = n
        .chars
        .iter()
        .take(limit)
        .position(|c| !(c.is_ascii_digit() || !digits && c.is_ascii_alphabetic()));
    match bad {
        Some(i) => {
            r.push(bad_char("number.invalid_char", n, i));
            false
        }
        None => true,
    }
}

/// The shared formatting fix once the value is otherwise fine.
pub(crate) fn finish(mut r: FieldResult, input: &str) -> FieldResult {
    if r.ok() {
        // Taken out and put back instead of cloned (one copy less per call).
        let value = core::mem::take(&mut r.value);
        text::note_normalized(&mut r, input, &value);
        r.value = value;
    }
    r
}

/// The normalised characters `[a, b)` (as far as typed) as text.
#[inline(never)]
pub(crate) fn text_of(n: &Normalized, a: usize, b: usize) -> String {
    n.chars
        .get(a..b.min(n.len()))
        .unwrap_or(&[])
        .iter()
        .collect()
}

/// Decimal value of ASCII digits (None on any non-digit).
pub(crate) fn digits_value(chars: &[char]) -> Option<u32> {
    chars.iter().try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(c.to_digit(10)?)
    })
}
