//! The tasks the course's worker process can run. (Given.)
//!
//! Each is a plain function registered by name: what crosses to the worker is
//! the name and the serialised argument, never code.

use std::fs;
use std::thread;
use std::time::Duration;

use crate::protocol::Registry;

// ANCHOR: course_registry
/// Every task the `lockstep-worker` binary knows.
pub fn course_registry() -> Registry {
    let mut registry = Registry::new();
    registry.register("square", square);
    registry.register("collatz_steps", collatz_steps);
    registry.register("file_size", file_size);
    registry.register("sleep_ms", sleep_ms);
    registry.register("square_or_panic", square_or_panic);
    registry.register("square_or_abort", square_or_abort);
    registry
}
// ANCHOR_END: course_registry

/// `x * x`: the tiny task of the measurements.
pub fn square(x: u64) -> u64 {
    x.wrapping_mul(x)
}

/// The steps of the Collatz sequence from `n` down to 1: CPU-bound work
/// whose cost varies with `n`.
pub fn collatz_steps(mut n: u64) -> u64 {
    let mut steps = 0;
    while n > 1 {
        n = if n.is_multiple_of(2) {
            n / 2
        } else {
            3 * n + 1
        };
        steps += 1;
    }
    steps
}

/// The size in bytes of the file at `path`; 0 if it cannot be read.
pub fn file_size(path: String) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len())
}

/// Sleeps `millis` milliseconds and returns them.
pub fn sleep_ms(millis: u64) -> u64 {
    thread::sleep(Duration::from_millis(millis));
    millis
}

/// `x * x`, except that 13 panics: the worker catches it and lives on.
pub fn square_or_panic(x: u64) -> u64 {
    assert!(x != 13, "task failed on {x}");
    square(x)
}

/// `x * x`, except that 13 aborts the whole worker process.
pub fn square_or_abort(x: u64) -> u64 {
    if x == 13 {
        std::process::abort();
    }
    square(x)
}
