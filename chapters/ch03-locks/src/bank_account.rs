//! Exercise `bank_account` (L4, L5): exact deposits, and a lock that a panic
//! cannot keep.
//!
//! Sixteen workers make a hundred deposits that each read the balance, pause,
//! and write it back. Python releases a lock in `with` or `finally`; Rust
//! releases it when the guard is dropped, which also happens when the holder
//! panics. The mutex is then *poisoned*: `lock()` returns an `Err` that still
//! holds the guard (`PoisonError::into_inner`), so the next holders can decide
//! whether the data is fine.
//!
//! Your task: implement [`Account`].
//!
//! The `Mutex` comes from the given `crate::sync`: std's, which graded builds
//! make let other threads run right after an unlock, and count its locks.

use std::sync::PoisonError;

use crate::sync::Mutex;

/// A bank account shared by many threads.
///
/// The field is a suggestion; change it as you like.
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

    /// Reads the balance, calls `pause`, then writes back the balance plus
    /// `amount`, all under one lock.
    ///
    /// If `pause` panics, nothing is written: the deposit does not happen, the
    /// lock is released anyway, and it is poisoned. Later deposits must still
    /// go ahead: a deposit that never wrote cannot have left the balance
    /// half-updated.
    pub fn deposit_slowly(&self, amount: u64, pause: impl FnOnce()) {
        // TODO
        todo!("deposit without losing money")
    }

    /// The balance, also after a depositor panicked.
    pub fn balance(&self) -> u64 {
        // TODO
        todo!("read the balance")
    }

    /// Whether a thread panicked while holding the lock.
    pub fn is_poisoned(&self) -> bool {
        // TODO
        todo!("ask the mutex")
    }
}
