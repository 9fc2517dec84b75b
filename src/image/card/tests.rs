//! Small generated cases: a schematic card (text rows as strokes, a photo
//! blob, the red emblem, characters drawn from the reader's own zoning
//! templates) projected under perspective onto a textured background. They
//! check detection, orientation, the findings and the reading pipeline end
//! to end; accuracy on realistic photos is measured by bench/card.mjs.

use super::geom::{self, Homography, Pt};
use super::ocr::glyphs;
use super::*;
use crate::api::check_image_pixels;

/// Darkness 0–1 of character `c` at (fx, fy) in its 0–1 cell.
fn glyph(c: u8, fx: f64, fy: f64) -> f64 {
    let Some((_, z)) = glyphs::GLYPHS.iter().find(|(g, _)| *g == c) else {
        return 0.0;
    };
    let zx = ((fx * glyphs::ZW as f64) as usize).min(glyphs::ZW - 1);
    let zy = ((fy * glyphs::ZH as f64) as usize).min(glyphs::ZH - 1);
    f64::from(z[zy * glyphs::ZW + zx]) / 255.0
}

/// Darkness of a monospaced line of `text` starting at x0 (mm), pitch p,
/// digit height 2.4 mm centred on y.
fn line(text: &str, x0: f64, y: f64, p: f64, u: f64, v: f64) -> f64 {
    let (top, hgt) = (y - 1.2, 2.4);
    if v < top || v >= top + hgt || u < x0 {
        return 0.0;
    }
    let i = ((u - x0) / p) as usize;
    let Some(&c) = text.as_bytes().get(i) else {
        return 0.0;
    };
    let cx = x0 + (i as f64 + 0.5) * p;
    let half = 0.375 * hgt;
    if (u - cx).abs() >= half {
        return 0.0;
    }
    let (fx, fy) = ((u - cx + half) / (2.0 * half), (v - top) / hgt);
    match c {
        b'.' => f64::from(u8::from(fy > 0.8 && (fx - 0.5).abs() < 0.2)),
        b'-' => f64::from(u8::from((fy - 0.5).abs() < 0.08 && (fx - 0.5).abs() < 0.35)),
        _ => glyph(c, fx, fy),
    }
}

/// The card's colour at (u, v) mm.
fn paint(side: Side, number: &str, validity: &str, u: f64, v: f64) -> [u8; 3] {
    let base = [236.0, 238.0, 230.0];
    let mut ink: f64 = 0.0;
    let mut colour = [25.0, 25.0, 30.0];
    let strokes = |z: &layout::Zone| {
        layout::inside(z, u, v) && (u * 1.7) as i64 % 3 != 0 && (v * 1.1) as i64 % 4 != 3
    };
    if side == Side::Portrait {
        for z in layout::PORTRAIT_ZONES.iter().take(4) {
            if strokes(&layout::zone(z)) {
                ink = 1.0;
            }
        }
        if strokes(&(5.5, 44.5, 25.0, 49.0)) {
            ink = 1.0;
        }
        let (dx, dy) = ((u - 68.0) / 7.0, (v - 17.0) / 9.0);
        if dx * dx + dy * dy < 1.0 || layout::inside(&(59.0, 29.0, 78.0, 38.0), u, v) {
            ink = 1.0;
        }
        ink = ink.max(line(number, 28.5, 46.6, 50.5 / 18.0, u, v));
    } else {
        let (dx, dy) = (u - 14.5, v - 14.8);
        if dx * dx + dy * dy < 8.5 * 8.5 && ((dx * 1.3) as i64 + (dy * 1.3) as i64) % 3 != 0 {
            ink = 1.0;
            colour = [205.0, 35.0, 40.0];
        }
        for z in layout::EMBLEM_ZONES.iter().skip(1).take(3) {
            if strokes(&layout::zone(z)) {
                ink = 1.0;
            }
        }
        if strokes(&(14.0, 46.0, 27.0, 50.0)) {
            ink = 1.0;
        }
        ink = ink.max(line(validity, 31.0, 48.0, 1.8, u, v));
    }
    let mut out = [0u8; 3];
    for ((o, b), c) in out.iter_mut().zip(base).zip(colour) {
        *o = (b * (1.0 - ink) + c * ink) as u8;
    }
    out
}

