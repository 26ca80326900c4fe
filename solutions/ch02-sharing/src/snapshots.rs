//! Exercise `snapshots` (S6): read-mostly data: an `RwLock` and copy-on-write
//! snapshots.
//!
//! A price list, a routing table, a feature-flag set: read on every request,
//! changed now and then. Python's standard library has no reader-writer lock;
//! the usual Python answer is to rebind a module global to a new dict and let
//! readers keep whatever dict they picked up. [`Published`] is that idea made
//! safe: the current value lives in an `Arc` behind an `RwLock`, a reader
//! takes the read lock only long enough to clone the `Arc` (one atomic
//! increment) and then reads its snapshot with no lock at all, for as long as
//! it likes. Writers swap in a new `Arc` ([`Published::publish`]) or change the
//! value copy-on-write under the write lock ([`Published::update`]): a reader's
//! snapshot is never changed under its feet, and it is copied only when
//! someone still holds it.

use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// A value many threads read and a few replace, handed out as snapshots.
#[derive(Debug)]
pub struct Published<T> {
    current: RwLock<Arc<T>>,
}

impl<T: Clone> Published<T> {
    /// Publishes `value` as the first snapshot.
    pub fn new(value: T) -> Self {
        Published {
            current: RwLock::new(Arc::new(value)),
        }
    }

    /// The read lock. (Given.)
    ///
    /// A panic in an `update` poisons the lock; every later call then panics
    /// too, with this message, rather than hand out a value that `f` left
    /// half-changed.
    fn read(&self) -> RwLockReadGuard<'_, Arc<T>> {
        self.current
            .read()
            .expect("an update panicked while changing the value")
    }

    /// The write lock. (Given.)
    fn write(&self) -> RwLockWriteGuard<'_, Arc<T>> {
        self.current
            .write()
            .expect("an update panicked while changing the value")
    }

    // ANCHOR: load
    /// The current snapshot: the value as it is now, which no later `publish`
    /// or `update` changes. Never copies the value.
    pub fn load(&self) -> Arc<T> {
        // The read lock lives only for this statement: long enough to bump
        // the count of the current `Arc`, never while the caller reads.
        Arc::clone(&self.read())
    }
    // ANCHOR_END: load

    // ANCHOR: publish
    /// Replaces the current value with `value`. Snapshots already handed out
    /// keep the old one; it is freed when the last of them is dropped.
    /// Never copies a value, and never waits for readers to let go of theirs.
    pub fn publish(&self, value: T) {
        let fresh = Arc::new(value);
        // Swap under the write lock; the old `Arc` is dropped after the guard,
        // so freeing a big value does not hold up readers.
        let old = std::mem::replace(&mut *self.write(), fresh);
        drop(old);
    }
    // ANCHOR_END: publish

    // ANCHOR: update
    /// Changes the current value with `f`, as one step: no other `update` or
    /// `publish` runs between reading the value and storing the change.
    ///
    /// Copy-on-write: if a reader still holds a snapshot of the current value,
    /// `f` works on a copy (the reader's snapshot stays as it was); if nobody
    /// does, `f` changes the value in place, with no copy.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        let mut current = self.write();
        // `make_mut` clones the value only when the `Arc` is shared.
        f(Arc::make_mut(&mut current));
    }
    // ANCHOR_END: update
}
