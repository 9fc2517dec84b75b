//! ICP filing and licence numbers (`icpNumber`, rules.md §1.1–1.4):
//!
//! * `<省>ICP备<8 or 10 digits>号` (8 = 2-digit year + 6, 10 = 4-digit year + 6),
//! * `<省>ICP证<6 digits>号`,
//! * telecom licences `[省]B2-YYYYNNNN` (also `A2`, `B1`, `B1.B2`),
//!
//! each optionally followed by a service suffix `-N` (website) or `-NA`
//! (app), `-NX` (mini-program), `-NK` (quick app). MIIT writes Sichuan,
//! Guizhou, Yunnan and Gansu as 蜀/黔/滇/陇; the licence-plate forms
//! 川/贵/云/甘 are only a warning (seen in footers, unconfirmed).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding};
use crate::options::Options;
use crate::province::Province;
use crate::site::{empty, fixed, flag, number};
use crate::text::{self, Normalized, Rules};

/// The 31 abbreviations MIIT uses in ICP numbers (rules.md §1.3).
pub const ICP_PROVINCES: &str = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝蜀黔滇藏陕陇青宁新";
/// Licence-plate abbreviations seen instead of 蜀/黔/滇/陇, with the ICP form.
pub const ALT_PROVINCES: [(char, char); 4] =
    [('川', '蜀'), ('贵', '黔'), ('云', '滇'), ('甘', '陇')];

/// What kind of number it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberType {
    /// ICP备 (non-commercial filing).
    Filing,
    /// ICP证 (commercial licence).
    License,
    /// 增值电信业务经营许可证 (`B2-…`).
    Telecom,
}

impl NumberType {
    /// The `info.type` name.
    pub fn name(self) -> &'static str {
        match self {
            NumberType::Filing => "filing",
            NumberType::License => "license",
            NumberType::Telecom => "telecom",
        }
    }
}

/// A parsed number.
#[derive(Clone, Debug, PartialEq)]
pub struct IcpNumber {
    /// Filing, licence or telecom.
    pub kind: NumberType,
    /// The province character as written (may be absent for telecom).
    pub province: Option<char>,
    /// Telecom licence class (`B2`, `B1.B2`, …).
    pub class: String,
    /// The digits.
    pub serial: String,
    /// The service sequence `N` of `-N`.
    pub seq: Option<String>,
    /// The service type letter (`A`, `X`, `K`).
    pub service: Option<char>,
    /// Written `沪交ICP备…`: a university-internal prefix (rules.md §1:
    /// not an MIIT format, UNCONFIRMED — a warning).
    pub internal: bool,
    /// Where the serial starts in the normalised input.
    pub serial_at: usize,
}

impl IcpNumber {
    /// The canonical written form.
    pub fn canonical(&self) -> String {
        self.written(true)
    }
    /// The subject number (without the service suffix).
    pub fn subject(&self) -> String {
        self.written(false)
    }
    fn written(&self, with_suffix: bool) -> String {
        let mut s = String::new();
        if let Some(p) = self.province {
            s.push(p);
        }
        if self.internal {
            s.push('交');
        }
        if self.kind == NumberType::Telecom {
            s.push_str(&self.class);
            s.push('-');
            s.push_str(&self.serial);
        } else {
            s.push_str(if self.kind == NumberType::Filing {
                "ICP备"
            } else {
                "ICP证"
            });
            s.push_str(&self.serial);
            s.push('号');
        }
        if let (Some(seq), true) = (&self.seq, with_suffix) {
            s.push('-');
            s.push_str(seq);
            if let Some(t) = self.service {
                s.push(t);
            }
        }
        s
    }
    /// `website`, `app`, `miniprogram` or `quickapp` when a suffix is present.
    #[inline]
    pub fn service_type(&self) -> Option<&'static str> {
        self.seq.as_ref()?;
        Some(match self.service {
            Some('A') => "app",
            Some('X') => "miniprogram",
            Some('K') => "quickapp",
            _ => "website",
        })
    }
}

/// Why parsing stopped: the finding (with a fix when the slip is a known
/// one), and whether the input ended where more was needed (fine while typing).
struct Fail {
    finding: Finding,
    incomplete: bool,
}

