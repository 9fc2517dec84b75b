//! Finding the card: a box-downscaled luma copy (long side ≤ [`WORK`]),
//! Sobel gradients thinned by non-maximum suppression, a Hough transform
//! voting only near each edge pixel's own gradient direction (O'Gorman &
//! Clowes 1976), the strongest peaks paired into quadrilaterals, and each
//! quadrilateral scored by how much of its outline the edges support and
//! how close the rectangle it projects from is to ID-1's 85.6 : 54
//! (ISO/IEC 7810) after undoing perspective ([`geom::rect_aspect`]). The
//! winner's sides are refitted to the sub-pixel edge points near them.
//!
//! Cost: one pass over the RGBA (the downscale), then work proportional to
//! the ≤ 400 × 400 copy and a capped number of candidates.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::geom::{self, Line, Pt};

/// Long side of the working copy.
pub const WORK: usize = 400;
/// Hough angle bins over [0, π).
pub(super) const NT: usize = 180;
/// Peaks kept.
const PEAKS: usize = 26;
/// No orientation.
pub(super) const NONE: u8 = 255;
/// [`NONE`], for the diagnostics example.
pub const NONE_DIR: u8 = NONE;

/// The luma working copy and its edge map.
pub struct Work {
    /// Width.
    pub w: usize,
    /// Height.
    pub h: usize,
    /// Downscale factor (original pixels per working pixel).
    pub k: usize,
    /// Where the copy starts in the original (a window of it).
    pub ox: usize,
    /// See `ox`.
    pub oy: usize,
    /// True for the whole frame (its borders may stand in for a cut side).
    pub whole: bool,
    /// Luma 0–255.
    pub luma: Vec<f32>,
    /// Gradient magnitude.
    pub mag: Vec<f32>,
    /// Edge orientation bin (normal angle, 0..NT) of thinned edge pixels, else NONE.
    pub dir: Vec<u8>,
}

/// Box-downscales RGBA to luma with long side ≤ [`WORK`].
pub fn work(rgba: &[u8], width: usize, height: usize) -> Work {
    work_in(rgba, width, (0, 0, width, height))
}

/// [`work`] of the window `(x0, y0, ww, wh)` of the frame (of `width`
/// pixels per row).
pub fn work_in(rgba: &[u8], width: usize, win: (usize, usize, usize, usize)) -> Work {
    let (ox, oy, ww, wh) = win;
    let height = oy + wh;
    let k = ww.max(wh).div_ceil(WORK).max(1);
    let (w, h) = ((ww / k).max(1), (wh / k).max(1));
    let mut luma: Vec<f32> = Vec::new();
    let mut sums: Vec<u32> = Vec::new();
    let stride = width * 4;
    let area = (k * k) as f32;
    for row_y in 0..h {
        sums.clear();
        sums.resize(w, 0);
        for y in oy + row_y * k..(oy + row_y * k + k).min(height) {
            let at = y * stride + ox * 4;
            let Some(row) = rgba.get(at..at + w * k * 4) else {
                continue;
            };
            // k pixels per output column, without a division per pixel;
            // the channels summed first, weighted once per block (the
            // same integers; the per-pixel weighting was 0.43 G of 12.3 G
            // instructions on s2_30).
            for (s, block) in sums.iter_mut().zip(row.chunks_exact(4 * k)) {
                let (mut sr, mut sg, mut sb) = (0u32, 0u32, 0u32);
                for px in block.chunks_exact(4) {
                    if let [r, g, b, _] = px {
                        sr += u32::from(*r);
                        sg += u32::from(*g);
                        sb += u32::from(*b);
                    }
                }
                *s += 77 * sr + 150 * sg + 29 * sb;
            }
        }
        for s in &sums {
            luma.push(*s as f32 / 256.0 / area);
        }
    }
    let mut wk = Work {
        w,
        h,
        k,
        ox,
        oy,
        whole: ox == 0 && oy == 0 && ww == width,
        luma,
        mag: Vec::new(),
        dir: Vec::new(),
    };
    edges(&mut wk);
    wk
}

pub(super) fn at(v: &[f32], w: usize, x: usize, y: usize) -> f32 {
    v.get(y * w + x).copied().unwrap_or(0.0)
}

/// A fast f32 square root (bit-trick guess, two Newton steps: ~1e-5
/// relative), enough for gradient magnitudes.
fn sqrt32(x: f32) -> f32 {
    if x <= 0.0 {
        return 0.0;
    }
    let mut y = f32::from_bits((x.to_bits() >> 1) + 0x1fbd_1df5);
    y = 0.5 * (y + x / y);
    0.5 * (y + x / y)
}

/// `rt::round(x) as usize` for x < 2^31 (negative and NaN → 0) without the
/// range and sign-of-zero cases `rt::round` handles: the support samples
/// called it 10 times per point, 0.32 G of 12.3 G instructions on s2_30.
/// (Through `usize`: one conversion each way in wasm32, not `round_i`'s
/// two i64 ones and its `max(0)`; the same value for every such x.)
fn nearest(x: f64) -> usize {
    let t = x as u32;
    (if x - f64::from(t) >= 0.5 { t + 1 } else { t }) as usize
}

/// `rt::round(x) as i64` for |x| < 2^52 (the Hough votes: 0.39 G of 12.3 G
/// instructions on s2_30 went to `rt::round`).
pub(super) fn round_i(x: f64) -> i64 {
    let t = x as i64;
    let d = x - t as f64;
    if d >= 0.5 {
        t + 1
    } else if d <= -0.5 {
        t - 1
    } else {
        t
    }
}

/// Sobel gradients, then thinning along the gradient direction.
fn edges(wk: &mut Work) {
    let (w, h) = (wk.w, wk.h);
    let n = w * h;
    let mut gx = vec![0f32; n];
    let mut gy = vec![0f32; n];
    let mut mag = vec![0f32; n];
    if w >= 3 && h >= 3 {
        let l = &wk.luma;
        // Row slices and 3-wide windows instead of nine bounds-checked
        // reads per pixel (the same sums in the same order: the reads were
        // ~0.3 G of 15.0 G instructions on the slowest s2 photos).
        for y in 1..h - 1 {
            let (Some(r0), Some(r1), Some(r2)) = (
                l.get((y - 1) * w..y * w),
                l.get(y * w..(y + 1) * w),
                l.get((y + 1) * w..(y + 2) * w),
            ) else {
                continue;
            };
            let i = y * w + 1..(y + 1) * w - 1;
            let (Some(ga), Some(gb), Some(gm)) =
                (gx.get_mut(i.clone()), gy.get_mut(i.clone()), mag.get_mut(i))
            else {
                continue;
            };
            let rows = r0.windows(3).zip(r1.windows(3)).zip(r2.windows(3));
            let outs = ga.iter_mut().zip(gb.iter_mut()).zip(gm.iter_mut());
            for (((t, c), b), ((a, bb), m)) in rows.zip(outs) {
                let ([t0, t1, t2], [c0, _, c2], [b0, b1, b2]) = (t, c, b) else {
                    continue;
                };
                let sx = t2 + 2.0 * c2 + b2 - t0 - 2.0 * c0 - b0;
                let sy = b0 + 2.0 * b1 + b2 - t0 - 2.0 * t1 - t2;
                *a = sx;
                *bb = sy;
                *m = sqrt32(sx * sx + sy * sy);
            }
        }
    }
    let mut dir = vec![NONE; n];
    // Sobel of a luma step Δ is 4Δ: 10 ≈ a 2.5-level step.
    let low = 10.0f32;
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            let i = y * w + x;
            let m = at(&mag, w, x, y);
            if m < low {
                continue;
            }
            let (sx, sy) = (at(&gx, w, x, y), at(&gy, w, x, y));
            // Neighbours along the gradient (quantised to 8 directions).
            let (dx, dy): (isize, isize) = if sx.abs() > 2.4 * sy.abs() {
                (1, 0)
            } else if sy.abs() > 2.4 * sx.abs() {
                (0, 1)
            } else if (sx > 0.0) == (sy > 0.0) {
                (1, 1)
            } else {
                (1, -1)
            };
            let a = at(
                &mag,
                w,
                (x as isize + dx) as usize,
                (y as isize + dy) as usize,
            );
            let b = at(
                &mag,
                w,
                (x as isize - dx) as usize,
                (y as isize - dy) as usize,
            );
            if m < a || m <= b {
                continue;
            }
            let mut t = geom::atan2(f64::from(sy), f64::from(sx));
            if t < 0.0 {
                t += geom::PI;
            }
            let bin = (t / geom::PI * NT as f64) as usize % NT;
            if let Some(d) = dir.get_mut(i) {
                *d = bin as u8;
            }
        }
    }
    wk.mag = mag;
    wk.dir = dir;
}

