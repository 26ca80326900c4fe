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

// ANCHOR: lock
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
        let me = thread::current().id();
        let mut owner = self.owner();
        // A loop, not an `if`: a wake-up only says the lock *was* released.
        // Another thread may have taken it before this one woke (a stolen
        // wake-up), or the wake-up may be spurious.
        while owner.thread.is_some_and(|holder| holder != me) {
            owner = self
                .released
                .wait(owner)
                .unwrap_or_else(PoisonError::into_inner);
        }
        owner.thread = Some(me);
        owner.depth += 1;
        self.guard()
    }

    /// Takes the lock if that needs no waiting.
    pub fn try_lock(&self) -> Option<ReentrantGuard<'_, T>> {
        let me = thread::current().id();
        let mut owner = self.owner();
        if owner.thread.is_some_and(|holder| holder != me) {
            return None;
        }
        owner.thread = Some(me);
        owner.depth += 1;
        Some(self.guard())
    }

    /// How many times the calling thread holds the lock (0 if it does not).
    pub fn depth(&self) -> usize {
        let owner = self.owner();
        match owner.thread {
            Some(holder) if holder == thread::current().id() => owner.depth,
            _ => 0,
        }
    }

    /// The value inside, once nobody can hold the lock any more.
    pub fn into_inner(self) -> T {
        self.data
    }

    fn guard(&self) -> ReentrantGuard<'_, T> {
        ReentrantGuard {
            lock: self,
            _owned_by_this_thread: PhantomData,
        }
    }

    fn owner(&self) -> crate::sync::MutexGuard<'_, Owner> {
        // Nothing panics while `owner` is locked, so poisoning cannot mean a
        // half-updated owner record.
        self.owner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T> ReentrantLock<T> {
    /// Gives up one level of the calling thread's hold; the last level frees
    /// the lock and wakes a waiter. Only a guard's `Drop` calls it.
    fn release(&self) {
        let mut owner = self.owner();
        owner.depth -= 1;
        if owner.depth == 0 {
            owner.thread = None;
            drop(owner);
            // Every complete release wakes one waiter. If another thread takes
            // the lock first, the woken one waits again and the next release
            // wakes it: no wake-up is lost.
            self.released.notify_one();
        }
    }
}

impl<T> Drop for ReentrantGuard<'_, T> {
    fn drop(&mut self) {
        self.lock.release();
    }
}
// ANCHOR_END: lock

impl<T> Deref for ReentrantGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.lock.data
    }
}

impl<T> fmt::Debug for ReentrantLock<T> {
    /// Shows who holds the lock, never the data: reading it here would bypass
    /// the lock.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let owner = self.owner();
        f.debug_struct("ReentrantLock")
            .field("owner", &owner.thread)
            .field("depth", &owner.depth)
            .finish_non_exhaustive()
    }
}

impl<T: fmt::Debug> fmt::Debug for ReentrantGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ReentrantGuard").field(&**self).finish()
    }
}
