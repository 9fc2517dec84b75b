//! ID card analysis in `checkImagePixels` (slots idCardFront, idCardBack,
//! handheldId): find the card ([`detect`]), tell its side and orientation
//! from the printed layout ([`layout`]), judge the photo on the card itself
//! (cropped or covered corner, too small, glare, blur, exposure, black and
//! white), and read the number or the validity period ([`ocr`]).
//!
//! Everything runs on the RGBA the caller passes; the cost is one pass over
//! it (the detection downscale) plus work bounded by fixed-size rectified
//! copies, so any size is accepted. User documentation: docs/id-card.md.

#[allow(unused_imports)]
use crate::rt::prelude::*;

pub mod detect;
pub mod geom;
pub mod layout;
pub mod ocr;
pub mod print;
pub mod refine;

use geom::{Homography, Pt};
use layout::Zone;

use crate::finding::{Finding, InfoValue};
use crate::json::Json;

/// Which face of the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// 人像面: photo and number.
    Portrait,
    /// 国徽面: emblem, authority and validity.
    Emblem,
    /// Not decided.
    Unknown,
}

impl Side {
    /// The API name.
    pub fn name(self) -> &'static str {
        match self {
            Side::Portrait => "portrait",
            Side::Emblem => "emblem",
            Side::Unknown => "unknown",
        }
    }
}

/// A rectified part of the card: RGBA at `s` px/mm over a zone.
pub struct Rect {
    /// Width in pixels.
    pub w: usize,
    /// Height in pixels.
    pub h: usize,
    /// Pixels per millimetre.
    pub s: f64,
    /// RGBA (alpha 0 where the card left the frame).
    pub px: Vec<u8>,
}

impl Rect {
    /// Luma at (x, y), `None` outside or where the card left the frame.
    pub fn luma(&self, x: usize, y: usize) -> Option<f32> {
        if x >= self.w {
            return None;
        }
        let i = (y * self.w + x) * 4;
        self.px.get(i..i + 4).and_then(px_luma)
    }
}

/// Luma of one RGBA pixel, `None` where its alpha is 0 (or it is not 4 bytes).
#[inline(always)]
fn px_luma(p: &[u8]) -> Option<f32> {
    match *p {
        [r, g, b, a] if a > 0 => {
            Some((77.0 * f32::from(r) + 150.0 * f32::from(g) + 29.0 * f32::from(b)) / 256.0)
        }
        _ => None,
    }
}

/// Samples the card zone `z` (mm) at `s` px/mm through `hm` (mm → image).
/// Bilinear, averaging up to 3 × 3 sub-samples when the image is finer
/// than the output (no aliasing on large photos). Cost: ≤ 9 samples per
/// output pixel; callers keep `s` and `z` bounded.
pub fn rectify(
    rgba: &[u8],
    w: usize,
    h: usize,
    hm: &Homography,
    z: Zone,
    s: f64,
    src_ppm: f64,
) -> Rect {
    let ow = ((z.2 - z.0) * s) as usize;
    let oh = ((z.3 - z.1) * s) as usize;
    let sub = crate::rt::round((src_ppm / s).max(1.0).min(2.0)) as usize;
    let mut px: Vec<u8> = vec![0; ow * oh * 4];
    let m = &hm.0;
    // The column terms `m[0] u`, `m[3] u`, `m[6] u` of a row's sub-sample
    // abscissae, the same for every row; the row terms once per row. The
    // sums keep `Homography::map`'s order, (a u + b v) + c, and the two
    // divisions (x/zz is not x * (1/zz)): the same pixels, bit for bit
    // (tests::rectify_matches_the_reference). Before, the products per
    // sample: rectify 1.5 G of 9 G instructions on s2_30.
    let mut cols: Vec<[f64; 3]> = Vec::with_capacity(ow * sub);
    for i in 0..ow {
        for sx in 0..sub {
            let u = z.0 + (i as f64 + (sx as f64 + 0.5) / sub as f64) / s;
            cols.push([m[0] * u, m[3] * u, m[6] * u]);
        }
    }
    // One sample per pixel (every coarse build) or 2 × 2 (sub is 1 or 2).
    let zone = (z, s, oh);
    if sub > 1 {
        sample_rows::<2>(rgba, (w, h), m, zone, &cols, &mut px);
    } else {
        sample_rows::<1>(rgba, (w, h), m, zone, &cols, &mut px);
    }
    Rect {
        w: ow,
        h: oh,
        s,
        px,
    }
}

/// [`rectify`]'s sampling, `SUB` × `SUB` sub-samples per output pixel (1 or
/// 2): the sub-sample loops unrolled for each (the coarse builds' one sample
/// per pixel went through the general loops before). `zone`: the zone, the
/// scale and the output's height; `cols`: the column terms.
fn sample_rows<const SUB: usize>(
    rgba: &[u8],
    (w, h): (usize, usize),
    m: &[f64; 9],
    zone: (Zone, f64, usize),
    cols: &[[f64; 3]],
    px: &mut [u8],
) {
    let (xmax, ymax) = ((w - 1) as f64, (h - 1) as f64);
    let (xout, yout) = (w as f64 - 0.5, h as f64 - 0.5);
    let stride = w * 4;
    let pix = |i: usize| -> [f64; 3] {
        match rgba.get(i..i + 3) {
            Some(&[r, g, b]) => [f64::from(r), f64::from(g), f64::from(b)],
            _ => [0.0; 3],
        }
    };
    // Two horizontal neighbours in one read where they are adjacent.
    let pair = |i: usize, di: usize| -> ([f64; 3], [f64; 3]) {
        match rgba.get(i..i + 7) {
            Some(&[r, g, b, _, r1, g1, b1]) if di == 4 => (
                [f64::from(r), f64::from(g), f64::from(b)],
                [f64::from(r1), f64::from(g1), f64::from(b1)],
            ),
            _ => (pix(i), pix(i + di)),
        }
    };
    let (z, s, oh) = zone;
    let mut out = px.chunks_exact_mut(4);
    for j in 0..oh {
        let mut rows = [[0f64; 3]; 2];
        for (sy, r) in rows.iter_mut().enumerate().take(SUB) {
            let v = z.1 + (j as f64 + (sy as f64 + 0.5) / SUB as f64) / s;
            *r = [m[1] * v, m[4] * v, m[7] * v];
        }
        for (cs, dst) in cols.chunks_exact(SUB).zip(out.by_ref()) {
            let (mut acc, mut n, mut outside) = ([0f64; 3], 0f64, false);
            for r in rows.iter().take(SUB) {
                for c in cs {
                    let zz = c[2] + r[2] + m[8];
                    if zz.abs() < 1e-12 {
                        outside = true;
                        continue;
                    }
                    let x = (c[0] + r[0] + m[2]) / zz;
                    let y = (c[1] + r[1] + m[5]) / zz;
                    if x < -0.5 || y < -0.5 || x > xout || y > yout {
                        outside = true;
                    }
                    // Comparisons, not clamp (f64::clamp with a variable
                    // bound links float formatting, ~11 KB of wasm) nor
                    // max/min (a call to libm's fmax/fmin each in wasm,
                    // 2.2 % of the slow photos' time in V8). The same
                    // values: x is not NaN here (|zz| ≥ 1e-12).
                    let x = if x > 0.0 { x } else { 0.0 };
                    let x = if x < xmax { x } else { xmax };
                    let y = if y > 0.0 { y } else { 0.0 };
                    let y = if y < ymax { y } else { ymax };
                    // Through i32: one conversion instruction (x86 has none
                    // to u64; wasm's i32.trunc_sat), exact for 0 ≤ x < 2^31.
                    let (x0, y0) = (x as i32 as usize, y as i32 as usize);
                    let (fx, fy) = (x - x0 as f64, y - y0 as f64);
                    let i0 = y0 * stride + x0 * 4;
                    // The next column and row, or the same at the border.
                    let di = if x0 + 1 < w { 4 } else { 0 };
                    let dj = if y0 + 1 < h { stride } else { 0 };
                    let ((pa, pb), (pc, pd)) = (pair(i0, di), pair(i0 + dj, di));
                    for (o, (((a, b), c), d)) in
                        acc.iter_mut().zip(pa.iter().zip(pb).zip(pc).zip(pd))
                    {
                        *o +=
                            (a * (1.0 - fx) + b * fx) * (1.0 - fy) + (c * (1.0 - fx) + d * fx) * fy;
                    }
                    n += 1.0;
                }
            }
            // One sample per pixel (every coarse build): no division (by
            // 1: exact; a slow instruction in wall time).
            let n = if n > 1.0 { n } else { 1.0 };
            for (o, a) in dst.iter_mut().zip(acc) {
                *o = if SUB > 1 { a / n } else { a } as u8;
            }
            if let Some(a) = dst.get_mut(3) {
                *a = if outside { 0 } else { 255 };
            }
        }
    }
}

