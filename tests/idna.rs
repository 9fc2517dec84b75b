//! UTS #46 conformance: every line of IdnaTestV2.txt (Unicode 16.0.0,
//! tests/data/, © Unicode, Inc., Unicode License v3 — see
//! tests/data/README.md) run through `site::idna::to_ascii`, the checks
//! the domain field makes (issue 17 item 11).
//!
//! The toAsciiN column and status are compared (nontransitional
//! processing, every flag on). The checker runs in a deliberately limited
//! mode (src/site/idna.rs), so a line falls in one of these classes:
//! - same: the same ASCII name, or an error where UTS #46 has one;
//! - stricter: an error where UTS #46 maps a character this subset does
//!   not map, composes marks (NFC), removes an ignored character, or
//!   accepts a ZWNJ by joining types — never a different name;
//! - unverified: UTS #46 reports an error, this checker only warns
//!   (`domain.idna_unverified`) because the character is newer than its
//!   Unicode 14 data or outside the BMP;
//! - skipped: the source holds an unpaired surrogate (not a Rust string).
//!
//! Wrong names and silent passes must be zero; the counts are printed and
//! pinned below, so a change to the subset shows here.

use beian_check::site::idna;
use std::collections::BTreeMap;

fn unescape(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let t = &rest[i..];
        let (hex, len) = if let Some(h) = t.strip_prefix("\\u") {
            (&h[..4], 6)
        } else if let Some(h) = t.strip_prefix("\\x{") {
            let e = h.find('}')?;
            (&h[..e], 4 + e)
        } else {
            out.push('\\');
            rest = &t[1..];
            continue;
        };
        out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
        rest = &t[len..];
    }
    out.push_str(rest);
    Some(if out == "\"\"" { String::new() } else { out })
}

#[test]
fn idna_test_v2_conformance() {
    let data = include_str!("data/IdnaTestV2.txt");
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut bad = Vec::new();
    let mut lines = 0;
    for (n, line) in data.lines().enumerate() {
        let line = line.split('#').next().unwrap();
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        let cols: Vec<&str> = line.split(';').map(str::trim).collect();
        let Some(source) = unescape(cols[0]) else {
            *counts
                .entry("skipped: unpaired surrogate".into())
                .or_default() += 1;
            continue;
        };
        let to_unicode = if cols[1].is_empty() {
            source.clone()
        } else {
            unescape(cols[1]).unwrap()
        };
        let status = if cols[4].is_empty() { cols[2] } else { cols[4] };
        let want_err = !(status.is_empty() || status == "[]");
        let want = if cols[3].is_empty() {
            to_unicode
        } else {
            unescape(cols[3]).unwrap()
        };
        let class = match idna::to_ascii(&source) {
            Ok((got, unverified)) if !want_err && got == want => if unverified {
                "same (with an unverified warning)"
            } else {
                "same"
            }
            .to_string(),
            Ok((_, true)) if want_err => "unverified: UTS #46 error, warning here".to_string(),
            Ok((got, _)) => {
                bad.push(format!(
                    "line {}: {source:?}: got {got:?}, want {want:?} {status}",
                    n + 1
                ));
                "WRONG".to_string()
            }
            Err(_) if want_err => "same".to_string(),
            Err(f) => format!("stricter: {}", f.code),
        };
        *counts.entry(class).or_default() += 1;
    }
    for (k, v) in &counts {
        println!("{v:5}  {k}");
    }
    println!("{lines:5}  lines");
    assert!(bad.is_empty(), "{} wrong:\n{}", bad.len(), bad.join("\n"));
    // Pinned: a change to the subset or its data moves these.
    let get = |k: &str| counts.get(k).copied().unwrap_or(0);
    assert_eq!(lines, 6389);
    assert_eq!(get("same") + get("same (with an unverified warning)"), 5966);
    assert_eq!(get("unverified: UTS #46 error, warning here"), 191);
    assert_eq!(get("skipped: unpaired surrogate"), 2);
}

/// The names of issue 17 item 11: each is refused by the domain check,
/// with no fix, as browsers refuse them (or, `ΣΑΣ.cn`, would register a
/// different name than the one typed).
#[test]
fn invalid_idna_labels_are_refused() {
    use beian_check::{check_field, Date, Options};
    let o = Options::on(Date::parse("2026-11-27").unwrap());
    for (input, code) in [
        ("xn--a.com", "domain.punycode"),
        ("xn---abc.com", "domain.punycode"),
        ("xn--a-ecp.cn", "domain.punycode"),
        ("a\u{3164}b.com", "domain.invalid_char"),
        ("ΣΑΣ.cn", "domain.idna_mapped"),
        ("例\u{F900}.cn", "domain.idna_mapped"),
        ("ab--c.com", "domain.hyphen_reserved"),
        ("e\u{0301}x.com", "domain.idna_mark"),
        ("\u{0301}x.com", "domain.idna_mark"),
        ("a\u{05D0}.com", "domain.idna_bidi"),
    ] {
        let r = check_field("domain", input, &o).unwrap();
        assert!(r.has(code), "{input:?}: {:?}", r.findings);
        assert!(r.findings.iter().all(|f| f.fix.is_none()), "{input:?}");
    }
    for ok in [
        "σας.cn",
        "例子.中国",
        "faß.com",
        "bücher.com",
        "xn--fa-hia.com",
    ] {
        let r = check_field("domain", ok, &o).unwrap();
        assert!(r.ok(), "{ok:?}: {:?}", r.findings);
    }
}

