//! Differential test: thousands of generated numbers, our verdict on the
//! check character and the birth date against an independent
//! implementation written here from the standards' definitions (ISO 7064
//! weights computed as powers, a calendar from first principles).

use beian_check::{check_field, Date, FieldResult, Options};

mod common;
use common::Rng;

fn opts() -> Options {
    Options::on(Date::parse("2026-11-27").unwrap())
}

/// ISO 7064 MOD 11-2: weight of position i (from the left, 18 positions) is 2^(17-i) mod 11;
/// the sum including the check value must be ≡ 1 (mod 11).
fn ref_id_ok(s: &[u8]) -> bool {
    let mut sum = 0u64;
    for (i, b) in s.iter().enumerate() {
        let v = if *b == b'X' { 10 } else { u64::from(b - b'0') };
        sum += v * (1u64 << (17 - i)) % 11;
    }
    sum % 11 == 1
}

fn ref_date_ok(y: u32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0) ^ (y % 100 == 0) ^ (y % 400 == 0);
    let len = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let real = (1..=12).contains(&m) && d >= 1 && d <= len[(m - 1) as usize];
    // not in the future (2026-11-27), not before 1900
    real && y >= 1900 && (y, m, d) <= (2026, 11, 27)
}

fn has(r: &FieldResult, code: &str) -> bool {
    r.findings.iter().any(|f| f.code == code)
}

#[test]
fn resident_id_checksum_and_date_agree() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let (mut n, mut valid) = (0, 0);
    for _ in 0..4000 {
        let y = 1880 + rng.below(160) as u32;
        let m = rng.below(14) as u32; // 0..13: some impossible months
        let d = rng.below(33) as u32; // 0..32
        let mut s = format!("110105{y:04}{m:02}{d:02}{:03}", rng.below(1000));
        s.push(b"0123456789X"[rng.below(11) as usize] as char);
        let r = check_field("residentId", &s, &opts()).unwrap();
        let date_ok = ref_date_ok(y, m, d);
        let sum_ok = ref_id_ok(s.as_bytes());
        let our_date_bad = has(&r, "id_number.birth_date")
            || has(&r, "id_number.birth_future")
            || has(&r, "id_number.birth_too_early");
        assert_eq!(!our_date_bad, date_ok, "{s}: date verdict");
        if date_ok {
            assert_eq!(!has(&r, "number.checksum"), sum_ok, "{s}: checksum verdict");
            assert_eq!(r.ok(), sum_ok, "{s}");
            valid += usize::from(sum_ok);
        }
        n += 1;
    }
    assert!(
        valid > 100,
        "the generator must produce valid numbers too ({valid})"
    );
    eprintln!("{n} resident IDs compared, {valid} valid");
}

const USCC: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// GB 32100: weight of position i is 3^i mod 31; Σ(v·w) + check ≡ 0 (mod 31).
fn ref_uscc_ok(s: &[u8]) -> bool {
    let mut w = 1u64;
    let mut sum = 0u64;
    for b in &s[..17] {
        sum += USCC.iter().position(|c| c == b).unwrap() as u64 * w;
        w = w * 3 % 31;
    }
    let check = USCC.iter().position(|c| *c == s[17]).unwrap() as u64;
    (sum + check) % 31 == 0
}

#[test]
fn credit_code_checksum_agrees() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut valid = 0;
    for _ in 0..4000 {
        let mut s = String::from("91110105");
        for _ in 0..10 {
            s.push(USCC[rng.below(31) as usize] as char);
        }
        let r = check_field("creditCode", &s, &opts()).unwrap();
        let ok = ref_uscc_ok(s.as_bytes());
        assert_eq!(!has(&r, "number.checksum"), ok, "{s}");
        valid += usize::from(ok);
    }
    assert!(valid > 50, "{valid}");
}

/// GB 11714: Σ(v·w) + check ≡ 0 (mod 11), X = 10.
fn ref_org_ok(s: &[u8]) -> bool {
    let w = [3u64, 7, 9, 10, 5, 8, 4, 2];
    let v = |b: u8| {
        u64::from(if b.is_ascii_digit() {
            b - b'0'
        } else {
            b - b'A' + 10
        })
    };
    let sum: u64 = s[..8].iter().zip(w).map(|(b, w)| v(*b) * w).sum();
    let check = if s[8] == b'X' {
        10
    } else {
        u64::from(s[8] - b'0')
    };
    (sum + check) % 11 == 0
}

#[test]
fn org_code_checksum_agrees() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut valid = 0;
    for _ in 0..4000 {
        let mut s = String::new();
        for _ in 0..8 {
            s.push(b"0123456789ABCDEFGHJKLMNPQRTUWXY"[rng.below(31) as usize] as char);
        }
        s.push(b"0123456789X"[rng.below(11) as usize] as char);
        let r = check_field("orgCode", &s, &opts()).unwrap();
        let ok = ref_org_ok(s.as_bytes());
        assert_eq!(r.ok(), ok, "{s}");
        valid += usize::from(ok);
    }
    assert!(valid > 100, "{valid}");
}

/// ISO 7064 MOD 11,10 as a fold over all 15 digits: valid when the final
/// product state equals 1.
fn ref_brn_ok(s: &[u8]) -> bool {
    let mut p = 10u32;
    for (i, b) in s.iter().enumerate() {
        let mut t = (p + u32::from(b - b'0')) % 10;
        if t == 0 {
            t = 10;
        }
        if i == 14 {
            return t % 10 == 1;
        }
        p = (2 * t) % 11;
    }
    false
}

#[test]
fn business_reg_checksum_agrees() {
    let mut rng = Rng(0xA076_1D64_78BD_642F);
    let mut valid = 0;
    for _ in 0..4000 {
        let mut s = String::from("11");
        for _ in 0..13 {
            s.push((b'0' + rng.below(10) as u8) as char);
        }
        let r = check_field("businessRegNumber", &s, &opts()).unwrap();
        let ok = ref_brn_ok(s.as_bytes());
        assert_eq!(!has(&r, "number.checksum"), ok, "{s}");
        valid += usize::from(ok);
    }
    assert!(valid > 100, "{valid}");
}
