//! Exercise `spot_the_bug` (T9): threads that were meant to run together.
//!
//! A classic mistake in any language: start a thread and wait for it in the
//! same loop iteration. Every thread is joined before the next one starts, so
//! the program is as slow as the sequential one, with extra steps. The
//! starter has this bug; the fix starts all the threads first, then joins.

use std::thread;

/// Whether a host answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The host that was checked.
    pub host: String,
    /// Whether it answered.
    pub up: bool,
}

// ANCHOR: check_all
/// Checks every host with `check`, all at the same time, and returns their
/// statuses in the order of `hosts`.
pub fn check_all<F>(hosts: &[&str], check: F) -> Vec<Status>
where
    F: Fn(&str) -> bool + Sync,
{
    let check = &check;
    thread::scope(|scope| {
        // Start every check...
        let running: Vec<_> = hosts
            .iter()
            .map(|&host| (host, scope.spawn(move || check(host))))
            .collect();
        // ...and only then wait for them.
        running
            .into_iter()
            .map(|(host, handle)| Status {
                host: host.to_owned(),
                up: handle.join().expect("a check panicked"),
            })
            .collect()
    })
}
// ANCHOR_END: check_all
