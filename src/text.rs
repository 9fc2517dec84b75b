//! Normalisation shared by every check: full-width → half-width, stray
//! spaces and invisible characters, case — while remembering where each
//! normalised character came from, so findings can point (`span`) into the
//! ORIGINAL input in UTF-16 offsets, as a browser `<input>` counts them.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding};

/// How a kind wants its input cleaned.
#[derive(Clone, Copy, Debug, Default)]
pub struct Rules {
    /// Remove every whitespace character (ASCII, NBSP, ideographic space …).
    pub drop_spaces: bool,
    /// Upper-case ASCII letters.
    pub upper: bool,
    /// Lower-case ASCII letters.
    pub lower: bool,
    /// Further ASCII characters to drop (after width folding), e.g. `-` in phone numbers.
    pub drop: &'static [char],
    /// Map the ideographic full stops `。` `｡` `．` to `.` (domains, e-mail).
    pub dots: bool,
}

/// Characters that carry no meaning in an identifier and come from copy/paste:
/// zero-width spaces and joiners, BOM, soft hyphen, bidi controls.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Any whitespace a user can paste: ASCII, NBSP, ideographic space, the
/// Unicode space separators.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}'
}

/// Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space
/// to their ASCII counterparts; anything else unchanged.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// True for a character that [`fold_width`] changes.
pub fn is_full_width(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}')
}

/// A normalised value with a map back to the original input.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// The normalised characters.
    pub chars: Vec<char>,
    /// For each normalised char, its `[start, end)` UTF-16 offsets in the original.
    pub origin: Vec<(u32, u32)>,
    /// UTF-16 length of the original input.
    pub original_len: u32,
    /// The original contained full-width characters that were folded.
    pub had_full_width: bool,
    /// The original contained spaces or invisible characters that were dropped.
    pub had_dropped: bool,
}

impl Normalized {
    /// The normalised value as a string.
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }
    /// Number of normalised characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }
    /// True when nothing is left after normalisation.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
    /// The char at `i`, if any.
    pub fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }
    /// The original UTF-16 span of normalised chars `[start, end)`.
    /// An empty or out-of-range range maps to the end of the input.
    pub fn span(&self, start: usize, end: usize) -> Option<(u32, u32)> {
        if start >= end {
            let at = self
                .origin
                .get(start)
                .map(|o| o.0)
                .unwrap_or(self.original_len);
            return Some((at, at));
        }
        let first = self.origin.get(start)?;
        let last = self
            .origin
            .get(end.min(self.origin.len()).checked_sub(1)?)?;
        Some((first.0, last.1))
    }
    /// The span of the whole original input.
    pub fn whole(&self) -> Option<(u32, u32)> {
        Some((0, self.original_len))
    }
}

/// Normalises `input` under `rules`, keeping the origin map.
pub fn normalize(input: &str, rules: Rules) -> Normalized {
    let mut out = Normalized::default();
    // At most one char per byte: one allocation each instead of a doubling
    // series (the inputs are capped at MAX_INPUT).
    out.chars.reserve(input.len());
    out.origin.reserve(input.len());
    let mut offset: u32 = 0;
    for c in input.chars() {
        let width = c.len_utf16() as u32;
        let start = offset;
        offset += width;
        if is_invisible(c) {
            out.had_dropped = true;
            continue;
        }
        let mut d = fold_width(c);
        if d != c {
            out.had_full_width = true;
        }
        if rules.dots && matches!(d, '\u{3002}' | '\u{FF61}') {
            d = '.';
            out.had_full_width = true;
        }
        if rules.drop_spaces && is_space(d) {
            out.had_dropped = true;
            continue;
        }
        if rules.drop.contains(&d) {
            out.had_dropped = true;
            continue;
        }
        if rules.upper {
            d = d.to_ascii_uppercase();
        } else if rules.lower {
            d = d.to_ascii_lowercase();
        }
        out.chars.push(d);
        out.origin.push((start, offset));
    }
    out.original_len = offset;
    out
}

/// Removes leading and trailing whitespace (keeping the origin map).
pub fn trim(mut n: Normalized) -> Normalized {
    let start = n
        .chars
        .iter()
        .position(|c| !is_space(*c))
        .unwrap_or(n.chars.len());
    let end = n
        .chars
        .iter()
        .rposition(|c| !is_space(*c))
        .map(|i| i + 1)
        .unwrap_or(start);
    if start > 0 || end < n.chars.len() {
        n.had_dropped = true;
    }
    keep(&mut n.chars, start, end);
    keep(&mut n.origin, start, end);
    n
}

/// Keeps `v[start..end]` in place (`start <= end`; nothing when out of range).
fn keep<T: Copy>(v: &mut Vec<T>, start: usize, end: usize) {
    let mut w = 0;
    for r in start..end {
        if let Some(x) = v.get(r).copied() {
            if let Some(slot) = v.get_mut(w) {
                *slot = x;
            }
            w += 1;
        }
    }
    v.truncate(w);
}

