//! Server IP addresses (`ip`): IPv4 dotted quads and IPv6 (RFC 4291 text
//! forms, RFC 5952 not required). A filing lists the public address of the
//! server, so private, loopback, link-local and other special-purpose ranges
//! (IANA special-purpose registries, RFC 6890) are errors.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding};
use crate::options::Options;
use crate::site::{empty, fixed, flag, number};
use crate::text::{self, has, Normalized, Rules};

/// True when every byte of `s` is `ok` (one loop for the byte tests).
fn all_bytes(s: &str, ok: fn(u8) -> bool) -> bool {
    for b in s.bytes() {
        if !ok(b) {
            return false;
        }
    }
    true
}

/// True for a non-empty run of ASCII digits.
fn is_digits(s: &str) -> bool {
    !s.is_empty() && all_bytes(s, |b| b.is_ascii_digit())
}

/// Parses a dotted-quad IPv4 address. `Err(index of the bad part)`.
fn parse_v4(s: &str) -> Result<[u8; 4], usize> {
    let mut out = [0u8; 4];
    let mut count = 0;
    for (i, part) in crate::text::pieces(s, b'.').enumerate() {
        let slot = out.get_mut(i).ok_or(i)?;
        if part.len() > 3 || !is_digits(part) || (part.len() > 1 && part.starts_with('0')) {
            return Err(i);
        }
        *slot = number(part, 10)
            .and_then(|v| u8::try_from(v).ok())
            .ok_or(i)?;
        count += 1;
    }
    if count == 4 {
        Ok(out)
    } else {
        Err(count)
    }
}

/// The groups of an IPv6 address read so far. More than 8 is never an
/// address, so a fixed array does (no `Vec<u16>` code).
struct Groups {
    g: [u16; 8],
    len: usize,
}

impl Groups {
    /// Appends a group; `None` past the eighth.
    fn push(&mut self, x: u16) -> Option<()> {
        *self.g.get_mut(self.len)? = x;
        self.len += 1;
        Some(())
    }
}

/// Appends the groups of one side of an IPv6 `::` (an IPv4 tail as two).
fn groups(part: &str, v: &mut Groups) -> Option<()> {
    if part.is_empty() {
        return Some(());
    }
    let last = part.bytes().filter(|b| *b == b':').count();
    for (i, g) in crate::text::pieces(part, b':').enumerate() {
        if i == last && has(g, '.') {
            let [a, b, c, d] = parse_v4(g).ok()?;
            v.push(u16::from_be_bytes([a, b]))?;
            v.push(u16::from_be_bytes([c, d]))?;
        } else {
            if g.is_empty() || g.len() > 4 {
                return None;
            }
            v.push(number(g, 16)? as u16)?;
        }
    }
    Some(())
}

/// Parses an IPv6 address into 8 groups.
fn parse_v6(s: &str) -> Option<[u16; 8]> {
    let (head, tail, compressed) = match text::find(s, "::") {
        Some(at) => (s.get(..at)?, s.get(at + 2..)?, true),
        None => (s, "", false),
    };
    if text::contains(tail, "::") {
        return None;
    }
    let mut v = Groups { g: [0; 8], len: 0 };
    groups(head, &mut v)?;
    let h = v.len;
    groups(tail, &mut v)?;
    if !compressed {
        return if h == 8 { Some(v.g) } else { None };
    }
    if v.len > 7 {
        return None;
    }
    // The tail goes to the end; the `::` is zeros.
    let mut out = [0u16; 8];
    let off = 8 - v.len;
    for (k, g) in v.g.iter().take(v.len).enumerate() {
        *out.get_mut(if k < h { k } else { off + k })? = *g;
    }
    Some(out)
}

/// A special-purpose range: (network as a u32, prefix length, code, range).
type Range = (u32, u32, &'static str, &'static str);

const V4: [Range; 14] = [
    (0x0A00_0000, 8, "ip.private", "10.0.0.0/8"),
    (0xAC10_0000, 12, "ip.private", "172.16.0.0/12"),
    (0xC0A8_0000, 16, "ip.private", "192.168.0.0/16"),
    (0x7F00_0000, 8, "ip.loopback", "127.0.0.0/8"),
    (0x0000_0000, 8, "ip.reserved", "0.0.0.0/8"),
    (0x6440_0000, 10, "ip.private", "100.64.0.0/10"),
    (0xA9FE_0000, 16, "ip.reserved", "169.254.0.0/16"),
    (0xC000_0000, 24, "ip.reserved", "192.0.0.0/24"),
    (0xC000_0200, 24, "ip.reserved", "192.0.2.0/24"),
    (0xC612_0000, 15, "ip.reserved", "198.18.0.0/15"),
    (0xC633_6400, 24, "ip.reserved", "198.51.100.0/24"),
    (0xCB00_7100, 24, "ip.reserved", "203.0.113.0/24"),
    (0xE000_0000, 4, "ip.reserved", "224.0.0.0/4"),
    (0xF000_0000, 4, "ip.reserved", "240.0.0.0/4"),
];

