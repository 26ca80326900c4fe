//! A bounded async stage between two pieces of ordinary code (E7).
//!
//! asyncio's bridges are `asyncio.run_coroutine_threadsafe(coro, loop)`,
//! which hands a coroutine to a loop running on another thread, and
//! `loop.run_in_executor` or `asyncio.to_thread` for the other direction;
//! `asyncio.Queue(maxsize=n)` gives back-pressure inside the loop. tokio's
//! `mpsc::channel(n)` is bounded too, and it has both kinds of ends: `send`
//! and `recv` to `.await` in tasks, `blocking_send` and `blocking_recv` for
//! ordinary threads, which must never be called from inside a task.

use std::future::Future;

use tokio::runtime::Handle;
use tokio::sync::mpsc;

// ANCHOR: through_async
/// Passes every item from `items` through `stage`, run by one task on
/// `runtime`, and returns the outputs in order, on this ordinary thread. The
/// items go to the task through a channel that holds at most `capacity` of
/// them, so `items` is never read far ahead of the stage: at most
/// `capacity` items waiting, one in the stage and one on its way.
///
/// # Panics
///
/// If `capacity` is 0 (tokio's channels need room for one), or if called
/// from inside an async task.
pub fn through_async<T, U, F, Fut>(
    runtime: &Handle,
    items: impl IntoIterator<Item = T> + Send,
    capacity: usize,
    stage: F,
) -> Vec<U>
where
    T: Send + 'static,
    U: Send + 'static,
    F: Fn(T) -> Fut + Send + 'static,
    Fut: Future<Output = U> + Send,
{
    assert!(
        capacity > 0,
        "a channel with a capacity of 0 cannot hold an item"
    );
    let (to_stage, mut stage_input) = mpsc::channel(capacity);
    let (from_stage, mut outputs) = mpsc::channel(capacity);
    runtime.spawn(async move {
        while let Some(item) = stage_input.recv().await {
            if from_stage.send(stage(item).await).await.is_err() {
                break;
            }
        }
    });
    std::thread::scope(|scope| {
        // Feed from a thread of its own while this one collects: feeding
        // everything first would stop for good once both channels are full.
        scope.spawn(move || {
            for item in items {
                if to_stage.blocking_send(item).is_err() {
                    break;
                }
            }
        });
        let mut collected = Vec::new();
        while let Some(output) = outputs.blocking_recv() {
            collected.push(output);
        }
        collected
    })
}
// ANCHOR_END: through_async
