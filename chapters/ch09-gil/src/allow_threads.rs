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
//!
//! Your task: implement [`GilGuard::allow_threads`] with the `release` and
//! `take` you wrote in `gil`. If the call panics, the lock must still be
//! taken back before the panic leaves `allow_threads`: a value whose `Drop`
//! takes it does that.

use crate::gil::{Gil, GilGuard};

impl GilGuard<'_> {
    /// Runs `blocking` with the lock released, and returns its value once
    /// this thread holds the lock again. If `blocking` panics, its panic goes
    /// on to the caller as it is (the same payload), also once this thread
    /// holds the lock again.
    pub fn allow_threads<R>(&mut self, blocking: impl FnOnce() -> R) -> R {
        // TODO
        todo!("release the lock, run the call, take the lock back (even on a panic)")
    }
}
