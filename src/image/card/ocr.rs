//! Reading the card: the 18-character number (portrait side) and the
//! validity period (emblem side).
//!
//! The text band is rectified at [`S`] px/mm, binarised by Otsu's
//! threshold, its rows located by the ink profile, and cut into cells by
//! the pitch and offset whose boundaries cross the least ink (the card
//! prints both lines monospaced). Each cell is reduced to 6 × 10 zones of
//! mean ink (zoning features, Trier, Jain & Taxt 1996) and matched by
//! cosine similarity to templates of two faces ([`super::glyphs`]).
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

/// Shifts (px at [`S`]) at which each cell is also matched.
const SHIFTS: [(f64, f64); 5] = [(0.0, 0.0), (-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)];

/// Sampling of the text bands (px/mm).
const S: f64 = 10.0;

/// A read number.
pub struct Number {
    /// The 18 characters.
    pub text: String,
    /// 0–1.
    pub confidence: f64,
}

/// A read validity period.
pub struct Validity {
    /// 'YYYY-MM-DD'.
    pub from: String,
    /// 'YYYY-MM-DD' or 'long-term'.
    pub until: String,
    /// 0–1.
    pub confidence: f64,
}

/// A binarised band: darkness 0–1 per pixel and the ink mask.
struct Band {
    w: usize,
    h: usize,
    dark: Vec<f32>,
    ink: Vec<bool>,
}

