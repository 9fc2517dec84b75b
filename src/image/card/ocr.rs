//! Reading the card: the 18-character number (portrait side) and the
//! validity period (emblem side).
//!
//! The text band is rectified at [`S`] px/mm, binarised by Otsu's
//! threshold, its rows located by the ink profile, and cut into cells by
//! the pitch and offset whose boundaries cross the least ink (the card
//! prints both lines monospaced). Each cell is reduced to 6 × 10 zones of
//! mean ink (zoning features, Trier, Jain & Taxt 1996) and matched by
//! cosine similarity to templates of two faces ([`super::glyphs`]).
//! A number line not read confidently is found again from its own ink in
//! a wider band and read with the corners corrected ([`register`]).
//!
//! A read is only reported when it also passes the number's own checks:
//! the GB 11643-1999 MOD 11-2 check character, a plausible birth date and a
//! province code; the validity dates must be real dates in order. What does
//! not pass gets a confidence below the reporting threshold: no guesses.

#[allow(unused_imports)]
use crate::rt::prelude::*;

#[path = "glyphs.rs"]
pub(crate) mod glyphs;

use super::geom::Homography;
use super::layout::{self, Zone};
use super::rectify;

/// Weight of the stroke directions in a similarity (the zoning has the
/// rest), for the number only: its check character turns an unseen face's
/// systematic confusion into a failed check, while the validity's margin
/// (AMB_V) was calibrated on the zoning alone (with directions, seed 4242
/// #632 read Liberation Mono's 5 as 6 with a margin of 0.094).
const WD: f64 = 0.2;

/// Weight of the left and right profiles ([`profiles`]) in a number's
/// similarity (0.1 and 0.15 about equal on seeds 2, 7 and 8; 0.3 worse).
const WP: f64 = 0.1;

/// Weight of the profiles in a validity digit's similarity (0.2 worse on
/// seed 7). With them, Liberation Mono's 5 read as 6 had margins up to
/// 0.108 on the tuning seeds (seed 2 #62), hence [`AMB_V`] 0.12.
const WP_V: f64 = 0.1;

/// Sampling of the text bands (px/mm).
const S: f64 = 10.0;

/// A read number.
pub struct Number {
    /// The 18 characters.
    pub text: String,
    /// 0–1.
    pub confidence: f64,
    /// Taken with one ambiguous character chosen by the check character.
    pub repaired: bool,
    /// The card's outline as the registered line put it (mm → image),
    /// when the number was read only after registration.
    pub moved: Option<Homography>,
}

/// A read validity period.
pub struct Validity {
    /// 'YYYY-MM-DD'.
    pub from: String,
    /// 'YYYY-MM-DD' or 'long-term'.
    pub until: String,
    /// 0–1.
    pub confidence: f64,
    /// Taken with a month or day digit from its twin in the other date.
    pub repaired: bool,
}

/// A binarised band: darkness 0–1 per pixel and the ink mask.
struct Band {
    w: usize,
    h: usize,
    /// The flattened luma it was binarised from ([`flatten`]), kept for a
    /// sharpened read ([`unsharp`]) without rectifying it again.
    luma: Vec<f32>,
    dark: Vec<f32>,
    ink: Vec<bool>,
    /// Per pixel, whether it lies outside the photo (a cropped card): read
    /// as white, it is no paper, so no character's absence either. Empty:
    /// all inside.
    lost: Vec<bool>,
    /// Per pixel, the column of the first pixel at least half dark at or
    /// right of it in its row (`w` if none), and at or left of it (`w` if
    /// none): the profiles' lookups.
    next: Vec<u16>,
    prev: Vec<u16>,
}

impl Band {
    fn new(w: usize, h: usize, luma: Vec<f32>, dark: Vec<f32>, ink: Vec<bool>) -> Band {
        // (Every entry is written below: zeroed, not filled with `w`, keeps
        // `vec!`'s filling copy for u16 out of the vision module.)
        let (mut next, mut prev) = (vec![0u16; w * h], vec![0u16; w * h]);
        for y in 0..h {
            let half = |x: usize| dark.get(y * w + x).is_some_and(|&d| d >= 0.5);
            let mut at = w as u16;
            for x in (0..w).rev() {
                if half(x) {
                    at = x as u16;
                }
                if let Some(v) = next.get_mut(y * w + x) {
                    *v = at;
                }
            }
            at = w as u16;
            for x in 0..w {
                if half(x) {
                    at = x as u16;
                }
                if let Some(v) = prev.get_mut(y * w + x) {
                    *v = at;
                }
            }
        }
        Band {
            w,
            h,
            luma,
            dark,
            ink,
            lost: Vec::new(),
            next,
            prev,
        }
    }
}

/// The zone `z` rectified at `s` px/mm, flattened ([`flatten`]) and
/// binarised ([`binarise`]).
fn band(
    rgba: &[u8],
    w: usize,
    h: usize,
    hm: &Homography,
    z: Zone,
    ppm: f64,
    s: f64,
) -> Option<Band> {
    let r = rectify(rgba, w, h, hm, z, s, ppm);
    let n = r.w * r.h;
    let mut luma: Vec<f32> = Vec::with_capacity(n);
    // Made at the first pixel outside: most bands have none.
    let mut lost = Vec::new();
    for (i, p) in r.px.chunks_exact(4).enumerate() {
        let l = super::px_luma(p);
        if l.is_none() {
            if lost.is_empty() {
                lost = vec![false; n];
            }
            if let Some(v) = lost.get_mut(i) {
                *v = true;
            }
        }
        luma.push(l.unwrap_or(255.0));
    }
    flatten(&mut luma, r.w, r.h);
    binarise(luma, r.w, r.h, lost)
}

/// From this share of its pixels outside the photo ([`lost`]) a cell is
/// not read, and a long-term line's tail not seen.
const LOST: f64 = 0.1;

/// The share of the pixels outside the photo ([`Band::lost`]) in the
/// band's rows `r` and columns `x0..x1` (those past the band's edges
/// count as inside).
fn lost(b: &Band, r: (usize, usize), x0: f64, x1: f64) -> f64 {
    if b.lost.is_empty() {
        return 0.0;
    }
    // `as` takes a negative (or NaN) column to 0.
    let (a, z) = (x0 as usize, (x1 as usize).min(b.w));
    let mut n = 0usize;
    for y in r.0..r.1 {
        let row = b.lost.get(y * b.w + a..y * b.w + z.max(a)).unwrap_or(&[]);
        n += row.iter().filter(|&&l| l).count();
    }
    n as f64 / ((x1 - x0) * (r.1 - r.0) as f64).max(1.0)
}

/// The band of the flattened luma `luma` (`w` × `h`): darkness from the
/// paper (its 90th percentile) to Otsu's threshold, ink below it; `lost`
/// is its [`Band::lost`].
#[inline(never)]
fn binarise(luma: Vec<f32>, w: usize, h: usize, lost: Vec<bool>) -> Option<Band> {
    let mut hist = [0u32; 256];
    for &l in &luma {
        if let Some(c) = hist.get_mut(l.max(0.0).min(255.0) as usize) {
            *c += 1;
        }
    }
    let thr = otsu(&hist)?;
    // Paper level: the 90th percentile.
    let total: u32 = hist.iter().sum();
    let mut acc = 0u32;
    let mut paper = 255.0f32;
    for (i, c) in hist.iter().enumerate() {
        acc += c;
        if acc * 10 >= total * 9 {
            paper = i as f32;
            break;
        }
    }
    let ink_level = thr as f32;
    if paper - ink_level < 12.0 {
        return None;
    }
    let dark = luma
        .iter()
        .map(|&l| {
            ((paper - l) / (paper - ink_level + 1.0) * 0.5)
                .max(0.0)
                .min(1.0)
        })
        .collect();
    let ink = luma.iter().map(|&l| l < ink_level).collect();
    let mut b = Band::new(w, h, luma, dark, ink);
    b.lost = lost;
    Some(b)
}

/// Radius (px) of the paper's local brightness: wider than a stroke and
/// than a character's counter, so every window holds some paper.
const BG_R: usize = 12;

/// Divides the band by its paper's local brightness (a max filter, then a
/// box mean, both of radius [`BG_R`]), so that a shadow or a sheen across
/// the line does not pass for ink: 255 is the paper wherever it lies.
fn flatten(l: &mut [f32], w: usize, h: usize) {
    let mut bg = f32_vec(l);
    separable(&mut bg, w, h, BG_R, true);
    separable(&mut bg, w, h, BG_R, false);
    for (v, &b) in l.iter_mut().zip(bg.iter()) {
        // Comparisons, not max/min (libm's fmaxf/fminf calls in wasm):
        // the same values, b and the quotient are never NaN.
        let v1 = *v * 255.0 / if b > 1.0 { b } else { 1.0 };
        *v = if v1 < 255.0 { v1 } else { 255.0 };
    }
}

