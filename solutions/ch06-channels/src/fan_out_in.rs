//! Exercise `fan_out_in` (M4): several workers on one queue, results back in
//! input order.
//!
//! In Python, several worker threads call `get()` on one `queue.Queue`: each
//! job goes to whichever worker asks first. Crossbeam's channel works the same
//! way (its `Receiver` can be cloned, one per worker: multi-consumer). Std's
//! `mpsc::Receiver` is single-consumer: it is neither `Clone` nor `Sync`, so
//! workers share it behind a `Mutex` and hold the lock only to take a job.
//!
//! Workers finish in any order. Tagging each job with its index, and each
//! result with the same index, lets the caller put the results back in input
//! order (what `Executor.map` does for you).

use std::sync::mpsc;
use std::thread;

use crate::sync::Mutex;

/// Applies `f` to every input on `workers` threads (fewer when there are
/// fewer inputs, never more) that share one `crossbeam_channel` of jobs;
/// each worker takes the next job when it is free (no fixed split). Returns
/// the results in input order.
///
/// # Panics
///
/// When `workers` is zero, with a message that says so.
pub fn map_crossbeam<T, R, F>(inputs: Vec<T>, workers: usize, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    // ANCHOR: map_crossbeam
    assert!(workers > 0, "map_crossbeam needs at least one worker");
    let count = inputs.len();
    let (job_sender, jobs) = crossbeam_channel::unbounded();
    for job in inputs.into_iter().enumerate() {
        job_sender.send(job).expect("the receiver is still here");
    }
    // Every job is queued: closing now lets each worker's loop end when the
    // queue runs dry.
    drop(job_sender);
    let (result_sender, results) = crossbeam_channel::unbounded();
    thread::scope(|scope| {
        for _ in 0..workers.min(count) {
            let (jobs, result_sender, f) = (jobs.clone(), result_sender.clone(), &f);
            scope.spawn(move || {
                for (index, input) in jobs {
                    result_sender
                        .send((index, f(input)))
                        .expect("the caller waits");
                }
            });
        }
    });
    drop(result_sender);
    in_input_order(count, results)
    // ANCHOR_END: map_crossbeam
}

/// The same with `std::sync::mpsc`: the workers share the one job
/// `Receiver` behind a `Mutex` (from the given `crate::sync`), locked only
/// while taking a job, never while working on it.
///
/// # Panics
///
/// When `workers` is zero, with a message that says so.
pub fn map_std<T, R, F>(inputs: Vec<T>, workers: usize, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    // ANCHOR: map_std
    assert!(workers > 0, "map_std needs at least one worker");
    let count = inputs.len();
    let (job_sender, jobs) = mpsc::channel();
    for job in inputs.into_iter().enumerate() {
        job_sender.send(job).expect("the receiver is still here");
    }
    drop(job_sender);
    let jobs = Mutex::new(jobs);
    let (result_sender, results) = mpsc::channel();
    thread::scope(|scope| {
        for _ in 0..workers.min(count) {
            let (jobs, result_sender, f) = (&jobs, result_sender.clone(), &f);
            scope.spawn(move || {
                loop {
                    // The guard is a temporary of this statement: the lock is
                    // released before the job runs. (`while let Ok(job) =
                    // jobs.lock().unwrap().recv()` would hold it for the whole
                    // loop body, and the workers would take turns.)
                    let job = jobs.lock().expect("no worker panics holding it").recv();
                    let Ok((index, input)) = job else { break };
                    result_sender
                        .send((index, f(input)))
                        .expect("the caller waits");
                }
            });
        }
    });
    drop(result_sender);
    in_input_order(count, results)
    // ANCHOR_END: map_std
}

/// Puts `count` results tagged with their input's index back in input order.
/// (Given.)
fn in_input_order<R>(count: usize, results: impl IntoIterator<Item = (usize, R)>) -> Vec<R> {
    let mut slots: Vec<Option<R>> = (0..count).map(|_| None).collect();
    for (index, result) in results {
        slots[index] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every input has a result"))
        .collect()
}