/// Issue 17 item 12: look-alike labels mixing scripts get a warning naming
/// the odd characters (UTS #39 mixed-script detection, Highly Restrictive);
/// Chinese with Latin is not mixed in that sense.
#[test]
fn mixed_script_labels_are_named() {
    use beian_check::{check_field, Date, Options};
    let o = Options::on(Date::parse("2026-11-27").unwrap());
    for (kind, input, chars) in [
        ("domain", "ex\u{0430}mple.com", "\u{0430} (U+0430)"),
        ("domain", "g\u{03BF}ogle.cn", "\u{03BF} (U+03BF)"),
        (
            "domain",
            "https://g\u{03BF}\u{03BF}gle.cn/",
            "\u{03BF} (U+03BF), \u{03BF} (U+03BF)",
        ),
        ("email", "user@qq.c\u{043E}m", "\u{043E} (U+043E)"),
        // The same look-alike written in Punycode (exаmple).
        ("domain", "xn--exmple-4nf.com", "\u{0430} (U+0430)"),
        ("email", "user@xn--exmple-4nf.com", "\u{0430} (U+0430)"),
    ] {
        let r = check_field(kind, input, &o).unwrap();
        let f = r
            .findings
            .iter()
            .find(|f| f.code == "domain.mixed_script")
            .unwrap_or_else(|| panic!("{input:?}: silent: {:?}", r.findings));
        assert_eq!(f.get_param("chars"), Some(chars), "{input:?}");
        assert!(f.span.is_some());
    }
    for (kind, input) in [
        ("domain", "qq音乐.com"),
        ("domain", "例子.中国"),
        ("domain", "пример.com"),
        ("email", "用户@例子.中国"),
        ("email", "user@qq.com"),
    ] {
        let r = check_field(kind, input, &o).unwrap();
        assert!(!r.has("domain.mixed_script"), "{input:?}: {:?}", r.findings);
    }
}

/// Random names from the code-point ranges IDN labels are made of (Latin,
/// Greek, Cyrillic, Arabic, Hebrew, Devanagari with its marks, Hangul, CJK,
/// compatibility ideographs, joiners, symbols): every name the domain
/// check accepts has an ASCII form (`info.ascii`) that is accepted too and
/// names the same Unicode form, with the same warnings. A
/// deterministic xorshift, so a failure is reproducible.
#[test]
fn accepted_names_round_trip_through_their_ascii_form() {
    use beian_check::finding::InfoValue;
    use beian_check::{check_field, Date, Options};
    let o = Options::on(Date::parse("2026-11-27").unwrap());
    let ranges: [(u32, u32); 14] = [
        (0x61, 0x7A),
        (0x30, 0x39),
        (0x2D, 0x2D),
        (0xE0, 0x17F),
        (0x300, 0x36F),
        (0x391, 0x3C9),
        (0x410, 0x44F),
        (0x5D0, 0x5EA),
        (0x620, 0x669),
        (0x900, 0x97F),
        (0xAC00, 0xAC40),
        (0x4E00, 0x4E40),
        (0xF900, 0xF910),
        (0x200C, 0x200D),
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    let text = |r: &beian_check::FieldResult, k: &str| match r.get_info(k) {
        Some(InfoValue::Str(s)) => Some(s.clone()),
        _ => None,
    };
    let (mut accepted, mut total) = (0, 0);
    for _ in 0..6000 {
        let mut name = String::new();
        for _ in 0..1 + next(6) {
            let (a, b) = ranges[next(ranges.len() as u64) as usize];
            // Mostly one range per name (real names), sometimes a mix.
            let (a2, b2) = if next(4) == 0 {
                ranges[next(ranges.len() as u64) as usize]
            } else {
                (a, b)
            };
            let lo = if next(2) == 0 { a } else { a2 };
            let hi = if lo == a { b } else { b2 };
            if let Some(c) = char::from_u32(lo + next(u64::from(hi - lo + 1)) as u32) {
                name.push(c);
            }
        }
        name.push_str(".com");
        total += 1;
        let r = check_field("domain", &name, &o).unwrap();
        if !r.ok() {
            continue;
        }
        accepted += 1;
        let ascii = text(&r, "ascii").unwrap_or_else(|| panic!("{name:?}: no ascii"));
        assert!(
            ascii.is_ascii() && ascii.split('.').all(|l| l.len() <= 63),
            "{name:?}: {ascii}"
        );
        let back = check_field("domain", &ascii, &o).unwrap();
        assert!(back.ok(), "{name:?} → {ascii}: {:?}", back.findings);
        assert_eq!(
            text(&back, "unicode"),
            text(&r, "unicode"),
            "{name:?} → {ascii}"
        );
        assert_eq!(text(&back, "ascii").as_deref(), Some(ascii.as_str()));
        // The same warnings (mixed scripts, unverified characters) either way.
        let codes = |r: &beian_check::FieldResult| {
            let mut c: Vec<String> = r
                .findings
                .iter()
                .map(|f| f.code.to_string())
                .filter(|c| !c.starts_with("format."))
                .collect();
            c.sort();
            c
        };
        assert_eq!(codes(&back), codes(&r), "{name:?} → {ascii}");
    }
    println!("{accepted} of {total} random names accepted, each round-trips");
    assert!(accepted > 500 && accepted < total, "{accepted} of {total}");
}
