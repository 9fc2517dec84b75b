//! Corner accuracy: the detector's outlines (detect.rs) are refitted
//! here, each side to the sub-pixel edge points near it ([`refine`], on
//! the working copy); the chosen card's sides once more on the frame
//! itself, over a wider reach ([`polish`]).

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::detect::{at, bin_diff, round_i, Quad, Work, NONE, NT};
use super::geom::{self, dist, Line, Pt};
use super::layout::CARD;
use super::Card;
use core::cell::Cell;

/// Refits each side to the thinned edge pixels near it (sub-pixel along
/// the gradient by a parabola through the magnitudes), [`REFINE_ROUNDS`]
/// times.
pub fn refine(wk: &Work, quad: &mut Quad) {
    for _ in 0..REFINE_ROUNDS {
        match refit(quad.q, quad.cut, 6.0, &|a, b| fit_side(wk, a, b)) {
            Some(nq) => quad.q = nq,
            None => return,
        }
    }
}

/// Each side of `q` refitted by `fit` (or kept where `fit` finds no edge
/// and `keep`: a completed side), and the corners where consecutive sides
/// meet; `None` when a side is missing, a corner moves `cap` or more, or
/// the quad is not convex.
fn refit(
    q: [Pt; 4],
    keep: bool,
    cap: f64,
    fit: &dyn Fn(Pt, Pt) -> Option<Line>,
) -> Option<[Pt; 4]> {
    let mut sides: [Option<Line>; 4] = [None; 4];
    for (s, side) in sides.iter_mut().enumerate() {
        let (a, b) = (geom::at(&q, s), geom::at(&q, s + 1));
        *side = fit(a, b);
        if side.is_none() && keep {
            *side = through(a, b);
        }
    }
    let mut nq = q;
    for (i, corner) in nq.iter_mut().enumerate() {
        // Corner i joins side i−1 and side i.
        let (l0, l1) = (geom::at(&sides, i + 3)?, geom::at(&sides, i)?);
        let p = l0.meet(&l1)?;
        if dist(p, *corner) >= cap {
            return None;
        }
        *corner = p;
    }
    geom::convex(&nq).then_some(nq)
}

/// The line through two points.
fn through(p: Pt, q: Pt) -> Option<Line> {
    let len = dist(p, q);
    if len < 1e-6 {
        return None;
    }
    let (a, b) = (-(q.1 - p.1) / len, (q.0 - p.0) / len);
    Some(Line {
        a,
        b,
        c: a * p.0 + b * p.1,
    })
}

/// Refitting rounds of [`refine`].
const REFINE_ROUNDS: usize = 2;
/// Half-pixel steps searched on each side of a side's line ([`fit_side`]).
const SIDE_REACH: usize = 8;
/// An edge within [`SIDE_REACH`] counts as the card's when at least this
/// share of the strongest one there; the innermost such edge wins.
const INNER_SHARE: f64 = 0.5;

