//! A tolerant HTML scanner for the footer check: no DOM, no tree — just the
//! visible text (entities decoded, scripts/styles/comments skipped, white
//! space collapsed, block elements as line breaks) with, for every text
//! character, where it came from in the HTML (UTF-16 offsets) and which
//! `<a href>` encloses it. Text split across inline tags joins up.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::site::number;
use crate::text;

/// One `<a>` element.
#[derive(Clone, Debug, PartialEq)]
pub struct Anchor {
    /// The `href` attribute, entities decoded ('' when absent).
    pub href: String,
    /// UTF-16 span of the opening tag in the HTML.
    pub span: (u32, u32),
}

/// The visible text of a page with its map back into the HTML.
#[derive(Clone, Debug, Default)]
pub struct Flat {
    /// Visible characters (width-folded; runs of white space are one ' ',
    /// block boundaries '\n').
    pub text: Vec<char>,
    /// For each character, its UTF-16 `[start, end)` in the HTML.
    pub origin: Vec<(u32, u32)>,
    /// For each character, the innermost enclosing anchor (index into `anchors`).
    pub anchor: Vec<Option<usize>>,
    /// Every `<a>` element in document order.
    pub anchors: Vec<Anchor>,
}

impl Flat {
    fn push(&mut self, c: char, origin: (u32, u32), anchor: Option<usize>) {
        let c = text::fold_width(c);
        let c = if text::is_space(c) && c != '\n' {
            ' '
        } else {
            c
        };
        if c == ' ' || c == '\n' {
            match self.text.last_mut() {
                None => return,
                Some(last) if *last == '\n' => return,
                Some(last) if *last == ' ' => {
                    if c == '\n' {
                        *last = '\n';
                    }
                    return;
                }
                _ => {}
            }
        }
        if text::is_invisible(c) {
            return;
        }
        self.text.push(c);
        self.origin.push(origin);
        self.anchor.push(anchor);
    }
    /// The UTF-16 span in the HTML of text characters `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Option<(u32, u32)> {
        let a = self.origin.get(start)?;
        let b = self.origin.get(end.checked_sub(1)?)?;
        Some((a.0, b.1))
    }
}

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "body",
    "html",
];
const RAW_TEXT: &[&str] = &[
    "script", "style", "template", "noscript", "textarea", "title", "head",
];

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "copy" => '©',
        "reg" => '®',
        "middot" => '·',
        "mdash" => '—',
        "ndash" => '–',
        "hyphen" | "dash" => '-',
        "zwj" | "zwnj" | "shy" => '\u{200B}',
        _ => return None,
    })
}

/// Decodes the entity starting at `s[i] == '&'`: (char, chars consumed).
fn entity(s: &[(char, u32)], i: usize) -> Option<(char, usize)> {
    let mut name = String::new();
    let mut k = i + 1;
    while let Some((c, _)) = s.get(k) {
        if *c == ';' {
            break;
        }
        if !(c.is_ascii_alphanumeric() || *c == '#') || name.len() > 10 {
            return None;
        }
        name.push(*c);
        k += 1;
    }
    s.get(k).filter(|(c, _)| *c == ';')?;
    let c = if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            Some(hex) => number(hex, 16)?,
            None => number(num, 10)?,
        };
        char::from_u32(v)?
    } else {
        named_entity(&name)?
    };
    Some((c, k + 1 - i))
}

fn decode_entities(s: &[(char, u32)]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some((c, _)) = s.get(i) {
        if *c == '&' {
            if let Some((d, used)) = entity(s, i) {
                out.push(d);
                i += used;
                continue;
            }
        }
        out.push(*c);
        i += 1;
    }
    out
}

/// A parsed tag: (where its name starts in the scanned text, the name's
/// length, closing?, first `href` (entities decoded, "" when absent),
/// index after '>'). The name is compared in place ([`is_tag`]).
type Tag = (usize, usize, bool, String, usize);

