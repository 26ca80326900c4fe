//! Exercise `add_and_down` (R2): a public method that locks and calls a
//! private one that locks again.
//!
//! In Python, `add` and `down` take a shared `RLock` and call a private
//! `_execute` that takes it again; with a plain `Lock` the second acquire
//! would deadlock. `parking_lot::ReentrantMutex` is Rust's `RLock`. It hands
//! out shared references only (two nested guards must not both give `&mut`),
//! so the value inside needs interior mutability: a `RefCell`.

use std::cell::RefCell;

use parking_lot::ReentrantMutex;

/// A balance changed by `add` and `down`, both built on one private `execute`.
#[derive(Debug, Default)]
pub struct Balance {
    value: ReentrantMutex<RefCell<i64>>,
}

// ANCHOR: balance
impl Balance {
    /// A balance of zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `amount`.
    pub fn add(&self, amount: i64) {
        let _held = self.value.lock();
        self.execute(amount);
    }

    /// Subtracts `amount`.
    pub fn down(&self, amount: i64) {
        let _held = self.value.lock();
        self.execute(-amount);
    }

    /// The current balance.
    pub fn value(&self) -> i64 {
        *self.value.lock().borrow()
    }

    /// Takes the lock again (this thread already holds it, which a reentrant
    /// lock allows) and applies the change.
    fn execute(&self, delta: i64) {
        let held = self.value.lock();
        // The RefCell borrow lasts for this statement only, so no other
        // borrow of this thread can overlap it.
        *held.borrow_mut() += delta;
    }
}
// ANCHOR_END: balance
