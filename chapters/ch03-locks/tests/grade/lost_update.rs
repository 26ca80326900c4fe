use ch03_locks::lost_update::{Counter, RacyCounter, in_threads};
use grading::{Band, Gauge, OverlapProbe, run_together, timed};
use std::thread;
use std::time::Duration;

/// The slow work of one increment in the timed test.
const PAUSE: Duration = Duration::from_millis(5);

grading::graded! {
    fn the_given_racy_counter_and_in_threads_do_what_they_say() {
        // The counterexample counts right when nothing races it...
        let racy = RacyCounter::new();
        racy.increment_slowly(|| ());
        racy.increment_slowly(|| ());
        assert_eq!(racy.get(), 2, "the given RacyCounter counts right when nothing races it: two increments make 2");
        // ...and `in_threads` runs the work once per thread, all at once.
        let probe = OverlapProbe::new(3);
        let counter = Counter::new();
        in_threads(3, || {
            probe.arrive();
            counter.increment_slowly(|| ());
        });
        probe.assert_overlapped("in_threads(3, ...)");
        assert_eq!(counter.get(), 3, "in_threads(3, ...) runs the work once on each of 3 threads: 3 increments");
    }

    fn a_thousand_slow_increments_are_all_counted() {
        let counter = Counter::new();
        run_together(1000, |_| counter.increment_slowly(|| thread::sleep(Duration::from_micros(50))));
        assert_eq!(counter.get(), 1000, "increments were lost");
    }

    fn only_one_thread_is_ever_between_the_read_and_the_write() {
        let counter = Counter::new();
        let (gauge, probe) = (Gauge::new(), OverlapProbe::with_patience(2, Duration::from_millis(500)));
        run_together(8, |_| {
            counter.increment_slowly(|| {
                let _inside = gauge.enter();
                probe.arrive();
            })
        });
        probe.assert_exclusive("increment_slowly");
        assert_eq!(gauge.peak(), 1, "never two threads between the read and the write: call pause under the lock");
        assert_eq!(counter.get(), 8, "one increment from each of 8 threads makes 8");
    }

    fn queued_increments_go_ahead_as_soon_as_the_lock_is_free() {
        // Ten increments queue for the lock and pause 5 ms each inside it: about
        // 50 ms in all. A thread that finds the lock taken must wait for it in
        // `lock()`; trying again after a sleep costs that sleep on every turn.
        let counter = Counter::new();
        let ((), took) = timed(|| run_together(10, |_| counter.increment_slowly(|| thread::sleep(PAUSE))));
        Band::around(PAUSE * 10).assert_contains("ten increments of 5 ms each, queued for one lock,", took);
        assert_eq!(counter.get(), 10, "ten increments queued for the lock make 10");
    }

    fn a_panicking_pause_loses_only_its_own_increment() {
        let counter = Counter::new();
        counter.increment_slowly(|| ());
        thread::scope(|scope| {
            // The sheet leaves open whether the panic reaches this thread.
            let _ = scope.spawn(|| counter.increment_slowly(|| panic!("the pause failed"))).join();
        });
        assert_eq!(counter.get(), 1, "the increment whose pause panicked must not count");
        run_together(4, |_| counter.increment_slowly(|| ()));
        assert_eq!(counter.get(), 5, "increments after a panicked pause must still count");
    }

    fn the_pause_runs_once_per_increment() {
        let counter = Counter::new();
        let gauge = Gauge::new();
        for _ in 0..3 {
            counter.increment_slowly(|| drop(gauge.enter()));
        }
        assert_eq!(
            (gauge.entries(), counter.get()),
            (3, 3),
            "(pauses, count): three increments call pause once each and count 3"
        );
    }

    fn a_new_counter_is_zero() {
        assert_eq!(Counter::new().get(), 0, "a new counter is zero");
    }
}
