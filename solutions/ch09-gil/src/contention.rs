//! Exercise `contention` (G6): ways out of one big lock.
//!
//! A GIL is the coarsest lock there is. Python's ways out are processes
//! (chapter 8) and native code that releases the lock; in Rust, where threads
//! run truly in parallel, the way out is to share less. This lab adds up one
//! total on many threads in five ways, from one global lock to no sharing at
//! all, and shows the cost of counters that share a cache line.
//!
//! Every strategy must give the right total; the benchmark
//! (`cargo bench -p ch09-gil-solution --bench contention`) measures what each
//! costs.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use crossbeam_utils::CachePadded;
use rayon::prelude::*;

/// How the threads share the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Strategy {
    /// One `std::sync::Mutex<u64>`, locked for every item.
    GlobalMutex,
    /// One `parking_lot::Mutex<u64>`, locked for every item.
    ParkingLot,
    /// A [`ShardedTotal`]: each thread locks its own shard.
    Sharded,
    /// One `AtomicU64`, one `fetch_add` per item.
    Atomic,
    /// No sharing: each thread sums on its own and the sums are merged at
    /// the end (rayon's `fold` and `reduce`).
    PerThread,
}

impl Strategy {
    /// Every strategy, from the most shared to the least.
    pub const ALL: [Strategy; 5] = [
        Strategy::GlobalMutex,
        Strategy::ParkingLot,
        Strategy::Sharded,
        Strategy::Atomic,
        Strategy::PerThread,
    ];
}

// ANCHOR: total
/// Adds up `value(i)` for every `i` in `0..n` on `threads` threads, sharing
/// the running total the way `strategy` says.
pub fn total(strategy: Strategy, threads: usize, n: u64, value: impl Fn(u64) -> u64 + Sync) -> u64 {
    let threads = threads.max(1);
    match strategy {
        Strategy::GlobalMutex => {
            let total = std::sync::Mutex::new(0);
            on_threads(threads, n, |_, i| {
                let v = value(i);
                *total.lock().unwrap() += v;
            });
            total.into_inner().unwrap()
        }
        Strategy::ParkingLot => {
            let total = parking_lot::Mutex::new(0);
            on_threads(threads, n, |_, i| {
                let v = value(i);
                *total.lock() += v;
            });
            total.into_inner()
        }
        Strategy::Sharded => {
            let total = ShardedTotal::new(threads);
            on_threads(threads, n, |t, i| total.add(t, value(i)));
            total.sum()
        }
        Strategy::Atomic => {
            let total = AtomicU64::new(0);
            // Relaxed: only the sum matters, and the threads are joined (a
            // happens-before edge) before it is read.
            on_threads(threads, n, |_, i| {
                total.fetch_add(value(i), Ordering::Relaxed);
            });
            total.into_inner()
        }
        Strategy::PerThread => rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a rayon pool")
            .install(|| {
                (0..n)
                    .into_par_iter()
                    .fold(|| 0, |sum, i| sum + value(i))
                    .reduce(|| 0, |a, b| a + b)
            }),
    }
}
// ANCHOR_END: total

/// Runs `add(t, i)` for every `i` in `0..n`, split over `threads` scoped
/// threads numbered `t` = 0, 1, ... (Given.)
pub fn on_threads(threads: usize, n: u64, add: impl Fn(usize, u64) + Sync) {
    let add = &add;
    thread::scope(|scope| {
        for t in 0..threads {
            scope.spawn(move || {
                for i in (t as u64..n).step_by(threads) {
                    add(t, i);
                }
            });
        }
    });
}

// ANCHOR: sharded
/// A total split into shards, one lock each, each on its own cache line:
/// threads that add to different shards never wait for each other.
pub struct ShardedTotal {
    shards: Box<[CachePadded<parking_lot::Mutex<u64>>]>,
}

impl ShardedTotal {
    /// A zero total with `shards` shards (at least one).
    pub fn new(shards: usize) -> Self {
        ShardedTotal {
            shards: (0..shards.max(1))
                .map(|_| CachePadded::new(parking_lot::Mutex::new(0)))
                .collect(),
        }
    }

    /// Adds `amount` to shard `shard` (modulo the number of shards). Give
    /// each thread its own shard and no thread waits for another.
    pub fn add(&self, shard: usize, amount: u64) {
        *self.shards[shard % self.shards.len()].lock() += amount;
    }

    /// What each shard holds.
    pub fn shards(&self) -> Vec<u64> {
        self.shards.iter().map(|shard| *shard.lock()).collect()
    }

    /// The total of every shard.
    pub fn sum(&self) -> u64 {
        self.shards.iter().map(|shard| *shard.lock()).sum()
    }
}
// ANCHOR_END: sharded

/// Counters, one per thread, that a test or benchmark can reach by index.
pub trait Counters: Sync {
    /// `n` counters at zero.
    fn new(n: usize) -> Self;
    /// Counter `i`.
    fn slot(&self, i: usize) -> &AtomicU64;
}

/// Counters side by side in memory: eight of them share one 64-byte cache
/// line, so threads that each touch only their own still fight over the
/// line (false sharing). (Given.)
pub struct PackedCounters {
    slots: Vec<AtomicU64>,
}

impl Counters for PackedCounters {
    fn new(n: usize) -> Self {
        PackedCounters {
            slots: (0..n).map(|_| AtomicU64::new(0)).collect(),
        }
    }

    fn slot(&self, i: usize) -> &AtomicU64 {
        &self.slots[i]
    }
}

// ANCHOR: padded
/// Counters padded and aligned to a cache line each
/// (`crossbeam_utils::CachePadded`), so no two share one.
pub struct PaddedCounters {
    slots: Vec<CachePadded<AtomicU64>>,
}

impl Counters for PaddedCounters {
    fn new(n: usize) -> Self {
        PaddedCounters {
            slots: (0..n)
                .map(|_| CachePadded::new(AtomicU64::new(0)))
                .collect(),
        }
    }

    fn slot(&self, i: usize) -> &AtomicU64 {
        &self.slots[i]
    }
}
// ANCHOR_END: padded

// ANCHOR: count_each
/// Has each of `threads` threads add one to its own counter `per_thread`
/// times, and returns the counts.
pub fn count_each<C: Counters>(threads: usize, per_thread: u64) -> Vec<u64> {
    let counters = C::new(threads);
    thread::scope(|scope| {
        for t in 0..threads {
            let slot = counters.slot(t);
            scope.spawn(move || {
                for _ in 0..per_thread {
                    // Relaxed: each counter has one writer, and the scope's
                    // join orders the reads below after every write.
                    slot.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    (0..threads)
        .map(|t| counters.slot(t).load(Ordering::Relaxed))
        .collect()
}
// ANCHOR_END: count_each