/// A `w × h` photo of a card whose own corners (TL, TR, BR, BL) are `q`.
fn photo(w: usize, h: usize, q: [Pt; 4], side: Side, number: &str, validity: &str) -> Vec<u8> {
    let hm = Homography::from_rect(85.6, 54.0, &q).unwrap();
    let inv = hm.inverse();
    let mut px = Vec::with_capacity(w * h * 4);
    let r = 3.18;
    for y in 0..h {
        for x in 0..w {
            // Background: a brown desk, lit from one side, with fine grain.
            let grain = ((x * 7 + y * 13) % 5) as f64 * 1.5 + x as f64 * 0.03;
            let mut c = [
                (110.0 + grain) as u8,
                (80.0 + grain) as u8,
                (60.0 + grain) as u8,
            ];
            if let Some((u, v)) = inv.map(x as f64, y as f64) {
                // Rounded corners (ISO/IEC 7810: 3.18 mm).
                let cu = u.clamp(r, 85.6 - r);
                let cv = v.clamp(r, 54.0 - r);
                let inside = (0.0..85.6).contains(&u)
                    && (0.0..54.0).contains(&v)
                    && (u - cu) * (u - cu) + (v - cv) * (v - cv) <= r * r;
                if inside {
                    c = paint(side, number, validity, u, v);
                }
            }
            px.extend_from_slice(&[c[0], c[1], c[2], 255]);
        }
    }
    px
}

/// A perspective view: the card's long side `long` px, turned by `deg`,
/// the far edge shortened by `tilt`, centred at `c`.
fn pose(long: f64, deg: f64, tilt: f64, c: Pt) -> [Pt; 4] {
    let (hw, hh) = (long / 2.0, long / 2.0 / 1.585);
    let pts = [
        (-hw * (1.0 - tilt), -hh),
        (hw * (1.0 - tilt), -hh),
        (hw, hh),
        (-hw, hh),
    ];
    let (s, co) = (geom::sin(deg.to_radians()), geom::cos(deg.to_radians()));
    let mut out = [(0.0, 0.0); 4];
    for (o, (x, y)) in out.iter_mut().zip(pts) {
        *o = (c.0 + x * co - y * s, c.1 + x * s + y * co);
    }
    out
}

const NUMBER: &str = "11010519491231002X";

fn run(slot: &str, px: &[u8], w: usize, h: usize) -> crate::json::Json {
    let out = check_image_pixels(
        slot,
        px,
        w as u32,
        h as u32,
        "{\"locale\":\"en\"}",
        "2026-12-01",
    );
    crate::json::parse(&out).unwrap()
}

fn codes(r: &crate::json::Json) -> Vec<String> {
    r.get("findings")
        .and_then(crate::json::Json::as_array)
        .unwrap()
        .iter()
        .map(|f| {
            f.get("code")
                .and_then(crate::json::Json::as_str)
                .unwrap()
                .to_string()
        })
        .collect()
}

fn corners(r: &crate::json::Json) -> Vec<Pt> {
    let c = r
        .get("info")
        .and_then(|i| i.get("card"))
        .and_then(|c| c.get("corners"))
        .unwrap();
    c.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let a = p.as_array().unwrap();
            (a[0].as_f64().unwrap(), a[1].as_f64().unwrap())
        })
        .collect()
}

fn card_str<'a>(r: &'a crate::json::Json, key: &str) -> Option<&'a str> {
    r.get("info")?.get("card")?.get(key)?.as_str()
}

