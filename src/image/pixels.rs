//! `checkImagePixels`: quality heuristics on RGBA pixels the caller drew
//! from a canvas. One pass box-downscales to at most `longSide` pixels
//! (grayscale plus the average colour per block); the measures below run on
//! that small image, so a 1024 × 768 buffer costs a few milliseconds.
//!
//! - sharpness: variance of the 4-neighbour Laplacian (Pech-Pacheco et al.
//!   2000) — a blurred photo has little high-frequency energy;
//! - exposure: mean, 1st and 99th percentile luma;
//! - colour: spread of the chromaticity (r−g, (r+g)/2−b, each divided by
//!   r+g+b+96) — the σ part of Hasler & Süsstrunk's colourfulness on
//!   brightness-normalised colour, so a photocopy with a uniform tint (warm
//!   light, yellowed paper) still reads as black and white;
//! - uniformity: luma standard deviation (blank page, lens cap).

#[allow(unused_imports)]
use crate::rt::prelude::*;

#[cfg(not(vision_only))]
use super::slots::setting;
use super::slots::{apply_severities, known, section};
use crate::finding::{FieldResult, Finding};
use crate::json::Json;
use crate::options::Options;

/// Added to r+g+b before dividing a channel difference by it: dark pixels'
/// casts count less (see [`measure`]).
const DAMP: u32 = 96;

/// What the pixels measure (also reported as `info`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// Width × height of the downscaled image.
    pub size: (usize, usize),
    /// Variance of the Laplacian (higher = sharper).
    pub sharpness: f64,
    /// Mean luma 0–255.
    pub mean: f64,
    /// Standard deviation of luma.
    pub std: f64,
    /// 1st percentile luma.
    pub p01: u8,
    /// 99th percentile luma.
    pub p99: u8,
    /// Chroma spread after white balance (0 for a gray image).
    pub colorfulness: f64,
}

/// Measures RGBA pixels (`rgba.len() == width * height * 4`, checked by the caller).
///
/// Linear in the pixels for every shape: each pixel is read once, into the
/// `k × k` block it belongs to (`k` = long side / `long_side`, rounded up).
/// When a side is shorter than `k` (a 1 × 800,000 strip) its blocks hold
/// only the pixels that exist, and the mean divides by that count. The
/// columns and rows past the last whole block are left out (at most `k − 1`).
pub fn measure(rgba: &[u8], width: usize, height: usize, long_side: usize) -> Metrics {
    let long = width.max(height).max(1);
    let k = long.div_ceil(long_side.max(8)).max(1);
    let (ow, oh) = ((width / k).max(1), (height / k).max(1));
    // Pixels per block: whole blocks, or the whole side when it is shorter than k.
    let (bw, bh) = (k.min(width), k.min(height));
    let area = (bw * bh) as u64;
    let mut gray: Vec<i32> = Vec::new();
    let (mut sum, mut sum2) = (0f64, 0f64);
    let mut hist = [0u32; 256];
    let (mut s_rg, mut s_yb, mut s_rg2, mut s_yb2) = (0f64, 0f64, 0f64, 0f64);
    // Per output column of the current block row: r, g, b sums (u64: a block
    // may hold up to the input cap of pixels).
    let mut sums: Vec<u64> = Vec::new();
    let stride = width * 4;
    let cols = (ow * k).min(width);
    for oy in 0..oh {
        sums.clear();
        // Pushed: `vec![0; n]` or `resize` would link their own u64 code.
        #[allow(clippy::same_item_push)]
        for _ in 0..3 * ow {
            sums.push(0);
        }
        for y in oy * k..(oy * k + bh).min(height) {
            // Only this row's pixels (reading `ow * k` of a narrower row ran
            // into the next rows: quadratic, and the wrong pixels).
            let Some(row) = rgba.get(y * stride..y * stride + cols * 4) else {
                continue;
            };
            // Block by block, not a division and a bounds check per pixel:
            // 8 % fewer instructions for the whole of `measure` on 30 photos
            // of 1024 px (1.52 → 1.39 G), the same sums.
            for (bx, s) in sums.chunks_exact_mut(3).enumerate() {
                let Some(block) = row.get(bx * k * 4..(bx * k + bw) * 4) else {
                    continue;
                };
                for px in block.chunks_exact(4) {
                    if let ([sr, sg, sb], [r, g, b, _]) = (&mut *s, px) {
                        *sr += u64::from(*r);
                        *sg += u64::from(*g);
                        *sb += u64::from(*b);
                    }
                }
            }
        }
        for s in sums.chunks_exact(3) {
            let &[r, g, b] = s else { continue };
            // checked: no division-by-zero panic path in the wasm.
            let avg = |v: u64| v.checked_div(area).unwrap_or(0).min(255) as u32;
            let (r, g, b) = (avg(r), avg(g), avg(b));
            let l = (77 * r + 150 * g + 29 * b) >> 8;
            if let Some(h) = hist.get_mut(l as usize) {
                *h += 1;
            }
            gray.push(l as i32);
            sum += f64::from(l);
            sum2 += f64::from(l) * f64::from(l);
            // Chromaticity (brightness-independent), damped in the dark where a
            // colour cast on black toner and sensor noise dominate.
            let scale = 255.0 / f64::from(r + g + b + DAMP);
            let rg = f64::from(r as i32 - g as i32) * scale;
            let yb = f64::from((r + g) as i32 / 2 - b as i32) * scale;
            s_rg += rg;
            s_yb += yb;
            s_rg2 += rg * rg;
            s_yb2 += yb * yb;
        }
    }
    let n = gray.len().max(1) as f64;
    let var = |s: f64, s2: f64| (s2 / n - (s / n) * (s / n)).max(0.0);
    let colorfulness = crate::rt::sqrt(var(s_rg, s_rg2) + var(s_yb, s_yb2));
    let mean = sum / n;
    let std = crate::rt::sqrt(var(sum, sum2));
    let pct = |q: f64| {
        let target = (n * q) as u64;
        let mut acc = 0u64;
        for (i, c) in hist.iter().enumerate() {
            acc += u64::from(*c);
            if acc > target {
                return i as u8;
            }
        }
        255
    };
    Metrics {
        size: (ow, oh),
        sharpness: laplacian_variance(&gray, ow, oh),
        mean,
        std,
        p01: pct(0.01),
        p99: pct(0.99),
        colorfulness,
    }
}