/// Angular distance of two orientation bins (mod NT). Every bin is made
/// `% NT`, so |a − b| < NT needs no reduction (a remainder per call: 39 M
/// of 8.7 G instructions on s2_30, most in the quad pairing); an input out
/// of range gives 0, not a panic.
pub(super) fn bin_diff(a: usize, b: usize) -> usize {
    let d = a.abs_diff(b);
    d.min(NT.saturating_sub(d))
}

/// A Hough peak: normal angle bin, ρ, votes.
#[derive(Clone, Copy, Debug)]
struct Peak {
    t: usize,
    rho: f64,
    votes: u32,
}

fn hough(wk: &Work) -> Vec<Peak> {
    let (w, h) = (wk.w, wk.h);
    let r = w + h;
    let nr = 2 * r + 1;
    let mut acc = vec![0u32; NT * nr];
    let mut trig: Vec<(f64, f64)> = Vec::new();
    for t in 0..NT {
        let th = t as f64 * geom::PI / NT as f64;
        trig.push((geom::cos(th), geom::sin(th)));
    }
    // By rows: no division per edge pixel for its position.
    for (y, row) in wk.dir.chunks(w.max(1)).enumerate() {
        for (x, &d) in row.iter().enumerate() {
            if d == NONE {
                continue;
            }
            let (x, y) = (x as f64, y as f64);
            // One remainder per pixel, not per vote (58 M of 15.0 G
            // instructions on the slowest s2 photos).
            let t0 = (usize::from(d) + NT - 3) % NT;
            for t in (t0..t0 + 7).map(|t| if t >= NT { t - NT } else { t }) {
                let Some(&(c, s)) = trig.get(t) else { continue };
                let rho = x * c + y * s;
                let rb = (round_i(rho) + r as i64) as usize;
                if let Some(a) = acc.get_mut(t * nr + rb) {
                    *a += 1;
                }
            }
        }
    }
    let min_votes = ((w.min(h) as u32) / 32).max(8);
    let mut peaks: Vec<Peak> = Vec::new();
    for t in 0..NT {
        for rb in 0..nr {
            let v = acc.get(t * nr + rb).copied().unwrap_or(0);
            if v < min_votes {
                continue;
            }
            // Local maximum in a ±4° × ±6 px window (angles wrap with ρ negated).
            let mut best = true;
            'win: for dt in -4isize..=4 {
                for dr in -6isize..=6 {
                    if dt == 0 && dr == 0 {
                        continue;
                    }
                    let mut tt = t as isize + dt;
                    let mut rr = rb as isize + dr;
                    if tt < 0 || tt >= NT as isize {
                        tt = tt.rem_euclid(NT as isize);
                        rr = 2 * r as isize - rr;
                    }
                    if rr < 0 || rr >= nr as isize {
                        continue;
                    }
                    let o = acc
                        .get(tt as usize * nr + rr as usize)
                        .copied()
                        .unwrap_or(0);
                    if o > v || (o == v && (tt as usize, rr as usize) < (t, rb)) {
                        best = false;
                        break 'win;
                    }
                }
            }
            if best {
                // Kept in descending order of votes, at most PEAKS of them
                // (an insertion instead of a sort: no sort code in the wasm).
                let at = peaks
                    .iter()
                    .position(|p| p.votes < v)
                    .unwrap_or(peaks.len());
                if at < KEPT {
                    let peak = Peak {
                        t,
                        rho: rb as f64 - r as f64,
                        votes: v,
                    };
                    let tail = peaks.split_off(at);
                    peaks.push(peak);
                    peaks.extend(tail);
                    peaks.truncate(KEPT);
                }
            }
        }
    }
    // The strongest PEAKS, then up to EXTRA more from orientations that
    // few of them share: ruled or printed paper's parallel lines can take
    // every place while a card side of another direction goes unseen.
    let rest = peaks.split_off(PEAKS.min(peaks.len()));
    let extra = if wk.whole { EXTRA } else { EXTRA_WINDOW };
    for p in rest {
        if peaks.len() >= PEAKS + extra {
            break;
        }
        let crowd = peaks.iter().filter(|q| bin_diff(q.t, p.t) <= BAND).count();
        if crowd < CROWD {
            peaks.push(p);
        }
    }
    peaks
}

/// The Hough peaks (orientation bin, ρ, votes), strongest first, then the
/// extra ones: for the diagnostics example.
pub fn peaks(wk: &Work) -> Vec<(usize, f64, u32)> {
    hough(wk).iter().map(|p| (p.t, p.rho, p.votes)).collect()
}

/// The affine aspect (mean opposite sides) range that stands in for an
/// out-of-range projective estimate.
const AFFINE_MIN: f64 = 1.45;
/// See [`AFFINE_MIN`].
const AFFINE_MAX: f64 = 1.75;

/// The least support of a side.
const SIDE_MIN: f64 = 0.3;
/// The least support of one faint side (the others at least [`SIDE_MIN`];
/// 0.2: one card fewer on s2 and s7).
const FAINT_MIN: f64 = 0.15;

/// Quads with an extra peak's side tried at most. Crowded photos (ruled
/// paper, a card's printed grid) ran out of 4000 before the card's four
/// peaks met (s7 #541: all four sides among the peaks); 16000: s2, s7, s8
/// +6, +6, +4 cards with [`QUAD_BUDGET`] (32000: none more). Most such
/// quads stop at the shape test.
const EXTRA_BUDGET: usize = 16000;
/// Quads of the strongest peaks tried at most (6000 before: s2 #444, s7
/// #578, #583 missed; 24000 was never used up on a whole frame of seeds
/// 2, 7, 8).
const QUAD_BUDGET: usize = 24000;
/// The largest relative departure from ID-1's aspect of such a quad.
const EXTRA_SHAPE: f64 = 0.05;
/// Local maxima kept for [`EXTRA`].
const KEPT: usize = 4 * PEAKS;
/// Peaks added from uncrowded orientations.
const EXTRA: usize = 10;
/// [`EXTRA`] in a window of the second pass: a small card's short side
/// has ~14 votes there, under a busy window's 36 kept peaks (s2 #145).
/// 14 and 20 found no more on s2, s7, s8 and cost +1.6 % and +2.8 %
/// instructions on misses and negatives (12: +0.8 %); 20 on the whole
/// frame too lost 5 cards on s2 and on s7 (vision-find4.md, eighteenth
/// session).
const EXTRA_WINDOW: usize = 12;
/// Orientation bins (±) that count as the same direction for [`CROWD`].
const BAND: usize = 2;
/// A peak is added when fewer than this many kept ones share its direction.
const CROWD: usize = 3;

