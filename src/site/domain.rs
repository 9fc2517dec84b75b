//! Domains to be filed (rules.md §2). What is filed is the registrable
//! domain — the fileable suffix plus one label (`example.com.cn`) — so a URL,
//! `www.` or a sub-domain gets a finding whose `fix` is that domain. The
//! suffix must be on the fileable list (`tlds` section of the profile: dated
//! data that providers override); the ones providers say cannot be filed are
//! named in the message. IDN labels are accepted in Unicode and in Punycode.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding};
use crate::json::Json;
use crate::options::Options;
use crate::province::Province;
#[cfg(feature = "idna")]
use crate::site::idna;
use crate::site::{fixed, flag, punycode};
use crate::text::{self, Normalized, Rules};

const MAX_LABEL: usize = 63;
const MAX_NAME: usize = 253;

/// The fileable-suffix data of a profile (`tlds` section), read in place:
/// `fileable` (rows `[suffix, ascii, sources]` or plain strings),
/// `notFileable`, `notFileableIn`, `updated`, and the provider adjustments
/// `add` / `remove`. A view of the section, not a copy: no list is built,
/// and the lists are as short to scan as copies would be.
#[derive(Clone, Copy, Debug)]
pub struct Suffixes<'a> {
    sec: Option<&'a Json>,
}

impl<'a> Suffixes<'a> {
    /// The `tlds` section of the options' profile.
    pub fn of(opts: &'a Options) -> Suffixes<'a> {
        Suffixes {
            sec: opts.profile.section("tlds"),
        }
    }

    /// A `tlds` section.
    pub fn from_section(sec: &'a Json) -> Suffixes<'a> {
        Suffixes { sec: Some(sec) }
    }

    /// The value under `key`.
    fn get(self, key: &str) -> Option<&'a Json> {
        self.sec?.get(key)
    }

    /// The array under `key` (empty when absent or not an array).
    fn list(self, key: &str) -> &'a [Json] {
        self.get(key).and_then(Json::as_array).unwrap_or(&[])
    }

    /// True when `suffix` (Unicode form) is on the fileable list: a
    /// `fileable` row or added by the provider (`add`), and not removed
    /// (`remove`).
    pub fn is_fileable(self, suffix: &str) -> bool {
        let row = self.list("fileable").iter().any(|row| {
            let name = match row {
                Json::Arr(cols) => cols.first().and_then(Json::as_str),
                other => other.as_str(),
            };
            name == Some(suffix)
        });
        (row || in_json(self.list("add"), suffix)) && !in_json(self.list("remove"), suffix)
    }

    /// True when providers say `suffix` cannot be filed (`notFileable`,
    /// unless the provider added it).
    pub fn is_not_fileable(self, suffix: &str) -> bool {
        in_json(self.list("notFileable"), suffix) && !in_json(self.list("add"), suffix)
    }

    /// True when `notFileableIn` says `suffix` cannot be filed in
    /// `province`, named by its abbreviation, ICP abbreviation or short name.
    pub fn excluded_in(self, suffix: &str, province: &Province) -> bool {
        let map = self
            .get("notFileableIn")
            .and_then(Json::as_object)
            .unwrap_or(&[]);
        let Some((_, names)) = map.iter().find(|(k, _)| k == suffix) else {
            return false;
        };
        for name in names.as_array().unwrap_or(&[]) {
            let Some(name) = name.as_str() else { continue };
            // A one-char name: the abbreviation; an empty one stands for
            // a missing ICP abbreviation.
            let mut chars = name.chars();
            let first = chars.next();
            if (chars.next().is_none() && (first == Some(province.abbr) || first == province.icp))
                || name == province.short
            {
                return true;
            }
        }
        false
    }

    /// When the list was last checked (`updated`).
    pub fn updated(self) -> &'a str {
        self.get("updated").and_then(Json::as_str).unwrap_or("")
    }
}

/// True when `s` is one of the strings of a JSON array.
fn in_json(list: &[Json], s: &str) -> bool {
    list.iter().any(|j| j.as_str() == Some(s))
}