/// Everything the analysis found about one card.
pub struct Card {
    /// Corners in image pixels, the card's own top-left first, clockwise.
    pub corners: [Pt; 4],
    /// mm → image.
    pub hm: Homography,
    /// The face.
    pub side: Side,
    /// True when the face is certain (strong, consistent evidence).
    pub side_sure: bool,
    /// How ID-like the print is (correlation with the best face, −1–1).
    pub layout_score: f64,
    /// Image pixels per card millimetre at the card's narrowest end.
    pub ppm: f64,
    /// The card rectified at 3 px/mm, oriented.
    pub whole: Rect,
    /// Corners (indices into `corners`) outside the frame.
    pub outside: Vec<usize>,
    /// Corners hidden (no edge support near them).
    pub hidden: Vec<usize>,
    /// The face evidence.
    pub faces: Faces,
    /// The outline's un-projected aspect ratio (long / short).
    pub aspect: f64,
    /// True when the outline was placed around the print ([`print`]), not
    /// found on edges: its corners are a few per cent off, so only its
    /// number is read (judge.rs), never its validity.
    pub placed: bool,
}

/// Finds and orients the card; `None` when no ID-1 quadrilateral is seen.
pub fn find(rgba: &[u8], w: usize, h: usize) -> Option<Card> {
    let (mut best, k, three) = first_pass(rgba, w, h);
    // A small card (a few dozen pixels on the working copy) has too few
    // votes: a second pass over four overlapping windows of 60 % of the
    // frame, each at the working size (1.7 × finer), when the first found
    // nothing like an ID card and the frame is finer than the copy.
    // (A winner under the profile's layoutMin is not taken either.)
    let taken = |b: &Option<(f64, Card)>| {
        b.as_ref()
            .is_some_and(|(_, c)| c.faces.id_like && c.layout_score >= LAYOUT_MIN)
    };
    let found = taken(&best);
    let own = best
        .as_ref()
        .is_some_and(|(_, c)| photo_object(c, w.max(h)));
    // A three-sided outline (its fourth side placed) does not stop the
    // windows: four sides seen in a window's finer copy beat it (s7 #385:
    // 9.5 % off and cut by the search, 5.3 % by a window).
    if ((!found && !own) || three) && k >= 2 {
        // Four windows are four more chances for a passport's photo and
        // text block to pass as a card: stronger evidence here.
        if let Some((m, c)) = window_pass(rgba, w, h) {
            if strong(&c.faces) {
                best = Some((m, c));
            }
        }
    }
    // Neither pass took a card: in a washed-out frame, the card by its
    // print alone (an overexposed photo has no edge at the card's border).
    if !taken(&best) {
        if let Some(c) = print::place(rgba, w, h) {
            best = Some((0.0, c));
        }
    }
    best.map(|(_, mut c)| {
        refine::polish(rgba, w, h, &mut c);
        c
    })
}

/// True when the whole frame's winner, though not taken, tells the photo
/// is of it, so the window pass (a third of the detection's time where it
/// runs) would find nothing: it spans [`SIZE_SEEN`] of the frame, or
/// [`SIZE_OWN`] with a head ([`HEAD_SEEN`]: a card's or a passport's
/// portrait) or a red patch in the emblem's corner (an emblem side or a
/// bank card's mark). The first winners of the cards the windows found on
/// seeds 2, 7, 8 (27): head ≤ 0.32, no red, ≤ 0.62 of the frame; the
/// windows' cards ≤ 0.46 of it. A smaller winner with a head can be a
/// small card's rough outline that a window's finer copy finds better
/// (s2 #238, s7 #170 with more quads tried).
#[inline(always)]
pub fn photo_object(c: &Card, long: usize) -> bool {
    let size = c.ppm * layout::CARD.0 / long.max(1) as f64;
    size >= SIZE_SEEN
        || (size >= SIZE_OWN && (c.faces.photo >= HEAD_SEEN || c.faces.red >= RED_SEEN))
}

/// See [`photo_object`].
const HEAD_SEEN: f64 = 0.35;
/// See [`photo_object`].
const RED_SEEN: f64 = 0.01;
/// See [`photo_object`].
const SIZE_SEEN: f64 = 0.7;
/// See [`photo_object`].
const SIZE_OWN: f64 = 0.5;

/// The whole frame's best outline by its print, built at 3 px/mm, with its
/// merit, the working copy's downscale factor, and whether the outline is
/// the three-sided search's ([`detect::find_three`]). (`find`'s two passes
/// are functions for the diagnostics example; inlined into `find`, as they
/// were written before: called, the vision module was 92 B gz larger.)
#[inline(always)]
pub fn first_pass(rgba: &[u8], w: usize, h: usize) -> (Option<(f64, Card)>, usize, bool) {
    let wk = detect::work(rgba, w, h);
    let mut best = None;
    let mut three = false;
    if let Some((m, q, t)) = candidates(rgba, w, h, &wk, CANDIDATES, f64::MIN) {
        best = build(rgba, w, h, &wk, &q, 3.0).map(|c| (m, c));
        three = t;
    }
    (best, wk.k, three)
}

