use ch05_pools::thread_pool::ThreadPool;
use grading::{Gauge, OverlapProbe, ThreadSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

grading::graded! {
    fn n_workers_run_n_jobs_at_once_and_never_more() {
        let pool = ThreadPool::new(4);
        assert_eq!(pool.size(), 4);
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
        assert_eq!(gauge.entries(), 40);
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
        assert_eq!(threads.len(), 2);
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

    #[should_panic(expected = "at least one worker")]
    fn a_pool_of_zero_is_refused() {
        ThreadPool::new(0);
    }
}
