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
//!
//! Your task: write `lock`, `try_lock` and the guard's `Deref`, `DerefMut` and
//! `Drop`. Spin with the given `sync::hint::spin_loop()`, which under loom lets
//! the other threads run. Everything without a `// TODO` is given.

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

    /// Waits, spinning, until the lock is free, and takes it.
    pub fn lock(&self) -> SpinGuard<'_, T> {
        // TODO
        todo!()
    }

    /// Takes the lock if it is free right now; never waits.
    pub fn try_lock(&self) -> Option<SpinGuard<'_, T>> {
        // TODO
        todo!()
    }

    /// The value, for the owner of the lock itself: no locking needed.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

impl<T> Deref for SpinGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        // TODO
        todo!()
    }
}

impl<T> DerefMut for SpinGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // TODO
        todo!()
    }
}

impl<T> Drop for SpinGuard<'_, T> {
    fn drop(&mut self) {
        // TODO (a `todo!` here would abort the tests: a drop runs while a failed test unwinds)
    }
}