fn parse_tag(s: &[(char, u32)], i: usize) -> Option<Tag> {
    let mut k = i + 1;
    let closing = s.get(k).is_some_and(|(c, _)| *c == '/');
    if closing {
        k += 1;
    }
    let name = k;
    while s
        .get(k)
        .is_some_and(|(c, _)| c.is_ascii_alphanumeric() || *c == '-')
    {
        k += 1;
    }
    if !s.get(name).is_some_and(|(c, _)| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = k - name;
    let mut href = None;
    loop {
        while s
            .get(k)
            .is_some_and(|(c, _)| c.is_whitespace() || *c == '/')
        {
            k += 1;
        }
        let (c, _) = *s.get(k)?;
        if c == '>' {
            return Some((name, name_len, closing, href.unwrap_or_default(), k + 1));
        }
        let key = k;
        while s
            .get(k)
            .is_some_and(|(c, _)| !c.is_whitespace() && !matches!(c, '=' | '>' | '/'))
        {
            k += 1;
        }
        if k == key {
            k += 1;
            continue;
        }
        let is_href = k - key == 4 && at_ci(s, key, "href");
        k = skip_space(s, k);
        let (mut start, mut end) = (k, k);
        if s.get(k).is_some_and(|(c, _)| *c == '=') {
            k += 1;
            k = skip_space(s, k);
            match s.get(k) {
                Some((q @ ('"' | '\''), _)) => {
                    start = k + 1;
                    let close = s.get(start..)?.iter().position(|(c, _)| c == q)?;
                    end = start + close;
                    k = end + 1;
                }
                _ => {
                    start = k;
                    while s
                        .get(k)
                        .is_some_and(|(c, _)| !c.is_whitespace() && *c != '>')
                    {
                        k += 1;
                    }
                    end = k;
                }
            }
        }
        if href.is_none() && is_href {
            href = Some(decode_entities(s.get(start..end).unwrap_or(&[])));
        }
    }
}

/// True when `needle` (lower-case) is at `i`, ASCII case-insensitively.
fn at_ci(s: &[(char, u32)], i: usize, needle: &str) -> bool {
    needle.chars().enumerate().all(|(k, c)| {
        s.get(i + k)
            .is_some_and(|(d, _)| d.to_ascii_lowercase() == c)
    })
}

/// True when the tag name at `s[at..at + len]` is `tag` (lower-case),
/// ASCII case-insensitively.
fn is_tag(s: &[(char, u32)], at: usize, len: usize, tag: &str) -> bool {
    tag.len() == len && at_ci(s, at, tag)
}

/// The index of the first non-white-space character at or after `k`.
fn skip_space(s: &[(char, u32)], mut k: usize) -> usize {
    while s.get(k).is_some_and(|(c, _)| c.is_whitespace()) {
        k += 1;
    }
    k
}

/// The index after the first `>` at or after `from` (the end when none).
fn after_gt(s: &[(char, u32)], from: usize) -> usize {
    s.get(from..)
        .and_then(|t| t.iter().position(|x| x.0 == '>'))
        .map(|p| from + p + 1)
        .unwrap_or(s.len())
}

/// Position of the first `needle` (ASCII case-insensitive) at or after `from`.
fn find_ci(s: &[(char, u32)], from: usize, needle: &str) -> Option<usize> {
    (from..s.len()).find(|&i| at_ci(s, i, needle))
}

/// Scans `html` into its visible text.
pub fn flatten(html: &str) -> Flat {
    let mut s: Vec<(char, u32)> = Vec::new();
    let mut off = 0u32;
    for c in html.chars() {
        s.push((c, off));
        off += c.len_utf16() as u32;
    }
    let total = off;
    let end_of = |s: &[(char, u32)], i: usize| s.get(i).map(|x| x.1).unwrap_or(total);
    let mut flat = Flat::default();
    let mut stack: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(&(c, at)) = s.get(i) {
        if c == '<' {
            if at_ci(&s, i + 1, "!--") {
                i = find_ci(&s, i + 4, "-->").map(|e| e + 3).unwrap_or(s.len());
                continue;
            }
            if s.get(i + 1).is_some_and(|(d, _)| matches!(d, '!' | '?')) {
                i = after_gt(&s, i);
                continue;
            }
            if let Some((name, len, closing, href, next)) = parse_tag(&s, i) {
                let span = (at, end_of(&s, next));
                let raw = RAW_TEXT.iter().find(|t| is_tag(&s, name, len, t));
                if let (false, Some(raw)) = (closing, raw) {
                    let close = cat!("</", raw);
                    i = find_ci(&s, next, &close).map_or(s.len(), |e| after_gt(&s, e));
                    continue;
                }
                if is_tag(&s, name, len, "a") {
                    if closing {
                        stack.pop();
                    } else {
                        let href = href.trim().into();
                        flat.anchors.push(Anchor { href, span });
                        stack.push(flat.anchors.len() - 1);
                    }
                } else if BLOCKS.iter().any(|t| is_tag(&s, name, len, t)) {
                    flat.push('\n', span, None);
                }
                i = next;
                continue;
            }
        }
        if c == '&' {
            if let Some((d, used)) = entity(&s, i) {
                flat.push(d, (at, end_of(&s, i + used)), stack.last().copied());
                i += used;
                continue;
            }
        }
        flat.push(c, (at, at + c.len_utf16() as u32), stack.last().copied());
        i += 1;
    }
    flat
}

/// The host of an absolute (or scheme-relative) URL, lower-cased.
pub fn host_of(href: &str) -> Option<String> {
    let h = href.trim();
    let rest = if let Some(p) = crate::text::find(h, "://") {
        let scheme = h.get(..p)?;
        if !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || crate::text::has("+-.", c))
        {
            return None;
        }
        h.get(p + 3..)?
    } else {
        h.strip_prefix("//")?
    };
    Some(host_in(rest).to_ascii_lowercase())
}

