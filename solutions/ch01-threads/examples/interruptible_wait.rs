//! A wait that a message can cut short: `Receiver::recv_timeout` sleeps like
//! `thread::sleep`, but ends as soon as a message arrives or every sender is
//! gone.
//!
//! A book example for chapter 1 ("Stopping a thread"); it solves none of the
//! exercises. Run it with
//! `cargo run -p ch01-threads-solution --example interruptible_wait`.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: nap
/// Starts a thread that naps for up to five seconds, listening on a channel
/// while it does; returns the channel's sender, and the thread's handle, which
/// gives back how the nap ended and how long it took.
fn start_nap() -> (
    mpsc::Sender<&'static str>,
    thread::JoinHandle<(String, Duration)>,
) {
    let (wake, wake_up_calls) = mpsc::channel();
    let napper = thread::spawn(move || {
        let started = Instant::now();
        let ended_by = match wake_up_calls.recv_timeout(Duration::from_secs(5)) {
            Ok(call) => format!("a message: {call:?}"),
            Err(mpsc::RecvTimeoutError::Timeout) => "the full five seconds".to_owned(),
            Err(mpsc::RecvTimeoutError::Disconnected) => "a hang-up".to_owned(),
        };
        (ended_by, started.elapsed())
    });
    (wake, napper)
}

fn main() {
    let (wake, napper) = start_nap();
    thread::sleep(Duration::from_millis(20));
    wake.send("time to go")
        .expect("the napper listens until it wakes");
    let (ended_by, took) = napper.join().expect("the napper panicked");
    println!("first nap ended by {ended_by} after {took:?}");

    let (wake, napper) = start_nap();
    thread::sleep(Duration::from_millis(20));
    // Nobody is left to send anything: the wait ends at once.
    drop(wake);
    let (ended_by, took) = napper.join().expect("the napper panicked");
    println!("second nap ended by {ended_by} after {took:?}");
}
// ANCHOR_END: nap
