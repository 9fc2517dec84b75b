//! Print-search diagnostics (issue 15, src/image/card/print.rs): for every
//! washed-out frame of a `scripts/cardgen/run --rgba` directory, each
//! card-shaped print block's start, and the fit from it at a few start
//! scales (each alone, then the one that looks best first): the merit, the corner error against the truth, the face
//! evidence, whether `print::taken` accepts it, and the number / validity
//! read at the placement.
//!
//!     cargo run --release --example card_print -- DIR [-o 00012,00345]
//!
//! `ALL=1`: every frame, not only the washed-out ones. `ANY=1`: one line
//! per frame that is not washed out and where `card::find` takes no card:
//! what `print::place` would place there if it ran (corner error, number
//! read, the search's and find's time), with the frame's mean luma.
use beian_check::image::card::{self, ocr, print};
use beian_check::json::{parse, Json};

#[path = "cardset/mod.rs"]
mod cardset;
use cardset::err;

type Pt = (f64, f64);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("directory");
    let pick: Option<String> = args
        .iter()
        .position(|a| a == "-o")
        .and_then(|i| args.get(i + 1).cloned());
    let scales: Vec<f64> = args
        .iter()
        .position(|a| a == "-s")
        .and_then(|i| args.get(i + 1))
        .map_or(vec![1.0, 1.2], |s| {
            s.split(',').filter_map(|x| x.parse().ok()).collect()
        });
    let mut names = cardset::truths(dir);
    if let Some(p) = &pick {
        names.retain(|n| {
            let stem = n.file_stem().unwrap().to_string_lossy().to_string();
            p.split(',').any(|x| x == stem)
        });
    }
    for path in names {
        let t = parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(rgba_name) = t.get("rgba").and_then(Json::as_str) else {
            continue;
        };
        let rgba = std::fs::read(path.with_file_name(rgba_name)).unwrap();
        if std::env::var("ANY").is_ok() {
            any(&path, &t, &rgba);
            continue;
        }
        if !print::washed(&rgba) && std::env::var("ALL").is_err() {
            continue;
        }
        let w = t.get("rgbaWidth").and_then(Json::as_f64).unwrap() as usize;
        let h = t.get("rgbaHeight").and_then(Json::as_f64).unwrap() as usize;
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let kind = t.get("kind").and_then(Json::as_str).unwrap_or("");
        let side = t.get("side").and_then(Json::as_str).unwrap_or("");
        let neg = t.get("negative").and_then(Json::as_str).unwrap_or("");
        let defects: Vec<&str> = t
            .get("defects")
            .and_then(Json::as_array)
            .map_or(Vec::new(), |a| a.iter().filter_map(Json::as_str).collect());
        let truth: Option<[Pt; 4]> = t.get("corners1024").and_then(Json::as_array).map(|tc| {
            let p = |i: usize| {
                let a = tc[i].as_array().unwrap();
                (a[0].as_f64().unwrap(), a[1].as_f64().unwrap())
            };
            [p(0), p(1), p(2), p(3)]
        });
        let found = card::find(&rgba, w, h);
        let fe = match (&found, &truth) {
            (Some(c), Some(tr)) => format!(
                "{:.3}{}",
                err(tr, &c.corners),
                if c.placed { "p" } else { "" }
            ),
            (Some(c), None) => format!("card{}", if c.placed { "p" } else { "" }),
            _ => "-".into(),
        };
        println!(
            "{name} {kind}{neg} {side} [{}] find={fe}",
            defects.join(",")
        );
        let (wk, starts) = print::blocks(&rgba, w, h, print::INK);
        if let Some(tr) = &truth {
            let k = wk.k as f64;
            let q = card::detect::Quad {
                q: tr.map(|p| ((p.0 + 0.5) / k - 0.5, (p.1 + 0.5) / k - 0.5)),
                support: 0.0,
                aspect: 1.585,
                cut: false,
                extra: false,
                faint: false,
            };
            let (m, l) = print::judged(&rgba, w, h, &wk, &q);
            let tk = card::build(&rgba, w, h, &wk, &q, 3.0)
                .map_or(-1, |mut c| print::taken(&rgba, w, h, &mut c, false) as i32);
            println!("  truth m={m:.2} like={} taken={tk}", l as u8);
            if std::env::var("LAND").is_ok() {
                // The merit around the truth: shifts, turns, scales.
                let qq = q.q;
                let (l01, l12) = (
                    ((qq[1].0 - qq[0].0).powi(2) + (qq[1].1 - qq[0].1).powi(2)).sqrt(),
                    ((qq[2].0 - qq[1].0).powi(2) + (qq[2].1 - qq[1].1).powi(2)).sqrt(),
                );
                let cx = qq.iter().map(|p| p.0).sum::<f64>() / 4.0;
                let cy = qq.iter().map(|p| p.1).sum::<f64>() / 4.0;
                let (a, long) = if l01 >= l12 {
                    ((qq[1].1 - qq[0].1).atan2(qq[1].0 - qq[0].0), l01)
                } else {
                    ((qq[2].1 - qq[1].1).atan2(qq[2].0 - qq[1].0), l12)
                };
                let base = [cx, cy, a, long];
                let mut line = String::new();
                for d in [0.03, 0.06, 0.1] {
                    let (mut below, mut n) = (0, 0);
                    let mut ms = Vec::new();
                    for (i, sgn) in [
                        (0, 1.0),
                        (0, -1.0),
                        (1, 1.0),
                        (1, -1.0),
                        (2, 1.0),
                        (2, -1.0),
                        (3, 1.0),
                        (3, -1.0),
                    ] {
                        let mut t = base;
                        t[i] += sgn * if i == 2 { d * 1.5 } else { d * long };
                        let (mm, _) = print::judged(&rgba, w, h, &wk, &print::rect(t));
                        ms.push(mm);
                        n += 1;
                        if mm < m {
                            below += 1;
                        }
                    }
                    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
                    line += &format!(" d{d}:{below}/{n},{:.2}", m - mean);
                }
                println!("  LAND{line}");
                for st in &starts {
                    let (lm, lp, _) = print::first_look((&rgba, w, h), &wk, st, &[1.0, 1.2]);
                    let (fm, fq, _) = print::fit(&rgba, w, h, &wk, st, &[1.0, 1.2], 0.5);
                    let fc = (
                        fq.q.iter().map(|p| p.0).sum::<f64>() / 4.0,
                        fq.q.iter().map(|p| p.1).sum::<f64>() / 4.0,
                    );
                    let fl =
                        ((fq.q[1].0 - fq.q[0].0).powi(2) + (fq.q[1].1 - fq.q[0].1).powi(2)).sqrt();
                    let fa = (fq.q[1].1 - fq.q[0].1).atan2(fq.q[1].0 - fq.q[0].0);
                    let da = |x: f64| {
                        let mut d = (x - a) % std::f64::consts::PI;
                        if d > std::f64::consts::FRAC_PI_2 {
                            d -= std::f64::consts::PI;
                        }
                        if d < -std::f64::consts::FRAC_PI_2 {
                            d += std::f64::consts::PI;
                        }
                        d.to_degrees()
                    };
                    println!(
                        "  START{} m={lm:.2} dx={:.1}% dy={:.1}% da={:.1} ds={:.2} | FIT m={fm:.2} dx={:.1}% dy={:.1}% da={:.1} ds={:.2}",
                        if st.extra { "x" } else { "" }, 100.0 * (lp[0] - cx) / long, 100.0 * (lp[1] - cy) / long, da(lp[2]), lp[3] / long,
                        100.0 * (fc.0 - cx) / long, 100.0 * (fc.1 - cy) / long, da(fa), fl / long,
                    );
                }
                continue;
            }
        }
        for (i, s) in starts.iter().enumerate() {
            let c0 = card::build(&rgba, w, h, &wk, s, 3.0);
            let e0 = match (&c0, &truth) {
                (Some(c), Some(tr)) => format!("{:.3}", err(tr, &c.corners)),
                _ => "-".into(),
            };
            let (l1, ..) = print::first_look((&rgba, w, h), &wk, s, &[1.0]);
            let (l2, ..) = print::first_look((&rgba, w, h), &wk, s, &[1.2]);
            // The block's card in frame pixels (to draw over the photo).
            let k = wk.k as f64;
            let qs: Vec<String> =
                s.q.iter()
                    .map(|p| format!("{:.0},{:.0}", p.0 * k, p.1 * k))
                    .collect();
            println!("  start {i} e={e0} look={l1:.2}|{l2:.2} q={}", qs.join(" "));
            // Each start size alone, then the one of them that looks best
            // first (what `print::place` does).
            let mut tries: Vec<Vec<f64>> = scales.iter().map(|&sc| vec![sc]).collect();
            tries.push(scales.clone());
            for sizes in &tries {
                let sc = sizes
                    .iter()
                    .map(|x| format!("{x}"))
                    .collect::<Vec<_>>()
                    .join("|");
                let (m, q, _) = print::fit(&rgba, w, h, &wk, s, sizes, 0.5);
                let Some(mut c) = card::build(&rgba, w, h, &wk, &q, 3.0) else {
                    println!("    x{sc} m={m:.2} no build");
                    continue;
                };
                let e = truth.map_or("-".into(), |tr| format!("{:.3}", err(&tr, &c.corners)));
                // The coarse copy's faces at the placement (the fit's own).
                let coarse = card::build(&rgba, w, h, &wk, &q, 1.5).map_or("-".into(), |k| {
                    let f = &k.faces;
                    format!(
                        "c:id={} sc={:.2} dig={:.2}",
                        f.id_like as u8, f.score, f.digits
                    )
                });
                let tk = print::taken(&rgba, w, h, &mut c, s.extra);
                let f = &c.faces;
                let mut read = String::new();
                if let Some(n) = ocr::read_number(&rgba, w, h, &c.hm, c.ppm) {
                    let ok = t.get("number").and_then(Json::as_str) == Some(n.text.as_str());
                    read += &format!(" num={:.2}{}", n.confidence, if ok { "ok" } else { "X" });
                }
                if let Some(v) = ocr::read_validity(&rgba, w, h, &c.hm, c.ppm) {
                    let ok = t.get("validFrom").and_then(Json::as_str) == Some(v.from.as_str());
                    read += &format!(" val={:.2}{}", v.confidence, if ok { "ok" } else { "X" });
                }
                println!(
                    "    x{sc} m={m:.2} e={e} {coarse} id={} side={} sc={:.2} photo={:.2} red={:.2} dig={:.2} taken={}{read}",
                    f.id_like as u8,
                    f.side.name(),
                    f.score,
                    f.photo,
                    f.red,
                    f.digits,
                    tk as u8
                );
            }
        }
    }
}

