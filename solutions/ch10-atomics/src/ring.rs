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

// ANCHOR: ring
/// A ring buffer with room for `capacity` values, and its two ends.
///
/// # Panics
///
/// If `capacity` is 0.
pub fn ring<T>(capacity: usize) -> (Producer<T>, Consumer<T>) {
    assert!(
        capacity > 0,
        "a ring buffer needs room for at least one value"
    );
    let ring = Arc::new(Ring {
        slots: (0..capacity).map(|_| UnsafeCell::new(None)).collect(),
        head: AtomicUsize::new(0),
        tail: AtomicUsize::new(0),
    });
    (
        Producer {
            ring: Arc::clone(&ring),
        },
        Consumer { ring },
    )
}
// ANCHOR_END: ring

impl<T> Producer<T> {
    // ANCHOR: push
    /// Adds `value` at the back, or gives it back in `Err` if the ring is
    /// full.
    pub fn push(&mut self, value: T) -> Result<(), T> {
        let ring = &*self.ring;
        // Our own counter: only we write it, so Relaxed reads our last store.
        let tail = ring.tail.load(Ordering::Relaxed);
        // Acquire: pairs with the consumer's Release store of `head`, so its
        // reads of the slot we are about to reuse are finished.
        let head = ring.head.load(Ordering::Acquire);
        if tail - head == ring.slots.len() {
            return Err(value);
        }
        // SAFETY: the slot is outside head..tail, so the consumer is not
        // reading it, and we are the only producer.
        ring.slots[tail % ring.slots.len()].with_mut(|slot| unsafe { *slot = Some(value) });
        // Release: the write above happens before the consumer's Acquire
        // load that sees the new tail.
        ring.tail.store(tail + 1, Ordering::Release);
        Ok(())
    }
    // ANCHOR_END: push
}

impl<T> Consumer<T> {
    // ANCHOR: pop
    /// Takes the value at the front, or `None` if the ring is empty.
    pub fn pop(&mut self) -> Option<T> {
        let ring = &*self.ring;
        let head = ring.head.load(Ordering::Relaxed);
        // Acquire: pairs with the producer's Release store of `tail`, so the
        // slot holds what it wrote.
        let tail = ring.tail.load(Ordering::Acquire);
        if head == tail {
            return None;
        }
        // SAFETY: the slot is inside head..tail, so the producer is not
        // writing it, and we are the only consumer.
        let value = ring.slots[head % ring.slots.len()].with_mut(|slot| unsafe { (*slot).take() });
        // Release: our read of the slot happens before the producer's Acquire
        // load that sees the slot free.
        ring.head.store(head + 1, Ordering::Release);
        value
    }
    // ANCHOR_END: pop
}
