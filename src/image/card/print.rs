//! Placing a card by its print where no outline was found on a washed-out
//! frame: an overexposed photo clips card and ground alike, so the card's
//! border has no edge at all, but its print (text rows, the portrait, the
//! number line, the emblem's pink) may still be darker than the paper. On
//! both faces that print spans ~(5, 4.6)–(80.3, 49.8) mm of the 85.6 × 54
//! mm card: the card is the print block's enclosing rectangle grown by
//! those margins, then moved, turned and scaled to where its print best
//! matches a face ([`fit`]). The placed card must show strong face
//! evidence ([`taken`]); of it, only the number is read (its corners are
//! a few per cent off, and a date has no check character: judge.rs).
//!
//! Cost: a sparse brightness test; where it passes, one pass over the
//! frame (a min-downscale), a grid of cells, [`TRIES`] clusters' row
//! extremes, and one fit per card a cluster may belong to (a squarish
//! cluster gives two; a fit is at most 1 + 8 × [`FIT_ROUNDS`] coarse
//! builds, +4 a round for the size's ends, half where the print is far
//! from an ID card's) and, where the print alone is not evidence, one
//! read; where no start was taken, a block's second orientation
//! ([`block_quad`]): a first look, and a fit where that looks like print.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::detect::{Quad, Work};
use super::geom::{self, Pt};
use super::layout::CARD;
use super::Card;

/// The print block's extent on the card (mm).
const BLOCK: (f64, f64) = (75.3, 45.2);
/// The portrait side's photo as its ink shows (head and shoulders; mm):
/// layout.rs's photo zone.
const PHOTO: super::layout::Zone = (57.0, 8.0, 79.0, 38.0);
/// Ink is darker than this share (%) of the light level around it.
pub const INK: u32 = 88;
/// The same in a light frame that is not washed out (its card's own
/// tint and the paper's rules would be ink at [`INK`]).
pub const INK_LIGHT: u32 = 70;
/// A frame not washed out is light (paper) when its sampled mean luma is
/// at least this.
const LIGHT: u32 = 150;
/// The frame is washed out when half its (sampled) pixels are this bright.
const WASHED: u32 = 200;
/// Cell size (copy pixels) of the ink grid.
const CELL: usize = 8;
/// Clusters of ink tried, most ink first: the first card-shaped one is
/// the card's print (a handheld photo's body or face can be larger).
const TRIES: usize = 3;
/// The merit [`fit`] must reach in its first half to go on, and at its end
/// to be judged (forms' blocks end at 0.31–0.49, most of them stop
/// halfway). 0.45, not 0.5: seed 8 #90 and seed 9 #400 (number read right)
/// are placed, no negative taken; for +7 % instructions on washed card
/// frames, +4 % on washed forms (docs/notes/vision-print.md, twenty-first
/// session).
const FIT_HOPE: f64 = 0.45;
/// A read at least this confident (the profile's `readMin`) is evidence.
const READ_SURE: f64 = 0.9;
/// Rounds of [`fit`] (each halves the steps).
const FIT_ROUNDS: usize = 4;
/// The coarse copy's layout from which a fit that is not ID-like there is
/// still built finely and judged ([`taken`]).
const COARSE_LIKE: f64 = 0.5;
/// The start sizes [`fit`] looks at (× the block's card): it fits from
/// the one of the highest merit.
const STARTS: [f64; 2] = [1.0, 1.2];
/// The first look's merit a late start (the block's second orientation,
/// [`block_quad`]) needs to be fitted on (seed 2: the two cards it places
/// 0.27 and 0.48; failing ones 0.16–0.19, a form's 0.34).
const LATE_LOOK: f64 = 0.2;

/// Luma of an RGBA pixel at byte `i` (255 outside).
fn luma(rgba: &[u8], i: usize) -> u32 {
    match rgba.get(i..i + 3) {
        Some(&[r, g, b]) => (77 * u32::from(r) + 150 * u32::from(g) + 29 * u32::from(b)) >> 8,
        _ => 255,
    }
}

