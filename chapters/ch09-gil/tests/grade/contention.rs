use ch09_gil::contention::{
    Counters, PackedCounters, PaddedCounters, ShardedTotal, Strategy, count_each, total,
};
use grading::{OverlapProbe, ThreadSet, run_together};

use crate::support::first_call_on_this_thread;

grading::graded! {
    fn every_strategy_adds_up_right() {
        let n: u64 = 10_001;
        let expected = 3 * n * (n - 1) / 2;
        for strategy in Strategy::ALL {
            for threads in 1..=4 {
                assert_eq!(
                    total(strategy, threads, n, |i| 3 * i),
                    expected,
                    "{strategy:?} on {threads} thread(s) must give the exact total of 3 * i for every i below {n}"
                );
            }
        }
    }

    fn every_strategy_runs_on_its_threads() {
        // Two and three threads: a pool of its own size, not the machine's.
        for n_threads in [2, 3] {
            for strategy in Strategy::ALL {
                let probe = OverlapProbe::new(n_threads);
                let threads = ThreadSet::new();
                // Each thread's first item waits for the others, so their
                // first updates meet.
                let sum = total(strategy, n_threads, 1000, |i| {
                    threads.record();
                    if first_call_on_this_thread() {
                        probe.arrive();
                    }
                    i + 1
                });
                assert_eq!(
                    sum,
                    1000 * 1001 / 2,
                    "{strategy:?} on {n_threads} threads, whose first updates met, gave the wrong total"
                );
                probe.assert_overlapped(&format!("{strategy:?} on {n_threads} threads"));
                assert_eq!(
                    threads.len(),
                    n_threads,
                    "{strategy:?} ran on {} thread(s), not {n_threads}",
                    threads.len()
                );
            }
        }
    }

    fn no_update_is_lost_when_every_thread_locks_for_each_item() {
        // A million updates from four threads: enough for them to meet
        // between a read and its write, also when they share one core.
        let n = 1_000_000;
        for strategy in [Strategy::GlobalMutex, Strategy::ParkingLot] {
            let sum = total(strategy, 4, n, |_| 1);
            assert_eq!(sum, n, "{strategy:?} on 4 threads lost {} of {n} updates: read and write under one lock", n - sum);
        }
    }

    fn each_shard_holds_what_its_thread_added() {
        let sharded = ShardedTotal::new(4);
        run_together(4, |t| {
            for _ in 0..1000 {
                sharded.add(t, t as u64 + 1);
            }
        });
        assert_eq!(sharded.shards(), [1000, 2000, 3000, 4000], "thread t adds to shard t");
        assert_eq!(sharded.sum(), 10_000, "sum() adds up every shard: 1000 + 2000 + 3000 + 4000");
        sharded.add(5, 1);
        assert_eq!(sharded.shards()[1], 2001, "shard numbers wrap around");
        assert_eq!(ShardedTotal::new(0).shards().len(), 1, "at least one shard");
    }

    fn padded_counters_sit_on_separate_cache_lines() {
        let packed = PackedCounters::new(4);
        let address = |c: &std::sync::atomic::AtomicU64| c as *const _ as usize;
        // Many sets at once: a counter that is not aligned cannot start a
        // cache line in all of them by luck.
        let sets: Vec<PaddedCounters> = (1..=16).map(PaddedCounters::new).collect();
        for (set, padded) in sets.iter().enumerate() {
            let n = set + 1;
            for i in 0..n {
                assert_eq!(address(padded.slot(i)) % 64, 0, "padded counter {i} of {n} does not start a cache line");
                if i + 1 < n {
                    let gap = address(padded.slot(i + 1)).abs_diff(address(padded.slot(i)));
                    assert!(gap >= 64, "padded counters {i} and {} are {gap} bytes apart, closer than a cache line", i + 1);
                }
            }
        }
        for i in 0..3 {
            // The counterexample: plain counters sit side by side.
            assert_eq!(
                address(packed.slot(i + 1)) - address(packed.slot(i)),
                8,
                "the given PackedCounters sit side by side, 8 bytes apart"
            );
        }
        assert_eq!(
            count_each::<PaddedCounters>(4, 10_000),
            [10_000; 4],
            "each of four threads counts 10 000 on its own padded counter, and slot(i) gives counter i back"
        );
        assert_eq!(
            count_each::<PackedCounters>(4, 10_000),
            [10_000; 4],
            "each of four threads counts 10 000 on its own packed counter"
        );
    }
}
