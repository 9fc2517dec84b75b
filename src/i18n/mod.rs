//! The message catalog: finding code → text in zh-CN, zh-TW and en.
//!
//! The catalog is data: tab-separated files next to this module, one per
//! area of the rules (`common.tsv`, `contact.tsv`, `ids.tsv`, …). Each row is
//! `key <TAB> zh-CN <TAB> zh-TW <TAB> en`; the message of a finding is the row
//! keyed by its code, the hint the row keyed `code#hint`. Text may contain
//! `{name}` placeholders filled from the finding's params. Lines starting
//! with `#` and empty lines are ignored. The build joins a code's message
//! and hint into one row per locale (see [`lookup`]).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use crate::rt::OnceLock;

/// A supported locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    /// Simplified Chinese (default).
    #[default]
    ZhCn,
    /// Traditional Chinese.
    ZhTw,
    /// English.
    En,
}

impl Locale {
    /// Every locale, in catalog column order.
    pub const ALL: [Locale; 3] = [Locale::ZhCn, Locale::ZhTw, Locale::En];

    /// The BCP 47 tag used in the API.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::En => "en",
        }
    }

    /// Column index in the catalog.
    pub fn index(self) -> usize {
        match self {
            Locale::ZhCn => 0,
            Locale::ZhTw => 1,
            Locale::En => 2,
        }
    }

    /// Resolves a tag leniently, the way `<html lang>` values come:
    /// `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant*` → zh-TW; other `zh*` → zh-CN;
    /// `en*` → en. Anything else is `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let mut t = String::new();
        for c in crate::options::trim(tag).chars() {
            t.put_char(if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            });
        }
        if t == "zh" || t.starts_with("zh-") {
            if crate::text::contains(&t, "hant")
                || t.ends_with("-tw")
                || t.ends_with("-hk")
                || t.ends_with("-mo")
            {
                Some(Locale::ZhTw)
            } else {
                Some(Locale::ZhCn)
            }
        } else if t == "en" || t.starts_with("en-") {
            Some(Locale::En)
        } else {
            None
        }
    }
}

/// The catalog sources, for the tests that check every row.
#[cfg(test)]
const SOURCES: &[&str] = &[
    include_str!("common.tsv"),
    include_str!("contact.tsv"),
    include_str!("ids.tsv"),
    include_str!("site.tsv"),
    include_str!("footer.tsv"),
    include_str!("image.tsv"),
    include_str!("pixels.tsv"),
    include_str!("card.tsv"),
    include_str!("form.tsv"),
];

/// Per-locale catalogs split from the TSVs by build.rs: one line per code,
/// `key<TAB>message` or `key<TAB>message<TAB>hint`, sorted by key.
/// zh-CN is always embedded; the wasm build leaves zh-TW and en out (they
/// arrive through [`load_catalog`]) to keep the first download small.
const EMBEDDED: [Option<&str>; 3] = [
    Some(include_str!(concat!(env!("OUT_DIR"), "/catalog-zh-CN.tsv"))),
    #[cfg(not(target_arch = "wasm32"))]
    Some(include_str!(concat!(env!("OUT_DIR"), "/catalog-zh-TW.tsv"))),
    #[cfg(target_arch = "wasm32")]
    None,
    #[cfg(not(target_arch = "wasm32"))]
    Some(include_str!(concat!(env!("OUT_DIR"), "/catalog-en.tsv"))),
    #[cfg(target_arch = "wasm32")]
    None,
];

type Row = (&'static str, &'static str);

static CATALOGS: [OnceLock<Vec<Row>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// The rows of a `key<TAB>text` catalog, which must come sorted by key
/// (build.rs and scripts/gen-locales.mjs sort them; lookups binary-search).
/// An unsorted or duplicated key refuses the whole catalog: `None`, so the
/// locale stays unloaded (loudly: `loadLocale` throws) instead of some keys
/// silently not being found.
fn parse(text: &'static str) -> Option<Vec<Row>> {
    let mut rows: Vec<Row> = Vec::new();
    // Lines as `str::lines` cuts them (a trailing `\r` dropped); a line
    // without a tab (the empty one after the last newline) is no row.
    for line in crate::text::pieces(text, b'\n') {
        let line = crate::text::strip_last(line, b'\r').unwrap_or(line);
        if let Some(row) = crate::text::cut(line, b'\t') {
            if rows.last().is_some_and(|last| last.0 >= row.0) {
                return None;
            }
            rows.push(row);
        }
    }
    Some(rows)
}

fn catalog(locale: Locale) -> Option<&'static [Row]> {
    let slot = CATALOGS.get(locale.index())?;
    if let Some(rows) = slot.get() {
        return Some(rows);
    }
    let rows = parse(EMBEDDED.get(locale.index()).copied().flatten()?)?;
    Some(slot.get_or_init(|| rows))
}

/// True when the locale's messages are available (always, natively).
pub fn is_loaded(locale: Locale) -> bool {
    catalog(locale).is_some()
}

