//! Provider profiles: every threshold and list the rules use, as data.
//!
//! The built-in `generic` profile is the MIIT baseline. It is assembled from
//! the JSON files under `data/profile/`, one file per section (the file's
//! stem is the section's key), so each area of the rules owns its own data.
//! Rules read their section with [`Profile::section`].
//!
//! A provider passes `{ "extends": "generic", … }`. Its keys override the
//! generic ones section by section, key by key ([`Profile::from_json`]):
//! - an object merges into the generic object;
//! - a number, string, boolean or array replaces the generic value, and must
//!   have the same type (an array's items the type of the generic items);
//! - `"key+": [ … ]` appends to the generic array `key`, `"key-": [ … ]`
//!   removes those values from it;
//! - in a map whose generic object has a `"*"` entry (e.g. the province
//!   table), new keys are allowed and start from the `"*"` entry;
//! - `patterns`: extra per-field patterns with localized messages
//!   ([`FieldPattern`]).
//!
//! Any other key, a wrong type, or a pattern that does not compile is an
//! error naming the key: the whole profile is refused, never half-applied.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::finding::{CustomText, Severity};
use crate::json::{self, Json};
use crate::pattern::Pattern;
use crate::rt::{Mutex, OnceLock};
use alloc::sync::Arc;

include!("prose_keys.rs");

/// The generic profile's sections (compacted by build.rs): (key, JSON text).
/// `images` and `provinces` are read only by the image checks and
/// checkForm: a build without those (the fields-only wasm) leaves them out
/// of its generic profile (5.2 KB of data), so its `getProfile('generic')`
/// has no such sections.
const GENERIC_SECTIONS: &[(&str, &str)] = &[
    (
        "meta",
        include_str!(concat!(env!("OUT_DIR"), "/profile-meta.json")),
    ),
    // The vision wasm's generic profile is meta and images only (js/core.js
    // passes it only a provider profile's `images`, after the full module
    // has validated the whole profile).
    #[cfg(not(vision_only))]
    (
        "tlds",
        include_str!(concat!(env!("OUT_DIR"), "/profile-tlds.json")),
    ),
    #[cfg(not(vision_only))]
    (
        "words",
        include_str!(concat!(env!("OUT_DIR"), "/profile-words.json")),
    ),
    #[cfg(any(feature = "media", feature = "vision"))]
    (
        "images",
        include_str!(concat!(env!("OUT_DIR"), "/profile-images.json")),
    ),
    #[cfg(feature = "form")]
    (
        "provinces",
        include_str!(concat!(env!("OUT_DIR"), "/profile-provinces.json")),
    ),
];

/// Whether a field pattern must or must not match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatternRule {
    /// A finding when the value matches (e.g. a forbidden word).
    Forbid,
    /// A finding when the value does not match (e.g. a required format).
    Require,
}

/// A provider's extra check on one field kind.
#[derive(Clone, Debug)]
pub struct FieldPattern {
    /// The checkField kind it applies to.
    pub kind: String,
    /// The compiled pattern.
    pub pattern: Pattern,
    /// Forbid or require.
    pub rule: PatternRule,
    /// The finding code (provider-chosen, e.g. `acme.name.brand`).
    pub code: String,
    /// The finding severity.
    pub severity: Severity,
    /// Message and hint per locale.
    pub text: CustomText,
}

/// A resolved profile (the generic baseline with any provider overrides applied).
pub struct Profile {
    /// The profile's name (`generic` for the built-in one).
    pub name: String,
    data: Json,
    patterns: Vec<FieldPattern>,
}

