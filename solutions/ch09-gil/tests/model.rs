//! Model checks of the GIL's hand-over with shuttle.
//!
//! Built only with the `shuttle` feature, which swaps the GIL's mutex,
//! condition variables, atomics and thread ids for shuttle's (see
//! `src/sync.rs`). Run with
//! `cargo test -p ch09-gil-solution --features shuttle --test model`.
//!
//! What shuttle sees here: every interleaving it explores of acquiring,
//! ticking, releasing and waiting, with the end of a switch interval modelled
//! as a choice the scheduler makes at every timed wait (shuttle's own timed
//! waits never time out). Deadlocked schedules fail. What it does not see:
//! real time, so "a waiter gets the lock after about one interval" and the
//! convoy's latencies are left to the graded tests with real threads.

use ch09_gil::gil::Gil;
use shuttle::scheduler::{PctScheduler, RandomScheduler};
use shuttle::sync::Arc;
use shuttle::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use shuttle::{Config, Runner, thread};
use std::time::Duration;

/// Two CPU-bound threads tick under the lock: never both inside a step,
/// both finish, and every forced drop hands the lock to the other thread.
fn two_cpu_threads_hand_over() {
    let gil = Arc::new(Gil::new(Duration::from_millis(1)));
    let inside = Arc::new(AtomicBool::new(false));
    let steps = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let (gil, inside, steps) = (Arc::clone(&gil), Arc::clone(&inside), Arc::clone(&steps));
            thread::spawn(move || {
                let mut guard = gil.acquire();
                for _ in 0..3 {
                    assert!(
                        !inside.swap(true, Ordering::SeqCst),
                        "two threads inside a step"
                    );
                    steps.fetch_add(1, Ordering::SeqCst);
                    inside.store(false, Ordering::SeqCst);
                    guard.tick();
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(steps.load(Ordering::SeqCst), 6);
    let stats = gil.stats();
    assert!(
        stats.switches >= stats.forced_drops,
        "a forced drop was not followed by a switch: {stats:?}"
    );
}

/// A thread that releases the lock around a blocking call lets another in,
/// and holds the lock again afterwards.
fn allow_threads_lets_another_in() {
    let gil = Arc::new(Gil::new(Duration::from_millis(1)));
    let inside = Arc::new(AtomicBool::new(false));
    let other = {
        let (gil, inside) = (Arc::clone(&gil), Arc::clone(&inside));
        thread::spawn(move || {
            let _guard = gil.acquire();
            assert!(
                !inside.swap(true, Ordering::SeqCst),
                "two threads hold the lock"
            );
            inside.store(false, Ordering::SeqCst);
        })
    };
    let mut guard = gil.acquire();
    guard.allow_threads(thread::yield_now);
    assert!(
        !inside.swap(true, Ordering::SeqCst),
        "two threads hold the lock"
    );
    inside.store(false, Ordering::SeqCst);
    drop(guard);
    other.join().unwrap();
}

fn explore(test: fn()) {
    Runner::new(RandomScheduler::new_from_seed(2026, 1000), Config::new()).run(test);
    Runner::new(PctScheduler::new_from_seed(2026, 3, 1000), Config::new()).run(test);
}

#[test]
fn two_cpu_bound_threads_hand_the_lock_over() {
    explore(two_cpu_threads_hand_over);
}

#[test]
fn allow_threads_releases_and_takes_back() {
    explore(allow_threads_lets_another_in);
}
