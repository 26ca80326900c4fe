use ch02_locks::granularity::{
    CountingMutex, atomic_add, lock_around_loop, lock_per_item, merge_at_end,
};
use grading::{Gauge, OverlapProbe, ThreadSet};
use std::sync::atomic::{AtomicU64, Ordering};

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

grading::graded! {
    fn lock_per_item_sums_right_and_locks_once_per_number() {
        let total = CountingMutex::new(0);
        lock_per_item(&numbers(), THREADS, &total, double);
        assert_eq!(total.locks(), numbers().len());
        assert_eq!(total.into_inner(), expected());
    }

    fn lock_per_item_computes_at_the_same_time_on_every_thread() {
        let (probe, threads) = (OverlapProbe::new(THREADS), ThreadSet::new());
        lock_per_item(&numbers(), THREADS, &CountingMutex::new(0), |x| {
            threads.record();
            probe.arrive();
            x
        });
        probe.assert_overlapped("lock_per_item: f runs outside the lock");
        assert_eq!(threads.len(), THREADS);
    }

    fn lock_around_loop_sums_right_and_locks_once_per_thread() {
        let total = CountingMutex::new(0);
        lock_around_loop(&numbers(), THREADS, &total, double);
        assert_eq!(total.locks(), THREADS);
        assert_eq!(total.into_inner(), expected());
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
        assert_eq!(total.load(Ordering::Relaxed), expected());

        let (probe, threads) = (OverlapProbe::new(THREADS), ThreadSet::new());
        atomic_add(&numbers(), THREADS, &AtomicU64::new(0), |x| {
            threads.record();
            probe.arrive();
            x
        });
        probe.assert_overlapped("atomic_add");
        assert_eq!(threads.len(), THREADS);
    }

    fn merge_at_end_sums_right_at_the_same_time() {
        assert_eq!(merge_at_end(&numbers(), THREADS, double), expected());
        let (probe, threads) = (OverlapProbe::new(THREADS), ThreadSet::new());
        merge_at_end(&numbers(), THREADS, |x| {
            threads.record();
            probe.arrive();
            x
        });
        probe.assert_overlapped("merge_at_end");
        assert_eq!(threads.len(), THREADS);
    }

    fn every_strategy_handles_fewer_numbers_than_threads() {
        let few = [5, 6];
        let total = CountingMutex::new(0);
        lock_per_item(&few, THREADS, &total, double);
        assert_eq!(total.into_inner(), 22);
        let total = CountingMutex::new(0);
        lock_around_loop(&few, THREADS, &total, double);
        assert_eq!(total.into_inner(), 22);
        let total = AtomicU64::new(0);
        atomic_add(&few, THREADS, &total, double);
        assert_eq!(total.into_inner(), 22);
        assert_eq!(merge_at_end(&few, THREADS, double), 22);
        assert_eq!(merge_at_end(&[], THREADS, double), 0);
    }
}
