//! `checkForm`: every field check of a whole filing, with `path` set, then
//! the cross-field rules a reviewer applies to the filing as a whole
//! (rules.md §2, §4, §6, §7). Missing fields are findings, never a panic.
//!
//! The walk ([`check_form`]) collects the facts each rule needs (normalised
//! numbers, ages, provinces) into [`Facts`]; the rules in [`cross`] then
//! compare them. Province-dependent thresholds come from the profile
//! ([`province_rules`]).

#[allow(unused_imports)]
use crate::rt::prelude::*;

mod cross;
pub mod documents;
mod fill;
pub mod labels;
mod places;
pub mod province_rules;
mod site_name;

use crate::check;
use crate::date::Date;
use crate::finding::{FieldResult, Finding, InfoValue};
use crate::json::Json;
use crate::options::{Options, SubjectType};
use crate::province::Province;
use province_rules::ProvinceRules;

/// Certificate kinds a person can file with (rules.md §4.1, UserIdMap).
pub const PERSON_CERTS: &[&str] = &[
    "residentId",
    "hmtResidencePermit",
    "foreignPermanentId",
    "hkMacaoPermit",
    "taiwanPermit",
    "passport",
];
/// Certificate kinds of an organisation: the USCC, or the pre-2015 numbers.
pub const ORG_CERTS: &[&str] = &["creditCode", "orgCode", "businessRegNumber"];

/// The code of the empty finding left in a field result's place when its
/// findings are moved out (never reported; a constant, so the catalog test
/// does not take it for a code).
const MOVED: &str = "";

/// Most websites one filing is checked for. Providers cap an order at 10
/// (rules.md §2.1); beyond this the form is an error and the rest is not
/// checked, so a runaway list cannot stall a page (the cross checks compare
/// every pair).
pub const MAX_WEBSITES: usize = 50;
/// Most domains checked per website (Tencent: 1; rules.md §2.1).
pub const MAX_DOMAINS: usize = 20;
/// Most pre-approval categories read per website (the generic profile
/// knows 11): a runaway list is one `form.too_many`, not a finding per item.
pub const MAX_CONTENT_TYPES: usize = 20;
/// Largest integer a JSON number carries exactly (2^53 − 1): a certificate
/// number past it was rounded before it reached us.
const MAX_EXACT: f64 = 9_007_199_254_740_991.0;

/// The result of `checkForm`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormResult {
    /// Every finding, each with its `path`.
    pub findings: Vec<Finding>,
}

impl FormResult {
    /// True when no finding is an error.
    pub fn ok(&self) -> bool {
        !self
            .findings
            .iter()
            .any(|f| f.severity == crate::Severity::Error)
    }
}

/// What the walk learned about one person (主体负责人 or 网站负责人).
#[derive(Clone, Debug, Default)]
pub struct PersonFacts {
    /// Path of the person object, e.g. `websites[0].principal`.
    pub path: String,
    /// Normalised name.
    pub name: Option<String>,
    /// The certificate kind.
    pub cert_type: Option<String>,
    /// Normalised certificate number (when the type is known).
    pub cert_number: Option<String>,
    /// Age on `today`, when the certificate tells it.
    pub age: Option<i32>,
    /// Normalised mobile number.
    pub mobile: Option<String>,
    /// Normalised e-mail (lower-case).
    pub email: Option<String>,
    /// Normalised emergency phone (digits only).
    pub emergency: Option<String>,
    /// Holds a local residence permit.
    pub residence_permit: bool,
    /// Is (true) or is not (false) the organisation's legal representative
    /// (法定代表人); None when the form does not say.
    pub legal_rep: Option<bool>,
    /// A landline (办公电话) was given.
    pub has_landline: bool,
    /// The typed certificate validity: `long-term` or `YYYY-MM-DD`.
    pub valid_until: Option<String>,
    /// The uploaded documents (`documents`).
    pub documents: Vec<documents::Doc>,
}

impl PersonFacts {
    /// Who this is: the certificate number, else the name.
    pub fn identity(&self) -> Option<&str> {
        self.cert_number.as_deref().or(self.name.as_deref())
    }
}

