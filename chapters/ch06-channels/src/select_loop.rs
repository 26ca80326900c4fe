//! Exercise `select_loop` (M6): jobs, a ticker and a deadline, waited on at
//! once.
//!
//! Python's `queue` has no way to wait on two queues, or on a queue and a
//! clock, at the same time: a thread polls with `get(timeout=...)` and checks
//! the time after each wake-up (or the program moves to asyncio).
//! `crossbeam_channel::select!` blocks on several operations and runs the
//! arm of the first one ready. Time is a channel too: `tick(period)` delivers
//! a message every period, `after(duration)` one message once. Create them
//! once, before the loop: a timer created inside the loop starts again on
//! every turn and, while jobs keep coming, never fires.
//!
//! Your task: write `serve` with one `select!` loop.

use std::time::Duration;

use crossbeam_channel::{Receiver, after, select, tick};

/// Why [`serve`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The job channel was closed, and every job sent before was handled.
    Closed,
    /// The deadline passed first.
    Deadline,
}

/// Handles each job from `jobs` as it arrives, in order, and calls `on_tick`
/// every `tick_every` (whether jobs come or not), until the job channel is
/// closed and empty (returns [`Ended::Closed`]) or `deadline`, counted from
/// the call, passes (returns [`Ended::Deadline`]), whichever comes first.
/// Waits without polling: a job is handled as soon as it is sent.
pub fn serve(
    jobs: Receiver<u32>,
    tick_every: Duration,
    deadline: Duration,
    mut handle: impl FnMut(u32),
    mut on_tick: impl FnMut(),
) -> Ended {
    // TODO
    todo!("serve")
}
