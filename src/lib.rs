//! # beian-check
//!
//! Pre-checks a Chinese ICP filing (ICP备案) application field by field and
//! says, in zh-CN, zh-TW or English, what a reviewer would reject and how to
//! fix it. The same core runs natively (`cargo test`, the CLI) and in the
//! browser or Node as WebAssembly; [`wasm`] is the only module that knows
//! about JavaScript.
//!
//! ```
//! use beian_check::{check_field, Options, Date};
//! let opts = Options::on(Date::parse("2026-11-27").unwrap());
//! let r = check_field("mobile", "+86 138 0013 8000", &opts).unwrap();
//! assert!(r.ok());
//! assert_eq!(r.value, "13800138000");
//! ```
// No `std` in the wasm build: see `rt` (panics trap unformatted, a small
// allocator). Natively the crate is a normal std crate.
#![cfg_attr(target_arch = "wasm32", no_std)]
// The wasm allocator and single-threaded cells, which need `unsafe`, live in
// crates/wasm-rt.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// No input may panic: outside tests, `unwrap`, `expect`, `panic!` and
// friends, and `[]` indexing or slicing (use `get`) are compile errors
// (tests may use them freely). Arithmetic overflow is not linted: release
// builds wrap, and the caps on every input keep sums far from the limits.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::todo,
        clippy::unimplemented,
        clippy::unreachable,
        clippy::indexing_slicing
    )
)]

extern crate alloc;

mod rt;

pub mod api;
pub mod check;
pub mod contact;
pub mod data;
pub mod date;
pub mod finding;
pub mod form;
pub mod i18n;
pub mod ids;
pub mod image;
pub mod json;
pub mod options;
pub mod output;
pub mod pattern;
pub mod profile;
pub mod province;
pub mod site;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use check::{check_field, normalize, KINDS};
pub use date::Date;
pub use finding::{FieldResult, Finding, InfoValue, Severity};
pub use i18n::Locale;
pub use options::{Options, SubjectType};
pub use profile::Profile;
pub use province::Province;

/// The crate version (also the npm package version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
