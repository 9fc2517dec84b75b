//! `checkFooter`: the filing display rules on a page (rules.md §8).
//!
//! Finds every ICP number and 公网安备 number in the visible text (text may
//! be split across tags; entities decoded), then checks that each ICP number
//! links to `beian.miit.gov.cn` (old hosts: warning), that each 公网安备
//! number links to `beian.mps.gov.cn` / `www.beian.gov.cn` with the same 14
//! digits, and — when the caller says which numbers the site has — that the
//! page shows exactly those. Spans are UTF-16 offsets into the HTML.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding, InfoValue};
use crate::options::Options;
use crate::site::filing_number;
use crate::site::html::{self, Anchor, Flat};
use crate::site::psb_number;

/// What the page is expected to show (the extra `checkFooter` options).
#[derive(Clone, Debug, Default)]
pub struct FooterExpect {
    /// The site's ICP number (`options.icpNumber`).
    pub icp_number: Option<String>,
    /// The site's 公网安备 number (`options.psbNumber`).
    pub psb_number: Option<String>,
    /// The filed domain (`options.domain`).
    pub domain: Option<String>,
}

/// The code of the empty finding left in a field result's place when its
/// findings are moved out (never reported; a constant, so the catalog test
/// does not take it for a code).
const MOVED: &str = "";

/// The host the ICP number must link to.
pub const MIIT_HOST: &str = "beian.miit.gov.cn";
/// Hosts of the MIIT system used in older footers.
pub const MIIT_OLD_HOSTS: &[&str] = &[
    "www.beian.miit.gov.cn",
    "miibeian.gov.cn",
    "www.miibeian.gov.cn",
];
/// Hosts of the public-security filing system.
pub const PSB_HOSTS: &[&str] = &["beian.mps.gov.cn", "www.beian.gov.cn", "beian.gov.cn"];