#[test]
fn finds_orients_and_reads_a_portrait_side_at_any_rotation() {
    let (w, h) = (800, 600);
    for deg in [0.0, 8.0, 90.0, 180.0, 250.0] {
        let q = pose(520.0, deg, 0.08, (400.0, 300.0));
        let px = photo(w, h, q, Side::Portrait, NUMBER, "");
        let r = run("idCardFront", &px, w, h);
        let got = corners(&r);
        let diag = geom::dist(q[0], q[2]);
        for (a, b) in got.iter().zip(q) {
            assert!(
                geom::dist(*a, b) < 0.02 * diag,
                "rotation {deg}: {got:?} vs {q:?}"
            );
        }
        assert_eq!(card_str(&r, "side"), Some("portrait"), "rotation {deg}");
        assert_eq!(
            card_str(&r, "number"),
            Some(NUMBER),
            "rotation {deg}: {r:?}"
        );
        assert!(!codes(&r)
            .iter()
            .any(|c| c == "image.wrong_side" || c == "image.card_not_found"));
    }
}

#[test]
fn the_emblem_side_in_the_portrait_slot_is_the_wrong_side() {
    let (w, h) = (800, 600);
    let q = pose(500.0, -12.0, 0.1, (390.0, 310.0));
    let px = photo(w, h, q, Side::Emblem, "", "2016.06.08-2036.06.08");
    let r = run("idCardFront", &px, w, h);
    assert_eq!(
        card_str(&r, "side"),
        Some("emblem"),
        "{:?} vs {q:?}",
        corners(&r)
    );
    assert!(codes(&r).iter().any(|c| c == "image.wrong_side"), "{r:?}");
    let back = run("idCardBack", &px, w, h);
    assert!(!codes(&back).iter().any(|c| c == "image.wrong_side"));
    assert_eq!(card_str(&back, "validFrom"), Some("2016-06-08"), "{back:?}");
    assert_eq!(card_str(&back, "validUntil"), Some("2036-06-08"));
}

#[test]
fn a_corner_outside_the_frame_is_cropped() {
    let (w, h) = (800, 600);
    let q = pose(560.0, 5.0, 0.05, (330.0, 300.0));
    // Shift left so the card's left corners leave the frame.
    let q = q.map(|(x, y)| (x - 80.0, y));
    let px = photo(w, h, q, Side::Portrait, NUMBER, "");
    let r = run("idCardFront", &px, w, h);
    assert!(codes(&r).iter().any(|c| c == "image.card_cropped"), "{r:?}");
}

#[test]
fn a_small_card_and_a_tiny_image() {
    let (w, h) = (800, 600);
    let q = pose(220.0, 3.0, 0.0, (400.0, 300.0));
    let px = photo(w, h, q, Side::Portrait, NUMBER, "");
    let r = run("idCardFront", &px, w, h);
    assert!(codes(&r).iter().any(|c| c == "image.card_small"), "{r:?}");
    assert_eq!(card_str(&r, "number"), None);
    // The whole frame cannot hold a legible card: an error.
    let tiny = photo(
        200,
        150,
        pose(180.0, 0.0, 0.0, (100.0, 75.0)),
        Side::Portrait,
        NUMBER,
        "",
    );
    let r = run("idCardFront", &tiny, 200, 150);
    let f = r
        .get("findings")
        .and_then(crate::json::Json::as_array)
        .unwrap();
    assert!(f
        .iter()
        .any(|f| f.get("code").and_then(crate::json::Json::as_str)
            == Some("image.number_illegible")
            && f.get("severity").and_then(crate::json::Json::as_str) == Some("error")));
}

