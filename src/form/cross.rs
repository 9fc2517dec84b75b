//! The cross-field rules, each with its own stable code. They compare the
//! facts the walk collected; field-level problems were already reported.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::province_rules::{content_type, LegalRep, NonLocal, ProvinceRules};
use super::{file, normalize_name, site_name, Facts, PersonFacts, WebsiteFacts};
use crate::finding::{Finding, Severity};
use crate::json::Json;
use crate::options::{Options, SubjectType};

/// Runs every cross-field rule.
pub fn run(facts: &Facts, rules: &ProvinceRules, opts: &Options, out: &mut Vec<Finding>) {
    let people = people(facts);
    personal_consistency(facts, out);
    ages(facts, &people, rules, out);
    residence(facts, rules, out);
    organisation_region(facts, out);
    name_region(facts, out);
    legal_representative(facts, rules, out);
    landline_required(facts, rules, out);
    subject_domains(facts, out);
    domain_limits(facts, rules, out);
    address(facts, rules, out);
    contacts(&people, out);
    websites(facts, rules, opts, out);
}

fn is_personal(facts: &Facts) -> bool {
    facts.subject_type == Some(SubjectType::Personal)
}

fn province_name(facts: &Facts) -> &'static str {
    facts.province.map_or("", |p| p.name)
}

/// A personal filing: the subject IS the principal (same name, same certificate).
fn personal_consistency(facts: &Facts, out: &mut Vec<Finding>) {
    if !is_personal(facts) {
        return;
    }
    let Some(p) = &facts.principal else { return };
    if let (Some(subject), Some(name)) = (&facts.subject_name, &p.name) {
        if subject != name {
            file(
                out,
                Finding::error("form.personal.name_mismatch"),
                &p.path,
                ".name",
            );
        }
    }
    if let (Some((st, sn)), Some(pt), Some(pn)) =
        (&facts.subject_cert, &p.cert_type, &p.cert_number)
    {
        if st != pt || sn != pn {
            file(
                out,
                Finding::error("form.personal.cert_mismatch"),
                &p.path,
                ".certNumber",
            );
        }
    }
    for site in &facts.websites {
        let Some(wp) = &site.principal else { continue };
        if let (Some(a), Some(b)) = (p.identity(), wp.identity()) {
            if a != b {
                file(
                    out,
                    Finding::warning("form.personal.website_principal_differs"),
                    &wp.path,
                    "",
                );
            }
        }
    }
}

/// Ages from the ID against the province's minimums.
fn ages(facts: &Facts, people: &[&PersonFacts], rules: &ProvinceRules, out: &mut Vec<Finding>) {
    let personal = is_personal(facts);
    for (k, p) in people.iter().enumerate() {
        let Some(age) = p.age else { continue };
        // Each person once: skip one already judged (with an age) before.
        let id = p.identity();
        let earlier = people.get(..k).unwrap_or(&[]);
        if id.is_some()
            && earlier
                .iter()
                .any(|q| q.age.is_some() && q.identity() == id)
        {
            continue;
        }
        let min = if personal {
            rules.min_age_personal
        } else {
            rules.min_age_principal
        };
        let (f, min) = if min > 0 && age < min {
            (Finding::error("form.age.under_minimum"), min)
        } else if personal && rules.age_proof_below > 0 && age < rules.age_proof_below {
            (
                Finding::warning("form.age.needs_proof"),
                rules.age_proof_below,
            )
        } else if min == 0 && age < 18 {
            // No province rule known: many provinces want 18+ (unconfirmed nationally).
            (Finding::warning("form.age.minor"), 0)
        } else {
            continue;
        };
        let mut f = f.param_n("age", age as i64);
        if min > 0 {
            f = f
                .param_n("min", min as i64)
                .param("province", province_name(facts));
        }
        file(out, f, &p.path, ".certNumber");
    }
}

