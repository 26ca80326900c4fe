use ch05_pools::callbacks::run_requests;
use ch05_pools::thread_pool::ThreadPool;
use grading::{OverlapProbe, ThreadSet};
use std::sync::Arc;
use std::thread;

fn square_or_fail(n: u32) -> u32 {
    assert!(n != 3, "three is unlucky");
    n * n
}

grading::graded! {
    fn every_argument_gets_its_callback() {
        let pool = ThreadPool::new(3);
        let (mut results, mut errors) = (Vec::new(), Vec::new());
        run_requests(&pool, square_or_fail, (1..=5).collect(), |n, sq| results.push((n, sq)), |n, msg| errors.push((n, msg)));
        results.sort();
        assert_eq!(results, [(1, 1), (2, 4), (4, 16), (5, 25)]);
        assert_eq!(errors, [(3, "three is unlucky".to_owned())]);
    }

    fn callbacks_run_on_the_waiting_thread_and_work_on_the_pool() {
        let pool = ThreadPool::new(3);
        let caller = thread::current().id();
        let (probe, workers) = (Arc::new(OverlapProbe::new(3)), Arc::new(ThreadSet::new()));
        let (p, w) = (probe.clone(), workers.clone());
        let mut callback_threads = Vec::new();
        run_requests(
            &pool,
            move |n: u32| {
                w.record();
                p.arrive();
                n
            },
            (0..9).collect(),
            |_, _| callback_threads.push(thread::current().id()),
            |n, msg| panic!("request {n} failed: {msg}"),
        );
        assert_eq!(callback_threads.len(), 9);
        assert!(callback_threads.iter().all(|&id| id == caller), "callbacks run where run_requests was called");
        assert!(!workers.contains(caller), "the work runs on the pool");
        probe.assert_overlapped("the requests");
    }

    fn the_threadpool_crate_serves_too() {
        let pool = threadpool::ThreadPool::new(2);
        let mut total = 0;
        let mut failures = 0;
        run_requests(&pool, square_or_fail, (1..=4).collect(), |_, sq| total += sq, |_, _| failures += 1);
        assert_eq!((total, failures), (1 + 4 + 16, 1));
    }

    fn no_requests_return_at_once() {
        let pool = ThreadPool::new(1);
        run_requests(&pool, square_or_fail, Vec::new(), |_, _| panic!("no results"), |_, _| panic!("no errors"));
    }
}
