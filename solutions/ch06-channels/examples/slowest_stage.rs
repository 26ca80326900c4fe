//! A three-stage pipeline whose middle stage is the slowest: the whole runs
//! at its pace, not at the sum of the three. Run:
//! `cargo run -p ch06-channels-solution --example slowest_stage`.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread;
use std::time::{Duration, Instant};

const ITEMS: u32 = 30;

// ANCHOR: stage
/// One stage: takes each item from the stage before, works on it for
/// `step`, and hands it on. The loop ends when the stage before has dropped
/// its sender; returning drops `to`, which ends the next stage's loop.
fn stage(from: Receiver<u32>, to: SyncSender<u32>, step: Duration) {
    for item in from {
        thread::sleep(step);
        if to.send(item).is_err() {
            return; // nobody downstream any more
        }
    }
}
// ANCHOR_END: stage

fn main() {
    let start = Instant::now();
    let (source, first_in) = sync_channel(2);
    let (first_out, second_in) = sync_channel(2);
    let (second_out, third_in) = sync_channel(2);
    let (third_out, results) = sync_channel(2);
    let steps = [2, 10, 2].map(Duration::from_millis);
    let mut handles = vec![
        thread::spawn(move || stage(first_in, first_out, steps[0])),
        thread::spawn(move || stage(second_in, second_out, steps[1])),
        thread::spawn(move || stage(third_in, third_out, steps[2])),
    ];
    handles.push(thread::spawn(move || {
        for item in 0..ITEMS {
            source.send(item).unwrap();
        }
    }));
    let received = results.iter().count();
    for handle in handles {
        handle.join().unwrap();
    }
    let elapsed = start.elapsed();
    println!(
        "stages of 2, 10 and 2 ms an item: at best 100 items a second, set by the 10 ms stage"
    );
    println!(
        "received {received} items; measured: {:.0} items a second ({} ms; one stage after another would take {} ms)",
        f64::from(ITEMS) / elapsed.as_secs_f64(),
        elapsed.as_millis(),
        ITEMS * 14
    );
}
