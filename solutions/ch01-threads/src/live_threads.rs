//! Exercise `live_threads` (T5, T6): is it still running, wait for it with a
//! time limit, and list the threads that are alive.
//!
//! Python's `Thread` has `is_alive()`, `join(timeout)`, and the module keeps a
//! registry behind `threading.enumerate()` and `active_count()`. Rust's
//! `JoinHandle` has `is_finished()` and an untimed `join()`, and the standard
//! library keeps no registry. This exercise builds the missing two.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How often [`join_timeout`] looks at the thread.
const POLL: Duration = Duration::from_millis(1);

// ANCHOR: join_timeout
/// Waits at most `limit` for the thread behind `handle` to finish.
///
/// Returns `Ok` with the thread's result (`Err` inside if it panicked) when it
/// finished in time (with a zero `limit`, when it has already finished), or
/// gives the handle back as `Err(handle)` when it did not, so the caller can
/// wait again later: nothing is lost.
///
/// The standard library cannot notify us when an arbitrary thread ends, so
/// this polls `is_finished` every millisecond; it returns as soon as the
/// thread is done, not after the whole `limit`.
pub fn join_timeout<T>(
    handle: JoinHandle<T>,
    limit: Duration,
) -> Result<thread::Result<T>, JoinHandle<T>> {
    let deadline = Instant::now() + limit;
    loop {
        if handle.is_finished() {
            return Ok(handle.join());
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(handle);
        }
        thread::sleep(POLL.min(deadline - now));
    }
}
// ANCHOR_END: join_timeout

// ANCHOR: registry
/// A register of live threads, like Python's `threading.enumerate()`.
///
/// Threads started with [`Registry::spawn`] are listed from the moment
/// `spawn` returns until their function returns or panics. Clones share one
/// register.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    live: Arc<Mutex<BTreeMap<u64, String>>>,
    next_id: Arc<AtomicU64>,
}

/// Removes its thread from the register when dropped: at the end of the
/// thread's function, also when it panics.
struct Listed {
    registry: Registry,
    id: u64,
}

impl Drop for Listed {
    fn drop(&mut self) {
        self.registry.entries().remove(&self.id);
    }
}

impl Registry {
    /// An empty register.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts `f` on a thread named `name` and lists it until `f` ends.
    ///
    /// # Panics
    ///
    /// If the operating system cannot start a thread.
    pub fn spawn<T, F>(&self, name: &str, f: F) -> JoinHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        // Relaxed: the id only has to be unique, and fetch_add never hands out
        // the same value twice whatever the ordering.
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        // List it before the thread exists, so it is listed when spawn returns
        // and cannot be removed before it was added.
        self.entries().insert(id, name.to_owned());
        let listed = Listed {
            registry: self.clone(),
            id,
        };
        thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let _listed = listed;
                f()
            })
            .expect("failed to spawn a thread")
    }

    /// The names of the live threads, sorted.
    pub fn live(&self) -> Vec<String> {
        let mut names: Vec<String> = self.entries().values().cloned().collect();
        names.sort();
        names
    }

    /// How many listed threads are alive.
    pub fn count(&self) -> usize {
        self.entries().len()
    }

    fn entries(&self) -> MutexGuard<'_, BTreeMap<u64, String>> {
        // A map of names stays consistent even if a holder panicked.
        self.live
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
// ANCHOR_END: registry
