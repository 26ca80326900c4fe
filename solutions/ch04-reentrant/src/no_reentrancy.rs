//! Exercise `no_reentrancy` (R4): the same API as `add_and_down`, with a
//! plain mutex, locked once.
//!
//! Reentrancy is rarely needed in Rust. Lock once, at the public edge, and
//! hand the private helpers `&mut` to the data: the borrow checker then
//! guarantees they cannot lock again, and the data needs no `RefCell`.

use std::sync::PoisonError;
use std::sync::atomic::{AtomicUsize, Ordering};

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
}

/// A balance changed by `add` and `down`, with one lock per public call.
#[derive(Debug, Default)]
pub struct Balance {
    value: CountingMutex<i64>,
}

// ANCHOR: balance
impl Balance {
    /// A balance of zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `amount`.
    pub fn add(&self, amount: i64) {
        execute(&mut self.value.lock(), amount);
    }

    /// Subtracts `amount`.
    pub fn down(&self, amount: i64) {
        execute(&mut self.value.lock(), -amount);
    }

    /// The current balance.
    pub fn value(&self) -> i64 {
        *self.value.lock()
    }

    /// How many times the lock was taken so far.
    pub fn locks(&self) -> usize {
        self.value.locks()
    }
}

/// Applies the change to data the caller has already locked: it receives
/// `&mut i64`, not the lock, so it cannot lock again.
fn execute(value: &mut i64, delta: i64) {
    *value += delta;
}
// ANCHOR_END: balance