/// How well the segment `a`→`b` is supported by edges with a matching
/// orientation, over the fraction range `t0..t1` of its length: the share
/// of sampled points that have such an edge within ±1.5 px.
pub fn support(wk: &Work, a: Pt, b: Pt, t0: f64, t1: f64) -> f64 {
    share(wk, a, b, t0, t1, false, 0.0)
}

/// [`support`] where only a share of at least `floor` matters: it stops at
/// the first miss after which even hits at every sample left could not
/// reach `floor`, and returns that best share then (under `floor`, and at
/// least the true share: the callers take it as any share under `floor`).
/// Otherwise the share itself, as [`support`]. (The misses' and the
/// negatives' weak sides: most of their samples find no edge.)
pub fn support_over(wk: &Work, a: Pt, b: Pt, t0: f64, t1: f64, floor: f64) -> f64 {
    share(wk, a, b, t0, t1, false, floor)
}

/// [`support_over`], or (`luma`) the larger of it and the share of the
/// points with a luma step across the side over [`STEP`] of the more
/// common sign (the mean at 2 and 3 px to one side minus the other's: a
/// side's edge pixels may carry noise orientations — a printed grid up to
/// the card's edge, grey on grey — where the step across it is plain). It
/// stops early only when neither share can reach `floor`.
#[inline(never)]
fn share(wk: &Work, a: Pt, b: Pt, t0: f64, t1: f64, luma: bool, floor: f64) -> f64 {
    let len = geom::dist(a, b);
    if len < 1.0 {
        return 0.0;
    }
    let (ux, uy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
    // Normal angle of the segment, as an orientation bin.
    let mut th = geom::atan2(ux, -uy);
    if th < 0.0 {
        th += geom::PI;
    }
    let bin = (th / geom::PI * NT as f64) as usize % NT;
    let n = ((len * (t1 - t0) / 3.0) as usize).clamp(6, 48);
    let (mut hit, mut total, mut pos, mut neg) = (0usize, 0usize, 0usize, 0usize);
    for i in 0..n {
        let t = t0 + (t1 - t0) * (i as f64 + 0.5) / n as f64;
        let (px, py) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        if luma {
            let mut d = 0.0;
            for o in [-3.0f64, -2.0, 2.0, 3.0] {
                let (x, y) = (nearest(px - uy * o), nearest(py + ux * o));
                d += at(&wk.luma, wk.w, x.min(wk.w - 1), y.min(wk.h - 1)) * o.signum() as f32;
            }
            if d > 2.0 * STEP {
                pos += 1;
            } else if d < -2.0 * STEP {
                neg += 1;
            }
        }
        // (A frame border side meets the others within rounding.)
        let (xe, ye) = ((wk.w - 1) as f64 - 1e-6, (wk.h - 1) as f64 - 1e-6);
        if px < 1.0 || py < 1.0 || px >= xe || py >= ye {
            // (No hit: the best share still possible falls.)
        } else {
            total += 1;
            // Any of the five offsets counts, so the line itself is tried
            // first (most hits are there: fewer roundings, the same share).
            let mut ok = false;
            for o in [0.0f64, -0.75, 0.75, -1.5, 1.5] {
                let (x, y) = (px - uy * o, py + ux * o);
                let (xi, yi) = (nearest(x), nearest(y));
                let d = wk.dir.get(yi * wk.w + xi).copied().unwrap_or(NONE);
                if d != NONE && bin_diff(usize::from(d), bin) <= 8 {
                    ok = true;
                    break;
                }
            }
            if ok {
                hit += 1;
                continue;
            }
        }
        // The share with a hit at every sample left: no more than that
        // (hit ≤ total, so hits and samples outside added to both make
        // it no larger; the correctly rounded quotient keeps the order).
        // With no sample inside yet it is 1 (or 0 / 0): never under a
        // floor ≤ 1 (all outside, the share is 0.8). With `luma`, the
        // step's share with a step at every sample left must fall short
        // too, and the larger of the two bounds is returned.
        let left = n - 1 - i;
        let (most, of) = ((hit + left) as f64, (total + left) as f64);
        if most < floor * of && most / of < floor {
            if !luma {
                return most / of;
            }
            let step = (pos.max(neg) + left) as f64;
            if step < floor * n as f64 && step / (n as f64) < floor {
                return if step / (n as f64) > most / of {
                    step / n as f64
                } else {
                    most / of
                };
            }
        }
    }
    // The whole side outside the frame or along its border (a cropped
    // card): nothing contradicts it.
    let e = if total == 0 {
        0.8
    } else {
        hit as f64 / total as f64
    };
    let s = pos.max(neg) as f64 / n as f64;
    if luma && s > e {
        s
    } else {
        e
    }
}

/// The least mean luma step across a side for [`share`].
const STEP: f32 = 4.0;

/// A detected quadrilateral in working-copy coordinates (clockwise, first
/// corner arbitrary) with its score parts.
#[derive(Clone, Debug)]
pub struct Quad {
    /// Corners, clockwise on screen.
    pub q: [Pt; 4],
    /// Share of the outline the edges support.
    pub support: f64,
    /// Estimated width/height of the side q0→q1 over q1→q2.
    pub aspect: f64,
    /// True when a side was cut off by the frame and completed from ID-1's
    /// shape ([`complete`]).
    pub cut: bool,
    /// True when a side is one of the [`EXTRA`] peaks (weaker evidence:
    /// its side is never taken as certain).
    pub extra: bool,
    /// True when a side's support is under [`SIDE_MIN`] (weaker evidence:
    /// the print must be the stronger one of cut cards).
    pub faint: bool,
}

const ID1: f64 = 85.6 / 54.0;

/// Finds the best card-shaped quadrilateral.
pub fn find(wk: &Work) -> Option<Quad> {
    find_all(wk, 1).0.into_iter().next()
}

/// Finds up to `k` distinct card-shaped quadrilaterals, best first (a
/// paper sheet, a phone or a photo frame can outscore the card's outline;
/// the caller picks among them by the print), then the completed and faint
/// ones; with the count of those always judged (the rest are judged only
/// when none of these passes).
pub fn find_all(wk: &Work, k: usize) -> (Vec<Quad>, usize) {
    let (out, always, _) = find_kept(wk, k);
    (out, always)
}

/// What [`find_three`] reuses of [`find_kept`]'s work.
#[derive(Default)]
pub struct Kept {
    /// The strongest Hough peaks' lines.
    lines: Vec<Line>,
    /// The pairing loop's side supports per (line, from, to), over its
    /// `nl` lines (negative: not computed).
    memo: Vec<f64>,
    nl: usize,
}

/// [`find_all`], with what [`find_three`] reuses kept.
pub fn find_kept(wk: &Work, k: usize) -> (Vec<Quad>, usize, Kept) {
    let mut peaks = hough(wk);
    let found = peaks.len();
    let strongest = found.min(PEAKS);
    // The frame's borders stand in for a side cut off by the frame.
    let (bw, bh) = ((wk.w - 1) as f64, (wk.h - 1) as f64);
    if wk.whole {
        for (t, rho) in [(0, 0.0), (0, bw), (NT / 2, 0.0), (NT / 2, bh)] {
            peaks.push(Peak { t, rho, votes: 0 });
        }
    }
    let mut lines: Vec<Line> = peaks
        .iter()
        .map(|p| Line::polar(p.t as f64 * geom::PI / NT as f64, p.rho))
        .collect();
    let (w, h) = (wk.w as f64, wk.h as f64);
    let centre = (w / 2.0, h / 2.0);
    let min_side = 8.0;
    // Parallel-ish pairs (perspective tilts opposite sides up to ~30°).
    // Each pair with its count of frame borders and whether it holds an
    // extra peak (the quad tests below once per pair, not per quad).
    let mut pairs: Vec<(usize, usize, usize, bool)> = Vec::new();
    let side = |i: usize| (usize::from(i >= found), i >= strongest && i < found);
    for i in 0..peaks.len() {
        for j in i + 1..peaks.len() {
            let (Some(a), Some(b)) = (peaks.get(i), peaks.get(j)) else {
                continue;
            };
            if bin_diff(a.t, b.t) <= 30 {
                let ((bi, ei), (bj, ej)) = (side(i), side(j));
                pairs.push((i, j, bi + bj, ei || ej));
            }
        }
    }
    // A side's support depends only on its line and the two lines that
    // bound it, and each such side recurs in every quad sharing those three
    // lines: memoised per (line, from, to) (1.45 G of 12.3 G instructions
    // on s2_30 before). Negative: not computed yet.
    let nl = lines.len();
    let mut memo = vec![-1f64; nl * nl * nl];

    let mut all: Vec<(f64, Quad)> = Vec::new();
    // Completed cut cards, judged after the others ([`complete`]).
    let mut cuts: Vec<(f64, Quad)> = Vec::new();
    // The visible sides of each of `cuts` ([`complete`]).
    let mut visible: Vec<[Pt; 4]> = Vec::new();
    // The same under a pinhole camera ([`pinhole`]), proposed late.
    let mut pins: Vec<(f64, Quad)> = Vec::new();
    let mut pin_visible: Vec<[Pt; 4]> = Vec::new();
    // Outlines with a faint side, judged after the others.
    let mut faints: Vec<(f64, Quad)> = Vec::new();
    // First the quads of the strongest peaks (as before the extra peaks),
    // then those with an extra peak's side, each with its own budget.
    for (extra, mut budget) in [(false, QUAD_BUDGET), (true, EXTRA_BUDGET)] {
        'pass: for (pi, &(a, b, ab_border, ab_extra)) in pairs.iter().enumerate() {
            // (A pair with an extra peak has no quad in the first pass.)
            if ab_extra && !extra {
                continue;
            }
            for &(c, d, cd_border, cd_extra) in pairs.iter().skip(pi + 1) {
                // At most one side on the frame's border; an extra peak's
                // side in the second pass only.
                if ab_border + cd_border > 1 || (ab_extra || cd_extra) != extra {
                    continue;
                }
                let (Some(pa), Some(pc)) = (peaks.get(a), peaks.get(c)) else {
                    continue;
                };
                if bin_diff(pa.t, pc.t) < 50 || c == a || c == b || d == a || d == b {
                    continue;
                }
                // Spent: every later quad of this pass would stop here
                // (the scan on was most of the pairing loop's cost where
                // the extra budget runs out).
                if budget == 0 {
                    break 'pass;
                }
                budget -= 1;
                let (Some(la), Some(lb), Some(lc), Some(ld)) =
                    (lines.get(a), lines.get(b), lines.get(c), lines.get(d))
                else {
                    continue;
                };
                let (Some(p0), Some(p1), Some(p2), Some(p3)) =
                    (la.meet(lc), lc.meet(lb), lb.meet(ld), ld.meet(la))
                else {
                    continue;
                };
                let mut q = [p0, p1, p2, p3];
                if !geom::convex(&q) {
                    continue;
                }
                // Side i runs along line .0 from its meeting with .1 to .2.
                let mut keys = [(c, a, b), (b, c, d), (d, b, a), (a, d, c)];
                if geom::area2(&q) < 0.0 {
                    q = [p0, p3, p2, p1];
                    keys = [(a, c, d), (d, a, b), (b, d, c), (c, b, a)];
                }
                // Corners may leave the frame (a cropped card) but not by much.
                let out =
                    |p: &Pt| p.0 < -0.3 * w || p.1 < -0.3 * h || p.0 > 1.3 * w || p.1 > 1.3 * h;
                if q.iter().any(out) {
                    continue;
                }
                // Squared lengths for the size test: most quads stop here or
                // at the shape and support tests, and `geom::dist` (a called
                // square root) was ~0.55 % of all instructions on s2_30.
                let sq = |i: usize| {
                    let (p, r) = (geom::at(&q, i), geom::at(&q, i + 1));
                    (p.0 - r.0) * (p.0 - r.0) + (p.1 - r.1) * (p.1 - r.1)
                };
                if sq(0).min(sq(1)) < min_side * min_side {
                    continue;
                }
                // A side on the frame's border stands for one the frame cut
                // off: the card is completed from ID-1's shape.
                let border = [a, b, c, d].iter().copied().find(|&i| i >= found);
                let mut aspect = aspect(&q, centre);
                // The projective estimate swings with the peaks' 1° steps
                // when two sides converge (s2 #185: 1.396 for a card whose
                // true outline gives 1.51): when it is out of range, the
                // affine one (mean opposite sides) may stand in.
                if !extra && !(1.40..=1.82).contains(&aspect) {
                    let flat = (geom::dist(q[0], q[1]) + geom::dist(q[2], q[3]))
                        / (geom::dist(q[1], q[2]) + geom::dist(q[3], q[0]));
                    let flat = if flat < 1.0 { 1.0 / flat } else { flat };
                    if (AFFINE_MIN..=AFFINE_MAX).contains(&flat) {
                        aspect = flat;
                    }
                }
                // An extra peak's outline must be close to ID-1's shape and
                // whole: passport pages' photo and text blocks (1.68–1.71 on
                // seeds 2 and 12) took its wider range.
                let fits = if extra {
                    border.is_none() && (aspect / ID1 - 1.0).abs() <= EXTRA_SHAPE
                } else {
                    (1.40..=1.82).contains(&aspect)
                };
                if (border.is_none() || extra) && !fits {
                    continue;
                }
                // Side by side, stopping at the first weak one (most
                // candidates have one).
                let mut sup = [0f64; 4];
                let mut weak = false;
                let mut faint = false;
                for (i, (o, (l, from, to))) in sup.iter_mut().zip(keys).enumerate() {
                    let slot = memo.get_mut((l * nl + from) * nl + to);
                    *o = match slot {
                        Some(m) if *m >= 0.0 => *m,
                        _ => {
                            // (A share under FAINT_MIN, exact or not, makes
                            // the quad weak here and in `find_three`.)
                            let (p, r) = (geom::at(&q, i), geom::at(&q, i + 1));
                            let v = support_over(wk, p, r, 0.08, 0.92, FAINT_MIN);
                            if let Some(m) = slot {
                                *m = v;
                            }
                            v
                        }
                    };
                    if *o < SIDE_MIN {
                        // One side may be faint (a white card on white
                        // paper, a grey card's side crossed by its texture).
                        if *o < FAINT_MIN || faint || !wk.whole {
                            weak = true;
                            break;
                        }
                        faint = true;
                    }
                }
                if weak {
                    continue;
                }
                let full = border
                    .and_then(|i| lines.get(i))
                    .and_then(|bl| complete(wk, &q, bl));
                if border.is_some() && full.is_none() {
                    continue;
                }
                let (base, frac) = merit(&q, &sup);
                if let Some((fq, hid, v, pin)) = full {
                    let quad = Quad {
                        q: fq,
                        support: frac,
                        aspect: ID1,
                        cut: true,
                        extra,
                        faint,
                    };
                    // Its pinhole twin differs only in its corners.
                    if let Some(pq) = pin {
                        pin_visible.push(v);
                        pins.push((
                            base * (1.0 - hid),
                            Quad {
                                q: pq,
                                ..quad.clone()
                            },
                        ));
                    }
                    visible.push(v);
                    cuts.push((base * (1.0 - hid), quad));
                }
                if border.is_none() && fits {
                    let shape = 1.0 - (aspect / ID1 - 1.0).abs() * 2.0;
                    // A faint side's outline comes after the others: it
                    // must not displace a well-supported one.
                    if faint { &mut faints } else { &mut all }.push((
                        base * shape,
                        Quad {
                            q,
                            support: frac,
                            aspect,
                            cut: false,
                            extra,
                            faint,
                        },
                    ));
                }
            }
        }
    }
    let near = 0.04 * crate::rt::sqrt(w * w + h * h);
    let mut out = best_distinct(&mut all, k, near, &[], None, 4);
    // After the k best, a few more as late outlines (a small card's
    // outline below a background's ID-shaped quads), each sharing at most
    // one corner with those before it: the next best are mostly the
    // proposed outlines with one side swapped.
    let late_plain = best_distinct(&mut all, LATE_PLAIN, near, &out, None, 2);
    let cut = best_distinct(&mut cuts, CUTS, near, &[], None, 4);
    // The late ones must reach the border (asked only of those selected:
    // 78 M instructions on s2_30 for every completed outline).
    let late = best_distinct(&mut cuts, LATE_CUTS, near, &cut, Some((wk, &visible)), 4);
    let mut taken = cut.clone();
    taken.extend(late.iter().cloned());
    let late_pin = best_distinct(
        &mut pins,
        LATE_PINS,
        near,
        &taken,
        Some((wk, &pin_visible)),
        4,
    );
    out.extend(cut);
    let faint = best_distinct(&mut faints, CUTS, near, &[], None, 4);
    let late_faint = best_distinct(&mut faints, LATE_CUTS, near, &faint, None, 4);
    out.extend(faint);
    // (The late ones are refined only when judged: `card::candidates`.)
    for quad in out.iter_mut() {
        super::refine::refine(wk, quad);
    }
    let always = out.len();
    out.extend(late);
    out.extend(late_pin);
    out.extend(late_faint);
    out.extend(late_plain);
    lines.truncate(strongest);
    (out, always, Kept { lines, memo, nl })
}