/// `a.max(b)` for the max filter's luma (never NaN, never −0): a
/// comparison, where `f32::max` is a call to libm's `fmaxf` in wasm
/// (0.34 % of the slow photos' time in V8).
fn max_f(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

/// The maximum (`max`) or the mean of `v` (`w` × `h`) over the square of
/// radius `r` around each pixel: each row, then all the columns at once, a
/// row of the band at a time (a column gathered pixel by pixel, a stride
/// apart, cost more than its filter). The same values, bit for bit, as a
/// lane at a time: a maximum in any order, each column's running sum in
/// its order.
fn separable(v: &mut [f32], w: usize, h: usize, r: usize, max: bool) {
    let Some(v) = v.get_mut(..w * h).filter(|_| w > 0) else {
        return;
    };
    let mut out = Vec::with_capacity(w);
    for row in v.chunks_exact_mut(w) {
        if max {
            max1(row, &mut out, r);
        } else {
            mean1(row, &mut out, r);
        }
        // Not `copy_from_slice`: its length panic formats two numbers
        // through `core::fmt` (`out` has the row's length).
        for (o, &v) in row.iter_mut().zip(&out) {
            *o = v;
        }
    }
    if max {
        max_cols(v, w, r);
    } else {
        mean_cols(v, w, r);
    }
}

/// [`max1`] down every column of `v` (rows of `w`, `w` > 0), a row at a
/// time.
fn max_cols(v: &mut [f32], w: usize, r: usize) {
    let (n, k) = (v.len() / w, 2 * r + 1);
    // Running maxima from each block's start (g) and from its end (hh).
    let (mut g, mut hh) = (f32_vec(v), f32_vec(v));
    let rowmax = |c: &mut [f32], p: &[f32]| {
        for (c, &p) in c.iter_mut().zip(p) {
            *c = max_f(*c, p);
        }
    };
    for i in 1..n {
        if i % k != 0 {
            // `_checked` (i * w <= len always): no panic path in the build.
            if let Some((p, c)) = g.split_at_mut_checked(i * w) {
                rowmax(c, p.get((i - 1) * w..).unwrap_or(&[]));
            }
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        if (i + 1) % k != 0 {
            if let Some((c, p)) = hh.split_at_mut_checked((i + 1) * w) {
                rowmax(c.get_mut(i * w..).unwrap_or(&mut []), p);
            }
        }
    }
    for (i, row) in v.chunks_exact_mut(w).enumerate() {
        let (a, b) = (i.saturating_sub(r), (i + r).min(n - 1));
        // The window a..=b spans at most two blocks: hh from a to its
        // block's end, g from b's block start to b. Within one block it is
        // cut by an end: g at b when it starts the block, else hh at a
        // (the block then ends at b, the last row).
        let (p, q) = match (a / k == b / k, a % k == 0) {
            (false, _) => (hh.get(a * w..), g.get(b * w..)),
            (true, true) => (g.get(b * w..), g.get(b * w..)),
            (true, false) => (hh.get(a * w..), hh.get(a * w..)),
        };
        for ((o, &p), &q) in row.iter_mut().zip(p.unwrap_or(&[])).zip(q.unwrap_or(&[])) {
            *o = max_f(p, q);
        }
    }
}

/// [`mean1`] down every column of `v` (rows of `w`, `w` > 0), a row at a
/// time.
fn mean_cols(v: &mut [f32], w: usize, r: usize) {
    let n = v.len() / w;
    // Each column's running sums, row by row (row 0: none).
    let (mut prefix, mut run) = (vec![0f32; w], vec![0f32; w]);
    prefix.reserve(v.len());
    for row in v.chunks_exact(w) {
        for (s, &d) in run.iter_mut().zip(row) {
            *s += d;
        }
        prefix.extend_from_slice(&run);
    }
    for (i, row) in v.chunks_exact_mut(w).enumerate() {
        let (a, b) = (i.saturating_sub(r), (i + r + 1).min(n));
        let (pa, pb) = (prefix.get(a * w..), prefix.get(b * w..));
        let (Some(pa), Some(pb)) = (pa, pb) else {
            continue;
        };
        for ((o, &qa), &qb) in row.iter_mut().zip(pa).zip(pb) {
            *o = (qb - qa) / (b - a).max(1) as f32;
        }
    }
}

/// Sharpens a flattened band twice by an unsharp mask (the band plus
/// twice its difference from its 9 × 9 box mean): a blurred line's
/// strokes get their cores and edges back (a deconvolution-free
/// inverse of a blur of about the box's width). On the 56 blurred legible
/// numbers of seeds 2, 7 and 8 (true corners) the reader read 2 as is
/// and 9 sharpened (radius 3–5, amount 1.5–3, once to thrice: 5–9;
/// twice at radius 4, amount 2 the most, none wrong).
fn unsharp(l: &mut [f32], w: usize, h: usize) {
    for _ in 0..2 {
        let mut bl = f32_vec(l);
        separable(&mut bl, w, h, 4, false);
        for (v, b) in l.iter_mut().zip(bl) {
            *v = (*v * 3.0 - b * 2.0).max(0.0).min(255.0);
        }
    }
}

/// `s.to_vec()`: called, not inlined, in the vision build (six callers,
/// once per row or band, each with its allocation and copy inlined).
#[cfg_attr(vision_only, inline(never))]
#[cfg_attr(not(vision_only), inline)]
fn f32_vec(s: &[f32]) -> Vec<f32> {
    s.to_vec()
}

/// The maximum of `x` over `i - r ..= i + r` (van Herk 1992 / Gil & Werman
/// 1993: block-wise running maxima, O(1) per sample).
fn max1(x: &[f32], out: &mut Vec<f32>, r: usize) {
    let (n, k) = (x.len(), 2 * r + 1);
    // Running maximum from each block's start (g) and from its end (hh).
    let mut g = f32_vec(x);
    let mut hh = f32_vec(x);
    for i in 1..n {
        if i % k != 0 {
            let (p, c) = (g.get(i - 1).copied(), g.get(i).copied());
            if let (Some(p), Some(c), Some(o)) = (p, c, g.get_mut(i)) {
                *o = max_f(p, c);
            }
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        if (i + 1) % k != 0 {
            let (p, c) = (hh.get(i + 1).copied(), hh.get(i).copied());
            if let (Some(p), Some(c), Some(o)) = (p, c, hh.get_mut(i)) {
                *o = max_f(p, c);
            }
        }
    }
    out.clear();
    out.extend((0..n).map(|i| {
        let (a, b) = (i.saturating_sub(r), (i + r).min(n - 1));
        // The window a..=b spans at most two blocks: hh from a to its
        // block's end, g from b's block start to b. A window cut by the
        // end within one block is taken directly.
        if a / k == b / k && (b + 1) % k != 0 {
            x.get(a..=b)
                .map_or(0.0, |v| v.iter().fold(0f32, |m, &y| max_f(m, y)))
        } else {
            max_f(
                hh.get(a).copied().unwrap_or(0.0),
                g.get(b).copied().unwrap_or(0.0),
            )
        }
    }));
}

/// The mean of `x` over `i - r ..= i + r` (cut at the ends).
fn mean1(x: &[f32], out: &mut Vec<f32>, r: usize) {
    let n = x.len();
    let mut prefix = Vec::with_capacity(n + 1);
    let mut run = 0f32;
    prefix.push(0.0);
    for v in x {
        run += v;
        prefix.push(run);
    }
    out.clear();
    out.extend((0..n).map(|i| {
        let (a, b) = (i.saturating_sub(r), (i + r + 1).min(n));
        (prefix.get(b).copied().unwrap_or(0.0) - prefix.get(a).copied().unwrap_or(0.0))
            / (b - a).max(1) as f32
    }));
}

/// Otsu's threshold (1979) of a 256-bin histogram.
fn otsu(hist: &[u32; 256]) -> Option<usize> {
    let total: f64 = hist.iter().map(|&c| f64::from(c)).sum();
    if total <= 0.0 {
        return None;
    }
    let sum: f64 = hist
        .iter()
        .enumerate()
        .map(|(i, &c)| i as f64 * f64::from(c))
        .sum();
    let (mut wb, mut sb, mut best, mut at) = (0.0, 0.0, -1.0, 0usize);
    for (i, &c) in hist.iter().enumerate() {
        wb += f64::from(c);
        if wb == 0.0 {
            continue;
        }
        let wf = total - wb;
        if wf == 0.0 {
            break;
        }
        sb += i as f64 * f64::from(c);
        let (mb, mf) = (sb / wb, (sum - sb) / wf);
        let v = wb * wf * (mb - mf) * (mb - mf);
        if v > best {
            best = v;
            at = i;
        }
    }
    Some(at)
}

/// The rows of the text line: the longest run of rows whose ink count is
/// at least a quarter of the fullest row's.
fn rows(b: &Band) -> Option<(usize, usize)> {
    rows_in(b, (0, b.w), (0, b.h))
}

/// [`rows`] counting only the columns `xs` and the rows `ys`.
fn rows_in(b: &Band, xs: (usize, usize), ys: (usize, usize)) -> Option<(usize, usize)> {
    let counts: Vec<usize> = (ys.0..ys.1.min(b.h))
        .map(|y| {
            b.ink
                .get(y * b.w + xs.0..y * b.w + xs.1.min(b.w))
                .map_or(0, |r| r.iter().filter(|&&i| i).count())
        })
        .collect();
    let max = counts.iter().copied().max()?;
    if max < 4 {
        return None;
    }
    let (mut best, mut start) = ((0usize, 0usize), None);
    let end = ys.0 + counts.len();
    for (y, &c) in (ys.0..)
        .zip(counts.iter())
        .chain(core::iter::once((end, &0)))
    {
        if c * 4 >= max {
            if start.is_none() {
                start = Some(y);
            }
        } else if let Some(s) = start.take() {
            if y - s > best.1 - best.0 {
                best = (s, y);
            }
        }
    }
    (best.1 > best.0 + 3).then_some(best)
}

/// Column ink profile of rows `r`.
fn profile(b: &Band, r: (usize, usize)) -> Vec<f32> {
    let mut p = vec![0f32; b.w];
    for y in r.0..r.1 {
        for (x, v) in p.iter_mut().enumerate() {
            if b.ink.get(y * b.w + x).copied().unwrap_or(false) {
                *v += 1.0;
            }
        }
    }
    p
}

/// First and last inked column.
fn extent(p: &[f32]) -> Option<(usize, usize)> {
    let first = p.iter().position(|&v| v > 0.0)?;
    let last = p.iter().rposition(|&v| v > 0.0)?;
    (last > first).then_some((first, last))
}

/// Cell boundaries of `n` monospaced characters: the pitch (within ±15 %
/// of `pitch`), offset and bend whose n+1 boundaries cross the least ink,
/// with ink left outside penalised. The bend `c` (within ±0.05 × `bends`)
/// lets the pitch change along the line: boundary i lies at
/// o + i·pp + c·pp·i·(i − n)/n, the local pitch pp·(1 − c) at the start and
/// pp·(1 + c) at the end. Returns (offset, pitch, bend).
fn cells(p: &[f32], n: usize, pitch: f64, bends: i32) -> Option<(f64, f64, f64)> {
    let (first, last) = extent(p)?;
    let total: f32 = p.iter().sum();
    let mut prefix: Vec<f32> = Vec::with_capacity(p.len() + 1);
    let mut run = 0f32;
    prefix.push(0.0);
    for v in p {
        run += v;
        prefix.push(run);
    }
    let ink_in = |a: f64, b: f64| {
        let a = (a.max(0.0) as usize).min(p.len());
        let b = (b.max(0.0) as usize).min(p.len());
        prefix.get(b).copied().unwrap_or(0.0) - prefix.get(a).copied().unwrap_or(0.0)
    };
    let mut best: Option<(f32, f64, f64, f64)> = None;
    let span = (last - first) as f64;
    // Pitches within ±15 % in steps of 0.5 %, each with 2 × bends + 1 bends.
    let nb = 2 * bends + 1;
    for i in 0..61 * nb {
        let pp = pitch * (1.0 + f64::from(i / nb - 30) * 0.005);
        let c = f64::from(i % nb - bends) * 0.05;
        if pp * (n as f64) < span * 0.9 {
            continue;
        }
        let mut o = first as f64 - pp;
        while o <= first as f64 + 1.0 {
            // The ink left outside, then the boundaries' one by one, until
            // the cost reaches the best's: counts of pixels, so every sum
            // is exact (under 2^24) and its order does not matter.
            let bound = best.map_or(f32::INFINITY, |b| b.0);
            let mut cost = 3.0 * (total - ink_in(o, o + n as f64 * pp));
            for i in 0..=n {
                if cost >= bound {
                    break;
                }
                let t = i as f64;
                let x = o + t * pp + c * pp * t * (t - n as f64) / n as f64;
                // `rt::round(x) as isize` (half away from zero) with an
                // integer truncation: rt::round was a third of the fit.
                let xt = x as isize;
                let d = x - xt as f64;
                let xi = xt
                    .saturating_add(isize::from(d >= 0.5))
                    .saturating_sub(isize::from(d <= -0.5));
                for d in -1isize..=1 {
                    cost += p.get((xi + d).max(0) as usize).copied().unwrap_or(0.0);
                }
            }
            if cost < bound {
                best = Some((cost, o, pp, c));
            }
            o += 0.5;
        }
    }
    best.map(|(_, o, pp, c)| (o, pp, c))
}

/// Zoning samples per zone, across and down (3 × 3, centred in thirds).
const SUB: usize = 3;

/// Where the zoning samples fall along `a..b` cut into `out.len() / SUB`
/// zones (`SUB` per zone, centred in its thirds), as band offsets (the
/// coordinate times `step`); [`OFF`] off the band (below 0, `lim` or more).
fn samples(a: f64, b: f64, step: usize, lim: usize, out: &mut [usize]) {
    let zones = (out.len() / SUB) as f64;
    for (i, o) in out.iter_mut().enumerate() {
        let v = a + ((i / SUB) as f64 + ((i % SUB) as f64 + 0.5) / SUB as f64) / zones * (b - a);
        *o = if v >= 0.0 && (v as usize) < lim {
            v as usize * step
        } else {
            OFF
        };
    }
}

/// A sample off the band: with any other sample's offset, past the band's
/// pixels, so that it adds the darkness 0 (an identity: the sums start at
/// +0), without a branch per sample (the branch on an `Option` was ~28 %
/// of the zoning's instructions on slow30, callgrind).
const OFF: usize = usize::MAX / 2;

/// Zoning features of a box given by its samples' columns and row
/// offsets ([`samples`]): mean darkness in ZW × ZH zones, centred and
/// scaled to unit length. The sample positions are computed once per
/// shift of the box's sides rather than once per sample (the per-sample
/// arithmetic was most of the zoning's time).
fn features(b: &Band, cols: &[usize], rows: &[usize], f: &mut [f64]) {
    for (i, fz) in f.iter_mut().enumerate() {
        let (zy, zx) = (i / glyphs::ZW, i % glyphs::ZW);
        let mut acc = 0.0;
        for sy in 0..SUB {
            for sx in 0..SUB {
                let row = rows.get(zy * SUB + sy).copied().unwrap_or(OFF);
                let col = cols.get(zx * SUB + sx).copied().unwrap_or(OFF);
                acc += f64::from(b.dark.get(row + col).copied().unwrap_or(0.0));
            }
        }
        *fz = acc / (SUB * SUB) as f64;
    }
    norm(f);
}

/// Centres `v` and scales it to unit length.
fn norm(v: &mut [f64]) {
    let m = v.iter().sum::<f64>() / v.len() as f64;
    let mut s = 0.0;
    for x in v.iter_mut() {
        *x -= m;
        s += *x * *x;
    }
    let s = crate::rt::sqrt(s);
    if s > 0.0 {
        for x in v.iter_mut() {
            *x /= s;
        }
    }
}

/// Per pixel of the band, the darkness gradient's orientation bin and
/// magnitude (|gx| + |gy|; 0 on the first and last rows): what [`directions`]
/// sums, computed once per band instead of once per candidate box (each
/// pixel lies in ~125 boxes of the shift search).
fn gradients(b: &Band) -> Grad {
    let at = |i: usize| f64::from(b.dark.get(i).copied().unwrap_or(0.0));
    let mut g = Grad {
        bin: vec![0; b.w * b.h],
        mag: vec![0.0; b.w * b.h],
    };
    // Every pixel with four neighbours in the flattened band; those of the
    // first and last columns wrap around, but no box reaches them.
    for i in b.w + 1..(b.w * b.h).saturating_sub(b.w + 1) {
        let gx = at(i + 1) - at(i - 1);
        let gy = at(i + b.w) - at(i - b.w);
        let (ax, ay) = (gx.abs(), gy.abs());
        let k = if ax > 2.414 * ay {
            0
        } else if ay > 2.414 * ax {
            2
        } else if gx * gy > 0.0 {
            1
        } else {
            3
        };
        if let (Some(o), Some(v)) = (g.bin.get_mut(i), g.mag.get_mut(i)) {
            (*o, *v) = (k, ax + ay);
        }
    }
    g
}

/// A band's gradients ([`gradients`]): orientation bin and magnitude.
struct Grad {
    bin: Vec<u8>,
    mag: Vec<f64>,
}

/// Stroke directions of the box `x0..x1` × `y0..y1`: per DW × DH zone,
/// the darkness gradient's magnitude ([`gradients`]) in four orientation
/// bins, scaled to unit length. Both edges of a stroke vote alike, so the
/// stroke's weight matters less than in the zoning.
fn directions(b: &Band, g: &Grad, x0: f64, x1: f64, y0: f64, y1: f64, f: &mut [f64]) {
    f.fill(0.0);
    let (xa, xb) = (
        (x0.max(1.0) as usize) + 1,
        (x1.max(0.0) as usize).min(b.w.saturating_sub(1)),
    );
    let (ya, yb) = (
        (y0.max(1.0) as usize),
        (y1.max(0.0) as usize).min(b.h.saturating_sub(1)),
    );
    // Each column's zone, the same in every row.
    let zxs: Vec<usize> = (xa..xb)
        .map(|x| (((x as f64 - x0) / (x1 - x0) * glyphs::DW as f64) as usize).min(glyphs::DW - 1))
        .collect();
    for y in ya..yb {
        let zy = (((y as f64 - y0) / (y1 - y0) * glyphs::DH as f64) as usize).min(glyphs::DH - 1);
        let span = y * b.w + xa..y * b.w + xb;
        let (Some(ks), Some(ms)) = (g.bin.get(span.clone()), g.mag.get(span)) else {
            continue;
        };
        for ((&k, &m), &zx) in ks.iter().zip(ms).zip(&zxs) {
            if let Some(v) = f.get_mut((zy * glyphs::DW + zx) * 4 + usize::from(k)) {
                *v += m;
            }
        }
    }
    norm(f);
}

const DIRS: usize = glyphs::DW * glyphs::DH * 4;

const PROF: usize = glyphs::PH * 2;

/// Left and right profiles of the box `x0..x1` × `y0..y1`: per PH row
/// band, the mean distance (share of the box width) from the box's left,
/// then right, edge to the first pixel at least half ink (1 where a row
/// has none), centred and scaled to unit length. They see a counter's
/// opening (5 against 6, 3 against 8) that a zone's mean ink blurs.
fn profiles(b: &Band, x0: f64, x1: f64, y0: f64, y1: f64, f: &mut [f64]) {
    f.fill(0.0);
    let mut n = [0f64; glyphs::PH];
    let bw = (x1 - x0).max(1.0);
    let (xa, xb) = ((x0.max(0.0) as usize), (x1.max(0.0) as usize).min(b.w));
    for y in (y0.max(0.0) as usize)..(y1.max(0.0) as usize).min(b.h) {
        let zy = (((y as f64 - y0) / (y1 - y0) * glyphs::PH as f64) as usize).min(glyphs::PH - 1);
        let left = match b.next.get(y * b.w + xa).map(|&x| usize::from(x)) {
            Some(x) if x < xb => (x as f64 - x0) / bw,
            _ => 1.0,
        };
        let right = match xb.checked_sub(1).and_then(|e| b.prev.get(y * b.w + e)) {
            Some(&x) if usize::from(x) >= xa && usize::from(x) < b.w => {
                (x1 - 1.0 - f64::from(x)) / bw
            }
            _ => 1.0,
        };
        if let Some(v) = f.get_mut(zy) {
            *v += left;
        }
        if let Some(v) = f.get_mut(glyphs::PH + zy) {
            *v += right;
        }
        if let Some(c) = n.get_mut(zy) {
            *c += 1.0;
        }
    }
    for (i, v) in f.iter_mut().enumerate() {
        *v /= n.get(i % glyphs::PH).copied().unwrap_or(1.0).max(1.0);
    }
    norm(f);
}

/// Zoning features per cell.
const ZONES: usize = glyphs::ZW * glyphs::ZH;

/// A cell's features: the zoning, the profiles, then the stroke
/// directions, each centred and scaled to unit length on its own.
const FEAT: usize = ZONES + PROF + DIRS;

/// A template: class (0–9, 10 for X) and its features, each part weighted
/// for one line (zoning 1 − wd − wp, profiles wp, directions wd), so that a
/// similarity is one dot product.
type Template = (usize, [f64; FEAT]);

/// Values per glyph in [`GLYPH_NIBBLES`]: its class, zones, profiles and
/// directions.
const PER_GLYPH: usize = 1 + FEAT;

/// The glyph tables of [`glyphs`] as one stream of 4-bit values, two a
/// byte (low first): per glyph its class (0–9, 10 for X), its zones ÷ 17
/// (the generator writes 16 levels × 17), its profiles and its directions
/// ([`PER_GLYPH`] values), in the order [`nibble_at`] gives: the same
/// character of the two faces value by value side by side, the zones down
/// each column. Built at compile time from the tables (a value that does
/// not fit stops the build). One alphabet of 16 for the three tables, half
/// the bytes, and like values together: −363 B of vision wasm gz against
/// the three byte tables, and this order −57 B of deflate against value
/// by value across all glyphs (docs/notes/vision-speed2.md).
static GLYPH_NIBBLES: [u8; (glyphs::GLYPHS.len() * PER_GLYPH).div_ceil(2)] = pack_glyphs();

/// Where value `k` of glyph `g` is in [`GLYPH_NIBBLES`] (in nibbles):
/// glyph by glyph, glyph `g` and `g + n/2` (one character in the two
/// faces) value by value side by side; the zones column by column (down
/// the glyph), the directions orientation by orientation.
const fn nibble_at(g: usize, k: usize) -> usize {
    let half = glyphs::GLYPHS.len() / 2;
    let slot = if k >= 1 && k <= ZONES {
        let z = k - 1;
        1 + z % glyphs::ZW * glyphs::ZH + z / glyphs::ZW
    } else if k > ZONES + PROF {
        let d = k - 1 - ZONES - PROF;
        1 + ZONES + PROF + d % 4 * (DIRS / 4) + d / 4
    } else {
        k
    };
    (g % half * PER_GLYPH + slot) * 2 + g / half
}

/// [`GLYPH_NIBBLES`]' packing (compile time only: indexing out of bounds
/// or a value over 15 would stop the build, not a run).
#[allow(clippy::indexing_slicing)]
const fn pack_glyphs() -> [u8; (glyphs::GLYPHS.len() * PER_GLYPH).div_ceil(2)] {
    let mut out = [0u8; (glyphs::GLYPHS.len() * PER_GLYPH).div_ceil(2)];
    assert!(glyphs::GLYPHS.len() % 2 == 0);
    let mut g = 0;
    while g < glyphs::GLYPHS.len() {
        let (ch, zones) = glyphs::GLYPHS[g];
        let mut k = 0;
        while k < PER_GLYPH {
            let v = if k == 0 {
                if ch == b'X' {
                    10
                } else {
                    ch - b'0'
                }
            } else if k <= ZONES {
                assert!(zones[k - 1] % 17 == 0);
                zones[k - 1] / 17
            } else if k <= ZONES + PROF {
                glyphs::PROFILES[g][k - 1 - ZONES]
            } else {
                glyphs::DIRS[g][k - 1 - ZONES - PROF]
            };
            assert!(v < 16);
            let at = nibble_at(g, k);
            out[at / 2] |= v << (at % 2 * 4);
            k += 1;
        }
        g += 1;
    }
    out
}

/// The templates, weighted by (wd, wp).
fn templates((wd, wp): (f64, f64)) -> Vec<Template> {
    (0..glyphs::GLYPHS.len())
        .map(|gi| {
            let mut k = 0;
            let mut next = || {
                let at = nibble_at(gi, k);
                k += 1;
                GLYPH_NIBBLES
                    .get(at / 2)
                    .map_or(0, |b| b >> (at % 2 * 4) & 15)
            };
            let slot = usize::from(next());
            let mut g = [0f64; FEAT];
            let (z, rest) = g.split_at_mut(ZONES);
            let (p, e) = rest.split_at_mut(PROF);
            for (part, scale, wt) in [(z, 17.0, 1.0 - wd - wp), (p, 1.0, wp), (e, 1.0, wd)] {
                // v × 17 (or × 1) is the table's value exactly.
                for a in part.iter_mut() {
                    *a = f64::from(next()) * scale;
                }
                norm(part);
                for a in part.iter_mut() {
                    *a *= wt;
                }
            }
            (slot, g)
        })
        .collect()
}

/// The dot product of `a` and `b` (lengths multiples of 4), summed in four
/// interleaved lanes: the compiler then keeps them in two SIMD registers
/// natively and in four independent ones in wasm. With one running sum
/// the similarities were ~30 % of the reader's instructions (callgrind,
/// s2_30).
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut acc = [0f64; 4];
    for (x, y) in a.chunks_exact(4).zip(b.chunks_exact(4)) {
        for ((s, p), q) in acc.iter_mut().zip(x).zip(y) {
            *s += p * q;
        }
    }
    let [a0, a1, a2, a3] = acc;
    (a0 + a1) + (a2 + a3)
}

/// The centre of the ink of the cell `[x0, x0 + pitch)` × rows (none when
/// the cell holds less than one pixel's worth of ink).
fn centre(b: &Band, r: (usize, usize), x0: f64, pitch: f64) -> Option<f64> {
    let (mut sx, mut sw) = (0f64, 0f64);
    for y in r.0..r.1 {
        for x in (x0.max(0.0) as usize)..((x0 + pitch).max(0.0) as usize).min(b.w) {
            let d = f64::from(b.dark.get(y * b.w + x).copied().unwrap_or(0.0));
            sx += d * x as f64;
            sw += d;
        }
    }
    (sw >= 1.0).then(|| sx / sw)
}

/// How open the upper left of the cell's character is: the mean distance
/// (share of the box width) from the box's left edge to the first half-dark
/// pixel over the top 15 % of the box's rows. A 5's bar meets its stem
/// there in a corner; a 6's top is a curve (or, in OCR B, a slant) that
/// leaves the corner open. (The lower left, 55–75 % down, separated only
/// half of Liberation Mono's 5s read as 6: the others look closed there.)
fn upper_left(b: &Band, r: (usize, usize), x0: f64, pitch: f64) -> Option<f64> {
    let cx = centre(b, r, x0, pitch)?;
    let half = 0.375 * (r.1 - r.0) as f64;
    let (xa, xb) = ((cx - half).max(0.0), (cx + half).max(0.0));
    let hgt = (r.1 - r.0) as f64;
    let (ya, yb) = (r.0, r.0 + (0.15 * hgt) as usize);
    let (mut sum, mut n) = (0.0, 0.0);
    for y in ya..yb.max(ya + 1) {
        let at = b
            .next
            .get(y * b.w + xa as usize)
            .map_or(b.w, |&x| usize::from(x));
        sum += if at < xb as usize {
            (at as f64 - xa) / (xb - xa).max(1.0)
        } else {
            1.0
        };
        n += 1.0;
    }
    Some(sum / n)
}

/// Classifies the cell `[x0, x0 + pitch)` × rows: the similarity of each
/// class (0–9, 10 for X). Each class takes its best similarity over the
/// faces and over ±2 px shifts of the box's left, top and bottom edges
/// (the line's rows and the cell's centre are estimates). The templates
/// carry the weights of the features; the stroke directions are computed
/// from the band's gradients `g`, and left out without them. Only the
/// classes of `mask` (bit k: class k) are compared; the others stay at −1,
/// as the cell cannot hold them (a quarter of the number's similarities
/// and half of the validity's were computed only to be set to −1).
fn classify(
    b: &Band,
    g: Option<&Grad>,
    r: (usize, usize),
    x0: f64,
    pitch: f64,
    tpl: &[Template],
    mask: u16,
) -> Option<[f64; 11]> {
    let cx = centre(b, r, x0, pitch)?;
    // Width from the line height, as the templates (font-size free).
    let half = 0.375 * (r.1 - r.0) as f64;
    let mut per = [-1.0f64; 11];
    let len = if g.is_some() { FEAT } else { ZONES + PROF };
    let mut f = [0f64; FEAT];
    const SHIFTS: [f64; 5] = [-2.0, -1.0, 0.0, 1.0, 2.0];
    // The rows' samples of each (top, bottom) shift, the same for every
    // left shift: once, not five times (they were 2 % of the reader's
    // instructions on slow30, 138 of 6,181 M, callgrind).
    let mut rows = [((0.0, 0.0), [OFF; glyphs::ZH * SUB]); 25];
    for ((ys, out), k) in rows.iter_mut().zip(0..) {
        let at = |i: usize| SHIFTS.get(i).copied().unwrap_or(0.0);
        *ys = (r.0 as f64 + at(k / 5), r.1 as f64 + at(k % 5));
        samples(ys.0, ys.1, b.w, b.h, out);
    }
    for dx in SHIFTS {
        let (x0, x1) = (cx - half + dx, cx + half + dx);
        let mut cols = [OFF; glyphs::ZW * SUB];
        samples(x0, x1, 1, b.w, &mut cols);
        for ((y0, y1), rows) in &rows {
            let (y0, y1) = (*y0, *y1);
            let (fz, rest) = f.split_at_mut(ZONES);
            let (fp, fd) = rest.split_at_mut(PROF);
            features(b, &cols, rows, fz);
            profiles(b, x0, x1, y0, y1, fp);
            if let Some(g) = g {
                directions(b, g, x0, x1, y0, y1, fd);
            }
            let fl = f.get(..len).unwrap_or(&[]);
            for (slot, t) in tpl.iter().filter(|t| mask >> t.0 & 1 != 0) {
                let s = dot(t.get(..len).unwrap_or(&[]), fl);
                if let Some(e) = per.get_mut(*slot) {
                    if s > *e {
                        *e = s;
                    }
                }
            }
        }
    }
    Some(per)
}

/// Below this margin over the runner-up a character is ambiguous: its
/// runner-ups within the margin are alternatives.
const AMB: f64 = 0.08;

/// The validity has no check character: a character counts as certain only
/// with a wider margin, above every wrong digit's margin seen on the tuning
/// seeds (0.108 on seeds 2, 7 and 8: a lone year digit has no twin to
/// catch it). 0.10 let seed 4242 #632 (long-term, Liberation Mono, 2025
/// read 2026 at 0.101) through with ground-truth corners.
const AMB_V: f64 = 0.12;

/// The best class of `s` (ties: the lower), its similarity and the margin
/// over the runner-up. Called, not inlined, in the vision build (three
/// callers: −47 B gz).
#[cfg_attr(vision_only, inline(never))]
fn best(s: &[f64; 11]) -> (usize, f64, f64) {
    let (mut c1, mut s1, mut s2) = (0usize, -1.0f64, -1.0f64);
    for (i, &v) in s.iter().enumerate() {
        if v > s1 {
            s2 = s1;
            c1 = i;
            s1 = v;
        } else if v > s2 {
            s2 = v;
        }
    }
    (c1, s1, s1 - s2)
}

fn ch(c: usize) -> char {
    if c == 10 {
        'X'
    } else {
        char::from(b'0' + c as u8)
    }
}

/// Per-character confidence: the margin of the best similarity over the
/// runner-up ([`AMB`] or more counts as certain), nothing below a
/// similarity of 0.5. Called, not inlined, in the vision build (six
/// callers).
#[cfg_attr(vision_only, inline(never))]
fn char_conf(s1: f64, margin: f64, amb: f64) -> f64 {
    if s1 < 0.5 {
        return 0.0;
    }
    (margin / amb).max(0.0).min(1.0)
}

/// More alternatives than this in a number line and it is not read
/// confidently (too many plausible numbers may hide among them).
const MAX_ALTS: usize = 6;

/// Decides the number from the per-position similarities. The reading is
/// the best class per position when it passes [`plausible`]. It is
/// confident when no other plausible number lies within reach: the
/// alternatives are the classes within [`AMB`] of a position's best, and
/// no substitution of one or two of them may give another plausible
/// number (one substitution never can: MOD 11-2 detects every single
/// error). When the best classes fail the checks and exactly one position
/// is ambiguous, the alternative there that passes them is taken (a
/// repair; the check character then no longer guards the line, so all
/// other positions must be certain). Returns (text, confidence, repaired).
pub(crate) fn decide_number(sc: &[[f64; 11]]) -> (String, f64, bool) {
    let mut d = [0usize; 18];
    let mut alts: Vec<(usize, usize)> = Vec::new();
    let mut weakest = 1.0f64;
    let mut unreadable = sc.len() != 18;
    for ((i, s), x) in sc.iter().enumerate().zip(d.iter_mut()) {
        let (c, s1, m) = best(s);
        *x = c;
        weakest = weakest.min(char_conf(s1, m, AMB));
        unreadable |= s1 < 0.5;
        for (k, &v) in s.iter().enumerate() {
            if k != c && s1 - v < AMB && v > -1.0 {
                alts.push((i, k));
            }
        }
    }
    let text = |d: &[usize; 18]| {
        let mut t = String::with_capacity(18);
        for &c in d {
            t.put_char(ch(c));
        }
        t
    };
    let base = text(&d);
    let ok = plausible(&base);
    // Plausible numbers one or two alternatives away (n == m: one).
    let (mut found, mut count, mut positions) = (None, 0usize, 0usize);
    if !unreadable && alts.len() <= MAX_ALTS {
        for (n, &(i, k)) in alts.iter().enumerate() {
            if alts.get(n.wrapping_sub(1)).map_or(true, |p| p.0 != i) {
                positions += 1;
            }
            for &(j, l) in alts.iter().skip(n) {
                if j == i && l != k {
                    continue;
                }
                let mut e = d;
                for (at, to) in [(i, k), (j, l)] {
                    if let Some(x) = e.get_mut(at) {
                        *x = to;
                    }
                }
                let t = text(&e);
                if plausible(&t) {
                    count += 1;
                    found = Some(t);
                }
            }
        }
    }
    match (unreadable || alts.len() > MAX_ALTS, ok, count, found) {
        (false, true, 0, _) => (base, if positions == 0 { 1.0 } else { 0.95 }, false),
        (false, false, 1, Some(t)) if positions == 1 => (t, 0.9, true),
        (_, true, _, _) => (base, 0.5, false),
        _ => (base, 0.3 * weakest, false),
    }
}

/// A text line ready to classify: its band, the band's gradients (for the
/// stroke directions; the number's only), the line's rows, its cells
/// (offset, pitch) and, for the validity line, its form and shape as
/// [`ValidityScan`] has them.
struct Line {
    b: Band,
    g: Option<Grad>,
    r: (usize, usize),
    o: f64,
    pp: f64,
    long_term: bool,
    shape_ok: bool,
    /// What each of its cells can hold (bit k: class k; 0: a separator,
    /// not read).
    classes: &'static [u16],
}

/// What each cell of the number can hold (bit k: class k, 10 for X): only
/// the last may be X; the province's first digit is 1–8, the birth year
/// 19xx or 20xx, the month's tens 0–1, the day's 0–3.
const NUMBER_CLASSES: [u16; 18] = [
    0x1fe, D, D, D, D, D, 0x006, 0x201, D, D, 0x003, D, 0x00f, D, D, D, D, 0x7ff,
];

/// What each cell of 'YYYY.MM.DD-YYYY.MM.DD' can hold (0: a separator, not
/// read). Second-generation cards date from 2004 and run 5–20 years: years
/// 20xx (tens 0–2 from, 0–4 until), month tens 0–1, day tens 0–3.
const VALIDITY_CLASSES: [u16; 21] = [
    0x004, 0x001, 0x007, D, 0, 0x003, D, 0, 0x00f, D, 0, 0x004, 0x001, 0x01f, D, 0, 0x003, D, 0,
    0x00f, D,
];

/// Any digit.
const D: u16 = 0x3ff;

fn number_line(rgba: &[u8], w: usize, h: usize, hm: &Homography, ppm: f64) -> Option<Line> {
    number_of(band(rgba, w, h, hm, layout::P_NUMBER, ppm, S)?)
}

/// The number line of its band `b`.
fn number_of(b: Band) -> Option<Line> {
    let r = rows(&b)?;
    let (o, pp, _) = cells(&profile(&b, r), 18, 50.5 / 18.0 * S, 0)?;
    let g = Some(gradients(&b));
    Some(Line {
        b,
        g,
        r,
        o,
        pp,
        long_term: false,
        shape_ok: true,
        classes: &NUMBER_CLASSES,
    })
}

/// (position, similarities) of each character of a line.
type Digits = Vec<(usize, [f64; 11])>;

/// The similarities of the line's cells (those its `classes` reads), each
/// limited to the classes its position can hold, and each one's
/// [`upper_left`].
/// With a first read (`local`), only the characters whose own rows
/// ([`local_rows`]) differ from the line's are read again (those the first
/// read left out are read). With `give_up`, a number line stops at the
/// first character that makes a confident read impossible
/// ([`decide_number`]: one under a similarity of 0.5, or more than
/// [`MAX_ALTS`] alternatives in all); the digits read so far are returned.
fn line_cells(
    l: &Line,
    tpl: &[Template],
    local: Option<&[(usize, [f64; 11])]>,
    give_up: bool,
) -> Option<(Digits, Vec<f64>)> {
    let mut digits: Digits = Vec::with_capacity(l.classes.len());
    let mut open = Vec::with_capacity(l.classes.len());
    let mut alts = 0;
    for (i, &m) in l.classes.iter().enumerate().filter(|c| *c.1 != 0) {
        if give_up && alts > MAX_ALTS {
            break;
        }
        let x0 = l.o + i as f64 * l.pp;
        let rr = local.map_or(l.r, |_| local_rows(&l.b, l.r, x0, l.pp));
        let reuse = local
            .and_then(|p| p.get(digits.len()))
            .filter(|_| rr == l.r);
        // An impossible class is neither the reading nor the runner-up: it
        // stays at −1 (so do the first read's scores reused).
        // A line with a cell partly outside the photo is not read: what
        // is missing may be what tells its digit from another (a half 7
        // is a 1).
        let s = match reuse {
            Some(&(_, prev)) => prev,
            None if lost(&l.b, rr, x0, x0 + l.pp) >= LOST => return None,
            None => classify(&l.b, l.g.as_ref(), rr, x0, l.pp, tpl, m)?,
        };
        // The alternatives as decide_number counts them (the best itself
        // within AMB of itself, less one); all of them when unreadable.
        let s1 = s.iter().fold(-1.0f64, |a, &v| a.max(v));
        alts += if s1 < 0.5 {
            MAX_ALTS + 1
        } else {
            s.iter()
                .filter(|&&v| s1 - v < AMB && v > -1.0)
                .count()
                .saturating_sub(1)
        };
        digits.push((i, s));
        open.push(upper_left(&l.b, rr, x0, l.pp).unwrap_or(1.0));
    }
    Some((digits, open))
}

/// The number line's per-position similarities (18 × 11) of a first read
/// (for `card_read --dump`).
pub fn number_scores(
    rgba: &[u8],
    w: usize,
    h: usize,
    hm: &Homography,
    ppm: f64,
) -> Option<Vec<[f64; 11]>> {
    let sc = line_cells(
        &number_line(rgba, w, h, hm, ppm)?,
        &templates((WD, WP)),
        None,
        false,
    )?;
    Some(sc.0.into_iter().map(|d| d.1).collect())
}

/// Reads the 18-character number from the portrait side.
///
/// When the line is not read with confidence, it is read again with each
/// character's own rows ([`local_rows`]: corners a millimetre off tilt the
/// line in the band), then, if still not, with the corners corrected by
/// the line's own ink ([`register`]: corners a few millimetres off move
/// the line out of the band); the first confident read wins.
pub fn read_number(rgba: &[u8], w: usize, h: usize, hm: &Homography, ppm: f64) -> Option<Number> {
    let tpl = templates((WD, WP));
    let line = number_line(rgba, w, h, hm, ppm);
    let first = line.as_ref().and_then(|l| read_line(l, &tpl, false));
    let weak = first.as_ref().map_or(0, |f| f.1);
    let first = first.map(|f| f.0);
    if first.as_ref().is_some_and(|n| n.confidence >= 0.9) {
        return first;
    }
    let sharp = line.as_ref().map_or(1.0, sharpness);
    // A line too blurred for any registration to read is not registered.
    let wide = (sharp >= SHARP_MIN)
        .then(|| band(rgba, w, h, hm, NUMBER_AT.wide, ppm, RS))
        .flatten();
    // Without perspective first: with it, the fit found a wrong bend on
    // lines the plain fit reads (seed 7 #26, #231).
    for bends in [0, BENDS] {
        let Some((moved, bend)) = wide
            .as_ref()
            .and_then(|b| register(b, hm, bends, &NUMBER_AT))
        else {
            continue;
        };
        // No bend: the same fit as the plain one (its first best), whose
        // read failed (the bends' fit gave none on 68 of the 126 lines
        // registered twice on seeds 2, 7 and 8).
        if bends > 0 && bend == 0.0 {
            break;
        }
        let read = number_line(rgba, w, h, &moved, ppm)
            .and_then(|l| read_line(&l, &tpl, true))
            .map(|r| r.0);
        if read.as_ref().is_some_and(|n| n.confidence >= 0.9) {
            return read.map(|n| Number {
                moved: Some(moved),
                ..n
            });
        }
    }
    // A blurred line nothing else read is read once more, sharpened
    // ([`unsharp`]), unless its first read found it no blur ([`WEAK`]).
    (sharp < SHARP_MAX && weak < WEAK)
        .then_some(line)
        .flatten()
        .and_then(|l| {
            let (mut luma, w, h, lost) = (l.b.luma, l.b.w, l.b.h, l.b.lost);
            unsharp(&mut luma, w, h);
            number_of(binarise(luma, w, h, lost)?)
        })
        .and_then(|l| read_line(&l, &tpl, true))
        .map(|r| r.0)
        .filter(|n| n.confidence >= 0.9)
        .or(first)
}

/// Below this [`sharpness`] a number line not read at first is not
/// registered: on seeds 2, 7 and 8 registration read no line under 0.324
/// (the lowest it read: 0.324–0.36, sharp lines whose corners were off);
/// of the 159 lines it was tried on, 54 lay under 0.28, 53 of them blurred
/// (blurred lines: 0.13–0.37). Each saves the wide band, the fits and up
/// to two reads (~120 M instructions).
const SHARP_MIN: f64 = 0.28;

/// Below this [`sharpness`] a number line nothing else read is read once
/// more, sharpened ([`unsharp`]): blurred lines lie at 0.13–0.37 on seeds
/// 2, 7 and 8, and the sharpened reads won there at 0.316–0.36 (true
/// corners).
const SHARP_MAX: f64 = 0.4;

/// At this many characters under a similarity of 0.5 in its first read
/// (each one makes the line unreadable), a number line nothing else read
/// is not read sharpened: a blur lowers every character's similarity
/// together and few fall under 0.5, while a line misplaced, covered or
/// washed out has characters that match nothing. On seeds 2, 7 and 8 the
/// sharpened read won 20 times (10 lines, with the true and the
/// detector's corners) with 1 such character at most (18 with none); of
/// the 234 lines it was tried on and failed, 118 had 3 or more. Each
/// saves the unsharp mask, a binarisation and up to two reads.
const WEAK: usize = 3;

/// Of the line's rows' half-dark pixels (darkness 0.5: Otsu's threshold),
/// the share fully dark (darkness 1: twice as far below the paper): a blur
/// spreads each stroke's edge over more pixels and lowers its core.
fn sharpness(l: &Line) -> f64 {
    let b = &l.b;
    let rows = b.dark.get(l.r.0 * b.w..l.r.1 * b.w).unwrap_or(&[]);
    let share = |t: f32| rows.iter().filter(|&&d| d >= t).count() as f64;
    share(1.0) / share(0.5).max(1.0)
}

/// Reads the number line `line`: with the line's rows, then, when not
/// confident, with each character's own. With `give_up` (a read whose
/// result only counts when confident), each read stops as soon as it
/// cannot be confident ([`line_cells`]): the unconfident result it then
/// returns is not the full read's. The second read only counts when
/// confident: it always gives up (the first read's unconfident result is
/// returned whole either way). With the read, the first read's characters
/// under a similarity of 0.5 (see [`WEAK`]).
fn read_line(line: &Line, tpl: &[Template], give_up: bool) -> Option<(Number, usize)> {
    let read = |sc: &Digits| {
        let sc: Vec<[f64; 11]> = sc.iter().map(|d| d.1).collect();
        let (text, confidence, repaired) = decide_number(&sc);
        Number {
            text,
            confidence,
            repaired,
            moved: None,
        }
    };
    let (sc, _) = line_cells(line, tpl, None, give_up)?;
    let first = read(&sc);
    let weak = sc.iter().filter(|d| best(&d.1).1 < 0.5).count();
    if first.confidence >= 0.9 {
        return Some((first, weak));
    }
    let again = line_cells(line, tpl, Some(&sc), true)
        .map(|sc| read(&sc.0))
        .filter(|n| n.confidence >= 0.9);
    Some((again.unwrap_or(first), weak))
}

/// A printed line as [`register`] looks for it: in a band (`wide`) wider
/// than the line's by a few millimetres each way (corners a few
/// millimetres off move, tilt or scale it), where it sits with the true
/// corners (`at`: its first cell's left edge and its centre height, mm;
/// its pitch, mm), the gap (mm) under which inked columns are one group,
/// and the cells registered: `n`, within `head` pitches of the group's
/// start.
struct Printed {
    wide: Zone,
    at: (f64, f64, f64),
    gap: f64,
    n: usize,
    head: f64,
}

/// The number: 18 cells; the label 公民身份号码 ends ≥ 3 mm left of it.
const NUMBER_AT: Printed = Printed {
    wide: (22.0, 40.0, 85.0, 53.0),
    at: (28.74, 46.45, 2.772),
    gap: 2.2,
    n: 18,
    head: f64::INFINITY,
};

/// The validity's first date 'YYYY.MM.DD' (both forms start with it): the
/// label 有效期限 ends ~2 mm left of it; the band's right third holds 长期
/// or the second date, and keeps 签发机关's line out. Where it sits with
/// the true corners: `validity_line`'s cells on s2 (171 lines; p10–p90
/// 30.74–30.95, 47.70–48.05, 1.80–1.82).
const VALIDITY_AT: Printed = Printed {
    wide: (25.0, 44.5, 62.0, 51.5),
    at: (30.85, 47.9, 1.8),
    gap: 1.2,
    n: 10,
    head: 10.15,
};

/// [`register`]'s sampling (px/mm): half the reading's, a fifth of
/// the instructions (the band is 2.6 times the number's).
const RS: f64 = 5.0;

/// A reference height (mm) for [`register`]'s printed rectangle.
const LINE_H: f64 = 2.5;

/// [`register`]'s perspective: the pitch may change along the line by up
/// to ±5 % × BENDS at either end.
const BENDS: i32 = 6;

/// The line `at` found from its own ink in `b`, its band `at.wide`
/// sampled at [`RS`] with `hm`: `hm` corrected by the homography that
/// takes the line's printed rectangle (`at.at`, `at.n` pitches ×
/// [`LINE_H`]) to where it is seen, and the bend of its cells. The line's
/// rows are found in the band's middle third, then at its ends within a
/// line's height of them (the tilt); its columns are the group of inked
/// columns (gaps under `at.gap`) with the most ink (the label lies left of
/// it, further than the gap), its first `at.head` pitches cut into `at.n`
/// cells whose pitch may change along the line by up to 5 % × `bends` at
/// either end (perspective: corners off in depth make the pitch grow
/// along the line). The seen height at each end is the printed one scaled
/// by the local pitch.
fn register(b: &Band, hm: &Homography, bends: i32, at: &Printed) -> Option<(Homography, f64)> {
    let (n, line_at, zone) = (at.n as f64, at.at, at.wide);
    let third = b.w / 3;
    let mid = |r: (usize, usize)| (r.0 + r.1) as f64 / 2.0;
    // The line in the middle third, then at its ends within a line's
    // height of it (the card's edge or the background may show below).
    let centre = rows_in(b, (third, 2 * third), (0, b.h))?;
    let near = (
        centre.0.saturating_sub(centre.1 - centre.0),
        2 * centre.1 - centre.0,
    );
    let left = rows_in(b, (0, third), near)?;
    let right = rows_in(b, (2 * third, b.w), near)?;
    let k = (mid(right) - mid(left)) / (2 * third) as f64;
    let r = (left.0.min(right.0), left.1.max(right.1));
    let mut col = profile(b, r);
    let (mut best, mut start, mut last, mut sum) = ((0, 0, 0f32), 0, 0, 0f32);
    for (x, &v) in col.iter().enumerate() {
        if v > 0.0 {
            if x > last + (at.gap * RS) as usize {
                (start, sum) = (x, 0.0);
            }
            sum += v;
            last = x;
            if sum > best.2 {
                best = (start, x, sum);
            }
        }
    }
    for (x, v) in col.iter_mut().enumerate() {
        if x < best.0 || x > best.1 || x as f64 > best.0 as f64 + at.head * line_at.2 * RS {
            *v = 0.0;
        }
    }
    let (o, pitch, bend) = cells(&col, at.n, line_at.2 * RS, bends)?;
    // The line's ends as seen (mm, in hm's card frame): centre, and half
    // its height there (the printed height scaled by the local pitch),
    // across the line.
    let end = |x: f64, local: f64| {
        let y = zone.1 + (mid(left) + k * (x - third as f64 / 2.0)) / RS;
        let half = LINE_H / 2.0 * local / (line_at.2 * RS);
        (zone.0 + x / RS, y, half)
    };
    let (xl, yl, hl) = end(o, pitch * (1.0 - bend));
    let (xr, yr, hr) = end(o + n * pitch, pitch * (1.0 + bend));
    let seen = [
        (xl + k * hl, yl - hl),
        (xr + k * hr, yr - hr),
        (xr - k * hr, yr + hr),
        (xl - k * hl, yl + hl),
    ];
    // Printed → seen, then the card's corners through it and hm.
    let line = Homography::from_rect(n * line_at.2, LINE_H, &seen)?;
    let mut q = [(0.0, 0.0); 4];
    for (i, p) in q.iter_mut().enumerate() {
        let u = if i == 1 || i == 2 {
            layout::CARD.0
        } else {
            0.0
        };
        let v = if i >= 2 { layout::CARD.1 } else { 0.0 };
        let (x, y) = line.map(u - line_at.0, v - line_at.1 + LINE_H / 2.0)?;
        *p = hm.map(x, y)?;
    }
    Some((
        Homography::from_rect(layout::CARD.0, layout::CARD.1, &q)?,
        bend,
    ))
}

/// The rows of the character at `x0..x0 + pitch`: its own when they look
/// like the line's (a line a little tilted by corners a millimetre off
/// climbs or falls along the band), else the line's `r`.
fn local_rows(b: &Band, r: (usize, usize), x0: f64, pitch: f64) -> (usize, usize) {
    let hgt = r.1 - r.0;
    let xs = (
        (x0 - 0.5 * pitch).max(0.0) as usize,
        (x0 + 1.5 * pitch).max(0.0) as usize,
    );
    let ys = (r.0.saturating_sub(hgt / 2), r.1 + hgt / 2);
    match rows_in(b, xs, ys) {
        Some(l) if (l.1 - l.0) * 4 >= hgt * 3 && (l.1 - l.0) * 3 <= hgt * 4 => l,
        _ => r,
    }
}

/// What the validity line shows before any decision: its form, whether
/// the separators and the long-term ideographs look right, and each
/// digit's similarities (position in the 21-cell line, classes).
pub struct ValidityScan {
    /// 'YYYY.MM.DD-长期'.
    pub long_term: bool,
    /// The separators ('.' low, '-' at mid height) and, long-term, the
    /// ideographs' width as expected.
    pub shape_ok: bool,
    /// (position, similarities) of each digit.
    pub digits: Vec<(usize, [f64; 11])>,
    /// [`upper_left`] of each digit, in the same order.
    pub open: Vec<f64>,
}

fn validity_line(rgba: &[u8], w: usize, h: usize, hm: &Homography, ppm: f64) -> Option<Line> {
    let b = band(rgba, w, h, hm, layout::E_VALIDITY, ppm, S)?;
    let r = rows(&b)?;
    let p = profile(&b, r);
    let (first, last) = extent(&p)?;
    let pitch = 1.8 * S;
    // 'YYYY.MM.DD-YYYY.MM.DD' spans 21 cells; 'YYYY.MM.DD-长期' 11 cells and
    // two wide ideographs (~6 mm), so its ink ends well before.
    let long_term = ((last - first) as f64) < 29.0 * S;
    let n = if long_term { 11 } else { 21 };
    // Long-term, segment only the head: what lies past 11 cells is left out.
    let cut = (first as f64 + 11.0 * pitch * 1.02) as usize;
    let head = p.get(..=cut).filter(|_| long_term).unwrap_or(&p);
    let (o, pp, _) = cells(head, n, pitch, 0)?;
    let mut shape_ok = true;
    for i in [4usize, 7, 10, 15, 18].into_iter().filter(|&i| i < n) {
        // Separators: a small blob; '.' low (its centre 0.7–0.9 of the
        // line's rows down), '-' at mid height (0.4–0.65: DejaVu Sans
        // Mono's sits low).
        let x0 = o + i as f64 * pp;
        let (mut ys, mut m) = (0.0, 0.0);
        for y in r.0..r.1 {
            for x in (x0.max(0.0) as usize)..((x0 + pp) as usize).min(b.w) {
                if b.ink.get(y * b.w + x).copied().unwrap_or(false) {
                    ys += y as f64;
                    m += 1.0;
                }
            }
        }
        let rel = if m > 0.0 {
            (ys / m - r.0 as f64) / (r.1 - r.0) as f64
        } else {
            0.0
        };
        let want_low = i != 10;
        if m <= 0.0 || want_low != (rel > 0.68) {
            shape_ok = false;
        }
    }
    if long_term {
        // The ideographs: ink over most of the line height, ~4–8 mm wide.
        let tail = (o + 11.0 * pp) as usize;
        let wide = p.iter().skip(tail).filter(|&&v| v > 0.0).count() as f64 / S;
        // Where a second date would run (cells 11–21) must lie in the
        // photo: a cropped edge there is white, not an end of the ink
        // (seed 6262 #670 read 2005-10-11–2010-10-11 as long-term).
        if !(3.0..=9.0).contains(&wide) || lost(&b, r, o + 11.0 * pp, o + 21.0 * pp) >= LOST {
            shape_ok = false;
        }
    }
    // Long-term, the cell past the '-' is read too, as the 2 a second
    // date would start with ([`decide_validity`]).
    Some(Line {
        b,
        g: None,
        classes: VALIDITY_CLASSES.get(..n + usize::from(long_term))?,
        r,
        o,
        pp,
        long_term,
        shape_ok,
    })
}

/// Scans 有效期限 on the emblem side (a first read, for `card_read --dump`).
pub fn validity_scan(
    rgba: &[u8],
    w: usize,
    h: usize,
    hm: &Homography,
    ppm: f64,
) -> Option<ValidityScan> {
    let l = validity_line(rgba, w, h, hm, ppm)?;
    let (digits, open) = line_cells(&l, &templates((0.0, WP_V)), None, false)?;
    Some(ValidityScan {
        long_term: l.long_term,
        shape_ok: l.shape_ok,
        digits,
        open,
    })
}

/// Reads 有效期限 from the emblem side. As the number: when not read with
/// confidence, read again with each character's own rows, then with the
/// corners corrected by the first date's own ink ([`register`] with
/// [`VALIDITY_AT`], without perspective); the first confident read wins.
pub fn read_validity(
    rgba: &[u8],
    w: usize,
    h: usize,
    hm: &Homography,
    ppm: f64,
) -> Option<Validity> {
    let tpl = templates((0.0, WP_V));
    let read = |hm: &Homography| validity_read(&validity_line(rgba, w, h, hm, ppm)?, &tpl);
    let first = read(hm);
    if first.as_ref().is_some_and(|v| v.confidence >= 0.9) {
        return first;
    }
    band(rgba, w, h, hm, VALIDITY_AT.wide, ppm, RS)
        .and_then(|wide| register(&wide, hm, 0, &VALIDITY_AT))
        .and_then(|(moved, _)| read(&moved))
        // A long-term line has one date, nothing to check it against: only
        // a range (two dates, one period apart) is taken once registered.
        // Seed 4242 #632 (Liberation Mono, 2025 printed) read a certain
        // 2026 this way; its 5 is as closed as a 6 at the lower left.
        .filter(|v| v.confidence >= 0.9 && v.until != "long-term")
        .or(first)
}

/// Reads the validity line `l`: with the line's rows, then, when not
/// confident, with each character's own.
fn validity_read(l: &Line, tpl: &[Template]) -> Option<Validity> {
    let scan = |(digits, open)| ValidityScan {
        long_term: l.long_term,
        shape_ok: l.shape_ok,
        digits,
        open,
    };
    let line = scan(line_cells(l, tpl, None, false)?);
    let first = decide_validity(&line);
    // A line whose shape is off is never confident (0.5 at most): read
    // once.
    if first.confidence >= 0.9 || !l.shape_ok {
        return Some(first);
    }
    let again = line_cells(l, tpl, Some(&line.digits), false)
        .map(|d| decide_validity(&scan(d)))
        .filter(|v| v.confidence >= 0.9);
    again.or(Some(first))
}

/// Below this [`upper_left`] a 5 read by a hair over 6 is certain. On
/// seeds 2, 7 and 8 (true corners), of the validity digits whose best two
/// were 5 and 6: every 6 (89, all faces) had ≥ 0.28; the 5s read as 5
/// 0.10–0.46 (29 of the 34 under AMB_V below 0.2; with the lower left
/// 26); the 5s read as 6 (8, all Liberation Mono) 0.14–0.20.
const OPEN_5: f64 = 0.2;

/// Below this [`upper_left`] a 6 read over a 5 is not certain: it catches
/// all 8 of the 5s read as 6 (≤ 0.20), the lower left only 4, and no 6
/// (≥ 0.28). Seed 4242 #632 read Liberation Mono's 5 as a certain 6 once
/// registered.
const OPEN_6: f64 = 0.24;

/// A 6 ahead of a 5 by this margin is a 6 whatever its upper left: the 5s
/// read as 6 on seeds 2, 7 and 8 were ahead by ≤ 0.113; seed 8 #479
/// (DejaVu Sans Mono, corners 7.8 % off) read a 6 ahead by 0.24 and 0.30
/// whose upper left looked closed (0.22).
const SURE_6: f64 = 0.2;

/// [`best`] of a validity digit, with its margin made certain when the
/// best is 5, the runner-up 6 and the character closed at its upper left
/// (under [`OPEN_5`]): Liberation Mono's 5 and 6 are otherwise within the
/// margin (vision-read2.md), and a 6's top leaves that corner open.
/// Symmetrically, a 6 over a 5 (the runner-up) closed there (under
/// [`OPEN_6`]) is not certain.
fn best_v(s: &[f64; 11], open: f64) -> (usize, f64, f64) {
    let (c, s1, m) = best(s);
    // Whether the best two are 5 and 6: no other class above the lower.
    let five_six = |lo: usize| {
        let v = s.get(lo).copied().unwrap_or(-1.0);
        s.iter()
            .enumerate()
            .all(|(k, &u)| k == 5 || k == 6 || u <= v)
    };
    if c == 5 && five_six(6) && m > 0.0 && open < OPEN_5 {
        (c, s1, m.max(AMB_V))
    } else if c == 6 && five_six(5) && open < OPEN_6 && m < SURE_6 {
        (c, s1, 0.0)
    } else {
        (c, s1, m)
    }
}

/// Decides the validity period from a scan.
pub fn decide_validity(v: &ValidityScan) -> Validity {
    let long_term = v.long_term;
    let mut conf: f64 = if v.shape_ok { 1.0 } else { 0.5 };
    let mut repaired = false;
    // 'YYYY-MM-DD-YYYY-MM-DD': the separators stay '-', as does a digit
    // not read (then no date).
    let mut text = [b'-'; 21];
    let open = |n: usize| v.open.get(n).copied().unwrap_or(1.0);
    let read = |i: usize| {
        let n = v.digits.iter().position(|d| d.0 == i)?;
        v.digits.get(n).map(|&(_, s)| (best_v(&s, open(n)), s))
    };
    // Long-term, the cell past the '-' (the last read) holds 长, never a
    // digit: read as the 2 of a second date's 20xx (at the read floor,
    // 0.5), the line is a range whose end is hidden (a glare spot, a crop)
    // and its ink ended early. The 长 of the long-term lines on seeds 2, 7
    // and 8 reads as a 2 at 0.44 at most (most under 0.3); ranges read
    // long-term at 0.54–0.85 (seed 6262 #395, 2022-06-17–2032-06-17 under
    // a glare spot, was read long-term with confidence 1).
    let mut digits = &v.digits[..];
    if let Some((&(11, sc), rest)) = digits.split_last().filter(|_| long_term) {
        if sc.get(2).is_some_and(|&v| v >= 0.5) {
            conf = conf.min(0.5);
        }
        digits = rest;
    }
    // Month and day are printed twice (from and until): a pair read alike
    // is as certain as its surer half; a pair read differently takes the
    // surer half's digit when it is certain and is an alternative (within
    // AMB) of the other (a repair).
    for (n, &(i, sc)) in digits.iter().enumerate() {
        let (c, s1, m) = best_v(&sc, open(n));
        let twin = if long_term || !matches!(i, 5 | 6 | 8 | 9 | 16 | 17 | 19 | 20) {
            None
        } else {
            read(if i < 11 { i + 11 } else { i - 11 })
        };
        let mut digit = c;
        let cc = match twin {
            Some(((tc, ts1, tm), _)) if tc == c => {
                char_conf(s1, m, AMB_V).min(char_conf(ts1, tm, AMB_V))
            }
            Some(((tc, ts1, tm), _)) => {
                let own = sc.get(tc).copied().unwrap_or(-1.0);
                if char_conf(ts1, tm, AMB_V) >= 1.0 && s1 - own < AMB_V && own >= 0.5 {
                    digit = tc;
                    repaired = true;
                    1.0
                } else {
                    char_conf(s1, m, AMB_V)
                }
            }
            None => char_conf(s1, m, AMB_V),
        };
        conf = conf.min(cc);
        if let Some(t) = text.get_mut(i) {
            *t = ch(digit) as u8;
        }
    }
    let from = date_at(&text, 0);
    let until = if long_term { None } else { date_at(&text, 11) };
    let (Some(f), ok_until) = (from, long_term || until.is_some()) else {
        return Validity {
            from: String::new(),
            until: String::new(),
            confidence: conf.min(0.3),
            repaired,
        };
    };
    if !ok_until {
        conf = conf.min(0.3);
    }
    let until_s = match until {
        Some(u) => {
            // Validity periods are 5, 10 or 20 years (Resident Identity Card Law art. 5).
            let years = i64::from(u.year) - i64::from(f.year);
            // The same day, but 29 February ends on the 28th.
            let day = u.day == f.day || (f.month == 2 && f.day == 29 && u.day == 28);
            if !(u.month == f.month && day && matches!(years, 5 | 10 | 20)) {
                conf = conf.min(0.5);
            }
            u.iso()
        }
        None => "long-term".into(),
    };
    Validity {
        from: f.iso(),
        until: until_s,
        confidence: conf,
        repaired,
    }
}

/// The date 'YYYY-MM-DD' at `at` of `text` (as `Date::parse`, without the
/// UTF-8 check it would link). Called, not inlined, in the vision build
/// (two callers).
#[cfg_attr(vision_only, inline(never))]
fn date_at(text: &[u8], at: usize) -> Option<crate::date::Date> {
    let num = |a: usize, n: usize| text.get(at + a..at + a + n).and_then(decimal);
    crate::date::Date::new(num(0, 4)? as i32, num(5, 2)?, num(8, 2)?)
}

/// The number written by the ASCII digits `b` (at most 4 here); `None`
/// if one is not a digit.
fn decimal(b: &[u8]) -> Option<u32> {
    b.iter()
        .try_fold(0u32, |v, &c| Some(v * 10 + char::from(c).to_digit(10)?))
}

/// The number's own checks: 17 digits and the MOD 11-2 check character
/// (GB 11643-1999), a real birth date from 1900 on, a province code.
pub fn plausible(text: &str) -> bool {
    // Byte by byte, without collecting the characters: a text that is not
    // ASCII has a byte that is no digit (or a last one no check character).
    let b = text.as_bytes();
    let (Some(head), Some(&last)) = (b.get(0..17), b.get(17)) else {
        return false;
    };
    let mut first17 = ['\0'; 17];
    for (c, &h) in first17.iter_mut().zip(head) {
        *c = char::from(h);
    }
    let check = crate::ids::resident_id::check_char(&first17);
    if b.len() != 18 || check != Some(char::from(last)) {
        return false;
    }
    let num = |r: core::ops::Range<usize>| text.as_bytes().get(r).and_then(decimal);
    let birth = (|| crate::date::Date::new(num(6..10)? as i32, num(10..12)?, num(12..14)?))();
    let province = num(0..2).and_then(|p| u8::try_from(p).ok());
    let known =
        province.is_some_and(|p| matches!(p, 81..=83) || crate::province::Province::has_code(p));
    known && birth.is_some_and(|d| d.year >= crate::ids::resident_id::MIN_BIRTH_YEAR)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A band of darkness `dark` (row-major, `w` wide) whose ink is what is
    /// at least half dark.
    fn band_of(w: usize, dark: Vec<f32>) -> Band {
        let h = dark.len() / w;
        let ink = dark.iter().map(|&d| d >= 0.5).collect();
        Band::new(w, h, Vec::new(), dark, ink)
    }

    /// The packed glyph stream gives the templates the three tables give.
    #[test]
    fn packed_templates_are_the_tables() {
        for w in [(0.0, WP_V), (0.3, 0.2), (0.0, 0.0)] {
            let got = templates(w);
            assert_eq!(got.len(), glyphs::GLYPHS.len());
            for (((ch, t), pr), (d, (slot, g))) in glyphs::GLYPHS
                .iter()
                .zip(glyphs::PROFILES.iter())
                .zip(glyphs::DIRS.iter().zip(&got))
            {
                let want_slot = if *ch == b'X' {
                    10
                } else {
                    usize::from(ch - b'0')
                };
                assert_eq!(*slot, want_slot);
                let mut want = [0f64; FEAT];
                let (z, rest) = want.split_at_mut(ZONES);
                let (p, e) = rest.split_at_mut(PROF);
                for (part, src, wt) in [
                    (z, &t[..], 1.0 - w.0 - w.1),
                    (p, &pr[..], w.1),
                    (e, &d[..], w.0),
                ] {
                    for (a, &v) in part.iter_mut().zip(src) {
                        *a = f64::from(v);
                    }
                    norm(part);
                    for a in part.iter_mut() {
                        *a *= wt;
                    }
                }
                assert!(want.iter().zip(g).all(|(a, b)| a.to_bits() == b.to_bits()));
            }
        }
    }

    /// Every value of every glyph has its own nibble in the stream, and the
    /// stream has no unused nibble (the order of `nibble_at` is a
    /// permutation).
    #[test]
    fn every_glyph_value_has_its_own_nibble() {
        let n = glyphs::GLYPHS.len() * PER_GLYPH;
        let mut seen = vec![false; n];
        for g in 0..glyphs::GLYPHS.len() {
            for k in 0..PER_GLYPH {
                let at = nibble_at(g, k);
                assert!(at < n && !seen[at], "glyph {g} value {k} at {at}");
                seen[at] = true;
            }
        }
        assert!(seen.iter().all(|&s| s));
        assert_eq!(GLYPH_NIBBLES.len(), n.div_ceil(2));
    }

    /// `Band::new`'s column lookups (made zeroed, then written) are, at
    /// every pixel, the first half-dark column at or right of it and at or
    /// left of it (`w` if none), as a plain search finds them.
    #[test]
    fn band_lookups_are_written_at_every_pixel() {
        let (w, h) = (23usize, 5usize);
        let dark: Vec<f32> = (0..w * h)
            .map(|i| if (i * 7 + i / w) % 5 == 0 { 0.8 } else { 0.1 })
            .collect();
        let ink = dark.iter().map(|&d| d >= 0.5).collect();
        let b = Band::new(w, h, Vec::new(), dark.clone(), ink);
        for y in 0..h {
            for x in 0..w {
                let half = |c: usize| dark[y * w + c] >= 0.5;
                let next = (x..w).find(|&c| half(c)).unwrap_or(w);
                let prev = (0..=x).rev().find(|&c| half(c)).unwrap_or(w);
                assert_eq!(usize::from(b.next[y * w + x]), next, "next at {x},{y}");
                assert_eq!(usize::from(b.prev[y * w + x]), prev, "prev at {x},{y}");
            }
        }
        // A row with no dark pixel looks up `w` both ways.
        let b = Band::new(4, 1, Vec::new(), vec![0.0; 4], vec![false; 4]);
        assert_eq!(b.next, vec![4u16; 4]);
        assert_eq!(b.prev, vec![4u16; 4]);
    }

    #[test]
    fn a_shadow_across_the_line_is_not_ink() {
        // Paper from 240 down to 120 (a shadow over the right half), two
        // strokes at 60 % of the local paper.
        let (w, h) = (200usize, 40usize);
        let mut l = Vec::with_capacity(w * h);
        for y in 0..h {
            for x in 0..w {
                let paper = if x < 100 { 240.0 } else { 120.0 };
                let stroke = (30..34).contains(&x) || (150..154).contains(&x);
                l.push(if stroke && (10..30).contains(&y) {
                    paper * 0.4
                } else {
                    paper
                });
            }
        }
        flatten(&mut l, w, h);
        let at = |x: usize, y: usize| l[y * w + x];
        // Paper is 255 under the shadow and out of it, the strokes alike.
        for (x, y) in [(10, 5), (60, 20), (135, 20), (190, 35)] {
            assert!(at(x, y) > 250.0, "paper at {x},{y}: {}", at(x, y));
        }
        assert!((at(31, 20) - at(151, 20)).abs() < 10.0);
        assert!(at(31, 20) < 120.0);
    }

    #[test]
    fn cells_follow_a_pitch_that_grows_along_the_line() {
        // 18 characters 8 px wide whose pitch grows from 16 to 24 px (a
        // line seen in perspective): boundaries at 16 i + 8 i (i − 18) / 18
        // … i.e. bend 0.2 on a mean pitch of 20 px.
        let at = |i: usize| {
            let t = i as f64;
            20.0 + 20.0 * t + 0.2 * 20.0 * t * (t - 18.0) / 18.0
        };
        let mut p = vec![0f32; 420];
        for i in 0..18 {
            let mid = (at(i) + at(i + 1)) / 2.0;
            p[(mid - 4.0) as usize..(mid + 4.0) as usize].fill(10.0);
        }
        // Whether a boundary of the fit crosses a character.
        let crossed = |(o, pp, c): (f64, f64, f64)| {
            (0..=18).any(|i| {
                let t = i as f64;
                let x = (o + t * pp + c * pp * t * (t - 18.0) / 18.0).round() as usize;
                p.get(x).is_some_and(|&v| v > 0.0)
            })
        };
        let bent = cells(&p, 18, 20.0, 6).unwrap();
        assert!(bent.2 > 0.05, "bend {}", bent.2);
        assert!(!crossed(bent));
        // Without bends the best fit cannot follow it.
        let plain = cells(&p, 18, 20.0, 0).unwrap();
        assert_eq!(plain.2, 0.0);
        assert!(crossed(plain));
    }

    #[test]
    fn a_six_closed_at_its_upper_left_is_not_certain() {
        // A 6 over a 5 by a margin over AMB_V: certain when its upper left
        // is open, not when it is closed (a 5's corner there).
        let mut s = [0.2f64; 11];
        (s[6], s[5]) = (0.9, 0.75);
        assert_eq!(best_v(&s, 0.4), (6, 0.9, 0.9 - 0.75));
        assert_eq!(best_v(&s, 0.15).2, 0.0);
        // Ahead by SURE_6 or more, a 6 whatever its upper left.
        s[5] = 0.65;
        assert_eq!(best_v(&s, 0.15), (6, 0.9, 0.9 - 0.65));
        // Another runner-up: the upper left is not asked.
        s[8] = 0.8;
        assert_eq!(best_v(&s, 0.15), (6, 0.9, 0.9 - 0.8));
    }

    #[test]
    fn a_bend_fit_without_a_bend_is_the_plain_fit() {
        // 18 characters 16 px wide at a steady pitch of 20 px: the fit with
        // bends finds none and is then the plain fit to the bit, which
        // `read_number` relies on to skip reading it again.
        let mut p = vec![0f32; 420];
        for i in 0..18 {
            let x = 22 + 20 * i;
            p[x..x + 16].fill(10.0);
        }
        let bent = cells(&p, 18, 20.0, BENDS).unwrap();
        assert_eq!(bent.2, 0.0);
        assert_eq!(bent, cells(&p, 18, 20.0, 0).unwrap());
    }

    #[test]
    fn a_blurred_line_is_less_sharp() {
        // Strokes 3 px dark with a half-dark pixel each side, every 10 px,
        // then the same smeared by a 7 px box.
        let (w, h) = (200, 40);
        let mut dark = vec![0f32; w * h];
        for y in 10..30 {
            for x in (10..190).step_by(10) {
                for (d, v) in [(0, 0.5), (1, 1.0), (2, 1.0), (3, 1.0), (4, 0.5)] {
                    dark[y * w + x + d] = v;
                }
            }
        }
        let mut smeared = dark.clone();
        for y in 10..30 {
            for x in 3..w - 3 {
                smeared[y * w + x] = dark[y * w + x - 3..=y * w + x + 3].iter().sum::<f32>() / 7.0;
            }
        }
        let line = |dark: Vec<f32>| Line {
            b: band_of(w, dark),
            g: None,
            r: (10, 30),
            o: 5.0,
            pp: 10.0,
            long_term: false,
            shape_ok: true,
            classes: &NUMBER_CLASSES,
        };
        let (sharp, blurred) = (sharpness(&line(dark)), sharpness(&line(smeared)));
        assert!(sharp > SHARP_MIN, "sharp {sharp}");
        assert!(blurred < SHARP_MIN, "blurred {blurred}");
    }

    #[test]
    fn sharpening_gives_a_blurred_stroke_its_core_back() {
        // Paper 255, a stroke 4 px wide at 40 smeared by a 9 px box
        // across the columns (a blur of about the mask's width).
        let (w, h) = (60usize, 30usize);
        let sharp: Vec<f32> = (0..w)
            .map(|x| if (28..32).contains(&x) { 40.0 } else { 255.0 })
            .collect();
        let row: Vec<f32> = (0..w)
            .map(|x| {
                let win = &sharp[x.saturating_sub(4)..(x + 5).min(w)];
                win.iter().sum::<f32>() / win.len() as f32
            })
            .collect();
        let mut l: Vec<f32> = (0..h).flat_map(|_| row.iter().copied()).collect();
        let before = row[29];
        unsharp(&mut l, w, h);
        let at = |x: usize| l[15 * w + x];
        // The core darker (159 → 133), the paper far from it untouched, every
        // value still a luma.
        assert!(at(29) < before - 20.0, "core {} from {before}", at(29));
        assert_eq!(at(5), 255.0);
        assert!(l.iter().all(|&v| (0.0..=255.0).contains(&v)));
    }

    #[test]
    fn running_maxima_and_means_match_the_plain_ones() {
        let x: Vec<f32> = (0..53u32).map(|i| ((i * 37 + 11) % 29) as f32).collect();
        for r in [0usize, 1, 3, 12, 40] {
            let (mut m, mut a) = (Vec::new(), Vec::new());
            max1(&x, &mut m, r);
            mean1(&x, &mut a, r);
            for i in 0..x.len() {
                let w = &x[i.saturating_sub(r)..(i + r + 1).min(x.len())];
                assert_eq!(
                    m[i],
                    w.iter().fold(0f32, |p, &v| p.max(v)),
                    "max r={r} i={i}"
                );
                let mean = w.iter().sum::<f32>() / w.len() as f32;
                assert!((a[i] - mean).abs() < 1e-3, "mean r={r} i={i}");
            }
        }
    }

    #[test]
    fn the_max_filter_and_flatten_by_comparisons_match_max_and_min() {
        // Luma as px_luma gives it (0, 255 and fractions, never NaN or
        // −0): the square max filter equals f32::max's, bit for bit, and
        // flatten f32::max/min's formula over that background.
        let (w, h, r) = (23usize, 17usize, 3usize);
        let l: Vec<f32> = (0..w * h)
            .map(|i| match i % 11 {
                0 => 0.0,
                1 => 255.0,
                _ => ((i as u32 * 7919 + 13) % 65281) as f32 / 256.0,
            })
            .collect();
        let mut m = l.clone();
        separable(&mut m, w, h, r, true);
        for y in 0..h {
            for x in 0..w {
                let mut want = 0f32;
                for yy in y.saturating_sub(r)..(y + r + 1).min(h) {
                    for xx in x.saturating_sub(r)..(x + r + 1).min(w) {
                        want = want.max(l[yy * w + xx]);
                    }
                }
                assert_eq!(m[y * w + x].to_bits(), want.to_bits(), "max at {x},{y}");
            }
        }
        let mut bg = l.clone();
        separable(&mut bg, w, h, BG_R, true);
        separable(&mut bg, w, h, BG_R, false);
        let mut f = l.clone();
        flatten(&mut f, w, h);
        for ((&v, &b), &got) in l.iter().zip(&bg).zip(&f) {
            assert_eq!(got.to_bits(), (v * 255.0 / b.max(1.0)).min(255.0).to_bits());
        }
    }

    #[test]
    fn profiles_see_where_the_ink_starts() {
        // A vertical bar at the left quarter of a 20 × 20 box.
        let w = 20usize;
        let dark: Vec<f32> = (0..w * 20)
            .map(|i| if (4..7).contains(&(i % w)) { 1.0 } else { 0.0 })
            .collect();
        let b = band_of(w, dark);
        let mut f = [0f64; PROF];
        profiles(&b, 0.0, 20.0, 0.0, 20.0, &mut f);
        // Centred: the left profile (near) below the right one (far).
        let (left, right) = (f[0], f[glyphs::PH]);
        assert!(left < 0.0 && right > 0.0 && right > left);
        // Every band alike.
        assert!(f[..glyphs::PH].iter().all(|&v| (v - left).abs() < 1e-9));
    }

    #[test]
    fn each_character_finds_its_own_rows() {
        // Two blobs 10 px tall, the second 2 px lower (a tilted line).
        let w = 60usize;
        let mut dark = vec![0f32; w * 40];
        for y in 0..40 {
            for x in 0..w {
                let (top, on) = if x < 30 {
                    (10, (5..15).contains(&x))
                } else {
                    (12, (40..50).contains(&x))
                };
                if on && (top..top + 10).contains(&y) {
                    dark[y * w + x] = 1.0;
                }
            }
        }
        let b = band_of(w, dark);
        let r = rows(&b).expect("rows");
        assert_eq!(local_rows(&b, r, 3.0, 14.0), (10, 20));
        assert_eq!(r, (10, 22));
        assert_eq!(local_rows(&b, r, 38.0, 14.0), (12, 22));
    }

    #[test]
    fn a_line_with_a_cell_outside_the_photo_reads_nothing() {
        // Four cells 18 px wide, each a ring of ink (a 0), the third half
        // outside the photo (a cropped card: white there, but not paper).
        let (w, h, pp) = (80usize, 40usize, 18.0);
        let mut dark = vec![0f32; w * h];
        for c in 0..4 {
            for y in 10..30 {
                for x in c * 18 + 5..c * 18 + 15 {
                    if !(13..27).contains(&y) || !(c * 18 + 8..c * 18 + 12).contains(&x) {
                        dark[y * w + x] = 1.0;
                    }
                }
            }
        }
        let mut line = Line {
            b: band_of(w, dark),
            g: None,
            r: (10, 30),
            o: 1.0,
            pp,
            long_term: false,
            shape_ok: true,
            classes: &[D; 4],
        };
        let tpl = templates((0.0, WP_V));
        let read = line_cells(&line, &tpl, None, false).expect("cells").0;
        assert!(read.iter().all(|d| d.1.iter().any(|&v| v > -1.0)));
        line.b.lost = (0..w * h).map(|i| i % w >= 46 && i % w < 55).collect();
        assert!(line_cells(&line, &tpl, None, false).is_none());
    }

    /// A validity scan of `text` ('YYYY.MM.DD-YYYY.MM.DD' or 11 cells and
    /// long-term) read with similarity 0.9 and the rest `others`.
    fn scan(text: &str, others: f64) -> ValidityScan {
        let long_term = text.len() == 11;
        let digits = text
            .bytes()
            .enumerate()
            .filter(|(_, c)| c.is_ascii_digit())
            .map(|(i, c)| {
                let mut s = [others; 11];
                s[usize::from(c - b'0')] = 0.9;
                s[10] = -1.0;
                (i, s)
            })
            .collect();
        ValidityScan {
            long_term,
            shape_ok: true,
            digits,
            open: Vec::new(),
        }
    }

    #[test]
    fn a_long_term_line_whose_cell_past_the_dash_is_a_2_is_not_sure() {
        // 'YYYY.MM.DD-' then the 长 cell, read only as the 2 of a second
        // date: 长 scores low, a 2 (a range whose end a glare spot or a
        // crop hides) at the read floor or more.
        let with = |two: f64| {
            let mut s = scan("2022.06.17-", 0.3);
            let mut c = [-1.0; 11];
            c[2] = two;
            s.digits.push((11, c));
            decide_validity(&s)
        };
        let v = with(0.3);
        assert_eq!(v.until, "long-term");
        assert!(v.confidence >= 0.9);
        assert!(with(0.55).confidence <= 0.5);
    }

    #[test]
    fn a_validity_is_reported_only_when_every_digit_is_sure_and_the_period_real() {
        let v = decide_validity(&scan("2011.04.05-2031.04.05", 0.5));
        assert_eq!(
            (v.from.as_str(), v.until.as_str()),
            ("2011-04-05", "2031-04-05")
        );
        assert!(v.confidence >= 0.9);
        let v = decide_validity(&scan("2019.05.17-", 0.5));
        assert_eq!(
            (v.from.as_str(), v.until.as_str()),
            ("2019-05-17", "long-term")
        );
        assert!(v.confidence >= 0.9);
        // Eleven years is no period of the law.
        assert!(decide_validity(&scan("2011.04.05-2022.04.05", 0.5)).confidence < 0.9);
        // The day read alike twice, but each time only 0.05 ahead of the
        // runner-up (Liberation Mono's 5 and 6): not sure.
        let mut s = scan("2011.04.06-2031.04.06", 0.5);
        for (i, sc) in s.digits.iter_mut() {
            if *i == 9 || *i == 20 {
                sc[5] = 0.85;
            }
        }
        assert!(decide_validity(&s).confidence < 0.9);
        // The same day read 5 over 6 by a hair: certain only when the 5 is
        // closed at its upper left (a 6 is open there), and never for a 6.
        let hair = |day: usize, open: f64| {
            let mut s = scan("2011.04.05-2031.04.05", 0.5);
            for (i, sc) in s.digits.iter_mut() {
                if *i == 9 || *i == 20 {
                    sc[5] = 0.9;
                    sc[6] = 0.85;
                    sc.swap(5, day);
                }
            }
            s.open = vec![open; s.digits.len()];
            decide_validity(&s).confidence
        };
        assert!(hair(5, 0.15) >= 0.9);
        assert!(hair(5, 0.4) < 0.9);
        assert!(hair(6, 0.15) < 0.9);
        // A separator out of place.
        let mut s = scan("2011.04.05-2031.04.05", 0.5);
        s.shape_ok = false;
        assert!(decide_validity(&s).confidence < 0.9);
    }
}
