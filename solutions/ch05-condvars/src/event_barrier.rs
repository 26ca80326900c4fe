//! Exercise `event_barrier` (C5): an event, and work in phases.
//!
//! Python's `threading.Event` is a flag that threads can wait for: `set`
//! wakes every waiter, `clear` lowers it again, `wait(timeout)` says whether
//! it was set. `std` has no event; it is a `bool` under a mutex and a
//! condition variable. `std::sync::Barrier` is Python's `Barrier`: it holds
//! threads until all have arrived, and names one of them the leader.

use std::fmt;
use std::sync::{Barrier, PoisonError};
use std::thread;
use std::time::Duration;

use crate::sync::{Condvar, Mutex, MutexGuard};

/// A flag that threads can wait for.
#[derive(Default)]
pub struct Event {
    flag: Mutex<bool>,
    changed: Condvar,
}

// ANCHOR: event
impl Event {
    /// A new, unset event.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the flag and wakes every waiter.
    pub fn set(&self) {
        *self.flag() = true;
        self.changed.notify_all();
    }

    /// Lowers the flag.
    pub fn clear(&self) {
        *self.flag() = false;
    }

    /// Whether the flag is set now.
    pub fn is_set(&self) -> bool {
        *self.flag()
    }

    /// Waits until the flag is set.
    pub fn wait(&self) {
        let flag = self.flag();
        let _set = self
            .changed
            .wait_while(flag, |set| !*set)
            .unwrap_or_else(PoisonError::into_inner);
    }

    /// Waits at most `timeout` for the flag; returns whether it is set.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let flag = self.flag();
        let (set, _) = self
            .changed
            .wait_timeout_while(flag, timeout, |set| !*set)
            .unwrap_or_else(PoisonError::into_inner);
        // The flag, not the timeout result: it may have been set just as the
        // time ran out, and then the answer is "set".
        *set
    }

    fn flag(&self) -> MutexGuard<'_, bool> {
        self.flag.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: event

impl fmt::Debug for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Event")
            .field("set", &self.is_set())
            .finish()
    }
}

/// What a phased computation produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phases {
    /// The sum of every worker's result, per phase.
    pub sums: Vec<u64>,
    /// Which worker led (summed) each phase.
    pub leaders: Vec<usize>,
}

// ANCHOR: phased
/// Runs `phases` rounds on `workers` threads. In each round every worker
/// computes `work(worker, phase)`; no worker starts a round before all have
/// finished the previous one, and the barrier's leader adds up each round.
pub fn run_in_phases<F>(workers: usize, phases: usize, work: F) -> Phases
where
    F: Fn(usize, usize) -> u64 + Sync,
{
    let barrier = Barrier::new(workers);
    let parts = std::sync::Mutex::new(vec![0; workers]);
    let result = std::sync::Mutex::new(Phases {
        sums: Vec::with_capacity(phases),
        leaders: Vec::with_capacity(phases),
    });
    let (barrier, parts_ref, result_ref, work) = (&barrier, &parts, &result, &work);
    thread::scope(|scope| {
        for worker in 0..workers {
            scope.spawn(move || {
                for phase in 0..phases {
                    let part = work(worker, phase);
                    parts_ref.lock().unwrap_or_else(PoisonError::into_inner)[worker] = part;
                    // Everyone's part is in once the barrier opens; exactly
                    // one thread is told it is the leader.
                    if barrier.wait().is_leader() {
                        let sum = parts_ref
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .iter()
                            .sum();
                        let mut result = result_ref.lock().unwrap_or_else(PoisonError::into_inner);
                        result.sums.push(sum);
                        result.leaders.push(worker);
                    }
                    // Nobody overwrites a part until the leader has summed them.
                    barrier.wait();
                }
            });
        }
    });
    result.into_inner().unwrap_or_else(PoisonError::into_inner)
}
// ANCHOR_END: phased
