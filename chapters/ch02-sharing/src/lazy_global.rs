//! Exercise `lazy_global` (S4): a registry built exactly once, however many
//! threads ask first.
//!
//! Python sets up module-level state lazily with a global and a lock:
//!
//! ```python
//! _registry = None
//! _lock = threading.Lock()
//!
//! def registry():
//!     global _registry
//!     with _lock:
//!         if _registry is None:
//!             _registry = Registry.build()
//!     return _registry
//! ```
//!
//! and caches a function's results per argument with `functools.cache`.
//!
//! In Rust a `static` item lives as long as the program and every thread sees
//! the same one, so its type must be `Sync`, and it is set up at compile time:
//! `Mutex::new(..)` and `AtomicUsize::new(0)` are `const`, so they can start a
//! `static` off, but a registry built at run time cannot. For that, the
//! standard library has `OnceLock<T>` (starts empty; `get_or_init(f)` fills it
//! on the first call) and `LazyLock<T>` (a value with the closure that builds
//! it, run on first use). Both run the set-up exactly once: the first thread
//! builds, the threads that arrive meanwhile wait for it, and every caller
//! gets a `&'static T` to the one value. Neither needs the `if ... is None`
//! dance, and neither can be read half-built.
//!
//! [`registry`] is the process-wide case. [`Memo`] is the same idea one key
//! at a time, Python's `functools.cache` for a function of a `u64`, with a
//! promise `functools.cache` does not make: `functools.cache` computes outside
//! its lock, so two threads asking for the same new key at once may both
//! compute it (its documentation says so). A [`Memo`] computes each key
//! exactly once, even when eight threads ask for it at once, and still lets
//! different keys compute at the same time: hold a lock on the map only to
//! find or add what belongs to the key, never while `f` runs, and let
//! something per key make the threads that want the same key wait for the one
//! computing it.
//!
//! Your task: implement [`registry`], [`lookup`] and [`Memo`]'s `new` and
//! `get`. `Registry` is given.
//!
//! If you use a `Mutex`, take it from the given `crate::sync`: std's, which
//! graded builds make let other threads run right after an unlock.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock, PoisonError};
use std::thread;
use std::time::Duration;

use crate::sync::Mutex;

/// How long [`Registry::build`] takes: long enough that threads racing to
/// the first call all arrive while it runs.
const BUILD_TIME: Duration = Duration::from_millis(30);

/// How many times [`Registry::build`] has run in this process.
static BUILDS: AtomicUsize = AtomicUsize::new(0);

/// HTTP status codes by name: costly to build, read-only once built. (Given.)
#[derive(Debug)]
pub struct Registry {
    codes: HashMap<&'static str, u64>,
}

impl Registry {
    /// Builds the registry, slowly (as if reading files). Each call counts
    /// in [`Registry::builds`].
    pub fn build() -> Registry {
        // Relaxed: a plain event counter; the tests read it after joining.
        BUILDS.fetch_add(1, Ordering::Relaxed);
        thread::sleep(BUILD_TIME);
        let codes = [
            ("ok", 200),
            ("created", 201),
            ("moved_permanently", 301),
            ("not_modified", 304),
            ("bad_request", 400),
            ("not_found", 404),
            ("teapot", 418),
            ("internal_server_error", 500),
            ("service_unavailable", 503),
        ];
        Registry {
            codes: codes.into_iter().collect(),
        }
    }

    /// How many times [`Registry::build`] has run in this process so far.
    pub fn builds() -> usize {
        BUILDS.load(Ordering::Relaxed)
    }

    /// The code named `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<u64> {
        self.codes.get(name).copied()
    }
}

/// The process's one registry, built by the first call, from whichever thread
/// makes it; calls made while it is being built wait for it, and later calls
/// return at once. Every call returns the same reference.
pub fn registry() -> &'static Registry {
    // TODO: a `static` that starts empty and is filled once.
    todo!("the registry, built once")
}

/// The code named `name` in the process's registry (building it if nobody
/// has yet).
pub fn lookup(name: &str) -> Option<u64> {
    // TODO
    todo!("look the name up in the one registry")
}

/// `f` with its results kept, one per key: Python's `functools.cache`, with
/// each key computed exactly once even when threads ask for it at the same
/// time, and different keys computed at the same time.
///
/// The fields are a suggestion; change them as you like.
pub struct Memo<F> {
    f: F,
    // TODO: somewhere to keep the results, shared by the threads that call `get`.
}

impl<F: Fn(u64) -> u64> Memo<F> {
    /// A memo of `f` that has computed nothing yet.
    pub fn new(f: F) -> Self {
        // TODO
        todo!("an empty memo of f")
    }

    /// `f(key)`, computed by the first call for `key` and kept for the next.
    ///
    /// Calls for a key being computed wait for that result; calls for other
    /// keys do not wait for it. If `f` panics, the panic goes on to the
    /// caller and nothing is kept: the next call for that key computes it
    /// again (`functools.cache` does not keep an exception either).
    pub fn get(&self, key: u64) -> u64 {
        // TODO: lock only to find or add this key's place, then compute without the lock.
        todo!("f(key), computed once")
    }
}
