//! Helpers the chapter's tests share (not an exercise).

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