/// Supplies a locale's catalog (`key<TAB>message[<TAB>hint]` lines sorted
/// by key, as the JS locale chunks carry it). Returns the number of entries (0: refused,
/// not sorted); a second load of the same locale keeps the first.
pub fn load_catalog(locale: Locale, text: &str) -> usize {
    if let Some(rows) = catalog(locale) {
        return rows.len();
    }
    // Loaded once per locale for the life of the page: leaking gives the
    // rows a 'static lifetime like the embedded catalogs.
    let text: &'static str = Box::leak(text.to_string().into_boxed_str());
    match (CATALOGS.get(locale.index()), parse(text)) {
        (Some(slot), Some(rows)) => slot.get_or_init(|| rows).len(),
        _ => 0,
    }
}

/// The raw catalog text for `key` (a code, or `code#hint` for its hint), if
/// present. A locale that is not loaded falls back to zh-CN (the JS wrapper
/// refuses such calls before they get here).
pub fn lookup(key: &str, locale: Locale) -> Option<&'static str> {
    match key.strip_suffix("#hint") {
        Some(code) => text(code, locale, true),
        None => text(key, locale, false),
    }
}

/// The message (or with `hint`, the hint) of `code`: its row holds
/// `message` or `message<TAB>hint`. An empty text is no text.
fn text(code: &str, locale: Locale, hint: bool) -> Option<&'static str> {
    let rows = catalog(locale).or_else(|| catalog(Locale::ZhCn))?;
    let row = rows
        .binary_search_by(|r| r.0.cmp(code))
        .ok()
        .and_then(|i| rows.get(i))?
        .1;
    let (message, hint_text) = crate::text::cut(row, b'\t').unwrap_or((row, ""));
    let t = if hint { hint_text } else { message };
    (!t.is_empty()).then_some(t)
}

/// Every catalog row with its three texts (tests: needs all three locales).
#[cfg(test)]
fn entries() -> Vec<(&'static str, [&'static str; 3])> {
    let mut out = Vec::new();
    for source in SOURCES {
        for line in source
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let c: Vec<&'static str> = line.split('\t').collect();
            if let [k, a, b, e] = c[..] {
                out.push((k, [a, b, e]));
            }
        }
    }
    out
}