#[test]
fn no_card_is_a_warning_that_names_the_side() {
    let (w, h) = (640, 480);
    let mut px = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let v = (120 + (x * 7 + y * 13) % 40) as u8;
            px.extend_from_slice(&[v, v, v.saturating_sub(10), 255]);
        }
    }
    let r = run("idCardBack", &px, w, h);
    let f = r
        .get("findings")
        .and_then(crate::json::Json::as_array)
        .unwrap();
    let nf = f
        .iter()
        .find(|f| f.get("code").and_then(crate::json::Json::as_str) == Some("image.card_not_found"))
        .expect("card_not_found");
    assert_eq!(
        nf.get("severity").and_then(crate::json::Json::as_str),
        Some("warning")
    );
    assert!(nf
        .get("message")
        .and_then(crate::json::Json::as_str)
        .unwrap()
        .contains("emblem side"));
    assert!(r.get("info").and_then(|i| i.get("card")).is_none());
    // Other slots are not searched for a card.
    assert!(!codes(&run("businessLicense", &px, w, h))
        .iter()
        .any(|c| c == "image.card_not_found"));
}

#[test]
fn glare_over_the_number_has_a_region() {
    let (w, h) = (800, 600);
    let q = pose(540.0, 0.0, 0.0, (400.0, 300.0));
    let mut px = photo(w, h, q, Side::Portrait, NUMBER, "");
    let hm = Homography::from_rect(85.6, 54.0, &q).unwrap();
    let c = hm.map(50.0, 46.5).unwrap();
    for y in 0..h {
        for x in 0..w {
            if geom::dist((x as f64, y as f64), c) < 30.0 {
                let i = (y * w + x) * 4;
                px[i..i + 3].copy_from_slice(&[255, 255, 255]);
            }
        }
    }
    let r = run("idCardFront", &px, w, h);
    assert!(codes(&r).iter().any(|c| c == "image.glare"), "{r:?}");
    let region = r
        .get("info")
        .and_then(|i| i.get("card"))
        .and_then(|c| c.get("regions"))
        .and_then(|g| g.get("image.glare"));
    assert!(region
        .and_then(crate::json::Json::as_array)
        .is_some_and(|q| q.len() == 4));
    // The number is covered: nothing is reported as read.
    assert_eq!(card_str(&r, "number"), None);
}

#[test]
fn arbitrary_buffers_do_not_panic() {
    for (w, h) in [(1, 1), (3, 500), (500, 3), (64, 64), (301, 190)] {
        let px: Vec<u8> = (0..w * h * 4).map(|i| (i * 7919 % 251) as u8).collect();
        for slot in judge::ID_SLOTS {
            let _ = run(slot, &px, w, h);
        }
    }
}

/// Scores of a number read with margin 0.4 everywhere: `c` 0.9, the rest 0.5.
fn certain(number: &str) -> Vec<[f64; 11]> {
    number
        .bytes()
        .map(|b| {
            let mut s = [0.5f64; 11];
            let k = if b == b'X' { 10 } else { usize::from(b - b'0') };
            s[k] = 0.9;
            s
        })
        .collect()
}

#[test]
fn the_number_is_decided_by_its_checks_and_its_neighbours() {
    let truth = "350703196302170529";
    // Every character certain and the checks pass.
    let (t, c, rep) = ocr::decide_number(&certain(truth));
    assert_eq!((t.as_str(), c, rep), (truth, 1.0, false));
    // One position ambiguous (the truth 0.03 behind): a single substitution
    // never passes MOD 11-2, so the check character picks the truth (a
    // repair), reported with confidence 0.9.
    let mut sc = certain(truth);
    sc[9] = [0.5; 11];
    sc[9][3] = 0.8; // the truth
    sc[9][8] = 0.83;
    let (t, c, rep) = ocr::decide_number(&sc);
    assert_eq!((t.as_str(), rep), (truth, true));
    assert!(c >= 0.9);
    // A single wrong character with a clear margin is never reported.
    let mut sc = certain(truth);
    sc[4] = [0.5; 11];
    sc[4][9] = 0.9;
    let (_, c, _) = ocr::decide_number(&sc);
    assert!(c < 0.9);
    // Two ambiguous positions with another plausible number within reach:
    // not reported, though the best reading passes the checks.
    let mut sc = certain(truth);
    let other = (0..10u8)
        .flat_map(|a| (0..10u8).map(move |b| (a, b)))
        .find(|&(a, b)| {
            let mut t: Vec<u8> = truth.bytes().collect();
            t[14] = b'0' + a;
            t[15] = b'0' + b;
            (a, b) != (0, 5) && ocr::plausible(core::str::from_utf8(&t).unwrap_or(""))
        })
        .expect("a second plausible number");
    sc[14][usize::from(other.0)] = 0.86;
    sc[15][usize::from(other.1)] = 0.86;
    let (t, c, _) = ocr::decide_number(&sc);
    assert_eq!(t, truth);
    assert!(c < 0.9);
}