/// An outline's merit (its supported length, weighted by the supported
/// share squared and by its weakest side) and its supported share, from
/// its sides' supports (side i from corner i to i + 1).
fn merit(q: &[Pt; 4], sup: &[f64; 4]) -> (f64, f64) {
    let min_sup = sup.iter().copied().fold(1.0, f64::min);
    let lens = [0, 1, 2, 3].map(|i| geom::dist(geom::at(q, i), geom::at(q, i + 1)));
    let perim: f64 = lens.iter().sum();
    let supported: f64 = sup.iter().zip(lens).map(|(s, l)| s * l).sum();
    let frac = supported / perim;
    (supported * frac * frac * (0.5 + min_sup), frac)
}

/// The long over the short side of the rectangle whose projection is `q`
/// ([`geom::rect_aspect`]).
fn aspect(q: &[Pt; 4], centre: Pt) -> f64 {
    let aspect = geom::rect_aspect(q, centre);
    if aspect < 1.0 && aspect > 0.0 {
        1.0 / aspect
    } else {
        aspect
    }
}

/// Three-sided outlines, asked for only when no other outline passed
/// (`card::candidates`; found cards pay nothing): two parallel-ish lines
/// of `lines` ([`find_kept`]'s strongest peaks) and one across them, the
/// fourth side placed along the pair at ID-1's extent and refitted to its
/// best supported shift within [`THREE_SHIFT`] of it (a side with no Hough
/// peak of its own: a parallel line 5–50 px off, a sheet's edge or the
/// card's print took its votes). The best [`LATE_THREES`] not near any of
/// `taken`.
pub fn find_three(wk: &Work, kept: &Kept, taken: &[Quad]) -> Vec<Quad> {
    if !wk.whole {
        return Vec::new();
    }
    let Kept { lines, memo, nl } = kept;
    let (w, h) = (wk.w as f64, wk.h as f64);
    let mut threes: Vec<(f64, Quad)> = Vec::new();
    let inside = |p: &Pt| p.0 > 1.0 && p.1 > 1.0 && p.0 < w - 2.0 && p.1 < h - 2.0;
    // The sine of the angle between two lines: within 30° (as the pairing
    // loop's `bin_diff` ≤ 30 on whole degrees) parallel-ish, over 50° across.
    let sin = |l: &Line, m: &Line| (l.a * m.b - l.b * m.a).abs();
    // A side along the pair: its edges or its luma step.
    let side = |a, b| share(wk, a, b, 0.08, 0.92, true, THREE_MIN);
    for (i, la) in lines.iter().enumerate() {
        for (j, lb) in lines.iter().enumerate().skip(i + 1) {
            if sin(la, lb) > 0.505 {
                continue;
            }
            for (k, lc) in lines.iter().enumerate() {
                let (Some(p0), Some(p1)) = (lc.meet(la), lc.meet(lb)) else {
                    continue;
                };
                // (A side under THREE_LEN of the frame's long side: the
                // card's long side would be under `card::MIN_SHARE`.)
                let len = geom::dist(p0, p1);
                if sin(la, lc) < 0.76 || len < THREE_LEN * w.max(h) || !inside(&p0) || !inside(&p1)
                {
                    continue;
                }
                // c's side from a to b, as the pairing loop may have
                // measured it (either way: the same samples).
                let known = |f, t| memo.get((k * nl + f) * nl + t).copied().unwrap_or(-1.0);
                let sc = match known(i, j).max(known(j, i)) {
                    m if m >= 0.0 => m,
                    _ => support_over(wk, p0, p1, 0.08, 0.92, THREE_MIN),
                };
                if sc < THREE_MIN {
                    continue;
                }
                // Along a and b the same way, both ways from c.
                let (da, mut db) = ((-la.b, la.a), (-lb.b, lb.a));
                if da.0 * db.0 + da.1 * db.1 < 0.0 {
                    db = (-db.0, -db.1);
                }
                for o in 0..4 {
                    let s = if o < 2 { 1.0 } else { -1.0 };
                    let target = if o % 2 == 0 { ID1 } else { 1.0 / ID1 };
                    let two = |d: f64, e: f64| {
                        let (d, e) = (s * d, s * e);
                        (
                            (p0.0 + da.0 * d, p0.1 + da.1 * d),
                            (p1.0 + db.0 * e, p1.1 + db.1 * e),
                        )
                    };
                    let at = |d: f64| two(d, d);
                    // The extent d over the mean of c's side and the fourth
                    // (affine, as [`complete`]'s): d = target · (len + |v + w d|)
                    // / 2 with v = p1 − p0 (|v| = len) and w = s (db − da),
                    // squared: d (r² − |w|²) = 2 (r len + v·w), r = 2 / target.
                    let (w0, w1, r) = (s * (db.0 - da.0), s * (db.1 - da.1), 2.0 / target);
                    let vw = (p1.0 - p0.0) * w0 + (p1.1 - p0.1) * w1;
                    let d = 2.0 * (r * len + vw) / (r * r - w0 * w0 - w1 * w1);
                    let mut n = at(d);
                    // The fourth side's nearest try (the frame's inside is
                    // convex and holds c's side: past it, all are out).
                    let reach = (THREE_SHIFT * d) as i32 + 1;
                    let near = at(d - f64::from(reach));
                    if d > f64::from(reach) && !(inside(&near.0) && inside(&near.1)) {
                        continue;
                    }
                    let sa = side(p0, n.0);
                    if sa < THREE_MIN {
                        continue;
                    }
                    let sb = side(p1, n.1);
                    if sb < THREE_MIN {
                        continue;
                    }
                    // In steps of THREE_STEP px (an edge within 1.5 px of
                    // the side counts: `support`; the side is refined after).
                    let mut sd = 0.0;
                    if sa.min(sb).min(sc) >= THREE_SURE {
                        // Each end on its own (the side need not be parallel
                        // to c's) when the three sides are sure.
                        // (No share is over 1: the rest of the grid after a
                        // full one could not replace it.)
                        'grid: for o in (-reach..=reach).step_by(THREE_STEP) {
                            for e in (-reach..=reach).step_by(THREE_STEP) {
                                let m = two(d + f64::from(o), d + f64::from(e));
                                let v = share(wk, m.0, m.1, 0.08, 0.92, true, sd);
                                if v > sd {
                                    (sd, n) = (v, m);
                                    if sd >= 1.0 {
                                        break 'grid;
                                    }
                                }
                            }
                        }
                    } else {
                        // Else parallel to c's, by its edges; by its luma step
                        // too only when no shift has the edges.
                        'shift: for luma in [false, true] {
                            for o in (-reach..=reach).step_by(THREE_STEP) {
                                let m = at(d + f64::from(o));
                                let v = share(wk, m.0, m.1, 0.08, 0.92, luma, sd);
                                if v > sd {
                                    (sd, n) = (v, m);
                                    if sd >= 1.0 {
                                        break 'shift;
                                    }
                                }
                            }
                            if sd >= THREE_MIN {
                                break;
                            }
                        }
                    }
                    let mut q = [p0, n.0, n.1, p1];
                    if sd < SIDE_MIN || !inside(&n.0) || !inside(&n.1) || !geom::convex(&q) {
                        continue;
                    }
                    let (score, support) = merit(&q, &[sa, sd, sb, sc]);
                    if geom::area2(&q) < 0.0 {
                        q = [p0, p1, n.1, n.0];
                    }
                    let aspect = aspect(&q, (w / 2.0, h / 2.0));
                    // (Without it a passport page's blocks were taken:
                    // n12_passport #16.)
                    if !(1.40..=1.82).contains(&aspect) {
                        continue;
                    }
                    threes.push((
                        score,
                        Quad {
                            q,
                            support,
                            aspect,
                            cut: false,
                            extra: true,
                            faint: false,
                        },
                    ));
                }
            }
        }
    }
    let near = 0.04 * crate::rt::sqrt(w * w + h * h);
    best_distinct(&mut threes, LATE_THREES, near, taken, None, 4)
}

