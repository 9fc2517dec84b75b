//! The one result shape every check returns: [`Finding`] and [`FieldResult`].
//!
//! A finding carries a stable dotted `code` and the `params` its message
//! needs; the text itself comes from the [`crate::i18n`] catalog when the
//! result is rendered, never from `format!` inside a rule.

#[allow(unused_imports)]
use crate::rt::prelude::*;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The filing would be rejected.
    Error,
    /// Likely rejected, or a rule whose source is unconfirmed: check it.
    Warning,
    /// For your information (a normalisation, a parsed fact).
    Info,
}

impl Severity {
    /// The name used in the JS API: `error`, `warning`, `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Text supplied by a provider profile instead of the built-in catalog.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CustomText {
    /// Message per locale, in [`crate::Locale::ALL`] order (zh-CN, zh-TW, en).
    pub message: [String; 3],
    /// Hint per locale, same order.
    pub hint: [String; 3],
}

/// One thing wrong (or worth knowing) about a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Where in a form the finding belongs (`''` for a single field).
    pub path: String,
    /// Stable machine code, e.g. `resident_id.checksum`.
    pub code: String,
    /// How bad it is.
    pub severity: Severity,
    /// Named parameters substituted into the catalog text (`{name}`).
    pub params: Vec<(&'static str, String)>,
    /// A safe replacement for the whole field, only when certain.
    pub fix: Option<String>,
    /// UTF-16 offsets `[start, end)` into the original input.
    pub span: Option<(u32, u32)>,
    /// Profile-supplied text that replaces the catalog entry.
    pub custom: Option<Box<CustomText>>,
}

impl Finding {
    /// A finding with no params, fix or span.
    #[inline(never)]
    pub fn new(code: &str, severity: Severity) -> Finding {
        Finding {
            path: String::new(),
            code: owned(code),
            severity,
            params: Vec::new(),
            fix: None,
            span: None,
            custom: None,
        }
    }
    /// An error finding.
    pub fn error(code: &str) -> Finding {
        Finding::new(code, Severity::Error)
    }
    /// A warning finding.
    pub fn warning(code: &str) -> Finding {
        Finding::new(code, Severity::Warning)
    }
    /// An info finding.
    pub fn info(code: &str) -> Finding {
        Finding::new(code, Severity::Info)
    }
    /// Adds an integer parameter, written in decimal (without `core::fmt`,
    /// which `to_string()` on an integer would link into the wasm).
    pub fn param_n(self, name: &'static str, n: i64) -> Finding {
        self.param(name, crate::rt::cat!(n))
    }

    /// Adds a message parameter.
    pub fn param(self, name: &'static str, value: impl Into<String>) -> Finding {
        self.with_param(name, value.into())
    }
    // The builder methods are kept out of line: a finding is built at ~200
    // call sites, and inlining its moves at each one cost ~10 KB of wasm.
    #[inline(never)]
    fn with_param(mut self, name: &'static str, value: String) -> Finding {
        self.params.push((name, value));
        self
    }
    /// Sets the safe fix.
    pub fn fix(self, value: impl Into<String>) -> Finding {
        self.with_fix(value.into())
    }
    #[inline(never)]
    fn with_fix(mut self, value: String) -> Finding {
        self.fix = Some(value);
        self
    }
    /// Sets the span (UTF-16 offsets into the original input).
    #[inline(never)]
    pub fn span(mut self, span: Option<(u32, u32)>) -> Finding {
        self.span = span;
        self
    }
    /// Sets the path.
    #[inline(never)]
    pub fn at(mut self, path: impl Into<String>) -> Finding {
        self.path = path.into();
        self
    }
    /// The value of a parameter, if set.
    pub fn get_param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A fact parsed from a value, shown to the user (`info` in the JS API).
#[derive(Clone, Debug, PartialEq)]
pub enum InfoValue {
    /// A string fact.
    Str(String),
    /// A numeric fact.
    Num(f64),
    /// A boolean fact.
    Bool(bool),
    /// A list of strings (e.g. the numbers `checkFooter` found).
    List(Vec<String>),
    /// Structured JSON (`info.card` of `checkImagePixels`; only builds with
    /// the ID-card analysis have it, so the others link no JSON writer for it).
    #[cfg(feature = "vision")]
    Json(crate::json::Json),
}

/// The result of checking one field.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FieldResult {
    /// The normalised value (full-width → half-width, spaces removed, …).
    pub value: String,
    /// Everything found, errors first once [`FieldResult::finish`] ran.
    pub findings: Vec<Finding>,
    /// Facts parsed from the value, in a stable order.
    pub info: Vec<(&'static str, InfoValue)>,
}

impl FieldResult {
    /// A result with the given normalised value and nothing found yet.
    pub fn new(value: impl Into<String>) -> FieldResult {
        FieldResult {
            value: value.into(),
            findings: Vec::new(),
            info: Vec::new(),
        }
    }
    /// True when no finding is an error.
    pub fn ok(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }
    /// Adds a finding.
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }
    /// Adds a string fact.
    pub fn info_str(&mut self, key: &'static str, value: impl Into<String>) {
        self.info.push((key, InfoValue::Str(value.into())));
    }
    /// Adds a numeric fact.
    // Vision wasm: one copy, not one per caller (docs/notes/vision-speed2.md).
    #[cfg_attr(vision_only, inline(never))]
    pub fn info_num(&mut self, key: &'static str, value: f64) {
        self.info.push((key, InfoValue::Num(value)));
    }
    /// Adds a boolean fact.
    pub fn info_bool(&mut self, key: &'static str, value: bool) {
        self.info.push((key, InfoValue::Bool(value)));
    }
    /// A fact by key.
    pub fn get_info(&self, key: &str) -> Option<&InfoValue> {
        self.info.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
    /// True when a finding with this code is present.
    pub fn has(&self, code: &str) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }
    /// Orders findings by severity (stable), so errors come first.
    pub fn finish(mut self) -> FieldResult {
        order_by_severity(&mut self.findings);
        self
    }
}

/// Stable ordering by severity (errors first). An insertion sort: findings
/// are few, and std's stable sort would add ~5 KB to the wasm.
pub fn order_by_severity(findings: &mut [Finding]) {
    for i in 1..findings.len() {
        let mut j = i;
        while j > 0 {
            match findings.get_mut(j - 1..=j) {
                Some([a, b]) if a.severity > b.severity => core::mem::swap(a, b),
                _ => break,
            }
            j -= 1;
        }
    }
}
