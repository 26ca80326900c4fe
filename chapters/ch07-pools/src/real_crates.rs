//! Exercise `real_crates` (P8): the same jobs on Rust's ready-made pools.
//!
//! - `rayon`: parallel iterators (`par_iter`), fork-join (`join`), scoped
//!   tasks (`scope`), on a global pool sized to the machine or on a pool you
//!   size with `ThreadPoolBuilder`. Work-stealing balances the load.
//! - `crossbeam`: scoped threads and channels, for pipelines you shape
//!   yourself (chapter 6 builds them: bounded stages, fan-out and fan-in).
//! - `threadpool`: the plain pool of the crate with the same name as
//!   Python's old package: `execute`, then `join`.
//!
//! Your task: implement each function with the crate it names.

use std::thread;

use rayon::prelude::*;

/// The sum of `f(x)` over `numbers`, on rayon's current pool.
pub fn par_map_sum<F>(numbers: &[u64], f: F) -> u64
where
    F: Fn(u64) -> u64 + Sync + Send,
{
    // TODO
    todo!("a rayon parallel iterator")
}

/// The same sum by fork-join: halve the slice, sum the halves with
/// `rayon::join` (which may run them on two threads), add.
pub fn join_sum<F>(numbers: &[u64], f: &F) -> u64
where
    F: Fn(u64) -> u64 + Sync,
{
    // TODO
    todo!("rayon::join on the halves")
}

/// Replaces every value `v` with `f(v)`, one rayon task per chunk of
/// `chunk_size`, all inside one `rayon::scope` (the tasks may borrow
/// `values`, because the scope waits for them).
pub fn scoped_update<F>(values: &mut [u64], chunk_size: usize, f: F)
where
    F: Fn(u64) -> u64 + Sync,
{
    // TODO
    todo!("a rayon task per chunk")
}

/// Runs `work` inside a rayon pool of exactly `threads` threads, so every
/// parallel iterator and `join` in it uses that pool.
///
/// # Panics
///
/// When rayon cannot start the pool.
pub fn in_pool_of<R, W>(threads: usize, work: W) -> R
where
    R: Send,
    W: FnOnce() -> R + Send,
{
    // TODO
    todo!("a sized rayon pool")
}

/// The size every default pool here starts from: one thread per logical CPU
/// (what `std::thread::available_parallelism` counts, within any cgroup
/// quota; a core with two hardware threads counts twice).
pub fn default_pool_size() -> usize {
    // TODO
    todo!("one per logical CPU")
}

/// A two-stage pipeline: one scoped thread sends the numbers down a bounded
/// crossbeam channel, `workers` scoped threads receive them, apply `f` and
/// sum; returns the total.
pub fn pipeline_sum<F>(numbers: &[u64], workers: usize, f: F) -> u64
where
    F: Fn(u64) -> u64 + Sync,
{
    // TODO
    todo!("a crossbeam pipeline")
}

/// `f(x)` for every number on a `threadpool::ThreadPool` of `workers`, one
/// job per number, results in input order.
pub fn threadpool_map<F>(numbers: &[u64], workers: usize, f: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    // TODO
    todo!("the threadpool crate")
}
