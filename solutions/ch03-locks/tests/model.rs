//! Model checks with shuttle: the lost update is a possible schedule, not bad
//! luck, and the lock removes it.
//!
//! Shuttle runs the closure many times, each time choosing the thread
//! interleaving itself (here from a fixed seed, so every run of this test
//! explores the same schedules). It only sees shuttle's own primitives, so
//! the counter is modelled here with `shuttle::sync` types, step for step like
//! `RacyCounter` and `Counter` in `src/lost_update.rs`.

use shuttle::scheduler::{PctScheduler, RandomScheduler};
use shuttle::sync::atomic::{AtomicU64, Ordering};
use shuttle::sync::{Arc, Mutex};
use shuttle::{Config, Runner, thread};

/// Two threads, each a read then a write: `RacyCounter::increment_slowly`.
fn racy_increments() {
    let count = Arc::new(AtomicU64::new(0));
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let count = Arc::clone(&count);
            thread::spawn(move || {
                let read = count.load(Ordering::SeqCst);
                // The pause: any other thread may run here.
                thread::yield_now();
                count.store(read + 1, Ordering::SeqCst);
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(count.load(Ordering::SeqCst), 2, "an update was lost");
}

/// The same with the read and the write under one lock: `Counter`.
fn locked_increments() {
    let count = Arc::new(Mutex::new(0u64));
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let count = Arc::clone(&count);
            thread::spawn(move || {
                let mut value = count.lock().unwrap();
                let read = *value;
                thread::yield_now();
                *value = read + 1;
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(*count.lock().unwrap(), 2, "an update was lost");
}

#[test]
#[should_panic(expected = "an update was lost")]
fn shuttle_finds_a_schedule_that_loses_an_update() {
    Runner::new(RandomScheduler::new_from_seed(2026, 100), Config::new()).run(racy_increments);
}

#[test]
fn with_the_lock_no_explored_schedule_loses_an_update() {
    Runner::new(RandomScheduler::new_from_seed(2026, 1000), Config::new()).run(locked_increments);
    Runner::new(PctScheduler::new_from_seed(2026, 3, 1000), Config::new()).run(locked_increments);
}
