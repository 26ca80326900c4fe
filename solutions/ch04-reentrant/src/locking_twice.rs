//! Exercise `locking_twice` (R1): see a self-deadlock without having one.
//!
//! A plain lock does not remember who holds it, so a thread that takes it a
//! second time waits for itself forever. Python's `Lock.acquire` blocks
//! forever; Rust's `Mutex::lock` may deadlock or panic. To show it safely we
//! need a lock attempt that gives up, and `std` has none with a time limit:
//! build one on `try_lock`.

use std::sync::{Mutex, MutexGuard, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

/// How long [`lock_within`] waits between two attempts.
const RETRY: Duration = Duration::from_micros(200);

// ANCHOR: lock_within
/// Takes `lock` if it can within `patience`; `None` if it stayed locked.
/// A zero `patience` still tries once.
///
/// A lock whose holder panicked is taken anyway: poisoning is the caller's
/// concern, not a reason to wait. If this thread already holds `lock`, the
/// answer is `None` after `patience`: the deadlock a plain `lock()` would
/// have, made visible.
pub fn lock_within<T>(lock: &Mutex<T>, patience: Duration) -> Option<MutexGuard<'_, T>> {
    let deadline = Instant::now() + patience;
    loop {
        match lock.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) if Instant::now() >= deadline => return None,
            Err(TryLockError::WouldBlock) => thread::sleep(RETRY),
        }
    }
}
// ANCHOR_END: lock_within

// ANCHOR: lock_twice
/// Takes `lock`, then tries to take it again from the same thread, waiting at
/// most `patience`. Returns whether the second attempt succeeded: for a
/// `std::sync::Mutex` it never does.
/// A poisoned lock is taken all the same, as [`lock_within`] takes it.
pub fn second_lock_succeeds<T>(lock: &Mutex<T>, patience: Duration) -> bool {
    let _first = lock_within(lock, patience).expect("the lock was free to begin with");
    lock_within(lock, patience).is_some()
}
// ANCHOR_END: lock_twice
