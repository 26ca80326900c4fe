//! Exercise `real_crates` (P8): the same jobs on Rust's ready-made pools.
//!
//! - `rayon`: parallel iterators (`par_iter`), fork-join (`join`), scoped
//!   tasks (`scope`), on a global pool sized to the machine or on a pool you
//!   size with `ThreadPoolBuilder`. Work-stealing balances the load.
//! - `crossbeam`: scoped threads and channels, for pipelines you shape
//!   yourself (chapter 6 builds them: bounded stages, fan-out and fan-in).
//! - `threadpool`: the plain pool of the crate with the same name as
//!   Python's old package: `execute`, then `join`.

use std::thread;

use rayon::prelude::*;

// ANCHOR: rayon
/// The sum of `f(x)` over `numbers`, on rayon's current pool.
pub fn par_map_sum<F>(numbers: &[u64], f: F) -> u64
where
    F: Fn(u64) -> u64 + Sync + Send,
{
    numbers.par_iter().map(|&x| f(x)).sum()
}

/// The same sum by fork-join: halve the slice, sum the halves with
/// `rayon::join` (which may run them on two threads), add.
pub fn join_sum<F>(numbers: &[u64], f: &F) -> u64
where
    F: Fn(u64) -> u64 + Sync,
{
    // Below this size, splitting costs more than it saves.
    const SEQUENTIAL: usize = 64;
    if numbers.len() <= SEQUENTIAL {
        return numbers.iter().map(|&x| f(x)).sum();
    }
    let (left, right) = numbers.split_at(numbers.len() / 2);
    let (a, b) = rayon::join(|| join_sum(left, f), || join_sum(right, f));
    a + b
}

/// Replaces every value `v` with `f(v)`, one rayon task per chunk of
/// `chunk_size`, all inside one `rayon::scope` (the tasks may borrow
/// `values`, because the scope waits for them).
pub fn scoped_update<F>(values: &mut [u64], chunk_size: usize, f: F)
where
    F: Fn(u64) -> u64 + Sync,
{
    let f = &f;
    rayon::scope(|scope| {
        for chunk in values.chunks_mut(chunk_size) {
            scope.spawn(move |_| chunk.iter_mut().for_each(|v| *v = f(*v)));
        }
    });
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
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("failed to build a rayon pool")
        .install(work)
}
// ANCHOR_END: rayon

/// The size every default pool here starts from: one thread per logical CPU
/// (what `std::thread::available_parallelism` counts, within any cgroup
/// quota; a core with two hardware threads counts twice).
pub fn default_pool_size() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

// ANCHOR: crossbeam
/// A two-stage pipeline: one scoped thread sends the numbers down a bounded
/// crossbeam channel, `workers` scoped threads receive them, apply `f` and
/// sum; returns the total.
pub fn pipeline_sum<F>(numbers: &[u64], workers: usize, f: F) -> u64
where
    F: Fn(u64) -> u64 + Sync,
{
    let (send, receive) = crossbeam_channel::bounded(64);
    let f = &f;
    crossbeam::scope(|scope| {
        scope.spawn(move |_| {
            for &x in numbers {
                send.send(x).expect("the workers outlive the producer");
            }
            // `send` drops here: the workers' loops end when the channel empties.
        });
        let sums: Vec<_> = (0..workers)
            .map(|_| {
                let receive = receive.clone();
                scope.spawn(move |_| receive.iter().map(f).sum::<u64>())
            })
            .collect();
        sums.into_iter()
            .map(|s| s.join().expect("f panicked"))
            .sum()
    })
    .expect("a pipeline thread panicked")
}
// ANCHOR_END: crossbeam

// ANCHOR: threadpool
/// `f(x)` for every number on a `threadpool::ThreadPool` of `workers`, one
/// job per number, results in input order.
pub fn threadpool_map<F>(numbers: &[u64], workers: usize, f: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    let pool = threadpool::ThreadPool::new(workers);
    let f = std::sync::Arc::new(f);
    let (done, results) = std::sync::mpsc::channel();
    for (index, &x) in numbers.iter().enumerate() {
        let (f, done) = (std::sync::Arc::clone(&f), done.clone());
        pool.execute(move || {
            let _ = done.send((index, f(x)));
        });
    }
    drop(done);
    // `join` waits until the pool's queue is empty and its workers idle.
    pool.join();
    let mut out = vec![0; numbers.len()];
    for (index, y) in results.try_iter() {
        out[index] = y;
    }
    out
}
// ANCHOR_END: threadpool