/// What the walk learned about one website.
#[derive(Clone, Debug, Default)]
pub struct WebsiteFacts {
    /// Path of the website object, e.g. `websites[1]`.
    pub path: String,
    /// Registrable domains with their paths.
    pub domains: Vec<(String, String)>,
    /// The website name.
    pub name: Option<String>,
    /// The remark.
    pub remark: Option<String>,
    /// Declared pre-approval categories with their paths.
    pub content_types: Vec<(String, String)>,
    /// The homepage URL as typed.
    pub homepage: Option<String>,
    /// Domain expiry date.
    pub domain_expires: Option<Date>,
    /// Date of the domain's real-name verification (实名认证).
    pub domain_verified: Option<Date>,
    /// Registrant on the domain certificate.
    pub domain_holder: Option<String>,
    /// The website principal.
    pub principal: Option<PersonFacts>,
    /// The uploaded documents (`documents`).
    pub documents: Vec<documents::Doc>,
}

/// Everything the cross-field rules compare.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// The subject type.
    pub subject_type: Option<SubjectType>,
    /// The filing province (form.province, else options.province).
    pub province: Option<&'static Province>,
    /// Normalised subject name.
    pub subject_name: Option<String>,
    /// Subject certificate kind and normalised number.
    pub subject_cert: Option<(String, String)>,
    /// The subject's address, without spaces (as names are compared).
    pub address: Option<String>,
    /// The subject principal.
    pub principal: Option<PersonFacts>,
    /// The websites.
    pub websites: Vec<WebsiteFacts>,
    /// The subject's uploaded documents (`subject.documents`).
    pub documents: Vec<documents::Doc>,
    /// Some `documents` object was given anywhere in the form: the
    /// requirement applies (see [`documents`]).
    pub documents_given: bool,
}

/// Checks a whole filing (the `FilingForm` shape of api.md).
pub fn check_form(form: &Json, opts: &Options) -> FormResult {
    // A personal filing's absent principals come from the subject.
    let filled = fill::principals(form);
    let form = filled.as_ref().map_or(form, |f| &f.form);
    let mut w = Walk {
        opts: opts.clone(),
        rules: ProvinceRules::for_province(&opts.profile, opts.province),
        out: Vec::new(),
        documents_given: false,
    };
    w.opts.work.set(0); // one call: one pattern budget for every field of the walk
    if form.as_object().is_none() {
        w.bad_type("form.not_object", form, "");
        return FormResult { findings: w.out };
    }

    if opts.given_length("$").is_some() {
        // The JS wrapper read the form up to its caps (docs/limits.md).
        file(&mut w.out, Finding::error("form.too_large"), "", "");
    }
    let mut province = opts.province;
    if let Some(p) = w.text(form.get("province"), "province", Need::Optional) {
        province = Province::parse(&p);
        if province.is_none() {
            w.invalid("form.province.unknown", &p, "province");
        }
    }
    if province.is_none() && !w.out.iter().any(|f| f.path == "province") {
        file(
            &mut w.out,
            Finding::warning("form.province.missing"),
            "province",
            "",
        );
    }
    w.rules = ProvinceRules::for_province(&opts.profile, province);
    w.opts.province = province;

    let subject = w.subject(form.get("subject"));
    let websites = w.websites(form.get("websites"));
    let facts = Facts {
        province,
        websites,
        documents_given: w.documents_given,
        ..subject
    };
    cross::run(&facts, &w.rules, &w.opts, &mut w.out);
    documents::run(&facts, &w.rules, &w.opts, &mut w.out);
    if let Some(f) = &filled {
        f.report_at_source(&mut w.out);
    }
    crate::finding::order_by_severity(&mut w.out);
    FormResult { findings: w.out }
}

struct Walk {
    opts: Options,
    rules: ProvinceRules,
    out: Vec<Finding>,
    /// A `documents` object was met.
    documents_given: bool,
}

/// What a missing or blank text field is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Nothing.
    Optional,
    /// A `form.required` error.
    Required,
    /// A `form.recommended` warning (also after a `form.not_text`).
    Recommended,
}

/// Files `f` under the path `base` + `key` (`key` may be empty): one
/// out-of-line place for the pushes of the walk and the rules.
#[inline(never)]
fn file(out: &mut Vec<Finding>, f: Finding, base: &str, key: &str) {
    out.push(f.at(cat!(base, key)));
}

