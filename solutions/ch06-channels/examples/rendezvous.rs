//! `sync_channel(0)` is a rendezvous: `send` returns only when the receiver
//! takes the value. With one slot, `send` returns before the receiver has
//! even started. Run: `cargo run -p ch06-channels-solution --example
//! rendezvous`.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    // ANCHOR: rendezvous
    let delay = Duration::from_millis(200);
    let (sender, receiver) = mpsc::sync_channel::<u32>(0);
    let start = Instant::now();
    let taker = thread::spawn(move || {
        thread::sleep(delay); // busy elsewhere for a while
        receiver.recv().unwrap()
    });
    sender.send(1).unwrap(); // waits for the taker
    let waited = start.elapsed();
    // ANCHOR_END: rendezvous
    taker.join().unwrap();
    println!(
        "capacity 0: send waited until the receiver took the value: {}",
        waited >= delay
    );

    // ANCHOR: one_slot
    let (sender, receiver) = mpsc::sync_channel::<u32>(1);
    let (go, wait_for_go) = mpsc::channel::<()>();
    let taker = thread::spawn(move || {
        wait_for_go.recv().unwrap(); // starts receiving only when told
        receiver.recv().unwrap()
    });
    sender.send(1).unwrap(); // a free slot: returns at once
    go.send(()).unwrap();
    // ANCHOR_END: one_slot
    taker.join().unwrap();
    println!("capacity 1: send returned before the receiver started receiving");
}
