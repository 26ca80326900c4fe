//! Model checks of the queue, the semaphore and the event with shuttle.
//!
//! Built only with the `shuttle` feature, which swaps their `Mutex` and
//! `Condvar` for shuttle's (see `src/sync.rs`). Run with
//! `cargo test -p ch05-condvars-solution --features shuttle --test model`.
//!
//! What shuttle sees here: every interleaving of puts, gets, acquires and
//! sets it explores, and lost wake-ups (as deadlocked schedules). What it does
//! not produce: spurious wake-ups and real timeouts; the graded tests cover
//! those (`nudge` in `waiting_right`, the timed tests with real threads).

use std::collections::BTreeSet;

use ch05_condvars::bounded_queue::BoundedQueue;
use ch05_condvars::event_barrier::Event;
use ch05_condvars::semaphore::Semaphore;
use shuttle::scheduler::{PctScheduler, RandomScheduler};
use shuttle::sync::Arc;
use shuttle::sync::atomic::{AtomicBool, Ordering};
use shuttle::{Config, Runner, thread};

/// Two producers and two consumers through a queue of one slot: every item
/// arrives exactly once, and closing ends the consumers.
fn queue_delivers_everything_once() {
    let queue = Arc::new(BoundedQueue::new(1));
    let producers: Vec<_> = (0..2)
        .map(|p| {
            let queue = Arc::clone(&queue);
            thread::spawn(move || {
                for n in 0..2 {
                    queue.put(p * 10 + n).unwrap();
                }
            })
        })
        .collect();
    let consumers: Vec<_> = (0..2)
        .map(|_| {
            let queue = Arc::clone(&queue);
            thread::spawn(move || std::iter::from_fn(|| queue.get()).collect::<Vec<_>>())
        })
        .collect();
    for producer in producers {
        producer.join().unwrap();
    }
    queue.close();
    let got: Vec<u32> = consumers
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    let unique: BTreeSet<u32> = got.iter().copied().collect();
    assert_eq!(got.len(), 4, "an item was lost or duplicated: {got:?}");
    assert_eq!(unique, BTreeSet::from([0, 1, 10, 11]));
}

/// Three threads, one permit: never two inside, and all get in.
fn semaphore_excludes() {
    let semaphore = Arc::new(Semaphore::new(1));
    let inside = Arc::new(AtomicBool::new(false));
    let threads: Vec<_> = (0..3)
        .map(|_| {
            let (semaphore, inside) = (Arc::clone(&semaphore), Arc::clone(&inside));
            thread::spawn(move || {
                let _permit = semaphore.acquire();
                assert!(
                    !inside.swap(true, Ordering::SeqCst),
                    "two holders of one permit"
                );
                thread::yield_now();
                inside.store(false, Ordering::SeqCst);
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(semaphore.available(), 1);
}

/// Two waiters and one setter: both waiters always wake.
fn event_wakes_every_waiter() {
    let event = Arc::new(Event::new());
    let waiters: Vec<_> = (0..2)
        .map(|_| {
            let event = Arc::clone(&event);
            thread::spawn(move || event.wait())
        })
        .collect();
    event.set();
    for waiter in waiters {
        waiter.join().unwrap();
    }
}

fn explore(test: fn()) {
    Runner::new(RandomScheduler::new_from_seed(2026, 1000), Config::new()).run(test);
    Runner::new(PctScheduler::new_from_seed(2026, 3, 1000), Config::new()).run(test);
}

#[test]
fn the_queue_delivers_every_item_exactly_once() {
    explore(queue_delivers_everything_once);
}

#[test]
fn the_semaphore_never_admits_two_on_one_permit() {
    explore(semaphore_excludes);
}

#[test]
fn the_event_wakes_every_waiter() {
    explore(event_wakes_every_waiter);
}
