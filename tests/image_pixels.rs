//! checkImagePixels on generated scenes: a photographed document (paper
//! with text lines, a light-blue band, a red stamp, a photo box, on a wooden
//! table) and copies that are blurred, dark, washed out, grayscale, tinted
//! photocopies or blank. Run with `--nocapture` to print the metrics table
//! the thresholds in data/profile/images.json were calibrated on.

use beian_check::image::pixels::{self, measure};
use beian_check::{Date, FieldResult, InfoValue, Options};

mod common;
use common::Rng;

type Img = (Vec<u8>, usize, usize);

/// A document photographed on a table; `lines` text lines on the paper.
fn scene(w: usize, h: usize, lines: usize, seed: u64) -> Img {
    let mut rng = Rng(seed);
    let mut px = vec![0u8; w * h * 4];
    let set = |px: &mut Vec<u8>, x: usize, y: usize, c: [u8; 3]| {
        let i = (y * w + x) * 4;
        px[i..i + 4].copy_from_slice(&[c[0], c[1], c[2], 255]);
    };
    // Table: a smooth brown gradient.
    for y in 0..h {
        for x in 0..w {
            let t = (x + y) * 40 / (w + h);
            set(
                &mut px,
                x,
                y,
                [(120 + t) as u8, (80 + t / 2) as u8, (50 + t / 3) as u8],
            );
        }
    }
    // Paper: ~75 % of the frame.
    let (x0, y0, x1, y1) = (w / 8, h / 8, w * 7 / 8, h * 7 / 8);
    for y in y0..y1 {
        for x in x0..x1 {
            let band = y < y0 + (y1 - y0) / 6;
            set(
                &mut px,
                x,
                y,
                if band {
                    [200, 220, 240]
                } else {
                    [245, 243, 236]
                },
            );
        }
    }
    // Photo box (skin and hair) on the left.
    let (px0, py0, px1, py1) = (
        x0 + (x1 - x0) / 20,
        y0 + (y1 - y0) / 4,
        x0 + (x1 - x0) / 3,
        y1 - (y1 - y0) / 10,
    );
    for y in py0..py1 {
        for x in px0..px1 {
            let hair = y < py0 + (py1 - py0) / 3;
            set(
                &mut px,
                x,
                y,
                if hair { [40, 30, 25] } else { [225, 180, 150] },
            );
        }
    }
    // Text lines: words as dark strokes of random width.
    let stroke = (h / 300).max(1);
    let line_h = (y1 - y0) * 3 / 4 / lines.max(1);
    for l in 0..lines {
        let y = y0 + (y1 - y0) / 4 + l * line_h;
        let mut x = px1 + (x1 - x0) / 20;
        while x < x1 - (x1 - x0) / 20 {
            let word = 5 + rng.below(((x1 - x0) / 12) as u64) as usize;
            for xx in x..(x + word).min(x1) {
                // Glyph-like: vertical strokes every few pixels plus top and bottom bars.
                for yy in y..(y + line_h / 2).min(y1) {
                    let on =
                        (xx - x) % 4 < stroke || yy < y + stroke || yy + stroke >= y + line_h / 2;
                    if on && rng.below(10) < 8 {
                        set(&mut px, xx, yy, [20, 20, 25]);
                    }
                }
            }
            x += word + 6 + rng.below(8) as usize;
        }
    }
    // A red stamp (ring).
    let (cx, cy, r) = (x1 - (x1 - x0) / 6, y1 - (y1 - y0) / 4, (h / 10) as i64);
    let span = |c: usize, lim: usize| c.saturating_sub(r as usize)..(c + r as usize).min(lim);
    for y in span(cy, h) {
        for x in span(cx, w) {
            let d2 = (x as i64 - cx as i64).pow(2) + (y as i64 - cy as i64).pow(2);
            if d2 < r * r && d2 > (r - 4) * (r - 4) {
                set(&mut px, x, y, [210, 30, 40]);
            }
        }
    }
    (px, w, h)
}

