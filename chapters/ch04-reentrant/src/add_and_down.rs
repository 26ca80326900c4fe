//! Exercise `add_and_down` (R2): a public method that locks and calls a
//! private one that locks again.
//!
//! In Python, `add` and `down` take a shared `RLock` and call a private
//! `_execute` that takes it again; with a plain `Lock` the second acquire
//! would deadlock. `parking_lot::ReentrantMutex` is Rust's `RLock`. It hands
//! out shared references only, so the value inside needs interior
//! mutability: a `RefCell`.
//!
//! Your task: implement [`Balance`] so that `add` and `down` lock, then call
//! `execute`, which locks again.

use std::cell::RefCell;

use parking_lot::ReentrantMutex;

/// A balance changed by `add` and `down`, both built on one private `execute`.
#[derive(Debug, Default)]
pub struct Balance {
    value: ReentrantMutex<RefCell<i64>>,
}

impl Balance {
    /// A balance of zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `amount`: takes the lock, then calls `execute`.
    pub fn add(&self, amount: i64) {
        // TODO
        todo!("lock, then execute")
    }

    /// Subtracts `amount`: takes the lock, then calls `execute`.
    pub fn down(&self, amount: i64) {
        // TODO
        todo!("lock, then execute")
    }

    /// The current balance.
    pub fn value(&self) -> i64 {
        // TODO
        todo!("read the balance")
    }

    /// Takes the lock again and applies the change.
    fn execute(&self, delta: i64) {
        // TODO: keep the RefCell's borrow as short as one statement.
        todo!("lock again and apply")
    }
}
