//! The locks, condition variables and atomics of this chapter. (Given: the same file
//! in your crate and in the solution.)
//!
//! Use these rather than `std::sync`'s: they have std's API and are std
//! underneath. When the chapter is graded (the `grading` feature, on by
//! default, so `cargo test` and `cargo xtask check` use it) they come from
//! `grading::sync`, which makes rare events happen on every run: a wait on a
//! `Condvar` first returns without a notification (a spurious wake-up, which
//! std's documentation allows), another thread gets to run right after an
//! unlock, and the tests can count locks, waits and notifications. Code that
//! waits correctly passes either way. The `shuttle` feature swaps in
//! shuttle's primitives for the model checks of the solution
//! (`cargo xtask model`).

#[cfg(not(feature = "shuttle"))]
use std::time::Duration;

#[cfg(all(feature = "grading", not(feature = "shuttle")))]
pub(crate) use grading::sync::{Condvar, Mutex, MutexGuard};
#[cfg(feature = "shuttle")]
pub(crate) use shuttle::sync::atomic::{AtomicBool, Ordering};
#[cfg(feature = "shuttle")]
pub(crate) use shuttle::sync::{Condvar, Mutex, MutexGuard};
#[cfg(feature = "shuttle")]
pub(crate) use shuttle::thread::{self, ThreadId};
#[cfg(not(feature = "shuttle"))]
pub(crate) use std::sync::atomic::{AtomicBool, Ordering};
#[cfg(not(any(feature = "grading", feature = "shuttle")))]
pub(crate) use std::sync::{Condvar, Mutex, MutexGuard};
#[cfg(not(feature = "shuttle"))]
pub(crate) use std::thread::{self, ThreadId};

/// Locks `mutex`, ignoring poison: the GIL's state stays consistent even if
/// a thread panicked while holding the mutex, because every update is one
/// assignment.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

// ANCHOR: wait_interval
/// Waits on `changed` for at most `interval`; returns the guard and whether
/// the whole interval ran out.
#[cfg(not(feature = "shuttle"))]
pub(crate) fn wait_interval<'a, T>(
    _mutex: &'a Mutex<T>,
    changed: &Condvar,
    guard: MutexGuard<'a, T>,
    interval: Duration,
) -> (MutexGuard<'a, T>, bool) {
    let (guard, result) = changed
        .wait_timeout(guard, interval)
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    (guard, result.timed_out())
}
// ANCHOR_END: wait_interval

#[cfg(feature = "shuttle")]
pub(crate) use model::wait_interval;

#[cfg(feature = "shuttle")]
mod model {
    use super::{Condvar, Mutex, MutexGuard, lock, thread};
    use std::time::Duration;

    /// Shuttle's timed waits never time out, so the model lets the scheduler
    /// choose: either the interval runs out (the waiter lets go of the mutex,
    /// other threads may run, and it comes back having timed out) or a
    /// notification ends the wait.
    pub(crate) fn wait_interval<'a, T>(
        mutex: &'a Mutex<T>,
        changed: &Condvar,
        guard: MutexGuard<'a, T>,
        _interval: Duration,
    ) -> (MutexGuard<'a, T>, bool) {
        use shuttle::rand::{Rng, thread_rng};
        if thread_rng().r#gen::<bool>() {
            drop(guard);
            thread::yield_now();
            (lock(mutex), true)
        } else {
            (
                changed
                    .wait(guard)
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
                false,
            )
        }
    }
}
