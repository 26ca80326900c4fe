//! The graded tests of chapter 4, condition variables and coordination.
//!
//! One module per exercise; `cargo xtask check ch04-condvars` runs them and
//! reports per exercise. The same file grades your crate (`ch04-condvars`)
//! and the reference solution (`ch04-condvars-solution`).
//!
//! A lost wake-up leaves a thread asleep forever: the deadline watchdog turns
//! that into "probable deadlock in <exercise>".

mod bounded_queue;
mod event_barrier;
mod semaphore;
mod waiting_right;
mod withdraw_waits;

use grading::Band;
use grading::sync::{Counts, early_wakeups};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// Whether threads have gone to sleep at least `n` times on the condition
/// variables counted in `counts`: their waits, less the wake-ups the grading
/// build made up. `look` calls the code under test in a way that takes its
/// lock, and the count is read again after it: a made-up wake-up counts as a
/// sleep for a moment while its thread still holds the lock. Once this says
/// yes, those threads are asleep for real, and only a notification (or a
/// timeout) wakes them.
pub fn asleep<T>(counts: &Counts, n: usize, look: impl Fn() -> T) -> bool {
    let sleeps = || {
        let made_up = counts.made_up_wakeups();
        counts.waits().saturating_sub(made_up)
    };
    sleeps() >= n && {
        look();
        sleeps() >= n
    }
}

/// Runs `call`, a timed call with this `timeout` that finds nothing to take,
/// on a thread of its own with every timed wait cut short at half its time
/// (`grading::sync::early_wakeups`), and returns its answer. A timed call
/// that keeps one deadline still ends after `timeout`. One that waits its
/// whole timeout again after every wake-up never ends, and one that gives up
/// at the first wake-up ends too soon: both fail the test, naming `what`.
#[track_caller]
pub fn with_early_wakeups<T: Send + 'static>(
    what: &str,
    timeout: Duration,
    call: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (answer, receiver) = mpsc::channel();
    thread::spawn(move || {
        let started = Instant::now();
        let value = early_wakeups(call);
        let _ = answer.send((value, started.elapsed()));
    });
    let (value, took) = match receiver.recv_timeout(Duration::from_secs(2)) {
        Ok(answer) => answer,
        Err(RecvTimeoutError::Timeout) => panic!(
            "{what} had not returned after 2 s of wake-ups that came early: after each wake-up \
             it waits its whole timeout again, instead of only the time that is left"
        ),
        Err(RecvTimeoutError::Disconnected) => panic!("{what} panicked"),
    };
    // Never shorter than the timeout. The upper end is wide: each early
    // wake-up is one more trip through the scheduler, slow on a loaded
    // machine.
    let band = Band {
        max: Duration::from_millis(1500),
        ..Band::around(timeout)
    };
    band.assert_contains(what, took);
    value
}