/// A number found on the page.
struct Found {
    /// Text characters `[start, end)` in the flat text.
    start: usize,
    end: usize,
    /// The text as written on the page.
    written: String,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn skip_spaces(t: &[char], mut i: usize) -> usize {
    while t.get(i) == Some(&' ') {
        i += 1;
    }
    i
}

fn skip_digits(t: &[char], mut i: usize) -> usize {
    while t.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    i
}

/// Start of the province character before `at` (skipping spaces), if any.
fn province_before(t: &[char], at: usize) -> usize {
    let mut k = at;
    while k > 0 && t.get(k - 1) == Some(&' ') {
        k -= 1;
    }
    match k.checked_sub(1).and_then(|p| t.get(p)) {
        Some(c) if !c.is_ascii() && !c.is_whitespace() && !crate::text::has("：:，,|｜、", *c) => {
            k - 1
        }
        _ => at,
    }
}

/// The optional `-N[AXK]` service suffix at `i`; returns the index after it.
fn suffix_end(t: &[char], i: usize) -> usize {
    let k = skip_spaces(t, i);
    if !t.get(k).copied().is_some_and(is_dash) {
        return i;
    }
    let d = skip_spaces(t, k + 1);
    let e = skip_digits(t, d);
    if e == d {
        return i;
    }
    match t.get(e) {
        Some(c)
            if matches!(c.to_ascii_uppercase(), 'A' | 'X' | 'K')
                && !t.get(e + 1).is_some_and(|n| n.is_ascii_alphanumeric()) =>
        {
            e + 1
        }
        _ => e,
    }
}

/// Hands `each` every ICP number in `t` (`京ICP备…号-N`), in text order.
fn find_icp(t: &[char], mut each: impl FnMut(Found)) {
    let mut i = 0;
    while i + 3 <= t.len() {
        let is_icp = matches!(t.get(i..i + 3), Some([a, b, c])
            if matches!((a, b, c), ('I' | 'i', 'C' | 'c', 'P' | 'p')));
        if !is_icp {
            i += 1;
            continue;
        }
        let k = skip_spaces(t, i + 3);
        if !matches!(t.get(k), Some('备' | '证')) {
            i += 3;
            continue;
        }
        let d = skip_spaces(t, k + 1);
        let e = skip_digits(t, d);
        if e == d {
            i = k + 1;
            continue;
        }
        let mut end = e;
        let h = skip_spaces(t, e);
        if t.get(h) == Some(&'号') {
            end = suffix_end(t, h + 1);
        } else {
            // "滇ICP备09010050-5号": suffix before 号.
            let s = suffix_end(t, e);
            let h2 = skip_spaces(t, s);
            end = if s > e && t.get(h2) == Some(&'号') {
                h2 + 1
            } else {
                s.max(end)
            };
        }
        each(Found::span(t, province_before(t, i), end));
        i = end.max(i + 1);
    }
}

impl Found {
    /// The number written at `[start, end)` of the flattened text.
    fn span(t: &[char], start: usize, end: usize) -> Found {
        Found {
            start,
            end,
            written: t.get(start..end).unwrap_or(&[]).iter().collect(),
        }
    }
}

/// Telecom licence numbers (增值电信业务经营许可证: `粤B2-20090059`,
/// `皖B1.B2-20070020`, with an optional `-N` suffix): a class `A2`/`B1`/…
/// at a word start, then a dash and 8 digits. Each is handed to `each`.
fn find_licence(t: &[char], mut each: impl FnMut(Found)) {
    let mut i = 0;
    while i + 2 < t.len() {
        let class = |k: usize| {
            matches!(t.get(k), Some('A' | 'B')) && matches!(t.get(k + 1), Some('1'..='4'))
        };
        let word_start = i == 0 || !t.get(i - 1).is_some_and(|c| c.is_ascii_alphanumeric());
        if !(word_start && class(i)) {
            i += 1;
            continue;
        }
        let mut k = i + 2;
        while t.get(k) == Some(&'.') && class(k + 1) {
            k += 3;
        }
        let dash = skip_spaces(t, k);
        let d = skip_spaces(t, dash + 1);
        let e = skip_digits(t, d);
        if !t.get(dash).copied().is_some_and(is_dash) || e - d != 8 {
            i += 1;
            continue;
        }
        let end = suffix_end(t, e);
        // The province only when it is one: licences often follow "：" or "·".
        let p = province_before(t, i);
        let start = match t.get(p) {
            Some(c) if p < i && crate::province::Province::by_abbr(*c).is_some() => p,
            _ => i,
        };
        each(Found::span(t, start, end));
        i = end;
    }
}

/// Hands `each` every 公网安备 number in `t`, in text order.
fn find_psb(t: &[char], mut each: impl FnMut(Found)) {
    let kw = ['公', '网', '安', '备'];
    let mut i = 0;
    while i + kw.len() <= t.len() {
        if t.get(i..i + kw.len()) != Some(&kw[..]) {
            i += 1;
            continue;
        }
        let d = skip_spaces(t, i + kw.len());
        let e = skip_digits(t, d);
        let h = skip_spaces(t, e);
        let end = if e > d && t.get(h) == Some(&'号') {
            h + 1
        } else {
            e
        };
        each(Found::span(t, province_before(t, i), end));
        i = end.max(i + 1);
    }
}

/// The anchor enclosing any character of `[start, end)`.
fn anchor_of(flat: &Flat, start: usize, end: usize) -> Option<usize> {
    flat.anchor.get(start..end)?.iter().find_map(|a| *a)
}

/// Maps an inner finding's span (UTF-16 offsets into `written`) to the HTML.
fn remap(flat: &Flat, found: &Found, span: Option<(u32, u32)>) -> Option<(u32, u32)> {
    let (a, b) = span?;
    let mut off = 0u32;
    let mut first = None;
    let mut last = None;
    for (k, c) in found.written.chars().enumerate() {
        let w = c.len_utf16() as u32;
        if off + w > a && off < b.max(a + 1) {
            first.get_or_insert(k);
            last = Some(k);
        }
        off += w;
    }
    match (first, last) {
        (Some(f), Some(l)) => flat.span(found.start + f, found.start + l + 1),
        _ => flat.span(found.start, found.end),
    }
}

/// Re-homes the findings of a field check on a found number into the HTML.
fn add_inner(r: &mut FieldResult, mut inner: FieldResult, flat: &Flat, found: &Found) {
    for f in &mut inner.findings {
        if f.code.starts_with("format.") {
            continue;
        }
        f.fix = None;
        f.span = remap(flat, found, f.span);
        // Moved out in place (a by-value loop links Vec<Finding>'s IntoIter).
        r.push(core::mem::replace(f, Finding::info(MOVED)));
    }
}

/// The runs of exactly 14 digits in `href` (record codes in a 公网安备
/// link): the first one, and whether `digits` is one of them.
fn href_code(href: &str, digits: &str) -> (Option<String>, bool) {
    let (mut first, mut found) = (None, false);
    let mut run = String::new();
    for c in href.chars().chain(core::iter::once(' ')) {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            if run.len() == 14 {
                found |= run == digits;
                first.get_or_insert_with(|| run.clone());
            }
            run.clear();
        }
    }
    (first, found)
}