/// The card placed by its print in a washed-out frame, or `None` (the
/// frame is not washed out, no print block, or no block's print is strong
/// ID evidence). Every card-shaped block is fitted; of the placements
/// [`taken`], the one of the highest merit wins.
pub fn place(rgba: &[u8], w: usize, h: usize) -> Option<Card> {
    let (washed, mean) = exposure(rgba);
    let ink = if washed {
        INK
    } else if mean >= LIGHT {
        INK_LIGHT
    } else {
        return None;
    };
    place_any(rgba, w, h, ink)
}

/// [`place`] without the washed-out test (card_print's `ANY=1` measures
/// it on frames that are not washed out).
#[inline(always)]
pub fn place_any(rgba: &[u8], w: usize, h: usize, ink: u32) -> Option<Card> {
    let (wk, starts) = blocks(rgba, w, h, ink);
    let mut best: Option<(f64, Card)> = None;
    for start in &starts {
        if start.extra && best.is_some() {
            continue;
        }
        let hope = best.as_ref().map_or(FIT_HOPE, |(b, _)| b.max(FIT_HOPE));
        // From the block's own size or 1.2 × it, whichever first looks
        // more ID-like: a washed-out card's outer print (the title, the
        // labels) is often gone, so the block undersizes it. (A full fit
        // from each doubled the fits on every washed-out frame, forms
        // included: the held-out Chromium p95 69.7 → 79–82 ms;
        // docs/notes/vision-print.md, seventeenth session.)
        let (m, q, like) = fit(rgba, w, h, &wk, start, &STARTS, hope);
        // The fine copy and the evidence only where the fit went on past
        // halfway (a fit under the hope stopped there: its print is far
        // from an ID card's) and the coarse copy looks like an ID card:
        // ID-like, or a layout ≥ 0.5 (the 36 placements taken on seeds 2,
        // 7, 8 are all ID-like on the coarse copy but one at layout 0.58;
        // 82 of the 95 not taken, forms' most, fail one or the other: a
        // fine build each saved).
        if m < FIT_HOPE || !like || best.as_ref().is_some_and(|(b, _)| *b >= m) {
            continue;
        }
        let Some(mut c) = super::build(rgba, w, h, &wk, &q, 3.0) else {
            continue;
        };
        if !taken(rgba, w, h, &mut c, start.extra) {
            continue;
        }
        // No edge tells a covered corner here, and a placed corner 5–12 %
        // off cannot tell a cut one (cropped false alarms on 3 placed
        // cards near the frame's edge, no cut card placed; seeds 2, 7).
        c.hidden.clear();
        c.outside.clear();
        c.placed = true;
        best = Some((m, c));
    }
    best.map(|(_, c)| c)
}

/// The evidence a placed card must show: an ID-like face and, on the
/// portrait side, a layout ≥ 0.28 with a head (≥ 0.4) and a periodic
/// number line (≥ 0.3: a holder's face placed as a card's portrait 0.01,
/// placed cards 0.33–0.59); on the emblem side a strong layout (≥ 0.6)
/// with the washed-out emblem's pink (red ≥ 0.14; placed emblem sides
/// 0.14–0.33 with layout 0.61–0.88, a portrait side's pink shirt 0.33 with
/// layout 0.52). Failing that, a confident read at the placement (the
/// number on the portrait side, the validity on the emblem side: a
/// black-and-white emblem has no red) makes it ID-like. Seeds 2, 7, 8.
/// A card from a `late` start needs the read (seed 2 #242: a portrait
/// side turned over, taken for an emblem side on its pink, 22 % off).
pub fn taken(rgba: &[u8], w: usize, h: usize, c: &mut Card, late: bool) -> bool {
    let f = &c.faces;
    let by_print = f.id_like
        && match f.side {
            super::Side::Portrait => f.score >= 0.28 && f.photo >= 0.4 && f.digits >= 0.3,
            super::Side::Emblem => f.score >= 0.6 && f.red >= 0.14,
            super::Side::Unknown => false,
        };
    if by_print && !late {
        return true;
    }
    // (Read only where the line to read shows: a periodic number line, a
    // strong emblem-side layout. Seeds 2, 7, 8: confident reads at
    // digits 0.45 and layout 0.59–0.65; washed-out forms 0.03–0.11 and
    // 0.31–0.43.)
    if f.score < super::LAYOUT_MIN {
        return false;
    }
    let read = match f.side {
        super::Side::Portrait if f.digits >= 0.3 => {
            super::ocr::read_number(rgba, w, h, &c.hm, c.ppm).map(|n| n.confidence)
        }
        super::Side::Emblem if f.score >= 0.5 => {
            super::ocr::read_validity(rgba, w, h, &c.hm, c.ppm).map(|v| v.confidence)
        }
        _ => None,
    };
    let sure = read.is_some_and(|r| r >= READ_SURE);
    c.faces.id_like |= sure;
    sure
}

