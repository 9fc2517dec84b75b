//! The cross-field rules, each with its own stable code. They compare the
//! facts the walk collected; field-level problems were already reported.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::province_rules::{content_type, NonLocal, ProvinceRules};
use super::{normalize_name, Facts, PersonFacts};
use crate::finding::Finding;
use crate::json::Json;
use crate::options::{Options, SubjectType};

/// Runs every cross-field rule.
pub fn run(facts: &Facts, rules: &ProvinceRules, opts: &Options, out: &mut Vec<Finding>) {
    personal_consistency(facts, out);
    ages(facts, rules, out);
    residence(facts, rules, out);
    organisation_region(facts, out);
    contacts(facts, out);
    websites(facts, rules, opts, out);
}

fn is_personal(facts: &Facts) -> bool {
    facts.subject_type == Some(SubjectType::Personal)
}

fn province_name(facts: &Facts) -> String {
    facts
        .province
        .map(|p| p.name.to_string())
        .unwrap_or_default()
}

/// A personal filing: the subject IS the principal (same name, same certificate).
fn personal_consistency(facts: &Facts, out: &mut Vec<Finding>) {
    if !is_personal(facts) {
        return;
    }
    let Some(p) = &facts.principal else { return };
    if let (Some(subject), Some(name)) = (&facts.subject_name, &p.name) {
        if subject != name {
            out.push(Finding::error("form.personal.name_mismatch").at(cat!(p.path, ".name")));
        }
    }
    if let (Some((st, sn)), Some(pt), Some(pn)) =
        (&facts.subject_cert, &p.cert_type, &p.cert_number)
    {
        if st != pt || sn != pn {
            out.push(Finding::error("form.personal.cert_mismatch").at(cat!(p.path, ".certNumber")));
        }
    }
    for site in &facts.websites {
        if let (Some(wp), Some(a), Some(b)) = (
            &site.principal,
            p.identity(),
            site.principal.as_ref().and_then(PersonFacts::identity),
        ) {
            if a != b {
                out.push(
                    Finding::warning("form.personal.website_principal_differs").at(wp.path.clone()),
                );
            }
        }
    }
}

/// Ages from the ID against the province's minimums.
fn ages(facts: &Facts, rules: &ProvinceRules, out: &mut Vec<Finding>) {
    let personal = is_personal(facts);
    let mut seen: Vec<String> = Vec::new();
    for p in people(facts) {
        let Some(age) = p.age else { continue };
        if let Some(id) = p.identity() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
        }
        let min = if personal {
            rules.min_age_personal
        } else {
            rules.min_age_principal
        };
        let path = cat!(p.path, ".certNumber");
        let province = province_name(facts);
        if min > 0 && age < min {
            out.push(
                Finding::error("form.age.under_minimum")
                    .param_n("age", age as i64)
                    .param_n("min", min as i64)
                    .param("province", province)
                    .at(path),
            );
        } else if personal && rules.age_proof_below > 0 && age < rules.age_proof_below {
            out.push(
                Finding::warning("form.age.needs_proof")
                    .param_n("age", age as i64)
                    .param_n("min", rules.age_proof_below as i64)
                    .param("province", province)
                    .at(path),
            );
        } else if min == 0 && age < 18 {
            // No province rule known: many provinces want 18+ (unconfirmed nationally).
            out.push(
                Finding::warning("form.age.minor")
                    .param_n("age", age as i64)
                    .at(path),
            );
        }
    }
}

