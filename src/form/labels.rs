//! The localized name of a finding's field, from its path: every checkForm
//! finding carries one as `label` (issue 16 item 15: a summary that lists
//! findings without an input of their own names each one's field, never
//! an anonymous "表单").
//!
//! `websites[1].principal.mobile` → 网站 2 · 网站负责人 · 手机号码;
//! `subject.principal.documents.idCardFront` → 主体负责人 · 身份证人像面.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::i18n::{self, Locale};

/// Splits `key[3]` into (`key`, Some(3)).
fn segment(seg: &str) -> (&str, Option<usize>) {
    let Some((key, rest)) = crate::text::cut(seg, b'[') else {
        return (seg, None);
    };
    let mut n = 0usize;
    for b in crate::text::trim_end(rest, b']').bytes() {
        let Some(d) = b.checked_sub(b'0').filter(|d| *d < 10) else {
            return (key, None);
        };
        n = n.saturating_mul(10).saturating_add(usize::from(d));
    }
    (key, Some(n))
}

/// The label of the field at `path`, in `locale` (`''` for `''`).
pub fn label(path: &str, locale: Locale) -> String {
    let mut out = String::new();
    let mut prev = "";
    let mut segs = crate::text::pieces(path, b'.').peekable();
    while let Some(seg) = segs.next() {
        let (key, index) = segment(seg);
        let last = segs.peek().is_none();
        let text = match (prev, key) {
            // 主体负责人 says "subject" already.
            (_, "subject") if !last && segs.peek() == Some(&"principal") => None,
            ("subject", "principal") => Some(i18n::render("label.subject_principal", locale, &[])),
            ("websites", "principal") => Some(i18n::render("label.website_principal", locale, &[])),
            (_, "websites") if index.is_some() => Some(i18n::render(
                "label.website",
                locale,
                &[("n", cat!(index.unwrap_or(0) + 1))],
            )),
            (_, "documents") if !last => None,
            ("documents", slot) => Some(i18n::render(&cat!("slot.", slot), locale, &[])),
            (_, key) => {
                let k = cat!("field.", key);
                let mut t = i18n::lookup(&k, locale).map_or_else(|| key.into(), String::from);
                if let Some(i) = index {
                    t.push(' ');
                    t.push_str(&cat!(i + 1));
                }
                Some(t)
            }
        };
        if let Some(t) = text {
            if !out.is_empty() {
                out.push_str(" · ");
            }
            out.push_str(&t);
        }
        prev = key;
    }
    out
}