/// True when half of every 16th pixel (in raster order) is at least
/// [`WASHED`] bright.
pub fn washed(rgba: &[u8]) -> bool {
    exposure(rgba).0
}

/// [`washed`], and the mean luma of the same pixels.
pub fn exposure(rgba: &[u8]) -> (bool, u32) {
    let (mut i, mut bright, mut n, mut sum) = (0, 0, 0u32, 0u32);
    while i < rgba.len() {
        let l = luma(rgba, i);
        n += 1;
        sum += l;
        if l >= WASHED {
            bright += 1;
        }
        i += 64;
    }
    (2 * bright >= n, sum / n.max(1))
}

/// Calls `f` with the cells within `r` cells of cell `c` (a grid `cw`
/// cells wide, `ch` high).
fn around(c: usize, cw: usize, ch: usize, r: usize, mut f: impl FnMut(usize)) {
    let (cx, cy) = (c % cw.max(1), c / cw.max(1));
    for y in cy.saturating_sub(r)..(cy + r + 1).min(ch) {
        for x in cx.saturating_sub(r)..(cx + r + 1).min(cw) {
            f(y * cw + x);
        }
    }
}

/// The copy the blocks are found on (the darkest pixel of each block of
/// the detector's downscale, no edges) and the cards each of the
/// [`TRIES`] largest clusters of dense ink may belong to ([`block_quad`]),
/// most ink first.
pub fn blocks(rgba: &[u8], w: usize, h: usize, ink_share: u32) -> (Work, Vec<Quad>) {
    // The darkest pixel of each k × k block: a washed-out print's thin
    // strokes vanish in the detector's box average.
    let k = w.max(h).div_ceil(super::detect::WORK).max(1);
    let (gw, gh) = (w / k, h / k);
    let mut dark = vec![255u32; gw * gh];
    for y in 0..gh * k {
        // (Row by row, block by block, pixel by pixel: no index arithmetic
        // per pixel; a short buffer's incomplete block counts as white.)
        let (row, at) = ((y / k) * gw, y * w * 4);
        let (Some(out), Some(src)) = (dark.get_mut(row..row + gw), rgba.get(at..)) else {
            break;
        };
        for (d, block) in out.iter_mut().zip(src.chunks_exact(4 * k)) {
            for p in block.chunks_exact(4) {
                *d = (*d).min(luma(p, 0));
            }
        }
    }
    let (cw, ch) = (gw.div_ceil(CELL), gh.div_ceil(CELL));
    let cells = cw * ch;
    // Each copy pixel's cell, row by row (a division per pixel was a third
    // of this function's cost).
    let cell_of = |y: usize, x: usize| (y / CELL) * cw + x / CELL;
    // The light level of each cell: its brightest pixel (the paper).
    let mut top = vec![0u32; cells];
    for (y, row) in dark.chunks_exact(gw.max(1)).enumerate() {
        for (x, &l) in row.iter().enumerate() {
            if let Some(t) = top.get_mut(cell_of(y, x)) {
                *t = (*t).max(l);
            }
        }
    }
    // Ink: darker than 0.88 of the light level (≥ 150) of its cell and
    // the eight around it.
    let mut level = vec![0u32; cells];
    for (c, v) in level.iter_mut().enumerate() {
        around(c, cw, ch, 1, |j| {
            *v = (*v).max(top.get(j).copied().unwrap_or(0))
        });
    }
    // Each cell's ink; pixels that are not ink turn white.
    let mut ink = vec![0u32; cells];
    for (y, row) in dark.chunks_exact_mut(gw.max(1)).enumerate() {
        for (x, d) in row.iter_mut().enumerate() {
            let c = cell_of(y, x);
            let p = level.get(c).copied().unwrap_or(0);
            match ink.get_mut(c) {
                Some(n) if p >= 150 && *d * 100 < ink_share * p => *n += 1,
                _ => *d = 255,
            }
        }
    }
    // Clusters of dense cells (≥ 3 ink pixels) less than three cells apart
    // (bridging the gap above a large card's number line), and their ink.
    let mut label = vec![0usize; cells];
    let mut sizes: Vec<u32> = vec![0];
    for start in 0..cells {
        if ink.get(start).copied().unwrap_or(0) < 3 || label.get(start) != Some(&0) {
            continue;
        }
        let id = sizes.len();
        let (mut size, mut stack) = (0, vec![start]);
        while let Some(c) = stack.pop() {
            match (label.get_mut(c), ink.get(c)) {
                (Some(l), Some(&n)) if *l == 0 && n >= 3 => {
                    *l = id;
                    size += n;
                }
                _ => continue,
            }
            around(c, cw, ch, 5, |j| stack.push(j));
        }
        sizes.push(size);
    }
    let mut quads = Vec::new();
    for _ in 0..TRIES {
        // The largest cluster left (its size zeroed once tried).
        let (mut id, mut most) = (0, 0);
        for (i, &s) in sizes.iter().enumerate() {
            if s > most {
                (id, most) = (i, s);
            }
        }
        if most == 0 {
            break;
        }
        if let Some(s) = sizes.get_mut(id) {
            *s = 0;
        }
        // Each row's leftmost and rightmost ink of the cluster.
        let mut pts: Vec<Pt> = Vec::new();
        for (y, row) in dark.chunks_exact(gw.max(1)).enumerate() {
            let mut span: Option<(usize, usize)> = None;
            for (x, &d) in row.iter().enumerate() {
                if d < 255 && label.get(cell_of(y, x)) == Some(&id) {
                    span = Some(span.map_or((x, x), |(a, _)| (a, x)));
                }
            }
            if let Some((a, b)) = span {
                pts.push((a as f64, y as f64));
                pts.push((b as f64, y as f64));
            }
        }
        quads.extend(block_quad(&pts, gw, gh));
    }

    let wk = Work {
        w: gw,
        h: gh,
        k,
        ox: 0,
        oy: 0,
        whole: true,
        luma: Vec::new(),
        mag: Vec::new(),
        dir: Vec::new(),
    };
    (wk, quads)
}

