//! 居民身份证号码 (GB 11643-1999): six-digit region code, eight-digit birth
//! date, three-digit sequence (odd = male), ISO 7064 MOD 11-2 check
//! character (rules.md §4.2). The same layout carries the 港澳台居民居住证
//! (810000/820000/830000) and the 2023 外国人永久居留身份证 (leading 9):
//! [`check18`] is the engine those kinds share.
//!
//! Region codes are assigned when a person is registered, not at birth, so a
//! code is accepted when it was in use at any time from the birth year to
//! today (python-stdnum rejects 130102 for anyone born before 1983). A code
//! missing from the table, or ceased before the birth year, is only a
//! warning: the table may lag or the person may have re-registered.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{bad_char, checksum, digits_value, flag, flag_with, length, run, text_of};
use crate::data;
use crate::date::{days_in_month, Date};
use crate::finding::{FieldResult, Finding, Severity};
use crate::options::Options;
use crate::province::Province;
use crate::text::Normalized;

/// Earliest birth year accepted (nobody alive was born earlier).
pub const MIN_BIRTH_YEAR: i32 = 1900;

/// The GB 11643 check character of the first 17 digits.
pub fn check_char(first17: &[char]) -> Option<char> {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (c, w) in first17.iter().zip(W) {
        sum += c.to_digit(10)? * w;
    }
    b"10X98765432"
        .get((sum % 11) as usize)
        .map(|b| char::from(*b))
}

/// Character classes, birth date (positions 7–14), length and check
/// character of an 18-character GB 11643 number. The prefix rules are the
/// caller's. Returns the birth date once all 18 characters are in place and
/// the date is real (also when only the check character fails).
pub(crate) fn check18(n: &Normalized, opts: &Options, r: &mut FieldResult) -> Option<Date> {
    let c = &n.chars;
    for (i, ch) in c.iter().enumerate().take(18) {
        let ok = ch.is_ascii_digit() || (i == 17 && *ch == 'X');
        if !ok {
            r.push(bad_char("id_number.invalid_char", n, i));
            return None;
        }
    }
    let birth = birth_date(n, 6, opts, r);
    if !r.ok() {
        return None;
    }
    if length(n, 18, opts, r) {
        return None;
    }
    checksum(n, 17, check_char(c.get(..17).unwrap_or(&[])), r);
    birth
}

/// Judges the eight-digit birth date at `at` as far as it is typed: an
/// impossible prefix (year 2099, month 13, day 32, Feb 30) is an error at once.
/// The caller has checked that these characters are digits.
pub(crate) fn birth_date(
    n: &Normalized,
    at: usize,
    opts: &Options,
    r: &mut FieldResult,
) -> Option<Date> {
    let k = n.len().min(at + 8).saturating_sub(at);
    if k == 0 {
        return None;
    }
    let num = |a: usize, b: usize| {
        digits_value(n.chars.get(at + a..at + b.min(k)).unwrap_or(&[])).unwrap_or(0)
    };
    let today = opts.today;
    // Year: some year in [MIN_BIRTH_YEAR, this year] must start with the
    // typed digits; then each typed digit of month and day must fit.
    let scale = match k {
        1 => 1000,
        2 => 100,
        3 => 10,
        _ => 1,
    };
    let year = num(0, 4) as i32 * scale;
    let (month, day) = (num(4, 6), num(6, 8));
    // A year wholly before MIN_BIRTH_YEAR is a real date this check does
    // not cover: said so, not "not a valid date" (issue 16 item 17).
    let early = year + scale <= MIN_BIRTH_YEAR;
    let bad = early
        || year > today.year
        || k > 4
            && (num(4, 5) > 1
                || k >= 6
                    && (!(1..=12).contains(&month)
                        || k > 6
                            && (num(6, 7) > 3
                                || k == 8 && (day == 0 || day > days_in_month(year, month)))));
    if bad {
        flag_with(
            r,
            Severity::Error,
            if early {
                "id_number.birth_too_early"
            } else {
                "id_number.birth_date"
            },
            "value",
            text_of(n, at, at + 8),
            n.span(at, at + k),
        );
        return None;
    }
    if k < 8 {
        return None;
    }
    let date = Date::new(year, month, day)?;
    if date > today {
        flag_with(
            r,
            Severity::Error,
            "id_number.birth_future",
            "date",
            date.iso(),
            n.span(at, at + 8),
        );
        return None;
    }
    Some(date)
}

