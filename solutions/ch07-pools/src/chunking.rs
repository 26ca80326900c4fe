//! Exercise `chunking` (P5, P6): one job per item, or one per chunk.
//!
//! A pool's own work per job (boxing the closure, queueing it, waking a
//! worker, sending the result back) costs far more than squaring a number.
//! Map a tiny function over a million numbers with one job per number and
//! the pool's overhead is all you measure; give each job a chunk of numbers
//! and the overhead is paid a few thousand times instead of a million. The
//! benchmark `pools` measures both, and whether returning the results (rather
//! than discarding them) changes much.

use std::sync::Arc;

use crate::thread_pool::ThreadPool;

// ANCHOR: per_item
/// Computes `f(x)` for every number on `pool`, one job per number; returns
/// the results in input order.
pub fn map_per_item<F>(pool: &ThreadPool, numbers: &[u64], f: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    let f = Arc::new(f);
    let (done, results) = crossbeam_channel::unbounded();
    for (index, &x) in numbers.iter().enumerate() {
        let (f, done) = (Arc::clone(&f), done.clone());
        pool.execute(move || {
            let _ = done.send((index, f(x)));
        });
    }
    drop(done);
    let mut out = vec![0; numbers.len()];
    for (index, y) in results.iter() {
        out[index] = y;
    }
    out
}
// ANCHOR_END: per_item

// ANCHOR: chunked
/// Computes `f(x)` for every number on `pool`, one job per `chunk_size`
/// numbers (the last chunk may be shorter); returns the results in input
/// order.
///
/// # Panics
///
/// When `chunk_size` is zero.
pub fn map_chunked<F>(pool: &ThreadPool, numbers: &[u64], chunk_size: usize, f: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    assert!(chunk_size > 0, "chunks need at least one number");
    let f = Arc::new(f);
    let (done, results) = crossbeam_channel::unbounded();
    for (chunk, part) in numbers.chunks(chunk_size).enumerate() {
        let (f, done, part) = (Arc::clone(&f), done.clone(), part.to_vec());
        pool.execute(move || {
            let ys: Vec<u64> = part.into_iter().map(|x| f(x)).collect();
            let _ = done.send((chunk, ys));
        });
    }
    drop(done);
    let mut out = vec![0; numbers.len()];
    for (chunk, ys) in results.iter() {
        let start = chunk * chunk_size;
        out[start..start + ys.len()].copy_from_slice(&ys);
    }
    out
}
// ANCHOR_END: chunked

/// Calls `f(x)` for every number on `pool`, one job per `chunk_size` numbers,
/// keeping no results; returns as soon as every call has been made.
///
/// # Panics
///
/// When `chunk_size` is zero.
pub fn run_chunked<F>(pool: &ThreadPool, numbers: &[u64], chunk_size: usize, f: F)
where
    F: Fn(u64) + Send + Sync + 'static,
{
    assert!(chunk_size > 0, "chunks need at least one number");
    let f = Arc::new(f);
    let (done, finished) = crossbeam_channel::unbounded::<()>();
    for part in numbers.chunks(chunk_size) {
        let (f, done, part) = (Arc::clone(&f), done.clone(), part.to_vec());
        pool.execute(move || {
            part.into_iter().for_each(|x| f(x));
            // Dropping `done` is the signal: no value travels back.
            drop(done);
        });
    }
    drop(done);
    // Ends when every job has dropped its sender.
    for () in finished.iter() {}
}
