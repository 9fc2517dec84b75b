//! Uploaded documents in a `checkForm` form (issue 16 item 12, issue 15
//! item 4; user documentation: docs/form-documents.md).
//!
//! Shape (the lead's, in the brief): `documents` is optional on the subject
//! (`businessLicense`, `authorizationLetter`, …), on every person
//! (`idCardFront`, `idCardBack`, `handheldId`, `verificationPhoto`) and on
//! every website (`domainCertificate`, `preApproval`, `authorizationLetter`):
//! `{ [slot]: { card?: CardInfo } }`. A slot present as an object means the
//! applicant uploaded it; `card` is what `checkImagePixels` returned in
//! `info.card` (api.md "ID card analysis").
//!
//! 1. **Requirement.** The documents a subject type needs are profile data
//!    (`provinces.byProvince["*"].documents`, overridable per province):
//!    `personal` / `organisation` → `{subject, principal, websitePrincipal,
//!    website}` slot lists. A principal filing with a passport needs no
//!    `idCardBack` (one photo page). A missing slot is
//!    `form.document.required` at `<owner>.documents.<slot>`.
//!    A form with no `documents` object anywhere is one whose integrator
//!    does not pass uploads to checkForm: nothing is required then, and a
//!    single info finding (`form.documents.unchecked`) says the uploads were
//!    not checked — a text-only integration keeps working unchanged.
//! 2. **Cross-check** of a card read from a person's ID slot against what
//!    was typed: the number (`image.number_mismatch`, an error on the slot's
//!    path and on `certNumber`, naming the differing positions), the card's
//!    end of validity (the `form.cert.*` expiry codes against the province's
//!    minimum, on the slot's path) and the typed validity date
//!    (`image.validity_mismatch`, a warning). A reading below the profile's
//!    `documents.minConfidence` (0.9), or without a confidence, never
//!    produces any of these: it may be a misreading.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::province_rules::ProvinceRules;
use super::{expiry, file, is_long_term, Facts, PersonFacts, Walk};
use crate::date::Date;
use crate::finding::Finding;
use crate::json::Json;
use crate::options::{Options, SubjectType};

/// What the ID card analysis read on an uploaded card (api.md `CardInfo`,
/// the fields checkForm uses).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Card {
    /// The 公民身份号码 as read.
    pub number: Option<String>,
    /// Its confidence, 0–1.
    pub number_confidence: Option<f64>,
    /// 有效期限 end: `YYYY-MM-DD` or `long-term`.
    pub valid_until: Option<String>,
    /// Its confidence, 0–1.
    pub validity_confidence: Option<f64>,
}

/// One uploaded slot.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// The slot name (`idCardFront`, …).
    pub slot: String,
    /// Its path, e.g. `subject.principal.documents.idCardFront`.
    pub path: String,
    /// What was read on the card, when the slot carries a `card`.
    pub card: Option<Card>,
}

impl Walk {
    /// The `documents` object of `obj` at `path` (empty when absent).
    pub(super) fn documents(&mut self, obj: &Json, path: &str) -> Vec<Doc> {
        let base = cat!(path, ".documents");
        let items = match obj.get("documents") {
            None | Some(Json::Null) => return Vec::new(),
            Some(Json::Obj(items)) => items,
            Some(other) => {
                self.documents_given = true;
                self.bad_type("form.not_object", other, &base);
                return Vec::new();
            }
        };
        self.documents_given = true;
        let mut out = Vec::new();
        for (slot, v) in items {
            let at = cat!(base, ".", slot);
            if !crate::image::slots::SLOTS.contains(&slot.as_str()) {
                self.invalid_warning("form.document.slot_unknown", slot, &at);
                continue;
            }
            let card = match v {
                Json::Null => continue,
                Json::Obj(_) => match v.get("card") {
                    None | Some(Json::Null) => None,
                    Some(c @ Json::Obj(_)) => Some(self.card(c, &cat!(at, ".card"))),
                    Some(other) => {
                        self.bad_type("form.not_object", other, &cat!(at, ".card"));
                        None
                    }
                },
                other => {
                    self.bad_type("form.not_object", other, &at);
                    continue;
                }
            };
            out.push(Doc {
                slot: slot.clone(),
                path: at,
                card,
            });
        }
        out
    }

    fn card(&mut self, c: &Json, path: &str) -> Card {
        use super::Need::Optional;
        Card {
            number: self.value(c, path, "number", Optional, ""),
            number_confidence: self.number(c, path, "numberConfidence"),
            valid_until: self.value(c, path, "validUntil", Optional, ""),
            validity_confidence: self.number(c, path, "validityConfidence"),
        }
    }

    /// An optional number field (anything else but null is reported).
    fn number(&mut self, obj: &Json, path: &str, key: &str) -> Option<f64> {
        match obj.get(key) {
            None | Some(Json::Null) => None,
            Some(Json::Num(n)) => Some(*n),
            Some(other) => {
                self.bad_type("form.not_number", other, &cat!(path, ".", key));
                None
            }
        }
    }

    fn invalid_warning(&mut self, code: &str, value: &str, path: &str) {
        file(
            &mut self.out,
            Finding::warning(code).param("value", value),
            path,
            "",
        );
    }
}

