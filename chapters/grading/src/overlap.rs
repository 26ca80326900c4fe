//! Proof that several threads were alive at the same time.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// A barrier that gives up: proves that `k` threads were running at once.
///
/// Each thread under test calls [`arrive`](OverlapProbe::arrive) from inside
/// the work it does. The first `k - 1` arrivals wait for the others; when the
/// `k`-th arrives, all of them are alive at that instant, which sequential code
/// can never achieve. If an arrival waits longer than `patience`, the probe
/// records that the threads did *not* overlap and stops making anyone wait,
/// so sequential code fails the test quickly instead of deadlocking.
///
/// Arrivals after the verdict return at once.
#[derive(Debug)]
pub struct OverlapProbe {
    k: usize,
    patience: Duration,
    state: Mutex<State>,
    verdict: Condvar,
}

#[derive(Debug, Default)]
struct State {
    arrived: usize,
    waiting: usize,
    most_together: usize,
    overlapped: Option<bool>,
}

impl OverlapProbe {
    /// A probe for `k` threads with two seconds of patience: generous for a
    /// loaded machine, short enough that sequential code fails fast.
    pub fn new(k: usize) -> Self {
        Self::with_patience(k, Duration::from_secs(2))
    }

    /// A probe for `k` threads that waits at most `patience` for them.
    ///
    /// # Panics
    ///
    /// When `k` is zero.
    pub fn with_patience(k: usize, patience: Duration) -> Self {
        assert!(k > 0, "an overlap probe needs at least one thread");
        OverlapProbe {
            k,
            patience,
            state: Mutex::new(State::default()),
            verdict: Condvar::new(),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panicking test thread must not hide the probe's own verdict.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Waits until `k` threads have arrived, or until patience runs out.
    /// Returns whether the `k` threads overlapped.
    pub fn arrive(&self) -> bool {
        let mut state = self.state();
        state.arrived += 1;
        if let Some(verdict) = state.overlapped {
            return verdict;
        }
        state.most_together = state.most_together.max(state.waiting + 1);
        if state.waiting + 1 >= self.k {
            state.overlapped = Some(true);
            self.verdict.notify_all();
            return true;
        }
        state.waiting += 1;
        let (mut state, _) = self
            .verdict
            .wait_timeout_while(state, self.patience, |s| s.overlapped.is_none())
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        state.waiting -= 1;
        if state.overlapped.is_none() {
            // Patience ran out: release everyone, the threads did not overlap.
            state.overlapped = Some(false);
            self.verdict.notify_all();
        }
        state.overlapped == Some(true)
    }

    /// How many threads have arrived so far.
    pub fn arrivals(&self) -> usize {
        self.state().arrived
    }

    /// Whether `k` threads were ever waiting here at the same time.
    pub fn overlapped(&self) -> bool {
        self.state().overlapped == Some(true)
    }

    /// Fails the test, naming `what`, unless `k` threads overlapped.
    ///
    /// # Panics
    ///
    /// When they did not overlap, with how many were seen together at most.
    #[track_caller]
    pub fn assert_overlapped(&self, what: &str) {
        let state = self.state();
        assert!(
            state.overlapped == Some(true),
            "{what}: expected {} threads running at the same time, but at most {} were \
             (of {} that arrived): the work ran one after another",
            self.k,
            state.most_together,
            state.arrived,
        );
    }
}

impl OverlapProbe {
    /// Fails the test, naming `what`, if `k` threads ever waited here at once.
    ///
    /// Put a probe for 2 inside a critical section: with real exclusion the
    /// first arrival waits out its patience alone and the probe reports no
    /// overlap; without it, a second thread arrives and the two meet.
    ///
    /// # Panics
    ///
    /// When they overlapped.
    #[track_caller]
    pub fn assert_exclusive(&self, what: &str) {
        assert!(
            !self.overlapped(),
            "{what}: {} threads were inside at the same time; the lock does not cover it",
            self.k
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::thread;
    use std::time::Instant;

    #[test]
    fn concurrent_threads_overlap() {
        let probe = OverlapProbe::new(3);
        thread::scope(|s| {
            for _ in 0..3 {
                s.spawn(|| assert!(probe.arrive()));
            }
        });
        probe.assert_overlapped("three scoped threads");
        assert_eq!(probe.arrivals(), 3);
    }

    #[test]
    fn sequential_arrivals_do_not_overlap_and_do_not_hang() {
        let patience = Duration::from_millis(50);
        let probe = OverlapProbe::with_patience(3, patience);
        let started = Instant::now();
        let probe = std::sync::Arc::new(probe);
        for _ in 0..3 {
            // Start and join in the same loop: the threads never overlap.
            let probe = probe.clone();
            thread::spawn(move || probe.arrive()).join().unwrap();
        }
        assert!(!probe.overlapped());
        // Only the first arrival waits out its patience.
        assert!(started.elapsed() < patience * 20);
        let failure = std::panic::catch_unwind(|| probe.assert_overlapped("joined in the loop"));
        let message = *failure.unwrap_err().downcast::<String>().unwrap();
        assert!(message.contains("at most 1 were"), "{message}");
    }

    #[test]
    fn a_probe_inside_a_lock_sees_one_thread_at_a_time() {
        let probe = OverlapProbe::with_patience(2, Duration::from_millis(50));
        let lock = std::sync::Mutex::new(());
        thread::scope(|s| {
            for _ in 0..3 {
                s.spawn(|| {
                    let _held = lock.lock().unwrap();
                    probe.arrive();
                });
            }
        });
        probe.assert_exclusive("a mutex");
    }

    #[test]
    fn late_arrivals_pass_straight_through() {
        let probe = OverlapProbe::new(1);
        assert!(probe.arrive());
        assert!(probe.arrive());
        assert_eq!(probe.arrivals(), 2);
    }
}
