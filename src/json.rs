//! A small JSON reader and writer: options, forms and profiles arrive as
//! JSON text from JS (or the CLI), results leave as JSON text. Hand-written
//! instead of serde_json to keep the browser build small; it never panics,
//! limits nesting depth, and keeps object keys in document order.

#[allow(unused_imports)]
use crate::rt::prelude::*;

/// A parsed JSON value.
#[derive(Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// Any number, as f64.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in document order (a repeated key: the last wins on lookup).
    Obj(Vec<(String, Json)>),
}

/// The derived clone, written out so the vision build can keep it out of
/// line: inlined, its copy of the array and object arms sat at each of ~8
/// callers (profile merge, options, the card judge). Elsewhere `#[inline]`,
/// as derived.
impl Clone for Json {
    #[cfg_attr(vision_only, inline(never))]
    #[cfg_attr(not(vision_only), inline)]
    fn clone(&self) -> Json {
        match self {
            Json::Null => Json::Null,
            Json::Bool(b) => Json::Bool(*b),
            Json::Num(n) => Json::Num(*n),
            Json::Str(s) => Json::Str(s.clone()),
            Json::Arr(a) => Json::Arr(a.clone()),
            Json::Obj(o) => Json::Obj(o.clone()),
        }
    }
}

/// Deepest nesting kept: an array or object nested deeper is read as an
/// empty one of its kind (skipped with a counter, not recursion), so a
/// form with a value nested 10,000 deep gets the finding its type earns
/// (`form.not_text`, …) instead of an exception (issue 17; docs/limits.md).
pub const MAX_DEPTH: usize = 64;

impl Json {
    /// Looks up a key of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(items) => items.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }
    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }
    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }
    /// The entries, if this is an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(o) => Some(o),
            _ => None,
        }
    }
    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
    /// A short name of the value's type, for error messages.
    // Vision wasm: one copy, not one per caller (docs/notes/vision-speed2.md).
    #[cfg_attr(vision_only, inline(never))]
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Num(_) => "number",
            Json::Str(_) => "string",
            Json::Arr(_) => "array",
            Json::Obj(_) => "object",
        }
    }
    /// Serialises to compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self);
        out
    }
}

/// Parses JSON text. The error says what and where (byte offset).
pub fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        text,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(at_byte("unexpected text", "", p.i));
    }
    Ok(v)
}

/// ` ]` or ` }`.
fn closer_of(object: bool) -> &'static str {
    if object {
        " }"
    } else {
        " ]"
    }
}

/// A parse error: `<what><detail> at byte <at>` (one builder for them all).
#[inline(never)]
fn at_byte(what: &str, detail: &str, at: usize) -> String {
    cat!(what, detail, " at byte ", at)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    text: &'a str,
}

