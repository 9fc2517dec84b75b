//! Shared by the card tuning examples (card_eval, card_read): the
//! ground-truth files of a directory written by `scripts/cardgen/run
//! --rgba`. Not an example itself (no main.rs); each includes it with
//! `#[path = "cardset/mod.rs"] mod cardset;`.

use std::path::PathBuf;

/// The `*.json` ground truths of `dir`, sorted by name (the photo number).
/// A directory that cannot be read is an empty list, said on stderr.
pub fn truths(dir: &str) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            Vec::new()
        }
    };
    names.sort();
    names
}

/// The largest corner distance over the truth's diagonal, best of the four
/// cyclic orders and both directions (card_find, card_print).
#[allow(dead_code)]
pub fn err(truth: &[(f64, f64); 4], q: &[(f64, f64); 4]) -> f64 {
    let dist = |a: (f64, f64), b: (f64, f64)| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
    let diag = dist(truth[0], truth[2]);
    let mut best = f64::MAX;
    for rev in [false, true] {
        for s in 0..4 {
            let mut e: f64 = 0.0;
            for (i, t) in truth.iter().enumerate() {
                let j = if rev { (s + 4 - i) % 4 } else { (s + i) % 4 };
                e = e.max(dist(*t, q[j]));
            }
            best = best.min(e / diag);
        }
    }
    best
}

/// One card photo of a ground truth: its RGBA, size, true corners (1024-px
/// frame) and defects; `None` for a photo without a card.
#[allow(dead_code)]
pub struct Photo {
    pub rgba: Vec<u8>,
    pub w: usize,
    pub h: usize,
    pub truth: [(f64, f64); 4],
    pub defects: Vec<String>,
}

/// The strings of the array `key` of a ground truth (`defects`, ...).
#[allow(dead_code)]
pub fn strings(t: &beian_check::json::Json, key: &str) -> Vec<String> {
    use beian_check::json::Json;
    t.get(key)
        .and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The card photo of the ground truth at `path` ([`Photo`]).
#[allow(dead_code)]
pub fn photo(path: &std::path::Path) -> Option<Photo> {
    use beian_check::json::{parse, Json};
    let t = parse(&std::fs::read_to_string(path).ok()?).ok()?;
    if t.get("kind").and_then(Json::as_str) != Some("card") {
        return None;
    }
    let defects = strings(&t, "defects");
    let mut truth = [(0.0, 0.0); 4];
    for (o, v) in truth
        .iter_mut()
        .zip(t.get("corners1024").and_then(Json::as_array)?)
    {
        let a = v.as_array()?;
        *o = (a.first()?.as_f64()?, a.get(1)?.as_f64()?);
    }
    Some(Photo {
        rgba: std::fs::read(path.with_extension("rgba")).ok()?,
        w: t.get("rgbaWidth").and_then(Json::as_f64)? as usize,
        h: t.get("rgbaHeight").and_then(Json::as_f64)? as usize,
        truth,
        defects,
    })
}
