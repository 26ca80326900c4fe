//! Exercise `callbacks` (P4): the request style of Python's old `threadpool`
//! package.
//!
//! Before `concurrent.futures`, the `threadpool` package had you make
//! "requests" from a function and a list of arguments, put them in the pool
//! with a callback for each result and one for errors, and then `wait()`:
//! the callbacks ran on the waiting thread as the results came in. Rust's
//! `threadpool` crate is a plain pool (`execute`, `join`); the request style
//! sits on top of any pool, yours or that crate's.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;

use crate::thread_pool::{ThreadPool, panic_message};

/// A job: any closure that runs once on some worker.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// Something that runs jobs on other threads. (Given.)
pub trait Execute {
    /// Queues `job`.
    fn execute_job(&self, job: Job);
}

impl Execute for ThreadPool {
    fn execute_job(&self, job: Job) {
        self.execute(job);
    }
}

impl Execute for threadpool::ThreadPool {
    fn execute_job(&self, job: Job) {
        self.execute(job);
    }
}

// ANCHOR: run_requests
/// Runs `work(arg)` for every argument on `pool`, then, on the calling
/// thread, calls `on_result(arg, result)` for each job that returned and
/// `on_error(arg, message)` for each that panicked, as the results arrive.
/// Returns when every argument has been reported.
pub fn run_requests<A, R, W, OnResult, OnError>(
    pool: &impl Execute,
    work: W,
    args: Vec<A>,
    mut on_result: OnResult,
    mut on_error: OnError,
) where
    A: Clone + Send + 'static,
    R: Send + 'static,
    W: Fn(A) -> R + Send + Sync + 'static,
    OnResult: FnMut(A, R),
    OnError: FnMut(A, String),
{
    let work = Arc::new(work);
    let (report, reports) = crossbeam_channel::unbounded();
    let requests = args.len();
    for arg in args {
        let (work, report) = (Arc::clone(&work), report.clone());
        pool.execute_job(Box::new(move || {
            // Catch the panic in the job, so it becomes an error report and
            // is never lost with a dying worker.
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| work(arg.clone())))
                .map_err(|payload| panic_message(&*payload));
            // The caller is waiting for exactly this report.
            let _ = report.send((arg, outcome));
        }));
    }
    // The callbacks run here, on the caller's thread, one at a time: they may
    // use anything the caller has, with no locks and no `Send`.
    for (arg, outcome) in reports.iter().take(requests) {
        match outcome {
            Ok(result) => on_result(arg, result),
            Err(message) => on_error(arg, message),
        }
    }
}
// ANCHOR_END: run_requests
