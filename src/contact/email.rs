//! E-mail addresses: a practical subset of RFC 5321/5322 (dot-atom local
//! part, host name domain), IDN domains allowed. Full-width `＠` and dots —
//! the classic slip of a Chinese IME — are errors with a certain fix.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding, Severity};
use crate::ids::{char_error, flag};
use crate::options::Options;
#[cfg(feature = "idna")]
use crate::site::idna;
use crate::text::{self, Normalized, Rules};

/// Frequent misspellings of the big mail domains in China. Only a warning
/// with a hint: a user may really own `qq.co`, so it is never a `fix`.
/// One line per right domain: `right<TAB>typo typo …`.
const TYPOS: &str = "\
qq.com\tqq.con qq.cm qq.co qq.om qq.vom qq.comm\n\
163.com\t163.con 163.cm 163.co\n\
126.com\t126.con 126.cm 126.co\n\
sina.com\tsina.con sina.cm sian.com\n\
foxmail.com\tfoxmail.con foxmial.com\n\
gmail.com\tgmial.com gmai.com gamil.com gmail.con gmail.co\n\
hotmail.com\thotmial.com hotmail.con\n\
outlook.com\toutlook.con outlok.com\n\
yeah.net\tyeah.nte yeah.ent\n\
aliyun.com\taliyun.con";

/// The right domain of a frequent misspelling `dom`.
fn typo_fix(dom: &str) -> Option<&'static str> {
    for line in text::pieces(TYPOS, b'\n') {
        let (right, typos) = text::cut(line, b'\t')?;
        if text::pieces(typos, b' ').any(|t| t == dom) {
            return Some(right);
        }
    }
    None
}

const MAX_LOCAL: usize = 64;
const MAX_TOTAL: usize = 254;
const MAX_DOMAIN: usize = 253;

fn atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '/'
                | '='
                | '?'
                | '^'
                | '_'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
                | '-'
        )
}

/// ASCII-lower-cased text of `chars`.
fn lower(chars: &[char]) -> String {
    let mut s = String::new();
    for c in chars {
        s.push(c.to_ascii_lowercase());
    }
    s
}

/// Checks an e-mail address.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = text::trim(text::normalize(
        input,
        Rules {
            dots: true,
            ..Rules::default()
        },
    ));
    // Value: width-folded, trimmed, domain (after the last @) lower-cased.
    let last_at = n.chars.iter().rposition(|c| *c == '@');
    let mut value = String::new();
    for (i, c) in n.chars.iter().enumerate() {
        value.push(if last_at.is_some_and(|a| i > a) {
            c.to_ascii_lowercase()
        } else {
            *c
        });
    }
    let mut r = FieldResult::new(value.clone());
    if n.is_empty() {
        if !opts.partial {
            flag(&mut r, Severity::Error, "email.empty", None);
        }
        return r;
    }
    check_parts(&n, opts, &mut r);
    let structural_errors = !r.findings.is_empty();

    // The full-width ＠ (or ．) is its own error with a certain fix, when the
    // folded address is otherwise sound.
    let mut pos = 0;
    for c in input.chars() {
        if c == '＠' {
            let mut f = Finding::error("email.full_width_at").span(Some((pos, pos + 1)));
            if !structural_errors {
                f = f.fix(value);
            }
            r.push(f);
            return r;
        }
        pos += c.len_utf16() as u32;
    }
    if !structural_errors {
        text::note_normalized(&mut r, input, &value);
    }
    r
}

