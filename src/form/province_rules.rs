//! The per-province rule table (`provinces` section of the profile):
//! certificate validity, domain validity, ages, non-local filers.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::json::Json;
use crate::options::SubjectType;
use crate::profile::Profile;
use crate::province::Province;

/// What a province does with a personal filer whose ID is from elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonLocal {
    /// Accepted.
    Allowed,
    /// Accepted with a local residence permit (`residencePermit: true`).
    Permit,
    /// Refused: local IDs only.
    LocalOnly,
}

/// Whether an organisation's principal (主体负责人) must be its legal
/// representative (rules.md §4.3, TC-CN 主体信息.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegalRep {
    /// May be someone else.
    Any,
    /// Must be the legal representative.
    Required,
    /// Someone else with the legal representative's authorisation letter.
    Letter,
}

/// The rules in force for one filing province.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvinceRules {
    /// A person's certificate must be valid this many months after today.
    pub cert_min_months: i32,
    /// An organisation's certificate (business licence …) likewise.
    pub license_min_months: i32,
    /// A residence permit likewise.
    pub residence_permit_min_months: i32,
    /// A domain must be registered at least this many days beyond today.
    pub domain_min_days: i64,
    /// Non-local personal filers.
    pub non_local: NonLocal,
    /// Minimum age of a personal filer (0: none).
    pub min_age_personal: i32,
    /// Minimum age of an organisation's principal (0: none).
    pub min_age_principal: i32,
    /// Below this age a personal filer needs employment/income proof (0: none).
    pub age_proof_below: i32,
    /// Foreigners may file as individuals.
    pub foreigners_personal: bool,
    /// An organisation's principal and the legal representative.
    pub legal_rep: LegalRep,
    /// A website principal who is not the legal representative needs an
    /// authorisation letter.
    pub website_principal_letter: bool,
    /// When the subject principal is not the legal representative, every
    /// website principal must be the subject principal.
    pub same_person_unless_legal_rep: bool,
    /// The subject type whose principal must give a landline (none: `None`).
    pub landline_required: Option<SubjectType>,
    /// Organisations must file with the USCC (no pre-2015 numbers).
    pub uscc_only: bool,
    /// Domains one website may have (0: no limit).
    pub max_domains_per_website: i64,
    /// Domains one filing may have in all (0: no limit).
    pub max_domains: i64,
    /// The address must go down to the door number.
    pub address_detail: bool,
    /// The declaration a personal website's remark must contain (its
    /// known beginning; empty: none).
    pub personal_remark: String,
    /// The documents each subject type uploads (`documents`: `personal` /
    /// `organisation` → `{subject, principal, websitePrincipal, website}`
    /// slot lists; see [`super::documents`]).
    pub documents: Json,
    /// A card reading below this confidence is not cross-checked
    /// (`documents.minConfidence`).
    pub card_min_confidence: f64,
}

fn flag(entry: Option<&Json>, base: Option<&Json>, key: &str) -> bool {
    lookup(entry, base, key).and_then(Json::as_bool) == Some(true)
}

/// The value of `key` in the province's `entry`, else in the defaults (`base`).
fn lookup<'p>(entry: Option<&'p Json>, base: Option<&'p Json>, key: &str) -> Option<&'p Json> {
    entry
        .and_then(|e| e.get(key))
        .or_else(|| base.and_then(|b| b.get(key)))
}

fn int(entry: Option<&Json>, base: Option<&Json>, key: &str, fallback: i64) -> i64 {
    lookup(entry, base, key)
        .and_then(Json::as_f64)
        .map(|n| n as i64)
        .unwrap_or(fallback)
}

/// The `documents` requirement: each list from the province's entry, else
/// from the defaults (a province overrides one list without repeating the
/// others).
fn documents(entry: Option<&Json>, base: Option<&Json>) -> Json {
    let list = |e: Option<&Json>, t: &str, k: &str| -> Option<Json> {
        e?.get("documents")?.get(t)?.get(k).cloned()
    };
    let mut types = Vec::new();
    for t in ["personal", "organisation"] {
        let mut lists = Vec::new();
        for k in ["subject", "principal", "websitePrincipal", "website"] {
            if let Some(l) = list(entry, t, k).or_else(|| list(base, t, k)) {
                lists.push((k.into(), l));
            }
        }
        types.push((t.into(), Json::Obj(lists)));
    }
    Json::Obj(types)
}