/// Three-sided outlines ([`find_three`]) judged.
const LATE_THREES: usize = 1;
/// The least support of a three-sided outline's three sides.
const THREE_MIN: f64 = 0.5;
/// The least support of each of three sides whose fourth side is searched
/// end by end (else parallel to c's: the 2-D search is costly).
const THREE_SURE: f64 = 0.75;
/// How far (a share of the extent) the fourth side of a three-sided
/// outline is looked for from ID-1's.
const THREE_SHIFT: f64 = 0.08;
/// The step (px) of that search.
const THREE_STEP: usize = 2;
/// The shortest side across a three-sided outline's pair, a share of the
/// frame's long side: 0.9 × `card::MIN_SHARE` (0.08) / ID-1's aspect.
const THREE_LEN: f64 = 0.045;

/// Completed outlines proposed after the others.
const CUTS: usize = 2;
/// Completed outlines, and faint ones, proposed after those, judged only
/// when no other outline passes (a cut card whose completion ranked below
/// a background's, a white card on white paper beside a sheet's lines).
const LATE_CUTS: usize = 6;

/// Plain outlines proposed after the k best, judged only when no other
/// outline passes, and then only with the stronger evidence asked of cut
/// and faint ones (`card::candidates`: passport pages' blocks pass the
/// plain test). 4: one card fewer on s2, s7, s8; 12 told apart by all
/// four corners only (as the others): one more card, at +6.3 %
/// instructions on misses and negatives (6 as here: +1.8 %).
const LATE_PLAIN: usize = 6;

