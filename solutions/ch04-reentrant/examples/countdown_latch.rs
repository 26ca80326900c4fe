//! A countdown latch: a count under a mutex, and a condition variable to
//! sleep on until the count reaches zero.
//!
//! A book example for chapter 4 ("Build one"); it solves none of the
//! exercises. Run it with
//! `cargo run -p ch04-reentrant-solution --example countdown_latch`.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

// ANCHOR: latch
/// Lets threads wait until `count` others have checked in.
struct Latch {
    remaining: Mutex<usize>,
    all_in: Condvar,
}

impl Latch {
    fn new(count: usize) -> Self {
        Latch {
            remaining: Mutex::new(count),
            all_in: Condvar::new(),
        }
    }

    /// Counts one check-in; the last one wakes every waiter.
    fn check_in(&self) {
        let mut remaining = self.remaining();
        *remaining -= 1;
        if *remaining == 0 {
            self.all_in.notify_all();
        }
    }

    /// Sleeps until everyone has checked in.
    fn wait(&self) {
        let mut remaining = self.remaining();
        // A loop, not an `if`: waking up only means "look again". The wake-up
        // may be spurious, and the count is what says whether to go on.
        while *remaining > 0 {
            // `wait` unlocks the mutex while it sleeps, and locks it again
            // before it hands the guard back.
            let woken = self.all_in.wait(remaining);
            remaining = woken.unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn remaining(&self) -> MutexGuard<'_, usize> {
        // A count is changed whole or not at all: ignore poisoning.
        self.remaining
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: latch

fn main() {
    let latch = Latch::new(3);
    thread::scope(|s| {
        for worker in 1..=3u64 {
            let latch = &latch;
            s.spawn(move || {
                thread::sleep(Duration::from_millis(10 * worker));
                println!("worker {worker}: checked in");
                latch.check_in();
            });
        }
        latch.wait();
        println!("main: all three checked in");
    });
}
