//! How much to lock (L6), and whether a lock makes anything faster (L7).
//!
//! Run with `cargo xtask bench ch03-locks` (or `cargo bench -p
//! ch03-locks-solution --bench granularity`, which prints the CSV). It writes
//! `ch03-granularity.csv`.
//!
//! - `sum`: the exercise's four strategies summing 1..=1 000 000 over two
//!   threads, plus `racy`, which loads and stores separately and gets the
//!   wrong answer.
//! - `read_pause_write`: a thousand threads each read a count, sleep
//!   100 µs and write it back; locked (`Counter`) against racy
//!   (`RacyCounter`), for the myth that a lock makes things faster.
//! - `lost_updates` (a count, not a time, in the `ms` column): two threads
//!   each add one to a shared count a million times with a separate atomic
//!   load and store, five runs (the param is the run); how many of the two
//!   million additions each run lost. `python/ch03_locks.py` runs the
//!   Python programs this answers (myth L10).

use std::hint::black_box;
use std::sync::Barrier;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

use ch03_locks::granularity::{
    CountingMutex, atomic_add, lock_around_loop, lock_per_item, merge_at_end, split_evenly,
};
use ch03_locks::lost_update::{Counter, RacyCounter, in_threads};
use grading::Measurements;

const THREADS: usize = 2;
const RUNS: usize = 10;
const PAUSE: Duration = Duration::from_micros(100);
/// Additions per thread in `lost_updates`.
const ADDS: u64 = 1_000_000;

/// Two threads add one `ADDS` times each to a shared count, by a separate
/// load and store (no read-modify-write); returns how many additions were
/// lost. They start together at a barrier, so that they overlap even when
/// starting a thread takes as long as the loop. Relaxed is enough to show
/// the race: atomicity is what is missing, not ordering.
fn lost_by_load_then_store() -> u64 {
    let count = AtomicU64::new(0);
    let start = Barrier::new(2);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                start.wait();
                for _ in 0..ADDS {
                    let read = count.load(Ordering::Relaxed);
                    count.store(read + 1, Ordering::Relaxed);
                }
            });
        }
    });
    2 * ADDS - count.into_inner()
}

fn id(x: u64) -> u64 {
    black_box(x)
}

/// The racy-but-wrong strategy: a separate atomic load and store per number.
fn racy_sum(numbers: &[u64]) -> u64 {
    let total = AtomicU64::new(0);
    thread::scope(|scope| {
        for range in split_evenly(numbers.len(), THREADS) {
            let (part, total) = (&numbers[range], &total);
            scope.spawn(move || {
                for &x in part {
                    let read = total.load(Ordering::Relaxed);
                    total.store(read + id(x), Ordering::Relaxed);
                }
            });
        }
    });
    total.into_inner()
}

fn main() {
    let mut m = Measurements::new("ch03-granularity");
    let numbers: Vec<u64> = (1..=1_000_000).collect();
    let threads = THREADS as u64;
    m.best_of("sum", "merge_at_end", threads, RUNS, || {
        merge_at_end(&numbers, THREADS, id)
    });
    m.best_of("sum", "lock_around_loop", threads, RUNS, || {
        let total = CountingMutex::new(0);
        lock_around_loop(&numbers, THREADS, &total, id);
        total.into_inner()
    });
    m.best_of("sum", "racy", threads, RUNS, || racy_sum(&numbers));
    m.best_of("sum", "atomic_add", threads, RUNS, || {
        let total = AtomicU64::new(0);
        atomic_add(&numbers, THREADS, &total, id);
        total.into_inner()
    });
    m.best_of("sum", "lock_per_item", threads, RUNS, || {
        let total = CountingMutex::new(0);
        lock_per_item(&numbers, THREADS, &total, id);
        total.into_inner()
    });

    m.best_of("read_pause_write", "racy", 1000, 5, || {
        let counter = RacyCounter::new();
        in_threads(1000, || counter.increment_slowly(|| thread::sleep(PAUSE)));
        counter.get()
    });
    m.best_of("read_pause_write", "locked", 1000, 5, || {
        let counter = Counter::new();
        in_threads(1000, || counter.increment_slowly(|| thread::sleep(PAUSE)));
        counter.get()
    });

    for run in 1..=Measurements::runs(5) as u64 {
        m.record(
            "lost_updates",
            "rust_load_then_store",
            run,
            lost_by_load_then_store() as f64,
        );
    }
    m.write();
}
