//! Exercise `back_pressure` (M3, M5): three stages joined by bounded
//! channels.
//!
//! A pipeline runs each stage on a thread of its own and hands items down
//! through queues. With unbounded queues (Python's `queue.Queue()`, Rust's
//! `mpsc::channel()`), a fast first stage runs ahead of a slow last one and
//! the items pile up in memory. A bounded queue (`Queue(maxsize=n)`,
//! `mpsc::sync_channel(n)`) makes a `send` wait while the queue is full, so
//! the slow stage holds the others back: that is back-pressure, and with it
//! the whole pipeline moves at the pace of its slowest stage. Capacity 0 is a
//! rendezvous: each `send` waits until the next stage takes the item.
//!
//! Closing flows down the pipe: the first stage drops its sender when the
//! items run out, which ends the second stage's loop, which drops its own
//! sender, and so on.
//!
//! Your task: write `pipeline` with three threads and two
//! `sync_channel(capacity)`s. Scoped threads (`std::thread::scope`) let the
//! stages borrow the closures.

use std::sync::mpsc;
use std::thread;

/// Runs `items` through `first`, then `second`, then `third`, each stage on
/// a thread of its own (three threads, none of them the caller's), joined by
/// `std::sync::mpsc::sync_channel(capacity)`. The first stage reads `items`
/// itself. Returns the third stage's results in input order, once every
/// stage has finished.
pub fn pipeline<A, B, C, D>(
    items: Vec<A>,
    capacity: usize,
    first: impl FnMut(A) -> B + Send,
    second: impl FnMut(B) -> C + Send,
    third: impl FnMut(C) -> D + Send,
) -> Vec<D>
where
    A: Send,
    B: Send,
    C: Send,
    D: Send,
{
    // TODO
    todo!("pipeline")
}
