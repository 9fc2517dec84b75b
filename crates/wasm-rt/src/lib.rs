//! The runtime of beian-check's wasm build, which is `no_std` (see the
//! core's `src/rt.rs` for why): every `unsafe` line of the project is here,
//! so the core keeps `#![forbid(unsafe_code)]`.
//!
//! On wasm32 this crate provides the global allocator, the panic handler and
//! single-threaded `OnceLock`/`Mutex`. On any other target it is empty (the
//! core uses std there).
#![no_std]
#![deny(missing_docs)]
// `new` must be `const` (the values are statics); `Default` would be unused.
#![allow(clippy::new_without_default)]

#[cfg(target_arch = "wasm32")]
pub use single::{Mutex, OnceLock};

#[cfg(target_arch = "wasm32")]
/// `OnceLock` and `Mutex` for one thread.
pub mod single {
    use core::cell::{BorrowMutError, RefCell, RefMut, UnsafeCell};

    /// `std::sync::OnceLock` for a single-threaded target. Not core's
    /// `OnceCell`: its re-entrancy panic costs ~260 bytes per value type;
    /// here a re-entrant fill simply wins and the outer value is dropped.
    pub struct OnceLock<T>(UnsafeCell<Option<T>>);

    // SAFETY: wasm32-unknown-unknown without the atomics feature runs one
    // thread; nothing can observe the cell from a second one.
    unsafe impl<T> Sync for OnceLock<T> {}

    impl<T> OnceLock<T> {
        /// An empty cell.
        pub const fn new() -> Self {
            OnceLock(UnsafeCell::new(None))
        }
        /// The value, if set.
        pub fn get(&self) -> Option<&T> {
            // SAFETY: once `Some`, the cell is never written again, so shared
            // references to the value stay valid; it is written only while
            // `None`, when no reference into it can exist.
            unsafe { (*self.0.get()).as_ref() }
        }
        /// Sets the value unless already set (then hands it back).
        pub fn set(&self, value: T) -> Result<(), T> {
            if self.get().is_some() {
                return Err(value);
            }
            // SAFETY: `None` (just checked, one thread): no reference exists.
            unsafe { *self.0.get() = Some(value) };
            Ok(())
        }
        /// The value, computing it on first use.
        pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
            if let Some(v) = self.get() {
                return v;
            }
            let v = f();
            // `f` may have filled the cell itself (re-entry): keep that one.
            let _ = self.set(v);
            match self.get() {
                Some(v) => v,
                None => core::arch::wasm32::unreachable(),
            }
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
pub mod heap {
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

    /// The allocator (the crate installs one as the global allocator).
    pub struct Heap(UnsafeCell<State>);

    // SAFETY: one thread (see `single`).
    unsafe impl Sync for Heap {}

    impl Heap {
        /// An empty heap: pages are taken on first use.
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
            // `get_mut`, not indexing: a bounds check would link core's panic
            // formatting (k < CLASSES whenever alloc returned `p`).
            if let Some(head) = s.free.get_mut(k) {
                unsafe { *(p as *mut *mut u8) = *head };
                *head = p;
            }
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
