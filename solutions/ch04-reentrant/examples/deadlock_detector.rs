//! Two transfers lock two accounts in opposite orders and deadlock;
//! `parking_lot`'s deadlock detection finds the cycle and reports it.
//!
//! Run it with `cargo run -p ch04-reentrant-solution --example
//! deadlock_detector`. It needs parking_lot's `deadlock_detection` feature,
//! which this package turns on.

use std::process;
use std::sync::Barrier;
use std::thread;
use std::time::Duration;

use parking_lot::Mutex;

// ANCHOR: detector
fn main() {
    // A watchdog thread asks parking_lot, every 100 ms, whether any threads
    // wait for each other in a cycle.
    thread::spawn(|| {
        loop {
            thread::sleep(Duration::from_millis(100));
            let cycles = parking_lot::deadlock::check_deadlock();
            if cycles.is_empty() {
                continue;
            }
            println!("deadlock detected: {} cycle(s)", cycles.len());
            for (i, cycle) in cycles.iter().enumerate() {
                println!("cycle {i}: {} threads", cycle.len());
                for thread in cycle {
                    println!("  thread {:?} is waiting", thread.thread_id());
                }
            }
            // The deadlocked threads can never finish: end the process.
            process::exit(0);
        }
    });

    let (a, b) = (Mutex::new(100), Mutex::new(100));
    let both_hold_one = Barrier::new(2);
    thread::scope(|scope| {
        // Each locks its `from` account first, in argument order: A then B,
        // and B then A.
        for (from, to) in [(&a, &b), (&b, &a)] {
            let both_hold_one = &both_hold_one;
            scope.spawn(move || {
                let mut from = from.lock();
                both_hold_one.wait();
                let mut to = to.lock();
                *from -= 10;
                *to += 10;
            });
        }
        thread::sleep(Duration::from_secs(5));
        println!("no deadlock detected within 5 s");
        process::exit(1);
    });
}
// ANCHOR_END: detector
