//! Many waits at once, on one thread (E1, E2).
//!
//! In asyncio, `await asyncio.gather(*(asyncio.sleep(d) for d in delays))`
//! waits for all the delays at once on the event loop's one thread. tokio's
//! current-thread runtime is the same shape: one thread, many tasks, each
//! giving the thread back at every `.await` that has to wait.
//!
//! One difference catches Python programmers out: calling an `async fn`
//! runs none of its body. The future it returns does nothing until something
//! polls it (an `.await`, or a runtime after `tokio::spawn`), so work you
//! want to happen "when the job runs" belongs inside the `async` block.
//!
//! Your task: write `wait_all` and `job`. The tests run them on a runtime with
//! one thread and a paused clock: ten thousand waits of one second must take
//! one second, and a job must record nothing until it is polled. Everything
//! without a `// TODO` is given.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::task::JoinSet;

/// A shared log of what happened, in order. (Given.)
pub type Log = Arc<Mutex<Vec<String>>>;

/// Adds `entry` to `log`. (Given.)
pub fn record(log: &Log, entry: impl Into<String>) {
    log.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(entry.into());
}

/// Waits for every delay at once; returns the indexes of `delays` in the
/// order their waits ended (waits that end at the same instant may come in
/// either order). Call it inside a tokio runtime.
pub async fn wait_all(delays: Vec<Duration>) -> Vec<usize> {
    // TODO
    todo!()
}

/// A job that records `"<name> started"` in `log` when it starts running,
/// waits `delay`, and records `"<name> done"`. Creating the job records
/// nothing: only polling it does.
pub fn job(log: Log, name: &str, delay: Duration) -> impl Future<Output = ()> + use<> {
    // TODO
    async move { todo!() }
}