fn check_parts(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    let chars = &n.chars;
    let len = chars.len();
    let mut at = None;
    for (i, c) in chars.iter().enumerate() {
        if text::is_space(*c) || c.is_control() {
            flag(r, Severity::Error, "email.space", n.span(i, i + 1));
            return;
        }
    }
    for (i, c) in chars.iter().enumerate() {
        if *c == '@' {
            if at.is_some() {
                flag(r, Severity::Error, "email.multiple_at", n.span(i, i + 1));
                return;
            }
            at = Some(i);
        }
    }
    let Some(at) = at else {
        if !opts.partial {
            flag(r, Severity::Error, "email.no_at", n.whole());
        }
        return;
    };
    if len > MAX_TOTAL {
        r.push(
            Finding::error("email.too_long")
                .param_n("max", MAX_TOTAL as i64)
                .span(n.whole()),
        );
        return;
    }
    let local = chars.get(..at).unwrap_or(&[]);
    if at == 0 {
        flag(r, Severity::Error, "email.local_empty", n.span(0, 1));
        return;
    }
    if at > MAX_LOCAL {
        r.push(
            Finding::error("email.local_too_long")
                .param_n("max", MAX_LOCAL as i64)
                .span(n.span(0, at)),
        );
        return;
    }
    if let Some(i) = local
        .iter()
        .position(|c| c.is_ascii() && !atext(*c) && *c != '.')
    {
        r.push(char_error("email.invalid_char", n, i));
        return;
    }
    let mut dots = local.first() == Some(&'.') || local.last() == Some(&'.');
    let mut non_ascii = false;
    for (i, c) in local.iter().enumerate() {
        dots |= *c == '.' && local.get(i + 1) == Some(&'.');
        non_ascii |= !c.is_ascii();
    }
    if dots {
        flag(r, Severity::Error, "email.local_dots", n.span(0, at));
        return;
    }
    if non_ascii {
        flag(r, Severity::Warning, "email.local_non_ascii", n.span(0, at));
    }
    check_domain(n, at + 1, opts, r);
}

/// The domain: `n.chars[start..]`, checked label by label.
fn check_domain(n: &Normalized, start: usize, opts: &Options, r: &mut FieldResult) {
    let end = n.len();
    let domain = n.chars.get(start..).unwrap_or(&[]);
    let whole = n.span(start, end);
    if domain.is_empty() {
        if !opts.partial {
            flag(r, Severity::Error, "email.domain_empty", whole);
        }
        return;
    }
    if domain.len() > MAX_DOMAIN {
        flag(r, Severity::Error, "email.domain_invalid", whole);
        return;
    }
    if domain.first() == Some(&'[') {
        flag(r, Severity::Error, "email.ip_literal", whole);
        return;
    }
    // Labels: [a, b) in normalised positions, the last one ending at `end`.
    let mut a = start;
    let mut labels = 0;
    let mut pending = false;
    for b in start..=end {
        if b < end && n.at(b) != Some('.') {
            continue;
        }
        labels += 1;
        let label = n.chars.get(a..b).unwrap_or(&[]);
        let span = n.span(a, b);
        if label.is_empty() {
            // A trailing dot while typing is fine.
            if !(opts.partial && b == end && labels > 1) {
                r.push(
                    Finding::error("email.domain_invalid")
                        .span(n.span(a.saturating_sub(1), a.max(1))),
                );
                return;
            }
            continue;
        }
        // ASCII letters, digits and `-`; other characters by UTS #46, as in
        // the domain field (site/idna.rs), in a build with the IDNA checks.
        if let Some(i) = label.iter().position(|c| {
            text::is_space(*c) || c.is_ascii() && !(c.is_ascii_alphanumeric() || *c == '-')
        }) {
            if label.len() <= 63 {
                r.push(char_error("email.invalid_char", n, a + i));
                return;
            }
        }
        let written = lower(label);
        if label.len() > 63 || !idn_label(n, (a, b), &written, &mut pending, r) {
            if r.ok() {
                flag(r, Severity::Error, "email.domain_invalid", span);
            }
            return;
        }
        if b == end {
            if labels < 2 {
                if !opts.partial {
                    flag(r, Severity::Error, "email.domain_no_dot", whole);
                }
                return;
            }
            let alphabetic = label.iter().all(|c| c.is_alphabetic()) || written.starts_with("xn--");
            if (label.len() < 2 || !alphabetic) && !opts.partial {
                flag(r, Severity::Error, "email.domain_tld", span);
                return;
            }
        }
        a = b + 1;
    }
    let dom = lower(domain);
    if let Some(right) = typo_fix(&dom) {
        r.push(
            Finding::warning("email.domain_typo")
                .param("domain", dom.clone())
                .param("suggestion", right)
                .span(whole),
        );
    }
}

