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

use std::sync::Barrier;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::experiment::busy_step;
use crate::gil::Gil;

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

// ANCHOR: convoy
/// Runs a CPU-bound thread under a GIL with `switch_interval`, beside an
/// I/O-bound thread that does `wakeups` waits of `io_wait` each, and measures
/// how long the I/O thread needs to get the lock back after each wait.
pub fn measure_convoy(switch_interval: Duration, wakeups: usize, io_wait: Duration) -> Convoy {
    let gil = Gil::new(switch_interval);
    let cpu_holds = Barrier::new(2);
    let done = AtomicBool::new(false);
    let cpu_steps = AtomicU64::new(0);
    let latencies = thread::scope(|scope| {
        scope.spawn(|| {
            let mut guard = gil.acquire();
            cpu_holds.wait();
            // Release-Acquire: the I/O thread's `done` store happens before
            // this load sees it; nothing else is published through it.
            while !done.load(Ordering::Acquire) {
                std::hint::black_box(busy_step(cpu_steps.load(Ordering::Relaxed)));
                // Relaxed: a progress counter; the I/O thread only needs to
                // see it change, eventually.
                cpu_steps.fetch_add(1, Ordering::Relaxed);
                guard.tick();
            }
        });
        let io = scope.spawn(|| {
            // Start only once the CPU-bound thread holds the lock.
            cpu_holds.wait();
            let mut guard = gil.acquire();
            let latencies = (0..wakeups)
                .map(|_| {
                    let woke = guard.allow_threads(|| {
                        let before = cpu_steps.load(Ordering::Relaxed);
                        thread::sleep(io_wait);
                        // The convoy needs the CPU-bound thread to hold the
                        // lock when the I/O completes; on a busy machine it
                        // may not have run yet, so wait until it has.
                        while cpu_steps.load(Ordering::Relaxed) == before {
                            thread::yield_now();
                        }
                        Instant::now()
                    });
                    woke.elapsed()
                })
                .collect();
            done.store(true, Ordering::Release);
            latencies
        });
        io.join().unwrap()
    });
    Convoy {
        switch_interval,
        latencies,
        cpu_steps: cpu_steps.into_inner(),
    }
}
// ANCHOR_END: convoy
