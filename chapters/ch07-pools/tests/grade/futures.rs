use ch07_pools::futures::{Executor, JobError};
use grading::{Band, OverlapProbe, timed};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crate::{gate, panics};

grading::graded! {
    fn submit_hands_back_the_result() {
        let executor = Executor::new(2);
        let handle = executor.submit(|| 6 * 7);
        assert_eq!(handle.wait(), Ok(42), "wait() on the handle of a job returning 6 * 7 gives Ok(42)");
    }

    fn a_panicking_job_is_an_error_not_a_crash() {
        let executor = Executor::new(1);
        let failed = executor.submit(|| -> u8 { panic!("no luck") });
        assert_eq!(
            failed.wait(),
            Err(JobError::Panicked("no luck".to_owned())),
            "a job that panics with \"no luck\" gives Err(JobError::Panicked) with that message"
        );
        assert_eq!(executor.submit(|| 1).wait(), Ok(1), "the worker lives on");
    }

    fn is_done_and_wait_timeout_follow_the_job() {
        let executor = Executor::new(1);
        let (open, gate) = gate();
        let handle = executor.submit(move || gate.recv().map(|()| "finished"));
        assert!(!handle.is_done(), "is_done() is false while the job is still waiting at the test's gate");
        let (outcome, took) = timed(|| handle.wait_timeout(Duration::from_millis(50)));
        let handle = outcome.expect_err("the job is still waiting at the gate");
        Band::around(Duration::from_millis(50)).assert_contains("wait_timeout", took);
        open.send(()).unwrap();
        grading::wait_until(|| handle.is_done());
        assert_eq!(
            handle.wait_timeout(Duration::from_secs(1)).ok(),
            Some(Ok(Ok("finished"))),
            "once the job is done, wait_timeout gives its result, not the handle back"
        );
    }

    fn map_keeps_input_order() {
        let executor = Executor::new(4);
        // Later inputs finish first.
        let results = executor.map(|n: u64| {
            thread::sleep(Duration::from_millis(20 - 4 * n));
            n * n
        }, 0..5);
        assert_eq!(results, [Ok(0), Ok(1), Ok(4), Ok(9), Ok(16)], "map returns the results in input order, though later inputs finish first");
    }

    fn map_unordered_yields_results_as_they_complete() {
        let executor = Executor::new(3);
        let gates: Vec<_> = (0..3).map(|_| gate()).collect();
        let (opens, waits): (Vec<_>, Vec<_>) = gates.into_iter().unzip();
        let mut results = executor.map_unordered(|wait: crossbeam_channel::Receiver<()>| wait.recv().is_ok(), waits);
        // Open the gates last to first: the results must come in that order.
        let mut order = Vec::new();
        for (index, open) in opens.iter().enumerate().rev() {
            open.send(()).unwrap();
            let (finished, result) = results.next().expect("one result per job");
            assert_eq!(result, Ok(true), "each job returns Ok(true) once its gate opens");
            order.push(finished);
            assert_eq!(finished, index, "map_unordered yields job {index} next: the test just opened its gate, so it finished next");
        }
        assert_eq!(order, [2, 1, 0], "map_unordered yields results in the order the jobs finished");
        assert!(results.next().is_none(), "map_unordered yields exactly one result per input, then ends");
    }

    fn shutdown_with_cancel_drops_what_has_not_started() {
        let executor = Executor::new(1);
        let (open, gate) = gate();
        let (started, has_started) = crossbeam_channel::bounded(1);
        let running = executor.submit(move || {
            started.send(()).unwrap();
            gate.recv().is_ok()
        });
        // Only a job that has started is "running"; one still queued would be
        // cancelled with the others.
        has_started.recv().unwrap();
        let queued: Vec<_> = (0..5).map(|n| executor.submit(move || n)).collect();
        thread::scope(|scope| {
            scope.spawn(|| executor.shutdown(true, true));
            // The one worker is busy at the gate, so the queued jobs can only
            // become done by being cancelled.
            grading::wait_until(|| queued.iter().all(|h| h.is_done()));
            open.send(()).unwrap();
        });
        assert_eq!(running.wait(), Ok(true), "the running job finishes");
        for handle in queued {
            assert_eq!(handle.wait(), Err(JobError::Cancelled), "shutdown(wait, cancel_pending) cancels every job that had not started");
        }
    }

    fn shutdown_without_wait_returns_at_once_and_the_jobs_still_finish() {
        let executor = Executor::new(1);
        let (open, gate) = gate();
        let running = executor.submit(move || gate.recv().is_ok());
        let queued = executor.submit(|| "after");
        let ((), took) = timed(|| executor.shutdown(false, false));
        Band::under(Duration::from_millis(1500)).assert_contains("shutdown without waiting", took);
        open.send(()).unwrap();
        assert_eq!(running.wait(), Ok(true), "shutdown without waiting lets the running job finish");
        assert_eq!(queued.wait(), Ok("after"), "without cancel, queued jobs still run");
    }

    fn dropping_the_executor_waits_for_every_job() {
        let executor = Executor::new(2);
        let handles: Vec<_> = (0..10).map(|n| executor.submit(move || { thread::sleep(Duration::from_millis(2)); n })).collect();
        drop(executor);
        assert!(handles.iter().all(|h| h.is_done()), "dropping the executor waits until every submitted job is done");
        let values: Vec<_> = handles.into_iter().map(|h| h.wait().unwrap()).collect();
        assert_eq!(values, (0..10).collect::<Vec<_>>(), "each handle gives its own job's result");
    }

    fn wait_timeout_keeps_one_deadline_through_early_wakeups() {
        let executor = Executor::new(1);
        let (open, gate) = gate();
        let handle = executor.submit(move || gate.recv().is_ok());
        // Every timed wait of this call wakes up early, without a
        // notification: only a wait that keeps its first deadline ends.
        let (outcome, took) = timed(|| {
            grading::sync::early_wakeups(|| handle.wait_timeout(Duration::from_millis(60)))
        });
        let handle = outcome.expect_err("the job is still waiting at the gate");
        Band::around(Duration::from_millis(60)).assert_contains("wait_timeout with early wake-ups", took);
        open.send(()).unwrap();
        assert_eq!(handle.wait(), Ok(true), "the job still finishes after the timed-out wait");
    }

    fn wait_timeout_returns_as_soon_as_the_job_is_done() {
        let executor = Executor::new(1);
        let (open, gate) = gate();
        let handle = executor.submit(move || gate.recv().map(|()| "finished"));
        let (outcome, took) = thread::scope(|scope| {
            scope.spawn(|| {
                // The job takes about 20 ms.
                thread::sleep(Duration::from_millis(20));
                open.send(()).unwrap();
            });
            timed(|| handle.wait_timeout(Duration::from_secs(3)))
        });
        assert_eq!(outcome.ok(), Some(Ok(Ok("finished"))), "wait_timeout(3 s) gives the result of a job that finishes within the time");
        Band::under(Duration::from_secs(1)).assert_contains("wait_timeout(3 s) on a job that takes 20 ms", took);
        let (done, took) = timed(|| executor.submit(|| 7).wait_timeout(Duration::from_secs(3)).ok());
        assert_eq!(done, Some(Ok(7)), "wait_timeout gives the result of a job that takes no time");
        Band::under(Duration::from_secs(1)).assert_contains("wait_timeout(3 s) on a job that takes no time", took);
    }

    fn map_runs_the_jobs_at_once() {
        let executor = Executor::new(3);
        let probe = Arc::new(OverlapProbe::new(3));
        let p = probe.clone();
        let results = executor.map(move |n: u32| { p.arrive(); n }, 0..3);
        assert_eq!(results, [Ok(0), Ok(1), Ok(2)], "map returns one Ok result per input, in input order");
        probe.assert_overlapped("map on three workers");
    }

    fn a_panic_is_an_error_in_map_and_map_unordered() {
        let executor = Executor::new(2);
        let fail_on_two = |n: u32| {
            assert!(n != 2, "two fails on purpose");
            n * 10
        };
        let mapped = executor.map(fail_on_two, 0..4);
        let mut unordered: Vec<_> = executor.map_unordered(fail_on_two, 0..4).collect();
        unordered.sort_by_key(|(index, _)| *index);
        insta::assert_debug_snapshot!("a_panic_in_map_and_map_unordered", (mapped, unordered));
    }

    fn an_executor_of_zero_is_refused() {
        assert_eq!(Executor::new(1).submit(|| 1).wait(), Ok(1), "an executor of one worker is allowed and runs jobs");
        assert!(panics(|| Executor::new(0)), "Executor::new(0) must panic: an executor needs at least one worker");
    }
}