/// The best `k` of `all` that have fewer than `shared` corners near a
/// better one's or one of `taken`'s, with `reach` among those whose visible sides (by index)
/// reach the border ([`reaches`], asked of the selected ones only)
/// (repeated selection of the maximum: no sort code in the wasm).
fn best_distinct(
    all: &mut [(f64, Quad)],
    k: usize,
    near: f64,
    taken: &[Quad],
    reach: Option<(&Work, &[[Pt; 4]])>,
    shared: usize,
) -> Vec<Quad> {
    let mut out: Vec<Quad> = Vec::new();
    let mut tries = 0;
    while out.len() < k && tries < 64 {
        let mut at: Option<usize> = None;
        for (i, (s, _)) in all.iter().enumerate() {
            if *s > f64::MIN && at.map_or(true, |j| all.get(j).map_or(true, |b| *s > b.0)) {
                at = Some(i);
            }
        }
        let Some(i) = at else { break };
        let Some(e) = all.get_mut(i) else { break };
        e.0 = f64::MIN;
        let quad = e.1.clone();
        if let Some((wk, visible)) = reach {
            if !visible.get(i).is_some_and(|v| reaches(wk, v)) {
                continue;
            }
        }
        tries += 1;
        let same = |o: &Quad| {
            o.q.iter()
                .filter(|&&c| quad.q.iter().any(|&d| geom::dist(c, d) < near))
                .count()
                >= shared
        };
        if out.iter().chain(taken).any(same) {
            continue;
        }
        out.push(quad);
    }
    out
}

/// Where the end of a cut card's visible side begins (a share of its
/// length from the opposite side): [`complete`] asks for support there.
const REACH: f64 = 0.75;

/// The largest share of a cut card's extent the frame may hide.
const CUT_MAX: f64 = 0.45;

/// A completed outline, the hidden share of its extent, its visible sides
/// and its pinhole twin ([`complete`]).
type Completed = ([Pt; 4], f64, [Pt; 4], Option<[Pt; 4]>);