impl ProvinceRules {
    /// The rules for `province` (the `*` defaults when none is given).
    pub fn for_province(profile: &Profile, province: Option<&Province>) -> ProvinceRules {
        let table = profile
            .section("provinces")
            .and_then(|p| p.get("byProvince"));
        let base = table.and_then(|t| t.get("*"));
        let entry = match (table, province) {
            (Some(t), Some(p)) => t.get(&crate::rt::padded(u64::from(p.code), 2)),
            _ => None,
        };
        ProvinceRules {
            cert_min_months: int(entry, base, "certMinMonths", 3) as i32,
            license_min_months: int(entry, base, "licenseMinMonths", 3) as i32,
            residence_permit_min_months: int(entry, base, "residencePermitMinMonths", 1) as i32,
            domain_min_days: int(entry, base, "domainMinDays", 90),
            non_local: match lookup(entry, base, "nonLocal").and_then(Json::as_str) {
                Some("permit") => NonLocal::Permit,
                Some("local_only") => NonLocal::LocalOnly,
                _ => NonLocal::Allowed,
            },
            min_age_personal: int(entry, base, "minAgePersonal", 0) as i32,
            min_age_principal: int(entry, base, "minAgePrincipal", 0) as i32,
            age_proof_below: int(entry, base, "ageProofBelow", 0) as i32,
            foreigners_personal: lookup(entry, base, "foreignersPersonal").and_then(Json::as_bool)
                != Some(false),
            legal_rep: match lookup(entry, base, "principalLegalRep").and_then(Json::as_str) {
                Some("required") => LegalRep::Required,
                Some("letter") => LegalRep::Letter,
                _ => LegalRep::Any,
            },
            website_principal_letter: flag(entry, base, "websitePrincipalLetter"),
            same_person_unless_legal_rep: flag(entry, base, "samePersonUnlessLegalRep"),
            uscc_only: flag(entry, base, "usccOnly"),
            max_domains_per_website: int(entry, base, "maxDomainsPerWebsite", 0),
            max_domains: int(entry, base, "maxDomains", 0),
            address_detail: flag(entry, base, "addressDetail"),
            personal_remark: lookup(entry, base, "personalRemark")
                .and_then(Json::as_str)
                .unwrap_or("")
                .into(),
            documents: documents(entry, base),
            card_min_confidence: lookup(entry, base, "documents")
                .and_then(|d| d.get("minConfidence"))
                .and_then(Json::as_f64)
                .unwrap_or(0.9),
            landline_required: lookup(entry, base, "landlineRequired")
                .and_then(Json::as_str)
                .and_then(SubjectType::parse),
        }
    }
}

/// A declared pre-approval category (`provinces.contentTypes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContentType {
    /// Only organisations can hold this approval (sourced: an error for a person).
    pub organisation_only: bool,
    /// Normally an organisation's approval, but no source bars individuals
    /// (rules.md: UNCONFIRMED, so a warning for a person).
    pub personal_unconfirmed: bool,
    /// The national approval was cancelled (check the province).
    pub cancelled_nationally: bool,
}

/// Looks a pre-approval category up; `None` when the profile does not know it.
pub fn content_type(profile: &Profile, name: &str) -> Option<ContentType> {
    let entry = profile
        .section("provinces")?
        .get("contentTypes")?
        .get(name)?;
    if name == "*" {
        return None;
    }
    let yes = |key: &str| entry.get(key).and_then(Json::as_bool) == Some(true);
    Some(ContentType {
        organisation_only: yes("organisationOnly"),
        personal_unconfirmed: yes("personalUnconfirmed"),
        cancelled_nationally: yes("cancelledNationally"),
    })
}

/// Every category the profile knows, in profile order.
pub fn content_type_names(profile: &Profile) -> Vec<String> {
    profile
        .section("provinces")
        .and_then(|p| p.get("contentTypes"))
        .and_then(Json::as_object)
        .map(|o| {
            o.iter()
                .map(|(k, _)| k.clone())
                .filter(|k| k != "*")
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shanghai_and_defaults() {
        let p = Profile::generic();
        let sh = ProvinceRules::for_province(&p, Province::parse("沪"));
        assert_eq!(
            (sh.domain_min_days, sh.license_min_months, sh.non_local),
            (180, 6, NonLocal::Permit)
        );
        let none = ProvinceRules::for_province(&p, None);
        assert_eq!(
            (none.domain_min_days, none.cert_min_months, none.non_local),
            (90, 3, NonLocal::Allowed)
        );
        let henan = ProvinceRules::for_province(&p, Province::parse("豫"));
        assert_eq!(henan.non_local, NonLocal::LocalOnly);
        assert!(!ProvinceRules::for_province(&p, Province::parse("冀")).foreigners_personal);
    }

    #[test]
    fn a_province_overrides_one_document_list() {
        let text = r#"{"extends":"generic","provinces":{"byProvince":{"31":{"documents":{"organisation":{"website":["domainCertificate"]}}}}}}"#;
        let p = Profile::from_json(&crate::json::parse(text).unwrap()).unwrap();
        let sh = ProvinceRules::for_province(&p, Province::parse("沪"));
        let list = |t: &str, k: &str| {
            sh.documents
                .get(t)
                .and_then(|d| d.get(k))
                .map(Json::to_text)
        };
        assert_eq!(
            list("organisation", "website").as_deref(),
            Some(r#"["domainCertificate"]"#)
        );
        assert_eq!(
            list("organisation", "subject").as_deref(),
            Some(r#"["businessLicense"]"#)
        );
        assert_eq!(
            list("personal", "principal").as_deref(),
            Some(r#"["idCardFront","idCardBack"]"#)
        );
        assert_eq!(sh.card_min_confidence, 0.9);
    }

    #[test]
    fn content_types() {
        let p = Profile::generic();
        assert_eq!(
            content_type(&p, "新闻").map(|c| c.organisation_only),
            Some(true)
        );
        assert_eq!(
            content_type(&p, "教育").map(|c| c.cancelled_nationally),
            Some(true)
        );
        // rules.md sources the personal ban for news, forums and finance only.
        let culture = content_type(&p, "文化");
        assert_eq!(
            culture.map(|c| (c.organisation_only, c.personal_unconfirmed)),
            Some((false, true))
        );
        assert_eq!(content_type(&p, "火星"), None);
        assert!(content_type_names(&p).contains(&"宗教".to_string()));
    }
}
