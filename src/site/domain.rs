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
use crate::site::punycode;
use crate::text::{self, Normalized, Rules};

const MAX_LABEL: usize = 63;
const MAX_NAME: usize = 253;

/// The fileable-suffix data of a profile (`tlds` section).
#[derive(Debug, Default)]
pub struct Suffixes {
    /// Fileable suffixes in Unicode form (`com.cn`, `中国`).
    pub fileable: Vec<String>,
    /// Suffixes providers say cannot be filed.
    pub not_fileable: Vec<String>,
    /// Suffixes not fileable in some provinces: (suffix, province abbreviations).
    pub excluded_in: Vec<(String, Vec<String>)>,
    /// When the list was last checked.
    pub updated: String,
}

impl Suffixes {
    /// Reads the `tlds` section of the options' profile.
    pub fn of(opts: &Options) -> alloc::sync::Arc<Suffixes> {
        opts.profile.cached("tlds", |p| {
            p.section("tlds")
                .map(Suffixes::from_section)
                .unwrap_or_default()
        })
    }

    /// Reads a `tlds` section: `fileable` (rows `[suffix, ascii, sources]` or
    /// plain strings), `notFileable`, `notFileableIn`, `updated`, and the
    /// provider adjustments `add` / `remove`.
    pub fn from_section(sec: &Json) -> Suffixes {
        let mut s = Suffixes::default();
        let strings = |j: &Json| -> Vec<String> {
            j.as_array()
                .unwrap_or(&[])
                .iter()
                .filter_map(Json::as_str)
                .map(str::to_string)
                .collect()
        };
        for row in sec.get("fileable").and_then(Json::as_array).unwrap_or(&[]) {
            let name = match row {
                Json::Arr(cols) => cols.first().and_then(Json::as_str),
                other => other.as_str(),
            };
            if let Some(n) = name {
                s.fileable.push(n.to_string());
            }
        }
        if let Some(nf) = sec.get("notFileable") {
            s.not_fileable = strings(nf);
        }
        // A provider profile may adjust the list: {"tlds": {"add": [...], "remove": [...]}}.
        if let Some(add) = sec.get("add") {
            for a in strings(add) {
                s.not_fileable.retain(|n| *n != a);
                if !s.fileable.contains(&a) {
                    s.fileable.push(a);
                }
            }
        }
        if let Some(remove) = sec.get("remove") {
            let remove = strings(remove);
            s.fileable.retain(|f| !remove.contains(f));
        }
        for (k, v) in sec
            .get("notFileableIn")
            .and_then(Json::as_object)
            .unwrap_or(&[])
        {
            s.excluded_in.push((k.clone(), strings(v)));
        }
        s.updated = sec
            .get("updated")
            .and_then(Json::as_str)
            .unwrap_or("")
            .to_string();
        s
    }

    /// True when `suffix` (Unicode form) is on the fileable list.
    pub fn is_fileable(&self, suffix: &str) -> bool {
        self.fileable.iter().any(|f| f == suffix)
    }
}

/// A parsed host name.
#[derive(Debug, Clone)]
pub struct Host {
    /// Labels in Unicode form.
    pub unicode: Vec<String>,
    /// Labels in ASCII (Punycode) form.
    pub ascii: Vec<String>,
    /// Number of labels that make up the matched fileable suffix (0 = none).
    pub suffix_labels: usize,
}

impl Host {
    /// The matched suffix in Unicode form, if any.
    pub fn suffix(&self) -> Option<String> {
        if self.suffix_labels == 0 {
            return None;
        }
        let from = self.unicode.len().checked_sub(self.suffix_labels)?;
        Some(self.unicode.get(from..)?.join("."))
    }
    /// The registrable domain's labels range start, when the suffix is known
    /// and there is a label before it.
    fn registrable_start(&self) -> Option<usize> {
        if self.suffix_labels == 0 {
            return None;
        }
        self.unicode.len().checked_sub(self.suffix_labels + 1)
    }
}

/// Finds the longest fileable suffix of `labels` (Unicode form).
fn match_suffix(labels: &[String], list: &Suffixes) -> usize {
    (1..=labels.len())
        .rev()
        .find(|k| {
            labels
                .get(labels.len() - k..)
                .is_some_and(|s| list.is_fileable(&s.join(".")))
        })
        .unwrap_or(0)
}

/// The registrable domain of a host name (any of Unicode, Punycode, upper
/// case), in the form it was written, when its suffix is on the fileable list.
pub fn registrable(host: &str, opts: &Options) -> Option<String> {
    let list = Suffixes::of(opts);
    let written: Vec<String> = host
        .trim_end_matches('.')
        .split('.')
        .map(|l| l.to_ascii_lowercase())
        .collect();
    let unicode: Vec<String> = written
        .iter()
        .map(|l| punycode::to_unicode_label(l))
        .collect::<Option<_>>()?;
    let k = match_suffix(&unicode, &list);
    if k == 0 || written.len() <= k {
        return None;
    }
    Some(written.get(written.len() - k - 1..)?.join("."))
}

