//! The little of `std` the crate uses, so the wasm build can do without it.
//!
//! Natively the crate is an ordinary `std` crate (tests, the CLI, Node
//! parity). On `wasm32` it is `#![no_std]`: `std`'s panic machinery formats
//! every panic message (it pulls in `core::fmt`, Unicode tables and the
//! panic-location strings, ~10 % of the module) and its allocator is
//! dlmalloc (~7 KB). Here the wasm build gets instead
//!
//! * a panic handler that traps without formatting (the checks are written
//!   not to panic; a trap is what `panic = "abort"` gave before),
//! * a size-class allocator of about 300 bytes (below), and
//! * single-threaded `OnceLock` / `Mutex` (wasm32 without the atomics
//!   feature has exactly one thread).
//!
//! Every other module imports [`prelude`] for the names `std`'s prelude
//! would give it (`String`, `Vec`, `format!`, …) from `alloc`.

/// `String`, `Vec`, `Box`, `ToString`, `ToOwned`, `format!` and `vec!`,
/// from `alloc`, for the modules of a crate that is `no_std` on wasm32.
#[allow(unused_imports)]
pub(crate) mod prelude {
    pub(crate) use crate::rt::cat;
    pub use alloc::borrow::ToOwned;
    pub use alloc::boxed::Box;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

#[cfg(not(target_arch = "wasm32"))]
pub use std::sync::{Mutex, OnceLock};

#[cfg(target_arch = "wasm32")]
pub use single::{Mutex, OnceLock};

#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)]
mod single {
    use core::cell::{BorrowMutError, OnceCell, RefCell, RefMut};

    /// `std::sync::OnceLock` for a single-threaded target.
    pub struct OnceLock<T>(OnceCell<T>);

    // SAFETY: wasm32-unknown-unknown without the atomics feature runs one
    // thread; nothing can observe the cell from a second one.
    unsafe impl<T> Sync for OnceLock<T> {}

    impl<T> OnceLock<T> {
        /// An empty cell.
        pub const fn new() -> Self {
            OnceLock(OnceCell::new())
        }
        /// The value, if set.
        pub fn get(&self) -> Option<&T> {
            self.0.get()
        }
        /// Sets the value unless already set (then hands it back).
        pub fn set(&self, value: T) -> Result<(), T> {
            self.0.set(value)
        }
        /// The value, computing it on first use.
        pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
            self.0.get_or_init(f)
        }
    }

    /// `std::sync::Mutex` for a single-threaded target: `lock` fails only
    /// on re-entry (where std's would deadlock).
    pub struct Mutex<T>(RefCell<T>);

    // SAFETY: as for OnceLock — one thread.
    unsafe impl<T> Sync for Mutex<T> {}

    impl<T> Mutex<T> {
        /// A mutex holding `value`.
        pub const fn new(value: T) -> Self {
            Mutex(RefCell::new(value))
        }
        /// Exclusive access to the value.
        pub fn lock(&self) -> Result<RefMut<'_, T>, BorrowMutError> {
            self.0.try_borrow_mut()
        }
    }
}

/// Traps without formatting anything: formatting the message would link
/// `core::fmt` into every build for text nobody reads.
#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: heap::Heap = heap::Heap::new();

/// A size-class allocator: every block is a power of two (8 bytes to
/// 2 GiB), freed blocks go on their class's list and are reused as they
/// are, fresh ones are cut from pages taken with `memory.grow` (the pages
/// past the module's data and stack, as dlmalloc does). No splitting or
/// merging, so up to half of a block may be slack; in exchange it is a few
/// hundred bytes of code. A check allocates and frees the same shapes on
/// every keystroke, so the lists settle at the peak use of each size.
#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)]
mod heap {
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;
    use core::ptr::null_mut;

    const CLASSES: usize = 32;
    const PAGE: usize = 65_536;
    /// Blocks are aligned to their size, up to this (larger alignments are
    /// never asked for by this crate; they get a null pointer, i.e. abort).
    const MAX_ALIGN: usize = 4096;

    struct State {
        free: [*mut u8; CLASSES],
        top: usize,
        end: usize,
    }

    pub struct Heap(UnsafeCell<State>);

    // SAFETY: one thread (see `single`).
    unsafe impl Sync for Heap {}

    impl Heap {
        pub const fn new() -> Heap {
            Heap(UnsafeCell::new(State {
                free: [null_mut(); CLASSES],
                top: 0,
                end: 0,
            }))
        }
    }

    /// The class of a layout: log2 of the block size, at least 3.
    fn class(l: Layout) -> usize {
        let n = l.size().max(l.align()).max(8);
        (usize::BITS - (n - 1).leading_zeros()) as usize
    }

    unsafe impl GlobalAlloc for Heap {
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            let k = class(l);
            if k >= CLASSES || l.align() > MAX_ALIGN {
                return null_mut();
            }
            // SAFETY: single-threaded and not re-entrant (no allocation below).
            let s = unsafe { &mut *self.0.get() };
            let head = s.free[k];
            if !head.is_null() {
                // SAFETY: a free block's first word links the next one.
                s.free[k] = unsafe { *(head as *mut *mut u8) };
                return head;
            }
            let size = 1usize << k;
            let align = size.min(MAX_ALIGN);
            let start = (s.top + align - 1) & !(align - 1);
            let Some(stop) = start.checked_add(size) else {
                return null_mut();
            };
            if stop > s.end {
                let pages = (stop - s.end).div_ceil(PAGE);
                let old = core::arch::wasm32::memory_grow(0, pages);
                if old == usize::MAX {
                    return null_mut();
                }
                if old * PAGE != s.end {
                    // First use (or memory grown by someone else): start
                    // afresh at the new pages.
                    s.top = old * PAGE;
                    s.end = s.top + pages * PAGE;
                    // SAFETY: same state, retried on a fresh region.
                    return unsafe { self.alloc(l) };
                }
                s.end += pages * PAGE;
            }
            s.top = stop;
            start as *mut u8
        }

        unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
            let k = class(l);
            // SAFETY: single-threaded; `p` came from `alloc` with class `k`.
            let s = unsafe { &mut *self.0.get() };
            unsafe { *(p as *mut *mut u8) = s.free[k] };
            s.free[k] = p;
        }

        unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
            // SAFETY: the caller guarantees `new_size` with `l.align()` is a valid layout.
            let new = unsafe { Layout::from_size_align_unchecked(new_size, l.align()) };
            if class(new) == class(l) {
                return p;
            }
            // SAFETY: as GlobalAlloc::realloc requires.
            let q = unsafe { self.alloc(new) };
            if !q.is_null() {
                unsafe {
                    core::ptr::copy_nonoverlapping(p, q, l.size().min(new_size));
                    self.dealloc(p, l);
                }
            }
            q
        }
    }
}

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
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}
impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}
impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self);
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
                    out.push('-');
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
pub(crate) fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(char::from(b));
    }
}

/// `n` in decimal, at least `width` digits (zero-padded): `{:0width$}`.
pub(crate) fn padded(n: u64, width: usize) -> String {
    let mut digits = String::new();
    push_u64(&mut digits, n);
    let mut out = String::new();
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
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