/// The slot list `key` of the requirement for this subject type.
fn required<'p>(rules: &'p ProvinceRules, personal: bool, key: &str) -> &'p [Json] {
    rules
        .documents
        .get(if personal { "personal" } else { "organisation" })
        .and_then(|r| r.get(key))
        .and_then(Json::as_array)
        .unwrap_or(&[])
}

/// Files `form.document.required` for every slot of `list` not in `docs`.
fn require(list: &[Json], docs: &[Doc], owner: &str, cert: Option<&str>, out: &mut Vec<Finding>) {
    for slot in list.iter().filter_map(Json::as_str) {
        // A passport has one photo page: no back side to upload.
        if slot == "idCardBack" && cert == Some("passport") {
            continue;
        }
        if !docs.iter().any(|d| d.slot == slot) {
            file(
                out,
                Finding::error("form.document.required").param("slot_label", cat!("slot.", slot)),
                owner,
                &cat!(".documents.", slot),
            );
        }
    }
}

/// Runs the requirement and the cross-checks.
pub fn run(facts: &Facts, rules: &ProvinceRules, opts: &Options, out: &mut Vec<Finding>) {
    if !facts.documents_given {
        file(
            out,
            Finding::info("form.documents.unchecked"),
            "subject",
            ".documents",
        );
    } else if let Some(t) = facts.subject_type {
        let personal = t == SubjectType::Personal;
        require(
            required(rules, personal, "subject"),
            &facts.documents,
            "subject",
            None,
            out,
        );
        if let Some(p) = &facts.principal {
            let list = required(rules, personal, "principal");
            require(list, &p.documents, &p.path, p.cert_type.as_deref(), out);
        }
        for site in &facts.websites {
            let list = required(rules, personal, "website");
            require(list, &site.documents, &site.path, None, out);
            if let Some(p) = &site.principal {
                let list = required(rules, personal, "websitePrincipal");
                require(list, &p.documents, &p.path, p.cert_type.as_deref(), out);
            }
        }
    }
    let people = facts
        .principal
        .iter()
        .chain(facts.websites.iter().filter_map(|w| w.principal.as_ref()));
    for p in people {
        for doc in &p.documents {
            if let Some(card) = &doc.card {
                cross_check(p, doc, card, rules, opts, out);
            }
        }
    }
}

/// A reading is trusted only at or above the profile's `minConfidence`.
fn trusted(confidence: Option<f64>, rules: &ProvinceRules) -> bool {
    confidence.is_some_and(|c| c >= rules.card_min_confidence)
}

/// The 1-based positions where `a` and `b` differ (over the longer), as
/// `7, 8` — locale-free, like every param.
fn differing_positions(a: &str, b: &str) -> String {
    let (mut a, mut b) = (a.chars(), b.chars());
    let mut out = String::new();
    let mut i = 0;
    loop {
        let (x, y) = (a.next(), b.next());
        if x.is_none() && y.is_none() {
            return out;
        }
        i += 1;
        if x != y {
            if !out.is_empty() {
                out.push_str(", ");
            }
            crate::rt::push_u64(&mut out, i);
        }
    }
}

/// A date as is; `long-term` as the catalog key that renders it in the
/// locale (a `_label` param that is no key is written as given).
fn long_term_label(v: String) -> String {
    if v == "long-term" {
        "field.long_term".into()
    } else {
        v
    }
}

/// The card of `doc` against what `p` typed.
fn cross_check(
    p: &PersonFacts,
    doc: &Doc,
    card: &Card,
    rules: &ProvinceRules,
    opts: &Options,
    out: &mut Vec<Finding>,
) {
    let id_card = matches!(
        p.cert_type.as_deref(),
        Some("residentId" | "hmtResidencePermit")
    );
    if let (true, Some(read), Some(typed), true) = (
        id_card,
        &card.number,
        &p.cert_number,
        trusted(card.number_confidence, rules),
    ) {
        let mut read_n = String::new();
        for c in read.chars() {
            if !crate::text::is_space(c) {
                read_n.push(c.to_ascii_uppercase());
            }
        }
        let read = read_n;
        if read != *typed {
            let positions = differing_positions(&read, typed);
            let f = Finding::error("image.number_mismatch").param("positions", positions);
            file(out, f.clone(), &doc.path, "");
            file(out, f, &p.path, ".certNumber");
        }
    }
    let (Some(until), true) = (&card.valid_until, trusted(card.validity_confidence, rules)) else {
        return;
    };
    let until = until.trim();
    let card_value = if is_long_term(until) {
        String::from("long-term")
    } else {
        let Some(d) = Date::parse(until) else { return };
        let months = if p.cert_type.as_deref() == Some("hmtResidencePermit") {
            rules.residence_permit_min_months
        } else {
            rules.cert_min_months
        };
        if let Some(f) = expiry(d, opts.today, months) {
            file(out, f, &doc.path, "");
        }
        d.iso()
    };
    if let Some(typed) = &p.valid_until {
        if *typed != card_value {
            file(
                out,
                Finding::warning("image.validity_mismatch")
                    .param("card_label", long_term_label(card_value))
                    .param("typed_label", long_term_label(typed.clone())),
                &p.path,
                ".certValidUntil",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_over_the_longer() {
        assert_eq!(differing_positions("110105", "110106"), "6");
        assert_eq!(differing_positions("12345", "12"), "3, 4, 5");
        assert_eq!(differing_positions("abc", "abc"), "");
    }
}
