//! Exercise `gil` (G1, G3, G4): a global interpreter lock of our own.
//!
//! CPython lets one thread at a time run Python code. The lock that enforces
//! it, the GIL, is handed over the way CPython has done it since 3.2:
//!
//! - A thread that wants the lock waits for it, but at most one *switch
//!   interval* at a time. If a whole interval passes and the same thread
//!   still holds the lock, the waiter sets a **drop request**.
//! - The holder checks the request between two steps of "bytecode" (here:
//!   [`GilGuard::tick`]). Checking is one atomic load, so code that nobody
//!   waits for pays almost nothing.
//! - When it sees the request the holder releases the lock and then **does
//!   not take it back until another thread has taken it** (forced
//!   switching). Without that rule the releasing thread, already running,
//!   would usually win the race against the waiter it was meant to let in.
//!
//! [`Gil`] keeps statistics ([`GilStats`]) so the tests and the experiments
//! can see the hand-overs.

use std::fmt;
use std::marker::PhantomData;
use std::time::{Duration, Instant};

use crate::sync::{self, AtomicBool, Condvar, Mutex, Ordering, ThreadId, thread};

/// A global interpreter lock: one holder at a time, handed over after a
/// switch interval.
pub struct Gil {
    interval: Duration,
    state: Mutex<State>,
    /// Signalled when the lock is released.
    released: Condvar,
    /// Signalled when a thread takes the lock: the thread that was forced to
    /// drop it waits for this.
    taken: Condvar,
    /// Set by a waiter that has waited a whole interval; read by the holder
    /// at every tick.
    drop_request: AtomicBool,
}

/// The lock's state, under the `state` mutex.
#[derive(Debug, Default)]
struct State {
    holder: Option<ThreadId>,
    /// The thread that held the lock last (for counting switches).
    last_holder: Option<ThreadId>,
    stats: GilStats,
}

/// What a [`Gil`] has seen so far.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct GilStats {
    /// How many times a thread took the lock.
    pub acquisitions: u64,
    /// How many times the lock went to a different thread than the one that
    /// held it last.
    pub switches: u64,
    /// How many times a holder released the lock because a waiter asked.
    pub forced_drops: u64,
    /// The time threads spent waiting for the lock, added up.
    pub waited: Duration,
}

/// Proof that this thread holds the GIL; dropping it releases the lock.
///
/// A guard belongs to the thread that acquired it: it is neither `Send` nor
/// `Sync` (see the lesson `tests/ui/gil_guard_stays_on_its_thread.rs`).
pub struct GilGuard<'gil> {
    gil: &'gil Gil,
    _not_send: PhantomData<*const ()>,
}

impl Gil {
    /// CPython's default switch interval (`sys.getswitchinterval()`).
    pub const DEFAULT_INTERVAL: Duration = Duration::from_millis(5);

    /// A free lock that hands over after `switch_interval`.
    pub fn new(switch_interval: Duration) -> Self {
        Gil {
            interval: switch_interval,
            state: Mutex::new(State::default()),
            released: Condvar::new(),
            taken: Condvar::new(),
            drop_request: AtomicBool::new(false),
        }
    }

    /// The switch interval.
    pub fn switch_interval(&self) -> Duration {
        self.interval
    }

    /// Waits until this thread holds the lock.
    ///
    /// # Panics
    ///
    /// If this thread holds the lock already (with a message that says it
    /// "already holds" the GIL): waiting for itself would never end.
    pub fn acquire(&self) -> GilGuard<'_> {
        self.take();
        GilGuard {
            gil: self,
            _not_send: PhantomData,
        }
    }

    /// A snapshot of the statistics.
    pub fn stats(&self) -> GilStats {
        sync::lock(&self.state).stats
    }

    // ANCHOR: take
    /// Takes the lock, asking the holder to drop it after every interval in
    /// which nobody else got it.
    pub(crate) fn take(&self) {
        let me = thread::current().id();
        let started = Instant::now();
        let mut state = sync::lock(&self.state);
        assert_ne!(
            state.holder,
            Some(me),
            "this thread already holds the GIL; acquiring it again would wait forever"
        );
        while state.holder.is_some() {
            let before = state.stats.acquisitions;
            let (next, timed_out) =
                sync::wait_interval(&self.state, &self.released, state, self.interval);
            state = next;
            // A whole interval, and the lock never changed hands: ask the
            // holder to let go. (If it did change hands, the new holder gets
            // a fresh interval, as in CPython.)
            if timed_out && state.holder.is_some() && state.stats.acquisitions == before {
                // Relaxed is enough: the flag is only a hint to look. The
                // hand-over itself is ordered by the `state` mutex.
                self.drop_request.store(true, Ordering::Relaxed);
            }
        }
        state.holder = Some(me);
        state.stats.acquisitions += 1;
        if state.last_holder != Some(me) {
            state.stats.switches += u64::from(state.last_holder.is_some());
            state.last_holder = Some(me);
        }
        state.stats.waited += started.elapsed();
        // Whatever request is pending was meant for the previous holder.
        self.drop_request.store(false, Ordering::Relaxed);
        // A thread that was forced to drop the lock waits for this.
        self.taken.notify_all();
    }
    // ANCHOR_END: take

    // ANCHOR: release
    /// Releases the lock. If a waiter asked for it, does not return until
    /// another thread has taken it, so that this thread cannot take it
    /// straight back.
    pub(crate) fn release(&self) {
        let mut state = sync::lock(&self.state);
        state.holder = None;
        self.released.notify_one();
        if self.drop_request.load(Ordering::Relaxed) {
            state.stats.forced_drops += 1;
            let dropped_at = state.stats.acquisitions;
            while state.stats.acquisitions == dropped_at {
                state = self
                    .taken
                    .wait(state)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
        }
    }
    // ANCHOR_END: release
}

// ANCHOR: tick
impl GilGuard<'_> {
    /// Called between two steps of CPU-bound work: hands the lock over if a
    /// waiter has asked for it, and takes it back afterwards. When nobody
    /// asked, this is one relaxed atomic load.
    pub fn tick(&mut self) {
        if self.gil.drop_request.load(Ordering::Relaxed) {
            self.gil.release();
            self.gil.take();
        }
    }

    /// The lock this guard holds.
    pub fn gil(&self) -> &Gil {
        self.gil
    }
}

impl Drop for GilGuard<'_> {
    fn drop(&mut self) {
        self.gil.release();
    }
}
// ANCHOR_END: tick

impl Default for Gil {
    /// A lock with CPython's default switch interval, 5 ms.
    fn default() -> Self {
        Gil::new(Gil::DEFAULT_INTERVAL)
    }
}

impl fmt::Debug for Gil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = sync::lock(&self.state);
        f.debug_struct("Gil")
            .field("interval", &self.interval)
            .field("held", &state.holder.is_some())
            .field("stats", &state.stats)
            .finish()
    }
}

impl fmt::Debug for GilGuard<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GilGuard").finish_non_exhaustive()
    }
}
