//! An `Arc` built by hand: one allocation holding a count and the value, and
//! the orderings that make the last drop safe (O5).
//!
//! Python counts references too, for every object, and frees an object when
//! its count reaches zero; the GIL (or, in the free-threaded build, atomic
//! and biased counts) keeps the count right. Here the count is one
//! `AtomicUsize`:
//!
//! - a clone adds one with `Relaxed`: the clone is made from a live
//!   reference, so the value cannot go away meanwhile, and nothing is
//!   published;
//! - a drop takes one away with `Release`, so everything this owner did with
//!   the value happens before the count is seen to fall;
//! - the owner that takes it from 1 to 0 frees the value, after an `Acquire`
//!   fence: that fence pairs with every other owner's `Release` decrement, so
//!   the value is not dropped while another thread's last use of it could
//!   still be in flight.

use std::ops::Deref;
use std::ptr::NonNull;

use crate::sync::{AtomicUsize, Ordering, fence};

/// A shared, reference-counted pointer, like `std::sync::Arc`.
#[derive(Debug)]
pub struct MyArc<T> {
    inner: NonNull<Inner<T>>,
}

#[derive(Debug)]
struct Inner<T> {
    /// How many `MyArc`s point here.
    count: AtomicUsize,
    value: T,
}

// SAFETY: a `MyArc<T>` hands out `&T` to every thread that holds a clone
// (`T: Sync`), and whichever thread drops the last clone drops the value
// (`T: Send`); the count is atomic. That is std's `Arc`'s rule too.
unsafe impl<T: Send + Sync> Send for MyArc<T> {}
// SAFETY: as for `Send`: `&MyArc<T>` can be cloned into a `MyArc<T>`.
unsafe impl<T: Send + Sync> Sync for MyArc<T> {}

impl<T> MyArc<T> {
    // ANCHOR: new
    /// Moves `value` into a new allocation, with a count of one.
    pub fn new(value: T) -> Self {
        let inner = Box::new(Inner {
            count: AtomicUsize::new(1),
            value,
        });
        Self {
            inner: NonNull::from(Box::leak(inner)),
        }
    }
    // ANCHOR_END: new

    fn inner(&self) -> &Inner<T> {
        // SAFETY: the allocation lives while any `MyArc` points at it, and
        // `self` is one.
        unsafe { self.inner.as_ref() }
    }

    /// How many `MyArc`s share the value right now (a snapshot: other
    /// threads may clone or drop meanwhile).
    pub fn strong_count(this: &Self) -> usize {
        this.inner().count.load(Ordering::Relaxed)
    }

    // ANCHOR: get_mut
    /// A mutable reference, if this is the only `MyArc` left.
    pub fn get_mut(this: &mut Self) -> Option<&mut T> {
        // Acquire: pairs with the Release decrement of the clone dropped
        // last, so its owner's reads of the value are over before we write.
        if this.inner().count.load(Ordering::Acquire) == 1 {
            // SAFETY: no other `MyArc` exists, and none can be made: a
            // clone needs a `&MyArc`, and we hold the only one mutably.
            Some(unsafe { &mut this.inner.as_mut().value })
        } else {
            None
        }
    }
    // ANCHOR_END: get_mut
}

// ANCHOR: clone
impl<T> Clone for MyArc<T> {
    fn clone(&self) -> Self {
        // Relaxed: we hold a clone, so the count is at least one and cannot
        // reach zero while we add; no data is published by counting.
        let before = self.inner().count.fetch_add(1, Ordering::Relaxed);
        // A count this high means clones are being leaked in a loop; wrap
        // round and a later drop would free the value under live owners.
        if before > usize::MAX / 2 {
            std::process::abort();
        }
        Self { inner: self.inner }
    }
}
// ANCHOR_END: clone

impl<T> Deref for MyArc<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner().value
    }
}

// ANCHOR: drop
impl<T> Drop for MyArc<T> {
    fn drop(&mut self) {
        // Release: our uses of the value happen before the count falls.
        if self.inner().count.fetch_sub(1, Ordering::Release) != 1 {
            return;
        }
        // We took the count from 1 to 0. Acquire: every other owner's
        // Release decrement, and so every use of the value, happens before
        // what follows.
        fence(Ordering::Acquire);
        // SAFETY: the count is zero, so no other `MyArc` points here, and the
        // allocation came from `Box::leak` in `new`.
        drop(unsafe { Box::from_raw(self.inner.as_ptr()) });
    }
}
// ANCHOR_END: drop
