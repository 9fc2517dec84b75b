//! Cut-card diagnostics (issue 15): for each card photo of a
//! `scripts/cardgen/run --rgba` directory, every outline the whole-frame
//! pass proposes (`detect::find_all`, late ones refined as
//! `card::candidates` does) with its distance to the truth and its coarse
//! verdict: the face evidence, the layout score and whether a completed
//! outline's gate passes.
//!
//!     cargo run --release --example card_cut -- DIR [-o names] [-d defect] [-a]
//!
//! Without `-a` only the completed (cut) outlines are listed. With `-n`
//! the photos without a card (negatives) instead, every distance 9.
use beian_check::image::card::{self, detect, refine, Side};

#[path = "cardset/mod.rs"]
mod cardset;
use cardset::err;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("directory");
    let opt = |k: &str| {
        args.iter()
            .position(|a| a == k)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let all = args.iter().any(|a| a == "-a");
    let mut names = cardset::truths(dir);
    if let Some(p) = opt("-o") {
        names.retain(|n| {
            let stem = n.file_stem().unwrap().to_string_lossy().to_string();
            p.split(',').any(|x| x == stem)
        });
    }
    for path in names {
        let Some(cardset::Photo {
            rgba,
            w,
            h,
            truth,
            defects,
        }) = (if args.iter().any(|a| a == "-n") {
            negative(&path)
        } else {
            cardset::photo(&path)
        })
        else {
            continue;
        };
        if opt("-d").is_some_and(|d| !defects.contains(&d)) {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let fc = card::find(&rgba, w, h);
        println!(
            "{name} {} find={}",
            defects.join("+"),
            fc.map_or("-".into(), |c| format!("{:.3}", err(&truth, &c.corners)))
        );
        let wk = detect::work(&rgba, w, h);
        let (mut quads, always) = detect::find_all(&wk, 5);
        for (rank, q) in quads.iter_mut().enumerate() {
            if !all && !q.cut {
                continue;
            }
            if rank >= always {
                refine::refine(&wk, q);
            }
            let mut c = [(0.0, 0.0); 4];
            for (o, p) in c.iter_mut().zip(q.q) {
                *o = detect::to_original(&wk, p);
            }
            let e = err(&truth, &c);
            let mut s = format!(
                "  #{rank}{}{}{} e={e:.3} sup={:.2}",
                if q.cut { "c" } else { "" },
                if q.faint { "f" } else { "" },
                if rank >= always { "L" } else { "" },
                q.support
            );
            if let Some(cd) = card::build(&rgba, w, h, &wk, q, 1.5) {
                let f = cd.faces;
                let cues = f.side == Side::Portrait && f.photo >= 0.2 && f.digits >= 0.25;
                let gate = (f.sure || cues) && (card::strong(&f) || (f.id_like && f.score >= 0.4));
                // The verdict first (the cut gate of `card::candidates`).
                s += &format!(
                    " gate={} strong={} lay={:.2} | {} id={} sure={}",
                    gate as u8,
                    card::strong(&f) as u8,
                    cd.layout_score,
                    f.side.name(),
                    f.id_like as u8,
                    f.sure as u8,
                );
                let cue = [
                    ("sc", f.score),
                    ("photo", f.photo),
                    ("red", f.red),
                    ("dig", f.digits),
                ];
                for (k, v) in cue {
                    s += &format!(" {k}={v:.2}");
                }
                // The light-background test's ink and the card's blur (the
                // edges' median width across rows or columns, in mm).
                let bw = card::judge::edge_widths(&rgba, w, h, &c, 20.0)
                    .iter()
                    .map(|v| card::judge::quantile(v, 0.5))
                    .fold(0.0, f64::max);
                s += &format!(" bg={:.2} blur={:.2}", f.bg_ink, bw / cd.ppm.max(1e-6));
                // A cut outline under the gate: placed by the print
                // (`card::placed`), as `card::candidates` judges it again.
                if q.cut && !gate {
                    if let Some((_, pc)) = card::placed(&rgba, w, h, &wk, q, &cd) {
                        let g = pc.faces;
                        s += &format!(
                            " | placed e={:.3} {} sure={} sc={:.2}",
                            err(&truth, &pc.corners),
                            g.side.name(),
                            g.sure as u8,
                            g.score
                        );
                    }
                }
            } else {
                s += " no build";
            }
            if args.iter().any(|a| a == "-q") {
                s += &format!(
                    " q={:?} t={:?}",
                    c.map(|p| (p.0 as i32, p.1 as i32)),
                    truth.map(|p| (p.0 as i32, p.1 as i32))
                );
            }
            println!("{s}");
        }
    }
}

/// A photo without a card (`-n`): its truth far off the frame.
fn negative(path: &std::path::Path) -> Option<cardset::Photo> {
    use beian_check::json::{parse, Json};
    let t = parse(&std::fs::read_to_string(path).ok()?).ok()?;
    if t.get("kind").and_then(Json::as_str) == Some("card") {
        return None;
    }
    Some(cardset::Photo {
        rgba: std::fs::read(path.with_extension("rgba")).ok()?,
        w: t.get("rgbaWidth").and_then(Json::as_f64)? as usize,
        h: t.get("rgbaHeight").and_then(Json::as_f64)? as usize,
        truth: [(-1e4, -1e4); 4],
        defects: vec![t
            .get("negative")
            .and_then(Json::as_str)
            .unwrap_or("neg")
            .into()],
    })
}