/// The byte offset in `name` (labels joined by `.`) where its last `k`
/// labels begin: 0 when it has no more than `k`.
fn last_labels(name: &str, k: usize) -> usize {
    let mut dots = 0;
    for (i, b) in name.bytes().enumerate().rev() {
        if b == b'.' {
            dots += 1;
            if dots == k {
                return i + 1;
            }
        }
    }
    0
}

/// The number of labels of a name (labels joined by `.`).
fn label_count(name: &str) -> usize {
    1 + name.bytes().filter(|b| *b == b'.').count()
}

/// The byte offset in `name` (Unicode labels joined by `.`) where its
/// longest fileable suffix begins, if it has one.
fn match_suffix(name: &str, list: Suffixes) -> Option<usize> {
    let mut start = 0;
    loop {
        let rest = name.get(start..)?;
        if list.is_fileable(rest) {
            return Some(start);
        }
        start += text::cut(rest, b'.')?.0.len() + 1;
    }
}

/// Appends `label` to a name, after a `.` unless it is the first.
fn push_label(name: &mut String, label: &str) {
    if !name.is_empty() {
        name.push('.');
    }
    name.push_str(label);
}

/// The registrable domain of a host name (any of Unicode, Punycode, upper
/// case), in the form it was written, when its suffix is on the fileable list.
pub fn registrable(host: &str, opts: &Options) -> Option<String> {
    let written = crate::text::trim_end(host, b'.').to_ascii_lowercase();
    let mut unicode = String::new();
    for (i, l) in crate::text::pieces(&written, b'.').enumerate() {
        if i > 0 {
            unicode.push('.');
        }
        unicode.push_str(&punycode::to_unicode_label(l)?);
    }
    let at = match_suffix(&unicode, Suffixes::of(opts))?;
    if at == 0 {
        return None;
    }
    let k = label_count(unicode.get(at..)?);
    written
        .get(last_labels(&written, k + 1)..)
        .map(String::from)
}

/// Where the host sits in the normalised input, after stripping URL parts.
struct Located {
    start: usize,
    end: usize,
    url: bool,
    /// Not a host a browser accepts (a port that is not a number, a bad
    /// `%` escape): `domain.url_invalid`.
    invalid: bool,
}

/// The schemes the WHATWG URL Standard calls special (`file` aside: it
/// has no host to file): `\` is a path separator in them, any run of `/`
/// and `\` may follow the `:`, and the host is a domain.
const SPECIAL: [&str; 5] = ["http", "https", "ws", "wss", "ftp"];

