use ch08_processes::process_pool::{ProcessPool, TaskError, default_chunksize};
use grading::{Band, timed};
use std::time::Duration;

use crate::{is_reaped, worker};

grading::graded! {
    fn map_returns_every_result_in_input_order() {
        let pool = ProcessPool::new(worker(), 2).expect("the workers start");
        let inputs: Vec<u64> = (0..100).collect();
        let out: Vec<u64> = pool.map::<u64, u64>("square", &inputs, Some(7)).into_iter().map(Result::unwrap).collect();
        assert_eq!(out, inputs.iter().map(|x| x * x).collect::<Vec<_>>(), "map of square over 0..100 in chunks of 7 gives every square, in input order");
        let default: Vec<u64> = pool.map::<u64, u64>("square", &inputs, None).into_iter().map(Result::unwrap).collect();
        assert_eq!(default, out, "with the default chunk size (None), map gives the same results as with chunks of 7");
        assert!(pool.map::<u64, u64>("square", &[], None).is_empty(), "map over no inputs returns no results");
        // Another of the worker's tasks: 6 -> 3 -> 10 -> 5 -> 16 -> 8 -> 4 -> 2 -> 1.
        assert_eq!(
            pool.map::<u64, u64>("collatz_steps", &[1, 6, 27], None),
            [Ok(0), Ok(8), Ok(111)],
            "map runs the task it is given by name: collatz_steps, not square"
        );
    }

    fn results_come_in_input_order_though_later_inputs_finish_first() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        // One worker sleeps 400 ms on the first input while the other does the rest.
        let out = pool.map::<u64, u64>("sleep_ms", &[400, 1, 2, 3], Some(1));
        assert_eq!(out, [Ok(400), Ok(1), Ok(2), Ok(3)], "results go in input order, not in the order they finished");
    }

    fn a_chunk_size_of_zero_counts_as_one() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let out = pool.map::<u64, u64>("square", &[1, 2, 3, 4, 5], Some(0));
        assert_eq!(out, [Ok(1), Ok(4), Ok(9), Ok(16), Ok(25)], "`Some(0)` is a chunk size of 1");
    }

    fn the_default_chunk_size_follows_cpython() {
        assert_eq!(default_chunksize(100, 4), 7, "ceil(100 / 16)");
        assert_eq!(default_chunksize(16, 4), 1, "ceil(16 / 16)");
        assert_eq!(default_chunksize(17, 4), 2, "ceil(17 / 16): a remainder rounds up");
        assert_eq!(default_chunksize(0, 4), 1, "no items still give a chunk size of at least 1");
        assert_eq!(default_chunksize(1_000_000, 2), 125_000, "ceil(1000000 / 8)");
    }

    fn the_workers_run_at_the_same_time() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let (out, took) = timed(|| pool.map::<u64, u64>("sleep_ms", &[300, 300], Some(1)));
        assert_eq!(out, [Ok(300), Ok(300)], "sleep_ms returns the milliseconds it slept, once per input");
        assert_eq!(pool.busy_peak(), 2, "both workers had a task at once");
        Band::around(Duration::from_millis(300)).assert_contains("two 300 ms tasks on two workers", took);
    }

    fn dropping_the_pool_leaves_no_worker_behind() {
        let pool = ProcessPool::new(worker(), 3).unwrap();
        assert_eq!(pool.map::<u64, u64>("square", &[1, 2, 3], Some(1)).len(), 3, "map gives one result per input");
        let pids = pool.started_pids();
        assert_eq!(pids.len(), 3, "a pool of three starts three workers, no more while none dies");
        drop(pool);
        for pid in pids {
            assert!(is_reaped(pid), "worker {pid} is still there after drop (running or a zombie)");
        }
    }

    fn a_panicking_task_fails_alone_and_its_worker_lives_on() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let out = pool.map::<u64, u64>("square_or_panic", &[11, 12, 13, 14, 15, 16], Some(3));
        for (x, result) in (11..17).zip(&out) {
            if x == 13 {
                assert!(
                    matches!(result, Err(TaskError::Failed(why)) if why.contains("task failed on 13")),
                    "the task's panic on 13 is TaskError::Failed with its panic message; map gave {out:?}"
                );
            } else {
                assert_eq!(*result, Ok(x * x), "only the input that panicked fails; {x} still gives its square; map gave {out:?}");
            }
        }
        assert_eq!(pool.started_pids().len(), 2, "a caught panic costs no worker");
    }

    fn an_aborting_task_takes_down_only_its_own_result() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        assert_eq!(pool.workers(), 2, "a pool of two has two workers");
        // One chunk of three holds the fatal input in its middle, so the
        // one-at-a-time retry has a task after it: the others still arrive.
        let out = pool.map::<u64, u64>("square_or_abort", &[12, 13, 14, 15, 16, 17], Some(3));
        for (x, result) in (12..18).zip(&out) {
            if x == 13 {
                assert!(
                    matches!(result, Err(TaskError::WorkerDied(_))),
                    "the input that aborts its worker is TaskError::WorkerDied; map gave {out:?}"
                );
                // The message says how the worker ended (on Linux: "worker
                // died: the worker exited: signal: 6 (SIGABRT)").
                let message = result.as_ref().unwrap_err().to_string();
                assert!(
                    message.starts_with("worker died: the worker exited: "),
                    "WorkerDied says how the worker ended (the given describe_exit), got {message:?}"
                );
            } else {
                assert_eq!(
                    *result,
                    Ok(x * x),
                    "only the input that killed its worker fails; {x} still gives its square, retried alone; map gave {out:?}"
                );
            }
        }
        assert!(pool.started_pids().len() > 2, "the dead worker was replaced");
        let after = pool.map::<u64, u64>("square", &[6, 7, 8, 9], Some(1));
        assert_eq!(after, [Ok(36), Ok(49), Ok(64), Ok(81)], "the pool works on");
        let pids = pool.started_pids();
        drop(pool);
        assert!(pids.iter().all(|&pid| is_reaped(pid)), "no worker, dead or alive, is left behind");
    }

    fn a_task_past_its_time_limit_has_its_worker_killed() {
        let pool = ProcessPool::with_time_limit(worker(), 2, Some(Duration::from_millis(200))).unwrap();
        let (out, took) = timed(|| pool.map::<u64, u64>("sleep_ms", &[10, 5_000, 10], Some(1)));
        assert_eq!(out[0], Ok(10), "the 10 ms task before the runaway gives its result");
        assert_eq!(out[1], Err(TaskError::TimedOut), "the 5 s task past the 200 ms limit is TaskError::TimedOut");
        assert_eq!(out[2], Ok(10), "the 10 ms task after the runaway gives its result");
        Band::under(Duration::from_secs(3)).assert_contains("a map with one runaway task", took);
        assert_eq!(TaskError::TimedOut.to_string(), "task timed out", "TaskError::TimedOut displays as \"task timed out\"");
        // The limit is per task: a chunk of three gets three times as long.
        let chunk = pool.map::<u64, u64>("sleep_ms", &[100, 100, 100], Some(3));
        assert_eq!(
            chunk,
            [Ok(100), Ok(100), Ok(100)],
            "the 200 ms limit is per task: a chunk of three 100 ms tasks has 600 ms and finishes"
        );
        let pids = pool.started_pids();
        assert_eq!(pids.len(), 3, "the runaway's worker was replaced");
        assert!(is_reaped(pids[0]) || is_reaped(pids[1]), "the runaway's worker was killed and reaped");
    }
}
