//! A person's name (`personName`): Chinese characters, with the middle dot
//! `·` (U+00B7) between the parts of ethnic-minority and transliterated
//! names (阿沛·阿旺晋美), or Latin letters for foreigners as in the passport.
//! Look-alike dots (`•`, `・`, `.`) are a slip with a certain fix.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding, Severity};
use crate::ids::{char_error, flag};
use crate::options::Options;
use crate::site::website_name::is_han;
use crate::text::{self, Rules};

/// The separator the ID card uses.
pub const DOT: char = '\u{00B7}';
const DOT_LOOKALIKES: &[char] = &['•', '・', '.', '‧', '∙', '⋅', '･', '—', '-'];
const MAX_LEN: usize = 40;

/// Checks a person's name.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = text::trim(text::normalize(input, Rules::default()));
    let value = n.as_string();
    let mut r = FieldResult::new(value.clone());
    if n.is_empty() {
        if !opts.partial {
            flag(&mut r, Severity::Error, "person_name.empty", None);
        }
        return r;
    }
    if n.len() > MAX_LEN {
        r.push(
            Finding::error("person_name.too_long")
                .param_n("max", MAX_LEN as i64)
                .span(n.whole()),
        );
        return r;
    }
    let han = n.chars.iter().filter(|c| is_han(**c)).count();
    if han > 0 {
        check_chinese(&n, han, input, opts, &mut r);
    } else {
        check_latin(&n, input, opts, &mut r);
    }
    r
}

fn check_chinese(
    n: &text::Normalized,
    han: usize,
    input: &str,
    opts: &Options,
    r: &mut FieldResult,
) {
    let mut fixed = String::new();
    let mut lookalike = None;
    // A dot must stand between two parts: not first, last or doubled.
    let mut dot_position = false;
    let mut after_dot = true;
    for (i, c) in n.chars.iter().enumerate() {
        let dot = if is_han(*c) {
            false
        } else if *c == DOT {
            true
        } else if text::is_space(*c) {
            // "张 三": spaces are not part of a Chinese name.
            continue;
        } else if DOT_LOOKALIKES.contains(c) {
            lookalike.get_or_insert(i);
            true
        } else {
            let code = if c.is_ascii_alphabetic() {
                "person_name.mixed"
            } else {
                "person_name.invalid_char"
            };
            r.push(char_error(code, n, i));
            return;
        };
        dot_position |= dot && after_dot;
        after_dot = dot;
        fixed.push(if dot { DOT } else { *c });
    }
    if dot_position || after_dot {
        flag(r, Severity::Error, "person_name.dot_position", n.whole());
        return;
    }
    if han < 2 && !opts.partial {
        flag(r, Severity::Error, "person_name.too_short", n.whole());
        return;
    }
    r.value = fixed.clone();
    r.info_str("script", "han");
    if let Some(i) = lookalike {
        r.push(
            Finding::warning("person_name.dot")
                .param("char", crate::ids::text_of(n, i, i + 1))
                .param("value", fixed.clone())
                .fix(fixed)
                .span(n.span(i, i + 1)),
        );
    } else {
        text::note_normalized(r, input, &fixed);
    }
}

fn check_latin(n: &text::Normalized, input: &str, opts: &Options, r: &mut FieldResult) {
    let mut letters = 0;
    for (i, c) in n.chars.iter().enumerate() {
        if c.is_alphabetic() && !c.is_ascii_digit() {
            letters += 1;
        } else if !(text::is_space(*c) || matches!(c, '-' | '\'' | '.' | ',')) {
            r.push(char_error("person_name.invalid_char", n, i));
            return;
        }
    }
    if letters < 2 {
        if !opts.partial {
            flag(r, Severity::Error, "person_name.too_short", n.whole());
        }
        return;
    }
    // Collapse runs of spaces: certain.
    let mut value = String::new();
    for c in n.chars.iter() {
        if text::is_space(*c) {
            if !value.ends_with(' ') {
                value.push(' ');
            }
        } else {
            value.push(*c);
        }
    }
    r.value = value.clone();
    r.info_str("script", "latin");
    text::note_normalized(r, input, &value);
}
