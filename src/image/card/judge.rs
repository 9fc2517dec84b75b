//! The findings about a card photo and `info.card` (docs/id-card.md).
//! Thresholds come from the profile's `images.card` section; each has its
//! reason in data/profile/images.json.

#[allow(unused_imports)]
use crate::rt::prelude::*;

use super::geom::Pt;
use super::layout::{self, Zone};
use super::{find, ocr, quad_json, zone_quad, Side};
use crate::finding::{Finding, InfoValue};
use crate::image::pixels::measure;
use crate::image::slots::setting;
use crate::json::Json;

/// ID slots, where the card is looked for.
pub const ID_SLOTS: [&str; 3] = ["idCardFront", "idCardBack", "handheldId"];

/// See [`super::run`].
pub fn run(
    slot: &str,
    rgba: &[u8],
    w: usize,
    h: usize,
    images: &Json,
    info: &mut Vec<(&'static str, InfoValue)>,
    out: &mut Vec<Finding>,
) -> bool {
    if !ID_SLOTS.contains(&slot) {
        return false;
    }
    let cfg = images.get("card").unwrap_or(&Json::Null);
    let t = |key: &str, default: f64| cfg.get(key).and_then(Json::as_f64).unwrap_or(default);
    let num = |v: f64| cat!(crate::rt::round(v).max(0.0) as u64);
    let min_long = t("minCardLong", 290.0);
    // The largest card the frame could hold: if even that is below the
    // legible size, no retake of this framing can work.
    let ratio = layout::CARD.0 / layout::CARD.1;
    let fit = (w.max(h) as f64).min(w.min(h) as f64 * ratio);
    if fit < min_long {
        out.push(
            Finding::error("image.number_illegible")
                .param("width", num(w as f64))
                .param("height", num(h as f64))
                .param("min", num(min_long)),
        );
        return false;
    }
    let expected = setting(images, slot, "cardSide").and_then(Json::as_str);
    let side_label = |s: Option<&str>| match s {
        Some("emblem") => "field.card.emblem",
        Some("portrait") => "field.card.portrait",
        _ => "field.card.any",
    };
    let not_found =
        || Finding::warning("image.card_not_found").param("side_label", side_label(expected));
    let Some(card) = find(rgba, w, h) else {
        out.push(not_found());
        return false;
    };
    if card.layout_score < t("layoutMin", 0.2) || !card.faces.id_like {
        out.push(not_found());
        return false;
    }
    let mut regions: Vec<(String, Json)> = Vec::new();
    let card_quad = quad_json(&card.corners);
    let long_px = card.ppm * layout::CARD.0;

    // A corner outside the frame or covered.
    let mut cut: Vec<usize> = card.outside.clone();
    cut.extend(card.hidden.iter().copied());
    if !cut.is_empty() {
        let mut worst: Option<[Pt; 4]> = None;
        for &i in &cut {
            // A 20 × 14 mm box at that corner of the card.
            let z: Zone = match i {
                0 => (0.0, 0.0, 20.0, 14.0),
                1 => (65.6, 0.0, 85.6, 14.0),
                2 => (65.6, 40.0, 85.6, 54.0),
                _ => (0.0, 40.0, 20.0, 54.0),
            };
            if worst.is_none() {
                worst = zone_quad(&card.hm, z);
            }
        }
        out.push(
            Finding::warning("image.card_cropped")
                .param_n("outside", card.outside.len() as i64)
                .param_n("covered", card.hidden.len() as i64),
        );
        if let Some(q) = worst {
            regions.push(("image.card_cropped".into(), quad_json(&q)));
        }
    }
    let small = long_px < min_long;
    if small {
        out.push(
            Finding::warning("image.card_small")
                .param("px", num(long_px))
                .param("min", num(min_long)),
        );
        regions.push(("image.card_small".into(), card_quad.clone()));
    }

    // Quality on the card itself, at 3 px/mm (every legible card is at
    // least that fine, so blur is measured in card units).
    let m = measure(&card.whole.px, card.whole.w, card.whole.h, 1024);
    let dark = m.mean < t("darkMean", 70.0) || f64::from(m.p99) < t("darkP99", 120.0);
    let bright = !dark && f64::from(m.p01) > t("brightP01", 150.0);
    if dark {
        out.push(Finding::warning("image.too_dark").param("brightness", num(m.mean)));
        regions.push(("image.too_dark".into(), card_quad.clone()));
    } else if bright {
        out.push(Finding::warning("image.overexposed").param("darkest", num(f64::from(m.p01))));
        regions.push(("image.overexposed".into(), card_quad.clone()));
    }
    let sharp_min = t("sharpnessMin", 120.0);
    if !small && m.sharpness < sharp_min {
        out.push(
            Finding::warning("image.blurry")
                .param("sharpness", num(m.sharpness))
                .param("min", num(sharp_min)),
        );
        regions.push(("image.blurry".into(), card_quad.clone()));
    }
    let color = setting(images, slot, "requireColor").and_then(Json::as_bool) == Some(true);
    if color && !dark && !bright && m.colorfulness < t("grayColorfulness", 3.5) {
        out.push(Finding::warning("image.grayscale"));
        regions.push(("image.grayscale".into(), card_quad.clone()));
    }

    // Glare: blown-out pixels in a spot on an otherwise normally exposed card.
    if let Some((bbox, frac, over)) = glare(&card.whole, card.side) {
        if frac >= t("glareMin", 0.008) && !bright {
            out.push(
                Finding::warning("image.glare").param("over_label", cat!("field.card.over.", over)),
            );
            if let Some(q) = zone_quad(&card.hm, bbox) {
                regions.push(("image.glare".into(), quad_json(&q)));
            }
        }
    }

    // The wrong face in a one-sided slot.
    let want = match expected {
        Some("portrait") => Side::Portrait,
        Some("emblem") => Side::Emblem,
        _ => Side::Unknown,
    };
    if want != Side::Unknown && card.side != Side::Unknown && card.side != want {
        let f = if card.side_sure {
            Finding::error("image.wrong_side")
        } else {
            Finding::warning("image.wrong_side")
        };
        out.push(
            f.param("found_label", cat!("field.card.", card.side.name()))
                .param("expected_label", cat!("field.card.", want.name())),
        );
        regions.push(("image.wrong_side".into(), card_quad.clone()));
    }

    // Reading.
    let mut fields: Vec<(String, Json)> = vec![
        ("corners".into(), card_quad),
        ("side".into(), Json::Str(card.side.name().into())),
    ];
    if !small {
        let min_conf = t("readMin", 0.9);
        if card.side == Side::Portrait {
            if let Some(read) = ocr::read_number(rgba, w, h, &card.hm, card.ppm) {
                if read.confidence >= min_conf {
                    fields.push(("number".into(), Json::Str(read.text)));
                }
                fields.push(("numberConfidence".into(), Json::Num(r2(read.confidence))));
            }
        } else if let Some(v) = ocr::read_validity(rgba, w, h, &card.hm, card.ppm) {
            if v.confidence >= min_conf {
                fields.push(("validFrom".into(), Json::Str(v.from)));
                fields.push(("validUntil".into(), Json::Str(v.until)));
            }
            fields.push(("validityConfidence".into(), Json::Num(r2(v.confidence))));
        }
    }
    if !regions.is_empty() {
        fields.push(("regions".into(), Json::Obj(regions)));
    }
    info.push(("card", InfoValue::Json(Json::Obj(fields))));
    true
}

fn r2(v: f64) -> f64 {
    crate::rt::round(v * 100.0) / 100.0
}

/// The blown-out spot on the card: its bounding box (mm), its share of the
/// card, and what it lies over (`number`, `portrait`, `emblem`, `validity`,
/// `card`).
fn glare(r: &super::Rect, side: Side) -> Option<(Zone, f64, &'static str)> {
    let (mut n, mut total) = (0usize, 0usize);
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0usize, 0usize);
    for y in 0..r.h {
        for x in 0..r.w {
            let i = (y * r.w + x) * 4;
            let Some(&[pr, pg, pb, a]) = r.px.get(i..i + 4) else {
                continue;
            };
            if a == 0 {
                continue;
            }
            total += 1;
            if pr.min(pg).min(pb) >= 252 {
                n += 1;
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
        }
    }
    if n == 0 || total == 0 {
        return None;
    }
    let frac = n as f64 / total as f64;
    let z: Zone = (
        x0 as f64 / r.s,
        y0 as f64 / r.s,
        (x1 + 1) as f64 / r.s,
        (y1 + 1) as f64 / r.s,
    );
    let overlaps = |a: &Zone| a.0 < z.2 && z.0 < a.2 && a.1 < z.3 && z.1 < a.3;
    let over = match side {
        Side::Portrait if overlaps(&layout::P_NUMBER) => "number",
        Side::Portrait if overlaps(&layout::P_PHOTO) => "portrait",
        Side::Emblem if overlaps(&layout::E_VALIDITY) => "validity",
        Side::Emblem if overlaps(&layout::E_EMBLEM) => "emblem",
        _ => "card",
    };
    Some((z, frac, over))
}
