//! 组织机构代码 (GB 11714-1997): eight characters (digits or capital
//! letters) and a check character, written with or without a hyphen
//! before the check (`12345678-9` / `123456789`). Check: weights
//! 3 7 9 10 5 8 4 2, `11 − Σ mod 11`, 10 → X, 11 → 0.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{bad_char, checksum, empty, finish, normalize};
use crate::finding::{FieldResult, Finding};
use crate::options::Options;

/// The check character of an eight-character body.
pub fn check_char(body: &[char]) -> Option<char> {
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    if body.len() != 8 {
        return None;
    }
    let mut sum = 0u32;
    for (c, w) in body.iter().zip(W) {
        sum += c.to_digit(36)? * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from_digit(d, 10)?,
    })
}

/// Checks an organisation code.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = normalize(input);
    let mut r = FieldResult::new(n.as_string());
    if empty(&n, opts, &mut r) {
        return r;
    }
    let hyphen = n.at(8) == Some('-');
    // Positions of the nine code characters in the normalised value.
    let mut idx: Vec<usize> = Vec::with_capacity(9);
    for (i, c) in n.chars.iter().enumerate() {
        let ok = match (i, hyphen) {
            (8, true) => *c == '-',
            (0..=7, _) => c.is_ascii_digit() || c.is_ascii_uppercase(),
            _ => c.is_ascii_digit() || *c == 'X',
        };
        if !ok {
            r.push(bad_char("org_code.invalid_char", &n, i));
            return r;
        }
        if *c != '-' {
            idx.push(i);
        }
    }
    let len = idx.len();
    if len > 9 || (len < 9 && !opts.partial) {
        r.push(
            Finding::error(if len > 9 {
                "number.too_long"
            } else {
                "number.too_short"
            })
            .param_n("length", len as i64)
            .param("expected", "9")
            .span(n.whole()),
        );
        return r;
    }
    if len == 9 {
        let body: Vec<char> = n
            .chars
            .iter()
            .filter(|c| **c != '-')
            .take(8)
            .copied()
            .collect();
        let last = idx.last().copied().unwrap_or(0);
        if let Some(expected) = check_char(&body) {
            if n.at(last) != Some(expected) {
                r.push(checksum(&n, last, expected));
            }
        }
    }
    finish(r, input)
}
