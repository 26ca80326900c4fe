//! Exercise `threads_to_processes` (X5): threads that hand work to processes.
//!
//! A Python program often has threads for waiting (a server's request
//! handlers) that hand CPU-bound work to a process pool and wait for the
//! answer. The pool must then take requests from many threads at once, and
//! answer each thread with its own results.
//!
//! Your task: implement [`from_threads`].

use std::thread;

use crate::process_pool::{ProcessPool, TaskError};

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
    // TODO
    todo!("threads asking one pool")
}
