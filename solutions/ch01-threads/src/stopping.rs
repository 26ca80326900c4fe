//! Exercise `stopping` (T8): ask a running thread to stop, and hear how far it
//! got.
//!
//! Neither Python nor Rust can kill a thread from outside; a thread stops
//! when its own code returns. So the worker must look for a stop request, and
//! look often: between steps, and while it waits, or a stop takes as long as
//! the longest wait.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How a countdown ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// The last number the countdown ticked, if any.
    pub last_tick: Option<u64>,
    /// Whether it counted all the way down to 1.
    pub finished: bool,
}

/// Asks a countdown to stop. Cheap to clone; any clone can ask.
#[derive(Debug, Clone)]
pub struct StopHandle {
    requests: Sender<()>,
}

impl StopHandle {
    /// Asks the countdown to stop before its next tick. Returns at once; a
    /// request to a countdown that already ended is ignored.
    pub fn request_stop(&self) {
        // The worker may have ended and dropped its receiver: nothing to stop.
        let _ = self.requests.send(());
    }
}

/// A countdown running on its own thread.
#[derive(Debug)]
pub struct Countdown {
    stop: StopHandle,
    worker: JoinHandle<Report>,
}

// ANCHOR: start_countdown
/// Starts a thread that calls `on_tick(n)` for `n` from `from` down to 1,
/// waiting `step` between two ticks.
///
/// The first tick comes at once. A stop request is seen before the next tick,
/// also in the middle of a wait: the wait is on the request channel itself.
pub fn start_countdown<F>(from: u64, step: Duration, mut on_tick: F) -> Countdown
where
    F: FnMut(u64) + Send + 'static,
{
    let (requests, stop_requested) = mpsc::channel();
    let worker = thread::Builder::new()
        .name("countdown".to_owned())
        .spawn(move || {
            let mut last_tick = None;
            for n in (1..=from).rev() {
                if n != from && !wait_or_stop(&stop_requested, step) {
                    return Report {
                        last_tick,
                        finished: false,
                    };
                }
                on_tick(n);
                last_tick = Some(n);
            }
            Report {
                last_tick,
                finished: true,
            }
        })
        .expect("failed to spawn the countdown thread");
    Countdown {
        stop: StopHandle { requests },
        worker,
    }
}

/// Waits `step` unless a stop is requested first; returns whether to go on.
fn wait_or_stop(stop_requested: &Receiver<()>, step: Duration) -> bool {
    // A request that arrived during the last tick is already queued: answer it
    // without waiting.
    match stop_requested.try_recv() {
        Ok(()) => return false,
        Err(TryRecvError::Empty) => {}
        // Impossible while the Countdown holds its sender; stop to be safe.
        Err(TryRecvError::Disconnected) => return false,
    }
    matches!(
        stop_requested.recv_timeout(step),
        Err(RecvTimeoutError::Timeout)
    )
}
// ANCHOR_END: start_countdown

impl Countdown {
    /// A handle that can ask this countdown to stop, from any thread.
    pub fn stopper(&self) -> StopHandle {
        self.stop.clone()
    }

    /// Asks the countdown to stop and waits for it; returns how far it got.
    ///
    /// # Panics
    ///
    /// If `on_tick` panicked on the countdown's thread.
    pub fn stop(self) -> Report {
        self.stop.request_stop();
        self.wait()
    }

    /// Waits for the countdown to end by itself or by an earlier request.
    ///
    /// # Panics
    ///
    /// If `on_tick` panicked on the countdown's thread.
    pub fn wait(self) -> Report {
        self.worker.join().expect("on_tick panicked")
    }
}
