//! The little of `std` the crate uses, so the wasm build can do without it.
//!
//! Natively the crate is an ordinary `std` crate (tests, the CLI, Node
//! parity). On `wasm32` it is `#![no_std]`: `std`'s panic machinery formats
//! every panic message (it pulls in `core::fmt`, Unicode tables and the
//! panic-location strings, ~10 % of the module) and its allocator is
//! dlmalloc (~7 KB). Instead the wasm build gets, from `crates/wasm-rt`
//! (the only crate with `unsafe` code),
//!
//! * a panic handler that traps without formatting (the checks are written
//!   not to panic; a trap is what `panic = "abort"` gave before),
//! * a size-class allocator of about 300 bytes (below), and
//! * single-threaded `OnceLock` / `Mutex` (wasm32 without the atomics
//!   feature has exactly one thread).
//!
//! This module adds what stays safe: the names `std`'s prelude would give
//! every other module ([`prelude`]: `String`, `Vec`, … from `alloc`), `cat!`
//! in place of `format!`, and the float functions core lacks.

/// `String`, `Vec`, `Box`, `ToString`, `ToOwned`, `vec!` and `cat!`,
/// from `alloc`, for the modules of a crate that is `no_std` on wasm32.
#[allow(unused_imports)]
pub(crate) mod prelude {
    pub(crate) use crate::rt::cat;
    pub(crate) use crate::rt::{owned, Put};
    pub use alloc::borrow::ToOwned;
    pub use alloc::boxed::Box;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

#[cfg(not(target_arch = "wasm32"))]
pub use std::sync::{Mutex, OnceLock};

#[cfg(target_arch = "wasm32")]
pub use beian_check_rt::{Mutex, OnceLock};

/// `f64::trunc` (std-only; `core::arch::wasm32::f64_trunc` is unstable).
/// The same code natively and in wasm, tested against std.
pub(crate) fn trunc(x: f64) -> f64 {
    // From 2^52 up every finite f64 is an integer; NaN and infinities pass.
    if x.is_nan() || x.abs() >= 4_503_599_627_370_496.0 {
        return x;
    }
    let t = x as i64 as f64;
    if t == 0.0 && x.is_sign_negative() {
        -0.0
    } else {
        t
    }
}

/// The square root (std-only in Rust): Newton's method from an exponent
/// halving guess, the same code natively and in wasm so both targets give
/// the same pixel measures. Within an ulp or two of the exact root, which
/// the pixel checks round to two decimals anyway.
pub(crate) fn sqrt(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 || x == f64::INFINITY {
        return x;
    }
    // Halving the biased exponent (and the mantissa bits with it) is within
    // ~6 % of the root; six steps take that below 1e-16.
    let mut y = f64::from_bits((x.to_bits() >> 1) + (1023u64 << 51));
    for _ in 0..6 {
        y = 0.5 * (y + x / y);
    }
    y
}

/// `f64::round`: half away from zero (`x - trunc(x)` is exact).
pub(crate) fn round(x: f64) -> f64 {
    let t = trunc(x);
    let d = x - t;
    if d >= 0.5 {
        t + 1.0
    } else if d <= -0.5 {
        t - 1.0
    } else {
        t
    }
}

/// `f64::fract`.
pub(crate) fn fract(x: f64) -> f64 {
    x - trunc(x)
}

/// 10 to the power `e` (e ≥ 0) by repeated multiplication: exact up to
/// 10^22, infinite past 10^308; the same result natively and in wasm.
pub(crate) fn pow10(e: i32) -> f64 {
    let mut r = 1.0;
    for _ in 0..e.clamp(0, 400) {
        r *= 10.0;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_helpers_agree_with_std() {
        for x in [
            0.0, -0.0, 0.3, -0.3, 0.5, -0.5, 1.5, -2.5, 2.4999, 1e300, -7.0, 123.456,
        ] {
            assert_eq!(round(x).to_bits(), x.round().to_bits(), "round {x}");
            assert_eq!(fract(x).to_bits(), x.fract().to_bits(), "fract {x}");
        }
        assert!(round(f64::NAN).is_nan());
        assert_eq!(round(f64::INFINITY), f64::INFINITY);
        for e in 0..=22 {
            assert_eq!(pow10(e), 10f64.powi(e), "10^{e}");
        }
        assert_eq!(pow10(400), f64::INFINITY);
        for x in [
            0.0,
            -0.0,
            0.7,
            -0.7,
            3.99,
            -3.99,
            1e15 + 0.5,
            4.6e18,
            f64::INFINITY,
        ] {
            assert_eq!(trunc(x).to_bits(), x.trunc().to_bits(), "trunc {x}");
        }
        assert!(trunc(f64::NAN).is_nan());
        for x in [
            1e-300, 1e-9, 0.25, 2.0, 3.0, 10.0, 1234.5678, 65025.0, 1e300,
        ] {
            let (a, b) = (sqrt(x), x.sqrt());
            assert!((a - b).abs() <= b * 4e-16, "sqrt {x}: {a} vs {b}");
        }
        assert_eq!(sqrt(0.0), 0.0);
        assert!(sqrt(-1.0).is_nan());
    }
}

/// What [`cat!`] can append: text, characters and integers.
pub(crate) trait Piece {
    /// Appends `self` to `out`.
    fn push_to(&self, out: &mut String);
}

use prelude::String;

impl Piece for str {
    // Vision wasm: `put`'s one copy, not `push_str` inlined at every `cat!`
    // piece (−582 B gz; docs/notes/vision-speed2.md).
    fn push_to(&self, out: &mut String) {
        out.put(self);
    }
}
impl Piece for String {
    // As for `str`.
    fn push_to(&self, out: &mut String) {
        out.put(self);
    }
}
/// `String::push_str` as `put`: in the vision wasm one function, not the
/// reserve and copy inlined at every call (json, output, i18n, api, slots and
/// profile write through it: −427 B gz there, docs/notes/vision-speed2.md);
/// elsewhere the same inlined `push_str`.
pub(crate) trait Put {
    /// Appends `s` (`String::push_str`).
    fn put(&mut self, s: &str);
    /// Appends `c` (`String::push`; out of line in the vision wasm as `put`).
    fn put_char(&mut self, c: char);
}
impl Put for String {
    #[cfg_attr(vision_only, inline(never))]
    fn put(&mut self, s: &str) {
        self.push_str(s);
    }
    #[cfg(vision_only)]
    #[inline(never)]
    fn put_char(&mut self, c: char) {
        self.put(c.encode_utf8(&mut [0; 4]));
    }
    #[cfg(not(vision_only))]
    fn put_char(&mut self, c: char) {
        self.push(c);
    }
}
/// `String::from(s)`. In the vision wasm one function (an empty string
/// and [`Put::put`]), not an allocation and a copy inlined at every caller
/// (profile, options, i18n, findings; docs/notes/vision-speed2.md, v22);
/// elsewhere `String::from` inlined.
#[cfg(vision_only)]
#[inline(never)]
pub(crate) fn owned(s: &str) -> String {
    let mut out = String::new();
    out.put(s);
    out
}
/// See the vision build's `owned` above.
#[cfg(not(vision_only))]
#[inline]
pub(crate) fn owned(s: &str) -> String {
    String::from(s)
}
impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.put_char(*self);
    }
}
impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}
macro_rules! piece_int {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                #[allow(unused_comparisons)]
                if *self < 0 {
                    out.put_char('-');
                }
                push_u64(out, (*self as i64).unsigned_abs());
            }
        }
    )*};
}
piece_int!(u8, u16, u32, usize, i32, i64);
impl Piece for u64 {
    fn push_to(&self, out: &mut String) {
        push_u64(out, *self);
    }
}