fn fit_side(wk: &Work, a: Pt, b: Pt) -> Option<Line> {
    let len = dist(a, b);
    // A copy under 3 px a side has no interior pixel: no edge point.
    if len < 4.0 || wk.w < 3 || wk.h < 3 {
        return None;
    }
    // The interior is 1..w−1 × 1..h−1: a pixel rounds into it exactly
    // when its coordinate is within [0.5, w − 1.5) (rounding half away
    // from zero; NaN fails both), and there it is positive: [`cell`]'s
    // one addition and conversion (26 roundings a sample point).
    let (xe, ye) = (wk.w as f64 - 1.5, wk.h as f64 - 1.5);
    let (ux, uy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
    let (nx, ny) = (-uy, ux);
    let mut th = geom::atan2(ux, -uy);
    if th < 0.0 {
        th += geom::PI;
    }
    let bin = (th / geom::PI * NT as f64) as usize % NT;
    let mut pts: Vec<(f64, f64, f64)> = Vec::new();
    let n = (len as usize).clamp(4, 600);
    for i in 0..n {
        let t = 0.1 + 0.8 * (i as f64 + 0.5) / n as f64;
        let (px, py) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        // The innermost strong aligned edge within ±SIDE_REACH px along
        // the normal (inward: the quad is clockwise on screen): a drop
        // shadow or the ground's own edge lies just outside the card.
        // (Pixel positions kept as integers: the conversions back and
        // forth were ~0.15 G of 10.7 G instructions on s2_30.)
        let mut found: [(usize, usize, f64); 2 * SIDE_REACH + 1] =
            [(0, 0, 0.0); 2 * SIDE_REACH + 1];
        let mut top = 0f64;
        for (slot, o) in found
            .iter_mut()
            .zip(-(SIDE_REACH as i32)..=SIDE_REACH as i32)
        {
            let o = f64::from(o) * 0.5;
            let (Some(xi), Some(yi)) = (cell(px + nx * o, xe), cell(py + ny * o, ye)) else {
                continue;
            };
            let d = wk.dir.get(yi * wk.w + xi).copied().unwrap_or(NONE);
            if d == NONE || bin_diff(usize::from(d), bin) > 6 {
                continue;
            }
            let m = f64::from(at(&wk.mag, wk.w, xi, yi));
            top = top.max(m);
            *slot = (xi, yi, m);
        }
        let mut bestp: Option<(f64, f64, f64)> = None;
        for &(xi, yi, m) in found.iter().rev() {
            if m <= 0.0 || m < INNER_SHARE * top {
                continue;
            }
            let (x, y) = (xi as f64, yi as f64);
            // Sub-pixel: parabola through the magnitudes along the
            // dominant normal axis.
            let (ex, ey) = if nx.abs() >= ny.abs() {
                (1usize, 0usize)
            } else {
                (0, 1)
            };
            let m0 = f64::from(at(&wk.mag, wk.w, xi - ex, yi - ey));
            let m2 = f64::from(at(&wk.mag, wk.w, xi + ex, yi + ey));
            let den = m0 - 2.0 * m + m2;
            let off = if den < 0.0 {
                0.5 * (m0 - m2) / den
            } else {
                0.0
            };
            let off = off.max(-0.5).min(0.5);
            bestp = Some((x + off * ex as f64, y + off * ey as f64, m));
            break;
        }
        if let Some(p) = bestp {
            pts.push(p);
        }
    }
    fit_trim(pts, 1.0, 6, false)
}

/// `round_i(x)` when it is within 1..=`end` − 0.5 (`end` = n − 1.5 for the
/// interior 1..n − 1 of n pixels), else `None`.
// (The lazy form measured −160 M instructions on the tail against the
// eager one's −80 M: kept.)
#[allow(clippy::unnecessary_lazy_evaluations)]
#[inline]
fn cell(x: f64, end: f64) -> Option<usize> {
    // (x + 0.5 is exact, or rounds within [n, n + 0.5) past a power of
    // two, for 0.5 ≤ x < 2^52: its truncation is round_i(x).)
    (x >= 0.5 && x < end).then(|| (x + 0.5) as u32 as usize)
}

/// The line through `pts` refitted once to those within `tol` of it;
/// `None` under `need` points, and when fewer are within `tol` the first
/// fit (`None` if `strict`).
fn fit_trim(mut pts: Vec<(f64, f64, f64)>, tol: f64, need: usize, strict: bool) -> Option<Line> {
    if pts.len() < need {
        return None;
    }
    let l = Line::fit(&pts)?;
    pts.retain(|&(x, y, _)| l.dist((x, y)).abs() < tol);
    if pts.len() < need {
        return (!strict).then_some(l);
    }
    Line::fit(&pts)
}

/// Reach of [`polish`] on either side of each side, over the card's
/// diagonal (s2/s7/s8 corners within 2 %, steps of 8 levels: 3 %
/// 377/376/302, 4 % 377/376/307, 5 % 378/375/305).
const POLISH_REACH: f64 = 0.04;
/// The smallest corner move, over the diagonal, that [`polish`] makes.
const POLISH_MOVE: f64 = 0.005;
/// Profiles across each side in [`polish`].
const POLISH_SAMPLES: usize = 40;
/// Profile steps each way at most (the step grows on large frames, so the
/// cost is bounded whatever the size).
const POLISH_STEPS: usize = 40;
/// Where the profiles start and end along a side (the rounded corners,
/// a radius of 3.2 mm, end 6 % along the short side).
const POLISH_SPAN: f64 = 0.1;
/// The smallest luma rise over two steps that counts as an edge.
const POLISH_FLOOR: f32 = 6.0;
/// The smallest luma difference across an edge, [`PAD`] steps either
/// side, for [`polish`]: a thin line (a ruled line, the card's guilloche)
/// has none (s2/s7/s8 corners within 2 % at a reach of 4 %: 8 levels
/// 377/376/307, 12 levels 377/377/307, 16 levels 378/377/307; without
/// the test, at 3 %, 375/378/301).
const POLISH_STEP: f32 = 16.0;
/// See [`POLISH_STEP`].
const PAD: usize = 5;
/// An inner step is taken over the strongest when at least this share of
/// it and [`POLISH_SEP`] steps or more inside it (s2/s7/s8 corners within
/// 2 %, one round, separation 10: the strongest alone 395/384/315, share
/// 0.5 395/384/316, 0.3 395/385/317, 0.2 395/385/315; without the
/// separation, 0.3: 394/382/316, blurred edges' inner flanks).
const POLISH_INNER: f32 = 0.3;
/// See [`POLISH_INNER`] (share 0.3: 6 steps 394/384/316, 15 steps
/// 395/385/316).
const POLISH_SEP: usize = 2 * PAD;
/// Refitting rounds of [`polish`] (s2/s7/s8 corners within 2 % with the
/// inner step: one 395/385/317, two 395/387/317; the second round only
/// runs when the first moved a corner by [`POLISH_MOVE`]).
const POLISH_ROUNDS: usize = 2;
/// The profiles that must see a step for a side to move.
const POLISH_SUPPORT: usize = POLISH_SAMPLES / 2;

/// Refits the found card's sides on the full-resolution frame (the
/// detector's copy is 2–3× coarser) over a wider reach than [`refine`]'s:
/// a side the detector took from a shadow's or a paper's edge beside the
/// card moves in to the card's own edge. The corners, the homography and
/// the scale follow; the face, the print and the rectified copy stay.
pub fn polish(rgba: &[u8], w: usize, h: usize, card: &mut Card) {
    let c = card.corners;
    let diag = dist(geom::at(&c, 0), geom::at(&c, 2));
    let reach = POLISH_REACH * diag;
    let step = (reach / POLISH_STEPS as f64).max(1.0);
    let steps = (reach / step) as usize;
    let frame = Frame { rgba, w, h };
    // A side without a clear edge (a completed one, a faint one) stays.
    // A second round from the moved outline reaches an edge the first
    // could not (a side far out at one end).
    let mut nq = c;
    // The sides the last round found no edge near (`refit` fits the four
    // sides in order), for `outward`.
    let (bare, fits) = (Cell::new([false; 4]), Cell::new(0));
    for _ in 0..POLISH_ROUNDS {
        let Some(q) = refit(nq, true, 2.0 * reach, &|a, b| {
            let l = frame.edge(a, b, step, steps);
            let mut s = bare.get();
            if let Some(b) = s.get_mut(fits.get() % 4) {
                *b = l.is_none();
            }
            bare.set(s);
            fits.set(fits.get() + 1);
            l
        }) else {
            break;
        };
        let moved = q
            .iter()
            .zip(nq)
            .any(|(p, o)| dist(*p, o) >= POLISH_MOVE * diag);
        nq = q;
        if !moved {
            break;
        }
    }
    nq = outward(&frame, nq, bare.get(), reach, step, steps);
    if cut_side(&card.outside).is_none() {
        nq = pivot(&frame, nq, reach, PAD as f64 * step);
        nq = snap(&frame, nq, step, steps);
    }
    if let Some(i) = cut_side(&card.outside) {
        if let Some(q) = complete(&nq, i) {
            nq = extent(rgba, w, h, &q, i, card.side, card.ppm).unwrap_or(q);
        }
    }
    // An outline already on the card's edges stays: the polish is for a
    // side taken from another edge, and a small shift only moves the
    // reader's sampling (its reads flip both ways).
    if nq
        .iter()
        .zip(c)
        .all(|(p, q)| dist(*p, q) < POLISH_MOVE * diag)
    {
        return;
    }
    if let Some(hm) = geom::Homography::from_rect(CARD.0, CARD.1, &nq) {
        let top = dist(nq[0], nq[1]);
        card.ppm = top.min(dist(nq[3], nq[2])) / CARD.0;
        card.corners = nq;
        card.hm = hm;
    }
}

/// How far `q`'s mean side lengths are from ID-1's aspect (a ratio, 0
/// when equal).
fn aspect_off(q: &[Pt; 4]) -> f64 {
    ratio_off((dist(q[0], q[1]) + dist(q[3], q[2])) / (dist(q[0], q[3]) + dist(q[1], q[2])))
}

/// How far a width / height ratio (either way round) is from ID-1's.
fn ratio_off(r: f64) -> f64 {
    let r = if r < 1.0 { 1.0 / r } else { r };
    (r * CARD.1 / CARD.0 - 1.0).abs()
}

/// How far the rectangle whose projection is `q` is from ID-1's aspect
/// ([`geom::rect_aspect`], the focal length from `q` itself, the principal
/// point at its corners' mean): a tilted card's true outline is 5–10 %
/// off ID-1's aspect in the image but near 0 here. (The principal point
/// is the card's centre, not the frame's: the card generator's camera
/// looks at the card's centre, and a photo of a card is framed on it. The
/// true outlines of s2/s7/s8 ≥ 5 % off: 296 of 1,446 in the image, 0 this
/// way, 70 with every corner moved up to 2 px; s2's 92 of 505 with the
/// frame's centre. A side parallel to its opposite one gives no focal
/// length: then it is the image's.)
fn rect_off(q: &[Pt; 4]) -> f64 {
    let c = q
        .iter()
        .fold((0.0, 0.0), |s, p| (s.0 + p.0 / 4.0, s.1 + p.1 / 4.0));
    ratio_off(geom::rect_aspect(q, c))
}

/// An outline far from ID-1's aspect (over [`SNAP_ASPECT`], in the image
/// and rectified: [`rect_off`]): one side taken from another edge beyond
/// the polish's reach (a paper's ruled line, the hand holding the card, a
/// print block). Each side in turn is placed again by the aspect from the
/// other three ([`complete`]) and fitted there to the step most of its
/// profiles see ([`consensus`], twice the polish's reach: the aspect
/// alone misplaces it by the perspective); the outline whose aspect comes
/// nearest ID-1's is kept when that is under [`SNAP_KEEP`] and half the
/// old one, and its new side steps along both halves with the polarity of
/// two of the other sides (the card against its ground: a side taken from
/// another object's edge steps the other way).
fn snap(frame: &Frame, q: [Pt; 4], step: f64, steps: usize) -> [Pt; 4] {
    let a0 = aspect_off(&q);
    // A tilted card's outline is off ID-1's aspect in the image by its
    // perspective alone: only an outline that no view of an ID-1 card
    // explains is rebuilt.
    if a0 < SNAP_ASPECT || rect_off(&q) < SNAP_ASPECT {
        return q;
    }
    let off = PAD as f64 * step;
    let mut best = (SNAP_KEEP.min(a0 / 2.0), q);
    for i in 0..4 {
        let Some(c) = complete(&q, i) else { continue };
        let side = Cell::new(0);
        let Some(m) = refit(c, false, f64::INFINITY, &|a, b| {
            side.set(side.get() + 1);
            if side.get() == i + 1 {
                consensus(frame.edge_points(a, b, step, 2 * steps), 2.0 * step)
            } else {
                through(a, b)
            }
        }) else {
            continue;
        };
        let [h0, h1] = edge_halves(frame, geom::at(&m, i), geom::at(&m, i + 1), off);
        let agree = (1..4)
            .filter(|j| {
                let [g0, g1] =
                    edge_halves(frame, geom::at(&m, i + j), geom::at(&m, i + j + 1), off);
                (g0 + g1) * h0 > 0.0
            })
            .count();
        let a = aspect_off(&m);
        if a < best.0 && agree >= 2 && h0 * h1 > 0.0 && h0.abs().min(h1.abs()) >= POLISH_STEP {
            best = (a, m);
        }
    }
    best.1
}

/// The line through the most of `pts` (within `tol` of the line through
/// two of them half the list apart — far apart along the side, in the
/// profiles' order; at least [`POLISH_SUPPORT`]), fitted to those: a side
/// placed roughly (turned, or a few profiles on other steps) still finds
/// the one edge most profiles saw.
fn consensus(mut pts: Vec<(f64, f64, f64)>, tol: f64) -> Option<Line> {
    let mut best = (POLISH_SUPPORT - 1, None);
    for (p, q) in pts.iter().zip(pts.iter().skip(pts.len() / 2)) {
        if let Some(l) = through((p.0, p.1), (q.0, q.1)) {
            let n = pts
                .iter()
                .filter(|r| l.dist((r.0, r.1)).abs() < tol)
                .count();
            if n > best.0 {
                best = (n, Some(l));
            }
        }
    }
    let l = best.1?;
    pts.retain(|r| l.dist((r.0, r.1)).abs() < tol);
    Line::fit(&pts)
}

/// [`snap`] runs on outlines whose aspect is this far from ID-1's
/// (s2/s7/s8 corners within 2 %: 8 % 415/408/332, 5 % 415/409/333, 2.5 %
/// 415/408/333: s7 #599 moved off its edge).
const SNAP_ASPECT: f64 = 0.05;
/// [`snap`]'s outline must come this near ID-1's aspect.
const SNAP_KEEP: f64 = 0.05;

/// Each side that [`polish`] found no edge near moved out, parallel, to an
/// edge `reach / 2` to `2 reach` outside it: the detector took it from a
/// line on the card parallel to its edge (a print line, the portrait's
/// box), beyond the polish's reach. A side moves when both its ends lie
/// at least `reach / 2` from the new line and within 2× of each other (a
/// turned line is another object's edge: a blurred card's background), and
/// the moved outline is kept when its aspect comes no further from ID-1's
/// (`card_eval` corners within 2 %, s2/s7/s8: 408/398/328 → 410/401/329;
/// the aspect test alone 410/401/329 with s7 #599 lost; neither test, as
/// a fallback in the polish's rounds, 407/400/329: docs/notes/vision-corners.md,
/// eighteenth session).
fn outward(
    frame: &Frame,
    q: [Pt; 4],
    bare: [bool; 4],
    reach: f64,
    step: f64,
    steps: usize,
) -> [Pt; 4] {
    let side = Cell::new(0);
    let moved = refit(q, true, f64::INFINITY, &|a, b| {
        side.set(side.get() + 1);
        if !geom::at(&bare, side.get() + 3) {
            return None;
        }
        let len = dist(a, b).max(1.0);
        let (ox, oy) = ((b.1 - a.1) / len * reach, (a.0 - b.0) / len * reach);
        let l = frame.edge((a.0 + ox, a.1 + oy), (b.0 + ox, b.1 + oy), step, steps)?;
        let (m0, m1) = (l.dist(a).abs(), l.dist(b).abs());
        (2.0 * m0.min(m1) >= m0.max(m1).max(reach)).then_some(l)
    });
    match moved {
        Some(m) if aspect_off(&m) <= aspect_off(&q) => m,
        _ => q,
    }
}

/// The signed level difference `off` px either side of the line `a`→`b`
/// (left minus right), as means over the half of [`POLISH_SAMPLES`] points
/// nearer `a` and the half nearer `b`.
#[inline(never)]
fn edge_halves(frame: &Frame, a: Pt, b: Pt, off: f64) -> [f32; 2] {
    let len = dist(a, b).max(1.0);
    let (nx, ny) = ((b.1 - a.1) / len * off, (a.0 - b.0) / len * off);
    let mut sum = [0.0; 2];
    for i in 0..POLISH_SAMPLES {
        let t = POLISH_SPAN + (1.0 - 2.0 * POLISH_SPAN) * (i as f64 + 0.5) / POLISH_SAMPLES as f64;
        let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        if let Some(s) = sum.get_mut(2 * i / POLISH_SAMPLES) {
            *s += frame.luma((p.0 + nx, p.1 + ny)) - frame.luma((p.0 - nx, p.1 - ny));
        }
    }
    let k = 2.0 / POLISH_SAMPLES as f32;
    [sum[0] * k, sum[1] * k]
}

/// A side on the card's edge at one end only, turned about that end onto
/// the edge: the detector took it from a line beside the card that meets
/// the card's edge there (a paper's ruled line, the ground's edge). For
/// each corner and each of its two sides, where the side's far half has
/// under [`PIVOT_BROKEN`] of the step its near half has, the corner slides
/// in along its other side (up to `PIVOT_REACH` × `reach`) to where the
/// weaker half of the turned side is strongest, with the near half's
/// polarity; taken when that is at least [`PIVOT_KEEP`] of the near half's
/// step. The outline is kept when its aspect comes no further from ID-1's.
fn pivot(frame: &Frame, mut q: [Pt; 4], reach: f64, off: f64) -> [Pt; 4] {
    let q0 = q;
    let n = (PIVOT_REACH * reach / off) as usize;
    let ppm = (dist(q[0], q[1]) + dist(q[3], q[2])) / (2.0 * CARD.0);
    for i in 0..4 {
        for (along, fixed) in [(3, 1), (1, 3)] {
            let (c, o, f) = (
                geom::at(&q, i),
                geom::at(&q, i + along),
                geom::at(&q, i + fixed),
            );
            let [near, far] = edge_halves(frame, f, c, off);
            // The slides searched and the step the turned side must beat
            // there: all slides when the side is off the edge at this
            // corner only; else, when the other side's edge ends short of
            // the corner (the whole side may be off: either polarity), the
            // slides near that end.
            let mut blind = None;
            let (ks, pol, least) =
                if near.abs() >= PIVOT_FLOOR && far * near.signum() < PIVOT_BROKEN * near.abs() {
                    (1..=n, [near.signum(); 2], PIVOT_KEEP * near.abs())
                } else {
                    match short(frame, c, o, off, ppm, n) {
                        Some(k) if k as f64 * off >= PIVOT_SHORT * reach => {
                            blind = (near.abs().max(far.abs()) < PIVOT_BLANK).then_some(k);
                            (
                                k.saturating_sub(2).max(1)..=(k + 2).min(n),
                                [1.0, -1.0],
                                (PIVOT_GAIN * near.min(far).max(-near.max(far))).max(POLISH_STEP),
                            )
                        }
                        _ => continue,
                    }
                };
            let len = dist(c, o).max(1.0);
            let u = ((o.0 - c.0) / len * off, (o.1 - c.1) / len * off);
            let mut best = least;
            // A turned side with no step at all (white on white) is placed
            // by its neighbour's edge alone, at `short`'s point, when the
            // turned side's other end says the same of its own neighbour
            // (the card ends short there too); a slide whose step beats
            // `least` wins over it, and the outline's aspect check below
            // holds for it as for every slide.
            let mut slid = None;
            if let Some(k) = blind {
                if short(frame, f, geom::at(&q, i + 2), off, ppm, n).is_some() {
                    slid = Some((c.0 + u.0 * k as f64, c.1 + u.1 * k as f64));
                }
            }
            for k in ks {
                let p = (c.0 + u.0 * k as f64, c.1 + u.1 * k as f64);
                let [h0, h1] = edge_halves(frame, f, p, off);
                let s = pol.map(|g| (h0 * g).min(h1 * g));
                let s = s[0].max(s[1]);
                if s > best {
                    best = s;
                    slid = Some(p);
                }
            }
            if let (Some(p), Some(ci)) = (slid, q.get_mut(i)) {
                *ci = p;
            }
        }
    }
    if geom::convex(&q) && aspect_off(&q) <= aspect_off(&q0) {
        q
    } else {
        q0
    }
}

/// Where the side `c`→`o`'s edge ends short of the corner `c`: the
/// number of `off` steps from `c` to where the corner would be, `None`
/// when the step runs on to `c` or the side has no step. The edge is
/// followed from `c` towards `o` in steps of `off`; it starts at the first
/// of three steps in a row with at least half the step of the side's half
/// nearer `o`. A rounded corner (ID-1: 3.18 mm) ends the step
/// sampled `off` either side of the side where the arc leaves it `off`
/// in, that far short of the true corner.
fn short(frame: &Frame, c: Pt, o: Pt, off: f64, ppm: f64, n: usize) -> Option<usize> {
    let [mid, _] = edge_halves(frame, o, c, off);
    if mid.abs() < PIVOT_FLOOR {
        return None;
    }
    let len = dist(c, o).max(1.0);
    let (ux, uy) = ((o.0 - c.0) / len, (o.1 - c.1) / len);
    let (nx, ny) = (
        -uy * off * mid.signum() as f64,
        ux * off * mid.signum() as f64,
    );
    let on = |k: usize| {
        let d = k as f64 * off;
        let p = (c.0 + ux * d, c.1 + uy * d);
        let s = frame.luma((p.0 + nx, p.1 + ny)) - frame.luma((p.0 - nx, p.1 - ny));
        s >= 0.5 * mid.abs()
    };
    let m = (n + 2).min((len / off) as usize / 2);
    let mut run = 0;
    let end = (0..m + 2).find(|&k| {
        run = if on(k) { run + 1 } else { 0 };
        run == 3
    })? - 2;
    let r = CORNER_R * ppm;
    let lag = if off < r {
        r - crate::rt::sqrt(off * (2.0 * r - off))
    } else {
        r
    };
    let k = round_i((end as f64 * off - lag) / off);
    (k >= 2).then_some(k as usize)
}

/// ID-1's corner radius, mm.
const CORNER_R: f64 = 3.18;
/// [`pivot`] slides a corner to where its other side's edge ends when that
/// is at least this many polish reaches short of it.
const PIVOT_SHORT: f64 = 0.5;
/// A side turned where its neighbour's edge ends short needs this many
/// times the step it had (the weaker half's, either polarity).
const PIVOT_GAIN: f32 = 1.5;
/// A turned side whose two halves both step under this (levels) has no
/// edge of its own: [`pivot`] may place it by its neighbours' edges alone.
const PIVOT_BLANK: f32 = 4.0;
/// How far [`pivot`] slides a corner, in polish reaches.
const PIVOT_REACH: f64 = 2.5;
/// The least step (levels) on a side's near half for [`pivot`] to turn it.
const PIVOT_FLOOR: f32 = 8.0;
/// A far half with under this share of the near half's step is off the edge.
const PIVOT_BROKEN: f32 = 0.4;
/// The turned side's weaker half needs this share of the near half's step.
const PIVOT_KEEP: f32 = 0.7;

/// A cut card (two adjacent corners outside the frame, side `i` of
/// [`cut_side`]: the detector completed it on the working copy) completed
/// again from its polished visible sides: the hidden side parallel to the visible opposite
/// side A–B, along the two sides from A and B, where their mean length over
/// the mean of A–B and the hidden side is ID-1's 85.6 : 54 (or 54 : 85.6 for
/// a cut long side; the nearer to the detector's). Perspective would place
/// it by where the short sides converge, and the foreshortening along the
/// visible sides needs the camera's focal length and principal point:
/// neither is known (see docs/notes/vision-corners.md, fifteenth session).
fn complete(q: &[Pt; 4], i: usize) -> Option<[Pt; 4]> {
    // A–B the visible opposite side; A→P and B→Q the visible sides.
    let (a, b) = (geom::at(q, i + 3), geom::at(q, i + 2));
    let (p, pq) = (geom::at(q, i), geom::at(q, i + 1));
    let (len, la, lb) = (dist(a, b), dist(a, p), dist(b, pq));
    if len < 1.0 || la < 1.0 || lb < 1.0 {
        return None;
    }
    let e = ((b.0 - a.0) / len, (b.1 - a.1) / len);
    let ua = ((p.0 - a.0) / la, (p.1 - a.1) / la);
    let ub = ((pq.0 - b.0) / lb, (pq.1 - b.1) / lb);
    // The visible sides' rise per unit of height over A–B (the sign of the
    // normal cancels).
    let (ca, cb) = (e.0 * ua.1 - e.1 * ua.0, e.0 * ub.1 - e.1 * ub.0);
    // At height h: C = A + ua h / ca and D = B + ub h / cb, so
    // |AC| + |BD| = k h and |CD| = len + m h.
    let k = 1.0 / ca + 1.0 / cb;
    let m = (ub.0 / cb - ua.0 / ca) * e.0 + (ub.1 / cb - ua.1 / ca) * e.1;
    let ratio = if la + lb > len + dist(p, pq) {
        CARD.0 / CARD.1
    } else {
        CARD.1 / CARD.0
    };
    // (k h) / (2 len + m h) = ratio.
    let h = 2.0 * ratio * len / (k - ratio * m);
    // (Written to fail on NaN: sides parallel to A–B.)
    if !(ca * cb > 0.0 && h * ca > 0.0 && len + m * h > 0.0 && h.is_finite()) {
        return None;
    }
    let mut nq = *q;
    *nq.get_mut(i)? = (a.0 + ua.0 * h / ca, a.1 + ua.1 * h / ca);
    *nq.get_mut((i + 1) % 4)? = (b.0 + ub.0 * h / cb, b.1 + ub.1 * h / cb);
    // Convex: a trapezoid, C–D parallel to A–B and as directed.
    Some(nq)
}

/// The side (corners i and i + 1) whose two corners are `outside`.
pub(super) fn cut_side(outside: &[usize]) -> Option<usize> {
    (0..4).find(|&i| outside.contains(&i) && outside.contains(&((i + 1) % 4)))
}

/// A printed group whose ends are fixed on every card: the rows (mm, top
/// and bottom) it lies in, its ends along the card (mm from the left side;
/// where its ink starts and ends on the tuning seeds' cards with true
/// corners; the end `INFINITY` when it is not fixed), the gap (mm) under
/// which inked columns are one group, and where it starts in the outline's
/// frame (mm; a cut card's is a few mm off): the group with the most ink of
/// those that start there is taken.
struct Fixed {
    rows: (f64, f64),
    ends: (f64, f64),
    gap: f64,
    starts: (f64, f64),
}

/// Portrait side: the 18-character number (公民身份号码's label ends ~6 mm
/// left of it).
const NUMBER_INK: Fixed = Fixed {
    rows: (44.9, 48.3),
    ends: (29.2, 78.4),
    gap: 3.0,
    starts: (20.0, 40.0),
};
/// Portrait side, the second row on either cut: the values of 出生 (year
/// to 日) in one group, both ends fixed (the values' column is fixed only
/// at its start, under [`EXTENT_BASE`] from the left side; a left cut deep
/// enough to hide that start leaves 日's end, 41 mm from the right side).
/// The year ends 3.2–3.7 mm before 年, hence the gap; 出生 ends ~5 mm
/// before the year.
const BIRTH_INK: Fixed = Fixed {
    rows: (18.3, 21.7),
    ends: (16.2, 44.2),
    gap: 4.0,
    starts: (10.5, 24.0),
};
/// Emblem side: 中华人民共和国 (the emblem ends ~6 mm left of it; its
/// characters are up to ~4 mm apart, hence the gap).
const TITLE_INK: Fixed = Fixed {
    rows: (9.2, 12.8),
    ends: (30.95, 73.2),
    gap: 5.0,
    starts: (24.0, 40.0),
};
/// Emblem side: the labels 签发机关 and 有效期限 (~4 mm left of their
/// values).
const LABELS_INK: Fixed = Fixed {
    rows: (40.0, 49.5),
    ends: (15.45, 26.1),
    gap: 2.0,
    starts: (9.0, 24.0),
};

/// Sampling of [`hidden_at`]'s band (px/mm).
const EXTENT_S: f64 = 4.0;
/// The least distance (mm) of a group's far end from the visible side for a
/// scale from it (the hidden side is extrapolated from it).
const EXTENT_BASE: f64 = 25.0;
/// The least luma between [`hidden_at`]'s band's ink and paper (its 5th
/// and 90th percentiles).
const EXTENT_CONTRAST: f32 = 25.0;

/// Emblem side, top hidden: columns of the card turned a quarter
/// ([`extent`]: rows are 85.6 mm less the columns along the card, ends
/// are heights): the title's first and last characters (31–35 and
/// 69.5–74 mm along the card), their ink 8.8–9.0 mm to 13.0–13.1 mm down
/// on the generator's five CJK fonts (a flat rendering); the ends are the
/// centres of the end samples [`hidden_at`] sees (half a sample inside:
/// the group's length is then 3.75–4.0 mm at [`EXTENT_S`], within its
/// agreement). Nothing is printed above them, 居民身份证 starts ~7 mm
/// below.
const TITLE_HIGH: [Fixed; 2] = [
    Fixed {
        rows: (50.6, 54.6),
        ends: (9.0, 12.9),
        gap: 3.0,
        starts: (3.0, 15.0),
    },
    Fixed {
        rows: (11.6, 16.1),
        ends: (9.0, 12.9),
        gap: 3.0,
        starts: (3.0, 15.0),
    },
];

/// A cut card (side `i` of [`cut_side`] hidden) placed again by its print:
/// where the hidden side crosses the rows of a [`Fixed`] group
/// ([`hidden_at`]: the number or the title), and of a second one far from
/// it (the birth row or the labels); the hidden side through the two, or
/// through the one and its far corner as [`complete`] put it (one row does
/// not tell the side's turn, and the truth's hidden side is often turned
/// in the outline's frame: perspective). [`complete`] assumes no
/// foreshortening along the card; the print shows it. The emblem side's
/// top hidden is placed the same way on the card turned a quarter (its
/// frame's length along the card's height), by the title's two end
/// columns ([`TITLE_HIGH`]); the other long sides have no fixed print near
/// them that a cut leaves (the number, the validity: cut with the side).
pub(super) fn extent(
    rgba: &[u8],
    w: usize,
    h: usize,
    q: &[Pt; 4],
    i: usize,
    side: super::Side,
    ppm: f64,
) -> Option<[Pt; 4]> {
    // Turned a quarter for the top: corner k of `r` is the card's k + 1,
    // the top side the turned card's left one.
    let long = i % 2 == 0;
    let t = usize::from(long);
    let r = [0, 1, 2, 3].map(|k| geom::at(q, k + t));
    let left = (i + 4 - t) % 4 == 3;
    let (len, wid) = if long { (CARD.1, CARD.0) } else { CARD };
    let (one, two) = match side {
        super::Side::Emblem if long && left => (&TITLE_HIGH[0], &TITLE_HIGH[1]),
        _ if long => return None,
        super::Side::Portrait => (&NUMBER_INK, &BIRTH_INK),
        super::Side::Emblem => (&TITLE_INK, &LABELS_INK),
        super::Side::Unknown => return None,
    };
    let hm = geom::Homography::from_rect(len, wid, &r)?;
    let mid = |f: &Fixed| (f.rows.0 + f.rows.1) / 2.0;
    let at = |f: &Fixed| hidden_at(rgba, w, h, &hm, ppm, (left, len), f).map(|u| (u, mid(f)));
    let (u1, r1) = at(one)?;
    let th = if left { 0.0 } else { len };
    let far = if r1 < wid / 2.0 { wid } else { 0.0 };
    let (u2, r2) = at(two).unwrap_or((th, far));
    let u = |v: f64| u1 + (u2 - u1) * (v - r1) / (r2 - r1);
    let mut nq = *q;
    // Corners 0 and 3 (left) or 1 and 2 (right) of the (turned) card: top,
    // bottom.
    let (top, bottom) = if left { (0, 3) } else { (1, 2) };
    for (c, v) in [(top, 0.0), (bottom, wid)] {
        *nq.get_mut((c + t) % 4)? = hm.map(u(v), v)?;
    }
    geom::convex(&nq).then_some(nq)
}

/// Where the hidden side crosses `fx`'s rows (mm along the card in `hm`'s
/// frame): `fx`'s group found on a band that runs well past the hidden
/// side, its end nearer the hidden side (clear of the frame's edge) put at
/// its printed place by scaling the card about the visible side (in
/// `hm`'s own frame, so the perspective the visible sides give is kept).
/// `(left, len)`: the hidden side is the frame's left one (else its right),
/// and the frame's length (mm: the card's, or its height when turned).
/// (Called, not inlined: it is used twice.)
#[inline(never)]
fn hidden_at(
    rgba: &[u8],
    w: usize,
    h: usize,
    hm: &geom::Homography,
    ppm: f64,
    (left, len): (bool, f64),
    fx: &Fixed,
) -> Option<f64> {
    // The band: from just inside the visible side to 30 % of the card's
    // length past the hidden one.
    let (x0, x1) = if left {
        (-0.3 * len, len - 1.0)
    } else {
        (1.0, 1.3 * len)
    };
    let b = super::rectify(
        rgba,
        w,
        h,
        hm,
        (x0, fx.rows.0, x1, fx.rows.1),
        EXTENT_S,
        ppm,
    );
    // Columns: inked (pixels well under the band's light level), or cut
    // (half their pixels or more outside the frame: the frame's edge may
    // cross the band at a slant).
    let mut hist = [0u32; 256];
    let mut out = vec![0usize; b.w];
    for y in 0..b.h {
        for (x, c) in out.iter_mut().enumerate() {
            match b.luma(x, y) {
                Some(v) => {
                    if let Some(n) = hist.get_mut(v as usize) {
                        *n += 1;
                    }
                }
                None => *c += 1,
            }
        }
    }
    let n: u32 = hist.iter().sum();
    if n < 16 {
        return None;
    }
    // The level under which `k` twentieths of the band's pixels lie (a
    // histogram, not a sort: the sort's code is ~2 KB of wasm).
    let level = |k: u32| {
        let mut acc = 0;
        hist.iter()
            .position(|&c| {
                acc += c;
                acc * 20 > n * k
            })
            .unwrap_or(255) as f32
    };
    let (lo, hi) = (level(1), level(18));
    if hi - lo < EXTENT_CONTRAST {
        return None;
    }
    let th = (lo + hi) / 2.0;
    // The group of inked columns (gaps under fx.gap) with the most ink of
    // those starting within fx.starts.
    let gap = (fx.gap * EXTENT_S) as usize;
    let within = |x: usize| (fx.starts.0..fx.starts.1).contains(&(x0 + x as f64 / EXTENT_S));
    let (mut best, mut start, mut last, mut sum) = ((0, 0, 0u32), 0, 0, 0u32);
    for x in 0..b.w {
        let v = (0..b.h)
            .filter(|&y| b.luma(x, y).is_some_and(|v| v < th))
            .count() as u32;
        if v >= 2 {
            if sum == 0 || x > last + gap {
                (start, sum) = (x, 0);
            }
            sum += v;
            last = x;
            if within(start) && sum > best.2 {
                best = (start, x, sum);
            }
        }
    }
    if best.2 == 0 {
        return None;
    }
    // The group's end nearer the hidden side, or its far end when that one
    // is cut (a card cut on the right shows its number's start, not its
    // end) and far enough from the visible side for a scale; either clear of
    // the frame's edge.
    let (near, far, t_near, t_far) = if left {
        (best.0, best.1, fx.ends.0, fx.ends.1)
    } else {
        (best.1, best.0, fx.ends.1, fx.ends.0)
    };
    let pad = (1.5 * EXTENT_S) as usize;
    let clear = |x: usize| {
        x >= pad
            && out
                .get(x - pad..=x + pad)
                .is_some_and(|c| c.iter().all(|&n| 2 * n < b.h))
    };
    let at = |x: usize| x0 + (x as f64 + 0.5) / EXTENT_S;
    let (uv, uh) = if left { (len, 0.0) } else { (0.0, len) };
    // printed = uv + beta (u − uv).
    let scale = |x: usize, t: f64| (t - uv) / (at(x) - uv);
    let beta = if t_near.is_finite() && clear(near) {
        let beta = scale(near, t_near);
        // The group's length agrees when both its ends are fixed (the
        // emblem or a label taken or merged in does not).
        let agree = (t_far - t_near) / (at(far) - at(near)) / beta;
        (!t_far.is_finite() || (0.92..1.08).contains(&agree)).then_some(beta)?
    } else if clear(far) && (t_far - uv).abs() >= EXTENT_BASE {
        // A group cut at its near end is no longer than the whole one.
        let beta = scale(far, t_far);
        ((at(far) - at(near)) * beta / (t_far - t_near) < 1.08).then_some(beta)?
    } else {
        return None;
    };
    (0.8..1.25).contains(&beta).then(|| uv + (uh - uv) / beta)
}

/// The RGBA frame [`polish`] reads.
struct Frame<'a> {
    rgba: &'a [u8],
    w: usize,
    h: usize,
}

