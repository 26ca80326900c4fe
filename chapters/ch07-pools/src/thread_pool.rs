//! Exercise `thread_pool` (P1, P9): a pool from scratch.
//!
//! Starting a thread costs microseconds (chapter 1 measured it); a pool pays
//! that once. It starts a fixed number of workers that take jobs from one
//! queue, so a thousand jobs reuse the same few threads. Dropping the pool
//! lets the workers finish what is queued, then joins them. A job that panics
//! must not take its worker down: the pool would shrink with every panic.
//!
//! Your task: implement [`ThreadPool`]. A crossbeam channel makes a good
//! queue: its receiver can be cloned, one per worker, and dropping the last
//! sender is how the workers learn there is no more work (chapter 6,
//! `no_sentinel` and `fan_out_in`).
//!
//! The channel, threads and atomics come from the given `crate::sync`:
//! crossbeam's and std's (the model checks swap in shuttle's).

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};

use crate::sync::{Arc, AtomicUsize, JoinHandle, Ordering, Receiver, Sender, thread, unbounded};

// ANCHOR: pool_type
/// A job: any closure that runs once on some worker.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed set of worker threads sharing one queue of jobs.
#[derive(Debug)]
pub struct ThreadPool {
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
    completed: Arc<AtomicUsize>,
}
// ANCHOR_END: pool_type

impl ThreadPool {
    /// A pool of `size` workers, named `pool-worker-<i>`.
    ///
    /// # Panics
    ///
    /// When `size` is zero, or the operating system refuses a thread.
    pub fn new(size: usize) -> Self {
        // TODO
        todo!("start the workers")
    }

    /// A pool with one worker per logical CPU, like Python's executors
    /// (which add a few for waiting work).
    pub fn with_default_size() -> Self {
        // TODO
        todo!("size the pool to the machine")
    }

    /// Queues `job` to run on the next free worker, and returns at once.
    pub fn execute<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        // TODO
        todo!("queue the job")
    }

    /// How many workers the pool has.
    pub fn size(&self) -> usize {
        // TODO
        todo!("count the workers")
    }

    /// How many jobs have finished so far, panicked ones included.
    pub fn completed(&self) -> usize {
        // TODO
        todo!("count the finished jobs")
    }
}

/// A worker's whole life: take jobs until the queue is closed and empty.
fn work(queue: &Receiver<Job>, completed: &AtomicUsize) {
    // TODO
    todo!("take jobs until the queue is closed and empty")
}

impl ThreadPool {
    /// Finishes every queued job, then joins the workers. Only `Drop` calls it.
    fn shut_down(&mut self) {
        // TODO
        todo!("finish the queue, then join the workers")
    }
}

impl Drop for ThreadPool {
    /// Finishes every queued job, then joins the workers. (Given: the work is `ThreadPool::shut_down`, yours.)
    /// While a test is already failing with a panic, a `shut_down` that is still a
    /// `todo!()` must not panic a second time, which would abort every test;
    /// so its panic is caught then.
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.shut_down()));
        } else {
            self.shut_down();
        }
    }
}

/// The message of a panic payload: the `&str` or `String` that `panic!` was
/// given, or a placeholder. (Given.)
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}
