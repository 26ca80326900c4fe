//! Helpers the chapter's tests share (not an exercise).

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::ScopedJoinHandle;
use std::time::{Duration, Instant};

/// How long a test lets a thread wait for something the GIL should give it
/// before it stops and reports what it saw.
pub const CAP: Duration = Duration::from_secs(2);

/// Busy-works for `length`: a step of CPU-bound "bytecode".
pub fn spin(length: Duration) {
    let until = Instant::now() + length;
    while Instant::now() < until {
        std::hint::spin_loop();
    }
}

/// Polls `condition` until it holds or `CAP` runs out; returns whether it
/// held.
pub fn eventually(condition: impl Fn() -> bool) -> bool {
    let until = Instant::now() + CAP;
    while Instant::now() < until {
        if condition() {
            return true;
        }
        std::thread::yield_now();
    }
    condition()
}

thread_local! {
    /// Whether this thread has called [`first_call_on_this_thread`] before.
    static SEEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True the first time a thread calls it: lets a workload arrive at an
/// overlap probe once per thread, whoever spawned the thread.
pub fn first_call_on_this_thread() -> bool {
    !SEEN.with(|seen| seen.replace(true))
}

/// Waits until `flag` is set or `thread` has ended; returns whether the flag
/// is set. A thread that panicked (say, on a `todo!()`) ends the wait at
/// once instead of leaving the test to its deadline.
pub fn set_or_ended<T>(flag: &AtomicBool, thread: &ScopedJoinHandle<'_, T>) -> bool {
    grading::wait_until(|| flag.load(Ordering::SeqCst) || thread.is_finished());
    flag.load(Ordering::SeqCst)
}
