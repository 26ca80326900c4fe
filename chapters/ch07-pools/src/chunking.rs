//! Exercise `chunking` (P5, P6): one job per item, or one per chunk.
//!
//! A pool's own work per job (boxing the closure, queueing it, waking a
//! worker, sending the result back) costs far more than squaring a number.
//! Map a tiny function over a million numbers with one job per number and
//! the pool's overhead is all you measure; give each job a chunk of numbers
//! and the overhead is paid a few thousand times instead of a million. The
//! benchmark `pools` measures both, and whether returning the results (rather
//! than discarding them) changes much.
//!
//! Your task: implement the three functions on your `ThreadPool`.

use std::sync::Arc;

use crate::thread_pool::ThreadPool;

/// Computes `f(x)` for every number on `pool`, one job per number; returns
/// the results in input order.
pub fn map_per_item<F>(pool: &ThreadPool, numbers: &[u64], f: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    // TODO
    todo!("one job per number")
}

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
    // TODO
    todo!("one job per chunk")
}

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
    // TODO
    todo!("one job per chunk, no results")
}