/// A whole card rectified at 3 px/mm: light paper with one text line of
/// `text` at pitch `p` from 28.5 mm along the number's baseline.
fn number_rect(text: &str, p: f64) -> Rect {
    let s = 3.0;
    let (w, h) = ((layout::CARD.0 * s) as usize, (layout::CARD.1 * s) as usize);
    let mut px = Vec::with_capacity(w * h * 4);
    for j in 0..h {
        for i in 0..w {
            let (u, v) = ((i as f64 + 0.5) / s, (j as f64 + 0.5) / s);
            let l = (235.0 - 210.0 * line(text, 28.5, 46.6, p, u, v)) as u8;
            px.extend_from_slice(&[l, l, l, 255]);
        }
    }
    Rect { w, h, s, px }
}

#[test]
fn the_number_line_is_periodic_at_its_pitch_only() {
    let number = "11010519491231002X";
    let pitch = 50.5 / 18.0;
    let on = digits(&number_rect(number, pitch), false).0;
    // The same line looked for upside down (where the card is blank),
    // and a line of the same characters at a passport's MRZ-like pitch.
    let turned = digits(&number_rect(number, pitch), true).0;
    let other = digits(&number_rect(number, 2.1), false).0;
    assert!(on > 0.3, "at the pitch: {on}");
    assert!(turned < 0.05, "blank: {turned}");
    assert!(other < 0.5 * on, "other pitch: {other} vs {on}");
}

/// A card cut through its number line: the line's columns outside the
/// photo (alpha 0) are unseen, which waives the periodicity the line
/// cannot show; a blank line in the photo is seen (and not periodic).
#[test]
fn a_number_line_outside_the_photo_is_unseen() {
    let mut r = number_rect("11010519491231002X", 50.5 / 18.0);
    let (on, out) = digits(&r, false);
    assert!(on > 0.3 && !out, "{on}");
    // The card's bottom third left the frame.
    let cut = r.w * 4 * (r.h * 2 / 3);
    for p in r.px.get_mut(cut..).unwrap_or(&mut []).chunks_exact_mut(4) {
        p[3] = 0;
    }
    let (off, out) = digits(&r, false);
    assert!(off < 0.05 && out, "{off}");
    // Upside down the line's place is the blank top: in the photo.
    let (blank, out) = digits(&r, true);
    assert!(blank < 0.05 && !out, "{blank}");
}

/// The window pass is skipped after a winner that is the photo's own
/// object: a portrait side over 0.6 of the frame (head and size); a card
/// of 0.3 of the frame, head or not, still lets the windows look for a
/// better outline of it.
#[test]
fn a_large_portrait_winner_is_the_photos_object_a_small_one_is_not() {
    let (w, h) = (800, 600);
    // The card found in a portrait-side photo with its long side `long` px.
    let found = |long: f64| {
        let px = photo(
            w,
            h,
            pose(long, 4.0, 0.0, (400.0, 300.0)),
            Side::Portrait,
            NUMBER,
            "",
        );
        let c = super::find(&px, w, h);
        assert!(
            c.as_ref().is_some_and(|c| c.faces.photo >= 0.35),
            "{long} px: no card with a head"
        );
        c.is_some_and(|c| super::photo_object(&c, w.max(h)))
    };
    assert!(found(500.0), "500 px: the photo's object");
    assert!(!found(240.0), "240 px: not the photo's object");
}

