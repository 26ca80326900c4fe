//! Exercise `futures` (P3): Python's `ThreadPoolExecutor`, in Rust.
//!
//! `submit` returns a handle to the job's future result: wait for it, with or
//! without a time limit, ask whether it is done, and get the job's panic as
//! an error. `map` keeps input order; `map_unordered` hands results over as
//! they complete (Python's `as_completed`). `shutdown` can wait or not, and
//! can cancel the jobs that have not started.
//!
//! A handle is a slot under a mutex with a condition variable (chapter 5):
//! the job fills it, and a job that never runs fills it with `Cancelled` when
//! it is dropped.
//!
//! Your task: implement [`Executor`] and [`JobHandle`]. The promise that fills
//! a handle is given.
//!
//! The `Mutex` and `Condvar` come from the given `crate::sync`: std's, whose
//! waits graded builds make wake up spuriously on purpose, every time. A
//! wait that checks its condition again after waking passes either way.

use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender};

use crate::sync::{Condvar, Mutex, MutexGuard};
use crate::thread_pool::panic_message;

/// Why a job has no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError {
    /// The job panicked with this message.
    Panicked(String),
    /// The job was cancelled before it started.
    Cancelled,
}

type Job = Box<dyn FnOnce() + Send + 'static>;

/// A pool of workers that runs submitted jobs and hands back their results.
#[derive(Debug)]
pub struct Executor {
    jobs: Option<Sender<Job>>,
    /// The executor's own end of the queue, to cancel what has not started.
    queue: Receiver<Job>,
    workers: Vec<JoinHandle<()>>,
}

// ANCHOR: promise
/// The future result of one submitted job.
pub struct JobHandle<T> {
    shared: Arc<Shared<T>>,
}

struct Shared<T> {
    slot: Mutex<Slot<T>>,
    filled: Condvar,
}

enum Slot<T> {
    Pending,
    Done(Result<T, JobError>),
    /// The handle took the result.
    Taken,
}

/// The job's side of a handle: it fills the slot, and if it is dropped
/// unfilled (the job was cancelled and never ran), it fills it with
/// `Cancelled`, so no handle waits forever.
struct Promise<T> {
    shared: Arc<Shared<T>>,
}

impl<T> Promise<T> {
    fn fulfil(self, result: Result<T, JobError>) {
        self.shared.fill(result);
        // Filled: the Drop below finds the slot done and leaves it alone.
    }
}

impl<T> Drop for Promise<T> {
    fn drop(&mut self) {
        let slot = self.shared.slot();
        if matches!(*slot, Slot::Pending) {
            drop(slot);
            self.shared.fill(Err(JobError::Cancelled));
        }
    }
}

impl<T> Shared<T> {
    fn fill(&self, result: Result<T, JobError>) {
        *self.slot() = Slot::Done(result);
        // Every clone of a handle is gone but one, so one waiter at most;
        // notify_all costs nothing more and stays right if that changes.
        self.filled.notify_all();
    }

    fn slot(&self) -> MutexGuard<'_, Slot<T>> {
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: promise

impl<T> JobHandle<T> {
    /// Waits for the job and returns its result.
    pub fn wait(self) -> Result<T, JobError> {
        // TODO
        todo!("wait for the result")
    }

    /// Waits at most `timeout`; gives the handle back if the job is not done.
    pub fn wait_timeout(self, timeout: Duration) -> Result<Result<T, JobError>, Self> {
        // TODO
        todo!("wait at most timeout")
    }

    /// Whether the job has finished, panicked or been cancelled.
    pub fn is_done(&self) -> bool {
        // TODO
        todo!("is the slot filled?")
    }
}

impl Executor {
    /// An executor with `workers` worker threads.
    ///
    /// # Panics
    ///
    /// When `workers` is zero.
    pub fn new(workers: usize) -> Self {
        // TODO
        todo!("start the workers")
    }

    /// Queues `job` and returns a handle to its result.
    pub fn submit<T, F>(&self, job: F) -> JobHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        // TODO
        todo!("queue the job with a promise")
    }

    /// Runs `f` on every input, one job per input, all submitted before any
    /// is waited for (like Python's `executor.map`); returns the results in
    /// input order.
    pub fn map<A, T, F>(
        &self,
        f: F,
        inputs: impl IntoIterator<Item = A>,
    ) -> Vec<Result<T, JobError>>
    where
        A: Send + 'static,
        T: Send + 'static,
        F: Fn(A) -> T + Send + Sync + 'static,
    {
        // TODO
        todo!("results in input order")
    }

    /// Runs `f` on every input; yields `(index, result)` pairs in the order
    /// the jobs finish, like Python's `as_completed`.
    pub fn map_unordered<A, T, F>(
        &self,
        f: F,
        inputs: impl IntoIterator<Item = A>,
    ) -> crossbeam_channel::IntoIter<(usize, Result<T, JobError>)>
    where
        A: Send + 'static,
        T: Send + 'static,
        F: Fn(A) -> T + Send + Sync + 'static,
    {
        // TODO
        todo!("results as they complete")
    }

    /// Stops taking jobs. With `cancel_pending`, jobs that have not started
    /// are dropped and their handles report `Cancelled`. With `wait`, returns
    /// after the running and remaining jobs are done; without, at once, and
    /// the workers finish on their own.
    pub fn shutdown(mut self, wait: bool, cancel_pending: bool) {
        self.stop(wait, cancel_pending);
    }

    fn stop(&mut self, wait: bool, cancel_pending: bool) {
        // TODO

        todo!("close, maybe cancel, maybe join")
    }

    fn send(&self, job: Job) {
        self.jobs
            .as_ref()
            .expect("the sender lives until shutdown")
            .send(job)
            .expect("the executor holds a receiver, so the queue is open");
    }
}

impl Drop for Executor {
    /// Like Python's `with ThreadPoolExecutor() as pool:`, leaving the block
    /// waits for every job. (Given: the work is `Executor::stop`, yours.)
    /// While a test is already failing with a panic, a `stop` that is still a
    /// `todo!()` must not panic a second time, which would abort every test;
    /// so its panic is caught then.
    fn drop(&mut self) {
        if self.jobs.is_none() {
            return;
        }
        if thread::panicking() {
            let _ = panic::catch_unwind(AssertUnwindSafe(|| self.stop(true, false)));
        } else {
            self.stop(true, false);
        }
    }
}

impl<T> fmt::Debug for JobHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JobHandle")
            .field("done", &self.is_done())
            .finish()
    }
}