/// Finds the host in a domain field that may hold a URL, as the WHATWG URL
/// Standard's basic URL parser does (<https://url.spec.whatwg.org/#concept-basic-url-parser>):
/// after a special scheme any slashes or backslashes, the authority ends at
/// `/`, `\` (special schemes), `?` or `#`, the user info ends at the last
/// `@` of the authority, a port is digits. A value without a scheme is a
/// host (and `host:80`); `//host` is scheme-relative.
fn locate(n: &Normalized) -> Located {
    let c = &n.chars;
    let mut start = 0;
    let mut url = false;
    let mut special = false;
    let is_scheme_char = |ch: &char| ch.is_ascii_alphanumeric() || text::has("+-.", *ch);
    let colon = c.iter().position(|ch| !is_scheme_char(ch));
    let scheme = colon
        .filter(|&i| c.get(i) == Some(&':') && c.first().is_some_and(char::is_ascii_alphabetic))
        .and_then(|i| c.get(..i));
    if let Some(scheme) = scheme {
        let after = scheme.len() + 1;
        if SPECIAL.iter().any(|s| s.chars().eq(scheme.iter().copied())) {
            special = true;
            url = true;
            start = after;
            while c.get(start).is_some_and(|ch| matches!(ch, '/' | '\\')) {
                start += 1;
            }
        } else if c.get(after..after + 2) == Some(&['/', '/'][..]) {
            start = after + 2;
            url = true;
        }
    } else if c.starts_with(&['/', '/']) {
        start = 2;
        url = true;
        special = true;
    }
    let mut end = c.len();
    if let Some(i) = c.get(start..).and_then(|s| {
        s.iter()
            .position(|ch| matches!(ch, '/' | '?' | '#') || (special && *ch == '\\'))
    }) {
        end = start + i;
        url = true;
    }
    // user@ and :port
    if let Some(i) = c
        .get(start..end)
        .and_then(|s| s.iter().rposition(|ch| *ch == '@'))
    {
        if url {
            start += i + 1;
        }
    }
    let mut invalid = false;
    if let Some(i) = c
        .get(start..end)
        .and_then(|s| s.iter().position(|ch| *ch == ':'))
    {
        let mut port = c.get(start + i + 1..end).unwrap_or(&[]);
        // Spaces before a cut and a final dot are dropped later (`a:80 /`,
        // `a:1.#x`): not part of the port, or the value would lose `:80`
        // only when checked again.
        while let [rest @ .., last] = port {
            if !(text::is_space(*last) || *last == '.') {
                break;
            }
            port = rest;
        }
        let digits = port.iter().all(char::is_ascii_digit);
        // A port over 65535 is refused by browsers, like a non-number.
        let in_range = port.len() < 5
            || (port.len() == 5 && port.iter().collect::<String>().as_str() <= "65535");
        if digits && in_range {
            end = start + i;
            url = true;
        } else if (url || digits) && c.get(start) != Some(&'[') {
            // A URL whose port is not a number: browsers refuse it.
            end = start + i;
            invalid = true;
        }
    }
    Located {
        start,
        end,
        url,
        invalid,
    }
}

/// The host of a URL with its `%XX` escapes decoded (UTF-8) and ASCII tabs
/// and newlines removed, as the URL parser does before domain-to-ASCII:
/// the decoded characters get the normalisation the rest of the value had,
/// and each keeps the span of its escape. `None` for a `%` that is not an
/// escape or bytes that are not UTF-8 (browsers refuse the URL).
fn decode_host(n: &Normalized, loc: &mut Located) -> Option<Normalized> {
    let host = n.chars.get(loc.start..loc.end)?;
    if !loc.url || !host.iter().any(|c| matches!(c, '%' | '\t' | '\n' | '\r')) {
        return Some(n.clone());
    }
    let mut out = Normalized {
        original_len: n.original_len,
        had_full_width: n.had_full_width,
        had_dropped: true,
        ..Normalized::default()
    };
    let origin = |i: usize| n.origin.get(i).copied().unwrap_or((0, 0));
    for i in 0..loc.start {
        out.chars.push(n.at(i)?);
        out.origin.push(origin(i));
    }
    let mut i = loc.start;
    let mut bytes: Vec<u8> = Vec::new();
    let mut decoded: Vec<char> = Vec::new();
    while i < loc.end {
        let c = n.at(i)?;
        if matches!(c, '\t' | '\n' | '\r') {
            i += 1;
            continue;
        }
        if c != '%' {
            out.chars.push(c);
            out.origin.push(origin(i));
            i += 1;
            continue;
        }
        // A run of escapes, decoded as one UTF-8 sequence.
        let from = i;
        bytes.clear();
        while n.at(i) == Some('%') {
            let hex = |k: usize| n.at(k).and_then(|d| d.to_digit(16));
            bytes.push((hex(i + 1)? * 16 + hex(i + 2)?) as u8);
            i += 3;
        }
        decoded.clear();
        utf8(&bytes, &mut decoded)?;
        let (a, b) = (origin(from).0, origin(i - 1).1);
        for &d in &decoded {
            // A forbidden domain code point after decoding (`%23` → `#`,
            // `%2F` → `/`, a control): the host parser refuses the URL, and
            // a value that kept it would locate another host when checked
            // again.
            if d.is_ascii_control() || text::has(" #%/:<>?@[\\]^|", d) {
                return None;
            }
            if text::is_invisible(d) {
                continue;
            }
            let d = match text::fold_width(d) {
                '\u{3002}' | '\u{FF61}' => '.',
                d => d.to_ascii_lowercase(),
            };
            out.chars.push(d);
            out.origin.push((a, b));
        }
    }
    let end = out.chars.len();
    for i in loc.end..n.len() {
        out.chars.push(n.at(i)?);
        out.origin.push(origin(i));
    }
    loc.end = end;
    Some(out)
}