/// Birth date, sex (17th digit), age on `options.today`.
pub(crate) fn person_info(n: &Normalized, birth: Date, opts: &Options, r: &mut FieldResult) {
    r.info_str("birthDate", birth.iso());
    if let Some(d) = n.at(16).and_then(|c| c.to_digit(10)) {
        r.info_str("sex", if d % 2 == 1 { "male" } else { "female" });
    }
    r.info_num("age", f64::from(birth.age_on(opts.today)));
}

/// The residence-permit origin of a 6-digit prefix: origin, province
/// (GB/T 2260) and the prefix itself.
pub(crate) fn permit_origin(prefix: &[char]) -> Option<(&'static str, u8, &'static str)> {
    let ['8', b, '0', '0', '0', '0'] = prefix else {
        return None;
    };
    match b {
        '1' => Some(("hk", 81, "810000")),
        '2' => Some(("mo", 82, "820000")),
        '3' => Some(("tw", 71, "830000")),
        _ => None,
    }
}

/// Info of a residence permit: region, province, origin.
pub(crate) fn permit_info(
    (origin, province, code): (&'static str, u8, &'static str),
    r: &mut FieldResult,
) {
    r.info_str("regionCode", code);
    if let Some(p) = Province::by_code(province) {
        r.info_str("regionName", p.name);
        r.info_str("province", p.name);
    }
    r.info_str("origin", origin);
}

/// Checks a resident ID number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    run(input, opts, judge)
}

fn judge(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    let c = &n.chars;
    let first = c.first().copied().unwrap_or('0');
    let foreign = first == '9';
    // Province: the first two digits (for the 9-prefixed foreigner ID the
    // next two, the province of acceptance), judged as soon as typed.
    let at = usize::from(foreign);
    if first.is_ascii_digit() {
        let typed = c.get(at..(at + 2).min(c.len())).unwrap_or(&[]);
        let ok = match typed {
            [] => true,
            [a] => ('1'..='8').contains(a),
            _ => {
                let code = digits_value(typed).unwrap_or(0);
                (code == 83 && !foreign) || Province::by_code(code as u8).is_some()
            }
        };
        if !ok && typed.iter().all(char::is_ascii_digit) {
            flag_with(
                r,
                Severity::Error,
                "resident_id.province",
                "code",
                text_of(n, 0, 2),
                n.span(0, c.len().min(2)),
            );
            return;
        }
    }
    // 15-digit first-generation numbers (all digits, complete): no longer valid.
    if !opts.partial && c.len() == 15 && c.iter().all(char::is_ascii_digit) {
        flag(
            r,
            Severity::Error,
            "resident_id.first_generation",
            n.whole(),
        );
        return;
    }
    let Some(birth) = check18(n, opts, r) else {
        return;
    };
    person_info(n, birth, opts, r);
    if foreign {
        flag(
            r,
            Severity::Warning,
            "resident_id.is_foreign_permanent",
            n.span(0, 1),
        );
    } else if let Some(permit) = permit_origin(c.get(..6).unwrap_or(&[])) {
        flag(r, Severity::Warning, "resident_id.is_permit", n.span(0, 6));
        permit_info(permit, r);
    } else {
        region(n, birth, opts, r);
    }
}

/// The region code of a complete number: facts and the table's verdict.
fn region(n: &Normalized, birth: Date, opts: &Options, r: &mut FieldResult) {
    let code_text = text_of(n, 0, 6);
    let code = digits_value(n.chars.get(..6).unwrap_or(&[])).unwrap_or(0);
    r.info_str("regionCode", code_text.clone());
    match data::region(code) {
        None => flag_with(
            r,
            Severity::Warning,
            "resident_id.region_unknown",
            "code",
            code_text,
            n.span(0, 6),
        ),
        Some(reg) => {
            if let Some(name) = data::full_name(code) {
                r.info_str("regionName", name);
            }
            if !reg.in_use_between(birth.year, opts.today.year) && reg.to != 0 {
                r.push(
                    Finding::warning("resident_id.region_ceased")
                        .param("code", code_text)
                        .param_n("year", reg.to as i64)
                        .span(n.span(0, 6)),
                );
            }
        }
    }
    if let Some(p) = Province::by_code((code / 10_000) as u8) {
        r.info_str("province", p.name);
    }
}
