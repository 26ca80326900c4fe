//! Exercise `up_and_down` (L2, L3): a counter that keeps its own lock.
//!
//! One thread adds a hundred thousand times while another subtracts as many.
//! With a plain integer the result is not zero; with the lock inside the type,
//! every caller gets it right without thinking about it.
//!
//! Your task: implement [`SharedCounter`].
//!
//! The `Mutex` comes from the given `crate::sync`: std's, which graded builds
//! make let other threads run right after an unlock, and count its locks.

use std::sync::PoisonError;

use crate::sync::{Mutex, MutexGuard};

/// A signed counter with `incr` and `decr`, safe to share between threads.
///
/// The field is a suggestion; change it as you like.
///
/// Keep the lock a `crate::sync::Mutex` (the given `sync` module): the tests
/// count how it is taken.
#[derive(Debug, Default)]
pub struct SharedCounter {
    value: Mutex<i64>,
}

impl SharedCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one.
    pub fn incr(&self) {
        // TODO
        todo!("add one")
    }

    /// Subtracts one.
    pub fn decr(&self) {
        // TODO
        todo!("subtract one")
    }

    /// The current value.
    pub fn get(&self) -> i64 {
        // TODO
        todo!("read the value")
    }
}