/// Where the host sits in the normalised input, after stripping URL parts.
struct Located {
    start: usize,
    end: usize,
    url: bool,
}

fn locate(n: &Normalized) -> Located {
    let c = &n.chars;
    let mut start = 0;
    let mut url = false;
    // scheme://
    if let Some(i) =
        (0..c.len().saturating_sub(2)).find(|&i| c.get(i..i + 3) == Some(&[':', '/', '/'][..]))
    {
        if c.get(..i).is_some_and(|s| {
            s.iter()
                .all(|ch| ch.is_ascii_alphanumeric() || crate::text::has("+-.", *ch))
        }) {
            start = i + 3;
            url = true;
        }
    } else if c.get(..2) == Some(&['/', '/'][..]) {
        start = 2;
        url = true;
    }
    let mut end = c.len();
    if let Some(i) = c
        .get(start..)
        .and_then(|s| s.iter().position(|ch| matches!(ch, '/' | '?' | '#')))
    {
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
    if let Some(i) = c
        .get(start..end)
        .and_then(|s| s.iter().position(|ch| *ch == ':'))
    {
        let port = c.get(start + i + 1..end).unwrap_or(&[]);
        if port.iter().all(char::is_ascii_digit) {
            end = start + i;
            url = true;
        }
    }
    Located { start, end, url }
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
    // Spaces next to a cut (`http:// a/`, `a #x`) are not part of the host.
    while loc.start < loc.end && n.at(loc.start).is_some_and(text::is_space) {
        loc.start += 1;
    }
    while loc.end > loc.start && n.at(loc.end - 1).is_some_and(text::is_space) {
        loc.end -= 1;
    }
    let mut host_end = loc.end;
    // A trailing dot (fully-qualified form) is not part of what is filed —
    // only one that ends a label: `a..` and `a .` keep theirs, so the value
    // normalises to itself when checked again (tests/properties.rs).
    let ends_label = host_end >= loc.start + 2
        && n.at(host_end - 2)
            .is_some_and(|c| c != '.' && !text::is_space(c));
    if ends_label && n.at(host_end - 1) == Some('.') && !opts.partial {
        host_end -= 1;
    }
    let host_chars = n.chars.get(loc.start..host_end).unwrap_or(&[]);
    let host: String = host_chars.iter().collect();
    let mut r = FieldResult::new(host.clone());
    if host_chars.is_empty() {
        if !opts.partial || loc.url {
            r.push(Finding::error("domain.empty").span(n.whole()));
        }
        return r;
    }
    if is_ipv4_like(host_chars) || host_chars.first() == Some(&'[') || host_chars.contains(&':') {
        r.push(Finding::error("domain.ip").span(n.span(loc.start, host_end)));
        return r;
    }
    let parsed = match parse_labels(&n, loc.start, host_end, opts, &mut r) {
        Some(p) => p,
        None => return r,
    };
    let list = Suffixes::of(opts);
    let k = match_suffix(&parsed.unicode, &list);
    let host_info = Host {
        unicode: parsed.unicode.clone(),
        ascii: parsed.ascii.clone(),
        suffix_labels: k,
    };
    r.info_str("unicode", host_info.unicode.join("."));
    r.info_str("ascii", host_info.ascii.join("."));
    let whole_host = n.span(loc.start, host_end);
    let labels = parsed.unicode.len();
    if k == 0 {
        let last = parsed.unicode.last().cloned().unwrap_or_default();
        if labels < 2 {
            if list.not_fileable.contains(&last) {
                r.push(
                    Finding::error("domain.bare_tld")
                        .param("suffix", last)
                        .span(whole_host),
                );
            } else if !opts.partial {
                r.push(Finding::error("domain.no_suffix").span(whole_host));
            }
            return r;
        }
        let (a, b) = parsed
            .spans
            .last()
            .copied()
            .unwrap_or((loc.start, host_end));
        r.info_str("tld", last.clone());
        if list.not_fileable.contains(&last) {
            r.push(
                Finding::error("domain.not_fileable")
                    .param("suffix", cat!(".", last))
                    .span(n.span(a, b)),
            );
        } else if !opts.partial {
            r.push(
                Finding::warning("domain.suffix_unlisted")
                    .param("suffix", cat!(".", last))
                    .param("updated", list.updated.clone())
                    .span(n.span(a, b)),
            );
        }
        if loc.url {
            r.push(
                Finding::error("domain.url")
                    .param("domain", host.clone())
                    .fix(host.clone())
                    .span(n.whole()),
            );
        }
        return r;
    }
    let suffix = host_info.suffix().unwrap_or_default();
    r.info_str("tld", suffix.clone());
    let Some(reg_start) = host_info.registrable_start() else {
        r.push(
            Finding::error("domain.bare_tld")
                .param("suffix", suffix)
                .span(whole_host),
        );
        return r;
    };
    let written: Vec<String> = parsed.written.clone();
    let registrable = written
        .get(reg_start..)
        .map(|s| s.join("."))
        .unwrap_or_default();
    r.info_str("registrable", registrable.clone());
    if let (Some(province), Some((_, where_))) = (
        opts.province,
        list.excluded_in.iter().find(|(s, _)| *s == suffix),
    ) {
        let abbr = province.abbr.to_string();
        let icp = province.icp.map(|c| c.to_string()).unwrap_or_default();
        if where_
            .iter()
            .any(|p| *p == abbr || *p == icp || *p == province.short)
        {
            let first = parsed.spans.len().saturating_sub(host_info.suffix_labels);
            let a = parsed.spans.get(first).map(|s| s.0).unwrap_or(loc.start);
            r.push(
                Finding::error("domain.not_fileable_in")
                    .param("suffix", cat!(".", suffix))
                    .param("province", province.name)
                    .span(n.span(a, host_end)),
            );
        }
    }
    let sub_labels = reg_start;
    let reg_span_start = parsed
        .spans
        .get(reg_start)
        .map(|s| s.0)
        .unwrap_or(loc.start);
    if loc.url {
        r.push(
            Finding::error("domain.url")
                .param("domain", registrable.clone())
                .fix(registrable)
                .span(n.whole()),
        );
    } else if sub_labels > 0
        && (suffix != "gov.cn"
            || (sub_labels == 1 && written.first().map(String::as_str) == Some("www")))
    {
        // .gov.cn sub-domains are filed on their own (HW-KB 备案域名咨询), www. aside.
        let code = if sub_labels == 1 && written.first().map(String::as_str) == Some("www") {
            "domain.www"
        } else {
            "domain.subdomain"
        };
        r.push(
            Finding::error(code)
                .param("domain", registrable.clone())
                .fix(registrable)
                .span(n.span(loc.start, reg_span_start)),
        );
    } else {
        text::note_normalized(&mut r, input, &host);
    }
    r
}

struct Labels {
    written: Vec<String>,
    unicode: Vec<String>,
    ascii: Vec<String>,
    spans: Vec<(usize, usize)>,
}

/// Splits and checks the labels of `n.chars[start..end]`; `None` after an error.
fn parse_labels(
    n: &Normalized,
    start: usize,
    end: usize,
    opts: &Options,
    r: &mut FieldResult,
) -> Option<Labels> {
    let mut out = Labels {
        written: Vec::new(),
        unicode: Vec::new(),
        ascii: Vec::new(),
        spans: Vec::new(),
    };
    let mut s = start;
    for i in start..=end {
        if i == end || n.at(i) == Some('.') {
            out.spans.push((s, i));
            s = i + 1;
        }
    }
    let count = out.spans.len();
    let mut total = 0usize;
    for (k, &(a, b)) in out.spans.iter().enumerate() {
        let label = n.chars.get(a..b).unwrap_or(&[]);
        if label.is_empty() {
            if opts.partial && k + 1 == count && k > 0 {
                continue;
            }
            let at = if a > start { a - 1 } else { a };
            r.push(Finding::error("domain.empty_label").span(n.span(at, at + 1)));
            return None;
        }
        if let Some(i) = label.iter().position(|c| {
            !(c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || *c == '-'
                || (!c.is_ascii() && c.is_alphanumeric()))
        }) {
            let bad = label.get(i).copied().unwrap_or('?');
            let code = if text::is_space(bad) {
                "domain.space"
            } else {
                "domain.invalid_char"
            };
            r.push(
                Finding::error(code)
                    .param("char", bad.to_string())
                    .span(n.span(a + i, a + i + 1)),
            );
            return None;
        }
        if label.first() == Some(&'-') || label.last() == Some(&'-') {
            r.push(Finding::error("domain.hyphen").span(n.span(a, b)));
            return None;
        }
        let written: String = label.iter().collect();
        let (unicode, ascii) = if written.starts_with("xn--") {
            match punycode::to_unicode_label(&written) {
                Some(u) if !u.is_ascii() => (u, written.clone()),
                _ => {
                    r.push(
                        Finding::error("domain.punycode")
                            .param("label", written.clone())
                            .span(n.span(a, b)),
                    );
                    return None;
                }
            }
        } else {
            match punycode::to_ascii_label(label) {
                Some(x) => (written.clone(), x),
                None => {
                    r.push(Finding::error("domain.label_too_long").span(n.span(a, b)));
                    return None;
                }
            }
        };
        if ascii.len() > MAX_LABEL {
            r.push(
                Finding::error("domain.label_too_long")
                    .param_n("length", (ascii.len()) as i64)
                    .span(n.span(a, b)),
            );
            return None;
        }
        total += ascii.len() + 1;
        out.written.push(written);
        out.unicode.push(unicode);
        out.ascii.push(ascii);
    }
    if total.saturating_sub(1) > MAX_NAME {
        r.push(
            Finding::error("domain.too_long")
                .param_n("length", (total.saturating_sub(1)) as i64)
                .span(n.span(start, end)),
        );
        return None;
    }
    // Drop a trailing empty label kept while typing.
    out.spans.truncate(out.written.len());
    Some(out)
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
        assert!(!s.is_fileable("cn"));
        assert_eq!(s.not_fileable, ["io"]);
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
