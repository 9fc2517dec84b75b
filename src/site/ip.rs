//! Server IP addresses (`ip`): IPv4 dotted quads and IPv6 (RFC 4291 text
//! forms, RFC 5952 not required). A filing lists the public address of the
//! server, so private, loopback, link-local and other special-purpose ranges
//! (IANA special-purpose registries, RFC 6890) are errors.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding};
use crate::options::Options;
use crate::text::{self, Rules};

/// Parses a dotted-quad IPv4 address. `Err(index of the bad part)`.
fn parse_v4(s: &str) -> Result<[u8; 4], usize> {
    let mut out = [0u8; 4];
    let mut count = 0;
    for (i, part) in s.split('.').enumerate() {
        let slot = out.get_mut(i).ok_or(i)?;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(i);
        }
        if part.len() > 1 && part.starts_with('0') {
            return Err(i);
        }
        *slot = part.parse::<u8>().map_err(|_| i)?;
        count += 1;
    }
    if count == 4 {
        Ok(out)
    } else {
        Err(count)
    }
}

/// Parses an IPv6 address into 8 groups.
fn parse_v6(s: &str) -> Option<[u16; 8]> {
    let (head, tail, compressed) = match crate::text::find(s, "::") {
        Some(at) => (s.get(..at)?, s.get(at + 2..)?, true),
        None => (s, "", false),
    };
    if crate::text::contains(tail, "::") {
        return None;
    }
    let groups = |part: &str| -> Option<Vec<u16>> {
        if part.is_empty() {
            return Some(Vec::new());
        }
        let mut v = Vec::new();
        let pieces: Vec<&str> = part.split(':').collect();
        for (i, g) in pieces.iter().enumerate() {
            if i + 1 == pieces.len() && crate::text::has(g, '.') {
                let q = parse_v4(g).ok()?;
                v.push(u16::from_be_bytes([q[0], q[1]]));
                v.push(u16::from_be_bytes([q[2], q[3]]));
            } else {
                if g.is_empty() || g.len() > 4 {
                    return None;
                }
                v.push(u16::from_str_radix(g, 16).ok()?);
            }
        }
        Some(v)
    };
    let h = groups(head)?;
    let t = groups(tail)?;
    let mut out = [0u16; 8];
    if compressed {
        if h.len() + t.len() > 7 {
            return None;
        }
        for (slot, g) in out.iter_mut().zip(h.iter()) {
            *slot = *g;
        }
        let off = 8 - t.len();
        for (k, g) in t.iter().enumerate() {
            *out.get_mut(off + k)? = *g;
        }
    } else {
        if h.len() != 8 {
            return None;
        }
        for (slot, g) in out.iter_mut().zip(h.iter()) {
            *slot = *g;
        }
    }
    Some(out)
}

/// The special-purpose range an IPv4 address falls in: (code, range).
fn special_v4(a: [u8; 4]) -> Option<(&'static str, &'static str)> {
    Some(match a {
        [10, ..] => ("ip.private", "10.0.0.0/8"),
        [172, b, ..] if (16..=31).contains(&b) => ("ip.private", "172.16.0.0/12"),
        [192, 168, ..] => ("ip.private", "192.168.0.0/16"),
        [127, ..] => ("ip.loopback", "127.0.0.0/8"),
        [0, ..] => ("ip.reserved", "0.0.0.0/8"),
        [100, b, ..] if (64..=127).contains(&b) => ("ip.private", "100.64.0.0/10"),
        [169, 254, ..] => ("ip.reserved", "169.254.0.0/16"),
        [192, 0, 0, _] => ("ip.reserved", "192.0.0.0/24"),
        [192, 0, 2, _] => ("ip.reserved", "192.0.2.0/24"),
        [198, 18 | 19, ..] => ("ip.reserved", "198.18.0.0/15"),
        [198, 51, 100, _] => ("ip.reserved", "198.51.100.0/24"),
        [203, 0, 113, _] => ("ip.reserved", "203.0.113.0/24"),
        [224..=239, ..] => ("ip.reserved", "224.0.0.0/4"),
        [240..=255, ..] => ("ip.reserved", "240.0.0.0/4"),
        _ => return None,
    })
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
        let [p, q] = h0.to_be_bytes();
        let [s, t] = h1.to_be_bytes();
        return special_v4([p, q, s, t]);
    }
    Some(match a {
        _ if a & 0xfe00 == 0xfc00 => ("ip.private", "fc00::/7"),
        _ if a & 0xffc0 == 0xfe80 => ("ip.reserved", "fe80::/10"),
        _ if a & 0xff00 == 0xff00 => ("ip.reserved", "ff00::/8"),
        0x2001 if b == 0x0db8 => ("ip.reserved", "2001:db8::/32"),
        _ => return None,
    })
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
    let mut s = n.as_string();
    let mut r = FieldResult::new(s.clone());
    if n.is_empty() {
        if !opts.partial {
            r.push(Finding::error("ip.empty"));
        }
        return r;
    }
    // "1.2.3.4:80" / "[::1]:443": a port is not part of the address.
    let mut port_fix = false;
    if let Some(inner) = s.strip_prefix('[') {
        if let Some((addr, rest)) = inner.split_once(']') {
            if rest.is_empty()
                || rest
                    .strip_prefix(':')
                    .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            {
                s = addr.to_string();
                port_fix = true;
            }
        }
    } else if let Some((addr, port)) = s.split_once(':') {
        if crate::text::has(addr, '.')
            && !port.is_empty()
            && port.bytes().all(|b| b.is_ascii_digit())
        {
            s = addr.to_string();
            port_fix = true;
        }
    }
    if crate::text::has(&s, '%') {
        r.push(Finding::error("ip.zone").span(n.whole()));
        return r;
    }
    let special;
    if crate::text::has(&s, ':') {
        match parse_v6(&s) {
            Some(g) => {
                r.info_num("version", 6.0);
                special = special_v6(g);
            }
            None => {
                let possible = opts.partial
                    && s.chars()
                        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
                if !possible {
                    r.push(Finding::error("ip.invalid").span(n.whole()));
                }
                return r;
            }
        }
    } else {
        match parse_v4(&s) {
            Ok(a) => {
                r.info_num("version", 4.0);
                special = special_v4(a);
            }
            Err(part) => {
                let parts: Vec<&str> = s.split('.').collect();
                let possible = opts.partial
                    && parts.len() <= 4
                    && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    && parts
                        .iter()
                        .take(parts.len().saturating_sub(1))
                        .all(|p| !p.is_empty())
                    && parts
                        .iter()
                        .all(|p| p.len() <= 3 && p.parse::<u32>().map_or(true, |v| v <= 255));
                if !possible {
                    // Span: the offending part (its characters in the normalised value).
                    let before: usize =
                        parts.iter().take(part).map(|p| p.chars().count() + 1).sum();
                    let len = parts.get(part).map(|p| p.chars().count()).unwrap_or(0);
                    let code = if s.bytes().any(|b| b.is_ascii_lowercase()) {
                        "ip.hostname"
                    } else {
                        "ip.invalid"
                    };
                    let span = if len == 0 {
                        n.whole()
                    } else {
                        n.span(before, before + len)
                    };
                    r.push(Finding::error(code).span(span));
                }
                return r;
            }
        }
    }
    r.value = s.clone();
    if let Some((code, range)) = special {
        r.push(Finding::error(code).param("range", range).span(n.whole()));
    }
    if port_fix {
        r.push(
            Finding::error("ip.port")
                .param("value", s.clone())
                .fix(s)
                .span(n.whole()),
        );
    } else {
        text::note_normalized(&mut r, input, &s);
    }
    r
}
