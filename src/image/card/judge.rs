//! The findings about a card photo and `info.card` (docs/id-card.md).
//! Thresholds come from the profile's `images.card` section; each has its
//! reason in data/profile/images.json.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::geom::Pt;
use super::layout::{self, Zone};
use super::{find, ocr, quad_json, zone_quad, Side};
use crate::finding::{Finding, InfoValue};
use crate::image::pixels::{measure, Metrics};
use crate::image::slots::setting;
use crate::json::Json;

/// ID slots, where the card is looked for.
pub const ID_SLOTS: [&str; 3] = ["idCardFront", "idCardBack", "handheldId"];

/// See [`super::run`].
pub fn run(
    slot: &str,
    rgba: &[u8],
    w: usize,
    h: usize,
    images: &Json,
    info: &mut Vec<(&'static str, InfoValue)>,
    out: &mut Vec<Finding>,
) -> bool {
    if !ID_SLOTS.contains(&slot) {
        return false;
    }
    let cfg = images.get("card").unwrap_or(&Json::Null);
    let min_long = th(cfg, "minCardLong");
    // The largest card the frame could hold: if even that is below the
    // legible size, no retake of this framing can work.
    let ratio = layout::CARD.0 / layout::CARD.1;
    let fit = (w.max(h) as f64).min(w.min(h) as f64 * ratio);
    if fit < min_long {
        report(
            out,
            Finding::error("image.number_illegible")
                .param("width", num(w as f64))
                .param("height", num(h as f64))
                .param("min", num(min_long)),
        );
        return false;
    }
    let expected = setting(images, slot, "cardSide").and_then(Json::as_str);
    let side_label = |s: Option<&str>| match s {
        Some("emblem") => "field.card.emblem",
        Some("portrait") => "field.card.portrait",
        _ => "field.card.any",
    };
    // A card under layoutMin, or without an ID card's faces, is not
    // found. A missing layoutMin is NaN: that test is off (hence not `>=`).
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    let found =
        find(rgba, w, h).filter(|c| !(c.layout_score < th(cfg, "layoutMin")) && c.faces.id_like);
    let Some(card) = found else {
        report(
            out,
            Finding::warning("image.card_not_found").param("side_label", side_label(expected)),
        );
        return false;
    };
    // A card placed by its print (no edges) is a few per cent off. When its
    // number is read only after the reader found the line from its own ink,
    // that registration places the card better, and the outline and every
    // region below are taken from it (placed portrait sides of the tuning
    // seeds: corner error 4–12 % → 1–6 %, none worse).
    let mut card = card;
    let min_conf = th(cfg, "readMin");
    let long_px = card.ppm * layout::CARD.0;
    let small = long_px < min_long;
    let mut number = None;
    if card.placed && card.side == Side::Portrait && !small {
        number = ocr::read_number(rgba, w, h, &card.hm, card.ppm);
        let moved = number
            .as_ref()
            .filter(|n| n.confidence >= min_conf)
            .and_then(|n| n.moved);
        let whole = (0.0, 0.0, layout::CARD.0, layout::CARD.1);
        if let Some((m, q)) = moved.and_then(|m| Some((m, zone_quad(&m, whole)?))) {
            card.corners = q;
            card.hm = m;
        }
    }
    let mut regions: Vec<(String, Json)> = Vec::new();
    let card_quad = quad_json(&card.corners);

    // A corner outside the frame or covered; the region: a 20 × 14 mm box
    // at the first such corner (0 top-left, clockwise).
    let mut hidden = card.hidden.clone();
    for i in fingered(&card.whole) {
        if !hidden.contains(&i) && !card.outside.contains(&i) {
            hidden.push(i);
        }
    }
    if let Some(&i) = card.outside.first().or(hidden.first()) {
        report(
            out,
            Finding::warning("image.card_cropped")
                .param_n("outside", card.outside.len() as i64)
                .param_n("covered", hidden.len() as i64),
        );
        let x = if i == 1 || i == 2 { 65.6 } else { 0.0 };
        let y = if i > 1 { 40.0 } else { 0.0 };
        if let Some(q) = zone_quad(&card.hm, (x, y, x + 20.0, y + 14.0)) {
            entry(&mut regions, "image.card_cropped", quad_json(&q));
        }
    }
    if small {
        report(
            out,
            Finding::warning("image.card_small")
                .param("px", num(long_px))
                .param("min", num(min_long)),
        );
        entry(&mut regions, "image.card_small", card_quad.clone());
    }

    // Quality on the card itself: exposure and colour at 3 px/mm, blur by
    // the edges inside a 2-mm margin, in the photo's own pixels.
    let m = measure(&card.whole.px, card.whole.w, card.whole.h, 1024);
    let color = wants_color(images, slot);
    let n = out.len();
    let inner = zone_quad(&card.hm, (2.0, 2.0, 83.6, 52.0));
    let spot = glare(&card.whole, card.side);
    let frac = spot.map_or(0.0, |s| s.1);
    let bright = quality(cfg, &m, frac, rgba, w, h, inner, color, out);
    for f in out.get(n..).unwrap_or(&[]) {
        entry(&mut regions, &f.code, card_quad.clone());
    }

    // Glare: blown-out pixels in a spot on an otherwise normally exposed card.
    if let Some((bbox, frac, over)) = spot {
        if frac >= th(cfg, "glareMin") && !bright {
            report(
                out,
                Finding::warning("image.glare").param("over_label", cat!("field.card.over.", over)),
            );
            if let Some(q) = zone_quad(&card.hm, bbox) {
                entry(&mut regions, "image.glare", quad_json(&q));
            }
        }
    }

    // The wrong face in a one-sided slot.
    let want = match expected {
        Some("portrait") => Side::Portrait,
        Some("emblem") => Side::Emblem,
        _ => Side::Unknown,
    };
    if want != Side::Unknown && card.side != Side::Unknown && card.side != want {
        let f = if card.side_sure {
            Finding::error("image.wrong_side")
        } else {
            Finding::warning("image.wrong_side")
        };
        report(
            out,
            f.param("found_label", cat!("field.card.", card.side.name()))
                .param("expected_label", cat!("field.card.", want.name())),
        );
        entry(&mut regions, "image.wrong_side", card_quad.clone());
    }

    // Reading.
    let mut fields = Vec::new();
    entry(&mut fields, "corners", card_quad);
    entry(&mut fields, "side", Json::Str(owned(card.side.name())));
    // A card placed by its print is a few per cent off: its number only
    // (the reader finds the line from its own ink, and the number's checks
    // decide), never its validity (no check character).
    let readable = !small && (!card.placed || card.side == Side::Portrait);
    if readable {
        if card.side == Side::Portrait {
            let read = if card.placed {
                number
            } else {
                ocr::read_number(rgba, w, h, &card.hm, card.ppm)
            };
            if let Some(read) = read {
                if read.confidence >= min_conf {
                    entry(&mut fields, "number", Json::Str(read.text));
                }
                entry(
                    &mut fields,
                    "numberConfidence",
                    Json::Num(r2(read.confidence)),
                );
            }
        } else if let Some(v) = ocr::read_validity(rgba, w, h, &card.hm, card.ppm) {
            if v.confidence >= min_conf {
                entry(&mut fields, "validFrom", Json::Str(v.from));
                entry(&mut fields, "validUntil", Json::Str(v.until));
            }
            entry(
                &mut fields,
                "validityConfidence",
                Json::Num(r2(v.confidence)),
            );
        }
    }
    if !regions.is_empty() {
        entry(&mut fields, "regions", Json::Obj(regions));
    }
    info.push(("card", InfoValue::Json(Json::Obj(fields))));
    true
}

/// `v.push((k.into(), j))`: called, not inlined, in the vision build (13
/// callers in [`run`]).
#[cfg_attr(vision_only, inline(never))]
fn entry(v: &mut Vec<(String, Json)>, k: &str, j: Json) {
    v.push((owned(k), j));
}

/// `out.push(f)`: called, not inlined, in the vision build (12 callers).
#[cfg_attr(vision_only, inline(never))]
fn report(out: &mut Vec<Finding>, f: Finding) {
    out.push(f);
}

fn r2(v: f64) -> f64 {
    crate::rt::round(v * 100.0) / 100.0
}

/// The ID photo's quality when no card was found in it (or the frame is too
/// small for one): the whole frame, with the thresholds of
/// `images.card.frame`. False (nothing done) for other slots and for a
/// `blank` frame that is not white (`image.blank` then).
#[allow(clippy::too_many_arguments)]
pub fn frame(
    slot: &str,
    blank: bool,
    rgba: &[u8],
    w: usize,
    h: usize,
    images: &Json,
    m: &Metrics,
    out: &mut Vec<Finding>,
) -> bool {
    let cfg = images
        .get("card")
        .and_then(|c| c.get("frame"))
        .unwrap_or(&Json::Null);
    let (x, y) = (w as f64, h as f64);
    let blown = rgba
        .chunks_exact(4)
        .filter(|p| matches!(p, [r, g, b, _] if *r.min(g).min(b) >= 252))
        .count() as f64
        / (x * y).max(1.0);
    // A blank frame is `image.blank`, unless white: the light washed out the card.
    if !(cfg!(vision_only) || ID_SLOTS.contains(&slot)) || blank && !washed(cfg, m, blown) {
        return false;
    }
    let color = wants_color(images, slot);
    let bright = quality(
        cfg,
        m,
        blown,
        rgba,
        w,
        h,
        Some([(0.0, 0.0), (x, 0.0), (x, y), (0.0, y)]),
        color,
        out,
    );
    // Blown-out pixels in a frame that is not washed out: glare, on a card
    // that may be why it was not found.
    if !bright && blown >= th(cfg, "glareMin") {
        report(
            out,
            Finding::warning("image.glare").param("over_label", "field.card.over.frame"),
        );
    }
    true
}

/// The corners (0 top-left, clockwise) a finger covers, seen on the
/// rectified card: the box 1.5–5 mm in from the corner (wholly on the card,
/// past its rounded corner) is even (standard deviation ≤ [`FINGER_SPREAD`]) and redder than the
/// other corners' boxes by [`FINGER_RED`] (mean R − B; the card's paper is
/// neutral, skin is not). The outline test (`Card::hidden`) misses most
/// fingers: the sides stay supported up to the finger. Generated hand-held
/// cards (seeds 2, 7, 8): the 11 covered corners of found colour cards
/// have R − B 19–65 over the others and a spread ≤ 3; the other corners
/// of 1,271 found cards reach it twice, both on outlines already wrong
/// (a side 73 px off, a cut corner). A grey photo shows no skin: not seen.
/// Cost: 4 boxes of ~10 × 10 px; +0.65 KB gz of the vision module.
fn fingered(r: &super::Rect) -> Vec<usize> {
    // Per corner: (even enough, mean R − B); `None` off the frame.
    let mut stats = [None; 4];
    let side = (3.5 * r.s) as usize;
    for (i, st) in stats.iter_mut().enumerate() {
        let x0 = if i == 1 || i == 2 {
            layout::CARD.0 - 5.0
        } else {
            1.5
        };
        let y0 = if i >= 2 { layout::CARD.1 - 5.0 } else { 1.5 };
        let (x0, y0) = ((x0 * r.s) as usize, (y0 * r.s) as usize);
        // Integer sums: luma × 256 and R − B (exact; ≤ 10⁴ pixels a box).
        let (mut n, mut sum, mut sq, mut red) = (0i64, 0i64, 0i64, 0i64);
        for y in y0..y0 + side {
            let row = (y * r.w + x0) * 4;
            for p in r.px.get(row..row + side * 4).unwrap_or(&[]).chunks_exact(4) {
                if let &[pr, pg, pb, a] = p {
                    if a > 0 {
                        let (pr, pg, pb) = (i64::from(pr), i64::from(pg), i64::from(pb));
                        let l = 77 * pr + 150 * pg + 29 * pb;
                        n += 1;
                        sum += l;
                        sq += l * l;
                        red += pr - pb;
                    }
                }
            }
        }
        if n >= 4 {
            // Variance (in luma² × 256²) against FINGER_SPREAD².
            let even = n * sq - sum * sum <= (n * n) * (FINGER_SPREAD * FINGER_SPREAD * 65536);
            *st = Some((even, red as f32 / n as f32));
        }
    }
    let mut hid = Vec::new();
    for (i, st) in stats.iter().enumerate() {
        let Some((even, red)) = *st else { continue };
        // The other corners' middle R − B (the larger of two when one is
        // off the frame); no sort: it links ~3 KB of sorting code.
        let (mut n, mut sum, mut lo, mut hi) = (0, 0.0, f32::MAX, f32::MIN);
        for (_, o) in stats.iter().enumerate().filter(|&(j, _)| j != i) {
            if let Some((_, r)) = *o {
                n += 1;
                sum += r;
                lo = lo.min(r);
                hi = hi.max(r);
            }
        }
        let mid = if n == 3 { sum - lo - hi } else { hi };
        if n >= 2 && even && red - mid >= FINGER_RED {
            hid.push(i);
        }
    }
    hid
}

/// See [`fingered`].
const FINGER_RED: f32 = 15.0;
/// See [`fingered`].
const FINGER_SPREAD: i64 = 4;

/// The threshold `key` of `c`; NaN (every comparison false: the check is
/// off) when it is missing.
#[cfg_attr(vision_only, inline(never))]
fn th(c: &Json, key: &str) -> f64 {
    c.get(key).and_then(Json::as_f64).unwrap_or(f64::NAN)
}

/// A rounded non-negative number as a message parameter.
#[cfg_attr(vision_only, inline(never))]
fn num(v: f64) -> String {
    cat!(crate::rt::round(v).max(0.0) as u64)
}

/// Whether the slot's photo must be in colour (`requireColor`).
#[cfg_attr(vision_only, inline(never))]
fn wants_color(images: &Json, slot: &str) -> bool {
    setting(images, slot, "requireColor").and_then(Json::as_bool) == Some(true)
}

/// Washed out: at least `brightBlown` of the region blown out (all channels
/// >= 252), or even its darkest 1 % lighter than `brightP01`.
fn washed(c: &Json, m: &Metrics, blown: f64) -> bool {
    blown >= th(c, "brightBlown") || f64::from(m.p01) > th(c, "brightP01")
}

/// Exposure and colour from `m` and the `blown` share, blur from the edges
/// inside `quad`, judged with the thresholds of `c` (a missing one is off).
/// Returns whether the region is washed out.
#[allow(clippy::too_many_arguments)]
fn quality(
    c: &Json,
    m: &Metrics,
    blown: f64,
    rgba: &[u8],
    w: usize,
    h: usize,
    quad: Option<[Pt; 4]>,
    color: bool,
    out: &mut Vec<Finding>,
) -> bool {
    let t = |key: &str| th(c, key);
    let dark = m.mean < t("darkMean") || f64::from(m.p99) < t("darkP99");
    let bright = !dark && washed(c, m, blown);
    if dark {
        report(
            out,
            Finding::warning("image.too_dark").param("brightness", num(m.mean)),
        );
    } else if bright {
        report(
            out,
            Finding::warning("image.overexposed").param("darkest", num(f64::from(m.p01))),
        );
    }
    // The edges' width, in pixels of a copy at most 1024 px long (what the
    // widget passes): the `blurQuantile` of the widths across rows or
    // across columns, whichever is wider (motion blurs one way).
    let mut width = 0f64;
    if let Some(q) = quad {
        let rise = (0.5 * (m.mean - f64::from(m.p01))).max(10.0);
        for v in edge_widths(rgba, w, h, &q, rise) {
            width = width.max(quantile(&v, t("blurQuantile")));
        }
        width *= 1024.0 / (w.max(h) as f64).max(1024.0);
    }
    let max = t("blurWidth");
    if width >= max {
        // Reported as a sharpness, 100 / width (higher is sharper).
        report(
            out,
            Finding::warning("image.blurry")
                .param("sharpness", num(100.0 / width))
                .param("min", num(100.0 / max)),
        );
    }
    // Washed out, colour is lost whatever the card; dark, it is still
    // measured (the chroma is brightness-normalised).
    if color && !bright && m.colorfulness < t("grayColorfulness") {
        report(out, Finding::warning("image.grayscale"));
    }
    bright
}

/// The blown-out spot on the card: its bounding box (mm), its share of the
/// card, and what it lies over (`number`, `portrait`, `emblem`, `validity`,
/// `card`).
fn glare(r: &super::Rect, side: Side) -> Option<(Zone, f64, &'static str)> {
    let (mut n, mut total) = (0usize, 0usize);
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0usize, 0usize);
    for y in 0..r.h {
        for x in 0..r.w {
            let i = (y * r.w + x) * 4;
            let Some(&[pr, pg, pb, a]) = r.px.get(i..i + 4) else {
                continue;
            };
            if a == 0 {
                continue;
            }
            total += 1;
            if pr.min(pg).min(pb) >= 252 {
                n += 1;
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
        }
    }
    if n == 0 || total == 0 {
        return None;
    }
    let frac = n as f64 / total as f64;
    let z: Zone = (
        x0 as f64 / r.s,
        y0 as f64 / r.s,
        (x1 + 1) as f64 / r.s,
        (y1 + 1) as f64 / r.s,
    );
    let overlaps = |a: &Zone| a.0 < z.2 && z.0 < a.2 && a.1 < z.3 && z.1 < a.3;
    let over = match side {
        Side::Portrait if overlaps(&layout::P_NUMBER) => "number",
        Side::Portrait if overlaps(&layout::P_PHOTO) => "portrait",
        Side::Emblem if overlaps(&layout::E_VALIDITY) => "validity",
        Side::Emblem if overlaps(&layout::E_EMBLEM) => "emblem",
        _ => "card",
    };
    Some((z, frac, over))
}

/// Widths (px) of the edges that scan lines through the convex `quad`
/// cross: rows first, then columns (at most 161 lines each way). Along a
/// line the luma is smoothed by [1 2 1]; an edge runs from a valley to the
/// next peak or back (reversals under a third of `min_rise` do not end
/// it); its width is its rise over its steepest one-pixel step — 2 for a
/// sharp step (the smoothing's), √(2π(σ² + ½)) ≈ 2.5 σ for one blurred by
/// a Gaussian of σ px, about the length for motion along the line. Edges
/// rising less than `min_rise` (luma) are left out: guilloche, noise. The
/// widths are counted in bins of 1/8 px (the last bin: ≥ 31.875 px).
pub fn edge_widths(rgba: &[u8], w: usize, h: usize, quad: &[Pt; 4], min_rise: f64) -> [Widths; 2] {
    let mut out = [[0u32; 256]; 2];
    let min_rise = (min_rise * 4.0) as i32;
    let tau = min_rise / 3;
    for (t, widths) in out.iter_mut().enumerate() {
        // (along, across) the scan line.
        let p = |q: Pt| if t == 1 { (q.1, q.0) } else { q };
        let (la, lb) = if t == 1 { (h, w) } else { (w, h) };
        let (mut b0, mut b1) = (f64::MAX, f64::MIN);
        for q in quad {
            b0 = b0.min(p(*q).1);
            b1 = b1.max(p(*q).1);
        }
        let (b0, b1) = (
            b0.max(0.0) as usize,
            b1.min(lb as f64 - 1.0).max(0.0) as usize,
        );
        let step = b1.saturating_sub(b0).div_ceil(160).max(1);
        for b in (b0..=b1).step_by(step) {
            let bf = b as f64;
            let (mut a0, mut a1) = (f64::MAX, f64::MIN);
            for (q, next) in quad.iter().zip(quad.iter().cycle().skip(1)) {
                let (u, v) = (p(*q), p(*next));
                if (u.1 <= bf) != (v.1 <= bf) {
                    let a = u.0 + (bf - u.1) / (v.1 - u.1) * (v.0 - u.0);
                    a0 = a0.min(a);
                    a1 = a1.max(a);
                }
            }
            if a0 >= a1 {
                continue;
            }
            let (a0, a1) = (
                a0.max(0.0) as usize,
                a1.min(la as f64 - 1.0).max(0.0) as usize,
            );
            // Streamed: `l1`, `l2` the last two lumas, `v` the [1 2 1] sum
            // (×4) centred on the one before. Zigzag: `e0` the last
            // extremum, `e1` the running one, `dir` its direction (0 until
            // the line first moves by `tau`: that first part starts
            // anywhere, so it is no edge); `g` the steepest step from `e0`
            // to `e1`, `gs` since `e1`.
            let (mut l1, mut l2, mut prev, mut e0, mut e1) = (0, 0, 0, 0, 0);
            let (mut dir, mut whole, mut g, mut gs) = (0i32, false, 0, 0);
            // The pixel index stepped along the line: (y w + x) 4 equal
            // (also modulo 2^64), without the per-pixel choice of axis.
            // Wrapping: a line wholly past the frame (a0 > a1, no pixel
            // read) may start at any a0; an index past the buffer is read
            // as 0 by `get`.
            let at = |y: usize, x: usize| y.wrapping_mul(w).wrapping_add(x).wrapping_mul(4);
            let (i0, di) = if t == 1 {
                (at(a0, b), w.wrapping_mul(4))
            } else {
                (at(b, a0), 4)
            };
            for k in 0..a1.saturating_add(1).saturating_sub(a0) {
                let i = i0.wrapping_add(k.wrapping_mul(di));
                let l = match rgba.get(i..i.wrapping_add(3)) {
                    Some(&[r, g, b]) => 77 * i32::from(r) + 150 * i32::from(g) + 29 * i32::from(b),
                    _ => 0,
                } >> 8;
                let v = l2 + 2 * l1 + l;
                (l2, l1) = (l1, l);
                if k < 3 {
                    (prev, e0, e1) = (v, v, v);
                    continue;
                }
                gs = gs.max((v - prev).abs());
                prev = v;
                if dir == 0 {
                    if (v - e0).abs() > tau {
                        (e1, dir, g, gs) = (v, (v - e0).signum(), gs, 0);
                    }
                } else if (v - e1) * dir > 0 {
                    (e1, g, gs) = (v, g.max(gs), 0);
                } else if (e1 - v).abs() > tau {
                    let rise = (e1 - e0).abs();
                    if whole && rise >= min_rise {
                        if let Some(n) = widths.get_mut((8 * rise / g.max(1)).min(255) as usize) {
                            *n += 1;
                        }
                    }
                    (e0, e1, dir, whole, g, gs) = (e1, v, -dir, true, gs, 0);
                }
            }
        }
    }
    out
}

/// Edge widths counted per 1/8 px ([`edge_widths`]).
pub type Widths = [u32; 256];

/// The width (px, to 1/8) below which a share `q` of the edges lie; 0 for
/// fewer than 20 edges.
pub fn quantile(h: &Widths, q: f64) -> f64 {
    let n: u32 = h.iter().sum();
    let mut left = (f64::from(n) * q) as u32;
    for (i, c) in h.iter().enumerate() {
        if n < 20 || *c > left {
            return if n < 20 { 0.0 } else { i as f64 / 8.0 };
        }
        left -= c;
    }
    0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::check_image_pixels;
    use crate::json::parse;

    /// A frame with no card: text-like rows of dark strokes and coloured
    /// discs on light paper; `blur` box-filters it three times (radius
    /// `blur`: σ = √blur(blur+1) px), `gray` drops the colour.
    fn scene(w: usize, h: usize, blur: usize, gray: bool) -> Vec<u8> {
        let mut px = Vec::with_capacity(w * h * 4);
        for y in 0..h {
            for x in 0..w {
                let stroke = (y % 24) < 10 && (x % 9) < 3 && (x * 7 + y / 24 * 31) % 100 > 15;
                let (dx, dy) = ((x % 160) as f64 - 80.0, (y % 120) as f64 - 60.0);
                let c = if stroke {
                    [30, 35, 45]
                } else if dx * dx + dy * dy < 900.0 {
                    [200, 120, 90]
                } else {
                    [235, 232, 222]
                };
                let c = if gray {
                    let l =
                        (77 * u32::from(c[0]) + 150 * u32::from(c[1]) + 29 * u32::from(c[2])) >> 8;
                    [l as u8; 3]
                } else {
                    c
                };
                px.extend_from_slice(&[c[0], c[1], c[2], 255]);
            }
        }
        for _ in 0..3 {
            box_blur(&mut px, w, h, blur);
        }
        px
    }

    /// A box filter of radius `r` along rows, then columns.
    fn box_blur(px: &mut [u8], w: usize, h: usize, r: usize) {
        if r == 0 {
            return;
        }
        for pass in 0..2 {
            let src = px.to_vec();
            let (n, m) = if pass == 0 { (h, w) } else { (w, h) };
            for a in 0..n {
                for b in 0..m {
                    let mut acc = [0u32; 3];
                    let lo = b.saturating_sub(r);
                    let hi = (b + r).min(m - 1);
                    for k in lo..=hi {
                        let i = if pass == 0 { a * w + k } else { k * w + a } * 4;
                        for (c, v) in acc.iter_mut().zip(&src[i..i + 3]) {
                            *c += u32::from(*v);
                        }
                    }
                    let i = if pass == 0 { a * w + b } else { b * w + a } * 4;
                    for (o, c) in px[i..i + 3].iter_mut().zip(acc) {
                        *o = (c / (hi - lo + 1) as u32) as u8;
                    }
                }
            }
        }
    }

    /// checkImagePixels' JSON answer, in English.
    fn run(slot: &str, px: &[u8], w: usize, h: usize) -> String {
        check_image_pixels(
            slot,
            px,
            w as u32,
            h as u32,
            r#"{"locale":"en"}"#,
            "2026-12-01",
        )
    }

    fn codes(slot: &str, px: &[u8], w: usize, h: usize) -> Vec<String> {
        let out = run(slot, px, w, h);
        let r = parse(&out).unwrap();
        r.get("findings")
            .and_then(Json::as_array)
            .unwrap()
            .iter()
            .map(|f| f.get("code").and_then(Json::as_str).unwrap().to_string())
            .collect()
    }

    fn median(v: &Widths) -> f64 {
        quantile(v, 0.5)
    }

    fn count(v: &Widths) -> u32 {
        v.iter().sum()
    }

    #[test]
    fn edge_widths_measure_the_blur_in_pixels() {
        let (w, h) = (400, 300);
        let all = [(0.0, 0.0), (400.0, 0.0), (400.0, 300.0), (0.0, 300.0)];
        let sharp = edge_widths(&scene(w, h, 0, false), w, h, &all, 20.0);
        let soft = edge_widths(&scene(w, h, 3, false), w, h, &all, 20.0);
        for (s, b) in sharp.iter().zip(&soft) {
            assert!(count(s) > 100 && count(b) > 20, "{} {}", count(s), count(b));
            // A sharp step is 1–2 px wide after the [1 2 1] smoothing; three
            // boxes of radius 3 (σ ≈ 3.5 px) make it about 2.5 σ (less
            // where strokes 3 px wide merge).
            assert!(median(s) < 3.0, "sharp {}", median(s));
            assert!(median(b) > 6.0, "blurred {}", median(b));
        }
        // Motion along the rows (a 10-px box over 20-px squares): only the
        // widths across the rows grow, to the motion's length.
        let mut px = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let mut acc = 0usize;
                for k in 0..10 {
                    acc += if ((x + k) / 20 + y / 20) % 2 == 0 {
                        40
                    } else {
                        220
                    };
                }
                let v = (acc / 10) as u8;
                px.extend_from_slice(&[v, v, v, 255]);
            }
        }
        let [rows, cols] = edge_widths(&px, w, h, &all, 20.0);
        assert!((8.0..12.0).contains(&median(&rows)), "{}", median(&rows));
        assert!(median(&cols) <= 2.0, "{}", median(&cols));
    }

    #[test]
    fn edge_widths_take_any_quad() {
        let (w, h) = (120, 90);
        let px = scene(w, h, 0, false);
        for q in [
            [(0.0, 0.0); 4],
            [
                (-500.0, -500.0),
                (900.0, -400.0),
                (800.0, 700.0),
                (-300.0, 600.0),
            ],
            [(10.0, 10.0), (10.5, 10.0), (10.5, 10.5), (10.0, 10.5)],
            [
                (f64::NAN, 0.0),
                (5.0, 5.0),
                (f64::INFINITY, 3.0),
                (0.0, 1e300),
            ],
        ] {
            let _ = edge_widths(&px, w, h, &q, 10.0);
            let _ = edge_widths(&px[..40], w, h, &q, 10.0);
        }
    }

    #[test]
    fn an_id_photo_without_a_card_is_judged_as_a_whole() {
        let (w, h) = (480, 360);
        let base = codes("idCardFront", &scene(w, h, 0, false), w, h);
        assert_eq!(base, ["image.card_not_found"]);
        let soft = codes("idCardFront", &scene(w, h, 3, false), w, h);
        assert!(soft.iter().any(|c| c == "image.blurry"), "{soft:?}");
        let gray = codes("idCardBack", &scene(w, h, 0, true), w, h);
        assert!(gray.iter().any(|c| c == "image.grayscale"), "{gray:?}");
        // A white frame is a washed-out card, not a blank upload; a grey one
        // is blank; other slots keep the whole-frame checks.
        let white = vec![254u8; w * h * 4];
        assert_eq!(
            codes("idCardFront", &white, w, h),
            ["image.card_not_found", "image.overexposed"]
        );
        let grey = vec![128u8; w * h * 4];
        assert_eq!(
            codes("idCardFront", &grey, w, h),
            ["image.card_not_found", "image.blank"]
        );
        assert_eq!(codes("businessLicense", &white, w, h), ["image.blank"]);
    }

    #[test]
    fn blown_out_pixels_in_a_frame_without_a_card_are_glare() {
        let (w, h) = (480, 360);
        let mut px = scene(w, h, 0, false);
        for y in 150..190 {
            for x in 200..240 {
                px[(y * w + x) * 4..][..3].copy_from_slice(&[255, 255, 255]);
            }
        }
        let out = run("handheldId", &px, w, h);
        assert!(
            out.contains("image.glare") && out.contains("somewhere in the picture"),
            "{out}"
        );
    }

    /// A rectified card (3 px/mm) of neutral paper with light noise, and
    /// `blob` painted over the 8 × 8 mm at `corner` (0 top-left, clockwise).
    fn card_with(corner: usize, blob: Option<[u8; 3]>) -> super::super::Rect {
        let s = 3.0;
        let (w, h) = ((layout::CARD.0 * s) as usize, (layout::CARD.1 * s) as usize);
        let mut px = Vec::with_capacity(w * h * 4);
        for y in 0..h {
            for x in 0..w {
                let v = 228 + ((x * 7 + y * 13) % 5) as u8;
                let right = x as f64 >= (layout::CARD.0 - 8.0) * s;
                let low = y as f64 >= (layout::CARD.1 - 8.0) * s;
                let near = match corner {
                    0 => !right && (y as f64) < 8.0 * s && (x as f64) < 8.0 * s,
                    1 => right && (y as f64) < 8.0 * s,
                    2 => right && low,
                    _ => low && (x as f64) < 8.0 * s,
                };
                match blob {
                    Some(c) if near => px.extend_from_slice(&[c[0], c[1], c[2], 255]),
                    _ => px.extend_from_slice(&[v, v, v.saturating_add(2), 255]),
                }
            }
        }
        super::super::Rect { w, h, s, px }
    }

    #[test]
    fn a_finger_over_a_corner_is_seen_by_its_skin() {
        for corner in 0..4 {
            // Skin (the generator's lightest and darkest tones): covered.
            assert_eq!(
                fingered(&card_with(corner, Some([235, 200, 175]))),
                vec![corner]
            );
            assert_eq!(
                fingered(&card_with(corner, Some([170, 120, 90]))),
                vec![corner]
            );
            // Grey (a grey photo's finger, a shadow): not told from paper.
            assert!(fingered(&card_with(corner, Some([150, 150, 150]))).is_empty());
        }
        // Plain paper: no corner.
        assert!(fingered(&card_with(0, None)).is_empty());
        // A red, uneven patch (print, the emblem) is not a finger.
        let mut r = card_with(1, Some([200, 60, 50]));
        for (k, p) in r.px.chunks_exact_mut(4).enumerate() {
            if p[1] == 60 && k % 3 == 0 {
                p[0] = 250;
                p[1] = 240;
                p[2] = 240;
            }
        }
        assert!(fingered(&r).is_empty());
        // A card cut by the frame (alpha 0) leaves that corner out.
        let mut r = card_with(3, Some([200, 150, 115]));
        for p in r.px.chunks_exact_mut(4) {
            p[3] = 0;
        }
        assert!(fingered(&r).is_empty());
    }
}