/// The best outline of four overlapping windows of 60 % of the frame (each
/// at the working size), built at 3 px/mm, with its merit.
#[inline(always)]
pub fn window_pass(rgba: &[u8], w: usize, h: usize) -> Option<(f64, Card)> {
    let (ww, wh) = (w * 3 / 5, h * 3 / 5);
    // The best outline of the windows so far and its window's copy:
    // only the last winner is built at 3 px/mm (each window's winner
    // was: 0.08 G of 8.78 G instructions on s2_30).
    let mut small: Option<(f64, detect::Quad, detect::Work)> = None;
    for (x0, y0) in [(0, 0), (w - ww, 0), (0, h - wh), (w - ww, h - wh)] {
        let wk = detect::work_in(rgba, w, (x0, y0, ww, wh));
        // Only an ID-like outline (merit ≥ 1) can pass `strong`: without
        // one, no 3-px/mm build (26 M instructions per photo where the
        // windows run).
        let floor = small.as_ref().map_or(1.0, |(m, _, _)| *m);
        if let Some((m, q, _)) = candidates(rgba, w, h, &wk, WINDOW_CANDIDATES, floor) {
            small = Some((m, q, wk));
        }
    }
    let (m, q, wk) = small?;
    build(rgba, w, h, &wk, &q, 3.0).map(|c| (m, c))
}

/// The evidence the second pass asks for: a known face and, on the
/// portrait side, layout ≥ 0.32 with a clear head (≥ 0.5) or a head and a
/// periodic number line (small cards: head 0.27–0.41, digits 0.37–0.57;
/// a passport's block: layout 0.29, head 0.27, digits 0.35), on the emblem
/// side red ≥ 0.3 (small cards found there: portrait 0.33–0.43 / 0.61–0.83,
/// emblem red ≥ 0.47; passport blocks 0.23–0.31 / 0.23–0.85, a bank card's
/// mark 0.2; seeds 2 and 12).
#[cfg_attr(vision_only, inline(never))]
pub fn strong(f: &Faces) -> bool {
    f.id_like
        && match f.side {
            Side::Portrait => {
                f.score >= 0.32
                    && (f.photo >= 0.5 || f.photo >= PHOTO_MIN && f.digits >= DIGITS_SURE)
            }
            Side::Emblem => f.red >= 0.3,
            Side::Unknown => false,
        }
}

/// The detector's best few outlines on `wk`; the one whose print is most
/// like an ID card's wins (a sheet of paper or a phone can have the better
/// outline), the outline's own rank breaking ties. Returns the winner,
/// its merit when that is above `floor`, and whether it is a three-sided
/// outline.
/// The candidates are judged on a coarse copy ([`COARSE`] px/mm, one
/// sample per pixel: ~16× cheaper than the 3-px/mm copy); the caller
/// builds the winner again at 3 px/mm.
fn candidates(
    rgba: &[u8],
    w: usize,
    h: usize,
    wk: &detect::Work,
    k: usize,
    floor: f64,
) -> Option<(f64, detect::Quad, bool)> {
    let (mut quads, always, mut lines) = detect::find_kept(wk, k);
    let mut win: Option<(f64, usize)> = None;
    // The first three-sided outline's rank (none: past every rank).
    let mut threes = usize::MAX;
    for rank in 0.. {
        // When none passed, the three-sided outlines last (late ones; the
        // lines taken: asked once).
        if rank == quads.len()
            && floor == f64::MIN
            && win.map_or(true, |(m, _)| m < 1.0 + LAYOUT_MIN)
        {
            let three = detect::find_three(wk, &core::mem::take(&mut lines), &quads);
            threes = quads.len();
            quads.extend(three);
        }
        let Some(quad) = quads.get_mut(rank) else {
            break;
        };
        // A faint side's outline, and the late completed and faint ones
        // ([`detect::find_all`]), are only looked at when no other outline
        // already passes (two coarse builds per photo: 0.3 G of 8.6 G
        // instructions on s2_30). The late ones are refined only here.
        let late = rank >= always;
        // Not in the windows' pass (`floor` set): there they never rescued
        // a photo on the tuning seeds (s2/s7/s8/n12 identical without
        // them), and run in the slowest photos (misses, negatives).
        if late && floor > f64::MIN {
            break;
        }
        if (quad.faint || late) && win.is_some_and(|(m, _)| m >= 1.0 + LAYOUT_MIN) {
            break;
        }
        if late {
            refine::refine(wk, quad);
        }
        // (`None` too for an outline under MIN_SHARE of the frame.)
        let Some(mut card) = build(rgba, w, h, wk, quad, COARSE) else {
            continue;
        };
        // A late outline only rescues a photo: unless it passes, it does
        // not displace the winner (nor so change whether the windows run).
        if late && !(card.faces.id_like && card.layout_score >= LAYOUT_MIN) {
            continue;
        }
        // A completed outline makes a cut bank card or form ID-shaped too,
        // and a faint side lets a passport's blocks close into one: the
        // stronger evidence of the window pass. So is a late plain outline
        // (detect's LATE_PLAIN, ranked below the best): without it a
        // passport's blocks were taken (n12_passport #15; their portrait
        // sides score 0.23–0.31, the rescued cards 0.42–1.21).
        // (A head over a periodic number line is as sure: s2 #366, s7
        // #533, cut portrait sides whose other face's score was close.)
        let passes = |f: &Faces| {
            let cues = f.side == Side::Portrait && f.photo >= PHOTO_MIN && f.digits >= DIGITS_SURE;
            (f.sure || cues) && (strong(f) || (f.id_like && f.score >= 0.4))
        };
        // A cut card's sure portrait side with a head: the strong gate's
        // score (s8 #122 blurred, s7 #106: score 0.34–0.36, head
        // 0.35–0.37; the negatives' sure portrait cut outlines on seeds
        // 2, 7, 8, 12: head 0.21 at 0.37, else score ≤ 0.30).
        let f = &card.faces;
        let headed = quad.cut
            && f.sure
            && f.id_like
            && f.side == Side::Portrait
            && f.score >= CUT_SCORE
            && f.photo >= CUT_HEAD;
        if (quad.cut || quad.faint || late) && !headed && !passes(f) {
            // A completed outline judged just under it, its portrait side
            // sure: the completion can be a few mm off along the card, and
            // the print then lies shifted in the judged copy. Judged again
            // with the hidden side placed by the print (as the polish
            // places it after the choice).
            let near = quad.cut && f.sure && f.side == Side::Portrait && f.score >= PLACE_MIN;
            match near.then(|| placed(rgba, w, h, wk, quad, &card)).flatten() {
                Some((q, c)) if c.faces.side == Side::Portrait && passes(&c.faces) => {
                    *quad = q;
                    card = c;
                }
                _ => continue,
            }
        }
        let f = &card.faces;
        // A late faint outline only with a sure portrait side (head and
        // number line): an emblem side's red mark is a bank card's too
        // (n12_bank #60: red 0.39, score 0.56, sure).
        if quad.faint && late && !(f.sure && f.side == Side::Portrait) {
            continue;
        }
        let merit =
            card.layout_score + if card.faces.id_like { 1.0 } else { 0.0 } - 0.02 * rank as f64;
        if merit > floor && win.map_or(true, |(m, _)| merit > m) {
            win = Some((merit, rank));
        }
    }
    let (merit, rank) = win?;
    Some((merit, quads.get(rank)?.clone(), rank >= threes))
}

