//! Exercise `semaphore` (C4): at most N at a time.
//!
//! Python's `threading.Semaphore(3)` lets three threads in and makes the
//! fourth wait; `BoundedSemaphore` also refuses a `release()` that would
//! raise the count above where it started. Rust's `std` has no semaphore:
//! this one is a count under a mutex and a condition variable, and its
//! permits give themselves back when dropped. Python's style of acquiring in
//! one place and releasing in another is still possible: `Permit::forget`
//! keeps a permit taken, and `release` adds one back by hand.
//!
//! Your task: implement the methods of [`Semaphore`] and [`Permit`] that say
//! `todo!()`. The fields are a suggestion; change them as you like.
//!
//! The `Mutex` and `Condvar` come from the given `crate::sync`: std's, whose
//! waits graded builds make wake up spuriously on purpose, every time. A
//! wait that checks its condition again after waking passes either way.

use std::fmt;
use std::sync::PoisonError;
use std::time::Duration;

use crate::sync::{Condvar, Mutex, MutexGuard};

// ANCHOR: types
/// A counting semaphore.
pub struct Semaphore {
    counts: Mutex<Counts>,
    released: Condvar,
    /// For a bounded semaphore, the count it may never exceed.
    limit: Option<usize>,
}

/// Permits free, and permits out as live [`Permit`]s.
#[derive(Debug, Default)]
struct Counts {
    available: usize,
    held: usize,
}

/// One permit; dropping it gives it back.
#[must_use = "the permit is given back when it is dropped"]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}
// ANCHOR_END: types

/// `release` on a bounded semaphore that is already at its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverRelease {
    /// The limit.
    pub limit: usize,
}

impl fmt::Display for OverRelease {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "semaphore released too many times (limit {})",
            self.limit
        )
    }
}

impl std::error::Error for OverRelease {}

impl Semaphore {
    /// A semaphore with `permits` permits; `release` may add more.
    pub fn new(permits: usize) -> Self {
        Semaphore {
            counts: Mutex::new(Counts {
                available: permits,
                held: 0,
            }),
            released: Condvar::new(),
            limit: None,
        }
    }

    /// A semaphore that never has more than `permits` permits.
    pub fn bounded(permits: usize) -> Self {
        Semaphore {
            limit: Some(permits),
            ..Semaphore::new(permits)
        }
    }

    /// Takes a permit, waiting until one is free.
    pub fn acquire(&self) -> Permit<'_> {
        // TODO
        todo!("take a permit, waiting for one")
    }

    /// Takes a permit if one is free now.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        // TODO
        todo!("take a permit if one is free")
    }

    /// Takes a permit, waiting at most `timeout` for one.
    pub fn acquire_timeout(&self, timeout: Duration) -> Option<Permit<'_>> {
        // TODO
        todo!("take a permit, waiting at most timeout")
    }

    /// How many permits are free now.
    pub fn available(&self) -> usize {
        // TODO
        todo!("count the free permits")
    }

    /// Moves one free permit out, as a live [`Permit`].
    fn take(&self, counts: &mut Counts) -> Permit<'_> {
        counts.available -= 1;
        counts.held += 1;
        Permit { semaphore: self }
    }

    /// Adds a permit by hand: Python's bare `release()`. A bounded semaphore
    /// refuses when the free permits and the live ones already make its
    /// limit (each live permit will come back when dropped).
    pub fn release(&self) -> Result<(), OverRelease> {
        // TODO
        todo!("add a permit by hand")
    }

    fn counts(&self) -> MutexGuard<'_, Counts> {
        // The counts change together under the lock and nothing in between
        // can panic, so a poisoned lock still holds consistent counts.
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Permit<'_> {
    /// Keeps the permit taken without holding a `Permit`: Python's `acquire()`
    /// with the matching `release()` somewhere else. Give it back with
    /// [`Semaphore::release`].
    pub fn forget(self) {
        // TODO
        todo!("keep the permit taken")
    }
}

// ANCHOR: permit_drop
impl Drop for Permit<'_> {
    /// Gives the permit back. (Given: the work is `Semaphore::give_back`, yours.)
    /// While a test is already failing with a panic, a `give_back` that is still a
    /// `todo!()` must not panic a second time, which would abort every test;
    /// so its panic is caught then.
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                self.semaphore.give_back()
            }));
        } else {
            self.semaphore.give_back();
        }
    }
}
// ANCHOR_END: permit_drop

impl Semaphore {
    /// Takes a live permit back: one more free, one waiter woken. Only a
    /// permit's `Drop` calls it.
    fn give_back(&self) {
        // TODO
        todo!("give the permit back")
    }
}

impl fmt::Debug for Semaphore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Semaphore")
            .field("available", &self.available())
            .field("limit", &self.limit)
            .finish()
    }
}

impl fmt::Debug for Permit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Permit")
    }
}