/// Personal filers from another province (rules.md §4.3).
fn residence(facts: &Facts, rules: &ProvinceRules, out: &mut Vec<Finding>) {
    if !is_personal(facts) {
        return;
    }
    let (Some(province), Some(p)) = (facts.province, &facts.principal) else {
        return;
    };
    match p.cert_type.as_deref() {
        Some("passport") | Some("foreignPermanentId") if !rules.foreigners_personal => {
            out.push(
                Finding::error("form.personal.foreigner_refused")
                    .param("province", province.name)
                    .at(cat!(p.path, ".certType")),
            );
        }
        Some("residentId") => {
            let Some(code) = p
                .cert_number
                .as_deref()
                .and_then(|n| n.get(0..2))
                .and_then(|c| c.parse::<u8>().ok())
            else {
                return;
            };
            if code == province.code {
                return;
            }
            let from = crate::province::Province::by_code(code)
                .map(|p| p.name)
                .unwrap_or("");
            match rules.non_local {
                NonLocal::Allowed => {}
                NonLocal::Permit if p.residence_permit => {}
                NonLocal::Permit => out.push(
                    Finding::error("form.residence.permit_required")
                        .param("province", province.name)
                        .param("from", from)
                        .at(cat!(p.path, ".residencePermit")),
                ),
                NonLocal::LocalOnly => out.push(
                    Finding::error("form.residence.local_only")
                        .param("province", province.name)
                        .param("from", from)
                        .at(cat!(p.path, ".certNumber")),
                ),
            }
        }
        _ => {}
    }
}

/// An organisation files in the province of its registration (USCC digits 3–4).
fn organisation_region(facts: &Facts, out: &mut Vec<Finding>) {
    if is_personal(facts) {
        return;
    }
    let (Some(province), Some((kind, number))) = (facts.province, &facts.subject_cert) else {
        return;
    };
    if kind != "creditCode" {
        return;
    }
    let Some(code) = number.get(2..4).and_then(|c| c.parse::<u8>().ok()) else {
        return;
    };
    if code != province.code {
        let from = crate::province::Province::by_code(code)
            .map(|p| p.name)
            .unwrap_or("");
        out.push(
            Finding::warning("form.subject.region_mismatch")
                .param("province", province.name)
                .param("from", from)
                .at("subject.certNumber"),
        );
    }
}

/// Every person of the filing: the subject's principal, then each website's.
fn people(facts: &Facts) -> Vec<&PersonFacts> {
    let mut people: Vec<&PersonFacts> = facts.principal.iter().collect();
    people.extend(facts.websites.iter().filter_map(|w| w.principal.as_ref()));
    people
}

/// The catalog key naming a person's role, from their path.
fn role(path: &str) -> &'static str {
    if path.starts_with("subject") {
        "field.role.subject_principal"
    } else {
        "field.role.website_principal"
    }
}

/// Mobiles and e-mails are not shared between different people; an
/// emergency phone is nobody's own mobile.
fn contacts(facts: &Facts, out: &mut Vec<Finding>) {
    let people = people(facts);
    let ids: Vec<Option<String>> = people.iter().map(|p| p.identity()).collect();
    let mut reported: Vec<String> = Vec::new();
    for (i, a) in people.iter().enumerate() {
        for (k, b) in people.iter().enumerate().skip(i + 1) {
            // Only two people known to differ (by certificate, else name) can
            // "share" a number: a half-filled copy of the same person cannot.
            match (&ids[i], &ids[k]) {
                (Some(x), Some(y)) if x != y => {}
                _ => continue,
            }
            for (field, code, same) in [
                (
                    "mobile",
                    "form.contact.mobile_shared",
                    a.mobile.is_some() && a.mobile == b.mobile,
                ),
                (
                    "email",
                    "form.contact.email_shared",
                    a.email.is_some() && a.email == b.email,
                ),
            ] {
                let path = cat!(b.path, ".", field);
                if same && !reported.contains(&path) {
                    out.push(
                        Finding::error(code)
                            .param("other_label", role(&a.path))
                            .at(path.clone()),
                    );
                    reported.push(path);
                }
            }
        }
    }
    for p in &people {
        let Some(e) = &p.emergency else { continue };
        if people.iter().any(|q| q.mobile.as_ref() == Some(e)) {
            out.push(
                Finding::error("form.contact.emergency_same").at(cat!(p.path, ".emergencyPhone")),
            );
        }
    }
}

/// The registrable domain of a homepage URL's host, as far as the URL goes.
fn homepage_host(url: &str) -> String {
    let t = url.trim();
    let t = crate::text::find(t, "://")
        .and_then(|at| t.get(at + 3..))
        .unwrap_or(t);
    let host = t.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    host.trim_end_matches('.').to_ascii_lowercase()
}

