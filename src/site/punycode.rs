//! Punycode (RFC 3492) for internationalised domain labels, hand-written so
//! the browser build needs no IDNA crate. Only the label transform is done
//! here; the `xn--` prefix and the per-label split belong to the caller.

#[allow(unused_imports)]
use crate::rt::prelude::*;

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 0x80;

fn adapt(delta: u32, num_points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / num_points.max(1);
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
}

fn digit_char(d: u32) -> char {
    match d {
        0..=25 => char::from(b'a' + d as u8),
        _ => char::from(b'0' + (d.saturating_sub(26)) as u8),
    }
}

fn char_digit(c: char) -> Option<u32> {
    match c {
        'a'..='z' => Some(c as u32 - 'a' as u32),
        'A'..='Z' => Some(c as u32 - 'A' as u32),
        '0'..='9' => Some(c as u32 - '0' as u32 + 26),
        _ => None,
    }
}

fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        T_MIN
    } else if k >= bias + T_MAX {
        T_MAX
    } else {
        k - bias
    }
}

/// Encodes one label's code points as Punycode (without `xn--`).
/// `None` on arithmetic overflow (absurdly long input).
pub fn encode(input: &[char]) -> Option<String> {
    let mut out = String::new();
    for &c in input {
        if c.is_ascii() {
            out.push(c);
        }
    }
    let basic = out.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let total = input.len() as u32;
    let (mut n, mut delta, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    while handled < total {
        // The smallest code point not yet handled (plain loops: each
        // iterator adapter chain would be its own code).
        let mut m = None;
        for &c in input {
            let c = c as u32;
            if c >= n && m.map_or(true, |m| c < m) {
                m = Some(c);
            }
        }
        let m = m?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in input {
            let c = c as u32;
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    // BASE - t ≥ 10 (t is clamped); checked so that no
                    // division-by-zero panic path is linked.
                    out.push(digit_char(t + (q - t).checked_rem(BASE - t).unwrap_or(0)));
                    q = (q - t).checked_div(BASE - t).unwrap_or(0);
                    k += BASE;
                }
                out.push(digit_char(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(out)
}

/// Decodes a Punycode label body (without `xn--`) to code points.
/// `None` when it is not valid Punycode.
pub fn decode(input: &str) -> Option<Vec<char>> {
    let (basic, rest) = match input.bytes().rposition(|b| b == b'-') {
        Some(i) => (input.get(..i)?, input.get(i + 1..)?),
        None => ("", input),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut out = Vec::new();
    for c in basic.chars() {
        out.push(c);
    }
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let mut digits = rest.as_bytes().iter();
    while !digits.as_slice().is_empty() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let d = char_digit(char::from(*digits.next()?))?;
            i = i.checked_add(d.checked_mul(w)?)?;
            let t = threshold(k, bias);
            if d < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = out.len() as u32 + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        let c = char::from_u32(n)?;
        if c.is_ascii() {
            return None;
        }
        // Insert at i (≤ len: i was reduced modulo len + 1) by carrying
        // each later char one place on: neither Vec::insert, whose bounds
        // assertion formats numbers, nor the general rotate_right.
        let mut carry = c;
        for slot in out.get_mut(i as usize..).unwrap_or(&mut []) {
            core::mem::swap(slot, &mut carry);
        }
        out.push(carry);
        i += 1;
    }
    Some(out)
}

/// A label in ASCII form: itself when ASCII, else `xn--` + Punycode.
pub fn to_ascii_label(label: &[char]) -> Option<String> {
    if label.iter().all(char::is_ascii) {
        return Some(label.iter().collect());
    }
    encode(label).map(|p| cat!("xn--", p))
}

/// A label in Unicode form: decoded when it starts with `xn--`.
/// `None` when an `xn--` label does not decode.
pub fn to_unicode_label(label: &str) -> Option<String> {
    match label.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("xn--") => {
            decode(label.get(4..)?).map(|v| v.iter().collect())
        }
        _ => Some(label.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3492_samples() {
        // RFC 3492 §7.1 (A) Arabic (Egyptian) and (B) Chinese (simplified).
        let cases = [
            (
                "\u{0644}\u{064A}\u{0647}\u{0645}\u{0627}\u{0628}\u{062A}\u{0643}\u{0644}\u{0645}\u{0648}\u{0634}\u{0639}\u{0631}\u{0628}\u{064A}\u{061F}",
                "egbpdaj6bu4bxfgehfvwxn",
            ),
            ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
            ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
            ("bücher", "bcher-kva"),
        ];
        for (u, p) in cases {
            let chars: Vec<char> = u.chars().collect();
            assert_eq!(encode(&chars).as_deref(), Some(p), "{u}");
            assert_eq!(
                decode(p).map(|v| v.into_iter().collect::<String>()),
                Some(u.to_string())
            );
        }
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(decode("!!"), None);
        assert_eq!(decode("abc-"), Some("abc".chars().collect()));
        assert_eq!(to_unicode_label("xn--zz"), None);
        assert_eq!(decode("99999999999999"), None);
    }
}
