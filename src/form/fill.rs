//! A personal filing's principals, filled from the subject when absent
//! (issue 16 item 15; docs/form-documents.md "Principals of a personal
//! filing").
//!
//! In a personal filing the subject, its principal (主体负责人) and every
//! website principal (网站负责人) are normally one person. An integrator
//! may leave `subject.principal` out: it is then the subject's own person
//! fields (`name`, `certType`, `certNumber`, `certValidUntil`, and the
//! contact fields and `documents` if the subject object carries them). A
//! website without `principal` gets a copy of the subject's principal.
//!
//! Findings about a copied value are reported where the value was typed
//! (`subject.principal.certNumber` → `subject.certNumber`), and a finding
//! that is then the same as one already there is dropped, so one typo is
//! one finding and nothing is reported at a path the form does not have,
//! unless the value is missing everywhere (then the filled path is where
//! the filing needs it).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::Finding;
use crate::json::Json;

/// The person fields copied from a personal subject.
const PERSON_KEYS: &[&str] = &[
    "name",
    "certType",
    "certNumber",
    "certValidUntil",
    "mobile",
    "email",
    "landline",
    "emergencyPhone",
    "residencePermit",
    "documents",
];

/// The form with principals filled in, and where each filled one came from.
pub struct Filled {
    /// The filled form.
    pub form: Json,
    /// (the original form, for "was the value typed there").
    original: Json,
    /// (filled path, the path it was copied from).
    copies: Vec<(String, String)>,
}

fn absent(v: Option<&Json>) -> bool {
    matches!(v, None | Some(Json::Null))
}

/// `obj[key] = value` on an object.
fn set(obj: &mut Json, key: &str, value: Json) {
    if let Json::Obj(items) = obj {
        match items.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => items.push((key.into(), value)),
        }
    }
}

fn get_mut<'j>(obj: &'j mut Json, key: &str) -> Option<&'j mut Json> {
    match obj {
        Json::Obj(items) => items.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// `None` unless `form` is a personal filing with a principal to fill.
pub fn principals(form: &Json) -> Option<Filled> {
    let subject = form.get("subject")?;
    let personal = subject
        .get("type")
        .and_then(Json::as_str)
        .and_then(|t| crate::options::SubjectType::parse(t.trim()))
        == Some(crate::options::SubjectType::Personal);
    if !personal || subject.as_object().is_none() {
        return None;
    }
    let sites = form.get("websites").and_then(Json::as_array).unwrap_or(&[]);
    let fill_subject = absent(subject.get("principal"));
    let fill_sites: Vec<usize> = sites
        .iter()
        .enumerate()
        .filter(|(_, w)| w.as_object().is_some() && absent(w.get("principal")))
        .map(|(i, _)| i)
        .collect();
    if !fill_subject && fill_sites.is_empty() {
        return None;
    }
    let mut copies = Vec::new();
    let mut filled = form.clone();
    let sub = get_mut(&mut filled, "subject")?;
    if fill_subject {
        let mut p = Json::Obj(Vec::new());
        for key in PERSON_KEYS {
            if let Some(v) = subject.get(key).filter(|v| !v.is_null()) {
                set(&mut p, key, v.clone());
            }
        }
        set(sub, "principal", p);
        copies.push(("subject.principal".into(), "subject".into()));
    }
    let principal = sub.get("principal").cloned().unwrap_or(Json::Null);
    if let Some(Json::Arr(items)) = get_mut(&mut filled, "websites") {
        for &i in &fill_sites {
            if let Some(site) = items.get_mut(i) {
                set(site, "principal", principal.clone());
                copies.push((
                    cat!("websites[", i, "].principal"),
                    "subject.principal".into(),
                ));
            }
        }
    }
    Some(Filled {
        form: filled,
        original: form.clone(),
        copies,
    })
}

/// The value at a finding path (`a.b[2].c`) in `root`.
fn at_path<'j>(root: &'j Json, path: &str) -> Option<&'j Json> {
    let mut node = root;
    for seg in crate::text::pieces(path, b'.') {
        let (key, index) = match crate::text::cut(seg, b'[') {
            Some((k, rest)) => (k, Some(crate::text::trim_end(rest, b']'))),
            None => (seg, None),
        };
        node = node.get(key)?;
        if let Some(i) = index {
            let mut n = 0usize;
            for b in i.bytes() {
                n = n
                    .checked_mul(10)?
                    .checked_add(usize::from(b.checked_sub(b'0').filter(|d| *d < 10)?))?;
            }
            let i = n;
            node = node.as_array()?.get(i)?;
        }
    }
    Some(node)
}

impl Filled {
    /// Moves findings at a filled path to where the value was typed (repeated
    /// until the first copy is reached: a website principal copied from a
    /// principal copied from the subject), then drops exact repeats.
    /// A finding about a value missing at both places (`form.required` at
    /// `subject.name` and at the filled `subject.principal.name`) is the
    /// same finding: it moves too, and is dropped as a repeat.
    pub fn report_at_source(&self, out: &mut Vec<Finding>) {
        for i in 0..out.len() {
            for _ in 0..2 {
                let Some(f) = out.get(i) else { break };
                let Some(src) = self.copies.iter().find_map(|(to, from)| {
                    let rest = f.path.strip_prefix(to.as_str())?;
                    (rest.is_empty() || rest.starts_with('.')).then(|| cat!(from, rest))
                }) else {
                    break;
                };
                let same_there = out
                    .iter()
                    .any(|g| g.path == src && g.code == f.code && g.params == f.params);
                if at_path(&self.original, &src).is_none() && !self.is_copy(&src) && !same_there {
                    break;
                }
                if let Some(f) = out.get_mut(i) {
                    f.path = src;
                }
            }
        }
        // Moved out in place (`drain` or a by-value loop links another
        // iterator over findings into the wasm).
        let mut kept: Vec<Finding> = Vec::with_capacity(out.len());
        for f in out.iter_mut() {
            let repeat = kept
                .iter()
                .any(|k| k.path == f.path && k.code == f.code && k.params == f.params);
            if !repeat {
                kept.push(core::mem::replace(f, Finding::info(super::MOVED)));
            }
        }
        *out = kept;
    }

    /// `path` lies inside a filled principal.
    fn is_copy(&self, path: &str) -> bool {
        self.copies.iter().any(|(to, _)| {
            path.strip_prefix(to.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
    }
}