/// The former `rectify`, verbatim: the one whose pixels the sets were
/// measured with.
fn rectify_ref(
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
    // The sub-sample abscissae of a row, the same for every row.
    let mut us: Vec<f64> = Vec::with_capacity(ow * sub);
    for i in 0..ow {
        for sx in 0..sub {
            us.push(z.0 + (i as f64 + (sx as f64 + 0.5) / sub as f64) / s);
        }
    }
    let vs: Vec<f64> = (0..sub).map(|sy| (sy as f64 + 0.5) / sub as f64).collect();
    let m = &hm.0;
    let (xmax, ymax) = ((w - 1) as f64, (h - 1) as f64);
    let (xout, yout) = (w as f64 - 0.5, h as f64 - 0.5);
    let stride = w * 4;
    // The same arithmetic as `Homography::map` and the former per-sample
    // closures (the same pixels, bit for bit), without recomputing the
    // abscissae or growing the output per byte: rectify took 1.75 G of
    // 12.3 G instructions on s2_30.
    let pix = |i: usize| -> [f64; 3] {
        match rgba.get(i..i + 3) {
            Some(&[r, g, b]) => [f64::from(r), f64::from(g), f64::from(b)],
            _ => [0.0; 3],
        }
    };
    let mut k = 0;
    for j in 0..oh {
        for i in 0..ow {
            let (mut acc, mut n, mut outside) = ([0f64; 3], 0f64, false);
            for dv in &vs {
                let v = z.1 + (j as f64 + dv) / s;
                for u in us.iter().skip(i * sub).take(sub) {
                    let zz = m[6] * u + m[7] * v + m[8];
                    if zz.abs() < 1e-12 {
                        outside = true;
                        continue;
                    }
                    let x = (m[0] * u + m[1] * v + m[2]) / zz;
                    let y = (m[3] * u + m[4] * v + m[5]) / zz;
                    if x < -0.5 || y < -0.5 || x > xout || y > yout {
                        outside = true;
                    }
                    // max/min, not clamp: f64::clamp with a variable bound
                    // links float formatting (its assertion prints the
                    // bounds), ~11 KB of wasm.
                    let x = x.max(0.0).min(xmax);
                    let y = y.max(0.0).min(ymax);
                    // Through i32: one conversion instruction (x86 has none
                    // to u64; wasm's i32.trunc_sat), exact for 0 ≤ x < 2^31.
                    let (x0, y0) = (x as i32 as usize, y as i32 as usize);
                    let (fx, fy) = (x - x0 as f64, y - y0 as f64);
                    let i0 = y0 * stride + x0 * 4;
                    // The next column and row, or the same at the border.
                    let di = if x0 + 1 < w { 4 } else { 0 };
                    let dj = if y0 + 1 < h { stride } else { 0 };
                    let (pa, pb, pc, pd) = (pix(i0), pix(i0 + di), pix(i0 + dj), pix(i0 + dj + di));
                    for (o, (((a, b), c), d)) in
                        acc.iter_mut().zip(pa.iter().zip(pb).zip(pc).zip(pd))
                    {
                        *o +=
                            (a * (1.0 - fx) + b * fx) * (1.0 - fy) + (c * (1.0 - fx) + d * fx) * fy;
                    }
                    n += 1.0;
                }
            }
            let n = n.max(1.0);
            for (o, a) in px.iter_mut().skip(k).zip(acc) {
                *o = (a / n) as u8;
            }
            if let Some(a) = px.get_mut(k + 3) {
                *a = if outside { 0 } else { 255 };
            }
            k += 4;
        }
    }
    Rect {
        w: ow,
        h: oh,
        s,
        px,
    }
}

