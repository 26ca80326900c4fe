//! Exercise `waiting_work` (P2, P7): what a pool of threads is good for.
//!
//! A hundred page fetches that each wait a while (the network), on ten
//! workers, take about a tenth of the time of doing them one after another:
//! ten waits at a time. The same is true in CPython, and it is not because a
//! pool of threads "bypasses the GIL": CPython releases the interpreter lock
//! while a thread waits, so the waits overlap, and the lock is never needed
//! during them.

use std::sync::Arc;

use crate::thread_pool::ThreadPool;

// ANCHOR: fetch_all
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
    let pool = ThreadPool::new(workers);
    let fetch = Arc::new(fetch);
    let (fetched, results) = crossbeam_channel::unbounded();
    let count = pages.len();
    for (index, page) in pages.into_iter().enumerate() {
        let (fetch, fetched) = (Arc::clone(&fetch), fetched.clone());
        pool.execute(move || {
            let _ = fetched.send((index, fetch(page)));
        });
    }
    drop(fetched);
    // Results arrive in the order the fetches finish; put each in its place.
    let mut slots: Vec<Option<R>> = (0..count).map(|_| None).collect();
    for (index, result) in results.iter() {
        slots[index] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every page is fetched unless fetch panicked"))
        .collect()
}
// ANCHOR_END: fetch_all
