//! Options every check takes (`CheckOptions` in the JS API), and their
//! parsing from JSON. A malformed option is a programming error: the error
//! string becomes a `TypeError` in JS.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::date::Date;
use crate::i18n::Locale;
use crate::json::Json;
use crate::profile::Profile;
use crate::province::Province;
use alloc::sync::Arc;
use core::cell::Cell;

/// The kind of filing subject (主办单位性质, simplified).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectType {
    /// 个人
    Personal,
    /// 企业
    Enterprise,
    /// 政府机关
    Government,
    /// 事业单位
    Institution,
    /// 社会团体
    SocialOrg,
    /// Anything else (民办非企业单位, 基金会, …)
    Other,
}

impl SubjectType {
    /// Every subject type with its API name.
    pub const ALL: [(SubjectType, &'static str); 6] = [
        (SubjectType::Personal, "personal"),
        (SubjectType::Enterprise, "enterprise"),
        (SubjectType::Government, "government"),
        (SubjectType::Institution, "institution"),
        (SubjectType::SocialOrg, "social_org"),
        (SubjectType::Other, "other"),
    ];

    /// Parses the API name.
    pub fn parse(s: &str) -> Option<SubjectType> {
        SubjectType::ALL
            .iter()
            .find(|(_, n)| *n == s)
            .map(|(t, _)| *t)
    }

    /// The API name.
    pub fn name(self) -> &'static str {
        SubjectType::ALL
            .iter()
            .find(|(t, _)| *t == self)
            .map(|(_, n)| *n)
            .unwrap_or("other")
    }
}

/// The keys [`Options::from_json`] reads, by the index its match uses:
/// `partial` (boolean), `profile`, then the string options.
const OPTION_KEYS: [&str; 6] = [
    "partial",
    "profile",
    "locale",
    "today",
    "subjectType",
    "province",
];

/// Options for every check.
#[derive(Clone, Debug)]
pub struct Options {
    /// Message language.
    pub locale: Locale,
    /// The date ages and expiry are judged on.
    pub today: Date,
    /// The filing subject's type, for subject-dependent rules.
    pub subject_type: Option<SubjectType>,
    /// The filing province (the vision module checks it and keeps none).
    pub province: Option<&'static Province>,
    /// The value is still being typed: an incomplete but possible value gets no error.
    pub partial: bool,
    /// The provider profile (the generic one by default).
    pub profile: Arc<Profile>,
    /// Pattern steps spent by this call so far (a checkForm walk shares
    /// its one copy of the options; [`crate::check::PATTERN_WORK`] is the budget).
    pub work: Cell<u64>,
    /// UTF-16 lengths of texts the JS wrapper cut before passing them
    /// (internal option `$lengths`: path → length as given; `""` for a
    /// checkField value or checkFooter's HTML). docs/limits.md.
    pub lengths: Json,
    /// The checkField value was a JS number too large to be exact
    /// (internal option `$inexact`).
    pub inexact: bool,
}

impl Options {
    /// Defaults with the given date (native callers; tests pin the date).
    pub fn on(today: Date) -> Options {
        Options {
            locale: Locale::ZhCn,
            today,
            subject_type: None,
            province: None,
            partial: false,
            profile: Profile::generic(),
            work: Cell::new(0),
            lengths: Json::Null,
            inexact: false,
        }
    }

    /// Defaults, judged on today's date (UTC, from the system clock).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new() -> Options {
        Options::on(Date::today())
    }

    /// Parses a `CheckOptions` object. `today` is required here when not
    /// given in `json` (the JS binding passes the browser's local date).
    pub fn from_json(json: &Json, default_today: Date) -> Result<Options, String> {
        let mut o = Options::on(default_today);
        let entries = match json {
            Json::Null => return Ok(o),
            Json::Obj(entries) => entries,
            other => return Err(cat!("options must be an object, not ", other.type_name())),
        };
        for (key, value) in entries {
            let key = key.as_str();
            // Set by the JS wrapper (js/core.js) when it cut a text or a list.
            if key == "$lengths" {
                o.lengths = value.clone();
                continue;
            }
            if key == "$inexact" {
                o.inexact = value.as_bool() == Some(true);
                continue;
            }
            // Options of other entry points (images, footer) pass through here unharmed.
            let Some(k) = OPTION_KEYS.iter().position(|n| *n == key) else {
                continue;
            };
            match (k, value) {
                (_, Json::Null) => {}
                (0, Json::Bool(b)) => o.partial = *b,
                (0, _) => return Err(not_a(key, "boolean", value)),
                (1, _) => o.profile = profile(value)?,
                (_, Json::Str(t)) => {
                    #[cfg(vision_only)]
                    let bad = |what: &str| not_value(key, t, what);
                    // (The other builds inline the message as before:
                    // one function there grew the fields module by 13 B.)
                    #[cfg(not(vision_only))]
                    let bad = |what: &str| cat!("options.", key, " '", clip(t), "' is not ", what);
                    match k {
                        2 => o.locale = locale(t, "options.locale")?,
                        3 => o.today = Date::parse(t).ok_or_else(|| bad("a date (YYYY-MM-DD)"))?,
                        4 => {
                            o.subject_type = Some(SubjectType::parse(t).ok_or_else(|| {
                                bad("one of personal, enterprise, government, institution, social_org, other")
                            })?)
                        }
                        _ => {
                            let what = "a province (e.g. '京', '北京', '北京市' or '11')";
                            // The vision module checks the option on the packed
                            // table and keeps no province: nothing it checks
                            // reads it (province.rs, `packed`).
                            #[cfg(vision_only)]
                            crate::province::packed::parse(t).ok_or_else(|| bad(what))?;
                            #[cfg(not(vision_only))]
                            {
                                o.province = Some(Province::parse(t).ok_or_else(|| bad(what))?)
                            }
                        }
                    }
                }
                _ => return Err(not_a(key, "string", value)),
            }
        }
        Ok(o)
    }
}

