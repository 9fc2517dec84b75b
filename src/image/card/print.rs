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

/// Cell size (working pixels) of the ink grid.
const CELL: usize = 8;
/// Clusters tried, largest first.
const TRIES: usize = 3;
/// The print block's extent on the card (mm): both faces print from ~5 mm
/// to ~80.3 mm across and ~4.6 mm to ~49.8 mm down.
const BLOCK: (f64, f64) = (75.3, 45.2);
/// Ink is darker than this share of the light level around it.
const INK: f32 = 0.88;

/// True when most of the frame is near white (the median of the working
/// copy ≥ [`WASHED`]): an overexposed photo or a card on white paper,
/// where an outline may have no edge.
pub fn washed_out(wk: &Work) -> bool {
    let bright = wk.luma.iter().filter(|&&l| l >= WASHED).count();
    2 * bright >= wk.luma.len()
}

/// See [`washed_out`].
const WASHED: f32 = 200.0;

/// Quads (working coordinates, clockwise) around the densest clusters of
/// dark print on a light ground, largest first.
pub fn find(rgba: &[u8], width: usize, wk: &Work) -> Vec<Quad> {
    let (w, h, k) = (wk.w, wk.h, wk.k);
    // The darkest pixel of each working pixel's block: thin strokes of a
    // washed-out print vanish in the box average.
    let mut dark = vec![255f32; w * h];
    for y in 0..h * k {
        let at = (wk.oy + y) * width * 4 + wk.ox * 4;
        let Some(row) = rgba.get(at..at + w * k * 4) else {
            continue;
        };
        for (x, px) in row.chunks_exact(4).enumerate() {
            if let (Some(d), [r, g, b, _]) = (dark.get_mut((y / k) * w + x / k), px) {
                let l = (77 * u32::from(*r) + 150 * u32::from(*g) + 29 * u32::from(*b)) / 256;
                *d = d.min(l as f32);
            }
        }
    }
    let (cw, ch) = (w.div_ceil(CELL), h.div_ceil(CELL));
    // The light level around each cell: the brightest pixel of the cell and
    // its eight neighbours (paper, the card's background).
    let mut top = vec![0f32; cw * ch];
    for (i, &l) in dark.iter().enumerate() {
        let c = (i / w / CELL) * cw + (i % w) / CELL;
        if let Some(t) = top.get_mut(c) {
            *t = t.max(l);
        }
    }
    let light = |cx: usize, cy: usize| -> f32 {
        let mut m = 0f32;
        for y in cy.saturating_sub(1)..(cy + 2).min(ch) {
            for x in cx.saturating_sub(1)..(cx + 2).min(cw) {
                m = m.max(top.get(y * cw + x).copied().unwrap_or(0.0));
            }
        }
        m
    };
    let mut level = vec![0f32; cw * ch];
    for cy in 0..ch {
        for cx in 0..cw {
            if let Some(v) = level.get_mut(cy * cw + cx) {
                *v = light(cx, cy);
            }
        }
    }
    // Ink: darker than a light (≥ 150) surrounding by a tenth of it.
    let is_ink = |x: usize, y: usize| -> bool {
        let p = level
            .get((y / CELL) * cw + x / CELL)
            .copied()
            .unwrap_or(0.0);
        let l = dark.get(y * w + x).copied().unwrap_or(255.0);
        p >= 150.0 && l < INK * p
    };
    let mut ink = vec![0u16; cw * ch];
    for y in 0..h {
        for x in 0..w {
            if is_ink(x, y) {
                if let Some(c) = ink.get_mut((y / CELL) * cw + x / CELL) {
                    *c += 1;
                }
            }
        }
    }
    // Dense cells, then clusters of them bridging gaps of up to four cells
    // (the 8-mm gap above the number line of a large card).
    let dense: Vec<bool> = ink.iter().map(|&n| n >= 3).collect();
    let mut near = vec![false; cw * ch];
    let r = 2isize;
    for cy in 0..ch as isize {
        for cx in 0..cw as isize {
            if !dense
                .get((cy * cw as isize + cx) as usize)
                .copied()
                .unwrap_or(false)
            {
                continue;
            }
            for y in (cy - r).max(0)..(cy + r + 1).min(ch as isize) {
                for x in (cx - r).max(0)..(cx + r + 1).min(cw as isize) {
                    if let Some(v) = near.get_mut((y * cw as isize + x) as usize) {
                        *v = true;
                    }
                }
            }
        }
    }
    let mut label = vec![0u16; cw * ch];
    let mut sizes: Vec<u32> = vec![0];
    let mut stack: Vec<usize> = Vec::new();
    for start in 0..cw * ch {
        if !near.get(start).copied().unwrap_or(false) || label.get(start) != Some(&0) {
            continue;
        }
        if sizes.len() >= u16::MAX as usize {
            break;
        }
        let id = sizes.len() as u16;
        let mut size = 0u32;
        stack.push(start);
        if let Some(l) = label.get_mut(start) {
            *l = id;
        }
        while let Some(i) = stack.pop() {
            size += u32::from(ink.get(i).copied().unwrap_or(0));
            let (x, y) = (i % cw, i / cw);
            let mut push = |j: usize| {
                if near.get(j).copied().unwrap_or(false) && label.get(j) == Some(&0) {
                    if let Some(l) = label.get_mut(j) {
                        *l = id;
                    }
                    stack.push(j);
                }
            };
            if x > 0 {
                push(i - 1);
            }
            if x + 1 < cw {
                push(i + 1);
            }
            if y > 0 {
                push(i - cw);
            }
            if y + 1 < ch {
                push(i + cw);
            }
        }
        sizes.push(size);
    }
    let mut out = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    for _ in 0..TRIES {
        let mut best: Option<usize> = None;
        for (id, &s) in sizes.iter().enumerate().skip(1) {
            if !used.contains(&id) && best.map_or(true, |b| s > sizes.get(b).copied().unwrap_or(0))
            {
                best = Some(id);
            }
        }
        let Some(id) = best else { break };
        used.push(id);
        if let Some(q) = cluster_quad(wk, &label, cw, id as u16, &is_ink) {
            out.push(q);
        }
    }
    out
}

