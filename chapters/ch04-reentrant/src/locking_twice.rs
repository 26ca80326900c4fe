//! Exercise `locking_twice` (R1): see a self-deadlock without having one.
//!
//! A plain lock does not remember who holds it, so a thread that takes it a
//! second time waits for itself forever. To show it safely we need a lock
//! attempt that gives up, and `std` has none with a time limit: build one on
//! `try_lock`.
//!
//! Your task: implement [`lock_within`] and [`second_lock_succeeds`].

use std::sync::{Mutex, MutexGuard, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

/// Takes `lock` if it can within `patience`; `None` if it stayed locked.
/// A zero `patience` still tries once.
///
/// A lock whose holder panicked is taken anyway (`TryLockError::Poisoned`
/// holds the guard). Return as soon as the lock is free, not after the whole
/// `patience`.
pub fn lock_within<T>(lock: &Mutex<T>, patience: Duration) -> Option<MutexGuard<'_, T>> {
    // TODO: try, and if it would block, sleep a little and try again.
    todo!("a lock attempt with a time limit")
}

/// Takes `lock`, then tries to take it again from the same thread, waiting at
/// most `patience`. Returns whether the second attempt succeeded.
/// A poisoned lock is taken all the same, as [`lock_within`] takes it.
///
/// Calling `lock()` twice here would hang the test: use [`lock_within`].
pub fn second_lock_succeeds<T>(lock: &Mutex<T>, patience: Duration) -> bool {
    // TODO
    todo!("lock twice, safely")
}
