//! Waiting for a condition that the code under test will make true.

use std::thread;

/// Spins, yielding, until `condition` holds.
///
/// For states a test can observe but not be notified of, such as "two
/// threads are waiting in `take`". It has no limit of its own: inside a
/// graded test, the deadline watchdog bounds it, and a condition that never
/// comes is reported as a probable deadlock.
pub fn wait_until(condition: impl Fn() -> bool) {
    while !condition() {
        thread::yield_now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn returns_once_another_thread_makes_it_true() {
        let flag = AtomicBool::new(false);
        thread::scope(|s| {
            s.spawn(|| flag.store(true, Ordering::SeqCst));
            wait_until(|| flag.load(Ordering::SeqCst));
        });
    }
}
