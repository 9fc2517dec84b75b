//! Finding a card by its print when no outline qualifies: a white card on
//! a white ground, or an overexposed photo where card and ground both clip,
//! has no edge at all, but its dark print (text rows, the photo's head, the
//! number line) still forms one dense block. On both faces that block spans
//! ~(5, 4.6)–(80.3, 49.8) mm of the 85.6 × 54 mm card, so the card is the
//! block's enclosing rectangle grown by those margins.
//!
//! Cost: one pass over the working copy, a cell grid of it, and a convex
//! hull of at most two points per row per cluster.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::detect::{Quad, Work};
use super::geom::{self, Pt};

/// The print block's extent on the card (mm): both faces print from ~5 mm
/// to ~80.3 mm across and ~4.6 mm to ~49.8 mm down.
const BLOCK: (f64, f64) = (75.3, 45.2);
/// Ink is darker than this (of 255) in a washed-out frame.
const INK: u32 = 225;

/// True when most of the frame is near white (the median of the working
/// copy ≥ [`WASHED`]): an overexposed photo or a card on white paper,
/// where an outline may have no edge.
pub fn washed_out(wk: &Work) -> bool {
    let bright = wk.luma.iter().filter(|&&l| l >= WASHED).count();
    2 * bright >= wk.luma.len()
}

/// See [`washed_out`].
const WASHED: f32 = 200.0;

/// The card around the dark print of a washed-out frame (working
/// coordinates, clockwise): the print's axis is the dominant edge
/// orientation (text strokes run along and across the card), its extent
/// the 1st–99th percentiles of the ink along both axes (a stray dark
/// object does not stretch it), grown from the print block to the card.
pub fn find(rgba: &[u8], width: usize, wk: &Work) -> Option<Quad> {
    let (w, h, k) = (wk.w, wk.h, wk.k);
    // The darkest pixel of each working pixel's block: thin strokes of a
    // washed-out print vanish in the box average.
    let mut dark = vec![255u32; w * h];
    for y in 0..h * k {
        let at = ((wk.oy + y) * width + wk.ox) * 4;
        let Some(row) = rgba.get(at..at + w * k * 4) else {
            continue;
        };
        for (x, px) in row.chunks_exact(4).enumerate() {
            let l = (77 * u32::from(px[0]) + 150 * u32::from(px[1]) + 29 * u32::from(px[2])) >> 8;
            if let Some(d) = dark.get_mut((y / k) * w + x / k) {
                *d = (*d).min(l);
            }
        }
    }
    // Orientation modulo 90°: the most frequent edge normal, in 1° bins.
    let mut hist = [0u32; 90];
    for &d in &wk.dir {
        if let Some(c) = hist.get_mut(usize::from(d) % 90) {
            if d != 255 {
                *c += 1;
            }
        }
    }
    let mut best = (0u32, 0usize);
    for t in 0..90 {
        let v: u32 = (0..5).map(|i| hist[(t + 88 + i) % 90]).sum();
        if v > best.0 {
            best = (v, t);
        }
    }
    let th = best.1 as f64 * geom::PI / 180.0;
    let (c, s) = (geom::cos(th), geom::sin(th));
    // Ink projected on both axes.
    let r = w + h;
    let mut pu = vec![0u32; 2 * r + 1];
    let mut pv = vec![0u32; 2 * r + 1];
    let mut n = 0u32;
    for (i, &d) in dark.iter().enumerate() {
        if d >= INK {
            continue;
        }
        let (x, y) = ((i % w) as f64, (i / w) as f64);
        let u = (x * c + y * s) as isize + r as isize;
        let v = (y * c - x * s) as isize + r as isize;
        if let (Some(a), Some(b)) = (pu.get_mut(u as usize), pv.get_mut(v as usize)) {
            *a += 1;
            *b += 1;
            n += 1;
        }
    }
    let span = |p: &[u32]| -> (f64, f64) {
        let (mut acc, mut lo, mut hi) = (0u32, 0usize, 0usize);
        for (i, &v) in p.iter().enumerate() {
            if acc * 100 < n && (acc + v) * 100 >= n {
                lo = i;
            }
            acc += v;
            if acc * 100 < 99 * n {
                hi = i + 1;
            }
        }
        (lo as f64 - r as f64, hi as f64 - r as f64)
    };
    let ((u0, u1), (v0, v1)) = (span(&pu), span(&pv));
    let (du, dv) = (u1 - u0, v1 - v0);
    let (long, short) = (du.max(dv), du.min(dv));
    if n < 50 || short < 8.0 || !(1.3..=2.2).contains(&(long / short)) {
        return None;
    }
    // Grow the block to the card about its centre.
    let (gl, gs) = (
        super::layout::CARD.0 / BLOCK.0,
        super::layout::CARD.1 / BLOCK.1,
    );
    let (gu, gv) = if du >= dv { (gl, gs) } else { (gs, gl) };
    let (cu, cv) = (0.5 * (u0 + u1), 0.5 * (v0 + v1));
    let (hu, hv) = (0.5 * du * gu, 0.5 * dv * gv);
    let at = |a: f64, b: f64| -> Pt { (a * c - b * s, a * s + b * c) };
    let q = [
        at(cu - hu, cv - hv),
        at(cu + hu, cv - hv),
        at(cu + hu, cv + hv),
        at(cu - hu, cv + hv),
    ];
    Some(Quad {
        q,
        support: 0.0,
        aspect: long / short,
        cut: false,
        print: true,
    })
}

