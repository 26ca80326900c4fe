//! Exercise `thread_pool` (P1, P9): a pool from scratch.
//!
//! Starting a thread costs microseconds (chapter 1 measured it); a pool pays
//! that once. It starts a fixed number of workers that take jobs from one
//! queue, so a thousand jobs reuse the same few threads. Dropping the pool
//! lets the workers finish what is queued, then joins them. A job that panics
//! must not take its worker down: the pool would shrink with every panic.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};

use crate::sync::{Arc, AtomicUsize, JoinHandle, Ordering, Receiver, Sender, thread, unbounded};

/// A job: any closure that runs once on some worker.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed set of worker threads sharing one queue of jobs.
#[derive(Debug)]
pub struct ThreadPool {
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
    completed: Arc<AtomicUsize>,
}

// ANCHOR: pool
impl ThreadPool {
    /// A pool of `size` workers, named `pool-worker-<i>`.
    ///
    /// # Panics
    ///
    /// When `size` is zero, or the operating system refuses a thread.
    pub fn new(size: usize) -> Self {
        assert!(size > 0, "a pool needs at least one worker");
        let (jobs, queue) = unbounded::<Job>();
        let completed = Arc::new(AtomicUsize::new(0));
        let workers = (0..size)
            .map(|i| {
                let (queue, completed) = (queue.clone(), Arc::clone(&completed));
                thread::Builder::new()
                    .name(format!("pool-worker-{i}"))
                    .spawn(move || work(&queue, &completed))
                    .expect("failed to start a pool worker")
            })
            .collect();
        ThreadPool {
            jobs: Some(jobs),
            workers,
            completed,
        }
    }

    /// A pool with one worker per logical CPU, like Python's executors
    /// (which add a few for waiting work).
    pub fn with_default_size() -> Self {
        Self::new(std::thread::available_parallelism().map_or(1, |n| n.get()))
    }

    /// Queues `job` to run on the next free worker, and returns at once.
    pub fn execute<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        self.jobs
            .as_ref()
            .expect("the sender lives until drop")
            .send(Box::new(job))
            .expect("workers outlive the pool's sender");
    }

    /// How many workers the pool has.
    pub fn size(&self) -> usize {
        self.workers.len()
    }

    /// How many jobs have finished so far, panicked ones included.
    pub fn completed(&self) -> usize {
        // Acquire: pairs with the Release in `work`, so the caller also sees
        // what the counted jobs did.
        self.completed.load(Ordering::Acquire)
    }
}

/// A worker's whole life: take jobs until the queue is closed and empty.
fn work(queue: &Receiver<Job>, completed: &AtomicUsize) {
    // `iter` ends only when every sender is gone *and* the queue is empty, so
    // jobs queued before the pool was dropped still run.
    for job in queue.iter() {
        // A panic in the job stops here, not in the worker: the worker lives
        // on and the pool keeps its size. AssertUnwindSafe: the job is
        // consumed by the call, so nobody can observe it half-run, and what
        // it shares with others is protected as for any thread.
        let _ = panic::catch_unwind(AssertUnwindSafe(job));
        // Release: pairs with the Acquire in `completed`.
        completed.fetch_add(1, Ordering::Release);
    }
}

impl ThreadPool {
    /// Finishes every queued job, then joins the workers. Only `Drop` calls it.
    fn shut_down(&mut self) {
        // Dropping the only sender closes the queue; the workers drain it.
        drop(self.jobs.take());
        for worker in self.workers.drain(..) {
            // Workers do not panic (jobs' panics are caught), so join cannot fail.
            let _ = worker.join();
        }
    }
}

impl Drop for ThreadPool {
    /// Finishes every queued job, then joins the workers.
    fn drop(&mut self) {
        self.shut_down();
    }
}
// ANCHOR_END: pool

/// The message of a panic payload: the `&str` or `String` that `panic!` was
/// given, or a placeholder. (Given.)
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}