/// Separable box blur of radius `r` (sliding sums), applied twice (close to a Gaussian).
fn blur((src, w, h): &Img, r: usize) -> Img {
    let (w, h) = (*w, *h);
    let mut a = src.clone();
    // One 1-D pass along `len` samples at `start + k * step`.
    let line = |a: &mut Vec<u8>, start: usize, step: usize, len: usize| {
        for c in 0..3 {
            let vals: Vec<u32> = (0..len)
                .map(|k| u32::from(a[start + k * step + c]))
                .collect();
            let mut sum: u32 = 0;
            let mut n: u32 = 0;
            for v in vals.iter().take(r.min(len)) {
                sum += v;
                n += 1;
            }
            for k in 0..len {
                if k + r < len {
                    sum += vals[k + r];
                    n += 1;
                }
                if k > r {
                    sum -= vals[k - r - 1];
                    n -= 1;
                }
                a[start + k * step + c] = (sum / n) as u8;
            }
        }
    };
    for _ in 0..2 {
        for y in 0..h {
            line(&mut a, y * w * 4, 4, w);
        }
        for x in 0..w {
            line(&mut a, x * 4, w * 4, h);
        }
    }
    (a, w, h)
}

/// Applies `f` to every RGB triple.
fn map((src, w, h): &Img, f: impl Fn([u8; 3]) -> [u8; 3]) -> Img {
    let mut out = src.clone();
    for p in out.chunks_exact_mut(4) {
        let c = f([p[0], p[1], p[2]]);
        p[..3].copy_from_slice(&c);
    }
    (out, *w, *h)
}

/// Camera noise of ±`amp`.
fn noise(img: &Img, amp: u64, seed: u64) -> Img {
    let mut rng = Rng(seed);
    let mut out = img.clone();
    for p in out.0.chunks_exact_mut(4) {
        for c in p.iter_mut().take(3) {
            let v = i64::from(*c) + rng.below(2 * amp + 1) as i64 - amp as i64;
            *c = v.clamp(0, 255) as u8;
        }
    }
    out
}

fn luma(c: [u8; 3]) -> u8 {
    ((77 * u32::from(c[0]) + 150 * u32::from(c[1]) + 29 * u32::from(c[2])) >> 8) as u8
}

fn check(img: &Img, slot: &str) -> FieldResult {
    let opts = Options::on(Date::parse("2026-11-27").unwrap());
    pixels::check(slot, &img.0, img.1 as u32, img.2 as u32, &opts).expect("valid buffer")
}

fn codes(r: &FieldResult) -> Vec<&str> {
    r.findings.iter().map(|f| f.code.as_str()).collect()
}

