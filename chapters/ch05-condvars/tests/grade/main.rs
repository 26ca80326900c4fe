//! The graded tests of chapter 5, condition variables and coordination.
//!
//! One module per exercise; `cargo xtask check ch05-condvars` runs them and
//! reports per exercise. The same file grades your crate (`ch05-condvars`)
//! and the reference solution (`ch05-condvars-solution`).
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

/// Waits until threads have gone to sleep at least `n` times on the
/// condition variables counted in `counts` (their waits, less the wake-ups
/// the grading build made up), or until `ended` says a thread that should be
/// waiting has returned instead; the caller then checks which.
///
/// `look` calls the code under test in a way that takes its lock, and the
/// count is read again after it: a made-up wake-up counts as a sleep for a
/// moment while its thread still holds the lock. Once this returns without
/// `ended`, those threads are asleep for real, and only a notification (or a
/// timeout) wakes them.
///
/// # Panics
///
/// With a message for the learner, when the code takes no lock of the given
/// `crate::sync` (the tests watch its `Mutex` and `Condvar`), or when after
/// two seconds nobody sleeps on its `Condvar`: a call that polls, or sleeps,
/// instead of waiting.
#[track_caller]
pub fn until_asleep<T>(counts: &Counts, n: usize, look: impl Fn() -> T, ended: impl Fn() -> bool) {
    let sleeps = || counts.waits().saturating_sub(counts.made_up_wakeups());
    let started = Instant::now();
    loop {
        if ended() {
            return;
        }
        if sleeps() >= n {
            look();
            if sleeps() >= n {
                return;
            }
        }
        if started.elapsed() > Duration::from_secs(2) {
            look();
            assert!(
                counts.locks() > 0,
                "the code took no lock of the given `crate::sync::Mutex`: the tests watch its \
                 `Mutex` and `Condvar` to see how your code waits, so use those (they are std's)"
            );
            panic!(
                "after 2 s, {} of the {n} expected waits were asleep on a `Condvar` of the given \
                 `crate::sync`: a call that must wait should wait on it, not poll or sleep",
                sleeps()
            );
        }
        thread::yield_now();
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