impl Parser<'_> {
    // Vision wasm: one copy, not one per caller (docs/notes/vision-speed2.md).
    #[cfg_attr(vision_only, inline(never))]
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn literal(&mut self, lit: &str) -> Result<(), String> {
        if self.s.get(self.i..self.i + lit.len()) == Some(lit.as_bytes()) {
            self.i += lit.len();
            Ok(())
        } else {
            Err(at_byte("expected ", lit, self.i))
        }
    }
    /// Skips the array or object at `self.i` (its brackets balanced, its
    /// strings skipped whole) and returns it empty.
    fn skip_deep(&mut self) -> Result<Json, String> {
        let start = self.i;
        let object = self.peek() == Some(b'{');
        let mut open = 0usize;
        while let Some(b) = self.peek() {
            self.i += 1;
            match b {
                b'[' | b'{' => open += 1,
                b']' | b'}' => {
                    open -= 1;
                    if open == 0 {
                        return Ok(if object {
                            Json::Obj(Vec::new())
                        } else {
                            Json::Arr(Vec::new())
                        });
                    }
                }
                b'"' => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        match c {
                            b'\\' => self.i += 1,
                            b'"' => break,
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        Err(at_byte("unclosed", closer_of(object), start))
    }
    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH && matches!(self.peek(), Some(b'[' | b'{')) {
            return self.skip_deep();
        }
        match self.peek() {
            Some(b'n') => self.literal("null").map(|_| Json::Null),
            Some(b't') => self.literal("true").map(|_| Json::Bool(true)),
            Some(b'f') => self.literal("false").map(|_| Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(open @ (b'[' | b'{')) => self.container(open == b'{', depth),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(at_byte("unexpected character", "", self.i)),
        }
    }
    /// An array, or with `object` an object: one loop for both, the key
    /// and its colon read only for an object.
    fn container(&mut self, object: bool, depth: usize) -> Result<Json, String> {
        self.i += 1;
        let (close, closer) = if object { (b'}', "}") } else { (b']', "]") };
        let mut items = Vec::new();
        let mut entries = Vec::new();
        self.ws();
        if self.peek() != Some(close) {
            loop {
                self.ws();
                let mut key = String::new();
                if object {
                    if self.peek() != Some(b'"') {
                        return Err(at_byte("expected a key", "", self.i));
                    }
                    key = self.string()?;
                    self.ws();
                    if self.peek() != Some(b':') {
                        return Err(at_byte("expected :", "", self.i));
                    }
                    self.i += 1;
                    self.ws();
                }
                let v = self.value(depth + 1)?;
                if object {
                    entries.push((key, v));
                } else {
                    items.push(v);
                }
                self.ws();
                match self.peek() {
                    Some(b',') => self.i += 1,
                    Some(b) if b == close => break,
                    _ => return Err(at_byte("expected , or ", closer, self.i)),
                }
            }
        }
        self.i += 1;
        Ok(if object {
            Json::Obj(entries)
        } else {
            Json::Arr(items)
        })
    }
    fn number(&mut self) -> Result<Json, String> {
        let start = self.i;
        while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.text
            .get(start..self.i)
            .and_then(parse_number)
            .map(Json::Num)
            .ok_or_else(|| at_byte("bad number", "", start))
    }
    /// The four hex digits of a `\\u` escape (as `u32::from_str_radix`
    /// reads them: a leading `+` is allowed), without its generic parser.
    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.s.get(self.i..self.i + 4).unwrap_or(&[]);
        let mut h = 0;
        for (k, b) in digits.iter().enumerate() {
            h = match (*b as char).to_digit(16) {
                Some(d) => h * 16 + d,
                None if k == 0 && *b == b'+' => 0,
                None => break,
            };
            if k == 3 {
                self.i += 4;
                return Ok(h);
            }
        }
        Err(at_byte("bad \\u escape", "", self.i))
    }
    fn string(&mut self) -> Result<String, String> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.put(self.text.get(start..self.i).unwrap_or(""));
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let e = self.peek().ok_or("unterminated string")?;
                    self.i += 1;
                    // The one-character escapes, as a table.
                    if let Some(k) = b"\"\\/bfnrt".iter().position(|c| *c == e) {
                        out.put_char(char::from(
                            b"\"\\/\x08\x0c\n\r\t".get(k).copied().unwrap_or(0),
                        ));
                        continue;
                    }
                    match e {
                        b'u' => {
                            let hi = self.hex4()?;
                            // A surrogate pair; a lone surrogate is no char (→ U+FFFD).
                            let mut c = char::from_u32(hi);
                            if (0xD800..0xDC00).contains(&hi)
                                && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    c = char::from_u32(
                                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                    );
                                } else {
                                    self.i = save;
                                }
                            }
                            out.put_char(c.unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(at_byte("bad escape", "", self.i - 1)),
                    }
                }
                _ => return Err(at_byte("unterminated string", "", start)),
            }
        }
    }
}

