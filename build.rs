//! Splits the message catalog (`src/i18n/*.tsv`: key, zh-CN, zh-TW, en) into
//! one file per locale in OUT_DIR: `key<TAB>message[<TAB>hint]` lines
//! sorted by key. Native builds embed all
//! three; the wasm build embeds only zh-CN and loads the others on demand
//! (scripts/gen-locales.mjs writes the same split as JS chunks), so a page
//! downloads the text of its own language only.
// src/json.rs (included below) has `cfg_attr(vision_only, …)`: a cfg of the
// library, which this script declares for it (rustc-check-cfg), not for itself.
#![allow(unexpected_cfgs)]
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

// The crate's own JSON reader/writer, reused to compact the profile data.
// It uses `crate::rt` (the crate is no_std on wasm32: prelude, `cat!`, float
// helpers), so that module comes along.
extern crate alloc;
#[allow(dead_code)]
#[path = "src/json.rs"]
mod json;
#[allow(dead_code, unused_imports, unused_macros)]
#[path = "src/rt.rs"]
mod rt;

include!("src/prose_keys.rs");

fn strip(v: json::Json) -> json::Json {
    match v {
        json::Json::Obj(items) => json::Json::Obj(
            items
                .into_iter()
                .filter(|(k, _)| !PROSE_KEYS.contains(&k.as_str()))
                .map(|(k, v)| (k, strip(v)))
                .collect(),
        ),
        json::Json::Arr(items) => json::Json::Arr(items.into_iter().map(strip).collect()),
        other => other,
    }
}

/// In the compiled `tlds` section, a `fileable` row whose ASCII form is the
/// suffix itself (`["com","com","TGB"]`, most rows) is written without it
/// (`["com","TGB"]`); profile.rs puts the column back when it loads.
fn compact_tlds(v: &mut json::Json) {
    let json::Json::Obj(items) = v else { return };
    for (k, rows) in items {
        let (true, json::Json::Arr(rows)) = (k == "fileable", rows) else {
            continue;
        };
        for row in rows {
            if let json::Json::Arr(cols) = row {
                if cols.len() == 3 && cols[0] == cols[1] {
                    cols.remove(1);
                }
            }
        }
    }
}

/// Removes the ID-card analysis' settings from the `images` section:
/// `card` and every slot's `cardSide`. Builds without the `vision` feature
/// (the npm package's full wasm) never read them; js/core.js gives such a
/// module a provider profile without them too, and the vision module gets
/// them (docs/id-card.md "Profiles").
fn strip_vision(v: &mut json::Json) {
    let json::Json::Obj(items) = v else { return };
    items.retain(|(k, _)| k != "card");
    for (k, slots) in items.iter_mut() {
        if let (true, json::Json::Obj(slots)) = (k == "slots", slots) {
            for (_, slot) in slots.iter_mut() {
                if let json::Json::Obj(keys) = slot {
                    keys.retain(|(k, _)| k != "cardSide");
                }
            }
        }
    }
}

/// Writes OUT_DIR/profile-<section>.json: each data/profile file, compact
/// and without prose. A file that does not parse is copied as is (the
/// profile tests then fail loudly).
fn compact_profile(out: &Path, vision: bool) {
    println!("cargo:rerun-if-changed=data/profile");
    for entry in fs::read_dir("data/profile")
        .expect("data/profile")
        .flatten()
    {
        let path = entry.path();
        let (Some(stem), Some("json")) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.extension().and_then(|s| s.to_str()),
        ) else {
            continue;
        };
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("profile section");
        let compact = json::parse(&text)
            .map(|v| {
                let mut v = strip(v);
                if stem == "tlds" {
                    compact_tlds(&mut v);
                }
                if stem == "images" && !vision {
                    strip_vision(&mut v);
                }
                v.to_text()
            })
            .unwrap_or(text);
        fs::write(out.join(format!("profile-{stem}.json")), compact)
            .expect("write profile section");
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src/i18n");
    let mut files: Vec<_> = fs::read_dir("src/i18n")
        .expect("src/i18n")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    // The fields-only wasm (feature `kinds` alone) leaves out the text of
    // the form, image, footer and IDNA findings, which it never renders;
    // the full one leaves out the pending IDN message, which it never gives.
    let has = |f: &str| std::env::var_os(format!("CARGO_FEATURE_{f}")).is_some();
    // The vision wasm (feature `vision` alone: checkImagePixels with the
    // ID-card analysis) renders only the whole-frame pixel findings
    // (pixels.tsv) and the card's (card.tsv): its embedded catalog and
    // generic profile keep only what those need (`cfg(vision_only)`). The
    // file-level image rows (image.tsv: formats, bytes, EXIF, shape) and the
    // shared ones (common.tsv) are never rendered there (~1.5 KB gz).
    println!("cargo::rustc-check-cfg=cfg(vision_only)");
    let vision_only = has("VISION") && !has("KINDS") && !has("FORM") && !has("MEDIA");
    if vision_only {
        println!("cargo::rustc-cfg=vision_only");
    }
    files.retain(|p| match p.file_stem().and_then(|s| s.to_str()) {
        Some("pixels") | Some("card") if vision_only => true,
        _ if vision_only => false,
        Some("form") => has("FORM"),
        Some("image") | Some("pixels") => has("MEDIA") || has("VISION"),
        Some("card") => has("VISION"),
        Some("footer") => has("MEDIA"),
        Some("idna") => has("IDNA"),
        Some("idn-pending") => !has("IDNA"),
        _ => true,
    });
    // One row per code: `key<TAB>message` or `key<TAB>message<TAB>hint`
    // (the TSV's `key#hint` row joins its message's row), sorted by key
    // (byte order, as `str`'s Ord: the runtime binary-searches, never sorts).
    // [message, hint] texts per locale; an empty message: a hint without one.
    let mut rows: BTreeMap<String, [[Option<String>; 2]; 3]> = BTreeMap::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let text = fs::read_to_string(f).expect("catalog file");
        for line in text.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                continue; // the i18n tests report malformed rows
            }
            let (key, part) = match cols[0].strip_suffix("#hint") {
                Some(base) => (base, 1),
                None => (cols[0], 0),
            };
            let row = rows.entry(key.to_string()).or_default();
            for (i, texts) in row.iter_mut().enumerate() {
                texts[part] = Some(cols[i + 1].to_string());
            }
        }
    }
    let mut out = [String::new(), String::new(), String::new()];
    for (key, row) in &rows {
        for (o, [message, hint]) in out.iter_mut().zip(row) {
            o.push_str(key);
            o.push('\t');
            o.push_str(message.as_deref().unwrap_or(""));
            if let Some(hint) = hint {
                o.push('\t');
                o.push_str(hint);
            }
            o.push('\n');
        }
    }
    let dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    compact_profile(Path::new(&dir), has("VISION"));
    for (tag, text) in ["zh-CN", "zh-TW", "en"].iter().zip(out.iter()) {
        fs::write(Path::new(&dir).join(format!("catalog-{tag}.tsv")), text).expect("write catalog");
    }
}
