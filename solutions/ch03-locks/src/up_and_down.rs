//! Exercise `up_and_down` (L2, L3): a counter that keeps its own lock.
//!
//! One thread adds a million times while another subtracts a million times.
//! With a plain integer the result is not zero; with the lock inside the type,
//! every caller gets it right without thinking about it.

use std::sync::PoisonError;

use crate::sync::{Mutex, MutexGuard};

/// A signed counter with `incr` and `decr`, safe to share between threads.
///
/// Keep the lock a `crate::sync::Mutex` (the given `sync` module): the tests
/// count how it is taken.
#[derive(Debug, Default)]
pub struct SharedCounter {
    value: Mutex<i64>,
}

// ANCHOR: shared_counter
impl SharedCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one.
    pub fn incr(&self) {
        *self.value() += 1;
    }

    /// Subtracts one.
    pub fn decr(&self) {
        *self.value() -= 1;
    }

    /// The current value.
    pub fn get(&self) -> i64 {
        *self.value()
    }

    /// The one place that takes the lock. The guard lives only for the
    /// statement that uses it, so every `+= 1` is a whole critical section.
    fn value(&self) -> MutexGuard<'_, i64> {
        // A panic cannot leave half an integer behind: ignore poisoning.
        self.value.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: shared_counter