/// The two-digit region code at `at` (ID digits 1–2, USCC digits 3–4).
/// Like `u8::from_str` of those two bytes (which takes `+7` as 7), without
/// linking the integer parser.
fn two_digits(s: &str, at: usize) -> Option<u8> {
    let b = s.as_bytes();
    let (hi, lo) = (*b.get(at)?, *b.get(at + 1)?);
    if !lo.is_ascii_digit() {
        return None;
    }
    let tens = match hi {
        b'+' => 0,
        b'0'..=b'9' => hi - b'0',
        _ => return None,
    };
    Some(tens * 10 + (lo - b'0'))
}

/// The name of the province with ID/USCC region `code` (`""` if unknown).
fn region_name(code: u8) -> &'static str {
    crate::province::Province::by_code(code).map_or("", |p| p.name)
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
            file(
                out,
                Finding::error("form.personal.foreigner_refused").param("province", province.name),
                &p.path,
                ".certType",
            );
        }
        Some("residentId") => {
            let Some(code) = p.cert_number.as_deref().and_then(|n| two_digits(n, 0)) else {
                return;
            };
            // An invalid province code was reported by the ID check: no
            // empty {from} here (issue 16 item 5).
            if code == province.code || region_name(code).is_empty() {
                return;
            }
            let (f, key) = match rules.non_local {
                NonLocal::Allowed => return,
                NonLocal::Permit if p.residence_permit => return,
                NonLocal::Permit => (
                    Finding::error("form.residence.permit_required"),
                    ".residencePermit",
                ),
                NonLocal::LocalOnly => (Finding::error("form.residence.local_only"), ".certNumber"),
            };
            file(
                out,
                f.param("province", province.name)
                    .param("from", region_name(code)),
                &p.path,
                key,
            );
        }
        _ => {}
    }
}

/// An organisation's principals and its legal representative, per province
/// (rules.md §4.3 from TC-CN 主体信息.md / 网站信息.md, §7 "subject head ≠
/// legal representative"). Only what the form declares
/// (`legalRepresentative`) is judged.
fn legal_representative(facts: &Facts, rules: &ProvinceRules, out: &mut Vec<Finding>) {
    let (false, Some(province), Some(p)) = (is_personal(facts), facts.province, &facts.principal)
    else {
        return;
    };
    if p.legal_rep == Some(false) {
        let f = match rules.legal_rep {
            LegalRep::Any => None,
            LegalRep::Required => Some(Finding::error("form.principal.not_legal_rep")),
            LegalRep::Letter => Some(Finding::warning("form.principal.authorization_letter")),
        };
        if let Some(f) = f {
            file(
                out,
                f.param("province", province.name),
                &p.path,
                ".legalRepresentative",
            );
        }
    }
    for site in &facts.websites {
        let Some(w) = &site.principal else { continue };
        let same = w.identity().is_some() && w.identity() == p.identity();
        // Whether the website principal is the legal representative: as
        // declared, else as the subject principal (same person), else not
        // when the subject principal is.
        let w_legal_rep = match (w.legal_rep, same, p.legal_rep) {
            (Some(b), _, _) => Some(b),
            (None, true, b) => b,
            (None, false, Some(true)) => Some(false),
            (None, false, _) => None,
        };
        let f = if rules.same_person_unless_legal_rep && p.legal_rep == Some(false) && !same {
            Finding::error("form.website_principal.same_person_required")
        } else if rules.website_principal_letter && w_legal_rep == Some(false) {
            Finding::warning("form.website_principal.authorization_letter")
        } else {
            continue;
        };
        file(out, f.param("province", province.name), &w.path, ".name");
    }
}

/// Provinces that want the subject principal's landline (rules.md §4.3, §7:
/// Jiangsu enterprises, Tianjin individuals — TC-INTL).
fn landline_required(facts: &Facts, rules: &ProvinceRules, out: &mut Vec<Finding>) {
    let (Some(province), Some(p)) = (facts.province, &facts.principal) else {
        return;
    };
    if facts.subject_type.is_some()
        && facts.subject_type == rules.landline_required
        && !p.has_landline
    {
        file(
            out,
            Finding::error("form.landline.required").param("province", province.name),
            &p.path,
            ".landline",
        );
    }
}

