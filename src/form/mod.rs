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
pub mod province_rules;

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

/// Most websites one filing is checked for. Providers cap an order at 10
/// (rules.md §2.1); beyond this the form is an error and the rest is not
/// checked, so a runaway list cannot stall a page (the cross checks compare
/// every pair).
pub const MAX_WEBSITES: usize = 50;
/// Most domains checked per website (Tencent: 1; rules.md §2.1).
pub const MAX_DOMAINS: usize = 20;

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
}

impl PersonFacts {
    /// Who this is: the certificate number, else the name.
    pub fn identity(&self) -> Option<String> {
        self.cert_number.clone().or_else(|| self.name.clone())
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
    /// Registrant on the domain certificate.
    pub domain_holder: Option<String>,
    /// The website principal.
    pub principal: Option<PersonFacts>,
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
    /// The subject principal.
    pub principal: Option<PersonFacts>,
    /// The websites.
    pub websites: Vec<WebsiteFacts>,
}

/// Checks a whole filing (the `FilingForm` shape of api.md).
pub fn check_form(form: &Json, opts: &Options) -> FormResult {
    let mut w = Walk {
        opts: opts.clone(),
        rules: ProvinceRules::for_province(&opts.profile, opts.province),
        out: Vec::new(),
    };
    let mut facts = Facts::default();
    if form.as_object().is_none() {
        w.out
            .push(Finding::error("form.not_object").param("type", form.type_name()));
        return FormResult { findings: w.out };
    }

    match w.text(form.get("province"), "province", false) {
        Some(p) => match Province::parse(&p) {
            Some(prov) => facts.province = Some(prov),
            None => w.out.push(
                Finding::error("form.province.unknown")
                    .param("value", p)
                    .at("province"),
            ),
        },
        None => facts.province = opts.province,
    }
    if facts.province.is_none() && !w.out.iter().any(|f| f.path == "province") {
        w.out
            .push(Finding::warning("form.province.missing").at("province"));
    }
    w.rules = ProvinceRules::for_province(&opts.profile, facts.province);
    w.opts.province = facts.province;

    w.subject(form.get("subject"), &mut facts);
    w.websites(form.get("websites"), &mut facts);
    let rules = w.rules.clone();
    cross::run(&facts, &rules, &w.opts, &mut w.out);
    crate::finding::order_by_severity(&mut w.out);
    FormResult { findings: w.out }
}

struct Walk {
    opts: Options,
    rules: ProvinceRules,
    out: Vec<Finding>,
}

/// Normalises a name for comparison: no spaces, half-width, one kind of `·`.
pub fn normalize_name(s: &str) -> String {
    s.chars()
        .map(crate::text::fold_width)
        .filter(|c| !crate::text::is_space(*c) && !crate::text::is_invisible(*c))
        .map(|c| match c {
            '•' | '・' | '‧' | '∙' | '⋅' | '．' => '·',
            '（' => '(',
            '）' => ')',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

impl Walk {
    /// A text field: `None` when missing or blank (a `form.required` finding
    /// when `required`); a non-string value is a `form.not_text` finding.
    fn text(&mut self, v: Option<&Json>, path: &str, required: bool) -> Option<String> {
        let leaf = path.rsplit('.').next().unwrap_or(path);
        let leaf = leaf.split('[').next().unwrap_or(leaf);
        match v {
            None | Some(Json::Null) => {}
            Some(Json::Str(s)) if s.trim().is_empty() => {}
            Some(Json::Str(s)) => return Some(s.clone()),
            Some(Json::Num(n)) if crate::rt::fract(*n) == 0.0 && n.abs() < 1e15 => {
                return Some(cat!(*n as i64))
            }
            Some(other) => {
                self.out.push(
                    Finding::error("form.not_text")
                        .param("type", other.type_name())
                        .param("field_label", cat!("field.", leaf))
                        .at(path),
                );
                return None;
            }
        }
        if required {
            self.out.push(
                Finding::error("form.required")
                    .param("field_label", cat!("field.", leaf))
                    .at(path),
            );
        }
        None
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
                self.out.push(
                    Finding::error("form.not_object")
                        .param("type", other.type_name())
                        .at(path),
                );
                None
            }
        }
    }

    /// Runs a field check and files its findings under `path`.
    fn field(&mut self, kind: &str, value: &str, path: &str) -> Option<FieldResult> {
        let r = check::check_field(kind, value, &self.opts).ok()?;
        self.out
            .extend(r.findings.iter().cloned().map(|f| f.at(path)));
        Some(r)
    }

    /// Checks a `YYYY-MM-DD` or long-term validity date: expired, or valid
    /// for fewer than `months` more months.
    fn validity(&mut self, v: Option<&Json>, path: &str, months: i32) {
        let Some(s) = self.text(v, path, false) else {
            return;
        };
        let t = s.trim();
        if matches!(
            t.to_ascii_lowercase().as_str(),
            "long-term" | "longterm" | "长期" | "長期" | "长期有效" | "長期有效"
        ) {
            return;
        }
        let Some(d) = Date::parse(t) else {
            self.out.push(
                Finding::error("form.date.invalid")
                    .param("value", t)
                    .at(path),
            );
            return;
        };
        let today = self.opts.today;
        if d < today {
            self.out.push(
                Finding::error("form.cert.expired")
                    .param("date", d.iso())
                    .at(path),
            );
        } else if d < today.add_months(months) {
            self.out.push(
                Finding::error("form.cert.expiring")
                    .param("date", d.iso())
                    .param_n("months", months as i64)
                    .at(path),
            );
        }
    }

    /// The certificate type of a person or subject; the number checked as that kind.
    fn certificate(
        &mut self,
        obj: &Json,
        path: &str,
        allowed: &[&str],
        org: bool,
    ) -> (Option<String>, Option<FieldResult>) {
        let type_path = cat!(path, ".certType");
        let number_path = cat!(path, ".certNumber");
        let cert_type = self.text(obj.get("certType"), &type_path, true);
        let number = self.text(obj.get("certNumber"), &number_path, true);
        let Some(ct) = cert_type else {
            return (None, None);
        };
        let known = PERSON_CERTS.contains(&ct.as_str()) || ORG_CERTS.contains(&ct.as_str());
        if !known {
            self.out.push(
                Finding::error("form.cert_type.unknown")
                    .param("value", ct.clone())
                    .at(type_path),
            );
            return (None, None);
        }
        if !allowed.contains(&ct.as_str()) {
            let code = if org {
                "form.cert_type.not_organisation"
            } else {
                "form.cert_type.not_person"
            };
            self.out.push(
                Finding::error(code)
                    .param("kind_label", cat!("kind.", ct))
                    .at(type_path),
            );
        } else if org && ct != "creditCode" {
            self.out.push(
                Finding::warning("form.cert_type.old_number")
                    .param("kind_label", cat!("kind.", ct))
                    .at(type_path),
            );
        }
        let result = number.and_then(|n| self.field(&ct, &n, &number_path));
        (Some(ct), result)
    }

    fn person(&mut self, v: Option<&Json>, path: &str) -> Option<PersonFacts> {
        let obj = self.object(v, path, "field.principal")?;
        let mut p = PersonFacts {
            path: path.to_string(),
            ..PersonFacts::default()
        };
        let name_path = cat!(path, ".name");
        if let Some(name) = self.text(obj.get("name"), &name_path, true) {
            self.field("personName", &name, &name_path);
            p.name = Some(normalize_name(&name));
        }
        let (ct, cert) = self.certificate(obj, path, PERSON_CERTS, false);
        if let (Some(ct), Some(r)) = (&ct, &cert) {
            p.cert_number = Some(r.value.clone());
            if let Some(InfoValue::Num(age)) = r.get_info("age") {
                p.age = Some(*age as i32);
            }
            let months = if ct == "hmtResidencePermit" {
                self.rules.residence_permit_min_months
            } else {
                self.rules.cert_min_months
            };
            self.validity(
                obj.get("certValidUntil"),
                &cat!(path, ".certValidUntil"),
                months,
            );
        }
        p.cert_type = ct;
        let mobile_path = cat!(path, ".mobile");
        if let Some(m) = self.text(obj.get("mobile"), &mobile_path, true) {
            p.mobile = self.field("mobile", &m, &mobile_path).map(|r| r.value);
        }
        let email_path = cat!(path, ".email");
        match self.text(obj.get("email"), &email_path, false) {
            Some(e) => {
                p.email = self
                    .field("email", &e, &email_path)
                    .map(|r| r.value.to_ascii_lowercase())
            }
            None => self.out.push(
                Finding::warning("form.recommended")
                    .param("field_label", "field.email")
                    .at(email_path),
            ),
        }
        let landline_path = cat!(path, ".landline");
        if let Some(l) = self.text(obj.get("landline"), &landline_path, false) {
            self.field("landline", &l, &landline_path);
        }
        let emergency_path = cat!(path, ".emergencyPhone");
        match self.text(obj.get("emergencyPhone"), &emergency_path, false) {
            Some(e) => {
                let all: String = e
                    .chars()
                    .map(crate::text::fold_width)
                    .filter(char::is_ascii_digit)
                    .collect();
                // A mobile with its country code (+86 / 0086) is still a mobile.
                let digits = match all.strip_prefix("0086").or_else(|| all.strip_prefix("86")) {
                    Some(rest) if rest.len() == 11 && rest.starts_with('1') => rest.to_string(),
                    _ => all,
                };
                let kind = if digits.starts_with('1') && digits.len() == 11 {
                    "mobile"
                } else {
                    "landline"
                };
                self.field(kind, &e, &emergency_path);
                p.emergency = Some(digits);
            }
            None => self.out.push(
                Finding::warning("form.recommended")
                    .param("field_label", "field.emergencyPhone")
                    .at(emergency_path),
            ),
        }
        match obj.get("residencePermit") {
            None | Some(Json::Null) => {}
            Some(Json::Bool(b)) => p.residence_permit = *b,
            Some(other) => self.out.push(
                Finding::error("form.not_boolean")
                    .param("type", other.type_name())
                    .at(cat!(path, ".residencePermit")),
            ),
        }
        Some(p)
    }

    fn subject(&mut self, v: Option<&Json>, facts: &mut Facts) {
        let Some(obj) = self.object(v, "subject", "field.subject") else {
            return;
        };
        if let Some(t) = self.text(obj.get("type"), "subject.type", true) {
            match SubjectType::parse(t.trim()) {
                Some(st) => facts.subject_type = Some(st),
                None => self.out.push(
                    Finding::error("form.subject_type.unknown")
                        .param("value", t)
                        .at("subject.type"),
                ),
            }
        }
        self.opts.subject_type = facts.subject_type;
        let personal = facts.subject_type == Some(SubjectType::Personal);
        if let Some(name) = self.text(obj.get("name"), "subject.name", true) {
            if personal {
                self.field("personName", &name, "subject.name");
            }
            facts.subject_name = Some(normalize_name(&name));
        }
        let (allowed, org) = if personal {
            (PERSON_CERTS, false)
        } else {
            (ORG_CERTS, true)
        };
        let (ct, cert) = if facts.subject_type.is_some() {
            self.certificate(obj, "subject", allowed, org)
        } else {
            (None, None)
        };
        if let (Some(ct), Some(r)) = (ct, cert) {
            let months = if org {
                self.rules.license_min_months
            } else {
                self.rules.cert_min_months
            };
            self.validity(obj.get("certValidUntil"), "subject.certValidUntil", months);
            facts.subject_cert = Some((ct, r.value));
        }
        self.text(obj.get("address"), "subject.address", false);
        facts.principal = self.person(obj.get("principal"), "subject.principal");
    }

    fn websites(&mut self, v: Option<&Json>, facts: &mut Facts) {
        let items = match v {
            Some(Json::Arr(items)) if !items.is_empty() => items,
            None | Some(Json::Null) | Some(Json::Arr(_)) => {
                self.out
                    .push(Finding::error("form.websites.empty").at("websites"));
                return;
            }
            Some(other) => {
                self.out.push(
                    Finding::error("form.not_array")
                        .param("type", other.type_name())
                        .at("websites"),
                );
                return;
            }
        };
        if items.len() > MAX_WEBSITES {
            self.out.push(
                Finding::error("form.too_many")
                    .param_n("count", (items.len()) as i64)
                    .param_n("max", MAX_WEBSITES as i64)
                    .at("websites"),
            );
        }
        for (i, site) in items.iter().take(MAX_WEBSITES).enumerate() {
            let path = cat!("websites[", i, "]");
            if site.as_object().is_none() {
                self.out.push(
                    Finding::error("form.not_object")
                        .param("type", site.type_name())
                        .at(path),
                );
                continue;
            }
            let mut wf = WebsiteFacts {
                path: path.clone(),
                ..WebsiteFacts::default()
            };
            let name_path = cat!(path, ".name");
            if let Some(name) = self.text(site.get("name"), &name_path, true) {
                self.field("websiteName", &name, &name_path);
                wf.name = Some(name);
            }
            let domains_path = cat!(path, ".domains");
            match site.get("domains") {
                Some(Json::Arr(ds)) if !ds.is_empty() => {
                    if ds.len() > MAX_DOMAINS {
                        self.out.push(
                            Finding::error("form.too_many")
                                .param_n("count", (ds.len()) as i64)
                                .param_n("max", MAX_DOMAINS as i64)
                                .at(domains_path.clone()),
                        );
                    }
                    for (j, d) in ds.iter().take(MAX_DOMAINS).enumerate() {
                        let dpath = cat!(domains_path, "[", j, "]");
                        if let Some(text) = self.text(Some(d), &dpath, true) {
                            if let Some(r) = self.field("domain", &text, &dpath) {
                                let registrable = match r.get_info("registrable") {
                                    Some(InfoValue::Str(s)) => s.clone(),
                                    _ => r.value.clone(),
                                };
                                wf.domains.push((registrable, dpath));
                            }
                        }
                    }
                }
                Some(Json::Arr(_)) | None | Some(Json::Null) => {
                    self.out.push(
                        Finding::error("form.required")
                            .param("field_label", "field.domains")
                            .at(domains_path),
                    );
                }
                Some(other) => self.out.push(
                    Finding::error("form.not_array")
                        .param("type", other.type_name())
                        .at(domains_path),
                ),
            }
            wf.homepage = self.text(site.get("homepage"), &cat!(path, ".homepage"), false);
            let ct_path = cat!(path, ".contentTypes");
            match site.get("contentTypes") {
                None | Some(Json::Null) => {}
                Some(Json::Arr(cts)) => {
                    for (j, c) in cts.iter().enumerate() {
                        let cpath = cat!(ct_path, "[", j, "]");
                        if let Some(t) = self.text(Some(c), &cpath, false) {
                            wf.content_types.push((t.trim().to_string(), cpath));
                        }
                    }
                }
                Some(other) => self.out.push(
                    Finding::error("form.not_array")
                        .param("type", other.type_name())
                        .at(ct_path),
                ),
            }
            wf.remark = self.text(site.get("remark"), &cat!(path, ".remark"), false);
            let exp_path = cat!(path, ".domainExpiresOn");
            if let Some(d) = self.text(site.get("domainExpiresOn"), &exp_path, false) {
                match Date::parse(&d) {
                    Some(date) => wf.domain_expires = Some(date),
                    None => self.out.push(
                        Finding::error("form.date.invalid")
                            .param("value", d.trim())
                            .at(exp_path),
                    ),
                }
            }
            wf.domain_holder = self.text(
                site.get("domainHolder"),
                &cat!(path, ".domainHolder"),
                false,
            );
            wf.principal = self.person(site.get("principal"), &cat!(path, ".principal"));
            facts.websites.push(wf);
        }
    }
}