/// Parses a JSON number. Hand-written instead of `str::parse::<f64>` (whose
/// correctly-rounded algorithm and tables cost ~15 KB of wasm): integers up
/// to 2^53 are exact; fractions are accurate to about 15 significant digits,
/// plenty for thresholds and ratios in options and profiles.
pub fn parse_number(t: &str) -> Option<f64> {
    let b = t.as_bytes();
    let mut i = 0;
    let neg = b.first() == Some(&b'-');
    if neg {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let s = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - s
    };
    let int_start = i;
    let n_int = digits(&mut i);
    if n_int == 0 || (n_int > 1 && b.get(int_start) == Some(&b'0')) {
        return None;
    }
    let mut mantissa: f64 = 0.0;
    for d in b.get(int_start..int_start + n_int)? {
        mantissa = mantissa * 10.0 + f64::from(d - b'0');
    }
    let mut exp: i32 = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let f_start = i;
        let n_frac = digits(&mut i);
        if n_frac == 0 {
            return None;
        }
        for d in b.get(f_start..f_start + n_frac)?.iter().take(18) {
            mantissa = mantissa * 10.0 + f64::from(d - b'0');
            exp -= 1;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let e_neg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let e_start = i;
        if digits(&mut i) == 0 {
            return None;
        }
        let e: i32 = t
            .get(e_start..i)?
            .bytes()
            .take(5)
            .fold(0, |a, d| a * 10 + i32::from(d - b'0'));
        exp += if e_neg { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    let value = if exp >= 0 {
        mantissa * crate::rt::pow10(exp)
    } else {
        mantissa / crate::rt::pow10(-exp)
    };
    Some(if neg { -value } else { value })
}

/// Appends `s` as a JSON string literal. The text between escapes is
/// copied whole (one `push_str` per run, not one `push` per char): the
/// writer was most of what a result cost (issue 18).
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.put_char('"');
    let mut run = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // Only ASCII controls, `"`, `\\` and U+2028/2029 (E2 80 A8/A9) are
        // escaped: other bytes are passed over without decoding.
        if b >= 0x20 && b != b'"' && b != b'\\' && b != 0xE2 {
            continue;
        }
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
            continue;
        };
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => "",
            _ => continue,
        };
        out.put(s.get(run..i).unwrap_or(""));
        run = i + c.len_utf8();
        if escape.is_empty() {
            // `\uXXXX`, four nibbles (two wrote U+2028 as `\u0028`, a `(`).
            out.put("\\u");
            for shift in [12, 8, 4, 0] {
                out.put_char(char::from_digit((c as u32 >> shift) & 15, 16).unwrap_or('0'));
            }
        } else {
            out.put(escape);
        }
    }
    out.put(s.get(run..).unwrap_or(""));
    out.put_char('"');
}

/// Appends a number; non-finite numbers become `null`. Integers are exact;
/// other numbers are written with up to 6 decimals (no float formatting
/// machinery in the wasm: facts like an aspect ratio need no more).
pub fn write_num(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.put("null");
        return;
    }
    if crate::rt::fract(n) == 0.0 && n.abs() < 9.0e15 {
        if n < 0.0 {
            out.put_char('-');
        }
        crate::rt::push_u64(out, n.abs() as u64);
        return;
    }
    if n < 0.0 {
        out.put_char('-');
    }
    let scaled = crate::rt::round(n.abs() * 1e6);
    if scaled >= 9.0e15 {
        // Beyond exact integer range: print the integer part only.
        crate::rt::push_u64(out, n.abs() as u64);
        return;
    }
    let scaled = scaled as u64;
    crate::rt::push_u64(out, scaled / 1_000_000);
    let (mut frac, mut width) = (scaled % 1_000_000, 6);
    if frac != 0 {
        // Trailing zeros off before writing: .500000 → .5
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        out.put_char('.');
        out.put(&crate::rt::padded(frac, width));
    }
}