impl core::fmt::Debug for Profile {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Profile")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

fn generic_data() -> Json {
    let mut sections = Vec::new();
    for (key, text) in GENERIC_SECTIONS {
        // The data files are tested to parse; a broken one degrades to {}.
        let mut section = json::parse(text).unwrap_or(Json::Obj(Vec::new()));
        if *key == "tlds" {
            expand_tlds(&mut section);
        }
        sections.push((owned(key), section));
    }
    Json::Obj(sections)
}

/// Puts back the ASCII column build.rs leaves out of the `tlds.fileable`
/// rows whose ASCII form is the suffix itself: `["com","TGB"]` →
/// `["com","com","TGB"]`, the shape of data/profile/tlds.json.
fn expand_tlds(section: &mut Json) {
    let Json::Obj(items) = section else { return };
    for (k, rows) in items {
        let (true, Json::Arr(rows)) = (k == "fileable", rows) else {
            continue;
        };
        for row in rows {
            if let Json::Arr(cols) = row {
                if let (2, Some(suffix)) = (cols.len(), cols.first().cloned()) {
                    // [suffix, sources] → [suffix, suffix, sources], without
                    // Vec::insert or swap (their bounds checks format numbers).
                    let sources = cols.pop();
                    cols.push(suffix);
                    cols.extend(sources);
                }
            }
        }
    }
}

// Vision wasm: one copy, not one per caller (docs/notes/vision-speed2.md).
#[cfg_attr(vision_only, inline(never))]
fn type_word(v: &Json) -> &'static str {
    match v {
        Json::Num(_) => "a number",
        Json::Str(_) => "a string",
        Json::Bool(_) => "true or false",
        Json::Arr(_) => "an array",
        Json::Obj(_) => "an object",
        Json::Null => "null",
    }
}

/// `path` followed by `parts`: every error message here names a key
/// first (one builder instead of a `cat!` expansion per message).
#[inline(never)]
fn at(path: &str, parts: &[&str]) -> String {
    let mut out = owned(path);
    for part in parts {
        out.put(part);
    }
    out
}

/// `path: expected <what>, got <type of v>` (`what`: "a number", …).
fn expected(path: &str, what: &str, v: &Json) -> String {
    at(path, &[": expected ", what, ", got ", type_word(v)])
}

/// The value of `key` in an object's entries (the first, as [`set`] keeps one).
fn entry<'a>(items: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    items.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Most items of one profile list (`tlds.add`, `words.sensitive.words+`,
/// …): the generic profile's longest has 190. Lists are scanned per check,
/// so a million extra TLDs (249 s) or 100,000 forbidden words (4.4 s per
/// name) are refused instead (docs/limits.md).
pub const MAX_LIST: usize = 1000;
/// Most field patterns in one profile.
pub const MAX_PATTERNS: usize = 100;
/// Largest profile JSON text `registerProfile` accepts (bytes).
pub const MAX_PROFILE_TEXT: usize = 1 << 20;
/// Longest string item of a profile list (UTF-8 bytes: 85 Han characters).
pub const MAX_ITEM_BYTES: usize = 256;

fn check_items(base: &[Json], items: &[Json], path: &str) -> Result<(), String> {
    if items.len() > MAX_LIST {
        return Err(at(path, &[": more than 1000 items"]));
    }
    if items
        .iter()
        .any(|t| t.as_str().is_some_and(|t| t.len() > MAX_ITEM_BYTES))
    {
        return Err(at(path, &[": an item is longer than 256 bytes"]));
    }
    if let Some(first) = base.first() {
        for (i, item) in items.iter().enumerate() {
            if core::mem::discriminant(item) != core::mem::discriminant(first) {
                return Err(expected(&cat!(path, "[", i, "]"), type_word(first), item));
            }
        }
    }
    Ok(())
}

