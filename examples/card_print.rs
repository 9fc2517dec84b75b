//! Print-placement diagnostics (issue 15): for the card photos of a
//! `scripts/cardgen/run --rgba` directory where the print search runs
//! (washed-out frame), each print block's start and fitted outline, their
//! error against the truth and the fitted card's face evidence.
//!
//!     cargo run --release --example card_print -- DIR [-d defect] [-o 00001,00002] [-p PNGDIR] [-n]
//!
//! `-n` also runs on the no-card photos (negatives); `-p` writes the frame
//! at half size with the truth (green), the blocks (blue) and the fitted
//! outlines (red).
use beian_check::image::card::{self, detect, geom, print};
use beian_check::json::{parse, Json};

#[path = "common/png.rs"]
mod png;

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

/// The frame at half size with quads drawn on it.
fn picture(rgba: &[u8], w: usize, h: usize, quads: &[([Pt; 4], [u8; 3])], path: &std::path::Path) {
    let f = 2;
    let (ow, oh) = (w / f, h / f);
    let mut rgb = vec![0u8; ow * oh * 3];
    for y in 0..oh {
        for x in 0..ow {
            let i = ((y * f) * w + x * f) * 4;
            rgb[(y * ow + x) * 3..(y * ow + x) * 3 + 3].copy_from_slice(&rgba[i..i + 3]);
        }
    }
    for (q, col) in quads {
        for i in 0..4 {
            let (a, b) = (q[i], q[(i + 1) % 4]);
            let n = (geom::dist(a, b) as usize).max(1);
            for s in 0..=n {
                let t = s as f64 / n as f64;
                let (x, y) = (
                    (a.0 + (b.0 - a.0) * t) / f as f64,
                    (a.1 + (b.1 - a.1) * t) / f as f64,
                );
                if x >= 0.0 && y >= 0.0 && (x as usize) < ow && (y as usize) < oh {
                    let k = (y as usize * ow + x as usize) * 3;
                    rgb[k..k + 3].copy_from_slice(col);
                }
            }
        }
    }
    png::write_png(path, ow, oh, &rgb);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("directory");
    let opt = |k: &str| {
        args.iter()
            .position(|a| a == k)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let (only, pick, png_dir) = (opt("-d"), opt("-o"), opt("-p"));
    let negatives = args.iter().any(|a| a == "-n");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    for path in names {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if pick
            .as_ref()
            .is_some_and(|p| !p.split(',').any(|x| x == name))
        {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(t) = parse(&text) else { continue };
        let is_card = t.get("kind").and_then(Json::as_str) == Some("card");
        if !is_card && !negatives {
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
        if only.as_ref().is_some_and(|d| !defects.contains(d)) {
            continue;
        }
        let rgba = std::fs::read(path.with_extension("rgba")).unwrap();
        let w = t.get("rgbaWidth").and_then(Json::as_f64).unwrap() as usize;
        let h = t.get("rgbaHeight").and_then(Json::as_f64).unwrap() as usize;
        let truth: Option<[Pt; 4]> = t.get("corners1024").and_then(Json::as_array).map(|tc| {
            let mut q = [(0.0, 0.0); 4];
            for (o, v) in q.iter_mut().zip(tc) {
                let a = v.as_array().unwrap();
                *o = (a[0].as_f64().unwrap(), a[1].as_f64().unwrap());
            }
            q
        });
        let e = |q: &[Pt; 4]| truth.map_or(9.0, |tq| err(&tq, q));
        let mut line = format!("{name} {}", defects.join("+"));
        if !print::washed(&rgba) {
            println!("{line} not-washed");
            continue;
        }
        let t0 = std::time::Instant::now();
        let (wk, quads) = print::blocks(&rgba, w, h);
        let quads: Vec<_> = quads.into_iter().collect();
        let tb = t0.elapsed().as_secs_f64() * 1e3;
        line += &format!(" blocks={tb:.1}ms");
        let orig = |q: &[Pt; 4]| q.map(|p| detect::to_original(&wk, p));
        let mut draw: Vec<([Pt; 4], [u8; 3])> = truth.iter().map(|q| (*q, [0, 200, 0])).collect();
        for q in quads {
            let m0 = print::merit(&rgba, w, h, &wk, &q);
            let (m, f) = print::fit(&rgba, w, h, &wk, q.clone());
            let (a, b) = (orig(&q.q), orig(&f.q));
            line += &format!(" | e0={:.3} m0={m0:.2} m={m:.2} e={:.3}", e(&a), e(&b));
            if let Some(c) = card::build(&rgba, w, h, &wk, &f, 3.0) {
                let fc = c.faces;
                line += &format!(
                    " id={} {} sc={:.2} ph={:.2} red={:.2} bg={:.2} dig={:.2} taken={}",
                    fc.id_like as u8,
                    fc.side.name(),
                    fc.score,
                    fc.photo,
                    fc.red,
                    fc.bg_ink,
                    fc.digits,
                    print::taken(&fc) as u8
                );
            }
            draw.push((a, [0, 0, 255]));
            draw.push((b, [255, 0, 0]));
        }
        line += &format!(" ms={:.1}", t0.elapsed().as_secs_f64() * 1e3);
        println!("{line}");
        if let Some(d) = &png_dir {
            picture(
                &rgba,
                w,
                h,
                &draw,
                &std::path::Path::new(d).join(format!("{name}p.png")),
            );
        }
    }
}