/// `ANY=1`: on a frame that is not washed out and where `card::find` takes
/// no card, what `print::place` would do if it ran there (one line: the
/// placement's corner error or `-`, and the time of the search).
fn any(path: &std::path::Path, t: &Json, rgba: &[u8]) {
    if print::washed(rgba) {
        return;
    }
    let w = t.get("rgbaWidth").and_then(Json::as_f64).unwrap() as usize;
    let h = t.get("rgbaHeight").and_then(Json::as_f64).unwrap() as usize;
    let t0 = std::time::Instant::now();
    let found = card::find(rgba, w, h);
    let find_ms = t0.elapsed().as_secs_f64() * 1e3;
    if found
        .as_ref()
        .is_some_and(|c| c.faces.id_like && c.layout_score >= card::LAYOUT_MIN)
    {
        return;
    }
    let s = |k: &str| t.get(k).and_then(Json::as_str).unwrap_or("").to_string();
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let truth: Option<[Pt; 4]> = t.get("corners1024").and_then(Json::as_array).map(|tc| {
        let p = |i: usize| {
            let a = tc[i].as_array().unwrap();
            (a[0].as_f64().unwrap(), a[1].as_f64().unwrap())
        };
        [p(0), p(1), p(2), p(3)]
    });
    let t0 = std::time::Instant::now();
    let placed = print::place_any(rgba, w, h, print::INK_LIGHT);
    let ms = t0.elapsed().as_secs_f64() * 1e3;
    let e = match (&placed, &truth) {
        (Some(c), Some(tr)) => format!("{:.3}", err(tr, &c.corners)),
        (Some(_), None) => "card".into(),
        _ => "-".into(),
    };
    let mut read = String::new();
    if let Some(c) = &placed {
        if let Some(n) = ocr::read_number(rgba, w, h, &c.hm, c.ppm) {
            let ok = t.get("number").and_then(Json::as_str) == Some(n.text.as_str());
            read += &format!(" num={:.2}{}", n.confidence, if ok { "ok" } else { "X" });
        }
    }
    let light = {
        let (mut i, mut sum, mut n) = (0, 0u64, 0u64);
        while i + 3 < rgba.len() {
            sum += (77 * rgba[i] as u64 + 150 * rgba[i + 1] as u64 + 29 * rgba[i + 2] as u64) >> 8;
            n += 1;
            i += 64;
        }
        sum / n.max(1)
    };
    println!(
        "ANY {name} {} {}{} {} luma={light} place={e}{read} ms={ms:.0} find={find_ms:.0}",
        s("slot"),
        s("kind"),
        s("negative"),
        s("background"),
    );
}