/// Merges `over` into `base` under the rules in the module doc.
/// `shape`: the `*` entry of the map `base` sits in, if any — the shape of
/// every entry, so a province entry may set a key the generic profile gives
/// only in `*` (e.g. `byProvince.31.documents`).
fn merge(base: &Json, over: &Json, path: &str, shape: Option<&Json>) -> Result<Json, String> {
    match (base, over) {
        (Json::Obj(b), Json::Obj(o)) => {
            let mut out = b.clone();
            for (key, value) in o {
                if PROSE_KEYS.contains(&key.as_str())
                    || (path.is_empty() && matches!(key.as_str(), "extends" | "name" | "patterns"))
                {
                    continue;
                }
                // Errors quote at most 40 characters of a key.
                let shown = crate::options::clip(key);
                let here = if path.is_empty() {
                    owned(shown)
                } else {
                    cat!(path, ".", shown)
                };
                let list_edit = match crate::text::strip_last(key, b'+') {
                    Some(name) => Some((name, true)),
                    None => crate::text::strip_last(key, b'-').map(|name| (name, false)),
                };
                let (name, merged) = if let Some((name, adding)) = list_edit {
                    let Some(Json::Arr(items)) = entry(&out, name) else {
                        return Err(at(
                            &here,
                            &[": '", name, "' is not a list of the generic profile"],
                        ));
                    };
                    let Json::Arr(change) = value else {
                        return Err(expected(&here, "an array", value));
                    };
                    check_items(items, change, &here)?;
                    let mut merged = Vec::new();
                    for item in items {
                        if adding || !change.contains(item) {
                            merged.push(item.clone());
                        }
                    }
                    if adding {
                        for item in change {
                            if !items.contains(item) {
                                merged.push(item.clone());
                            }
                        }
                    }
                    (name, Json::Arr(merged))
                } else {
                    // An existing key merges into its value; a new key of a
                    // map with a "*" entry starts from that entry.
                    let in_shape = shape.and_then(|s| s.get(key));
                    let Some(start) = entry(&out, key).or_else(|| entry(b, "*")).or(in_shape)
                    else {
                        let mut err = at(&here, &[": not a key of the generic profile (known: "]);
                        for (i, (k, _)) in b.iter().enumerate() {
                            if i > 0 {
                                err.put(", ");
                            }
                            err.put(k);
                        }
                        err.put_char(')');
                        return Err(err);
                    };
                    let star = entry(b, "*").filter(|_| key != "*");
                    (key.as_str(), merge(start, value, &here, star.or(in_shape))?)
                };
                set(&mut out, name, merged);
            }
            Ok(Json::Obj(out))
        }
        (Json::Arr(b), Json::Arr(o)) => {
            check_items(b, o, path)?;
            Ok(over.clone())
        }
        (Json::Null, _) => Ok(over.clone()),
        (b, o) if core::mem::discriminant(b) == core::mem::discriminant(o) => Ok(o.clone()),
        (b, o) => Err(expected(path, type_word(b), o)),
    }
}

fn set(items: &mut Vec<(String, Json)>, key: &str, value: Json) {
    match items.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = value,
        None => items.push((owned(key), value)),
    }
}

/// A `{locale: text}` object at `path` (`patterns[i].message` / `.hint`).
#[cfg_attr(vision_only, allow(dead_code))] // the vision wasm applies no field patterns
fn localized(v: Option<&Json>, path: &str, required: bool) -> Result<[String; 3], String> {
    let mut out: [String; 3] = Default::default();
    match v {
        None => {}
        Some(Json::Obj(items)) => {
            for (k, t) in items {
                let (Some(locale), Json::Str(t)) = (crate::i18n::Locale::parse(k), t) else {
                    return Err(at(
                        path,
                        &[
                            ".",
                            crate::options::clip(k),
                            ": not a locale (zh-CN, zh-TW, en) or not a string",
                        ],
                    ));
                };
                if let Some(slot) = out.get_mut(locale.index()) {
                    *slot = t.clone();
                }
            }
        }
        Some(other) => return Err(expected(path, "an object of locale → text", other)),
    }
    if required && out[0].is_empty() {
        return Err(at(path, &[": zh-CN text required"]));
    }
    // A missing locale falls back to zh-CN (zh-TW) or to zh-CN then zh-TW (en).
    if out[1].is_empty() {
        out[1] = out[0].clone();
    }
    if out[2].is_empty() {
        out[2] = out[0].clone();
    }
    Ok(out)
}

/// The keys a field pattern may have.
#[cfg_attr(vision_only, allow(dead_code))] // the vision wasm applies no field patterns
const PATTERN_KEYS: [&str; 7] = [
    "kind", "pattern", "match", "code", "severity", "message", "hint",
];

