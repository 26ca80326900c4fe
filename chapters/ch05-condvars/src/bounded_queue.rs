//! Exercise `bounded_queue` (C3): Python's `queue.Queue`, by hand.
//!
//! A queue with a capacity: `put` waits while it is full, `get` waits while
//! it is empty. Two condition variables, one per thing to wait for, so a put
//! wakes a getter and a get wakes a putter. Both have timed forms, and
//! `close` ends the waiting: getters drain what is left and then get `None`,
//! putters get their item back.
//!
//! Ready-made answers: `std::sync::mpsc::sync_channel` and
//! `crossbeam_channel::bounded` (the benchmark `queues` compares all three).
//!
//! Your task: implement the methods of [`BoundedQueue`] that say `todo!()`.
//! The fields are a suggestion; change them as you like.
//!
//! The `Mutex` and `Condvar` come from the given `crate::sync`: std's, whose
//! waits graded builds make wake up spuriously on purpose, every time. A
//! wait that checks its condition again after waking passes either way.

use std::collections::VecDeque;
use std::fmt;
use std::sync::PoisonError;
use std::time::Duration;

use crate::sync::{Condvar, Mutex, MutexGuard};

// ANCHOR: queue
/// A blocking FIFO queue of at most `capacity` items.
pub struct BoundedQueue<T> {
    state: Mutex<QueueState<T>>,
    not_empty: Condvar,
    not_full: Condvar,
    capacity: usize,
}

struct QueueState<T> {
    items: VecDeque<T>,
    closed: bool,
}
// ANCHOR_END: queue

/// `put` on a closed queue: the item comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closed<T>(pub T);

/// Why `put_timeout` did not put: the item comes back either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutError<T> {
    /// Still full when the time ran out.
    Full(T),
    /// The queue is closed.
    Closed(T),
}

/// Why `get_timeout` returned no item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GetError {
    /// Still empty when the time ran out.
    Timeout,
    /// Closed, and every item has been taken.
    Closed,
}

impl<T> BoundedQueue<T> {
    /// An empty, open queue for at most `capacity` items.
    ///
    /// # Panics
    ///
    /// When `capacity` is zero.
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "a queue needs room for at least one item");
        BoundedQueue {
            state: Mutex::new(QueueState {
                items: VecDeque::with_capacity(capacity),
                closed: false,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            capacity,
        }
    }

    /// Appends `item`, waiting while the queue is full.
    pub fn put(&self, item: T) -> Result<(), Closed<T>> {
        // TODO
        todo!("put, waiting while full")
    }

    /// Removes the oldest item, waiting while the queue is empty. `None` once
    /// the queue is closed and empty.
    pub fn get(&self) -> Option<T> {
        // TODO
        todo!("get, waiting while empty")
    }

    /// Like [`put`](Self::put), waiting at most `timeout` for room.
    pub fn put_timeout(&self, item: T, timeout: Duration) -> Result<(), PutError<T>> {
        // TODO
        todo!("put with a time limit")
    }

    /// Like [`get`](Self::get), waiting at most `timeout` for an item.
    pub fn get_timeout(&self, timeout: Duration) -> Result<T, GetError> {
        // TODO
        todo!("get with a time limit")
    }

    /// Closes the queue: no more puts; getters drain what is left. Wakes
    /// everyone who waits, on both sides.
    pub fn close(&self) {
        // TODO
        todo!("close and wake everyone")
    }

    /// How many items are in the queue now.
    pub fn len(&self) -> usize {
        // TODO
        todo!("count the items")
    }

    /// Whether the queue is empty now.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The most items it holds.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Whether [`close`](Self::close) was called.
    pub fn is_closed(&self) -> bool {
        self.state().closed
    }

    fn state(&self) -> MutexGuard<'_, QueueState<T>> {
        // Items are moved in and out whole; a panic elsewhere cannot leave
        // the deque half-changed.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T> fmt::Debug for BoundedQueue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.state();
        f.debug_struct("BoundedQueue")
            .field("len", &state.items.len())
            .field("capacity", &self.capacity)
            .field("closed", &state.closed)
            .finish()
    }
}