/// The calibration set: (name, image, codes it must have, codes it must not have).
#[allow(clippy::type_complexity)]
fn variants() -> Vec<(String, Img, Vec<&'static str>, Vec<&'static str>)> {
    let all = [
        "image.blurry",
        "image.too_dark",
        "image.overexposed",
        "image.grayscale",
        "image.blank",
    ];
    let mut v = Vec::new();
    // Two scenes at two sizes (each ≥ 512 px long, so the measure runs on a downscale).
    for (w, h, lines, label) in [
        (1024usize, 768usize, 12usize, "document"),
        (640, 480, 5, "id-card-like"),
    ] {
        {
            let base = scene(w, h, lines, 7 + lines as u64);
            let tag = format!("{label} {w}x{h}");
            v.push((
                format!("{tag} sharp"),
                noise(&base, 3, 1),
                vec![],
                all.to_vec(),
            ));
            v.push((
                format!("{tag} sharp, no noise"),
                base.clone(),
                vec![],
                all.to_vec(),
            ));
            for r in [2usize, 3, 5] {
                v.push((
                    format!("{tag} blur r={r}"),
                    noise(&blur(&base, r), 3, 2),
                    vec!["image.blurry"],
                    vec!["image.blank", "image.grayscale"],
                ));
            }
            v.push((
                format!("{tag} blur r=1"),
                noise(&blur(&base, 1), 3, 2),
                vec![],
                vec!["image.blank"],
            ));
            v.push((
                format!("{tag} dark ×0.25"),
                noise(&map(&base, |c| c.map(|x| (u32::from(x) / 4) as u8)), 2, 3),
                vec!["image.too_dark"],
                vec!["image.blank", "image.overexposed", "image.grayscale"],
            ));
            v.push((
                format!("{tag} dim ×0.6"),
                noise(
                    &map(&base, |c| c.map(|x| (u32::from(x) * 6 / 10) as u8)),
                    2,
                    3,
                ),
                vec![],
                vec![
                    "image.too_dark",
                    "image.blank",
                    "image.overexposed",
                    "image.grayscale",
                ],
            ));
            v.push((
                format!("{tag} washed out"),
                noise(
                    &map(&base, |c| {
                        c.map(|x| (190 + u32::from(x) / 4).min(255) as u8)
                    }),
                    2,
                    4,
                ),
                vec!["image.overexposed"],
                vec!["image.too_dark", "image.blank", "image.grayscale"],
            ));
            v.push((
                format!("{tag} grayscale"),
                noise(&map(&base, |c| [luma(c); 3]), 0, 5),
                vec!["image.grayscale"],
                vec!["image.blank"],
            ));
            v.push((
                format!("{tag} b/w printout, colour casts"),
                noise(
                    &map(&base, |c| {
                        let l = luma(c);
                        if l < 100 {
                            [l, l, l.saturating_add(6)] // bluish toner
                        } else {
                            [l.saturating_add(3), l, l.saturating_sub(7)] // warm paper
                        }
                    }),
                    2,
                    7,
                ),
                vec!["image.grayscale"],
                vec!["image.blank"],
            ));
            v.push((
                format!("{tag} tinted photocopy"),
                noise(
                    &map(&base, |c| {
                        let l = u32::from(luma(c));
                        [l as u8, (l * 96 / 100) as u8, (l * 85 / 100) as u8]
                    }),
                    2,
                    6,
                ),
                vec!["image.grayscale"],
                vec!["image.blank"],
            ));
        }
        let flat = |c: [u8; 3]| ([c[0], c[1], c[2], 255].repeat(w * h), w, h);
        v.push((
            format!("lens cap {w}x{h}"),
            noise(&flat([2, 2, 3]), 2, 8),
            vec!["image.blank"],
            vec!["image.blurry"],
        ));
        v.push((
            format!("blank paper {w}x{h}"),
            noise(&flat([240, 238, 230]), 2, 9),
            vec!["image.blank"],
            vec![],
        ));
    }
    v
}

