//! The `checkField` entry point: the registry of field kinds and the
//! steps every kind shares (length guard, ordering of findings).

#[allow(unused_imports)]
use crate::rt::prelude::*;

#[cfg(feature = "kinds")]
use crate::contact;
use crate::finding::{FieldResult, Finding};
#[cfg(feature = "kinds")]
use crate::ids;
use crate::options::Options;
use crate::profile::PatternRule;
#[cfg(feature = "kinds")]
use crate::site;
use crate::text;

/// A field check: raw input → result (messages rendered later).
pub type CheckFn = fn(&str, &Options) -> FieldResult;

/// One `checkField` kind.
pub struct KindDef {
    /// The API name, e.g. `mobile`.
    pub name: &'static str,
    /// The check.
    pub check: CheckFn,
}

/// The name of every `checkField` kind, in the order `kinds()` lists them.
pub const KIND_NAMES: &[&str] = &[
    "residentId",
    "hmtResidencePermit",
    "foreignPermanentId",
    "hkMacaoPermit",
    "taiwanPermit",
    "passport",
    "creditCode",
    "orgCode",
    "businessRegNumber",
    "mobile",
    "email",
    "landline",
    "personName",
    "domain",
    "websiteName",
    "icpNumber",
    "psbNumber",
    "ip",
];

/// True when `name` is a `checkField` kind.
pub fn is_kind(name: &str) -> bool {
    KIND_NAMES.contains(&name)
}

/// A build without the `kinds` feature has no field checks.
#[cfg(not(feature = "kinds"))]
pub const KINDS: &[KindDef] = &[];

/// Every kind `checkField` accepts, in the order `kinds()` lists them.
/// Labels are catalog entries `kind.<name>`.
#[cfg(feature = "kinds")]
pub const KINDS: &[KindDef] = &[
    // -- identity and organisation numbers (ids/) --
    KindDef {
        name: "residentId",
        check: ids::resident_id::check,
    },
    KindDef {
        name: "hmtResidencePermit",
        check: ids::hmt_permit::check,
    },
    KindDef {
        name: "foreignPermanentId",
        check: ids::foreign_permanent_id::check,
    },
    KindDef {
        name: "hkMacaoPermit",
        check: ids::travel_permit::check_hk_macao,
    },
    KindDef {
        name: "taiwanPermit",
        check: ids::travel_permit::check_taiwan,
    },
    KindDef {
        name: "passport",
        check: ids::passport::check,
    },
    KindDef {
        name: "creditCode",
        check: ids::credit_code::check,
    },
    KindDef {
        name: "orgCode",
        check: ids::org_code::check,
    },
    KindDef {
        name: "businessRegNumber",
        check: ids::business_reg::check,
    },
    // -- contacts (contact/) --
    KindDef {
        name: "mobile",
        check: contact::mobile::check,
    },
    KindDef {
        name: "email",
        check: contact::email::check,
    },
    KindDef {
        name: "landline",
        check: contact::landline::check,
    },
    KindDef {
        name: "personName",
        check: contact::person_name::check,
    },
    // -- site: domains, names, filing numbers (site/) --
    KindDef {
        name: "domain",
        check: site::domain::check,
    },
    KindDef {
        name: "websiteName",
        check: site::website_name::check,
    },
    KindDef {
        name: "icpNumber",
        check: site::filing_number::check,
    },
    KindDef {
        name: "psbNumber",
        check: site::psb_number::check,
    },
    KindDef {
        name: "ip",
        check: site::ip::check,
    },
];

/// Longest input any kind looks at (UTF-16 units); longer input is refused
/// with a finding before any parsing, so a pasted document costs nothing.
/// Every text of a checkForm form has the same cap (docs/limits.md).
pub const MAX_INPUT: u32 = 4096;

/// Pattern steps one call may spend on a profile's field patterns (a
/// checkField, or a whole checkForm): each pattern costs at most
/// program × (characters + 1) steps ([`crate::pattern::Pattern::cost`]),
/// charged before it runs; a pattern that would overrun the budget is not
/// run and says so (`profile.pattern_skipped`). ~2 M steps take 10–60 ms
/// in a browser; a pattern of 50 instructions on a 20-character value
/// costs 1,050. docs/limits.md.
pub const PATTERN_WORK: u64 = 2_000_000;

/// Looks a kind up by its API name.
pub fn kind(name: &str) -> Option<&'static KindDef> {
    KINDS.iter().find(|k| k.name == name)
}

/// The error for an unknown kind, naming the valid ones.
pub fn unknown_kind(name: &str) -> String {
    let mut out = cat!(
        "unknown kind '",
        crate::options::clip(name),
        "'; expected one of: "
    );
    for (i, k) in KINDS.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(k.name);
    }
    out
}

/// Checks one value as `kind`. `Err` only for an unknown kind (a programming
/// error, a `TypeError` in JS); every bad value is a finding.
/// This is one call: its pattern budget starts afresh.
pub fn check_field(kind_name: &str, value: &str, opts: &Options) -> Result<FieldResult, String> {
    opts.work.set(0);
    check_within(kind_name, value, opts)
}

