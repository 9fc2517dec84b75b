//! Negatives diagnostics (issue 15): for every photo of a
//! `scripts/cardgen/run --rgba` directory, the card `card::find` takes,
//! which pass took it (first, window, print) and its face evidence, with
//! the print's own correlation (the portrait side's score without the
//! number line's and the head's bonus; the emblem side's without red):
//! the cues that tell an ID card from a passport page or a bank card.
//!
//!     cargo run --release --example card_neg -- DIR
//!
//! One line a photo: `name kind pass e side sure photo dig print red bg`
//! (`e` 9 for a negative; `-` when nothing was taken).
use beian_check::image::card::{self, print, refine, Side};
use beian_check::json::{parse, Json};

#[path = "cardset/mod.rs"]
mod cardset;
use cardset::err;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("directory");
    for path in cardset::truths(dir) {
        let t = parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let kind = t.get("kind").and_then(Json::as_str).unwrap_or("");
        let kind = if kind == "card" {
            kind
        } else {
            t.get("negative").and_then(Json::as_str).unwrap_or("neg")
        };
        let rgba = std::fs::read(path.with_extension("rgba")).unwrap();
        let w = t.get("rgbaWidth").and_then(Json::as_f64).unwrap() as usize;
        let h = t.get("rgbaHeight").and_then(Json::as_f64).unwrap() as usize;
        let truth = cardset::photo(&path).map(|p| p.truth);
        // `card::find`, step by step.
        let taken = |b: &Option<(f64, card::Card)>| {
            b.as_ref()
                .is_some_and(|(_, c)| c.faces.id_like && c.layout_score >= card::LAYOUT_MIN)
        };
        let (mut best, k, three) = card::first_pass(&rgba, w, h);
        let mut pass = "first";
        let own = best
            .as_ref()
            .is_some_and(|(_, c)| card::photo_object(c, w.max(h)));
        if ((!taken(&best) && !own) || three) && k >= 2 {
            if let Some((m, c)) = card::window_pass(&rgba, w, h) {
                if card::strong(&c.faces) {
                    best = Some((m, c));
                    pass = "window";
                }
            }
        }
        if !taken(&best) {
            if let Some(c) = print::place(&rgba, w, h) {
                best = Some((0.0, c));
                pass = "print";
            }
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let Some((_, mut c)) =
            best.filter(|(_, c)| c.faces.id_like && c.layout_score >= card::LAYOUT_MIN)
        else {
            println!("{name} {kind} -");
            continue;
        };
        refine::polish(&rgba, w, h, &mut c);
        let f = c.faces;
        let e = truth.map_or(9.0, |tq| err(&tq, &c.corners));
        // The print's own correlation, as `classify` scores it.
        let print_c = match f.side {
            Side::Emblem => f.score - f.red.max(0.0),
            _ if f.photo >= 0.2 => {
                let both = if f.photo >= 0.6 && f.digits >= 0.15 {
                    0.1
                } else {
                    0.0
                };
                f.score - 0.5 * (f.digits - 0.2).max(0.0) - both
            }
            _ => f.score,
        };
        // The number line's samples outside the photo and blown (≥ 250).
        let (mut n, mut miss, mut blown) = (0.0, 0.0, 0.0);
        let r = &c.whole;
        let mut my = 44.8;
        while my < 48.4 {
            let mut mx = 28.5;
            while mx < 79.0 {
                n += 1.0;
                match r.luma((mx * r.s) as usize, (my * r.s) as usize) {
                    None => miss += 1.0,
                    Some(l) if l >= 250.0 => blown += 1.0,
                    _ => {}
                }
                mx += 0.5;
            }
            my += 0.5;
        }
        println!(
            "{name} {kind} {pass} e={e:.3} {} sure={} photo={:.2} dig={:.2} print={:.3} red={:.3} bg={:.3} sc={:.3} miss={:.2} blown={:.2}",
            f.side.name(),
            f.sure as u8,
            f.photo,
            f.digits,
            print_c,
            f.red,
            f.bg_ink,
            f.score,
            miss / n,
            blown / n
        );
    }
}
