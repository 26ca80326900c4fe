//! Exercise `stopping` (T8): ask a running thread to stop, and hear how far it
//! got.
//!
//! Neither Python nor Rust can kill a thread from outside; a thread stops
//! when its own code returns. So the worker must look for a stop request, and
//! look often: between steps, and while it waits, or a stop takes as long as
//! the longest wait.
//!
//! Your task: implement [`start_countdown`] and the methods of [`StopHandle`]
//! and [`Countdown`].
//!
//! Ahead of its chapter: a stop request travels over a channel
//! (`std::sync::mpsc`), which the course comes back to in chapter 6
//! (channels). All you need here: `mpsc::channel()` makes a `Sender`
//! and a `Receiver`; `send` never blocks; `recv_timeout` waits for a message
//! at most that long, and `try_recv` does not wait at all.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How a countdown ended. (Given.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// The last number the countdown ticked, if any.
    pub last_tick: Option<u64>,
    /// Whether it counted all the way down to 1.
    pub finished: bool,
}

/// Asks a countdown to stop. Cheap to clone; any clone can ask.
///
/// The fields are a suggestion; change them as you like.
#[derive(Debug, Clone)]
pub struct StopHandle {
    requests: Sender<()>,
}

impl StopHandle {
    /// Asks the countdown to stop before its next tick. Returns at once; a
    /// request to a countdown that already ended is ignored.
    pub fn request_stop(&self) {
        // TODO
        todo!("ask the countdown to stop")
    }
}

/// A countdown running on its own thread.
///
/// The fields are a suggestion; change them as you like.
#[derive(Debug)]
pub struct Countdown {
    stop: StopHandle,
    worker: JoinHandle<Report>,
}

/// Starts a thread that calls `on_tick(n)` for `n` from `from` down to 1,
/// waiting `step` between two ticks.
///
/// The first tick comes at once. A stop request must be seen before the next
/// tick, also in the middle of a wait: `thread::sleep` cannot be interrupted,
/// but `Receiver::recv_timeout` can.
pub fn start_countdown<F>(from: u64, step: Duration, mut on_tick: F) -> Countdown
where
    F: FnMut(u64) + Send + 'static,
{
    // TODO: spawn the worker; it ticks, waits, and watches for requests.
    todo!("start the countdown")
}

impl Countdown {
    /// A handle that can ask this countdown to stop, from any thread.
    pub fn stopper(&self) -> StopHandle {
        // TODO
        todo!("hand out a stop handle")
    }

    /// Asks the countdown to stop and waits for it; returns how far it got.
    ///
    /// # Panics
    ///
    /// If `on_tick` panicked on the countdown's thread.
    pub fn stop(self) -> Report {
        // TODO
        todo!("stop and report")
    }

    /// Waits for the countdown to end by itself or by an earlier request.
    ///
    /// # Panics
    ///
    /// If `on_tick` panicked on the countdown's thread.
    pub fn wait(self) -> Report {
        // TODO
        todo!("wait and report")
    }
}