/// Which of `names` the string `key` of `p` is: absent (or not a string) is
/// the first. The error lists the names as `choices`.
#[cfg_attr(vision_only, allow(dead_code))] // the vision wasm applies no field patterns
fn choose(p: &Json, path: &str, key: &str, names: &[&str], choices: &str) -> Result<usize, String> {
    let Some(v) = p.get(key).and_then(Json::as_str) else {
        return Ok(0);
    };
    names.iter().position(|n| *n == v).ok_or_else(|| {
        at(
            path,
            &[
                ".",
                key,
                ": '",
                crate::options::clip(v),
                "' is not ",
                choices,
            ],
        )
    })
}

#[cfg_attr(vision_only, allow(dead_code))] // the vision wasm applies no field patterns
fn parse_patterns(v: &Json) -> Result<Vec<FieldPattern>, String> {
    let Json::Arr(items) = v else {
        return Err(expected("patterns", "an array", v));
    };
    if items.len() > MAX_PATTERNS {
        return Err(owned("patterns: more than 100 patterns"));
    }
    let mut out = Vec::new();
    for (i, p) in items.iter().enumerate() {
        let path = cat!("patterns[", i, "]");
        let Json::Obj(fields) = p else {
            return Err(expected(&path, "an object", p));
        };
        for (k, _) in fields {
            if !PATTERN_KEYS.contains(&k.as_str()) {
                return Err(at(
                    &path,
                    &[
                        ".",
                        crate::options::clip(k),
                        ": not a pattern key (kind, pattern, match, code, severity, message, hint)",
                    ],
                ));
            }
        }
        let text = |key: &str| p.get(key).and_then(Json::as_str);
        let kind = text("kind").unwrap_or("");
        if !crate::check::is_kind(kind) {
            let kind = crate::options::clip(kind);
            return Err(at(&path, &[".kind: '", kind, "' is not a checkField kind"]));
        }
        let source =
            text("pattern").ok_or_else(|| at(&path, &[".pattern: required (a string)"]))?;
        let pattern = Pattern::new(source).map_err(|e| at(&path, &[".pattern: ", &e]))?;
        let rule = match choose(
            p,
            &path,
            "match",
            &["forbid", "require"],
            "forbid or require",
        )? {
            0 => PatternRule::Forbid,
            _ => PatternRule::Require,
        };
        let code = text("code").unwrap_or("profile.pattern");
        if code.is_empty()
            || !code
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
        {
            return Err(at(&path, &[".code: use letters, digits, '.', '_' and '-'"]));
        }
        let severity = match choose(
            p,
            &path,
            "severity",
            &["error", "warning", "info"],
            "error, warning or info",
        )? {
            0 => Severity::Error,
            1 => Severity::Warning,
            _ => Severity::Info,
        };
        let message = localized(p.get("message"), &at(&path, &[".message"]), true)?;
        let hint = localized(p.get("hint"), &at(&path, &[".hint"]), false)?;
        out.push(FieldPattern {
            kind: owned(kind),
            pattern,
            rule,
            code: owned(code),
            severity,
            text: CustomText { message, hint },
        });
    }
    Ok(out)
}

impl Profile {
    /// The built-in generic profile.
    // Vision wasm: one copy, not one per caller (docs/notes/vision-speed2.md).
    #[cfg_attr(vision_only, inline(never))]
    pub fn generic() -> Arc<Profile> {
        static GENERIC: OnceLock<Arc<Profile>> = OnceLock::new();
        GENERIC
            .get_or_init(|| Arc::new(Profile::with(owned("generic"), generic_data(), Vec::new())))
            .clone()
    }

    /// Resolves a provider profile object. The error names the bad key and why.
    pub fn from_json(v: &Json) -> Result<Profile, String> {
        let Json::Obj(items) = v else {
            return Err(expected("profile", "an object", v));
        };
        match v.get("extends") {
            None | Some(Json::Null) => {}
            Some(Json::Str(s)) if s == "generic" => {}
            Some(other) => {
                let whole = other.to_text();
                let text = crate::options::clip(&whole);
                return Err(cat!("extends: only 'generic', not ", text));
            }
        }
        let name = match v.get("name") {
            None => owned("custom"),
            Some(Json::Str(s)) => s.clone(),
            Some(other) => return Err(expected("name", "a string", other)),
        };
        // The vision wasm never applies field patterns (js/core.js passes it
        // a provider profile's `images` only), so it links no pattern engine
        // (−5 KB gz of its 47 KB).
        #[cfg(vision_only)]
        let (patterns, _) = (Vec::new(), items);
        #[cfg(not(vision_only))]
        let mut patterns = Vec::new();
        #[cfg(not(vision_only))]
        for (k, value) in items {
            if k == "patterns" {
                patterns = parse_patterns(value)?;
            }
        }
        // merge skips the top-level keys read above.
        let data = merge(&generic_data(), v, "", None)?;
        Ok(Profile::with(name, data, patterns))
    }

