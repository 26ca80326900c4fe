//! Model checks of `ReentrantLock` with shuttle.
//!
//! Built only with the `shuttle` feature, which swaps the lock's `Mutex`,
//! `Condvar` and thread ids for shuttle's (see `src/sync.rs`), so shuttle
//! decides every interleaving. Run with
//! `cargo test -p ch04-reentrant-solution --features shuttle --test model`.
//!
//! What this can see: exclusion, re-entry, every order of hand-over, lost
//! wake-ups (a lost one leaves a thread blocked, which shuttle reports as a
//! deadlock). What it cannot: spurious wake-ups and timing, which shuttle's
//! condition variable does not produce; `tests/grade/reentrant_lock.rs`
//! covers those with real threads.

use std::cell::Cell;

use ch04_reentrant::reentrant_lock::ReentrantLock;
use shuttle::scheduler::{PctScheduler, RandomScheduler};
use shuttle::sync::Arc;
use shuttle::{Config, Runner, thread};

/// Three threads, each taking the lock twice (nested) and bumping a counter
/// that is only read and written while the lock is held.
fn three_threads_nest_and_exclude() {
    let lock = Arc::new(ReentrantLock::new((Cell::new(0u32), Cell::new(false))));
    let threads: Vec<_> = (0..3)
        .map(|_| {
            let lock = Arc::clone(&lock);
            thread::spawn(move || {
                let outer = lock.lock();
                let (count, inside) = &*outer;
                assert!(!inside.replace(true), "two threads inside at once");
                let inner = lock.lock();
                assert_eq!(lock.depth(), 2);
                thread::yield_now();
                count.set(count.get() + 1);
                drop(inner);
                assert_eq!(lock.depth(), 1);
                inside.set(false);
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(lock.lock().0.get(), 3);
}

/// `try_lock` never lets a second thread in while the first holds the lock.
fn try_lock_respects_the_owner() {
    let lock = Arc::new(ReentrantLock::new(Cell::new(0u32)));
    let other = {
        let lock = Arc::clone(&lock);
        thread::spawn(move || {
            if let Some(guard) = lock.try_lock() {
                guard.set(guard.get() + 1);
            }
        })
    };
    {
        let guard = lock.lock();
        let before = guard.get();
        thread::yield_now();
        assert_eq!(
            guard.get(),
            before,
            "try_lock got in while the lock was held"
        );
    }
    other.join().unwrap();
}

#[test]
fn random_schedules() {
    Runner::new(RandomScheduler::new_from_seed(2026, 2000), Config::new())
        .run(three_threads_nest_and_exclude);
    Runner::new(RandomScheduler::new_from_seed(2026, 2000), Config::new())
        .run(try_lock_respects_the_owner);
}

#[test]
fn pct_schedules() {
    Runner::new(PctScheduler::new_from_seed(2026, 3, 2000), Config::new())
        .run(three_threads_nest_and_exclude);
    Runner::new(PctScheduler::new_from_seed(2026, 2, 2000), Config::new())
        .run(try_lock_respects_the_owner);
}
