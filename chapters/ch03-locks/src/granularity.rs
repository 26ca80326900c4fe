//! Exercise `granularity` (L6, L7): the same sum, locked four ways.
//!
//! Threads add `f(x)` for their share of the numbers into one total. How
//! often they take the lock decides both the cost and how much they really
//! run at the same time:
//!
//! | strategy | locks taken | runs in parallel |
//! |---|---|---|
//! | [`lock_per_item`] | one per number | the work, yes; the adds queue up |
//! | [`lock_around_loop`] | one per thread | no: the lock serialises the loops |
//! | [`atomic_add`] | none (`fetch_add`) | yes |
//! | [`merge_at_end`] | none (sums come back through `join`) | yes |
//!
//! If `f` panics, each strategy panics too: none returns a sum with a part
//! missing.
//!
//! The benchmark `granularity` in the solution measures them.
//!
//! Your task: implement the four strategies. `CountingMutex` and
//! `split_evenly` are given.
//!
//! The `Mutex` comes from the given `crate::sync`: std's, which graded builds
//! make let other threads run right after an unlock, and count its locks.

use std::ops::Range;
use std::sync::PoisonError;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::thread;

use crate::sync::{Mutex, MutexGuard};

/// A mutex that counts how many times it was locked. (Given.)
#[derive(Debug, Default)]
pub struct CountingMutex<T> {
    inner: Mutex<T>,
    locks: AtomicUsize,
}

impl<T> CountingMutex<T> {
    /// A mutex around `value`, locked zero times so far.
    pub fn new(value: T) -> Self {
        CountingMutex {
            inner: Mutex::new(value),
            locks: AtomicUsize::new(0),
        }
    }

    /// Locks it, and counts that.
    pub fn lock(&self) -> MutexGuard<'_, T> {
        // Relaxed: a plain event counter, read after the threads are joined.
        self.locks.fetch_add(1, Ordering::Relaxed);
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// How many times it was locked.
    pub fn locks(&self) -> usize {
        self.locks.load(Ordering::Relaxed)
    }

    /// The value inside.
    pub fn into_inner(self) -> T {
        self.inner
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Splits `0..len` into at most `parts` contiguous, non-empty ranges whose
/// lengths differ by at most one. (Given.)
///
/// # Panics
///
/// When `parts` is zero.
pub fn split_evenly(len: usize, parts: usize) -> Vec<Range<usize>> {
    assert!(parts > 0, "cannot split into zero parts");
    let parts = parts.min(len);
    let mut start = 0;
    (0..parts)
        .map(|i| {
            let size = len / parts + usize::from(i < len % parts);
            start += size;
            start - size..start
        })
        .collect()
}

/// Each thread computes `f(x)` for its part and adds each one to `total`
/// under the lock: one lock per number. Compute outside the lock.
pub fn lock_per_item<F>(numbers: &[u64], threads: usize, total: &CountingMutex<u64>, f: F)
where
    F: Fn(u64) -> u64 + Sync,
{
    // TODO: one scoped thread per range from `split_evenly`.
    todo!("a lock per number")
}

/// Each thread takes the lock once and holds it for its whole loop: one lock
/// per thread.
pub fn lock_around_loop<F>(numbers: &[u64], threads: usize, total: &CountingMutex<u64>, f: F)
where
    F: Fn(u64) -> u64 + Sync,
{
    // TODO
    todo!("a lock per thread")
}

/// Each thread adds each `f(x)` to `total` with one atomic `fetch_add`.
pub fn atomic_add<F>(numbers: &[u64], threads: usize, total: &AtomicU64, f: F)
where
    F: Fn(u64) -> u64 + Sync,
{
    // TODO
    todo!("no lock: an atomic add")
}

/// Each thread sums its part privately; add up the partial sums that come
/// back from `join`. Nothing is shared, so nothing is locked.
pub fn merge_at_end<F>(numbers: &[u64], threads: usize, f: F) -> u64
where
    F: Fn(u64) -> u64 + Sync,
{
    // TODO
    todo!("no lock: merge at the end")
}