struct Cursor<'a> {
    n: &'a Normalized,
    pos: usize,
    /// Why parsing stopped, once it has.
    failed: Option<Fail>,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.n.at(self.pos)
    }
    fn peek_at(&self, k: usize) -> Option<char> {
        self.n.at(self.pos + k)
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn digits(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            s.push(c);
            self.pos += 1;
        }
        s
    }
    fn at_end(&self) -> bool {
        self.pos >= self.n.len()
    }
    /// Stops parsing with `finding` (`incomplete`: more input could
    /// complete it). Always `None`, for the parser to return.
    #[inline(never)]
    fn stop(&mut self, finding: Finding, incomplete: bool) -> Option<()> {
        self.failed = Some(Fail {
            finding,
            incomplete,
        });
        None
    }
    #[inline(never)]
    fn fail(&mut self, code: &str, from: usize, to: usize) -> Option<()> {
        let span = self.n.span(from, to);
        self.stop(Finding::error(code).span(span), false)
    }
    #[inline(never)]
    fn incomplete(&mut self, code: &str) -> Option<()> {
        let span = self.n.whole();
        self.stop(Finding::error(code).span(span), true)
    }
    #[inline(never)]
    fn unexpected(&mut self, code: &str) -> Option<()> {
        if self.at_end() {
            self.incomplete(code)
        } else {
            self.fail(code, self.pos, self.pos + 1)
        }
    }
    /// The serial digits, when their count is `short` or `long` (`expected`
    /// names the counts in the finding).
    fn serial(&mut self, short: usize, long: usize, expected: &'static str) -> Option<String> {
        let start = self.pos;
        let s = self.digits();
        let len = s.len();
        if len == short || len == long {
            return Some(s);
        }
        if self.at_end() && len < long {
            self.incomplete("icp.incomplete");
            return None;
        }
        let span = self.n.span(start, self.pos.max(start + 1));
        let f = Finding::error("icp.serial_length")
            .param_n("length", len as i64)
            .param("expected", expected)
            .span(span);
        self.stop(f, false);
        None
    }
}

/// Normalises an ICP number as typed: half-width, no spaces, upper-case
/// `ICP`/`B2`/suffix letters, dash variants to `-`.
pub fn normalized(input: &str) -> Normalized {
    let mut n = text::normalize(
        input,
        Rules {
            drop_spaces: true,
            upper: true,
            ..Rules::default()
        },
    );
    for c in n.chars.iter_mut() {
        if matches!(*c, '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}') {
            *c = '-';
        }
    }
    n
}

/// The old licence class `B-2-4` (as in `辽B-2-4-20080039`, rules.md §1)
/// starts at `i`.
fn old_class(chars: &[char], i: usize) -> bool {
    matches!(chars.get(i..i + 6), Some(['B', '-', a, '-', b, '-']) if a.is_ascii_digit() && b.is_ascii_digit())
}

fn telecom_class(c: &mut Cursor) -> Option<String> {
    let start = c.pos;
    if old_class(&c.n.chars, start) {
        c.pos += 5;
        return c.n.chars.get(start..start + 5).map(|s| s.iter().collect());
    }
    let mut class = String::new();
    loop {
        match (c.peek(), c.peek_at(1)) {
            (Some(l @ ('A' | 'B')), Some(d @ '1'..='4')) => {
                class.push(l);
                class.push(d);
                c.pos += 2;
            }
            _ => {
                c.pos = start;
                return None;
            }
        }
        if c.peek() == Some('.') && matches!(c.peek_at(1), Some('A' | 'B')) {
            class.push('.');
            c.pos += 1;
        } else {
            return Some(class);
        }
    }
}

const ICP: [char; 3] = ['I', 'C', 'P'];

/// Parses the normalised number under the cursor; `None` (with
/// `c.failed` set) when it is not one.
fn parse(c: &mut Cursor) -> Option<IcpNumber> {
    let mut num = IcpNumber {
        kind: NumberType::Telecom,
        province: None,
        class: String::new(),
        serial: String::new(),
        seq: None,
        service: None,
        internal: false,
        serial_at: 0,
    };
    parse_into(c, &mut num)?;
    Some(num)
}

