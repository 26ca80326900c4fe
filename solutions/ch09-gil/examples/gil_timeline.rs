//! Our GIL at work, watched through its statistics: a book example for
//! chapter 9.
//!
//! Three scenes, each on a fresh `Gil` with a switch interval of 1 ms:
//!
//! - A lone holder ticks 10 000 times. Nobody asks for the lock, so it is
//!   taken once and never changes hands.
//! - Two CPU-bound threads each make 50 steps of about 200 µs, writing their
//!   letter into a timeline after every step and ticking. The timeline shows
//!   turns of an interval's worth of steps or more: a waiter asks after one
//!   interval, and the holder lets go at its next tick.
//! - Two I/O-bound threads each sleep 4 times 10 ms, letting go of the lock
//!   around every sleep: together they take about as long as one of them.
//!
//! Run it with `cargo run -p ch09-gil-solution --example gil_timeline`.

use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use ch09_gil::gil::Gil;

const INTERVAL: Duration = Duration::from_millis(1);

fn main() {
    lone_holder();
    taking_turns();
    sleepers();
}

// ANCHOR: lone_holder
fn lone_holder() {
    let gil = Gil::new(INTERVAL);
    let mut guard = gil.acquire();
    for _ in 0..10_000 {
        guard.tick();
    }
    drop(guard);
    println!("a lone holder, 10 000 ticks: {:?}", gil.stats());
}
// ANCHOR_END: lone_holder

/// About `length` of CPU work: the thread keeps its core all along.
fn spin_for(length: Duration) {
    let started = Instant::now();
    while started.elapsed() < length {
        std::hint::spin_loop();
    }
}

// ANCHOR: taking_turns
fn taking_turns() {
    let gil = Gil::new(INTERVAL);
    let timeline = Mutex::new(String::new());
    thread::scope(|scope| {
        for letter in ['a', 'b'] {
            let (gil, timeline) = (&gil, &timeline);
            scope.spawn(move || {
                let mut guard = gil.acquire();
                for _ in 0..50 {
                    spin_for(Duration::from_micros(200));
                    timeline.lock().unwrap().push(letter);
                    // Between two steps, as CPython between two bytecodes:
                    // hand the lock over if the other thread has asked.
                    guard.tick();
                }
            });
        }
    });
    println!("two CPU-bound threads: {}", timeline.into_inner().unwrap());
    println!("  {:?}", gil.stats());
}
// ANCHOR_END: taking_turns

// ANCHOR: sleepers
fn sleepers() {
    let gil = Gil::new(INTERVAL);
    let started = Instant::now();
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                let mut guard = gil.acquire();
                for _ in 0..4 {
                    // Asleep without the lock, as CPython around blocking I/O.
                    guard.allow_threads(|| thread::sleep(Duration::from_millis(10)));
                }
            });
        }
    });
    let took = started.elapsed();
    println!("two I/O-bound threads, 4 sleeps of 10 ms each: {took:?}");
}
// ANCHOR_END: sleepers
