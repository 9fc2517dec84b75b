//! Splits the message catalog (`src/i18n/*.tsv`: key, zh-CN, zh-TW, en) into
//! one `key<TAB>text` file per locale in OUT_DIR. Native builds embed all
//! three; the wasm build embeds only zh-CN and loads the others on demand
//! (scripts/gen-locales.mjs writes the same split as JS chunks), so a page
//! downloads the text of its own language only.
use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src/i18n");
    let mut files: Vec<_> = fs::read_dir("src/i18n")
        .expect("src/i18n")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    // The first browser module (feature `kinds` alone) leaves out the text
    // of the form and image findings, which only the second module renders.
    let has = |f: &str| std::env::var_os(format!("CARGO_FEATURE_{f}")).is_some();
    files.retain(|p| match p.file_stem().and_then(|s| s.to_str()) {
        Some("form") => has("FORM"),
        Some("image") => has("MEDIA"),
        _ => true,
    });
    let mut out = [String::new(), String::new(), String::new()];
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
            for (i, o) in out.iter_mut().enumerate() {
                o.push_str(cols[0]);
                o.push('\t');
                o.push_str(cols[i + 1]);
                o.push('\n');
            }
        }
    }
    let dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    for (tag, text) in ["zh-CN", "zh-TW", "en"].iter().zip(out.iter()) {
        fs::write(Path::new(&dir).join(format!("catalog-{tag}.tsv")), text).expect("write catalog");
    }
}