/// The parser proper, filling in `num` (owned by the caller, so that the
/// many early returns here have nothing to drop).
fn parse_into(c: &mut Cursor, num: &mut IcpNumber) -> Option<()> {
    let n = c.n;
    let chars = n.chars.as_slice();
    // Everything before "ICP" or the licence class is the province part.
    let icp_at = (0..n.len()).find(|&i| chars.get(i..i + 3) == Some(&ICP[..]));
    let class_at = (0..n.len()).find(|&i| {
        matches!(n.at(i), Some('A' | 'B'))
            && (matches!(n.at(i + 1), Some('1'..='4')) || old_class(chars, i))
            && chars
                .get(..i)
                .is_some_and(|p| p.iter().all(|ch| !ch.is_ascii()))
    });
    let head = match (icp_at, class_at) {
        (Some(i), Some(j)) => i.min(j),
        (Some(i), None) | (None, Some(i)) => i,
        (None, None) => {
            // Still typing the province or "ICP"?
            let possible = match chars.split_first() {
                None => true,
                Some((p, rest)) => !p.is_ascii() && ICP.starts_with(rest),
            };
            return if possible {
                c.incomplete("icp.format")
            } else {
                c.fail("icp.format", 0, n.len())
            };
        }
    };
    let province: Option<char> = match head {
        0 => None,
        1 => n.at(0),
        2 if n.at(1) == Some('交') && Some(head) == icp_at => {
            num.internal = true;
            n.at(0)
        }
        _ => {
            let prefix: String = chars.get(..head).unwrap_or(&[]).iter().collect();
            let f = Finding::error("icp.province_invalid")
                .param("char", prefix)
                .span(n.span(0, head));
            return c.stop(f, false);
        }
    };
    c.pos = head;
    num.province = province;
    let mut hao_done = false;
    if Some(head) == icp_at {
        c.pos += 3;
        if c.eat('备') {
            num.kind = NumberType::Filing;
            num.serial_at = c.pos;
            num.serial = c.serial(8, 10, "8/10")?;
        } else if c.eat('证') {
            num.kind = NumberType::License;
            num.serial_at = c.pos;
            num.serial = c.serial(6, 6, "6")?;
        } else {
            return c.unexpected("icp.format");
        }
        if c.eat('号') {
            hao_done = true;
        } else if c.at_end() {
            // "陇ICP备 05000593": the 号 is missing — certain to add, unless still typing.
            let f = fixed(
                "icp.missing_hao",
                "value",
                &num.canonical(),
                n.span(c.pos.saturating_sub(1), c.pos),
            );
            return c.stop(f, true);
        } else if c.peek() != Some('-') {
            return c.unexpected("icp.format");
        }
    } else {
        num.class = telecom_class(c).unwrap_or_default();
        if !c.eat('-') {
            return c.unexpected("icp.format");
        }
        num.serial_at = c.pos;
        num.serial = c.serial(8, 8, "8")?;
    }
    // Service suffix.
    if c.peek() == Some('-') {
        let dash = c.pos;
        c.pos += 1;
        let seq = num.seq.insert(c.digits());
        if seq.is_empty() {
            return c.unexpected("icp.seq_invalid");
        }
        if seq.starts_with('0') || seq.len() > 5 {
            return c.fail("icp.seq_invalid", dash, c.pos);
        }
        if let Some(t) = c.peek().filter(char::is_ascii_alphabetic) {
            if !matches!(t, 'A' | 'X' | 'K') {
                let f = Finding::error("icp.service_type")
                    .param("char", t)
                    .span(n.span(c.pos, c.pos + 1));
                return c.stop(f, false);
            }
            num.service = Some(t);
            c.pos += 1;
        }
        if num.kind != NumberType::Telecom && !hao_done {
            // "滇ICP备09010050-5号": the suffix goes after 号.
            if c.eat('号') && c.at_end() {
                let f = fixed(
                    "icp.suffix_order",
                    "value",
                    &num.canonical(),
                    n.span(dash, c.pos),
                );
                return c.stop(f, false);
            }
            if c.at_end() {
                // "京ICP备12345678-3": 号 left out before the suffix — as
                // certain to add as without one (issue 16 item 7); still
                // typing "-3号" is the other reading, hence incomplete.
                let f = fixed(
                    "icp.missing_hao",
                    "value",
                    &num.canonical(),
                    n.span(dash.saturating_sub(1), dash),
                );
                return c.stop(f, true);
            }
            return c.unexpected("icp.incomplete");
        }
    }
    if !c.at_end() {
        return c.fail("icp.trailing", c.pos, n.len());
    }
    Some(())
}

/// The province findings; `prov`: the province of `num.province`, if any.
fn check_province(
    num: &IcpNumber,
    prov: Option<&Province>,
    n: &Normalized,
    opts: &Options,
    r: &mut FieldResult,
) {
    let span = n.span(0, 1);
    let telecom = num.kind == NumberType::Telecom;
    let Some(p) = num.province else {
        if !telecom {
            flag(r, "icp.province_missing", n.span(0, 0));
        }
        return;
    };
    if crate::text::has(ICP_PROVINCES, p) {
        // canonical
    } else if let Some((_, icp)) = ALT_PROVINCES.iter().find(|(alt, _)| *alt == p) {
        if !telecom {
            r.push(
                Finding::warning("icp.province_alt")
                    .param("char", p)
                    .param("suggestion", *icp)
                    .span(span),
            );
        }
    } else {
        r.push(
            Finding::error("icp.province_invalid")
                .param("char", p)
                .span(span),
        );
        return;
    }
    if let (Some(want), Some(got)) = (opts.province, prov) {
        if want.code != got.code && !telecom {
            r.push(
                Finding::warning("icp.province_mismatch")
                    .param("char", p)
                    .param("province", want.name)
                    .span(span),
            );
        }
    }
}