/// Fills `{name}` placeholders from `params`; unknown placeholders stay as typed.
/// A param whose name ends in `_label` holds a catalog key (e.g. `field.mobile`)
/// and is rendered in `locale`, so findings stay locale-free until rendering.
pub fn fill_in(template: &str, params: &[(&'static str, String)], locale: Locale) -> String {
    fill_with(template, params, Some(locale))
}

/// [`fill_in`] without label rendering (`_label` params are inserted as given).
pub fn fill(template: &str, params: &[(&'static str, String)]) -> String {
    fill_with(template, params, None)
}

fn fill_with(template: &str, params: &[(&'static str, String)], locale: Option<Locale>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        out.put(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        match after.bytes().position(|b| b == b'}') {
            Some(close) => {
                let name = after.get(..close).unwrap_or("");
                match params.iter().find(|(k, _)| *k == name) {
                    Some((k, v)) if k.ends_with("_label") => {
                        match locale.and_then(|l| lookup(v, l)) {
                            Some(label) => out.put(label),
                            None => out.put(v),
                        }
                    }
                    Some((_, v)) => out.put(v),
                    None => {
                        out.put_char('{');
                        out.put(name);
                        out.put_char('}');
                    }
                }
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.put_char('{');
                rest = after;
            }
        }
    }
    out.put(rest);
    out
}

/// Renders a catalog entry with params; a missing entry renders as the key
/// itself (the catalog tests make sure that never ships).
pub fn render(key: &str, locale: Locale, params: &[(&'static str, String)]) -> String {
    match lookup(key, locale) {
        Some(t) => fill_in(t, params, locale),
        None => owned(key),
    }
}

/// Renders a hint (`code#hint`); empty when the code has none.
pub fn render_hint(code: &str, locale: Locale, params: &[(&'static str, String)]) -> String {
    text(code, locale, true)
        .map(|t| fill(t, params))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_three_texts_and_unique_key() {
        let mut seen = std::collections::HashSet::new();
        for source in SOURCES {
            for (n, line) in source.lines().enumerate() {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                assert_eq!(
                    cols.len(),
                    4,
                    "line {}: {line:?} needs key + 3 texts",
                    n + 1
                );
                assert!(
                    cols.iter().all(|c| !c.trim().is_empty()),
                    "empty text in {line:?}"
                );
                assert!(seen.insert(cols[0]), "duplicate key {}", cols[0]);
            }
        }
    }

    #[test]
    fn placeholders_match_across_locales() {
        for (key, texts) in entries() {
            let names = |t: &str| {
                let mut v: Vec<String> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(
                names(texts[0]),
                names(texts[1]),
                "{key}: zh-TW placeholders differ"
            );
            assert_eq!(
                names(texts[0]),
                names(texts[2]),
                "{key}: en placeholders differ"
            );
        }
    }

    /// The three locales of a text state the same numbers (issue 16 item 9:
    /// a hint that says "6 位" in Chinese and "six" in English drifts apart
    /// unseen). Digit runs outside placeholders, compared as sorted lists;
    /// a comma between digits is a thousands separator (English "20,000").
    #[test]
    fn numbers_match_across_locales() {
        fn numbers(t: &str) -> Vec<String> {
            let mut out = Vec::new();
            let (mut run, mut depth) = (String::new(), 0);
            let chars: Vec<char> = t.chars().chain(core::iter::once(' ')).collect();
            for (i, &c) in chars.iter().enumerate() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                let separator = c == ','
                    && !run.is_empty()
                    && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                if depth == 0 && c.is_ascii_digit() {
                    run.push(c);
                } else if !separator && !run.is_empty() {
                    out.push(core::mem::take(&mut run));
                }
            }
            out.sort();
            out
        }
        let mut bad = Vec::new();
        for (key, texts) in entries() {
            let zh = numbers(texts[0]);
            if numbers(texts[1]) != zh || numbers(texts[2]) != zh {
                bad.push(format!("{key}: {texts:?}"));
            }
        }
        assert!(bad.is_empty(), "numbers differ:\n{}", bad.join("\n"));
    }

    /// Core texts name no UI control (the page or widget showing them may
    /// have no "apply fix" button; the widget adds its own words) and no
    /// developer option or field name such as `icpNumber` (issue 16 item 14).
    #[test]
    fn texts_name_no_button_and_no_option() {
        const UI: &[&str] = &[
            "应用修正",
            "套用修正",
            "点击",
            "點擊",
            "apply the fix",
            "click",
        ];
        let mut bad = Vec::new();
        for (key, texts) in entries() {
            for t in texts {
                let lower = t.to_lowercase();
                if UI.iter().any(|w| lower.contains(w)) {
                    bad.push(format!("{key}: names a button: {t}"));
                }
                // camelCase identifiers outside {placeholders} and URLs
                // (a brand such as iPhone is no option).
                let mut depth = 0;
                let mut word = String::new();
                let mut url = false;
                for (i, c) in t.char_indices().chain(core::iter::once((t.len(), ' '))) {
                    url = (url || t[i..].starts_with("http")) && c.is_ascii_graphic();
                    if url {
                        continue;
                    }
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    if depth == 0 && c.is_ascii_alphabetic() {
                        word.push(c);
                        continue;
                    }
                    let camel = word.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        && word.chars().any(|c| c.is_ascii_uppercase());
                    if camel && word != "iPhone" {
                        bad.push(format!("{key}: names an option ({word}): {t}"));
                    }
                    word.clear();
                }
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn shipped_catalogs_are_sorted() {
        let dir = env!("OUT_DIR");
        for tag in ["zh-CN", "zh-TW", "en"] {
            let text = std::fs::read_to_string(format!("{dir}/catalog-{tag}.tsv")).unwrap();
            let text: &'static str = Box::leak(text.into_boxed_str());
            assert!(
                parse(text).is_some(),
                "catalog-{tag}.tsv is not sorted by key"
            );
        }
        for locale in Locale::ALL {
            assert!(is_loaded(locale), "{}", locale.tag());
        }
    }

    #[test]
    fn every_hint_has_its_message_and_both_are_found() {
        let keys: std::collections::HashSet<&str> = entries().iter().map(|(k, _)| *k).collect();
        for (key, texts) in entries() {
            if let Some(code) = key.strip_suffix("#hint") {
                assert!(keys.contains(code), "{key} without a {code} row");
            }
            for (locale, text) in Locale::ALL.into_iter().zip(texts) {
                assert_eq!(lookup(key, locale), Some(text), "{key} {}", locale.tag());
            }
        }
        assert_eq!(lookup("common.too_long#hint#hint", Locale::ZhCn), None);
        assert_eq!(lookup("nope", Locale::ZhCn), None);
        assert_eq!(render_hint("nope", Locale::En, &[]), "");
    }

    #[test]
    fn an_unsorted_catalog_is_refused() {
        assert_eq!(parse("a\tx\nb\ty\n").map(|r| r.len()), Some(2));
        assert_eq!(parse("b\ty\na\tx\n"), None);
        assert_eq!(parse("a\tx\na\ty\n"), None);
    }

    #[test]
    fn fills_params() {
        let p = vec![("n", "3".to_string())];
        assert_eq!(fill("need {n} more, {x} {", &p), "need 3 more, {x} {");
    }

    #[test]
    fn label_params_render_in_the_locale() {
        let p = vec![("field_label", "kind.mobile".to_string())];
        assert_eq!(fill_in("{field_label}!", &p, Locale::En), "Mobile number!");
    }

    #[test]
    fn parses_locales_leniently() {
        assert_eq!(Locale::parse("zh-Hant-HK"), Some(Locale::ZhTw));
        assert_eq!(Locale::parse("zh"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("en-US"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
    }
}
