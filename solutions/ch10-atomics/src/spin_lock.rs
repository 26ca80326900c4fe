//! A spin lock: a `Mutex` made of one `AtomicBool`, with a guard (O3).
//!
//! Taking the lock is one `compare_exchange` from `false` to `true`; a thread
//! that finds it `true` tries again, and again, telling the processor it is
//! spinning (`spin_loop`). Releasing it is one store of `false`. The
//! orderings are what make it a lock and not just a flag: `Acquire` when
//! taking it, so this thread sees everything the last holder wrote, and
//! `Release` when letting go, so the next holder sees everything this one
//! wrote.
//!
//! Spinning wins when the lock is held for a moment and every thread has a
//! core; with more threads than cores, a spinner burns the time slice the
//! holder needs to finish (`cargo xtask bench ch10-atomics`).

use std::ops::{Deref, DerefMut};

use crate::sync::{AtomicBool, Ordering, UnsafeCell, hint};

/// A lock that waits by spinning.
#[derive(Debug)]
pub struct SpinLock<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}

// SAFETY: the value is reached only through a `SpinGuard`, and only one
// guard exists at a time (the `compare_exchange` that creates it moves
// `locked` from false to true, and only the guard's drop moves it back). So a
// `&SpinLock<T>` shared between threads hands the value to one thread at a
// time, which is what `T: Send` allows.
unsafe impl<T: Send> Sync for SpinLock<T> {}

/// Access to the locked value; dropping it unlocks.
#[derive(Debug)]
pub struct SpinGuard<'a, T> {
    lock: &'a SpinLock<T>,
}

impl<T> SpinLock<T> {
    /// An unlocked lock around `value`.
    pub fn new(value: T) -> Self {
        Self {
            locked: AtomicBool::new(false),
            value: UnsafeCell::new(value),
        }
    }

    // ANCHOR: lock
    /// Waits, spinning, until the lock is free, and takes it.
    pub fn lock(&self) -> SpinGuard<'_, T> {
        // Acquire on success: this thread sees every write the last holder
        // made before its Release store of `false`. The weak exchange may
        // fail for no reason, which the loop absorbs; on a failure nothing
        // was taken, so Relaxed.
        while self
            .locked
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            // Wait with plain loads until it looks free: a failed exchange
            // claims the cache line, a load only shares it.
            while self.locked.load(Ordering::Relaxed) {
                hint::spin_loop();
            }
        }
        SpinGuard { lock: self }
    }
    // ANCHOR_END: lock

    // ANCHOR: try_lock
    /// Takes the lock if it is free right now; never waits.
    pub fn try_lock(&self) -> Option<SpinGuard<'_, T>> {
        // The strong exchange: `None` must mean "held", never "unlucky".
        self.locked
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .ok()
            .map(|_| SpinGuard { lock: self })
    }
    // ANCHOR_END: try_lock

    /// The value, for the owner of the lock itself: no locking needed.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

// ANCHOR: guard
impl<T> Deref for SpinGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: this guard holds the lock, so no other reference to the
        // value exists; the borrow ends with the guard's.
        self.lock.value.with(|value| unsafe { &*value })
    }
}

impl<T> DerefMut for SpinGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for `deref`, and `&mut self` makes this the only borrow
        // through the guard.
        self.lock.value.with_mut(|value| unsafe { &mut *value })
    }
}

impl<T> Drop for SpinGuard<'_, T> {
    fn drop(&mut self) {
        // Release: every write made while holding the lock happens before
        // the next holder's Acquire exchange.
        self.lock.locked.store(false, Ordering::Release);
    }
}
// ANCHOR_END: guard