/// One domain label of an address, `n.chars[a..b]` (`written` lower-cased),
/// checked as the domain field checks it (site/idna.rs: UTS #46 validity,
/// `xn--` decoding, hyphens) with the mixed-script warning; false when it
/// is invalid (an error naming the character is pushed when there is one).
#[cfg(feature = "idna")]
fn idn_label(
    n: &Normalized,
    (a, b): (usize, usize),
    written: &str,
    _: &mut bool,
    r: &mut FieldResult,
) -> bool {
    let label = n.chars.get(a..b).unwrap_or(&[]);
    let xn = written.starts_with("xn--");
    let Some(unicode) = (if xn {
        idna::decode_label(written)
    } else {
        Some(written.chars().collect::<Vec<_>>())
    }) else {
        return false;
    };
    if let Err(f) = idna::check_label(&unicode) {
        // The character concerned, when it was typed: a mapped one is named
        // as such (no fix), any other cannot be in an address.
        match (f.code, f.at) {
            (_, Some(_)) if xn => {}
            ("domain.idna_mapped", Some(i)) => r.push(char_error(f.code, n, a + i)),
            (_, Some(i)) => r.push(char_error("email.invalid_char", n, a + i)),
            _ => {}
        }
        return false;
    }
    // Look-alikes, also in an xn-- label (its Unicode form).
    if let Some(w) = idna::mixed_script_warning(if xn { &unicode } else { label }, n, (a, b)) {
        r.push(w);
    }
    true
}

/// The same step without the IDNA tables (the fields module): the checks
/// of `site::unchecked_label`, and the pending warning
/// `domain.idn_unchecked` (once per address) for a label it cannot decide
/// (the full build checks it, docs/domains.md).
#[cfg(not(feature = "idna"))]
fn idn_label(
    n: &Normalized,
    (a, b): (usize, usize),
    written: &str,
    pending: &mut bool,
    r: &mut FieldResult,
) -> bool {
    match crate::site::unchecked_label(written) {
        Ok(unicode) => {
            crate::site::idn_unchecked(r, pending, &unicode, written, n.span(a, b));
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn opts() -> Options {
        Options::on(Date {
            year: 2026,
            month: 11,
            day: 27,
        })
    }
    fn codes(v: &str) -> Vec<String> {
        check(v, &opts())
            .findings
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn valid() {
        for v in [
            "a@b.cn",
            "zhang.san+filing@example.com.cn",
            "x@例子.中国",
            "abc@xn--fiqs8s.cn",
            "  user@QQ.COM ",
        ] {
            assert!(check(v, &opts()).ok(), "{v}: {:?}", codes(v));
        }
        assert_eq!(check("  User@QQ.COM ", &opts()).value, "User@qq.com");
    }

    #[test]
    fn full_width_at_is_an_error_with_fix() {
        let r = check("zhang＠qq.com", &opts());
        assert!(!r.ok());
        assert_eq!(r.findings[0].code, "email.full_width_at");
        assert_eq!(r.findings[0].fix.as_deref(), Some("zhang@qq.com"));
        assert_eq!(r.findings[0].span, Some((5, 6)));
    }

    #[test]
    fn invalid() {
        assert_eq!(codes("abc"), ["email.no_at"]);
        assert_eq!(codes("a@b@c.com"), ["email.multiple_at"]);
        assert_eq!(codes("@qq.com"), ["email.local_empty"]);
        assert_eq!(codes("a..b@qq.com"), ["email.local_dots"]);
        assert_eq!(codes("a b@qq.com"), ["email.space"]);
        assert_eq!(codes("ab@qq"), ["email.domain_no_dot"]);
        assert_eq!(codes("ab@-qq.com"), ["email.domain_invalid"]);
        assert_eq!(codes("ab@qq.c"), ["email.domain_tld"]);
        assert_eq!(codes("ab@qq.com."), ["email.domain_invalid"]);
        assert_eq!(codes("a,b@qq.com"), ["email.invalid_char"]);
        assert_eq!(codes("ab@qq.con"), ["email.domain_typo"]);
        assert_eq!(codes(""), ["email.empty"]);
    }

    #[test]
    fn partial_waits_for_the_rest() {
        let mut o = opts();
        o.partial = true;
        for v in ["zhang", "zhang@", "zhang@qq", "zhang@qq.", "zhang@qq.c"] {
            assert!(check(v, &o).findings.is_empty(), "{v}");
        }
        assert!(!check("zh ang", &o).ok());
    }
}
