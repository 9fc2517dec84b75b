//! Junk at every entry point: no input string may panic, and every finding
//! any input produces has a real message in every locale.

use beian_check::i18n;
use beian_check::output::{hint, message};
use beian_check::{check_field, Date, Locale, Options, KINDS};

fn junk() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "\u{3000}",
        "\0",
        "\u{1}\u{2}\u{7f}",
        "\u{FFFD}",
        "😀😀😀",
        "👨‍👩‍👧",
        "\u{200B}\u{FEFF}",
        "\u{202E}abc",
        "<img src=x onerror=alert(1)>",
        "\"'\\",
        "{}",
        "[]",
        "-",
        "+",
        "@",
        ".",
        "。",
        "１２３",
        "０",
        "+86",
        "0086",
        "86",
        "x".repeat(5000).as_str(),
        "1".repeat(4096).as_str(),
        "9".repeat(100).as_str(),
        "ICP备",
        "京ICP备12345678号-",
        "xn--",
        "a@b",
        "＠",
        "1\u{0301}2",
        "\u{D7FF}\u{E000}",
        "𠀀𪚥",
        "\n\r\t",
        "NaN",
        "-1",
        "1e309",
        "http://",
        "../../etc/passwd",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Every prefix of some realistic values (as typed character by character).
    for s in [
        "+86 138 0013 8000",
        "zhang＠qq。com",
        "11010519491231002X",
        "京ICP备2020042582号-1A",
    ] {
        let chars: Vec<char> = s.chars().collect();
        for i in 0..=chars.len() {
            v.push(chars[..i].iter().collect());
        }
    }
    // A deterministic pseudo-random mix of digits, letters, CJK and symbols.
    let alphabet: Vec<char> =
        "0123456789XxOoIi-+ @.。＠１２京蜀ICP备号证公网安备ABab中国\u{200B}\u{3000}/:#"
            .chars()
            .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for len in 0..400 {
        let mut s = String::new();
        for _ in 0..(len % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        v.push(s);
    }
    v
}

#[test]
fn no_input_panics_and_every_finding_is_localized() {
    let today = Date::parse("2026-11-27").unwrap();
    let inputs = junk();
    let mut count = 0;
    for partial in [false, true] {
        let mut opts = Options::on(today);
        opts.partial = partial;
        for kind in KINDS {
            for input in &inputs {
                let r = check_field(kind.name, input, &opts).expect("known kind");
                for f in &r.findings {
                    for locale in Locale::ALL {
                        let m = message(f, locale);
                        assert!(
                            !m.is_empty() && m != f.code,
                            "{}: no {locale:?} message for {}",
                            kind.name,
                            f.code
                        );
                        let _ = hint(f, locale);
                        for key in [f.code.clone(), format!("{}#hint", f.code)] {
                            let template = i18n::lookup(&key, locale).unwrap_or("");
                            for part in template.split('{').skip(1) {
                                if let Some((name, _)) = part.split_once('}') {
                                    assert!(
                                        f.get_param(name).is_some(),
                                        "{key}: no param {{{name}}}"
                                    );
                                }
                            }
                        }
                    }
                    if let Some((a, b)) = f.span {
                        let len: u32 = input.encode_utf16().count() as u32;
                        assert!(
                            a <= b && b <= len,
                            "{}: span {a}..{b} outside input of {len}",
                            f.code
                        );
                    }
                }
                if !partial && r.findings.is_empty() {
                    assert!(
                        !r.value.is_empty(),
                        "{}: empty value {input:?} passed silently",
                        kind.name
                    );
                }
                count += 1;
            }
        }
    }
    eprintln!("{count} junk checks, no panic");
}
