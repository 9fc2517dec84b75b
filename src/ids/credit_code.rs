//! 统一社会信用代码 (GB 32100-2015), 18 characters from a 31-character
//! alphabet without I O Z S V: registration authority (1–9, A, N, Y) and
//! category, six-digit region code, the nine-character organisation code
//! (GB 11714, checked as a warning), and a MOD 31 check character whose
//! value may be `0` (stdnum-js rejects those).
//!
//! O and I never occur in the alphabet, so a typed O or I can only mean 0
//! or 1: that mapping is certain and offered as a `fix`. Z, S and V have no
//! look-alike digit that is certain, so they are errors without a fix.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::{bad_char, checksum, digits_value, finish, flag_with, org_code, start, text_of};
use crate::data;
use crate::finding::{FieldResult, Finding, Severity};
use crate::options::Options;
use crate::province::Province;
use crate::text::Normalized;

/// The USCC alphabet, in value order.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The value of each letter A–Z in [`ALPHABET`] (`X`: not in it).
const LETTER_VALUES: &[u8; 26] = b"ABCDEFGHXIJKLMXNOPXQRXSTUX";

fn value(c: char) -> Option<u32> {
    // A table lookup, not a scan of the alphabet per character.
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        'A'..='Z' => match LETTER_VALUES.get((c as u32 - 'A' as u32) as usize) {
            Some(&v) if v != b'X' => Some(u32::from(v - b'A') + 10),
            _ => None,
        },
        _ => None,
    }
}

/// The check character of the first 17 characters.
pub fn check_char(first17: &[char]) -> Option<char> {
    const W: [u32; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (c, w) in first17.iter().zip(W) {
        sum += value(*c)? * w;
    }
    ALPHABET
        .as_bytes()
        .get(((31 - sum % 31) % 31) as usize)
        .map(|b| char::from(*b))
}

/// A registration authority's categories; `9` (other) ends most lists.
type Categories = &'static [(char, &'static str)];

const OTHER: (char, &str) = ('9', "other");

/// Registration authorities and their categories (GB 32100-2015 table 1
/// and the 2016 additions A, N, Y): machine names used in `info`.
const AUTHORITIES: &[(char, &str, Categories)] = &[
    (
        '1',
        "organization",
        &[
            ('1', "government_agency"),
            ('2', "public_institution"),
            ('3', "mass_organization"),
            OTHER,
        ],
    ),
    (
        '2',
        "foreign_affairs",
        &[('1', "foreign_news_agency"), OTHER],
    ),
    (
        '3',
        "justice",
        &[
            ('1', "law_firm"),
            ('2', "notary"),
            ('3', "legal_service"),
            ('4', "forensic_institution"),
            ('5', "arbitration_commission"),
            OTHER,
        ],
    ),
    ('4', "culture", &[('1', "foreign_cultural_center"), OTHER]),
    (
        '5',
        "civil_affairs",
        &[
            ('1', "social_organization"),
            ('2', "private_non_enterprise"),
            ('3', "foundation"),
            OTHER,
        ],
    ),
    (
        '6',
        "tourism",
        &[
            ('1', "foreign_tourism_office"),
            ('2', "hmt_tourism_office"),
            OTHER,
        ],
    ),
    (
        '7',
        "religious_affairs",
        &[('1', "religious_venue"), ('2', "religious_school"), OTHER],
    ),
    ('8', "trade_union", &[('1', "trade_union"), OTHER]),
    (
        '9',
        "market_regulation",
        &[
            ('1', "enterprise"),
            ('2', "individual_business"),
            ('3', "farmers_cooperative"),
        ],
    ),
    ('A', "military", &[('1', "military_institution"), OTHER]),
    (
        'N',
        "agriculture",
        &[
            ('1', "collective_economic_group"),
            ('2', "collective_economic_village"),
            ('3', "collective_economic_township"),
            OTHER,
        ],
    ),
    ('Y', "other", &[('1', "other")]),
];

/// Checks a unified social credit code.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let (mut n, mut r) = start(input, opts);
    if n.is_empty() {
        return r;
    }
    // O → 0 and I → 1: certain, since neither letter is in the alphabet.
    let mut mapped: Option<usize> = None;
    for (i, c) in n.chars.iter_mut().enumerate() {
        let d = match *c {
            'O' => '0',
            'I' => '1',
            _ => continue,
        };
        *c = d;
        mapped.get_or_insert(i);
    }
    if is_resident_id(&n.chars, opts) {
        r.push(Finding::error("credit_code.is_resident_id").span(n.whole()));
        return r;
    }
    judge(&n, opts, &mut r);
    // The O/I finding (with its certain fix) replaces the formatting note.
    match mapped {
        Some(i) => {
            let value = n.as_string();
            r.value = value.clone();
            r.push(
                Finding::warning("credit_code.letter_o_i")
                    .param("value", value.clone())
                    .fix(value)
                    .span(n.span(i, i + 1)),
            );
            r
        }
        None => finish(r, input),
    }
}

