//! A future as a one-shot channel: a book example for chapter 7's "Futures".
//!
//! Python's `Future` is a slot that a job fills and a caller waits on. Here
//! the slot is a channel with room for one message: the job sends its value,
//! or its panic's message, and the caller receives it, with or without a time
//! limit. A job dropped before it ran drops its sender with it, and the
//! caller hears that no value will ever come: the job was cancelled. Jobs
//! that share one channel deliver their results in the order they finish,
//! like `as_completed`. Each job runs on a thread of its own; no pool here.
//!
//! Run it with `cargo run -p ch07-pools-solution --example future_as_channel`.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

/// What a job leaves in its future: its value, or the message it panicked with.
type Outcome<T> = Result<T, String>;

// ANCHOR: package
/// Packages `job` with the sending end of its future. Running the package
/// fills the future; dropping it unrun closes the future empty.
fn package<T, F>(job: F) -> (impl FnOnce() + Send + 'static, Receiver<Outcome<T>>)
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (fill, future) = mpsc::sync_channel(1);
    let run = move || {
        // AssertUnwindSafe: `job` is used up by the call; nobody sees it half-run.
        let outcome = panic::catch_unwind(AssertUnwindSafe(job)).map_err(|payload| {
            let text = payload.downcast_ref::<&str>().copied();
            text.unwrap_or("a panic without a message").to_owned()
        });
        // A caller that gave up waiting has dropped the receiver; nothing to do.
        let _ = fill.send(outcome);
    };
    (run, future)
}
// ANCHOR_END: package

fn main() {
    // The panic below is reported through its future; keep the default hook quiet.
    panic::set_hook(Box::new(|_| {}));

    // ANCHOR: waiting
    // future.result(): the value, or the job's panic as an error.
    let (job, answer) = package(|| 6 * 7);
    thread::spawn(job);
    println!("answer: {:?}", answer.recv());
    let (job, broken) = package(|| -> u32 { panic!("no such page") });
    thread::spawn(job);
    println!("broken: {:?}", broken.recv());

    // future.result(timeout=...): a time limit, and the future stays usable.
    let (job, slow) = package(|| {
        thread::sleep(Duration::from_millis(50));
        "slow"
    });
    thread::spawn(job);
    if let Err(RecvTimeoutError::Timeout) = slow.recv_timeout(Duration::from_millis(5)) {
        println!("slow: not done after 5 ms, waiting on");
    }
    println!("slow: {:?}", slow.recv());

    // future.cancel(): the job is dropped before it runs, and says so by
    // dropping its sender.
    let (unrun, never) = package(|| "never computed");
    drop(unrun);
    println!("never: {:?} (cancelled)", never.recv());
    // ANCHOR_END: waiting

    // ANCHOR: as_completed
    // as_completed: one channel for every job; results come in finishing order.
    let (finished, results) = mpsc::channel();
    for (index, millis) in [30, 20, 10].into_iter().enumerate() {
        let finished = finished.clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(millis));
            let _ = finished.send((index, millis));
        });
    }
    // The loop below ends when every job has dropped its clone of the sender.
    drop(finished);
    for (index, millis) in results {
        println!("job {index} ({millis} ms) finished");
    }
    // ANCHOR_END: as_completed
}
