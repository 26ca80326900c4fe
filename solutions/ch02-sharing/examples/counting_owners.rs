//! Demo: an `Arc`'s count of owners goes up with each clone a thread takes
//! and down as each thread ends (S1).
//!
//! `cargo run -p ch02-sharing-solution --example counting_owners`. Barriers
//! hold the three threads while the count is read, so it prints the same
//! counts on every run: 1, 4, 1.

use std::sync::{Arc, Barrier};
use std::thread;

fn main() {
    // ANCHOR: count
    let settings = Arc::new(vec![String::from("retries=3"), String::from("timeout=10")]);
    println!("before the threads: {} owner", Arc::strong_count(&settings));

    let started = Arc::new(Barrier::new(4));
    let may_end = Arc::new(Barrier::new(4));
    let workers: Vec<_> = (0..3)
        .map(|n| {
            // One more owner: the clone moves into the thread.
            let settings = Arc::clone(&settings);
            let (started, may_end) = (Arc::clone(&started), Arc::clone(&may_end));
            thread::spawn(move || {
                started.wait();
                may_end.wait();
                format!("worker {n} read {}", settings[0])
                // The thread's clone is dropped here: one owner fewer.
            })
        })
        .collect();

    started.wait();
    println!(
        "while 3 threads hold a clone: {} owners",
        Arc::strong_count(&settings)
    );
    may_end.wait();
    for worker in workers {
        println!("{}", worker.join().expect("the worker ran"));
    }
    println!("after join: {} owner", Arc::strong_count(&settings));
    // ANCHOR_END: count
}