impl Options {
    /// The length of the text or list at `path` as the caller gave it, when
    /// the JS wrapper cut it before passing it (else `None`: it is whole).
    pub fn given_length(&self, path: &str) -> Option<u32> {
        let n = self.lengths.get(path)?.as_f64()?;
        (0.0..4.0e9).contains(&n).then_some(n as u32)
    }
}

/// At most the first 40 characters of `s`: what an error message may
/// quote of a caller's value (never a pasted document).
pub fn clip(s: &str) -> &str {
    let mut chars = 0;
    for (i, b) in s.bytes().enumerate() {
        if b & 0xC0 != 0x80 {
            // A character starts here.
            if chars == 40 {
                return s.get(..i).unwrap_or(s);
            }
            chars += 1;
        }
    }
    s
}

/// `options.<key> '<value>' is not <what>`: called, not inlined, in the
/// vision build (its three callers had two copies of the message's
/// pieces).
#[cfg(vision_only)]
#[inline(never)]
fn not_value(key: &str, t: &str, what: &str) -> String {
    cat!("options.", key, " '", clip(t), "' is not ", what)
}

/// `options.<key> must be a <what>, not <type>` (also for the options of
/// checkFooter and checkImage).
pub fn not_a(key: &str, what: &str, value: &Json) -> String {
    cat!(
        "options.",
        key,
        " must be a ",
        what,
        ", not ",
        value.type_name()
    )
}

/// `s.trim()`, for the parsers of option values (dates, provinces, locales)
/// and of the options text. A module with checkForm or the footer check
/// links `str::trim` anyway and uses it; the fields-only module gets
/// [`trim_forward`], smaller than `str::trim_matches`'s two-way search.
pub(crate) fn trim(s: &str) -> &str {
    if cfg!(any(feature = "form", feature = "media")) {
        s.trim()
    } else {
        trim_forward(s)
    }
}

/// `s.trim()` (Unicode white space off both ends) in one forward pass.
fn trim_forward(s: &str) -> &str {
    let (mut start, mut end) = (None, 0);
    for (i, c) in s.char_indices() {
        if !c.is_whitespace() {
            start.get_or_insert(i);
            end = i + c.len_utf8();
        }
    }
    s.get(start.unwrap_or(0)..end).unwrap_or("")
}

/// A locale tag whose messages are loaded; `what` names the argument in
/// the error (`options.locale`, `locale`).
pub fn locale(tag: &str, what: &str) -> Result<Locale, String> {
    let Some(locale) = Locale::parse(tag) else {
        return Err(cat!(
            what,
            " '",
            clip(tag),
            "' is not supported; use 'zh-CN', 'zh-TW' or 'en'"
        ));
    };
    if !crate::i18n::is_loaded(locale) {
        let tag = locale.tag();
        return Err(cat!(
            what,
            ": the ",
            tag,
            " messages are not loaded; await loadLocale('",
            tag,
            "') first (init() loads every locale unless told otherwise)"
        ));
    }
    Ok(locale)
}

/// The `profile` option: `'generic'`, a registered `{"$ref": id}` or a profile object.
fn profile(value: &Json) -> Result<Arc<Profile>, String> {
    match value {
        Json::Str(name) if name == "generic" => Ok(Profile::generic()),
        Json::Str(name) => Err(cat!(
            "options.profile: unknown profile '",
            clip(name),
            "' (built in: 'generic'; or pass a profile object)"
        )),
        Json::Obj(items) if items.len() == 1 && items.iter().any(|(k, _)| k == "$ref") => {
            let id = value.get("$ref").and_then(Json::as_f64).unwrap_or(-1.0);
            crate::profile::registered(id as usize)
                .filter(|_| id >= 0.0)
                .ok_or_else(|| owned("options.profile: unknown profile reference"))
        }
        Json::Obj(_) => Profile::from_json(value)
            .map(Arc::new)
            .map_err(|e| cat!("options.profile: ", e)),
        other => Err(not_a("profile", "profile name or object", other)),
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Options {
    fn default() -> Self {
        Options::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn d() -> Date {
        Date::parse("2026-11-27").unwrap()
    }

    #[test]
    fn parses_options() {
        let j = parse(r#"{"locale":"en","today":"2020-01-02","province":"蜀","partial":true,"subjectType":"personal"}"#).unwrap();
        let o = Options::from_json(&j, d()).unwrap();
        assert_eq!(o.locale, Locale::En);
        assert_eq!(o.today.to_string(), "2020-01-02");
        assert_eq!(o.province.map(|p| p.code), Some(51));
        assert!(o.partial);
        assert_eq!(o.subject_type, Some(SubjectType::Personal));
    }

    #[test]
    fn trim_forward_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\u{3000}京\u{3000}",
            "\t\n x y \r\n",
            "\u{a0}\u{2028}z\u{85}",
            "中 文",
            "  \u{200b}a\u{200b} ",
            "\u{feff}x",
        ] {
            assert_eq!(trim_forward(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn bad_options_name_the_key() {
        for (text, key) in [
            (r#"{"locale":"fr"}"#, "locale"),
            (r#"{"today":"2020-02-30"}"#, "today"),
            (r#"{"province":"火星"}"#, "province"),
            (r#"{"partial":"yes"}"#, "partial"),
            (r#"{"subjectType":"alien"}"#, "subjectType"),
            (r#"[]"#, "options"),
        ] {
            let err = Options::from_json(&parse(text).unwrap(), d()).unwrap_err();
            assert!(err.contains(key), "{err}");
        }
    }
}
