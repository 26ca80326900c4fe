use ch07_gil::contention::{
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
                    "{strategy:?} on {threads} thread(s)"
                );
            }
        }
    }

    fn every_strategy_runs_on_its_threads() {
        for strategy in Strategy::ALL {
            let probe = OverlapProbe::new(2);
            let threads = ThreadSet::new();
            let sum = total(strategy, 2, 1000, |i| {
                threads.record();
                if first_call_on_this_thread() {
                    probe.arrive();
                }
                i
            });
            assert_eq!(sum, 999 * 1000 / 2, "{strategy:?}");
            probe.assert_overlapped(&format!("{strategy:?} on two threads"));
            assert_eq!(threads.len(), 2, "{strategy:?} ran on {} thread(s), not 2", threads.len());
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
        assert_eq!(sharded.sum(), 10_000);
        sharded.add(5, 1);
        assert_eq!(sharded.shards()[1], 2001, "shard numbers wrap around");
        assert_eq!(ShardedTotal::new(0).shards().len(), 1, "at least one shard");
    }

    fn padded_counters_sit_on_separate_cache_lines() {
        let padded = PaddedCounters::new(4);
        let packed = PackedCounters::new(4);
        let address = |c: &std::sync::atomic::AtomicU64| c as *const _ as usize;
        for i in 0..3 {
            let gap = address(padded.slot(i + 1)) - address(padded.slot(i));
            assert!(gap >= 64, "padded counters {i} and {} are {gap} bytes apart, closer than a cache line", i + 1);
            assert_eq!(address(padded.slot(i)) % 64, 0, "padded counter {i} does not start a cache line");
            // The counterexample: plain counters sit side by side.
            assert_eq!(address(packed.slot(i + 1)) - address(packed.slot(i)), 8);
        }
        assert_eq!(count_each::<PaddedCounters>(4, 10_000), [10_000; 4]);
        assert_eq!(count_each::<PackedCounters>(4, 10_000), [10_000; 4]);
    }
}
