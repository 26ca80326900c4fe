//! Exercise `poisoning` (L9): what the other threads see after a holder
//! panicked, and how to carry on.
//!
//! A `std::sync::Mutex` whose holder panicked is *poisoned*: every later
//! `lock()` returns `Err(PoisonError)`, which still contains the guard. The
//! data may be half-updated, so Rust makes you say that you looked:
//! `PoisonError::into_inner` takes the guard anyway, and `clear_poison`
//! declares the data sound again. `parking_lot::Mutex` does not poison at all:
//! after a panic the next `lock()` simply succeeds.

use std::sync::PoisonError;

use crate::sync::{Mutex, MutexGuard};

/// A ledger of amounts, audited on every entry; it uses `std`'s mutex.
#[derive(Debug, Default)]
pub struct Ledger {
    entries: Mutex<Vec<i64>>,
}

// ANCHOR: ledger
impl Ledger {
    /// An empty ledger.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `amount`, then calls `audit` with all the entries while still
    /// holding the lock. If `audit` panics, the entry stays and the lock is
    /// poisoned.
    pub fn record(&self, amount: i64, audit: impl FnOnce(&[i64])) {
        let mut entries = self.entries();
        entries.push(amount);
        audit(&entries);
    }

    /// A copy of the entries, also after an audit panicked.
    pub fn entries_now(&self) -> Vec<i64> {
        self.entries().clone()
    }

    /// Whether an audit panicked since the ledger was last marked sound.
    pub fn is_poisoned(&self) -> bool {
        self.entries.is_poisoned()
    }

    /// Declares the entries sound again, after inspecting them.
    pub fn mark_sound(&self) {
        self.entries.clear_poison();
    }

    /// Locks the entries whether or not the lock is poisoned: every entry is
    /// appended whole, so a panic in an audit cannot leave a broken one.
    fn entries(&self) -> MutexGuard<'_, Vec<i64>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: ledger

/// The same ledger on `parking_lot::Mutex`, which does not poison.
#[derive(Debug, Default)]
pub struct QuietLedger {
    entries: parking_lot::Mutex<Vec<i64>>,
}

// ANCHOR: quiet_ledger
impl QuietLedger {
    /// An empty ledger.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `amount`, then calls `audit` with all the entries while still
    /// holding the lock. A panic in `audit` releases the lock and leaves no
    /// trace but the entry.
    pub fn record(&self, amount: i64, audit: impl FnOnce(&[i64])) {
        let mut entries = self.entries.lock();
        entries.push(amount);
        audit(&entries);
    }

    /// A copy of the entries.
    pub fn entries_now(&self) -> Vec<i64> {
        self.entries.lock().clone()
    }
}
// ANCHOR_END: quiet_ledger