/// The card around the ink of cluster `id`: the convex hull of its ink
/// pixels (the row-wise leftmost and rightmost ones), the hull's
/// minimum-area enclosing rectangle, grown from the print block to the card.
fn cluster_quad(
    wk: &Work,
    label: &[u16],
    cw: usize,
    id: u16,
    is_ink: &dyn Fn(usize, usize) -> bool,
) -> Option<Quad> {
    // Points sorted by (y, x): each row's extremes in order.
    let mut pts: Vec<Pt> = Vec::new();
    for y in 0..wk.h {
        let (mut lo, mut hi) = (usize::MAX, 0usize);
        for x in 0..wk.w {
            if label.get((y / CELL) * cw + x / CELL) == Some(&id) && is_ink(x, y) {
                lo = lo.min(x);
                hi = hi.max(x);
            }
        }
        if lo <= hi {
            pts.push((lo as f64, y as f64));
            if hi > lo {
                pts.push((hi as f64, y as f64));
            }
        }
    }
    let hull = hull(&pts);
    if hull.len() < 3 {
        return None;
    }
    // Minimum-area rectangle: one side along a hull edge.
    let mut best: Option<(f64, Pt, [f64; 4])> = None;
    for i in 0..hull.len() {
        let (a, b) = (hull[i], hull[(i + 1) % hull.len()]);
        let len = geom::dist(a, b);
        if len < 1e-9 {
            continue;
        }
        let u = ((b.0 - a.0) / len, (b.1 - a.1) / len);
        let (mut u0, mut u1, mut v0, mut v1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in &hull {
            let (pu, pv) = (p.0 * u.0 + p.1 * u.1, -p.0 * u.1 + p.1 * u.0);
            u0 = u0.min(pu);
            u1 = u1.max(pu);
            v0 = v0.min(pv);
            v1 = v1.max(pv);
        }
        let area = (u1 - u0) * (v1 - v0);
        if best.as_ref().map_or(true, |(m, _, _)| area < *m) {
            best = Some((area, u, [u0, u1, v0, v1]));
        }
    }
    let (_, u, [u0, u1, v0, v1]) = best?;
    let (du, dv) = (u1 - u0, v1 - v0);
    let (long, short) = (du.max(dv), du.min(dv));
    if short < 8.0 || !(1.3..=2.2).contains(&(long / short)) {
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
    let at = |pu: f64, pv: f64| -> Pt { (pu * u.0 - pv * u.1, pu * u.1 + pv * u.0) };
    let mut q = [
        at(cu - hu, cv - hv),
        at(cu + hu, cv - hv),
        at(cu + hu, cv + hv),
        at(cu - hu, cv + hv),
    ];
    if geom::area2(&q) < 0.0 {
        q = [q[0], q[3], q[2], q[1]];
    }
    Some(Quad {
        q,
        support: 0.0,
        aspect: long / short,
        cut: false,
        print: true,
    })
}

/// Convex hull (Andrew's monotone chain) of points sorted by (y, x).
fn hull(p: &[Pt]) -> Vec<Pt> {
    let cross = |o: Pt, a: Pt, b: Pt| (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0);
    let mut h: Vec<Pt> = Vec::new();
    for pass in 0..2 {
        let start = h.len();
        let chain = |q: Pt, h: &mut Vec<Pt>| {
            while h.len() >= start + 2 {
                let (Some(&a), Some(&b)) = (h.get(h.len() - 2), h.last()) else {
                    break;
                };
                if cross(a, b, q) <= 0.0 {
                    h.pop();
                } else {
                    break;
                }
            }
            h.push(q);
        };
        if pass == 0 {
            for &q in p {
                chain(q, &mut h);
            }
        } else {
            for &q in p.iter().rev() {
                chain(q, &mut h);
            }
        }
        h.pop();
    }
    h
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