/// The least print score and head of a cut card's sure portrait side
/// taken under the cut gate ([`candidates`]).
const CUT_SCORE: f64 = 0.32;
/// See [`CUT_SCORE`].
const CUT_HEAD: f64 = 0.3;

/// The least print score of a cut card's portrait side judged again with
/// its hidden side placed by the print ([`placed`]).
const PLACE_MIN: f64 = 0.3;

/// A cut card's outline with its hidden side placed by the print
/// ([`refine::extent`]), and its card.
#[inline(never)]
pub fn placed(
    rgba: &[u8],
    w: usize,
    h: usize,
    wk: &detect::Work,
    quad: &detect::Quad,
    card: &Card,
) -> Option<(detect::Quad, Card)> {
    let i = refine::cut_side(&card.outside)?;
    let q = refine::extent(rgba, w, h, &card.corners, i, card.side, card.ppm)?;
    let mut nq = quad.clone();
    nq.q = q.map(|p| detect::to_work(wk, p));
    let c = build(rgba, w, h, wk, &nq, COARSE)?;
    Some((nq, c))
}

/// Pixels per millimetre of the copy the candidates are compared on.
const COARSE: f64 = 1.5;

/// The smallest card taken, as a share of the frame's long side: the
/// generator's smallest cards (`small`) span 11 % of a 1024-px frame;
/// smaller outlines are a form's boxes, a logo, a key.
const MIN_SHARE: f64 = 0.08;

/// The profile's `layoutMin` (data/profile/images.json): a main-pass winner
/// under it is rejected by `judge`, so the window pass still runs.
pub const LAYOUT_MIN: f64 = 0.2;

/// Outlines the detector proposes for [`find`] to judge by their print.
const CANDIDATES: usize = 5;
/// The same in each window of the second pass (a window's fifth outline
/// never won on the tuning seeds; 3 loses a small card on s8, #480).
const WINDOW_CANDIDATES: usize = 4;

/// The card for one outline: orientation, face, cut and hidden corners.
pub fn build(
    rgba: &[u8],
    w: usize,
    h: usize,
    wk: &detect::Work,
    quad: &detect::Quad,
    s: f64,
) -> Option<Card> {
    let q = quad.q;
    let mut c: [Pt; 4] = [(0.0, 0.0); 4];
    for (o, p) in c.iter_mut().zip(q) {
        *o = detect::to_original(wk, p);
    }
    // Long side first: q0→q1 along the card's 85.6 mm.
    // Which pair of sides is the long one: the mean side lengths decide
    // (under ≤ 25° of tilt 85.6 : 54 stays above 1.4 : 1).
    let across = geom::dist(c[0], c[1]) + geom::dist(c[3], c[2]);
    let down = geom::dist(c[1], c[2]) + geom::dist(c[0], c[3]);
    let mut order = [0usize, 1, 2, 3];
    if across < down {
        order = [1, 2, 3, 0];
    }
    let oriented = |o: [usize; 4]| -> [Pt; 4] { o.map(|k| geom::at(&c, k)) };
    let corners0 = oriented(order);
    let hm0 = Homography::from_rect(layout::CARD.0, layout::CARD.1, &corners0)?;
    let ppm = {
        let top = geom::dist(corners0[0], corners0[1]);
        let bottom = geom::dist(corners0[3], corners0[2]);
        top.min(bottom) / layout::CARD.0
    };
    // Too small to be the card (checked before rectifying: the candidates
    // are built ~7 times per photo).
    if ppm * layout::CARD.0 < MIN_SHARE * w.max(h) as f64 {
        return None;
    }
    // Hidden corners: neither side near the corner has edge support (a
    // finger or an object over it). Rounded corners end ~6 % in.
    let mut hidden_w = [false; 4];
    for (i, hid) in hidden_w.iter_mut().enumerate() {
        let (p, next, prev) = (geom::at(&q, i), geom::at(&q, i + 1), geom::at(&q, i + 3));
        // (Only whether each share is under 0.25 matters.)
        let under = |o: Pt| detect::support_over(wk, p, o, 0.07, 0.2, 0.25) < 0.25;
        *hid = under(next) && under(prev);
    }
    // Face and orientation from a rectified copy of the whole card (3
    // px/mm; coarser, one sample per pixel, when comparing candidates).
    let mut whole = rectify(
        rgba,
        w,
        h,
        &hm0,
        (0.0, 0.0, layout::CARD.0, layout::CARD.1),
        s,
        if s < 3.0 { s } else { ppm },
    );
    let faces = classify(&whole);
    if faces.turned {
        // Turned by 180°: the same pixels in reverse order.
        let mut px: Vec<u8> = Vec::with_capacity(whole.px.len());
        for p in whole.px.rchunks_exact(4) {
            px.extend_from_slice(p);
        }
        whole.px = px;
    }
    let turned = faces.turned;
    let order = if turned {
        [order[2], order[3], order[0], order[1]]
    } else {
        order
    };
    let corners = oriented(order);
    let hm = Homography::from_rect(layout::CARD.0, layout::CARD.1, &corners)?;
    let mut outside = Vec::new();
    let mut hidden = Vec::new();
    for (i, &k) in order.iter().enumerate() {
        let p = geom::at(&c, k);
        // On the frame's edge counts as cut: a side found on the border
        // stands in for one the frame cut off.
        let edge = 1.5 * wk.k as f64;
        if p.0 < edge || p.1 < edge || p.0 > w as f64 - 1.0 - edge || p.1 > h as f64 - 1.0 - edge {
            outside.push(i);
        } else if hidden_w.get(k).copied().unwrap_or(false) {
            hidden.push(i);
        }
    }
    Some(Card {
        whole,
        corners,
        hm,
        side: faces.side,
        // An outline with a side from the extra peaks (ruled or printed
        // paper beside the card) can be the paper's lines: its face is
        // never certain, so a wrong side is a warning, not an error. A
        // portrait side is certain only with its number line as well as
        // its head: a part of an emblem side (a cropped card's print
        // block) can show a head-like blot over text rows (s8: digits
        // 0.07, head 0.44), where the true portrait sides taken for
        // wrong-side errors on seeds 2, 7, 8 show digits ≥ 0.24 but one
        // (0.03: a warning now).
        side_sure: faces.sure
            && !quad.extra
            && (faces.side != Side::Portrait || faces.digits >= BOTH_DIGITS),
        layout_score: faces.score,
        ppm,
        outside,
        hidden,
        faces,
        aspect: quad.aspect,
        placed: false,
    })
}