/// Normalises a name for comparison: no spaces, half-width, one kind of `·`.
pub fn normalize_name(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = crate::text::fold_width(c);
        if crate::text::is_space(c) || crate::text::is_invisible(c) {
            continue;
        }
        out.push(match c {
            '•' | '・' | '‧' | '∙' | '⋅' | '．' => '·',
            '（' => '(',
            '）' => ')',
            c => c.to_ascii_uppercase(),
        });
    }
    out
}

/// `长期` and its spellings: a certificate without end date.
pub fn is_long_term(t: &str) -> bool {
    t.eq_ignore_ascii_case("long-term")
        || t.eq_ignore_ascii_case("longterm")
        || matches!(t, "长期" | "長期" | "长期有效" | "長期有效")
}

/// `form.cert.expired`, or `form.cert.expiring` when fewer than `months`
/// months are left on `today`; `None` when the date is far enough.
pub fn expiry(d: Date, today: Date, months: i32) -> Option<Finding> {
    let expired = d < today;
    if !expired && d >= today.add_months(months) {
        return None;
    }
    let code = if expired {
        "form.cert.expired"
    } else {
        "form.cert.expiring"
    };
    let mut f = Finding::error(code).param("date", d.iso());
    if !expired {
        f = f.param_n("months", months as i64);
    }
    Some(f)
}

impl Walk {
    /// A text field: `None` when missing or blank (a finding as `need`
    /// says); a non-string value is a `form.not_text` finding.
    fn text(&mut self, v: Option<&Json>, path: &str, need: Need) -> Option<String> {
        // The field's key: the last path segment, without an index.
        let leaf = crate::text::rcut(path, b'.').map_or(path, |(_, leaf)| leaf);
        let key = crate::text::cut(leaf, b'[').map_or(leaf, |(key, _)| key);
        let label = cat!("field.", key);
        match v {
            None | Some(Json::Null) => {}
            Some(Json::Str(s)) => {
                let len = crate::text::utf16_len(s);
                let given = self.opts.given_length(path);
                if len > check::MAX_INPUT || given.is_some() {
                    let f = check::too_long(given.unwrap_or(len).max(len));
                    file(&mut self.out, f, path, "");
                    return None;
                }
                if !s.trim().is_empty() {
                    return Some(s.clone());
                }
            }
            Some(Json::Num(n)) if crate::rt::fract(*n) == 0.0 && n.abs() <= MAX_EXACT => {
                return Some(cat!(*n as i64))
            }
            Some(Json::Num(n)) if crate::rt::fract(*n) == 0.0 => {
                let digits = cat!(n.abs() as u64);
                self.out.push(
                    Finding::error("common.inexact_number")
                        .param("value", digits)
                        .at(path),
                );
                return None;
            }
            Some(other) => {
                self.out.push(
                    Finding::error("form.not_text")
                        .param("type", other.type_name())
                        .param("field_label", label.clone())
                        .at(path),
                );
                if need != Need::Recommended {
                    return None;
                }
            }
        }
        let f = match need {
            Need::Optional => return None,
            Need::Required => Finding::error("form.required"),
            Need::Recommended => Finding::warning("form.recommended"),
        };
        file(&mut self.out, f.param("field_label", label), path, "");
        None
    }

    /// The text field `key` of `obj` (path `path.key`), checked as field
    /// `kind` unless that is empty: (its path, its text, the check).
    fn entry(
        &mut self,
        obj: &Json,
        path: &str,
        key: &str,
        need: Need,
        kind: &str,
    ) -> (String, Option<String>, Option<FieldResult>) {
        let path = cat!(path, ".", key);
        let text = self.text(obj.get(key), &path, need);
        let result = match &text {
            Some(t) if !kind.is_empty() => self.field(kind, t, &path),
            _ => None,
        };
        (path, text, result)
    }

    /// [`Walk::entry`] when only the text is wanted.
    #[inline(never)]
    fn value(
        &mut self,
        obj: &Json,
        path: &str,
        key: &str,
        need: Need,
        kind: &str,
    ) -> Option<String> {
        self.entry(obj, path, key, need, kind).1
    }

    /// [`Walk::entry`] when only the check's result is wanted.
    #[inline(never)]
    fn checked(
        &mut self,
        obj: &Json,
        path: &str,
        key: &str,
        need: Need,
        kind: &str,
    ) -> Option<FieldResult> {
        self.entry(obj, path, key, need, kind).2
    }

