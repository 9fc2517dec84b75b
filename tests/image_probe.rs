//! probeImage and checkImage against the generated files in tests/images/
//! (scripts/gen-test-images.py writes them and manifest.json). The Node
//! tests (tests/js/image.test.mjs) run the same manifest through the wasm.
//! Also: every file cut at every byte offset never panics, never invents a
//! size, and asks for more bytes instead of calling a good file broken.

use beian_check::api;
use beian_check::image::probe;
use beian_check::json::{self, Json};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/images")
}

fn manifest() -> Json {
    let text = std::fs::read_to_string(dir().join("manifest.json")).expect("manifest");
    json::parse(&text).expect("manifest parses")
}

fn file(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn probe_json(bytes: &[u8]) -> Json {
    json::parse(&api::probe_image(bytes)).expect("probe output is JSON")
}

fn compare(what: &str, got: &Json, expect: &Json) -> Vec<String> {
    let mut errs = Vec::new();
    for (k, want) in expect.as_object().unwrap() {
        let g = got.get(k);
        let ok = match want {
            Json::Null => g.is_none(),
            w => g == Some(w),
        };
        if !ok {
            errs.push(format!("{what}: {k} = {g:?}, want {want:?}"));
        }
    }
    errs
}

#[test]
fn manifest_cases_probe_as_expected() {
    let m = manifest();
    let mut errs = Vec::new();
    let cases = m.get("cases").and_then(Json::as_array).unwrap();
    assert!(
        cases.len() > 60,
        "the generator makes every format and variant"
    );
    for c in cases {
        let name = c.get("file").and_then(Json::as_str).unwrap();
        errs.extend(compare(
            name,
            &probe_json(&file(name)),
            c.get("expect").unwrap(),
        ));
    }
    for c in m.get("prefixes").and_then(Json::as_array).unwrap() {
        let name = c.get("file").and_then(Json::as_str).unwrap();
        let n = c.get("bytes").and_then(Json::as_f64).unwrap() as usize;
        let bytes = file(name);
        let what = format!("{name}[..{n}]");
        errs.extend(compare(
            &what,
            &probe_json(&bytes[..n]),
            c.get("expect").unwrap(),
        ));
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}

#[test]
fn manifest_checks_give_the_expected_findings() {
    let m = manifest();
    let mut errs = Vec::new();
    for c in m.get("checks").and_then(Json::as_array).unwrap() {
        let name = c.get("file").and_then(Json::as_str).unwrap();
        let slot = c.get("slot").and_then(Json::as_str).unwrap();
        let mut bytes = file(name);
        if let Some(n) = c.get("bytes").and_then(Json::as_f64) {
            bytes.truncate(n as usize);
        }
        let opts = c.get("options").unwrap().to_text();
        let out = json::parse(&api::check_image(slot, &bytes, &opts, "2026-11-27")).unwrap();
        let what = format!("{name} as {slot} {opts}");
        let findings = out
            .get("findings")
            .and_then(Json::as_array)
            .unwrap_or_else(|| panic!("{what}: {out:?}"));
        let mut got: Vec<&str> = findings
            .iter()
            .filter_map(|f| f.get("code").and_then(Json::as_str))
            .collect();
        let mut want: Vec<&str> = c
            .get("codes")
            .and_then(Json::as_array)
            .unwrap()
            .iter()
            .filter_map(Json::as_str)
            .collect();
        got.sort_unstable();
        want.sort_unstable();
        if got != want {
            errs.push(format!("{what}: codes {got:?}, want {want:?}"));
        }
        if out.get("ok") != c.get("ok") {
            errs.push(format!(
                "{what}: ok {:?}, want {:?}",
                out.get("ok"),
                c.get("ok")
            ));
        }
        // The info object is the ImageInfo of the bytes given.
        if out.get("info").and_then(|i| i.get("format")) != probe_json(&bytes).get("format") {
            errs.push(format!("{what}: info.format differs from probeImage"));
        }
        if let Some(Json::Obj(params)) = c.get("params") {
            for (code, want) in params {
                // Params show up in the rendered message; check them through the native API.
                let f = findings
                    .iter()
                    .find(|f| f.get("code").and_then(Json::as_str) == Some(code));
                let msg = f
                    .and_then(|f| f.get("message"))
                    .and_then(Json::as_str)
                    .unwrap_or("");
                for (_, v) in want.as_object().unwrap() {
                    let v = v.as_str().unwrap();
                    if !msg.contains(v) {
                        errs.push(format!("{what}: {code} message {msg:?} lacks {v:?}"));
                    }
                }
            }
        }
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}

/// Every manifest file cut at every length: no panic; a size reported by a
/// prefix is the full file's size; a prefix of a good file is never called
/// invalid and asks for more bytes whenever it cannot tell the size.
#[test]
fn every_truncation_is_safe_and_honest() {
    let m = manifest();
    let mut probes = 0usize;
    let mut errs = Vec::new();
    for c in m.get("cases").and_then(Json::as_array).unwrap() {
        let name = c.get("file").and_then(Json::as_str).unwrap();
        let bytes = file(name);
        let full = probe(&bytes);
        for n in 0..bytes.len() {
            let p = probe(&bytes[..n]);
            probes += 1;
            if p.width.is_some() && (p.width, p.height) != (full.width, full.height) {
                errs.push(format!(
                    "{name}[..{n}]: size {:?}×{:?} ≠ {:?}×{:?}",
                    p.width, p.height, full.width, full.height
                ));
            }
            // A good file: a size, nothing invalid, no bytes missing (a file
            // that itself asks for more is cut off: png-huge-chunk-no-data).
            if full.invalid.is_none() && full.width.is_some() && full.need_bytes.is_none() {
                if p.invalid.is_some() {
                    errs.push(format!("{name}[..{n}]: prefix called {:?}", p.invalid));
                }
                if p.width.is_none() && !p.need_bytes.is_some_and(|b| b > n as u64) {
                    errs.push(format!(
                        "{name}[..{n}]: no size and needBytes {:?}",
                        p.need_bytes
                    ));
                }
                if let Some(b) = p.need_bytes {
                    if b > bytes.len() as u64 + 16 {
                        errs.push(format!(
                            "{name}[..{n}]: needBytes {b} beyond the file ({})",
                            bytes.len()
                        ));
                    }
                }
            }
            if errs.len() > 20 {
                break;
            }
        }
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    eprintln!("{probes} truncated probes, no panic");
}

/// Deterministic byte flips, inserted lengths and random junk: never a panic.
#[test]
fn corrupted_files_never_panic() {
    let m = manifest();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut count = 0;
    for c in m.get("cases").and_then(Json::as_array).unwrap() {
        let name = c.get("file").and_then(Json::as_str).unwrap();
        let original = file(name);
        let head = original.len().min(400);
        for _ in 0..300 {
            let mut b = original[..head].to_vec();
            if b.is_empty() {
                break;
            }
            for _ in 0..1 + next() % 4 {
                let i = (next() as usize) % b.len();
                b[i] = match next() % 4 {
                    0 => 0xFF,
                    1 => 0x00,
                    2 => b[i] ^ (1 << (next() % 8)),
                    _ => next() as u8,
                };
            }
            let info = probe(&b);
            let _ = api::check_image(
                "idCardFront",
                &b,
                "{\"fileSize\":100000,\"fileName\":\"a.jpg\"}",
                "2026-11-27",
            );
            if let (Some(w), Some(h)) = (info.width, info.height) {
                assert!(w > 0 && h > 0, "{name}: zero size reported");
            }
            count += 1;
        }
    }
    for len in [0usize, 1, 7, 64, 4096] {
        for _ in 0..200 {
            let b: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let _ = probe(&b);
            count += 1;
        }
    }
    eprintln!("{count} corrupted inputs, no panic");
}

#[test]
fn unknown_slot_is_a_type_error_naming_the_slots() {
    let out = api::check_image("passport", b"", "{}", "2026-11-27");
    assert!(
        out.contains("typeError")
            && out.contains("idCardFront")
            && out.contains("domainCertificate"),
        "{out}"
    );
    let bad = api::check_image("other", b"", "{\"fileSize\":\"big\"}", "2026-11-27");
    assert!(
        bad.contains("typeError") && bad.contains("fileSize"),
        "{bad}"
    );
}

/// The widget and the JS wrapper pass a file's first bytes and its last 64
/// KiB, not the file: for every manifest file, cut-off copies of it, and
/// heads of every size, that must give the verdict the whole file gives
/// (when the head holds the header), and never panic.
#[test]
fn head_and_tail_give_the_whole_files_verdict() {
    let m = manifest();
    let mut errs = Vec::new();
    let codes = |out: &str| -> Vec<String> {
        let j = json::parse(out).unwrap();
        let mut v: Vec<String> = j
            .get("findings")
            .and_then(Json::as_array)
            .map(|fs| {
                fs.iter()
                    .filter_map(|f| f.get("code").and_then(Json::as_str).map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    for c in m.get("cases").and_then(Json::as_array).unwrap() {
        let name = c.get("file").and_then(Json::as_str).unwrap();
        let original = file(name);
        for keep in [original.len(), original.len() * 2 / 3, original.len() / 3] {
            let bytes = &original[..keep];
            let whole = codes(&api::check_image("other", bytes, "", "2026-11-27"));
            let tail = &bytes[bytes.len().saturating_sub(65536)..];
            let opts = format!("{{\"fileSize\":{}}}", bytes.len());
            for first in [64usize, 1000, 4096, 65536] {
                // As js/core.js headerCall: more of the head while the header asks for it.
                let mut n = first.min(bytes.len());
                let out = loop {
                    let out =
                        api::check_image_parts("other", &bytes[..n], tail, &opts, "2026-11-27");
                    let j = json::parse(&out).unwrap();
                    let want = j
                        .get("info")
                        .and_then(|i| i.get("needBytes"))
                        .and_then(Json::as_f64);
                    match want {
                        Some(w) if n < bytes.len() && w as usize > n => {
                            n = bytes.len().min((w as usize).max(2 * n))
                        }
                        _ => break out,
                    }
                };
                let parts = codes(&out);
                if parts != whole {
                    errs.push(format!(
                        "{name}[..{keep}] head {first}: {parts:?} ≠ whole {whole:?}"
                    ));
                }
            }
        }
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}