/// The host in `rest`, what follows a URL's `scheme://`: up to the first
/// `/`, `\\`, `?` or `#` (a backslash separates the path in http(s) URLs,
/// WHATWG URL Standard), without user info or port (as written).
pub fn host_in(rest: &str) -> &str {
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'\\' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or(rest);
    let host = crate::text::rcut(authority, b'@').map_or(authority, |(_, h)| h);
    crate::text::cut(host, b':').map_or(host, |(h, _)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_text_split_across_tags_and_decodes_entities() {
        let f = flatten(
            "<p>京ICP<span>备</span>1234&#53;678号</p><script>x='京ICP备'</script><!-- 京ICP -->",
        );
        let t: String = f.text.iter().collect();
        assert_eq!(t.trim(), "京ICP备12345678号");
    }

    #[test]
    fn anchors_cover_their_text() {
        let f = flatten(
            r#"<a href="https://beian.miit.gov.cn/#/Integrated/index" target=_blank>京ICP备</a>x"#,
        );
        assert_eq!(f.anchors.len(), 1);
        assert_eq!(f.anchor.first().copied().flatten(), Some(0));
        assert_eq!(f.anchor.last().copied().flatten(), None);
        assert_eq!(
            host_of(&f.anchors[0].href).as_deref(),
            Some("beian.miit.gov.cn")
        );
        assert_eq!(
            host_of("//www.beian.gov.cn/portal").as_deref(),
            Some("www.beian.gov.cn")
        );
        assert_eq!(host_of("/local"), None);
        // As browsers read it: the host is beian.miit.gov.cn, not evil.cn.
        assert_eq!(
            host_of("https://beian.miit.gov.cn\\@evil.cn/").as_deref(),
            Some("beian.miit.gov.cn")
        );
    }

    #[test]
    fn unterminated_markup_does_not_panic() {
        for s in [
            "<",
            "<a",
            "<a href=\"x",
            "&#",
            "&#x110000;",
            "<!--",
            "<script>",
            "</",
            "<a href=x>",
        ] {
            let _ = flatten(s);
        }
    }
}