/// The face decision.
#[derive(Clone, Copy)]
pub struct Faces {
    /// The face.
    pub side: Side,
    /// Certain.
    pub sure: bool,
    /// Best layout correlation.
    pub score: f64,
    /// True when the card lies upside down relative to the first guess.
    pub turned: bool,
    /// Mean ink share of the cells where the chosen face has no print
    /// (its light security background), 0–1.
    pub bg_ink: f64,
    /// Portrait evidence: the hair's ink share minus the photo backdrop's
    /// (in the portrait side's orientation), −1–1.
    pub photo: f64,
    /// Emblem evidence: red concentrated in the emblem's zone (0 when not).
    pub red: f64,
    /// Share of the card's pixels within 15 % of its paper level.
    pub paper_share: f64,
    /// Portrait evidence: how periodic the number line is at the
    /// 18 characters' pitch (0–1; [`digits`]), in the portrait side's
    /// orientation.
    pub digits: f64,
    /// True when the face-specific evidence is there: the photo's dark
    /// head on the portrait side, the red emblem (or, in a black-and-white
    /// photo, a strong emblem-side layout) on the emblem side. A bank card
    /// or a passport page has the outline and text rows but not these.
    pub id_like: bool,
}

/// The hair's ink share over the backdrop's from which the portrait side's
/// photo counts as present (generated cards: ≥ 0.37 in 98 % of portrait
/// sides, forms and passports ≤ 0.1; seed 2).
const PHOTO_MIN: f64 = 0.2;
/// Red in the emblem's zone from which the emblem counts as present (the
/// printed emblem 0.29–0.39; a bank card's UnionPay mark turned into that
/// corner 0.10–0.15; seed 2).
const RED_MIN: f64 = 0.2;
/// The most ink the light security background may hold where the face has
/// no print (ID cards on their outline ≤ 0.12, a dark bank card whose
/// gradient reads as ink 0.38–0.55; seed 2).
const BG_INK_MAX: f64 = 0.2;
/// Weight of the head evidence (hair over backdrop, 0.37–0.8 on portrait
/// sides) in the portrait side's layout score.
const HEAD_WEIGHT: f64 = 0.3;
/// Without red (a black-and-white photo), the emblem side's layout
/// correlation from which it still counts (emblem sides 0.42–0.65, bank
/// cards ≤ 0.25; seed 2).
const EMBLEM_CORR_MIN: f64 = 0.35;

/// The least print correlation (without red) of an emblem side shown by
/// its red ([`RED_MIN`]), unless its background ink is ≥ [`RED_BLUR`]:
/// emblem sides found on seeds 2, 7, 8, 9 read ≥ 0.117 (s9 #203, 6 % off;
/// else ≥ 0.149) with background ink ≤ 0.12, blurred ones 0.05–0.17 with
/// ink 0.41–0.60; a bank card's mark turned into the emblem's corner reads
/// as the emblem with print ≤ 0.076 and ink ≤ 0.21 (s9 #548: red 0.43;
/// n12 #77: red 0.20, print 0.011).
const RED_PRINT: f64 = 0.1;
/// See [`RED_PRINT`].
const RED_BLUR: f64 = 0.3;
/// Red in the emblem's zone that, with the emblem side's print correlation
/// ≥ [`PALE_CORR_MIN`], still shows the emblem (glared or dark emblem
/// sides: red 0.13–0.18, print 0.46–0.54; bank cards' marks 0.10–0.16 with
/// print ≤ 0.39; seeds 2, 7, 8, 12).
const RED_PALE: f64 = 0.1;
/// See [`RED_PALE`].
const PALE_CORR_MIN: f64 = 0.45;
/// Red in the emblem's zone from which the light-background test is
/// waived (blurred emblem sides 0.48–0.56 with background ink 0.32–0.61;
/// bank cards' marks ≤ 0.15; seed 2).
const RED_SURE: f64 = 0.4;
/// The most background ink the waivers ([`RED_SURE`], [`HEAD_SURE`])
/// accept (blurred emblem sides ≤ 0.61; a bank card with a red mark in
/// the emblem's corner and a dark print all over: 0.86; seeds 2, 12).
const BG_INK_WAIVED: f64 = 0.7;
/// A clear head with a periodic number line waives the light-background
/// test as red does (portrait sides with ink on their background: head
/// 0.57–0.78, digits 0.25–0.50, seeds 2, 7; the negatives' best candidates
/// with a head ≥ 0.5: digits ≤ 0.05, seed 12; one form at digits 0.45
/// without a head).
const HEAD_SURE: f64 = 0.5;
/// See [`HEAD_SURE`].
const DIGITS_SURE: f64 = 0.25;
/// The number line's periodicity with which a clear head ([`HEAD_SURE`])
/// waives the light-background test: under [`DIGITS_SURE`] because the
/// 3-px/mm copy reads the line up to 0.05 under the coarse one on glared
/// cards (s7 #263: 0.25 coarse, 0.24 fine; s2 #243: 0.24 → 0.19). The
/// negatives' outlines with a head ≥ 0.45 and background ink over
/// [`BG_INK_MAX`]: digits ≤ 0.13 (every outline proposed, seeds 2, 7, 8,
/// 12: 6,380).
const HEAD_SURE_DIGITS: f64 = 0.2;
/// A clearly periodic number line waives the light-background test with
/// any head ([`PHOTO_MIN`]): the cards found with background ink over
/// [`BG_INK_MAX`] read digits 0.33–0.60 (heads 0.51–0.77), s2 #544 0.51
/// with a head of 0.36; the negatives' outlines with a head and that ink:
/// digits ≤ 0.23 (≤ 0.44 without a head: a form's rows).
const LINE_SURE: f64 = 0.4;
/// Number-line periodicity ([`digits`]) from which it adds to the portrait
/// side's layout score, and its weight (portrait sides found: median 0.59,
/// 10th percentile 0.34; the best candidates of passports, forms and bank
/// cards ≤ 0.18 but one form 0.45 and one passport 0.29; seeds 2, 12).
const DIGITS_FROM: f64 = 0.2;
/// See [`DIGITS_FROM`].
const DIGITS_WEIGHT: f64 = 0.5;
/// A head this clear with digits ≥ [`DIGITS_FROM`] adds [`BOTH_BONUS`] to
/// the portrait side's layout score (blurred and glared portrait sides
/// under layoutMin: head 0.67–0.82, digits 0.24–0.34; the negatives'
/// ID-like candidates: head ≤ 0.34, digits ≤ 0.13; seeds 2, 12).
const HEAD_CLEAR: f64 = 0.6;
/// See [`HEAD_CLEAR`].
const BOTH_BONUS: f64 = 0.1;
/// See [`HEAD_CLEAR`] (the 3-px/mm copy reads ~0.05 under the coarse one
/// on glared cards: s2 #243 0.24 → 0.19).
const BOTH_DIGITS: f64 = 0.15;
/// The least number-line periodicity of a portrait side (portrait sides
/// found on seed 2: ≥ 0.10; a passport block with head 0.52 and layout
/// 0.22: 0.03), unless the print's correlation is ≥ [`DIGITS_WAIVED`] and
/// most of the line lies outside the photo ([`digits`]): a card cut
/// through its number line (s7 #64, #106: digits 0, print 0.32–0.38). A
/// line in the photo and not periodic is not waived: a passport page's
/// block (s9 #756: head 0.70, print 0.38, digits 0.04) or a landscape's
/// frame-sized outline (s9 #536: 0.54, 0.40, 0.06; 9 % outside).
const DIGITS_FLOOR: f64 = 0.07;
/// See [`DIGITS_FLOOR`].
const DIGITS_WAIVED: f64 = 0.3;

