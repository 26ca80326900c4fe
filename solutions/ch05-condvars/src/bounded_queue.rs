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

use std::collections::VecDeque;
use std::fmt;
use std::sync::PoisonError;
use std::time::Duration;

use crate::sync::{Condvar, Mutex, MutexGuard};

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

    // ANCHOR: put_get
    /// Appends `item`, waiting while the queue is full.
    pub fn put(&self, item: T) -> Result<(), Closed<T>> {
        let state = self.state();
        let mut state = self
            .not_full
            .wait_while(state, |s| !s.closed && s.items.len() >= self.capacity)
            .unwrap_or_else(PoisonError::into_inner);
        if state.closed {
            return Err(Closed(item));
        }
        state.items.push_back(item);
        drop(state);
        // One item in, so one getter can go ahead. If it loses the race to a
        // getter that was not waiting, that getter took the item: nothing lost.
        self.not_empty.notify_one();
        Ok(())
    }

    /// Removes the oldest item, waiting while the queue is empty. `None` once
    /// the queue is closed and empty.
    pub fn get(&self) -> Option<T> {
        let state = self.state();
        let mut state = self
            .not_empty
            .wait_while(state, |s| !s.closed && s.items.is_empty())
            .unwrap_or_else(PoisonError::into_inner);
        let item = state.items.pop_front()?;
        drop(state);
        self.not_full.notify_one();
        Some(item)
    }
    // ANCHOR_END: put_get

    /// Like [`put`](Self::put), waiting at most `timeout` for room.
    pub fn put_timeout(&self, item: T, timeout: Duration) -> Result<(), PutError<T>> {
        let state = self.state();
        let (mut state, _) = self
            .not_full
            .wait_timeout_while(state, timeout, |s| {
                !s.closed && s.items.len() >= self.capacity
            })
            .unwrap_or_else(PoisonError::into_inner);
        if state.closed {
            return Err(PutError::Closed(item));
        }
        if state.items.len() >= self.capacity {
            return Err(PutError::Full(item));
        }
        state.items.push_back(item);
        drop(state);
        self.not_empty.notify_one();
        Ok(())
    }

    /// Like [`get`](Self::get), waiting at most `timeout` for an item.
    pub fn get_timeout(&self, timeout: Duration) -> Result<T, GetError> {
        let state = self.state();
        let (mut state, _) = self
            .not_empty
            .wait_timeout_while(state, timeout, |s| !s.closed && s.items.is_empty())
            .unwrap_or_else(PoisonError::into_inner);
        match state.items.pop_front() {
            Some(item) => {
                drop(state);
                self.not_full.notify_one();
                Ok(item)
            }
            None if state.closed => Err(GetError::Closed),
            None => Err(GetError::Timeout),
        }
    }

    // ANCHOR: close
    /// Closes the queue: no more puts; getters drain what is left. Wakes
    /// everyone who waits, on both sides.
    pub fn close(&self) {
        self.state().closed = true;
        self.not_empty.notify_all();
        self.not_full.notify_all();
    }
    // ANCHOR_END: close

    /// How many items are in the queue now.
    pub fn len(&self) -> usize {
        self.state().items.len()
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