/// The cards a print block given by its points (copy pixels, in a copy
/// `gw` × `gh`) may belong to, from its smallest-area enclosing rectangle
/// over 1° turns: a card-shaped block grown to the card about its centre;
/// a squarish one (sides within 1.3 : 1) taken for the portrait side's
/// photo alone, whose dark hair and clothes outlast the text rows on a
/// washed-out card (seeds 7, 8: two handheld portrait sides, blank to
/// the block search before): the cards around it (the block's longer
/// extent the photo's 30 mm across the card, the photo at either end),
/// each only where it fits the frame with its centre inside (a
/// form's page-sized block gives none: without that test, a form on seed 2
/// and one of n12 were taken for emblem sides). None for other shapes.
/// Then, as late starts (`extra`), the same from the enclosing rectangle's
/// second orientation, where it has one.
fn block_quad(pts: &[Pt], gw: usize, gh: usize) -> Vec<Quad> {
    // Each 1° turn's enclosing rectangle: its area and extents (u0, u1,
    // v0, v1).
    let mut rects = [(f64::MAX, [0.0; 4]); 90];
    for (deg, r) in rects.iter_mut().enumerate() {
        let a = deg as f64 * geom::PI / 180.0;
        let (c, s) = (geom::cos(a), geom::sin(a));
        let mut e = [f64::MAX, f64::MIN, f64::MAX, f64::MIN];
        for p in pts {
            let (u, v) = (p.0 * c + p.1 * s, p.1 * c - p.0 * s);
            e = [e[0].min(u), e[1].max(u), e[2].min(v), e[3].max(v)];
        }
        *r = ((e[1] - e[0]) * (e[3] - e[2]), e);
    }
    let area = |i: usize| rects.get(i % 90).map_or(f64::MAX, |r| r.0);
    let cards = |i: usize| {
        let e = rects.get(i).map_or([0.0; 4], |r| r.1);
        block_cards(i as f64 * geom::PI / 180.0, e, gw, gh)
    };
    let first = (0..90).fold(0, |b, i| if area(i) < area(b) { i } else { b });
    // The smallest other local minimum at least 15° away: a block that is
    // no rectangle (text rows shorter than the number line, a corner
    // washed out) can have its smallest enclosing rectangle along a
    // diagonal, the print's own the second smallest.
    let mut second = None;
    for i in 0..90 {
        let far = (i + 90 - first) % 90;
        if (15..=75).contains(&far)
            && area(i) <= area(i + 1)
            && area(i) <= area(i + 89)
            && second.map_or(true, |j| area(i) < area(j))
        {
            second = Some(i);
        }
    }
    let mut out = cards(first);
    if let Some(j) = second {
        for mut q in cards(j) {
            q.extra = true;
            out.push(q);
        }
    }
    out
}

