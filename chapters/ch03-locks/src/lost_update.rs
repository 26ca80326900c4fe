//! Exercise `lost_update` (L1): a slow read-modify-write that loses nothing.
//!
//! A thousand threads each read a shared count, pause, and write back one
//! more. Without a lock, most of them read the same old value and their
//! increments overwrite each other. In Rust the plain unsynchronised version
//! does not even compile (the lesson `unsynchronised_counter`); the
//! [`RacyCounter`] below is the closest thing that does, and it loses updates.
//! Run `cargo run -p ch03-locks-solution --example racy_counter` to watch.
//!
//! Your task: implement [`Counter`] so that no increment is lost.
//!
//! The `Mutex` comes from the given `crate::sync`: std's, which graded builds
//! make let other threads run right after an unlock, and count its locks.

use std::sync::PoisonError;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use crate::sync::Mutex;

/// A count that many threads increment with a slow read-modify-write.
///
/// The field is a suggestion; change it as you like.
#[derive(Debug, Default)]
pub struct Counter {
    value: Mutex<u64>,
}

impl Counter {
    /// A count of zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the count, calls `pause` (the slow work between the read and the
    /// write), then writes back the count plus one. No increment may be lost,
    /// however many threads call this at once.
    ///
    /// If `pause` panics, that increment does not happen, and the counter goes
    /// on working: later increments and [`get`](Self::get) still count.
    pub fn increment_slowly(&self, pause: impl FnOnce()) {
        // TODO: read, pause and write inside one critical section.
        todo!("increment without losing updates")
    }

    /// The current count.
    pub fn get(&self) -> u64 {
        // TODO
        todo!("read the count")
    }
}

// ANCHOR: racy
/// The same count without a lock: memory-safe, and wrong. (Given.)
///
/// Each load and each store is atomic, so no thread ever sees a torn value;
/// but between one thread's load and its store, other threads store too, and
/// the later store overwrites their increments.
#[derive(Debug, Default)]
pub struct RacyCounter {
    value: AtomicU64,
}

impl RacyCounter {
    /// A count of zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads, calls `pause`, writes back one more: two atomic steps, not one.
    pub fn increment_slowly(&self, pause: impl FnOnce()) {
        let read = self.value.load(Ordering::Relaxed);
        pause();
        self.value.store(read + 1, Ordering::Relaxed);
    }

    /// The current count.
    pub fn get(&self) -> u64 {
        self.value.load(Ordering::Relaxed)
    }
}
// ANCHOR_END: racy

/// Runs `work` once on each of `threads` threads, all started before any is
/// joined, and returns when all are done. (Given.)
pub fn in_threads(threads: usize, work: impl Fn() + Sync) {
    let work = &work;
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(work);
        }
    });
}
