//! One-time initialisation, built from an atomic: the first caller runs the
//! initialiser, every other caller sleeps until it is done (O4, O7).
//!
//! Python's answer is a `Lock` around a check (or `functools.cache`); std's
//! is `OnceLock`. Here the race to initialise is settled by one
//! `compare_exchange` on a `state` (EMPTY to RUNNING), the value is published
//! with a `Release` store of DONE, and the losers sleep on the state with a
//! futex-style wait, using no processor time, until the winner wakes them.
//! If the initialiser panics, the cell is EMPTY again and a sleeper wakes to
//! try in its place.
//!
//! Your task: write `get_or_init` (and `initialise`, if you keep it). Exactly
//! one caller runs `init`; the others sleep in the given `futex::wait` until
//! the value is there; a panic in `init` lets a waiter try in its place.
//! Everything without a `// TODO` is given.

use crate::sync::{AtomicU32, Ordering, UnsafeCell, futex};

const EMPTY: u32 = 0;
const RUNNING: u32 = 1;
const DONE: u32 = 2;

/// A cell initialised once, by the first `get_or_init`.
#[derive(Debug)]
pub struct OnceCell<T> {
    state: AtomicU32,
    value: UnsafeCell<Option<T>>,
}

// SAFETY: the value is written once, by the thread that moved the state from
// EMPTY to RUNNING, and read only after an Acquire load saw DONE, stored with
// Release after the write. Readers share `&T` (so `T: Sync`) and the value
// may be dropped by a thread other than the one that made it (`T: Send`).
unsafe impl<T: Send + Sync> Sync for OnceCell<T> {}

impl<T> OnceCell<T> {
    /// An empty cell.
    pub fn new() -> Self {
        Self {
            state: AtomicU32::new(EMPTY),
            value: UnsafeCell::new(None),
        }
    }

    /// The value, if initialisation has finished.
    pub fn get(&self) -> Option<&T> {
        if self.state.load(Ordering::Acquire) == DONE {
            // SAFETY: DONE was stored (Release) after the only write.
            self.value.with(|value| unsafe { (*value).as_ref() })
        } else {
            None
        }
    }

    /// The value, running `init` first if nobody has. Exactly one caller
    /// runs `init` (unless it panics: then a waiting caller runs its own);
    /// the others sleep until the value is there.
    pub fn get_or_init(&self, init: impl FnOnce() -> T) -> &T {
        // TODO
        todo!()
    }

    /// Runs `init` and publishes its value; the caller moved EMPTY to RUNNING.
    fn initialise(&self, init: impl FnOnce() -> T) -> &T {
        // TODO
        todo!()
    }
}

impl<T> Default for OnceCell<T> {
    fn default() -> Self {
        Self::new()
    }
}