/// [`block_quad`]'s cards for the enclosing rectangle at angle `a` with
/// extents `[u0, u1, v0, v1]`.
#[inline(never)]
fn block_cards(a: f64, e: [f64; 4], gw: usize, gh: usize) -> Vec<Quad> {
    let [u0, u1, v0, v1] = e;
    let (du, dv) = (u1 - u0, v1 - v0);
    let (long, short) = (du.max(dv), du.min(dv));
    // The centre back in copy pixels.
    let (cu, cv) = (0.5 * (u0 + u1), 0.5 * (v0 + v1));
    let (c, s) = (geom::cos(a), geom::sin(a));
    let centre = (cu * c - cv * s, cu * s + cv * c);
    if short < 8.0 || long / short > 2.2 {
        return Vec::new();
    }
    if long / short >= 1.3 {
        // The long side along u or v.
        let a = if du >= dv { a } else { a + 0.5 * geom::PI };
        return vec![rect([centre.0, centre.1, a, long * CARD.0 / BLOCK.0])];
    }
    let mut cards = Vec::new();
    // The photo is upright (30 × 22 mm): its longer extent across the card.
    let (axis, across) = if dv >= du {
        (a, dv)
    } else {
        (a + 0.5 * geom::PI, du)
    };
    let ppm = across / (PHOTO.3 - PHOTO.1);
    let (ca, sa) = (geom::cos(axis), geom::sin(axis));
    for end in [1.0, -1.0] {
        // From the photo's centre to the card's (mm, the card upright;
        // turned by 180° at the other end).
        let ox = end * ppm * (0.5 * CARD.0 - 0.5 * (PHOTO.0 + PHOTO.2));
        let oy = end * ppm * (0.5 * CARD.1 - 0.5 * (PHOTO.1 + PHOTO.3));
        let (x, y) = (centre.0 + ox * ca - oy * sa, centre.1 + ox * sa + oy * ca);
        let inside = x >= 0.0 && y >= 0.0 && x < gw as f64 && y < gh as f64;
        if inside && CARD.0 * ppm <= gw.max(gh) as f64 {
            cards.push(rect([x, y, axis, CARD.0 * ppm]));
        }
    }
    cards
}

/// An ID-1 rectangle (copy pixels, clockwise on screen) from its centre,
/// the angle of its long side and the long side's length.
pub fn rect(p: [f64; 4]) -> Quad {
    let (c, s) = (geom::cos(p[2]), geom::sin(p[2]));
    let (hu, hv) = (0.5 * p[3], 0.5 * p[3] * CARD.1 / CARD.0);
    let at = |u: f64, v: f64| -> Pt { (p[0] + u * c - v * s, p[1] + u * s + v * c) };
    Quad {
        q: [at(-hu, -hv), at(hu, -hv), at(hu, hv), at(-hu, hv)],
        support: 0.0,
        aspect: CARD.0 / CARD.1,
        cut: false,
        extra: false,
        faint: false,
    }
}

