//! Exercise `threads_to_processes` (X5): threads that hand work to processes.
//!
//! A Python program often has threads for waiting (a server's request
//! handlers) that hand CPU-bound work to a process pool and wait for the
//! answer. The pool must then take requests from many threads at once, and
//! answer each thread with its own results.

use std::thread;

use crate::process_pool::{ProcessPool, TaskError};

// ANCHOR: from_threads
/// Starts `threads` threads; thread `t` asks `pool` to run `task` on its own
/// inputs `inputs(t)`, handing them over together so that they can run side
/// by side in the workers, and waits for the answers. Returns each thread's
/// results, in thread order. A panic in a thread (say, in `inputs`) passes on
/// to the caller.
pub fn from_threads<F>(
    pool: &ProcessPool,
    threads: usize,
    task: &str,
    inputs: F,
) -> Vec<Vec<Result<u64, TaskError>>>
where
    F: Fn(usize) -> Vec<u64> + Sync,
{
    let inputs = &inputs;
    thread::scope(|scope| {
        let askers: Vec<_> = (0..threads)
            .map(|t| scope.spawn(move || pool.map::<u64, u64>(task, &inputs(t), Some(1))))
            .collect();
        askers
            .into_iter()
            .map(|asker| asker.join().expect("an asking thread panicked"))
            .collect()
    })
}
// ANCHOR_END: from_threads
