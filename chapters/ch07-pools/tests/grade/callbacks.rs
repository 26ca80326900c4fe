use ch07_pools::callbacks::run_requests;
use ch07_pools::thread_pool::ThreadPool;
use grading::{OverlapProbe, ThreadSet};
use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

/// How long a job waits at its gate before it gives up.
const PATIENCE: Duration = Duration::from_secs(2);

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
        assert_eq!(results, [(1, 1), (2, 4), (4, 16), (5, 25)], "on_result gets (arg, result) for every argument whose work returned");
        assert_eq!(errors, [(3, "three is unlucky".to_owned())], "on_error gets (arg, panic message) for the one argument whose work panicked");
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
        assert_eq!(callback_threads.len(), 9, "on_result runs once for each of the nine requests");
        assert!(callback_threads.iter().all(|&id| id == caller), "callbacks run where run_requests was called");
        assert!(!workers.contains(caller), "the work runs on the pool");
        probe.assert_overlapped("the requests");
    }

    fn the_threadpool_crate_serves_too() {
        let pool = threadpool::ThreadPool::new(2);
        let mut total = 0;
        let mut failures = 0;
        run_requests(&pool, square_or_fail, (1..=4).collect(), |_, sq| total += sq, |_, _| failures += 1);
        assert_eq!(
            (total, failures),
            (1 + 4 + 16, 1),
            "on the threadpool crate too: the three results reach on_result, the one panic reaches on_error"
        );
    }

    fn no_requests_return_at_once() {
        let pool = ThreadPool::new(1);
        run_requests(
            &pool,
            square_or_fail,
            Vec::new(),
            |_, _| panic!("on_result was called, but there were no requests"),
            |_, _| panic!("on_error was called, but there were no requests"),
        );
    }

    fn each_callback_runs_as_its_result_arrives() {
        // Request 2 finishes at once. The jobs of requests 1 and 0 wait at a
        // gate that only the callback of the request after them opens, so
        // the results arrive in the order 2, 1, 0, each after a callback
        // has run on the caller. Request 1 fails on purpose.
        let pool = ThreadPool::new(3);
        let (opens, gates): (Vec<_>, Vec<_>) = (0..2).map(|_| crossbeam_channel::unbounded::<()>()).unzip();
        let gave_up = Arc::new(AtomicUsize::new(0));
        let given_up = gave_up.clone();
        let work = move |n: usize| {
            if n < 2 && gates[n].recv_timeout(PATIENCE).is_err() {
                given_up.fetch_add(1, Ordering::SeqCst);
            }
            assert!(n != 1, "request 1 fails on purpose");
            n * 10
        };
        let reported = RefCell::new(Vec::new());
        let open_the_gate_before = |n: usize| {
            if n > 0 {
                let _ = opens[n - 1].send(());
            }
        };
        run_requests(
            &pool,
            work,
            (0..3).collect(),
            |n, value| {
                reported.borrow_mut().push((n, Ok(value)));
                open_the_gate_before(n);
            },
            |n, message| {
                reported.borrow_mut().push((n, Err(message)));
                open_the_gate_before(n);
            },
        );
        let reported = reported.into_inner();
        for (n, outcome) in &reported {
            if let Ok(value) = outcome {
                assert_eq!(*value, n * 10, "request {n} was reported with another request's result");
            }
        }
        assert_eq!(
            gave_up.load(Ordering::SeqCst),
            0,
            "a job waited in vain for the callback of the request after it: \
             run the callbacks as the results arrive, not after the last one"
        );
        let trace: Vec<String> = reported
            .iter()
            .map(|(n, outcome)| match outcome {
                Ok(value) => format!("on_result({n}, {value})"),
                Err(message) => format!("on_error({n}, {message:?})"),
            })
            .collect();
        insta::assert_snapshot!("callbacks_as_results_arrive", trace.join("\n"));
    }
}