/// Decodes UTF-8 `bytes` (a host's `%XX` run) onto `out`; `None` when they
/// are not UTF-8 (overlong forms and surrogates included). A small loop
/// instead of core's `str::from_utf8` (~700 B of wasm).
fn utf8(bytes: &[u8], out: &mut Vec<char>) -> Option<()> {
    let mut it = bytes.iter();
    while let Some(&b) = it.next() {
        let (len, mut v, min) = match b {
            0x00..=0x7F => (0, u32::from(b), 0),
            0xC2..=0xDF => (1, u32::from(b & 0x1F), 0x80),
            0xE0..=0xEF => (2, u32::from(b & 0x0F), 0x800),
            0xF0..=0xF4 => (3, u32::from(b & 0x07), 0x10000),
            _ => return None,
        };
        for _ in 0..len {
            let c = *it.next()?;
            if c & 0xC0 != 0x80 {
                return None;
            }
            v = v << 6 | u32::from(c & 0x3F);
        }
        if v < min {
            return None;
        }
        out.push(char::from_u32(v)?);
    }
    Some(())
}

/// True when the last label of a host is a number (`1`, `0x1f`): the URL
/// Standard then reads the host as an IPv4 address, or refuses it
/// (<https://url.spec.whatwg.org/#ends-in-a-number-checker>).
fn ends_in_number(host: &[char]) -> bool {
    let host = match host {
        [rest @ .., '.'] => rest,
        h => h,
    };
    let last = host.rsplit(|c| *c == '.').next().unwrap_or(&[]);
    match last {
        [] => false,
        ['0', 'x', hex @ ..] => hex.iter().all(char::is_ascii_hexdigit),
        digits => digits.iter().all(char::is_ascii_digit),
    }
}

/// True when the URL Standard's IPv4 parser accepts `host`: up to four
/// dot-separated numbers in decimal, octal (`0…`) or hex (`0x…`), the last
/// filling the remaining bytes (`127.1`, `0x7f000001`).
fn ipv4_number(host: &[char]) -> bool {
    let host = match host {
        [rest @ .., '.'] => rest,
        h => h,
    };
    let parts = 1 + host.iter().filter(|c| **c == '.').count();
    if parts > 4 || !ends_in_number(host) {
        return false;
    }
    for (k, part) in host.split(|c| *c == '.').enumerate() {
        let (digits, radix) = match part {
            ['0', 'x', hex @ ..] => (hex, 16),
            ['0', oct @ ..] if !oct.is_empty() => (oct, 8),
            [] => return false,
            dec => (dec, 10),
        };
        let mut v: u64 = 0;
        for d in digits {
            match d.to_digit(radix) {
                Some(d) => v = (v * u64::from(radix) + u64::from(d)).min(1 << 33),
                None => return false,
            }
        }
        let max = if k + 1 == parts {
            1u64 << (8 * (5 - parts))
        } else {
            256
        };
        if v >= max {
            return false;
        }
    }
    true
}

fn is_ipv4_like(s: &[char]) -> bool {
    !s.is_empty() && s.iter().all(|c| c.is_ascii_digit() || *c == '.') && s.contains(&'.')
}