/// Share of blown pixels in the hair's zone from which glare hides the
/// head: the number line's periodicity stands in for it (glared portrait
/// sides: 0.16–0.22 with digits 0.62–0.65, seeds 7, 8; at 0.3 they were
/// not found).
const HAIR_BLOWN: f64 = 0.15;

/// A portrait side without a head ([`PHOTO_MIN`]) still counts with print
/// ≥ this and the number line ≥ [`HEADLESS_DIGITS`] (s2 #155: head 0.17,
/// print 0.43, digits 0.44; the negatives' headless portrait outlines with
/// print ≥ 0.3 on seeds 2, 7, 8, 12: digits ≤ 0.21; with digits ≥ 0.25:
/// print ≤ 0.19).
const HEADLESS_PRINT: f64 = 0.3;
/// See [`HEADLESS_PRINT`].
const HEADLESS_DIGITS: f64 = 0.35;

/// The paper level's 90th percentile over its 80th from which glare has
/// lifted it ([`classify`]).
const GLARE_LIFT: f32 = 1.2;
/// See [`GLARE_LIFT`]: only a dark card's paper (its 80th percentile
/// under this luma; dark photos' cards 35–60, the others' 170–225, seed 2).
const DARK_PAPER: f32 = 100.0;

/// Cell size (mm) of the activity map.
const CELL: f64 = 2.0;

