//! Demo: an `RwLock` lets many readers in at once and a writer only alone
//! (S6); Python's standard library has no such lock.
//!
//! `cargo run -p ch02-sharing-solution --example readers_at_once`. Three
//! threads hold read guards at the same moment (a barrier proves it: none
//! leaves before all three are in); a writer that tries meanwhile is turned
//! away, and gets in once they have gone.

use std::collections::HashMap;
use std::sync::{Barrier, RwLock, TryLockError};
use std::thread;

fn main() {
    // ANCHOR: readers
    let prices = RwLock::new(HashMap::from([("tea", 3), ("cake", 5)]));
    let all_in = Barrier::new(4); // three readers and the main thread
    let may_leave = Barrier::new(4);
    thread::scope(|scope| {
        for item in ["tea", "cake", "tea"] {
            let (prices, all_in, may_leave) = (&prices, &all_in, &may_leave);
            scope.spawn(move || {
                let prices = prices.read().unwrap(); // shared: others read too
                all_in.wait();
                may_leave.wait();
                prices[item]
            });
        }
        all_in.wait(); // three read guards are held right now
        match prices.try_write() {
            Err(TryLockError::WouldBlock) => println!("3 readers in at once; the writer must wait"),
            other => println!("unexpected: {other:?}"),
        }
        may_leave.wait();
    });
    prices.write().unwrap().insert("tea", 4); // alone now
    println!(
        "after the readers left, the writer set tea to {}",
        prices.read().unwrap()["tea"]
    );
    // ANCHOR_END: readers
}
