use ch07_pools::thread_pool::ThreadPool;
use grading::{Gauge, OverlapProbe, ThreadSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crate::{gate, panics};

grading::graded! {
    fn n_workers_run_n_jobs_at_once_and_never_more() {
        let pool = ThreadPool::new(4);
        assert_eq!(pool.size(), 4, "ThreadPool::new(4).size() reports the four workers it started");
        let probe = Arc::new(OverlapProbe::new(4));
        let (gauge, threads) = (Arc::new(Gauge::new()), Arc::new(ThreadSet::new()));
        for _ in 0..40 {
            let (probe, gauge, threads) = (probe.clone(), gauge.clone(), threads.clone());
            pool.execute(move || {
                let _running = gauge.enter();
                threads.record();
                probe.arrive();
                thread::sleep(Duration::from_micros(200));
            });
        }
        drop(pool);
        probe.assert_overlapped("four workers");
        assert_eq!(gauge.peak(), 4, "never more jobs at once than workers");
        assert_eq!(threads.len(), 4, "forty jobs reuse the same four threads");
        assert_eq!(gauge.entries(), 40, "every one of the forty queued jobs runs before drop returns");
    }

    fn every_job_runs_exactly_once() {
        let pool = ThreadPool::new(3);
        let runs: Arc<Vec<AtomicUsize>> = Arc::new((0..1000).map(|_| AtomicUsize::new(0)).collect());
        for i in 0..1000 {
            let runs = runs.clone();
            pool.execute(move || {
                runs[i].fetch_add(1, Ordering::SeqCst);
            });
        }
        drop(pool);
        let counts: Vec<usize> = runs.iter().map(|r| r.load(Ordering::SeqCst)).collect();
        assert!(counts.iter().all(|&c| c == 1), "a job was lost or ran twice");
    }

    fn dropping_the_pool_finishes_the_queued_jobs_first() {
        let pool = ThreadPool::new(2);
        let done = Arc::new(AtomicUsize::new(0));
        for _ in 0..50 {
            let done = done.clone();
            pool.execute(move || {
                thread::sleep(Duration::from_millis(1));
                done.fetch_add(1, Ordering::SeqCst);
            });
        }
        drop(pool);
        assert_eq!(done.load(Ordering::SeqCst), 50, "drop must finish every queued job, then return");
    }

    fn a_panicking_job_does_not_shrink_the_pool() {
        let pool = ThreadPool::new(2);
        for i in 0..6 {
            pool.execute(move || panic!("job {i} fails on purpose"));
        }
        let probe = Arc::new(OverlapProbe::new(2));
        let threads = Arc::new(ThreadSet::new());
        for _ in 0..4 {
            let (probe, threads) = (probe.clone(), threads.clone());
            pool.execute(move || {
                threads.record();
                probe.arrive();
            });
        }
        drop(pool);
        probe.assert_overlapped("both workers, after six panics");
        assert_eq!(threads.len(), 2, "after six panicking jobs both workers still take jobs: a panic must not kill its worker");
    }

    fn idle_workers_wait_for_jobs_that_come_later() {
        let pool = ThreadPool::new(2);
        for expected in 1..=2 {
            // Let the workers find the queue empty; a worker that quits when
            // idle is gone by now, and the job below would never run.
            thread::sleep(Duration::from_millis(100));
            pool.execute(|| {});
            grading::wait_until(|| pool.completed() == expected);
        }
    }

    fn completed_counts_every_finished_job() {
        let pool = ThreadPool::new(2);
        pool.execute(|| {});
        pool.execute(|| panic!("counted too"));
        grading::wait_until(|| pool.completed() == 2);
    }

    fn a_running_job_is_not_completed_yet() {
        let pool = ThreadPool::new(1);
        let (open, gate) = gate();
        let (started, has_started) = crossbeam_channel::bounded(1);
        pool.execute(move || {
            started.send(()).unwrap();
            let _ = gate.recv();
        });
        has_started.recv().unwrap();
        assert_eq!(pool.completed(), 0, "completed() counted a job that is still running");
        open.send(()).unwrap();
        grading::wait_until(|| pool.completed() == 1);
    }

    fn the_workers_are_named_pool_worker_i() {
        let pool = ThreadPool::new(3);
        // Each job waits for the other two, so each runs on a worker of its own.
        let probe = Arc::new(OverlapProbe::new(3));
        let names = Arc::new(Mutex::new(Vec::new()));
        for _ in 0..3 {
            let (probe, names) = (probe.clone(), names.clone());
            pool.execute(move || {
                names.lock().unwrap().push(thread::current().name().map(str::to_owned));
                probe.arrive();
            });
        }
        drop(pool);
        probe.assert_overlapped("three workers");
        let mut names = names.lock().unwrap().clone();
        for name in &names {
            let numbered = name
                .as_deref()
                .and_then(|name| name.strip_prefix("pool-worker-"))
                .is_some_and(|i| i.parse::<usize>().is_ok());
            assert!(numbered, "a job ran on a thread named {name:?}; the workers are named pool-worker-<i>");
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 3, "each of the three workers has a name of its own");
    }

    fn the_default_size_is_one_worker_per_core() {
        let cores = thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(ThreadPool::with_default_size().size(), cores, "with_default_size starts one worker per available core");
    }

    fn a_pool_of_zero_is_refused() {
        assert_eq!(ThreadPool::new(1).size(), 1, "a pool of one worker is allowed and reports size 1");
        assert!(panics(|| ThreadPool::new(0)), "ThreadPool::new(0) must panic: a pool needs at least one worker");
    }
}