/// The merit of a card placed on `q` — how ID-like its print looks on the
/// coarse copy: the face's layout score plus its own evidence (head, red
/// emblem) — and whether that copy looks like an ID card: ID-like, or a
/// layout ≥ [`COARSE_LIKE`].
pub fn judged(rgba: &[u8], w: usize, h: usize, wk: &Work, q: &Quad) -> (f64, bool) {
    super::build(rgba, w, h, wk, q, super::COARSE).map_or((f64::MIN, false), |c| {
        let f = c.faces;
        (
            f.score + 0.3 * f.photo.max(0.0) + f.red.max(0.0),
            f.id_like || f.score >= COARSE_LIKE,
        )
    })
}

/// A merit, a placement (centre x, centre y, angle, long side: copy
/// pixels, radians) and whether the coarse copy there looks like an ID card.
pub type Look = (f64, [f64; 4], bool);

/// The first look at a block: its card grown by each of `scales`, the one
/// of the highest merit (`px`: the frame's RGBA, width and height).
pub fn first_look(px: (&[u8], usize, usize), wk: &Work, start: &Quad, scales: &[f64]) -> Look {
    let (rgba, w, h) = px;
    let q = start.q;
    let size = geom::dist(q[0], q[1]);
    let centre = (
        0.25 * (q[0].0 + q[1].0 + q[2].0 + q[3].0),
        0.25 * (q[0].1 + q[1].1 + q[2].1 + q[3].1),
    );
    let angle = geom::atan2(q[1].1 - q[0].1, q[1].0 - q[0].0);
    let mut look = (f64::MIN, [centre.0, centre.1, angle, size], false);
    for &scale in scales {
        let t = [centre.0, centre.1, angle, scale * size];
        let (m, f) = judged(rgba, w, h, wk, &rect(t));
        if m > look.0 {
            look = (m, t, f);
        }
    }
    look
}

