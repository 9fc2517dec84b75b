//! Native evaluation of the ID card analysis on a directory written by
//! `scripts/cardgen/run --rgba` (tuning aid; the benchmark of record is
//! `npm run bench`, scripts/bench → bench/card.mjs).
//!
//!     cargo run --release --example card_eval -- /tmp/cards [-v]
use beian_check::json::{parse, Json};
use std::collections::BTreeMap;

#[path = "cardset/mod.rs"]
mod cardset;

use cardset::strings;

/// Share of pixels (alpha > 0) whose three channels are all >= 252.
fn blown(px: &[u8]) -> f64 {
    let (mut n, mut all) = (0usize, 0usize);
    for p in px.chunks_exact(4) {
        if p[3] > 0 {
            all += 1;
            if p[0].min(p[1]).min(p[2]) >= 252 {
                n += 1;
            }
        }
    }
    n as f64 / all.max(1) as f64
}

/// The `-j` line: name, defects, detail, found, findings, the card's measures
/// (3 px/mm) and the whole frame's (512 px), tab-separated.
fn judge_line(
    name: &str,
    t: &Json,
    rgba: &[u8],
    w: usize,
    h: usize,
    found: bool,
    codes: &[String],
) -> String {
    use beian_check::image::pixels::measure;
    let m = |m: beian_check::image::pixels::Metrics| {
        format!(
            "sharp={:.1} mean={:.1} p01={} p99={} color={:.2}",
            m.sharpness, m.mean, m.p01, m.p99, m.colorfulness
        )
    };
    let defects = strings(t, "defects").join(",");
    let detail = t.get("defectDetail").map(Json::to_text).unwrap_or_default();
    let fm = measure(rgba, w, h, 512);
    let frame = m(fm);
    // Edge widths: percentiles 10, 25, 50 per direction, and the count.
    let ew = |quad: &[(f64, f64); 4], rise: f64| {
        use beian_check::image::card::judge::{edge_widths, quantile, Widths};
        let [r, c] = edge_widths(rgba, w, h, quad, rise);
        let q = |v: &Widths, p: f64| quantile(v, p);
        let n = |v: &Widths| v.iter().sum::<u32>();
        format!(
            "ew={:.2},{:.2},{:.2}/{:.2},{:.2},{:.2} n={}/{}",
            q(&r, 0.1),
            q(&r, 0.25),
            q(&r, 0.5),
            q(&c, 0.1),
            q(&c, 0.25),
            q(&c, 0.5),
            n(&r),
            n(&c)
        )
    };
    // RISE=k,floor,mode: the least rise counted, k × contrast (mode 0:
    // p99 − p01, 1: mean − p01), at least floor; the default is judge.rs's.
    let rp: Vec<f64> = std::env::var("RISE")
        .unwrap_or("0.5,10,1".into())
        .split(',')
        .filter_map(|v| v.parse().ok())
        .collect();
    let rise = |m: &beian_check::image::pixels::Metrics| {
        let c = if rp[2] == 1.0 {
            m.mean - f64::from(m.p01)
        } else {
            f64::from(m.p99) - f64::from(m.p01)
        };
        (rp[0] * c).max(rp[1])
    };
    let frame_rise = rise(&fm);
    let frame = format!(
        "{frame} blown={:.4} {}",
        blown(rgba),
        ew(
            &[
                (0.0, 0.0),
                (w as f64, 0.0),
                (w as f64, h as f64),
                (0.0, h as f64)
            ],
            frame_rise
        )
    );
    let mut card = String::from("-");
    if found {
        if let Some(c) = beian_check::image::card::find(rgba, w, h) {
            let cm = measure(&c.whole.px, c.whole.w, c.whole.h, 1024);
            let inset: Vec<(f64, f64)> = [(2.0, 2.0), (83.6, 2.0), (83.6, 52.0), (2.0, 52.0)]
                .iter()
                .filter_map(|&(u, v)| c.hm.map(u, v))
                .collect();
            let e = match inset.as_slice() {
                &[a, b, cc, d] => ew(&[a, b, cc, d], rise(&cm)),
                _ => String::from("ew=-"),
            };
            card = format!(
                "{} {e} blown={:.4} ppm={:.2} side={}",
                m(cm),
                blown(&c.whole.px),
                c.ppm,
                c.side.name()
            );
        }
    }
    let codes: Vec<&str> = codes
        .iter()
        .map(|c| c.trim_start_matches("image."))
        .collect();
    format!(
        "J\t{name}\t{}\t{defects}\t{found}\t{}\tcard: {card}\tframe: {frame}\t{detail}",
        t.get("slot").and_then(Json::as_str).unwrap_or(""),
        codes.join(",")
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("directory");
    let verbose = args.iter().any(|a| a == "-v");
    // -d: also the face evidence of the detected quad (a second detection).
    let diag = args.iter().any(|a| a == "-d");
    // -j: one `J` line per card photo with the judging measures (the
    // card's and the whole frame's) and the generator's defect details.
    let judging = args.iter().any(|a| a == "-j");
    let names = cardset::truths(dir);
    let mut stats: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut bump = |k: &str, hit: bool| {
        let e = stats.entry(k.to_string()).or_insert((0, 0));
        e.1 += 1;
        if hit {
            e.0 += 1;
        }
    };
    let codes = [
        "image.card_cropped",
        "image.card_small",
        "image.glare",
        "image.blurry",
        "image.too_dark",
        "image.overexposed",
        "image.grayscale",
        "image.wrong_side",
    ];
    let mut times = Vec::new();
    for path in names {
        let t = parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(rgba_name) = t.get("rgba").and_then(Json::as_str) else {
            continue;
        };
        let rgba = std::fs::read(path.with_file_name(rgba_name)).unwrap();
        let w = t.get("rgbaWidth").and_then(Json::as_f64).unwrap() as u32;
        let h = t.get("rgbaHeight").and_then(Json::as_f64).unwrap() as u32;
        let slot = t.get("slot").and_then(Json::as_str).unwrap();
        let t0 = std::time::Instant::now();
        let out = beian_check::api::check_image_pixels(
            slot,
            &rgba,
            w,
            h,
            "{\"locale\":\"en\"}",
            "2026-12-01",
        );
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        let r = parse(&out).unwrap();
        let card = r.get("info").and_then(|i| i.get("card"));
        let found_codes: Vec<String> = r
            .get("findings")
            .and_then(Json::as_array)
            .unwrap()
            .iter()
            .map(|f| f.get("code").and_then(Json::as_str).unwrap().to_string())
            .collect();
        let expect = strings(&t, "expect");
        let kind = t.get("kind").and_then(Json::as_str).unwrap_or("");
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let mut line = format!("{name} {slot} {kind}");
        let mono = t
            .get("fonts")
            .and_then(|f| f.get("mono"))
            .and_then(Json::as_str)
            .unwrap_or("")
            .to_string();
        if diag {
            if let Some(c) = beian_check::image::card::find(&rgba, w as usize, h as usize) {
                let f = c.faces;
                line += &format!(
                    " D[sc={:.2} side={} sure={} bg={:.3} photo={:.2} red={:.3} paper={:.2} asp={:.2}]",
                    f.score,
                    f.side.name(),
                    f.sure,
                    f.bg_ink,
                    f.photo,
                    f.red,
                    f.paper_share,
                    c.aspect
                );
                let q: Vec<String> = c
                    .corners
                    .iter()
                    .map(|p| format!("[{:.0},{:.0}]", p.0, p.1))
                    .collect();
                line += &format!(" Q[{}]", q.join(","));
                if let Some(n) = beian_check::image::card::ocr::read_number(
                    &rgba, w as usize, h as usize, &c.hm, c.ppm,
                ) {
                    let truth = t.get("number").and_then(Json::as_str).unwrap_or("");
                    let wrong = n
                        .text
                        .chars()
                        .zip(truth.chars())
                        .filter(|(a, b)| a != b)
                        .count();
                    line += &format!(" R[{} wrong={wrong} c={:.2}]", n.text, n.confidence);
                }
            } else {
                line += " D[none]";
            }
        }
        if kind == "negative" {
            let neg = t.get("negative").and_then(Json::as_str).unwrap_or("");
            bump("negative reported as card", card.is_some());
            bump(&format!("negative reported as card: {neg}"), card.is_some());
            line += &format!(" neg={} card={}", neg, card.is_some());
        } else {
            bump("card found", card.is_some());
            let defects = strings(&t, "defects");
            if defects.is_empty() {
                bump("card found: no defect", card.is_some());
            }
            for d in &defects {
                bump(&format!("card found: {d}"), card.is_some());
            }
            if let Some(c) = card {
                let tc = t.get("corners1024").and_then(Json::as_array).unwrap();
                let pc = c.get("corners").and_then(Json::as_array).unwrap();
                let pt = |v: &Json| {
                    let a = v.as_array().unwrap();
                    (a[0].as_f64().unwrap(), a[1].as_f64().unwrap())
                };
                let d = |a: (f64, f64), b: (f64, f64)| {
                    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
                };
                let diag = d(pt(&tc[0]), pt(&tc[2]));
                let err = (0..4)
                    .map(|i| d(pt(&tc[i]), pt(&pc[i])))
                    .fold(0.0, f64::max)
                    / diag;
                bump("corners within 2%", err <= 0.02);
                let side = c.get("side").and_then(Json::as_str).unwrap_or("");
                let tside = t.get("side").and_then(Json::as_str).unwrap_or("");
                bump("side correct", side == tside);
                line += &format!(" err={:.3} side={side}/{tside}", err);
                let legible = t.get("legible").and_then(Json::as_bool).unwrap_or(false);
                if tside == "portrait" {
                    let truth = t.get("number").and_then(Json::as_str).unwrap_or("");
                    let read = c.get("number").and_then(Json::as_str);
                    let conf = c
                        .get("numberConfidence")
                        .and_then(Json::as_f64)
                        .unwrap_or(-1.0);
                    if legible {
                        bump("number read exactly (legible)", read == Some(truth));
                        bump(
                            &format!("number read exactly (legible): {mono}"),
                            read == Some(truth),
                        );
                    }
                    if let Some(rd) = read {
                        bump("number confidently wrong (of reads)", rd != truth);
                        bump(
                            &format!("number confidently wrong (of reads): {mono}"),
                            rd != truth,
                        );
                    }
                    line += &format!(
                        " num={:?} conf={conf} legible={legible}",
                        read.map(|r| r == truth)
                    );
                } else if tside == "emblem" {
                    let tf = t.get("validFrom").and_then(Json::as_str).unwrap_or("");
                    let tu = t.get("validUntil").and_then(Json::as_str).unwrap_or("");
                    let rf = c.get("validFrom").and_then(Json::as_str);
                    let ru = c.get("validUntil").and_then(Json::as_str);
                    let conf = c
                        .get("validityConfidence")
                        .and_then(Json::as_f64)
                        .unwrap_or(-1.0);
                    if legible {
                        bump(
                            "validity read exactly (legible)",
                            rf == Some(tf) && ru == Some(tu),
                        );
                        bump(
                            &format!("validity read exactly (legible): {mono}"),
                            rf == Some(tf) && ru == Some(tu),
                        );
                    }
                    if rf.is_some() {
                        bump(
                            "validity confidently wrong (of reads)",
                            rf != Some(tf) || ru != Some(tu),
                        );
                        bump(
                            &format!("validity confidently wrong (of reads): {mono}"),
                            rf != Some(tf) || ru != Some(tu),
                        );
                    }
                    line += &format!(
                        " val={:?} conf={conf}",
                        rf.map(|f| f == tf && ru == Some(tu))
                    );
                }
            }
            // Each defect also split by whether the card was found (judged
            // on the card) or not (the whole-frame checks).
            let split = if card.is_some() {
                "card found"
            } else {
                "not found"
            };
            for code in codes {
                let want = expect.iter().any(|e| e == code);
                let got = found_codes.iter().any(|e| e == code);
                let what = if want { "detected" } else { "false alarm" };
                bump(&format!("{code} {what}"), got);
                bump(&format!("{code} {what} | {split}"), got);
                if want != got {
                    line += &format!(" {}{code}", if want { "MISS:" } else { "FA:" });
                }
            }
        }
        if judging && kind != "negative" {
            println!(
                "{}",
                judge_line(
                    &name,
                    &t,
                    &rgba,
                    w as usize,
                    h as usize,
                    card.is_some(),
                    &found_codes
                )
            );
        }
        if verbose {
            // The call's wall time, for finding the slow photos.
            let ms = times.last().copied().unwrap_or(0.0);
            println!("{line} ms={ms:.1}");
        }
    }
    for (k, (hit, n)) in &stats {
        println!(
            "{k:45} {hit:5}/{n:<5} {:6.1} %",
            100.0 * *hit as f64 / (*n).max(1) as f64
        );
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    if !times.is_empty() {
        println!(
            "time p50 {:.1} ms p95 {:.1} ms",
            times[times.len() / 2],
            times[times.len() * 95 / 100]
        );
    }
}
