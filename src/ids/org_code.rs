//! 组织机构代码 (GB 11714-1997): eight characters (digits or capital
//! letters) and a check character, written with or without a hyphen
//! before the check (`12345678-9` / `123456789`). Check: weights
//! 3 7 9 10 5 8 4 2, `11 − Σ mod 11`, 10 → X, 11 → 0.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{bad_char, checksum, count, run};
use crate::finding::FieldResult;
use crate::options::Options;
use crate::text::Normalized;

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
    run(input, opts, judge)
}

fn judge(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    let hyphen = n.at(8) == Some('-');
    for (i, c) in n.chars.iter().enumerate() {
        let ok = match (i, hyphen) {
            (8, true) => *c == '-',
            (0..=7, _) => c.is_ascii_digit() || c.is_ascii_uppercase(),
            _ => c.is_ascii_digit() || *c == 'X',
        };
        if !ok {
            r.push(bad_char("org_code.invalid_char", n, i));
            return;
        }
    }
    // A hyphen can only stand at position 8, so the body is the first
    // eight characters and the check character the last. (`finish` adds
    // nothing after a length error.)
    let last = n.len() - 1;
    if !count(n.len() - usize::from(hyphen), 9, n.whole(), n, opts, r) {
        checksum(n, last, check_char(n.chars.get(..8).unwrap_or(&[])), r);
    }
}
