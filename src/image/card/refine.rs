//! Corner accuracy: the detector's outlines (detect.rs) are refitted
//! here, each side to the sub-pixel edge points near it.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::detect::{at, bin_diff, round_i, Quad, Work, NONE, NT};
use super::geom::{self, Line, Pt};

/// Refits each side to the thinned edge pixels near it (sub-pixel along
/// the gradient by a parabola through the magnitudes), [`REFINE_ROUNDS`]
/// times.
pub fn refine(wk: &Work, quad: &mut Quad) {
    for _ in 0..REFINE_ROUNDS {
        let q = quad.q;
        let mut sides: [Option<Line>; 4] = [None; 4];
        for (s, side) in sides.iter_mut().enumerate() {
            let (a, b) = (geom::at(&q, s), geom::at(&q, s + 1));
            *side = fit_side(wk, a, b);
            // A completed side has no edge: it stays where it was.
            if side.is_none() && quad.cut {
                *side = through(a, b);
            }
        }
        let mut nq = q;
        let mut ok = true;
        for (i, corner) in nq.iter_mut().enumerate() {
            // Corner i joins side i−1 and side i.
            match (geom::at(&sides, i + 3), geom::at(&sides, i)) {
                (Some(l0), Some(l1)) => match l0.meet(&l1) {
                    Some(p) if geom::dist(p, geom::at(&q, i)) < 6.0 => *corner = p,
                    _ => ok = false,
                },
                _ => ok = false,
            }
        }
        if !ok || !geom::convex(&nq) {
            return;
        }
        quad.q = nq;
    }
}

/// The line through two points.
fn through(p: Pt, q: Pt) -> Option<Line> {
    let len = geom::dist(p, q);
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
    let len = geom::dist(a, b);
    if len < 4.0 {
        return None;
    }
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
            let (x, y) = (round_i(px + nx * o), round_i(py + ny * o));
            if x < 1 || y < 1 || x >= wk.w as i64 - 1 || y >= wk.h as i64 - 1 {
                continue;
            }
            let (xi, yi) = (x as usize, y as usize);
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
    if pts.len() < 6 {
        return None;
    }
    // One trimming round: drop points far from the first fit.
    let l = Line::fit(&pts)?;
    pts.retain(|&(x, y, _)| l.dist((x, y)).abs() < 1.0);
    if pts.len() < 6 {
        return Some(l);
    }
    Line::fit(&pts)
}