/// A resident ID typed where the credit code goes (the ID kept in the
/// field after switching 个人 → 企业, issue 16 item 23): 17 digits and the
/// GB 11643 check character, a province, a birth date in range — and not
/// a valid credit code, which an all-digit code could also be.
fn is_resident_id(c: &[char], opts: &Options) -> bool {
    let (Some(first17), Some(last)) = (c.get(..17), c.get(17)) else {
        return false;
    };
    let n = |a: usize, b: usize| digits_value(c.get(a..b).unwrap_or(&[])).unwrap_or(0);
    c.len() == 18
        && super::resident_id::check_char(first17) == Some(*last)
        && check_char(first17) != Some(*last)
        && Province::by_code(n(0, 2) as u8).is_some()
        && crate::date::Date::new(n(6, 10) as i32, n(10, 12), n(12, 14))
            .is_some_and(|d| d.year >= super::resident_id::MIN_BIRTH_YEAR && d <= opts.today)
}

/// Everything but the O/I mapping, on the mapped characters.
fn judge(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    let c = &n.chars;
    for (i, ch) in c.iter().enumerate().take(18) {
        let ok = if (2..8).contains(&i) {
            ch.is_ascii_digit()
        } else {
            value(*ch).is_some()
        };
        if !ok {
            r.push(bad_char("credit_code.invalid_char", n, i));
            return;
        }
    }
    let first = c.first().copied();
    let Some((_, auth_name, categories)) = AUTHORITIES.iter().find(|a| Some(a.0) == first) else {
        r.push(bad_char("credit_code.authority", n, 0));
        return;
    };
    // Region: "10" (central authorities) or a province, judged once typed.
    if let Some(p) = c.get(2..4) {
        let code = digits_value(p).unwrap_or(0);
        if code != 10 && Province::by_code(code as u8).is_none() {
            flag_with(
                r,
                Severity::Error,
                "credit_code.province",
                "code",
                text_of(n, 2, 4),
                n.span(2, 4),
            );
            return;
        }
    }
    if super::length(n, 18, opts, r) {
        return;
    }
    checksum(n, 17, check_char(c.get(..17).unwrap_or(&[])), r);
    let cat = c.get(1).copied().unwrap_or('0');
    r.info_str("authority", *auth_name);
    match categories.iter().find(|(k, _)| *k == cat) {
        Some((_, name)) => r.info_str("category", *name),
        None => flag_with(
            r,
            Severity::Warning,
            "credit_code.category",
            "char",
            cat.to_string(),
            n.span(1, 2),
        ),
    }
    let region = text_of(n, 2, 8);
    let region_code = digits_value(c.get(2..8).unwrap_or(&[])).unwrap_or(0);
    r.info_str("regionCode", region.clone());
    if let Some(p) = Province::by_code((region_code / 10_000) as u8) {
        r.info_str("province", p.name);
    }
    if region_code != 100_000 && data::region(region_code).is_none() {
        flag_with(
            r,
            Severity::Warning,
            "credit_code.region_unknown",
            "code",
            region,
            n.span(2, 8),
        );
    }
    // The embedded organisation code, written `XXXXXXXX-C`.
    let mut org = text_of(n, 8, 16);
    org.push('-');
    if let Some(c) = n.at(16) {
        org.push(c);
    }
    r.info_str("orgCode", org);
    if let Some(expected) = org_code::check_char(c.get(8..16).unwrap_or(&[])) {
        if c.get(16) != Some(&expected) {
            flag_with(
                r,
                Severity::Warning,
                "credit_code.org_code",
                "expected",
                expected.to_string(),
                n.span(8, 17),
            );
        }
    }
}

#[cfg(test)]
mod value_tests {
    /// The letter table gives every character its place in the alphabet.
    #[test]
    fn value_is_the_position_in_the_alphabet() {
        for c in (0..0x80u8).map(char::from).chain(['Ｏ', '中', 'ı']) {
            let want = super::ALPHABET.chars().position(|a| a == c);
            assert_eq!(super::value(c), want.map(|p| p as u32), "{c:?}");
        }
    }
}
