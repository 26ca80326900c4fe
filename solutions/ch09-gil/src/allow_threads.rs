//! Exercise `allow_threads` (G2): let go of the GIL around blocking calls.
//!
//! CPython releases the GIL around every blocking call: reading a socket,
//! `time.sleep`, waiting for a lock. That is why I/O-bound threads overlap
//! under the GIL while CPU-bound ones take turns. C extensions do the same
//! with `Py_BEGIN_ALLOW_THREADS`, and PyO3 with `Python::detach` (called
//! `allow_threads` before PyO3 0.26).
//!
//! [`GilGuard::allow_threads`] releases the lock, runs the blocking call, and
//! takes the lock back, even if the call panics. It borrows the guard
//! mutably for the whole call, so the closure cannot use the guard: the
//! borrow checker refuses to let code that runs without the lock act as if it
//! held it (the lesson `tests/ui/allow_threads_cannot_use_the_guard.rs`).

use crate::gil::{Gil, GilGuard};

// ANCHOR: allow_threads
impl GilGuard<'_> {
    /// Runs `blocking` with the lock released, and returns its value once
    /// this thread holds the lock again. If `blocking` panics, its panic goes
    /// on to the caller as it is (the same payload), also once this thread
    /// holds the lock again.
    pub fn allow_threads<R>(&mut self, blocking: impl FnOnce() -> R) -> R {
        self.gil().release();
        // Taken back in `drop`, so a panic in `blocking` leaves the guard
        // holding the lock, as its owner expects, and the guard's own drop
        // releases it once.
        let _retake = Retake(self.gil());
        blocking()
    }
}

/// Takes the lock back when dropped.
struct Retake<'gil>(&'gil Gil);

impl Drop for Retake<'_> {
    fn drop(&mut self) {
        self.0.take();
    }
}
// ANCHOR_END: allow_threads
