//! Exercise `reentrant_lock` (R3): build a reentrant lock.
//!
//! A reentrant lock remembers which thread owns it and how many times that
//! thread has taken it. The owner may take it again at once; every other
//! thread waits until the owner has released it as many times as it took it.
//! That is all: it is not a scheduler and passes nothing between threads; a
//! waiting thread simply sleeps on a condition variable until the count drops
//! to zero.
//!
//! Python's `RLock` raises `RuntimeError` when a thread that does not own it
//! calls `release()`. In Rust that mistake cannot be written: releasing is
//! dropping the guard, and the guard cannot leave the thread that took it
//! (the lesson `guard_is_not_send`).
//!
//! Your task: implement `lock`, `try_lock`, `depth` and `release` (which the
//! guard's given `Drop` calls). The types are given; you may change the
//! private fields.
//!
//! Ahead of its chapter: a condition variable (`Condvar`) is chapter 5's
//! subject. All you need here: `condvar.wait(guard)` lets go of the mutex,
//! sleeps until another thread calls `notify_one` or `notify_all`, and
//! takes the mutex back before it returns; it may also return without a
//! notification, so check the condition again in a loop.
//!
//! The `Mutex` and `Condvar` come from the given `crate::sync`: std's, whose
//! waits graded builds make wake up spuriously on purpose, every time. A
//! wait that checks its condition again after waking passes either way.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::PoisonError;

use crate::sync::{Condvar, Mutex, ThreadId, thread};

// ANCHOR: types
/// A lock that the thread holding it may take again.
///
/// Guards give shared access (`&T`), because two nested guards of one thread
/// exist at once; put a `Cell` or `RefCell` inside to change the value.
pub struct ReentrantLock<T> {
    owner: Mutex<Owner>,
    released: Condvar,
    data: T,
}

/// Who holds the lock, and how many times.
#[derive(Debug, Default)]
struct Owner {
    thread: Option<ThreadId>,
    depth: usize,
}

/// Proof that this thread holds the lock; dropping it releases one level.
#[must_use = "the lock is released when the guard is dropped"]
pub struct ReentrantGuard<'a, T> {
    lock: &'a ReentrantLock<T>,
    // A raw pointer is neither Send nor Sync, so neither is the guard: it is
    // dropped, and the lock released, on the thread that took it.
    _owned_by_this_thread: PhantomData<*const ()>,
}

// SAFETY: `data` is only reachable through a guard, and guards exist on one
// thread at a time: `lock` lets a thread in only when no other thread owns
// the lock. So `data` is used by one thread at a time, which `T: Send`
// permits (the same rule as `Mutex<T>: Sync`). The hand-over is ordered: the
// old owner's accesses happen before it unlocks `owner` in `Drop`, and the
// new owner's happen after it locks `owner` in `lock`.
unsafe impl<T: Send> Sync for ReentrantLock<T> {}
// ANCHOR_END: types

impl<T> ReentrantLock<T> {
    /// A free lock around `data`.
    pub fn new(data: T) -> Self {
        ReentrantLock {
            owner: Mutex::new(Owner::default()),
            released: Condvar::new(),
            data,
        }
    }

    /// Takes the lock: at once if it is free or already this thread's,
    /// otherwise after its owner has released it completely.
    pub fn lock(&self) -> ReentrantGuard<'_, T> {
        // TODO: wait on `released` while another thread owns the lock. Why
        // must that wait be a loop and not an `if`?
        todo!("take the lock")
    }

    /// Takes the lock if that needs no waiting.
    pub fn try_lock(&self) -> Option<ReentrantGuard<'_, T>> {
        // TODO
        todo!("take the lock without waiting")
    }

    /// How many times the calling thread holds the lock (0 if it does not).
    pub fn depth(&self) -> usize {
        // TODO
        todo!("report this thread's depth")
    }

    /// The value inside, once nobody can hold the lock any more.
    pub fn into_inner(self) -> T {
        self.data
    }
}

impl<T> ReentrantLock<T> {
    /// Gives up one level of the calling thread's hold; the last level frees
    /// the lock and wakes a waiter. Only a guard's `Drop` calls it.
    fn release(&self) {
        // TODO: one level less; at zero, free the lock and wake a waiter.
        todo!("release one level")
    }
}

impl<T> Drop for ReentrantGuard<'_, T> {
    /// Releases one level. (Given: the work is `ReentrantLock::release`, yours.)
    /// While the thread is already unwinding from a panic (a failing test), a
    /// second panic from `release` (a `todo!()`, or a count that goes below
    /// zero) would abort the whole test binary; so it is caught then.
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.lock.release()));
        } else {
            self.lock.release();
        }
    }
}

impl<T> Deref for ReentrantGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.lock.data
    }
}

impl<T> fmt::Debug for ReentrantLock<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReentrantLock").finish_non_exhaustive()
    }
}

impl<T: fmt::Debug> fmt::Debug for ReentrantGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ReentrantGuard").field(&**self).finish()
    }
}
