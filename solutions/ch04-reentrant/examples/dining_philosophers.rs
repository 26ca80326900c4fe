//! Five philosophers around a table, a fork between each two, and a meal
//! needs both neighbouring forks: taken in one global order, the forks never
//! deadlock.
//!
//! A book example for chapter 4 ("Two locks, two orders"); it solves none of
//! the exercises. Run it with
//! `cargo run -p ch04-reentrant-solution --example dining_philosophers`.

use std::thread;
use std::time::Duration;

use parking_lot::Mutex;

const PHILOSOPHERS: usize = 5;
const MEALS: u32 = 20;

// ANCHOR: dine
/// Philosopher `seat` eats `MEALS` meals, each with the forks on both sides;
/// a fork counts the meals it served.
///
/// Left fork first for everyone would deadlock as soon as all five hold
/// their left fork: each waits for a right fork that its neighbour holds.
/// Taking the lower-numbered fork first breaks that circle: the philosopher
/// at the last seat reaches for fork 0 first, like the one at seat 0, so one
/// of them cannot take a first fork while the other holds it.
fn dine(forks: &[Mutex<u32>], seat: usize) {
    let (left, right) = (seat, (seat + 1) % forks.len());
    let (first, second) = (left.min(right), left.max(right));
    for _ in 0..MEALS {
        let mut first_fork = forks[first].lock();
        // Give the others every chance to grab a fork in between.
        thread::sleep(Duration::from_micros(100));
        let mut second_fork = forks[second].lock();
        *first_fork += 1;
        *second_fork += 1;
    }
}
// ANCHOR_END: dine

fn main() {
    let forks: Vec<Mutex<u32>> = (0..PHILOSOPHERS).map(|_| Mutex::new(0)).collect();
    thread::scope(|s| {
        for seat in 0..PHILOSOPHERS {
            let forks = &forks;
            s.spawn(move || dine(forks, seat));
        }
    });
    let served: Vec<u32> = forks.iter().map(|fork| *fork.lock()).collect();
    // Each fork serves its two neighbours' meals.
    println!("all {PHILOSOPHERS} philosophers ate {MEALS} meals; the forks served {served:?}");
}
