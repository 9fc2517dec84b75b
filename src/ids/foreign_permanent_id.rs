//! 外国人永久居留身份证. Since 2023-12-01: 18 digits, `9`, two-digit
//! province of acceptance, three-digit nationality (ISO 3166-1 numeric),
//! birth date, sequence and a GB 11643 check character. The 2004 card: 15
//! characters, three-letter nationality (ISO 3166-1 alpha-3), two-digit
//! province, `YYMMDD` birth date and four digits; its check algorithm is
//! not public, so only its layout and date are checked.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::resident_id::check18;
use super::{bad_char, flag, flag_with, length, run, text_of};
use crate::date::Date;
use crate::finding::{FieldResult, Severity};
use crate::options::Options;
use crate::province::Province;
use crate::text::Normalized;

/// Checks a foreigner permanent-residence ID number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    run(input, opts, judge)
}

fn judge(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    match n.at(0) {
        Some('9') => new_card(n, opts, r),
        Some(c) if c.is_ascii_uppercase() => old_card(n, opts, r),
        _ => flag(r, Severity::Error, "foreign_id.format", n.span(0, 1)),
    }
}

fn province_warning(n: &Normalized, at: usize, r: &mut FieldResult) {
    let code = super::digits_value(n.chars.get(at..at + 2).unwrap_or(&[]));
    if code.is_some_and(|c| Province::by_code(c as u8).is_none()) {
        flag(
            r,
            Severity::Warning,
            "foreign_id.province",
            n.span(at, at + 2),
        );
    }
}

fn new_card(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    let Some(birth) = check18(n, opts, r) else {
        return;
    };
    province_warning(n, 1, r);
    r.info_str("birthDate", birth.iso());
    r.info_str("nationality", text_of(n, 3, 6));
}

fn old_card(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    for (i, c) in n.chars.iter().enumerate().take(15) {
        let ok = if i < 3 {
            c.is_ascii_uppercase()
        } else {
            c.is_ascii_digit()
        };
        if !ok {
            r.push(bad_char("foreign_id.invalid_char", n, i));
            return;
        }
    }
    // YYMMDD: a real date in the century that puts it not in the future.
    if n.len() >= 11 {
        let two =
            |at: usize| super::digits_value(n.chars.get(at..at + 2).unwrap_or(&[])).unwrap_or(0);
        let yy = two(5) as i32;
        let year = if 2000 + yy <= opts.today.year {
            2000
        } else {
            1900
        } + yy;
        match Date::new(year, two(7), two(9)).filter(|b| *b <= opts.today) {
            Some(b) => r.info_str("birthDate", b.iso()),
            None => {
                flag_with(
                    r,
                    Severity::Error,
                    "id_number.birth_date",
                    "value",
                    text_of(n, 5, 11),
                    n.span(5, 11),
                );
                return;
            }
        }
    }
    if length(n, 15, opts, r) {
        return;
    }
    province_warning(n, 3, r);
    r.info_str("nationality", text_of(n, 0, 3));
}
