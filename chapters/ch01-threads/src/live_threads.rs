//! Exercise `live_threads` (T5, T6): is it still running, wait for it with a
//! time limit, and list the threads that are alive.
//!
//! Python's `Thread` has `is_alive()`, `join(timeout)`, and the module keeps a
//! registry behind `threading.enumerate()` and `active_count()`. Rust's
//! `JoinHandle` has `is_finished()` and an untimed `join()`, and the standard
//! library keeps no registry. Build the missing two.
//!
//! Your task: implement [`join_timeout`] and the methods of [`Registry`].
//!
//! Ahead of its chapter: the registry's given fields share a map between
//! threads as `Arc<Mutex<...>>`: chapter 2 (sharing) teaches `Arc`, and
//! chapter 3 (locks) the `Mutex`. All you
//! need here: `Arc::clone` gives another thread its own handle to the same
//! map, and `.lock()` returns a guard through which you read or change it
//! until the guard goes out of scope. `AtomicU64::fetch_add` hands out ids.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

// ANCHOR: join_timeout
/// Waits at most `limit` for the thread behind `handle` to finish.
///
/// Returns `Ok` with the thread's result (`Err` inside if it panicked) when it
/// finished in time (with a zero `limit`, when it has already finished), or
/// gives the handle back as `Err(handle)` when it did not, so the caller can
/// wait again later. Return as soon as the thread is done, not after the whole
/// `limit`.
pub fn join_timeout<T>(
    handle: JoinHandle<T>,
    limit: Duration,
) -> Result<thread::Result<T>, JoinHandle<T>> {
    // TODO: `JoinHandle::is_finished` tells whether `join` would return at once.
    todo!("join with a time limit")
}
// ANCHOR_END: join_timeout

/// A register of live threads, like Python's `threading.enumerate()`.
///
/// Threads started with [`Registry::spawn`] are listed from the moment
/// `spawn` returns until their function returns or panics. Clones share one
/// register.
///
/// The fields are a suggestion; change them as you like.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    live: Arc<Mutex<BTreeMap<u64, String>>>,
    next_id: Arc<AtomicU64>,
}

impl Registry {
    /// An empty register.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts `f` on a thread named `name` and lists it until `f` ends, also
    /// when `f` panics.
    ///
    /// # Panics
    ///
    /// If the operating system cannot start a thread.
    pub fn spawn<T, F>(&self, name: &str, f: F) -> JoinHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        // TODO: list the thread, start it, and make sure it leaves the list
        // however `f` ends. (What runs when a value is dropped?)
        todo!("start and list a thread")
    }

    /// The names of the live threads, sorted.
    pub fn live(&self) -> Vec<String> {
        // TODO
        todo!("list the live threads")
    }

    /// How many listed threads are alive.
    pub fn count(&self) -> usize {
        // TODO
        todo!("count the live threads")
    }
}