/// Party and government bodies file `.gov.cn` / `.政务` domains (《互联网政务应用
/// 安全管理规定》); public institutions `.cn` / `.公益` (HW-KB: Jiangsu, Hubei,
/// Inner Mongolia — a warning). rules.md §2.1.
fn subject_domains(facts: &Facts, out: &mut Vec<Finding>) {
    let (code, severity, suffixes): (&str, Severity, &[&str]) = match facts.subject_type {
        Some(SubjectType::Government) => (
            "form.domain.government_suffix",
            Severity::Error,
            &[
                ".gov.cn",
                ".政务",
                ".xn--zfr164b",
                ".政务.cn",
                ".xn--zfr164b.cn",
            ],
        ),
        Some(SubjectType::Institution) => (
            "form.domain.institution_suffix",
            Severity::Warning,
            &[".cn", ".公益", ".xn--55qw42g"],
        ),
        _ => return,
    };
    for site in &facts.websites {
        for (domain, path) in &site.domains {
            if suffixes.iter().any(|s| domain.ends_with(s)) {
                continue;
            }
            let f = Finding::new(code, severity).param("domain", domain.as_str());
            file(out, f, path, "");
        }
    }
}

/// Provincial limits on domains (rules.md §2.1: Xinjiang and Sichuan one
/// domain per website — an error; Henan five and Shanxi three per filing —
/// a warning, the count rules being about new domains per order).
fn domain_limits(facts: &Facts, rules: &ProvinceRules, out: &mut Vec<Finding>) {
    let Some(province) = facts.province else {
        return;
    };
    let mut total = 0;
    for site in &facts.websites {
        total += site.domains.len() as i64;
        if rules.max_domains_per_website > 0
            && site.domains.len() as i64 > rules.max_domains_per_website
        {
            file(
                out,
                Finding::error("form.domain.per_website")
                    .param("province", province.name)
                    .param_n("max", rules.max_domains_per_website),
                &site.path,
                ".domains",
            );
        }
    }
    if rules.max_domains > 0 && total > rules.max_domains {
        file(
            out,
            Finding::warning("form.domain.too_many")
                .param("province", province.name)
                .param_n("max", rules.max_domains)
                .param_n("count", total),
            "websites",
            "",
        );
    }
}