/// Variance of `4·p − up − down − left − right` over the interior.
fn laplacian_variance(g: &[i32], w: usize, h: usize) -> f64 {
    if w < 3 || h < 3 {
        return 0.0;
    }
    let (mut s, mut s2, mut n) = (0f64, 0f64, 0f64);
    for y in 1..h - 1 {
        let (Some(up), Some(mid), Some(down)) = (
            g.get((y - 1) * w..y * w),
            g.get(y * w..(y + 1) * w),
            g.get((y + 1) * w..(y + 2) * w),
        ) else {
            continue;
        };
        for (x, win) in mid.windows(3).enumerate() {
            let (Some(u), Some(d), &[l, c, r]) = (up.get(x + 1), down.get(x + 1), win) else {
                continue;
            };
            let v = f64::from(4 * c - l - r - u - d);
            s += v;
            s2 += v * v;
            n += 1.0;
        }
    }
    if n == 0.0 {
        return 0.0;
    }
    (s2 / n - (s / n) * (s / n)).max(0.0)
}

/// Rounds to two decimals for `info`.
fn r2(x: f64) -> f64 {
    crate::rt::round(x * 100.0) / 100.0
}

/// The most pixels `checkImagePixels` takes: 4096 × 4096 (64 MiB of RGBA),
/// 16 times what the widget passes (1024 px long side). Larger buffers are
/// an argument error: the caller downscales first (docs/limits.md, Images).
pub const MAX_PIXELS: u64 = 1 << 24;

/// The downscaled image's shorter side below which sharpness and exposure are
/// not judged (`image.shape_unjudged`): a strip 32 times longer than wide at
/// the default 512 px, or an image under 16 px, is no photo of a document,
/// and its few blocks say nothing reliable.
const MIN_JUDGED_SIDE: usize = 16;

