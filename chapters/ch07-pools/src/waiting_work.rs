//! Exercise `waiting_work` (P2, P7): what a pool of threads is good for.
//!
//! A hundred page fetches that each wait a while (the network), on ten
//! workers, take about a tenth of the time of doing them one after another:
//! ten waits at a time. The same is true in CPython, and it is not because a
//! pool of threads "bypasses the GIL": CPython releases the interpreter lock
//! while a thread waits, so the waits overlap, and the lock is never needed
//! during them.
//!
//! Your task: implement [`fetch_all`] on your `ThreadPool`.

use std::sync::Arc;

use crate::thread_pool::ThreadPool;

/// Fetches every page with `fetch` on a pool of `workers` threads, and
/// returns the results in the order of `pages`.
///
/// # Panics
///
/// When `workers` is zero, or `fetch` panics (that page would be missing).
pub fn fetch_all<P, R, F>(workers: usize, pages: Vec<P>, fetch: F) -> Vec<R>
where
    P: Send + 'static,
    R: Send + 'static,
    F: Fn(P) -> R + Send + Sync + 'static,
{
    // TODO
    todo!("fetch on a pool, results in order")
}
