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
//!
//! Your task: write `map_crossbeam` and `map_std`. The given
//! `in_input_order` puts tagged results back in order.

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
    // TODO
    todo!("map crossbeam")
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
    // TODO
    todo!("map std")
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