/// Moves, turns and scales a placed outline to where its print best
/// matches a face: coordinate ascent on centre, angle and size, halving
/// the steps each of [`FIT_ROUNDS`] rounds (faint labels or a washed-out
/// title leave part of the block out, so the margins are a first guess);
/// it starts from `start` grown by the one of `scales` whose first merit
/// is the highest ([`first_look`]), and a fit under merit `hope` halfway
/// stops there. Returns the merit, the outline and whether its coarse
/// copy looks like an ID card ([`judged`]).
pub fn fit(
    rgba: &[u8],
    w: usize,
    h: usize,
    wk: &Work,
    start: &Quad,
    scales: &[f64],
    hope: f64,
) -> (f64, Quad, bool) {
    let (mut best, mut p, mut like) = first_look((rgba, w, h), wk, start, scales);
    let long = p[3];
    let mut step = [0.06 * long, 0.06 * long, 0.05, 0.08 * long];
    for round in 0..FIT_ROUNDS {
        // Halfway, a print still far from an ID card's (or from the
        // placement already taken) stops the search.
        if round == FIT_ROUNDS / 2 && best < hope {
            break;
        }
        // A late start (`extra`) must look like a card's print at once.
        if round == 0 && start.extra && best < LATE_LOOK {
            break;
        }
        for (i, s) in step.iter_mut().enumerate() {
            // The size also about either end of the long side (its centre
            // moves by half the change): a washed-out card's block often
            // lost one end's print (the title, the labels), so the card is
            // undersized with the other end's print in place, a ridge that
            // moves along one coordinate at a time cross only by luck.
            let ends: &[f64] = if i == 3 { &[0.0, 0.5, -0.5] } else { &[0.0] };
            'moves: for &end in ends {
                for sign in [-1.0, 1.0] {
                    let mut t = p;
                    if let Some(v) = t.get_mut(i) {
                        *v += sign * *s;
                    }
                    let d = end * sign * *s;
                    t[0] += d * geom::cos(p[2]);
                    t[1] += d * geom::sin(p[2]);
                    let (m, f) = judged(rgba, w, h, wk, &rect(t));
                    if m > best {
                        (best, p, like) = (m, t, f);
                        break 'moves;
                    }
                }
            }
            *s *= 0.5;
        }
    }
    (best, rect(p), like)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white frame with dark 2-px rows every 6 px over the block
    /// `(x0, y0, bw, bh)`.
    fn frame(w: usize, h: usize, block: (usize, usize, usize, usize)) -> Vec<u8> {
        let (x0, y0, bw, bh) = block;
        let mut px = vec![255u8; w * h * 4];
        for y in y0..y0 + bh {
            if (y - y0) % 6 >= 2 {
                continue;
            }
            for x in x0..x0 + bw {
                let i = (y * w + x) * 4;
                px[i..i + 3].copy_from_slice(&[90, 90, 90]);
            }
        }
        px
    }

    #[test]
    fn the_print_block_gives_the_card_around_it() {
        let px = frame(400, 300, (100, 80, 150, 90));
        assert!(washed(&px));
        let (wk, q) = blocks(&px, 400, 300, INK);
        assert_eq!((wk.w, wk.h, wk.k), (400, 300, 1));
        let q = q.first().expect("a card-shaped block").q;
        let centre = (
            q.iter().map(|p| p.0).sum::<f64>() / 4.0,
            q.iter().map(|p| p.1).sum::<f64>() / 4.0,
        );
        // The block's centre (row extremes: 100–249, 80–159+1) and its
        // width grown by 85.6 / 75.3.
        assert!((centre.0 - 174.5).abs() < 2.0, "{centre:?}");
        assert!((centre.1 - 122.0).abs() < 4.0, "{centre:?}");
        let long = geom::dist(q[0], q[1]).max(geom::dist(q[1], q[2]));
        assert!((long - 149.0 * CARD.0 / BLOCK.0).abs() < 3.0, "{long}");
    }

    #[test]
    fn a_blank_or_dark_frame_places_nothing() {
        let white = vec![255u8; 200 * 150 * 4];
        assert!(washed(&white));
        assert!(blocks(&white, 200, 150, INK).1.is_empty());
        assert!(place(&white, 200, 150).is_none());
        let grey = vec![100u8; 200 * 150 * 4];
        assert!(!washed(&grey));
        assert!(place(&grey, 200, 150).is_none());
        // Text rows alone are no ID card's print: not taken.
        assert!(place(&frame(400, 300, (100, 80, 150, 90)), 400, 300).is_none());
    }

    #[test]
    fn any_size_is_accepted() {
        for (w, h) in [(0, 0), (1, 1), (3, 1), (1, 500), (17, 9)] {
            let px = vec![250u8; w * h * 4];
            assert!(place(&px, w, h).is_none());
            // A short buffer too.
            assert!(place(&px[..px.len() / 2], w, h).is_none());
        }
    }

    #[test]
    fn a_block_enclosed_along_its_diagonal_also_starts_along_its_rows() {
        // A 150 × 90 print block whose top-right and bottom-left corners
        // washed out (80 × 60 triangles): its smallest enclosing rectangle
        // lies ~37° turned, its rows' own (0°) is the second local minimum.
        let mut pts = Vec::new();
        for y in 0..=90 {
            let y = f64::from(y);
            let x1 = if y < 60.0 {
                70.0 + 80.0 * y / 60.0
            } else {
                150.0
            };
            let x0 = if y > 30.0 {
                80.0 * (y - 30.0) / 60.0
            } else {
                0.0
            };
            pts.push((100.0 + x0, 80.0 + y));
            pts.push((100.0 + x1, 80.0 + y));
        }
        let cards = block_quad(&pts, 400, 300);
        let late: Vec<&Quad> = cards.iter().filter(|q| q.extra).collect();
        let q = late.first().expect("a late start along the rows").q;
        let turn = (q[1].1 - q[0].1).atan2(q[1].0 - q[0].0).to_degrees();
        assert!(
            turn.abs() < 2.0 || (turn.abs() - 180.0).abs() < 2.0,
            "{turn}"
        );
        let centre = (
            q.iter().map(|p| p.0).sum::<f64>() / 4.0,
            q.iter().map(|p| p.1).sum::<f64>() / 4.0,
        );
        assert!(
            (centre.0 - 175.0).abs() < 2.0 && (centre.1 - 125.0).abs() < 2.0,
            "{centre:?}"
        );
        let long = geom::dist(q[0], q[1]);
        assert!((long - 150.0 * CARD.0 / BLOCK.0).abs() < 3.0, "{long}");
        // The diagonal rectangle is 2.6 : 1, no card's block (as seed 2
        // #0's, 2.34): the late start is the only one.
        assert_eq!(cards.len(), 1);
    }
}
