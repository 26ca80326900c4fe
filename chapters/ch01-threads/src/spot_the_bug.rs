//! Exercise `spot_the_bug` (T9): threads that were meant to run together.
//!
//! This one compiles, gives the right answers, and is wrong: the checks were
//! meant to run at the same time, and they do not. Time it against a version
//! without threads, then find out why.
//!
//! Your task: fix [`check_all`] so the checks overlap.

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
    let mut statuses = Vec::new();
    thread::scope(|scope| {
        for &host in hosts {
            // TODO: this loop has the bug. When does the next check start?
            let handle = scope.spawn(move || check(host));
            let up = handle.join().expect("a check panicked");
            statuses.push(Status {
                host: host.to_owned(),
                up,
            });
        }
    });
    statuses
}
// ANCHOR_END: check_all