fn write_value(out: &mut String, v: &Json) {
    match v {
        Json::Null => out.put("null"),
        Json::Bool(b) => out.put(if *b { "true" } else { "false" }),
        Json::Num(n) => write_num(out, *n),
        Json::Str(s) => write_str(out, s),
        Json::Arr(items) => {
            out.put_char('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.put_char(',');
                }
                write_value(out, item);
            }
            out.put_char(']');
        }
        Json::Obj(items) => {
            out.put_char('{');
            for (i, (k, item)) in items.iter().enumerate() {
                if i > 0 {
                    out.put_char(',');
                }
                write_str(out, k);
                out.put_char(':');
                write_value(out, item);
            }
            out.put_char('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let text = r#"{"a":[1,2.5,-3,true,false,null],"b":"x\"\n\u4e2d\ud83d\ude00","c":{}}"#;
        let v = parse(text).unwrap();
        assert_eq!(v.get("b").and_then(Json::as_str), Some("x\"\n中😀"));
        assert_eq!(parse(&v.to_text()).unwrap(), v);
    }

    #[test]
    fn escapes_controls_and_line_separators_as_four_hex_digits() {
        let mut out = String::new();
        write_str(&mut out, "a\u{1}b\u{1f}\u{2028}c\u{2029}\u{7f}");
        assert_eq!(out, "\"a\\u0001b\\u001f\\u2028c\\u2029\u{7f}\"");
        assert_eq!(
            parse(&out).unwrap().as_str(),
            Some("a\u{1}b\u{1f}\u{2028}c\u{2029}\u{7f}")
        );
    }

    #[test]
    fn rejects_garbage_without_panic() {
        for bad in [
            "",
            "{",
            "[1,",
            "\"abc",
            "{\"a\" 1}",
            "tru",
            "1e",
            "[1]x",
            "\"\\u12\"",
            "\"\\ud800\\u00\"",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let deep = "[".repeat(1000);
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn deep_values_are_read_as_empty_containers() {
        // Issue 17: 65 deep was an error (a TypeError in JS), so a form
        // got an exception instead of a finding.
        let n = 10_000;
        let text = format!(
            r#"{{"a":{}"x\"]}}"{},"b":1}}"#,
            "[".repeat(n),
            "]".repeat(n)
        );
        let v = parse(&text).unwrap();
        assert_eq!(
            v.get("b"),
            Some(&Json::Num(1.0)),
            "the skip ends at the right bracket"
        );
        let Some(Json::Arr(mut items)) = v.get("a").cloned() else {
            panic!("{v:?}")
        };
        // Depth 1 is `a`'s array; the 64th level is the last one kept.
        let mut depth = 1;
        while let Some(Json::Arr(inner)) = items.pop() {
            depth += 1;
            items = inner;
        }
        assert_eq!(depth, MAX_DEPTH + 1);
        assert!(parse(&format!("[{}", "[".repeat(100))).is_err(), "unclosed");
        assert_eq!(
            parse(&format!("{}{}", "[".repeat(66), "]".repeat(66))).map(|_| ()),
            Ok(())
        );
    }

    #[test]
    fn numbers() {
        for (t, v) in [
            ("0", 0.0),
            ("-12", -12.0),
            ("1.5", 1.5),
            ("1e3", 1000.0),
            ("2.5E-2", 0.025),
            ("9007199254740993", 9007199254740992.0),
        ] {
            assert_eq!(parse_number(t), Some(v), "{t}");
        }
        for bad in ["", "-", "01", "1.", ".5", "1e", "1e+", "--1", "1x"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
        let mut out = String::new();
        for n in [1.58, -0.25, 3.0, 1e-9, 0.1 + 0.2] {
            write_num(&mut out, n);
            out.push(' ');
        }
        assert_eq!(out, "1.58 -0.25 3 0 0.3 ");
    }

    #[test]
    fn lone_surrogate_escape_becomes_replacement() {
        assert_eq!(
            parse("\"\\ud800x\"").unwrap(),
            Json::Str("\u{FFFD}x".into())
        );
    }
}
