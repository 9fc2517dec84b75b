//! The native core's speed (issue 18): µs per `checkField` call through the
//! JSON API the wasm export uses (`api::check_field`: options JSON in, the
//! result with localized messages out), on 1000 generated values per row.
//!
//!     cargo run --release --example speed            # every row, best of 5
//!     cargo run --release --example speed -- creditCode-invalid 20000
//!                                                     # one row, N calls, once
//!                                                     # (for valgrind --tool=callgrind)
//!     cargo run --release --example speed -- form 2000  # checkForm of the three-website filing
//!
//! Rows: valid and invalid residentId, creditCode and mobile (invalid: a
//! wrong check character, or an unallocated prefix, each with its
//! localized findings), in the three locales. scripts/speed-native adds
//! instruction counts (callgrind), which a busy machine does not disturb.

use beian_check::api;
use std::hint::black_box;
use std::time::Instant;

/// A small seeded generator (xorshift), so every run checks the same values.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

const RID_W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
fn rid_check(s: &str) -> char {
    let sum: u32 = s
        .bytes()
        .zip(RID_W)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    char::from(b"10X98765432"[(sum % 11) as usize])
}

const USCC: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_W: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
fn uscc_check(s: &str) -> char {
    let sum: u32 = s
        .bytes()
        .zip(USCC_W)
        .map(|(b, w)| USCC.iter().position(|a| *a == b).unwrap_or(0) as u32 * w)
        .sum();
    char::from(USCC[((31 - sum % 31) % 31) as usize])
}

const REGIONS: [&str; 8] = [
    "110105", "310115", "440305", "440106", "510104", "330106", "650102", "320102",
];

fn resident_id(r: &mut Rng, valid: bool) -> String {
    let s = format!(
        "{}{}{:02}{:02}{}",
        REGIONS[r.below(8) as usize],
        1950 + r.below(50),
        1 + r.below(12),
        1 + r.below(28),
        r.digits(3)
    );
    let c = rid_check(&s);
    let wrong = if c == '0' { '1' } else { '0' };
    format!("{s}{}", if valid { c } else { wrong })
}

fn credit_code(r: &mut Rng, valid: bool) -> String {
    // Organisation codes with a right GB 11714 check digit keep valid ones clean.
    let org: String = {
        const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
        let body = r.digits(8);
        let sum: u32 = body
            .bytes()
            .zip(W)
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        let c = match 11 - sum % 11 {
            10 => 'X',
            11 => '0',
            n => char::from(b'0' + n as u8),
        };
        format!("{body}{c}")
    };
    let s = format!("91{}{org}", REGIONS[r.below(8) as usize]);
    let c = uscc_check(&s);
    let wrong = if c == '0' { '1' } else { '0' };
    format!("{s}{}", if valid { c } else { wrong })
}

fn mobile(r: &mut Rng, valid: bool) -> String {
    let head = if valid {
        ["138", "139", "186", "150", "177", "199"][r.below(6) as usize]
    } else {
        ["120", "100", "111"][r.below(3) as usize]
    };
    format!("{head}{}", r.digits(8))
}

type Gen = fn(&mut Rng, bool) -> String;
const ROWS: [(&str, &str, Gen); 3] = [
    ("residentId", "residentId", resident_id),
    ("creditCode", "creditCode", credit_code),
    ("mobile", "mobile", mobile),
];

fn values(gen: Gen, valid: bool) -> Vec<String> {
    let mut r = Rng(0x5eed_1234_abcd);
    (0..1000).map(|_| gen(&mut r, valid)).collect()
}

/// ns per call of `kind` over `values` (cycled), `n` calls.
fn run(kind: &str, values: &[String], options: &str, n: usize) -> f64 {
    let t = Instant::now();
    for i in 0..n {
        let v = &values[i % values.len()];
        black_box(api::check_field(
            black_box(kind),
            black_box(v),
            options,
            "2026-11-27",
        ));
    }
    t.elapsed().as_nanos() as f64 / n as f64
}

/// The form and options of tests/vectors/forms/enterprise-valid-three-websites.json, as JSON text.
fn three_websites() -> (String, String) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/forms/enterprise-valid-three-websites.json"
    );
    let text = std::fs::read_to_string(path).expect("the form vector");
    let doc = beian_check::json::parse(&text).expect("JSON");
    let part = |k: &str| doc.get(k).map(|v| v.to_text()).unwrap_or_default();
    (part("form"), part("options"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = |locale: &str| format!("{{\"locale\":\"{locale}\"}}");
    if args.first().map(String::as_str) == Some("form") {
        // checkForm of the three-website filing (bench/form.mjs), N calls.
        let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2_000);
        let (form, options) = three_websites();
        let t = Instant::now();
        for _ in 0..n {
            black_box(api::check_form(black_box(&form), &options, "2026-11-27"));
        }
        let us = t.elapsed().as_secs_f64() * 1e6 / n as f64;
        println!("checkForm, 1 subject + 3 websites: {us:.1} µs per call");
        return;
    }
    if let Some(row) = args.first() {
        // One row, once: `<kind>-valid|<kind>-invalid [calls] [locale]`.
        let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20_000);
        let locale = args.get(2).map_or("en", String::as_str);
        let (kind, valid) = row.rsplit_once('-').unwrap_or((row, "valid"));
        let gen = ROWS
            .iter()
            .find(|r| r.0 == kind)
            .map(|r| r.2)
            .expect("a row: residentId|creditCode|mobile-valid|invalid");
        let vals = values(gen, valid == "valid");
        let ns = run(kind, &vals, &opts(locale), n);
        println!("{row} ({locale}): {:.3} µs per call", ns / 1000.0);
        return;
    }
    println!(
        "native core, api::check_field (JSON in and out), µs per call, best of 5 × 20,000 calls"
    );
    println!(
        "{:<12} {:>8} {:>8} {:>8}   {:>8} {:>8} {:>8}",
        "kind", "valid", "", "", "invalid", "", ""
    );
    println!(
        "{:<12} {:>8} {:>8} {:>8}   {:>8} {:>8} {:>8}",
        "", "zh-CN", "zh-TW", "en", "zh-CN", "zh-TW", "en"
    );
    for (name, kind, gen) in ROWS {
        let mut cells = Vec::new();
        for valid in [true, false] {
            let vals = values(gen, valid);
            for locale in ["zh-CN", "zh-TW", "en"] {
                let o = opts(locale);
                run(kind, &vals, &o, 2_000); // warm up
                let best = (0..5)
                    .map(|_| run(kind, &vals, &o, 20_000))
                    .fold(f64::INFINITY, f64::min);
                cells.push(format!("{:>8.3}", best / 1000.0));
            }
        }
        println!(
            "{:<12} {} {} {}   {} {} {}",
            name, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]
        );
    }
}
