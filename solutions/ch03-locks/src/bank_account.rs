//! Exercise `bank_account` (L4, L5): exact deposits, and a lock that a panic
//! cannot keep.
//!
//! Sixteen workers make a hundred deposits that each read the balance, pause,
//! and write it back. Under one lock held for the whole deposit, the balance
//! is exact. Python releases a lock in `with` or `finally`; Rust releases it
//! when the guard is dropped, which also happens when the holder panics. The
//! mutex is then *poisoned*: it tells the next holders that someone panicked
//! while holding it, and leaves it to them to decide whether the data is fine.

use std::sync::PoisonError;

use crate::sync::Mutex;

/// A bank account shared by many threads.
#[derive(Debug, Default)]
pub struct Account {
    balance: Mutex<u64>,
}

impl Account {
    /// An account holding `opening`.
    pub fn new(opening: u64) -> Self {
        Account {
            balance: Mutex::new(opening),
        }
    }

    // ANCHOR: deposit_slowly
    /// Reads the balance, calls `pause`, then writes back the balance plus
    /// `amount`, all under one lock.
    ///
    /// If `pause` panics, nothing was written: the deposit did not happen, the
    /// guard's drop releases the lock during the unwinding, and the mutex is
    /// poisoned. Later deposits go ahead, because a deposit that never wrote
    /// cannot have left the balance half-updated.
    pub fn deposit_slowly(&self, amount: u64, pause: impl FnOnce()) {
        let mut balance = self.balance.lock().unwrap_or_else(PoisonError::into_inner);
        let read = *balance;
        pause();
        *balance = read + amount;
    }
    // ANCHOR_END: deposit_slowly

    /// The balance, also after a depositor panicked.
    pub fn balance(&self) -> u64 {
        *self.balance.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether a thread panicked while holding the lock.
    pub fn is_poisoned(&self) -> bool {
        self.balance.is_poisoned()
    }
}
