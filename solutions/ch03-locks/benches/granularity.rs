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

use std::hint::black_box;
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
    m.write();
}
