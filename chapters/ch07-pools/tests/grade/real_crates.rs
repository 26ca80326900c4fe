use ch07_pools::real_crates::{
    default_pool_size, in_pool_of, join_sum, par_map_sum, pipeline_sum, scoped_update,
    threadpool_map,
};
use grading::{OverlapProbe, ThreadSet};
use std::process::{Command, Output};
use std::sync::Arc;

fn numbers() -> Vec<u64> {
    (1..=10_000).collect()
}

fn square(x: u64) -> u64 {
    x * x
}

fn expected() -> u64 {
    numbers().iter().map(|&x| square(x)).sum()
}

/// Set in the child process that [`in_a_child_process`] starts.
const CHILD: &str = "LOCKSTEP_CH05_CHILD";

/// Whether this is the child process of [`in_a_child_process`].
fn is_the_child() -> bool {
    std::env::var_os(CHILD).is_some()
}

/// Runs the graded test `test` alone in a child process of this test binary.
/// For calls that may end the whole program instead of panicking (a stack
/// overflow aborts, it cannot be caught): then only this test fails.
fn in_a_child_process(test: &str) -> Output {
    // The child's watchdog gives up first, so this test reports its result.
    let limit = grading::limit().mul_f64(0.6).as_secs_f64().to_string();
    Command::new(std::env::current_exe().expect("the test binary's path"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .env("LOCKSTEP_DEADLINE_SECS", limit)
        .output()
        .expect("cannot start the test binary again")
}

grading::graded! {
    fn rayon_par_iter_sums_on_every_thread_of_the_pool() {
        assert_eq!(par_map_sum(&numbers(), square), expected(), "par_map_sum of square over 1..=10000 is the sum of the squares");
        let probe = OverlapProbe::new(3);
        let total = in_pool_of(3, || par_map_sum(&numbers(), |x| { probe.arrive(); x }));
        assert_eq!(total, numbers().iter().sum::<u64>(), "par_map_sum inside in_pool_of(3, ..) gives the same sum as anywhere else");
        probe.assert_overlapped("par_iter on a pool of three");
    }

    fn rayon_join_splits_the_work() {
        assert_eq!(join_sum(&numbers(), &square), expected(), "join_sum of square over 1..=10000 is the sum of the squares");
        let probe = OverlapProbe::new(2);
        in_pool_of(2, || join_sum(&numbers(), &|x| { probe.arrive(); x }));
        probe.assert_overlapped("join on a pool of two");
    }

    fn join_sum_of_no_numbers_is_zero() {
        if is_the_child() {
            assert_eq!(join_sum(&[], &square), 0, "an empty slice sums to 0");
            assert_eq!(join_sum(&[7], &square), 49, "join_sum of one number is f of that number");
            return;
        }
        let child = in_a_child_process("real_crates::join_sum_of_no_numbers_is_zero");
        let stderr = String::from_utf8_lossy(&child.stderr);
        let said: Vec<&str> = stderr
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with("note:"))
            .collect();
        assert!(
            child.status.success(),
            "join_sum(&[], f) must return 0: an empty slice is a base case, not something to split; \
             run in a child process, it ended with {}:\n{}",
            child.status,
            said.join("\n")
        );
    }

    fn rayon_scope_updates_a_short_last_chunk_too() {
        let mut values: Vec<u64> = (1..=1003).collect();
        scoped_update(&mut values, 100, square);
        assert_eq!(values, (1..=1003).map(square).collect::<Vec<_>>(), "chunks of 100 leave a last chunk of 3, which must be updated too");
    }

    fn rayon_scope_updates_every_chunk_in_place() {
        let mut values = numbers();
        scoped_update(&mut values, 100, square);
        assert_eq!(
            values,
            numbers().iter().map(|&x| square(x)).collect::<Vec<_>>(),
            "scoped_update replaces every value v with f(v), in place"
        );
        let probe = OverlapProbe::new(2);
        let mut values = numbers();
        in_pool_of(2, || scoped_update(&mut values, 500, |x| { probe.arrive(); x }));
        probe.assert_overlapped("scope tasks on a pool of two");
    }

    fn a_sized_pool_has_exactly_that_many_threads() {
        for n in [1, 3, 5] {
            assert_eq!(in_pool_of(n, rayon::current_num_threads), n, "in_pool_of({n}, ..) runs its work in a rayon pool of exactly {n} threads");
        }
        let threads = ThreadSet::new();
        in_pool_of(3, || par_map_sum(&numbers(), |x| { threads.record(); x }));
        assert!(threads.len() <= 3, "par_iter inside in_pool_of(3, ..) ran on {} threads; the pool has only three", threads.len());
    }

    fn default_sizes_come_from_the_machine() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(default_pool_size(), cores, "default_pool_size is one thread per available core");
        assert_eq!(in_pool_of(cores + 1, default_pool_size), cores, "default_pool_size is the number of cores, whatever pool it is called in");
    }

    fn a_crossbeam_pipeline_sums_on_every_worker() {
        assert_eq!(pipeline_sum(&numbers(), 3, square), expected(), "pipeline_sum of square over 1..=10000 is the sum of the squares");
        let (probe, threads) = (OverlapProbe::new(3), ThreadSet::new());
        let caller = std::thread::current().id();
        pipeline_sum(&numbers(), 3, |x| {
            threads.record();
            probe.arrive();
            x
        });
        probe.assert_overlapped("three pipeline workers");
        assert_eq!(threads.len(), 3, "f runs on all three pipeline workers, each a thread of its own");
        assert!(!threads.contains(caller), "f runs on the pipeline's worker threads, not on the thread that called pipeline_sum");
    }

    fn the_threadpool_crate_maps_in_order_on_its_workers() {
        let out = threadpool_map(&numbers(), 3, square);
        assert_eq!(
            out,
            numbers().iter().map(|&x| square(x)).collect::<Vec<_>>(),
            "threadpool_map returns f(x) for every number, in input order"
        );
        // Later numbers finish first; the results must not follow them.
        let slow_first = threadpool_map(&[0, 1, 2, 3, 4, 5], 3, |x| {
            std::thread::sleep(std::time::Duration::from_millis(2 * (6 - x)));
            x
        });
        assert_eq!(slow_first, [0, 1, 2, 3, 4, 5], "threadpool_map returns results in input order, though later numbers finish first");
        let probe = Arc::new(OverlapProbe::new(3));
        let threads = Arc::new(ThreadSet::new());
        let (p, t) = (probe.clone(), threads.clone());
        threadpool_map(&numbers()[..30], 3, move |x| {
            t.record();
            p.arrive();
            x
        });
        probe.assert_overlapped("three threadpool workers");
        assert_eq!(threads.len(), 3, "the jobs run on all three workers of the threadpool");
    }
}
