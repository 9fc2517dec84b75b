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
