//! A kettle heats up while drinkers wait, each for the temperature it needs:
//! a value under a mutex, and a condition variable to wait for it to change.
//!
//! A book example for chapter 5 ("The Rust way", "Waiting right", "An
//! event, and a barrier"); it solves none of the exercises. Run it with
//! `cargo run -p ch05-condvars-solution --example kettle`.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

// ANCHOR: wait_for
/// Water whose temperature threads wait for.
struct Kettle {
    celsius: Mutex<u32>,
    warmer: Condvar,
}

impl Kettle {
    /// Waits until the water is at least `wanted` degrees; returns the
    /// temperature it found.
    fn wait_for(&self, wanted: u32) -> u32 {
        let celsius = self.celsius();
        // `wait_while` sleeps while the condition holds, and checks it again
        // after every wake-up: a wake-up that came too early, or for no
        // reason at all, sends the thread back to sleep.
        let hot_enough = self.warmer.wait_while(celsius, |c| *c < wanted);
        // It returns the guard, in an `Err` if the lock is poisoned.
        *hot_enough.unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: wait_for

impl Kettle {
    /// Cold water, at `celsius` degrees.
    fn new(celsius: u32) -> Self {
        Kettle {
            celsius: Mutex::new(celsius),
            warmer: Condvar::new(),
        }
    }

    // ANCHOR: heat
    /// Heats the water by `degrees`, then wakes every waiting drinker.
    fn heat_by(&self, degrees: u32) {
        *self.celsius() += degrees;
        // All of them: tea and coffee wait for different temperatures, and
        // only each drinker can tell whether this one is enough. A single
        // `notify_one` could wake the coffee drinker at 80 degrees, who goes
        // back to sleep, while the tea drinker sleeps on beside its tea: for
        // good, if that was the last heating.
        self.warmer.notify_all();
    }
    // ANCHOR_END: heat

    // ANCHOR: wait_at_most
    /// Waits at most `patience` for `wanted` degrees; returns whether the
    /// water got there.
    fn wait_at_most(&self, wanted: u32, patience: Duration) -> bool {
        let celsius = self.celsius();
        let outcome = self
            .warmer
            .wait_timeout_while(celsius, patience, |c| *c < wanted);
        let (celsius, _timed_out) = outcome.unwrap_or_else(PoisonError::into_inner);
        // The answer is the temperature, not whether the time ran out: water
        // that got hot just as the time ran out is hot.
        *celsius >= wanted
    }
    // ANCHOR_END: wait_at_most

    fn celsius(&self) -> MutexGuard<'_, u32> {
        // A temperature is changed whole or not at all: ignore poisoning.
        self.celsius.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn main() {
    let kettle = Kettle::new(20);
    thread::scope(|s| {
        for (drink, wanted) in [("tea", 80), ("coffee", 95)] {
            let kettle = &kettle;
            s.spawn(move || {
                let found = kettle.wait_for(wanted);
                println!("{drink}: poured at {found} degrees (wanted {wanted})");
            });
        }
        let kettle = &kettle;
        s.spawn(move || {
            let hot = kettle.wait_at_most(100, Duration::from_millis(2));
            println!("the impatient one: boiling within 2 ms? {hot}");
        });
        // The heater: five degrees a millisecond, from 20 up to 100.
        for _ in 0..16 {
            thread::sleep(Duration::from_millis(1));
            kettle.heat_by(5);
        }
    });
}
