//! Exercise `no_sentinel` (M1, M2): producers and a consumer that stop by
//! hanging up.
//!
//! A Python producer and consumer share a `queue.Queue`; the consumer stops
//! when it takes a sentinel (`None`, one per consumer) or, since 3.13, when
//! someone calls `shutdown()`. A `std::sync::mpsc` channel needs neither: it
//! has two ends, and the receiving end knows how many sending ends are left.
//! When the last `Sender` is dropped, `recv` returns `Err` once the messages
//! already sent have been taken, so `for line in receiver` ends by itself,
//! after the last line and never before it. The other way round, a `send` to
//! a channel whose `Receiver` is gone fails and hands the message back.
//!
//! Sending moves the message: once a `String` is sent, the sender no longer
//! has it, and the receiver owns it without a copy and without a lock.
//!
//! Your task: write `start_writer`, `send_all` and `gather` with
//! `std::sync::mpsc`. No sentinel, no timeout, no flag: the channel's ends
//! say when the work is over.

use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};

/// Starts the writer: a thread that passes each line it receives to
/// `write`, as it arrives and in the order sent, and returns how many lines
/// it wrote once every `Sender` of its channel (clones included) is dropped
/// and the lines already sent are written.
pub fn start_writer<W>(write: W) -> (Sender<String>, JoinHandle<usize>)
where
    W: FnMut(String) + Send + 'static,
{
    // TODO
    todo!("start writer")
}

/// Sends `lines` in order. Returns `Ok` with how many were sent when all of
/// them went into the channel. When the receiver has hung up, stops at the
/// first line the channel refuses and returns `Err` with that line and every
/// later one, in order: nothing is dropped silently, nothing panics.
pub fn send_all(sender: &Sender<String>, lines: Vec<String>) -> Result<usize, Vec<String>> {
    // TODO
    todo!("send all")
}

/// Runs `producers` producer threads at once, each calling `produce` with
/// its index (0, 1, ...) and a `Sender` of its own, which it owns and drops
/// when `produce` returns. The calling thread receives every line until the
/// channel closes and returns them in the order received. With no
/// producers, returns an empty `Vec` at once.
pub fn gather<P>(producers: usize, produce: P) -> Vec<String>
where
    P: Fn(usize, Sender<String>) + Sync,
{
    // TODO
    todo!("gather")
}
