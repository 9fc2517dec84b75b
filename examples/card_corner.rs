//! Corner diagnostics (issue 15): for every card photo of a
//! `scripts/cardgen/run --rgba` directory that `card::find` finds, the
//! largest corner error over the truth's diagonal and, per side of the
//! truth, how far the found side lies from it (outward positive, in frame
//! pixels, at both ends), with the luma just inside and outside the true
//! side and beyond the found one, and the miss's cause (gross, cut card, a
//! side outside / inside the card); at the end the misses by cause and how
//! many side misses are on a faint side (white on white), and for the cut
//! cards how far the hidden side and the visible ones are off. `-p OUT` writes
//! a PNG per miss (> 2 %): the card with the truth in green and the found
//! outline in red, and a 4× zoom on the worst corner.
//!
//!     cargo run --release --example card_corner -- DIR [-a] [-p OUT] [-n NAME]
use beian_check::image::card::{self, geom};
use beian_check::json::{parse, Json};

#[path = "cardset/mod.rs"]
mod cardset;

type Pt = (f64, f64);

fn pt(v: &Json) -> Pt {
    let a = v.as_array().unwrap();
    (a[0].as_f64().unwrap(), a[1].as_f64().unwrap())
}

/// Luma at a (rounded) point, 0 outside.
fn luma(rgba: &[u8], w: usize, h: usize, p: Pt) -> f64 {
    let (x, y) = (p.0.round(), p.1.round());
    if x < 0.0 || y < 0.0 || x >= w as f64 || y >= h as f64 {
        return 0.0;
    }
    let i = (y as usize * w + x as usize) * 4;
    0.299 * rgba[i] as f64 + 0.587 * rgba[i + 1] as f64 + 0.114 * rgba[i + 2] as f64
}

/// Signed distance of `p` from the line a→b, positive to the left of
/// a→b on screen (outward for a clockwise quad).
fn side_dist(a: Pt, b: Pt, p: Pt) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    ((p.0 - a.0) * dy - (p.1 - a.1) * dx) / len
}

#[path = "common/png.rs"]
mod png;

struct Png {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

impl Png {
    fn set(&mut self, x: i64, y: i64, c: [u8; 3]) {
        if x >= 0 && y >= 0 && (x as usize) < self.w && (y as usize) < self.h {
            let i = (y as usize * self.w + x as usize) * 3;
            self.px[i..i + 3].copy_from_slice(&c);
        }
    }

    fn line(&mut self, a: Pt, b: Pt, c: [u8; 3]) {
        let n = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) as usize).max(1);
        for i in 0..=n {
            let t = i as f64 / n as f64;
            let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            self.set(x.round() as i64, y.round() as i64, c);
        }
    }

    fn write(&self, path: &str) {
        png::write_png(std::path::Path::new(path), self.w, self.h, &self.px);
    }
}

/// A crop of the frame around `(x0, y0)` of `cw × ch` frame pixels, scaled
/// by `zoom` (nearest), with both outlines drawn.
#[allow(clippy::too_many_arguments)]
fn render(
    rgba: &[u8],
    w: usize,
    h: usize,
    org: Pt,
    cw: f64,
    ch: f64,
    zoom: f64,
    truth: &[Pt; 4],
    found: &[Pt; 4],
) -> Png {
    let (ow, oh) = ((cw * zoom) as usize, (ch * zoom) as usize);
    let mut png = Png {
        w: ow,
        h: oh,
        px: vec![0; ow * oh * 3],
    };
    for y in 0..oh {
        for x in 0..ow {
            let (sx, sy) = (org.0 + x as f64 / zoom, org.1 + y as f64 / zoom);
            let (sx, sy) = (sx.floor(), sy.floor());
            if sx >= 0.0 && sy >= 0.0 && (sx as usize) < w && (sy as usize) < h {
                let i = (sy as usize * w + sx as usize) * 4;
                let j = (y * ow + x) * 3;
                png.px[j..j + 3].copy_from_slice(&rgba[i..i + 3]);
            }
        }
    }
    let map = |p: Pt| ((p.0 + 0.5 - org.0) * zoom, (p.1 + 0.5 - org.1) * zoom);
    for (q, c) in [(truth, [0u8, 255, 0]), (found, [255, 0, 0])] {
        for i in 0..4 {
            png.line(map(q[i]), map(q[(i + 1) % 4]), c);
        }
    }
    png
}