/// Tells the face and whether it is turned by 180°: the print activity
/// (mean luma gradient) per 2-mm cell is correlated with each face's zones
/// in both orientations; red print in the emblem's zone adds evidence for
/// the emblem side.
pub fn classify(r: &Rect) -> Faces {
    let cw = (layout::CARD.0 / CELL) as usize;
    let ch = (layout::CARD.1 / CELL) as usize;
    let mut act = vec![0f64; cw * ch];
    let mut cnt = vec![0f64; cw * ch];
    let mut red = vec![0f64; cw * ch];
    let mut blown = vec![0f64; cw * ch];
    let mut coloured = 0u32;
    // Paper level: the 90th percentile of the card's luma; ink is darker
    // than 62 % of it (text, hair, emblem; not the light security print).
    let mut hist = [0u32; 256];
    // Row by row, pixel by pixel ([`Rect::luma`]'s value and its `None`s:
    // past the buffer, alpha 0), no index arithmetic per pixel.
    let rows = || r.px.chunks_exact(4 * r.w.max(1)).take(r.h);
    for row in rows() {
        for p in row.chunks_exact(4) {
            if let Some(l) = px_luma(p) {
                // 0 ≤ l ≤ 255 (weights summing to 256, over 256): no
                // max/min (each a call to libm's fmaxf/fminf in wasm).
                if let Some(c) = hist.get_mut(l as usize) {
                    *c += 1;
                }
            }
        }
    }
    let total: u32 = hist.iter().sum();
    let (mut acc, mut paper, mut darkest, mut p80) = (0u32, 255f32, -1f32, -1f32);
    for (i, c) in hist.iter().enumerate() {
        acc += c;
        if darkest < 0.0 && acc * 50 >= total {
            darkest = i as f32;
        }
        if p80 < 0.0 && acc * 10 >= total * 8 {
            p80 = i as f32;
        }
        if acc * 10 >= total * 9 {
            paper = i as f32;
            break;
        }
    }
    // Glare over more than a tenth of a dark card lifts the 90th
    // percentile off its paper: the 80th then (cards found: p90/p80 ≤ 1.18;
    // glared dark cards 1.24–1.62, their whole card read as ink; a cut
    // card's bright background 1.22: light paper keeps the 90th).
    if p80 < DARK_PAPER && paper > GLARE_LIFT * p80 {
        paper = p80;
    }
    // Ink: 38 % of the way from the paper down to the darkest print (the
    // 2nd percentile), and never above 62 % of the paper... unless the
    // photo is washed out, where the print is grey.
    let ink_below = (0.62 * paper).max(paper - 0.38 * (paper - darkest.max(0.0)));
    // Red print is brighter than 90 (a red shirt in the photo is darker),
    // or than half the paper in a dark photo.
    let red_min = (0.5 * paper).min(90.0);
    // The same tests in integers, per pixel: `paper` is a whole number (a
    // histogram bin, or 255), so 40 × paper is exact in f32 as in u32, and
    // for a whole `pr`, `pr > red_min` is `pr > ⌊red_min⌋` (red_min ≥ 0).
    let (paper40, red_floor) = (40 * paper as u32, red_min as i32);
    // A pixel's cell column (row), the same for every row (column): once
    // per column and per row, not per pixel (two divisions each).
    let cell = |x: usize| ((x as f64 / r.s) / CELL) as usize;
    let mut cxs = Vec::with_capacity(r.w);
    for x in 0..r.w {
        cxs.push(cell(x));
    }
    for (y, row) in rows().enumerate() {
        let cy = cell(y);
        for (p, &cx) in row.chunks_exact(4).zip(&cxs) {
            let Some(l) = px_luma(p) else { continue };
            if cx >= cw || cy >= ch {
                continue;
            }
            let i = cy * cw + cx;
            let (is_red, is_blown) = match *p {
                [pr, pg, pb, _] => {
                    let (lo, hi) = (pr.min(pg).min(pb), pr.max(pg).max(pb));
                    // Relative to the paper: a dark photo keeps its hues.
                    if u32::from(hi - lo) * 230 > paper40 {
                        coloured += 1;
                    }
                    let (pr, m) = (i32::from(pr), i32::from(pg.max(pb)));
                    // Red or, washed out, pink; not skin (g well above b).
                    // (The hue first: most pixels fail it.)
                    let red = (pr - m) * 100 > 20 * pr
                        && pr > red_floor
                        && 2 * (i32::from(pg) - i32::from(pb)).abs() < pr - m;
                    (red, lo >= 245)
                }
                _ => (false, false),
            };
            if is_blown {
                if let Some(b) = blown.get_mut(cy * cw + cx) {
                    *b += 1.0;
                }
            }
            if let (Some(a), Some(c), Some(rd)) = (act.get_mut(i), cnt.get_mut(i), red.get_mut(i)) {
                if l < ink_below {
                    *a += 1.0;
                }
                *c += 1.0;
                if is_red {
                    *rd += 1.0;
                }
            }
        }
    }
    for (((a, c), rd), bl) in act
        .iter_mut()
        .zip(&cnt)
        .zip(red.iter_mut())
        .zip(blown.iter_mut())
    {
        if *c > 0.0 {
            *a /= c;
            *rd /= c;
            *bl /= c;
        }
    }
    let corr = |list: &[layout::HalfMm], turn: bool| -> f64 {
        // The zones in this orientation, turned once, not once per cell.
        let turned = layout::zones(list, turn);
        let zones = turned.get(..list.len()).unwrap_or(&[]);
        let (mut sx, mut sy, mut sxx, mut syy, mut sxy, mut n) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        for cy in 0..ch {
            for cx in 0..cw {
                let i = cy * cw + cx;
                if cnt.get(i).copied().unwrap_or(0.0) < 1.0 {
                    continue;
                }
                let (mx, my) = ((cx as f64 + 0.5) * CELL, (cy as f64 + 0.5) * CELL);
                let t = zones.iter().any(|z| layout::inside(z, mx, my));
                let x = act.get(i).copied().unwrap_or(0.0);
                let y = if t { 1.0 } else { 0.0 };
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
                n += 1.0;
            }
        }
        if n < 10.0 {
            return 0.0;
        }
        let vx = sxx / n - (sx / n) * (sx / n);
        let vy = syy / n - (sy / n) * (sy / n);
        if vx <= 1e-9 || vy <= 1e-9 {
            return 0.0;
        }
        (sxy / n - sx * sy / (n * n)) / crate::rt::sqrt(vx * vy)
    };
    // Share of red cells' pixels inside the emblem zone versus outside.
    let red_in = |turn: bool| -> f64 {
        let z = if turn {
            layout::turned(&layout::E_EMBLEM)
        } else {
            layout::E_EMBLEM
        };
        let (mut inside, mut ni, mut out, mut no) = (0f64, 0f64, 0f64, 0f64);
        for cy in 0..ch {
            for cx in 0..cw {
                let i = cy * cw + cx;
                let v = red.get(i).copied().unwrap_or(0.0);
                if layout::inside(&z, (cx as f64 + 0.5) * CELL, (cy as f64 + 0.5) * CELL) {
                    inside += v;
                    ni += 1.0;
                } else {
                    out += v;
                    no += 1.0;
                }
            }
        }
        // Only a concentrated patch counts (the emblem is the one red
        // print of its face; red clothes in a photo are not in one spot).
        if inside < 2.0 * out {
            return 0.0;
        }
        inside / ni.max(1.0) - out / no.max(1.0)
    };
    let mean_of = |map: &[f64], turn: bool, keep: &dyn Fn(f64, f64) -> bool| -> f64 {
        let (mut s, mut n) = (0f64, 0f64);
        for cy in 0..ch {
            for cx in 0..cw {
                let i = cy * cw + cx;
                if cnt.get(i).copied().unwrap_or(0.0) < 1.0 {
                    continue;
                }
                let (mut mx, mut my) = ((cx as f64 + 0.5) * CELL, (cy as f64 + 0.5) * CELL);
                if turn {
                    mx = layout::CARD.0 - mx;
                    my = layout::CARD.1 - my;
                }
                if keep(mx, my) {
                    s += map.get(i).copied().unwrap_or(0.0);
                    n += 1.0;
                }
            }
        }
        if n > 0.0 {
            s / n
        } else {
            0.0
        }
    };
    // The head in the photo is the portrait side's own evidence (as the
    // red emblem is the other side's): it counts into the layout score,
    // which blur and black-and-white copies weaken (text rows smear).
    let in_hair = |x: f64, y: f64| layout::inside(&layout::P_HAIR, x, y);
    let in_backdrop = |x: f64, y: f64| layout::P_BACKDROP.iter().any(|z| layout::inside(z, x, y));
    let head = |turn: bool| mean_of(&act, turn, &in_hair) - mean_of(&act, turn, &in_backdrop);
    // Both orientations in one loop: one copy of each closure in the vision
    // module, not one per call (the closures are pure: same values).
    let mut by_turn = [(0.0, 0.0, 0.0, 0.0); 2];
    for (o, turn) in by_turn.iter_mut().zip([false, true]) {
        *o = (
            head(turn),
            corr(&layout::PORTRAIT_ZONES, turn),
            red_in(turn),
            corr(&layout::EMBLEM_ZONES, turn),
        );
    }
    let [(h0, c0, r0, ce0), (h1, c1, r1, ce1)] = by_turn;
    let p0 = c0 + HEAD_WEIGHT * h0.max(0.0);
    let p1 = c1 + HEAD_WEIGHT * h1.max(0.0);
    let e0 = ce0 + r0.max(0.0);
    let e1 = ce1 + r1.max(0.0);
    let (p, pt) = if p1 > p0 { (p1, true) } else { (p0, false) };
    let (e, et) = if e1 > e0 { (e1, true) } else { (e0, false) };
    // A glare spot over the photo hides the head: no evidence either way,
    // and the number line's regular cells count instead.
    let hair_blown = mean_of(&blown, pt, &in_hair) > HAIR_BLOWN;
    let (digits, unseen) = digits(r, pt);
    let glared = if hair_blown {
        DIGITS_WEIGHT * (digits - DIGITS_FROM).max(0.0)
    } else {
        0.0
    };
    let p = p + glared;
    let (side, score, turned, other) = if p >= e {
        (Side::Portrait, p, pt, e)
    } else {
        (Side::Emblem, e, et, p)
    };
    // Mean ink share over the cells whose centre `keep` accepts (mm, in
    // the orientation `turn`).
    let list: &[layout::HalfMm] = if side == Side::Emblem {
        &layout::EMBLEM_ZONES
    } else {
        &layout::PORTRAIT_ZONES
    };
    let mm = layout::zones(list, false);
    let zones = mm.get(..list.len()).unwrap_or(&[]);
    let bg_ink = mean_of(&act, turned, &|x, y| {
        x > 3.0
            && y > 3.0
            && x < layout::CARD.0 - 3.0
            && y < layout::CARD.1 - 3.0
            && !zones
                .iter()
                .any(|z| layout::inside(&(z.0 - 1.5, z.1 - 1.5, z.2 + 1.5, z.3 + 1.5), x, y))
    });
    let near_paper = hist
        .iter()
        .enumerate()
        .filter(|(i, _)| *i as f32 >= 0.85 * paper)
        .map(|(_, c)| *c)
        .sum::<u32>();
    let paper_share = f64::from(near_paper) / f64::from(total.max(1));
    let red_strong = r0.max(r1) > 0.12;
    // The head in the chosen orientation, as `head` measured it.
    let photo = if pt { h1 } else { h0 };
    let red = if et { r1 } else { r0 };
    // A passport's photo block has a head but no number line under it.
    let print_c = if pt { c1 } else { c0 };
    // Without a head (a light-haired or pale portrait), the print and a
    // clearly periodic number line.
    let headless = print_c >= HEADLESS_PRINT && digits >= HEADLESS_DIGITS;
    let portrait_ok = (photo >= PHOTO_MIN || ((hair_blown || headless) && p - e >= 0.08))
        && (digits >= DIGITS_FLOOR || (print_c >= DIGITS_WAIVED && unseen));
    // A photo without colour cannot show the emblem's red.
    let colourless = coloured * 100 < total;
    // Glare or a dark photo pales the red: some red with a strong
    // emblem-side print.
    // Red with some print where the emblem side has it, or with ink
    // spread by blur (a bank card's mark turned into the emblem's corner
    // has neither).
    let emblem_ok = (red >= RED_MIN && (e - red >= RED_PRINT || bg_ink >= RED_BLUR))
        || (colourless && e - red.max(0.0) >= EMBLEM_CORR_MIN)
        || (red >= RED_PALE && e - red >= PALE_CORR_MIN);
    let sure = score - other > 0.25 && (side == Side::Emblem) == red_strong;
    Faces {
        side: if score - other > 0.08 {
            side
        } else {
            Side::Unknown
        },
        sure,
        // Reported without the head's share: the layout threshold and the
        // candidates' ranking stay on the print's correlation (a passport
        // has a head too), plus the number line's periodicity.
        score: if side == Side::Portrait {
            // The number line's regular cells, which a passport's or a
            // form's text rows do not show there, count with a clear head.
            if photo >= PHOTO_MIN {
                // A clear head over a periodic number line: both of the
                // portrait side's own cues (blurred or glared cards whose
                // text rows smear: print 0.10–0.15).
                let both = if photo >= HEAD_CLEAR && digits >= BOTH_DIGITS {
                    BOTH_BONUS
                } else {
                    0.0
                };
                print_c + DIGITS_WEIGHT * (digits - DIGITS_FROM).max(0.0) + both
            } else {
                print_c + glared
            }
        } else {
            score
        },
        turned,
        bg_ink,
        photo,
        red,
        paper_share,
        digits,
        // A blurred emblem side spreads ink over its background; a bank
        // card has no concentrated red.
        id_like: (bg_ink <= BG_INK_MAX
            || (bg_ink <= BG_INK_WAIVED
                && (red >= RED_SURE
                    || (photo >= HEAD_SURE && digits >= HEAD_SURE_DIGITS)
                    || (photo >= PHOTO_MIN && digits >= LINE_SURE))))
            && if score - other <= 0.08 {
                portrait_ok || emblem_ok
            } else if side == Side::Portrait {
                portrait_ok
            } else {
                emblem_ok
            },
    }
}