/// Checks a domain to be filed.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = text::trim(text::normalize(
        input,
        Rules {
            dots: true,
            lower: true,
            ..Rules::default()
        },
    ));
    let mut loc = locate(&n);
    let Some(n) = decode_host(&n, &mut loc) else {
        let mut r = FieldResult::new(n.as_string());
        flag(&mut r, "domain.url_invalid", n.whole());
        return r;
    };
    // Spaces next to a cut (`http:// a/`, `a #x`) are not part of the host.
    while loc.start < loc.end && n.at(loc.start).is_some_and(text::is_space) {
        loc.start += 1;
    }
    while loc.end > loc.start && n.at(loc.end - 1).is_some_and(text::is_space) {
        loc.end -= 1;
    }
    // A trailing dot (fully-qualified form) is not part of what is filed —
    // only one that ends a label: `a..` and `a .` keep theirs, so the value
    // normalises to itself when checked again (tests/properties.rs).
    let ends_label = loc.end >= loc.start + 2
        && n.at(loc.end - 2)
            .is_some_and(|c| c != '.' && !text::is_space(c));
    if ends_label && n.at(loc.end - 1) == Some('.') && !opts.partial {
        loc.end -= 1;
    }
    let host: String = n
        .chars
        .get(loc.start..loc.end)
        .unwrap_or(&[])
        .iter()
        .collect();
    let mut r = FieldResult::new(host.as_str());
    let mut labels = Labels::default();
    check_host(
        input,
        opts,
        &Host {
            n: &n,
            loc,
            text: &host,
        },
        &mut labels,
        &mut r,
    );
    r
}

/// The host part of the input: where it is, and its text.
struct Host<'a> {
    n: &'a Normalized,
    loc: Located,
    text: &'a str,
}

/// The findings on a located host. The owned values live in the caller,
/// so the many early returns here have nothing to drop.
fn check_host(input: &str, opts: &Options, h: &Host, labels: &mut Labels, r: &mut FieldResult) {
    let (n, start, end) = (h.n, h.loc.start, h.loc.end);
    let host_chars = n.chars.get(start..end).unwrap_or(&[]);
    if host_chars.is_empty() {
        if !opts.partial || h.loc.url {
            flag(r, "domain.empty", n.whole());
        }
        return;
    }
    let whole_host = n.span(start, end);
    if h.loc.invalid {
        flag(r, "domain.url_invalid", n.whole());
        return;
    }
    if is_ipv4_like(host_chars)
        || host_chars.first() == Some(&'[')
        || host_chars.contains(&':')
        || ipv4_number(host_chars)
    {
        flag(r, "domain.ip", whole_host);
        return;
    }
    if ends_in_number(host_chars) {
        flag(r, "domain.url_invalid", whole_host);
        return;
    }
    if parse_labels(n, start, end, opts, labels, r).is_none() {
        return;
    }
    let (unicode, spans) = (labels.unicode.as_str(), labels.spans.as_slice());
    // The labels as written, joined by `.`: the host without the trailing
    // dot of an empty last label kept while typing.
    let written = text::trim_end(h.text, b'.');
    let list = Suffixes::of(opts);
    r.info_str("unicode", unicode);
    r.info_str("ascii", labels.ascii.as_str());
    let matched = match_suffix(unicode, list);
    // The matched suffix, else the last label.
    let tld = unicode
        .get(matched.unwrap_or_else(|| last_labels(unicode, 1))..)
        .unwrap_or("");
    let not_fileable = matched.is_none() && list.is_not_fileable(tld);
    let single = spans.len() < 2;
    if !(single && matched.is_none()) {
        r.info_str("tld", tld);
    }
    // A suffix alone (`com.cn`, `ai`).
    if matched == Some(0) || single {
        if matched.is_some() || not_fileable {
            r.push(
                Finding::error("domain.bare_tld")
                    .param("suffix", tld)
                    .span(whole_host),
            );
        } else if !opts.partial {
            flag(r, "domain.no_suffix", whole_host);
        }
        return;
    }
    if matched.is_none() {
        let (a, b) = spans.last().copied().unwrap_or((start, end));
        if not_fileable || !opts.partial {
            let f = if not_fileable {
                Finding::error("domain.not_fileable")
            } else {
                Finding::warning("domain.suffix_unlisted")
            };
            let mut f = f.param("suffix", cat!(".", tld));
            if !not_fileable {
                f = f.param("updated", list.updated());
            }
            r.push(f.span(n.span(a, b)));
        }
        if h.loc.url {
            // A one-label suffix the list refuses: the registrable domain is
            // its last two labels. An unlisted suffix may have more labels,
            // but `www.` is never one of them (issue 16 item 13).
            let host = if not_fileable {
                written.get(last_labels(written, 2)..).unwrap_or(written)
            } else if spans.len() > 2 {
                written.strip_prefix("www.").unwrap_or(written)
            } else {
                written
            };
            r.push(fixed("domain.url", "domain", host, n.whole()));
        }
        return;
    }
    let suffix = tld;
    let k = label_count(suffix);
    let registrable = written.get(last_labels(written, k + 1)..).unwrap_or("");
    r.info_str("registrable", registrable);
    if let Some(province) = opts.province {
        if list.excluded_in(suffix, province) {
            let first = spans.len().saturating_sub(k);
            let a = spans.get(first).map(|s| s.0).unwrap_or(start);
            r.push(
                Finding::error("domain.not_fileable_in")
                    .param("suffix", cat!(".", suffix))
                    .param("province", province.name)
                    .span(n.span(a, end)),
            );
        }
    }
    // Labels before the registrable domain.
    let sub_labels = spans.len() - k - 1;
    let www = sub_labels == 1 && written.starts_with("www.");
    if h.loc.url {
        r.push(fixed("domain.url", "domain", registrable, n.whole()));
    } else if sub_labels > 0 && (suffix != "gov.cn" || www) {
        // .gov.cn sub-domains are filed on their own (HW-KB 备案域名咨询), www. aside.
        let reg_span_start = spans.get(sub_labels).map(|s| s.0).unwrap_or(start);
        r.push(fixed(
            if www {
                "domain.www"
            } else {
                "domain.subdomain"
            },
            "domain",
            registrable,
            n.span(start, reg_span_start),
        ));
    } else {
        text::note_normalized(r, input, h.text);
    }
}