    fn with(name: String, data: Json, patterns: Vec<FieldPattern>) -> Profile {
        Profile {
            name,
            data,
            patterns,
        }
    }

    /// A section of the profile (`tlds`, `words`, `images`, …).
    pub fn section(&self, key: &str) -> Option<&Json> {
        self.data.get(key)
    }

    /// The provider's field patterns for `kind`.
    pub fn patterns_for<'a>(
        &'a self,
        kind: &'a str,
    ) -> impl Iterator<Item = &'a FieldPattern> + 'a {
        self.patterns.iter().filter(move |p| p.kind == kind)
    }

    /// The whole profile as JSON (what `getProfile` returns).
    pub fn to_json(&self) -> &Json {
        &self.data
    }
}

/// Profiles registered by the JS binding, so a provider's object is parsed
/// once, not on every keystroke. Identical JSON text gets the same id.
/// At most [`MAX_REGISTERED`] are kept: a new one past that replaces the
/// least recently used (its id is then unknown, and the JS wrapper
/// registers that object again), so a page may use any number of profiles.
/// Entries: (id, text, profile, last use).
static REGISTRY: Mutex<(u64, Vec<Registered>)> = Mutex::new((0, Vec::new()));

type Registered = (usize, String, Arc<Profile>, u64);

/// How many parsed profiles one page or process keeps (docs/limits.md).
pub const MAX_REGISTERED: usize = 64;

/// Registers a profile (JSON text) and returns its id.
pub fn register(text: &str) -> Result<usize, String> {
    if text.len() > MAX_PROFILE_TEXT {
        return Err(owned("profile JSON longer than 1 MiB"));
    }
    let mut reg = REGISTRY
        .lock()
        .map_err(|_| owned("profile registry unavailable"))?;
    let (clock, items) = &mut *reg;
    *clock += 1;
    if let Some(e) = items.iter_mut().find(|e| e.1 == text) {
        e.3 = *clock;
        return Ok(e.0);
    }
    let v = json::parse(text).map_err(|e| cat!("profile is not valid JSON: ", e))?;
    let p = Arc::new(Profile::from_json(&v)?);
    // Ids are never reused: an evicted id stays unknown.
    let id = *clock as usize;
    let entry = (id, owned(text), p, *clock);
    if items.len() < MAX_REGISTERED {
        items.push(entry);
    } else if let Some(oldest) = items.iter_mut().min_by_key(|e| e.3) {
        *oldest = entry;
    }
    Ok(id)
}

