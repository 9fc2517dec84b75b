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
use crate::site::domain;
use crate::text::{self, Normalized, Rules};

/// Minimum number of Chinese characters (TC-CN, HW-KB doc_0060, QC).
pub const MIN_HAN: usize = 3;

/// True for a CJK ideograph (the blocks names are written in).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}' | '\u{2A700}'..='\u{2EBEF}' | '\u{30000}'..='\u{3134F}')
}

fn words<'a>(sec: &'a Json, key: &str) -> Vec<&'a str> {
    sec.get(key)
        .and_then(|l| l.get("words").or(Some(l)))
        .and_then(Json::as_array)
        .unwrap_or(&[])
        .iter()
        .filter_map(Json::as_str)
        .collect()
}

/// Where `word` first occurs in `hay` (ASCII case-insensitive), as char indices.
fn find(hay: &[char], word: &str) -> Option<(usize, usize)> {
    let w: Vec<char> = word.chars().map(|c| c.to_ascii_uppercase()).collect();
    if w.is_empty() || w.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - w.len())
        .find(|&i| {
            hay.get(i..i + w.len())
                .is_some_and(|s| s.iter().zip(&w).all(|(a, b)| a.to_ascii_uppercase() == *b))
        })
        .map(|i| (i, i + w.len()))
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
    let mut r = FieldResult::new(value.clone());
    if n.is_empty() {
        if !opts.partial {
            r.push(Finding::error("website_name.empty"));
        }
        return r;
    }
    let lower = value.to_ascii_lowercase();
    if crate::text::has(&lower, '.') && domain::registrable(&lower, opts).is_some() {
        r.push(Finding::error("website_name.domain").span(n.whole()));
        return r;
    }
    if let Some(i) = n
        .chars
        .iter()
        .position(|c| !(is_han(*c) || c.is_ascii_alphanumeric() || text::is_space(*c)))
    {
        let bad = n.at(i).unwrap_or('?');
        r.push(
            Finding::error("website_name.symbol")
                .param("char", bad.to_string())
                .span(n.span(i, i + 1)),
        );
    }
    if let Some(i) = n.chars.iter().position(|c| text::is_space(*c)) {
        r.push(Finding::warning("website_name.space").span(n.span(i, i + 1)));
    }
    let han = n.chars.iter().filter(|c| is_han(**c)).count();
    let letters = n.chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = n.chars.iter().filter(|c| c.is_ascii_digit()).count();
    if han == 0 && letters + digits > 0 && !opts.partial {
        let code = if letters == 0 {
            "website_name.digits_only"
        } else {
            "website_name.latin_only"
        };
        r.push(Finding::error(code).span(n.whole()));
    } else if han > 0 && han < MIN_HAN && !opts.partial {
        if han + letters + digits >= MIN_HAN {
            r.push(
                Finding::warning("website_name.few_chinese")
                    .param_n("count", han as i64)
                    .span(n.whole()),
            );
        } else {
            r.push(
                Finding::error("website_name.too_short")
                    .param_n("count", han as i64)
                    .span(n.whole()),
            );
        }
    }
    check_words(&n, opts, &mut r);
    r
}

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
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let mut report =
        |r: &mut FieldResult, code: &str, sev: Severity, word: &str| -> Option<(usize, usize)> {
            let at = find(hay, word)?;
            if seen
                .iter()
                .any(|s| s.0 <= at.0 && at.1 <= s.1 && code != "website_name.pre_approval")
            {
                return None;
            }
            seen.push(at);
            r.push(word_finding(code, sev, n, word, at));
            Some(at)
        };
    let gov_sev = if official {
        Severity::Warning
    } else {
        Severity::Error
    };
    for w in words(sec, "national") {
        report(r, "website_name.national", gov_sev, w);
    }
    for w in words(sec, "sensitive") {
        report(r, "website_name.sensitive", gov_sev, w);
    }
    if personal {
        for w in words(sec, "personalForbidden") {
            report(r, "website_name.personal_word", Severity::Error, w);
        }
        for w in words(sec, "personalDiscouraged") {
            report(r, "website_name.personal_discouraged", Severity::Warning, w);
        }
        for w in words(sec, "entityLike") {
            report(r, "website_name.entity_word", Severity::Warning, w);
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
        for w in cat
            .get("words")
            .and_then(Json::as_array)
            .unwrap_or(&[])
            .iter()
            .filter_map(Json::as_str)
        {
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
