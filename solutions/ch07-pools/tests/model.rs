//! Model checks of the thread pool's shutdown with shuttle.
//!
//! Built only with the `shuttle` feature, which builds the pool on shuttle's
//! channel, threads and atomics (see `src/sync.rs`; the channel is crossbeam's
//! rebuilt on shuttle's `mpsc`, its receiving end shared behind a mutex). Run
//! with `cargo xtask model ch07-pools`.
//!
//! What shuttle sees here: every interleaving it explores of workers taking
//! jobs, jobs finishing, and the pool being dropped, and deadlocked schedules.
//! What it does not see: crossbeam's own channel (the real pool's), panics in
//! jobs (the graded test `thread_pool::a_panicking_job_does_not_shrink_the_pool`
//! covers them with real threads), and time.

use ch07_pools::thread_pool::ThreadPool;
use shuttle::scheduler::{PctScheduler, RandomScheduler};
use shuttle::sync::Arc;
use shuttle::sync::atomic::{AtomicUsize, Ordering};
use shuttle::{Config, Runner};

/// Jobs queued before the pool is dropped all run, and the drop returns only
/// when they have (it joins the workers).
fn dropping_the_pool_finishes_every_queued_job() {
    let done = Arc::new(AtomicUsize::new(0));
    let pool = ThreadPool::new(2);
    for _ in 0..3 {
        let done = Arc::clone(&done);
        pool.execute(move || {
            done.fetch_add(1, Ordering::SeqCst);
        });
    }
    drop(pool);
    assert_eq!(
        done.load(Ordering::SeqCst),
        3,
        "a job was lost, or drop returned before it ran"
    );
}

/// `completed` never counts a job before it has finished.
fn completed_counts_only_finished_jobs() {
    let ran = Arc::new(AtomicUsize::new(0));
    let pool = ThreadPool::new(2);
    for _ in 0..2 {
        let ran = Arc::clone(&ran);
        pool.execute(move || {
            ran.fetch_add(1, Ordering::SeqCst);
        });
    }
    let completed = pool.completed();
    assert!(
        completed <= ran.load(Ordering::SeqCst),
        "completed counted a job that had not run"
    );
    drop(pool);
    assert_eq!(ran.load(Ordering::SeqCst), 2);
}

fn explore(test: fn()) {
    Runner::new(RandomScheduler::new_from_seed(2026, 1000), Config::new()).run(test);
    Runner::new(PctScheduler::new_from_seed(2026, 3, 1000), Config::new()).run(test);
}

#[test]
fn the_pool_finishes_every_queued_job_before_drop_returns() {
    explore(dropping_the_pool_finishes_every_queued_job);
}

#[test]
fn completed_never_runs_ahead_of_the_jobs() {
    explore(completed_counts_only_finished_jobs);
}