/// How periodic the portrait side's number line is at the pitch of its 18
/// characters (50.5 mm / 18): the largest normalised Fourier amplitude of
/// the line's column darkness over periods within ±4 % of the pitch (a
/// sinusoid 0.71, noise ~1/√columns). A passport's or a form's text rows
/// are not spaced at that pitch where the number lies. Also whether most
/// of the line's columns lie outside the photo (no pixel: not seen).
pub fn digits(r: &Rect, turn: bool) -> (f64, bool) {
    let (x0, x1, y0, y1) = (28.5, 79.0, 44.8, 48.4);
    let n = ((x1 - x0) * r.s) as usize;
    // A column's darkness (≥ 0), or −1 where no pixel of it is in the
    // photo: such columns are left out (as the line's mean), so a card cut
    // through its number line is judged by the part the photo holds.
    let mut col: Vec<f64> = Vec::with_capacity(n);
    let (mut total, mut seen) = (0f64, 0usize);
    for i in 0..n {
        let mx = x0 + (i as f64 + 0.5) / r.s;
        let (mut sum, mut cnt) = (0f64, 0f64);
        let mut my = y0;
        while my < y1 {
            let (u, v) = if turn {
                (layout::CARD.0 - mx, layout::CARD.1 - my)
            } else {
                (mx, my)
            };
            if let Some(l) = r.luma((u * r.s) as usize, (v * r.s) as usize) {
                sum += 255.0 - f64::from(l);
                cnt += 1.0;
            }
            my += 1.0 / r.s;
        }
        col.push(if cnt > 0.0 {
            total += sum / cnt;
            seen += 1;
            sum / cnt
        } else {
            -1.0
        });
    }
    let out = 2 * seen < n;
    let mean = total / (seen.max(1) as f64);
    let mut energy = 0f64;
    for d in col.iter_mut() {
        if *d < 0.0 {
            *d = mean;
        }
        energy += (*d - mean) * (*d - mean);
    }
    if seen < 20 || energy <= 1e-9 {
        return (0.0, out);
    }
    let pitch = (x1 - x0) / 18.0;
    let mut best = 0f64;
    for k in -2i32..=2 {
        let w = 2.0 * geom::PI / (pitch * (1.0 + 0.02 * f64::from(k)));
        let (mut re, mut im) = (0f64, 0f64);
        for (i, d) in col.iter().enumerate() {
            let x = (i as f64 + 0.5) / r.s;
            re += (d - mean) * geom::cos(w * x);
            im += (d - mean) * geom::sin(w * x);
        }
        best = best.max(crate::rt::sqrt(
            (re * re + im * im) / (seen as f64 * energy),
        ));
    }
    (best, out)
}

/// Writes `[[x,y],…]` for four points, one decimal.
#[cfg_attr(vision_only, inline(never))]
pub fn quad_json(q: &[Pt; 4]) -> Json {
    let r1 = |v: f64| crate::rt::round(v * 10.0) / 10.0;
    Json::Arr(
        q.iter()
            .map(|p| Json::Arr(vec![Json::Num(r1(p.0)), Json::Num(r1(p.1))]))
            .collect(),
    )
}

/// The quad of a card zone (mm) in image pixels.
pub fn zone_quad(hm: &Homography, z: Zone) -> Option<[Pt; 4]> {
    Some([
        hm.map(z.0, z.1)?,
        hm.map(z.2, z.1)?,
        hm.map(z.2, z.3)?,
        hm.map(z.0, z.3)?,
    ])
}

/// An `info` value holding JSON.
pub fn info_json(v: Json) -> InfoValue {
    InfoValue::Json(v)
}

pub mod judge;

/// Runs the card analysis for an ID slot: pushes findings into `out` and
/// `info.card` into `info`. Returns true when the card was found, so the
/// whole-frame quality findings are replaced by the card-level ones.
pub fn run(
    slot: &str,
    rgba: &[u8],
    w: usize,
    h: usize,
    images: &Json,
    info: &mut Vec<(&'static str, InfoValue)>,
    out: &mut Vec<Finding>,
) -> bool {
    judge::run(slot, rgba, w, h, images, info, out)
}

#[cfg(test)]
mod tests;