/// [`check_field`] as part of a larger call (checkForm's fields), sharing
/// its pattern budget.
pub fn check_within(kind_name: &str, value: &str, opts: &Options) -> Result<FieldResult, String> {
    let def = kind(kind_name).ok_or_else(|| unknown_kind(kind_name))?;
    Ok(run(def, value, opts))
}

/// Runs a known kind with the shared guards.
pub fn run(def: &KindDef, value: &str, opts: &Options) -> FieldResult {
    if opts.inexact {
        // A JS number past 2^53 arrives rounded: no digit of it can be trusted.
        let mut r = FieldResult::new(String::new());
        r.push(Finding::error("common.inexact_number").param("value", value));
        return r;
    }
    if !within_cap(value) || opts.given_length("").is_some() {
        let len = text::utf16_len(value);
        let mut r = FieldResult::new(String::new());
        r.push(too_long(opts.given_length("").unwrap_or(len).max(len)));
        return r;
    }
    let mut result = checked(def, value, opts);
    keep_passing_fixes(def, opts, &mut result);
    result.finish()
}

/// The kind's check and the profile's patterns, without the fix re-check.
fn checked(def: &KindDef, value: &str, opts: &Options) -> FieldResult {
    let mut result = (def.check)(value, opts);
    apply_patterns(def.name, value, opts, &mut result);
    result
}

/// Drops every `fix` whose value, checked again as the same kind with the
/// same options, still has an error: a fix is offered only when the
/// corrected value passes (issue 17 item 10: `hello world` is not "fixed" to
/// `HELL0W0RLD`). One re-check per distinct fix value (most results offer
/// one value or none), each bounded like any check by [`MAX_INPUT`]; the
/// re-check itself is not re-checked.
fn keep_passing_fixes(def: &KindDef, opts: &Options, result: &mut FieldResult) {
    let mut judged: Vec<(String, bool)> = Vec::new();
    for f in &mut result.findings {
        let Some(fix) = f.fix.as_deref() else {
            continue;
        };
        let passes = match judged.iter().find(|(v, _)| v == fix) {
            Some((_, ok)) => *ok,
            None => {
                let ok = within_cap(fix) && checked(def, fix, opts).ok();
                judged.push((fix.into(), ok));
                ok
            }
        };
        if !passes {
            f.fix = None;
        }
    }
}

/// True when `s` has at most [`MAX_INPUT`] UTF-16 units. A UTF-16 unit
/// takes at least one UTF-8 byte, so a short text is not counted at all.
fn within_cap(s: &str) -> bool {
    s.len() <= MAX_INPUT as usize || text::utf16_len(s) <= MAX_INPUT
}

/// The finding on a value of `len` UTF-16 units, over [`MAX_INPUT`] (the
/// value is then not looked at).
pub fn too_long(len: u32) -> Finding {
    Finding::error("common.too_long")
        .param_n("length", len as i64)
        .param_n("max", MAX_INPUT as i64)
        .span(Some((0, len)))
}

/// A provider profile's extra patterns for this kind, run on the normalised
/// value (a span is reported only when normalisation kept the text as typed),
/// within the call's [`PATTERN_WORK`].
fn apply_patterns(kind: &str, raw: &str, opts: &Options, result: &mut FieldResult) {
    let mut chars = None; // counted once, when the kind has a pattern
    for p in opts.profile.patterns_for(kind) {
        // UTF-16 units: ≥ the characters the VM steps over.
        let chars = *chars.get_or_insert_with(|| text::utf16_len(&result.value) as usize);
        let cost = p.pattern.cost(chars);
        let spent = opts.work.get().saturating_add(cost);
        if spent > PATTERN_WORK {
            let f = Finding::warning("profile.pattern_skipped").param("code", p.code.clone());
            result.push(f);
            continue;
        }
        opts.work.set(spent);
        let found = p.pattern.find(&result.value);
        let fire = match p.rule {
            PatternRule::Forbid => found.is_some(),
            PatternRule::Require => found.is_none() && !(opts.partial && result.value.is_empty()),
        };
        if !fire {
            continue;
        }
        let span = match found {
            Some((a, b)) if raw == result.value => {
                let offset = |n: usize| {
                    let mut units = 0;
                    for c in raw.chars().take(n) {
                        units += c.len_utf16() as u32;
                    }
                    units
                };
                Some((offset(a), offset(b)))
            }
            _ => None,
        };
        let mut f = Finding::new(&p.code, p.severity).span(span);
        f.custom = Some(Box::new(p.text.clone()));
        result.push(f);
    }
}

/// The normalised value of `value` as `kind` (what `normalize()` returns).
pub fn normalize(kind_name: &str, value: &str, opts: &Options) -> Result<String, String> {
    check_field(kind_name, value, opts).map(|r| r.value)
}

#[cfg(all(test, feature = "kinds"))]
mod names_tests {
    #[test]
    fn kind_names_list_every_kind_in_order() {
        let names: Vec<&str> = super::KINDS.iter().map(|k| k.name).collect();
        assert_eq!(names, super::KIND_NAMES);
    }
}