/// The ASCII digits of `s`, full-width ones folded (also the form's
/// emergency phone).
pub(crate) fn digits_of(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().map(crate::text::fold_width) {
        if c.is_ascii_digit() {
            out.push(c);
        }
    }
    out
}

/// Checks a number found on the page with its field `check`, re-homes the
/// findings, adds `not_linked` (quoting the number) when no link encloses
/// it, and returns its normalised value and that link.
fn check_found<'f>(
    r: &mut FieldResult,
    flat: &'f Flat,
    found: &Found,
    opts: &Options,
    check: fn(&str, &Options) -> FieldResult,
    not_linked: Finding,
) -> (String, Option<&'f Anchor>) {
    let inner = check(&found.written, opts);
    let value = inner.value.clone();
    add_inner(r, inner, flat, found);
    let anchor = anchor_of(flat, found.start, found.end).and_then(|a| flat.anchors.get(a));
    if anchor.is_none() {
        r.push(
            not_linked
                .param("number", value.as_str())
                .span(flat.span(found.start, found.end)),
        );
    }
    (value, anchor)
}

/// A link to the wrong host: quotes the host, or the whole href when it has none.
fn wrong_host(f: Finding, host: Option<String>, a: &Anchor) -> Finding {
    f.param("host", host.unwrap_or_else(|| a.href.clone()))
        .span(Some(a.span))
}

