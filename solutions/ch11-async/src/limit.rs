//! At most N requests in flight (E5).
//!
//! asyncio's answer is `asyncio.Semaphore(n)`: `async with sem:` around each
//! request. tokio's `Semaphore` is the same idea: a task takes a permit
//! before it starts and gives it back when the permit is dropped, so the
//! permit must live for as long as the request does, across its `.await`.
//! A slot is free again as soon as one request ends, not when a whole batch
//! has.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

// ANCHOR: fetch_all
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
    assert!(
        limit > 0,
        "a limit of 0 requests in flight would never start one"
    );
    let permits = Arc::new(Semaphore::new(limit));
    let mut requests = JoinSet::new();
    for (index, url) in urls.into_iter().enumerate() {
        let request = fetch(url);
        let permits = Arc::clone(&permits);
        requests.spawn(async move {
            // Held until this task ends: the request counts against the
            // limit for as long as it runs.
            let _permit = permits
                .acquire_owned()
                .await
                .expect("the semaphore is never closed");
            (index, request.await)
        });
    }
    let mut results: Vec<Option<T>> = std::iter::repeat_with(|| None)
        .take(requests.len())
        .collect();
    while let Some(done) = requests.join_next().await {
        let (index, result) = done.expect("a request does not panic");
        results[index] = Some(result);
    }
    results
        .into_iter()
        .map(|result| result.expect("every request ended"))
        .collect()
}
// ANCHOR_END: fetch_all
