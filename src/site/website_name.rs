//! Website names (`websiteName`, rules.md §3 and §6). Structure: at least
//! three Chinese characters, not pure digits or Latin, no symbols, not a
//! domain. Words: the lists in the profile's `words` section — national
//! words only for national bodies, the words a personal site may not use,
//! and words that imply a pre-approval (前置审批) category. Each finding
//! quotes the word and its `span` marks it in the input.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding, Severity};
use crate::json::Json;
use crate::options::{Options, SubjectType};
use crate::site::{domain, empty, flag};
use crate::text::{self, Normalized, Rules};

/// Minimum number of Chinese characters (TC-CN, HW-KB doc_0060, QC).
pub const MIN_HAN: usize = 3;

/// True for a CJK ideograph (the blocks names are written in).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}' | '\u{2A700}'..='\u{2EBEF}' | '\u{30000}'..='\u{3134F}')
}

/// The words of a list in the `words` section (a plain array, or an
/// object with a `words` array).
fn words<'a>(sec: &'a Json, key: &str) -> &'a [Json] {
    sec.get(key)
        .and_then(|l| l.get("words").or(Some(l)))
        .and_then(Json::as_array)
        .unwrap_or(&[])
}

/// Where `word` first occurs in `hay` (ASCII case-insensitive), as char indices.
fn find(hay: &[char], word: &str) -> Option<(usize, usize)> {
    let first = word.chars().next()?.to_ascii_uppercase();
    'at: for i in 0..hay.len() {
        // The first character alone first: most positions fail there.
        if hay.get(i).map(char::to_ascii_uppercase) != Some(first) {
            continue;
        }
        let mut k = i;
        for b in word.chars() {
            if hay.get(k).map(char::to_ascii_uppercase) != Some(b.to_ascii_uppercase()) {
                continue 'at;
            }
            k += 1;
        }
        return Some((i, k));
    }
    None
}

fn word_finding(
    code: &str,
    severity: Severity,
    n: &Normalized,
    word: &str,
    at: (usize, usize),
) -> Finding {
    Finding::new(code, severity)
        .param("word", word)
        .span(n.span(at.0, at.1))
}

/// Checks a website name.
pub fn check(input: &str, opts: &Options) -> FieldResult {
    let n = text::trim(text::normalize(input, Rules::default()));
    let value = n.as_string();
    let mut r = FieldResult::new(value.as_str());
    if !empty(&mut r, &n, opts, "website_name.empty") {
        check_name(opts, &n, &value, &mut r);
        // Zero-width and bidi characters were dropped: said, with the
        // cleaned value as the fix, as every other kind does (issue 17
        // item 13). Spaces inside the name are kept (`website_name.space`).
        if n.had_dropped {
            text::note_normalized(&mut r, input, &value);
        }
    }
    r
}

/// The findings on a non-empty name (`value`: the normalised input).
fn check_name(opts: &Options, n: &Normalized, value: &str, r: &mut FieldResult) {
    if text::has(value, '.') && domain::registrable(value, opts).is_some() {
        flag(r, "website_name.domain", n.whole());
        return;
    }
    let (mut han, mut letters, mut digits) = (0, 0, 0);
    let (mut symbol, mut space) = (None, None);
    for (i, &c) in n.chars.iter().enumerate() {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            letters += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        } else if text::is_space(c) {
            space = space.or(Some(i));
        } else {
            symbol = symbol.or(Some((i, c)));
        }
    }
    if let Some((i, c)) = symbol {
        r.push(
            Finding::error("website_name.symbol")
                .param("char", c)
                .span(n.span(i, i + 1)),
        );
    }
    if let Some(i) = space {
        r.push(Finding::warning("website_name.space").span(n.span(i, i + 1)));
    }
    if han == 0 && letters + digits > 0 && !opts.partial {
        let code = if letters == 0 {
            "website_name.digits_only"
        } else {
            "website_name.latin_only"
        };
        flag(r, code, n.whole());
    } else if han > 0 && han < MIN_HAN && !opts.partial {
        let f = if han + letters + digits >= MIN_HAN {
            Finding::warning("website_name.few_chinese")
        } else {
            Finding::error("website_name.too_short")
        };
        r.push(f.param_n("count", han as i64).span(n.whole()));
    }
    check_words(n, opts, r);
}

/// The word lists of the `words` section: (key, code, for personal sites
/// only, severity; `None`: an error, a warning for national bodies).
const LISTS: [(&str, &str, bool, Option<Severity>); 5] = [
    ("national", "website_name.national", false, None),
    ("sensitive", "website_name.sensitive", false, None),
    (
        "personalForbidden",
        "website_name.personal_word",
        true,
        Some(Severity::Error),
    ),
    (
        "personalDiscouraged",
        "website_name.personal_discouraged",
        true,
        Some(Severity::Warning),
    ),
    (
        "entityLike",
        "website_name.entity_word",
        true,
        Some(Severity::Warning),
    ),
];

fn check_words(n: &Normalized, opts: &Options, r: &mut FieldResult) {
    let Some(sec) = opts.profile.section("words") else {
        return;
    };
    let subject = opts.subject_type;
    let personal = subject == Some(SubjectType::Personal);
    let official = matches!(
        subject,
        Some(SubjectType::Government) | Some(SubjectType::Institution)
    );
    let hay = &n.chars;
    let gov_sev = if official {
        Severity::Warning
    } else {
        Severity::Error
    };
    // A word inside one already reported is not reported again.
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for (key, code, personal_only, sev) in LISTS {
        if personal_only && !personal {
            continue;
        }
        let sev = sev.unwrap_or(gov_sev);
        for w in words(sec, key) {
            let Some(w) = w.as_str() else { continue };
            let Some(at) = find(hay, w) else { continue };
            if seen.iter().any(|s| s.0 <= at.0 && at.1 <= s.1) {
                continue;
            }
            seen.push(at);
            r.push(word_finding(code, sev, n, w, at));
        }
    }
    let categories = sec
        .get("preApproval")
        .and_then(|p| p.get("categories"))
        .and_then(Json::as_array)
        .unwrap_or(&[]);
    for cat in categories {
        let name = cat.get("category").and_then(Json::as_str).unwrap_or("");
        let personal_error =
            personal && cat.get("personal").and_then(Json::as_str) == Some("error");
        let list = cat.get("words").and_then(Json::as_array).unwrap_or(&[]);
        for w in list {
            let Some(w) = w.as_str() else { continue };
            if let Some(at) = find(hay, w) {
                let (code, sev) = if personal_error {
                    ("website_name.personal_pre_approval", Severity::Error)
                } else {
                    ("website_name.pre_approval", Severity::Warning)
                };
                r.push(word_finding(code, sev, n, w, at).param("category", name));
                break;
            }
        }
    }
}