#[test]
fn rectify_matches_the_reference() {
    let (w, h) = (97, 61);
    let mut px: Vec<u8> = Vec::with_capacity(w * h * 4);
    let mut r = 12345u32;
    for _ in 0..w * h * 4 {
        r = r.wrapping_mul(1_103_515_245).wrapping_add(12345);
        px.push((r >> 16) as u8);
    }
    let quads = [
        [(10.0, 5.0), (80.0, 8.0), (90.0, 55.0), (3.0, 50.0)],
        [(-20.0, -10.0), (120.0, 0.0), (100.0, 80.0), (-5.0, 70.0)],
        [(0.0, 0.0), (96.0, 0.0), (96.0, 60.0), (0.0, 60.0)],
        [(60.0, 2.0), (95.0, 30.0), (40.0, 59.0), (5.0, 20.0)],
        [(1.3, 2.7), (300.0, -4.0), (30.0, 200.0), (0.5, 60.0)],
    ];
    let zones = [
        (0.0, 0.0, 85.6, 54.0),
        (10.0, 5.0, 40.0, 20.0),
        (-5.0, -3.0, 90.0, 60.0),
        (30.0, 30.0, 30.0, 31.0),
    ];
    let (mut n, mut alpha0) = (0, 0);
    for q in &quads {
        let hm = Homography::from_rect(85.6, 54.0, q).unwrap();
        for &z in &zones {
            for (s, ppm) in [(3.0, 1.1), (3.0, 4.4), (1.7, 2.9), (10.0, 12.0), (2.0, 1e9)] {
                let a = rectify(&px, w, h, &hm, z, s, ppm);
                let b = rectify_ref(&px, w, h, &hm, z, s, ppm);
                assert_eq!((a.w, a.h, a.s.to_bits()), (b.w, b.h, b.s.to_bits()));
                assert!(a.px == b.px, "{q:?} {z:?} {s} {ppm}");
                // A short buffer: the fetches that fail read 0 alike.
                let short = &px[..px.len() - 7];
                assert!(
                    rectify(short, w, h, &hm, z, s, ppm).px
                        == rectify_ref(short, w, h, &hm, z, s, ppm).px
                );
                n += a.px.len();
                alpha0 += a.px.iter().skip(3).step_by(4).filter(|&&v| v == 0).count();
            }
        }
    }
    // Both inside and outside samples, and a division by ~0.
    assert!(n > 100_000 && alpha0 > 1000, "{n} {alpha0}");
    let flat = Homography([1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]);
    let a = rectify(&px, w, h, &flat, (0.0, 0.0, 4.0, 4.0), 2.0, 4.0);
    assert!(a.px == rectify_ref(&px, w, h, &flat, (0.0, 0.0, 4.0, 4.0), 2.0, 4.0).px);
    assert!(a.px.len() == 256 && a.px.iter().skip(3).step_by(4).all(|&v| v == 0));
}

/// The window pass's evidence: a portrait side at layout ≥ 0.32 passes
/// with a clear head, or with a fainter head over a periodic number line
/// (small cards in a window: head 0.27–0.41, digits 0.37–0.57); a
/// passport's block (layout 0.29, head 0.27, digits 0.35, s8 #227) and a
/// faint head without the number line do not.
#[test]
fn a_head_over_a_number_line_is_strong_evidence() {
    let faces = |score: f64, photo: f64, digits: f64| Faces {
        side: Side::Portrait,
        sure: false,
        score,
        turned: false,
        bg_ink: 0.0,
        photo,
        red: 0.0,
        paper_share: 0.5,
        digits,
        id_like: true,
    };
    assert!(strong(&faces(0.4, 0.6, 0.0)), "a clear head");
    assert!(
        strong(&faces(0.45, 0.27, 0.57)),
        "a head over a number line"
    );
    assert!(!strong(&faces(0.45, 0.27, 0.1)), "a faint head alone");
    assert!(!strong(&faces(0.29, 0.27, 0.35)), "a passport's block");
    assert!(
        !strong(&faces(0.45, 0.1, 0.57)),
        "a number line without a head"
    );
}

