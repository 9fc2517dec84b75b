//! Reading only (tuning aid, issue 15): the number and the validity of the
//! legible cards of a directory written by `scripts/cardgen/run --rgba`,
//! per mono font, read three ways:
//!
//! - `gt`: the rectifier given the ground-truth corners (the reader alone);
//! - `det2`: the detector's corners, only where they are within 2 % of the
//!   diagonal (the reader on cards the detector found well);
//! - `det`: the detector's corners whatever their error (what ships, less
//!   the judge's `small` gate).
//!
//!     cargo run --release --example card_read -- DIR [--gt] [-v] [--dump FILE] [--png DIR]
//!
//! Per row: legible cards, read exactly (confidence ≥ 0.9 and right),
//! confidently wrong, and the raw text right whatever the confidence.
//!
//! `--all` reads the illegible cards too (counted as legible: for the
//! reader's cost, not its rates); with `-v` each line ends with the
//! detector-corner read's time (`det_ms`), the reader's cost per photo.
use beian_check::image::card::{self, geom::Homography, layout, ocr};
use beian_check::json::{parse, Json};
use std::collections::BTreeMap;

#[path = "cardset/mod.rs"]
mod cardset;

#[path = "common/png.rs"]
mod png;

const MIN_CONF: f64 = 0.9;

#[derive(Default, Clone, Copy)]
struct Row {
    legible: u32,
    exact: u32,
    wrong: u32,
    raw: u32,
    repaired: u32,
    repaired_wrong: u32,
}

fn pt(v: &Json) -> (f64, f64) {
    let a = v.as_array().unwrap();
    (a[0].as_f64().unwrap(), a[1].as_f64().unwrap())
}

