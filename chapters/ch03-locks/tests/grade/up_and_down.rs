use ch03_locks::up_and_down::SharedCounter;
use grading::run_together;
use grading::sync::counted;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

const TIMES: usize = 100_000;

/// How long two threads may step before they must have met at the lock.
const PATIENCE: Duration = Duration::from_secs(2);

/// Two threads call `step` until one of them has found the lock taken and
/// waited in `lock()` for it (or `PATIENCE` runs out). Returns how many steps
/// they made and how many times a `lock()` had to wait.
fn step_until_they_meet(step: fn(&SharedCounter)) -> (i64, i64, usize) {
    let (counter, counts) = counted(SharedCounter::new);
    let steps = AtomicI64::new(0);
    let started = Instant::now();
    run_together(2, |_| {
        while counts.contended() == 0 && started.elapsed() < PATIENCE {
            (0..100).for_each(|_| step(&counter));
            steps.fetch_add(100, Ordering::Relaxed);
        }
    });
    assert!(
        counts.locks() > 0,
        "keep the value behind the given `Mutex` (`use crate::sync::Mutex`): the tests count its locks"
    );
    (counter.get(), steps.into_inner(), counts.contended())
}

grading::graded! {
    fn one_thread_up_and_one_down_end_at_zero() {
        let counter = SharedCounter::new();
        run_together(2, |i| {
            for _ in 0..TIMES {
                if i == 0 { counter.incr() } else { counter.decr() }
            }
        });
        assert_eq!(counter.get(), 0, "some increments or decrements were lost");
    }

    fn eight_threads_up_count_every_step() {
        let counter = SharedCounter::new();
        run_together(8, |_| (0..TIMES / 10).for_each(|_| counter.incr()));
        assert_eq!(
            counter.get(),
            8 * (TIMES / 10) as i64,
            "8 threads each call incr {} times, and every one counts",
            TIMES / 10
        );
    }

    fn eight_threads_down_count_every_step() {
        let counter = SharedCounter::new();
        run_together(8, |_| (0..TIMES / 10).for_each(|_| counter.decr()));
        assert_eq!(
            counter.get(),
            -8 * (TIMES / 10) as i64,
            "8 threads each call decr {} times, and every one counts",
            TIMES / 10
        );
    }

    fn when_the_lock_is_taken_incr_waits_for_it() {
        let (value, steps, waited) = step_until_they_meet(SharedCounter::incr);
        assert!(
            waited > 0,
            "two threads calling incr for {PATIENCE:?} never waited in `lock()`: when the lock is taken, \
             wait for it instead of trying again later"
        );
        assert_eq!(value, steps, "some increments were lost");
    }

    fn when_the_lock_is_taken_decr_waits_for_it() {
        let (value, steps, waited) = step_until_they_meet(SharedCounter::decr);
        assert!(
            waited > 0,
            "two threads calling decr for {PATIENCE:?} never waited in `lock()`: when the lock is taken, \
             wait for it instead of trying again later"
        );
        assert_eq!(value, -steps, "some decrements were lost");
    }

    fn incr_and_decr_move_by_one() {
        let counter = SharedCounter::new();
        assert_eq!(counter.get(), 0, "a new counter is at zero");
        counter.incr();
        counter.incr();
        assert_eq!(counter.get(), 2, "two incr from zero make 2");
        counter.decr();
        counter.decr();
        counter.decr();
        assert_eq!(counter.get(), -1, "three decr from 2 make -1");
    }
}