/// The vision wasm embeds only pixels.tsv and card.tsv in zh-CN (build.rs,
/// `vision_only`): every finding code of the whole-frame checks and the card
/// analysis must have its row (and hint) there, not in image.tsv.
#[test]
fn vision_codes_are_in_the_vision_catalog() {
    let sources = [
        include_str!("../pixels.rs"),
        include_str!("mod.rs"),
        include_str!("judge.rs"),
        include_str!("ocr.rs"),
        include_str!("detect.rs"),
        include_str!("refine.rs"),
        include_str!("print.rs"),
        include_str!("layout.rs"),
    ];
    let catalog = [
        include_str!("../../i18n/pixels.tsv"),
        include_str!("../../i18n/card.tsv"),
    ]
    .concat();
    let has = |key: &str| catalog.lines().any(|l| l.split('\t').next() == Some(key));
    let mut seen = 0;
    for src in sources {
        // The code of every `Finding::error/warning/info("image.…")`.
        for piece in src.split("Finding::").skip(1) {
            let Some(code) = piece.split('"').nth(1).filter(|c| c.starts_with("image.")) else {
                continue;
            };
            seen += 1;
            assert!(has(code), "{code}: no row in pixels.tsv or card.tsv");
            assert!(
                has(&format!("{code}#hint")),
                "{code}#hint: no row in pixels.tsv or card.tsv"
            );
        }
    }
    assert!(seen >= 12, "{seen} codes found");
}

#[test]
fn the_half_millimetre_zone_lists_are_the_layouts_millimetres() {
    // The f64 lists the bytes replaced (v22-int), edge for edge.
    let portrait = [
        (5.5, 5.0, 30.0, 9.0),
        (5.5, 11.5, 40.0, 15.5),
        (5.5, 18.0, 44.0, 22.0),
        (5.5, 24.5, 52.0, 36.5),
        (57.0, 8.0, 79.0, 38.0),
        (5.5, 44.5, 80.0, 49.0),
    ];
    let emblem = [
        (5.5, 5.5, 24.0, 24.5),
        (30.0, 8.5, 78.0, 13.5),
        (30.0, 19.5, 76.0, 26.5),
        (14.0, 39.5, 60.0, 43.5),
        (14.0, 46.0, 72.0, 50.0),
    ];
    for (list, mm) in [
        (&layout::PORTRAIT_ZONES[..], &portrait[..]),
        (&layout::EMBLEM_ZONES[..], &emblem[..]),
    ] {
        assert_eq!(list.len(), mm.len());
        for turn in [false, true] {
            let zones = layout::zones(list, turn);
            for (k, (h, z)) in list.iter().zip(mm).enumerate() {
                assert_eq!(layout::zone(h), *z);
                let want = if turn { layout::turned(z) } else { *z };
                assert_eq!(zones.get(k), Some(&want));
            }
        }
    }
}

/// A placed emblem side on a light frame needs the whole print's layout:
/// a bank card on paper fitted from the 0.8 start (layout 0.60–0.64, its
/// UnionPay mark as the emblem's red 0.23–0.26; seed 1313 #44, #78) is
/// refused there, an ID card's emblem side (0.72–0.88: s2 #441, s9 #610,
/// #659) is not, and a washed-out frame keeps the 0.6 of [`print::taken`].
#[test]
fn a_light_frames_emblem_side_needs_its_whole_print() {
    let faces = |score: f64| Faces {
        side: Side::Emblem,
        sure: false,
        score,
        turned: false,
        bg_ink: 0.01,
        photo: 0.0,
        red: 0.26,
        paper_share: 0.9,
        digits: 0.03,
        id_like: true,
    };
    let light = print::INK_LIGHT;
    assert!(!print::whole(light, &faces(0.64)), "a bank card");
    assert!(print::whole(light, &faces(0.72)), "an emblem side");
    assert!(print::whole(print::INK, &faces(0.64)), "washed out");
}