/// The subject's address (rules.md §4.1/§4.3, §7 "cross-province filing"):
/// an organisation whose address names another province cannot file here,
/// and Tianjin, Guangxi and Shandong want the door number (TC-INTL). The
/// address may be a postal one and the detail test is a heuristic: warnings.
fn address(facts: &Facts, rules: &ProvinceRules, out: &mut Vec<Finding>) {
    let (Some(province), Some(addr)) = (facts.province, &facts.address) else {
        return;
    };
    if !is_personal(facts) {
        let named = crate::province::PROVINCES
            .iter()
            .find(|p| addr.starts_with(p.short));
        if let Some(p) = named.filter(|p| p.code != province.code) {
            file(
                out,
                Finding::warning("form.address.other_province")
                    .param("province", province.name)
                    .param("from", p.name),
                "subject",
                ".address",
            );
        }
    }
    if rules.address_detail
        && !addr
            .chars()
            .any(|c| crate::text::has("号室栋幢楼层村组", c))
    {
        file(
            out,
            Finding::warning("form.address.detail").param("province", province.name),
            "subject",
            ".address",
        );
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
    let Some(code) = two_digits(number, 2) else {
        return;
    };
    // Digits that name no province were reported by the credit-code check
    // (an empty {from} would read "registered in , not …": issue 16 item 5).
    if code != province.code && !region_name(code).is_empty() {
        file(
            out,
            Finding::warning("form.subject.region_mismatch")
                .param("province", province.name)
                .param("from", region_name(code)),
            "subject.certNumber",
            "",
        );
    }
}

/// The place an organisation's name starts with (深圳市…, 广东省…, 广东…)
/// and that place's province code. Hong Kong, Macao and Taiwan are left
/// out (names such as 香港… are trade names on the mainland).
fn name_place(name: &str) -> Option<(&str, u8)> {
    // One pass over the list (`13保定市|唐山市|…;14临汾市|…`): each place is
    // compared with the name's bytes while it matches, then skipped to its
    // delimiter. Splitting the list into pieces first and testing each with
    // `starts_with` read every byte twice: ~80,000 instructions a form,
    // 8 % of a checkForm (issue 18).
    let (list, name_b) = (super::places::PREFECTURES, name.as_bytes());
    let data = list.as_bytes();
    let mut code = two_digits(list, 0)?;
    let (mut start, mut at, mut same) = (2, 2, true);
    loop {
        match data.get(at) {
            Some(&b) if b != b'|' && b != b';' => {
                same = same && name_b.get(at - start) == Some(&b);
                at += 1;
                continue;
            }
            end => {
                if same && at > start {
                    return Some((name.get(..at - start)?, code));
                }
                match end {
                    None => break,
                    Some(b';') => {
                        code = two_digits(list, at + 1)?;
                        at += 3;
                    }
                    _ => at += 1,
                }
                (start, same) = (at, true);
            }
        }
    }
    crate::province::PROVINCES
        .iter()
        .filter(|p| p.code < 70)
        .find_map(|p| {
            let place = [p.name, p.short]
                .into_iter()
                .find(|n| name.starts_with(n))?;
            Some((place, p.code))
        })
}

/// An organisation whose name starts with a place in another province than
/// its credit code's region (深圳市… registered in Beijing: issue 16 item
/// 16). Names keep their place after a move, and slips happen in either
/// field: a warning, with the relocation caveat in the hint.
fn name_region(facts: &Facts, out: &mut Vec<Finding>) {
    let (false, Some(name), Some((kind, number))) =
        (is_personal(facts), &facts.subject_name, &facts.subject_cert)
    else {
        return;
    };
    let (true, Some(code)) = (kind == "creditCode", two_digits(number, 2)) else {
        return;
    };
    let Some((place, place_code)) = name_place(name) else {
        return;
    };
    let from = region_name(code);
    if place_code != code && !from.is_empty() {
        file(
            out,
            Finding::warning("form.subject.name_region_mismatch")
                .param("place", place)
                .param("from", from),
            "subject",
            ".name",
        );
    }
}

/// Every person of the filing: the subject's principal, then each website's.
fn people(facts: &Facts) -> Vec<&PersonFacts> {
    let mut people: Vec<&PersonFacts> = Vec::new();
    if let Some(p) = &facts.principal {
        people.push(p);
    }
    for w in &facts.websites {
        if let Some(p) = &w.principal {
            people.push(p);
        }
    }
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
fn contacts(people: &[&PersonFacts], out: &mut Vec<Finding>) {
    // Per field, the people already reported (bit k: `people[k]`; a filing
    // has at most 1 + MAX_WEBSITES people).
    const _: () = assert!(super::MAX_WEBSITES < 64);
    let (mut mobile_done, mut email_done) = (0u64, 0u64);
    for (i, a) in people.iter().enumerate() {
        for (k, b) in people.iter().enumerate().skip(i + 1) {
            // Only two people known to differ (by certificate, else name) can
            // "share" a number: a half-filled copy of the same person cannot.
            match (a.identity(), b.identity()) {
                (Some(x), Some(y)) if x != y => {}
                _ => continue,
            }
            let bit = 1u64 << k;
            for (done, field, code, mine, theirs) in [
                (
                    &mut mobile_done,
                    ".mobile",
                    "form.contact.mobile_shared",
                    &a.mobile,
                    &b.mobile,
                ),
                (
                    &mut email_done,
                    ".email",
                    "form.contact.email_shared",
                    &a.email,
                    &b.email,
                ),
            ] {
                if mine.is_some() && mine == theirs && *done & bit == 0 {
                    file(
                        out,
                        Finding::error(code).param("other_label", role(&a.path)),
                        &b.path,
                        field,
                    );
                    *done |= bit;
                }
            }
        }
    }
    for p in people {
        let Some(e) = &p.emergency else { continue };
        if people.iter().any(|q| q.mobile.as_ref() == Some(e)) {
            file(
                out,
                Finding::error("form.contact.emergency_same"),
                &p.path,
                ".emergencyPhone",
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
    let host = crate::site::html::host_in(t);
    crate::text::trim_end(host, b'.').to_ascii_lowercase()
}

fn websites(facts: &Facts, rules: &ProvinceRules, opts: &Options, out: &mut Vec<Finding>) {
    let personal = is_personal(facts);
    // The same registrable domain in two places.
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for (i, site) in facts.websites.iter().enumerate() {
        for (domain, path) in &site.domains {
            match seen.iter().find(|(d, _)| d == domain) {
                Some((_, first)) => file(
                    out,
                    Finding::error("form.domain.duplicate")
                        .param("domain", domain.as_str())
                        .param_n("site", (first + 1) as i64),
                    path,
                    "",
                ),
                None => seen.push((domain, i)),
            }
        }
    }
    // The Tianjin/Guangxi remark declaration (below), on Han characters only.
    let declaration = han_only(&rules.personal_remark);
    for site in &facts.websites {
        if let Some(home) = &site.homepage {
            let host = homepage_host(home);
            let inside = site.domains.iter().any(|(d, _)| {
                host.strip_suffix(d.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
            });
            if !site.domains.is_empty() && !inside {
                file(
                    out,
                    Finding::error("form.homepage.not_in_domains").param("host", host),
                    &site.path,
                    ".homepage",
                );
            }
        }
        if let Some(exp) = site.domain_expires {
            let days = opts.today.days_until(exp);
            let expired = days < 0;
            if expired || days <= rules.domain_min_days {
                let code = if expired {
                    "form.domain.expired"
                } else {
                    "form.domain.expiring"
                };
                let mut f = Finding::error(code).param("date", exp.iso());
                if !expired {
                    f = f
                        .param_n("days", days)
                        .param_n("min", rules.domain_min_days);
                }
                file(out, f, &site.path, ".domainExpiresOn");
            }
        }
        // Real-name data reaches MIIT about 3 working days after the
        // verification (rules.md §2.1 item 4: TC-CN 3, HW-KB 3–5): filing
        // sooner is rejected. Public holidays are not counted out: a warning.
        if let Some(v) = site.domain_verified {
            let days = v.working_days_until(opts.today, 3);
            if days < 3 {
                file(
                    out,
                    Finding::warning("form.domain.verified_recently")
                        .param("date", v.iso())
                        .param_n("days", days),
                    &site.path,
                    ".domainVerifiedOn",
                );
            }
        }
        if let (Some(holder), Some(subject)) = (&site.domain_holder, &facts.subject_name) {
            if normalize_name(holder) != *subject {
                file(
                    out,
                    Finding::error("form.domain.holder_mismatch").param("holder", holder.trim()),
                    &site.path,
                    ".domainHolder",
                );
            }
        }
        // An organisation's site named after something else (rules.md §3.1).
        if let (Some(name), Some(subject), Some(_)) =
            (&site.name, &facts.subject_name, facts.subject_type)
        {
            if !personal
                && !site_name::related(name, subject)
                && !site_name::explained(site.remark.as_deref())
            {
                file(
                    out,
                    Finding::warning("form.website.name_unrelated"),
                    &site.path,
                    ".name",
                );
            }
        }
        // Tianjin and Guangxi: a personal site's remark carries a fixed
        // declaration (rules.md §3.2; only its beginning is sourced, so a
        // warning). Compared on Han characters: punctuation may differ.
        if personal && !declaration.is_empty() {
            let declared = site
                .remark
                .as_deref()
                .is_some_and(|r| crate::text::contains(&han_only(r), &declaration));
            if !declared {
                file(
                    out,
                    Finding::warning("form.remark.declaration")
                        .param("province", province_name(facts))
                        .param("text", rules.personal_remark.as_str()),
                    &site.path,
                    ".remark",
                );
            }
        }
        for (ct, path) in &site.content_types {
            let (f, name) = match content_type(&opts.profile, ct) {
                None => (Finding::warning("form.content.unknown"), "value"),
                Some(t) if personal && t.organisation_only => (
                    Finding::error("form.content.personal_not_allowed"),
                    "category",
                ),
                Some(t) if personal && t.personal_unconfirmed => (
                    Finding::warning("form.content.personal_unconfirmed"),
                    "category",
                ),
                Some(t) if t.cancelled_nationally => {
                    (Finding::info("form.content.cancelled"), "category")
                }
                Some(_) => continue,
            };
            file(out, f.param(name, ct.as_str()), path, "");
        }
        for (field, text) in [(".name", &site.name), (".remark", &site.remark)] {
            if let Some(text) = text {
                undeclared(opts, site, field, text, out);
            }
        }
    }
}

fn han_only(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if crate::site::website_name::is_han(c) {
            out.push(c);
        }
    }
    out
}

/// Pre-approval categories the `text` of a site's `field` implies, from
/// the profile's word lists (`words.preApproval.categories`: `{category,
/// words}`), that the site does not declare: one finding (with the first
/// word) per category.
fn undeclared(
    opts: &Options,
    site: &WebsiteFacts,
    field: &str,
    text: &str,
    out: &mut Vec<Finding>,
) {
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
        let word = words
            .iter()
            .filter_map(Json::as_str)
            .find(|w| !w.is_empty() && crate::text::contains(text, w));
        let Some(word) = word else { continue };
        if !site.content_types.iter().any(|(c, _)| c == category) {
            file(
                out,
                Finding::warning("form.content.undeclared")
                    .param("word", word)
                    .param("category", category),
                &site.path,
                field,
            );
        }
    }
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

    #[test]
    fn name_place_finds_every_prefecture() {
        let mut n = 0;
        for section in crate::text::pieces(crate::form::places::PREFECTURES, b';') {
            let code = two_digits(section, 0).unwrap();
            for place in crate::text::pieces(&section[2..], b'|') {
                let name = format!("{place}云帆科技有限公司");
                assert_eq!(name_place(&name), Some((place, code)), "{name}");
                // A name that only shares the place's first character(s).
                let short = &place[..place.len() - 3];
                let other = format!("{short}云帆");
                assert_ne!(name_place(&other).map(|p| p.0), Some(place), "{other}");
                n += 1;
            }
        }
        assert!(n > 300, "{n} places");
        assert_eq!(name_place(""), None);
        assert_eq!(name_place("云帆科技有限公司"), None);
        assert_eq!(name_place("|"), None);
    }

    #[test]
    fn name_places() {
        assert_eq!(name_place("深圳市云帆科技有限公司"), Some(("深圳市", 44)));
        assert_eq!(name_place("广东云帆科技有限公司"), Some(("广东", 44)));
        assert_eq!(name_place("广东省云帆科技有限公司"), Some(("广东省", 44)));
        assert_eq!(name_place("吉林市云帆有限公司"), Some(("吉林市", 22)));
        assert_eq!(
            name_place("延边朝鲜族自治州云帆有限公司").map(|p| p.1),
            Some(22)
        );
        assert_eq!(name_place("云帆科技有限公司"), None);
        assert_eq!(name_place("香港云帆有限公司"), None);
    }

    #[test]
    fn two_digits_reads_like_u8_from_str() {
        for s in [
            "11", "09", "+7", "7", "-7", "a1", "1a", "1é", "é1", "++", "+", "",
        ] {
            for at in 0..3 {
                let want = s.get(at..at + 2).and_then(|t| t.parse::<u8>().ok());
                assert_eq!(two_digits(s, at), want, "{s:?} at {at}");
            }
        }
    }
}