fn check_year(num: &IcpNumber, n: &Normalized, opts: &Options, r: &mut FieldResult) {
    let this_year = i64::from(opts.today.year);
    // 10-digit filings and telecom licences start with the 4-digit year,
    // 8-digit filings with its last two digits.
    let (digits, exact) = match (num.kind, num.serial.len()) {
        (NumberType::Filing, 10) | (NumberType::Telecom, 8) => (4, true),
        (NumberType::Filing, 8) => (2, false),
        _ => return,
    };
    let Some(y) = num.serial.get(..digits).and_then(|y| number(y, 10)) else {
        return;
    };
    let serial_at = num.serial_at;
    let year = i64::from(y) + if exact { 0 } else { 2000 };
    let span = n.span(serial_at, serial_at + digits);
    // Derived checks (rules.md §1: "year part should be ≤ current year
    // (derived check, WARN)"): warnings, never errors.
    let code = match (year > this_year, exact) {
        (true, true) => "icp.year_future",
        (true, false) => "icp.year_unclear",
        (false, true) if year < 1990 => "icp.year_invalid",
        _ => return,
    };
    r.push(Finding::warning(code).param_n("year", year).span(span));
}

/// Parses a number written anywhere (a footer, a form): `None` unless it is
/// well-formed (province validity is not judged here).
pub fn parse_str(s: &str) -> Option<IcpNumber> {
    let n = normalized(s);
    parse(&mut Cursor {
        n: &n,
        pos: 0,
        failed: None,
    })
}

/// Checks an ICP filing / licence number.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = normalized(input);
    let mut r = FieldResult::new(n.as_string());
    if empty(&mut r, &n, opts, "icp.empty") {
        return r;
    }
    let mut c = Cursor {
        n: &n,
        pos: 0,
        failed: None,
    };
    let Some(num) = parse(&mut c) else {
        if let Some(fail) = c.failed {
            if let Some(fix) = &fail.finding.fix {
                r.value = fix.clone();
            }
            if !(fail.incomplete && opts.partial) {
                r.push(fail.finding);
            }
        }
        return r;
    };
    let canonical = num.canonical();
    r.value = canonical.clone();
    let prov = num.province.and_then(Province::by_abbr);
    check_province(&num, prov, &n, opts, &mut r);
    if num.internal && prov.is_some() {
        r.push(Finding::warning("icp.internal_prefix").span(n.span(0, 2)));
    }
    if num.class.starts_with("B-") {
        r.push(
            Finding::warning("icp.licence_old_style")
                .param("class", num.class.as_str())
                .span(n.span(0, n.len())),
        );
    }
    check_year(&num, &n, opts, &mut r);
    r.info_str("type", num.kind.name());
    if let Some(p) = prov {
        r.info_str("province", p.name);
    }
    r.info_str("serial", num.serial.as_str());
    if let Some(seq) = &num.seq {
        r.info_num("serviceSeq", number(seq, 10).map_or(0.0, f64::from));
    }
    if let Some(t) = num.service_type() {
        r.info_str("serviceType", t);
    }
    text::note_normalized(&mut r, input, &canonical);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn opts() -> Options {
        Options::on(Date::parse("2026-11-27").unwrap())
    }

    #[test]
    fn canonical_round_trip() {
        for s in [
            "京ICP备16020626号-8",
            "陕ICP备2024026116号-1A",
            "粤B2-20090059-1626X",
            "京ICP证030173号-1",
            "皖B1.B2-20070020",
            "B2-20080101",
        ] {
            assert_eq!(parse_str(s).map(|n| n.canonical()).as_deref(), Some(s));
        }
        assert_eq!(
            parse_str("京ICP备16020626号-8")
                .map(|n| n.subject())
                .as_deref(),
            Some("京ICP备16020626号")
        );
    }

    #[test]
    fn partial_prefixes_wait() {
        let mut o = opts();
        o.partial = true;
        let full: Vec<char> = "滇ICP备2023001289号-1X".chars().collect();
        for i in 0..full.len() {
            let s: String = full[..i].iter().collect();
            let r = check(&s, &o);
            assert!(r.ok(), "{s}: {:?}", r.findings);
        }
        assert!(!check("京X", &o).ok());
        assert!(!check("京ICP备12345678901", &o).ok());
    }
}
