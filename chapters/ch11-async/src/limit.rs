//! At most N requests in flight (E5).
//!
//! asyncio's answer is `asyncio.Semaphore(n)`: `async with sem:` around each
//! request. tokio's `Semaphore` is the same idea: a task takes a permit
//! before it starts and gives it back when the permit is dropped, so the
//! permit must live for as long as the request does, across its `.await`.
//! A slot is free again as soon as one request ends, not when a whole batch
//! has.
//!
//! Your task: write `fetch_all`. Never more than `limit` requests at once, a
//! new one as soon as any ends, and the results in the order of the urls.
//! Everything without a `// TODO` is given.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// Calls `fetch` on every url, `limit` calls at a time: never more than
/// `limit` unfinished at any moment, and a new one started as soon as one
/// ends while urls are left. Returns their results in the order of `urls`.
/// Call it inside a tokio runtime.
///
/// # Panics
///
/// If `limit` is 0 (nothing could ever start).
pub async fn fetch_all<F, Fut, T>(urls: Vec<String>, limit: usize, fetch: F) -> Vec<T>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    // TODO
    todo!()
}