/// The byte offset of the first `needle` in `hay`. core's `str::find` with
/// a `&str` pattern brings its Two-Way searcher and a formatting panic path
/// (~4 KB of wasm) for the handful of short searches the rules make.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    // The first byte is compared alone before the whole needle (most
    // positions fail there; the word lists make many such searches), in a
    // plain loop: at opt-level z the range-and-closure form was a call per
    // position (checkForm's pre-approval words: ~45,000 instructions a form).
    let (first, last) = (n.first(), h.len().checked_sub(n.len())?);
    let mut i = 0;
    while i <= last {
        if h.get(i) == first && h.get(i..i + n.len()) == Some(n) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `s.split_once(b)` for an ASCII byte `b`. core's char-pattern searches
/// (`split`, `split_once`, `rfind`, `trim_end_matches` with a `char`) go
/// through `CharSearcher`/`memchr`, whose slicing panics link core's
/// formatting code; an ASCII byte always sits on a char boundary, so these
/// cut with `get` and cannot panic.
pub fn cut(s: &str, b: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|x| x == b)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `s.rsplit_once(b)` for an ASCII byte `b` (see [`cut`]).
pub fn rcut(s: &str, b: u8) -> Option<(&str, &str)> {
    let i = s.bytes().rposition(|x| x == b)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `s.strip_suffix(b)` for an ASCII byte `b`. The vision module compares
/// the last byte (−117 B gz: the char pattern's encoder goes); the fields
/// and full modules keep `strip_suffix`, which the byte form made bigger
/// there (+25 / +43 B gz, measured 2026-12-07).
pub fn strip_last(s: &str, b: u8) -> Option<&str> {
    if cfg!(vision_only) {
        match s.as_bytes().last() {
            Some(&last) if last == b => s.get(..s.len() - 1),
            _ => None,
        }
    } else {
        s.strip_suffix(char::from(b))
    }
}

/// `s.trim_end_matches(b)` for an ASCII byte `b` (see [`cut`]).
pub fn trim_end(s: &str, b: u8) -> &str {
    let mut end = s.len();
    while end > 0 && s.as_bytes().get(end - 1) == Some(&b) {
        end -= 1;
    }
    s.get(..end).unwrap_or(s)
}

/// `s.split(b)` for an ASCII byte `b` (see [`cut`]): the same pieces,
/// empty ones included.
pub fn pieces(s: &str, b: u8) -> Pieces<'_> {
    Pieces { rest: Some(s), b }
}

/// The iterator of [`pieces`].
pub struct Pieces<'a> {
    rest: Option<&'a str>,
    b: u8,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match cut(rest, self.b) {
            Some((piece, tail)) => {
                self.rest = Some(tail);
                Some(piece)
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// True when `c` is one of the characters of `set`. core's
/// `str::contains(char)` searches for a non-ASCII char with the Two-Way
/// `&str` searcher (see [`find`]), so the rules use this instead.
pub fn has(set: &str, c: char) -> bool {
    set.chars().any(|x| x == c)
}

/// True when `needle` occurs in `hay` (see [`find`]).
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// The UTF-16 length of a string.
pub fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// Adds the shared "will be submitted as …" finding when the normalised value
/// differs from what was typed: a warning when full-width characters were
/// folded (filing systems reject them), info for removed spaces and the like.
/// The fix is the normalised value — certain, since only formatting changed.
pub fn note_normalized(result: &mut FieldResult, original: &str, normalized: &str) {
    if original == normalized || normalized.is_empty() {
        return;
    }
    let has_full_width = original
        .chars()
        .any(|c| is_full_width(c) || matches!(c, '\u{3000}' | '\u{3002}' | '\u{FF61}'));
    let finding = if has_full_width {
        Finding::warning("format.full_width")
    } else {
        Finding::info("format.normalized")
    };
    result.push(
        finding
            .param("value", normalized)
            .fix(normalized)
            .span(Some((0, utf16_len(original)))),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_maps_offsets() {
        let n = normalize(
            "１３8 0",
            Rules {
                drop_spaces: true,
                ..Rules::default()
            },
        );
        assert_eq!(n.as_string(), "1380");
        assert!(n.had_full_width && n.had_dropped);
        assert_eq!(n.span(3, 4), Some((4, 5)));
        assert_eq!(n.span(0, 2), Some((0, 2)));
    }

    #[test]
    fn surrogate_pairs_count_two_utf16_units() {
        let n = normalize("😀a", Rules::default());
        assert_eq!(n.span(1, 2), Some((2, 3)));
        assert_eq!(n.original_len, 3);
    }

    #[test]
    fn drops_invisible_characters() {
        let n = normalize("1\u{200B}2\u{FEFF}", Rules::default());
        assert_eq!(n.as_string(), "12");
    }

    #[test]
    fn trim_keeps_map() {
        let n = trim(normalize("  ab ", Rules::default()));
        assert_eq!(n.as_string(), "ab");
        assert_eq!(n.span(0, 2), Some((2, 4)));
    }

    #[test]
    fn empty_span_points_at_end() {
        let n = normalize("ab", Rules::default());
        assert_eq!(n.span(2, 2), Some((2, 2)));
    }
}
