//! Start many threads at the same moment.

use std::sync::Barrier;
use std::thread;

/// Runs `work(i)` on `threads` scoped threads that all wait at a barrier until
/// every one of them exists, so they start as close together as the machine
/// allows; returns when all are done.
///
/// Tests use it to create contention themselves: the code under test cannot
/// make it sequential.
pub fn run_together(threads: usize, work: impl Fn(usize) + Sync) {
    let start = Barrier::new(threads);
    let (start, work) = (&start, &work);
    thread::scope(|scope| {
        for i in 0..threads {
            scope.spawn(move || {
                start.wait();
                work(i);
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OverlapProbe;

    #[test]
    fn every_thread_runs_and_they_overlap() {
        let probe = OverlapProbe::new(8);
        run_together(8, |_| {
            probe.arrive();
        });
        probe.assert_overlapped("run_together");
        assert_eq!(probe.arrivals(), 8);
    }
}
