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

    // ANCHOR: get_or_init
    /// The value, running `init` first if nobody has. Exactly one caller
    /// runs `init` (unless it panics: then a waiting caller runs its own);
    /// the others sleep until the value is there.
    pub fn get_or_init(&self, init: impl FnOnce() -> T) -> &T {
        loop {
            match self
                .state
                .compare_exchange(EMPTY, RUNNING, Ordering::Acquire, Ordering::Acquire)
            {
                Ok(_) => return self.initialise(init),
                // Acquire on failure too: seeing DONE here must also mean
                // seeing the value.
                Err(DONE) => break,
                // Somebody else is initialising: sleep while the state is
                // RUNNING. The wait can return early, and the winner may
                // have panicked (EMPTY again), so go round and look again.
                Err(_) => futex::wait(&self.state, RUNNING),
            }
        }
        self.get().expect("the state is DONE")
    }
    // ANCHOR_END: get_or_init

    // ANCHOR: initialise
    /// Runs `init` and publishes its value; the caller moved EMPTY to RUNNING.
    fn initialise(&self, init: impl FnOnce() -> T) -> &T {
        /// Puts the state back to EMPTY and wakes a sleeper if `init`
        /// panics, so the others do not wait for ever.
        struct Reset<'a>(&'a AtomicU32);
        impl Drop for Reset<'_> {
            fn drop(&mut self) {
                self.0.store(EMPTY, Ordering::Relaxed);
                futex::wake_one(self.0);
            }
        }

        let reset = Reset(&self.state);
        let value = init();
        std::mem::forget(reset);
        // SAFETY: the state is RUNNING and we set it: nobody else reads or
        // writes the value until DONE.
        self.value.with_mut(|slot| unsafe { *slot = Some(value) });
        // Release: the write above happens before the Acquire load of every
        // thread that sees DONE.
        self.state.store(DONE, Ordering::Release);
        futex::wake_all(&self.state);
        self.get().expect("just initialised")
    }
    // ANCHOR_END: initialise
}

impl<T> Default for OnceCell<T> {
    fn default() -> Self {
        Self::new()
    }
}
