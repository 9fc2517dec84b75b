//! Detection diagnostics (issue 15): for every card photo of a
//! `scripts/cardgen/run --rgba` directory, where the detection fails —
//! no candidate outline near the truth, a candidate there but rejected by
//! its print, or the card found.
//!
//!     cargo run --release --example card_find -- DIR [-v] [-d defect]
use beian_check::image::card::{self, detect, geom};
use beian_check::json::{parse, Json};
use std::collections::BTreeMap;

type Pt = (f64, f64);

/// The largest corner distance over the truth's diagonal, best of the four
/// cyclic orders and both directions.
fn err(truth: &[Pt; 4], q: &[Pt; 4]) -> f64 {
    let diag = geom::dist(truth[0], truth[2]);
    let mut best = f64::MAX;
    for rev in [false, true] {
        for s in 0..4 {
            let mut e: f64 = 0.0;
            for (i, t) in truth.iter().enumerate() {
                let j = if rev { (s + 4 - i) % 4 } else { (s + i) % 4 };
                e = e.max(geom::dist(*t, q[j]));
            }
            best = best.min(e / diag);
        }
    }
    best
}

/// The face evidence, one line.
fn faces(f: &card::Faces) -> String {
    format!(
        " id={} side={} sure={} sc={:.2} photo={:.2} red={:.2} bg={:.2} dig={:.2}",
        f.id_like as u8,
        f.side.name(),
        f.sure as u8,
        f.score,
        f.photo,
        f.red,
        f.bg_ink,
        f.digits
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("directory");
    let verbose = args.iter().any(|a| a == "-v");
    let only: Option<String> = args
        .iter()
        .position(|a| a == "-d")
        .and_then(|i| args.get(i + 1).cloned());
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().extension().is_some_and(|x| x == "json") {
            names.push(entry.path());
        }
    }
    names.sort();
    let mut stats: BTreeMap<String, u32> = BTreeMap::new();
    for path in names {
        let t = parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if t.get("kind").and_then(Json::as_str) != Some("card") {
            if args.iter().any(|a| a == "-n") {
                let rgba = std::fs::read(path.with_extension("rgba")).unwrap();
                let w = t.get("rgbaWidth").and_then(Json::as_f64).unwrap() as usize;
                let h = t.get("rgbaHeight").and_then(Json::as_f64).unwrap() as usize;
                let name = path.file_stem().unwrap().to_string_lossy().to_string();
                let neg = t.get("negative").and_then(Json::as_str).unwrap_or("");
                if let Some(c) = card::find(&rgba, w, h) {
                    let f = c.faces;
                    println!("N {name} {neg}{}", faces(&f));
                }
            }
            continue;
        }
        let defects: Vec<String> = t
            .get("defects")
            .and_then(Json::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(d) = &only {
            if d == "none" && !defects.is_empty() || d != "none" && !defects.contains(d) {
                continue;
            }
        }
        let rgba = std::fs::read(path.with_extension("rgba")).unwrap();
        let w = t.get("rgbaWidth").and_then(Json::as_f64).unwrap() as usize;
        let h = t.get("rgbaHeight").and_then(Json::as_f64).unwrap() as usize;
        let tc = t.get("corners1024").and_then(Json::as_array).unwrap();
        let mut truth = [(0.0, 0.0); 4];
        for (o, v) in truth.iter_mut().zip(tc) {
            let a = v.as_array().unwrap();
            *o = (a[0].as_f64().unwrap(), a[1].as_f64().unwrap());
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let long = geom::dist(truth[0], truth[1]).max(geom::dist(truth[1], truth[2]));
        // Candidates of the whole-frame pass and of the windows.
        let wk = detect::work(&rgba, w, h);
        let mut passes = vec![("whole", wk)];
        if passes[0].1.k >= 2 {
            let (ww, wh) = (w * 3 / 5, h * 3 / 5);
            for (x0, y0) in [(0, 0), (w - ww, 0), (0, h - wh), (w - ww, h - wh)] {
                passes.push(("win", detect::work_in(&rgba, w, (x0, y0, ww, wh))));
            }
        }
        let mut near: Option<(f64, String)> = None;
        for (pn, wk) in &passes {
            for (rank, q) in detect::find_all(wk, 5).iter().enumerate() {
                let mut c = [(0.0, 0.0); 4];
                for (o, p) in c.iter_mut().zip(q.q) {
                    *o = detect::to_original(wk, p);
                }
                let e = err(&truth, &c);
                if near.as_ref().map_or(true, |(b, _)| e < *b) {
                    let mut s = format!("{pn}#{rank}{} e={e:.3}", if q.cut { "c" } else { "" });
                    if let Some(cd) = card::build(&rgba, w, h, wk, q, 1.5) {
                        let f = cd.faces;
                        s += &faces(&f);
                    }
                    near = Some((e, s));
                }
            }
        }
        let out = beian_check::api::check_image_pixels(
            t.get("slot").and_then(Json::as_str).unwrap(),
            &rgba,
            w as u32,
            h as u32,
            "{\"locale\":\"en\"}",
            "2026-12-01",
        );
        let r = parse(&out).unwrap();
        if args.iter().any(|a| a == "-r") {
            println!("{name} {out}");
        }
        let found = r.get("info").and_then(|i| i.get("card")).is_some();
        let fc = card::find(&rgba, w, h);
        let fe = fc.as_ref().map(|c| err(&truth, &c.corners));
        if let Some(c) = &fc {
            let f = c.faces;
            let q: Vec<String> = c
                .corners
                .iter()
                .map(|p| format!("{:.1},{:.1}", p.0, p.1))
                .collect();
            println!(
                "C {name} found={} e={:.3}{} Q={}",
                found as u8,
                fe.unwrap_or(9.0),
                faces(&f),
                q.join(";")
            );
        }
        let (ne, ns) = near.unwrap_or((9.0, "none".into()));
        let class = if found {
            if fe.unwrap_or(9.0) <= 0.02 {
                "found ok"
            } else {
                "found off"
            }
        } else if ne <= 0.03 {
            "missed: outline there"
        } else if ne <= 0.1 {
            "missed: outline rough"
        } else {
            "missed: no outline"
        };
        let tag = if defects.is_empty() {
            "none".to_string()
        } else {
            defects.join("+")
        };
        *stats.entry(class.to_string()).or_default() += 1;
        for d in if defects.is_empty() {
            vec!["none".to_string()]
        } else {
            defects.clone()
        } {
            *stats.entry(format!("{d:12} {class}")).or_default() += 1;
        }
        if verbose && class != "found ok" {
            println!(
                "{name} {tag} long={long:.0} {class} | near {ns} | find {}",
                fe.map_or("-".into(), |e| format!("e={e:.3}"))
            );
        }
    }
    for (k, n) in &stats {
        println!("{k:45} {n:5}");
    }
}
