//! Time in tests, only as a wide sanity band.
//!
//! A test that asserts "this took less than 12 ms" fails on a busy machine.
//! Tests here only check that a duration is in a wide band around what the
//! design implies; the proof that work overlapped comes from an
//! [`OverlapProbe`](crate::OverlapProbe), and speed from the benchmarks.

use std::time::{Duration, Instant};

/// A range of durations a measured time must fall in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// The shortest acceptable duration.
    pub min: Duration,
    /// The longest acceptable duration.
    pub max: Duration,
}

impl Band {
    /// The band for work that should take about `expected`: at least
    /// `expected` (sleeps never end early), at most three times that plus a
    /// quarter second of slack for a loaded machine.
    pub fn around(expected: Duration) -> Self {
        Band {
            min: expected.mul_f64(0.99),
            max: expected * 3 + Duration::from_millis(250),
        }
    }

    /// Any duration up to `max`.
    pub fn under(max: Duration) -> Self {
        Band {
            min: Duration::ZERO,
            max,
        }
    }

    /// Whether `elapsed` is in the band.
    pub fn contains(&self, elapsed: Duration) -> bool {
        self.min <= elapsed && elapsed <= self.max
    }

    /// Fails the test, naming `what`, unless `elapsed` is in the band.
    #[track_caller]
    pub fn assert_contains(&self, what: &str, elapsed: Duration) {
        assert!(
            self.contains(elapsed),
            "{what} took {elapsed:?}, expected between {:?} and {:?}",
            self.min,
            self.max
        );
    }
}

/// The processor time the calling thread has used so far
/// (`CLOCK_THREAD_CPUTIME_ID`): it grows while the thread runs or spins, not
/// while it sleeps, nor while other programs have the processor.
#[cfg(unix)]
pub fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to write into.
    let result = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(result, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(
        u64::try_from(now.tv_sec).expect("a time since the thread began"),
        u32::try_from(now.tv_nsec).expect("nanoseconds under a second"),
    )
}

/// Runs `f` and returns its value with the time it took.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = f();
    (value, started.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn around_is_wide_and_never_below_the_expected_time() {
        let band = Band::around(Duration::from_millis(100));
        assert!(band.contains(Duration::from_millis(100)));
        assert!(band.contains(Duration::from_millis(500)));
        assert!(!band.contains(Duration::from_millis(50)));
        assert!(!band.contains(Duration::from_millis(600)));
    }

    #[test]
    #[should_panic(expected = "sleeping took 1s, expected between 0ns and 10ms")]
    fn names_what_was_too_slow() {
        Band::under(Duration::from_millis(10)).assert_contains("sleeping", Duration::from_secs(1));
    }

    #[test]
    fn timed_measures_at_least_a_sleep() {
        let ((), took) = timed(|| std::thread::sleep(Duration::from_millis(5)));
        assert!(took >= Duration::from_millis(5));
    }
}
