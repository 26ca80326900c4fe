//! The atomics, cells, threads and waits of this chapter. (Given: the same
//! file in your crate and in the solution.)
//!
//! Take every atomic, `Arc`, `UnsafeCell`, `thread` and `spin_loop` from
//! here rather than from `std`. In an ordinary build they are std's (the
//! cell is std's `UnsafeCell` behind the small API loom needs). With the
//! `loom` feature they are loom's, and the graded tests run loom models of
//! your code: loom runs it under every interleaving of its threads, and under
//! the weaker memory orderings it models, and fails with the schedule that
//! breaks it, even on an x86 machine that would never show it.
//!
//! - [`UnsafeCell`]: shared data that only your atomics protect. Read it
//!   with `cell.with(|ptr| ...)` and write it with `cell.with_mut(|ptr| ...)`;
//!   under loom, each access is checked against the ones in other threads,
//!   and a read that does not happen after the last write is reported as a
//!   data race.
//! - [`futex`]: wait while an `AtomicU32` holds a value, and wake the waiters
//!   (the `atomic-wait` crate: Linux's futex, and its equivalents elsewhere).

#[cfg(feature = "loom")]
pub use loom::{
    hint,
    sync::Arc,
    sync::atomic::{AtomicBool, AtomicU8, AtomicU32, AtomicU64, AtomicUsize, Ordering, fence},
    thread,
};
#[cfg(not(feature = "loom"))]
pub use std::{
    hint,
    sync::Arc,
    sync::atomic::{AtomicBool, AtomicU8, AtomicU32, AtomicU64, AtomicUsize, Ordering, fence},
    thread,
};

#[cfg(not(feature = "loom"))]
pub use self::cell::UnsafeCell;
#[cfg(feature = "loom")]
pub use loom::cell::UnsafeCell;

#[cfg(not(feature = "loom"))]
mod cell {
    /// std's `UnsafeCell` with loom's way in: access goes through a closure,
    /// so the same code builds on both.
    #[derive(Debug, Default)]
    pub struct UnsafeCell<T>(std::cell::UnsafeCell<T>);

    impl<T> UnsafeCell<T> {
        pub const fn new(value: T) -> Self {
            Self(std::cell::UnsafeCell::new(value))
        }

        /// Calls `f` with a pointer to read the value through.
        pub fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
            f(self.0.get())
        }

        /// Calls `f` with a pointer to write the value through.
        pub fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
            f(self.0.get())
        }

        pub fn into_inner(self) -> T {
            self.0.into_inner()
        }
    }
}

/// Futex-style waiting on an `AtomicU32`: the waiter sleeps in the kernel,
/// using no processor time, until another thread wakes it.
pub mod futex {
    use super::AtomicU32;

    /// Sleeps while `atomic` holds `expected`; returns at once if it does
    /// not. It may also return without a wake-up and without a change: always
    /// call it in a loop that checks the atomic again.
    ///
    /// In the grading build every other call returns at once, as a real
    /// futex may. Under loom every call returns at once (the loop around it
    /// then lets the other threads run), so loom checks the orderings and
    /// the real-thread tests check the sleeping and the waking.
    pub fn wait(atomic: &AtomicU32, expected: u32) {
        #[cfg(feature = "loom")]
        {
            let _ = (atomic, expected);
            loom::thread::yield_now();
        }
        #[cfg(not(feature = "loom"))]
        {
            #[cfg(feature = "grading")]
            if early_this_time() {
                return;
            }
            atomic_wait::wait(atomic, expected);
        }
    }

    /// Wakes one thread sleeping in [`wait`] on `atomic`, if any.
    pub fn wake_one(atomic: &AtomicU32) {
        #[cfg(feature = "loom")]
        let _ = atomic;
        #[cfg(not(feature = "loom"))]
        atomic_wait::wake_one(atomic);
    }

    /// Wakes every thread sleeping in [`wait`] on `atomic`.
    pub fn wake_all(atomic: &AtomicU32) {
        #[cfg(feature = "loom")]
        let _ = atomic;
        #[cfg(not(feature = "loom"))]
        atomic_wait::wake_all(atomic);
    }

    /// Every other wait of a thread returns early, the first one included.
    #[cfg(all(feature = "grading", not(feature = "loom")))]
    fn early_this_time() -> bool {
        use std::cell::Cell;
        thread_local! {
            static WAITS: Cell<u64> = const { Cell::new(0) };
        }
        WAITS.with(|waits| {
            let n = waits.get();
            waits.set(n + 1);
            n % 2 == 0
        })
    }
}
