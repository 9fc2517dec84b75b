//! Renders results as JSON text in a locale: the shape of the JS API
//! (`FieldResult`, `Finding`), shared by the wasm binding and the CLI.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{FieldResult, Finding, InfoValue};
use crate::i18n::{self, Locale};
use crate::json::{write_num, write_str};

/// The localized message of a finding.
pub fn message(f: &Finding, locale: Locale) -> String {
    match &f.custom {
        Some(c) => c.message.get(locale.index()).cloned().unwrap_or_default(),
        None => i18n::render(&f.code, locale, &f.params),
    }
}

/// The localized hint of a finding (may be empty).
pub fn hint(f: &Finding, locale: Locale) -> String {
    match &f.custom {
        Some(c) => c.hint.get(locale.index()).cloned().unwrap_or_default(),
        None => i18n::render_hint(&f.code, locale, &f.params),
    }
}

/// Appends one finding as a JSON object.
pub fn write_finding(out: &mut String, f: &Finding, locale: Locale) {
    out.put("{\"path\":");
    write_str(out, &f.path);
    out.put(",\"code\":");
    write_str(out, &f.code);
    out.put(",\"severity\":");
    write_str(out, f.severity.as_str());
    out.put(",\"message\":");
    write_text(out, f, locale, false);
    out.put(",\"hint\":");
    write_text(out, f, locale, true);
    if let Some(fix) = &f.fix {
        out.put(",\"fix\":");
        write_str(out, fix);
    }
    if let Some((a, b)) = f.span {
        out.put(",\"span\":[");
        crate::rt::push_u64(out, a.into());
        out.put_char(',');
        crate::rt::push_u64(out, b.into());
        out.put_char(']');
    }
    out.put_char('}');
}

/// Appends [`message`] (or with `hint`, [`hint`]) as a JSON string, writing
/// profile text as it is instead of copying it first.
fn write_text(out: &mut String, f: &Finding, locale: Locale, hint: bool) {
    match &f.custom {
        Some(c) => {
            let texts = if hint { &c.hint } else { &c.message };
            write_str(out, texts.get(locale.index()).map_or("", String::as_str));
        }
        None if hint => write_str(out, &i18n::render_hint(&f.code, locale, &f.params)),
        None => write_str(out, &i18n::render(&f.code, locale, &f.params)),
    }
}

/// Appends a JSON array of findings.
pub fn write_findings(out: &mut String, findings: &[Finding], locale: Locale) {
    out.put_char('[');
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            out.put_char(',');
        }
        write_finding(out, f, locale);
    }
    out.put_char(']');
}

/// Appends checkForm's findings: each with its field's `label` (see
/// [`crate::form::labels`]).
pub fn write_form_findings(out: &mut String, findings: &[Finding], locale: Locale) {
    out.put_char('[');
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            out.put_char(',');
        }
        write_finding(out, f, locale);
        out.pop();
        out.put(",\"label\":");
        write_str(out, &crate::form::labels::label(&f.path, locale));
        out.put_char('}');
    }
    out.put_char(']');
}

/// Appends an `info` object.
pub fn write_info(out: &mut String, info: &[(&'static str, InfoValue)]) {
    out.put_char('{');
    for (i, (k, v)) in info.iter().enumerate() {
        if i > 0 {
            out.put_char(',');
        }
        write_str(out, k);
        out.put_char(':');
        match v {
            InfoValue::Str(s) => write_str(out, s),
            InfoValue::Num(n) => write_num(out, *n),
            InfoValue::Bool(b) => out.put(if *b { "true" } else { "false" }),
            #[cfg(feature = "vision")]
            InfoValue::Json(v) => out.put(&v.to_text()),
            InfoValue::List(items) => {
                out.put_char('[');
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        out.put_char(',');
                    }
                    write_str(out, item);
                }
                out.put_char(']');
            }
        }
    }
    out.put_char('}');
}

/// A whole `FieldResult` as JSON.
pub fn field_result_json(r: &FieldResult, locale: Locale) -> String {
    // Most results fit (a block of the wasm allocator's 512-byte class): no regrowth.
    let mut out = String::with_capacity(512);
    out.put("{\"ok\":");
    out.put(if r.ok() { "true" } else { "false" });
    out.put(",\"value\":");
    write_str(&mut out, &r.value);
    out.put(",\"findings\":");
    write_findings(&mut out, &r.findings, locale);
    if !r.info.is_empty() {
        out.put(",\"info\":");
        write_info(&mut out, &r.info);
    }
    out.put_char('}');
    out
}

/// `{"typeError": "..."}`: the binding turns it into a thrown `TypeError`.
pub fn type_error_json(message: &str) -> String {
    let mut out = owned("{\"typeError\":");
    write_str(&mut out, &cat!("beian-check: ", message));
    out.put_char('}');
    out
}
