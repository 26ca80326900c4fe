//! Demo: check-then-act under two locks books one seat twice; under one
//! guard it cannot (S8).
//!
//! `cargo run -p ch02-sharing-solution --example double_booking`. In the
//! first half a barrier between the check and the act makes both guests
//! check before either books, the schedule that makes the bug show, on every
//! run. In the second half the two guests try at once with nothing staged,
//! and one guard covers the check and the act.

use std::collections::HashMap;
use std::sync::{Barrier, Mutex};
use std::thread;

const GUESTS: [&str; 2] = ["ann", "bob"];

fn main() {
    // ANCHOR: two_locks
    let taken: Mutex<HashMap<u32, &str>> = Mutex::new(HashMap::new());
    let both_checked = Barrier::new(2);
    let told_yes: Vec<bool> = thread::scope(|scope| {
        let guests: Vec<_> = GUESTS
            .map(|who| {
                let (taken, both_checked) = (&taken, &both_checked);
                scope.spawn(move || {
                    let free = !taken.lock().unwrap().contains_key(&7); // check, unlock
                    both_checked.wait(); // the other guest checks here too
                    if free {
                        taken.lock().unwrap().insert(7, who); // act, under a new lock
                    }
                    free
                })
            })
            .into_iter()
            .collect();
        guests
            .into_iter()
            .map(|guest| guest.join().unwrap())
            .collect()
    });
    // ANCHOR_END: two_locks
    let yes = told_yes.iter().filter(|&&yes| yes).count();
    println!("two lock scopes: {yes} of 2 guests told seat 7 is theirs");
    println!("the map says seat 7 is {}'s", taken.lock().unwrap()[&7]);

    // ANCHOR: one_guard
    let taken: Mutex<HashMap<u32, &str>> = Mutex::new(HashMap::new());
    let start = Barrier::new(2);
    let told_yes: Vec<bool> = thread::scope(|scope| {
        let guests: Vec<_> = GUESTS
            .map(|who| {
                let (taken, start) = (&taken, &start);
                scope.spawn(move || {
                    start.wait();
                    let mut seats = taken.lock().unwrap(); // one guard...
                    let free = !seats.contains_key(&7);
                    if free {
                        seats.insert(7, who);
                    }
                    free // ...dropped here, after the check and the act
                })
            })
            .into_iter()
            .collect();
        guests
            .into_iter()
            .map(|guest| guest.join().unwrap())
            .collect()
    });
    // ANCHOR_END: one_guard
    let yes = told_yes.iter().filter(|&&yes| yes).count();
    println!("one guard: {yes} of 2 guests told seat 7 is theirs");
}
