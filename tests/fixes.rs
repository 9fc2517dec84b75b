//! Issue 17, items 10 and 13: a `fix` is offered only when the corrected
//! value passes the check, URLs are read the way browsers read them, and
//! invisible characters are reported the same way by every kind.

use beian_check::check::KIND_NAMES;
use beian_check::{check_field, Date, Options};

fn opts() -> Options {
    Options::on(Date::parse("2026-11-27").unwrap())
}

#[test]
fn a_fix_that_fails_its_own_check_is_not_offered() {
    let r = check_field("creditCode", "hello world", &opts()).unwrap();
    assert!(!r.ok());
    assert!(
        r.findings.iter().all(|f| f.fix.is_none()),
        "{:?}",
        r.findings
    );
}

/// Every fix any kind offers, on a corpus of sloppy inputs, passes the
/// same kind's check: the policy is enforced centrally, not per rule.
#[test]
fn every_offered_fix_passes_the_same_check() {
    let inputs = [
        "hello world",
        "ＨＥＬＬＯ",
        "91350100M000100Y43",
        "91350I00M0OO100Y43",
        "https://example.com\\@evil.cn",
        "https://www.example.com/a",
        "WWW.Example.COM",
        "a.b.example.com.cn",
        "http://例子.中国/",
        "京ICP备12345678号-1",
        "京icp备12345678",
        "京公网安备 11010502030143",
        "１３８００１３８０００",
        "+86 138 0013 8000",
        "010-1234567",
        "user@ＱＱ。com",
        "张 三",
        "1.2.3.4",
        " 110101199003070034 ",
        "11010119900307003x",
        "e12345678",
        "H12345678",
        "测试\u{200B}网站",
        "\u{202E}例子网站",
    ];
    let o = opts();
    let mut offered = 0;
    for kind in KIND_NAMES {
        for input in inputs {
            let r = check_field(kind, input, &o).unwrap();
            for f in &r.findings {
                if let Some(fix) = &f.fix {
                    offered += 1;
                    let again = check_field(kind, fix, &o).unwrap();
                    assert!(
                        again.ok(),
                        "{kind} {input:?}: fix {fix:?} of {} fails: {:?}",
                        f.code,
                        again.findings
                    );
                }
            }
        }
    }
    assert!(offered > 10, "only {offered} fixes offered");
}

#[test]
fn a_backslash_ends_the_host_as_in_browsers() {
    // WHATWG URL: for special schemes `\` is a path separator, so the host
    // is example.com (Node: new URL(...).hostname === 'example.com').
    let r = check_field("domain", "https://example.com\\@evil.cn", &opts()).unwrap();
    let fixes: Vec<_> = r.findings.iter().filter_map(|f| f.fix.as_deref()).collect();
    assert_eq!(fixes, ["example.com"], "{:?}", r.findings);
    assert_eq!(r.value, "example.com");
}

#[test]
fn url_hosts_are_parsed_as_browsers_parse_them() {
    let o = opts();
    // (input, the host browsers use, as our `ascii` info)
    for (input, host) in [
        ("https://user:pw@example.com:8080/x", "example.com"),
        ("https:\\\\example.com\\a", "example.com"),
        ("HTTPS://Example.COM./", "example.com"),
        ("https://exa%6Dple.com/", "example.com"),
        ("https://a@b@example.com/", "example.com"),
        ("https:example.com", "example.com"),
        ("https:///example.com", "example.com"),
        ("http://例子.中国/", "xn--fsqu00a.xn--fiqs8s"),
        ("https://ex\tample.com/", "example.com"),
    ] {
        let r = check_field("domain", input, &o).unwrap();
        let ascii = match r.get_info("ascii") {
            Some(beian_check::InfoValue::Str(s)) => s.as_str(),
            other => panic!("{input:?}: no ascii info: {other:?} {:?}", r.findings),
        };
        assert_eq!(ascii, host, "{input:?}");
    }
    // Hosts a browser reads as IPv4 addresses, or refuses.
    for input in [
        "https://0x7f.0.0.1/",
        "https://2130706433/",
        "https://127.1/",
        "https://example.0x10/",
        "https://exa%zzmple.com/",
        "https://example.com:port/",
        "https://example.com:99999/",
        // An escaped forbidden host code point: browsers refuse the URL.
        "https://exa%23mple.com/",
        "https://exa%2Fmple.com/",
        "https://exa%20mple.com/",
    ] {
        let r = check_field("domain", input, &o).unwrap();
        assert!(!r.ok(), "{input:?} passed: {:?}", r.value);
        assert!(r.findings.iter().all(|f| f.fix.is_none()), "{input:?}");
    }
}

#[test]
fn website_name_reports_invisible_characters_like_every_kind() {
    let o = opts();
    for input in ["测试\u{200B}网站", "\u{202E}测试网站", "测试网站\u{FEFF}"] {
        let r = check_field("websiteName", input, &o).unwrap();
        assert_eq!(r.value, "测试网站");
        let f = r
            .findings
            .iter()
            .find(|f| f.code == "format.normalized")
            .unwrap_or_else(|| panic!("{input:?}: silent: {:?}", r.findings));
        assert_eq!(f.fix.as_deref(), Some("测试网站"));
    }
    // The same input, every kind: the invisible character is never dropped
    // silently (a finding names the change, or the value is refused).
    for kind in KIND_NAMES {
        for input in ["a\u{200B}b", "\u{200F}1"] {
            let r = check_field(kind, input, &o).unwrap();
            assert!(!r.findings.is_empty(), "{kind} {input:?}: silent");
        }
    }
}

/// Fuzz finding (2026-12-05): `%23` in a URL host was decoded to `#` and
/// kept in the value, which then located another host when checked again.
/// A normalised value must check to itself.
#[test]
fn a_decoded_escape_never_moves_the_host() {
    let o = opts();
    for input in [
        "1234%234 5678:99999999999?x",
        "http://a.com%23b?x",
        "https://exa%3Ample.com/",
    ] {
        let r = check_field("domain", input, &o).unwrap();
        let again = check_field("domain", &r.value, &o).unwrap();
        assert_eq!(again.value, r.value, "{input:?}");
        assert!(!r.ok(), "{input:?} passed");
    }
}