/// A miss beyond this share of the diagonal is another outline.
const GROSS: f64 = 0.08;
/// A side is off when an end lies beyond this share of the card's length.
const SIDE_OFF: f64 = 0.015;
/// Levels across a side (4 px either side of the truth's middle) under
/// which it counts as faint: a white card on white paper.
const LOW: f64 = 12.0;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("directory");
    let all = args.iter().any(|a| a == "-a");
    let out = args
        .iter()
        .position(|a| a == "-p")
        .and_then(|i| args.get(i + 1).cloned());
    let only = args
        .iter()
        .position(|a| a == "-n")
        .and_then(|i| args.get(i + 1).cloned());
    let (mut found, mut good) = (0, 0);
    // Misses by cause (see `cause`), and side misses on a side with under
    // LOW levels across it at its middle (a white card on white paper).
    let mut causes = std::collections::BTreeMap::<&str, usize>::new();
    let mut low = 0;
    // Cut-card misses: the largest offset of the hidden side (its middle
    // outside the frame) and of a visible side, over the card's length.
    let mut cut: Vec<(f64, f64)> = Vec::new();
    for path in cardset::truths(dir) {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if only.as_ref().is_some_and(|o| *o != name) {
            continue;
        }
        let t = parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if t.get("kind").and_then(Json::as_str) != Some("card") {
            continue;
        }
        let rgba = std::fs::read(path.with_extension("rgba")).unwrap();
        let w = t.get("rgbaWidth").and_then(Json::as_f64).unwrap() as usize;
        let h = t.get("rgbaHeight").and_then(Json::as_f64).unwrap() as usize;
        // As the judge takes it (layoutMin 0.2, data/profile/images.json).
        let Some(c) = card::find(&rgba, w, h).filter(|c| c.faces.id_like && c.layout_score >= 0.2)
        else {
            continue;
        };
        found += 1;
        let tc = t.get("corners1024").and_then(Json::as_array).unwrap();
        let truth = [pt(&tc[0]), pt(&tc[1]), pt(&tc[2]), pt(&tc[3])];
        let diag = geom::dist(truth[0], truth[2]);
        let errs: Vec<f64> = (0..4)
            .map(|i| geom::dist(truth[i], c.corners[i]) / diag)
            .collect();
        let err = errs.iter().copied().fold(0.0, f64::max);
        if err <= 0.02 {
            good += 1;
            if !all {
                continue;
            }
        }
        // Clockwise on screen? (The truth is TL, TR, BR, BL of the card.)
        let area: f64 = (0..4)
            .map(|i| {
                let (a, b) = (truth[i], truth[(i + 1) % 4]);
                a.0 * b.1 - b.0 * a.1
            })
            .sum();
        let sgn = if area > 0.0 { 1.0 } else { -1.0 };
        let defects: Vec<&str> = t
            .get("defects")
            .and_then(Json::as_array)
            .map(|a| a.iter().filter_map(Json::as_str).collect())
            .unwrap_or_default();
        let mut line = format!(
            "{name} err={err:.3} long={:.0} bg={} tilt={:.0} rot={:.0} def=[{}]",
            t.get("cardLong1024").and_then(Json::as_f64).unwrap_or(0.0),
            t.get("background").and_then(Json::as_str).unwrap_or(""),
            t.get("tilt").and_then(Json::as_f64).unwrap_or(0.0),
            t.get("rotation").and_then(Json::as_f64).unwrap_or(0.0),
            defects.join(",")
        );
        let (mut outward, mut inward, mut faint) = (false, false, false);
        let (mut hidden, mut visible) = (0f64, 0f64);
        for i in 0..4 {
            let (a, b) = (truth[i], truth[(i + 1) % 4]);
            // Outward positive for either orientation of the truth.
            let da = sgn * side_dist(a, b, c.corners[i]);
            let db = sgn * side_dist(a, b, c.corners[(i + 1) % 4]);
            // Luma across the true side at its middle: 3 px in, 3 px out
            // and at the found side's middle offset ± 2.
            let m = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            let len = geom::dist(a, b);
            // The outward normal (see `side_dist`).
            let (nx, ny) = (sgn * (b.1 - a.1) / len, -sgn * (b.0 - a.0) / len);
            let at = |o: f64| luma(&rgba, w, h, (m.0 + nx * o, m.1 + ny * o));
            let off = (da + db) / 2.0;
            let long = t.get("cardLong1024").and_then(Json::as_f64).unwrap_or(0.0);
            let off_by = SIDE_OFF * long;
            outward |= da.max(db) > off_by;
            inward |= da.min(db) < -off_by;
            if da.abs().max(db.abs()) > off_by && (at(-4.0) - at(4.0)).abs() < LOW {
                faint = true;
            }
            let worst = da.abs().max(db.abs()) / long.max(1.0);
            if m.0 < 0.0 || m.1 < 0.0 || m.0 >= w as f64 || m.1 >= h as f64 {
                hidden = hidden.max(worst);
            } else {
                visible = visible.max(worst);
            }
            line += &format!(
                " | s{i} {da:+.1}/{db:+.1} in={:.0} out={:.0} f-/+={:.0}/{:.0}",
                at(-4.0),
                at(4.0),
                at(off - 2.0),
                at(off + 2.0)
            );
        }
        let cause = if err > GROSS {
            "gross (another outline)"
        } else if defects.contains(&"cropped") {
            "cut card"
        } else {
            match (outward, inward) {
                (true, true) => "sides outside and inside",
                (true, false) => "a side outside",
                (false, true) => "a side inside",
                _ => "sides off by under 1.5 %",
            }
        };
        *causes.entry(cause).or_default() += 1;
        if cause == "cut card" {
            cut.push((hidden, visible));
            // The truth's corners in the found card's frame (mm): how far
            // along and how rotated the hidden side should be.
            let inv = c.hm.inverse();
            let mm: Vec<String> = truth
                .iter()
                .map(|&p| match inv.map(p.0, p.1) {
                    Some((u, v)) => format!("({u:.1},{v:.1})"),
                    None => "(at infinity)".into(),
                })
                .collect();
            line += &format!(" truth_mm={}", mm.join(""));
        }
        if err <= GROSS && !defects.contains(&"cropped") && faint {
            low += 1;
            line += " faint";
        }
        line += &format!(" cause={cause}");
        println!("{line}");
        if let Some(o) = &out {
            let xs = truth.iter().chain(c.corners.iter()).map(|p| p.0);
            let ys = truth.iter().chain(c.corners.iter()).map(|p| p.1);
            let (x0, x1) = (xs.clone().fold(f64::MAX, f64::min), xs.fold(0.0, f64::max));
            let (y0, y1) = (ys.clone().fold(f64::MAX, f64::min), ys.fold(0.0, f64::max));
            let (x0, y0) = ((x0 - 30.0).max(0.0), (y0 - 30.0).max(0.0));
            let (cw, ch) = (x1 + 30.0 - x0, y1 + 30.0 - y0);
            let zoom = (700.0 / cw.max(ch)).min(1.0);
            render(&rgba, w, h, (x0, y0), cw, ch, zoom, &truth, &c.corners)
                .write(&format!("{o}/{name}.png"));
            let wi = (0..4)
                .max_by(|&a, &b| errs[a].partial_cmp(&errs[b]).unwrap())
                .unwrap();
            let p = truth[wi];
            render(
                &rgba,
                w,
                h,
                (p.0 - 40.0, p.1 - 40.0),
                80.0,
                80.0,
                4.0,
                &truth,
                &c.corners,
            )
            .write(&format!("{o}/{name}_z.png"));
        }
    }
    eprintln!("found {found}, corners within 2 % {good}");
    if !all {
        let list: Vec<String> = causes.iter().map(|(c, n)| format!("{c} {n}")).collect();
        eprintln!(
            "misses by cause: {}; side misses on a side with under {LOW} levels across it: {low}",
            list.join(", ")
        );
        let median = |mut v: Vec<f64>| {
            v.sort_by(|a, b| a.partial_cmp(b).unwrap());
            v.get(v.len() / 2).copied().unwrap_or(0.0) * 100.0
        };
        let beyond = |v: &[f64]| v.iter().filter(|&&x| x > SIDE_OFF).count();
        let (hid, vis): (Vec<f64>, Vec<f64>) = cut.iter().copied().unzip();
        eprintln!(
            "cut-card misses: the hidden side off by {:.1} %, a visible side by {:.2} % of the card's length (medians); beyond {:.1} %: hidden {}, visible {}",
            median(hid.clone()),
            median(vis.clone()),
            SIDE_OFF * 100.0,
            beyond(&hid),
            beyond(&vis)
        );
    }
}
