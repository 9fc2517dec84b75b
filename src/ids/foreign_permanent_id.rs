//! 外国人永久居留身份证. Since 2023-12-01: 18 digits, `9`, two-digit
//! province of acceptance, three-digit nationality (ISO 3166-1 numeric),
//! birth date, sequence and a GB 11643 check character. The 2004 card: 15
//! characters, three-letter nationality (ISO 3166-1 alpha-3), two-digit
//! province, `YYMMDD` birth date and four digits; its check algorithm is
//! not public, so only its layout and date are checked.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::resident_id::{birth_date, check18, MIN_BIRTH_YEAR};
use super::{bad_char, finish, length, start};
use crate::finding::{FieldResult, Finding};
use crate::options::Options;
use crate::province::Province;
use crate::text::Normalized;

/// Checks a foreigner permanent-residence ID number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let (n, mut r) = start(input, opts);
    if n.is_empty() {
        return r;
    }
    match n.at(0) {
        Some('9') => new_card(&n, opts, &mut r),
        Some(c) if c.is_ascii_uppercase() => old_card(&n, opts, &mut r),
        _ => r.push(Finding::error("foreign_id.format").span(n.span(0, 1))),
    }
    finish(r, input)
}

fn province_warning(n: &Normalized, at: usize, r: &mut FieldResult) {
    let code = super::digits_value(n.chars.get(at..at + 2).unwrap_or(&[]));
    if code.is_some_and(|c| Province::by_code(c as u8).is_none()) {
        r.push(Finding::warning("foreign_id.province").span(n.span(at, at + 2)));
    }
}

fn new_card(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    let Some(birth) = check18(n, opts, r) else {
        return;
    };
    province_warning(n, 1, r);
    r.info_str("birthDate", birth.iso());
    r.info_str(
        "nationality",
        n.chars.get(3..6).unwrap_or(&[]).iter().collect::<String>(),
    );
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
    // YYMMDD: judge as the 8-digit date in the century that is not in the future.
    let six: String = n.chars.iter().skip(5).take(6).collect();
    if six.len() == 6 {
        let yy = super::digits_value(n.chars.get(5..7).unwrap_or(&[])).unwrap_or(0) as i32;
        let century = if 2000 + yy <= opts.today.year { 20 } else { 19 };
        let full = crate::text::normalize(&cat!(century, six), Default::default());
        let mut scratch = FieldResult::new("");
        let birth = birth_date(&full, 0, opts, &mut scratch);
        if !scratch.ok() || birth.is_none() {
            r.push(
                Finding::error("id_number.birth_date")
                    .param("value", six)
                    .span(n.span(5, 11)),
            );
            return;
        }
        if let Some(b) = birth.filter(|b| b.year >= MIN_BIRTH_YEAR) {
            r.info_str("birthDate", b.iso());
        }
    }
    if length(n, 15, opts, r) {
        return;
    }
    province_warning(n, 3, r);
    r.info_str(
        "nationality",
        n.chars.get(..3).unwrap_or(&[]).iter().collect::<String>(),
    );
}