/// Appends the decimal digits of `n`.
pub(crate) fn push_u64(out: &mut String, n: u64) {
    // Digits last to first into a buffer walked by iterators: no indexing
    // and only constant divisors, so no panic path (which would link core's
    // number formatting) is generated.
    let mut buf = [0u8; 20];
    let (mut m, mut len) = (n, 0);
    for slot in buf.iter_mut() {
        *slot = b'0' + (m % 10) as u8;
        m /= 10;
        len += 1;
        if m == 0 {
            break;
        }
    }
    for &d in buf.iter().take(len).rev() {
        out.put_char(char::from(d));
    }
}

/// `n` in decimal, at least `width` digits (zero-padded): `{:0width$}`.
pub(crate) fn padded(n: u64, width: usize) -> String {
    let mut digits = String::new();
    push_u64(&mut digits, n);
    let mut out = String::new();
    for _ in digits.len()..width {
        out.put_char('0');
    }
    out.put(&digits);
    out
}

/// `format!` without `core::fmt`: `cat!(a, ".", n)` appends each piece
/// ([`Piece`]: `str`, `String`, `char`, integers) to a new `String`.
macro_rules! cat {
    ($($e:expr),* $(,)?) => {{
        let mut out = $crate::rt::prelude::String::new();
        $( $crate::rt::Piece::push_to(&$e, &mut out); )*
        out
    }};
}
pub(crate) use cat;
