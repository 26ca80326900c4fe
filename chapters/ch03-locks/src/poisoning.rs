//! Exercise `poisoning` (L9): what the other threads see after a holder
//! panicked, and how to carry on.
//!
//! A `std::sync::Mutex` whose holder panicked is *poisoned*: every later
//! `lock()` returns `Err(PoisonError)`, which still contains the guard. The
//! data may be half-updated, so Rust makes you say that you looked:
//! `PoisonError::into_inner` takes the guard anyway, and `Mutex::clear_poison`
//! declares the data sound again. `parking_lot::Mutex` does not poison at all.
//!
//! Your task: implement [`Ledger`] on `std`'s mutex and [`QuietLedger`] on
//! `parking_lot`'s.
//!
//! `Ledger`'s `Mutex` comes from the given `crate::sync`: std's, which graded builds
//! make let other threads run right after an unlock, and count its locks.

use std::sync::PoisonError;

use crate::sync::{Mutex, MutexGuard};

/// A ledger of amounts, audited on every entry; it uses `std`'s mutex.
///
/// The field is a suggestion; change it as you like.
#[derive(Debug, Default)]
pub struct Ledger {
    entries: Mutex<Vec<i64>>,
}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `amount`, then calls `audit` with all the entries while still
    /// holding the lock. If `audit` panics, the entry stays and the lock is
    /// poisoned. Recording must still work after such a panic.
    pub fn record(&self, amount: i64, audit: impl FnOnce(&[i64])) {
        // TODO
        todo!("record and audit")
    }

    /// A copy of the entries, also after an audit panicked.
    pub fn entries_now(&self) -> Vec<i64> {
        // TODO
        todo!("copy the entries")
    }

    /// Whether an audit panicked since the ledger was last marked sound.
    pub fn is_poisoned(&self) -> bool {
        // TODO
        todo!("ask the mutex")
    }

    /// Declares the entries sound again, after inspecting them.
    pub fn mark_sound(&self) {
        // TODO
        todo!("clear the poison")
    }
}

/// The same ledger on `parking_lot::Mutex`, which does not poison.
///
/// The field is a suggestion; change it as you like.
#[derive(Debug, Default)]
pub struct QuietLedger {
    entries: parking_lot::Mutex<Vec<i64>>,
}

impl QuietLedger {
    /// An empty ledger.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `amount`, then calls `audit` with all the entries while still
    /// holding the lock.
    pub fn record(&self, amount: i64, audit: impl FnOnce(&[i64])) {
        // TODO
        todo!("record and audit")
    }

    /// A copy of the entries.
    pub fn entries_now(&self) -> Vec<i64> {
        // TODO
        todo!("copy the entries")
    }
}
