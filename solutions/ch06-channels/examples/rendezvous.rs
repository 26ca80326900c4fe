//! `sync_channel(0)` is a rendezvous: `send` returns only when the receiver
//! takes the value. With one slot, it returns at once. Run:
//! `cargo run -p ch06-channels-solution --example rendezvous`.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// How long one `send` took on a channel of `capacity` slots whose receiver
/// starts receiving after `delay`.
fn send_waits(capacity: usize, delay: Duration) -> Duration {
    // ANCHOR: rendezvous
    let (sender, receiver) = mpsc::sync_channel::<u32>(capacity);
    let start = Instant::now();
    let taker = thread::spawn(move || {
        thread::sleep(delay); // busy elsewhere for a while
        receiver.recv().unwrap()
    });
    sender.send(1).unwrap();
    let waited = start.elapsed();
    // ANCHOR_END: rendezvous
    taker.join().unwrap();
    waited
}

fn main() {
    let delay = Duration::from_millis(200);
    let waited = send_waits(0, delay);
    println!(
        "capacity 0: send waited until the receiver took the value: {}",
        waited >= delay
    );
    let waited = send_waits(1, delay);
    println!(
        "capacity 1: send returned after {} ms, without waiting for the receiver",
        waited.as_millis()
    );
}