/// How ID-like a card built on `q` looks: the face's print correlation
/// plus its own evidence (head, red emblem).
fn merit(rgba: &[u8], w: usize, h: usize, wk: &Work, q: &Quad) -> f64 {
    super::build(rgba, w, h, wk, q, super::COARSE).map_or(f64::MIN, |c| {
        let f = c.faces;
        f.score + 0.3 * f.photo.max(0.0) + f.red.max(0.0)
    })
}

/// Moves, turns and scales a print-placed card outline (an ID-1
/// rectangle) to where its print best matches a face: coordinate ascent
/// on the centre, angle and size, halving the steps, [`FIT_ROUNDS`]
/// rounds. The block's margins are only a first guess (faint labels or a
/// washed-out title leave part of the block out).
pub fn fit(rgba: &[u8], w: usize, h: usize, wk: &Work, quad: &Quad) -> Quad {
    let q = quad.q;
    let c = (
        0.25 * (q[0].0 + q[1].0 + q[2].0 + q[3].0),
        0.25 * (q[0].1 + q[1].1 + q[2].1 + q[3].1),
    );
    let (d01, d12) = (geom::dist(q[0], q[1]), geom::dist(q[1], q[2]));
    let (a, b) = if d01 >= d12 {
        (q[0], q[1])
    } else {
        (q[1], q[2])
    };
    let long = d01.max(d12);
    if long < 1.0 {
        return quad.clone();
    }
    let ang = geom::atan2(b.1 - a.1, b.0 - a.0);
    // Parameters: centre x, y, angle, long side.
    let mut p = [c.0, c.1, ang, long];
    let make = |p: &[f64; 4]| -> Quad {
        let (cs, sn) = (geom::cos(p[2]), geom::sin(p[2]));
        let (hu, hv) = (
            0.5 * p[3],
            0.5 * p[3] * super::layout::CARD.1 / super::layout::CARD.0,
        );
        let at = |u: f64, v: f64| -> Pt { (p[0] + u * cs - v * sn, p[1] + u * sn + v * cs) };
        let mut q = [at(-hu, -hv), at(hu, -hv), at(hu, hv), at(-hu, hv)];
        if geom::area2(&q) < 0.0 {
            q = [q[0], q[3], q[2], q[1]];
        }
        Quad {
            q,
            support: 0.0,
            aspect: super::layout::CARD.0 / super::layout::CARD.1,
            cut: false,
            print: true,
        }
    };
    let mut best = merit(rgba, w, h, wk, &make(&p));
    let mut step = [0.06 * long, 0.06 * long, 0.05, 0.08 * long];
    for _ in 0..FIT_ROUNDS {
        for i in 0..4 {
            for sign in [-1.0, 1.0] {
                let mut t = p;
                if let (Some(v), Some(s)) = (t.get_mut(i), step.get(i)) {
                    *v += sign * s;
                }
                let m = merit(rgba, w, h, wk, &make(&t));
                if m > best {
                    best = m;
                    p = t;
                    break;
                }
            }
        }
        for s in step.iter_mut() {
            *s *= 0.5;
        }
    }
    make(&p)
}

/// Rounds of [`fit`] (each halves the steps).
const FIT_ROUNDS: usize = 4;
