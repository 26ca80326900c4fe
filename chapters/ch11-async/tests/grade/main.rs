//! The graded tests of chapter 11, async and threads.
//!
//! One module per exercise; `cargo xtask check ch11-async` runs them and
//! reports per exercise. Time is tokio's paused clock wherever it matters: the
//! runtime's clock stands still until every task is waiting, then jumps to
//! the next timer, so "ten thousand one-second sleeps took one second" is
//! exact, and instant.

mod blocking;
mod bridge;
mod cancel;
mod limit;
mod many_waits;
mod structured;

use std::future::Future;
use std::time::Duration;

/// Runs `body` on a current-thread runtime whose clock starts paused; returns
/// its output and how much paused time it took.
fn paused<F: Future>(body: F) -> (F::Output, Duration) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a current-thread runtime");
    runtime.block_on(async {
        let start = tokio::time::Instant::now();
        let output = body.await;
        (output, start.elapsed())
    })
}