fn d(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// Reads the key line with `hm`: (text as the truth spells it, confidence).
fn read(
    rgba: &[u8],
    w: usize,
    h: usize,
    hm: &Homography,
    ppm: f64,
    portrait: bool,
) -> Option<(String, f64, bool)> {
    if portrait {
        ocr::read_number(rgba, w, h, hm, ppm).map(|n| (n.text, n.confidence, n.repaired))
    } else {
        ocr::read_validity(rgba, w, h, hm, ppm)
            .map(|v| (format!("{} {}", v.from, v.until), v.confidence, v.repaired))
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("directory");
    let verbose = args.iter().any(|a| a == "-v");
    let gt_only = args.iter().any(|a| a == "--gt");
    let all = args.iter().any(|a| a == "--all");
    // --dump FILE: one JSON line per legible card with the reader's raw
    // similarities (ground-truth corners), for studying decision rules.
    let mut dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(|f| std::fs::File::create(f).expect("dump file"));
    // --png DIR: the key line rectified with the ground-truth corners (as
    // the reader samples it, 10 px/mm), one PNG per legible card.
    let png_dir = args
        .iter()
        .position(|a| a == "--png")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let names = cardset::truths(dir);
    // (mode, line, font) → row
    let mut times: Vec<f64> = Vec::new();
    let mut stats: BTreeMap<(String, String, String), Row> = BTreeMap::new();
    let mut add =
        |mode: &str, line: &str, font: &str, r: Option<&(String, f64, bool)>, truth: &str| {
            for f in [font, "all"] {
                let e = stats
                    .entry((mode.to_string(), line.to_string(), f.to_string()))
                    .or_default();
                e.legible += 1;
                if let Some((text, conf, rep)) = r {
                    if text == truth {
                        e.raw += 1;
                    }
                    if *conf >= MIN_CONF && *rep {
                        e.repaired += 1;
                        if text != truth {
                            e.repaired_wrong += 1;
                        }
                    }
                    if *conf >= MIN_CONF {
                        if text == truth {
                            e.exact += 1;
                        } else {
                            e.wrong += 1;
                        }
                    }
                }
            }
        };
    for path in names {
        let t = parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(rgba_name) = t.get("rgba").and_then(Json::as_str) else {
            continue;
        };
        if t.get("kind").and_then(Json::as_str) != Some("card")
            || (!all && t.get("legible").and_then(Json::as_bool) != Some(true))
        {
            continue;
        }
        let side = t.get("side").and_then(Json::as_str).unwrap_or("");
        let portrait = side == "portrait";
        if !portrait && side != "emblem" {
            continue;
        }
        let truth = if portrait {
            t.get("number")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string()
        } else {
            let tf = t.get("validFrom").and_then(Json::as_str).unwrap_or("");
            let tu = t.get("validUntil").and_then(Json::as_str).unwrap_or("");
            format!("{tf} {tu}")
        };
        let line = if portrait { "number" } else { "validity" };
        let font = t
            .get("fonts")
            .and_then(|f| f.get("mono"))
            .and_then(Json::as_str)
            .unwrap_or("")
            .to_string();
        let rgba = std::fs::read(path.with_file_name(rgba_name)).unwrap();
        let w = t.get("rgbaWidth").and_then(Json::as_f64).unwrap() as usize;
        let h = t.get("rgbaHeight").and_then(Json::as_f64).unwrap() as usize;
        let tc: Vec<(f64, f64)> = t
            .get("corners1024")
            .and_then(Json::as_array)
            .unwrap()
            .iter()
            .map(pt)
            .collect();
        let q = [tc[0], tc[1], tc[2], tc[3]];
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let mut msg = format!("{name} {line} {font}");
        if let Some(hm) = Homography::from_rect(layout::CARD.0, layout::CARD.1, &q) {
            let ppm = d(q[0], q[1]).min(d(q[3], q[2])) / layout::CARD.0;
            if let Some(dir) = &png_dir {
                let z = if portrait {
                    layout::P_NUMBER
                } else {
                    layout::E_VALIDITY
                };
                let r = card::rectify(&rgba, w, h, &hm, z, 10.0, ppm);
                let rgb: Vec<u8> = (0..r.w * r.h)
                    .flat_map(|i| {
                        let v = r.luma(i % r.w, i / r.w).unwrap_or(0.0) as u8;
                        [v, v, v]
                    })
                    .collect();
                let f = std::path::Path::new(dir).join(format!("{name}.png"));
                png::write_png(&f, r.w, r.h, &rgb);
            }
            let t0 = std::time::Instant::now();
            let r = read(&rgba, w, h, &hm, ppm, portrait);
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
            if let Some(out) = dump.as_mut() {
                use std::io::Write;
                let arr = |v: &[f64; 11]| {
                    let x: Vec<String> = v.iter().map(|f| format!("{f:.4}")).collect();
                    format!("[{}]", x.join(","))
                };
                let body = if portrait {
                    ocr::number_scores(&rgba, w, h, &hm, ppm).map(|sc| {
                        let x: Vec<String> = sc.iter().map(arr).collect();
                        format!("\"scores\":[{}]", x.join(","))
                    })
                } else {
                    ocr::validity_scan(&rgba, w, h, &hm, ppm).map(|v| {
                        let x: Vec<String> = v
                            .digits
                            .iter()
                            .map(|(i, k)| format!("[{i},{}]", arr(k)))
                            .collect();
                        let open = v
                            .open
                            .iter()
                            .map(|o| format!("{o:.3}"))
                            .collect::<Vec<_>>()
                            .join(",");
                        format!(
                            "\"long\":{},\"shape\":{},\"digits\":[{}],\"open\":[{open}]",
                            v.long_term,
                            v.shape_ok,
                            x.join(",")
                        )
                    })
                };
                let defects = t.get("defects").map(|d| d.to_text()).unwrap_or_default();
                let blur = t
                    .get("defectDetail")
                    .and_then(|d| d.get("blur"))
                    .map(|d| d.to_text())
                    .unwrap_or("null".into());
                let em = t.get("keyEm1024").and_then(Json::as_f64).unwrap_or(0.0);
                writeln!(
                    out,
                    "{{\"name\":\"{name}\",\"line\":\"{line}\",\"font\":\"{font}\",\"truth\":\"{truth}\",\"defects\":{defects},\"blur\":{blur},\"em\":{em},\"conf\":{},\"text\":\"{}\",{}}}",
                    r.as_ref().map_or(-1.0, |x| x.1),
                    r.as_ref().map_or("", |x| x.0.as_str()),
                    body.unwrap_or("\"none\":true".into())
                )
                .unwrap();
            }
            add("gt", line, &font, r.as_ref(), &truth);
            if let Some((text, conf, rep)) = &r {
                msg += &format!(" gt[{rep} {} {conf:.2} {text}]", text == &truth);
            }
        }
        if !gt_only {
            let c = card::find(&rgba, w, h);
            let (r, err) = match &c {
                Some(c) => {
                    let err = (0..4).map(|i| d(tc[i], c.corners[i])).fold(0.0, f64::max)
                        / d(tc[0], tc[2]);
                    let t0 = std::time::Instant::now();
                    let r = read(&rgba, w, h, &c.hm, c.ppm, portrait);
                    msg += &format!(" det_ms={:.1}", t0.elapsed().as_secs_f64() * 1000.0);
                    (r, err)
                }
                None => (None, 1.0),
            };
            add("det", line, &font, r.as_ref(), &truth);
            if err <= 0.02 {
                add("det2", line, &font, r.as_ref(), &truth);
            }
            if let Some((text, conf, rep)) = &r {
                msg += &format!(
                    " det[{rep} err={err:.3} {} {conf:.2} {text}]",
                    text == &truth
                );
            }
            if let Some(c) = &c {
                let q: Vec<String> = c
                    .corners
                    .iter()
                    .map(|p| format!("{:.1},{:.1}", p.0, p.1))
                    .collect();
                msg += &format!(" corners={}", q.join(";"));
            }
        }
        if verbose {
            println!("{msg} truth={truth}");
        }
    }
    println!(
        "{:5} {:9} {:17} {:>7} {:>14} {:>6} {:>14} {:>9}",
        "mode", "line", "font", "legible", "read exactly", "wrong", "raw right", "repaired"
    );
    for ((mode, line, font), r) in &stats {
        let pc = |v: u32| 100.0 * v as f64 / r.legible.max(1) as f64;
        println!(
            "{mode:5} {line:9} {font:17} {:7} {:6} {:6.1} % {:6} {:6} {:6.1} % {:4}/{:<4}",
            r.legible,
            r.exact,
            pc(r.exact),
            r.wrong,
            r.raw,
            pc(r.raw),
            r.repaired_wrong,
            r.repaired
        );
    }
    times.sort_by(f64::total_cmp);
    let q =
        |f: f64| times.get(((times.len() as f64 * f) as usize).min(times.len().saturating_sub(1)));
    if let (Some(a), Some(b), Some(c)) = (q(0.5), q(0.95), times.last()) {
        println!("time per line (gt): p50 {a:.2} ms, p95 {b:.2} ms, max {c:.2} ms");
    }
}