fn websites(facts: &Facts, rules: &ProvinceRules, opts: &Options, out: &mut Vec<Finding>) {
    let personal = is_personal(facts);
    // The same registrable domain in two places.
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for (i, site) in facts.websites.iter().enumerate() {
        for (domain, path) in &site.domains {
            match seen.iter().find(|(d, _)| d == domain) {
                Some((_, first)) => out.push(
                    Finding::error("form.domain.duplicate")
                        .param("domain", domain.clone())
                        .param_n("site", (first + 1) as i64)
                        .at(path.clone()),
                ),
                None => seen.push((domain, i)),
            }
        }
    }
    for site in &facts.websites {
        if let Some(home) = &site.homepage {
            let host = homepage_host(home);
            let inside = site
                .domains
                .iter()
                .any(|(d, _)| host == *d || host.ends_with(&cat!(".", d)));
            if !site.domains.is_empty() && !inside {
                out.push(
                    Finding::error("form.homepage.not_in_domains")
                        .param("host", host)
                        .at(cat!(site.path, ".homepage")),
                );
            }
        }
        if let Some(exp) = site.domain_expires {
            let days = opts.today.days_until(exp);
            let path = cat!(site.path, ".domainExpiresOn");
            if days < 0 {
                out.push(
                    Finding::error("form.domain.expired")
                        .param("date", exp.iso())
                        .at(path),
                );
            } else if days <= rules.domain_min_days {
                out.push(
                    Finding::error("form.domain.expiring")
                        .param("date", exp.iso())
                        .param_n("days", days)
                        .param_n("min", rules.domain_min_days)
                        .at(path),
                );
            }
        }
        if let (Some(holder), Some(subject)) = (&site.domain_holder, &facts.subject_name) {
            if normalize_name(holder) != *subject {
                out.push(
                    Finding::error("form.domain.holder_mismatch")
                        .param("holder", holder.trim())
                        .at(cat!(site.path, ".domainHolder")),
                );
            }
        }
        let declared: Vec<&str> = site.content_types.iter().map(|(c, _)| c.as_str()).collect();
        for (ct, path) in &site.content_types {
            match content_type(&opts.profile, ct) {
                None => out.push(
                    Finding::warning("form.content.unknown")
                        .param("value", ct.clone())
                        .at(path.clone()),
                ),
                Some(t) if personal && t.organisation_only => out.push(
                    Finding::error("form.content.personal_not_allowed")
                        .param("category", ct.clone())
                        .at(path.clone()),
                ),
                Some(t) if t.cancelled_nationally => out.push(
                    Finding::info("form.content.cancelled")
                        .param("category", ct.clone())
                        .at(path.clone()),
                ),
                Some(_) => {}
            }
        }
        for (field, text) in [("name", &site.name), ("remark", &site.remark)] {
            let Some(text) = text else { continue };
            for (category, word) in implied_categories(opts, text) {
                if !declared.contains(&category.as_str()) {
                    out.push(
                        Finding::warning("form.content.undeclared")
                            .param("word", word)
                            .param("category", category)
                            .at(cat!(site.path, ".", field)),
                    );
                }
            }
        }
    }
}

/// Pre-approval categories a text implies, from the profile's word lists
/// (`words.preApproval.categories`: `{category, words}`). One (category,
/// word) per category.
fn implied_categories(opts: &Options, text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let categories = opts
        .profile
        .section("words")
        .and_then(|w| w.get("preApproval"))
        .and_then(|p| p.get("categories"))
        .and_then(Json::as_array)
        .unwrap_or(&[]);
    for entry in categories {
        let Some(category) = entry.get("category").and_then(Json::as_str) else {
            continue;
        };
        let words = entry.get("words").and_then(Json::as_array).unwrap_or(&[]);
        if let Some(word) = words
            .iter()
            .filter_map(Json::as_str)
            .find(|w| !w.is_empty() && crate::text::contains(text, w))
        {
            found.push((category.to_string(), word.to_string()));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homepage_hosts() {
        assert_eq!(
            homepage_host("https://www.Example.com.cn:8443/a?b#c"),
            "www.example.com.cn"
        );
        assert_eq!(homepage_host("example.com"), "example.com");
        assert_eq!(homepage_host("http://user@example.com/"), "example.com");
    }
}
