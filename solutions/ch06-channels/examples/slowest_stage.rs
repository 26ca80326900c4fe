//! A three-stage pipeline whose middle stage is the slowest: the whole runs
//! at its pace, not at the sum of the three. Run:
//! `cargo run -p ch06-channels-solution --example slowest_stage`.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

const ITEMS: u32 = 30;

fn work(step: Duration) -> impl Fn(u32) -> u32 {
    move |n| {
        thread::sleep(step);
        n
    }
}

fn main() {
    let steps = [2, 10, 2].map(Duration::from_millis);
    let start = Instant::now();
    // ANCHOR: stages
    let (to_second, from_first) = mpsc::sync_channel(2);
    let (to_third, from_second) = mpsc::sync_channel(2);
    let (first, second, third) = (work(steps[0]), work(steps[1]), work(steps[2]));
    thread::scope(|scope| {
        scope.spawn(move || (0..ITEMS).for_each(|n| to_second.send(first(n)).unwrap()));
        scope.spawn(move || {
            from_first
                .iter()
                .for_each(|n| to_third.send(second(n)).unwrap())
        });
        scope.spawn(move || from_second.iter().map(third).count());
    });
    // ANCHOR_END: stages
    let elapsed = start.elapsed();
    println!(
        "stages of 2, 10 and 2 ms an item: at best 100 items a second, set by the 10 ms stage"
    );
    println!(
        "measured: {:.0} items a second ({} items in {} ms; one stage after another would take {} ms)",
        f64::from(ITEMS) / elapsed.as_secs_f64(),
        ITEMS,
        elapsed.as_millis(),
        ITEMS * 14
    );
}
