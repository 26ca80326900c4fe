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
//!
//! Your task: write `new`, `get_mut`, `Clone` and `Drop`. The value is dropped
//! exactly once, by whichever owner is last, and never while another owner
//! could still be using it. Everything without a `// TODO` is given.

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
    /// Moves `value` into a new allocation, with a count of one.
    pub fn new(value: T) -> Self {
        // TODO
        todo!()
    }

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

    /// A mutable reference, if this is the only `MyArc` left.
    pub fn get_mut(this: &mut Self) -> Option<&mut T> {
        // TODO
        todo!()
    }
}

impl<T> Clone for MyArc<T> {
    fn clone(&self) -> Self {
        // TODO
        todo!()
    }
}

impl<T> Deref for MyArc<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner().value
    }
}

impl<T> Drop for MyArc<T> {
    fn drop(&mut self) {
        // TODO (a `todo!` here would abort the tests: a drop runs while a failed test unwinds)
    }
}
