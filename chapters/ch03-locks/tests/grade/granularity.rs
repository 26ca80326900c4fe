use ch03_locks::granularity::{
    CountingMutex, atomic_add, lock_around_loop, lock_per_item, merge_at_end,
};
use grading::{Gauge, OverlapProbe, ThreadSet};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

const THREADS: usize = 4;

fn numbers() -> Vec<u64> {
    (1..=1001).collect()
}

fn double(x: u64) -> u64 {
    2 * x
}

fn expected() -> u64 {
    numbers().iter().map(|&x| double(x)).sum()
}

/// Whether `run`, given an `f` that doubles but panics on 700, called `f` on
/// 700 and then panicked itself.
fn panics_with_f(run: impl FnOnce(&(dyn Fn(u64) -> u64 + Sync))) -> bool {
    let reached = AtomicBool::new(false);
    let f = |x: u64| {
        if x == 700 {
            reached.store(true, Ordering::SeqCst);
            panic!("f cannot take 700");
        }
        double(x)
    };
    let panicked = panic::catch_unwind(AssertUnwindSafe(|| run(&f))).is_err();
    panicked && reached.load(Ordering::SeqCst)
}

grading::graded! {
    fn lock_per_item_sums_right_and_locks_once_per_number() {
        let total = CountingMutex::new(0);
        lock_per_item(&numbers(), THREADS, &total, double);
        assert_eq!(
            total.locks(),
            numbers().len(),
            "lock_per_item takes the lock once per number, {} times in all",
            numbers().len()
        );
        assert_eq!(total.into_inner(), expected(), "lock_per_item's total is the sum of f(x) over every number");
    }

    fn lock_per_item_computes_at_the_same_time_on_every_thread() {
        let (probe, threads) = (OverlapProbe::new(THREADS), ThreadSet::new());
        let total = CountingMutex::new(0);
        lock_per_item(&numbers(), THREADS, &total, |x| {
            threads.record();
            probe.arrive();
            double(x)
        });
        probe.assert_overlapped("lock_per_item: f runs outside the lock");
        assert_eq!(threads.len(), THREADS, "lock_per_item calls f on {THREADS} threads, one per part");
        assert_eq!(total.into_inner(), expected(), "adds made at the same time were lost");
    }

    fn lock_around_loop_sums_right_and_locks_once_per_thread() {
        let total = CountingMutex::new(0);
        lock_around_loop(&numbers(), THREADS, &total, double);
        assert_eq!(total.locks(), THREADS, "lock_around_loop takes the lock once per thread, {THREADS} times in all");
        assert_eq!(total.into_inner(), expected(), "lock_around_loop's total is the sum of f(x) over every number");
    }

    fn lock_around_loop_runs_the_threads_one_at_a_time() {
        let (gauge, threads) = (Gauge::new(), ThreadSet::new());
        lock_around_loop(&numbers(), THREADS, &CountingMutex::new(0), |x| {
            let _inside = gauge.enter();
            threads.record();
            x
        });
        assert_eq!(threads.len(), THREADS, "one thread per part");
        assert_eq!(gauge.peak(), 1, "the lock around the loop serialises the threads");
    }

    fn atomic_add_sums_right_at_the_same_time() {
        let total = AtomicU64::new(0);
        atomic_add(&numbers(), THREADS, &total, double);
        assert_eq!(
            total.load(Ordering::Relaxed),
            expected(),
            "atomic_add's total is the sum of f(x) over every number"
        );

        // Every thread is inside f at the same moment: an add split into a
        // load before f and a store after it loses the others' adds.
        let (probe, threads) = (OverlapProbe::new(THREADS), ThreadSet::new());
        let total = AtomicU64::new(0);
        atomic_add(&numbers(), THREADS, &total, |x| {
            threads.record();
            probe.arrive();
            double(x)
        });
        probe.assert_overlapped("atomic_add");
        assert_eq!(threads.len(), THREADS, "atomic_add calls f on {THREADS} threads, one per part");
        assert_eq!(
            total.into_inner(),
            expected(),
            "adds made at the same time were lost: add f(x) in one atomic step"
        );
    }

    fn merge_at_end_sums_right_at_the_same_time() {
        assert_eq!(
            merge_at_end(&numbers(), THREADS, double),
            expected(),
            "merge_at_end returns the sum of f(x) over every number"
        );
        let (probe, threads) = (OverlapProbe::new(THREADS), ThreadSet::new());
        let sum = merge_at_end(&numbers(), THREADS, |x| {
            threads.record();
            probe.arrive();
            double(x)
        });
        probe.assert_overlapped("merge_at_end");
        assert_eq!(threads.len(), THREADS, "merge_at_end calls f on {THREADS} threads, one per part");
        assert_eq!(sum, expected(), "merge_at_end adds up the partial sums of all {THREADS} threads");
    }

    fn every_strategy_handles_fewer_numbers_than_threads() {
        let few = [5, 6];
        let total = CountingMutex::new(0);
        lock_per_item(&few, THREADS, &total, double);
        assert_eq!(total.into_inner(), 22, "lock_per_item of [5, 6] over {THREADS} threads: f(5) + f(6) = 22");
        let total = CountingMutex::new(0);
        lock_around_loop(&few, THREADS, &total, double);
        assert_eq!(total.into_inner(), 22, "lock_around_loop of [5, 6] over {THREADS} threads: f(5) + f(6) = 22");
        let total = AtomicU64::new(0);
        atomic_add(&few, THREADS, &total, double);
        assert_eq!(total.into_inner(), 22, "atomic_add of [5, 6] over {THREADS} threads: f(5) + f(6) = 22");
        assert_eq!(
            merge_at_end(&few, THREADS, double),
            22,
            "merge_at_end of [5, 6] over {THREADS} threads: f(5) + f(6) = 22"
        );
    }

    fn every_strategy_handles_no_numbers() {
        let total = CountingMutex::new(0);
        lock_per_item(&[], THREADS, &total, double);
        assert_eq!((total.locks(), total.into_inner()), (0, 0), "lock_per_item: no numbers, no locks");
        let total = CountingMutex::new(0);
        lock_around_loop(&[], THREADS, &total, double);
        assert_eq!(total.into_inner(), 0, "lock_around_loop of no numbers leaves the total at 0");
        let total = AtomicU64::new(0);
        atomic_add(&[], THREADS, &total, double);
        assert_eq!(total.into_inner(), 0, "atomic_add of no numbers leaves the total at 0");
        assert_eq!(merge_at_end(&[], THREADS, double), 0, "merge_at_end of no numbers returns 0");
    }

    fn when_f_panics_every_strategy_panics_too() {
        assert!(
            panics_with_f(|f| lock_per_item(&numbers(), THREADS, &CountingMutex::new(0), f)),
            "lock_per_item must panic when f panics"
        );
        assert!(
            panics_with_f(|f| lock_around_loop(&numbers(), THREADS, &CountingMutex::new(0), f)),
            "lock_around_loop must panic when f panics"
        );
        assert!(
            panics_with_f(|f| atomic_add(&numbers(), THREADS, &AtomicU64::new(0), f)),
            "atomic_add must panic when f panics"
        );
        assert!(
            panics_with_f(|f| {
                merge_at_end(&numbers(), THREADS, f);
            }),
            "merge_at_end must panic when f panics: the sum it returned lacks a part"
        );
    }
}