/// `checkImagePixels`. `Err` (a TypeError in JS) for an unknown slot, a
/// buffer whose length is not `width × height × 4`, or more than
/// [`MAX_PIXELS`] pixels.
pub fn check(
    slot: &str,
    rgba: &[u8],
    width: u32,
    height: u32,
    opts: &Options,
) -> Result<FieldResult, String> {
    known(slot)?;
    let expected = u64::from(width) * u64::from(height) * 4;
    if width == 0 || height == 0 || rgba.len() as u64 != expected {
        return Err(cat!(
            "rgba has ",
            rgba.len(),
            " bytes; width × height × 4 = ",
            width,
            " × ",
            height,
            " × 4 = ",
            expected,
            " (width and height must be positive)"
        ));
    }
    if expected / 4 > MAX_PIXELS {
        return Err(cat!(
            "rgba has ",
            expected / 4,
            " pixels, over the cap of ",
            MAX_PIXELS,
            " (4096 × 4096): downscale it first (about 1024 px on the long side)"
        ));
    }
    let images = section(opts);
    let px = images.get("pixels").unwrap_or(&Json::Null);
    let t = |key: &str, default: f64| px.get(key).and_then(Json::as_f64).unwrap_or(default);
    let long_side = t("longSide", 512.0) as usize;
    let (w, h) = (width as usize, height as usize);
    let mut r = FieldResult::new(String::new());
    // Too narrow or too small to judge: said so, in constant time.
    let short = w.min(h) / w.max(h).div_ceil(long_side.max(8)).max(1);
    if short < MIN_JUDGED_SIDE {
        r.findings.push(
            Finding::info("image.shape_unjudged")
                .param_n("width", i64::from(width))
                .param_n("height", i64::from(height)),
        );
        apply_severities(images, &mut r.findings);
        return Ok(r.finish());
    }
    let m = measure(rgba, w, h, long_side);
    r.info_num("sharpness", r2(m.sharpness));
    r.info_num("brightness", r2(m.mean));
    r.info_num("contrast", r2(m.std));
    r.info_num("colorfulness", r2(m.colorfulness));
    r.info_num("p01", f64::from(m.p01));
    r.info_num("p99", f64::from(m.p99));
    let mut out: Vec<Finding> = Vec::new();
    #[cfg(not(vision_only))]
    let num = |v: f64| cat!(crate::rt::round(v).max(0.0) as u64);
    // ID slots: the card is found and judged on its own (image/card); its
    // quality findings then replace the whole-frame ones below. Without the
    // `vision` feature (the npm package's full module) ID slots get the
    // whole-frame checks; the package's vision module has the analysis.
    // An ID photo whose card was not found is judged as a whole with the
    // card analysis's own frame thresholds.
    #[cfg(feature = "vision")]
    let on_card = super::card::run(slot, rgba, w, h, images, &mut r.info, &mut out)
        || super::card::judge::frame(
            slot,
            m.std < t("uniformStd", 5.0),
            rgba,
            w,
            h,
            images,
            &m,
            &mut out,
        );
    #[cfg(not(feature = "vision"))]
    let on_card = false;
    if on_card {
    } else if m.std < t("uniformStd", 5.0) {
        out.push(Finding::warning("image.blank"));
    } else {
        // The vision module judges every other frame with
        // `card::judge::frame` above (the package sends it ID slots only).
        #[cfg(not(vision_only))]
        {
            let dark = m.mean < t("darkMean", 40.0) || f64::from(m.p99) < t("darkP99", 100.0);
            let bright = !dark && f64::from(m.p01) > t("brightP01", 170.0);
            if dark {
                out.push(Finding::warning("image.too_dark").param("brightness", num(m.mean)));
            } else if bright {
                out.push(
                    Finding::warning("image.overexposed").param("darkest", num(f64::from(m.p01))),
                );
            }
            let min = t("sharpnessMin", 150.0);
            if m.sharpness < min {
                out.push(
                    Finding::warning("image.blurry")
                        .param("sharpness", num(m.sharpness))
                        .param("min", num(min)),
                );
            }
            let color = setting(images, slot, "requireColor").and_then(Json::as_bool) == Some(true);
            // Colour cannot be judged in a badly exposed picture; exposure is the finding then.
            if color && !dark && !bright && m.colorfulness < t("grayColorfulness", 6.0) {
                out.push(Finding::warning("image.grayscale"));
            }
        }
    }
    apply_severities(images, &mut out);
    r.findings = out;
    Ok(r.finish())
}