/// The labels of a host: its Unicode and ASCII forms joined by `.`, and
/// each label's span.
#[derive(Default)]
struct Labels {
    unicode: String,
    ascii: String,
    spans: Vec<(usize, usize)>,
    /// A label has a right-to-left character (a bidi domain name).
    #[cfg(feature = "idna")]
    rtl: bool,
    /// The pending finding of a build without the IDNA checks is out.
    #[cfg(not(feature = "idna"))]
    pending: bool,
}

/// Splits and checks the labels of `n.chars[start..end]` into `out`; `None`
/// after an error.
fn parse_labels(
    n: &Normalized,
    start: usize,
    end: usize,
    opts: &Options,
    out: &mut Labels,
    r: &mut FieldResult,
) -> Option<()> {
    let mut s = start;
    for i in start..=end {
        if i == end || n.at(i) == Some('.') {
            out.spans.push((s, i));
            s = i + 1;
        }
    }
    let count = out.spans.len();
    let mut labels = count;
    let fail = |r: &mut FieldResult, code: &str, from: usize, to: usize| {
        flag(r, code, n.span(from, to));
        None
    };
    for (k, &(a, b)) in out.spans.iter().enumerate() {
        let label = n.chars.get(a..b).unwrap_or(&[]);
        if label.is_empty() {
            if opts.partial && k + 1 == count && k > 0 {
                // A trailing empty label kept while typing.
                labels = k;
                break;
            }
            let at = if a > start { a - 1 } else { a };
            return fail(r, "domain.empty_label", at, at + 1);
        }
        // ASCII by STD3 rules; other characters by UTS #46 (site/idna.rs).
        if let Some(i) = label.iter().position(|c| {
            text::is_space(*c)
                || (c.is_ascii() && !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        }) {
            let bad = label.get(i).copied().unwrap_or('?');
            let code = if text::is_space(bad) {
                "domain.space"
            } else {
                "domain.invalid_char"
            };
            r.push(
                Finding::error(code)
                    .param("char", bad)
                    .span(n.span(a + i, a + i + 1)),
            );
            return None;
        }
        let written: String = label.iter().collect();
        let xn = written.starts_with("xn--");
        // Set by the label check: a right-to-left label seen (with the
        // IDNA checks), the pending warning given (without them).
        #[cfg(feature = "idna")]
        let seen = &mut out.rtl;
        #[cfg(not(feature = "idna"))]
        let seen = &mut out.pending;
        let unicode = idn_label(n, (a, b), &written, seen, r)?;
        let unicode_label: String = unicode.iter().collect();
        push_label(&mut out.unicode, &unicode_label);
        let encoded;
        let ascii: &str = if xn || written.is_ascii() {
            &written
        } else {
            match punycode::encode(label) {
                Some(p) => {
                    encoded = cat!("xn--", p);
                    &encoded
                }
                None => return fail(r, "domain.label_too_long", a, b),
            }
        };
        if ascii.len() > MAX_LABEL {
            r.push(
                Finding::error("domain.label_too_long")
                    .param_n("length", ascii.len() as i64)
                    .span(n.span(a, b)),
            );
            return None;
        }
        push_label(&mut out.ascii, ascii);
    }
    out.spans.truncate(labels);
    #[cfg(feature = "idna")]
    name_checks(n, out, r)?;
    if out.ascii.len() > MAX_NAME {
        r.push(
            Finding::error("domain.too_long")
                .param_n("length", out.ascii.len() as i64)
                .span(n.span(start, end)),
        );
        return None;
    }
    Some(())
}

/// The Unicode form of one label, `n.chars[a..b]` (written as `written`;
/// its ASCII characters already passed the STD3 rules); `None` after an
/// error. With the IDNA checks (feature `idna`), the label is checked by
/// UTS #46 (site/idna.rs). Without them (the fields module): the hyphen
/// rules, an `xn--` label must decode to a non-ASCII label, and a label
/// [`super::plain_label`] cannot decide gets the pending warning
/// `domain.idn_unchecked` (once per name) instead of the UTS #46, bidi and
/// mixed-script checks, which the full build runs (docs/domains.md).
/// `seen`: a right-to-left label (with them), the warning given (without).
fn idn_label(
    n: &Normalized,
    (a, b): (usize, usize),
    written: &str,
    seen: &mut bool,
    r: &mut FieldResult,
) -> Option<Vec<char>> {
    #[cfg(feature = "idna")]
    {
        let label = n.chars.get(a..b).unwrap_or(&[]);
        let xn = written.starts_with("xn--");
        let unicode = if xn {
            idna::decode_label(written)
        } else {
            None
        }
        .unwrap_or_else(|| label.to_vec());
        match idna::check_label(&unicode) {
            Err(f) => {
                let e = Finding::error(if xn { "domain.punycode" } else { f.code });
                r.push(match f.at {
                    Some(i) if !xn => e
                        .param("char", label.get(i).copied().unwrap_or('?'))
                        .span(n.span(a + i, a + i + 1)),
                    _ => e.param("label", written).span(n.span(a, b)),
                });
                return None;
            }
            Ok(true) => {
                let i = unicode
                    .iter()
                    .position(|c| idna::class(*c) == idna::UNVERIFIED)
                    .unwrap_or(0);
                let mut w = Finding::warning("domain.idna_unverified")
                    .param("char", unicode.get(i).copied().unwrap_or('?'));
                if !xn {
                    w = w.span(n.span(a + i, a + i + 1));
                }
                r.push(w);
            }
            Ok(false) => {}
        }
        *seen |= idna::is_rtl(&unicode);
        Some(unicode)
    }
    #[cfg(not(feature = "idna"))]
    match super::unchecked_label(written) {
        Err(code) => {
            r.push(
                Finding::error(code)
                    .param("label", written)
                    .span(n.span(a, b)),
            );
            None
        }
        Ok(unicode) => {
            super::idn_unchecked(r, seen, &unicode, written, n.span(a, b));
            Some(unicode)
        }
    }
}

/// The checks of a whole name (after its labels): UTS #39 mixed scripts
/// and, in a name with a right-to-left label, RFC 5893's bidi rules.
#[cfg(feature = "idna")]
fn name_checks(n: &Normalized, out: &Labels, r: &mut FieldResult) -> Option<()> {
    // UTS #39 mixed scripts (look-alikes such as a Cyrillic а in exаmple,
    // also written as xn--exmple-4nf): a warning naming the odd characters.
    for (label, &span) in crate::text::pieces(&out.unicode, b'.').zip(&out.spans) {
        let chars: Vec<char> = label.chars().collect();
        if let Some(w) = idna::mixed_script_warning(&chars, n, span) {
            r.push(w);
        }
    }
    // RFC 5893 (UTS #46 CheckBidi): in a name with a right-to-left label,
    // every label passes the six bidi rules.
    if out.rtl {
        for (label, &(a, b)) in crate::text::pieces(&out.unicode, b'.').zip(&out.spans) {
            let chars: Vec<char> = label.chars().collect();
            if idna::bidi(&chars).is_err() {
                r.push(
                    Finding::error("domain.idna_bidi")
                        .param("label", label)
                        .span(n.span(a, b)),
                );
                return None;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn opts() -> Options {
        Options::on(Date::parse("2026-11-27").unwrap())
    }

    #[test]
    fn every_listed_ascii_form_matches_our_punycode() {
        let o = opts();
        let sec = o.profile.section("tlds").unwrap();
        let rows = sec.get("fileable").and_then(Json::as_array).unwrap();
        let mut idn = 0;
        for row in rows {
            let cols = row.as_array().unwrap();
            let suffix = cols[0].as_str().unwrap();
            let ascii = cols[1].as_str().unwrap();
            let encoded: Vec<String> = suffix
                .split('.')
                .map(|l| punycode::to_ascii_label(&l.chars().collect::<Vec<_>>()).unwrap())
                .collect();
            assert_eq!(encoded.join("."), ascii, "{suffix}");
            let decoded: Vec<String> = ascii
                .split('.')
                .map(|l| punycode::to_unicode_label(l).unwrap())
                .collect();
            assert_eq!(decoded.join("."), suffix);
            if !suffix.is_ascii() {
                idn += 1;
            }
        }
        assert!(idn >= 30, "only {idn} IDN suffixes");
    }

    #[test]
    fn profiles_can_add_and_remove_suffixes() {
        let sec = crate::json::parse(
            r#"{"fileable": [["com","com","T"], "cn"], "notFileable": ["ai", "io"], "add": ["ai"], "remove": ["cn"]}"#,
        )
        .unwrap();
        let s = Suffixes::from_section(&sec);
        assert!(s.is_fileable("com") && s.is_fileable("ai"));
        assert!(!s.is_fileable("cn") && !s.is_fileable("io"));
        assert!(s.is_not_fileable("io") && !s.is_not_fileable("ai"));
    }

    #[test]
    fn utf8_decoding_matches_core() {
        for s in [
            "例子",
            "a",
            "é",
            "😀",
            "\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
        ] {
            let mut out = Vec::new();
            assert_eq!(utf8(s.as_bytes(), &mut out), Some(()));
            assert_eq!(out.iter().collect::<String>(), s);
        }
        for bad in [
            &[0xC0, 0x80][..],
            &[0xED, 0xA0, 0x80],
            &[0xE4, 0xBE],
            &[0xFF],
            &[0x80],
            &[0xF4, 0x90, 0x80, 0x80],
        ] {
            assert_eq!(utf8(bad, &mut Vec::new()), None, "{bad:?}");
            assert!(core::str::from_utf8(bad).is_err());
        }
    }

    #[test]
    fn registrable_domain() {
        let o = opts();
        assert_eq!(
            registrable("a.b.example.com.cn", &o).as_deref(),
            Some("example.com.cn")
        );
        assert_eq!(
            registrable("WWW.Example.COM", &o).as_deref(),
            Some("example.com")
        );
        assert_eq!(
            registrable("www.xn--fiqs8s", &o).as_deref(),
            Some("www.xn--fiqs8s")
        );
        assert_eq!(
            registrable("m.小度.xn--fiqs8s", &o).as_deref(),
            Some("小度.xn--fiqs8s")
        );
        assert_eq!(registrable("com.cn", &o), None);
        assert_eq!(registrable("example.io", &o), None);
    }
}