/// Checks a page's HTML (or just its footer) for the filing display rules.
pub fn check_footer(html_text: &str, opts: &Options, expected: FooterExpect) -> FieldResult {
    let flat = html::flatten(html_text);
    let t = &flat.text;
    let mut r = FieldResult::new(String::new());
    let mut icp_found: Vec<String> = Vec::new();
    let mut psb_found: Vec<String> = Vec::new();

    find_icp(t, |found| {
        let (value, anchor) = check_found(
            &mut r,
            &flat,
            &found,
            opts,
            filing_number::check,
            Finding::error("footer.icp_not_linked"),
        );
        if let Some(a) = anchor {
            match html::host_of(&a.href) {
                Some(h) if h == MIIT_HOST => {}
                Some(h) if MIIT_OLD_HOSTS.contains(&h.as_str()) => r.push(
                    Finding::warning("footer.icp_link_old")
                        .param("host", h)
                        .span(Some(a.span)),
                ),
                other => r.push(wrong_host(
                    Finding::error("footer.icp_link_wrong"),
                    other,
                    a,
                )),
            }
        }
        add_new(&mut icp_found, value);
    });

    find_psb(t, |found| {
        let (value, anchor) = check_found(
            &mut r,
            &flat,
            &found,
            opts,
            psb_number::check,
            Finding::warning("footer.psb_not_linked"),
        );
        if let Some(a) = anchor {
            match html::host_of(&a.href) {
                Some(h) if PSB_HOSTS.contains(&h.as_str()) => {
                    let digits = digits_of(&value);
                    match href_code(&a.href, &digits) {
                        (None, _) => {
                            r.push(Finding::warning("footer.psb_link_no_code").span(Some(a.span)))
                        }
                        (Some(code), false) => r.push(
                            Finding::error("footer.psb_link_mismatch")
                                .param("code", code)
                                .param("digits", digits)
                                .span(Some(a.span)),
                        ),
                        _ => {}
                    }
                }
                other => r.push(wrong_host(
                    Finding::warning("footer.psb_link_wrong"),
                    other,
                    a,
                )),
            }
        }
        add_new(&mut psb_found, value);
    });

    // Licences are read and checked as icpNumber does (their format and
    // year); whether a page must show one is not sourced, so a missing one
    // says nothing.
    let mut licence_found: Vec<String> = Vec::new();
    find_licence(t, |found| {
        let inner = filing_number::check(&found.written, opts);
        let value = inner.value.clone();
        add_inner(&mut r, inner, &flat, &found);
        add_new(&mut licence_found, value);
    });

    if icp_found.is_empty() {
        r.push(Finding::error("footer.icp_missing"));
    }
    if let Some(want) = given(&expected.icp_number) {
        expect_icp(&mut r, want, &icp_found);
    }
    if let Some(want) = given(&expected.psb_number) {
        let want_digits = digits_of(want);
        let shown = psb_found.iter().any(|p| digits_of(p) == want_digits);
        if !shown {
            r.push(Finding::error("footer.psb_expected_missing").param("expected", want.trim()));
        }
    } else if psb_found.is_empty() {
        r.push(Finding::info("footer.psb_absent"));
    }

    for list in [&icp_found, &psb_found, &licence_found] {
        for v in list {
            if !r.value.is_empty() {
                r.value.push(' ');
            }
            r.value.push_str(v);
        }
    }
    r.info.push(("icpNumbers", InfoValue::List(icp_found)));
    r.info.push(("psbNumbers", InfoValue::List(psb_found)));
    if !licence_found.is_empty() {
        r.info
            .push(("licenceNumbers", InfoValue::List(licence_found)));
    }
    if let Some(d) = given(&expected.domain) {
        let dr = crate::site::domain::check(d, opts);
        r.info_str("domain", dr.value);
    }
    r.finish()
}

/// Adds `value` to `list` unless it is there already.
fn add_new(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// An expected value the caller gave (not absent or blank).
fn given(option: &Option<String>) -> Option<&str> {
    option.as_deref().filter(|s| !s.trim().is_empty())
}

fn expect_icp(r: &mut FieldResult, want: &str, found: &[String]) {
    let Some(w) = filing_number::parse_str(want) else {
        r.push(Finding::error("footer.icp_expected_invalid").param("expected", want.trim()));
        return;
    };
    let canonical = w.canonical();
    if found.contains(&canonical) {
        return;
    }
    let subject = w.subject();
    let subject_shown = found.iter().any(|v| {
        filing_number::parse_str(v).is_some_and(|p| p.seq.is_none() && p.subject() == subject)
    });
    if w.seq.is_some() && subject_shown {
        // Guangdong footers show the subject number (HW-KB); elsewhere the service number.
        if w.province != Some('粤') {
            r.push(
                Finding::warning("footer.icp_subject_only")
                    .param("expected", canonical)
                    .param("subject", subject),
            );
        }
        return;
    }
    r.push(Finding::error("footer.icp_expected_missing").param("expected", canonical));
}