/// IPv6 ranges, by the address's first 32 bits.
const V6: [Range; 4] = [
    (0xFC00_0000, 7, "ip.private", "fc00::/7"),
    (0xFE80_0000, 10, "ip.reserved", "fe80::/10"),
    (0xFF00_0000, 8, "ip.reserved", "ff00::/8"),
    (0x2001_0DB8, 32, "ip.reserved", "2001:db8::/32"),
];

/// The range of `table` that `x` falls in: (code, range).
fn special(x: u32, table: &[Range]) -> Option<(&'static str, &'static str)> {
    let (_, _, code, range) = table
        .iter()
        .find(|(net, len, ..)| (x ^ net) >> (32 - len) == 0)?;
    Some((code, range))
}

fn special_v6(g: [u16; 8]) -> Option<(&'static str, &'static str)> {
    let [a, b, c, d, e, f, h0, h1] = g;
    if g == [0, 0, 0, 0, 0, 0, 0, 1] {
        return Some(("ip.loopback", "::1/128"));
    }
    if g == [0; 8] {
        return Some(("ip.reserved", "::/128"));
    }
    if a == 0 && b == 0 && c == 0 && d == 0 && e == 0 && f == 0xffff {
        return special(u32::from(h0) << 16 | u32::from(h1), &V4);
    }
    special(u32::from(a) << 16 | u32::from(b), &V6)
}

/// Checks a server IP address.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = text::trim(text::normalize(
        input,
        Rules {
            dots: true,
            lower: true,
            ..Rules::default()
        },
    ));
    let value = n.as_string();
    let mut r = FieldResult::new(value.as_str());
    if !empty(&mut r, &n, opts, "ip.empty") {
        check_address(input, opts, &n, &value, &mut r);
    }
    r
}

/// The findings on a non-empty address (`value`: the normalised input).
/// The owned values belong to the caller, so the early returns here have
/// nothing to drop.
fn check_address(input: &str, opts: &Options, n: &Normalized, value: &str, r: &mut FieldResult) {
    let mut s = value;
    // "1.2.3.4:80" / "[::1]:443": a port is not part of the address.
    let mut port_fix = false;
    if let Some(inner) = s.strip_prefix('[') {
        if let Some((addr, rest)) = crate::text::cut(inner, b']') {
            if rest.is_empty() || rest.strip_prefix(':').is_some_and(is_digits) {
                s = addr;
                port_fix = true;
            }
        }
    } else if let Some((addr, port)) = crate::text::cut(s, b':') {
        if has(addr, '.') && is_digits(port) {
            s = addr;
            port_fix = true;
        }
    }
    if has(s, '%') {
        flag(r, "ip.zone", n.whole());
        return;
    }
    let special_range;
    if has(s, ':') {
        let Some(g) = parse_v6(s) else {
            let possible =
                opts.partial && all_bytes(s, |b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
            if !possible {
                flag(r, "ip.invalid", n.whole());
            }
            return;
        };
        r.info_num("version", 6.0);
        special_range = special_v6(g);
    } else {
        match parse_v4(s) {
            Ok(a) => {
                r.info_num("version", 4.0);
                special_range = special(u32::from_be_bytes(a), &V4);
            }
            Err(bad) => {
                // Still typing: up to 4 parts of digits, none empty but the
                // last, each a possible byte.
                let mut possible =
                    opts.partial && all_bytes(s, |b| b.is_ascii_digit() || b == b'.');
                // The offending part's position (in characters).
                let (mut before, mut len) = (0, 0);
                let mut prev_empty = false;
                for (i, p) in crate::text::pieces(s, b'.').enumerate() {
                    possible &= i < 4
                        && !prev_empty
                        && p.len() <= 3
                        && number(p, 10).map_or(true, |v| v <= 255);
                    prev_empty = p.is_empty();
                    let mut chars = 0;
                    for _ in p.chars() {
                        chars += 1;
                    }
                    if i < bad {
                        before += chars + 1;
                    } else if i == bad {
                        len = chars;
                    }
                }
                if !possible {
                    let code = if !all_bytes(s, |b| !b.is_ascii_lowercase()) {
                        "ip.hostname"
                    } else {
                        "ip.invalid"
                    };
                    let span = if len == 0 {
                        n.whole()
                    } else {
                        n.span(before, before + len)
                    };
                    flag(r, code, span);
                }
                return;
            }
        }
    }
    r.value = s.into();
    if let Some((code, range)) = special_range {
        r.push(Finding::error(code).param("range", range).span(n.whole()));
    }
    if port_fix {
        r.push(fixed("ip.port", "value", s, n.whole()));
    } else {
        text::note_normalized(r, input, s);
    }
}