fn band(rgba: &[u8], w: usize, h: usize, hm: &Homography, z: Zone, ppm: f64) -> Option<Band> {
    let r = rectify(rgba, w, h, hm, z, S, ppm);
    let mut luma: Vec<f32> = Vec::with_capacity(r.w * r.h);
    let mut hist = [0u32; 256];
    for y in 0..r.h {
        for x in 0..r.w {
            let l = r.luma(x, y).unwrap_or(255.0);
            luma.push(l);
            if let Some(c) = hist.get_mut(l.max(0.0).min(255.0) as usize) {
                *c += 1;
            }
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
    Some(Band {
        w: r.w,
        h: r.h,
        dark,
        ink,
    })
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
    let counts: Vec<usize> = (0..b.h)
        .map(|y| {
            b.ink
                .get(y * b.w..(y + 1) * b.w)
                .map_or(0, |r| r.iter().filter(|&&i| i).count())
        })
        .collect();
    let max = counts.iter().copied().max()?;
    if max < 4 {
        return None;
    }
    let (mut best, mut start) = ((0usize, 0usize), None);
    for (y, &c) in counts.iter().enumerate().chain(core::iter::once((b.h, &0))) {
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
/// of `pitch`) and offset whose n+1 boundaries cross the least ink, with
/// ink left outside penalised.
fn cells(p: &[f32], n: usize, pitch: f64) -> Option<(f64, f64)> {
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
    let mut best: Option<(f32, f64, f64)> = None;
    let span = (last - first) as f64;
    let mut k = -30i32;
    while k <= 30 {
        let pp = pitch * (1.0 + f64::from(k) * 0.005);
        k += 1;
        if pp * (n as f64) < span * 0.9 {
            continue;
        }
        let mut o = first as f64 - pp;
        while o <= first as f64 + 1.0 {
            let mut cost = 0f32;
            for i in 0..=n {
                let x = o + i as f64 * pp;
                let xi = crate::rt::round(x) as isize;
                for d in -1isize..=1 {
                    cost += p.get((xi + d).max(0) as usize).copied().unwrap_or(0.0);
                }
            }
            let inside = ink_in(o, o + n as f64 * pp);
            cost += 3.0 * (total - inside);
            if best.map_or(true, |(c, _, _)| cost < c) {
                best = Some((cost, o, pp));
            }
            o += 0.5;
        }
    }
    best.map(|(_, o, pp)| (o, pp))
}

/// Classifies the cell `[x0, x0 + pitch)` × rows: the best and the second
/// best character with their similarities.
fn classify(
    b: &Band,
    r: (usize, usize),
    x0: f64,
    pitch: f64,
) -> Option<(u8, f64, u8, f64, [f64; 11])> {
    // Centre on the cell's ink.
    let (mut sx, mut sw) = (0f64, 0f64);
    for y in r.0..r.1 {
        for x in (x0.max(0.0) as usize)..((x0 + pitch).max(0.0) as usize).min(b.w) {
            let d = f64::from(b.dark.get(y * b.w + x).copied().unwrap_or(0.0));
            sx += d * x as f64;
            sw += d;
        }
    }
    if sw < 1.0 {
        return None;
    }
    let cx = sx / sw;
    // Width from the line height, as the templates (font-size free).
    let half = 0.375 * (r.1 - r.0) as f64;
    let norm = |v: &mut [f64]| {
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
    };
    // Best similarity per character over the faces and over a ±1-px
    // shift of the cell (the centroid and the line's rows are estimates).
    let mut per: [(u8, f64); 11] = [(0, -1.0); 11];
    for (dx, dy) in SHIFTS {
        let (bx0, bx1) = (cx - half + dx, cx + half + dx);
        let (by0, by1) = (r.0 as f64 + dy, r.1 as f64 + dy);
        let mut f = [0f64; glyphs::ZW * glyphs::ZH];
        let sub = 3usize;
        for zy in 0..glyphs::ZH {
            for zx in 0..glyphs::ZW {
                let mut acc = 0.0;
                for sy in 0..sub {
                    for sxx in 0..sub {
                        let x = bx0
                            + (zx as f64 + (sxx as f64 + 0.5) / sub as f64) / glyphs::ZW as f64
                                * (bx1 - bx0);
                        let y = by0
                            + (zy as f64 + (sy as f64 + 0.5) / sub as f64) / glyphs::ZH as f64
                                * (by1 - by0);
                        if x >= 0.0 && y >= 0.0 && (x as usize) < b.w {
                            acc += f64::from(
                                b.dark
                                    .get(y as usize * b.w + x as usize)
                                    .copied()
                                    .unwrap_or(0.0),
                            );
                        }
                    }
                }
                if let Some(v) = f.get_mut(zy * glyphs::ZW + zx) {
                    *v = acc / (sub * sub) as f64;
                }
            }
        }
        norm(&mut f);
        for (ch, t) in glyphs::GLYPHS.iter() {
            let mut g = [0f64; glyphs::ZW * glyphs::ZH];
            for (a, &v) in g.iter_mut().zip(t.iter()) {
                *a = f64::from(v);
            }
            norm(&mut g);
            let s: f64 = g.iter().zip(f.iter()).map(|(a, b)| a * b).sum();
            let slot = if *ch == b'X' {
                10
            } else {
                usize::from(ch.wrapping_sub(b'0'))
            };
            if let Some(e) = per.get_mut(slot) {
                if s > e.1 {
                    *e = (*ch, s);
                }
            }
        }
    }
    // The best two, without a sort (a sort instantiation costs wasm bytes).
    let (mut c1, mut s1, mut c2, mut s2) = (0u8, -1.0f64, 0u8, -1.0f64);
    for &(c, v) in per.iter() {
        if v > s1 {
            (c2, s2) = (c1, s1);
            c1 = c;
            s1 = v;
        } else if v > s2 {
            (c2, s2) = (c, v);
        }
    }
    let mut sims = [0f64; 11];
    for (o, p) in sims.iter_mut().zip(per.iter()) {
        *o = p.1;
    }
    Some((c1, s1, c2, s2, sims))
}

/// Per-character confidence: the margin of the best similarity over the
/// runner-up (0.1 or more counts as certain), nothing below a similarity
/// of 0.5.
fn char_conf(s1: f64, s2: f64, full: f64, floor: f64) -> f64 {
    if s1 < floor {
        return 0.0;
    }
    ((s1 - s2) / full).max(0.0).min(1.0)
}

/// The line's confidence: half from passing its own checks, half from the
/// weakest character.
fn line_conf(weakest: f64, checks: bool) -> f64 {
    if checks {
        0.5 + 0.5 * weakest
    } else {
        0.3 * weakest
    }
}

/// One character's reading: the best and the runner-up with their
/// similarities.
#[derive(Clone, Copy)]
pub struct Cand {
    /// Best character.
    pub c1: u8,
    /// Its similarity.
    pub s1: f64,
    /// Runner-up.
    pub c2: u8,
    /// Its similarity.
    pub s2: f64,
    /// Similarity of every class: 0–9, then X.
    pub sims: [f64; 11],
}

/// The 18 cells of the number, classified.
pub fn number_cands(
    rgba: &[u8],
    w: usize,
    h: usize,
    hm: &Homography,
    ppm: f64,
) -> Option<Vec<Cand>> {
    let b = band(rgba, w, h, hm, layout::P_NUMBER, ppm)?;
    let r = rows(&b)?;
    let p = profile(&b, r);
    let (o, pitch) = cells(&p, 18, 50.5 / 18.0 * S)?;
    let mut out = Vec::with_capacity(18);
    for i in 0..18 {
        let x0 = o + i as f64 * pitch;
        let (c1, s1, c2, s2, sims) = classify(&b, r, x0, pitch)?;
        out.push(Cand {
            c1,
            s1,
            c2,
            s2,
            sims,
        });
    }
    Some(out)
}

/// Reads the 18-character number from the portrait side.
pub fn read_number(rgba: &[u8], w: usize, h: usize, hm: &Homography, ppm: f64) -> Option<Number> {
    Some(decide_number(&number_cands(rgba, w, h, hm, ppm)?))
}

/// The margin over the runner-up at which a number character counts as
/// certain (char confidence 1). With the check character behind it a
/// character at 0.8 of this (0.04) is enough: on generated cards (seeds 2
/// and 11) no number whose characters all reached it and passed the
/// checks was wrong.
const NUMBER_FULL: f64 = 0.05;

/// The number from its 18 classified cells. Every character certain and
/// the checks passed: confidence from the weakest character. Exactly one
/// uncertain character: the check character decides between its best and
/// its runner-up when exactly one of them passes (MOD 11-2 detects every
/// single substitution, so the other 17 fix it); confidence 0.9.
pub fn decide_number(cands: &[Cand]) -> Number {
    let mut text = String::new();
    let mut conf = 1.0f64;
    let mut weak: Option<usize> = None;
    let mut weak_n = 0;
    for (i, k) in cands.iter().enumerate() {
        // Only the last position may be X.
        let c = if k.c1 == b'X' && i < 17 { b'?' } else { k.c1 };
        text.push(char::from(c));
        let cc = char_conf(k.s1, k.s2, NUMBER_FULL, NUMBER_FLOOR);
        if cc < 0.8 {
            weak_n += 1;
            weak = Some(i);
        } else {
            conf = conf.min(cc);
        }
    }
    if weak_n == 1 {
        if let (Some(i), true) = (weak, cands.len() == 18) {
            let k = cands.get(i).copied();
            let mut pass: Option<String> = None;
            let mut n_pass = 0;
            for c in k.iter().flat_map(|k| [k.c1, k.c2]) {
                if c == b'X' && i < 17 {
                    continue;
                }
                let t: String = text
                    .chars()
                    .enumerate()
                    .map(|(j, x)| if j == i { char::from(c) } else { x })
                    .collect();
                if plausible(&t) {
                    n_pass += 1;
                    pass = Some(t);
                }
            }
            if let (1, Some(t), Some(k)) = (n_pass, pass, k) {
                if k.s1 >= 0.5 {
                    let confidence = unique(cands, &t, line_conf(conf.min(0.8), true));
                    return Number {
                        text: t,
                        confidence,
                    };
                }
            }
        }
    }
    let confidence = if weak_n == 0 && plausible(&text) {
        unique(cands, &text, line_conf(conf, true))
    } else if weak_n == 0 {
        line_conf(conf, false)
    } else {
        line_conf(0.0, false)
    };
    Number { text, confidence }
}

/// The similarity a number character needs to count as certain at all
/// (the shift search lifts every similarity; correct reads on seeds 2, 11
/// and 12 have their weakest character at ≥ 0.51, mostly ≥ 0.6; two wrong
/// reads had four characters under 0.61).
const NUMBER_FLOOR: f64 = 0.6;

/// Margin below which a character's runner-up is a live alternative.
const ALTERNATIVE: f64 = 0.1;

/// `conf` when no other reading also passes the checks, taking the
/// runner-up at any set of the (at most 10) characters whose margin is
/// below [`ALTERNATIVE`]; else 0.7 (checks passed, not unique). An unseen
/// face can confuse one pair of shapes (7 and 1) consistently, and four
/// such swaps can balance the check character; seed 11 had one.
fn unique(cands: &[Cand], text: &str, conf: f64) -> f64 {
    let chars: Vec<u8> = text.bytes().collect();
    let mut alt: Vec<usize> = Vec::new();
    for (i, k) in cands.iter().enumerate() {
        if k.s1 - k.s2 < ALTERNATIVE && alt.len() < 10 {
            alt.push(i);
        }
    }
    for mask in 1u32..(1u32 << alt.len()) {
        let mut t = chars.clone();
        for (b, &i) in alt.iter().enumerate() {
            if mask & (1 << b) != 0 {
                // The other of the two: the runner-up, or the best where
                // the check character chose the runner-up.
                if let (Some(c), Some(k)) = (t.get_mut(i), cands.get(i)) {
                    *c = if *c == k.c2 { k.c1 } else { k.c2 };
                }
            }
        }
        if plausible(core::str::from_utf8(&t).unwrap_or("")) {
            return conf.min(0.7);
        }
    }
    conf
}

/// Reads 有效期限 from the emblem side.
pub fn read_validity(
    rgba: &[u8],
    w: usize,
    h: usize,
    hm: &Homography,
    ppm: f64,
) -> Option<Validity> {
    let b = band(rgba, w, h, hm, layout::E_VALIDITY, ppm)?;
    let r = rows(&b)?;
    let p = profile(&b, r);
    let (first, last) = extent(&p)?;
    let pitch = 1.8 * S;
    // 'YYYY.MM.DD-YYYY.MM.DD' spans 21 cells; 'YYYY.MM.DD-长期' 11 cells and
    // two wide ideographs (~6 mm), so its ink ends well before.
    let long_term = ((last - first) as f64) < 29.0 * S;
    let n = if long_term { 11 } else { 21 };
    let mut q = p.clone();
    if long_term {
        // Segment only the head: blank what lies past 11 cells.
        let cut = first as f64 + 11.0 * pitch * 1.02;
        for (x, v) in q.iter_mut().enumerate() {
            if x as f64 > cut {
                *v = 0.0;
            }
        }
    }
    let (o, pp) = cells(&q, n, pitch)?;
    let mut text = String::new();
    let mut conf = 1.0f64;
    for i in 0..n {
        let x0 = o + i as f64 * pp;
        if matches!(i, 4 | 7 | 10 | 15 | 18) {
            // Separators: a small blob; '.' low, '-' at mid height.
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
            let (want_low, ok) = (i != 10, m > 0.0);
            let low = rel > 0.62;
            if !ok || want_low != low {
                conf = conf.min(0.5);
            }
            text.push(if i == 10 { '-' } else { '.' });
            continue;
        }
        let (c, s1, _, s2, _) = classify(&b, r, x0, pp)?;
        text.push(if c == b'X' { '?' } else { char::from(c) });
        conf = conf.min(char_conf(s1, s2, 0.1, 0.5));
    }
    if long_term {
        // The ideographs: ink over most of the line height, ~4–8 mm wide.
        let tail = (o + 11.0 * pp) as usize;
        let wide = p.iter().skip(tail).filter(|&&v| v > 0.0).count() as f64 / S;
        if !(3.0..=9.0).contains(&wide) {
            conf = conf.min(0.5);
        }
    }
    let date = |s: &str| -> Option<crate::date::Date> {
        let iso: String = s.chars().map(|c| if c == '.' { '-' } else { c }).collect();
        crate::date::Date::parse(&iso)
    };
    let from = text.get(0..10).and_then(date);
    let until = if long_term {
        None
    } else {
        text.get(11..21).and_then(date)
    };
    let (Some(f), ok_until) = (from, long_term || until.is_some()) else {
        return Some(Validity {
            from: String::new(),
            until: String::new(),
            confidence: conf.min(0.3),
        });
    };
    if !ok_until {
        conf = conf.min(0.3);
    }
    let until_s = match until {
        Some(u) => {
            // Validity periods are 5, 10 or 20 years (Resident Identity Card Law art. 5).
            let years = i64::from(u.year) - i64::from(f.year);
            if !(u.month == f.month && matches!(years, 5 | 10 | 20)) {
                conf = conf.min(0.5);
            }
            u.iso()
        }
        None => "long-term".into(),
    };
    Some(Validity {
        from: f.iso(),
        until: until_s,
        confidence: conf,
    })
}

/// The number's own checks: 17 digits and the MOD 11-2 check character
/// (GB 11643-1999), a real birth date from 1900 on, a province code.
pub fn plausible(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let (Some(head), Some(&last)) = (chars.get(0..17), chars.get(17)) else {
        return false;
    };
    if chars.len() != 18 || crate::ids::resident_id::check_char(head) != Some(last) {
        return false;
    }
    let birth = text.get(6..14).and_then(|d| {
        let (y, m, dd) = (d.get(0..4)?, d.get(4..6)?, d.get(6..8)?);
        crate::date::Date::parse(&cat!(y, "-", m, "-", dd))
    });
    let province = text.get(0..2).map(|p| {
        let mut v = 0u8;
        for b in p.bytes() {
            v = v.wrapping_mul(10).wrapping_add(b.wrapping_sub(b'0'));
        }
        v
    });
    let known = province
        .is_some_and(|p| matches!(p, 81..=83) || crate::province::Province::by_code(p).is_some());
    known && birth.is_some_and(|d| d.year >= crate::ids::resident_id::MIN_BIRTH_YEAR)
}
