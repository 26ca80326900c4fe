//! Two threads add one to a shared counter a million times each, twice:
//! once with a `load` and a `store`, and once with `fetch_add`.
//!
//! The first is what `count += 1` is in Python: read, add, write back, with
//! room between the read and the write for the other thread's increment to
//! be overwritten. `fetch_add` is one indivisible step.
//!
//! Run with `cargo run -p ch10-atomics-solution --example lost_updates`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

const EACH: u64 = 1_000_000;

/// Runs `increment` `EACH` times on each of two threads; returns the count.
fn count_with(increment: impl Fn(&AtomicU64) + Sync) -> u64 {
    let count = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                for _ in 0..EACH {
                    increment(&count);
                }
            });
        }
    });
    count.into_inner()
}

fn main() {
    let expected = 2 * EACH;
    // ANCHOR: split
    let split = count_with(|count| {
        let seen = count.load(Ordering::Relaxed);
        count.store(seen + 1, Ordering::Relaxed);
    });
    println!(
        "load then store: {split} of {expected} ({} increments lost; how many changes from run to run)",
        expected - split
    );
    let whole = count_with(|count| {
        count.fetch_add(1, Ordering::Relaxed);
    });
    // ANCHOR_END: split
    println!("fetch_add: {whole} of {expected}");
}
