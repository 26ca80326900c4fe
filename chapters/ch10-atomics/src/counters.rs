//! Counters that need no lock: numbered tickets up to a limit, and a high-water
//! mark (O1).
//!
//! In Python, `count += 1` on a shared integer is a load, an add and a store,
//! and another thread can run between them; the usual fix is a `Lock`. An
//! atomic does the whole read-modify-write as one indivisible step. The one
//! rule: a decision and the change it leads to must be the same atomic
//! operation. A `load` followed by a `store` is two steps, and another thread
//! fits between them.
//!
//! Every operation here is `Relaxed`: each counter is one atomic on its own,
//! and no other data is published through it, so there is nothing to order.
//!
//! Your task: write `Tickets::take` and `HighWater::record`. Many threads call
//! them at once; no ticket may be handed out twice or past the limit, and the
//! mark may never go down. Everything without a `// TODO` is given.

use crate::sync::{AtomicU32, AtomicUsize, Ordering};

/// Hands out ticket numbers `0, 1, 2, …` up to `limit - 1`, each exactly
/// once, to any number of threads; then no more.
#[derive(Debug)]
pub struct Tickets {
    /// The next number to hand out; never more than `limit`.
    next: AtomicU32,
    limit: u32,
}

impl Tickets {
    /// Tickets numbered from 0 to `limit - 1`.
    pub fn new(limit: u32) -> Self {
        Self {
            next: AtomicU32::new(0),
            limit,
        }
    }

    /// The next ticket, or `None` once all `limit` are gone.
    ///
    /// `fetch_update` reads the counter, asks the closure for the new value,
    /// and stores it only if nobody changed the counter in between (a
    /// `compare_exchange` loop inside). The closure refuses with `None` at
    /// the limit, so the counter never passes it, not even for an instant.
    pub fn take(&self) -> Option<u32> {
        // TODO
        todo!()
    }

    /// How many tickets have been handed out (at most `limit`).
    pub fn taken(&self) -> u32 {
        self.next.load(Ordering::Relaxed)
    }
}

/// The highest value any thread has recorded.
#[derive(Debug, Default)]
pub struct HighWater {
    peak: AtomicUsize,
}

impl HighWater {
    /// A mark at 0.
    pub fn new() -> Self {
        Self::default()
    }

    /// Raises the mark to `value` if `value` is higher; returns the mark
    /// before. `fetch_max` compares and stores in one step, so two threads
    /// recording at once cannot lower each other's mark.
    pub fn record(&self, value: usize) -> usize {
        // TODO
        todo!()
    }

    /// The highest value recorded so far.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }
}