#[test]
fn thresholds_separate_the_calibration_set() {
    let mut errs = Vec::new();
    eprintln!(
        "{:<40} {:>9} {:>6} {:>6} {:>4} {:>4} {:>7}  findings",
        "image", "sharpness", "mean", "std", "p01", "p99", "colour"
    );
    for (name, img, must, must_not) in variants() {
        // The whole-frame thresholds: a slot without the ID card analysis
        // (in ID slots a found card is judged on itself, src/image/card).
        let r = check(&img, "businessLicense");
        let got = codes(&r);
        let info = |k: &str| match r.get_info(k) {
            Some(InfoValue::Num(n)) => *n,
            _ => f64::NAN,
        };
        eprintln!(
            "{name:<40} {:>9.1} {:>6.1} {:>6.1} {:>4} {:>4} {:>7.2}  {got:?}",
            info("sharpness"),
            info("brightness"),
            info("contrast"),
            info("p01"),
            info("p99"),
            info("colorfulness")
        );
        for c in &must {
            if !got.contains(c) {
                errs.push(format!("{name}: missing {c}"));
            }
        }
        for c in &must_not {
            if got.contains(c) {
                errs.push(format!("{name}: unexpected {c}"));
            }
        }
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}

#[test]
fn pixel_findings_are_warnings_with_facts() {
    let img = noise(
        &map(&blur(&scene(640, 480, 8, 3), 3), |c| [luma(c); 3]),
        2,
        1,
    );
    let r = check(&img, "businessLicense");
    assert!(
        r.has("image.blurry") && r.has("image.grayscale"),
        "{:?}",
        codes(&r)
    );
    assert!(r.ok(), "UNCONFIRMED pixel rules are warnings");
    for key in [
        "sharpness",
        "brightness",
        "contrast",
        "colorfulness",
        "p01",
        "p99",
    ] {
        assert!(r.get_info(key).is_some(), "info.{key}");
    }
    // A slot that allows black-and-white (a signed letter) does not flag grayscale.
    assert!(!check(&img, "authorizationLetter").has("image.grayscale"));
}

#[test]
fn measure_downscales_to_the_long_side() {
    let img = scene(1024, 768, 8, 1);
    let m = measure(&img.0, 1024, 768, 512);
    assert_eq!(m.size, (512, 384));
    assert_eq!(measure(&img.0, 1024, 768, 256).size, (256, 192));
}

#[test]
fn bad_buffers_are_type_errors() {
    let opts = Options::on(Date::parse("2026-11-27").unwrap());
    assert!(pixels::check("other", &[0; 15], 2, 2, &opts)
        .unwrap_err()
        .contains("16"));
    assert!(pixels::check("other", &[], 0, 0, &opts).is_err());
    assert!(pixels::check("nope", &[0; 16], 2, 2, &opts)
        .unwrap_err()
        .contains("idCardFront"));
    // Tiny and extreme shapes never panic, and are said to be unjudgeable.
    for (w, h) in [
        (1u32, 1u32),
        (1, 500),
        (500, 1),
        (2, 2),
        (3, 3),
        (5000, 1),
        (15, 15),
    ] {
        let buf = vec![128u8; (w * h * 4) as usize];
        let r = pixels::check("other", &buf, w, h, &opts).unwrap();
        assert_eq!(codes(&r), ["image.shape_unjudged"], "{w}×{h}");
    }
    // Over the input cap (4096 × 4096 pixels): an argument error naming the cap.
    let big = vec![0u8; (4097 * 4096 * 4) as usize];
    let e = pixels::check("other", &big, 4097, 4096, &opts).unwrap_err();
    assert!(e.contains("16777216"), "{e}");
    assert_eq!(pixels::MAX_PIXELS, 4096 * 4096);
}

/// A `w × h` buffer whose luma runs from 0 to 255 along the long side.
fn ramp(w: usize, h: usize) -> Vec<u8> {
    let long = w.max(h);
    let mut px = Vec::with_capacity(w * h * 4);
    for y in 0..h {
        for x in 0..w {
            let v = ((if w >= h { x } else { y }) * 255 / (long - 1)) as u8;
            px.extend_from_slice(&[v, v, v, 255]);
        }
    }
    px
}

#[test]
fn narrow_strips_are_measured_linearly_and_right() {
    // Issue 17 item 2: a 1 × 800,000 strip read `k` pixels per row (into the
    // following rows): seconds, and the wrong pixels. Now each pixel once.
    for (w, h) in [
        (1usize, 800_000usize),
        (800_000, 1),
        (3, 200_000),
        (7, 5000),
    ] {
        let m = measure(&ramp(w, h), w, h, 512);
        assert!((m.mean - 127.5).abs() < 2.0, "{w}×{h}: mean {}", m.mean);
        assert!(
            m.p01 < 5 && m.p99 > 250,
            "{w}×{h}: p01 {} p99 {}",
            m.p01,
            m.p99
        );
        assert!(m.std > 70.0, "{w}×{h}: a ramp is not uniform ({})", m.std);
    }
    // The check says the strip cannot be judged, and never calls it blank.
    let opts = Options::on(Date::parse("2026-11-27").unwrap());
    let column = ramp(1, 800_000);
    let r = pixels::check("idCardFront", &column, 1, 800_000, &opts).unwrap();
    assert_eq!(codes(&r), ["image.shape_unjudged"]);
    // 16 million pixels in one column did not finish in 300 s before.
    let tall = vec![200u8; 16_000_000 * 4];
    let r = pixels::check("other", &tall, 1, 16_000_000, &opts).unwrap();
    assert_eq!(codes(&r), ["image.shape_unjudged"]);
    let m = measure(&tall[..4_000_000 * 4], 1, 4_000_000, 512);
    assert_eq!((m.size, m.mean.round() as u32), ((1, 511), 200));
}

#[test]
fn long_but_judgeable_shapes_get_the_same_verdicts() {
    // A document scene cut into a 30:1 strip is still judged (short side
    // 17 px after the downscale); the sharp scene has no findings.
    let opts = Options::on(Date::parse("2026-11-27").unwrap());
    let (full, w, _) = scene(3000, 100, 3, 7);
    let r = pixels::check("other", &full, w as u32, 100, &opts).unwrap();
    assert!(
        !r.has("image.shape_unjudged") && !r.has("image.blank"),
        "{:?}",
        codes(&r)
    );
    let flat = vec![90u8; 3000 * 100 * 4];
    let r = pixels::check("other", &flat, 3000, 100, &opts).unwrap();
    assert_eq!(codes(&r), ["image.blank"]);
}

/// The block means `measure` is defined by, computed the plain way: per
/// block, per pixel, by index (blocks of `k × k`, `k` = long side /
/// `long_side` rounded up; a side shorter than `k` is one block of what
/// exists; the pixels past the last whole block left out).
fn block_lumas(px: &[u8], w: usize, h: usize, long_side: usize) -> Vec<u32> {
    let k = w.max(h).div_ceil(long_side.max(8)).max(1);
    let (ow, oh) = ((w / k).max(1), (h / k).max(1));
    let (bw, bh) = (k.min(w), k.min(h));
    let mut out = Vec::new();
    for oy in 0..oh {
        for ox in 0..ow {
            let mut s = [0u64; 3];
            for y in oy * k..oy * k + bh {
                for x in ox * k..ox * k + bw {
                    for (c, v) in s.iter_mut().enumerate() {
                        *v += u64::from(px[(y * w + x) * 4 + c]);
                    }
                }
            }
            let a = s.map(|v| (v / (bw * bh) as u64) as u32);
            out.push((77 * a[0] + 150 * a[1] + 29 * a[2]) >> 8);
        }
    }
    out
}

#[test]
fn measure_matches_the_plain_block_means() {
    // `measure` sums block by block with slices of each row; its
    // statistics must be those of the plain definition on every shape
    // (k = 1, 2, 3, …; widths that are and are not multiples of k; strips
    // narrower than a block).
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (w, h, long_side) in [
        (1024usize, 768usize, 512usize),
        (1000, 333, 512),
        (511, 512, 512),
        (1537, 97, 512),
        (5, 4000, 512),
        (4000, 3, 64),
        (37, 1, 8),
        (300, 200, 100),
    ] {
        let px: Vec<u8> = (0..w * h * 4).map(|_| (next() >> 56) as u8).collect();
        let m = measure(&px, w, h, long_side);
        let mut l = block_lumas(&px, w, h, long_side);
        let n = l.len();
        assert_eq!(m.size.0 * m.size.1, n, "{w}×{h}");
        let mean = l.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64;
        assert_eq!(m.mean, mean, "{w}×{h}: mean");
        l.sort_unstable();
        // The percentiles: the first value whose cumulative count passes n·q.
        let pct = |q: f64| l[((n as f64 * q) as usize).min(n - 1)] as u8;
        assert_eq!(
            (m.p01, m.p99),
            (pct(0.01), pct(0.99)),
            "{w}×{h}: percentiles"
        );
    }
}
