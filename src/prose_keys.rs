// Included (include!) by both build.rs and src/profile.rs, so the keys the
// build leaves out of the generic profile are exactly the keys a provider
// profile may carry without them being checked.

/// Documentation keys of the profile data (sources, notes, `_doc` key
/// explanations): kept in the repo's data/profile/*.json, left out of the
/// compiled generic profile (~2.5 KB gz of wasm), accepted anywhere in a
/// provider profile and ignored.
const PROSE_KEYS: &[&str] = &[
    "about",
    "source",
    "sources",
    "note",
    "description",
    "columns",
    "_doc",
];
