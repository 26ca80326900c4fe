//! Two workers that share one queue of numbers: a book example for chapter
//! 5's "A pool from scratch".
//!
//! The workers are started once and take numbers until the queue is closed
//! *and* empty; closing it (dropping the only sender) is also what wakes a
//! worker that waits for more. A number the worker cannot handle (a zero
//! divisor) is reported and skipped, so the worker lives on and takes the
//! next one. This is not a pool (the queue carries numbers, not jobs), only
//! the rules a pool is built on.
//!
//! Run it with `cargo run -p ch07-pools-solution --example worker_queue`.

use std::thread;
use std::time::Duration;

use crossbeam_channel::Receiver;

// ANCHOR: workers
/// A worker's whole life: divide 100 by every number it gets, until the
/// queue is closed and empty. Returns how many numbers it handled.
///
/// Each number takes a moment (a short sleep stands in for real work), so
/// that both workers get some.
fn divide_hundred_by(name: &str, numbers: &Receiver<u32>) -> usize {
    let mut handled = 0;
    // `iter` waits for the next number, and ends once every sender is gone
    // and nothing is left to take.
    for divisor in numbers.iter() {
        // A bad number ends this round, not the worker: leaving the loop
        // here would leave the other worker with all the rest.
        match 100u32.checked_div(divisor) {
            Some(quotient) => println!("{name}: 100 / {divisor} = {quotient}"),
            None => println!("{name}: cannot divide 100 by {divisor}; taking the next number"),
        }
        handled += 1;
        thread::sleep(Duration::from_millis(5));
    }
    handled
}

fn main() {
    let (queue, numbers) = crossbeam_channel::unbounded();
    let workers: Vec<_> = ["worker-0", "worker-1"]
        .into_iter()
        .map(|name| {
            // Every worker gets a clone of the receiving end: one queue, many takers.
            let numbers = numbers.clone();
            thread::spawn(move || divide_hundred_by(name, &numbers))
        })
        .collect();
    for divisor in [5, 4, 0, 20, 3, 0, 50, 1] {
        queue.send(divisor).expect("the workers hold receivers");
    }
    // Closing the queue: the workers finish what is queued, then stop.
    drop(queue);
    let handled: usize = workers
        .into_iter()
        .map(|worker| worker.join().expect("a worker never panics"))
        .sum();
    println!("{handled} numbers handled by the same 2 workers");
}
// ANCHOR_END: workers
