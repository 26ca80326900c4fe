//! A lock-free ring buffer for one producer and one consumer (O6).
//!
//! Python's `queue.Queue` takes a lock for every `put` and `get`. With
//! exactly one thread on each end, no lock is needed: the producer alone
//! writes `tail` (how many values were ever pushed) and the consumer alone
//! writes `head` (how many were ever popped). Each side reads the other's
//! counter to know whether there is room, or something to take, and the
//! orderings hand the slots over:
//!
//! - the producer writes the slot, then stores `tail` with `Release`; the
//!   consumer loads `tail` with `Acquire` before it reads the slot;
//! - the consumer empties the slot, then stores `head` with `Release`; the
//!   producer loads `head` with `Acquire` before it writes the slot again.
//!
//! The counters only grow; `counter % capacity` is the slot.
//!
//! Your task: write `ring`, `push` and `pop`. One thread pushes and one pops,
//! with no lock; the orderings on `head` and `tail` hand each slot from one to
//! the other. Everything without a `// TODO` is given.

use crate::sync::{Arc, AtomicUsize, Ordering, UnsafeCell};

/// The sending end; only one exists, so `push` takes `&mut self`.
#[derive(Debug)]
pub struct Producer<T> {
    ring: Arc<Ring<T>>,
}

/// The receiving end; only one exists, so `pop` takes `&mut self`.
#[derive(Debug)]
pub struct Consumer<T> {
    ring: Arc<Ring<T>>,
}

#[derive(Debug)]
struct Ring<T> {
    slots: Box<[UnsafeCell<Option<T>>]>,
    /// Values popped so far; written only by the consumer.
    head: AtomicUsize,
    /// Values pushed so far; written only by the producer.
    tail: AtomicUsize,
}

// SAFETY: a slot is written by the producer only while it is outside
// `head..tail` and read by the consumer only while it is inside; the
// Release/Acquire pairs on `head` and `tail` hand each slot from one to the
// other, so the two never touch a slot at once. Values move between threads,
// hence `T: Send`.
unsafe impl<T: Send> Sync for Ring<T> {}

/// A ring buffer with room for `capacity` values, and its two ends.
///
/// # Panics
///
/// If `capacity` is 0.
pub fn ring<T>(capacity: usize) -> (Producer<T>, Consumer<T>) {
    // TODO
    todo!()
}

impl<T> Producer<T> {
    /// Adds `value` at the back, or gives it back in `Err` if the ring is
    /// full.
    pub fn push(&mut self, value: T) -> Result<(), T> {
        // TODO
        todo!()
    }
}

impl<T> Consumer<T> {
    /// Takes the value at the front, or `None` if the ring is empty.
    pub fn pop(&mut self) -> Option<T> {
        // TODO
        todo!()
    }
}
