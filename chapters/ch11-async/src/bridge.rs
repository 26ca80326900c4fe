//! A bounded async stage between two pieces of ordinary code (E7).
//!
//! asyncio's bridges are `asyncio.run_coroutine_threadsafe(coro, loop)`,
//! which hands a coroutine to a loop running on another thread, and
//! `loop.run_in_executor` or `asyncio.to_thread` for the other direction;
//! `asyncio.Queue(maxsize=n)` gives back-pressure inside the loop. tokio's
//! `mpsc::channel(n)` is bounded too, and it has both kinds of ends: `send`
//! and `recv` to `.await` in tasks, `blocking_send` and `blocking_recv` for
//! ordinary threads, which must never be called from inside a task.
//!
//! Your task: write `through_async`. It is called from an ordinary thread; the
//! stage runs as a task on the runtime, and the items are read no further ahead
//! of it than the channel allows. Everything without a `// TODO` is given.

use std::future::Future;

use tokio::runtime::Handle;
use tokio::sync::mpsc;

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
    // TODO
    todo!()
}
