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
//! different keys compute at the same time: its map's lock is held only to
//! find or add the key's cell, never while `f` runs; the cell (a `OnceLock`)
//! makes the threads that want the same key wait for the one computing it.

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

// ANCHOR: registry
/// The process's one registry, built by the first call, from whichever thread
/// makes it; calls made while it is being built wait for it, and later calls
/// return at once. Every call returns the same reference.
///
/// A `static LazyLock<Registry>` initialised with `Registry::build` does the
/// same.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(Registry::build)
}
// ANCHOR_END: registry

// ANCHOR: lookup
/// The code named `name` in the process's registry (building it if nobody
/// has yet).
pub fn lookup(name: &str) -> Option<u64> {
    registry().get(name)
}
// ANCHOR_END: lookup

// ANCHOR: memo
/// `f` with its results kept, one per key: Python's `functools.cache`, with
/// each key computed exactly once even when threads ask for it at the same
/// time, and different keys computed at the same time.
pub struct Memo<F> {
    f: F,
    /// One cell per key asked for. The `Arc` keeps a cell where it is while a
    /// thread computes into it without the map's lock, even if the map grows
    /// and moves its entries.
    cells: Mutex<HashMap<u64, Arc<OnceLock<u64>>>>,
}

impl<F: Fn(u64) -> u64> Memo<F> {
    /// A memo of `f` that has computed nothing yet.
    pub fn new(f: F) -> Self {
        Memo {
            f,
            cells: Mutex::new(HashMap::new()),
        }
    }

    /// `f(key)`, computed by the first call for `key` and kept for the next.
    ///
    /// Calls for a key being computed wait for that result; calls for other
    /// keys do not wait for it. If `f` panics, the panic goes on to the
    /// caller and nothing is kept: the next call for that key computes it
    /// again (`functools.cache` does not keep an exception either).
    pub fn get(&self, key: u64) -> u64 {
        // Hold the map's lock only to find or add the cell, not while `f` runs.
        let cell = {
            // No code of the caller's runs under this lock, so a poisoned
            // lock still guards a sound map.
            let mut cells = self.cells.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(cells.entry(key).or_default())
        };
        *cell.get_or_init(|| (self.f)(key))
    }
}
// ANCHOR_END: memo