/// A registered profile by id (`None` once evicted).
pub fn registered(id: usize) -> Option<Arc<Profile>> {
    let mut reg = REGISTRY.lock().ok()?;
    let (clock, items) = &mut *reg;
    *clock += 1;
    let e = items.iter_mut().find(|e| e.0 == id)?;
    e.3 = *clock;
    Some(e.2.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(text: &str) -> Result<Profile, String> {
        Profile::from_json(&json::parse(text).unwrap())
    }

    #[test]
    fn generic_sections_parse() {
        for (key, text) in GENERIC_SECTIONS {
            assert!(
                json::parse(text).is_ok(),
                "data/profile/{key}.json does not parse"
            );
        }
        assert_eq!(
            Profile::generic()
                .section("meta")
                .and_then(|m| m.get("name"))
                .and_then(Json::as_str),
            Some("generic")
        );
    }

    /// The repo's data file without its prose keys, as the generic profile must hold it.
    fn without_prose(v: Json) -> Json {
        match v {
            Json::Obj(items) => Json::Obj(
                items
                    .into_iter()
                    .filter(|(k, _)| !PROSE_KEYS.contains(&k.as_str()))
                    .map(|(k, v)| (k, without_prose(v)))
                    .collect(),
            ),
            Json::Arr(items) => Json::Arr(items.into_iter().map(without_prose).collect()),
            other => other,
        }
    }

    #[test]
    fn the_compiled_generic_profile_is_the_repo_data_without_prose() {
        let generic = Profile::generic();
        for (key, raw) in [
            ("meta", include_str!("../data/profile/meta.json")),
            ("tlds", include_str!("../data/profile/tlds.json")),
            ("words", include_str!("../data/profile/words.json")),
            ("images", include_str!("../data/profile/images.json")),
            ("provinces", include_str!("../data/profile/provinces.json")),
        ] {
            let want = without_prose(json::parse(raw).unwrap());
            assert_eq!(generic.section(key), Some(&want), "{key}");
        }
        assert_eq!(GENERIC_SECTIONS.len(), 5);
        assert!(generic
            .section("images")
            .and_then(|s| s.get("_doc"))
            .is_none());
    }

    #[test]
    fn a_copy_of_the_repo_data_with_its_prose_is_a_valid_profile() {
        let raw = include_str!("../data/profile/provinces.json");
        let p = profile(&format!("{{\"extends\":\"generic\",\"provinces\":{raw}}}")).unwrap();
        assert!(p
            .section("provinces")
            .and_then(|s| s.get("source"))
            .is_none());
        assert!(Profile::generic()
            .section("tlds")
            .and_then(|s| s.get("about"))
            .is_none());
        assert!(Profile::generic()
            .section("tlds")
            .and_then(|s| s.get("fileable"))
            .is_some());
    }

    #[test]
    fn overrides_merge_by_key() {
        let p = profile(r#"{"extends":"generic","name":"acme","provinces":{"byProvince":{"31":{"domainMinDays":200},"11":{"minAgePersonal":18}}}}"#).unwrap();
        let by = p
            .section("provinces")
            .and_then(|s| s.get("byProvince"))
            .unwrap();
        assert_eq!(
            by.get("31").and_then(|e| e.get("domainMinDays")),
            Some(&Json::Num(200.0))
        );
        // 31's other keys survive; 11 is new and starts from "*".
        assert_eq!(
            by.get("31").and_then(|e| e.get("licenseMinMonths")),
            Some(&Json::Num(6.0))
        );
        assert_eq!(
            by.get("11").and_then(|e| e.get("certMinMonths")),
            Some(&Json::Num(3.0))
        );
        assert_eq!(p.name, "acme");
    }

    #[test]
    fn invalid_profiles_name_the_key() {
        for (text, key) in [
            (r#"{"extends":"aliyun"}"#, "extends"),
            (r#"{"provincez":{}}"#, "provincez"),
            (
                r#"{"provinces":{"byProvince":{"31":{"domainMinDays":"180"}}}}"#,
                "provinces.byProvince.31.domainMinDays",
            ),
            (r#"{"provinces":{"source+":["x"]}}"#, "provinces.source+"),
            (
                r#"{"patterns":[{"kind":"mobile","pattern":"(","message":{"zh-CN":"x"}}]}"#,
                "patterns[0].pattern",
            ),
            (
                r#"{"patterns":[{"kind":"nope","pattern":"a","message":{"zh-CN":"x"}}]}"#,
                "patterns[0].kind",
            ),
            (
                r#"{"patterns":[{"kind":"mobile","pattern":"a"}]}"#,
                "patterns[0].message",
            ),
            (
                r#"{"patterns":[{"kind":"mobile","pattern":"a","message":{"fr":"x"}}]}"#,
                "patterns[0].message.fr",
            ),
            (r#"[]"#, "profile"),
        ] {
            let err = profile(text).unwrap_err();
            assert!(err.starts_with(key), "{text}: {err}");
        }
    }

    #[test]
    fn patterns_compile_with_fallback_text() {
        let p = profile(r#"{"patterns":[{"kind":"email","pattern":"@example\\.com$","code":"acme.email.example","severity":"warning","message":{"zh-CN":"不要用示例邮箱","en":"Not the example domain"}}]}"#).unwrap();
        let fp = p.patterns_for("email").next().unwrap();
        assert_eq!(fp.text.message[1], "不要用示例邮箱");
        assert_eq!(fp.severity, Severity::Warning);
        assert!(fp.pattern.is_match("a@example.com"));
    }

    /// The registry is one per process: its tests take turns.
    static REGISTRY_TESTS: std::sync::Mutex<()> = std::sync::Mutex::new(());

    #[test]
    fn the_registry_evicts_the_least_recently_used() {
        let _turn = REGISTRY_TESTS.lock().unwrap_or_else(|e| e.into_inner());
        // Issue 17: past 64 distinct profiles every new one was refused.
        let keep = register(r#"{"name":"keep"}"#).unwrap();
        let first = register(r#"{"name":"lru0"}"#).unwrap();
        for i in 1..2 * MAX_REGISTERED {
            register(&format!(r#"{{"name":"lru{i}"}}"#)).unwrap();
            registered(keep).unwrap(); // in use: never the oldest
        }
        assert!(registered(first).is_none(), "evicted");
        assert_eq!(registered(keep).unwrap().name, "keep");
        let again = register(r#"{"name":"lru0"}"#).unwrap();
        assert_ne!(again, first, "a new id: the old one stays unknown");
        assert_eq!(registered(again).unwrap().name, "lru0");
    }

    #[test]
    fn huge_profiles_are_refused_with_the_key() {
        let many: Vec<String> = (0..=MAX_LIST).map(|i| format!("\"t{i}\"")).collect();
        let err = profile(&format!(r#"{{"tlds":{{"add":[{}]}}}}"#, many.join(","))).unwrap_err();
        assert_eq!(err, "tlds.add: more than 1000 items");
        let err = profile(&format!(
            r#"{{"words":{{"sensitive":{{"words+":[{}]}}}}}}"#,
            many.join(",")
        ))
        .unwrap_err();
        assert_eq!(err, "words.sensitive.words+: more than 1000 items");
        let long = "字".repeat(MAX_ITEM_BYTES / 3 + 1);
        let err = profile(&format!(r#"{{"tlds":{{"add":["{long}"]}}}}"#)).unwrap_err();
        assert_eq!(err, "tlds.add: an item is longer than 256 bytes");
        let p = r#"{"kind":"mobile","pattern":"1","message":{"zh-CN":"x"}}"#;
        let ps = vec![p; MAX_PATTERNS + 1].join(",");
        let err = profile(&format!(r#"{{"patterns":[{ps}]}}"#)).unwrap_err();
        assert_eq!(err, "patterns: more than 100 patterns");
        assert_eq!(
            register(&format!(r#"{{"name":"{}"}}"#, "x".repeat(MAX_PROFILE_TEXT))),
            Err("profile JSON longer than 1 MiB".into())
        );
        // An error quotes at most 40 characters of a key.
        let err = profile(&format!(r#"{{"{}":1}}"#, "k".repeat(100_000))).unwrap_err();
        assert!(err.len() < 300, "{}", err.len());
    }

    #[test]
    fn an_oversized_pattern_is_refused_naming_it() {
        let err = profile(
            r#"{"patterns":[{"kind":"mobile","pattern":"1","message":{"zh-CN":"x"}},{"kind":"mobile","pattern":"(?:.{100}){100}","message":{"zh-CN":"x"}}]}"#,
        )
        .unwrap_err();
        assert!(
            err.starts_with("patterns[1].pattern: pattern too large"),
            "{err}"
        );
    }

    #[test]
    fn registry_dedupes() {
        let _turn = REGISTRY_TESTS.lock().unwrap_or_else(|e| e.into_inner());
        let a = register(r#"{"name":"r1"}"#).unwrap();
        assert_eq!(register(r#"{"name":"r1"}"#).unwrap(), a);
        assert_eq!(
            registered(a).map(|p| p.name.clone()),
            Some("r1".to_string())
        );
        assert!(register("{bad").is_err());
    }
}
