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
