//! Exercise `semaphore` (C4): at most N at a time.
//!
//! Python's `threading.Semaphore(3)` lets three threads in and makes the
//! fourth wait; `BoundedSemaphore` also refuses a `release()` that would
//! raise the count above where it started. Rust's `std` has no semaphore:
//! this one is a count under a mutex and a condition variable, and its
//! permits give themselves back when dropped. Python's style of acquiring in
//! one place and releasing in another is still possible: `Permit::forget`
//! keeps a permit taken, and `release` adds one back by hand.

use std::fmt;
use std::sync::PoisonError;
use std::time::Duration;

use crate::sync::{Condvar, Mutex, MutexGuard};

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

    // ANCHOR: acquire
    /// Takes a permit, waiting until one is free.
    pub fn acquire(&self) -> Permit<'_> {
        let counts = self.counts();
        // wait_while re-checks after every wake-up: another thread may have
        // taken the permit that woke us.
        let mut counts = self
            .released
            .wait_while(counts, |counts| counts.available == 0)
            .unwrap_or_else(PoisonError::into_inner);
        self.take(&mut counts)
    }
    // ANCHOR_END: acquire

    /// Takes a permit if one is free now.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        let mut counts = self.counts();
        (counts.available > 0).then(|| self.take(&mut counts))
    }

    /// Takes a permit, waiting at most `timeout` for one.
    pub fn acquire_timeout(&self, timeout: Duration) -> Option<Permit<'_>> {
        let counts = self.counts();
        let (mut counts, _) = self
            .released
            .wait_timeout_while(counts, timeout, |counts| counts.available == 0)
            .unwrap_or_else(PoisonError::into_inner);
        (counts.available > 0).then(|| self.take(&mut counts))
    }

    /// How many permits are free now.
    pub fn available(&self) -> usize {
        self.counts().available
    }

    /// Moves one free permit out, as a live [`Permit`].
    fn take(&self, counts: &mut Counts) -> Permit<'_> {
        counts.available -= 1;
        counts.held += 1;
        Permit { semaphore: self }
    }

    // ANCHOR: release
    /// Adds a permit by hand: Python's bare `release()`. A bounded semaphore
    /// refuses when the free permits and the live ones already make its
    /// limit (each live permit will come back when dropped).
    pub fn release(&self) -> Result<(), OverRelease> {
        let mut counts = self.counts();
        if let Some(limit) = self.limit
            && counts.available + counts.held >= limit
        {
            return Err(OverRelease { limit });
        }
        counts.available += 1;
        drop(counts);
        self.released.notify_one();
        Ok(())
    }
    // ANCHOR_END: release

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
        self.semaphore.counts().held -= 1;
        std::mem::forget(self);
    }
}

// ANCHOR: permit_drop
impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.semaphore.give_back();
    }
}

impl Semaphore {
    /// Takes a live permit back: one more free, one waiter woken. Only a
    /// permit's `Drop` calls it.
    fn give_back(&self) {
        let mut counts = self.counts();
        counts.held -= 1;
        counts.available += 1;
        drop(counts);
        // One permit back, so one waiter can go ahead.
        self.released.notify_one();
    }
}
// ANCHOR_END: permit_drop

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
