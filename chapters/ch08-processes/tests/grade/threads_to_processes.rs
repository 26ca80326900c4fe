use ch08_processes::process_pool::ProcessPool;
use ch08_processes::threads_to_processes::from_threads;
use std::panic::{self, AssertUnwindSafe};

use crate::worker;

grading::graded! {
    fn each_thread_gets_its_own_results() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let out = from_threads(&pool, 3, "square", |t| (0..5).map(|i| (t * 10 + i) as u64).collect());
        assert_eq!(out.len(), 3, "one list of results per thread");
        for (t, results) in out.iter().enumerate() {
            let expected: Vec<u64> = (0..5).map(|i| ((t * 10 + i) as u64).pow(2)).collect();
            assert_eq!(
                results.iter().map(|r| *r.as_ref().unwrap()).collect::<Vec<_>>(),
                expected,
                "thread {t} gets the squares of its own inputs, in order, not another thread's"
            );
        }
    }

    fn answers_come_in_thread_order_though_later_threads_finish_first() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        // Thread 0 waits 400 ms for its answer; threads 1 and 2 get theirs at once.
        let out = from_threads(&pool, 3, "sleep_ms", |t| vec![if t == 0 { 400 } else { t as u64 }]);
        assert_eq!(out, [vec![Ok(400)], vec![Ok(1)], vec![Ok(2)]], "results go in thread order, not in the order the threads finished");
    }

    fn no_threads_give_no_results() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let out = from_threads(&pool, 0, "square", |t| panic!("there is no thread {t} to ask for inputs"));
        assert!(out.is_empty(), "zero threads, zero lists of results: {out:?}");
    }

    fn requests_from_several_threads_run_at_the_same_time() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let out = from_threads(&pool, 2, "sleep_ms", |_| vec![300]);
        assert_eq!(out.len(), 2, "two threads get two lists of results");
        assert_eq!(pool.busy_peak(), 2, "the two threads' tasks ran on both workers at once");
    }

    fn one_threads_inputs_run_side_by_side() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let out = from_threads(&pool, 1, "sleep_ms", |_| vec![300, 300]);
        assert_eq!(out, [vec![Ok(300), Ok(300)]], "the one thread gets the results of both its inputs");
        assert_eq!(pool.busy_peak(), 2, "one thread's two inputs must be handed over together, so both workers run them at once");
    }

    fn a_panic_in_a_thread_passes_on() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            from_threads(&pool, 3, "square", |t| {
                assert!(t != 1, "thread 1 cannot make its inputs (on purpose)");
                vec![t as u64]
            })
        }));
        assert!(outcome.is_err(), "a thread that panicked must not become an empty list of results: {outcome:?}");
        let after = from_threads(&pool, 2, "square", |t| vec![t as u64 + 2]);
        assert_eq!(after, [vec![Ok(4)], vec![Ok(9)]], "the pool answers the next threads as before");
    }
}
