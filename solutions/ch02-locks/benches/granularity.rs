//! How much to lock (L6), and whether a lock makes anything faster (L7).
//!
//! Run with `cargo bench -p ch02-locks-solution --bench granularity`. The book
//! quotes ratios from one run.
//!
//! - `sum_*`: the exercise's four strategies summing 1..=1 000 000 over two
//!   threads, plus `sum_racy`, which loads and stores separately and gets the
//!   wrong answer.
//! - `read_pause_write_*`: a thousand threads each read a count, sleep
//!   100 µs and write it back; locked (`Counter`) against racy (`RacyCounter`).

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

use ch02_locks::granularity::{
    CountingMutex, atomic_add, lock_around_loop, lock_per_item, merge_at_end, split_evenly,
};
use ch02_locks::lost_update::{Counter, RacyCounter, in_threads};

fn main() {
    divan::main();
}

const THREADS: usize = 2;

fn numbers() -> Vec<u64> {
    (1..=1_000_000).collect()
}

fn id(x: u64) -> u64 {
    black_box(x)
}

#[divan::bench]
fn sum_lock_per_item(bencher: divan::Bencher) {
    let numbers = numbers();
    bencher.bench(|| {
        let total = CountingMutex::new(0);
        lock_per_item(&numbers, THREADS, &total, id);
        total.into_inner()
    });
}

#[divan::bench]
fn sum_lock_around_loop(bencher: divan::Bencher) {
    let numbers = numbers();
    bencher.bench(|| {
        let total = CountingMutex::new(0);
        lock_around_loop(&numbers, THREADS, &total, id);
        total.into_inner()
    });
}

#[divan::bench]
fn sum_atomic_add(bencher: divan::Bencher) {
    let numbers = numbers();
    bencher.bench(|| {
        let total = AtomicU64::new(0);
        atomic_add(&numbers, THREADS, &total, id);
        total.into_inner()
    });
}

#[divan::bench]
fn sum_merge_at_end(bencher: divan::Bencher) {
    let numbers = numbers();
    bencher.bench(|| merge_at_end(&numbers, THREADS, id));
}

/// The racy-but-wrong strategy: a separate atomic load and store per number.
#[divan::bench]
fn sum_racy(bencher: divan::Bencher) {
    let numbers = numbers();
    bencher.bench(|| {
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
    });
}

const PAUSE: Duration = Duration::from_micros(100);

#[divan::bench(sample_count = 10, sample_size = 1)]
fn read_pause_write_locked() -> u64 {
    let counter = Counter::new();
    in_threads(1000, || counter.increment_slowly(|| thread::sleep(PAUSE)));
    counter.get()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn read_pause_write_racy() -> u64 {
    let counter = RacyCounter::new();
    in_threads(1000, || counter.increment_slowly(|| thread::sleep(PAUSE)));
    counter.get()
}
