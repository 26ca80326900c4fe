//! Exercise `convoy` (G5): what a CPU-bound thread does to an I/O thread's
//! latency.
//!
//! An I/O-bound thread releases the GIL while it waits. When its I/O
//! completes it needs the lock back, but a CPU-bound thread holds it and
//! holds it until asked: the I/O thread waits a whole switch interval before
//! it may even ask. Every wake-up pays that price, so a server thread that
//! shares a process with number crunching answers slowly. This is the
//! *convoy effect*; a shorter interval shortens the wait and costs more
//! switches.
//!
//! Your task: implement [`measure_convoy`]. Make sure the CPU-bound thread
//! holds the lock whenever the I/O thread's wait ends, or there is no convoy
//! to measure.

use std::sync::Barrier;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::experiment::busy_step;
use crate::gil::Gil;

// ANCHOR: convoy_type
/// What one convoy run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Convoy {
    /// The switch interval it ran with.
    pub switch_interval: Duration,
    /// For every wake-up of the I/O thread: from its I/O completing to its
    /// holding the GIL again.
    pub latencies: Vec<Duration>,
    /// How many steps the CPU-bound thread made meanwhile.
    pub cpu_steps: u64,
}

impl Convoy {
    /// The middle latency (the upper one of the two middle ones).
    pub fn median(&self) -> Duration {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        sorted.get(sorted.len() / 2).copied().unwrap_or_default()
    }
}
// ANCHOR_END: convoy_type

/// Runs a CPU-bound thread under a GIL with `switch_interval`, beside an
/// I/O-bound thread that does `wakeups` waits of `io_wait` each, and measures
/// how long the I/O thread needs to get the lock back after each wait.
pub fn measure_convoy(switch_interval: Duration, wakeups: usize, io_wait: Duration) -> Convoy {
    // TODO
    todo!("run a CPU-bound thread and an I/O thread under one GIL and time each wake-up")
}