impl Frame<'_> {
    /// Luma at the pixel nearest `p`, or at the frame's nearest edge pixel
    /// (a profile leaving the frame flattens: no step there).
    fn luma(&self, p: Pt) -> f32 {
        let x = round_i(p.0).max(0).min(self.w as i64 - 1) as usize;
        let y = round_i(p.1).max(0).min(self.h as i64 - 1) as usize;
        let i = (y * self.w + x) * 4;
        match self.rgba.get(i..i + 3) {
            Some(&[r, g, b]) => {
                (77.0 * f32::from(r) + 150.0 * f32::from(g) + 29.0 * f32::from(b)) / 256.0
            }
            _ => 0.0,
        }
    }

    /// The card's edge along the side `a`→`b`: luma profiles across it
    /// ([`POLISH_SAMPLES`], ±`steps` × `step` px), in each the strongest
    /// step (a gradient maximum with the levels either side apart: not a
    /// thin line), a line fitted through those and refitted to the points
    /// near it. `None` when fewer than [`POLISH_SUPPORT`] profiles have a
    /// step near the line.
    #[inline(never)]
    fn edge(&self, a: Pt, b: Pt, step: f64, steps: usize) -> Option<Line> {
        fit_trim(
            self.edge_points(a, b, step, steps),
            2.0 * step,
            POLISH_SUPPORT,
            true,
        )
    }

    /// [`Frame::edge`]'s points: the step chosen in each profile.
    fn edge_points(&self, a: Pt, b: Pt, step: f64, steps: usize) -> Vec<(f64, f64, f64)> {
        let mut pts: Vec<(f64, f64, f64)> = Vec::new();
        let len = dist(a, b);
        if len < 8.0 {
            return pts;
        }
        let (ux, uy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
        let no = 2 * steps + 1;
        let half = steps as f64;
        // The profile runs PAD steps further each way than the offsets
        // searched, for the step test.
        let mut prof = vec![0f32; no + 2 * PAD];
        for i in 0..POLISH_SAMPLES {
            let t =
                POLISH_SPAN + (1.0 - 2.0 * POLISH_SPAN) * (i as f64 + 0.5) / POLISH_SAMPLES as f64;
            let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            for (j, v) in prof.iter_mut().enumerate() {
                let o = (j as f64 - half - PAD as f64) * step;
                *v = self.luma((p.0 - uy * o, p.1 + ux * o));
            }
            let at = |j: usize| prof.get(j).copied().unwrap_or(0.0);
            let grad = |j: usize| (at(j + 1) - at(j.wrapping_sub(1))).abs();
            // Profile index j is offset j − PAD − steps.
            // A step: a gradient maximum with the levels PAD steps either
            // side apart.
            let is_step = |j: usize| {
                let (g0, g, g2) = (grad(j - 1), grad(j), grad(j + 1));
                g >= POLISH_FLOOR
                    && g >= g0
                    && g > g2
                    && (at(j + PAD) - at(j - PAD)).abs() >= POLISH_STEP
            };
            // The strongest step (the outermost of equals), or the
            // innermost step well inside it and at least POLISH_INNER as
            // strong: a paper's ruled line or the ground's edge beyond a
            // fainter card edge (the separation keeps a blurred edge's
            // inner flank out).
            let strongest =
                (PAD..PAD + no)
                    .filter(|&j| is_step(j))
                    .fold(None, |b: Option<usize>, j| match b {
                        Some(k) if grad(k) >= grad(j) => Some(k),
                        _ => Some(j),
                    });
            let best = strongest.map(|k| {
                (k + POLISH_SEP..PAD + no)
                    .rev()
                    .find(|&j| is_step(j) && grad(j) >= POLISH_INNER * grad(k))
                    .unwrap_or(k)
            });
            if let Some(j) = best {
                let o = (j as f64 - half - PAD as f64) * step;
                pts.push((p.0 - uy * o, p.1 + ux * o, 1.0));
            }
        }
        pts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_is_round_i_inside_the_interior() {
        // `fit_side`'s test before: round_i(x) within 1..=n − 2.
        for n in [3usize, 4, 17, 640, 1024] {
            let end = n as f64 - 1.5;
            let mut xs = vec![f64::NAN, f64::INFINITY, -f64::INFINITY, -1e9, 1e9];
            // (0.5 − 2^-54 + 0.5 rounds to 1.0: the reason for `x >= 0.5`.)
            xs.extend([0.499_999_999_999_999_94, 0.5, 1.499_999_999_999_999_8]);
            xs.extend([end, end - 1e-13, 2.0f64.powi(20) - 0.5 - 2.0f64.powi(-33)]);
            for k in -40..(2 * n as i64 + 40) {
                let h = k as f64 * 0.5;
                for d in [0.0, 1e-9, -1e-9, 0.25, -0.25, 1e-15, -1e-15] {
                    xs.push(h + d);
                    xs.push(-(h + d));
                }
            }
            for x in xs {
                let r = if x.is_finite() { round_i(x) } else { 0 };
                let want = (r >= 1 && r <= n as i64 - 2).then_some(r as usize);
                assert_eq!(cell(x, end), want, "{x} of {n}");
            }
        }
    }

    /// A 200 × 140 grey frame whose level at (x, y) is `v(x, y)`.
    fn grey(v: impl Fn(usize, usize) -> u8) -> Vec<u8> {
        let w = 200;
        let mut rgba = vec![0u8; w * 140 * 4];
        for (i, px) in rgba.chunks_exact_mut(4).enumerate() {
            let v = v(i % w, i / w);
            px.copy_from_slice(&[v, v, v, 255]);
        }
        rgba
    }

    /// Where `line` crosses the rows y = 40 and y = 100.
    fn xs(line: Option<Line>) -> [f64; 2] {
        let line = line.expect("the card's edge");
        [40.0, 100.0].map(|y| (line.c - line.b * y) / line.a)
    }

    /// [`grey`]'s frame.
    fn frame200(rgba: &[u8]) -> Frame<'_> {
        Frame {
            rgba,
            w: 200,
            h: 140,
        }
    }

    /// A light card (x 40–159, y 30–109) on a darker ground, a black line
    /// two pixels wide printed inside it at `x`.
    fn card_with_line(line: usize) -> Vec<u8> {
        grey(|x, y| {
            let card = (40..160).contains(&x) && (30..110).contains(&y);
            match (card, x) {
                (true, x) if x == line || x == line + 1 => 0,
                (true, _) => 200,
                _ => 90,
            }
        })
    }

    /// A light card on a darker ground, a thin black line printed inside
    /// it: the side given 3 px outside the card moves to the card's edge,
    /// not to the line (stronger, but no step: the card's level either
    /// side of it).
    #[test]
    fn a_side_moves_to_the_card_edge_past_a_thin_line() {
        let rgba = card_with_line(150);
        let frame = frame200(&rgba);
        for x in xs(frame.edge((163.0, 35.0), (163.0, 105.0), 1.0, 16)) {
            assert!((x - 159.5).abs() <= 1.0, "x = {x}");
        }
        // Without a step in reach (the ground alone), the side stays.
        assert!(frame.edge((20.0, 35.0), (20.0, 105.0), 1.0, 8).is_none());
    }

    /// A light card on a darker ground, the outline's right side on a thin
    /// line printed 19 px inside the card's right edge (beyond the reach of
    /// 12 px): `outward` moves that side out to the edge, parallel, and
    /// leaves the other three.
    #[test]
    fn a_side_on_a_print_line_moves_out_to_the_card_edge() {
        let rgba = card_with_line(140);
        let frame = frame200(&rgba);
        let q = [(39.5, 29.5), (141.0, 29.5), (141.0, 109.5), (39.5, 109.5)];
        let nq = outward(&frame, q, [true; 4], 12.0, 1.0, 12);
        for (i, (p, t)) in nq
            .iter()
            .zip([(39.5, 29.5), (159.5, 29.5), (159.5, 109.5), (39.5, 109.5)])
            .enumerate()
        {
            assert!(dist(*p, t) <= 1.0, "corner {i}: {p:?}");
        }
        // An outline on the card's edges stays.
        let on = [(39.5, 29.5), (159.5, 29.5), (159.5, 109.5), (39.5, 109.5)];
        assert_eq!(outward(&frame, on, [true; 4], 12.0, 1.0, 12), on);
    }

    /// A card whose edge is fainter than a broad dark band on the ground
    /// 6 px beyond it (a paper's ruled stripe): the side given just outside
    /// the band moves in to the card's edge, not to the band's (the
    /// strongest step in reach).
    /// A side on the card's edge at its left end, 12 px above it at its
    /// right (a line beside the card that meets its corner): its right
    /// corner slides down the right side back onto the card's corner;
    /// an outline on the card's edges stays. On a white sheet, a top side
    /// 12 px up at both ends slides back at its first corner.
    #[test]
    fn a_side_off_the_edge_at_one_end_turns_back_onto_it() {
        let rgba = grey(|x, y| {
            if (40..160).contains(&x) && (30..110).contains(&y) {
                200
            } else {
                90
            }
        });
        let frame = frame200(&rgba);
        let on = [(39.5, 29.5), (159.5, 29.5), (159.5, 109.5), (39.5, 109.5)];
        let mut q = on;
        q[1].1 = 17.5;
        let nq = pivot(&frame, q, 12.0, 3.0);
        for (i, (p, t)) in nq.iter().zip(on).enumerate() {
            assert!(dist(*p, t) <= 3.0, "corner {i}: {p:?}");
        }
        assert_eq!(pivot(&frame, on, 12.0, 3.0), on);
        // The right side's edge starts 6 steps of 3 px below a corner
        // 17 px up it (`short`), at once below the card's own corner.
        let o = on[2];
        assert_eq!(short(&frame, (159.5, 12.5), o, 3.0, 1.4, 10), Some(6));
        assert_eq!(short(&frame, on[1], o, 3.0, 1.4, 10), None);
        // White on white: the card on a white sheet (200) above and beside
        // its top. The top side placed 12 px up has no step anywhere and
        // both side edges start at y = 30 (`short` at both ends): the
        // first corner slides back onto the card's corner (the blank slide).
        let rgba = grey(|x, y| {
            let sheet = (20..180).contains(&x) && (5..30).contains(&y);
            if sheet || (40..160).contains(&x) && (30..110).contains(&y) {
                200
            } else {
                90
            }
        });
        let frame = frame200(&rgba);
        q[0].1 = 17.5;
        let nq = pivot(&frame, q, 12.0, 3.0);
        assert!(dist(nq[0], on[0]) <= 3.0, "{:?}", nq[0]);
        assert_eq!(pivot(&frame, on, 12.0, 3.0), on);
    }

    /// A card (x 20–146, y 30–109: ID-1's aspect) on a grey sheet that
    /// runs on to its right (x 147–184, the same rows), its right side
    /// taken from the sheet's edge (the outline 30 % off ID-1's aspect,
    /// beyond the polish's reach): `snap` puts it back on the card's edge;
    /// an outline already on the card stays.
    #[test]
    fn a_side_taken_from_a_sheet_beside_the_card_snaps_to_its_edge() {
        let rgba = grey(|x, y| match (x, (30..110).contains(&y)) {
            (20..147, true) => 200,
            (147..185, true) => 120,
            _ => 90,
        });
        let frame = frame200(&rgba);
        let on = [(19.5, 29.5), (146.5, 29.5), (146.5, 109.5), (19.5, 109.5)];
        let mut q = on;
        (q[1].0, q[2].0) = (184.5, 184.5);
        let nq = snap(&frame, q, 1.0, 20);
        for (i, (p, t)) in nq.iter().zip(on).enumerate() {
            assert!(dist(*p, t) <= 1.5, "corner {i}: {p:?}");
        }
        assert_eq!(snap(&frame, on, 1.0, 20), on);
    }

    #[test]
    fn a_tilted_cards_outline_is_not_snapped_onto_its_print() {
        // ID-1 tilted 30° about an axis 70° from the horizontal (the card
        // generator's camera, at 1.8 card lengths): 10 % off ID-1's aspect
        // in the image, ~0.1 % rectified.
        let on = [(50.5, 33.8), (161.0, 28.8), (160.5, 114.2), (55.9, 99.8)];
        assert!(aspect_off(&on) > 2.0 * SNAP_ASPECT && rect_off(&on) < 0.01);
        // A grey block along the bottom from where the aspect alone would
        // put the bottom side (the print edge the trigger in the image took).
        let c = complete(&on, 2).expect("completed");
        let (print, o) = (through(c[2], c[3]).expect("line"), through(on[0], on[1]));
        let inside = |p: Pt| {
            (0..4).all(|i| {
                let (a, b) = (geom::at(&on, i), geom::at(&on, i + 1));
                (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0) >= 0.0
            })
        };
        let same = |p: Pt| o.is_some_and(|o| (print.dist(p) > 0.0) == (o.dist(p) > 0.0));
        let rgba = grey(|x, y| {
            let p = (x as f64 + 0.5, y as f64 + 0.5);
            match (inside(p), same(p)) {
                (true, true) => 200,
                (true, false) => 120,
                _ => 90,
            }
        });
        assert_eq!(snap(&frame200(&rgba), on, 1.0, 20), on);
    }

    #[test]
    fn a_side_moves_past_a_stronger_band_outside_the_card() {
        let rgba = grey(|x, y| {
            if (40..160).contains(&x) && (30..110).contains(&y) {
                200
            } else if (166..172).contains(&x) {
                60
            } else {
                160
            }
        });
        let frame = Frame {
            rgba: &rgba,
            w: 200,
            h: 140,
        };
        for x in xs(frame.edge((175.0, 35.0), (175.0, 105.0), 1.0, 20)) {
            assert!((x - 159.5).abs() <= 1.0, "x = {x}");
        }
    }

    /// A cut card whose hidden side was placed 20 px too far out: it is
    /// put back at ID-1's extent along the visible sides (2 px/mm, the
    /// right side hidden), parallel to the left side; without two adjacent
    /// corners outside, nothing is completed.
    /// A card at 4 px/mm (luma 200, its top-left corner at `at` px) with
    /// ink bars (luma 20; mm: u0, u1, v0, v1) on a darker ground (60).
    fn printed((w, h): (usize, usize), at: (f64, f64), bars: &[[f64; 4]]) -> Vec<u8> {
        let mut rgba = vec![0u8; w * h * 4];
        for (i, px) in rgba.chunks_exact_mut(4).enumerate() {
            let (u, v) = (((i % w) as f64 - at.0) / 4.0, ((i / w) as f64 - at.1) / 4.0);
            let inked = bars
                .iter()
                .any(|b| (b[0]..b[1]).contains(&u) && (b[2]..b[3]).contains(&v));
            let l = match (
                (0.0..CARD.0).contains(&u) && (0.0..CARD.1).contains(&v),
                inked,
            ) {
                (true, true) => 20,
                (true, false) => 200,
                _ => 60,
            };
            px.copy_from_slice(&[l, l, l, 255]);
        }
        rgba
    }

    #[test]
    fn a_cut_cards_hidden_side_is_placed_at_id1s_extent() {
        let q = [(20.0, 30.0), (211.2, 30.0), (211.2, 138.0), (20.0, 138.0)];
        let done = complete(&q, 1).expect("completed");
        for (p, t) in done
            .iter()
            .zip([(20.0, 30.0), (191.2, 30.0), (191.2, 138.0), (20.0, 138.0)])
        {
            assert!(dist(*p, t) < 1e-6, "{p:?} vs {t:?}");
        }
        assert!(cut_side(&[1, 3]).is_none());
    }

    #[test]
    fn a_portrait_card_cut_on_the_right_is_turned_back_by_its_birth_row() {
        // ID-1 at 4 px/mm from (20, 20), cut by the frame at x 300 (70 mm):
        // the number's start and the 出生 values' end (44.2 mm) are seen.
        let (w, h) = (300usize, 260usize);
        let rgba = printed(
            (w, h),
            (20.0, 20.0),
            &[[29.2, 78.4, 44.9, 48.3], [16.2, 44.2, 18.5, 21.5]],
        );
        // The hidden side turned: its top corner 10 px short.
        let q = [(20.0, 20.0), (352.4, 20.0), (362.4, 236.0), (20.0, 236.0)];
        let side = super::super::Side::Portrait;
        let done = extent(&rgba, w, h, &q, 1, side, 4.0).expect("placed");
        for c in [done[1], done[2]] {
            assert!((c.0 - 362.4).abs() < 3.0, "{done:?}");
        }
    }

    /// A card at 4 px/mm whose left 10 mm are outside the frame, its
    /// number and its values' column printed as bars at their fixed places:
    /// the hidden left side, completed 5 mm too far out, is put back where
    /// the print puts it; without a printed face, nothing moves. And one
    /// whose left 18 mm are outside (the 出生 values' start at 16.2 mm with
    /// them), its left side completed turned (the top corner 5 mm too far
    /// out): the number's start and 日's end (44.2 mm) put both corners
    /// back (a second row fixed only at its start would leave the top).
    #[test]
    fn a_cut_cards_hidden_side_is_placed_by_its_print() {
        let (w, h) = (400usize, 260usize);
        let side = super::super::Side::Portrait;
        let cases = [
            (-40.0, [-60.0, -60.0], [16.2, 45.0, 7.0, 20.0], 3.0),
            (-72.0, [-92.0, -72.0], [16.2, 44.2, 18.5, 21.5], 4.0),
        ];
        for (x, [top, bottom], second, tol) in cases {
            let rgba = printed((w, h), (x, 20.0), &[[29.2, 78.4, 44.9, 48.3], second]);
            let r = x + 4.0 * CARD.0;
            let q = [(top, 20.0), (r, 20.0), (r, 236.0), (bottom, 236.0)];
            let done = extent(&rgba, w, h, &q, 3, side, 4.0).expect("placed");
            for c in [done[0], done[3]] {
                assert!((c.0 - x).abs() < tol, "{done:?}");
            }
            let none = super::super::Side::Unknown;
            assert!(extent(&rgba, w, h, &q, 3, none, 4.0).is_none());
        }
    }

    /// An emblem side at 4 px/mm whose top 5 mm are outside the frame,
    /// completed with its top side turned (2 mm too far out on the left,
    /// 3 mm short on the right): the title's first and last characters
    /// (their tops at 8.9 mm) put the top side back; a portrait side's top
    /// is not placed.
    #[test]
    fn an_emblem_card_cut_at_the_top_is_placed_by_its_title() {
        let (w, h) = (400usize, 220usize);
        let rgba = printed(
            (w, h),
            (20.0, -20.0),
            &[[30.95, 73.2, 8.9, 13.0], [30.0, 80.0, 19.7, 26.3]],
        );
        let q = [(20.0, -28.0), (362.4, -8.0), (362.4, 196.0), (20.0, 196.0)];
        let side = super::super::Side::Emblem;
        let done = extent(&rgba, w, h, &q, 0, side, 4.0).expect("placed");
        for c in [done[0], done[1]] {
            assert!((c.1 + 20.0).abs() < 3.0, "{done:?}");
        }
        assert_eq!((done[2], done[3]), (q[2], q[3]));
        let portrait = super::super::Side::Portrait;
        assert!(extent(&rgba, w, h, &q, 0, portrait, 4.0).is_none());
    }
}