/// Completes the quad `q` whose side lies on the frame's border line `bl`
/// to an ID-1 card: the opposite side and the two sides meeting it are the
/// card's own, so the cut side lies along those two where the rectified
/// shape is 85.6 : 54 (the card's short side or its long side cut, the
/// smaller extent that reaches past the border). Returns the completed
/// corners, the hidden share of the extent and the two visible sides (from
/// the opposite side to the border: [`reaches`]), and the same extent
/// under a pinhole camera ([`pinhole`]) when it leaves the frame too;
/// `None` when no extent fits.
fn complete(wk: &Work, q: &[Pt; 4], bl: &Line) -> Option<Completed> {
    let (w, h) = (wk.w as f64, wk.h as f64);
    let on = |p: Pt| bl.dist(p).abs() < 0.5;
    let i = (0..4).find(|&i| on(geom::at(q, i)) && on(geom::at(q, i + 1)))?;
    // A–B the opposite side; A→q[i] and B→q[i+1] the visible sides.
    let (ci, cj) = (i, (i + 1) % 4);
    let (a, b) = (geom::at(q, i + 3), geom::at(q, i + 2));
    let len = geom::dist(a, b);
    let (qi, qj) = (geom::at(q, ci), geom::at(q, cj));
    let (la, lb) = (geom::dist(a, qi), geom::dist(b, qj));
    if len < 1.0 || la < 1.0 || lb < 1.0 {
        return None;
    }
    let ua = ((qi.0 - a.0) / la, (qi.1 - a.1) / la);
    let ub = ((qj.0 - b.0) / lb, (qj.1 - b.1) / lb);
    let at = |t: f64| -> [Pt; 4] {
        let mut n = *q;
        if let Some(p) = n.get_mut(ci) {
            *p = (a.0 + ua.0 * t * len, a.1 + ua.1 * t * len);
        }
        if let Some(p) = n.get_mut(cj) {
            *p = (b.0 + ub.0 * t * len, b.1 + ub.1 * t * len);
        }
        n
    };
    // Extent over the mean of A–B and the completed side (affine: the
    // perspective estimate is ill-conditioned on a part of the card).
    let ratio = |t: f64| {
        let n = at(t);
        2.0 * t * len / (len + geom::dist(geom::at(&n, ci), geom::at(&n, cj)))
    };
    let vis_min = la.min(lb) / len;
    let vis = 0.5 * (la + lb) / len;
    for target in [1.0 / ID1, ID1] {
        // Bisection on t (the ratio grows with t).
        let (mut lo, mut hi) = (0.2f64, 3.0f64);
        for _ in 0..24 {
            let mid = 0.5 * (lo + hi);
            if ratio(mid) < target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let t = 0.5 * (lo + hi);
        if t < 0.97 * vis_min || t > 2.9 {
            continue;
        }
        let hid = 1.0 - vis.min(t) / t;
        if hid > CUT_MAX {
            continue;
        }
        let n = at(t);
        let out = |p: &Pt| p.0 < -1.0 || p.1 < -1.0 || p.0 > w || p.1 > h;
        if !(out(&geom::at(&n, ci)) || out(&geom::at(&n, cj))) || !geom::convex(&n) {
            continue;
        }
        let pin = pinhole(wk, [a, qi, b, qj], target).and_then(|(c, d)| {
            let mut m = *q;
            *m.get_mut(ci)? = c;
            *m.get_mut(cj)? = d;
            (geom::convex(&m) && out(&c) && out(&d)).then_some(m)
        });
        return Some((n, hid, [a, qi, b, qj], pin));
    }
    None
}

/// Completed outlines under a pinhole camera ([`pinhole`]) proposed after
/// the late affine ones.
const LATE_PINS: usize = 1;

/// The cut card's hidden corners under a pinhole camera (principal point
/// at the frame's centre, focal length 1.5 × its long side): the visible
/// sides `v` (A→A', B→B') put in 3-D (their vanishing direction and A–B's,
/// orthogonal to it, give the card's plane), the hidden side at `target`
/// × A–B's 3-D length from A–B, projected back. The affine completion
/// keeps the hidden side's corners at one share of both visible sides; a
/// card tilted about its long axis has its hidden side turned.
fn pinhole(wk: &Work, v: [Pt; 4], target: f64) -> Option<(Pt, Pt)> {
    let [a, qi, b, qj] = v;
    let (cx, cy) = (wk.w as f64 / 2.0, wk.h as f64 / 2.0);
    let f = 1.5 * wk.w.max(wk.h) as f64;
    let ray = |p: Pt| [p.0 - cx, p.1 - cy, f];
    let cross = |u: [f64; 3], w: [f64; 3]| {
        [
            u[1] * w[2] - u[2] * w[1],
            u[2] * w[0] - u[0] * w[2],
            u[0] * w[1] - u[1] * w[0],
        ]
    };
    let dot = |u: [f64; 3], w: [f64; 3]| u[0] * w[0] + u[1] * w[1] + u[2] * w[2];
    // The visible sides' vanishing direction: the planes through the
    // camera and each side meet along it.
    let d1 = cross(cross(ray(a), ray(qi)), cross(ray(b), ray(qj)));
    // A–B's direction: in its own plane, orthogonal to d1.
    let d2 = cross(cross(ray(a), ray(b)), d1);
    let n = cross(d1, d2);
    let a3 = ray(a);
    let on = |p: Pt| {
        let r = ray(p);
        let s = dot(n, a3) / dot(n, r);
        (s.is_finite() && s > 0.0).then_some([r[0] * s, r[1] * s, r[2] * s])
    };
    let (b3, qi3) = (on(b)?, on(qi)?);
    let sub = |u: [f64; 3], w: [f64; 3]| [u[0] - w[0], u[1] - w[1], u[2] - w[2]];
    let len = |u: [f64; 3]| crate::rt::sqrt(dot(u, u));
    let ab = len(sub(b3, a3));
    let up = sub(qi3, a3);
    let k = target * ab / len(up);
    if !k.is_finite() {
        return None;
    }
    let proj = |p: [f64; 3], o: [f64; 3]| {
        let x = [p[0] + o[0] * k, p[1] + o[1] * k, p[2] + o[2] * k];
        (x[2] > 1e-6).then(|| (x[0] / x[2] * f + cx, x[1] / x[2] * f + cy))
    };
    Some((proj(a3, up)?, proj(b3, up)?))
}

/// Whether both visible sides of a completed outline (`v`: A→A', B→B',
/// from [`complete`]) run on up to the border: the frame cuts a cut card.
/// A side that stops short of it (a line running on past the card's
/// corner, across the background: s8 #41) is weaker evidence.
fn reaches(wk: &Work, v: &[Pt; 4]) -> bool {
    let [a, qi, b, qj] = *v;
    support_over(wk, a, qi, REACH, 0.95, SIDE_MIN) >= SIDE_MIN
        && support_over(wk, b, qj, REACH, 0.95, SIDE_MIN) >= SIDE_MIN
}

/// Maps a working-copy point to original pixel coordinates (pixel centres).
pub fn to_original(wk: &Work, p: Pt) -> Pt {
    let k = wk.k as f64;
    (
        (p.0 + 0.5) * k - 0.5 + wk.ox as f64,
        (p.1 + 0.5) * k - 0.5 + wk.oy as f64,
    )
}

/// The working copy's point for an original one ([`to_original`]'s inverse).
pub fn to_work(wk: &Work, p: Pt) -> Pt {
    let k = wk.k as f64;
    (
        (p.0 - wk.ox as f64 + 0.5) / k - 0.5,
        (p.1 - wk.oy as f64 + 0.5) / k - 0.5,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole-frame working copy of a synthetic luma image, with its edges.
    fn edged(w: usize, h: usize, luma: Vec<f32>) -> Work {
        let mut wk = Work {
            w,
            h,
            k: 1,
            ox: 0,
            oy: 0,
            whole: true,
            luma,
            mag: Vec::new(),
            dir: Vec::new(),
        };
        edges(&mut wk);
        wk
    }

    /// `support_over` is `support` wherever the share reaches the floor,
    /// and under the floor (but not under the share) wherever it does not:
    /// segments in all directions, partly outside the frame, over a frame
    /// of dashed rectangles (shares 0–1), at the callers' floors and
    /// others. And `nearest` rounds as `rt::round` then clamps at 0.
    #[test]
    fn support_over_a_floor_is_support_where_it_matters() {
        let (w, h) = (240, 180);
        let mut luma = vec![90f32; w * h];
        for (i, l) in luma.iter_mut().enumerate() {
            let (x, y) = (i % w, i / w);
            for k in 0..5 {
                let (x0, y0) = (20 + 37 * k, 15 + 23 * k);
                let inside = (x0..x0 + 60).contains(&x) && (y0..y0 + 45).contains(&y);
                // Dashes of 1–5 px on, 0–4 off around the rectangles.
                if inside && (x + y) % (k + 1) <= k / 2 + (x * y) % 3 {
                    *l = 200.0 - 20.0 * k as f32;
                }
            }
        }
        let wk = edged(w, h, luma);
        let mut seed = 7u64;
        let mut next = |m: f64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64 * m - 20.0
        };
        let (mut under, mut over) = (0, 0);
        for _ in 0..3000 {
            let a = (next(w as f64 + 40.0), next(h as f64 + 40.0));
            let b = (next(w as f64 + 40.0), next(h as f64 + 40.0));
            for (t0, t1) in [(0.08, 0.92), (0.07, 0.2), (REACH, 0.95)] {
                let v = support(&wk, a, b, t0, t1);
                for f in [FAINT_MIN, 0.25, SIDE_MIN, THREE_MIN, 0.7, 1.0] {
                    let o = support_over(&wk, a, b, t0, t1, f);
                    if v >= f {
                        assert_eq!(o.to_bits(), v.to_bits(), "{a:?} {b:?} {f}");
                        over += 1;
                    } else {
                        assert!(o < f && o >= v, "{a:?} {b:?} {f}: {o} for {v}");
                        under += (o > v) as usize;
                    }
                }
            }
        }
        // Both kinds occur, and the stop is taken often.
        assert!(over > 1000 && under > 1000, "{over} {under}");
        for i in -4000..40000 {
            let x = f64::from(i) / 16.0;
            for x in [x, x + 1e-9, x - 1e-9, -x] {
                assert_eq!(nearest(x), crate::rt::round(x).max(0.0) as usize, "{x}");
            }
        }
        assert_eq!(nearest(f64::NAN), 0);
        assert_eq!(nearest(0.499_999_999_999_999_94), 0);
    }

    /// A light card on a dark ground whose right side shows only in short
    /// dashes (the rest of that side lies against an equally light
    /// ground): with dashes over a quarter of the side it is proposed as a
    /// faint outline; over an eighth, not at all.
    #[test]
    fn a_side_with_little_support_is_a_faint_outline() {
        let (w, h) = (400, 300);
        let truth = [
            (100.0, 100.0),
            (260.0, 100.0),
            (260.0, 201.0),
            (100.0, 201.0),
        ];
        let proposed = |period: usize| {
            let mut luma = vec![100f32; w * h];
            for (i, l) in luma.iter_mut().enumerate() {
                let (x, y) = (i % w, i / w);
                if (100..201).contains(&y) && x >= 100 {
                    let dash = (y / 10) % period == 0;
                    *l = if x < 260 {
                        200.0
                    } else if dash {
                        100.0
                    } else {
                        199.0
                    };
                }
            }
            let wk = edged(w, h, luma);
            find_all(&wk, 5).0.into_iter().filter(|q| !q.cut).find(|q| {
                q.q.iter()
                    .all(|&c| truth.iter().any(|&t| geom::dist(c, t) < 4.0))
            })
        };
        // Dashes of 10 rows every 40 (support 0.2–0.3): proposed, faint.
        let quarter = proposed(4);
        assert!(quarter.as_ref().is_some_and(|q| q.faint), "{quarter:?}");
        // Every 80 rows (under 0.15): not proposed.
        let eighth = proposed(8);
        assert!(eighth.is_none(), "{eighth:?}");
    }

    /// A side whose edge pixels carry no usable orientation (cleared here)
    /// still has its luma step: [`share`] sees it, [`support`] does not; a
    /// step of alternating sign along the side (a print) is not one.
    #[test]
    fn a_side_without_orientations_has_its_step() {
        let (w, h) = (120, 60);
        let plain = |_: usize, y: usize| if y < 30 { 200.0 } else { 190.0 };
        let mixed = |x: usize, y: usize| {
            if (y < 30) == (x / 10 % 2 == 0) {
                200.0
            } else {
                190.0
            }
        };
        let side = |f: &dyn Fn(usize, usize) -> f32| {
            let luma = (0..w * h).map(|i| f(i % w, i / w)).collect();
            let mut wk = edged(w, h, luma);
            wk.dir.iter_mut().for_each(|d| *d = NONE);
            let (a, b) = ((10.0, 29.5), (110.0, 29.5));
            (
                support(&wk, a, b, 0.08, 0.92),
                share(&wk, a, b, 0.08, 0.92, true, -1.0),
            )
        };
        assert_eq!(side(&plain), (0.0, 1.0));
        let (_, m) = side(&mixed);
        assert!(m < 0.6, "{m}");
    }

    /// `share`'s floor only cuts short a side that cannot reach it (with
    /// `luma`, neither by its edges nor by its step): at or under its share
    /// the same share, well over it a bound under the floor and not under
    /// the share (the fourth side's searches pass the best so far and take
    /// only a larger one). A half-lit side: its step and edges span the
    /// left half only.
    #[test]
    fn a_side_out_of_its_floors_reach_is_cut_short_and_one_reaching_it_is_not() {
        let (w, h) = (120, 60);
        let luma = (0..w * h)
            .map(|i| {
                if i % w < 60 && i / w < 30 {
                    200.0
                } else {
                    190.0
                }
            })
            .collect();
        let wk = edged(w, h, luma);
        let (a, b) = ((10.0, 29.5), (110.0, 29.5));
        for luma in [false, true] {
            let full = share(&wk, a, b, 0.08, 0.92, luma, 0.0);
            assert!(full > 0.3 && full < 0.7, "{full}");
            // Reached: the share itself, to the bit.
            assert_eq!(share(&wk, a, b, 0.08, 0.92, luma, full - 0.01), full);
            assert_eq!(share(&wk, a, b, 0.08, 0.92, luma, full), full);
            // Out of reach: cut short, under the floor and not under the share.
            let cut = share(&wk, a, b, 0.08, 0.92, luma, 0.9);
            assert!(cut < 0.9 && cut >= full, "{cut} {full}");
        }
    }

    /// Ruled paper: many strong horizontal lines take the strongest peaks;
    /// a weaker vertical side (a card's edge) still gets one of the extra
    /// places of an uncrowded orientation.
    #[test]
    fn an_uncrowded_orientation_gets_a_peak_beside_ruled_lines() {
        let (w, h) = (300, 300);
        let mut luma = vec![200f32; w * h];
        for (i, l) in luma.iter_mut().enumerate() {
            let (x, y) = (i % w, i / w);
            // 2-px dark rules every 8 rows (two edges each), full width.
            if y % 8 < 2 {
                *l = 80.0;
            }
            // A faint step at x = 150 over the middle third.
            if x >= 150 && (100..200).contains(&y) && y % 8 >= 2 {
                *l = 185.0;
            }
        }
        let wk = edged(w, h, luma);
        let peaks = hough(&wk);
        let vertical = |p: &Peak| bin_diff(p.t, 0) <= 2 && (p.rho.abs() - 150.0).abs() <= 2.0;
        let at = peaks.iter().position(vertical);
        assert!(
            at.is_some_and(|i| i >= PEAKS),
            "the step's peak among the extra ones: {at:?} of {}",
            peaks.len()
        );
        // The horizontal rules keep the strongest places.
        assert!(peaks.iter().take(PEAKS).all(|p| bin_diff(p.t, NT / 2) <= 4));
    }

    /// A light card cut by the frame's left border: its completion is
    /// proposed, and reaches the border; the same outline over a card
    /// that stops 40 px short of the border is completed too (its sides'
    /// lines run on) but does not reach it (a late completion is not
    /// proposed for it).
    #[test]
    fn a_cut_cards_sides_reach_the_border() {
        let (w, h) = (400, 300);
        let reach = |x0: f64| {
            let mut luma = vec![90f32; w * h];
            for (i, l) in luma.iter_mut().enumerate() {
                let (x, y) = ((i % w) as f64, (i / w) as f64);
                if x >= x0 && x < 100.0 && (100.0..201.0).contains(&y) {
                    *l = 210.0;
                }
            }
            let wk = edged(w, h, luma);
            // The visible part, its left side on the border x = 0.
            let q = [(0.0, 100.0), (99.5, 100.0), (99.5, 200.5), (0.0, 200.5)];
            let (full, hid, v, pin) = complete(&wk, &q, &Line::polar(0.0, 0.0)).expect("completed");
            assert!(full.iter().any(|p| p.0 < -1.0) && hid > 0.0 && hid <= CUT_MAX);
            // Seen square on, the pinhole completion is the affine one.
            let pin = pin.expect("pinhole completion");
            assert!(full.iter().zip(pin).all(|(a, b)| geom::dist(*a, b) < 0.5));
            reaches(&wk, &v)
        };
        assert!(reach(0.0), "cut by the border");
        assert!(!reach(40.0), "stops short of it");
    }
}
