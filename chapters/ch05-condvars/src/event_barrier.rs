//! Exercise `event_barrier` (C5): an event, and work in phases.
//!
//! Python's `threading.Event` is a flag that threads can wait for: `set`
//! wakes every waiter, `clear` lowers it again, `wait(timeout)` says whether
//! it was set. `std` has no event; it is a `bool` under a mutex and a
//! condition variable. `std::sync::Barrier` is Python's `Barrier`: it holds
//! threads until all have arrived, and names one of them the leader.
//!
//! Your task: implement [`Event`] and [`run_in_phases`].
//!
//! The `Mutex` and `Condvar` come from the given `crate::sync`: std's, whose
//! waits graded builds make wake up spuriously on purpose, every time. A
//! wait that checks its condition again after waking passes either way.

use std::fmt;
use std::sync::{Barrier, PoisonError};
use std::thread;
use std::time::Duration;

use crate::sync::{Condvar, Mutex, MutexGuard};

// ANCHOR: event
/// A flag that threads can wait for.
#[derive(Default)]
pub struct Event {
    flag: Mutex<bool>,
    changed: Condvar,
}
// ANCHOR_END: event

impl Event {
    /// A new, unset event.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the flag and wakes every waiter.
    pub fn set(&self) {
        // TODO
        todo!("set the flag and wake every waiter")
    }

    /// Lowers the flag.
    pub fn clear(&self) {
        // TODO
        todo!("lower the flag")
    }

    /// Whether the flag is set now.
    pub fn is_set(&self) -> bool {
        // TODO
        todo!("read the flag")
    }

    /// Waits until the flag is set.
    pub fn wait(&self) {
        // TODO
        todo!("wait for the flag")
    }

    /// Waits at most `timeout` for the flag; returns whether it is set.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        // TODO
        todo!("wait for the flag, at most timeout")
    }

    fn flag(&self) -> MutexGuard<'_, bool> {
        self.flag.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

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

/// Runs `phases` rounds on `workers` threads. In each round every worker
/// computes `work(worker, phase)`; no worker starts a round before all have
/// finished the previous one, and the barrier's leader adds up each round.
pub fn run_in_phases<F>(workers: usize, phases: usize, work: F) -> Phases
where
    F: Fn(usize, usize) -> u64 + Sync,
{
    // TODO
    todo!("run the phases")
}