    /// A value `code` rejects: the error with its `value`.
    fn invalid(&mut self, code: &str, value: &str, path: &str) {
        file(
            &mut self.out,
            Finding::error(code).param("value", value),
            path,
            "",
        );
    }

    /// A value of the wrong JSON type: `code` with its `type`.
    fn bad_type(&mut self, code: &str, v: &Json, path: &str) {
        self.out
            .push(Finding::error(code).param("type", v.type_name()).at(path));
    }

    /// A required object: `form.required` when missing, `form.not_object` when not an object.
    fn object<'j>(&mut self, v: Option<&'j Json>, path: &str, label: &str) -> Option<&'j Json> {
        match v {
            Some(o @ Json::Obj(_)) => Some(o),
            None | Some(Json::Null) => {
                self.out.push(
                    Finding::error("form.required")
                        .param("field_label", label)
                        .at(path),
                );
                None
            }
            Some(other) => {
                self.bad_type("form.not_object", other, path);
                None
            }
        }
    }

    /// An array of at most `max` items (`form.too_many` beyond): empty
    /// with `missing` (when given) if missing, null or empty, and with
    /// `form.not_array` if not an array.
    fn list<'j>(
        &mut self,
        v: Option<&'j Json>,
        path: &str,
        missing: Option<Finding>,
        max: usize,
    ) -> &'j [Json] {
        match v {
            Some(Json::Arr(items)) if !items.is_empty() => {
                // The JS wrapper cuts long lists before passing them.
                let count = self
                    .opts
                    .given_length(path)
                    .map_or(items.len(), |n| n as usize);
                if count > max {
                    self.out.push(
                        Finding::error("form.too_many")
                            .param_n("count", count as i64)
                            .param_n("max", max as i64)
                            .at(path),
                    );
                }
                items.get(..max).unwrap_or(items)
            }
            None | Some(Json::Null) | Some(Json::Arr(_)) => {
                if let Some(f) = missing {
                    file(&mut self.out, f, path, "");
                }
                &[]
            }
            Some(other) => {
                self.bad_type("form.not_array", other, path);
                &[]
            }
        }
    }

    /// Runs a field check and files its findings under `path` (the result
    /// keeps its value and info, not its findings).
    fn field(&mut self, kind: &str, value: &str, path: &str) -> Option<FieldResult> {
        let mut r = check::check_within(kind, value, &self.opts).ok()?;
        // Moved out in place (a by-value loop links Vec<Finding>'s IntoIter).
        for f in &mut r.findings {
            file(
                &mut self.out,
                core::mem::replace(f, Finding::info(MOVED)),
                path,
                "",
            );
        }
        r.findings.clear();
        Some(r)
    }

    /// Checks the `YYYY-MM-DD` or long-term `certValidUntil` of `obj`:
    /// expired, or valid for fewer than `months` more months.
    /// Returns the date as `long-term` or `YYYY-MM-DD` when it reads as one.
    fn validity(&mut self, obj: &Json, path: &str, months: i32) -> Option<String> {
        let (path, Some(s), _) = self.entry(obj, path, "certValidUntil", Need::Optional, "") else {
            return None;
        };
        let t = s.trim();
        if is_long_term(t) {
            return Some("long-term".into());
        }
        let Some(d) = Date::parse(t) else {
            self.invalid("form.date.invalid", t, &path);
            return None;
        };
        if let Some(f) = expiry(d, self.opts.today, months) {
            file(&mut self.out, f, &path, "");
        }
        Some(d.iso())
    }

    /// The certificate type of a person or subject; the number checked as that kind.
    fn certificate(
        &mut self,
        obj: &Json,
        path: &str,
        allowed: &[&str],
        org: bool,
    ) -> (Option<String>, Option<FieldResult>) {
        let (type_path, cert_type, _) = self.entry(obj, path, "certType", Need::Required, "");
        let (number_path, number, _) = self.entry(obj, path, "certNumber", Need::Required, "");
        let Some(ct) = cert_type else {
            return (None, None);
        };
        let known = PERSON_CERTS.contains(&ct.as_str()) || ORG_CERTS.contains(&ct.as_str());
        if !known {
            self.invalid("form.cert_type.unknown", &ct, &type_path);
            return (None, None);
        }
        let f = if !allowed.contains(&ct.as_str()) {
            Some(Finding::error(if org {
                "form.cert_type.not_organisation"
            } else {
                "form.cert_type.not_person"
            }))
        } else if org && ct != "creditCode" {
            Some(match self.opts.province {
                Some(p) if self.rules.uscc_only => {
                    Finding::error("form.cert_type.uscc_required").param("province", p.name)
                }
                _ => Finding::warning("form.cert_type.old_number"),
            })
        } else {
            None
        };
        if let Some(f) = f {
            self.out
                .push(f.param("kind_label", cat!("kind.", ct)).at(type_path));
        }
        let result = match number {
            Some(n) => self.field(&ct, &n, &number_path),
            None => None,
        };
        (Some(ct), result)
    }

    fn person(&mut self, v: Option<&Json>, path: &str) -> Option<PersonFacts> {
        let obj = self.object(v, path, "field.principal")?;
        let name = self.value(obj, path, "name", Need::Required, "personName");
        let (cert_type, cert) = self.certificate(obj, path, PERSON_CERTS, false);
        let (mut cert_number, mut age, mut valid_until) = (None, None, None);
        if let (Some(ct), Some(r)) = (&cert_type, cert) {
            if let Some(InfoValue::Num(a)) = r.get_info("age") {
                age = Some(*a as i32);
            }
            cert_number = Some(r.value);
            let months = if ct == "hmtResidencePermit" {
                self.rules.residence_permit_min_months
            } else {
                self.rules.cert_min_months
            };
            valid_until = self.validity(obj, path, months);
        }
        let mobile = self.checked(obj, path, "mobile", Need::Required, "mobile");
        let email = self.checked(obj, path, "email", Need::Recommended, "email");
        let landline = self.value(obj, path, "landline", Need::Optional, "landline");
        let mut emergency = None;
        if let (emergency_path, Some(e), _) =
            self.entry(obj, path, "emergencyPhone", Need::Recommended, "")
        {
            let all = crate::site::footer::digits_of(&e);
            // A mobile with its country code (+86 / 0086) is still a mobile.
            let digits = match all.strip_prefix("0086").or_else(|| all.strip_prefix("86")) {
                Some(rest) if rest.len() == 11 && rest.starts_with('1') => rest.into(),
                _ => all,
            };
            let kind = if digits.starts_with('1') && digits.len() == 11 {
                "mobile"
            } else {
                "landline"
            };
            self.field(kind, &e, &emergency_path);
            emergency = Some(digits);
        }
        let residence_permit = self.flag(obj, path, "residencePermit") == Some(true);
        let legal_rep = self.flag(obj, path, "legalRepresentative");
        let documents = self.documents(obj, path);
        Some(PersonFacts {
            path: path.into(),
            name: name.as_deref().map(normalize_name),
            cert_type,
            cert_number,
            age,
            mobile: mobile.map(|r| r.value),
            email: email.map(|r| r.value.to_ascii_lowercase()),
            emergency,
            residence_permit,
            legal_rep,
            has_landline: landline.is_some(),
            valid_until,
            documents,
        })
    }

    /// An optional `YYYY-MM-DD` field of `obj` (an invalid date is reported).
    fn date(&mut self, obj: &Json, path: &str, key: &str) -> Option<Date> {
        let (at, Some(d), _) = self.entry(obj, path, key, Need::Optional, "") else {
            return None;
        };
        let date = Date::parse(&d);
        if date.is_none() {
            self.invalid("form.date.invalid", d.trim(), &at);
        }
        date
    }

    /// An optional boolean field of `obj` (anything but a boolean or null is
    /// reported).
    fn flag(&mut self, obj: &Json, path: &str, key: &str) -> Option<bool> {
        match obj.get(key) {
            None | Some(Json::Null) => None,
            Some(Json::Bool(b)) => Some(*b),
            Some(other) => {
                self.bad_type("form.not_boolean", other, &cat!(path, ".", key));
                None
            }
        }
    }

    /// The subject's facts (no province or websites yet).
    fn subject(&mut self, v: Option<&Json>) -> Facts {
        let Some(obj) = self.object(v, "subject", "field.subject") else {
            return Facts::default();
        };
        let mut subject_type = None;
        if let (path, Some(t), _) = self.entry(obj, "subject", "type", Need::Required, "") {
            subject_type = SubjectType::parse(t.trim());
            if subject_type.is_none() {
                self.invalid("form.subject_type.unknown", &t, &path);
            }
        }
        self.opts.subject_type = subject_type;
        let personal = subject_type == Some(SubjectType::Personal);
        let kind = if personal { "personName" } else { "" };
        let name = self.value(obj, "subject", "name", Need::Required, kind);
        let (allowed, org) = if personal {
            (PERSON_CERTS, false)
        } else {
            (ORG_CERTS, true)
        };
        let (ct, cert) = if subject_type.is_some() {
            self.certificate(obj, "subject", allowed, org)
        } else {
            (None, None)
        };
        let mut subject_cert = None;
        if let (Some(ct), Some(r)) = (ct, cert) {
            let months = if org {
                self.rules.license_min_months
            } else {
                self.rules.cert_min_months
            };
            self.validity(obj, "subject", months);
            subject_cert = Some((ct, r.value));
        }
        let address = self.value(obj, "subject", "address", Need::Optional, "");
        let documents = self.documents(obj, "subject");
        Facts {
            subject_type,
            province: None,
            address: address.as_deref().map(normalize_name),
            subject_name: name.as_deref().map(normalize_name),
            subject_cert,
            principal: self.person(obj.get("principal"), "subject.principal"),
            websites: Vec::new(),
            documents,
            documents_given: false,
        }
    }

    /// The text items of the array `key` of `obj`, each with its path: as
    /// typed (trimmed) when `kind` is empty, else the registrable domain
    /// (or value) of the `kind` check, skipping items that fail to check.
    #[allow(clippy::too_many_arguments)]
    fn items(
        &mut self,
        obj: &Json,
        path: &str,
        key: &str,
        missing: Option<Finding>,
        max: usize,
        need: Need,
        kind: &str,
    ) -> Vec<(String, String)> {
        let base = cat!(path, ".", key);
        let mut out = Vec::new();
        for (j, item) in self
            .list(obj.get(key), &base, missing, max)
            .iter()
            .enumerate()
        {
            let item_path = cat!(base, "[", j, "]");
            let Some(text) = self.text(Some(item), &item_path, need) else {
                continue;
            };
            let value = if kind.is_empty() {
                text.trim().into()
            } else {
                let Some(r) = self.field(kind, &text, &item_path) else {
                    continue;
                };
                match r.get_info("registrable") {
                    Some(InfoValue::Str(s)) => s.clone(),
                    _ => r.value,
                }
            };
            out.push((value, item_path));
        }
        out
    }

    fn websites(&mut self, v: Option<&Json>) -> Vec<WebsiteFacts> {
        let mut websites = Vec::new();
        let empty = Finding::error("form.websites.empty");
        let items = self.list(v, "websites", Some(empty), MAX_WEBSITES);
        for (i, site) in items.iter().enumerate() {
            let path = cat!("websites[", i, "]");
            if site.as_object().is_none() {
                self.bad_type("form.not_object", site, &path);
                continue;
            }
            let name = self.value(site, &path, "name", Need::Required, "websiteName");
            let missing = Finding::error("form.required").param("field_label", "field.domains");
            let domains = self.items(
                site,
                &path,
                "domains",
                Some(missing),
                MAX_DOMAINS,
                Need::Required,
                "domain",
            );
            let homepage = self.value(site, &path, "homepage", Need::Optional, "");
            let content_types = self.items(
                site,
                &path,
                "contentTypes",
                None,
                MAX_CONTENT_TYPES,
                Need::Optional,
                "",
            );
            let remark = self.value(site, &path, "remark", Need::Optional, "");
            let domain_expires = self.date(site, &path, "domainExpiresOn");
            let domain_verified = self.date(site, &path, "domainVerifiedOn");
            let domain_holder = self.value(site, &path, "domainHolder", Need::Optional, "");
            let principal = self.person(site.get("principal"), &cat!(path, ".principal"));
            let documents = self.documents(site, &path);
            websites.push(WebsiteFacts {
                path,
                domains,
                name,
                remark,
                content_types,
                homepage,
                domain_expires,
                domain_verified,
                domain_holder,
                principal,
                documents,
            });
        }
        websites
    }
}
